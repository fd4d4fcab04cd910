// SPDX-License-Identifier: GPL-3.0-or-later
#include "printing/reporttext.h"

#include "core/domain/clock.h"
#include "core/domain/receiptcode.h"
#include "core/services/report.h"
#include "printing/translate.h"

#include "printing/output.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QPageLayout>
#include <QPdfWriter>
#include <QTextDocument>

#include <algorithm>

namespace oasis::printing {

namespace {
QString padPair(const QString &left, const QString &right, int columns) {
    const int room = columns - int(right.size()) - 1;
    QString l = left.left(std::max(room, 1));
    return l + QString(std::max(columns - int(l.size()) - int(right.size()), 1), u' ') + right;
}

QString centred(const QString &text, int columns) {
    const int pad = std::max((columns - int(text.size())) / 2, 0);
    return QString(pad, u' ') + text;
}
} // namespace

std::vector<ReportRow> periodReportRows(const PeriodReport &r, const QTimeZone &zone) {
    using K = ReportRow::Kind;
    auto money = [](Money m) { return m.format(); };
    std::vector<ReportRow> t;
    auto add = [&t](K kind, const QString &label, const QString &value = {}) {
        t.push_back({kind, label, value});
    };
    add(K::Title, r.isZ ? oasis::printing::tr("Z REPORT #%1").arg(r.zNumber)
                        : oasis::printing::tr("X REPORT (not a close)"));
    if (!r.isZ)
        add(K::Subtitle, oasis::printing::tr("next Z will be #%1").arg(r.zNumber));
    add(K::Pair, oasis::printing::tr("Business day"), r.businessDate.toString(Qt::ISODate));
    add(K::Pair, oasis::printing::tr("Printed"), storeTimeText(r.closedAt, zone));
    if (r.periodStart.isValid())
        add(K::Pair, oasis::printing::tr("Since"), storeTimeText(r.periodStart, zone));
    if (!r.staff.isEmpty())
        add(K::Pair, oasis::printing::tr("By"), r.staff);
    if (!r.receiptRanges.isEmpty())
        add(K::Pair, oasis::printing::tr("Receipts"), r.receiptRanges.join(QLatin1String(", ")));
    else if (r.firstReceipt > 0) // a report saved before receipt series
        add(K::Pair, oasis::printing::tr("Receipts"),
            QStringLiteral("%1 - %2").arg(receiptCode(r.firstReceipt), receiptCode(r.lastReceipt)));
    add(K::Rule, {});
    if (r.onSales.present) {
        // Each line follows from the ones above it; refunds and voids come off what the sales
        // collected, once.
        const PeriodReport::OnSales &s = r.onSales;
        add(K::Heading, oasis::printing::tr("Sales (%1)").arg(r.salesCount));
        add(K::Item, oasis::printing::tr("Gross sales"), money(s.gross));
        add(K::Item, oasis::printing::tr("Discounts"), money(-s.discounts));
        add(K::Subtotal, oasis::printing::tr("Net sales"), money(s.net));
        add(K::Item, oasis::printing::tr("Tax"), money(s.tax));
        add(K::Item, oasis::printing::tr("Tips"), money(s.tips));
        add(K::Item, oasis::printing::tr("Gift cards sold (owed)"), money(s.giftCards));
        add(K::Subtotal, oasis::printing::tr("Collected on sales"), money(s.collected));
    } else { // a Z saved before the sales were set apart, as it was printed then
        add(K::Pair, oasis::printing::tr("Sales"), QString::number(r.salesCount));
        add(K::Pair, oasis::printing::tr("Gross"), money(r.gross));
        add(K::Pair, oasis::printing::tr("Discounts"), money(-r.discounts));
        add(K::Pair, oasis::printing::tr("Tax"), money(r.tax));
        add(K::Pair, oasis::printing::tr("Tips"), money(r.tips));
    }
    add(K::Pair, oasis::printing::tr("Refunds (%1)").arg(r.refundsCount), money(-r.refunds));
    add(K::Pair, oasis::printing::tr("Voids (%1)").arg(r.voidsCount), money(-r.voids));
    add(K::Total, oasis::printing::tr("PERIOD TOTAL"), money(r.total));
    add(K::Total, oasis::printing::tr("GRAND TOTAL"), money(r.grandTotal));
    add(K::Rule, {});
    add(K::Heading, oasis::printing::tr("Tenders"));
    for (const auto &[type, amount] : r.tenders)
        add(K::Item, type, money(amount));
    // Gift cards are owed, not sold: no taxable base.
    const bool taxed = std::any_of(r.taxByClass.begin(), r.taxByClass.end(), [](const auto &c) {
        return c.first != QLatin1String("giftcard");
    });
    if (taxed)
        add(K::Heading, oasis::printing::tr("Tax by class, net of refunds"));
    for (const auto &[cls, amount] : r.taxByClass)
        if (cls != QLatin1String("giftcard"))
            add(K::Item,
                QStringLiteral("%1 on %2")
                    .arg(cls,
                         money(r.taxBaseByClass.count(cls) ? r.taxBaseByClass.at(cls) : Money())),
                money(amount));
    auto section = [&](const QString &title, const std::vector<ReportLine> &lines) {
        if (lines.empty()) // no heading over nothing
            return;
        add(K::Rule, {});
        add(K::Heading, title);
        for (const ReportLine &l : lines)
            add(K::Item,
                QStringLiteral("%1 x%2").arg(l.name.isEmpty() ? l.key : l.name).arg(l.quantity),
                money(l.net));
    };
    section(oasis::printing::tr("By category"), r.byCategory);
    section(oasis::printing::tr("By item"), r.byItem);
    section(oasis::printing::tr("By cashier"), r.byStaff);
    section(oasis::printing::tr("Sessions by therapist"), r.byTherapist);
    section(oasis::printing::tr("Tips by therapist"), r.tipsByTherapist);
    add(K::Rule, {});
    add(K::Heading, oasis::printing::tr("Gift cards"));
    add(K::Item, oasis::printing::tr("sold (%1)").arg(r.giftCardsSoldCount),
        money(r.giftCardsSold));
    add(K::Item, oasis::printing::tr("redeemed"), money(r.giftCardsRedeemed));
    if (!r.giftCardsPromo.isZero())
        add(K::Item, oasis::printing::tr("  of which promotional"), money(r.giftCardsPromo));
    add(K::Item, oasis::printing::tr("cashed out"), money(r.giftCardsCashedOut));
    add(K::Item, oasis::printing::tr("outstanding (liability)"), money(r.giftCardsOutstanding));
    add(K::Rule, {});
    add(K::Pair, oasis::printing::tr("Drawer pay-ins"), money(r.payIns));
    add(K::Pair, oasis::printing::tr("Drawer pay-outs"), money(r.payOuts));
    if (r.drawersClosed > 0) {
        add(K::Heading, oasis::printing::tr("Drawers closed (%1)").arg(r.drawersClosed));
        add(K::Item, oasis::printing::tr("cash expected"), money(r.drawerExpected));
        add(K::Item, oasis::printing::tr("cash counted"), money(r.drawerCounted));
        const Money over = r.drawerCounted - r.drawerExpected;
        add(K::Subtotal,
            over.cents() < 0 ? oasis::printing::tr("short") : oasis::printing::tr("over"),
            money(over));
    }
    add(K::Rule, {});
    add(K::Heading, oasis::printing::tr("Journal entry %1").arg(r.journalSeq));
    add(K::Code, r.journalHash);
    return t;
}

QStringList periodReportText(const PeriodReport &r, const QTimeZone &zone, int columns) {
    return reportRowsText(periodReportRows(r, zone), columns);
}

QStringList reportRowsText(const std::vector<ReportRow> &rows, int columns) {
    using K = ReportRow::Kind;
    QStringList t;
    for (const ReportRow &row : rows) {
        switch (row.kind) {
        case K::Title:
        case K::Subtitle:
            t << centred(row.label, columns);
            break;
        case K::Rule:
            t << QString(columns, u'-');
            break;
        case K::Heading:
            t << row.label;
            break;
        case K::Item:
        case K::Subtotal:
            t << padPair(QStringLiteral("  ") + row.label, row.value, columns);
            break;
        case K::Pair:
        case K::Total:
            t << padPair(row.label, row.value, columns);
            break;
        case K::Code:
            for (qsizetype i = 0; i < row.label.size(); i += columns)
                t << row.label.mid(i, columns);
            break;
        }
    }
    return t;
}

QString periodReportHtml(const PeriodReport &r, const QTimeZone &zone) {
    return reportRowsHtml(periodReportRows(r, zone));
}

QString reportRowsHtml(const std::vector<ReportRow> &rows) {
    using K = ReportRow::Kind;
    // Qt's rich text: a title, then one table whose amounts line up on the right; the lines
    // that add up (net sales, collected, the totals) in bold.
    QString html = QStringLiteral(
        "<html><body style=\"font-size: 11pt\"><table width=\"620\" align=\"center\" "
        "cellspacing=\"0\" cellpadding=\"3\">");
    // A line across both columns, and a label with its amount on the right.
    auto wide = [&html](const QString &style, const QString &text) {
        html += QStringLiteral("<tr><td colspan=\"2\" style=\"%1\">%2</td></tr>").arg(style, text);
    };
    auto pair = [&html](const ReportRow &row, bool indented, bool bold) {
        const QString weight = bold ? QStringLiteral("; font-weight: 600") : QString();
        html += QStringLiteral("<tr><td style=\"padding-left: %1px%2\">%3</td>"
                               "<td align=\"right\" style=\"%2\">%4</td></tr>")
                    .arg(indented ? 18 : 0)
                    .arg(weight, row.label.toHtmlEscaped(), row.value.toHtmlEscaped());
    };
    for (const ReportRow &row : rows) {
        const QString label = row.label.toHtmlEscaped();
        switch (row.kind) {
        case K::Title:
            wide(QStringLiteral("font-size: 16pt; font-weight: 600"), label);
            break;
        case K::Subtitle:
            wide(QStringLiteral("color: #555"), label);
            break;
        case K::Rule:
            wide(QStringLiteral("font-size: 4pt"), QStringLiteral("&nbsp;"));
            break;
        case K::Heading:
            wide(QStringLiteral("font-weight: 600; padding-top: 8px"), label);
            break;
        case K::Item:
        case K::Pair:
            pair(row, row.kind == K::Item, false);
            break;
        case K::Subtotal:
        case K::Total:
            pair(row, row.kind == K::Subtotal, true);
            break;
        case K::Code:
            wide(QStringLiteral("font-family: monospace; font-size: 8pt; color: #555"), label);
            break;
        }
    }
    return html + QStringLiteral("</table></body></html>");
}

Status renderPeriodReportPdf(const PeriodReport &r, const QTimeZone &zone, const QString &path) {
    return renderReportRowsPdf(periodReportRows(r, zone),
                               r.isZ ? QStringLiteral("Z report %1").arg(r.zNumber)
                                     : QStringLiteral("X report"),
                               path, oasis::printing::tr("report"));
}

Status renderReportRowsPdf(const std::vector<ReportRow> &rows, const QString &title,
                           const QString &path, const QString &what) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setCreator(QStringLiteral("Oasis POS"));
        writer.setTitle(title);
        writer.setPageSize(QPageSize(QPageSize::Letter));
        writer.setPageMargins(QMarginsF(20, 16, 20, 16), QPageLayout::Millimeter);
        QTextDocument doc;
        doc.setHtml(reportRowsHtml(rows));
        doc.print(&writer);
    }
    buffer.close();
    return writeOutput(bytes, path, what);
}

