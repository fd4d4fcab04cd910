// SPDX-License-Identifier: GPL-3.0-or-later
// The receipt printer of this machine (QSettings, per machine): used by the register after each
// sale and by the settings screen's test print.
#pragma once

#include "core/domain/error.h"
#include "printing/escpos.h"
#include "printing/receipt.h"

#include <QString>

class QSettings;

namespace oasis::screens {

/// Keys: printer/target ("tcp:192.168.1.50:9100", "file:/dev/usb/lp0", "lp:QUEUE", "system" for
/// the system printer through QPrinter, empty for none), printer/paper ("80" | "58"),
/// printer/qr ("raster" | "native"), printer/drawer (true | false).
struct PrinterSettings {
    QString target;
    printing::PaperWidth paper = printing::PaperWidth::Mm80;
    printing::QrMode qrMode = printing::QrMode::Raster;
    bool drawer = true; ///< a cash drawer hangs off the printer's drawer port

    /// The system printer (QPrinter) rather than a TARGET.
    static inline const QString kSystem = QStringLiteral("system");

    bool isConfigured() const { return !target.trimmed().isEmpty(); }
    bool isSystem() const { return target.trimmed() == kSystem; }
    /// Layout for the paper; kicks the drawer only for a cash sale and only with a drawer.
    printing::EscPosOptions escpos(bool cashSale = false) const;

    static PrinterSettings load();
    static PrinterSettings load(const QSettings &settings);
    void save() const;
    void save(QSettings &settings) const;

    /// Prints a receipt on the configured printer (a system printer: the default one). Blocks
    /// for as long as the transport's time limits allow: call it off the GUI thread.
    Status print(const printing::ReceiptDocument &doc, bool cashSale = false) const;
    /// Opens the cash drawer through the receipt printer (a no-sale or a cash pay-out).
    Status openDrawer() const;
    /// A short receipt that shows the printer, paper width and QR work.
    static printing::ReceiptDocument testReceipt(const printing::StoreHeader &store);
};

} // namespace oasis::screens
