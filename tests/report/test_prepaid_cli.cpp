// SPDX-License-Identifier: GPL-3.0-or-later
// oasisctl report prepaid as a script runs it: its JSON beside report giftcards|vouchers|packages
// for the same range, --to alone, the CSV, and bad dates in one line; on both engines.
#include "tests/support/testsupport.h"

#include "core/services/demo.h"

#include <QFile>
#include <QJsonArray>

using namespace oasis;
using namespace oasis::test;
using namespace Qt::StringLiterals;

namespace {

struct PrepaidCtl {
    TempDb tmp{true};
    PrepaidCtl() {
        addRegisters(tmp.db(), {u"desk-1"_s});
        oasis::test::ok(installDemoPackages(tmp.db()));
        tmp.close();
    }
    CtlRun run(const QStringList &args, const QString &user = u"manager"_s,
               const QString &pin = u"9999"_s) {
        return runCtl(QStringLiteral(OASISCTL_PATH), tmp.path(), tmp.keyDir(),
                      QStringList{u"--json"_s, u"--user"_s, user} + args,
                      {{u"OASIS_PIN"_s, pin}, {u"OASIS_REGISTER"_s, u"desk-1"_s}});
    }
    QJsonObject ok(const QStringList &args) {
        const CtlRun r = run(args);
        REQUIRE(r.exitCode == 0);
        return r.json();
    }
};

qint64 cents(const QJsonObject &o, const char *name) {
    return o.value(QLatin1String(name)).toInteger(-999'999'999);
}

} // namespace

