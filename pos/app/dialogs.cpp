// SPDX-License-Identifier: GPL-3.0-or-later
#include "pos/app/dialogs.h"

#include "core/domain/ticket.h"
#include "core/services/authorization.h"
#include "core/services/store.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace oasis::app {

namespace {

QDialogButtonBox *okCancel(QDialog *dialog, const QString &okText) {
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(okText);
    buttons->button(QDialogButtonBox::Cancel)->setText(QDialog::tr("Cancel (Esc)"));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("primary"));
    QObject::connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    return buttons;
}

QLabel *messageLabel(QWidget *parent) {
    auto *label = new QLabel(parent);
    label->setObjectName(QStringLiteral("errorMessage"));
    label->setWordWrap(true);
    label->hide();
    return label;
}

void showMessage(QLabel *label, const QString &text) {
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

} // namespace

// --- ChoiceDialog ------------------------------------------------------------------------

QVBoxLayout *ChoiceDialog::start(const QString &title, const QString &prompt) {
    setWindowTitle(title);
    setMinimumWidth(460);
    auto *layout = new QVBoxLayout(this);
    auto *label = new QLabel(prompt, this);
    label->setObjectName(QStringLiteral("dialogPrompt"));
    label->setWordWrap(true);
    layout->addWidget(label);
    return layout;
}

void ChoiceDialog::finish(QVBoxLayout *layout, QWidget *view) {
    view->setMinimumHeight(qMin(420, 60 + 52 * rowCount()));
    if (rowCount() > 0)
        setCurrentRow(0);
    layout->addWidget(view, 1);
    layout->addWidget(okCancel(this, tr("Choose (Enter)")));
    view->setFocus();
}

ChoiceDialog::ChoiceDialog(const QString &title, const QString &prompt, const QStringList &items,
                           QWidget *parent)
    : QDialog(parent) {
    QVBoxLayout *layout = start(title, prompt);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("choiceList"));
    m_list->addItems(items);
    connect(m_list, &QListWidget::itemActivated, this, &QDialog::accept);
    finish(layout, m_list);
}

ChoiceDialog::ChoiceDialog(const QString &title, const QString &prompt, const QStringList &headers,
                           const QList<QStringList> &rows, QWidget *parent)
    : QDialog(parent) {
    QVBoxLayout *layout = start(title, prompt);
    m_table = new QTreeWidget(this);
    m_table->setObjectName(QStringLiteral("choiceTable"));
    m_table->setRootIsDecorated(false);
    m_table->setUniformRowHeights(true);
    m_table->setAllColumnsShowFocus(true);
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->setHeaderLabels(headers);
    for (const QStringList &row : rows)
        new QTreeWidgetItem(m_table, row);
    // Wide enough for every column at its contents' width (in the style sheet's font), up to
    // most of a 1366 screen; the first column takes what is left.
    m_table->ensurePolished();
    QHeaderView *header = m_table->header();
    header->setStretchLastSection(false);
    int width = 0;
    for (int c = 0; c < m_table->columnCount(); ++c) {
        m_table->resizeColumnToContents(c);
        width += m_table->columnWidth(c);
    }
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(0, QHeaderView::Stretch);
    setMinimumWidth(qMin(1100, qMax(minimumWidth(), width + 80)));
    connect(m_table, &QTreeWidget::itemActivated, this, &QDialog::accept);
    finish(layout, m_table);
}

int ChoiceDialog::currentRow() const {
    if (m_table) {
        const QModelIndex current = m_table->currentIndex();
        return current.isValid() ? current.row() : -1;
    }
    return m_list->currentRow();
}

void ChoiceDialog::setCurrentRow(int row) {
    if (m_table)
        m_table->setCurrentItem(m_table->topLevelItem(row));
    else
        m_list->setCurrentRow(row);
}

void ChoiceDialog::choose(int row) {
    setCurrentRow(row);
    accept();
}

int ChoiceDialog::rowCount() const {
    return m_table ? m_table->topLevelItemCount() : m_list->count();
}

