// SPDX-License-Identifier: GPL-3.0-or-later
// The receipt printer of this machine (QSettings, per machine) and printing on it: the one place
// the counter app (after each sale, the drawer) and the settings screen (its test print) send a
// receipt to whatever printer is set up.
#pragma once

#include "core/domain/error.h"
#include "printing/escpos.h"
#include "printing/receipt.h"

#include <QString>

#include <optional>

class QSettings;

namespace oasis {
class Database;
struct StaffMember;
} // namespace oasis

namespace oasis::printing {

/// Keys: printer/target ("tcp:192.168.1.50:9100", "device:/dev/usb/lp0", "lp:QUEUE", "system"
/// for the default system printer through QPrinter, "system:NAME" for the system printer NAME,
/// empty for none), printer/paper ("80" | "58"),
/// printer/qr ("raster" | "native"), printer/drawer (true | false).
struct PrinterSettings {
    QString target;
    PaperWidth paper = PaperWidth::Mm80;
    QrMode qrMode = QrMode::Raster;
    bool drawer = true; ///< a cash drawer hangs off the printer's drawer port

    /// The system printer (QPrinter) rather than a TARGET.
    static inline const QString kSystem = QStringLiteral("system");

    bool isConfigured() const { return !target.trimmed().isEmpty(); }
    bool isSystem() const {
        const QString t = target.trimmed();
        return t == kSystem || t.startsWith(kSystem + u':');
    }
    /// The system printer's name ("system:NAME"); empty for the default one.
    QString systemPrinterName() const;
    /// The target for the system printer `name` (empty: the default one).
    static QString systemTarget(const QString &name);
    /// Layout for the paper; kicks the drawer only for a cash sale and only with a drawer.
    EscPosOptions escpos(bool cashSale = false) const;

    static PrinterSettings load();
    static PrinterSettings load(const QSettings &settings);
    void save() const;
    void save(QSettings &settings) const;
    /// Saves this machine's printer when `by` may change settings (Action::Settings; a
    /// front-desk user with a manager's approval); refused before anything is written.
    Status save(Database &db, const StaffMember &by,
                const std::optional<StaffMember> &approver) const;

    /// Prints a receipt on the configured printer (a system printer: the default one). Blocks
    /// for as long as the transport's time limits allow: call it off the GUI thread.
    Status print(const ReceiptDocument &doc, bool cashSale = false) const;
    /// Opens the cash drawer through the receipt printer (a no-sale or a cash pay-out).
    Status openDrawer() const;
    /// A short receipt that shows the printer, paper width and QR work, dated in the store's
    /// time zone `zone`.
    static ReceiptDocument testReceipt(const StoreHeader &store, const QTimeZone &zone);
};

} // namespace oasis::printing
