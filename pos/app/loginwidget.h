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

class LoginWidget final : public QWidget {
    Q_OBJECT
public:
    explicit LoginWidget(Database &db, QWidget *parent = nullptr);
    /// The pad without its store (built while the store opens): setDatabase() fills it in.
    explicit LoginWidget(QWidget *parent = nullptr);
    /// The store whose staff log in here; loads them. Once.
    void setDatabase(Database &db);
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
    void loggedIn(const oasis::StaffMember &member);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void updatePinDisplay();

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
