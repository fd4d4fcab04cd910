// SPDX-License-Identifier: GPL-3.0-or-later
#include "pos/app/mainwindow.h"

#include "pos/app/customerdisplay.h"
#include "pos/camera/camera.h"
#include "pos/screens/displaysettings.h"

#include "core/domain/clock.h"
#include "core/services/authorization.h"
#include "core/services/emaillog.h"
#include "core/services/store.h"
#include "core/services/storesettings.h"
#include "mail/outbox.h"
#include "pos/app/firstpaint.h"
#include "pos/app/loginwidget.h"
#include "pos/app/offlinemode.h"
#include "pos/app/receiptsscreen.h"
#include "pos/app/registerwidget.h"
#include "pos/app/ticketmodel.h"
#include "pos/screens/screen.h"

#include <QApplication>
#include <QButtonGroup>
#include <QCloseEvent>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTimer>
#include <QVBoxLayout>

#include <utility>

namespace oasis::app {

namespace {
// The product's log (oasis.log): what happened to the counter's email, never its content.
Q_LOGGING_CATEGORY(lcAppMail, "oasis.mail")
} // namespace

MainWindow::MainWindow(Database &db, const QString &registerId, QWidget *parent)
    : MainWindow(registerId, parent) {
    attach(db);
}

MainWindow::MainWindow(const QString &registerId, QWidget *parent)
    : QMainWindow(parent)
    , m_registerId(registerId) {
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Oasis POS"));
    setMinimumSize(1024, 700);

    m_pages = new QStackedWidget(this);
    m_login = new LoginWidget(m_pages);
    m_pages->addWidget(m_login);

    auto *work = new QWidget(m_pages);
    auto *workLayout = new QVBoxLayout(work);
    workLayout->setContentsMargins(0, 0, 0, 0);
    workLayout->setSpacing(0);
    workLayout->addWidget(buildHeader());
    m_screens = new QStackedWidget(work);
    workLayout->addWidget(m_screens, 1);
    m_pages->addWidget(work);
    setCentralWidget(m_pages);

    // The register and receipts are built into their places later (buildRegister): the PIN pad
    // does not wait for them.
    for (QWidget **page : {&m_registerPage, &m_receiptsPage}) {
        *page = new QWidget(m_screens);
        auto *layout = new QVBoxLayout(*page);
        layout->setContentsMargins(0, 0, 0, 0);
    }
    addScreen(QStringLiteral("register"), tr("Register"), m_registerPage);
    addScreen(QStringLiteral("receipts"), tr("Receipts"), m_receiptsPage);

    // Each login picks up what changed since the PIN pad came up (prices, sessions, tax rates),
    // while the PIN is checked; the PIN pad does not wait for the register's buttons. The first
    // login also builds the register then, unless it was built while the PIN pad was idle.
    connect(m_login, &LoginWidget::checkingPin, this, [this] {
        buildRegister();
        // Offline, the register on the copy has what it needs; the server is not waited for.
        if (!m_registerOffline)
            m_register->reloadCatalog();
        m_catalogFresh = true;
    });
    connect(m_login, &LoginWidget::loggedIn, this, &MainWindow::startSession);

    m_statusUser = new QLabel(this);
    m_statusRegister = new QLabel(this);
    m_statusDatabase = new QLabel(this);
    m_statusDatabase->setObjectName(QStringLiteral("statusDatabase"));
    statusBar()->addWidget(m_statusUser);
    statusBar()->addWidget(m_statusRegister);
    statusBar()->addWidget(m_statusDatabase, 1);
    m_statusDatabase->setText(tr("Opening the store…"));
    // The counter's outbox: the store's mail server is read before each try, so a manager's
    // correction is used on the next one. Each message sent is journaled here, on this thread.
    m_outbox = new mail::Outbox([this] { return mail::Server::of(StoreSettings(*m_db)); }, this);
    m_statusMail = new QLabel(this);
    m_statusMail->setObjectName(QStringLiteral("statusMail"));
    m_statusMail->hide();
    statusBar()->addPermanentWidget(m_statusMail);
    connect(m_outbox, &mail::Outbox::changed, this, [this] {
        const QString text = m_outbox->statusText();
        m_statusMail->setText(text);
        m_statusMail->setToolTip(text);
        m_statusMail->setVisible(!text.isEmpty());
    });
    connect(m_outbox, &mail::Outbox::sent, this,
            [this](mail::Outbox::Kind kind, qint64 id, const QString &to, const QString &by) {
                EmailLog log(*m_db);
                const Status recorded = kind == mail::Outbox::Kind::GiftCard
                                            ? log.giftCardEmailed(id, to, by)
                                            : log.receiptEmailed(id, to, by);
                if (!recorded)
                    qCWarning(lcAppMail, "an email was sent but not journaled: %s",
                              qPrintable(recorded.error().message));
            });
    m_clock = new QLabel(this);
    statusBar()->addPermanentWidget(m_clock);
    statusBar()->setSizeGripEnabled(false);

    // Idle lock: any key or pointer input restarts the countdown.
    m_idle = new QTimer(this);
    m_idle->setSingleShot(true);
    connect(m_idle, &QTimer::timeout, this, [this] {
        if (QApplication::activeModalWidget())
            m_idle->start(); // someone is in a dialog: wait for them to finish
        else
            lock();
    });
    m_pages->setCurrentWidget(m_login);
    // Opening a camera takes a moment: the PIN pad is on screen first.
    afterFirstPaint(this, [this] { applyCameraSettings(); });
}

void MainWindow::attach(Database &db) {
    Q_ASSERT(!m_db);
    m_db = &db;
    m_login->setDatabase(db);
    qApp->installEventFilter(this);

    auto *tick = new QTimer(this);
    connect(tick, &QTimer::timeout, this, &MainWindow::updateStatus);
    tick->start(30'000);

    // A register of a store on a server keeps selling when the server is out of reach.
    if (Store::isOnServer(Store::pathOf(db))) {
        m_offline = new OfflineMode(db, m_registerId, this);
        connect(m_offline, &OfflineMode::wentOffline, this, &MainWindow::sellOffline);
        connect(m_offline, &OfflineMode::cameBack, this, &MainWindow::sellOnline);
        connect(m_offline, &OfflineMode::stateChanged, this,
                [this] { m_statusDatabase->setText(m_offline->statusText()); });
    }

    updateStatus();
    applyDisplaySettings();
    // Or once the PIN pad is on screen, while the PIN is typed (at once if it is already).
    afterFirstPaint(this, [this] {
        if (isLocked())
            buildRegister();
    });
    Q_EMIT storeAttached();
}

MainWindow::~MainWindow() {
    qApp->removeEventFilter(this);
}

void MainWindow::buildRegister() {
    if (m_register)
        return;
    // Built in place: moving a styled widget tree to another parent polishes it all again.
    m_register = new RegisterWidget(*m_db, m_registerId, m_registerPage);
    m_register->setOutbox(m_outbox);
    if (m_offline)
        m_register->setOffline(&m_offline->outbox(), false);
    m_registerPage->layout()->addWidget(m_register);
    m_receipts = new ReceiptsScreen(*m_db, m_receiptsPage);
    m_receipts->setRegisterId(m_registerId);
    m_receiptsPage->layout()->addWidget(m_receipts);
    // Polished now, while the PIN is checked or the app is idle, not when first shown.
    m_register->ensurePolished();
    m_receipts->ensurePolished();

    connect(m_register, &RegisterWidget::saleCompleted, this, &MainWindow::saleCompleted);
    connect(m_register, &RegisterWidget::clientPageRequested, this,
            &MainWindow::clientPageRequested);
    // The customer display follows the ticket and shows each completed sale.
    connect(m_register->model(), &TicketModel::totalsChanged, this, [this] {
        if (m_display)
            m_display->showTicket(m_register->model()->ticket(), m_register->model()->totals());
    });
    connect(m_register, &RegisterWidget::saleDone, this, [this](const CompletedSale &sale) {
        if (m_display)
            m_display->showSale(sale);
    });
    connect(m_register, &RegisterWidget::lockRequested, this, &MainWindow::lock);
    connect(m_register, &RegisterWidget::receiptsRequested, this, [this] {
        m_receipts->reload();
        showScreen(QStringLiteral("receipts"));
    });
    connect(m_register, &RegisterWidget::receiptRequested, this, [this](qint64 receiptNo) {
        m_receipts->reload();
        showScreen(QStringLiteral("receipts"));
        m_receipts->showReceipt(receiptNo);
    });
    connect(m_register, &RegisterWidget::refundRequested, this, [this](qint64 receiptNo) {
        m_receipts->reload();
        showScreen(QStringLiteral("receipts"));
        m_receipts->startRefund(receiptNo);
    });
    connect(m_receipts, &ReceiptsScreen::backRequested, this,
            [this] { showScreen(QStringLiteral("register")); });
}

void MainWindow::applyDisplaySettings() {
    const screens::DisplaySettings settings = screens::DisplaySettings::load();
    QScreen *target = screens::screenOf(settings.screen);
    delete m_display;
    m_display = nullptr;
    if (!target)
        return; // none chosen, or its screen is not connected now
    const StoreInfo store = StoreSettings(*m_db).storeInfo();
    m_display = new CustomerDisplay(store.name.isEmpty() ? tr("Oasis POS") : store.name,
                                    settings.message, this);
    m_display->showOn(target);
    if (m_register)
        m_display->showTicket(m_register->model()->ticket(), m_register->model()->totals());
}

void MainWindow::applyCameraSettings() {
    const CameraSettings settings = CameraSettings::load();
    if (!settings.isOn()) {
        if (m_camera)
            m_camera->apply(settings);
        return; // no camera chosen: Qt Multimedia is not even loaded
    }
    QString error;
    Camera *scanner = camera(&error);
    if (!scanner) {
        statusBar()->showMessage(error, 15'000);
        return;
    }
    if (!scanner->apply(settings))
        statusBar()->showMessage(
            tr("The camera %1 is not connected: codes can still be scanned or typed.")
                .arg(settings.name.isEmpty() ? settings.id : settings.name),
            15'000);
}

Camera *MainWindow::camera(QString *error) {
    if (m_camera)
        return m_camera.get();
    CameraPlugin *plugin = cameraPlugin(cameraPluginPaths(), error);
    if (!plugin)
        return nullptr;
    Camera::Events events;
    // A code shown to the camera is a scan at the register, and only there: not on the PIN pad,
    // another screen or over a dialog (the Settings test shows what it reads itself).
    events.codeRead = [this](const QString &text) {
        if (isLocked() || currentScreen() != QLatin1String("register") || !m_register ||
            QApplication::activeModalWidget())
            return;
        sellingRegister()->handleCameraScan(text);
    };
    events.error = [this](const QString &message) { statusBar()->showMessage(message, 15'000); };
    events.camerasChanged = [this] { applyCameraSettings(); };
    m_camera = plugin->create(std::move(events));
    return m_camera.get();
}

RegisterWidget *MainWindow::registerScreen() {
    buildRegister();
    return m_register;
}

RegisterWidget *MainWindow::sellingRegister() {
    buildRegister();
    return m_registerOffline ? m_registerOffline : m_register;
}

void MainWindow::sellOffline() {
    buildRegister();
    if (m_registerOffline || !m_offline->copy())
        return;
    // The same screen on the copy: scans, prices, tax rates and PINs as the server had them
    // when the copy was made; the ticket on screen (and its request id) moves across.
    m_registerOffline = new RegisterWidget(*m_offline->copy(), m_registerId, m_registerPage);
    m_registerOffline->setOffline(&m_offline->outbox(), true);
    m_login->setOfflineCopy(m_offline->copy());
    if (m_user)
        m_registerOffline->setCashier(*m_user);
    m_registerOffline->reloadCatalog();
    if (!m_register->model()->isEmpty()) {
        m_registerOffline->model()->setTicket(m_register->model()->ticket());
        m_register->model()->clear();
    }
    connect(m_registerOffline, &RegisterWidget::lockRequested, this, &MainWindow::lock);
    connect(m_registerOffline, &RegisterWidget::saleCompleted, m_offline,
            &OfflineMode::countWaiting);
    m_register->hide();
    m_registerPage->layout()->addWidget(m_registerOffline);
    m_registerOffline->show();
    m_registerOffline->showMessage(
        tr("Store server out of reach: selling offline, cash and card only."), true);
    updateStatus();
}

void MainWindow::sellOnline() {
    if (!m_registerOffline)
        return;
    if (!m_registerOffline->model()->isEmpty())
        m_register->model()->setTicket(m_registerOffline->model()->ticket());
    delete std::exchange(m_registerOffline, nullptr);
    m_login->setOfflineCopy(nullptr);
    m_register->show();
    m_register->reloadCatalog();
    m_register->showMessage(tr("The store server is back: the sales made offline were sent."));
    updateStatus();
}

ReceiptsScreen *MainWindow::receipts() {
    buildRegister();
    return m_receipts;
}

QWidget *MainWindow::buildHeader() {
    auto *header = new QWidget(this);
    header->setObjectName(QStringLiteral("appHeader"));
    auto *row = new QHBoxLayout(header);
    row->setContentsMargins(16, 6, 12, 6);
    row->setSpacing(8);
    m_storeName = new QLabel(header);
    m_storeName->setObjectName(QStringLiteral("headerTitle"));
    row->addWidget(m_storeName);
    row->addSpacing(12);
    m_nav = new QHBoxLayout;
    m_nav->setSpacing(4);
    row->addLayout(m_nav);
    row->addStretch(1);
    m_userLabel = new QLabel(header);
    m_userLabel->setObjectName(QStringLiteral("headerUser"));
    row->addWidget(m_userLabel);
    auto *lockButton = new QPushButton(tr("Lock"), header);
    lockButton->setObjectName(QStringLiteral("headerButton"));
    lockButton->setFocusPolicy(Qt::NoFocus);
    connect(lockButton, &QPushButton::clicked, this, &MainWindow::lock);
    row->addWidget(lockButton);
    m_navButtons = new QButtonGroup(this);
    return header;
}

void MainWindow::addScreen(const QString &id, const QString &title, QWidget *screen,
                           std::optional<Action> needs) {
    QWidget *page = screen;
    if (needs) {
        // The screen under a line that says who may use it, shown when this person may not.
        page = new QWidget(m_screens);
        auto *layout = new QVBoxLayout(page);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->setSpacing(0);
        auto *line = new QLabel(page);
        line->setObjectName(QStringLiteral("restrictedLine"));
        line->setWordWrap(true);
        line->hide();
        layout->addWidget(line);
        screen->setParent(page);
        layout->addWidget(screen, 1);
        m_restricted.push_back({id, *needs, screen, line});
    }
    page->setProperty("screenId", id);
    m_screens->addWidget(page);
    auto *b = new QPushButton(title, m_nav->parentWidget());
    b->setObjectName(QStringLiteral("navButton"));
    b->setCheckable(true);
    b->setFocusPolicy(Qt::NoFocus);
    b->setProperty("screenId", id);
    m_navButtons->addButton(b);
    m_nav->addWidget(b);
    connect(b, &QPushButton::clicked, this, [this, id] {
        if (id == QLatin1String("receipts"))
            receipts()->reload();
        showScreen(id);
    });
    if (m_screens->count() == 1)
        b->setChecked(true);
}

QString MainWindow::restrictionOf(const QString &id) const {
    for (const Restricted &r : m_restricted)
        if (r.id == id && !r.line->isHidden())
            return r.line->text();
    return {};
}

void MainWindow::updateAccess() {
    for (const Restricted &r : m_restricted) {
        // Core's rule on the person's current row: one demoted since logging in is refused.
        const bool allowed = m_user && authorize(*m_db, r.needs, *m_user, std::nullopt).has_value();
        const QString line = allowed ? QString() : whoMayLine(r.needs);
        r.content->setEnabled(allowed);
        r.line->setText(line);
        r.line->setVisible(!allowed);
        for (QAbstractButton *b : m_navButtons->buttons())
            if (b->property("screenId").toString() == r.id) {
                b->setProperty("restricted", !allowed);
                b->setToolTip(line);
                b->style()->unpolish(b);
                b->style()->polish(b);
            }
    }
}

void MainWindow::showScreen(const QString &id) {
    for (int i = 0; i < m_screens->count(); ++i) {
        if (m_screens->widget(i)->property("screenId").toString() == id) {
            m_screens->setCurrentIndex(i);
            break;
        }
    }
    for (QAbstractButton *b : m_navButtons->buttons())
        if (b->property("screenId").toString() == id)
            b->setChecked(true);
    if (id == QLatin1String("register"))
        registerScreen()->focusScan();
}

QString MainWindow::currentScreen() const {
    return m_screens->currentWidget() ? m_screens->currentWidget()->property("screenId").toString()
                                      : QString();
}

void MainWindow::startSession(const StaffMember &member) {
    m_user = member;
    registerScreen()->setCashier(member);
    if (m_registerOffline)
        m_registerOffline->setCashier(member);
    if (!std::exchange(m_catalogFresh, false) && !m_registerOffline)
        m_register->reloadCatalog();
    updateAccess();
    m_pages->setCurrentIndex(1);
    showScreen(QStringLiteral("register"));
    activateWindow(); // F-keys reach only the active window, also on a kiosk without a WM
    const int minutes = StoreSettings(*m_db).idleLockMinutes();
    if (minutes > 0) {
        m_idle->setInterval(minutes * 60'000);
        m_idle->start();
    }
    updateStatus();
}

void MainWindow::lock() {
    m_idle->stop();
    m_catalogFresh = false;
    m_user.reset();
    m_login->reload();
    m_login->clearPin();
    m_login->setMessage(tr("The register is locked. The ticket stays as it was."));
    screens::clearMessageLines(m_screens);
    m_pages->setCurrentWidget(m_login);
    m_login->setFocus();
    updateStatus();
}

bool MainWindow::isLocked() const {
    return m_pages->currentWidget() == m_login;
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event) {
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::TouchBegin:
    case QEvent::Wheel:
        if (m_user && m_idle->interval() > 0)
            m_idle->start();
        break;
    default:
        break;
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::closeEvent(QCloseEvent *event) {
    if (const int waiting = m_outbox->waiting(); waiting > 0) {
        // The emails live in memory only (a gift card's code is never written to disk): closing
        // loses them, so ask.
        QMessageBox box(QMessageBox::Warning, tr("Close Oasis POS"),
                        waiting == 1
                            ? tr("1 email has not been sent yet. It will be lost if Oasis POS "
                                 "closes now.")
                            : tr("%1 emails have not been sent yet. They will be lost if Oasis "
                                 "POS closes now.")
                                  .arg(waiting),
                        QMessageBox::NoButton, this);
        box.setObjectName(QStringLiteral("closeUnsentMailBox"));
        box.setInformativeText(m_outbox->statusText());
        QPushButton *stay = box.addButton(tr("Stay open"), QMessageBox::RejectRole);
        QPushButton *close =
            box.addButton(tr("Close without sending"), QMessageBox::DestructiveRole);
        box.setDefaultButton(stay);
        box.setEscapeButton(stay);
        box.exec();
        if (box.clickedButton() != close) {
            event->ignore();
            return;
        }
        qCWarning(lcAppMail, "Oasis POS closed with %d email(s) not sent", waiting);
    }
    if (m_register) {
        if (auto parked = m_register->parkOpenTicket(); !parked) {
            // The one case that asks: the ticket could not be kept.
            QMessageBox box(QMessageBox::Warning, tr("Close Oasis POS"),
                            tr("The open ticket could not be held: %1").arg(parked.error().message),
                            QMessageBox::NoButton, this);
            box.setObjectName(QStringLiteral("closeUnparkedBox"));
            QPushButton *stay = box.addButton(tr("Stay open"), QMessageBox::RejectRole);
            QPushButton *close =
                box.addButton(tr("Close and lose the ticket"), QMessageBox::DestructiveRole);
            box.setDefaultButton(stay);
            box.setEscapeButton(stay);
            box.exec();
            if (box.clickedButton() != close) {
                event->ignore();
                return;
            }
        }
    }
    QMainWindow::closeEvent(event);
}

void MainWindow::updateStatus() {
    // Offline, the store's settings are the copy's (the server is not asked and waited for).
    const StoreInfo store =
        StoreSettings(m_offline && m_offline->copy() ? *m_offline->copy() : *m_db).storeInfo();
    m_storeName->setText(store.name.isEmpty() ? tr("Oasis POS") : store.name);
    const QString who = m_user ? m_user->shownName() : tr("locked");
    m_userLabel->setText(who);
    m_statusUser->setText(tr("User: %1").arg(who));
    m_statusRegister->setText(tr("Register: %1").arg(m_registerId));
    // The register's name and, on a server, whether it is reached; where the store lives (a
    // path, a host) only in the tooltip and in Settings → This register.
    m_statusDatabase->setText(m_offline ? m_offline->statusText() : Store::serverState(*m_db));
    m_statusDatabase->setToolTip(Store::describeLocation(Store::pathOf(*m_db)));
    const QDateTime now = Clock::nowUtc().toTimeZone(store.timeZone);
    m_clock->setText(QLocale().toString(now, QStringLiteral("ddd d MMM · h:mm AP")));
}

} // namespace oasis::app
