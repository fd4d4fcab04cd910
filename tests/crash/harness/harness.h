// SPDX-License-Identifier: GPL-3.0-or-later
// Shared by the crash and concurrency tests and oasis-bench: the books' invariants after any
// interruption, a store set up with gift cards, and the worker that sells in a loop.
#pragma once

#include "core/domain/money.h"
#include "core/storage/database.h"

#include <QStringList>

#include <functional>
#include <map>
#include <vector>

namespace oasis::harness {

struct CheckOptions {
    bool integrity = true; ///< PRAGMA integrity_check (slow on a large file)
    /// Sales that never had a journal entry (a generated history): every sale since has one,
    /// so the sales outnumber their entries by exactly this.
    qint64 salesWithoutEntry = 0;
    /// GiftCardService::byId checked against the ledger for the cards with activity after this
    /// id (0: every card; 100,000 of them take seconds).
    qint64 cardsActiveAfter = 0;
};

/// What a database is checked against from now on: the sales it already has without a journal
/// entry, and only the cards that move from now on for the per-card check.
CheckOptions checkOptionsFrom(Database &db);

/// Each rollup the reports read (schema step 9) beside the aggregate of the rows it sums: the
/// same columns in the same order, so the two row sets must be equal.
struct RollupQuery {
    const char *name;
    QString rollup;
    QString raw;
};
const std::vector<RollupQuery> &rollupQueries();

/// `SELECT`s the rows in one query and not the other, either way (at most 20).
QString symmetricDifference(const QString &left, const QString &right);

/// Everything that must hold whatever moment a register was killed at. Empty when all hold;
/// otherwise one line per broken invariant, naming rows.
QStringList checkInvariants(Database &db, const CheckOptions &options = {});

/// Sells `count` gift cards of `amount` each (cash) through SaleService, rung up by the staff
/// member `cashier`: returns their codes.
Result<QStringList> sellGiftCards(Database &db, int count, Money amount,
                                  const QString &registerId = QStringLiteral("setup"),
                                  const QString &cashier = QStringLiteral("frontdesk"));

/// Prepaid value for the workers to redeem: `vouchers` DT60 vouchers, `packages` of the demo's
/// PKG-DT60-5 (defined when missing) sold to one client, and `promoCards` gift cards of `amount`
/// each with `bonus` promotional value (rung up by the manager, whose decision a bonus is).
/// Returns their codes; a worker tells the kinds apart by their prefixes (SV1-, SP1-, GC1-).
Result<QStringList> sellPrepaid(Database &db, int vouchers, int packages, int promoCards,
                                Money amount, Money bonus,
                                const QString &registerId = QStringLiteral("setup"));

/// On-hand of every product by code, and every card's balance by id (or of the cards with
/// activity after `activeAfter`, when not 0).
std::map<QString, qint64> onHandByCode(Database &db);
std::map<qint64, qint64> balancesById(Database &db, qint64 activeAfter = 0);

/// Opens a database of the harness (key folder beside it unless given).
Result<std::unique_ptr<Database>> openDb(const QString &path, const QString &keyDir,
                                         int busyTimeoutMs = 10000);

/// Kills a worker selling on `dbPath` with SIGKILL `kills` times, each at a random moment of its
/// run, and checks the invariants after each kill (against the database as it was at the start:
/// checkOptionsFrom). `afterKill` sees the report so far after each check.
struct CrashReport {
    int kills = 0;
    int failedChecks = 0; ///< kills after which an invariant was broken
    qint64 sales = 0;     ///< sales in the database at the end
    QStringList firstProblems;
    double secondsTotal = 0;
};
CrashReport runCrashLoop(const QString &workerPath, const QString &dbPath, const QString &keyDir,
                         const QString &codesFile, int kills, quint32 seed, int maxDelayMs = 400,
                         const QString &cashier = QStringLiteral("frontdesk"),
                         const std::function<void(const CrashReport &)> &afterKill = {});

/// The worker process's main: `oasis-sale-worker --db PATH --keys DIR --codes FILE
/// [--mode mixed|redeem] [--seed N] [--count N] [--seconds S] [--register R] [--user NAME]
/// [--out FILE] [--prepaid PERCENT]` (the cashier: frontdesk unless --user). When the codes
/// include vouchers (SV1-) or packages (SP1-), PERCENT of the mixed mode's sales (25 unless
/// given) are prepaid ones: a voucher or a package session redeemed on a DT60 session (cash when
/// it is refused: redeemed, none left, or used on another register meanwhile), or a voucher or
/// a package (to the store's first client) sold; vouchers and packages it sells join its codes.
int workerMain(int argc, char **argv);

} // namespace oasis::harness
