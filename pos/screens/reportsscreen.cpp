// SPDX-License-Identifier: GPL-3.0-or-later
#include "pos/screens/reportsscreen.h"

#include "core/domain/clock.h"
#include "core/services/authorization.h"
#include "core/services/backup.h"
#include "core/services/store.h"
#include "core/services/storesettings.h"
#include "printing/cp858.h"
#include "printing/escpos.h"
#include "printing/printersettings.h"
#include "printing/reporttext.h"
#include "printing/transport.h"

#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPrinter>
#include <QPushButton>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTextDocument>
#include <QValueAxis>
#include <QVBoxLayout>

namespace oasis::screens {

namespace {
QChartView *barChart(QWidget *parent) {
    auto *view = new QChartView(new QChart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(220);
    return view;
}

/// Replaces a chart's content with one bar set over the given categories.
void fillBars(QChartView *view, const QString &title, const QString &setName,
              const QStringList &categories, const QList<qreal> &values, const QString &unit) {
    QChart *chart = view->chart();
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes())
        chart->removeAxis(axis);
    chart->setTitle(title);
    chart->legend()->hide();
    auto *set = new QBarSet(setName);
    qreal top = 0;
    for (qreal v : values) {
        *set << v;
        top = std::max(top, v);
    }
    auto *series = new QBarSeries;
    series->append(set);
    chart->addSeries(series);
    auto *x = new QBarCategoryAxis;
    x->append(categories);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    auto *y = new QValueAxis;
    y->setRange(0, top > 0 ? top * 1.1 : 1);
    y->setLabelFormat(unit);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
}
} // namespace

Status ReportsScreen::printLines(const QStringList &lines) {
    const printing::PrinterSettings printer = printing::PrinterSettings::load();
    if (!printer.isConfigured() || printer.isSystem())
        return fail(ErrorCode::Printer,
                    tr("No receipt printer is set up for reports (Settings → Printer)."));
    auto target = printing::parseTarget(printer.target);
    if (!target)
        return std::unexpected(target.error());
    if (!target->isEscPos())
        return fail(ErrorCode::Printer, tr("Reports print on an ESC/POS receipt printer."));
    QByteArray bytes("\x1b@\x1bt\x13", 5); // initialise; code page 19 = CP858
    for (const QString &line : lines)
        bytes += printing::toCp858(line) + '\n';
    bytes += printing::cutBytes();
    return printing::sendRaw(bytes, *target);
}

ReportsScreen::ReportsScreen(const ScreenContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context) {
    auto *layout = new QVBoxLayout(this);
    auto *tabs = new QTabWidget(this);
    layout->addWidget(tabs, 1);
    m_message = new QLabel(this);
    markMessageLine(m_message);
    m_message->setWordWrap(true);
    layout->addWidget(m_message);

    // X and Z.
    auto *period = new QWidget(tabs);
    auto *periodLayout = new QVBoxLayout(period);
    auto *periodButtons = new QHBoxLayout;
    auto *x = new QPushButton(tr("X report"), period);
    auto *z = new QPushButton(tr("Z report: close the day"), period);
    auto *print = new QPushButton(tr("Print"), period);
    auto *pdf = new QPushButton(tr("Save as PDF…"), period);
    auto *backup = new QPushButton(tr("Back up now…"), period);
    periodButtons->addWidget(x);
    periodButtons->addWidget(z);
    periodButtons->addWidget(print);
    periodButtons->addWidget(pdf);
    periodButtons->addStretch();
    periodButtons->addWidget(backup);
    periodLayout->addLayout(periodButtons);
    m_period = new QTextBrowser(period);
    periodLayout->addWidget(m_period, 1);
    tabs->addTab(period, tr("X / Z"));

    // Ranges with CSV export.
    auto *range = new QWidget(tabs);
    auto *rangeLayout = new QVBoxLayout(range);
    auto *rangeBar = new QHBoxLayout;
    const QDate today = StoreSettings(*m_context.db).businessDate(Clock::nowUtc());
    m_from = new QDateEdit(today.addDays(-today.day() + 1), range);
    m_to = new QDateEdit(today, range);
    for (QDateEdit *e : {m_from, m_to}) {
        e->setCalendarPopup(true);
        e->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    }
    m_kind = new QComboBox(range);
    m_kind->addItem(tr("Sales by category, staff, therapist"), QStringLiteral("sales"));
    m_kind->addItem(tr("Sales by item"), QStringLiteral("items"));
    m_kind->addItem(tr("Tax by class"), QStringLiteral("tax"));
    m_kind->addItem(tr("Tips per therapist"), QStringLiteral("tips"));
    m_kind->addItem(tr("Gift cards (liability)"), QStringLiteral("giftcards"));
    m_kind->addItem(tr("Inventory at cost"), QStringLiteral("inventory"));
    auto *run = new QPushButton(tr("Show"), range);
    auto *csv = new QPushButton(tr("Export CSV…"), range);
    rangeBar->addWidget(new QLabel(tr("From"), range));
    rangeBar->addWidget(m_from);
    rangeBar->addWidget(new QLabel(tr("to"), range));
    rangeBar->addWidget(m_to);
    rangeBar->addWidget(m_kind, 1);
    rangeBar->addWidget(run);
    rangeBar->addWidget(csv);
    rangeLayout->addLayout(rangeBar);
    m_table = new QTableWidget(range);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setStretchLastSection(true);
    rangeLayout->addWidget(m_table, 1);
    tabs->addTab(range, tr("Reports"));

    // The manager's dashboard: where people look rather than read.
    auto *dashboard = new QWidget(tabs);
    auto *dashLayout = new QVBoxLayout(dashboard);
    m_perDay = barChart(dashboard);
    m_perHour = barChart(dashboard);
    m_perTherapist = barChart(dashboard);
    auto *refreshButton = new QPushButton(tr("Refresh"), dashboard);
    dashLayout->addWidget(refreshButton, 0, Qt::AlignRight);
    dashLayout->addWidget(m_perDay, 1);
    auto *lower = new QHBoxLayout;
    lower->addWidget(m_perHour, 1);
    lower->addWidget(m_perTherapist, 1);
    dashLayout->addLayout(lower, 1);
    tabs->addTab(dashboard, tr("Dashboard"));

    connect(x, &QPushButton::clicked, this, &ReportsScreen::showX);
    connect(z, &QPushButton::clicked, this, &ReportsScreen::runZ);
    connect(print, &QPushButton::clicked, this, [this] {
        if (m_period->toPlainText().isEmpty())
            return;
        if (!hasReceiptPrinter()) {
            // No receipt printer: this computer's printer or a PDF.
            auto done = printOrSave(periodPrintable(), this);
            if (!done || done->kind != PrintOutcome::Kind::Cancelled)
                showMessage(done ? done->message() : done.error().message, !done);
            return;
        }
        auto printed = printLines(
            printing::periodReportText(m_lastPeriod, StoreSettings(*m_context.db).timeZone(),
                                       printing::PrinterSettings::load().escpos().columns));
        showMessage(printed ? tr("Sent to the printer.") : printed.error().message, !printed);
    });
    connect(pdf, &QPushButton::clicked, this, &ReportsScreen::savePeriodPdf);
    connect(backup, &QPushButton::clicked, this, &ReportsScreen::backupNow);
    connect(run, &QPushButton::clicked, this, &ReportsScreen::runRange);
    connect(csv, &QPushButton::clicked, this, &ReportsScreen::exportCsv);
    connect(refreshButton, &QPushButton::clicked, this, &ReportsScreen::updateDashboard);
    refresh();
}

void ReportsScreen::refresh() {
    showX();
    updateDashboard();
}

void ReportsScreen::showMessage(const QString &text, bool error) {
    m_message->setStyleSheet(error ? QStringLiteral("color: #b00020") : QString());
    m_message->setText(text);
}

void ReportsScreen::showX() {
    auto r = ReportService(*m_context.db).x();
    if (!r)
        return showMessage(r.error().message, true);
    showPeriod(*r);
}

void ReportsScreen::showPeriod(const PeriodReport &report) {
    m_lastPeriod = report;
    m_period->setHtml(printing::periodReportHtml(report, StoreSettings(*m_context.db).timeZone()));
}

bool ReportsScreen::hasReceiptPrinter() {
    const printing::PrinterSettings printer = printing::PrinterSettings::load();
    if (!printer.isConfigured() || printer.isSystem())
        return false;
    auto target = printing::parseTarget(printer.target);
    return target && target->isEscPos();
}

Printable ReportsScreen::periodPrintable() const {
    Printable doc;
    doc.title = m_lastPeriod.isZ
                    ? tr("Z report #%1").arg(m_lastPeriod.zNumber)
                    : tr("X report of %1")
                          .arg(QLocale().toString(m_lastPeriod.businessDate, QLocale::ShortFormat));
    doc.fileName = m_lastPeriod.isZ ? QStringLiteral("z-report-%1.pdf").arg(m_lastPeriod.zNumber)
                                    : QStringLiteral("x-report-%1.pdf")
                                          .arg(m_lastPeriod.businessDate.toString(Qt::ISODate));
    const QString html =
        printing::periodReportHtml(m_lastPeriod, StoreSettings(*m_context.db).timeZone());
    doc.print = [html](QPrinter &printer) -> Status {
        QTextDocument text;
        text.setHtml(html);
        text.print(&printer);
        return {};
    };
    doc.savePdf = [this](const QString &path) {
        return printing::renderPeriodReportPdf(m_lastPeriod,
                                               StoreSettings(*m_context.db).timeZone(), path);
    };
    return doc;
}

void ReportsScreen::savePeriodPdf() {
    if (m_period->toPlainText().isEmpty())
        return;
    auto saved = saveAsPdf(periodPrintable(), this);
    if (!saved || saved->kind != PrintOutcome::Kind::Cancelled)
        showMessage(saved ? saved->message() : saved.error().message, !saved);
}

void ReportsScreen::runZ() {
    const StaffMember user = m_context.currentUser();
    // Core decides who may close the day (and the Z checks it again); the approval, if one is
    // needed, comes before the question.
    std::optional<StaffMember> approver;
    bool cancelled = false;
    auto allowed = withApproval(
        m_context.requestApproval,
        [&](const std::optional<StaffMember> &a) {
            approver = a;
            return authorize(*m_context.db, Action::CloseDay, user, a);
        },
        &cancelled);
    if (!allowed) {
        if (!cancelled)
            showMessage(allowed.error().message, true);
        return;
    }
    if (QMessageBox::question(this, tr("Close the day"),
                              tr("Run the Z report? The day's figures are then fixed for good; "
                                 "later sales and refunds belong to the next day.")) !=
        QMessageBox::Yes)
        return;
    auto z = ReportService(*m_context.db).z(user, approver);
    if (!z)
        return showMessage(z.error().message, true);
    const QStringList lines =
        printing::periodReportText(*z, StoreSettings(*m_context.db).timeZone(),
                                   printing::PrinterSettings::load().escpos().columns);
    showPeriod(*z);
    auto printed = printLines(lines);
    showMessage(printed ? tr("Z report #%1 saved and printed.").arg(z->zNumber)
                        : tr("Z report #%1 is saved; it did not print: %2")
                              .arg(z->zNumber)
                              .arg(printed.error().message),
                !printed);
    updateDashboard();
}

void ReportsScreen::runRange() {
    ReportService reports(*m_context.db);
    const QString kind = m_kind->currentData().toString();
    const QDate from = m_from->date();
    const QDate to = m_to->date();
    if (from > to)
        return showMessage(tr("The first date is after the last."), true);
    Result<ReportTable> table = fail(ErrorCode::Invalid, QString());
    if (kind == QLatin1String("sales")) {
        table = reports.salesSummary(from, to);
    } else if (kind == QLatin1String("items")) {
        table = reports.salesByItem(from, to);
    } else if (kind == QLatin1String("tax")) {
        table = reports.tax(from, to);
    } else if (kind == QLatin1String("tips")) {
        table = reports.tips(from, to);
    } else if (kind == QLatin1String("giftcards")) {
        // The liability as the owner reads it: totals, then the cards that moved.
        auto liability = reports.giftCardLiability(from, to);
        if (!liability)
            return showMessage(liability.error().message, true);
        table = std::move(liability->cards);
        const QLocale locale;
        table->title =
            tr("Gift cards %1 to %2: owed at the start %3, sold %4, redeemed %5, other %6, "
               "owed at the end %7; %n card(s) moved.",
               nullptr, int(table->rows.size()))
                .arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate),
                     liability->opening.format(locale), liability->sold.format(locale),
                     liability->redeemed.format(locale), liability->other.format(locale),
                     liability->closing.format(locale));
    } else {
        table = reports.inventory();
    }
    if (!table)
        return showMessage(table.error().message, true);
    m_current = *table;
    m_table->clear();
    m_table->setColumnCount(int(m_current.columns.size()));
    m_table->setRowCount(int(m_current.rows.size()));
    m_table->setHorizontalHeaderLabels(m_current.headers());
    for (int row = 0; row < int(m_current.rows.size()); ++row) {
        for (int col = 0; col < int(m_current.columns.size()); ++col) {
            auto *item = new QTableWidgetItem(m_current.cellText(m_current.rows[std::size_t(row)],
                                                                 std::size_t(col),
                                                                 ReportTable::CellStyle::Display));
            if (m_current.columns[std::size_t(col)].kind != ReportTable::Kind::Text)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(row, col, item);
        }
    }
    // Amounts and names whole (Qt measures the visible rows and up to 1,000 more).
    m_table->resizeColumnsToContents();
    showMessage(m_current.title);
}

