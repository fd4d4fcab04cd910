// SPDX-License-Identifier: GPL-3.0-or-later
#include "pos/screens/clientsscreen.h"

#include "core/domain/permissions.h"
#include "core/services/sale.h"
#include "pos/screens/printchoice.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QVBoxLayout>

namespace oasis::screens {

namespace {
// A package's row in the client's history: its id and the sessions it has left.
constexpr int kPackageIdRole = Qt::UserRole;
constexpr int kSessionsLeftRole = Qt::UserRole + 1;
} // namespace

// --- ClientListModel ---------------------------------------------------------------------

ClientListModel::ClientListModel(QObject *parent)
    : QAbstractTableModel(parent) {}

void ClientListModel::setClients(std::vector<Client> clients) {
    beginResetModel();
    m_clients = std::move(clients);
    endResetModel();
}

int ClientListModel::rowOf(qint64 id) const {
    for (std::size_t i = 0; i < m_clients.size(); ++i)
        if (m_clients[i].id == id)
            return int(i);
    return -1;
}

int ClientListModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_clients.size());
}

int ClientListModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ClientListModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Client &c = m_clients[std::size_t(index.row())];
    if (role == IdRole)
        return c.id;
    if (role == Qt::ToolTipRole && index.column() == HealthColumn && c.hasHealthFlags)
        return tr("Health notes on file");
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return c.name;
    case PhoneColumn:
        return c.phone;
    case EmailColumn:
        return c.email;
    case HealthColumn:
        return c.hasHealthFlags ? QStringLiteral("⚠") : QString();
    default:
        return {};
    }
}

QVariant ClientListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case PhoneColumn:
        return tr("Phone");
    case EmailColumn:
        return tr("Email");
    case HealthColumn:
        return tr("Health");
    default:
        return {};
    }
}

// --- ClientDialog ------------------------------------------------------------------------

