// SPDX-License-Identifier: GPL-3.0-or-later
#include "pos/screens/staffscreen.h"

#include "pos/screens/commissiondialog.h"

#include "core/services/store.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace oasis::screens {

namespace {

QLineEdit *pinEdit(QWidget *parent, const QString &objectName) {
    auto *e = new QLineEdit(parent);
    e->setObjectName(objectName);
    e->setEchoMode(QLineEdit::Password);
    e->setInputMethodHints(Qt::ImhDigitsOnly | Qt::ImhSensitiveData);
    e->setMaxLength(8);
    e->setMinimumHeight(kTouch);
    return e;
}

QComboBox *roleCombo(QWidget *parent, Role current) {
    auto *c = new QComboBox(parent);
    c->setObjectName(QStringLiteral("role"));
    c->setMinimumHeight(kTouch);
    for (Role r : {Role::FrontDesk, Role::Manager, Role::Owner, Role::Therapist})
        c->addItem(StaffModel::roleText(r), int(r));
    c->setCurrentIndex(c->findData(int(current)));
    return c;
}

QDialogButtonBox *okCancel(QDialog *dialog, const QString &okText) {
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(okText);
    for (QAbstractButton *b : buttons->buttons())
        b->setMinimumHeight(kTouch);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    return buttons;
}

QLabel *errorLabel(QWidget *parent) {
    auto *l = new QLabel(parent);
    l->setStyleSheet(QStringLiteral("color: #8a1c1c;"));
    l->setWordWrap(true);
    return l;
}

} // namespace

// --- StaffModel --------------------------------------------------------------------------

StaffModel::StaffModel(QObject *parent)
    : QAbstractTableModel(parent) {}

void StaffModel::setStaff(std::vector<StaffMember> staff) {
    beginResetModel();
    m_staff = std::move(staff);
    endResetModel();
}

int StaffModel::rowOf(const QString &name) const {
    for (std::size_t i = 0; i < m_staff.size(); ++i)
        if (m_staff[i].name == name)
            return static_cast<int>(i);
    return -1;
}

QString StaffModel::roleText(Role role) {
    switch (role) {
    case Role::FrontDesk:
        return tr("Front desk");
    case Role::Manager:
        return tr("Manager");
    case Role::Owner:
        return tr("Owner");
    case Role::Therapist:
        return tr("Therapist");
    }
    return {};
}

int StaffModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_staff.size());
}

int StaffModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StaffModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const StaffMember &m = m_staff[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case Name:
            return m.name;
        case DisplayName:
            return m.displayName;
        case RoleColumn:
            return roleText(m.role);
        case Active:
            return m.active ? tr("Active") : tr("Inactive");
        case ColumnCount:
            break;
        }
        return {};
    case Qt::ForegroundRole:
        if (!m.active)
            return QColor(0x80, 0x80, 0x80);
        return {};
    case NameRole:
        return m.name;
    case ActiveRole:
        return m.active;
    default:
        return {};
    }
}

QVariant StaffModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Name:
        return tr("Login name");
    case DisplayName:
        return tr("Name on receipts");
    case RoleColumn:
        return tr("Role");
    case Active:
        return tr("Status");
    case ColumnCount:
        break;
    }
    return {};
}

// --- StaffScreen -------------------------------------------------------------------------

