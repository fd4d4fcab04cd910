// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/domain/payment.h"

#include "core/domain/giftcode.h"
#include "core/domain/translate.h"

#include <QRegularExpression>

#include <algorithm>

namespace oasis {

Result<TenderPlan> planTenders(Money total, Money giftCardLines, const std::vector<Tender> &tenders,
                               const std::vector<Money> &giftBalances) {
    TenderPlan plan;
    plan.applied.resize(tenders.size());
    Money nonCash;
    Money giftTotal;
    std::size_t giftIndex = 0;
    std::vector<std::size_t> giftOpen; // gift tenders without an amount: filled in a second pass
    for (std::size_t i = 0; i < tenders.size(); ++i) {
        const Tender &t = tenders[i];
        AppliedTender &a = plan.applied[i];
        a.type = t.type;
        a.cardLast4 = t.cardLast4;
        a.authCode = t.authCode;
        if (t.type == TenderType::Card || t.type == TenderType::Voucher ||
            t.type == TenderType::Package) {
            // A voucher's amount is what it covers, settled by the sale before planning.
            a.amount = t.amount;
            nonCash += t.amount;
        } else if (t.type == TenderType::Gift) {
            const Money balance = giftBalances.at(giftIndex++);
            a.giftCardBalance = balance;
            if (!t.amountGiven) {
                giftOpen.push_back(i);
                continue;
            }
            if (t.amount > balance)
                return fail(ErrorCode::Refused,
                            oasis::tr("The gift card holds only %1, less than the %2 asked.")
                                .arg(balance.format(), t.amount.format()));
            a.amount = t.amount;
            nonCash += t.amount;
            giftTotal += t.amount;
        }
    }
    const Money giftAllowed = total - giftCardLines;
    for (std::size_t i : giftOpen) {
        AppliedTender &a = plan.applied[i];
        const Money room = min(total - nonCash, giftAllowed - giftTotal);
        a.amount = min(a.giftCardBalance, max(room, Money()));
        if (a.giftCardBalance.isZero())
            return fail(ErrorCode::Refused, oasis::tr("The gift card has no balance left."));
        if (a.amount.isZero())
            return fail(ErrorCode::Refused, oasis::tr("Nothing is left for the gift card to pay."));
        nonCash += a.amount;
        giftTotal += a.amount;
    }
    if (giftTotal > giftAllowed)
        return fail(
            ErrorCode::Refused,
            oasis::tr("A gift card cannot pay for a gift card: gift cards may pay at most %1 of "
                      "this ticket.")
                .arg(max(giftAllowed, Money()).format()));
    if (nonCash > total)
        return fail(
            ErrorCode::Refused,
            oasis::tr("Card and gift-card tenders add up to %1, more than the %2 due: only cash "
                      "can be over-tendered.")
                .arg(nonCash.format(), total.format()));
    Money due = total - nonCash;
    Money cashGiven;
    for (std::size_t i = 0; i < tenders.size(); ++i) {
        if (tenders[i].type != TenderType::Cash)
            continue;
        AppliedTender &a = plan.applied[i];
        a.tendered = tenders[i].amount;
        a.amount = min(tenders[i].amount, due);
        due -= a.amount;
        cashGiven += tenders[i].amount;
    }
    if (due > Money())
        return fail(ErrorCode::Refused,
                    oasis::tr("%1 is still due: the tenders cover only %2 of %3.")
                        .arg(due.format(), (total - due).format(), total.format()));
    plan.change = cashGiven - (total - nonCash);
    for (const AppliedTender &a : plan.applied)
        Q_ASSERT(!a.amount.isNegative());
    return plan;
}

Payment::Payment(Money due, Money giftCardLines)
    : m_due(due)
    , m_giftCardLines(giftCardLines) {}

Money Payment::paid() const {
    Money sum;
    for (const Tender &t : m_tenders)
        sum += t.amount;
    return sum;
}

Money Payment::remaining() const {
    return max(m_due - paid(), Money());
}

Money Payment::change() const {
    return max(paid() - m_due, Money());
}

Money Payment::giftRoom() const {
    Money gifts;
    for (const Tender &t : m_tenders)
        if (t.type == TenderType::Gift)
            gifts += t.amount;
    return max(min(m_due - m_giftCardLines - gifts, remaining()), Money());
}

Tender Payment::cash(Money amount) {
    Tender t;
    t.type = TenderType::Cash;
    t.amount = amount;
    return t;
}

Tender Payment::card(Money amount, const QString &last4, const QString &authCode) {
    Tender t;
    t.type = TenderType::Card;
    t.amount = amount;
    t.cardLast4 = last4.trimmed();
    t.authCode = authCode.trimmed().toUpper();
    return t;
}

namespace {
/// The next multiple of `step` cents at or above `amount`.
Money roundUp(Money amount, qint64 step) {
    const qint64 c = amount.cents();
    return Money::fromCents(((c + step - 1) / step) * step);
}

bool sameGiftCard(const QString &a, const QString &b) {
    const giftcode::Parsed pa = giftcode::parse(a);
    const giftcode::Parsed pb = giftcode::parse(b);
    return pa.status == giftcode::Parse::Ok && pb.status == giftcode::Parse::Ok &&
           pa.canonical == pb.canonical;
}
} // namespace

Status Payment::add(const Tender &tender) {
    if (tender.amount <= Money())
        return fail(ErrorCode::Invalid, oasis::tr("Enter an amount above zero."));
    if (isCovered())
        return fail(ErrorCode::Refused, oasis::tr("The ticket is paid in full."));
    if (tender.type != TenderType::Cash && tender.amount > remaining())
        return fail(ErrorCode::Refused,
                    oasis::tr("Only cash can be more than what is left to pay (%1).")
                        .arg(remaining().format()));
    if (tender.type == TenderType::Card) {
        static const QRegularExpression four(QStringLiteral("^[0-9]{4}$"));
        if (!four.match(tender.cardLast4).hasMatch())
            return fail(ErrorCode::Invalid,
                        oasis::tr("Enter the last 4 digits of the card, as the terminal shows "
                                  "them."));
    }
    if (tender.type == TenderType::Gift) {
        for (const Tender &t : m_tenders)
            if (t.type == TenderType::Gift && sameGiftCard(t.giftCode, tender.giftCode))
                return fail(ErrorCode::Refused, oasis::tr("This gift card is already applied."));
        if (tender.amount > giftRoom())
            return fail(ErrorCode::Refused,
                        oasis::tr("A gift card cannot pay for a gift card: it may pay at most %1 "
                                  "here.")
                            .arg(giftRoom().format()));
    }
    m_tenders.push_back(tender);
    return {};
}

Result<Tender> Payment::giftTender(const QString &code, Money balance) const {
    for (const Tender &t : m_tenders)
        if (t.type == TenderType::Gift && sameGiftCard(t.giftCode, code))
            return fail(ErrorCode::Refused, oasis::tr("This gift card is already applied."));
    if (balance.isZero())
        return fail(ErrorCode::Refused, oasis::tr("The gift card has no balance left."));
    const Money amount = min(balance, giftRoom());
    if (amount.isZero())
        return fail(ErrorCode::Refused, oasis::tr("Nothing is left for the gift card to pay."));
    const giftcode::Parsed parsed = giftcode::parse(code);
    Tender t;
    t.type = TenderType::Gift;
    t.amount = amount;
    t.amountGiven = true;
    t.giftCode = parsed.status == giftcode::Parse::Ok ? parsed.canonical : code;
    return t;
}

void Payment::remove(int index) {
    if (index >= 0 && index < int(m_tenders.size()))
        m_tenders.erase(m_tenders.begin() + index);
}

std::vector<Money> Payment::quickCash() const {
    const Money left = remaining();
    if (left.isZero())
        return {};
    std::vector<Money> amounts{left};
    for (qint64 step : {500, 1000, 2000, 5000, 10000}) {
        const Money m = roundUp(left, step);
        if (std::find(amounts.begin(), amounts.end(), m) == amounts.end())
            amounts.push_back(m);
    }
    return amounts;
}

Result<TenderPlan> Payment::plan(const std::vector<Money> &giftBalances) const {
    return planTenders(m_due, m_giftCardLines, m_tenders, giftBalances);
}

} // namespace oasis
