// SPDX-License-Identifier: GPL-3.0-or-later
// X and Z reports of the period since the last Z, and reports over a range of business dates.
#pragma once

#include "core/domain/money.h"
#include "core/services/staff.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QStringList>
#include <QVariantList>

#include <array>
#include <map>
#include <optional>
#include <vector>

namespace oasis {

class Database;
struct ReportTable;

/// One row of a breakdown (by item, category, cashier or therapist). Refunds and voids count
/// negative, so a row is what the period really sold.
struct ReportLine {
    QString key;  ///< code, category, login name
    QString name; ///< what a person reads
    qint64 quantity = 0;
    Money net; ///< after discounts, before tax
    Money tax;
};

/// The numbers of one period: everything since the previous Z (an X shows them at any time; a
/// Z fixes them for ever under a gap-free number).
struct PeriodReport {
    bool isZ = false;
    qint64 zNumber = 0;    ///< a Z's number; for an X, the number the next Z will take
    QDateTime periodStart; ///< the previous Z's closing time (invalid before the first Z)
    QDateTime closedAt;    ///< when the report was made
    QDate businessDate;    ///< the business day it closes (store time)
    QString staff;
    qint64 firstSaleId = 0; ///< 0 when the period has no sales
    qint64 lastSaleId = 0;
    qint64 firstReceipt = 0;
    qint64 lastReceipt = 0;
    /// The receipts of the period, one range per receipt series ("R-000001 - R-000042").
    QStringList receiptRanges;
    qint64 lastGiftCardActivityId = 0;
    qint64 lastCashMovementId = 0;

    qint64 salesCount = 0; ///< completed sales (not refunds or voids)
    qint64 refundsCount = 0;
    qint64 voidsCount = 0;
    Money gross;     ///< subtotal of everything rung up, refunds and voids negative
    Money discounts; ///< given (positive), less what refunds took back
    Money tax;
    Money tips;
    Money refunds;    ///< paid back on refunds (positive)
    Money voids;      ///< reversed by voids (positive)
    Money total;      ///< the period total: what customers paid, net of refunds and voids
    Money grandTotal; ///< perpetual: the previous Z's grand total plus this period's total

    /// The period's completed sales alone (refunds and voids come after them), so that each
    /// line follows from the ones above: gross - discounts = net sales; net sales + tax + tips +
    /// gift cards sold = collected; collected - refunds - voids = the period total. Gift cards
    /// sold are a liability, not sales. Absent from a Z saved before 2026-12-05, which is
    /// reprinted as it was printed then.
    struct OnSales {
        bool present = false;
        Money gross;     ///< services and retail at their prices, before discounts
        Money discounts; ///< line and ticket discounts given
        Money net;       ///< net sales: gross less discounts
        Money tax;
        Money tips;
        Money giftCards; ///< gift cards sold or reloaded on the tickets
        Money collected; ///< what the sales charged: net + tax + tips + gift cards
    } onSales;

    std::vector<ReportLine> byCategory;
    std::vector<ReportLine> byItem;
    std::vector<ReportLine> byStaff;     ///< items and sessions rung up by each cashier
    std::vector<ReportLine> byTherapist; ///< sessions performed: quantity and net
    std::vector<ReportLine> tipsByTherapist;
    std::map<QString, Money> taxBaseByClass;
    std::map<QString, Money> taxByClass;
    std::map<QString, Money> tenders; ///< cash, card, gift → applied amount

    qint64 giftCardsSoldCount = 0;
    Money giftCardsSold;     ///< activated or loaded on tickets (liability, not revenue)
    Money giftCardsRedeemed; ///< paid with gift cards
    /// Of which promotional value (spent on the period's sales, less what refunds gave back):
    /// never a liability (PromoLedger).
    Money giftCardsPromo;
    Money giftCardsCashedOut;
    Money giftCardsOutstanding; ///< the whole liability when the report was made

    Money payIns; ///< drawer pay-ins and pay-outs of the period (all registers)
    Money payOuts;
    /// The drawers (shifts) closed in the period: the cash they should have held and what was
    /// counted (over or short is the difference).
    qint64 drawersClosed = 0;
    Money drawerExpected;
    Money drawerCounted;

    qint64 journalSeq = 0; ///< the journal's head when the report was made
    QString journalHash;

