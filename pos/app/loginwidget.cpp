// SPDX-License-Identifier: GPL-3.0-or-later
#include "pos/app/loginwidget.h"
#include "pos/app/dialogs.h"

#include "core/services/authorization.h"
#include "core/services/store.h"
#include "core/services/storesettings.h"

#include <QAbstractButton>
#include <QButtonGroup>
#include <QFrame>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QStyle>
#include <QVBoxLayout>

namespace oasis::app {

namespace {
constexpr int kMaxPin = 8;
}

PadNames PadNames::remembered(const QString &location) {
    QSettings settings;
    settings.beginGroup(QStringLiteral("pad"));
    if (settings.value(QStringLiteral("location")).toString() != location)
        return {};
    PadNames names{settings.value(QStringLiteral("store")).toString(),
                   settings.value(QStringLiteral("logins")).toStringList(),
                   settings.value(QStringLiteral("labels")).toStringList()};
    if (names.labels.size() != names.logins.size())
        return {}; // not written by this program: not shown
    return names;
}

void PadNames::remember(const QString &location) const {
    if (remembered(location) == *this)
        return;
    QSettings settings;
    settings.beginGroup(QStringLiteral("pad"));
    settings.setValue(QStringLiteral("location"), location);
    settings.setValue(QStringLiteral("store"), store);
    settings.setValue(QStringLiteral("logins"), logins);
    settings.setValue(QStringLiteral("labels"), labels);
}

LoginWidget::LoginWidget(Database &db, QWidget *parent)
    : LoginWidget(parent) {
    setDatabase(db);
}

LoginWidget::LoginWidget(QWidget *parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("loginScreen"));
    setFocusPolicy(Qt::StrongFocus);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(40, 28, 40, 28);

    m_store = new QLabel(this);
    m_store->setObjectName(QStringLiteral("loginTitle"));
    m_store->setAlignment(Qt::AlignCenter);
    outer->addWidget(m_store);
    auto *subtitle = new QLabel(tr("Choose your name, then enter your PIN."), this);
    subtitle->setObjectName(QStringLiteral("loginSubtitle"));
    subtitle->setAlignment(Qt::AlignCenter);
    outer->addWidget(subtitle);
    outer->addSpacing(16);

    auto *card = new QFrame(this);
    card->setObjectName(QStringLiteral("loginCard"));
    card->setMaximumWidth(820);
    auto *row = new QHBoxLayout(card);
    row->setContentsMargins(28, 24, 28, 24);
    row->setSpacing(32);

    // Who: one button per person with register access.
    auto *who = new QVBoxLayout;
    auto *whoCaption = new QLabel(tr("Who is at the register?"), card);
    whoCaption->setObjectName(QStringLiteral("caption"));
    who->addWidget(whoCaption);
    m_userList = new QVBoxLayout;
    m_userList->setSpacing(10);
    who->addLayout(m_userList);
    who->addStretch();
    row->addLayout(who, 1);

    // The pad.
    auto *pad = new QVBoxLayout;
    m_pinDisplay = new QLabel(card);
    m_pinDisplay->setObjectName(QStringLiteral("pinDisplay"));
    m_pinDisplay->setAlignment(Qt::AlignCenter);
    pad->addWidget(m_pinDisplay);
    auto *clear = new QPushButton(tr("Clear"), card);
    clear->setObjectName(QStringLiteral("pinKeySecondary"));
    connect(clear, &QPushButton::clicked, this, &LoginWidget::clearPin);
    auto *ok = new QPushButton(tr("OK"), card);
    ok->setObjectName(QStringLiteral("pinKeyPrimary"));
    connect(ok, &QPushButton::clicked, this, &LoginWidget::submit);
    auto *grid = pinPad(
        card, [this](int d) { typePin(QString::number(d)); }, clear, ok);
    pad->addLayout(grid);
    m_message = new QLabel(card);
    m_message->setObjectName(QStringLiteral("errorMessage"));
    m_message->setWordWrap(true);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setMinimumHeight(44);
    pad->addWidget(m_message);
    row->addLayout(pad, 1);

    auto *center = new QHBoxLayout;
    center->addStretch();
    center->addWidget(card, 4);
    center->addStretch();
    outer->addLayout(center);
    outer->addStretch();
    auto *hint =
        new QLabel(tr("Keyboard: ↑ ↓ choose the person · digits · Backspace · Enter"), this);
    hint->setObjectName(QStringLiteral("hint"));
    hint->setAlignment(Qt::AlignCenter);
    outer->addWidget(hint);

    m_users = new QButtonGroup(this);
    connect(m_users, &QButtonGroup::buttonClicked, this, [this](QAbstractButton *) {
        clearPin();
        setMessage({});
        setFocus();
    });
    updatePinDisplay();
}

void LoginWidget::setDatabase(Database &db) {
    Q_ASSERT(!m_db);
    m_db = &db;
    reload();
}

