// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/shift.h"

#include "core/domain/clock.h"
#include "core/domain/text.h"
#include "core/domain/translate.h"
#include "core/services/authorization.h"
#include "core/services/registers.h"
#include "core/services/store.h"
#include "core/storage/database.h"
#include "core/storage/journal.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace oasis {

namespace {
/// For reading: this computer's register when none is named.
QString resolveRegister(const QString &registerId) {
    return registerId.isEmpty() ? Store::registerId() : registerId;
}

const QString kShiftColumns = QStringLiteral(
    "SELECT s.id, s.register_id, s.opened_at, o.name, s.float_cents, s.closed_at, c.name, "
    "s.expected_cents, s.counted_cents, COALESCE(NULLIF(o.display_name, ''), o.name), "
    "COALESCE(NULLIF(c.display_name, ''), c.name) FROM shifts s "
    "JOIN staff o ON o.id = s.opened_by LEFT JOIN staff c ON c.id = s.closed_by ");

Shift shiftFromRow(const Rows &q) {
    Shift s;
    s.id = q.value(0).toLongLong();
    s.registerId = q.value(1).toString();
    s.openedAt = fromStorageTime(q.value(2).toString());
    s.openedBy = q.value(3).toString();
    s.openingFloat = Money::fromCents(q.value(4).toLongLong());
    if (!q.value(5).isNull())
        s.closedAt = fromStorageTime(q.value(5).toString());
    s.closedBy = q.value(6).toString();
    if (!q.value(7).isNull())
        s.expected = Money::fromCents(q.value(7).toLongLong());
    if (!q.value(8).isNull())
        s.counted = Money::fromCents(q.value(8).toLongLong());
    s.openedByShown = q.value(9).toString();
    s.closedByShown = q.value(10).toString();
    return s;
}

} // namespace

