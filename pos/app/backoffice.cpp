// SPDX-License-Identifier: GPL-3.0-or-later
#include "pos/app/backoffice.h"

#include "core/services/backup.h"
#include "core/services/inventory.h"
#include "core/services/sale.h"
#include "core/services/shift.h"
#include "core/services/store.h"
#include "core/services/storesettings.h"
#include "pos/app/dialogs.h"
#include "pos/app/firstpaint.h"
#include "pos/app/mainwindow.h"
#include "pos/app/receiptview.h"
#include "pos/app/registerwidget.h"
#include "pos/camera/camera.h"
#include "pos/screens/clientsscreen.h"
#include "pos/screens/giftcardscreen.h"
#include "pos/screens/inventoryscreen.h"
#include "pos/screens/reportsscreen.h"
#include "pos/screens/settingsscreen.h"
#include "pos/screens/shiftscreen.h"
#include "pos/screens/staffscreen.h"
#include "printing/printersettings.h"
#include "printing/salereceipt.h"

#include <QCoreApplication>
#include <QDialog>
#include <QGroupBox>
#include <QLabel>
#include <QLocale>
#include <QLoggingCategory>
#include <QStatusBar>
#include <QThread>
#include <QTimer>
#include <QVBoxLayout>

#include <functional>
#include <memory>
#include <optional>
#include <utility>

namespace oasis::app {

Q_LOGGING_CATEGORY(lcBackOffice, "oasis.backoffice")

namespace {

/// Holds the place of a back-office screen in the window and builds it the first time it is
/// shown: a register on a store with 100,000 products must not load every list at start. After
/// a sale a built screen is only marked stale and refreshes when it is next shown.
class LazyScreen final : public QWidget {
public:
    using Factory = std::function<QWidget *(QWidget *parent)>;
    using Refresh = std::function<void(QWidget *screen)>;

