// SPDX-License-Identifier: GPL-3.0-or-later
#include "pos/screens/reportsscreen.h"

#include "core/services/clients.h"
#include "core/services/offline.h"

#include "core/domain/clock.h"
#include "core/domain/savefile.h"
#include "core/services/authorization.h"
#include "core/services/backup.h"
#include "core/services/store.h"
#include "core/services/storesettings.h"
#include "pos/screens/dashboard.h"
#include "pos/screens/printchoice.h"
#include "printing/cp858.h"
#include "printing/escpos.h"
#include "printing/printersettings.h"
#include "printing/reporttext.h"
#include "printing/transport.h"

#include <QApplication>
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
#include <QStandardPaths>
#include <QTableWidget>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTextDocument>
#include <QVBoxLayout>

namespace oasis::screens {

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
    m_kind->setObjectName(QStringLiteral("reportKind"));
    m_kind->addItem(tr("Sales by category"), QStringLiteral("category"));
    m_kind->addItem(tr("Sales by staff member"), QStringLiteral("staff"));
    m_kind->addItem(tr("Sales by therapist, with tips"), QStringLiteral("therapist"));
    m_kind->addItem(tr("Sales by item"), QStringLiteral("items"));
    m_kind->addItem(tr("Sales tax"), QStringLiteral("tax"));
    m_kind->addItem(tr("Therapist commission"), QStringLiteral("commission"));
    m_kind->addItem(tr("Use tax: treatments and testers"), QStringLiteral("usetax"));
    m_kind->addItem(tr("Gift-card liability"), QStringLiteral("giftcards"));
    m_kind->addItem(tr("Gift-card aging (as of the last date)"), QStringLiteral("aging"));
    m_kind->addItem(tr("Service vouchers: sold, redeemed, owed"), QStringLiteral("vouchers"));
    m_kind->addItem(tr("Session packages: sold, used, recognised, owed"),
                    QStringLiteral("packages"));
    m_kind->addItem(tr("Prepaid: what the spa owes"), QStringLiteral("prepaid"));
    m_kind->addItem(tr("Sales made offline"), QStringLiteral("offline"));
    m_kind->addItem(tr("Clients: lifetime value and last visit"), QStringLiteral("clients"));
    m_kind->addItem(tr("Inventory at cost (now)"), QStringLiteral("inventory"));
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
    // Quick ranges, as a person thinks of them.
    auto *quick = new QHBoxLayout;
    const auto addQuick = [&](const QString &text, QDate from, QDate to) {
        auto *b = new QPushButton(text, range);
        b->setObjectName(QStringLiteral("quickRange"));
        connect(b, &QPushButton::clicked, this, [this, from, to] {
            m_from->setDate(from);
            m_to->setDate(to);
            runRange();
        });
        quick->addWidget(b);
    };
    const QDate monthStart(today.year(), today.month(), 1);
    addQuick(tr("Today"), today, today);
    addQuick(tr("Yesterday"), today.addDays(-1), today.addDays(-1));
    addQuick(tr("This week"), today.addDays(1 - today.dayOfWeek()), today);
    addQuick(tr("This month"), monthStart, today);
    addQuick(tr("Last month"), monthStart.addMonths(-1), monthStart.addDays(-1));
    addQuick(tr("This year"), QDate(today.year(), 1, 1), today);
    quick->addStretch();
    rangeLayout->addLayout(quick);
    m_tableTitle = new QLabel(range);
    m_tableTitle->setObjectName(QStringLiteral("reportTitle"));
    m_tableTitle->setStyleSheet(QStringLiteral("font-size: 16pt; font-weight: 600;"));
    m_tableTitle->setWordWrap(true);
    rangeLayout->addWidget(m_tableTitle);
    m_tableSummary = new QLabel(range);
    m_tableSummary->setObjectName(QStringLiteral("reportSummary"));
    m_tableSummary->setWordWrap(true);
    m_tableSummary->hide();
    rangeLayout->addWidget(m_tableSummary);
    m_table = new QTableWidget(range);
    m_table->setObjectName(QStringLiteral("reportTable"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->setShowGrid(false);
    rangeLayout->addWidget(m_table, 1);
    tabs->addTab(range, tr("Reports"));

    // The manager's dashboard: where people look rather than read.
    m_dashboard = new Dashboard(m_context, tabs);
    tabs->addTab(m_dashboard, tr("Dashboard"));

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
    refresh();
}

void ReportsScreen::refresh() {
    showX();
    // The dashboard reads its figures whenever it is shown; while hidden it waits for that.
    if (m_dashboard->isVisible())
        m_dashboard->refresh();
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
    m_dashboard->refresh();
}

void ReportsScreen::runRange() {
    ReportService reports(*m_context.db);
    const QString kind = m_kind->currentData().toString();
    const QDate from = m_from->date();
    const QDate to = m_to->date();
    if (from > to)
        return showMessage(tr("The first date is after the last."), true);
    QString summary;
    const QLocale locale;
    Result<ReportTable> table = fail(ErrorCode::Invalid, QString());
    if (kind == QLatin1String("category")) {
        table = reports.salesBy(SalesBy::Category, from, to);
    } else if (kind == QLatin1String("staff")) {
        table = reports.salesBy(SalesBy::Staff, from, to);
    } else if (kind == QLatin1String("therapist")) {
        table = reports.salesBy(SalesBy::Therapist, from, to);
    } else if (kind == QLatin1String("items")) {
        table = reports.salesBy(SalesBy::Item, from, to);
    } else if (kind == QLatin1String("tax")) {
        table = reports.tax(from, to);
    } else if (kind == QLatin1String("commission")) {
        table = reports.commission(from, to);
        summary = tr("Commission is paid on service sales after discounts, before tax and tips, "
                     "at the service's rate or else the therapist's (Staff → Commission rates…).");
    } else if (kind == QLatin1String("usetax")) {
        table = reports.useTax(from, to);
        summary = tr("Stock taken off the shelf for treatments and testers, at cost, with the "
                     "retail tax rate in force on the day it was used.");
    } else if (kind == QLatin1String("giftcards")) {
        // The liability as the owner reads it: totals, then the cards that moved.
        auto liability = reports.giftCardLiability(from, to);
        if (!liability)
            return showMessage(liability.error().message, true);
        table = std::move(liability->cards);
        table->showTotals = true;
        summary = tr("Owed at the start %1 + sold %2 − redeemed %3 + other %4 = owed at the end "
                     "%5. %n card(s) moved.",
                     nullptr, int(table->rows.size()))
                      .arg(liability->opening.format(locale), liability->sold.format(locale),
                           liability->redeemed.format(locale), liability->other.format(locale),
                           liability->closing.format(locale));
        // Promotional value apart: never owed, so not in the figures above.
        const GiftCardLiability::Promo &promo = liability->promo;
        if (!promo.opening.isZero() || !promo.granted.isZero() || !promo.closing.isZero() ||
            !promo.spent.isZero() || !promo.expired.isZero())
            summary +=
                u' ' + tr("Promotional value (not owed): %1 at the start + granted %2 − spent %3 − "
                          "expired %4 = %5 at the end.")
                           .arg(promo.opening.format(locale), promo.granted.format(locale),
                                promo.spent.format(locale), promo.expired.format(locale),
                                promo.closing.format(locale));
    } else if (kind == QLatin1String("packages")) {
        // Deferred until a session is used, recognised at the package's per-session price.
        auto packages = reports.packages(from, to);
        if (!packages)
            return showMessage(packages.error().message, true);
        table = std::move(packages->packages);
        summary = tr("Owed on session packages at the start %1 + sold %2 − recognised %3 − "
                     "refunded %4 = owed at the end %5, on %n session(s) not yet used.",
                     nullptr, int(packages->outstandingSessions))
                      .arg(packages->opening.format(locale), packages->sold.format(locale),
                           packages->recognised.format(locale), packages->refunded.format(locale),
                           packages->closing.format(locale));
    } else if (kind == QLatin1String("vouchers")) {
        // Owed at what was paid for each voucher, whatever its session costs now.
        auto vouchers = reports.vouchers(from, to);
        if (!vouchers)
            return showMessage(vouchers.error().message, true);
        table = std::move(vouchers->vouchers);
        summary = tr("Owed on service vouchers at the start %1 + sold %2 − redeemed %3 − refunded "
                     "%4 = owed at the end %5, on %n voucher(s) not yet redeemed.",
                     nullptr, int(vouchers->outstandingCount))
                      .arg(vouchers->opening.format(locale), vouchers->sold.format(locale),
                           vouchers->redeemed.format(locale), vouchers->voided.format(locale),
                           vouchers->closing.format(locale));
    } else if (kind == QLatin1String("prepaid")) {
        // Every kind side by side, from the same figures as their own reports.
        auto prepaid = reports.prepaid(from, to);
        if (!prepaid)
            return showMessage(prepaid.error().message, true);
        table = std::move(prepaid->table);
        summary =
            tr("Owed on everything prepaid at the start %1, at the end %2 (gift cards' paid "
               "value, vouchers, packages). Revenue recognised from vouchers and packages "
               "%3. Promotional value on gift cards at the end, not owed: %4. Counts: gift "
               "cards in ledger entries (outstanding: cards owing), packages in sessions.")
                .arg(prepaid->total.opening.format(locale), prepaid->total.closing.format(locale),
                     prepaid->recognised.format(locale), prepaid->promoOutstanding.format(locale));
    } else if (kind == QLatin1String("offline")) {
        // Sales a register made while the store server was out of reach, as they landed: the
        // customer kept what was charged; a catalog price that differed then is shown.
        auto sales = OfflineRegister::landed(*m_context.db, from, to);
        if (!sales)
            return showMessage(sales.error().message, true);
        table = OfflineRegister::landedTable(*sales, StoreSettings(*m_context.db).timeZone());
        qint64 differing = 0;
        for (const OfflineSaleRecord &s : *sales)
            differing += qint64(s.differences.size());
        summary = tr("%n sale(s) made while the store server was out of reach, sent when it was "
                     "back; each kept what the customer was charged. Lines sold at a price the "
                     "catalog did not have then: %1.",
                     nullptr, int(sales->size()))
                      .arg(differing);
    } else if (kind == QLatin1String("aging")) {
        auto aging = reports.giftCardAging(to);
        if (!aging)
            return showMessage(aging.error().message, true);
        table = std::move(aging->cards);
        summary = tr("Owed on gift cards %1: active in the last 12 months %2; idle 12 to 24 "
                     "months %3; 24 to 36 months %4; 36 months or more %5.")
                      .arg(aging->outstanding.format(locale), aging->recent.format(locale),
                           aging->months12to24.format(locale), aging->months24to36.format(locale),
                           aging->over36.format(locale));
    } else if (kind == QLatin1String("clients")) {
        table = ClientService(*m_context.db).lifetimeValue(to, m_context.currentUser());
        summary = tr("As of the last date; refunds taken off. Visits are tickets with a session. "
                     "Client data is exported from the Client page, where a manager approves "
                     "and the journal records it.");
    } else {
        table = reports.inventory();
    }
    if (!table)
        return showMessage(table.error().message, true);
    m_current = *table;
    showTable(m_current, summary);
    showMessage(QString());
}

void ReportsScreen::showTable(const ReportTable &table, const QString &summary) {
    m_tableTitle->setText(table.title);
    m_tableSummary->setText(summary);
    m_tableSummary->setVisible(!summary.isEmpty());
    m_table->clear();
    m_table->clearSpans(); // the "Nothing in this period." line of an earlier report spans a row
    const bool totals = table.showTotals && !table.rows.empty();
    const int columns = int(table.columns.size());
    const int rows = int(table.rows.size());
    m_table->setColumnCount(columns);
    m_table->setRowCount(table.rows.empty() ? 1 : rows + (totals ? 1 : 0));
    for (int col = 0; col < columns; ++col) {
        auto *header = new QTableWidgetItem(table.columns[std::size_t(col)].header);
        const bool number = table.columns[std::size_t(col)].kind != ReportTable::Kind::Text;
        header->setTextAlignment((number ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
        m_table->setHorizontalHeaderItem(col, header);
    }
    if (table.rows.empty()) {
        // Said in words, not as an empty grid.
        auto *none = new QTableWidgetItem(tr("Nothing in this period."));
        none->setForeground(palette().color(QPalette::PlaceholderText));
        m_table->setItem(0, 0, none);
        m_table->setSpan(0, 0, 1, columns);
    }
    const auto fill = [&](int row, const QVariantList &values, bool bold) {
        for (int col = 0; col < columns; ++col) {
            auto *item = new QTableWidgetItem(
                table.cellText(values, std::size_t(col), ReportTable::CellStyle::Display));
            if (table.columns[std::size_t(col)].kind != ReportTable::Kind::Text)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (bold) {
                QFont f = item->font();
                f.setBold(true);
                item->setFont(f);
                item->setBackground(palette().color(QPalette::Midlight));
            }
            m_table->setItem(row, col, item);
        }
    };
    for (int row = 0; row < rows; ++row)
        fill(row, table.rows[std::size_t(row)], false);
    if (totals)
        fill(rows, table.totalsRow(), true);
    // Names take the room that is left; amounts are as wide as their longest (Qt measures the
    // visible rows and up to 1,000 more), never stretched across the screen.
    QHeaderView *header = m_table->horizontalHeader();
    header->setStretchLastSection(false);
    // The column an earlier report stretched is measured again too (a stretched section keeps
    // its width through resizeColumnsToContents).
    header->setSectionResizeMode(QHeaderView::Interactive);
    m_table->resizeColumnsToContents();
    int stretch = -1; // the widest text column: the names
    for (int col = 0; col < columns; ++col)
        if (table.columns[std::size_t(col)].kind == ReportTable::Kind::Text &&
            (stretch < 0 || m_table->columnWidth(col) > m_table->columnWidth(stretch)))
            stretch = col;
    for (int col = 0; col < columns; ++col) {
        header->setSectionResizeMode(col, col == stretch ? QHeaderView::Stretch
                                                         : QHeaderView::Interactive);
        if (col != stretch)
            m_table->setColumnWidth(col, m_table->columnWidth(col) + 24);
    }
}

void ReportsScreen::exportCsv() {
    if (m_kind->currentData().toString() == QLatin1String("clients"))
        return showMessage(tr("Client data is exported from the Client page (a manager's, "
                              "recorded in the journal), not from Reports."),
                           true);
    if (m_current.columns.empty())
        runRange();
    if (m_current.columns.empty())
        return;
    const QString name =
        QStringLiteral("%1-%2-%3.csv")
            .arg(m_kind->currentData().toString(), m_from->date().toString(Qt::ISODate),
                 m_to->date().toString(Qt::ISODate));
    const QString path = chooseSaveFile(this, tr("Export CSV"), name, tr("CSV files (*.csv)"),
                                        QStringLiteral("csv"));
    if (path.isEmpty())
        return;
    // One table per report, as on the screen (as oasisctl writes it); of gift cards the
    // accountant gets every card that owes something, not only those that moved.
    ReportTable exported = m_current;
    if (m_kind->currentData().toString() == QLatin1String("giftcards")) {
        QApplication::setOverrideCursor(Qt::WaitCursor);
        auto full = ReportService(*m_context.db).giftCards(m_from->date(), m_to->date());
        QApplication::restoreOverrideCursor();
        if (!full)
            return showMessage(full.error().message, true);
        exported = std::move(*full);
    }
    if (auto saved = saveFile(path, exported.toCsv()); !saved)
        return showMessage(tr("Cannot write %1: %2").arg(path, saved.error().message), true);
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

} // namespace oasis::screens