void ReportsScreen::exportCsv() {
    if (m_current.columns.empty())
        runRange();
    if (m_current.columns.empty())
        return;
    const QString name =
        QStringLiteral("%1-%2-%3.csv")
            .arg(m_kind->currentData().toString(), m_from->date().toString(Qt::ISODate),
                 m_to->date().toString(Qt::ISODate));
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export CSV"), name, tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    // The accountant's export of sales is the whole table, items included (as oasisctl writes
    // it), and of gift cards every card that owes something; the screen shows the summaries.
    ReportTable exported = m_current;
    const QString kind = m_kind->currentData().toString();
    ReportService reports(*m_context.db);
    if (kind == QLatin1String("sales") || kind == QLatin1String("giftcards")) {
        QApplication::setOverrideCursor(Qt::WaitCursor);
        auto full = kind == QLatin1String("sales")
                        ? reports.sales(m_from->date(), m_to->date())
                        : reports.giftCards(m_from->date(), m_to->date());
        QApplication::restoreOverrideCursor();
        if (!full)
            return showMessage(full.error().message, true);
        exported = std::move(*full);
    }
    QSaveFile file(path);
    const QByteArray bytes = exported.toCsv();
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return showMessage(tr("Cannot write %1: %2").arg(path, file.errorString()), true);
    showMessage(tr("Exported to %1.").arg(path));
}