StaffScreen::StaffScreen(const ScreenContext &ctx, QWidget *parent)
    : QWidget(parent)
    , m_ctx(ctx) {
    setObjectName(QStringLiteral("staffScreen"));
    m_model = new StaffModel(this);

    auto *title = new QLabel(tr("Staff"), this);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    title->setFont(big);
    m_showInactive = new QCheckBox(tr("Show inactive staff"), this);
    m_showInactive->setObjectName(QStringLiteral("showInactive"));
    m_showInactive->setMinimumHeight(kTouch);
    auto *top = new QHBoxLayout;
    top->addWidget(title);
    top->addStretch();
    top->addWidget(m_showInactive);

    m_message = new QLabel(this);
    markMessageLine(m_message);
    m_message->setObjectName(QStringLiteral("staffMessage"));
    m_message->setWordWrap(true);
    m_message->setMinimumHeight(36);
    m_message->hide(); // shown when there is something to say

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("staffTable"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(40);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);

    auto button = [this](const QString &text, const QString &name, auto slot) {
        auto *b = new QPushButton(text, this);
        b->setObjectName(name);
        b->setMinimumHeight(kTouch);
        b->setMinimumWidth(150);
        connect(b, &QPushButton::clicked, this, slot);
        return b;
    };
    auto *add = button(tr("Add staff…"), QStringLiteral("addStaff"), &StaffScreen::addDialog);
    m_resetPin = button(tr("Reset PIN…"), QStringLiteral("resetPin"), &StaffScreen::resetPinDialog);
    m_changeRole =
        button(tr("Change role…"), QStringLiteral("changeRole"), &StaffScreen::changeRoleDialog);
    m_deactivate =
        button(tr("Deactivate…"), QStringLiteral("deactivate"), &StaffScreen::deactivateSelected);
    auto *rates = button(tr("Commission rates…"), QStringLiteral("commissionRates"), [this] {
        CommissionDialog dialog(m_ctx, this);
        if (dialog.exec() == QDialog::Accepted)
            showInfo(tr("Commission rates saved."));
    });
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(m_resetPin);
    buttons->addWidget(m_changeRole);
    buttons->addWidget(rates);
    buttons->addStretch();
    buttons->addWidget(m_deactivate);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_message);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);

    connect(m_showInactive, &QCheckBox::toggled, this, &StaffScreen::refresh);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &StaffScreen::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &StaffScreen::updateButtons);
    refresh();
}

StaffScreen::~StaffScreen() = default;

void StaffScreen::refresh() {
    if (!m_ctx.db)
        return;
    auto staff = StaffService(*m_ctx.db).list(m_showInactive->isChecked());
    if (!staff) {
        showError(staff.error().message);
        return;
    }
    m_model->setStaff(std::move(*staff));
}

QString StaffScreen::message() const {
    return m_message->text();
}

void StaffScreen::showError(const QString &text) {
    showNotice(m_message, text, true);
}

void StaffScreen::showInfo(const QString &text) {
    showNotice(m_message, text, false);
}

void StaffScreen::updateButtons() {
    const auto member = selected();
    m_resetPin->setEnabled(member && member->active && member->role != Role::Therapist);
    m_changeRole->setEnabled(member && member->active);
    m_deactivate->setEnabled(member && member->active);
}

std::optional<StaffMember> StaffScreen::selected() const {
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    if (!current.isValid() || !m_view->selectionModel()->isRowSelected(current.row()))
        return std::nullopt;
    return m_model->memberAt(current.row());
}

StaffMember StaffScreen::user() const {
    return m_ctx.currentUser ? m_ctx.currentUser() : StaffMember{};
}

Status StaffScreen::finish(Status status, const QString &done) {
    if (!status) {
        showError(status.error().message);
        return status;
    }
    refresh();
    showInfo(done);
    Q_EMIT staffChanged();
    return status;
}

Status StaffScreen::addStaff(const QString &name, const QString &displayName, Role role,
                             const QString &pin, const QString &pinAgain) {
    const QString login = name.trimmed();
    if (login.isEmpty())
        return finish(fail(ErrorCode::Invalid, tr("Type a login name.")), {});
    if (role != Role::Therapist && pin != pinAgain)
        return finish(fail(ErrorCode::Invalid, tr("The two PINs are not the same.")), {});
    auto added = withApproval(m_ctx.requestApproval, [&](const std::optional<StaffMember> &a) {
        return StaffService(*m_ctx.db).add(login, role, role == Role::Therapist ? QString() : pin,
                                           user(), a, displayName.trimmed());
    });
    if (!added)
        return finish(std::unexpected(added.error()), {});
    return finish({},
                  tr("%1 was added as %2.").arg(added->displayName, StaffModel::roleText(role)));
}

Status StaffScreen::deactivate(const QString &name) {
    return finish(withApproval(m_ctx.requestApproval,
                               [&](const std::optional<StaffMember> &a) {
                                   return StaffService(*m_ctx.db).deactivate(name, user(), a);
                               }),
                  tr("%1 can no longer log in.").arg(name));
}

Status StaffScreen::resetPin(const QString &name, const QString &pin, const QString &pinAgain) {
    if (pin != pinAgain)
        return finish(fail(ErrorCode::Invalid, tr("The two PINs are not the same.")), {});
    return finish(withApproval(m_ctx.requestApproval,
                               [&](const std::optional<StaffMember> &a) {
                                   return StaffService(*m_ctx.db).resetPin(name, pin, user(), a);
                               }),
                  tr("The PIN of %1 was changed.").arg(name));
}