    QJsonObject toJson() const;
    static PeriodReport fromJson(const QJsonObject &json);
    /// Every figure as rows (section, key, name, quantity, amount) for a CSV export.
    ReportTable toTable() const;
};

/// A saved Z, as listed.
struct ZSummary {
    qint64 zNumber = 0;
    QDateTime closedAt;
    QString staff;
    Money periodTotal;
    Money grandTotal;
};

/// A report over a range of dates: columns and rows, exportable as CSV for the accountant.
struct ReportTable {
    /// Percent cells hold parts per million (10.55 % is 105'500); their key ends in _ppm.
    enum class Kind { Text, Count, Money, Percent };
    struct Column {
        QString key;    ///< JSON field (money columns end in _cents)
        QString header; ///< CSV header and screen title
        Kind kind = Kind::Text;
        bool totalled = true; ///< a count or money column the totals row sums
    };
    QString title;
    std::vector<Column> columns;
    std::vector<QVariantList> rows; ///< Text: QString; Count: qint64; Money: cents as qint64

    /// RFC 4180 CSV with a header row; money as dollars (`24.00`).
    QByteArray toCsv() const;
    /// {"title": ..., "rows": [{key: value, ...}]}.
    QJsonObject toJson() const;
    /// The column headers, in order.
    QStringList headers() const;
    /// How a cell reads: Plain for CSV and terminals (`24.00`), Display for screens (`$24.00`).
    /// Every presentation of a table (CSV, oasisctl's text, the Reports screen) takes its cells
    /// from here; printing/reporttext.h lays them out as text.
    enum class CellStyle { Plain, Display };
    QString cellText(const QVariantList &row, std::size_t column, CellStyle style) const;
    /// Sum of a money or count column.
    qint64 sum(const QString &key) const;