void LoginWidget::reload() {
    const QString storeName = StoreSettings(db()).storeInfo().name;
    auto staff = StaffService(db()).list(false);
    if (!staff) {
        m_store->setText(storeName);
        setMessage(staff.error().message);
        return;
    }
    PadNames who{storeName, {}, {}};
    for (const StaffMember &m : *staff) {
        if (!m.hasPin || !roleMay(m.role, Action::Sell))
            continue;
        who.logins << m.name;
        who.labels << m.shownName();
    }
    showNames(who);
    if (m_users->buttons().isEmpty())
        setMessage(tr("No one has register access yet: add staff with oasisctl staff add."));
}

bool LoginWidget::showRemembered(const PadNames &remembered) {
    if (m_db || remembered.isEmpty())
        return false;
    showNames(remembered);
    return true;
}

PadNames LoginWidget::names() const {
    PadNames shown{m_store->text(), {}, {}};
    for (QAbstractButton *b : m_users->buttons()) {
        shown.logins << b->property("login").toString();
        shown.labels << b->text();
    }
    return shown;
}

void LoginWidget::showNames(const PadNames &wanted) {
    m_store->setText(wanted.store);
    if (wanted == names())
        return; // as shown: no new buttons, no new layout
    const QString previous = selectedUser();
    for (QAbstractButton *b : m_users->buttons()) {
        m_users->removeButton(b);
        delete b;
    }
    for (qsizetype i = 0; i < wanted.logins.size(); ++i) {
        auto *b = new QPushButton(wanted.labels.value(i), m_userList->parentWidget());
        b->setObjectName(QStringLiteral("userButton"));
        b->setCheckable(true);
        b->setFocusPolicy(Qt::NoFocus);
        b->setProperty("login", wanted.logins[i]);
        m_users->addButton(b);
        m_userList->addWidget(b);
    }
    if (!selectUser(previous) && !m_users->buttons().isEmpty())
        m_users->buttons().constFirst()->setChecked(true);
}

bool LoginWidget::selectUser(const QString &name) {
    for (QAbstractButton *b : m_users->buttons()) {
        if (b->property("login").toString() == name) {
            b->setChecked(true);
            return true;
        }
    }
    return false;
}

QString LoginWidget::selectedUser() const {
    if (!m_users)
        return {};
    QAbstractButton *b = m_users->checkedButton();
    return b ? b->property("login").toString() : QString();
}

void LoginWidget::typePin(const QString &digits) {
    for (QChar c : digits)
        if (c.isDigit() && m_pin.size() < kMaxPin)
            m_pin += c;
    updatePinDisplay();
}

void LoginWidget::clearPin() {
    m_pin.clear();
    updatePinDisplay();
}

bool LoginWidget::submit() {
    const QString name = selectedUser();
    if (name.isEmpty()) {
        setMessage(tr("Choose your name first."));
        return false;
    }
    if (m_pin.isEmpty()) {
        setMessage(tr("Enter your PIN."));
        return false;
    }
    if (!m_db)
        Q_EMIT storeNeeded();
    if (!m_db) {
        setMessage(tr("The store is not open yet: try again in a moment."));
        return false;
    }
    auto member = StaffService(db()).authenticate(name, m_pin, [this] { Q_EMIT checkingPin(); });
    clearPin();
    if (!member) {
        setMessage(member.error().message);
        return false;
    }
    setMessage({});
    Q_EMIT loggedIn(*member);
    return true;
}

QString LoginWidget::message() const {
    return m_message->text();
}

void LoginWidget::setMessage(const QString &text) {
    m_message->setText(text);
}

void LoginWidget::updatePinDisplay() {
    QString dots;
    for (int i = 0; i < m_pin.size(); ++i)
        dots += QStringLiteral("● ");
    m_pinDisplay->setText(m_pin.isEmpty() ? tr("PIN") : dots.trimmed());
    m_pinDisplay->setProperty("empty", m_pin.isEmpty());
    m_pinDisplay->style()->unpolish(m_pinDisplay);
    m_pinDisplay->style()->polish(m_pinDisplay);
}

void LoginWidget::keyPressEvent(QKeyEvent *event) {
    const QString text = event->text();
    if (!text.isEmpty() && text.at(0).isDigit()) {
        typePin(text);
        return;
    }
    switch (event->key()) {
    case Qt::Key_Backspace:
        m_pin.chop(1);
        updatePinDisplay();
        return;
    case Qt::Key_Escape:
        clearPin();
        setMessage({});
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        submit();
        return;
    case Qt::Key_Up:
    case Qt::Key_Down: {
        const QList<QAbstractButton *> buttons = m_users->buttons();
        if (buttons.isEmpty())
            return;
        int i = int(buttons.indexOf(m_users->checkedButton()));
        i = (i + (event->key() == Qt::Key_Down ? 1 : int(buttons.size()) - 1)) %
            int(buttons.size());
        buttons[i]->setChecked(true);
        clearPin();
        return;
    }
    default:
        QWidget::keyPressEvent(event);
    }
}

void LoginWidget::showEvent(QShowEvent *event) {
    QWidget::showEvent(event);
    setFocus();
}

} // namespace oasis::app
