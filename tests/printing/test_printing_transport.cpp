// SPDX-License-Identifier: GPL-3.0-or-later
// Where the receipt goes: TARGET parsing, files, devices, a network printer and a CUPS queue.
#include "printingfixtures.h"

#include "printing/escpos.h"
#include "printing/transport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

#include <thread>

#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace oasis;
using namespace oasis::printing;
using namespace oasis::printing::test;

namespace {

PrintTarget target(const QString &text) {
    auto parsed = parseTarget(text);
    if (!parsed)
        FAIL(parsed.error().message.toStdString());
    return *parsed;
}

QByteArray readFile(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QByteArray receiptBytes(const EscPosOptions &options = {}) {
    auto bytes = renderReceiptEscPos(sampleReceipt(), options);
    if (!bytes)
        FAIL(bytes.error().message.toStdString());
    return *bytes;
}

// Reads everything one client sends until it closes the connection.
QByteArray receiveAll(QTcpServer &server) {
    if (!server.hasPendingConnections() && !server.waitForNewConnection(2000))
        return {};
    QTcpSocket *socket = server.nextPendingConnection();
    QByteArray received;
    while (true) {
        received += socket->readAll();
        if (socket->state() != QAbstractSocket::ConnectedState)
            break;
        if (!socket->waitForReadyRead(2000))
            break;
    }
    received += socket->readAll();
    return received;
}

} // namespace

TEST_CASE("printer targets in TARGET syntax are understood", "[printing]") {
    PrintTarget t = target(QStringLiteral("file:/tmp/receipt.bin"));
    REQUIRE(t.kind == PrintTarget::Kind::File);
    REQUIRE(t.path == QStringLiteral("/tmp/receipt.bin"));

    t = target(QStringLiteral("tcp:192.168.1.50:9100"));
    REQUIRE(t.kind == PrintTarget::Kind::Tcp);
    REQUIRE(t.host == QStringLiteral("192.168.1.50"));
    REQUIRE(t.port == 9100);

    t = target(QStringLiteral("tcp:frontdesk-printer.local:9101"));
    REQUIRE(t.host == QStringLiteral("frontdesk-printer.local"));
    REQUIRE(t.port == 9101);

    t = target(QStringLiteral("tcp:[::1]:9100"));
    REQUIRE(t.host == QStringLiteral("::1"));
    REQUIRE(t.port == 9100);
    REQUIRE(t.toString() == QStringLiteral("tcp:[::1]:9100"));

    t = target(QStringLiteral("tcp:printer"));
    REQUIRE(t.port == 9100);

    t = target(QStringLiteral("device:/dev/usb/lp0"));
    REQUIRE(t.kind == PrintTarget::Kind::Device);
    REQUIRE(t.path == QStringLiteral("/dev/usb/lp0"));

    t = target(QStringLiteral("lp:FrontDesk_TM-T20"));
    REQUIRE(t.kind == PrintTarget::Kind::Lp);
    REQUIRE(t.queue == QStringLiteral("FrontDesk_TM-T20"));

    REQUIRE(target(QStringLiteral("pdf:/tmp/r 42.pdf")).kind == PrintTarget::Kind::Pdf);
    REQUIRE(target(QStringLiteral("pdf:/tmp/r 42.pdf")).path == QStringLiteral("/tmp/r 42.pdf"));
    REQUIRE(target(QStringLiteral("png:receipt.png")).kind == PrintTarget::Kind::Png);
    REQUIRE(target(QStringLiteral("text:C:/receipt.txt")).path == QStringLiteral("C:/receipt.txt"));
    REQUIRE(target(QStringLiteral("TCP:10.0.0.5:9100")).kind == PrintTarget::Kind::Tcp);

    for (const char *text : {"file:/tmp/receipt.bin", "tcp:10.0.0.5:9100", "device:/dev/usb/lp0",
                             "lp:FrontDesk", "pdf:/tmp/r.pdf", "png:r.png", "text:r.txt"})
        REQUIRE(target(QString::fromLatin1(text)).toString() == QString::fromLatin1(text));
}

TEST_CASE("bad printer targets are refused with a message saying why", "[printing]") {
    const char *bad =
        GENERATE("", "   ", "printer", "usb:/dev/usb/lp0", ":9100",
                 "file:", "pdf:", "device:", "tcp:", "tcp::9100", "tcp:host:", "tcp:host:0",
                 "tcp:host:65536", "tcp:host:91OO", "tcp:host:-1", "tcp:fe80::1:9100", "tcp:[::1",
                 "tcp:[::1]9100", "tcp:my printer:9100", "lp:", "lp:front desk", "lp:a/b");
    INFO("target: \"" << bad << "\"");
    const auto parsed = parseTarget(QString::fromLatin1(bad));
    REQUIRE_FALSE(parsed.has_value());
    REQUIRE(parsed.error().code == ErrorCode::Invalid);
    REQUIRE(parsed.error().message.size() > 20);
}

TEST_CASE("file and text targets get the receipt", "[printing]") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());

    const QString binPath = dir.filePath(QStringLiteral("receipt.bin"));
    REQUIRE(printReceipt(sampleReceipt(), target(QStringLiteral("file:") + binPath)).has_value());
    REQUIRE(readFile(binPath) == receiptBytes());

    const QString textPath = dir.filePath(QStringLiteral("receipt.txt"));
    EscPosOptions narrow = EscPosOptions::forPaper(PaperWidth::Mm58);
    REQUIRE(printReceipt(sampleReceipt(), target(QStringLiteral("text:") + textPath), narrow)
                .has_value());
    const QString text = QString::fromUtf8(readFile(textPath));
    REQUIRE(text.contains(QStringLiteral("Cr\u00e8me")));
    REQUIRE(text.contains(sampleReceiptCode));
    for (const QString &line : text.split(u'\n'))
        REQUIRE(line.size() <= 32);

    const auto missingFolder =
        printReceipt(sampleReceipt(), target(QStringLiteral("file:") +
                                             dir.filePath(QStringLiteral("no/such/r.bin"))));
    REQUIRE_FALSE(missingFolder.has_value());
    REQUIRE(missingFolder.error().code == ErrorCode::Printer);
}

