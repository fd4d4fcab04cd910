// SPDX-License-Identifier: GPL-3.0-or-later
// The counter app's window: the PIN pad, then the screens (register, receipts, and the ones later
// issues add with addScreen), a status bar with user, register and database, and the idle lock.
#pragma once

#include "core/services/staff.h"

#include <QMainWindow>

#include <memory>
#include <optional>
#include <vector>

class QLabel;
class QStackedWidget;
class QTimer;
class QHBoxLayout;
class QButtonGroup;

namespace oasis {
class Database;
}

namespace oasis::mail {
class Outbox;
}

namespace oasis::app {

class LoginWidget;
class RegisterWidget;
class ReceiptsScreen;
class CustomerDisplay;
class Camera;
class OfflineMode;

class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    MainWindow(Database &db, const QString &registerId, QWidget *parent = nullptr);
    /// The window without its store: the PIN pad and the screens' frame, built while the store
    /// opens (the counter app opens it on another thread meanwhile). It may be shown before
    /// attach(), with the names the pad showed last time (LoginWidget::showRemembered).
    explicit MainWindow(const QString &registerId, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Gives the window its store: the staff on the PIN pad, the status bar, the idle lock and,
    /// on a server, selling offline. Once, on the window's thread.
    void attach(Database &db);
    bool hasStore() const { return m_db != nullptr; }

    LoginWidget *login() const { return m_login; }
    /// The register and receipts screens are built while the first PIN is checked (or when the
    /// PIN pad is on screen and the app is idle), not before the PIN pad: these build them at
    /// once if need be.
    RegisterWidget *registerScreen();
    /// The register the cashier sells on now: registerScreen(), or while the store server is
    /// out of reach the one that sells on this register's offline copy.
    RegisterWidget *sellingRegister();
    /// Selling while the server is unreachable (a store on a server only; else nullptr).
    OfflineMode *offlineMode() const { return m_offline; }
    ReceiptsScreen *receipts();
    std::optional<StaffMember> user() const { return m_user; }
    /// The counter's emails (e-receipts, e-gift cards): sent in the background, retried, in
    /// memory only; the status bar says what waits.
    mail::Outbox *outbox() const { return m_outbox; }

    /// Adds a screen with a button in the navigation bar. One function per screen keeps this
    /// window small as gift cards, inventory, reports and settings arrive.
    /// A screen whose work is `needs` is shown disabled to a person whose role may not do it,
    /// with a line saying who may (core's role table decides).
    void addScreen(const QString &id, const QString &title, QWidget *screen,
                   std::optional<Action> needs = std::nullopt);
    /// The line a restricted screen shows above itself ("… is for managers and the owner."),
    /// empty when the logged-in person may use it.
    QString restrictionOf(const QString &id) const;
    void showScreen(const QString &id);
    QString currentScreen() const;

    /// Opens, moves or closes the customer-facing display as this computer's settings say
    /// (Settings → This register): full screen on the chosen screen when it is connected.
    void applyDisplaySettings();
    /// The customer-facing display, when one is on (nullptr otherwise).
    CustomerDisplay *customerDisplay() const { return m_display; }

    /// Starts or stops the camera that reads codes as this computer's settings say (Settings →
    /// This register → Camera). A chosen camera that is not connected is left off.
    void applyCameraSettings();
    /// The camera scanner, made when first asked for (no camera is opened until one is chosen):
    /// the plugin oasis-camera is loaded then. What it reads goes to the register as a scan,
    /// while the register is on screen. nullptr when the plugin cannot be loaded; `error` (if
    /// given) then says why in one line.
    Camera *camera(QString *error = nullptr);
    /// The scanner if one was made (nullptr otherwise).
    Camera *cameraIfAny() const { return m_camera.get(); }

    /// Logs in without the PIN pad (tests, after LoginWidget succeeded).
    void startSession(const StaffMember &member);
    /// Back to the PIN pad; the ticket on the register stays.
    void lock();
    bool isLocked() const;

Q_SIGNALS:
    /// Settings asked for a restart (this register's store location changed).
    void restartRequested();
    /// The register completed a sale.
    void saleCompleted(qint64 receiptNo);
    /// The register asked for the client page (RegisterWidget::clientPageRequested).
    void clientPageRequested(qint64 clientId);
    /// attach() gave the window its store: the PIN pad can check a PIN.
    void storeAttached();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    /// An open ticket is held ("parked at close") before the window goes, so nothing is lost.
    void closeEvent(QCloseEvent *event) override;

private:
    QWidget *buildHeader();
    void buildRegister();
    void updateStatus();
    /// The server went away: a register on the offline copy takes the open ticket.
    void sellOffline();
    /// The server is back and what waited was sent: the ticket returns to the register.
    void sellOnline();
    /// Enables each restricted screen for the logged-in person, or disables it with its line.
    void updateAccess();

    Database *m_db = nullptr; // attach()
    QString m_registerId;
    std::optional<StaffMember> m_user;
    // The register's buttons were loaded while this login's PIN was checked.
    bool m_catalogFresh = false;
    QStackedWidget *m_pages = nullptr; // 0: login, 1: the screens
    QStackedWidget *m_screens = nullptr;
    QHBoxLayout *m_nav = nullptr;
    QButtonGroup *m_navButtons = nullptr;
    LoginWidget *m_login = nullptr;
    // Their places in the screens' stack, there from the start (the navigation's order).
    QWidget *m_registerPage = nullptr;
    QWidget *m_receiptsPage = nullptr;
    RegisterWidget *m_register = nullptr;
    RegisterWidget *m_registerOffline = nullptr;
    OfflineMode *m_offline = nullptr;
    ReceiptsScreen *m_receipts = nullptr;
    QLabel *m_storeName = nullptr;
    QLabel *m_userLabel = nullptr;
    QLabel *m_statusUser = nullptr;
    QLabel *m_statusRegister = nullptr;
    QLabel *m_statusDatabase = nullptr;
    QLabel *m_statusMail = nullptr;
    mail::Outbox *m_outbox = nullptr;
    QLabel *m_clock = nullptr;
    QTimer *m_idle = nullptr;
    struct Restricted {
        QString id;
        Action needs;
        QWidget *content = nullptr;
        QLabel *line = nullptr;
    };
    std::vector<Restricted> m_restricted;
    CustomerDisplay *m_display = nullptr;
    std::unique_ptr<Camera> m_camera;
};

} // namespace oasis::app
