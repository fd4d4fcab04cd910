// SPDX-License-Identifier: GPL-3.0-or-later
// Gift cards: issue, look up, redeem, reload, replace, cash out; balance = sum of the ledger.
#pragma once

#include "core/domain/money.h"
#include "core/services/staff.h"

#include <QDateTime>

#include <vector>

namespace oasis {

class Database;

enum class GiftCardStatus { Active, Void };
QString giftCardStatusName(GiftCardStatus status);

struct GiftCard {
    qint64 id = 0;
    QString last4;
    Money balance; ///< paid value (the liability): what a cash-out counts and pays
    /// Promotional value spendable on the store's business day now (a bonus, a card given
    /// away; never a liability), spent after the paid value; `promoExpires` is the earliest
    /// last day of it (null: none of it expires).
    Money promo;
    QDate promoExpires;
    /// What the card can pay now: paid value and promotional value not expired.
    Money spendable() const { return balance + promo; }
    GiftCardStatus status = GiftCardStatus::Active;
    QDateTime createdAt;
    QString recipient;
    QString sender;
    QString message;
    qint64 replacedById = 0;
};

struct GiftCardActivity {
    QDateTime at;
    QString kind;
    Money amount;
    Money balanceAfter;
    qint64 receiptNo = 0;
    QString staff;      ///< login name
    QString staffShown; ///< as the store shows them: the display name, else the login name
    QString reason;
};

/// A card just created: the only moment its full code leaves the service (to print it).
struct IssuedCard {
    qint64 id = 0;
    QString code;
    Money amount;       ///< paid value
    Money promo;        ///< promotional value given with it (a bonus, a card given away)
    QDate promoExpires; ///< its last day; null: no expiry
};

/// Promotional value given (a bonus or a card given away): positive, at most `maximum`, and
/// not expiring before `today`; the error says which.
Status checkPromoValue(Money amount, const QDate &expires, Money maximum, const QDate &today);

class GiftCardService final {
public:
    explicit GiftCardService(Database &db)
        : m_db(db) {}
    /// The service as one sale uses it: the sale has checked its register already
    /// (RegisterService::acting) and looks at every card on its business date, both read once
    /// for the whole sale rather than again for each card.
    GiftCardService(Database &db, const QString &checkedRegister, const QDate &businessDate)
        : m_db(db)
        , m_checkedRegister(checkedRegister)
        , m_businessDate(businessDate) {}