TEST_CASE("a device target writes to the device and never creates a stray file", "[printing]") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString missing = dir.filePath(QStringLiteral("lp0"));
    const auto result = printReceipt(sampleReceipt(), target(QStringLiteral("device:") + missing));
    REQUIRE_FALSE(result.has_value());
    REQUIRE(result.error().code == ErrorCode::Printer);
    REQUIRE(result.error().message.contains(QStringLiteral("does not exist")));
    REQUIRE_FALSE(QFile::exists(missing));

    // A device node that exists takes the bytes as they are (a plain file stands in for it).
    QFile node(missing);
    REQUIRE(node.open(QIODevice::WriteOnly));
    node.close();
    REQUIRE(openDrawer(target(QStringLiteral("device:") + missing)).has_value());
    REQUIRE(readFile(missing) == QByteArray("\x1b@") + drawerKickBytes());
}

TEST_CASE("a device that nothing reads gives a printer error at once, not a hang",
          "[printing][deadline]") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    // A FIFO without a reader stands in for a USB printer that is off: opening it for writing
    // would block forever without O_NONBLOCK.
    const QString fifo = dir.filePath(QStringLiteral("lp0"));
    REQUIRE(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
    for (const QString &scheme :
         {QStringLiteral("device:"), QStringLiteral("file:"), QStringLiteral("text:"),
          QStringLiteral("pdf:"), QStringLiteral("png:")}) {
        INFO(scheme.toStdString());
        const auto result = printReceipt(sampleReceipt(), target(scheme + fifo));
        REQUIRE_FALSE(result.has_value());
        REQUIRE(result.error().code == ErrorCode::Printer);
        REQUIRE(result.error().message.contains(QStringLiteral("is not taking data")));
        // Never replaced by a plain file.
        struct stat st {};
        REQUIRE(::stat(QFile::encodeName(fifo).constData(), &st) == 0);
        REQUIRE(S_ISFIFO(st.st_mode));
    }
}

