// SPDX-License-Identifier: GPL-3.0-or-later
// Staff management for the owner: list, add, deactivate, reset a PIN, change a role.
#pragma once

#include "pos/screens/screen.h"

#include "core/services/staff.h"

#include <QAbstractTableModel>
#include <QWidget>

#include <optional>
#include <vector>

class QCheckBox;
class QLabel;
class QPushButton;
class QTableView;

namespace oasis::screens {

/// Staff members as a table: name, display name, role, active.
class StaffModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StaffModel)
public:
    enum Column { Name, DisplayName, RoleColumn, Active, ColumnCount };
    enum Roles { NameRole = Qt::UserRole, ActiveRole };

    explicit StaffModel(QObject *parent = nullptr);

    void setStaff(std::vector<StaffMember> staff);
    const StaffMember &memberAt(int row) const { return m_staff.at(std::size_t(row)); }
    /// The row of a login name, or -1.
    int rowOf(const QString &name) const;

    /// "Front desk", "Manager", … for the screen.
    static QString roleText(Role role);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::vector<StaffMember> m_staff;
};

/// Self-contained screen for the owner. Another user's changes need an owner's approval
/// (ctx.requestApproval, asked for what core refuses), for each change. Service errors are shown as
/// they are, on the screen.
class StaffScreen final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StaffScreen)
public:
    explicit StaffScreen(const ScreenContext &ctx, QWidget *parent = nullptr);
    ~StaffScreen() override;

    void refresh();
    QString message() const;
    StaffModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }

    // --- what the buttons do once their dialogs have the input (tests call these) ----------
    /// Adds a user; the PIN is typed twice (therapists have none: leave both empty).
    Status addStaff(const QString &name, const QString &displayName, Role role, const QString &pin,
                    const QString &pinAgain);
    Status deactivate(const QString &name);
    Status resetPin(const QString &name, const QString &pin, const QString &pinAgain);
    Status changeRole(const QString &name, Role role);

Q_SIGNALS:
    /// Staff changed: the login screen's list and the therapist choices are stale.
    void staffChanged();

private:
    StaffMember user() const;
    std::optional<StaffMember> selected() const;
    Status finish(Status status, const QString &done);
    void showError(const QString &text);
    void showInfo(const QString &text);
    void updateButtons();

    void addDialog();
    void deactivateSelected();
    void resetPinDialog();
    void changeRoleDialog();

    ScreenContext m_ctx;
    StaffModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QCheckBox *m_showInactive = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_deactivate = nullptr;
    QPushButton *m_resetPin = nullptr;
    QPushButton *m_changeRole = nullptr;
};

} // namespace oasis::screens
