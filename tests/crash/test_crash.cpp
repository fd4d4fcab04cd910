// SPDX-License-Identifier: GPL-3.0-or-later
// A register killed with SIGKILL at any moment leaves books that still add up.
#include "tests/support/testsupport.h"

#include "tests/crash/harness/harness.h"

#include "core/services/catalog.h"
#include "core/services/sale.h"

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

TEST_CASE("a register killed 30 times while selling and redeeming vouchers, package sessions and "
          "promotional cards leaves the prepaid books whole",
          "[crash][prepaid]") {
    TempDb tmp(true);
    // Cards with money, cards whose $10 paid value is soon spent so their $15 bonus is, a dozen
    // vouchers and three 5-session packages for the workers to redeem while they are killed.
    QStringList codes = value(harness::sellGiftCards(tmp.db(), 4, Money::fromCents(150'00)));
    codes += value(
        harness::sellPrepaid(tmp.db(), 12, 3, 3, Money::fromCents(10'00), Money::fromCents(15'00)));
    const QString codesFile = QDir(tmp.dir()).filePath(QStringLiteral("codes.txt"));
    {
        QFile f(codesFile);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(codes.join(QLatin1Char('\n')).toLatin1());
    }
    INFO(harness::checkInvariants(tmp.db()).join(QLatin1Char('\n')).toStdString());
    REQUIRE(harness::checkInvariants(tmp.db()).isEmpty());
    const auto count = [&tmp](const QString &sql) { return value(tmp->scalar(sql)).toLongLong(); };
    const qint64 vouchersBefore = count(QStringLiteral("SELECT COUNT(*) FROM vouchers"));
    const qint64 packagesBefore = count(QStringLiteral("SELECT COUNT(*) FROM packages"));
    tmp.close();

    const auto report = harness::runCrashLoop(QStringLiteral(OASIS_SALE_WORKER), tmp.path(),
                                              tmp.keyDir(), codesFile, 30, 20261206u, 600);
    INFO(report.firstProblems.join(QLatin1Char('\n')).toStdString());
    REQUIRE(report.kills == 30);
    REQUIRE(report.failedChecks == 0);

    // The workers really sold and redeemed each kind between the kills.
    tmp.reopen();
    CHECK(count(QStringLiteral("SELECT COUNT(*) FROM voucher_activity WHERE kind = 'redeem'")) > 0);
    CHECK(count(QStringLiteral("SELECT COUNT(*) FROM package_activity WHERE kind = 'redeem'")) > 0);
    CHECK(count(QStringLiteral("SELECT COUNT(*) FROM vouchers")) > vouchersBefore);
    CHECK(count(QStringLiteral("SELECT COUNT(*) FROM packages")) > packagesBefore);
    CHECK(count(QStringLiteral("SELECT COUNT(*) FROM giftcard_promo WHERE kind = 'redeem'")) > 0);
}

TEST_CASE("the crash checker catches a voucher redeemed twice, a package used past its sessions "
          "and a promotional lot drawn below zero",
          "[crash][prepaid]") {
    TempDb tmp(true);
    const QStringList codes = value(
        harness::sellPrepaid(tmp.db(), 2, 1, 1, Money::fromCents(10'00), Money::fromCents(15'00)));
    REQUIRE(codes.size() == 4);
    // A voucher, a package session and the promotional card redeemed as a register does.
    const StaffMember lena = staffNamed(tmp.db(), QStringLiteral("lena"));
    const CatalogItem dt60 = *value(CatalogService(tmp.db()).findByCode(QStringLiteral("DT60")));
    for (const QString &pay :
         QStringList{QStringLiteral("voucher:") + codes[0], QStringLiteral("package:") + codes[2],
                     QStringLiteral("gift:") + codes[3] + QStringLiteral(":20")}) {
        Ticket t;
        t.addItem(dt60, 1, lena.id, lena.displayName);
        std::vector<Tender> tenders{value(Tender::parse(pay))};
        if (pay.startsWith(QLatin1String("gift:")))
            tenders.push_back(value(Tender::parse(QString(
                QStringLiteral("cash:") + (dt60.price - Money::fromCents(20'00)).toString()))));
        value(SaleService(tmp.db()).complete(t, tenders,
                                             staffNamed(tmp.db(), QStringLiteral("frontdesk"))));
    }
    INFO(harness::checkInvariants(tmp.db()).join(QLatin1Char('\n')).toStdString());
    REQUIRE(harness::checkInvariants(tmp.db()).isEmpty());
    tmp.close();

    // A second redemption of the same voucher (the unique index that stops it taken away).
    rawSql(tmp.path(), QStringLiteral("DROP INDEX voucher_activity_once"));
    rawSql(tmp.path(),
           QStringLiteral("INSERT INTO voucher_activity(voucher_id, kind, amount_cents, "
                          "covered_cents, sale_id, line_id, staff_id, created_at) SELECT "
                          "voucher_id, kind, amount_cents, covered_cents, sale_id, line_id, "
                          "staff_id, created_at FROM voucher_activity WHERE kind = 'redeem'"));
    // Five more sessions of a package that had four left.
    for (int seq = 2; seq <= 6; ++seq)
        rawSql(tmp.path(),
               QStringLiteral("INSERT INTO package_activity(package_id, seq, kind, sessions, "
                              "amount_cents, sale_id, line_id, staff_id, created_at) SELECT "
                              "package_id, %1, 'redeem', -1, -12000, sale_id, line_id, staff_id, "
                              "created_at FROM package_activity WHERE kind = 'redeem' AND seq = 1")
                   .arg(seq));
    // A bonus spent twice over.
    rawSql(tmp.path(),
           QStringLiteral("INSERT INTO giftcard_promo(giftcard_id, kind, lot_id, amount_cents, "
                          "sale_id, created_at) SELECT giftcard_id, 'redeem', lot_id, -1500, "
                          "sale_id, created_at FROM giftcard_promo WHERE kind = 'redeem'"));
    tmp.reopen();
    const QStringList problems = harness::checkInvariants(tmp.db());
    INFO(problems.join(QLatin1Char('\n')).toStdString());
    CHECK(problems.filter(QStringLiteral("voucher redeemed or voided more than once")).size() == 1);
    CHECK(problems.filter(QStringLiteral("voucher owes other than what was paid")).size() == 1);
    CHECK(problems.filter(QStringLiteral("voucher tenders and their redemptions differ")).size() ==
          1);
    CHECK(problems.filter(QStringLiteral("package used past its sessions")).size() == 1);
    CHECK(problems.filter(QStringLiteral("package tenders and their sessions differ")).size() == 1);
    CHECK(problems.filter(QStringLiteral("promotional lot drawn below zero")).size() == 1);
    CHECK(problems.filter(QStringLiteral("journal")).size() == 1);
}
