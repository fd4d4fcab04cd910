// SPDX-License-Identifier: GPL-3.0-or-later
// Where receipts go: a file, a device, a network printer, a CUPS queue, a PDF, PNG or text file.
// Printing happens after a sale commits; a failure here is returned, never thrown.
#pragma once

#include "core/domain/error.h"
#include "printing/certificate.h"
#include "printing/escpos.h"
#include "printing/output.h"
#include "printing/receipt.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace oasis::printing {

/// A parsed TARGET (oasisctl --print, the printer setting).
struct PrintTarget {
    enum class Kind {
        File,   ///< file:PATH — ESC/POS bytes written to a file
        Tcp,    ///< tcp:HOST:PORT — ESC/POS bytes to a network printer (port 9100)
        Device, ///< device:PATH — ESC/POS bytes to a device such as /dev/usb/lp0
        Lp,     ///< lp:QUEUE — ESC/POS bytes through `lp -d QUEUE -o raw`
        Pdf,    ///< pdf:PATH — a PDF drawn with QPainter
        Png,    ///< png:PATH — a PNG drawn with QPainter
        Text,   ///< text:PATH — plain UTF-8 text
    };
    Kind kind = Kind::File;
    QString path;        ///< File, Device, Pdf, Png, Text
    QString host;        ///< Tcp
    quint16 port = 9100; ///< Tcp
    QString queue;       ///< Lp

    /// True for the kinds that take ESC/POS bytes.
    bool isEscPos() const;
    /// The target in TARGET syntax, e.g. "tcp:10.0.0.5:9100".
    QString toString() const;
};

/// Parses TARGET: file:PATH | tcp:HOST:PORT | device:PATH | lp:QUEUE | pdf:PATH | png:PATH |
/// text:PATH. An IPv6 host goes in brackets (tcp:[::1]:9100). Fails with ErrorCode::Invalid and
/// a message naming the accepted forms.
Result<PrintTarget> parseTarget(const QString &text);

/// Where Linux puts receipt printers attached by USB (usblp): /dev/usb/lp0, lp1, …
inline const QString kUsbPrinterFolder = QStringLiteral("/dev/usb");

/// The receipt printers attached by USB: the lp<N> entries of `folder` as full paths, in the
/// order of their numbers (lp2 before lp10). An absent or unreadable folder gives none.
QStringList usbReceiptPrinters(const QString &folder = kUsbPrinterFolder);

/// A network receipt printer as typed in Settings: `address` an IPv4 or IPv6 address or a host
/// name, `port` a number from 1 to 65535 (empty: 9100). Fails with ErrorCode::Invalid and one
/// line saying what is wrong.
Result<PrintTarget> networkPrinter(const QString &address, const QString &port);

/// Time limits and programs used by the transports; tests shorten them. Every transport has a
/// deadline: nothing on the sale path waits for a printer longer than these.
struct TransportOptions {
    int connectTimeoutMs = 3000; ///< TCP: to connect; lp: to start
    /// TCP, device, FIFO: for the printer to take all bytes; lp: to finish (then it is killed).
    int writeTimeoutMs = kDefaultWriteTimeoutMs;
    QString lpProgram = QStringLiteral("lp");                  ///< the CUPS client command
    int imageDpi = 203;                                        ///< png: resolution of the image
    CertificatePage certificatePage = CertificatePage::Letter; ///< pdf:/png: certificates
};

/// How a program sends bytes to a network printer (tcp:HOST:PORT): Qt Network, which only this
/// needs, stays out of the library. The counter app and oasisctl set one that loads it when
/// first used (pos/network); printing/tcpsocket.h is the one itself. Without one, a network
/// printer is refused in one line.
using TcpWriter = Status (*)(const QByteArray &bytes, const PrintTarget &target,
                             const TransportOptions &options);
void setTcpWriter(TcpWriter writer);

/// Sends raw bytes (ESC/POS) to a File, Tcp, Device or Lp target. Errors are ErrorCode::Printer
/// with a message a cashier can act on; other kinds give ErrorCode::Invalid.
Status sendRaw(const QByteArray &bytes, const PrintTarget &target,
               const TransportOptions &transport = {});

/// Prints a receipt on any target: ESC/POS for file, tcp, device and lp; QPainter for pdf and
/// png; plain text for text (at options.columns).
Status printReceipt(const ReceiptDocument &doc, const PrintTarget &target,
                    const EscPosOptions &options = {}, const TransportOptions &transport = {});

/// Prints a gift certificate on any target: a page for pdf and png, a slip on receipt printers.
Status printCertificate(const GiftCertificate &certificate, const PrintTarget &target,
                        const EscPosOptions &options = {}, const TransportOptions &transport = {});

/// Opens the cash drawer through the receipt printer (a manager's no-sale).
Status openDrawer(const PrintTarget &target, const TransportOptions &transport = {});

} // namespace oasis::printing