    /// Lookups per register: this many failures within a minute lock lookups for a minute.
    static constexpr int kMaxFailures = 5;
    /// And per store: this many failures within a minute, on any registers, lock lookups on
    /// every register for a minute (two registers reach it before either is locked on its own).
    static constexpr int kStoreMaxFailures = 8;
    static constexpr int kLockSeconds = 60;
    /// Washington (RCW 19.240): a balance under $5.00 is paid in cash on request.
    static Money cashOutLimit() { return Money::fromCents(5'00); }

    /// Finds a card by what was typed or scanned. A bad check character, an unknown code and a
    /// voided card are different errors; each failure is recorded (in its own transaction, so
    /// a failed sale cannot erase it) and counts towards the register's and the store's
    /// lockouts. `registerId` (empty: this computer's) must be registered in the store.
    Result<GiftCard> lookup(const QString &code, const QString &registerId);
    Result<GiftCard> byId(qint64 id) const;
    Result<std::vector<GiftCardActivity>> history(qint64 id) const;

    // --- inside the caller's transaction -------------------------------------------------
    Result<IssuedCard> issue(Money amount, qint64 saleId, qint64 staffId, const QString &recipient,
                             const QString &sender, const QString &message, qint64 replacesId = 0,
                             const QString &activityKind = QStringLiteral("activate"));
    /// Adds value to a card: refused if the card would hold more than `maximum` or is void,
    /// whatever another register did since the lookup.
    Status load(qint64 cardId, Money amount, Money maximum, qint64 saleId, qint64 staffId);
    /// A conditional debit: refused if the balance is not enough, whatever another register did.
    Status redeem(qint64 cardId, Money amount, qint64 saleId, qint64 staffId);
    /// Credits money back to a card, or to its replacement if it was replaced since (the
    /// customer holds the replacement). Returns the card credited.
    Result<qint64> refundTo(qint64 cardId, Money amount, qint64 saleId, qint64 staffId);
    /// Takes back value a voided sale put on a card (from its replacement if it was replaced);
    /// refused if it was already spent. Returns the card debited.
    Result<qint64> reverseLoad(qint64 cardId, Money amount, qint64 saleId, qint64 staffId,
                               const QString &reason);
    /// The card that holds a card's money now: the card itself, or the last card of its chain
    /// of replacements.
    Result<qint64> liveCard(qint64 cardId) const;

    // --- whole operations (own transaction, journaled) -----------------------------------
    /// Pays out a balance under $5.00 in cash; the drawer pay-out is recorded with it.
    Result<Money> cashOut(const QString &code, const StaffMember &staff,
                          const std::optional<StaffMember> &approver, const QString &registerId);
    /// Voids a lost card's code and moves its balance to a new card (manager).
    Result<IssuedCard> replace(const QString &code, const StaffMember &staff,
                               const std::optional<StaffMember> &approver,
                               const QString &registerId);
    /// Manager adjustment with a reason (e.g. a correction after a dispute).
    Result<Money> adjust(const QString &code, Money delta, const QString &reason,
                         const StaffMember &staff, const std::optional<StaffMember> &approver,
                         const QString &registerId);
    /// The card's full code, to print its certificate. A certificate of a card `staff` sold
    /// on this register in its open shift, or on the register's last sale (the ticket just
    /// completed), needs no approval: the customer is still at the counter. Any other is a
    /// reprint and needs Action::GiftCardReprint. Checked and journaled in one transaction; a
    /// void card is refused (its balance is on the replacement).
    Result<QString> certificateCode(qint64 cardId, const StaffMember &staff,
                                    const std::optional<StaffMember> &approver,
                                    const QString &registerId);
    /// Whether a certificate of the card would be a reprint for `staff` on this register (so
    /// need Action::GiftCardReprint): the rule certificateCode applies.
    Result<bool> isReprint(qint64 cardId, const StaffMember &staff,
                           const QString &registerId) const;

    /// The lookup lockouts, shared with service vouchers (VoucherService::lookup): a failure
    /// is recorded in its own transaction and counts for the register and the store.
    Status recordFailure(const QString &registerId, const QString &reason);
    Status checkLockout(const QString &registerId) const;
    /// The failures the lockouts count: every register's, `at` and `register_id`, since the
    /// one bind (lockoutSince). A lookup reads them beside its code (lookupStoredValue).
    static QString lockoutFailures();
    static QString lockoutSince(const QDateTime &now);
    /// The lockout rule on those failures (rows of at and register_id, newest first).
    static Status lockedOut(const QList<QVariantList> &failures, const QString &registerId,
                            const QDateTime &now);
    /// A card given away (promotional value only, `expires` null for no expiry), with the
    /// reason: a manager's decision (Action::GiftCardPromo), journaled (giftcard_given).
    Result<IssuedCard> give(Money amount, const QDate &expires, const QString &reason,
                            const StaffMember &staff, const std::optional<StaffMember> &approver,
                            const QString &registerId);

    /// Outstanding liability: sum of all active balances.
    Result<Money> outstanding() const;

private:
    /// The full code again, from its sealed copy: only certificateCode, after its checks.
    Result<QString> revealCode(qint64 cardId) const;
    Result<Money> balanceOf(qint64 cardId) const;
    /// Fills the card's promotional value spendable today.
    Status withPromo(GiftCard &card) const;
    Status addActivity(qint64 cardId, const QString &kind, Money amount, qint64 saleId,
                       qint64 staffId, qint64 approverId = 0, const QString &reason = {});

    Database &m_db;
    QString m_checkedRegister; ///< empty: each lookup checks its register
    QDate m_businessDate;      ///< invalid: the store's date now, read at each use
};

} // namespace oasis