    /// Screens and text show a totals row under the rows (CSV and JSON carry the rows alone).
    bool showTotals = false;
    /// The totals row: "Total" in the first column, the sum of each money and count column,
    /// other columns empty. Meaningful only when showTotals is set.
    QVariantList totalsRow() const;
};

/// What a sales table is grouped by.
enum class SalesBy { Category, Staff, Therapist, Item };

/// Gift cards with money on them and no ledger activity for a year or more at a date, for the
/// accountant's breakage decision (Washington does not take unclaimed gift-card money, but the
/// books must say how old it is).
struct GiftCardAging {
    QDate asOf;
    Money outstanding;  ///< everything owed at the end of asOf
    Money recent;       ///< owed on cards with activity in the last 12 months
    Money months12to24; ///< owed on cards idle 12 to 24 months
    Money months24to36;
    Money over36;
    qint64 cards12to24 = 0;
    qint64 cards24to36 = 0;
    qint64 cardsOver36 = 0;
    /// One row per idle card (last 4 only), oldest first.
    ReportTable cards;
};

/// The gift-card liability of a range of dates: what was owed at its start, what moved, what
/// is owed at its end, and the cards that moved. Totals come from the daily rollup, so the
/// report reads a few thousand small rows whatever the number of cards.
struct GiftCardLiability {
    QDate from;
    QDate to;
    Money opening; ///< owed at the start of `from` (store time)
    Money sold;    ///< activated and loaded
    Money redeemed;
    Money other;   ///< refunds to cards, cash-outs, replacements, adjustments (signed)
    Money closing; ///< owed at the end of `to`: opening + sold − redeemed + other
    /// Promotional value, kept apart from the liability (never owed): outstanding at the start
    /// of `from`, granted (less what voids took back), spent (less what refunds gave back),
    /// expired (value whose last day fell in the range) and outstanding at the end of `to`
    /// (opening + granted − spent − expired).
    struct Promo {
        Money opening;
        Money granted;
        Money spent;
        Money expired;
        Money closing;
    } promo;
    qint64 cardsActivated = 0;
    qint64 soldEntries = 0;  ///< activations and reloads in the range
    qint64 redemptions = 0;  ///< redemption entries in the range
    qint64 otherEntries = 0; ///< refunds, cash-outs, replacements, adjustments in the range
    /// Per card that moved in the range (last 4 only), with its balance at the end of `to`;
    /// the same columns as ReportService::giftCards().
    ReportTable cards;
};

/// Session packages over a range of dates (DESIGN §15): deferred revenue until a session is
/// used, recognised then at the package's per-session price; unused sessions refunded pro rata.
struct PackageLiability {
    QDate from;
    QDate to;
    Money opening;        ///< owed (deferred) at the start of `from` (store time)
    Money sold;           ///< paid for packages sold in the range
    Money recognised;     ///< revenue recognised: the per-session prices of sessions used in it
    Money refunded;       ///< paid back for unused sessions in the range
    Money closing;        ///< owed at the end of `to`: opening + sold − recognised − refunded
    qint64 soldCount = 0; ///< packages sold
    qint64 soldSessions = 0;        ///< sessions in them
    qint64 usedSessions = 0;        ///< sessions used in the range
    qint64 refundedSessions = 0;    ///< sessions refunded in the range
    qint64 outstandingSessions = 0; ///< sessions left at the end of `to`
    /// Per package (last 4 only) sold or moved in the range, or with sessions left at its end.
    ReportTable packages;
};

/// Service vouchers over a range of dates (DESIGN §15): what was owed on them at its start and
/// end, and why it moved. A voucher is owed at what was paid for it, whatever its session costs
/// now; a redemption or a refund releases exactly that.
struct VoucherLiability {
    QDate from;
    QDate to;
    Money opening;  ///< owed at the start of `from` (store time)
    Money sold;     ///< paid for vouchers sold in the range
    Money redeemed; ///< released by vouchers redeemed in the range (what was paid for them)
    Money covered;  ///< what those redemptions paid of their sessions (the prices then)
    Money voided;   ///< released by vouchers refunded in the range
    Money closing;  ///< owed at the end of `to`: opening + sold − redeemed − voided
    qint64 soldCount = 0;
    qint64 redeemedCount = 0;
    qint64 voidedCount = 0;
    qint64 outstandingCount = 0; ///< not redeemed or voided at the end of `to`
    /// Per voucher (last 4 only) sold or ended in the range, or still owed at its end.
    ReportTable vouchers;
};

/// One kind of prepaid value over a range of dates, as the prepaid report puts the kinds side
/// by side (DESIGN §15). Each figure is the one that kind's own report gives for the range
/// (giftCardLiability, vouchers, packages): the same computation, not a second one.
struct PrepaidKind {
    QString kind;  ///< giftcard, voucher or package
    Money opening; ///< owed at the start of `from`
    Money sold;
    Money redeemed; ///< released by redemptions: cards spent, vouchers and sessions used
    /// Refunds, cash-outs, replacements and adjustments, signed as they move what is owed (a
    /// refunded voucher or package session is negative): closing = opening + sold − redeemed +
    /// other.
    Money other;
    Money closing;    ///< owed at the end of `to`
    Money recognised; ///< revenue the redemptions recognised (vouchers and packages; 0 for cards)
    /// Counts, in the kind's own unit: gift cards count ledger entries sold (activations and
    /// reloads), redemptions, other entries and the cards owing something at the end; vouchers
    /// count vouchers; packages count sessions (sold in packages, used, refunded, left).
    qint64 soldCount = 0;
    qint64 redeemedCount = 0;
    qint64 otherCount = 0;
    qint64 outstandingCount = 0;
};

/// What the spa owes on everything prepaid (issue 22 item 5): money cards (paid value only),
/// service vouchers and session packages, each kind's opening, sales, redemptions, other
/// movements and closing over a range, their total, the revenue that voucher and package
/// redemptions recognised in it, and the promotional value on cards kept apart (never owed).
struct PrepaidLiability {
    QDate from;
    QDate to;
    std::vector<PrepaidKind> kinds; ///< giftcard, voucher, package, in that order
    PrepaidKind total;              ///< the money columns summed (counts are per kind only)
    Money recognised;               ///< vouchers' and packages' redemptions in the range
    Money promoOutstanding;         ///< promotional value on cards at the end of `to`, not owed
    /// One row per kind and a totals row, for the screen, the text and the CSV.
    ReportTable table;
};

/// Reports. Everything is read with indexed aggregates (business_date, sale ids), so ranges
/// over hundreds of thousands of sales stay quick.
class ReportService final {
public:
    explicit ReportService(Database &db)
        : m_db(db) {}

