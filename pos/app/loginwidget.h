// SPDX-License-Identifier: GPL-3.0-or-later
// The PIN pad: choose who you are, type the PIN on the pad or the keyboard, OK.
#pragma once

#include "core/services/staff.h"

#include <QWidget>

class QButtonGroup;
class QLabel;
class QVBoxLayout;

namespace oasis {
class Database;
}

namespace oasis::app {

/// What the PIN pad showed: the store's name and who may log in (login names and the names on
/// their buttons). A register remembers it for its next start, so the pad can be painted while
/// the store is still opening; the store's own list replaces it as soon as the store is open.
struct PadNames {
    QString store;
    QStringList logins;
    QStringList labels;

    bool isEmpty() const { return logins.isEmpty(); }
    bool operator==(const PadNames &) const = default;

    /// What this computer's pad showed the last time it opened the store at `location` (empty
    /// for another store, or none yet).
    static PadNames remembered(const QString &location);
    /// Keeps these names for the next start of the store at `location`.
    void remember(const QString &location) const;
};

class LoginWidget final : public QWidget {
    Q_OBJECT
public:
    explicit LoginWidget(Database &db, QWidget *parent = nullptr);
    /// The pad without its store (built while the store opens): setDatabase() fills it in.
    explicit LoginWidget(QWidget *parent = nullptr);
    /// The store whose staff log in here; loads them (replacing remembered names). Once.
    void setDatabase(Database &db);
    bool hasStore() const { return m_db != nullptr; }
    /// Shows the names the pad showed last time while the store opens; false when there are
    /// none. A PIN is checked only once the store is set (submit() asks for it).
    bool showRemembered(const PadNames &remembered);
    /// What the pad shows now.
    PadNames names() const;
    /// While the store server is out of reach, staff and PINs are this register's offline
    /// copy's (nullptr: the server's again).
    void setOfflineCopy(Database *copy) { m_copy = copy; }

    /// Reloads the staff with register access (after a lock, or when staff change).
    void reload();
    /// Chooses the user whose login name is `name`; false when there is no such button.
    bool selectUser(const QString &name);
    QString selectedUser() const;
    void typePin(const QString &digits);
    void clearPin();
    /// Checks the PIN with StaffService::authenticate; emits loggedIn on success.
    bool submit();
    QString message() const;
    void setMessage(const QString &text);

Q_SIGNALS:
    /// Emitted by submit() while the PIN's hash is worked out on another thread: what the
    /// slots do (MainWindow loads the register's buttons) costs the login no time.
    void checkingPin();
    /// submit() was called before the store was set: a slot may set it now.
    void storeNeeded();
    void loggedIn(const oasis::StaffMember &member);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void updatePinDisplay();
    /// One button per name, unless the pad shows these already; keeps the chosen person.
    void showNames(const PadNames &wanted);

    /// The store PINs are checked against: the offline copy while the server is out of reach.
    Database &db() const { return m_copy ? *m_copy : *m_db; }

    Database *m_db = nullptr;
    Database *m_copy = nullptr;
    QString m_pin;
    QButtonGroup *m_users = nullptr;
    QVBoxLayout *m_userList = nullptr;
    QLabel *m_pinDisplay = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_store = nullptr;
};

} // namespace oasis::app
