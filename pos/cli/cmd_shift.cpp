// SPDX-License-Identifier: GPL-3.0-or-later
// The shift commands of oasisctl: open with a float, pay in and out, status, close with a count.
#include "pos/cli/context.h"

#include "core/services/shift.h"
#include "pos/cli/translate.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace oasis::cli {

namespace {
Result<Money> amountArgument(Context &ctx, const QString &what) {
    auto text = ctx.takeArgument(what);
    if (!text)
        return std::unexpected(text.error());
    auto amount = Money::parse(*text);
    if (!amount)
        return fail(ErrorCode::Invalid,
                    oasis::cli::tr("%1: %2").arg(*text, amount.error().message));
    return amount;
}

QJsonObject drawerJson(const DrawerSummary &d) {
    QJsonArray moves;
    for (const CashMovement &m : d.movements)
        moves.append(QJsonObject{
            {QStringLiteral("kind"), m.payIn ? QStringLiteral("payin") : QStringLiteral("payout")},
            {QStringLiteral("amount_cents"), m.amount.cents()},
            {QStringLiteral("reason"), m.reason},
            {QStringLiteral("staff"), m.staff}});
    return {{QStringLiteral("shift_id"), d.shift.id},
            {QStringLiteral("register"), d.shift.registerId},
            {QStringLiteral("opened_by"), d.shift.openedBy},
            {QStringLiteral("float_cents"), d.openingFloat.cents()},
            {QStringLiteral("cash_sales_cents"), d.cashSales.cents()},
            {QStringLiteral("cash_refunds_cents"), d.cashRefunds.cents()},
            {QStringLiteral("payin_cents"), d.payIns.cents()},
            {QStringLiteral("payout_cents"), d.payOuts.cents()},
            {QStringLiteral("expected_cents"), d.expected.cents()},
            {QStringLiteral("sales_count"), d.salesCount},
            {QStringLiteral("movements"), moves}};
}

QStringList drawerText(const DrawerSummary &d) {
    return {
        oasis::cli::tr("Shift %1 on register %2, opened by %3")
            .arg(d.shift.id)
            .arg(d.shift.registerId, d.shift.openedBy),
        oasis::cli::tr("  float         %1").arg(d.openingFloat.format()),
        oasis::cli::tr("  cash sales    %1 (%2 sales)").arg(d.cashSales.format()).arg(d.salesCount),
        oasis::cli::tr("  cash refunds  %1").arg((-d.cashRefunds).format()),
        oasis::cli::tr("  pay-ins       %1").arg(d.payIns.format()),
        oasis::cli::tr("  pay-outs      %1").arg((-d.payOuts).format()),
        oasis::cli::tr("  expected      %1").arg(d.expected.format())};
}

Status cmdShift(Context &ctx) {
    auto sub =
        ctx.takeArgument(oasis::cli::tr("a shift command (open, payin, payout, status, close)"));
    if (!sub)
        return std::unexpected(sub.error());
    auto db = ctx.database();
    if (!db)
        return std::unexpected(db.error());
    Database &d = **db;
    ShiftService shifts(d);

    if (*sub == QLatin1String("status")) {
        if (auto ok = ctx.noMoreOptions(); !ok)
            return ok;
        auto who = ctx.login();
        if (!who)
            return std::unexpected(who.error());
        auto summary = shifts.summary();
        if (!summary)
            return std::unexpected(summary.error());
        ctx.emit(drawerJson(*summary), drawerText(*summary));
        return {};
    }
    if (*sub == QLatin1String("open") || *sub == QLatin1String("close")) {
        const bool open = *sub == QLatin1String("open");
        auto amount = amountArgument(ctx, open ? oasis::cli::tr("the counted FLOAT")
                                               : oasis::cli::tr("the COUNTED drawer"));
        if (!amount)
            return std::unexpected(amount.error());
        if (auto ok = ctx.noMoreArguments(); !ok)
            return ok;
        auto who = ctx.login();
        if (!who)
            return std::unexpected(who.error());
        if (open) {
            auto shift = shifts.open(*amount, *who);
            if (!shift)
                return std::unexpected(shift.error());
            ctx.emit({{QStringLiteral("shift_id"), shift->id},
                      {QStringLiteral("register"), shift->registerId},
                      {QStringLiteral("float_cents"), shift->openingFloat.cents()},
                      {QStringLiteral("opened_by"), shift->openedBy}},
                     {oasis::cli::tr("Shift %1 opened on register %2 with a float of %3.")
                          .arg(shift->id)
                          .arg(shift->registerId, shift->openingFloat.format())});
            return {};
        }
        auto a = ctx.approver();
        if (!a)
            return std::unexpected(a.error());
        auto closed = shifts.close(*amount, *who, *a);
        if (!closed)
            return std::unexpected(closed.error());
        QJsonObject json = drawerJson(closed->summary);
        json.insert(QStringLiteral("counted_cents"), closed->counted.cents());
        json.insert(QStringLiteral("over_short_cents"), closed->overShort.cents());
        QStringList text = drawerText(closed->summary);
        text << oasis::cli::tr("  counted       %1").arg(closed->counted.format())
             << (closed->overShort.isZero() ? oasis::cli::tr("  the drawer is exact")
                 : closed->overShort.isNegative()
                     ? oasis::cli::tr("  SHORT         %1").arg((-closed->overShort).format())
                     : oasis::cli::tr("  OVER          %1").arg(closed->overShort.format()))
             << oasis::cli::tr("Shift %1 is closed.").arg(closed->summary.shift.id);
        ctx.emit(json, text);
        return {};
    }
    if (*sub == QLatin1String("payin") || *sub == QLatin1String("payout")) {
        const bool in = *sub == QLatin1String("payin");
        const auto reason = ctx.takeOption(QStringLiteral("reason"));
        auto amount = amountArgument(ctx, oasis::cli::tr("the AMOUNT"));
        if (!amount)
            return std::unexpected(amount.error());
        if (auto ok = ctx.noMoreOptions(); !ok)
            return ok;
        if (!reason || reason->trimmed().isEmpty())
            return fail(ErrorCode::Invalid,
                        oasis::cli::tr("shift %1 needs --reason R (e.g. \"tip paid out to lena\").")
                            .arg(*sub));
        auto who = ctx.login();
        if (!who)
            return std::unexpected(who.error());
        auto a = ctx.approver();
        if (!a)
            return std::unexpected(a.error());
        auto moved = in ? shifts.payIn(*amount, *reason, *who, *a)
                        : shifts.payOut(*amount, *reason, *who, *a);
        if (!moved)
            return std::unexpected(moved.error());
        auto summary = shifts.summaryOf(moved->shiftId);
        if (!summary)
            return std::unexpected(summary.error());
        ctx.emit(
            {{QStringLiteral("movement_id"), moved->id},
             {QStringLiteral("shift_id"), moved->shiftId},
             {QStringLiteral("kind"), *sub},
             {QStringLiteral("amount_cents"), moved->amount.cents()},
             {QStringLiteral("reason"), moved->reason},
             {QStringLiteral("expected_cents"), summary->expected.cents()}},
            {(in ? oasis::cli::tr("Paid in %1: %2.") : oasis::cli::tr("Paid out %1: %2."))
                 .arg(moved->amount.format(), moved->reason),
             oasis::cli::tr("The drawer should now hold %1.").arg(summary->expected.format())});
        return {};
    }
    return fail(ErrorCode::Invalid, oasis::cli::tr("Unknown shift command %1.").arg(*sub));
}

} // namespace

std::vector<Command> shiftCommands() {
    return {{"shift", cmdShift,
             "shift open FLOAT | payin AMOUNT --reason R | payout AMOUNT --reason R | status | "
             "close COUNTED"}};
}

} // namespace oasis::cli
