// SPDX-License-Identifier: GPL-3.0-or-later
// The refund the counter previews is the refund that is paid: previewRefund (core, no widgets)
// and RefundService::refund share one arithmetic (refundShare), checked here on awkward splits:
// line and ticket discounts, tax rounded per class, partial quantities refunded in steps.
#include "tests/support/testsupport.h"

#include "core/services/catalog.h"
#include "core/services/refund.h"
#include "core/services/sale.h"

#include <QTimeZone>

using namespace oasis;
using namespace oasis::test;
using namespace Qt::StringLiterals;

namespace {

struct TestStore {
    TempDb tmp{true};
    StaffMember frontdesk, manager, lena;

    TestStore() {
        TestClock::set(QDateTime(QDate(2026, 11, 23), QTime(20, 0), QTimeZone::utc()));
        frontdesk = staffNamed(tmp.db(), u"frontdesk"_s);
        manager = staffNamed(tmp.db(), u"manager"_s);
        lena = staffNamed(tmp.db(), u"lena"_s);
    }
    ~TestStore() { TestClock::set(QDateTime()); }

    CatalogItem item(const QString &code) {
        auto found = value(CatalogService(tmp.db()).findByCode(code));
        REQUIRE(found.has_value());
        return *found;
    }
};

/// Refunds `selection` after previewing it from what refundable() says now; the preview must be
/// the refund to the cent, in all and line by line.
void refundAsPreviewed(TestStore &s, qint64 receiptNo, const std::vector<RefundSelection> &chosen) {
    RefundService refunds(s.tmp.db());
    const auto lines = value(refunds.refundable(receiptNo));
    const RefundPreview preview = previewRefund(lines, chosen);
    const CompletedSale done =
        value(refunds.refund(receiptNo, chosen, false, s.frontdesk, s.manager));
    CHECK(done.totals.total == -preview.amounts.total());
    CHECK(done.totals.subtotal == -preview.amounts.subtotal);
    CHECK(done.totals.discount == -preview.amounts.discount);
    CHECK(done.totals.tax == -preview.amounts.tax);
    CHECK(done.totals.tips == -preview.amounts.tips);
    // Line by line, as the refund receipt stores them.
    const SaleRecord record = value(SaleService(s.tmp.db()).load(done.receiptNo));
    std::size_t written = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (preview.lineAmounts[i].isZero())
            continue;
        REQUIRE(written < record.lines.size());
        const SaleRecord::Line &line = record.lines[written++];
        CHECK(line.code == lines[i].code);
        CHECK(-(line.net + line.tax) == preview.lineAmounts[i]);
    }
    CHECK(written == record.lines.size());
}

} // namespace

TEST_CASE("a refund pays exactly what its preview showed, through awkward splits",
          "[refund][preview]") {
    TestStore s;
    // Seven lavender oils with $1.37 off the line, three arnica oils, a session with Lena and a
    // tip, $9.99 off the ticket: every share has a remainder, and tax rounds once per class.
    Ticket t;
    t.addItem(s.item(u"OIL-LAV-120"_s), 7);
    t.lines.back().lineDiscount = Money::fromCents(1'37);
    t.addItem(s.item(u"OIL-ARN-120"_s), 3);
    t.addItem(s.item(u"DT60"_s), 1, s.lena.id, s.lena.displayName);
    t.addTip(Money::fromCents(17'00), s.lena.id, s.lena.displayName);
    t.discount = value(Discount::parse(u"9.99"_s));
    const CompletedSale sale = value(SaleService(s.tmp.db())
                                         .complete(t,
                                                   {value(Tender::parse(u"card:200:4242"_s)),
                                                    value(Tender::parse(u"cash:300"_s))},
                                                   s.frontdesk, s.manager));
    const auto lines = value(RefundService(s.tmp.db()).refundable(sale.receiptNo));
    REQUIRE(lines.size() == 4);
    const qint64 lavender = lines[0].lineId, arnica = lines[1].lineId, session = lines[2].lineId,
                 tip = lines[3].lineId;

    // Nothing yet: the whole ticket previews as its total.
    std::vector<RefundSelection> everything;
    for (const RefundableLine &l : lines)
        everything.push_back({l.lineId, 0});
    CHECK(previewRefund(lines, everything).amounts.total() == sale.totals.total);

    SECTION("two, then three, then the rest of the lavender; one arnica at a time") {
        refundAsPreviewed(s, sale.receiptNo, {{lavender, 2}, {arnica, 1}});
        refundAsPreviewed(s, sale.receiptNo, {{lavender, 3}});
        refundAsPreviewed(s, sale.receiptNo, {{arnica, 1}, {tip, 0}});
        refundAsPreviewed(s, sale.receiptNo, {{lavender, 0}, {arnica, 0}, {session, 0}});
    }
    SECTION("one unit of each line, then everything left at once") {
        refundAsPreviewed(s, sale.receiptNo, {{lavender, 1}, {arnica, 1}, {session, 1}});
        refundAsPreviewed(s, sale.receiptNo, {});
    }
    // Either way, every cent of the sale came back once.
    const Money refunded = Money::fromCents(
        value(s.tmp->scalar(u"SELECT -SUM(total_cents) FROM sales WHERE kind = 'refund'"_s))
            .toLongLong());
    CHECK(refunded == sale.totals.total);
}
