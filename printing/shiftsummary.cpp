// SPDX-License-Identifier: GPL-3.0-or-later
#include "printing/shiftsummary.h"

#include "core/domain/clock.h"
#include "core/services/shift.h"
#include "printing/translate.h"

namespace oasis::printing {

QString denominationText(qint64 cents) {
    return cents >= 100 ? QStringLiteral("$%1").arg(cents / 100) : QStringLiteral("%1¢").arg(cents);
}

std::vector<ReportRow> shiftSummaryRows(const ShiftClose &c, const QTimeZone &zone) {
    using K = ReportRow::Kind;
    const DrawerSummary &d = c.summary;
    const Shift &s = d.shift;
    std::vector<ReportRow> t;
    auto add = [&t](K kind, const QString &label, const QString &value = {}) {
        t.push_back({kind, label, value});
    };
    add(K::Title, oasis::printing::tr("SHIFT SUMMARY"));
    add(K::Subtitle, oasis::printing::tr("Shift %1, register %2").arg(s.id).arg(s.registerId));
    add(K::Pair, oasis::printing::tr("Opened"), storeTimeText(s.openedAt, zone));
    add(K::Pair, oasis::printing::tr("Opened by"), s.openedByShown);
    if (!s.isOpen()) {
        add(K::Pair, oasis::printing::tr("Closed"), storeTimeText(s.closedAt, zone));
        add(K::Pair, oasis::printing::tr("Closed by"), s.closedByShown);
    }
    add(K::Pair, oasis::printing::tr("Sales on the shift"), QString::number(d.salesCount));
    add(K::Rule, {});
    // Each line follows from the ones above it, as the drawer filled and emptied.
    add(K::Heading, oasis::printing::tr("Cash drawer"));
    add(K::Item, oasis::printing::tr("Opening float"), d.openingFloat.format());
    add(K::Item, oasis::printing::tr("Cash sales"), d.cashSales.format());
    add(K::Item, oasis::printing::tr("Cash refunds"), (-d.cashRefunds).format());
    add(K::Item, oasis::printing::tr("Pay-ins"), d.payIns.format());
    add(K::Item, oasis::printing::tr("Pay-outs"), (-d.payOuts).format());
    add(K::Subtotal, oasis::printing::tr("Expected in drawer"), d.expected.format());
    add(K::Item, oasis::printing::tr("Counted"), c.counted.format());
    add(K::Total,
        c.overShort.isZero()       ? oasis::printing::tr("EXACT")
        : c.overShort.isNegative() ? oasis::printing::tr("SHORT")
                                   : oasis::printing::tr("OVER"),
        c.overShort.format());
    if (!d.movements.empty()) {
        add(K::Rule, {});
        add(K::Heading, oasis::printing::tr("Pay-ins and pay-outs"));
        for (const CashMovement &m : d.movements)
            add(K::Item, oasis::printing::tr("%1, by %2").arg(m.reason, m.staffShown),
                (m.payIn ? m.amount : -m.amount).format());
    }
    if (!c.counts.empty()) {
        add(K::Rule, {});
        add(K::Heading, oasis::printing::tr("Count"));
        // Largest note first, as the drawer is counted.
        for (auto it = c.counts.rbegin(); it != c.counts.rend(); ++it)
            add(K::Item, QStringLiteral("%1 x %2").arg(denominationText(it->first)).arg(it->second),
                (Money::fromCents(it->first) * it->second).format());
        add(K::Subtotal, oasis::printing::tr("Counted"), c.counted.format());
    }
    return t;
}

QStringList shiftSummaryText(const ShiftClose &closed, const QTimeZone &zone, int columns) {
    return reportRowsText(shiftSummaryRows(closed, zone), columns);
}

QString shiftSummaryHtml(const ShiftClose &closed, const QTimeZone &zone) {
    return reportRowsHtml(shiftSummaryRows(closed, zone));
}

Status renderShiftSummaryPdf(const ShiftClose &closed, const QTimeZone &zone, const QString &path) {
    return renderReportRowsPdf(shiftSummaryRows(closed, zone),
                               QStringLiteral("Shift %1 summary").arg(closed.summary.shift.id),
                               path, oasis::printing::tr("shift summary"));
}

} // namespace oasis::printing
