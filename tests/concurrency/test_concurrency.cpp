// SPDX-License-Identifier: GPL-3.0-or-later
// Four registers selling and redeeming the same gift cards on one file: every sum holds.
#include "tests/support/testsupport.h"

#include "tests/crash/harness/harness.h"

#include "core/services/registers.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include <memory>
#include <set>

using namespace oasis;
using namespace oasis::test;

namespace {

/// One oasis-sale-worker per argument list, all at once; each must end well (no sale failed).
void runWorkers(const std::vector<QStringList> &args, int waitMs) {
    std::vector<std::unique_ptr<QProcess>> workers;
    for (const QStringList &a : args) {
        auto p = std::make_unique<QProcess>();
        p->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        p->start(QStringLiteral(OASIS_SALE_WORKER), a);
        REQUIRE(p->waitForStarted(10000));
        workers.push_back(std::move(p));
    }
    for (auto &p : workers) {
        REQUIRE(p->waitForFinished(waitMs));
        CHECK(p->exitStatus() == QProcess::NormalExit);
        CHECK(p->exitCode() == 0);
    }
}

/// An oasis-sale-worker's arguments: `count` sales on `tmp`'s store as register `reg`, paying
/// from the cards in `codes`, each sale written to `out` in the store's folder.
QStringList workerArgs(const test::TempDb &tmp, const QString &codes, int count, int seed,
                       const QString &reg, const QString &out) {
    return {QStringLiteral("--db"),       tmp.path(),
            QStringLiteral("--keys"),     tmp.keyDir(),
            QStringLiteral("--codes"),    codes,
            QStringLiteral("--count"),    QString::number(count),
            QStringLiteral("--seed"),     QString::number(seed),
            QStringLiteral("--register"), reg,
            QStringLiteral("--out"),      QDir(tmp.dir()).filePath(out)};
}

} // namespace