TEST_CASE("a device that stops taking bytes gives a printer error at the deadline",
          "[printing][deadline]") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString fifo = dir.filePath(QStringLiteral("lp0"));
    REQUIRE(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
    // A reader that never reads: the pipe takes 64 KiB and then nothing, like a printer out of
    // paper. Without a deadline the write would block forever.
    const int reader = ::open(QFile::encodeName(fifo).constData(), O_RDONLY | O_NONBLOCK);
    REQUIRE(reader >= 0);
    TransportOptions transport;
    transport.writeTimeoutMs = 300;
    const QByteArray raster(1024 * 1024, '\xAA');
    const auto sent = sendRaw(raster, target(QStringLiteral("device:") + fifo), transport);
    REQUIRE_FALSE(sent.has_value());
    REQUIRE(sent.error().code == ErrorCode::Printer);
    REQUIRE(sent.error().message.contains(QStringLiteral("did not take the receipt within 0.3 s")));

    // A reader that goes away mid-job: an error, and no SIGPIPE killing the program.
    ::close(reader);
    const int again = ::open(QFile::encodeName(fifo).constData(), O_RDONLY | O_NONBLOCK);
    REQUIRE(again >= 0);
    std::thread closer([again] {
        ::usleep(100'000);
        ::close(again);
    });
    transport.writeTimeoutMs = 30'000;
    const auto cut = sendRaw(raster, target(QStringLiteral("device:") + fifo), transport);
    closer.join();
    REQUIRE_FALSE(cut.has_value());
    REQUIRE(cut.error().code == ErrorCode::Printer);
    REQUIRE(cut.error().message.contains(QStringLiteral("stopped taking the receipt")));
}

TEST_CASE("a CUPS queue that never finishes is stopped at the deadline", "[printing][deadline]") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString script = dir.filePath(QStringLiteral("lp"));
    QFile file(script);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write("#!/bin/sh\nexec sleep 600\n");
    file.close();
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    TransportOptions transport;
    transport.lpProgram = script;
    transport.writeTimeoutMs = 300;
    const auto result =
        printReceipt(sampleReceipt(), target(QStringLiteral("lp:FrontDesk")), {}, transport);
    REQUIRE_FALSE(result.has_value());
    REQUIRE(result.error().code == ErrorCode::Printer);
    REQUIRE(result.error().message.contains(QStringLiteral("did not take the receipt within")));
}

TEST_CASE("a network printer receives exactly the receipt's bytes", "[printing]") {
    QTcpServer server;
    REQUIRE(server.listen(QHostAddress::LocalHost, 0));
    const PrintTarget printer = target(QStringLiteral("tcp:127.0.0.1:%1").arg(server.serverPort()));
    EscPosOptions options;
    options.kickDrawer = true;
    const auto sent = printReceipt(sampleReceipt(), printer, options);
    REQUIRE(sent.has_value());
    REQUIRE(receiveAll(server) == receiptBytes(options));
}

TEST_CASE("a network printer that stops taking data gives a printer error in time", "[printing]") {
    QTcpServer server;
    REQUIRE(server.listen(QHostAddress::LocalHost, 0));
    // A small receive window on the listener: like a printer out of paper, it takes a little and
    // then nothing more. The connection is never even accepted by the application.
    const int small = 4096;
    ::setsockopt(int(server.socketDescriptor()), SOL_SOCKET, SO_RCVBUF, &small, sizeof small);
    const PrintTarget printer = target(QStringLiteral("tcp:127.0.0.1:%1").arg(server.serverPort()));
    TransportOptions transport;
    transport.connectTimeoutMs = 1000;
    transport.writeTimeoutMs = 400;
    const QByteArray huge(48 * 1024 * 1024, 'x');

    QElapsedTimer clock;
    clock.start();
    const auto sent = sendRaw(huge, printer, transport);
    const qint64 elapsed = clock.elapsed();

    REQUIRE_FALSE(sent.has_value());
    REQUIRE(sent.error().code == ErrorCode::Printer);
    REQUIRE(
        sent.error().message.contains(QStringLiteral("did not accept the receipt within 0.4 s")));
    REQUIRE(elapsed < 2500);
}