TEST_CASE("oasisctl report prepaid gives each kind's figures as its own report does",
          "[report][prepaid][cli]") {
    PrepaidCtl c;
    // A $100 card with a $20 bonus, a voucher, a package; a session on each of them.
    const QJsonObject card = c.ok({u"sale"_s, u"giftcard:100+20"_s, u"--pay"_s, u"card:100"_s});
    const QString cardCode =
        card.value(u"giftcards").toArray().at(0).toObject().value(u"code").toString();
    const QJsonObject voucher = c.ok({u"sale"_s, u"voucher:DT60"_s, u"--pay"_s, u"card:135"_s});
    const QString voucherCode =
        voucher.value(u"vouchers").toArray().at(0).toObject().value(u"code").toString();
    const QJsonObject client = c.ok({u"client"_s, u"add"_s, u"Ana Ruiz"_s});
    const QString clientId =
        QString::number(client.value(u"client").toObject().value(u"id").toInteger());
    const QJsonObject package = c.ok(
        {u"sale"_s, u"package:PKG-DT60-5"_s, u"--client"_s, clientId, u"--pay"_s, u"card:600"_s});
    const QString packageCode =
        package.value(u"packages").toArray().at(0).toObject().value(u"code").toString();
    c.ok({u"sale"_s, u"DT60@lena"_s, u"--pay"_s, u"voucher:"_s + voucherCode});
    c.ok({u"sale"_s, u"DT60@lena"_s, u"--pay"_s, u"package:"_s + packageCode});
    c.ok({u"sale"_s, u"DT60@lena"_s, u"--pay"_s, u"gift:"_s + cardCode + u":40"_s, u"cash:95"_s});

    const QJsonObject prepaid = c.ok({u"report"_s, u"prepaid"_s});
    REQUIRE(prepaid.value(u"report").toString() == u"prepaid"_s);
    const QString today = prepaid.value(u"to").toString();
    REQUIRE(prepaid.value(u"from").toString() == today);
    const QJsonArray kinds = prepaid.value(u"kinds").toArray();
    REQUIRE(kinds.size() == 3);
    const QJsonObject cardKind = kinds[0].toObject();
    const QJsonObject voucherKind = kinds[1].toObject();
    const QJsonObject packageKind = kinds[2].toObject();
    REQUIRE(cardKind.value(u"kind").toString() == u"giftcard"_s);
    REQUIRE(voucherKind.value(u"kind").toString() == u"voucher"_s);
    REQUIRE(packageKind.value(u"kind").toString() == u"package"_s);

    // Our own sums: paid value only on the card (the bonus is not owed), the voucher released
    // at what was paid, the package's session at $120.
    CHECK(cents(cardKind, "sold_cents") == 100'00);
    CHECK(cents(cardKind, "redeemed_cents") == 40'00);
    CHECK(cents(cardKind, "closing_cents") == 60'00);
    CHECK(cents(voucherKind, "sold_cents") == 135'00);
    CHECK(cents(voucherKind, "redeemed_cents") == 135'00);
    CHECK(cents(voucherKind, "closing_cents") == 0);
    CHECK(cents(packageKind, "sold_cents") == 600'00);
    CHECK(cents(packageKind, "redeemed_cents") == 120'00);
    CHECK(cents(packageKind, "closing_cents") == 480'00);
    CHECK(cents(packageKind, "outstanding") == 4);
    const QJsonObject total = prepaid.value(u"total").toObject();
    CHECK(cents(total, "opening_cents") == 0);
    CHECK(cents(total, "sold_cents") == 835'00);
    CHECK(cents(total, "closing_cents") == 540'00);
    CHECK(cents(prepaid, "recognised_cents") == 255'00);
    CHECK(cents(prepaid, "promo_outstanding_cents") == 20'00);

    // The same figures as each kind's own report for the same range.
    const QJsonObject cards = c.ok({u"report"_s, u"giftcards"_s}).value(u"liability").toObject();
    for (const char *f :
         {"opening_cents", "sold_cents", "redeemed_cents", "other_cents", "closing_cents"})
        CHECK(cents(cardKind, f) == cents(cards, f));
    const QJsonObject vouchers = c.ok({u"report"_s, u"vouchers"_s}).value(u"liability").toObject();
    CHECK(cents(voucherKind, "opening_cents") == cents(vouchers, "opening_cents"));
    CHECK(cents(voucherKind, "sold_cents") == cents(vouchers, "sold_cents"));
    CHECK(cents(voucherKind, "redeemed_cents") == cents(vouchers, "redeemed_cents"));
    CHECK(cents(voucherKind, "other_cents") == -cents(vouchers, "refunded_cents"));
    CHECK(cents(voucherKind, "closing_cents") == cents(vouchers, "closing_cents"));
    const QJsonObject packages = c.ok({u"report"_s, u"packages"_s}).value(u"liability").toObject();
    CHECK(cents(packageKind, "opening_cents") == cents(packages, "opening_cents"));
    CHECK(cents(packageKind, "sold_cents") == cents(packages, "sold_cents"));
    CHECK(cents(packageKind, "redeemed_cents") == cents(packages, "recognised_cents"));
    CHECK(cents(packageKind, "other_cents") == -cents(packages, "refunded_cents"));
    CHECK(cents(packageKind, "closing_cents") == cents(packages, "closing_cents"));
    CHECK(cents(packageKind, "outstanding") == cents(packages, "sessions_left"));

    // --to alone: the liability at the end of that day; the next day opens with it.
    const QString tomorrow = QDate::fromString(today, Qt::ISODate).addDays(1).toString(Qt::ISODate);
    const QJsonObject next = c.ok({u"report"_s, u"prepaid"_s, u"--to"_s, tomorrow});
    CHECK(next.value(u"from").toString() == tomorrow);
    CHECK(cents(next.value(u"total").toObject(), "opening_cents") == 540'00);
    CHECK(cents(next.value(u"total").toObject(), "closing_cents") == 540'00);
    CHECK(cents(next, "recognised_cents") == 0);
    // The day before anything was sold owed nothing.
    const QString yesterday =
        QDate::fromString(today, Qt::ISODate).addDays(-1).toString(Qt::ISODate);
    CHECK(cents(c.ok({u"report"_s, u"prepaid"_s, u"--to"_s, yesterday}).value(u"total").toObject(),
                "closing_cents") == 0);

    // The CSV: a header and a row per kind, in dollars.
    QTemporaryDir dir;
    const QString csv = dir.filePath(u"prepaid.csv"_s);
    c.ok({u"report"_s, u"prepaid"_s, u"--csv"_s, csv});
    QFile f(csv);
    REQUIRE(f.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(f.readAll()).split(u'\n', Qt::SkipEmptyParts);
    REQUIRE(lines.size() == 4);
    CHECK(lines[0].startsWith(u"Prepaid,Owed at the start,Sold,Redeemed"_s));
    CHECK(lines[3].contains(u"480.00"_s));

    // The text says what is owed in all, what was recognised and the promotional value apart.
    const CtlRun text = runCtl(QStringLiteral(OASISCTL_PATH), c.tmp.path(), c.tmp.keyDir(),
                               {u"--user"_s, u"manager"_s, u"report"_s, u"prepaid"_s},
                               {{u"OASIS_PIN"_s, u"9999"_s}, {u"OASIS_REGISTER"_s, u"desk-1"_s}});
    REQUIRE(text.exitCode == 0);
    CHECK(text.out.contains("Revenue recognised from vouchers and packages: $255.00"));
    CHECK(text.out.contains("(not owed): $20.00"));
}

TEST_CASE("oasisctl report prepaid refuses bad dates in one line", "[report][prepaid][cli]") {
    PrepaidCtl c;
    for (const QStringList &args :
         {QStringList{u"--to"_s, u"2026-13-01"_s}, QStringList{u"--from"_s, u"yesterday"_s},
          QStringList{u"--from"_s, u"2026-12-06"_s, u"--to"_s, u"2026-12-01"_s}}) {
        const CtlRun r = c.run(QStringList{u"report"_s, u"prepaid"_s} + args);
        CHECK(r.exitCode == 1);
        CHECK(r.oneErrorLine());
        CHECK(r.out.isEmpty());
    }
    // Who may read it is who may read the other range reports.
    const CtlRun desk = c.run({u"report"_s, u"prepaid"_s}, u"frontdesk"_s, u"1111"_s);
    CHECK(desk.exitCode == c.run({u"report"_s, u"vouchers"_s}, u"frontdesk"_s, u"1111"_s).exitCode);
}
