// SPDX-License-Identifier: GPL-3.0-or-later
// The client page: find, add and edit clients, their health notes (for those who may see them),
// their visits, purchases and gift cards; merge and export for managers.
#pragma once

#include "pos/screens/screen.h"

#include "core/services/clients.h"

#include <QAbstractTableModel>
#include <QDialog>
#include <QWidget>

#include <optional>
#include <vector>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;
class QTreeWidget;

namespace oasis::screens {

/// Clients as a table: name, phone, email, whether there are health notes.
class ClientListModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClientListModel)
public:
    enum Column { NameColumn, PhoneColumn, EmailColumn, HealthColumn, ColumnCount };
    enum Roles { IdRole = Qt::UserRole };

    explicit ClientListModel(QObject *parent = nullptr);
    void setClients(std::vector<Client> clients);
    const Client &clientAt(int row) const { return m_clients.at(std::size_t(row)); }
    int rowOf(qint64 id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::vector<Client> m_clients;
};

/// Name, phone, email, notes and (for a role that may see them) health flags, one per line.
class ClientDialog final : public QDialog {
    Q_OBJECT
public:
    ClientDialog(const QString &title, const Client &client, bool showHealth,
                 QWidget *parent = nullptr);
    ClientDetails details() const;

private:
    QLineEdit *m_name = nullptr;
    QLineEdit *m_phone = nullptr;
    QLineEdit *m_email = nullptr;
    QPlainTextEdit *m_notes = nullptr;
    QPlainTextEdit *m_health = nullptr; // null for a role that may not see health notes
};

class ClientsScreen final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClientsScreen)
public:
    explicit ClientsScreen(const ScreenContext &ctx, QWidget *parent = nullptr);
    ~ClientsScreen() override;

    /// Lists the clients matching `text` (all recent ones for an empty text).
    void search(const QString &text);
    void refresh();
    /// Shows one client's page (contact, health notes, history).
    void showClient(qint64 id);
    qint64 currentId() const { return m_current ? m_current->id : 0; }
    QString message() const;
    ClientListModel *model() const { return m_model; }
    QLineEdit *searchField() const { return m_search; }
    /// The page's text as a person reads it (tests): the header, contact and health lines.
    QString pageText() const;
    QTreeWidget *history() const { return m_history; }

    // --- what the buttons do once their dialogs have the input (tests call these) ----------
    Result<Client> addClient(const ClientDetails &details);
    Result<Client> saveClient(const ClientDetails &details);
    /// Merges the shown client into `keepId` (a manager's approval is asked for when needed).
    Status mergeInto(qint64 keepId);
    Status exportTo(const QString &path);
    /// "Use a session": one session of package `packageId` (0: the one chosen in the history,
    /// or the client's only package with sessions left) on a ticket for the shown client.
    /// Refused in one line (no client, not theirs, no session left); else useSessionRequested.
    Status useSession(qint64 packageId = 0);

Q_SIGNALS:
    /// The register takes it from here (RegisterWidget::usePackageSession).
    void useSessionRequested(qint64 clientId, qint64 packageId);

private:
    /// The package the history's current row names, or the only active one; 0 for none.
    qint64 chosenPackage() const;
    void updateUseSession();
    StaffMember user() const;
    Status finish(Status status, const QString &done);
    void askAdd();
    void askEdit();
    void askMerge();
    void askExport();

    ScreenContext m_ctx;
    ClientListModel *m_model = nullptr;
    QLineEdit *m_search = nullptr;
    QLabel *m_message = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_name = nullptr;
    QLabel *m_contact = nullptr;
    QLabel *m_health = nullptr;
    QLabel *m_summary = nullptr;
    QTreeWidget *m_history = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_merge = nullptr;
    QPushButton *m_useSession = nullptr;
    QWidget *m_page = nullptr;
    QLabel *m_empty = nullptr;
    std::optional<Client> m_current;
};

} // namespace oasis::screens