ClientDialog::ClientDialog(const QString &title, const Client &client, bool showHealth,
                           QWidget *parent)
    : QDialog(parent) {
    setWindowTitle(title);
    auto *form = new QFormLayout;
    m_name = new QLineEdit(client.name, this);
    m_name->setObjectName(QStringLiteral("name"));
    m_phone = new QLineEdit(client.phone, this);
    m_phone->setObjectName(QStringLiteral("phone"));
    m_email = new QLineEdit(client.email, this);
    m_email->setObjectName(QStringLiteral("email"));
    m_notes = new QPlainTextEdit(client.notes, this);
    m_notes->setObjectName(QStringLiteral("notes"));
    m_notes->setPlaceholderText(tr("Preferences the front desk may read (no health notes here)"));
    m_notes->setFixedHeight(70);
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Phone"), m_phone);
    form->addRow(tr("Email"), m_email);
    form->addRow(tr("Notes"), m_notes);
    if (showHealth) {
        m_health = new QPlainTextEdit(client.healthFlags.join(u'\n'), this);
        m_health->setObjectName(QStringLiteral("health"));
        m_health->setPlaceholderText(
            tr("One per line: allergies, contraindications, pregnancy\ne.g. Allergy: nut oils"));
        m_health->setFixedHeight(100);
        form->addRow(tr("Health notes\n(therapists and\nmanagers only)"), m_health);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    resize(520, sizeHint().height());
}

ClientDetails ClientDialog::details() const {
    ClientDetails d;
    d.name = m_name->text();
    d.phone = m_phone->text();
    d.email = m_email->text();
    d.notes = m_notes->toPlainText().trimmed();
    if (m_health)
        d.healthFlags = m_health->toPlainText().split(u'\n', Qt::SkipEmptyParts);
    return d;
}

// --- ClientsScreen -----------------------------------------------------------------------

ClientsScreen::ClientsScreen(const ScreenContext &ctx, QWidget *parent)
    : QWidget(parent)
    , m_ctx(ctx) {
    setObjectName(QStringLiteral("clientsScreen"));
    m_model = new ClientListModel(this);

    auto *title = new QLabel(tr("Clients"), this);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    title->setFont(big);
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("clientSearch"));
    m_search->setPlaceholderText(tr("Find by name or phone"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumHeight(kTouch);
    connect(m_search, &QLineEdit::textChanged, this, &ClientsScreen::search);

    auto button = [this](const QString &text, const QString &name, auto slot) {
        auto *b = new QPushButton(text, this);
        b->setObjectName(name);
        b->setMinimumHeight(kTouch);
        connect(b, &QPushButton::clicked, this, slot);
        return b;
    };
    auto *add = button(tr("New client"), QStringLiteral("addClient"), &ClientsScreen::askAdd);
    auto *exportButton =
        button(tr("Export CSV…"), QStringLiteral("exportClients"), &ClientsScreen::askExport);
    exportButton->setToolTip(whoMayLine(Action::ClientExport));
    auto *top = new QHBoxLayout;
    top->addWidget(title);
    top->addSpacing(16);
    top->addWidget(m_search, 1);
    top->addWidget(add);
    top->addWidget(exportButton);

    m_message = new QLabel(this);
    markMessageLine(m_message);
    m_message->setObjectName(QStringLiteral("clientsMessage"));
    m_message->setWordWrap(true);
    m_message->hide();

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("clientTable"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(40);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(ClientListModel::NameColumn,
                                                     QHeaderView::Stretch);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    showClient(m_model->clientAt(current.row()).id);
            });

    // The client's page.
    m_page = new QWidget(this);
    auto *page = new QVBoxLayout(m_page);
    page->setContentsMargins(16, 0, 0, 0);
    m_name = new QLabel(m_page);
    m_name->setObjectName(QStringLiteral("clientName"));
    QFont nameFont = m_name->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.4);
    nameFont.setBold(true);
    m_name->setFont(nameFont);
    m_contact = new QLabel(m_page);
    m_contact->setObjectName(QStringLiteral("clientContact"));
    m_contact->setWordWrap(true);
    m_contact->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_health = new QLabel(m_page);
    m_health->setObjectName(QStringLiteral("clientHealth"));
    m_health->setWordWrap(true);
    m_health->setStyleSheet(
        QStringLiteral("QLabel#clientHealth { background: #fff4e5; color: #7a3e00; border: 1px "
                       "solid #f0b46c; border-radius: 6px; padding: 8px 10px; }"));
    m_summary = new QLabel(m_page);
    m_summary->setObjectName(QStringLiteral("clientSummary"));
    QFont summaryFont = m_summary->font();
    summaryFont.setBold(true);
    m_summary->setFont(summaryFont);
    m_history = new QTreeWidget(m_page);
    m_history->setObjectName(QStringLiteral("clientHistory"));
    m_history->setHeaderLabels({tr("What"), tr("Date"), tr("Receipt"), tr("With"), tr("Amount")});
    m_history->setRootIsDecorated(true);
    m_history->setAlternatingRowColors(true);
    m_history->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_history->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_history->header()->setStretchLastSection(false);
    m_edit = button(tr("Edit details"), QStringLiteral("editClient"), &ClientsScreen::askEdit);
    m_merge = button(tr("Merge a duplicate into…"), QStringLiteral("mergeClient"),
                     &ClientsScreen::askMerge);
    m_merge->setToolTip(whoMayLine(Action::ClientMerge));
    m_useSession =
        button(tr("Use a package session"), QStringLiteral("useSession"), [this] { useSession(); });
    m_useSession->setToolTip(tr("Ring up one session of the chosen package for this client: the "
                                "register asks for the therapist and opens Pay"));
    connect(m_history, &QTreeWidget::currentItemChanged, this, &ClientsScreen::updateUseSession);
    auto *pageButtons = new QHBoxLayout;
    pageButtons->addWidget(m_edit);
    pageButtons->addWidget(m_merge);
    pageButtons->addWidget(m_useSession);
    pageButtons->addStretch();
    page->addWidget(m_name);
    page->addWidget(m_contact);
    page->addWidget(m_health);
    page->addLayout(pageButtons);
    page->addWidget(m_summary);
    page->addWidget(m_history, 1);
    m_empty = new QLabel(tr("Find a client on the left, or add a new one."), this);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setObjectName(QStringLiteral("hint"));

    auto *middle = new QHBoxLayout;
    middle->addWidget(m_view, 2);
    middle->addWidget(m_page, 3);
    middle->addWidget(m_empty, 3);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->addLayout(top);
    layout->addWidget(m_message);
    layout->addLayout(middle, 1);
    m_page->hide();
    refresh();
}

ClientsScreen::~ClientsScreen() = default;