QString ChoiceDialog::text(int row, int column) const {
    if (m_table) {
        const QTreeWidgetItem *item = m_table->topLevelItem(row);
        return item ? item->text(column) : QString();
    }
    const QListWidgetItem *item = m_list->item(row);
    return item && column == 0 ? item->text() : QString();
}

// --- EntryDialog -------------------------------------------------------------------------

EntryDialog::EntryDialog(const QString &title, const QString &prompt, QWidget *parent)
    : QDialog(parent) {
    setWindowTitle(title);
    setMinimumWidth(440);
    auto *layout = new QVBoxLayout(this);
    auto *label = new QLabel(prompt, this);
    label->setObjectName(QStringLiteral("dialogPrompt"));
    label->setWordWrap(true);
    layout->addWidget(label);
    m_presets = new QHBoxLayout;
    layout->addLayout(m_presets);
    m_field = new QLineEdit(this);
    m_field->setObjectName(QStringLiteral("entryField"));
    layout->addWidget(m_field);
    m_message = messageLabel(this);
    layout->addWidget(m_message);
    layout->addWidget(okCancel(this, tr("OK (Enter)")));
    m_field->setFocus();
}

void EntryDialog::setText(const QString &text) {
    m_field->setText(text);
    m_field->selectAll();
}

QString EntryDialog::text() const {
    return m_field->text().trimmed();
}

void EntryDialog::setPlaceholder(const QString &text) {
    m_field->setPlaceholderText(text);
}

void EntryDialog::addPreset(const QString &label, const QString &value) {
    auto *button = new QPushButton(label, this);
    button->setObjectName(QStringLiteral("preset"));
    button->setAutoDefault(false);
    button->setFocusPolicy(Qt::NoFocus);
    connect(button, &QPushButton::clicked, this, [this, value] { submit(value); });
    m_presets->addWidget(button);
}

void EntryDialog::setCheck(std::function<QString(const QString &)> check) {
    m_check = std::move(check);
}

void EntryDialog::setPassword(bool password) {
    m_field->setEchoMode(password ? QLineEdit::Password : QLineEdit::Normal);
}

bool EntryDialog::submit(const QString &text) {
    m_field->setText(text);
    accept();
    return result() == QDialog::Accepted;
}

QString EntryDialog::message() const {
    return m_message->isVisible() ? m_message->text() : QString();
}

void EntryDialog::accept() {
    if (m_check) {
        const QString problem = m_check(text());
        showMessage(m_message, problem);
        if (!problem.isEmpty()) {
            m_field->setFocus();
            m_field->selectAll();
            return;
        }
    }
    QDialog::accept();
}

// --- ApprovalDialog ----------------------------------------------------------------------

screens::ApprovalPrompt approvalPrompt(Database &db, QWidget *parent, const QString &reason) {
    return [&db, parent, reason](Action action, const QString &why) -> std::optional<StaffMember> {
        QString what = actionName(action);
        if (!what.isEmpty())
            what[0] = what[0].toUpper();
        // The caller's reason, else core's refusal (which says why when it is not the usual
        // case, e.g. a price the catalog changed since the item was rung up).
        const QString text =
            !reason.isEmpty() ? reason
            : !why.isEmpty()
                ? why
                : QCoreApplication::translate("ApprovalDialog", "%1 needs approval by %2.")
                      .arg(what, approversOf(action));
        ApprovalDialog dialog(db, action, text, parent);
        dialog.setObjectName(QStringLiteral("approvalDialog"));
        if (dialog.exec() != QDialog::Accepted)
            return std::nullopt;
        return dialog.approver();
    };
}

