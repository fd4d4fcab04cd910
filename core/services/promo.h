// SPDX-License-Identifier: GPL-3.0-or-later
// Promotional value on gift cards (DESIGN §15): a bonus with a card sold, or a card given away.
#pragma once

#include "core/domain/money.h"

#include <QDate>
#include <QDateTime>

#include <vector>

namespace oasis {

class Database;

/// A card's promotional value kept apart from its paid value, on its own append-only ledger
/// (`giftcard_promo`, part of the books). Never a liability (RCW 19.240 covers value given for
/// money), spent only after the card's paid value, and it may carry an expiry date: value past
/// its last day is simply no longer spendable (nothing is written when it expires).
///
/// The ledger is made of lots and draws. A lot is value put on a card with one last day (or
/// none): a `grant`, a `refund` (promotional value a refund gave back, with the expiry of the
/// value it returns) or a `replace_in` (a lost card's lot moved to its replacement). A draw
/// takes from one lot (`lot_id`): a `redeem` (a sale paid with it), a `void` (the sale that
/// granted it was voided) or a `replace_out`.
class PromoLedger final {
public:
    explicit PromoLedger(Database &db)
        : m_db(db) {}

    /// The schema step that made the ledger (the lead may renumber it when merging).
    static constexpr int kSchemaStep = 17;
    /// Whether `db` has the ledger: a store opened at an earlier step (tests drive services on
    /// old schemas) has no promotional value at all.
    static bool present(const Database &db);

    struct Lot {
        qint64 id = 0;
        Money remaining;
        QDate expiresOn; ///< the last day it can be spent; null: no expiry
    };
    /// The card's lots with value left, in the order a sale spends them (earliest expiry
    /// first, no expiry last); only those spendable on `day` unless `includeExpired`.
    Result<std::vector<Lot>> lots(qint64 cardId, const QDate &day,
                                  bool includeExpired = false) const;
    /// Promotional value the card can spend on `day`, and the earliest last day of it.
    Result<std::pair<Money, QDate>> available(qint64 cardId, const QDate &day) const;
    /// What a card holds for a sale on `day`: its paid value and its lots (as lots()), read in
    /// one statement. A sale reads it once, inside its transaction under the card's lock.
    struct Spendable {
        Money paid;
        std::vector<Lot> lots;
        /// As available(), from `lots`.
        std::pair<Money, QDate> promo() const;
        /// As available() once a sale has spent `promoSpent` of it, lot by lot in the order
        /// redeem() takes them.
        std::pair<Money, QDate> promoAfter(Money promoSpent) const;
    };
    Result<Spendable> spendable(qint64 cardId, const QDate &day) const;

    // --- inside the caller's transaction -------------------------------------------------
    Status grant(qint64 cardId, Money amount, const QDate &expires, qint64 saleId, qint64 staffId,
                 qint64 approverId, const QString &reason);
    /// Spends `amount` of the card's promotional value for a sale on `day`: lot by lot, each
    /// write refused unless the card's paid value is spent (zero) and the lot, not expired on
    /// `day`, still holds what it takes, whatever another register did since the lookup.
    /// `open`: the card's lots as spendable() read them in this transaction (else read here).
    Status redeem(qint64 cardId, Money amount, const QDate &day, qint64 saleId, qint64 staffId,
                  const std::vector<Lot> *open = nullptr);
    /// Promotional value the sale `saleId` took from card `cardId` and no refund gave back yet.
    Result<Money> refundable(qint64 saleId, qint64 cardId) const;
    /// Gives up to `amount` of what sale `originalSaleId` took from card `cardId` back, as
    /// promotional value with the same last day, onto `liveCardId` (the card the customer holds
    /// now). Returns what it gave back.
    Result<Money> refund(qint64 originalSaleId, qint64 cardId, qint64 liveCardId, Money amount,
                         qint64 refundSaleId, qint64 staffId);
    /// Takes back what is left of the promotional value sale `originalSaleId` granted (its sale
    /// was voided), from the card that holds it now.
    Status takeBackGrants(qint64 originalSaleId, qint64 voidSaleId, qint64 staffId);
    /// Moves a lost card's lots, as they are, to its replacement.
    Status moveOnReplace(qint64 oldCardId, qint64 newCardId, qint64 staffId, qint64 approverId);
    /// One row of the card's promotional ledger, as its history shows it.
    struct Entry {
        QDateTime at;
        QString kind;
        Money amount; ///< signed: a lot is positive, a draw negative
        QDate expiresOn;
        qint64 receiptNo = 0;
        QString staff;      ///< login name
        QString staffShown; ///< the display name, else the login name
        QString reason;
    };
    Result<std::vector<Entry>> history(qint64 cardId) const;

    /// Promotional value a sale's tenders spent (redeemed less given back by its refunds), for
    /// the receipt.
    Result<Money> spentBySale(qint64 saleId) const;

private:
    Status draw(qint64 lotId, qint64 cardId, const QString &kind, Money amount, qint64 saleId,
                qint64 staffId, qint64 approverId, const QString &reason);

    Database &m_db;
};

} // namespace oasis
