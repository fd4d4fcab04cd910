// SPDX-License-Identifier: GPL-3.0-or-later
// Small touch-sized dialogs the register uses: pick from a list, enter a value, manager approval,
// sell a gift card. Each can be driven from a test through its public functions.
#pragma once

#include "core/domain/money.h"
#include "core/services/staff.h"
#include "pos/screens/screen.h"

#include <QDialog>

#include <functional>
#include <optional>

class QLabel;
class QLineEdit;
class QListWidget;
class QTreeWidget;
class QVBoxLayout;
class QComboBox;
class QHBoxLayout;
class QButtonGroup;
class QPlainTextEdit;

namespace oasis {
class Database;
}

class QGridLayout;
class QPushButton;

namespace oasis::app {

/// The PIN pad of the login screen and of the approval dialog: 1-9 in three rows, then `left`,
/// 0 and `right`; a digit pressed calls `typed`. Its buttons never take the keyboard focus.
QGridLayout *pinPad(QWidget *parent, const std::function<void(int)> &typed, QPushButton *left,
                    QPushButton *right);

/// A list to choose one entry from: therapists, search results, parked tickets, receipts.
class ChoiceDialog final : public QDialog {
    Q_OBJECT
public:
    ChoiceDialog(const QString &title, const QString &prompt, const QStringList &items,
                 QWidget *parent = nullptr);
    /// The rows as a table under `headers`, each column as wide as its widest text and the
    /// first one taking the room left (parked tickets: name, total, time, who).
    ChoiceDialog(const QString &title, const QString &prompt, const QStringList &headers,
                 const QList<QStringList> &rows, QWidget *parent = nullptr);
    int currentRow() const;
    void setCurrentRow(int row);
    /// Selects the row and accepts, as a double-click or Enter would.
    void choose(int row);
    int rowCount() const;
    /// A row's text in `column` (the list's one column, or the table's).
    QString text(int row, int column = 0) const;
    /// The one-column list; nullptr for a table.
    QListWidget *list() const { return m_list; }
    /// The table; nullptr for a list.
    QTreeWidget *table() const { return m_table; }

private:
    QVBoxLayout *start(const QString &title, const QString &prompt);
    void finish(QVBoxLayout *layout, QWidget *view);

    QListWidget *m_list = nullptr;
    QTreeWidget *m_table = nullptr;
};

/// One line of input with optional preset buttons and a check that explains what is wrong.
class EntryDialog final : public QDialog {
    Q_OBJECT
public:
    EntryDialog(const QString &title, const QString &prompt, QWidget *parent = nullptr);
    void setText(const QString &text);
    QString text() const;
    void setPlaceholder(const QString &text);
    /// A button that puts `value` in the field and accepts.
    void addPreset(const QString &label, const QString &value);
    /// Returns an empty string when the text is acceptable, else the message to show.
    void setCheck(std::function<QString(const QString &)> check);
    void setPassword(bool password);
    /// Types `text` and presses OK; false (and the message shown) when the check refuses it.
    bool submit(const QString &text);
    QString message() const;
    QLineEdit *field() const { return m_field; }

    void accept() override;

private:
    QLineEdit *m_field = nullptr;
    QLabel *m_message = nullptr;
    QHBoxLayout *m_presets = nullptr;
    std::function<QString(const QString &)> m_check;
};

/// A manager (or owner) approves one action with their PIN (StaffService::approve).
/// The counter's manager-PIN prompt for screens::withApproval(): asks for the action core's
/// refusal names, showing `reason` (by default, core's sentence of who may approve it).
screens::ApprovalPrompt approvalPrompt(Database &db, QWidget *parent, const QString &reason = {});

class ApprovalDialog final : public QDialog {
    Q_OBJECT
public:
    ApprovalDialog(Database &db, Action action, const QString &reason, QWidget *parent = nullptr);
    std::optional<StaffMember> approver() const { return m_approver; }
    /// Chooses the approver, types the PIN and presses Approve.
    bool submit(const QString &name, const QString &pin);
    QString message() const;

    void accept() override;

private:
    Database &m_db;
    Action m_action;
    QComboBox *m_who = nullptr;
    QLineEdit *m_pin = nullptr;
    QLabel *m_message = nullptr;
    std::optional<StaffMember> m_approver;
};

/// Sells a gift card: a preset or custom amount, optional To / From / message.
class GiftCardDialog final : public QDialog {
    Q_OBJECT
public:
    GiftCardDialog(const QList<Money> &presets, Money minimum, Money maximum,
                   QWidget *parent = nullptr);
    Money amount() const { return m_amount; }
    QString recipient() const;
    QString sender() const;
    QString message() const;
    void setAmountText(const QString &text);
    void setRecipient(const QString &text);
    void setSender(const QString &text);

    void accept() override;

private:
    Money m_minimum;
    Money m_maximum;
    Money m_amount;
    QButtonGroup *m_presets = nullptr;
    QLineEdit *m_custom = nullptr;
    QLineEdit *m_to = nullptr;
    QLineEdit *m_from = nullptr;
    QLineEdit *m_text = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace oasis::app
