// SPDX-License-Identifier: GPL-3.0-or-later
// Where this register's store is (DESIGN §13): this computer's own file, or a store on a
// PostgreSQL server that several registers share. Chosen in Settings ("This register") and, when
// the server a register was set up for cannot be reached at start, from the app's first window.
// Kept in this computer's settings (Store::setConfiguredLocation), used from the next start.
#pragma once

#include "core/domain/error.h"
#include "core/services/staff.h"

#include <optional>

#include <QDialog>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace oasis {
class Database;
}

namespace oasis::screens {

class StoreLocationEditor final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StoreLocationEditor)
public:
    /// `current` is where the register's store is now (a file or a server address).
    explicit StoreLocationEditor(const QString &current, QWidget *parent = nullptr);

    /// The location the fields name: the default file, or the server address typed.
    QString location() const;
    void setServerAddress(const QString &url);
    /// Opens the store the fields name, as the register would at its start (the key file, the
    /// schema, the server's answer) and says in one line what it found; true when it opened.
    bool check();
    /// Whether the fields name a place a store can be (said in the line when not).
    Status validate();
    /// Keeps the location for the next start (Store::setConfiguredLocation, in the store
    /// `db` as `by`, with a manager's approval when they need one); the line says what follows.
    Status save(Database &db, const StaffMember &by, const std::optional<StaffMember> &approver);
    QString message() const;

private:
    void showMessage(const QString &text, bool error);

    QString m_current;
    QRadioButton *m_file = nullptr;
    QRadioButton *m_server = nullptr;
    QLineEdit *m_address = nullptr;
    QPushButton *m_check = nullptr;
    QLabel *m_message = nullptr;
};

/// The editor in a dialog, for a start whose store cannot be opened: OK opens the store chosen
/// for this run only (keeping it for the next starts is a manager's, in Settings).
class StoreLocationDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StoreLocationDialog)
public:
    /// `why`: what went wrong, shown above.
    StoreLocationDialog(const QString &current, const QString &why, QWidget *parent = nullptr);
    StoreLocationEditor *editor() const { return m_editor; }
    void accept() override;

private:
    StoreLocationEditor *m_editor = nullptr;
};

} // namespace oasis::screens