void ReportsScreen::backupNow() {
    const StaffMember user = m_context.currentUser();
    std::optional<StaffMember> approver;
    bool cancelled = false;
    auto allowed = withApproval(
        m_context.requestApproval,
        [&](const std::optional<StaffMember> &a) {
            approver = a;
            return authorize(*m_context.db, Action::Backup, user, a);
        },
        &cancelled);
    if (!allowed) {
        if (!cancelled)
            showMessage(allowed.error().message, true);
        return;
    }
    BackupService backups(*m_context.db);
    const QString suggested =
        QDir(backups.defaultDirectory())
            .filePath(QStringLiteral("oasis-%1.db")
                          .arg(Clock::nowUtc()
                                   .toTimeZone(StoreSettings(*m_context.db).timeZone())
                                   .toString(QStringLiteral("yyyy-MM-dd-HHmm"))));
    QDir().mkpath(backups.defaultDirectory());
    const QString path = QFileDialog::getSaveFileName(this, tr("Back up the database"), suggested,
                                                      tr("Database backups (*.db)"));
    if (path.isEmpty())
        return;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    auto made = backups.snapshot(path, user, approver);
    QApplication::restoreOverrideCursor();
    if (!made)
        return showMessage(made.error().message, true);
    showMessage(tr("Backup written and verified: %1. Its key file is %2 — keep the key apart "
                   "from the backup (e.g. on a USB stick in the safe).")
                    .arg(made->path, made->keyPath));
}