QStringList reportTableText(const ReportTable &table) {
    std::vector<QStringList> cells{table.headers()};
    const auto addRow = [&table, &cells](const QVariantList &row) {
        QStringList r;
        for (std::size_t i = 0; i < table.columns.size(); ++i)
            r << table.cellText(row, i, ReportTable::CellStyle::Plain);
        cells.push_back(r);
    };
    for (const QVariantList &row : table.rows)
        addRow(row);
    const bool totals = table.showTotals && !table.rows.empty();
    if (totals)
        addRow(table.totalsRow());
    std::vector<int> width(table.columns.size(), 0);
    for (const QStringList &r : cells)
        for (std::size_t i = 0; i < table.columns.size(); ++i)
            width[i] = std::max(width[i], int(r.value(qsizetype(i)).size()));
    QStringList out{table.title};
    if (table.rows.empty())
        return out << oasis::printing::tr("Nothing in this period.");
    for (std::size_t n = 0; n < cells.size(); ++n) {
        const QStringList &r = cells[n];
        if (totals && n + 1 == cells.size()) {
            int all = 0;
            for (int w : width)
                all += w + 2;
            out << QString(std::max(all - 2, 0), u'-');
        }
        QString line;
        for (std::size_t i = 0; i < table.columns.size(); ++i) {
            const bool right = table.columns[i].kind != ReportTable::Kind::Text;
            line += (right ? r.value(qsizetype(i)).rightJustified(width[i])
                           : r.value(qsizetype(i)).leftJustified(width[i])) +
                    QStringLiteral("  ");
        }
        out << line.trimmed();
    }
    return out;
}

} // namespace oasis::printing