Status StaffScreen::changeRole(const QString &name, Role role) {
    return finish(withApproval(m_ctx.requestApproval,
                               [&](const std::optional<StaffMember> &a) {
                                   return StaffService(*m_ctx.db).setRole(name, role, user(), a);
                               }),
                  tr("%1 is now %2.").arg(name, StaffModel::roleText(role)));
}

// --- dialogs -----------------------------------------------------------------------------

void StaffScreen::addDialog() {
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Add staff"));
    dialog.setMinimumWidth(460);
    auto *name = new QLineEdit(&dialog);
    name->setObjectName(QStringLiteral("name"));
    name->setPlaceholderText(tr("e.g. lena (used to log in)"));
    auto *display = new QLineEdit(&dialog);
    display->setObjectName(QStringLiteral("displayName"));
    display->setPlaceholderText(tr("e.g. Lena M. (printed on receipts)"));
    for (QLineEdit *e : {name, display})
        e->setMinimumHeight(kTouch);
    auto *role = roleCombo(&dialog, Role::FrontDesk);
    auto *pin = pinEdit(&dialog, QStringLiteral("pin"));
    auto *pinAgain = pinEdit(&dialog, QStringLiteral("pinAgain"));
    auto *pinNote = new QLabel(tr("Therapists do not log in, so they have no PIN."), &dialog);
    auto *error = errorLabel(&dialog);
    auto syncRole = [=] {
        const bool therapist = Role(role->currentData().toInt()) == Role::Therapist;
        pin->setEnabled(!therapist);
        pinAgain->setEnabled(!therapist);
        pinNote->setVisible(therapist);
    };
    connect(role, &QComboBox::currentIndexChanged, &dialog, syncRole);
    syncRole();
    auto *form = new QFormLayout;
    form->addRow(tr("Login name"), name);
    form->addRow(tr("Name on receipts"), display);
    form->addRow(tr("Role"), role);
    form->addRow(tr("PIN (4 to 8 digits)"), pin);
    form->addRow(tr("PIN again"), pinAgain);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addLayout(form);
    layout->addWidget(pinNote);
    layout->addWidget(error);
    auto *buttons = okCancel(&dialog, tr("Add"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, [&] {
        if (auto ok = addStaff(name->text(), display->text(), Role(role->currentData().toInt()),
                               pin->text(), pinAgain->text());
            !ok) {
            error->setText(ok.error().message);
            return;
        }
        dialog.accept();
    });
    dialog.exec();
}

void StaffScreen::deactivateSelected() {
    const auto member = selected();
    if (!member)
        return;
    const auto answer = QMessageBox::question(
        this, tr("Deactivate"),
        tr("%1 will no longer be able to log in or be chosen for sessions. Their past sales "
           "stay as they are. Deactivate?")
            .arg(member->displayName));
    if (answer == QMessageBox::Yes)
        deactivate(member->name);
}

void StaffScreen::resetPinDialog() {
    const auto member = selected();
    if (!member)
        return;
    QDialog dialog(this);
    dialog.setWindowTitle(tr("New PIN for %1").arg(member->displayName));
    dialog.setMinimumWidth(420);
    auto *pin = pinEdit(&dialog, QStringLiteral("pin"));
    auto *pinAgain = pinEdit(&dialog, QStringLiteral("pinAgain"));
    auto *error = errorLabel(&dialog);
    auto *form = new QFormLayout;
    form->addRow(tr("New PIN"), pin);
    form->addRow(tr("PIN again"), pinAgain);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addLayout(form);
    layout->addWidget(error);
    auto *buttons = okCancel(&dialog, tr("Set PIN"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, [&] {
        if (auto ok = resetPin(member->name, pin->text(), pinAgain->text()); !ok) {
            error->setText(ok.error().message);
            return;
        }
        dialog.accept();
    });
    dialog.exec();
}

void StaffScreen::changeRoleDialog() {
    const auto member = selected();
    if (!member)
        return;
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Role of %1").arg(member->displayName));
    dialog.setMinimumWidth(420);
    auto *role = roleCombo(&dialog, member->role);
    auto *error = errorLabel(&dialog);
    auto *form = new QFormLayout;
    form->addRow(tr("Role"), role);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addLayout(form);
    layout->addWidget(error);
    auto *buttons = okCancel(&dialog, tr("Change role"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, [&] {
        if (auto ok = changeRole(member->name, Role(role->currentData().toInt())); !ok) {
            error->setText(ok.error().message);
            return;
        }
        dialog.accept();
    });
    dialog.exec();
}

} // namespace oasis::screens