TEST_CASE("four registers selling at once: receipts, totals, stock and card balances all add up",
          "[concurrency]") {
    constexpr int kWorkers = 4;
    constexpr int kSalesEach = 40;
    TempDb tmp(true);
    // Few cards with little on them, so the registers fight over the last dollars.
    auto codes = value(harness::sellGiftCards(tmp.db(), 5, Money::fromCents(60'00)));
    const QString codesFile = QDir(tmp.dir()).filePath(QStringLiteral("codes.txt"));
    {
        QFile f(codesFile);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(codes.join(QLatin1Char('\n')).toLatin1());
    }
    const auto stockBefore = harness::onHandByCode(tmp.db());
    const auto balancesBefore = harness::balancesById(tmp.db());
    const qint64 salesBefore =
        value(tmp->scalar(QStringLiteral("SELECT COUNT(*) FROM sales"))).toLongLong();
    const qint64 totalBefore =
        value(tmp->scalar(QStringLiteral("SELECT COALESCE(SUM(total_cents), 0) FROM sales")))
            .toLongLong();
    std::vector<qint64> cardIds; // codes were sold in order: card ids follow the codes
    for (const auto &[id, balance] : balancesBefore)
        cardIds.push_back(id);
    REQUIRE(cardIds.size() == std::size_t(codes.size()));

    // Two registers share series R, as every register did before receipt series; two number
    // their receipts in series of their own (A and B), as a manager adds them now.
    const StaffMember manager = staffNamed(tmp.db(), QStringLiteral("manager"));
    REQUIRE(value(RegisterService(tmp.db()).add(QStringLiteral("reg-2"), manager)).series ==
            QStringLiteral("A"));
    REQUIRE(value(RegisterService(tmp.db()).add(QStringLiteral("reg-3"), manager)).series ==
            QStringLiteral("B"));
    const qint64 seriesOf[kWorkers] = {0, 0, 1, 2};

    std::vector<QStringList> workers;
    for (int w = 0; w < kWorkers; ++w)
        workers.push_back(workerArgs(tmp, codesFile, kSalesEach, w + 7,
                                     QStringLiteral("reg-%1").arg(w),
                                     QStringLiteral("worker-%1.jsonl").arg(w)));
    runWorkers(workers, 120000); // no sale failed on a busy database

    // What the registers say they did.
    std::set<qint64> receipts;
    qint64 reportedTotal = 0;
    std::map<int, qint64> redeemedByCard;
    std::map<QString, qint64> soldByCode;
    qint64 cardsSold = 0;
    for (int w = 0; w < kWorkers; ++w) {
        QFile f(QDir(tmp.dir()).filePath(QStringLiteral("worker-%1.jsonl").arg(w)));
        REQUIRE(f.open(QIODevice::ReadOnly));
        int lines = 0;
        while (!f.atEnd()) {
            const QJsonObject rec = QJsonDocument::fromJson(f.readLine()).object();
            ++lines;
            const qint64 receipt = rec.value(QStringLiteral("receipt")).toInteger();
            INFO("receipt " << receipt);
            REQUIRE(receipts.insert(receipt).second);        // no receipt number given twice
            REQUIRE(receipt / 1'000'000'000 == seriesOf[w]); // in its register's series
            reportedTotal += rec.value(QStringLiteral("total")).toInteger();
            const int card = rec.value(QStringLiteral("card")).toInt();
            if (card >= 0)
                redeemedByCard[card] += rec.value(QStringLiteral("redeemed")).toInteger();
            cardsSold += rec.value(QStringLiteral("cards_sold")).toInteger();
            const QJsonObject items = rec.value(QStringLiteral("items")).toObject();
            for (auto it = items.begin(); it != items.end(); ++it)
                soldByCode[it.key()] += it.value().toInt();
        }
        REQUIRE(lines == kSalesEach);
    }

    tmp.reopen();
    INFO(harness::checkInvariants(tmp.db()).join(QLatin1Char('\n')).toStdString());
    REQUIRE(harness::checkInvariants(tmp.db()).isEmpty());
    // Every reported sale is in the books, and nothing else is.
    REQUIRE(value(tmp->scalar(QStringLiteral("SELECT COUNT(*) FROM sales"))).toLongLong() ==
            salesBefore + kWorkers * kSalesEach);
    REQUIRE(value(tmp->scalar(QStringLiteral("SELECT SUM(total_cents) FROM sales"))).toLongLong() ==
            totalBefore + reportedTotal);
    REQUIRE(value(tmp->scalar(QStringLiteral("SELECT COUNT(*) FROM giftcards"))).toLongLong() ==
            qint64(codes.size()) + cardsSold);
    // Stock: on-hand fell by exactly what the registers sold.
    const auto stockAfter = harness::onHandByCode(tmp.db());
    for (const auto &[code, before] : stockBefore) {
        INFO(code.toStdString());
        const auto sold = soldByCode.count(code) ? soldByCode.at(code) : 0;
        REQUIRE(stockAfter.at(code) == before - sold);
    }
    // Cards: each balance fell by exactly what was redeemed from it, and none went below zero.
    const auto balancesAfter = harness::balancesById(tmp.db());
    qint64 redeemedTotal = 0;
    for (std::size_t i = 0; i < cardIds.size(); ++i) {
        const qint64 spent = redeemedByCard.count(int(i)) ? redeemedByCard.at(int(i)) : 0;
        redeemedTotal += spent;
        REQUIRE(balancesAfter.at(cardIds[i]) == balancesBefore.at(cardIds[i]) - spent);
        REQUIRE(balancesAfter.at(cardIds[i]) >= 0);
    }
    // The registers fought over the cards: at least one ran dry.
    REQUIRE(redeemedTotal > 0);
    bool anyEmpty = false;
    for (qint64 id : cardIds)
        anyEmpty = anyEmpty || balancesAfter.at(id) == 0;
    CHECK(anyEmpty);
}

// Each voucher redeemed once, never more sessions than sold, no card overdrawn.
TEST_CASE("four registers redeeming the same vouchers, package and bonus cards at once",
          "[concurrency][prepaid]") {
    constexpr int kWorkers = 4;
    constexpr int kSalesEach = 30;
    constexpr int kVouchers = 4;
    TempDb tmp(true);
    // Little to share, so the registers fight over it: two cards of $30, two of $10 with a $15
    // bonus, four vouchers and one package of 5 sessions.
    QStringList codes = value(harness::sellGiftCards(tmp.db(), 2, Money::fromCents(30'00)));
    const QStringList prepaid = value(harness::sellPrepaid(
        tmp.db(), kVouchers, 1, 2, Money::fromCents(10'00), Money::fromCents(15'00)));
    codes += prepaid;
    const QString codesFile = QDir(tmp.dir()).filePath(QStringLiteral("codes.txt"));
    {
        QFile f(codesFile);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(codes.join(QLatin1Char('\n')).toLatin1());
    }
    std::vector<qint64> voucherIds; // sold in the order of their codes
    for (const QVariantList &row :
         value(tmp->rows(QStringLiteral("SELECT id FROM vouchers ORDER BY id"))))
        voucherIds.push_back(row.value(0).toLongLong());
    REQUIRE(voucherIds.size() == std::size_t(kVouchers));
    const qint64 packageId =
        value(tmp->scalar(QStringLiteral("SELECT MIN(id) FROM packages"))).toLongLong();
    const qint64 salesBefore =
        value(tmp->scalar(QStringLiteral("SELECT COUNT(*) FROM sales"))).toLongLong();

    std::vector<QStringList> workers;
    for (int w = 0; w < kWorkers; ++w)
        workers.push_back(workerArgs(tmp, codesFile, kSalesEach, w + 31,
                                     QStringLiteral("pre-%1").arg(w),
                                     QStringLiteral("prepaid-%1.jsonl").arg(w))
                          << QStringLiteral("--prepaid") << QStringLiteral("70"));
    runWorkers(workers, 180000);

    // What the registers say they redeemed: a shared voucher's index is below kVouchers (each
    // register's own vouchers come after), the shared package's is 0.
    std::map<int, int> voucherUses;
    int packageUses = 0, voucherRedemptions = 0, packageRedemptions = 0, prepaidSales = 0;
    std::set<qint64> receipts;
    for (int w = 0; w < kWorkers; ++w) {
        QFile f(QDir(tmp.dir()).filePath(QStringLiteral("prepaid-%1.jsonl").arg(w)));
        REQUIRE(f.open(QIODevice::ReadOnly));
        int lines = 0;
        while (!f.atEnd()) {
            const QJsonObject rec = QJsonDocument::fromJson(f.readLine()).object();
            ++lines;
            REQUIRE(receipts.insert(rec.value(QStringLiteral("receipt")).toInteger()).second);
            const int voucher = rec.value(QStringLiteral("voucher")).toInt(-1);
            const int package = rec.value(QStringLiteral("package")).toInt(-1);
            if (rec.contains(QStringLiteral("voucher")))
                ++prepaidSales;
            if (voucher >= 0) {
                ++voucherRedemptions;
                if (voucher < kVouchers)
                    ++voucherUses[voucher];
            }
            if (package >= 0) {
                ++packageRedemptions;
                if (package == 0)
                    ++packageUses;
            }
        }
        REQUIRE(lines == kSalesEach);
    }
    REQUIRE(prepaidSales > kWorkers * kSalesEach / 3); // the mix really was mostly prepaid

    tmp.reopen();
    INFO(harness::checkInvariants(tmp.db()).join(QLatin1Char('\n')).toStdString());
    REQUIRE(harness::checkInvariants(tmp.db()).isEmpty());
    REQUIRE(value(tmp->scalar(QStringLiteral("SELECT COUNT(*) FROM sales"))).toLongLong() ==
            salesBefore + kWorkers * kSalesEach);
    const auto rowsOf = [&tmp](const QString &sql, qint64 id) {
        return value(tmp->scalar(sql.arg(id))).toLongLong();
    };
    // Each shared voucher: redeemed by exactly the one register that says so, never twice.
    int sharedRedeemed = 0;
    for (int i = 0; i < kVouchers; ++i) {
        INFO("voucher " << i);
        const qint64 redeemed = rowsOf(QStringLiteral("SELECT COUNT(*) FROM voucher_activity "
                                                      "WHERE voucher_id = %1 AND kind = 'redeem'"),
                                       voucherIds[std::size_t(i)]);
        REQUIRE(redeemed <= 1);
        REQUIRE(redeemed == (voucherUses.count(i) ? voucherUses.at(i) : 0));
        sharedRedeemed += int(redeemed);
    }
    CHECK(sharedRedeemed > 0);
    REQUIRE(value(tmp->scalar(QStringLiteral(
                      "SELECT COUNT(*) FROM voucher_activity WHERE kind = 'redeem'")))
                .toLongLong() == voucherRedemptions);
    // The shared package: as many sessions as the registers used, never more than its 5.
    const qint64 used = rowsOf(QStringLiteral("SELECT COUNT(*) FROM package_activity WHERE "
                                              "package_id = %1 AND kind = 'redeem'"),
                               packageId);
    REQUIRE(used == packageUses);
    REQUIRE(used <= 5);
    REQUIRE(rowsOf(QStringLiteral("SELECT SUM(sessions) FROM package_activity WHERE package_id "
                                  "= %1"),
                   packageId) == 5 - used);
    REQUIRE(value(tmp->scalar(QStringLiteral(
                      "SELECT COUNT(*) FROM package_activity WHERE kind = 'redeem'")))
                .toLongLong() == packageRedemptions);
    // No card below zero, paid or promotional (checkInvariants), and the bonuses were spent.
    CHECK(value(tmp->scalar(
                    QStringLiteral("SELECT COUNT(*) FROM giftcard_promo WHERE kind = 'redeem'")))
              .toLongLong() > 0);
}
