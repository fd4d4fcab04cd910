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

    std::vector<std::unique_ptr<QProcess>> workers;
    for (int w = 0; w < kWorkers; ++w) {
        auto p = std::make_unique<QProcess>();
        p->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        p->start(QStringLiteral(OASIS_SALE_WORKER),
                 {QStringLiteral("--db"), tmp.path(), QStringLiteral("--keys"), tmp.keyDir(),
                  QStringLiteral("--codes"), codesFile, QStringLiteral("--count"),
                  QString::number(kSalesEach), QStringLiteral("--seed"), QString::number(w + 7),
                  QStringLiteral("--register"), QStringLiteral("reg-%1").arg(w),
                  QStringLiteral("--out"),
                  QDir(tmp.dir()).filePath(QStringLiteral("worker-%1.jsonl").arg(w))});
        REQUIRE(p->waitForStarted(10000));
        workers.push_back(std::move(p));
    }
    for (auto &p : workers) {
        REQUIRE(p->waitForFinished(120000));
        CHECK(p->exitStatus() == QProcess::NormalExit);
        CHECK(p->exitCode() == 0); // no sale failed on a busy database
    }

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
