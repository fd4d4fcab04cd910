// SPDX-License-Identifier: GPL-3.0-or-later
// The drawer, made for a finger at the front desk: open a shift with a counted float, pay in and
// out, close by counting every note and coin (all on one page, a number pad beside them, the
// running total and over/short in large type), then a summary of the shift to print.
#pragma once

#include "core/domain/money.h"
#include "core/services/shift.h"
#include "pos/screens/screen.h"

#include <QWidget>

#include <optional>
#include <vector>

class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTextBrowser;

namespace oasis::screens {

class ShiftScreen final : public QWidget {
    Q_OBJECT
public:
    explicit ShiftScreen(const ScreenContext &context, QWidget *parent = nullptr);

    /// Reads the register's shift again (after a sale, a cash-out or another register's Z).
    void refresh();

    /// What the count fields hold: denomination in cents → count (fields left empty are left
    /// out).
    DrawerCount count() const;
    /// Whether anything has been entered in the count yet (a 0 typed counts).
    bool hasCount() const;
    /// The count field of a denomination (objectName "count_<cents>").
    QLineEdit *countField(qint64 cents) const;
    /// The shift this screen closed last, shown on its summary page.
    const std::optional<ShiftClose> &lastClose() const { return m_lastClose; }
    /// Prints the summary of the shift closed last: on the receipt printer when one is set up,
    /// else through the system's print dialog.
    void printSummary();

Q_SIGNALS:
    /// The register's open shift is another than refresh() found before (opened or closed
    /// here, or elsewhere: oasisctl, another login): the main window updates its status bar.
    void shiftChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    /// Reads the drawer again each time the screen is shown: a shift may have been opened or
    /// closed elsewhere meanwhile.
    void showEvent(QShowEvent *event) override;

private:
    struct CountRow {
        qint64 cents = 0;
        QLineEdit *field = nullptr;
        QLabel *amount = nullptr;
    };

    QWidget *buildCountPage();
    QWidget *buildSummaryPage();
    Money countedTotal() const;
    void updateTotals();
    void setActiveField(QLineEdit *field);
    void typeOnPad(const QString &key);
    void clearCount();
    void openShift();
    void moveCash(bool payIn);
    void closeShift();
    void showSummary(const ShiftClose &closed);
    void newShift();
    void saveSummaryPdf();
    void showMessage(const QString &message, bool error);

    ScreenContext m_context;
    QLabel *m_status = nullptr;
    QLabel *m_figures = nullptr;
    QStackedWidget *m_pages = nullptr;
    QLabel *m_message = nullptr;

    // The count page.
    std::vector<CountRow> m_rows;
    QLineEdit *m_active = nullptr;
    QLineEdit *m_amount = nullptr;
    QLineEdit *m_reason = nullptr;
    QPushButton *m_payIn = nullptr;
    QPushButton *m_payOut = nullptr;
    QLabel *m_countedCaption = nullptr;
    QLabel *m_expectedCaption = nullptr;
    QLabel *m_expected = nullptr;
    QLabel *m_counted = nullptr;
    QLabel *m_overShortCaption = nullptr;
    QLabel *m_overShort = nullptr;
    QPushButton *m_open = nullptr;
    QPushButton *m_close = nullptr;

    // The summary page.
    QLabel *m_summaryHeadline = nullptr;
    QTextBrowser *m_summary = nullptr;
    QLabel *m_summaryExpected = nullptr;
    QLabel *m_summaryCounted = nullptr;
    QLabel *m_summaryOverShort = nullptr;

    Money m_expectedAmount;
    bool m_isOpen = false;
    qint64 m_shownShift = -1; ///< the open shift refresh() read last: 0 none, -1 not read yet
    std::optional<ShiftClose> m_lastClose;
};

} // namespace oasis::screens