StaffMember ClientsScreen::user() const {
    return m_ctx.currentUser ? m_ctx.currentUser() : StaffMember{};
}

QString ClientsScreen::message() const {
    return m_message->isHidden() ? QString() : m_message->text();
}

Status ClientsScreen::finish(Status status, const QString &done) {
    showNotice(m_message, status ? done : status.error().message, !status);
    return status;
}

void ClientsScreen::refresh() {
    search(m_search->text());
    if (m_current)
        showClient(m_current->id);
}

void ClientsScreen::search(const QString &text) {
    ClientService clients(*m_ctx.db);
    auto found = text.trimmed().isEmpty() ? clients.list(user()) : clients.find(text, user());
    if (!found) {
        showNotice(m_message, found.error().message, true);
        return;
    }
    m_model->setClients(std::move(*found));
    if (m_current)
        if (const int row = m_model->rowOf(m_current->id); row >= 0)
            m_view->selectRow(row);
}

void ClientsScreen::showClient(qint64 id) {
    ClientService clients(*m_ctx.db);
    auto client = clients.get(id, user());
    if (!client) {
        showNotice(m_message, client.error().message, true);
        return;
    }
    m_current = *client;
    const QLocale locale;
    m_name->setText(client->name);
    QStringList contact;
    contact << (client->phone.isEmpty() ? tr("No phone") : client->phone);
    contact << (client->email.isEmpty() ? tr("No email") : client->email);
    QString contactText = contact.join(QStringLiteral("   ·   "));
    if (!client->notes.isEmpty())
        contactText += u'\n' + tr("Notes: %1").arg(client->notes);
    contactText += u'\n' + tr("Client since %1")
                               .arg(locale.toString(client->createdAt.toLocalTime().date(),
                                                    QLocale::LongFormat));
    m_contact->setText(contactText);
    if (!client->hasHealthFlags) {
        m_health->setText(client->healthVisible ? tr("No health notes.") : QString());
        m_health->setVisible(client->healthVisible);
    } else if (client->healthVisible) {
        m_health->setText(tr("⚠ Health notes — never printed, for therapists and managers:") +
                          QStringLiteral("\n• ") +
                          client->healthFlags.join(QStringLiteral("\n• ")));
        m_health->show();
    } else {
        m_health->setText(tr("⚠ Health notes on file: the therapist and managers can read them."));
        m_health->show();
    }
    const qint64 holder = client->mergedInto > 0 ? client->mergedInto : client->id;
    auto history = clients.history(holder, user());
    m_history->clear();
    if (!history) {
        showNotice(m_message, history.error().message, true);
    } else {
        // Tickets, not product lines, beside what was spent on them: a client who bought only
        // a package had read "Purchases: 0 · Spent in all: $600.00".
        m_summary->setText(tr("Tickets: %1  ·  Visits: %2  ·  Spent in all: %3")
                               .arg(history->tickets)
                               .arg(history->visits.size())
                               .arg(history->spent.format(locale)));
        auto group = [this, &locale](const QString &title,
                                     const std::vector<ClientHistoryLine> &lines) {
            auto *top = new QTreeWidgetItem(m_history, {title.arg(lines.size())});
            QFont bold = top->font(0);
            bold.setBold(true);
            top->setFont(0, bold);
            for (const ClientHistoryLine &l : lines) {
                QString what = l.quantity == 1
                                   ? l.name
                                   : QStringLiteral("%1 × %2").arg(l.quantity).arg(l.name);
                if (!l.giftCardLast4.isEmpty())
                    what += QStringLiteral("  ••%1").arg(l.giftCardLast4);
                if (l.voucherStatus == QLatin1String("active"))
                    what += tr("  ·  not redeemed yet");
                else if (l.voucherStatus == QLatin1String("redeemed"))
                    what += tr("  ·  redeemed");
                else if (l.voucherStatus == QLatin1String("void"))
                    what += tr("  ·  void (refunded)");
                if (l.saleKind != QLatin1String("sale"))
                    what += QStringLiteral("  (%1)").arg(l.saleKind);
                auto *item = new QTreeWidgetItem(
                    top, {what, locale.toString(l.at.toLocalTime().date(), QLocale::ShortFormat),
                          receiptCode(l.receiptNo), l.therapist, l.net.format(locale)});
                item->setTextAlignment(4, Qt::AlignRight | Qt::AlignVCenter);
            }
            top->setExpanded(true);
        };
        group(tr("Visits (%1)"), history->visits);
        group(tr("Purchases (%1)"), history->purchases);
        group(tr("Gift cards (%1)"), history->giftCards);
        group(tr("Service vouchers (%1)"), history->vouchers);
        // Session packages with the sessions left (DESIGN §15), newest first, as core reads
        // them (a merged duplicate's included); never their codes.
        if (auto packages = PackageService(*m_ctx.db).ofClient(holder); packages) {
            auto *top =
                new QTreeWidgetItem(m_history, {tr("Session packages (%1)").arg(packages->size())});
            QFont bold = top->font(0);
            bold.setBold(true);
            top->setFont(0, bold);
            for (const SessionPackage &k : *packages) {
                const QString left =
                    k.refunded ? tr("refunded") : tr("sessions left: %1").arg(k.sessionsLeft);
                auto *item = new QTreeWidgetItem(
                    top, {QStringLiteral("%1  ••%2  ·  %3").arg(k.description(), k.last4, left),
                          locale.toString(k.createdAt.toLocalTime().date(), QLocale::ShortFormat),
                          receiptCode(k.soldReceiptNo), QString(), k.paid.format(locale)});
                item->setTextAlignment(4, Qt::AlignRight | Qt::AlignVCenter);
                item->setData(0, kPackageIdRole, k.id);
                item->setData(0, kSessionsLeftRole, k.sessionsLeft);
            }
            top->setExpanded(true);
        } else {
            showNotice(m_message, packages.error().message, true);
        }
    }
    m_merge->setEnabled(client->mergedInto == 0);
    m_edit->setEnabled(client->mergedInto == 0);
    updateUseSession();
    if (client->mergedInto > 0)
        showNotice(m_message,
                   tr("%1 was merged into client #%2; the history shown is theirs.")
                       .arg(client->name)
                       .arg(client->mergedInto),
                   false);
    if (const int row = m_model->rowOf(client->id); row >= 0 && m_view->currentIndex().row() != row)
        m_view->selectRow(row);
    m_empty->hide();
    m_page->show();
}

