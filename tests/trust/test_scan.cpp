// SPDX-License-Identifier: GPL-3.0-or-later
// What a scan at the counter is (ScanResolver), in core without a widget, and as oasisctl scan
// says it: the same resolver behind the register's scan field and the command.
#include "tests/support/testsupport.h"

#include "core/domain/giftcode.h"
#include "core/services/scan.h"

#include <QJsonArray>

using namespace oasis;
using namespace oasis::test;
using namespace Qt::StringLiterals;

TEST_CASE("a scan is a gift card, a receipt, an item by any of its codes, or a name search",
          "[trust][counter]") {
    TempDb tmp(true);
    ScanResolver scan(tmp.db());

    const QString code = giftcode::generate();
    const ScanResult gift = value(scan.resolve(u"  "_s + code.toLower() + u"\n"_s));
    CHECK(gift.kind == ScanResult::Kind::GiftCard);
    CHECK(gift.giftCode == code); // canonical, whatever case it was typed in

    const ScanResult receipt = value(scan.resolve(u"R-000042"_s));
    CHECK(receipt.kind == ScanResult::Kind::Receipt);
    CHECK(receipt.receiptNo == 42);

    const ScanResult sku = value(scan.resolve(u"OIL-LAV-120"_s));
    REQUIRE(sku.kind == ScanResult::Kind::Item);
    CHECK(sku.item.code == u"OIL-LAV-120"_s);
    CHECK_FALSE(sku.item.isSession());
    const ScanResult session = value(scan.resolve(u"DT60"_s));
    REQUIRE(session.kind == ScanResult::Kind::Item);
    CHECK(session.item.isSession());
    const ScanResult barcode = value(scan.resolve(u"0850071001020"_s));
    REQUIRE(barcode.kind == ScanResult::Kind::Item);
    CHECK(barcode.item.code == sku.item.code);

    const ScanResult byName = value(scan.resolve(u"lavender"_s));
    REQUIRE(byName.kind == ScanResult::Kind::Matches);
    CHECK(std::any_of(byName.matches.begin(), byName.matches.end(),
                      [](const CatalogItem &i) { return i.code == u"OIL-LAV-120"_s; }));
    CHECK(value(scan.resolve(u"Massage"_s, 3)).matches.size() == 3);

    CHECK(value(scan.resolve(u"no such thing"_s)).kind == ScanResult::Kind::Nothing);
    CHECK(value(scan.resolve(u"   "_s)).kind == ScanResult::Kind::Nothing);
    // Hostile text is text: no match, no error, nothing changed.
    CHECK(value(scan.resolve(u"%' OR 1=1 --"_s)).kind == ScanResult::Kind::Nothing);
    CHECK(value(scan.resolve(u"%"_s)).kind == ScanResult::Kind::Nothing);
    // Longer than any code or name, or with control characters: refused in one line.
    const auto tooLong = scan.resolve(QString(100'000, u'a'));
    REQUIRE_FALSE(tooLong);
    CHECK(tooLong.error().code == ErrorCode::Invalid);
    CHECK_FALSE(tooLong.error().message.contains(u"SELECT"_s));
    CHECK_FALSE(scan.resolve(u"OIL\x1b[31m"_s));
}

TEST_CASE("oasisctl scan says what the register would do, and refuses what is not one TEXT",
          "[trust][counter][cli]") {
    TempDb tmp(true);
    const QString db = tmp.path();
    tmp.close();
    auto scan = [&](const QStringList &args) {
        return runCtl(QStringLiteral(OASISCTL_PATH), db, tmp.keyDir(), args);
    };
    const CtlRun item = scan({u"--json"_s, u"scan"_s, u"DT60"_s});
    REQUIRE(item.exitCode == 0);
    CHECK(item.json()[u"kind"_s].toString() == u"item"_s);
    CHECK(item.json()[u"item"_s].toObject()[u"type"_s].toString() == u"session"_s);

    const CtlRun names = scan({u"--json"_s, u"scan"_s, u"lotion"_s});
    REQUIRE(names.exitCode == 0);
    CHECK(names.json()[u"kind"_s].toString() == u"matches"_s);
    CHECK_FALSE(names.json()[u"matches"_s].toArray().isEmpty());

    const QString code = giftcode::generate();
    const CtlRun gift = scan({u"--json"_s, u"scan"_s, code});
    REQUIRE(gift.exitCode == 0);
    CHECK(gift.json()[u"kind"_s].toString() == u"giftcard"_s);
    CHECK(gift.json()[u"last4"_s].toString() == giftcode::last4(code));
    CHECK_FALSE(gift.out.contains(code.toUtf8())); // the full code is not echoed

    const CtlRun receipt = scan({u"--json"_s, u"scan"_s, u"#7"_s});
    CHECK(receipt.json()[u"receipt_code"_s].toString() == u"R-000007"_s);

    for (const QStringList &bad :
         {QStringList{u"scan"_s}, QStringList{u"scan"_s, u" "_s},
          QStringList{u"scan"_s, u"a"_s, u"b"_s}, QStringList{u"scan"_s, QString(5000, u'x')},
          QStringList{u"scan"_s, u"OIL\x07"_s}}) {
        const CtlRun refused = scan(bad);
        CHECK(refused.exitCode == 1);
        CHECK(refused.oneErrorLine());
    }
}
