// SPDX-License-Identifier: GPL-3.0-or-later
#include "pos/screens/storelocation.h"

#include "core/services/store.h"
#include "core/services/storesettings.h"
#include "pos/screens/screen.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace oasis::screens {

namespace {} // namespace

StoreLocationEditor::StoreLocationEditor(const QString &current, QWidget *parent)
    : QWidget(parent)
    , m_current(current) {
    setObjectName(QStringLiteral("storeLocation"));
    auto *now = new QLabel(this);
    now->setObjectName(QStringLiteral("storeLocationNow"));
    now->setWordWrap(true);
    now->setText(
        Store::isOnServer(current)
            ? tr("This register's store is on a server: %1.").arg(Store::describeLocation(current))
            : tr("This register's store is a file on this computer: %1.")
                  .arg(Store::describeLocation(current)));
    m_file = new QRadioButton(tr("This computer's own store (one register)"), this);
    m_file->setObjectName(QStringLiteral("storeOnThisComputer"));
    m_file->setMinimumHeight(kTouch);
    m_server =
        new QRadioButton(tr("A store server that several registers share (PostgreSQL)"), this);
    m_server->setObjectName(QStringLiteral("storeOnServer"));
    m_server->setMinimumHeight(kTouch);
    m_address = new QLineEdit(this);
    m_address->setObjectName(QStringLiteral("storeServerAddress"));
    m_address->setMinimumHeight(kTouch);
    m_address->setPlaceholderText(QStringLiteral("postgresql://register@backoffice/spa"));
    auto *help = new QLabel(
        tr("The server's address as postgresql://USER@HOST[:PORT]/DBNAME. A password is never "
           "typed here: the server's administrator puts it in ~/.pgpass on this computer. A "
           "second register also needs the store's key: oasisctl keys export on the first, "
           "oasisctl keys import on this one."),
        this);
    help->setWordWrap(true);
    help->setStyleSheet(QStringLiteral("color: #5b6470;"));
    m_check = new QPushButton(tr("Check the connection"), this);
    m_check->setObjectName(QStringLiteral("checkStoreLocation"));
    m_check->setMinimumHeight(kTouch);
    m_check->setMinimumWidth(220);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("storeLocationMessage"));
    m_message->setWordWrap(true);
    m_message->hide();

    if (Store::isOnServer(current)) {
        m_server->setChecked(true);
        m_address->setText(current);
    } else {
        m_file->setChecked(true);
        m_address->setEnabled(false);
    }
    connect(m_server, &QRadioButton::toggled, m_address, &QLineEdit::setEnabled);
    connect(m_server, &QRadioButton::toggled, this, [this](bool on) {
        if (on)
            m_address->setFocus();
    });
    connect(m_check, &QPushButton::clicked, this, [this] { check(); });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(now);
    layout->addSpacing(8);
    layout->addWidget(m_file);
    layout->addWidget(m_server);
    layout->addWidget(m_address);
    layout->addWidget(help);
    auto *row = new QHBoxLayout;
    row->addWidget(m_check);
    row->addStretch(1);
    layout->addLayout(row);
    layout->addWidget(m_message);
    layout->addStretch(1);
}

QString StoreLocationEditor::location() const {
    return m_server->isChecked() ? m_address->text().trimmed() : Store::defaultPath();
}

void StoreLocationEditor::setServerAddress(const QString &url) {
    m_server->setChecked(true);
    m_address->setText(url);
}

QString StoreLocationEditor::message() const {
    return m_message->text();
}

void StoreLocationEditor::showMessage(const QString &text, bool error) {
    showNotice(m_message, text, error);
}

bool StoreLocationEditor::check() {
    const QString where = location();
    if (m_server->isChecked() && !Store::isOnServer(where)) {
        showMessage(tr("A store server's address starts with postgresql://, as in "
                       "postgresql://register@backoffice/spa."),
                    true);
        return false;
    }
    QApplication::setOverrideCursor(Qt::WaitCursor);
    Store::Options options;
    options.mode = Store::Mode::OpenExisting;
    auto store = Store::open(where, options);
    QApplication::restoreOverrideCursor();
    if (!store) {
        showMessage(store.error().message, true);
        return false;
    }
    showMessage(
        tr("Reached %1: the store \"%2\".")
            .arg(Store::describeLocation(where), StoreSettings((*store)->db()).storeInfo().name),
        false);
    return true;
}

Status StoreLocationEditor::validate() {
    const QString where = location();
    QString problem = m_server->isChecked() && where.isEmpty()
                          ? tr("Type the store server's address, or choose this computer's own "
                               "store.")
                          : Store::locationProblem(where);
    if (problem.isEmpty())
        return {};
    showMessage(problem, true);
    return fail(ErrorCode::Invalid, problem);
}

Status StoreLocationEditor::save(Database &db, const StaffMember &by,
                                 const std::optional<StaffMember> &approver) {
    if (auto ok = validate(); !ok)
        return ok;
    const QString where = location();
    if (auto ok = Store::setConfiguredLocation(db, where, by, approver); !ok) {
        showMessage(ok.error().message, true);
        return ok;
    }
    showMessage(where == m_current
                    ? tr("This register keeps its store: %1.").arg(Store::describeLocation(where))
                    : tr("From its next start this register opens its store at %1.")
                          .arg(Store::describeLocation(where)),
                false);
    return {};
}

StoreLocationDialog::StoreLocationDialog(const QString &current, const QString &why,
                                         QWidget *parent)
    : QDialog(parent) {
    setWindowTitle(tr("This register's store"));
    setObjectName(QStringLiteral("storeLocationDialog"));
    m_editor = new StoreLocationEditor(current, this);
    auto *layout = new QVBoxLayout(this);
    auto *reason = new QLabel(this);
    reason->setObjectName(QStringLiteral("storeLocationWhy"));
    reason->setWordWrap(true);
    showNotice(reason, why, true);
    layout->addWidget(reason);
    layout->addWidget(m_editor, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Open this store now"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(640, 420);
}

void StoreLocationDialog::accept() {
    if (m_editor->validate())
        QDialog::accept();
}

} // namespace oasis::screens