void ReportsScreen::updateDashboard() {
    ReportService reports(*m_context.db);
    const QDate to = StoreSettings(*m_context.db).businessDate(Clock::nowUtc());
    const QDate from = to.addDays(-13);
    if (auto days = reports.salesPerDay(from, to)) {
        QStringList labels;
        QList<qreal> values;
        for (const auto &[day, amount] : *days) {
            labels << QLocale().toString(day, QStringLiteral("ddd d"));
            values << qreal(amount.cents()) / 100.0;
        }
        fillBars(m_perDay, tr("Sales per day, last 14 days ($)"), tr("Sales"), labels, values,
                 QStringLiteral("%.0f"));
    }
    if (auto hours = reports.salesPerHour(from, to)) {
        QStringList labels;
        QList<qreal> values;
        for (int h = 0; h < 24; ++h) {
            labels << QString::number(h);
            values << qreal((*hours)[std::size_t(h)].cents()) / 100.0;
        }
        fillBars(m_perHour, tr("Sales by hour of day ($)"), tr("Sales"), labels, values,
                 QStringLiteral("%.0f"));
    }
    if (auto sessions = reports.sessionsPerTherapist(from, to)) {
        QStringList labels;
        QList<qreal> values;
        for (const auto &[name, count] : *sessions) {
            labels << name;
            values << qreal(count);
        }
        fillBars(m_perTherapist, tr("Sessions per therapist"), tr("Sessions"), labels, values,
                 QStringLiteral("%.0f"));
    }
}

} // namespace oasis::screens
