// SPDX-License-Identifier: GPL-3.0-or-later
// A register killed with SIGKILL at any moment leaves books that still add up.
#include "tests/support/testsupport.h"

#include "tests/crash/harness/harness.h"

#include <QDir>
#include <QFile>

using namespace oasis;
using namespace oasis::test;

TEST_CASE("a register killed 50 times mid-sale leaves whole sales, true stock and card ledgers",
          "[crash]") {
    TempDb tmp(true);
    auto codes = value(harness::sellGiftCards(tmp.db(), 8, Money::fromCents(150'00)));
    const QString codesFile = QDir(tmp.dir()).filePath(QStringLiteral("codes.txt"));
    {
        QFile f(codesFile);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(codes.join(QLatin1Char('\n')).toLatin1());
    }
    REQUIRE(harness::checkInvariants(tmp.db()).isEmpty());
    const qint64 before =
        value(tmp->scalar(QStringLiteral("SELECT COUNT(*) FROM sales"))).toLongLong();
    tmp.close();

    const auto report = harness::runCrashLoop(QStringLiteral(OASIS_SALE_WORKER), tmp.path(),
                                              tmp.keyDir(), codesFile, 50, 20261123u);
    INFO(report.firstProblems.join(QLatin1Char('\n')).toStdString());
    REQUIRE(report.kills == 50);
    REQUIRE(report.failedChecks == 0);
    // The workers really sold between the kills (a harness that sells nothing proves nothing).
    REQUIRE(report.sales > before + 50);

    // And the gift cards were really spent, never below zero.
    tmp.reopen();
    const qint64 redeemed =
        value(tmp->scalar(QStringLiteral("SELECT COUNT(*) FROM giftcard_activity "
                                         "WHERE kind = 'redeem'")))
            .toLongLong();
    REQUIRE(redeemed > 0);
}

TEST_CASE("the crash checker itself catches a half-written sale and a drifted stock level",
          "[crash]") {
    TempDb tmp(true);
    auto codes = value(harness::sellGiftCards(tmp.db(), 2, Money::fromCents(50'00)));
    REQUIRE(codes.size() == 2);
    INFO(harness::checkInvariants(tmp.db()).join(QLatin1Char('\n')).toStdString());
    REQUIRE(harness::checkInvariants(tmp.db()).isEmpty());
    tmp.close();
    rawSql(tmp.path(), QStringLiteral("DELETE FROM sale_tenders WHERE id = (SELECT MAX(id) FROM "
                                      "sale_tenders)"));
    rawSql(tmp.path(), QStringLiteral("UPDATE stock_levels SET on_hand = on_hand + 1 WHERE "
                                      "item_id = (SELECT MIN(item_id) FROM stock_levels)"));
    tmp.reopen();
    const QStringList problems = harness::checkInvariants(tmp.db());
    INFO(problems.join(QLatin1Char('\n')).toStdString());
    REQUIRE(problems.filter(QStringLiteral("tenders do not add up")).size() == 1);
    REQUIRE(problems.filter(QStringLiteral("on-hand differs")).size() == 1);

    // Ledger rows that no sale line or tender accounts for.
    tmp.close();
    rawSql(tmp.path(),
           QStringLiteral("INSERT INTO stock_movements(item_id, quantity, reason, sale_id, "
                          "created_at) SELECT MIN(id), -1, 'sale', (SELECT MIN(id) FROM sales), "
                          "'2026-11-23T20:00:00.000Z' FROM items WHERE type = 'product'"));
    rawSql(tmp.path(),
           QStringLiteral("INSERT INTO giftcard_activity(giftcard_id, kind, amount_cents, sale_id, "
                          "created_at) SELECT MIN(id), 'redeem', -100, (SELECT MIN(id) FROM "
                          "sales), '2026-11-23T20:00:00.000Z' FROM giftcards"));
    tmp.reopen();
    const QStringList more = harness::checkInvariants(tmp.db());
    INFO(more.join(QLatin1Char('\n')).toStdString());
    REQUIRE(more.filter(QStringLiteral("product lines and their stock movements differ")).size() ==
            1);
    REQUIRE(more.filter(QStringLiteral("gift tenders and their redemptions differ")).size() == 1);
}
