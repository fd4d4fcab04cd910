// SPDX-License-Identifier: GPL-3.0-or-later
// Reports: X and Z (printed on the receipt printer), date ranges with CSV export, a manager's
// dashboard with charts, and the backup button.
#pragma once

#include "core/services/report.h"
#include "pos/screens/printchoice.h"
#include "pos/screens/screen.h"

#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;
class QTextBrowser;
class QTableWidget;

namespace oasis::screens {

class Dashboard;

class ReportsScreen final : public QWidget {
    Q_OBJECT
public:
    explicit ReportsScreen(const ScreenContext &context, QWidget *parent = nullptr);

    /// Re-reads the X report and the dashboard.
    void refresh();

    /// Prints report lines on the configured receipt printer (ESC/POS in CP858, then a cut).
    static Status printLines(const QStringList &lines);
    /// True when a receipt printer that takes ESC/POS is set up (printLines can print).
    static bool hasReceiptPrinter();

private:
    void showX();
    /// Shows `report` laid out on the screen and keeps it for Print and Save as PDF.
    void showPeriod(const PeriodReport &report);
    /// The shown X or Z report for this computer's printer or a PDF.
    Printable periodPrintable() const;
    void savePeriodPdf();
    void runZ();
    void runRange();
    /// Shows a table with its title, an optional line under it, and its totals row in bold.
    void showTable(const ReportTable &table, const QString &summary);
    void exportCsv();
    void backupNow();
    void showMessage(const QString &text, bool error = false);

    ScreenContext m_context;
    QTextBrowser *m_period = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QComboBox *m_kind = nullptr;
    QTableWidget *m_table = nullptr;
    QLabel *m_tableTitle = nullptr;
    QLabel *m_tableSummary = nullptr;
    Dashboard *m_dashboard = nullptr;
    QLabel *m_message = nullptr;
    ReportTable m_current;
    PeriodReport m_lastPeriod;
};

} // namespace oasis::screens