ApprovalDialog::ApprovalDialog(Database &db, Action action, const QString &reason, QWidget *parent)
    : QDialog(parent)
    , m_db(db)
    , m_action(action) {
    // What the approval is for, in words, above why it is asked.
    QString what = actionName(action);
    if (!what.isEmpty())
        what[0] = what[0].toUpper();
    setWindowTitle(tr("Approval: %1").arg(what));
    setMinimumWidth(460);
    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(tr("Approval needed for %1").arg(actionName(action)), this);
    title->setObjectName(QStringLiteral("approvalAction"));
    title->setWordWrap(true);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    title->setFont(titleFont);
    layout->addWidget(title);
    auto *label = new QLabel(reason, this);
    label->setObjectName(QStringLiteral("dialogPrompt"));
    label->setWordWrap(true);
    layout->addWidget(label);
    auto *form = new QFormLayout;
    m_who = new QComboBox(this);
    if (auto staff = StaffService(db).list(false)) {
        for (const StaffMember &m : *staff)
            if (mayApprove(m, action))
                m_who->addItem(m.shownName(), m.name);
    }
    form->addRow(tr("Manager"), m_who);
    m_pin = new QLineEdit(this);
    m_pin->setEchoMode(QLineEdit::Password);
    m_pin->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{0,8}")), m_pin));
    m_pin->setPlaceholderText(tr("PIN"));
    form->addRow(tr("PIN"), m_pin);
    layout->addLayout(form);
    // A PIN pad for a touch screen: the approver need not reach for a keyboard.
    auto *clear = new QPushButton(tr("Clear"), this);
    clear->setObjectName(QStringLiteral("pinKeySecondary"));
    connect(clear, &QPushButton::clicked, m_pin, &QLineEdit::clear);
    auto *back = new QPushButton(QStringLiteral("⌫"), this);
    back->setObjectName(QStringLiteral("pinKeySecondary"));
    connect(back, &QPushButton::clicked, m_pin, [this] { m_pin->backspace(); });
    layout->addLayout(pinPad(
        this,
        [this](int digit) {
            if (m_pin->text().size() < 8)
                m_pin->setText(m_pin->text() + QString::number(digit));
        },
        clear, back));
    m_message = messageLabel(this);
    layout->addWidget(m_message);
    layout->addWidget(okCancel(this, tr("Approve (Enter)")));
    m_pin->setFocus();
}

bool ApprovalDialog::submit(const QString &name, const QString &pin) {
    const int index = m_who->findData(name);
    if (index >= 0)
        m_who->setCurrentIndex(index);
    m_pin->setText(pin);
    accept();
    return m_approver.has_value();
}

QString ApprovalDialog::message() const {
    return m_message->isVisible() ? m_message->text() : QString();
}

void ApprovalDialog::accept() {
    if (m_who->currentIndex() < 0) {
        showMessage(m_message, tr("No manager with a PIN can approve this."));
        return;
    }
    auto approver =
        StaffService(m_db).approve(m_who->currentData().toString(), m_pin->text(), m_action);
    m_pin->clear();
    if (!approver) {
        showMessage(m_message, approver.error().message);
        m_pin->setFocus();
        return;
    }
    m_approver = *approver;
    QDialog::accept();
}

// --- GiftCardDialog ----------------------------------------------------------------------