    LazyScreen(Factory make, Refresh refresh)
        : m_make(std::move(make))
        , m_refresh(std::move(refresh)) {
        auto *layout = new QVBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
    }
    void markStale() { m_stale = m_screen != nullptr; }

protected:
    void showEvent(QShowEvent *event) override {
        if (!m_screen) {
            m_screen = m_make(this);
            layout()->addWidget(m_screen);
        } else if (m_stale && m_refresh) {
            m_refresh(m_screen);
        }
        m_stale = false;
        QWidget::showEvent(event);
    }

private:
    Factory m_make;
    Refresh m_refresh;
    QWidget *m_screen = nullptr;
    bool m_stale = false;
};

template <typename Screen>
LazyScreen *lazy(const screens::ScreenContext &ctx, std::function<void(Screen *)> connect = {}) {
    return new LazyScreen(
        [ctx, connect](QWidget *parent) {
            auto *screen = new Screen(ctx, parent);
            if (connect)
                connect(screen);
            return screen;
        },
        [](QWidget *screen) {
            if constexpr (requires(Screen * s) { s->refresh(); })
                static_cast<Screen *>(screen)->refresh();
        });
}

} // namespace

void printAfterSale(MainWindow &window, Database &db, qint64 receiptNo, bool paidInCash) {
    if (!printing::PrinterSettings::load().isConfigured())
        return;
    auto record = SaleService(db).load(receiptNo);
    if (!record)
        return;
    const auto doc = printing::receiptFromSale(*record, StoreSettings(db).storeInfo(), {}, false);
    if (auto printed = printReceiptDocument(doc, &window, paidInCash); !printed)
        window.statusBar()->showMessage(QObject::tr("%1 is saved; the receipt did not print: %2")
                                            .arg(receiptCode(receiptNo), printed.error().message),
                                        30'000);
}

/// The register's state in the status bar: its shift and how many products are low on stock.
/// Counting low stock reads every product, about 20 ms on 100,000 of them, and the counter must
/// not wait for it at start or after each sale: the count runs on a thread of its own with its
/// own connection (Qt SQL connections belong to one thread) and the label shows the last one.
/// Refreshes asked for while a count runs are folded into one more count after it.
class StoreStatus final : public QObject {
public:
    StoreStatus(Database &db, const QString &registerId, QLabel *label)
        : QObject(label)
        , m_db(db)
        , m_registerId(registerId)
        , m_label(label)
        , m_path(Store::pathOf(db)) {
        m_options.keyDirectory = Store::keyDirectoryOf(db);
        m_counter.moveToThread(&m_thread);
        // The worker's connection is closed on the thread that opened it.
        connect(
            &m_thread, &QThread::finished, &m_counter, [this] { m_own.reset(); },
            Qt::DirectConnection);
        m_thread.setObjectName(QStringLiteral("low-stock count"));
        m_thread.start(QThread::LowPriority);
    }
    ~StoreStatus() override {
        m_thread.quit();
        m_thread.wait();
    }

    /// Shows the shift at once and asks for a new count of low stock.
    void refresh() {
        if (auto shift = ShiftService(m_db).current(m_registerId))
            m_shift = QObject::tr("Shift open since %1")
                          .arg(QLocale().toString(
                              shift->openedAt.toTimeZone(StoreSettings(m_db).timeZone()).time(),
                              QLocale::ShortFormat));
        else
            m_shift = QObject::tr("No shift open");
        show();
        if (std::exchange(m_counting, true)) {
            m_countAgain = true;
            return;
        }
        QMetaObject::invokeMethod(&m_counter, [this] {
            const std::optional<int> low = countLowStock();
            QMetaObject::invokeMethod(this, [this, low] {
                m_counting = false;
                if (low)
                    m_lowStock = *low;
                show();
                if (std::exchange(m_countAgain, false))
                    refresh();
            });
        });
    }

private:
    void show() {
        QStringList parts{m_shift};
        if (m_lowStock > 0)
            parts << QObject::tr("%n product(s) low on stock", nullptr, m_lowStock);
        m_label->setText(parts.join(QStringLiteral("   ·   ")));
    }

    /// On the worker thread.
    std::optional<int> countLowStock() {
        if (!m_own) {
            auto own = Store::open(m_path, m_options);
            if (!own) {
                qCWarning(lcBackOffice, "low-stock count: %s", qPrintable(own.error().message));
                return std::nullopt;
            }
            m_own = std::move(*own);
        }
        auto low = InventoryService(m_own->db()).lowStockCount();
        if (!low) {
            qCWarning(lcBackOffice, "low-stock count: %s", qPrintable(low.error().message));
            return std::nullopt;
        }
        return *low;
    }

    Database &m_db;
    const QString m_registerId;
    QLabel *m_label;
    QString m_shift;
    int m_lowStock = 0;
    bool m_counting = false;
    bool m_countAgain = false;
    // The worker's side: touched only on m_thread.
    const QString m_path;
    Store::Options m_options;
    std::unique_ptr<Store> m_own;
    QObject m_counter;
    QThread m_thread;
};

void installBackOffice(MainWindow &window, Database &db, const QString &registerId) {
    screens::ScreenContext ctx;
    ctx.db = &db;
    ctx.registerId = registerId;
    ctx.currentUser = [&window] { return window.user().value_or(StaffMember{}); };
    ctx.requestApproval = approvalPrompt(db, &window);

    auto *storeStatus = new QLabel(&window);
    storeStatus->setObjectName(QStringLiteral("storeStatus"));
    window.statusBar()->addPermanentWidget(storeStatus);
    auto *status = new StoreStatus(db, registerId, storeStatus);
    auto refreshStatus = [status] { status->refresh(); };
    // The first picture of the register comes first.
    afterFirstPaint(&window, refreshStatus);
    auto *giftCards = lazy<screens::GiftCardScreen>(ctx, [&window, &db](auto *screen) {
        // A card sold from the gift-card screen is a line on the register's ticket: it is
        // activated when that sale commits.
        RegisterWidget *reg = window.registerScreen();
        screen->setOutbox(window.outbox());
        QObject::connect(screen, &screens::GiftCardScreen::sellRequested, reg,
                         [&window, reg](Money amount, const QString &to, const QString &from,
                                        const QString &message, Money bonus,
                                        const QDate &bonusExpires) {
                             reg->addGiftCard(amount, to, from, message, bonus, bonusExpires);
                             window.showScreen(QStringLiteral("register"));
                         });
        // A reload is a sale of its own: its receipt prints like any other.
        QObject::connect(screen, &screens::GiftCardScreen::saleCompleted, &window,
                         [&window, &db](qint64 receiptNo, bool paidInCash) {
                             printAfterSale(window, db, receiptNo, paidInCash);
                         });
        QObject::connect(screen, &screens::GiftCardScreen::cashPaidOut, &window, [] {
            const auto printer = printing::PrinterSettings::load();
            if (printer.isConfigured() && printer.drawer)
                if (auto opened = printer.openDrawer(); !opened)
                    qCWarning(lcBackOffice, "drawer: %s", qPrintable(opened.error().message));
        });
    });
    auto *inventory = lazy<screens::InventoryScreen>(ctx, [&window, refreshStatus](auto *screen) {
        QObject::connect(screen, &screens::InventoryScreen::stockChanged, window.registerScreen(),
                         &RegisterWidget::reloadCatalog);
        QObject::connect(screen, &screens::InventoryScreen::stockChanged, screen, refreshStatus);
    });
    auto *shift = lazy<screens::ShiftScreen>(ctx, [refreshStatus](auto *screen) {
        // It reads the drawer each time it is shown: a shift opened or closed elsewhere
        // (oasisctl, another login) since the status bar was last told shows there too.
        QObject::connect(screen, &screens::ShiftScreen::shiftChanged, screen, refreshStatus);
        refreshStatus();
    });
    auto *reports = lazy<screens::ReportsScreen>(ctx);
    auto *staff = lazy<screens::StaffScreen>(ctx);
    auto *settings = lazy<screens::SettingsScreen>(ctx, [&window](auto *screen) {
        QObject::connect(screen, &screens::SettingsScreen::settingsChanged, window.registerScreen(),
                         &RegisterWidget::reloadCatalog);
        QObject::connect(screen, &screens::SettingsScreen::restartRequested, &window,
                         &MainWindow::restartRequested);
        QObject::connect(screen, &screens::SettingsScreen::displaySettingsChanged, &window,
                         &MainWindow::applyDisplaySettings);
        QString error;
        if (Camera *camera = window.camera(&error)) {
            screen->addRegisterSection(
                camera->createSettingsBox(screen, [&window] { window.applyCameraSettings(); }));
        } else {
            // Without the camera plugin the register sells as before; the box says why.
            auto *box = new QGroupBox(QObject::tr("Camera"), screen);
            box->setObjectName(QStringLiteral("cameraBox"));
            auto *note = new QLabel(error, box);
            note->setObjectName(QStringLiteral("cameraNote"));
            note->setWordWrap(true);
            (new QVBoxLayout(box))->addWidget(note);
            screen->addRegisterSection(box);
        }
    });
    // The client page opens over the register (the header has no room for another screen):
    // the ticket's client, or the list to find one in.
    QObject::connect(&window, &MainWindow::clientPageRequested, &window,
                     [&window, ctx](qint64 clientId) {
                         QDialog dialog(&window);
                         dialog.setWindowTitle(QObject::tr("Clients"));
                         auto *layout = new QVBoxLayout(&dialog);
                         layout->setContentsMargins(0, 0, 0, 0);
                         auto *page = new screens::ClientsScreen(ctx, &dialog);
                         layout->addWidget(page);
                         if (clientId > 0)
                             page->showClient(clientId);
                         // "Use a package session": back to the register, which takes it on.
                         qint64 useClient = 0;
                         qint64 usePackage = 0;
                         QObject::connect(page, &screens::ClientsScreen::useSessionRequested,
                                          &dialog, [&](qint64 client, qint64 package) {
                                              useClient = client;
                                              usePackage = package;
                                              dialog.accept();
                                          });
                         dialog.resize(window.size() * 0.95);
                         dialog.exec();
                         if (usePackage > 0)
                             window.registerScreen()->usePackageSession(useClient, usePackage);
                         window.registerScreen()->focusScan();
                     });
    window.addScreen(QStringLiteral("giftcards"), QObject::tr("Gift cards"), giftCards);
    window.addScreen(QStringLiteral("inventory"), QObject::tr("Inventory"), inventory);
    window.addScreen(QStringLiteral("shift"), QObject::tr("Shift"), shift);
    window.addScreen(QStringLiteral("reports"), QObject::tr("Reports"), reports);
    // Staff and settings are shown disabled, with who may use them, to those who may not.
    window.addScreen(QStringLiteral("staff"), QObject::tr("Staff"), staff, Action::Staff);
    window.addScreen(QStringLiteral("settings"), QObject::tr("Settings"), settings,
                     Action::Settings);

    // Stock, drawer and totals move with every sale: refresh those screens when next shown.
    QObject::connect(&window, &MainWindow::saleCompleted, &window, [=] {
        for (LazyScreen *screen : {giftCards, inventory, reports}) // the shift reads itself
            screen->markStale();
        refreshStatus();
    });
}

void scheduleDailyBackup(MainWindow &window, Database &db) {
    // The snapshot of a large database takes seconds: it runs on a thread of its own, with
    // its own connection (Qt SQL connections belong to one thread), a minute after start and
    // then every hour; BackupService::daily does nothing when today's backup exists.
    Store::Options options;
    options.keyDirectory = Store::keyDirectoryOf(db);
    const QString path = Store::pathOf(db);
    auto run = [&window, path, options] {
        if (window.property("backupRunning").toBool())
            return;
        window.setProperty("backupRunning", true);
        QThread *worker = QThread::create([&window, path, options] {
            QString failure;
            {
                auto own = Store::open(path, options);
                if (!own)
                    failure = own.error().message;
                else if (auto done = BackupService((*own)->db()).daily(QString(), 14); !done)
                    failure = done.error().message;
            }
            QMetaObject::invokeMethod(&window, [&window, failure] {
                window.setProperty("backupRunning", false);
                if (failure.isEmpty())
                    return;
                qCWarning(lcBackOffice, "daily backup failed: %s", qPrintable(failure));
                window.statusBar()->showMessage(
                    QObject::tr("The daily backup failed: %1").arg(failure), 60'000);
            });
        });
        QObject::connect(worker, &QThread::finished, worker, &QObject::deleteLater);
        // Closing the app mid-backup waits for the snapshot rather than cutting it off.
        QObject::connect(qApp, &QCoreApplication::aboutToQuit, worker,
                         [worker] { worker->wait(); });
        worker->start(QThread::LowPriority);
    };
    QTimer::singleShot(60'000, &window, run);
    auto *hourly = new QTimer(&window);
    hourly->setInterval(60 * 60 * 1000);
    QObject::connect(hourly, &QTimer::timeout, &window, run);
    hourly->start();
}

} // namespace oasis::app