QString ClientsScreen::pageText() const {
    if (!m_current)
        return {};
    return QStringList{m_name->text(), m_contact->text(), m_health->text(), m_summary->text()}.join(
        u'\n');
}

Result<Client> ClientsScreen::addClient(const ClientDetails &details) {
    auto added = withApproval(m_ctx.requestApproval, [&](const std::optional<StaffMember> &a) {
        return ClientService(*m_ctx.db).add(details, user(), a);
    });
    if (!added) {
        finish(std::unexpected(added.error()), {});
        return added;
    }
    m_search->clear();
    m_current = *added;
    refresh();
    finish({}, tr("Added %1.").arg(added->name));
    return added;
}

Result<Client> ClientsScreen::saveClient(const ClientDetails &details) {
    if (!m_current)
        return fail(ErrorCode::Invalid, tr("Choose a client first."));
    const qint64 id = m_current->id;
    auto saved = withApproval(m_ctx.requestApproval, [&](const std::optional<StaffMember> &a) {
        return ClientService(*m_ctx.db).change(id, details, user(), a);
    });
    if (!saved) {
        finish(std::unexpected(saved.error()), {});
        return saved;
    }
    refresh();
    finish({}, tr("Saved %1.").arg(saved->name));
    return saved;
}

Status ClientsScreen::mergeInto(qint64 keepId) {
    if (!m_current)
        return finish(fail(ErrorCode::Invalid, tr("Choose the duplicate client first.")), {});
    const qint64 duplicate = m_current->id;
    auto kept = withApproval(m_ctx.requestApproval, [&](const std::optional<StaffMember> &a) {
        return ClientService(*m_ctx.db).merge(duplicate, keepId, user(), a);
    });
    if (!kept)
        return finish(std::unexpected(kept.error()), {});
    m_current = *kept;
    refresh();
    return finish(
        {},
        tr("Merged into %1: the duplicate's visits and purchases are theirs now.").arg(kept->name));
}

Status ClientsScreen::exportTo(const QString &path) {
    auto count = withApproval(m_ctx.requestApproval, [&](const std::optional<StaffMember> &a) {
        return ClientService(*m_ctx.db).exportCsv(path, user(), a);
    });
    if (!count)
        return finish(std::unexpected(count.error()), {});
    return finish({}, tr("Exported %1 clients to %2. It holds health notes: keep it private.")
                          .arg(*count)
                          .arg(path));
}

