// SPDX-License-Identifier: GPL-3.0-or-later
// The cash drawer of one register: a shift opens with a counted float and closes with a count.
#pragma once

#include "core/domain/money.h"
#include "core/services/staff.h"

#include <QDateTime>

#include <map>
#include <optional>
#include <vector>

namespace oasis {

class Database;

/// One shift of one register, as stored.
struct Shift {
    qint64 id = 0;
    QString registerId;
    QDateTime openedAt;
    QString openedBy;      ///< login name, as `--user NAME` takes it
    QString openedByShown; ///< as receipts name people (StaffMember::shownName)
    Money openingFloat;
    QDateTime closedAt; ///< invalid while open
    QString closedBy;
    QString closedByShown;
    std::optional<Money> expected; ///< set when closed
    std::optional<Money> counted;

    bool isOpen() const { return !closedAt.isValid(); }
};

/// A pay-in or pay-out of the drawer.
struct CashMovement {
    qint64 id = 0;
    qint64 shiftId = 0;
    bool payIn = false;
    Money amount; ///< always positive
    QString reason;
    QString staff;      ///< login name
    QString staffShown; ///< as receipts name people
    QString approver;
    QDateTime at;
};

/// What the drawer should hold: the float, cash taken on the shift's sales (refunds and voids
/// pay cash back), pay-ins and pay-outs (tips paid out in cash, gift-card cash-outs).
struct DrawerSummary {
    Shift shift;
    Money openingFloat;
    Money cashSales;   ///< cash applied on sales (net of change)
    Money cashRefunds; ///< cash paid back on refunds and voids (positive)
    Money payIns;
    Money payOuts;
    Money expected; ///< float + cashSales - cashRefunds + payIns - payOuts
    qint64 salesCount = 0;
    std::vector<CashMovement> movements;
};

/// How many of each note and coin: denomination in cents → count.
using DrawerCount = std::map<qint64, qint64>;

/// The result of closing a shift.
struct ShiftClose {
    DrawerSummary summary;
    Money counted;
    Money overShort; ///< counted - expected: negative is short
    /// The count by denomination when the drawer was counted note by note (closeWithCount),
    /// only the notes and coins found; empty when only the total was given.
    DrawerCount counts;
};

/// Opens, moves cash in and out of, and closes the drawer of a register. One open shift per
/// register; every operation is one transaction and one journal entry.
class ShiftService final {
public:
    explicit ShiftService(Database &db)
        : m_db(db) {}

    /// US notes and coins in cents, largest first: what the count-by-denomination table lists.
    static const std::vector<qint64> &denominations();
    /// The value of a drawer count: denomination in cents → number of notes or coins. A negative
    /// count or an unknown denomination is refused.
    static Result<Money> countDrawer(const DrawerCount &counts);

    /// Opens a shift on `registerId` (empty: this machine's) with the counted float. Opening,
    /// pay-ins, pay-outs and closing need Action::CashDrawer.
    Result<Shift> open(Money openingFloat, const StaffMember &staff,
                       const QString &registerId = {});
    /// The open shift of the register, or ErrorCode::NotFound.
    /// The shift open on `registerId`, if any: the one place that says which shift that is.
    /// Callers that act on it call it inside their transaction.
    Result<std::optional<qint64>> openShiftId(const QString &registerId) const;
    Result<Shift> current(const QString &registerId = {}) const;
    /// A register's shifts as a ticket finds them: the open one (0: none) and whether it ever
    /// had one. Read inside the writing transaction, with its receipt number
    /// (SaleWriter::nextReceiptNoAndShifts), or alone (ticketShifts).
    struct TicketShifts {
        qint64 open = 0;
        bool ever = false;
        /// From ticketShiftsQuery()'s two columns.
        static TicketShifts from(const QVariant &open, const QVariant &count) {
            return {open.toLongLong(), count.toLongLong() > 0};
        }
    };
    /// The statement that reads them, its one value the register's id.
    static QString ticketShiftsQuery();
    Result<TicketShifts> ticketShifts(const QString &registerId) const;
    /// The open shift a ticket on `registerId` is counted in, 0 when none is open. Drawer
    /// discipline starts with a register's first shift: from then on a sale, and a refund or
    /// void that pays cash back (`paysCashBack`), is refused without an open shift, since a
    /// drawer needs a shift (DESIGN §8).
    static Result<qint64> forTicket(const TicketShifts &shifts, const QString &registerId,
                                    bool isSale, bool paysCashBack);
    /// Every open shift, on any register (the Z report refuses while there is one).
    Result<std::vector<Shift>> openShifts() const;
    Result<Shift> byId(qint64 id) const;

    /// Cash put into the drawer (e.g. more change from the safe). A reason is required.
    Result<CashMovement> payIn(Money amount, const QString &reason, const StaffMember &staff,
                               const std::optional<StaffMember> &approver = std::nullopt,
                               const QString &registerId = {});
    /// Cash taken out (e.g. a tip paid out in cash to a therapist). A reason is required.
    Result<CashMovement> payOut(Money amount, const QString &reason, const StaffMember &staff,
                                const std::optional<StaffMember> &approver = std::nullopt,
                                const QString &registerId = {});

    /// The drawer opened without a sale: journaled with the register and its open shift (if
    /// any), so every no-sale is in the books. Needs Action::NoSale from `actor` or `approver`.
    Status recordNoSale(const StaffMember &actor, const std::optional<StaffMember> &approver,
                        const QString &registerId = {});

    /// What the open shift's drawer should hold right now.
    Result<DrawerSummary> summary(const QString &registerId = {}) const;
    Result<DrawerSummary> summaryOf(qint64 shiftId) const;

    /// Closes the register's open shift with the counted drawer: expected, counted, over/short.
    Result<ShiftClose> close(Money counted, const StaffMember &staff,
                             const std::optional<StaffMember> &approver = std::nullopt,
                             const QString &registerId = {});
    /// Closes the open shift with the drawer counted note by note: the counted total is the
    /// count's value (countDrawer), and the count is kept in the shift's journal entry and
    /// returned with the result, for the shift summary.
    Result<ShiftClose> closeWithCount(const DrawerCount &counts, const StaffMember &staff,
                                      const std::optional<StaffMember> &approver = std::nullopt,
                                      const QString &registerId = {});

private:
    Result<ShiftClose> closeShift(Money counted, const DrawerCount &counts,
                                  const StaffMember &staff,
                                  const std::optional<StaffMember> &approver,
                                  const QString &registerId);
    Result<CashMovement> move(bool payIn, Money amount, const QString &reason,
                              const StaffMember &staff, const std::optional<StaffMember> &approver,
                              const QString &registerId);
    Database &m_db;
};

} // namespace oasis