GiftCardDialog::GiftCardDialog(const QList<Money> &presets, Money minimum, Money maximum,
                               QWidget *parent)
    : QDialog(parent)
    , m_minimum(minimum)
    , m_maximum(maximum) {
    setWindowTitle(tr("Sell a gift card"));
    setMinimumWidth(520);
    const QLocale locale;
    auto *layout = new QVBoxLayout(this);
    auto *prompt = new QLabel(tr("Amount: choose one or type another (%1 to %2).")
                                  .arg(minimum.format(locale), maximum.format(locale)),
                              this);
    prompt->setObjectName(QStringLiteral("dialogPrompt"));
    prompt->setWordWrap(true);
    layout->addWidget(prompt);
    auto *grid = new QGridLayout;
    m_presets = new QButtonGroup(this);
    int i = 0;
    for (Money preset : presets) {
        auto *button = new QPushButton(preset.format(locale), this);
        button->setObjectName(QStringLiteral("preset"));
        button->setCheckable(true);
        button->setAutoDefault(false);
        button->setProperty("cents", preset.cents());
        m_presets->addButton(button);
        grid->addWidget(button, i / 4, i % 4);
        ++i;
    }
    layout->addLayout(grid);
    auto *form = new QFormLayout;
    m_custom = new QLineEdit(this);
    m_custom->setPlaceholderText(tr("Other amount"));
    form->addRow(tr("Amount"), m_custom);
    m_to = new QLineEdit(this);
    m_to->setPlaceholderText(tr("optional"));
    form->addRow(tr("To"), m_to);
    m_from = new QLineEdit(this);
    m_from->setPlaceholderText(tr("optional"));
    form->addRow(tr("From"), m_from);
    m_text = new QLineEdit(this);
    m_text->setMaxLength(140);
    m_text->setPlaceholderText(tr("optional, printed on the certificate"));
    form->addRow(tr("Message"), m_text);
    layout->addLayout(form);
    m_error = messageLabel(this);
    layout->addWidget(m_error);
    layout->addWidget(okCancel(this, tr("Add to ticket (Enter)")));
    connect(m_presets, &QButtonGroup::buttonClicked, this, [this](QAbstractButton *) {
        m_custom->clear();
        m_to->setFocus();
    });
    connect(m_custom, &QLineEdit::textEdited, this, [this] {
        if (auto *checked = m_presets->checkedButton()) {
            m_presets->setExclusive(false);
            checked->setChecked(false);
            m_presets->setExclusive(true);
        }
    });
    m_custom->setFocus();
}

QString GiftCardDialog::recipient() const {
    return m_to->text().trimmed();
}
QString GiftCardDialog::sender() const {
    return m_from->text().trimmed();
}
QString GiftCardDialog::message() const {
    return m_text->text().trimmed();
}
void GiftCardDialog::setAmountText(const QString &text) {
    m_custom->setText(text);
    Q_EMIT m_custom->textEdited(text);
}
void GiftCardDialog::setRecipient(const QString &text) {
    m_to->setText(text);
}
void GiftCardDialog::setSender(const QString &text) {
    m_from->setText(text);
}

void GiftCardDialog::accept() {
    Money amount;
    if (!m_custom->text().trimmed().isEmpty()) {
        auto parsed = Money::parse(m_custom->text().trimmed(), m_maximum);
        if (!parsed) {
            showMessage(m_error, parsed.error().message);
            return;
        }
        amount = *parsed;
    } else if (auto *checked = m_presets->checkedButton()) {
        amount = Money::fromCents(checked->property("cents").toLongLong());
    } else {
        showMessage(m_error, tr("Choose or type the amount of the card."));
        return;
    }
    if (auto ok = checkGiftCardAmount(amount, m_minimum, m_maximum); !ok) {
        showMessage(m_error, ok.error().message);
        return;
    }
    m_amount = amount;
    QDialog::accept();
}

QGridLayout *pinPad(QWidget *parent, const std::function<void(int)> &typed, QPushButton *left,
                    QPushButton *right) {
    auto *grid = new QGridLayout;
    grid->setSpacing(10);
    auto key = [parent, &typed](int d) {
        auto *b = new QPushButton(QString::number(d), parent);
        b->setObjectName(QStringLiteral("pinKey"));
        b->setFocusPolicy(Qt::NoFocus);
        b->setAutoDefault(false);
        QObject::connect(b, &QPushButton::clicked, parent, [typed, d] { typed(d); });
        return b;
    };
    for (int d = 1; d <= 9; ++d)
        grid->addWidget(key(d), (d - 1) / 3, (d - 1) % 3);
    for (QPushButton *b : {left, right}) {
        b->setFocusPolicy(Qt::NoFocus);
        b->setAutoDefault(false);
    }
    grid->addWidget(left, 3, 0);
    grid->addWidget(key(0), 3, 1);
    grid->addWidget(right, 3, 2);
    return grid;
}

} // namespace oasis::app