TEST_CASE("a network printer that is off gives a printer error", "[printing]") {
    quint16 port = 0;
    {
        QTcpServer probe;
        REQUIRE(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    const auto sent =
        printReceipt(sampleReceipt(), target(QStringLiteral("tcp:127.0.0.1:%1").arg(port)));
    REQUIRE_FALSE(sent.has_value());
    REQUIRE(sent.error().code == ErrorCode::Printer);
    REQUIRE(sent.error().message.contains(QStringLiteral("refused")));
    REQUIRE(sent.error().message.contains(QStringLiteral("127.0.0.1:%1").arg(port)));
}

TEST_CASE("a CUPS queue gets the raw bytes through lp", "[printing]") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    TransportOptions transport;
    const PrintTarget queue = target(QStringLiteral("lp:FrontDesk"));

    SECTION("lp takes the job") {
        // A stand-in for lp that records its arguments and the bytes on its standard input.
        const QString script = dir.filePath(QStringLiteral("lp"));
        QFile file(script);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write(QStringLiteral("#!/bin/sh\necho \"$@\" > '%1/args'\ncat > '%1/data'\n")
                       .arg(dir.path())
                       .toUtf8());
        file.close();
        file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        transport.lpProgram = script;
        REQUIRE(printReceipt(sampleReceipt(), queue, {}, transport).has_value());
        REQUIRE(readFile(dir.filePath(QStringLiteral("args"))) ==
                QByteArray("-d FrontDesk -o raw\n"));
        REQUIRE(readFile(dir.filePath(QStringLiteral("data"))) == receiptBytes());
    }
    SECTION("lp refuses the job") {
        const QString script = dir.filePath(QStringLiteral("lp"));
        QFile file(script);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write(
            "#!/bin/sh\ncat > /dev/null\necho 'lp: The printer or class does not exist.' >&2\n"
            "exit 1\n");
        file.close();
        file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        transport.lpProgram = script;
        const auto result = printReceipt(sampleReceipt(), queue, {}, transport);
        REQUIRE_FALSE(result.has_value());
        REQUIRE(result.error().code == ErrorCode::Printer);
        REQUIRE(result.error().message.contains(QStringLiteral("does not exist")));
    }
    SECTION("lp is not installed") {
        transport.lpProgram = dir.filePath(QStringLiteral("no-such-lp"));
        const auto result = printReceipt(sampleReceipt(), queue, {}, transport);
        REQUIRE_FALSE(result.has_value());
        REQUIRE(result.error().code == ErrorCode::Printer);
        REQUIRE(result.error().message.contains(QStringLiteral("lp command is not installed")));
    }
}

TEST_CASE("the drawer opens only through a receipt printer", "[printing]") {
    const auto result = openDrawer(target(QStringLiteral("pdf:/tmp/drawer.pdf")));
    REQUIRE_FALSE(result.has_value());
    REQUIRE(result.error().code == ErrorCode::Invalid);
}

TEST_CASE("receipt printers on USB are the lp entries of the folder, in number order",
          "[printing][transport][usb]") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    CHECK(usbReceiptPrinters(dir.path()).isEmpty());
    for (const char *name : {"lp1", "lp10", "lp0", "lp2", "lpx", "scanner0", "lp"}) {
        QFile file(dir.filePath(QLatin1String(name)));
        REQUIRE(file.open(QIODevice::WriteOnly));
    }
    CHECK(usbReceiptPrinters(dir.path()) ==
          QStringList{dir.filePath(QStringLiteral("lp0")), dir.filePath(QStringLiteral("lp1")),
                      dir.filePath(QStringLiteral("lp2")), dir.filePath(QStringLiteral("lp10"))});
    CHECK(usbReceiptPrinters(dir.filePath(QStringLiteral("absent"))).isEmpty());
}

TEST_CASE("a network printer typed in Settings is checked before it becomes a target",
          "[printing][transport][network]") {
    const auto targetOf = [](const char *address, const char *port) {
        auto t = networkPrinter(QLatin1String(address), QLatin1String(port));
        return t ? t->toString() : QString();
    };
    CHECK(targetOf("192.168.1.50", "9100") == QStringLiteral("tcp:192.168.1.50:9100"));
    CHECK(targetOf(" 10.0.0.7 ", "") == QStringLiteral("tcp:10.0.0.7:9100"));
    CHECK(targetOf("receipts.local", "9101") == QStringLiteral("tcp:receipts.local:9101"));
    CHECK(targetOf("::1", "9100") == QStringLiteral("tcp:[::1]:9100"));
    CHECK(targetOf("[::1]", "9100") == QStringLiteral("tcp:[::1]:9100"));
    // What comes back parses as the same TARGET oasisctl takes.
    CHECK(parseTarget(targetOf("::1", "9100"))->host == QStringLiteral("::1"));

    for (const char *bad :
         {"", "  ", "192.168.1.300", "192.168.1", "1.2.3.4.5", "printer one", "tcp:10.0.0.7",
          "10.0.0.7:9100", "-printer", "0.0.0.0", "255.255.255.255", "a..b"}) {
        INFO(bad);
        auto t = networkPrinter(QLatin1String(bad), QStringLiteral("9100"));
        REQUIRE_FALSE(t);
        CHECK(t.error().code == ErrorCode::Invalid);
        CHECK_FALSE(t.error().message.contains(u'\n'));
    }
    for (const char *bad : {"0", "65536", "91OO", "-1", "99999", "9100x"}) {
        INFO(bad);
        auto t = networkPrinter(QStringLiteral("192.168.1.50"), QLatin1String(bad));
        REQUIRE_FALSE(t);
        CHECK(t.error().message.contains(QLatin1String(bad)));
    }
    CHECK(targetOf("192.168.1.50", " 9100 ") == QStringLiteral("tcp:192.168.1.50:9100"));
}
