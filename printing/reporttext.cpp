// SPDX-License-Identifier: GPL-3.0-or-later
#include "printing/reporttext.h"

#include "core/domain/clock.h"
#include "core/services/report.h"
#include "printing/translate.h"

#include <QCoreApplication>

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

QStringList periodReportText(const PeriodReport &r, const QTimeZone &zone, int columns) {
    const QString rule(columns, u'-');
    auto money = [](Money m) { return m.format(); };
    QStringList t;
    t << centred(r.isZ ? oasis::printing::tr("Z REPORT #%1").arg(r.zNumber)
                       : oasis::printing::tr("X REPORT (not a close)"),
                 columns);
    if (!r.isZ)
        t << centred(oasis::printing::tr("next Z will be #%1").arg(r.zNumber), columns);
    t << padPair(oasis::printing::tr("Business day"), r.businessDate.toString(Qt::ISODate), columns)
      << padPair(oasis::printing::tr("Printed"), storeTimeText(r.closedAt, zone), columns);
    if (r.periodStart.isValid())
        t << padPair(oasis::printing::tr("Since"), storeTimeText(r.periodStart, zone), columns);
    if (!r.staff.isEmpty())
        t << padPair(oasis::printing::tr("By"), r.staff, columns);
    if (r.firstReceipt > 0)
        t << padPair(oasis::printing::tr("Receipts"),
                     QStringLiteral("%1 - %2").arg(r.firstReceipt).arg(r.lastReceipt), columns);
    t << rule;
    if (r.onSales.present) {
        // Each line follows from the ones above it; refunds and voids come off what the sales
        // collected, once.
        const PeriodReport::OnSales &s = r.onSales;
        t << oasis::printing::tr("Sales (%1)").arg(r.salesCount)
          << padPair(oasis::printing::tr("  Gross sales"), money(s.gross), columns)
          << padPair(oasis::printing::tr("  Discounts"), money(-s.discounts), columns)
          << padPair(oasis::printing::tr("  Net sales"), money(s.net), columns)
          << padPair(oasis::printing::tr("  Tax"), money(s.tax), columns)
          << padPair(oasis::printing::tr("  Tips"), money(s.tips), columns)
          << padPair(oasis::printing::tr("  Gift cards sold (owed)"), money(s.giftCards), columns)
          << padPair(oasis::printing::tr("  Collected on sales"), money(s.collected), columns);
    } else { // a Z saved before the sales were set apart, as it was printed then
        t << padPair(oasis::printing::tr("Sales"), QString::number(r.salesCount), columns)
          << padPair(oasis::printing::tr("Gross"), money(r.gross), columns)
          << padPair(oasis::printing::tr("Discounts"), money(-r.discounts), columns)
          << padPair(oasis::printing::tr("Tax"), money(r.tax), columns)
          << padPair(oasis::printing::tr("Tips"), money(r.tips), columns);
    }
    t << padPair(oasis::printing::tr("Refunds (%1)").arg(r.refundsCount), money(-r.refunds),
                 columns)
      << padPair(oasis::printing::tr("Voids (%1)").arg(r.voidsCount), money(-r.voids), columns)
      << padPair(oasis::printing::tr("PERIOD TOTAL"), money(r.total), columns)
      << padPair(oasis::printing::tr("GRAND TOTAL"), money(r.grandTotal), columns) << rule
      << oasis::printing::tr("Tenders");
    for (const auto &[type, amount] : r.tenders)
        t << padPair(QStringLiteral("  ") + type, money(amount), columns);
    // Gift cards are owed, not sold: no taxable base.
    t << oasis::printing::tr("Tax by class, net of refunds");
    for (const auto &[cls, amount] : r.taxByClass)
        if (cls != QLatin1String("giftcard"))
            t << padPair(QStringLiteral("  %1 on %2")
                             .arg(cls, money(r.taxBaseByClass.count(cls) ? r.taxBaseByClass.at(cls)
                                                                         : Money())),
                         money(amount), columns);
    auto section = [&](const QString &title, const std::vector<ReportLine> &lines) {
        t << rule << title;
        for (const ReportLine &l : lines)
            t << padPair(
                QStringLiteral("  %1 x%2").arg(l.name.isEmpty() ? l.key : l.name).arg(l.quantity),
                money(l.net), columns);
    };
    section(oasis::printing::tr("By category"), r.byCategory);
    section(oasis::printing::tr("By item"), r.byItem);
    section(oasis::printing::tr("By cashier"), r.byStaff);
    section(oasis::printing::tr("Sessions by therapist"), r.byTherapist);
    section(oasis::printing::tr("Tips by therapist"), r.tipsByTherapist);
    t << rule << oasis::printing::tr("Gift cards")
      << padPair(oasis::printing::tr("  sold (%1)").arg(r.giftCardsSoldCount),
                 money(r.giftCardsSold), columns)
      << padPair(oasis::printing::tr("  redeemed"), money(r.giftCardsRedeemed), columns)
      << padPair(oasis::printing::tr("  cashed out"), money(r.giftCardsCashedOut), columns)
      << padPair(oasis::printing::tr("  outstanding (liability)"), money(r.giftCardsOutstanding),
                 columns)
      << rule << padPair(oasis::printing::tr("Drawer pay-ins"), money(r.payIns), columns)
      << padPair(oasis::printing::tr("Drawer pay-outs"), money(r.payOuts), columns) << rule
      << oasis::printing::tr("Journal entry %1").arg(r.journalSeq);
    for (qsizetype i = 0; i < r.journalHash.size(); i += columns)
        t << r.journalHash.mid(i, columns);
    return t;
}

QStringList reportTableText(const ReportTable &table) {
    std::vector<QStringList> cells{table.headers()};
    for (const QVariantList &row : table.rows) {
        QStringList r;
        for (std::size_t i = 0; i < table.columns.size(); ++i)
            r << table.cellText(row, i, ReportTable::CellStyle::Plain);
        cells.push_back(r);
    }
    std::vector<int> width(table.columns.size(), 0);
    for (const QStringList &r : cells)
        for (std::size_t i = 0; i < table.columns.size(); ++i)
            width[i] = std::max(width[i], int(r.value(qsizetype(i)).size()));
    QStringList out{table.title};
    for (const QStringList &r : cells) {
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
