// SPDX-License-Identifier: GPL-3.0-or-later
// The drawer: open a shift with a counted float, pay in and out, close with a count by
// denomination showing expected, counted and over/short.
#pragma once

#include "core/domain/money.h"
#include "pos/screens/screen.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace oasis::screens {

class ShiftScreen final : public QWidget {
    Q_OBJECT
public:
    explicit ShiftScreen(const ScreenContext &context, QWidget *parent = nullptr);

    /// Reads the register's shift again (after a sale, a cash-out or another register's Z).
    void refresh();

Q_SIGNALS:
    /// A shift opened or closed: the main window updates its status bar.
    void shiftChanged();

private:
    Money countedTotal() const;
    void updateTotals();
    void openShift();
    void moveCash(bool payIn);
    void closeShift();
    void showError(const QString &message);

    ScreenContext m_context;
    QLabel *m_status = nullptr;
    QLabel *m_message = nullptr;
    QLineEdit *m_amount = nullptr;
    QLineEdit *m_reason = nullptr;
    QPushButton *m_open = nullptr;
    QPushButton *m_payIn = nullptr;
    QPushButton *m_payOut = nullptr;
    QPushButton *m_close = nullptr;
    QTableWidget *m_count = nullptr;
    QLabel *m_expected = nullptr;
    QLabel *m_counted = nullptr;
    QLabel *m_overShort = nullptr;
    Money m_expectedAmount;
    bool m_isOpen = false;
};

} // namespace oasis::screens
