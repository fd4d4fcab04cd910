// SPDX-License-Identifier: GPL-3.0-or-later
#include "pos/app/backoffice.h"

#include "core/backup.h"
#include "core/database.h"
#include "core/sale.h"
#include "core/storesettings.h"
#include "pos/app/dialogs.h"
#include "pos/app/mainwindow.h"
#include "pos/app/receiptview.h"
#include "pos/app/registerwidget.h"
#include "pos/screens/giftcardscreen.h"
#include "pos/screens/inventoryscreen.h"
#include "pos/screens/printersettings.h"
#include "pos/screens/reportsscreen.h"
#include "pos/screens/settingsscreen.h"
#include "pos/screens/shiftscreen.h"
#include "pos/screens/staffscreen.h"
#include "printing/salereceipt.h"

#include <QLoggingCategory>
#include <QStatusBar>
#include <QTimer>

namespace oasis::app {

Q_LOGGING_CATEGORY(lcBackOffice, "oasis.backoffice")

void installBackOffice(MainWindow &window, Database &db, const QString &registerId) {
    screens::ScreenContext ctx;
    ctx.db = &db;
    ctx.registerId = registerId;
    ctx.currentUser = [&window] { return window.user().value_or(StaffMember{}); };
    ctx.requestApproval = [&window, &db](Action action) -> std::optional<StaffMember> {
        ApprovalDialog dialog(db, action, actionName(action), &window);
        if (dialog.exec() != QDialog::Accepted)
            return std::nullopt;
        return dialog.approver();
    };

    RegisterWidget *reg = window.registerScreen();
    auto *giftCards = new screens::GiftCardScreen(ctx);
    auto *inventory = new screens::InventoryScreen(ctx);
    auto *shift = new screens::ShiftScreen(ctx);
    auto *reports = new screens::ReportsScreen(ctx);
    auto *staff = new screens::StaffScreen(ctx);
    auto *settings = new screens::SettingsScreen(ctx);
    window.addScreen(QStringLiteral("giftcards"), QObject::tr("Gift cards"), giftCards);
    window.addScreen(QStringLiteral("inventory"), QObject::tr("Inventory"), inventory);
    window.addScreen(QStringLiteral("shift"), QObject::tr("Shift"), shift);
    window.addScreen(QStringLiteral("reports"), QObject::tr("Reports"), reports);
    window.addScreen(QStringLiteral("staff"), QObject::tr("Staff"), staff);
    window.addScreen(QStringLiteral("settings"), QObject::tr("Settings"), settings);

    // A card sold from the gift-card screen is a line on the register's ticket: it is
    // activated when that sale commits.
    QObject::connect(giftCards, &screens::GiftCardScreen::sellRequested, reg,
                     [&window, reg](Money amount, const QString &to, const QString &from,
                                    const QString &message) {
                         reg->addGiftCard(amount, to, from, message);
                         window.showScreen(QStringLiteral("register"));
                     });
    // A reload is a sale of its own: its receipt prints like any other.
    QObject::connect(
        giftCards, &screens::GiftCardScreen::saleCompleted, &window,
        [&window, &db](qint64 receiptNo, bool paidInCash) {
            if (!screens::PrinterSettings::load().isConfigured())
                return;
            auto record = SaleService(db).load(receiptNo);
            if (!record)
                return;
            const auto doc =
                printing::receiptFromSale(*record, StoreSettings(db).storeInfo(), {}, false);
            if (auto printed = printReceiptDocument(doc, &window, paidInCash); !printed)
                window.statusBar()->showMessage(
                    QObject::tr("%1 is saved; the receipt did not print: %2")
                        .arg(receiptCode(receiptNo), printed.error().message),
                    30'000);
        });
    QObject::connect(giftCards, &screens::GiftCardScreen::cashPaidOut, &window, [] {
        const auto printer = screens::PrinterSettings::load();
        if (printer.isConfigured() && printer.drawer)
            if (auto opened = printer.openDrawer(); !opened)
                qCWarning(lcBackOffice, "drawer: %s", qPrintable(opened.error().message));
    });
    QObject::connect(reg, &RegisterWidget::saleCompleted, &window, [inventory, shift, reports] {
        inventory->refresh();
        shift->refresh();
        reports->refresh();
    });
    QObject::connect(giftCards, &screens::GiftCardScreen::cardsChanged, reports,
                     &screens::ReportsScreen::refresh);
    QObject::connect(settings, &screens::SettingsScreen::settingsChanged, reg,
                     &RegisterWidget::reloadCatalog);
    QObject::connect(inventory, &screens::InventoryScreen::stockChanged, reg,
                     &RegisterWidget::reloadCatalog);
}

void scheduleDailyBackup(MainWindow &window, Database &db) {
    auto run = [&window, &db] {
        auto done = BackupService(db).daily(QString(), 14);
        if (!done) {
            qCWarning(lcBackOffice, "daily backup failed: %s", qPrintable(done.error().message));
            window.statusBar()->showMessage(
                QObject::tr("The daily backup failed: %1").arg(done.error().message), 60'000);
        }
    };
    QTimer::singleShot(0, &window, run);
    auto *hourly = new QTimer(&window);
    hourly->setInterval(60 * 60 * 1000);
    QObject::connect(hourly, &QTimer::timeout, &window, run);
    hourly->start();
}

} // namespace oasis::app