qint64 ClientsScreen::chosenPackage() const {
    if (const QTreeWidgetItem *item = m_history->currentItem())
        if (const qint64 id = item->data(0, kPackageIdRole).toLongLong(); id > 0)
            return id;
    // None chosen: the client's only package with sessions left, if there is just one.
    qint64 only = 0;
    for (QTreeWidgetItemIterator it(m_history); *it; ++it)
        if ((*it)->data(0, kPackageIdRole).toLongLong() > 0 &&
            (*it)->data(0, kSessionsLeftRole).toInt() > 0) {
            if (only != 0)
                return 0;
            only = (*it)->data(0, kPackageIdRole).toLongLong();
        }
    return only;
}

void ClientsScreen::updateUseSession() {
    bool active = false;
    for (QTreeWidgetItemIterator it(m_history); *it && !active; ++it)
        active = (*it)->data(0, kSessionsLeftRole).toInt() > 0;
    // Shown to a client with a package to use; a used-up one chosen says why when pressed.
    m_useSession->setVisible(active);
}

Status ClientsScreen::useSession(qint64 packageId) {
    if (!m_current)
        return finish(fail(ErrorCode::Invalid, tr("Choose a client first.")), {});
    if (packageId <= 0)
        packageId = chosenPackage();
    if (packageId <= 0)
        return finish(fail(ErrorCode::Invalid,
                           tr("Choose the package in the list first: %1 has more than one.")
                               .arg(m_current->name)),
                      {});
    // One of the packages the page lists (core's ofClient: theirs and their duplicates'); the
    // register and the sale check the rest again.
    const QTreeWidgetItem *row = nullptr;
    for (QTreeWidgetItemIterator it(m_history); *it && !row; ++it)
        if ((*it)->data(0, kPackageIdRole).toLongLong() == packageId)
            row = *it;
    if (!row)
        return finish(
            fail(ErrorCode::Refused,
                 tr("Package #%1 is not one of %2's.").arg(packageId).arg(m_current->name)),
            {});
    if (row->data(0, kSessionsLeftRole).toInt() <= 0)
        return finish(fail(ErrorCode::Refused, tr("That package has no session left.")), {});
    Q_EMIT useSessionRequested(m_current->mergedInto > 0 ? m_current->mergedInto : m_current->id,
                               packageId);
    return {};
}

void ClientsScreen::askAdd() {
    Client blank;
    blank.name = m_search->text().trimmed();
    ClientDialog dialog(tr("New client"), blank, roleMay(user().role, Action::ClientHealth), this);
    if (dialog.exec() == QDialog::Accepted)
        addClient(dialog.details());
}

void ClientsScreen::askEdit() {
    if (!m_current)
        return;
    ClientDialog dialog(tr("Edit %1").arg(m_current->name), *m_current, m_current->healthVisible,
                        this);
    if (dialog.exec() == QDialog::Accepted)
        saveClient(dialog.details());
}

void ClientsScreen::askMerge() {
    if (!m_current)
        return;
    auto others = ClientService(*m_ctx.db).list(user(), 500);
    if (!others) {
        showNotice(m_message, others.error().message, true);
        return;
    }
    QStringList names;
    std::vector<qint64> ids;
    for (const Client &c : *others)
        if (c.id != m_current->id) {
            names << QStringLiteral("%1  ·  %2  (#%3)").arg(c.name, c.phone).arg(c.id);
            ids.push_back(c.id);
        }
    bool ok = false;
    const QString chosen = QInputDialog::getItem(this, tr("Merge %1").arg(m_current->name),
                                                 tr("%1 is a duplicate of:").arg(m_current->name),
                                                 names, 0, false, &ok);
    if (ok && names.contains(chosen))
        mergeInto(ids[std::size_t(names.indexOf(chosen))]);
}

void ClientsScreen::askExport() {
    const QString path = chooseSaveFile(this, tr("Export clients"), QStringLiteral("clients.csv"),
                                        tr("CSV files (*.csv)"), QStringLiteral(".csv"));
    if (!path.isEmpty())
        exportTo(path);
}

} // namespace oasis::screens
