// SPDX-License-Identifier: GPL-3.0-or-later
#include "printing/printersettings.h"

#include "printing/systemprinter.h"
#include "printing/translate.h"
#include "printing/transport.h"

#include "core/domain/clock.h"
#include "core/services/authorization.h"

#include <QCoreApplication>
#include <QPrinter>
#include <QPrinterInfo>
#include <QSettings>

namespace oasis::printing {

namespace {

const QString kTarget = QStringLiteral("printer/target");
const QString kPaper = QStringLiteral("printer/paper");
const QString kQr = QStringLiteral("printer/qr");
const QString kDrawer = QStringLiteral("printer/drawer");

} // namespace

EscPosOptions PrinterSettings::escpos(bool cashSale) const {
    auto options = EscPosOptions::forPaper(paper);
    options.qrMode = qrMode;
    options.kickDrawer = drawer && cashSale;
    return options;
}

PrinterSettings PrinterSettings::load() {
    const QSettings settings;
    return load(settings);
}

PrinterSettings PrinterSettings::load(const QSettings &settings) {
    PrinterSettings s;
    s.target = settings.value(kTarget).toString();
    s.paper = settings.value(kPaper, QStringLiteral("80")).toString() == u"58" ? PaperWidth::Mm58
                                                                               : PaperWidth::Mm80;
    s.qrMode = settings.value(kQr, QStringLiteral("raster")).toString() == u"native"
                   ? QrMode::Native
                   : QrMode::Raster;
    s.drawer = settings.value(kDrawer, true).toBool();
    return s;
}

QString PrinterSettings::systemPrinterName() const {
    const QString t = target.trimmed();
    return t.startsWith(kSystem + u':') ? t.sliced(kSystem.size() + 1) : QString();
}

QString PrinterSettings::systemTarget(const QString &name) {
    return name.isEmpty() ? kSystem : kSystem + u':' + name;
}

Status PrinterSettings::save(Database &db, const StaffMember &by,
                             const std::optional<StaffMember> &approver) const {
    if (auto ok = authorize(db, Action::Settings, by, approver); !ok)
        return ok;
    QSettings settings;
    save(settings);
    if (settings.status() != QSettings::NoError)
        return fail(ErrorCode::System,
                    oasis::printing::tr("The printer setting could not be written to %1.")
                        .arg(settings.fileName()));
    return {};
}

void PrinterSettings::save() const {
    QSettings settings;
    save(settings);
}

void PrinterSettings::save(QSettings &settings) const {
    settings.setValue(kTarget, target.trimmed());
    settings.setValue(kPaper,
                      paper == PaperWidth::Mm58 ? QStringLiteral("58") : QStringLiteral("80"));
    settings.setValue(kQr, qrMode == QrMode::Native ? QStringLiteral("native")
                                                    : QStringLiteral("raster"));
    settings.setValue(kDrawer, drawer);
    settings.sync();
}

Status PrinterSettings::print(const ReceiptDocument &doc, bool cashSale) const {
    if (!isConfigured())
        return fail(ErrorCode::Printer,
                    oasis::printing::tr("No receipt printer is set up on this register."));
    if (isSystem()) {
        const QString name = systemPrinterName();
        const QPrinterInfo info =
            name.isEmpty() ? QPrinterInfo::defaultPrinter() : QPrinterInfo::printerInfo(name);
        if (info.isNull())
            return fail(ErrorCode::Printer,
                        name.isEmpty()
                            ? oasis::printing::tr("This computer has no default printer.")
                            : oasis::printing::tr("The printer %1 is not on this computer any "
                                                  "more: choose another in Settings → Printers.")
                                  .arg(name));
        QPrinter printer(info);
        return printReceiptOnPrinter(doc, printer, ReceiptPaper::forPaper(paper));
    }
    auto parsed = parseTarget(target.trimmed());
    if (!parsed)
        return std::unexpected(parsed.error());
    return printReceipt(doc, *parsed, escpos(cashSale));
}

Status PrinterSettings::openDrawer() const {
    if (!isConfigured() || isSystem())
        return fail(
            ErrorCode::Printer,
            oasis::printing::tr(
                "The cash drawer opens through a receipt printer: set one up in Settings."));
    if (!drawer)
        return fail(ErrorCode::Printer,
                    oasis::printing::tr("No cash drawer is set up on this register."));
    auto parsed = parseTarget(target.trimmed());
    if (!parsed)
        return std::unexpected(parsed.error());
    return printing::openDrawer(*parsed);
}

ReceiptDocument PrinterSettings::testReceipt(const StoreHeader &store, const QTimeZone &zone) {
    ReceiptDocument doc;
    doc.store = store;
    doc.title = oasis::printing::tr("TEST PRINT");
    doc.receiptCode = QStringLiteral("TEST");
    doc.dateTime = Clock::nowUtc().toTimeZone(zone);
    ReceiptLine line;
    line.name = oasis::printing::tr("Printer test: Crème Brûlée Body Oil");
    line.quantity = 1;
    line.unitPrice = Money::fromCents(1'00);
    line.amount = Money::fromCents(1'00);
    doc.lines.push_back(line);
    doc.subtotal = line.amount;
    doc.total = line.amount;
    doc.footerLines << oasis::printing::tr(
        "If you can read this and scan the QR code, the printer works.");
    return doc;
}

} // namespace oasis::printing