const std::vector<qint64> &ShiftService::denominations() {
    static const std::vector<qint64> all = {100'00, 50'00, 20'00, 10'00, 5'00, 2'00,
                                            1'00,   50,    25,    10,    5,    1};
    return all;
}

Result<Money> ShiftService::countDrawer(const DrawerCount &counts) {
    Money total;
    for (const auto &[denomination, count] : counts) {
        if (std::find(denominations().begin(), denominations().end(), denomination) ==
            denominations().end())
            return fail(ErrorCode::Invalid, oasis::tr("%1 is not a US note or coin.")
                                                .arg(Money::fromCents(denomination).format()));
        if (count < 0)
            return fail(ErrorCode::Invalid, oasis::tr("A count cannot be negative."));
        total += Money::fromCents(denomination) * count;
    }
    return total;
}

Result<Shift> ShiftService::byId(qint64 id) const {
    auto q = m_db.exec(kShiftColumns + QStringLiteral("WHERE s.id = ?"), {id});
    if (!q)
        return std::unexpected(q.error());
    if (!q->next())
        return fail(ErrorCode::NotFound, oasis::tr("There is no shift %1.").arg(id));
    return shiftFromRow(*q);
}

Result<std::optional<qint64>> ShiftService::openShiftId(const QString &registerId) const {
    auto shift = m_db.scalar(
        QStringLiteral("SELECT id FROM shifts WHERE register_id = ? AND closed_at IS NULL"),
        {registerId});
    if (!shift)
        return std::unexpected(shift.error());
    if (shift->isNull())
        return std::nullopt;
    return shift->toLongLong();
}

Result<Shift> ShiftService::current(const QString &registerIdIn) const {
    const QString registerId = resolveRegister(registerIdIn);
    auto open = openShiftId(registerId);
    if (!open)
        return std::unexpected(open.error());
    if (!*open)
        return fail(
            ErrorCode::NotFound,
            oasis::tr("No shift is open on register %1: open one with a counted float first.")
                .arg(registerId));
    return byId(**open);
}

QString ShiftService::ticketShiftsQuery() {
    // The open shift and whether the register ever had one, in one statement (one round trip
    // to a store server).
    return QStringLiteral("SELECT MAX(CASE WHEN closed_at IS NULL THEN id END), COUNT(*) FROM "
                          "shifts WHERE register_id = ?");
}

Result<ShiftService::TicketShifts> ShiftService::ticketShifts(const QString &registerId) const {
    auto shifts = m_db.row(ticketShiftsQuery(), {registerId});
    if (!shifts)
        return std::unexpected(shifts.error());
    return TicketShifts::from(shifts->value(0), shifts->value(1));
}

Result<qint64> ShiftService::forTicket(const TicketShifts &shifts, const QString &registerId,
                                       bool isSale, bool paysCashBack) {
    if (shifts.open > 0)
        return shifts.open;
    if ((!isSale && !paysCashBack) || !shifts.ever)
        return 0;
    if (isSale)
        return fail(
            ErrorCode::Refused,
            oasis::tr("No shift is open on register %1: open one with a counted float first.")
                .arg(registerId));
    return fail(
        ErrorCode::Refused,
        oasis::tr("This refund pays cash back from the drawer, and no shift is open on register "
                  "%1: open one with a counted float first.")
            .arg(registerId));
}

Result<std::vector<Shift>> ShiftService::openShifts() const {
    auto q = m_db.exec(kShiftColumns +
                       QStringLiteral("WHERE s.closed_at IS NULL ORDER BY s.register_id"));
    if (!q)
        return std::unexpected(q.error());
    std::vector<Shift> all;
    while (q->next())
        all.push_back(shiftFromRow(*q));
    return all;
}

Result<Shift> ShiftService::open(Money openingFloat, const StaffMember &staff,
                                 const QString &registerIdIn) {
    auto acting = RegisterService(m_db).acting(registerIdIn);
    if (!acting)
        return std::unexpected(acting.error());
    const QString registerId = *acting;
    if (openingFloat.isNegative())
        return fail(ErrorCode::Invalid, oasis::tr("The float cannot be negative."));
    testPoint("shift.open.checked");
    auto tx = beginAuthorized(m_db, Action::CashDrawer, staff, std::nullopt);
    if (!tx)
        return std::unexpected(tx.error());
    // Checked inside the write lock: two logins on one register cannot both open a shift.
    auto existing = openShiftId(registerId);
    if (!existing)
        return std::unexpected(existing.error());
    if (*existing)
        return fail(ErrorCode::Refused,
                    oasis::tr("A shift is already open on register %1 (shift %2): close it first.")
                        .arg(registerId)
                        .arg(**existing));
    auto ins =
        m_db.write(QStringLiteral("INSERT INTO shifts(register_id, opened_at, opened_by, "
                                  "float_cents) VALUES (?, ?, ?, ?)"),
                   {registerId, toStorageTime(Clock::nowUtc()), staff.id, openingFloat.cents()});
    if (!ins)
        return std::unexpected(ins.error());
    const qint64 id = ins->insertId;
    if (auto ok = Journal::append(m_db, staff.name, QStringLiteral("shift_opened"),
                                  {{QStringLiteral("shift"), id},
                                   {QStringLiteral("register"), registerId},
                                   {QStringLiteral("float_cents"), openingFloat.cents()}});
        !ok)
        return std::unexpected(ok.error());
    if (auto ok = tx->commit(); !ok)
        return std::unexpected(ok.error());
    return byId(id);
}

Result<DrawerSummary> ShiftService::summaryOf(qint64 shiftId) const {
    auto shift = byId(shiftId);
    if (!shift)
        return std::unexpected(shift.error());
    DrawerSummary d;
    d.shift = *shift;
    d.openingFloat = shift->openingFloat;
    // Refunds and voids pay cash back whichever sign their rows carry.
    auto cash =
        m_db.exec(QStringLiteral(
                      "SELECT "
                      " COALESCE(SUM(CASE WHEN s.kind = 'sale' THEN t.amount_cents ELSE 0 END), 0),"
                      " COALESCE(SUM(CASE WHEN s.kind = 'sale' THEN 0 ELSE ABS(t.amount_cents) "
                      "END), 0) "
                      "FROM sales s JOIN sale_tenders t ON t.sale_id = s.id "
                      "WHERE s.shift_id = ? AND t.type = 'cash'"),
                  {shiftId});
    if (!cash)
        return std::unexpected(cash.error());
    if (cash->next()) {
        d.cashSales = Money::fromCents(cash->value(0).toLongLong());
        d.cashRefunds = Money::fromCents(cash->value(1).toLongLong());
    }
    auto count = m_db.scalar(
        QStringLiteral("SELECT COUNT(*) FROM sales WHERE shift_id = ? AND kind = 'sale'"),
        {shiftId});
    if (!count)
        return std::unexpected(count.error());
    d.salesCount = count->toLongLong();
    auto moves =
        m_db.exec(QStringLiteral("SELECT m.id, m.kind, m.amount_cents, m.reason, s.name, a.name, "
                                 "m.created_at, COALESCE(NULLIF(s.display_name, ''), s.name) "
                                 "FROM cash_movements m LEFT JOIN staff s ON s.id = m.staff_id "
                                 "LEFT JOIN staff a ON a.id = m.approver_id WHERE m.shift_id = ? "
                                 "ORDER BY m.id"),
                  {shiftId});
    if (!moves)
        return std::unexpected(moves.error());
    while (moves->next()) {
        CashMovement m;
        m.id = moves->value(0).toLongLong();
        m.shiftId = shiftId;
        m.payIn = moves->value(1).toString() == QLatin1String("payin");
        m.amount = Money::fromCents(moves->value(2).toLongLong());
        m.reason = moves->value(3).toString();
        m.staff = moves->value(4).toString();
        m.approver = moves->value(5).toString();
        m.at = fromStorageTime(moves->value(6).toString());
        m.staffShown = moves->value(7).toString();
        (m.payIn ? d.payIns : d.payOuts) += m.amount;
        d.movements.push_back(m);
    }
    d.expected = d.openingFloat + d.cashSales - d.cashRefunds + d.payIns - d.payOuts;
    return d;
}

Result<DrawerSummary> ShiftService::summary(const QString &registerId) const {
    auto shift = current(registerId);
    if (!shift)
        return std::unexpected(shift.error());
    return summaryOf(shift->id);
}

Status ShiftService::recordNoSale(const StaffMember &actor,
                                  const std::optional<StaffMember> &approver,
                                  const QString &registerIdIn) {
    auto acting = RegisterService(m_db).acting(registerIdIn);
    if (!acting)
        return std::unexpected(acting.error());
    const QString registerId = *acting;
    auto tx = beginAuthorized(m_db, Action::NoSale, actor, approver);
    if (!tx)
        return std::unexpected(tx.error());
    auto shift = current(registerId);
    if (!shift && shift.error().code != ErrorCode::NotFound)
        return std::unexpected(shift.error());
    if (auto ok = Journal::append(m_db, actorLabel(actor, approver), QStringLiteral("no_sale"),
                                  {{QStringLiteral("register"), registerId},
                                   {QStringLiteral("shift"), shift ? shift->id : qint64(0)}});
        !ok)
        return ok;
    return tx->commit();
}

Result<CashMovement> ShiftService::payIn(Money amount, const QString &reason,
                                         const StaffMember &staff,
                                         const std::optional<StaffMember> &approver,
                                         const QString &registerId) {
    return move(true, amount, reason, staff, approver, registerId);
}

Result<CashMovement> ShiftService::payOut(Money amount, const QString &reason,
                                          const StaffMember &staff,
                                          const std::optional<StaffMember> &approver,
                                          const QString &registerId) {
    return move(false, amount, reason, staff, approver, registerId);
}

Result<CashMovement> ShiftService::move(bool in, Money amount, const QString &reasonIn,
                                        const StaffMember &staff,
                                        const std::optional<StaffMember> &approver,
                                        const QString &registerIdIn) {
    auto acting = RegisterService(m_db).acting(registerIdIn);
    if (!acting)
        return std::unexpected(acting.error());
    const QString registerId = *acting;
    if (auto ok = checkText(in ? oasis::tr("pay-in reason") : oasis::tr("pay-out reason"), reasonIn,
                            textlimit::kNote);
        !ok)
        return std::unexpected(ok.error());
    const QString reason = reasonIn.simplified();
    if (amount.isNegative() || amount.isZero())
        return fail(ErrorCode::Invalid, oasis::tr("The amount must be more than zero."));
    if (reason.isEmpty())
        return fail(
            ErrorCode::Invalid,
            in ? oasis::tr("A pay-in needs a reason (e.g. change from the safe).")
               : oasis::tr("A pay-out needs a reason (e.g. tip paid out in cash to Lena)."));
    testPoint("shift.move.checked");
    auto tx = beginAuthorized(m_db, Action::CashDrawer, staff, approver);
    if (!tx)
        return std::unexpected(tx.error());
    auto shift = current(registerId);
    if (!shift)
        return std::unexpected(shift.error());
    if (!in) {
        auto drawer = summaryOf(shift->id);
        if (!drawer)
            return std::unexpected(drawer.error());
        if (amount > drawer->expected)
            return fail(
                ErrorCode::Refused,
                oasis::tr("The drawer should hold only %1: a pay-out of %2 is more than that.")
                    .arg(drawer->expected.format(), amount.format()));
    }
    const QString now = toStorageTime(Clock::nowUtc());
    auto ins = m_db.write(
        QStringLiteral("INSERT INTO cash_movements(shift_id, kind, amount_cents, reason, "
                       "staff_id, approver_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
        {shift->id, in ? QStringLiteral("payin") : QStringLiteral("payout"), amount.cents(), reason,
         staff.id, nullIfZero(approver ? approver->id : 0), now});
    if (!ins)
        return std::unexpected(ins.error());
    CashMovement m;
    m.id = ins->insertId;
    m.shiftId = shift->id;
    m.payIn = in;
    m.amount = amount;
    m.reason = reason;
    m.staff = staff.name;
    m.staffShown = staff.shownName();
    m.approver = approver ? approver->name : QString();
    m.at = fromStorageTime(now);
    if (auto ok = Journal::append(m_db, staff.name,
                                  in ? QStringLiteral("cash_payin") : QStringLiteral("cash_payout"),
                                  {{QStringLiteral("shift"), shift->id},
                                   {QStringLiteral("register"), registerId},
                                   {QStringLiteral("amount_cents"), amount.cents()},
                                   {QStringLiteral("reason"), reason},
                                   {QStringLiteral("approver"), m.approver}});
        !ok)
        return std::unexpected(ok.error());
    if (auto ok = tx->commit(); !ok)
        return std::unexpected(ok.error());
    return m;
}

Result<ShiftClose> ShiftService::close(Money counted, const StaffMember &staff,
                                       const std::optional<StaffMember> &approver,
                                       const QString &registerId) {
    return closeShift(counted, {}, staff, approver, registerId);
}

Result<ShiftClose> ShiftService::closeWithCount(const DrawerCount &counts, const StaffMember &staff,
                                                const std::optional<StaffMember> &approver,
                                                const QString &registerId) {
    auto counted = countDrawer(counts);
    if (!counted)
        return std::unexpected(counted.error());
    // Denominations counted as none stay out of the record: a summary lists what was there.
    DrawerCount kept;
    for (const auto &[denomination, count] : counts)
        if (count > 0)
            kept[denomination] = count;
    return closeShift(*counted, kept, staff, approver, registerId);
}

Result<ShiftClose> ShiftService::closeShift(Money counted, const DrawerCount &counts,
                                            const StaffMember &staff,
                                            const std::optional<StaffMember> &approver,
                                            const QString &registerIdIn) {
    auto acting = RegisterService(m_db).acting(registerIdIn);
    if (!acting)
        return std::unexpected(acting.error());
    const QString registerId = *acting;
    if (counted.isNegative())
        return fail(ErrorCode::Invalid, oasis::tr("The counted drawer cannot be negative."));
    testPoint("shift.close.checked");
    auto tx = beginAuthorized(m_db, Action::CashDrawer, staff, approver);
    if (!tx)
        return std::unexpected(tx.error());
    auto shift = current(registerId);
    if (!shift)
        return std::unexpected(shift.error());
    auto drawer = summaryOf(shift->id);
    if (!drawer)
        return std::unexpected(drawer.error());
    const QString now = toStorageTime(Clock::nowUtc());
    // closed_at IS NULL in the WHERE: a concurrent close (impossible under the write lock, but
    // cheap to state) would update nothing.
    auto upd = m_db.write(QStringLiteral("UPDATE shifts SET closed_at = ?, closed_by = ?, "
                                         "expected_cents = ?, counted_cents = ? "
                                         "WHERE id = ? AND closed_at IS NULL"),
                          {now, staff.id, drawer->expected.cents(), counted.cents(), shift->id});
    if (!upd)
        return std::unexpected(upd.error());
    if (upd->rows != 1)
        return fail(ErrorCode::Conflict,
                    oasis::tr("The shift was closed by someone else just now."));
    ShiftClose result;
    result.counted = counted;
    result.overShort = counted - drawer->expected;
    result.counts = counts;
    QJsonObject entry{{QStringLiteral("shift"), shift->id},
                      {QStringLiteral("register"), registerId},
                      {QStringLiteral("expected_cents"), drawer->expected.cents()},
                      {QStringLiteral("counted_cents"), counted.cents()},
                      {QStringLiteral("over_short_cents"), result.overShort.cents()},
                      {QStringLiteral("approver"), approver ? approver->name : QString()}};
    if (!counts.empty()) {
        // Denomination in cents → count, as the drawer was counted.
        QJsonObject count;
        for (const auto &[denomination, n] : counts)
            count.insert(QString::number(denomination), n);
        entry.insert(QStringLiteral("count"), count);
    }
    if (auto ok = Journal::append(m_db, staff.name, QStringLiteral("shift_closed"), entry); !ok)
        return std::unexpected(ok.error());
    if (auto ok = tx->commit(); !ok)
        return std::unexpected(ok.error());
    drawer->shift.closedAt = fromStorageTime(now);
    drawer->shift.closedBy = staff.name;
    drawer->shift.closedByShown = staff.shownName();
    drawer->shift.expected = drawer->expected;
    drawer->shift.counted = counted;
    result.summary = std::move(*drawer);
    return result;
}

} // namespace oasis
