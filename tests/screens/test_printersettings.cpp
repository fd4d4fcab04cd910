// SPDX-License-Identifier: GPL-3.0-or-later
// Settings → Printers: printers are chosen from what was found (USB receipt printers, this
// computer's printers, a network printer by address), each with a test print; and the choice
// between this computer's printer and a PDF when there is no receipt printer.
#include "pos/screens/printchoice.h"
#include "pos/screens/settingsscreen.h"
#include "printing/printersettings.h"
#include "printing/transport.h"
#include "tests/printing/printingfixtures.h"
#include "tests/screens/screensfixture.h"

#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPrinterInfo>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace oasis;
using namespace oasis::screens;
using namespace oasis::screens::test;
using oasis::test::TempDb;

namespace {

template <typename W>
W *field(QWidget &screen, const char *name) {
    auto *w = screen.findChild<W *>(QString::fromLatin1(name));
    REQUIRE(w);
    return w;
}

/// The button `name` ("testPrinter", "usePrinter") of the listed printer with `target`.
QPushButton *rowButton(QWidget &screen, const char *name, const QString &target) {
    for (QPushButton *b : screen.findChildren<QPushButton *>(QString::fromLatin1(name)))
        if (b->property("target").toString() == target)
            return b;
    FAIL("no " << name << " button for " << target.toStdString());
    return nullptr;
}

void makeFile(const QString &path) {
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
}

QByteArray readAll(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString deviceTarget(const QString &path) {
    return QStringLiteral("device:") + path;
}

} // namespace

TEST_CASE("Settings lists the receipt printers on USB, test-prints on one and uses another",
          "[screens][settings][printer]") {
    TempDb tdb(true);
    TempSettings settings;
    QTemporaryDir usb;
    REQUIRE(usb.isValid());
    const QString lp0 = usb.filePath(QStringLiteral("lp0"));
    const QString lp1 = usb.filePath(QStringLiteral("lp1"));
    makeFile(lp0);
    makeFile(lp1);
    Context c(tdb.db(), QStringLiteral("manager"));
    SettingsScreen screen(c.ctx);
    QSignalSpy finished(&screen, &SettingsScreen::printerJobFinished);
    screen.setUsbFolder(usb.path());

    QStringList usbTargets;
    for (const FoundPrinter &p : screen.foundPrinters())
        if (p.kind == FoundPrinter::Kind::Usb)
            usbTargets << p.target;
    CHECK(usbTargets == QStringList{deviceTarget(lp0), deviceTarget(lp1)});
    CHECK(screen.findChild<QLabel *>(QStringLiteral("noPrinterFound")) == nullptr);
    CHECK(field<QLabel>(screen, "printerCurrent")->text().contains(QStringLiteral("No receipt")));

    SECTION("Test print sends the test receipt to that printer only") {
        rowButton(screen, "testPrinter", deviceTarget(lp0))->click();
        REQUIRE(finished.wait(15'000));
        CHECK(finished.at(0).at(0).toBool());
        const QByteArray bytes = readAll(lp0);
        CHECK(bytes.contains("TEST PRINT"));
        CHECK(bytes.contains("Printer test"));
        CHECK(printing::test::parseEscPos(bytes).cuts == 1);
        CHECK(readAll(lp1).isEmpty());
        CHECK(screen.printerMessage().contains(lp0));
        // A test print chooses nothing.
        CHECK(printing::PrinterSettings::load().target.isEmpty());
    }
    SECTION("Use this printer keeps it for this register") {
        QSignalSpy changed(&screen, &SettingsScreen::printerSettingsChanged);
        rowButton(screen, "usePrinter", deviceTarget(lp1))->click();
        CHECK(printing::PrinterSettings::load().target == deviceTarget(lp1));
        CHECK(changed.count() == 1);
        CHECK(field<QLabel>(screen, "printerCurrent")->text().contains(lp1));
        CHECK_FALSE(rowButton(screen, "usePrinter", deviceTarget(lp1))->isEnabled());
        CHECK(rowButton(screen, "usePrinter", deviceTarget(lp0))->isEnabled());

        // The sale path prints there.
        REQUIRE(printing::PrinterSettings::load().print(printing::PrinterSettings::testReceipt(
            {QStringLiteral("Oasis"), {}, {}}, QTimeZone::utc())));
        CHECK(readAll(lp1).contains("TEST PRINT"));

        field<QPushButton>(screen, "stopUsingPrinter")->click();
        CHECK(printing::PrinterSettings::load().target.isEmpty());
    }
    SECTION("Refresh finds a printer plugged in since, and says when there is none") {
        makeFile(usb.filePath(QStringLiteral("lp2")));
        field<QPushButton>(screen, "refreshPrinters")->click();
        int count = 0;
        for (const FoundPrinter &p : screen.foundPrinters())
            count += p.kind == FoundPrinter::Kind::Usb;
        CHECK(count == 3);

        QTemporaryDir empty;
        screen.setUsbFolder(empty.path());
        if (QPrinterInfo::availablePrinterNames().isEmpty()) {
            auto *none = screen.findChild<QLabel *>(QStringLiteral("noPrinterFound"));
            REQUIRE(none);
            CHECK(none->text().contains(QStringLiteral("USB")));
            CHECK(screen.foundPrinters().isEmpty());
        }
    }
}

TEST_CASE("the network printer entry refuses a bad address or port and saves tcp:HOST:PORT",
          "[screens][settings][printer]") {
    TempDb tdb(true);
    TempSettings settings;
    Context c(tdb.db(), QStringLiteral("manager"));
    SettingsScreen screen(c.ctx);
    auto *address = field<QLineEdit>(screen, "networkAddress");
    auto *port = field<QLineEdit>(screen, "networkPort");
    auto *use = field<QPushButton>(screen, "useNetworkPrinter");
    CHECK(port->text() == QStringLiteral("9100"));

    REQUIRE(screen.usePrinter(QStringLiteral("tcp:127.0.0.1:9101")));
    QSignalSpy changed(&screen, &SettingsScreen::printerSettingsChanged);

    const auto refused = [&](const char *a, const char *p) {
        address->setText(QLatin1String(a));
        port->setText(QLatin1String(p));
        use->click();
        CHECK(printing::PrinterSettings::load().target == QStringLiteral("tcp:127.0.0.1:9101"));
        CHECK(changed.isEmpty());
        CHECK_FALSE(screen.printerMessage().isEmpty());
        CHECK_FALSE(screen.printerMessage().contains(u'\n'));
    };
    refused("", "9100");
    CHECK(screen.printerMessage().contains(QStringLiteral("address")));
    refused("127.0.0.300", "9100");
    CHECK(screen.printerMessage().contains(QStringLiteral("127.0.0.300")));
    refused("127.0.0.1", "70000");
    CHECK(screen.printerMessage().contains(QStringLiteral("70000")));
    refused("127.0.0.1", "nine");

    address->setText(QStringLiteral("127.0.0.1"));
    port->setText(QStringLiteral("9100"));
    use->click();
    CHECK(printing::PrinterSettings::load().target == QStringLiteral("tcp:127.0.0.1:9100"));
    CHECK(changed.count() == 1);
    CHECK(
        field<QLabel>(screen, "printerCurrent")->text().contains(QStringLiteral("127.0.0.1:9100")));
}

TEST_CASE("a test print reaches a network printer on loopback", "[screens][settings][printer]") {
    TempDb tdb(true);
    TempSettings settings;
    Context c(tdb.db(), QStringLiteral("manager"));
    SettingsScreen screen(c.ctx);
    QSignalSpy finished(&screen, &SettingsScreen::printerJobFinished);

    QTcpServer printer;
    REQUIRE(printer.listen(QHostAddress::LocalHost));
    QByteArray received;
    QObject::connect(&printer, &QTcpServer::newConnection, &printer, [&] {
        QTcpSocket *socket = printer.nextPendingConnection();
        QObject::connect(socket, &QTcpSocket::readyRead, socket,
                         [&received, socket] { received += socket->readAll(); });
    });
    field<QLineEdit>(screen, "networkAddress")->setText(QStringLiteral("127.0.0.1"));
    field<QLineEdit>(screen, "networkPort")->setText(QString::number(printer.serverPort()));
    field<QPushButton>(screen, "testNetworkPrinter")->click();
    REQUIRE(finished.wait(15'000));
    CHECK(finished.at(0).at(0).toBool());
    for (int i = 0; i < 50 && printing::test::parseEscPos(received).cuts == 0; ++i)
        QTest::qWait(100); // the last bytes may arrive after the job reported
    CHECK(received.startsWith(QByteArray("\x1b@")));
    CHECK(received.contains("TEST PRINT"));
    CHECK(received.contains("Printer test"));
    CHECK(printing::test::parseEscPos(received).cuts == 1);
    CHECK(screen.printerMessage().contains(QStringLiteral("127.0.0.1")));
    // Testing is not choosing.
    CHECK(printing::PrinterSettings::load().target.isEmpty());

    SECTION("a bad address is not tried") {
        finished.clear();
        received.clear();
        field<QLineEdit>(screen, "networkAddress")->setText(QStringLiteral("127.0.0"));
        field<QPushButton>(screen, "testNetworkPrinter")->click();
        REQUIRE(finished.count() == 1);
        CHECK_FALSE(finished.at(0).at(0).toBool());
        CHECK(screen.printerMessage().contains(QStringLiteral("127.0.0")));
    }
}

TEST_CASE("a front-desk user needs a manager to choose the register's printer",
          "[screens][settings][printer]") {
    TempDb tdb(true);
    TempSettings settings;
    const QString target = QStringLiteral("tcp:127.0.0.1:9100");
    SECTION("without the manager nothing changes") {
        Context c(tdb.db(), QStringLiteral("frontdesk"));
        SettingsScreen screen(c.ctx);
        CHECK_FALSE(screen.usePrinter(target));
        CHECK(*c.approvals == 1);
        CHECK(printing::PrinterSettings::load().target.isEmpty());
        CHECK_FALSE(screen.printerMessage().isEmpty());
    }
    SECTION("with the manager's approval it is kept") {
        Context c(tdb.db(), QStringLiteral("frontdesk"), QStringLiteral("manager"));
        SettingsScreen screen(c.ctx);
        CHECK(screen.usePrinter(target));
        CHECK(*c.approvals == 1);
        CHECK(printing::PrinterSettings::load().target == target);
    }
}

TEST_CASE("without a receipt printer a document can be saved as a PDF where the user says",
          "[screens][printing][printchoice]") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const auto receipt = printing::PrinterSettings::testReceipt(
        {QStringLiteral("Oasis Spa"), {}, {}}, QTimeZone::utc());
    Printable doc;
    doc.title = QStringLiteral("Receipt TEST");
    doc.fileName = QStringLiteral("receipt-TEST.pdf");
    int printed = 0;
    doc.print = [&](QPrinter &) -> Status {
        ++printed;
        return {};
    };
    doc.savePdf = [&](const QString &path) -> Status {
        auto target = printing::parseTarget(QStringLiteral("pdf:") + path);
        if (!target)
            return std::unexpected(target.error());
        return printing::printReceipt(receipt, *target);
    };
    QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (!QDir(documents).exists())
        documents = QDir::homePath();

    SECTION("Save as PDF… starts in Documents with a sensible name and writes a PDF") {
        const QString chosen = dir.filePath(QStringLiteral("copy of the receipt"));
        QString startedIn;
        QString suggested;
        whenModal<PrintChoiceDialog>([&](PrintChoiceDialog *choice) {
            whenModal<QFileDialog>([&](QFileDialog *save) {
                startedIn = save->directory().absolutePath();
                suggested = save->selectedFiles().value(0);
                save->selectFile(chosen);                  // typed without ".pdf"
                QMetaObject::invokeMethod(save, "accept"); // as Save does
            });
            choice->findChild<QPushButton *>(QStringLiteral("printChoicePdf"))->click();
        });
        auto outcome = printOrSave(doc, nullptr);
        REQUIRE(outcome);
        CHECK(outcome->kind == PrintOutcome::Kind::Saved);
        CHECK(outcome->path == chosen + QStringLiteral(".pdf"));
        CHECK(outcome->message().contains(QStringLiteral("copy of the receipt.pdf")));
        CHECK(QDir(startedIn) == QDir(documents));
        CHECK(QFileInfo(suggested).fileName() == QStringLiteral("receipt-TEST.pdf"));
        const QByteArray pdf = readAll(outcome->path);
        CHECK(pdf.startsWith("%PDF-1."));
        CHECK(pdf.trimmed().endsWith("%%EOF"));
        CHECK(pdf.contains("/Type /Page"));
        CHECK(pdf.size() > 2'000);
        CHECK(printed == 0);
    }
    SECTION("Cancel writes nothing") {
        whenModal<PrintChoiceDialog>([](PrintChoiceDialog *choice) {
            choice->findChild<QPushButton *>(QStringLiteral("printChoiceCancel"))->click();
        });
        auto outcome = printOrSave(doc, nullptr);
        REQUIRE(outcome);
        CHECK(outcome->kind == PrintOutcome::Kind::Cancelled);
        CHECK(outcome->message().isEmpty());
        CHECK(QDir(dir.path()).isEmpty());
    }
    SECTION("cancelling the save dialog writes nothing either") {
        whenModal<PrintChoiceDialog>([&](PrintChoiceDialog *choice) {
            whenModal<QFileDialog>([](QFileDialog *save) { save->reject(); });
            choice->findChild<QPushButton *>(QStringLiteral("printChoicePdf"))->click();
        });
        auto outcome = printOrSave(doc, nullptr);
        REQUIRE(outcome);
        CHECK(outcome->kind == PrintOutcome::Kind::Cancelled);
    }
    SECTION("this computer's printer is offered only when it has one") {
        whenModal<PrintChoiceDialog>([](PrintChoiceDialog *choice) {
            auto *system = choice->findChild<QPushButton *>(QStringLiteral("printChoiceSystem"));
            REQUIRE(system);
            CHECK(system->isEnabled() == !QPrinterInfo::availablePrinterNames().isEmpty());
            choice->reject();
        });
        CHECK(printOrSave(doc, nullptr));
    }
}