    /// The current period (since the last Z), changing nothing.
    Result<PeriodReport> x() const;
    /// Closes the business day: refuses while a shift is open on any register; otherwise
    /// numbers, stores and journals the period's report in one transaction.
    /// A manager or owner closes the day; another role needs an approver who may.
    Result<PeriodReport> z(const StaffMember &staff,
                           const std::optional<StaffMember> &approver = std::nullopt);
    Result<std::vector<ZSummary>> zReports() const;
    Result<PeriodReport> loadZ(qint64 zNumber) const;

    // --- by business date, both ends inclusive ----------------------------------------
    /// Sales by item: salesBy(SalesBy::Item), read from every line of the range.
    Result<ReportTable> salesByItem(QDate from, QDate to) const;
    Result<ReportTable> tax(QDate from, QDate to) const;
    /// The therapists' sessions and tips: salesBy(SalesBy::Therapist).
    Result<ReportTable> tips(QDate from, QDate to) const;
    /// Per card (last 4 only): sold, redeemed and the outstanding balance at the end of `to`,
    /// for every card that moved in the range or still owes something: the export.
    Result<ReportTable> giftCards(QDate from, QDate to) const;
    /// Opening, sold, redeemed, other and closing liability, and the cards that moved.
    Result<GiftCardLiability> giftCardLiability(QDate from, QDate to) const;
    /// Service vouchers sold, redeemed and refunded in the range, and the liability at its end.
    Result<VoucherLiability> vouchers(QDate from, QDate to) const;
    /// Session packages sold, sessions used and refunded in the range, the revenue recognised
    /// in it, and the deferred revenue (liability) at its end.
    Result<PackageLiability> packages(QDate from, QDate to) const;
    /// The prepaid liability of every kind side by side, from the same figures as
    /// giftCardLiability(), vouchers() and packages() for the same range.
    Result<PrepaidLiability> prepaid(QDate from, QDate to) const;
    /// On-hand and value at cost, now.
    Result<ReportTable> inventory() const;

    // --- the reports a person reads (Reports tab, `oasisctl report sales --by`) -------------
    /// One table per grouping, display names, no empty rows, a totals row: by category (from
    /// the daily rollup), by cashier (with the gift cards they sold, which are not sales), by
    /// therapist (sessions and the tips beside them) or by item.
    Result<ReportTable> salesBy(SalesBy by, QDate from, QDate to) const;
    /// Per therapist: the service sales they performed (net of discounts, refunds and voids
    /// negative), the commission at the service's rate or else the therapist's rate
    /// (CommissionRates), and their tips beside it.
    Result<ReportTable> commission(QDate from, QDate to) const;
    /// Stock taken for treatments and testers: at cost, with the retail sales tax rate in force
    /// on the day of use (Washington's use tax on goods a business consumes).
    Result<ReportTable> useTax(QDate from, QDate to) const;
    /// Gift cards idle 12, 24 and 36 months or more at the end of `asOf` (store time).
    Result<GiftCardAging> giftCardAging(QDate asOf) const;

    // --- the manager's dashboard -----------------------------------------------------------
    Result<std::vector<std::pair<QDate, Money>>> salesPerDay(QDate from, QDate to) const;
    /// Totals by the store's local hour of day (0..23).
    Result<std::array<Money, 24>> salesPerHour(QDate from, QDate to) const;
    /// Sessions (quantity) per therapist's display name.
    Result<std::vector<std::pair<QString, qint64>>> sessionsPerTherapist(QDate from,
                                                                         QDate to) const;

private:
    Result<PeriodReport> compute(qint64 afterSaleId, qint64 afterActivityId,
                                 qint64 afterCashMovementId) const;
    Result<PeriodReport> currentPeriod() const;
    /// UTC bounds [start, end) of business dates from..to in the store's time zone.
    std::pair<QString, QString> utcBounds(QDate from, QDate to) const;
    /// The sums of giftCardLiability(), vouchers() and packages() without their per-card,
    /// per-voucher and per-package tables: the one computation of each kind's figures, which
    /// those reports and prepaid() share.
    Result<GiftCardLiability> giftCardTotals(QDate from, QDate to) const;
    Result<VoucherLiability> voucherTotals(QDate from, QDate to) const;
    Result<PackageLiability> packageTotals(QDate from, QDate to) const;

    Database &m_db;
};

} // namespace oasis
