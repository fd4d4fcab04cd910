// SPDX-License-Identifier: GPL-3.0-or-later
#include "printing/transport.h"
#include "printing/printererror.h"

#include "printing/output.h"
#include "printing/painter.h"
#include "printing/text.h"
#include "printing/translate.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

#include <algorithm>
#include <atomic>

#include <arpa/inet.h>

namespace oasis::printing {

namespace {

QString acceptedForms() {
    return QStringLiteral("file:PATH, tcp:HOST:PORT, device:PATH, lp:QUEUE, pdf:PATH, png:PATH or "
                          "text:PATH");
}

std::unexpected<Error> invalid(const QString &message) {
    return fail(ErrorCode::Invalid, message);
}

Result<PrintTarget> parseTcp(const QString &original, QStringView rest) {
    PrintTarget target;
    target.kind = PrintTarget::Kind::Tcp;
    QStringView host = rest;
    QStringView port;
    if (rest.startsWith(u'[')) {
        const qsizetype close = rest.indexOf(u']');
        if (close < 0)
            return invalid(
                QStringLiteral("The printer target \"%1\" has an IPv6 address without its "
                               "closing bracket, e.g. tcp:[::1]:9100.")
                    .arg(original));
        host = rest.sliced(1, close - 1);
        QStringView after = rest.sliced(close + 1);
        if (!after.isEmpty()) {
            if (!after.startsWith(u':'))
                return invalid(
                    QStringLiteral("The printer target \"%1\" is not HOST:PORT.").arg(original));
            port = after.sliced(1);
            if (port.isEmpty())
                return invalid(
                    QStringLiteral("The printer target \"%1\" has no port after the colon.")
                        .arg(original));
        }
    } else {
        const qsizetype colon = rest.lastIndexOf(u':');
        if (colon >= 0) {
            if (rest.first(colon).contains(u':'))
                return invalid(QStringLiteral("The printer target \"%1\" is ambiguous: put an IPv6 "
                                              "address in brackets, e.g. tcp:[::1]:9100.")
                                   .arg(original));
            host = rest.first(colon);
            port = rest.sliced(colon + 1);
            if (port.isEmpty())
                return invalid(
                    QStringLiteral("The printer target \"%1\" has no port after the colon.")
                        .arg(original));
        }
    }
    if (host.isEmpty())
        return invalid(
            QStringLiteral("The printer target \"%1\" has no host: use tcp:HOST:PORT, e.g. "
                           "tcp:192.168.1.50:9100.")
                .arg(original));
    for (const QChar c : host) {
        if (c.isSpace() || c == u'/' || c == u'@')
            return invalid(QStringLiteral("The printer target \"%1\" has an invalid host name.")
                               .arg(original));
    }
    target.host = host.toString();
    if (!port.isEmpty()) {
        bool numeric =
            std::all_of(port.begin(), port.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
        const int value = numeric && port.size() <= 5 ? port.toInt() : -1;
        if (value < 1 || value > 65535)
            return invalid(
                QStringLiteral("The printer target \"%1\" has an invalid port \"%2\": use a "
                               "number from 1 to 65535 (receipt printers use 9100).")
                    .arg(original, port.toString()));
        target.port = quint16(value);
    }
    return target;
}

// Set once at a program's start, read by whichever thread prints.
std::atomic<TcpWriter> g_tcpWriter = nullptr;

Status writeTcp(const QByteArray &bytes, const PrintTarget &target,
                const TransportOptions &options) {
    const TcpWriter writer = g_tcpWriter.load();
    if (!writer)
        return printerError(QStringLiteral("This program cannot print to a network printer (%1).")
                                .arg(target.toString()));
    return writer(bytes, target, options);
}

Status writeLp(const QByteArray &bytes, const PrintTarget &target,
               const TransportOptions &options) {
    const QString program = QFileInfo(options.lpProgram).isAbsolute()
                                ? options.lpProgram
                                : QStandardPaths::findExecutable(options.lpProgram);
    if (program.isEmpty() || !QFileInfo(program).isExecutable())
        return printerError(
            QStringLiteral("The lp command is not installed, so the receipt cannot go "
                           "to the printer queue %1: install the CUPS client "
                           "(cups-client) or choose another printer.")
                .arg(target.queue));
    QProcess lp;
    lp.setProgram(program);
    lp.setArguments(
        {QStringLiteral("-d"), target.queue, QStringLiteral("-o"), QStringLiteral("raw")});
    lp.start();
    if (!lp.waitForStarted(options.connectTimeoutMs))
        return printerError(
            QStringLiteral("Could not start %1: %2.").arg(program, lp.errorString()));
    lp.write(bytes);
    lp.closeWriteChannel();
    if (!lp.waitForFinished(options.writeTimeoutMs)) {
        lp.kill();
        lp.waitForFinished(1000);
        return printerError(
            QStringLiteral("The printer queue %1 did not take the receipt within %2.")
                .arg(target.queue, secondsText(options.writeTimeoutMs)));
    }
    if (lp.exitStatus() != QProcess::NormalExit || lp.exitCode() != 0) {
        QString why = QString::fromLocal8Bit(lp.readAllStandardError()).trimmed();
        if (why.isEmpty())
            why = QStringLiteral("lp exited with code %1").arg(lp.exitCode());
        return printerError(QStringLiteral("The printer queue %1 refused the receipt: %2")
                                .arg(target.queue, why.section(u'\n', 0, 0)));
    }
    return {};
}

ReceiptPaper paperFor(const EscPosOptions &options) {
    ReceiptPaper paper =
        ReceiptPaper::forPaper(options.columns <= 32 ? PaperWidth::Mm58 : PaperWidth::Mm80);
    paper.columns = options.columns;
    return paper;
}

} // namespace

bool PrintTarget::isEscPos() const {
    return kind == Kind::File || kind == Kind::Tcp || kind == Kind::Device || kind == Kind::Lp;
}

QString PrintTarget::toString() const {
    switch (kind) {
    case Kind::File:
        return QStringLiteral("file:") + path;
    case Kind::Device:
        return QStringLiteral("device:") + path;
    case Kind::Pdf:
        return QStringLiteral("pdf:") + path;
    case Kind::Png:
        return QStringLiteral("png:") + path;
    case Kind::Text:
        return QStringLiteral("text:") + path;
    case Kind::Lp:
        return QStringLiteral("lp:") + queue;
    case Kind::Tcp:
        return host.contains(u':') ? QStringLiteral("tcp:[%1]:%2").arg(host).arg(port)
                                   : QStringLiteral("tcp:%1:%2").arg(host).arg(port);
    }
    return {};
}

Result<PrintTarget> parseTarget(const QString &text) {
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return invalid(QStringLiteral("No printer target given: use %1.").arg(acceptedForms()));
    const qsizetype colon = trimmed.indexOf(u':');
    if (colon <= 0)
        return invalid(QStringLiteral("\"%1\" is not a printer target: use %2.")
                           .arg(trimmed, acceptedForms()));
    const QString scheme = trimmed.first(colon).toLower();
    const QString rest = trimmed.sliced(colon + 1);

    PrintTarget target;
    if (scheme == u"tcp")
        return parseTcp(trimmed, rest);
    if (scheme == u"lp") {
        if (rest.isEmpty())
            return invalid(
                QStringLiteral("The printer target \"%1\" has no queue name: use lp:QUEUE "
                               "(see lpstat -p).")
                    .arg(trimmed));
        for (const QChar c : rest) {
            if (c.isSpace() || c == u'/' || c == u'#' || !c.isPrint())
                return invalid(
                    QStringLiteral("\"%1\" is not a valid printer queue name.").arg(rest));
        }
        target.kind = PrintTarget::Kind::Lp;
        target.queue = rest;
        return target;
    }
    static const std::pair<QLatin1StringView, PrintTarget::Kind> pathKinds[] = {
        {QLatin1StringView("file"), PrintTarget::Kind::File},
        {QLatin1StringView("device"), PrintTarget::Kind::Device},
        {QLatin1StringView("pdf"), PrintTarget::Kind::Pdf},
        {QLatin1StringView("png"), PrintTarget::Kind::Png},
        {QLatin1StringView("text"), PrintTarget::Kind::Text},
    };
    for (const auto &[name, kind] : pathKinds) {
        if (scheme != name)
            continue;
        if (rest.isEmpty())
            return invalid(QStringLiteral("The printer target \"%1\" has no path: use %2:PATH.")
                               .arg(trimmed, name));
        target.kind = kind;
        target.path = rest;
        return target;
    }
    return invalid(QStringLiteral("\"%1\" is not a known kind of printer target: use %2.")
                       .arg(scheme, acceptedForms()));
}

QStringList usbReceiptPrinters(const QString &folder) {
    static const QRegularExpression name(QStringLiteral("^lp(\\d{1,4})$"));
    QList<std::pair<int, QString>> found;
    const QDir dir(folder);
    for (const QString &entry : dir.entryList(
             {QStringLiteral("lp*")}, QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot)) {
        const auto m = name.match(entry);
        if (m.hasMatch())
            found.append({m.captured(1).toInt(), dir.filePath(entry)});
    }
    std::ranges::sort(found);
    QStringList paths;
    for (const auto &[number, path] : found)
        paths << path;
    return paths;
}

Result<PrintTarget> networkPrinter(const QString &address, const QString &port) {
    QString host = address.trimmed();
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.sliced(1, host.size() - 2);
    if (host.isEmpty())
        return invalid(oasis::printing::tr(
            "Type the printer's address, e.g. 192.168.1.50 (it prints it on its self-test page)."));
    // An IPv4 address in four parts, an IPv6 address, or a host name of dot-separated labels.
    // "192.168.1.300" and "192.168.1" are refused although a host name's characters would take
    // them; so are the broadcast address and "any" (0.0.0.0, ::).
    static const QRegularExpression hostName(
        QStringLiteral("^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                       "(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$"));
    static const QRegularExpression numeric(QStringLiteral("^[0-9.]+$"));
    static const QRegularExpression dottedQuad(
        QStringLiteral("^[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}$"));
    // The address in its usual form (inet_ntop), empty for a host name.
    QString ip;
    bool ok = false;
    if (host.contains(u':')) {
        in6_addr v6{};
        ok = inet_pton(AF_INET6, host.toLatin1().constData(), &v6) == 1 &&
             !IN6_IS_ADDR_UNSPECIFIED(&v6);
        char text[INET6_ADDRSTRLEN] = {};
        if (ok && inet_ntop(AF_INET6, &v6, text, sizeof text))
            ip = QString::fromLatin1(text);
    } else if (numeric.match(host).hasMatch()) {
        in_addr v4{};
        ok = dottedQuad.match(host).hasMatch() &&
             inet_pton(AF_INET, host.toLatin1().constData(), &v4) == 1 &&
             v4.s_addr != htonl(INADDR_ANY) && v4.s_addr != htonl(INADDR_BROADCAST);
        char text[INET_ADDRSTRLEN] = {};
        if (ok && inet_ntop(AF_INET, &v4, text, sizeof text))
            ip = QString::fromLatin1(text);
    } else {
        ok = hostName.match(host).hasMatch();
    }
    if (!ok)
        return invalid(oasis::printing::tr("“%1” is not a printer address: type four numbers "
                                           "such as 192.168.1.50, or the printer's host name.")
                           .arg(address.trimmed()));
    PrintTarget target;
    target.kind = PrintTarget::Kind::Tcp;
    target.host = ip.isEmpty() ? host : ip;
    const QString p = port.trimmed();
    if (!p.isEmpty()) {
        static const QRegularExpression digits(QStringLiteral("^[0-9]{1,5}$"));
        const int value = digits.match(p).hasMatch() ? p.toInt() : 0;
        if (value < 1 || value > 65535)
            return invalid(oasis::printing::tr("“%1” is not a port: use a number from 1 to 65535 "
                                               "(receipt printers listen on 9100).")
                               .arg(p));
        target.port = quint16(value);
    }
    return target;
}

void setTcpWriter(TcpWriter writer) {
    g_tcpWriter.store(writer);
}

Status sendRaw(const QByteArray &bytes, const PrintTarget &target,
               const TransportOptions &transport) {
    switch (target.kind) {
    case PrintTarget::Kind::File:
        return writeOutput(bytes, target.path, QStringLiteral("receipt"), transport.writeTimeoutMs);
    case PrintTarget::Kind::Device:
        return writeDevice(bytes, target.path, transport.writeTimeoutMs);
    case PrintTarget::Kind::Tcp:
        return writeTcp(bytes, target, transport);
    case PrintTarget::Kind::Lp:
        return writeLp(bytes, target, transport);
    case PrintTarget::Kind::Pdf:
    case PrintTarget::Kind::Png:
    case PrintTarget::Kind::Text:
        break;
    }
    return invalid(QStringLiteral("%1 is not a receipt printer: it cannot take printer commands.")
                       .arg(target.toString()));
}

Status printReceipt(const ReceiptDocument &doc, const PrintTarget &target,
                    const EscPosOptions &options, const TransportOptions &transport) {
    switch (target.kind) {
    case PrintTarget::Kind::Pdf:
    case PrintTarget::Kind::Png: {
        auto bytes = target.kind == PrintTarget::Kind::Pdf
                         ? receiptPdf(doc, paperFor(options))
                         : receiptPng(doc, transport.imageDpi, paperFor(options));
        if (!bytes)
            return std::unexpected(bytes.error());
        return writeOutput(*bytes, target.path, QStringLiteral("receipt"),
                           transport.writeTimeoutMs);
    }
    case PrintTarget::Kind::Text:
        return writeOutput(renderReceiptText(doc, options.columns).toUtf8(), target.path,
                           QStringLiteral("receipt"), transport.writeTimeoutMs);
    case PrintTarget::Kind::File:
    case PrintTarget::Kind::Tcp:
    case PrintTarget::Kind::Device:
    case PrintTarget::Kind::Lp:
        break;
    }
    auto bytes = renderReceiptEscPos(doc, options);
    if (!bytes)
        return std::unexpected(bytes.error());
    return sendRaw(*bytes, target, transport);
}

Status printCertificate(const GiftCertificate &certificate, const PrintTarget &target,
                        const EscPosOptions &options, const TransportOptions &transport) {
    switch (target.kind) {
    case PrintTarget::Kind::Pdf:
    case PrintTarget::Kind::Png: {
        auto bytes =
            target.kind == PrintTarget::Kind::Pdf
                ? certificatePdf(certificate, transport.certificatePage)
                : certificatePng(certificate, transport.imageDpi, transport.certificatePage);
        if (!bytes)
            return std::unexpected(bytes.error());
        return writeOutput(*bytes, target.path, QStringLiteral("gift certificate"),
                           transport.writeTimeoutMs);
    }
    case PrintTarget::Kind::Text:
        return writeOutput(renderCertificateText(certificate, options.columns).toUtf8(),
                           target.path, QStringLiteral("gift certificate"),
                           transport.writeTimeoutMs);
    case PrintTarget::Kind::File:
    case PrintTarget::Kind::Tcp:
    case PrintTarget::Kind::Device:
    case PrintTarget::Kind::Lp:
        break;
    }
    auto bytes = renderCertificateEscPos(certificate, options);
    if (!bytes)
        return std::unexpected(bytes.error());
    return sendRaw(*bytes, target, transport);
}

Status openDrawer(const PrintTarget &target, const TransportOptions &transport) {
    if (!target.isEscPos())
        return invalid(
            QStringLiteral("%1 is not a receipt printer, so it cannot open the cash drawer.")
                .arg(target.toString()));
    QByteArray bytes;
    bytes += char(0x1B);
    bytes += '@';
    bytes += drawerKickBytes();
    return sendRaw(bytes, target, transport);
}

} // namespace oasis::printing
