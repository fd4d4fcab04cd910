// SPDX-License-Identifier: GPL-3.0-or-later
// The catalog: the spa's sessions and products, finding them by scan or name, and CSV files
// that import whole or not at all.
#include "core/services/catalog.h"
#include "core/storage/database.h"
#include "tests/support/testsupport.h"

#include <set>

using namespace oasis;
using namespace Qt::StringLiterals;

namespace {
const QByteArray kHeader =
    "type,code,barcode,name,category,size,price,cost,tax_class,paraben_free,reorder_point,"
    "modality,minutes\r\n";

/// The EAN-13 check digit worked out here independently of the code under test.
QString withCheckDigit(const QString &twelve) {
    int sum = 0;
    for (int i = 0; i < 12; ++i)
        sum += (twelve[i].unicode() - u'0') * (i % 2 ? 3 : 1);
    return twelve + QString::number((10 - sum % 10) % 10);
}

qint64 itemCount(Database &db) {
    auto n = db.scalar(u"SELECT COUNT(*) FROM items"_s);
    REQUIRE(n);
    return n->toLongLong();
}
} // namespace

TEST_CASE("The demo catalog has the spa's massages and paraben-free products", "[catalog]") {
    test::TempDb db(true);
    CatalogService catalog(db.db());
    const auto items = test::value(catalog.list());

    std::set<QString> modalities;
    std::map<QString, std::set<int>> minutesByModality;
    int products = 0;
    for (const CatalogItem &it : items) {
        if (it.isSession()) {
            modalities.insert(it.modality);
            minutesByModality[it.modality].insert(it.minutes);
            REQUIRE(it.taxClass == TaxClass::Service);
            REQUIRE(it.price.cents() > 0);
            continue;
        }
        ++products;
        INFO(it.code.toStdString());
        REQUIRE(it.parabenFree);
        REQUIRE(it.taxClass == TaxClass::Retail);
        REQUIRE_FALSE(it.barcodes.isEmpty());
        for (const QString &b : it.barcodes) {
            REQUIRE(b.size() == 13);
            REQUIRE(withCheckDigit(b.left(12)) == b);
            REQUIRE(isValidEan13(b));
        }
    }
    REQUIRE(modalities.size() >= 4);
    for (const QString &m :
         {u"deep tissue"_s, u"trigger point therapy"_s, u"neuromuscular reprogramming"_s}) {
        INFO(m.toStdString());
        REQUIRE(minutesByModality[m] == std::set<int>{30, 60, 90});
    }
    REQUIRE(products >= 12);
}

TEST_CASE("EAN-13 check digits", "[catalog]") {
    REQUIRE(isValidEan13(u"4006381333931"_s));
    REQUIRE(isValidEan13(u"0850071001013"_s));
    REQUIRE(isValidEan13(withCheckDigit(u"978030640615"_s)));
    REQUIRE_FALSE(isValidEan13(u"4006381333932"_s));
    REQUIRE_FALSE(isValidEan13(u"0850071001014"_s));
    REQUIRE_FALSE(isValidEan13(u"400638133393"_s));
    REQUIRE_FALSE(isValidEan13(u"40063813339311"_s));
    REQUIRE_FALSE(isValidEan13(u"40063813339a1"_s));
    REQUIRE_FALSE(isValidEan13(QString()));
    // Every single-digit typo in a valid code is caught.
    const QString good = u"0850071001020"_s;
    for (int i = 0; i < 13; ++i)
        for (char16_t d = u'0'; d <= u'9'; ++d) {
            if (good[i] == QChar(d))
                continue;
            QString typo = good;
            typo[i] = QChar(d);
            REQUIRE_FALSE(isValidEan13(typo));
        }
}

TEST_CASE("A scan finds an item by SKU, session code or barcode", "[catalog]") {
    test::TempDb db(true);
    CatalogService catalog(db.db());

    auto bySku = test::value(catalog.findByCode(u"OIL-LAV-120"_s));
    REQUIRE(bySku);
    REQUIRE(bySku->name == u"Lavender Calm Body Oil"_s);
    REQUIRE(bySku->price.cents() == 2400);
    REQUIRE(bySku->cost.cents() == 940);
    REQUIRE(bySku->size == u"120 ml"_s);
    REQUIRE(bySku->category == u"Oils"_s);
    REQUIRE(bySku->barcodes == QStringList{u"0850071001020"_s});

    auto byBarcode = test::value(catalog.findByCode(u"0850071001020"_s));
    REQUIRE(byBarcode);
    REQUIRE(byBarcode->code == u"OIL-LAV-120"_s);

    auto lowerCase = test::value(catalog.findByCode(u" oil-lav-120 "_s));
    REQUIRE(lowerCase);
    REQUIRE(lowerCase->code == u"OIL-LAV-120"_s);

    auto session = test::value(catalog.findByCode(u"dt60"_s));
    REQUIRE(session);
    REQUIRE(session->isSession());
    REQUIRE(session->modality == u"deep tissue"_s);
    REQUIRE(session->minutes == 60);
    REQUIRE(session->price.cents() == 13500);

    REQUIRE_FALSE(test::value(catalog.findByCode(u"NOPE-1"_s)));
    REQUIRE_FALSE(test::value(catalog.findByCode(u"0850071001021"_s)));
    REQUIRE_FALSE(test::value(catalog.findByCode(QString())));
}

TEST_CASE("Items read by their numbers come in the order asked, each with its own barcodes",
          "[catalog]") {
    test::TempDb db(true);
    CatalogService catalog(db.db());
    const CatalogItem oil = *test::value(catalog.findByCode(u"OIL-LAV-120"_s));
    const CatalogItem session = *test::value(catalog.findByCode(u"DT60"_s));
    std::optional<CatalogItem> other;
    for (const CatalogItem &i : test::value(catalog.list()))
        if (i.id != oil.id && !i.barcodes.isEmpty())
            other = i;
    REQUIRE(other);

    const auto items = test::value(catalog.byIds({session.id, 999999, other->id, oil.id}));
    REQUIRE(items.size() == 3); // the unknown number is left out
    REQUIRE(items[0].code == u"DT60"_s);
    REQUIRE(items[0].barcodes.isEmpty());
    REQUIRE(items[1].code == other->code);
    REQUIRE(items[1].barcodes == other->barcodes);
    REQUIRE(items[2].code == u"OIL-LAV-120"_s);
    REQUIRE(items[2].barcodes == QStringList{u"0850071001020"_s});
    REQUIRE(items[2].price == oil.price);
    REQUIRE(test::value(catalog.byIds({})).empty());
}

TEST_CASE("Typing part of a name finds the item", "[catalog]") {
    test::TempDb db(true);
    CatalogService catalog(db.db());
    auto lavender = test::value(catalog.search(u"lavender"_s));
    REQUIRE(lavender.size() == 1);
    REQUIRE(lavender.front().code == u"OIL-LAV-120"_s);

    auto trigger = test::value(catalog.search(u"TRIGGER POINT"_s));
    REQUIRE(trigger.size() == 3);
    for (const CatalogItem &it : trigger)
        REQUIRE(it.modality == u"trigger point therapy"_s);

    REQUIRE(test::value(catalog.search(u"Lotions"_s)).size() == 4); // by category
    REQUIRE(test::value(catalog.search(u"oil"_s, 2)).size() == 2);  // the limit holds
    REQUIRE(test::value(catalog.search(u"zzz"_s)).empty());
    // LIKE wildcards typed by a person are plain text.
    REQUIRE(test::value(catalog.search(u"%"_s)).empty());
    REQUIRE(test::value(catalog.search(u"_"_s)).empty());
}

TEST_CASE("A catalog file with one bad row imports nothing and names the line", "[catalog]") {
    test::TempDb db(true);
    CatalogService catalog(db.db());
    const QByteArray before = test::value(catalog.exportCsv());
    const qint64 itemsBefore = itemCount(db.db());
    auto journalBefore = db->scalar(u"SELECT COUNT(*) FROM journal"_s);

    // Lines 2 and 3 are good (a new product, a price change); line 4 is the bad one; line 5 is
    // good again.
    const QByteArray good2 =
        "product,OIL-NEW-050,4006381333931,Peppermint Foot Oil,Oils,50 ml,16.00,6.00,retail,yes,"
        "4,,\r\n";
    const QByteArray good3 =
        "product,OIL-LAV-120,0850071001020,Lavender Calm Body Oil,Oils,120 ml,99.00,9.40,retail,"
        "yes,6,,\r\n";
    const QByteArray good5 =
        "session,CS45,,Cupping 45 min,Massage,,95.00,0.00,service,no,0,cupping,45\r\n";
    QByteArray bad;
    QString why;
    SECTION("a bad price") {
        bad = "product,OIL-BAD-001,,Bad Oil,Oils,,12.505,1.00,retail,yes,1,,\r\n";
        why = u"price"_s;
    }
    SECTION("a duplicate SKU") {
        bad = "product,oil-new-050,,Again,Oils,,10.00,1.00,retail,yes,1,,\r\n";
        why = u"duplicate code OIL-NEW-050 (also on line 2)"_s;
    }
    SECTION("an unknown tax class") {
        bad = "product,OIL-BAD-001,,Bad Oil,Oils,,10.00,1.00,food,yes,1,,\r\n";
        why = u"tax_class"_s;
    }
    SECTION("a wrong number of columns") {
        bad = "product,OIL-BAD-001,,Bad Oil,Oils,,10.00,1.00,retail,yes,1\r\n";
        why = u"11 columns instead of 13"_s;
    }
    SECTION("bytes that are not UTF-8") {
        bad = "product,OIL-BAD-001,,Cr\xe8me Oil,Oils,,10.00,1.00,retail,yes,1,,\r\n";
        why = u"UTF-8"_s;
    }
    SECTION("a barcode with a wrong check digit") {
        bad = "product,OIL-BAD-001,4006381333932,Bad Oil,Oils,,10.00,1.00,retail,yes,1,,\r\n";
        why = u"check digit"_s;
    }
    SECTION("a barcode already on another product") {
        bad = "product,OIL-BAD-001,0850071001013,Bad Oil,Oils,,10.00,1.00,retail,yes,1,,\r\n";
        why = u"0850071001013"_s;
    }
    SECTION("a session with a retail tax class") {
        bad = "session,XX60,,Bad,Massage,,10.00,0.00,retail,no,0,swedish,60\r\n";
        why = u"service"_s;
    }
    const QByteArray file = kHeader + good2 + good3 + bad + good5;
    auto r = catalog.importCsv(file, test::owner(db.db()));
    REQUIRE_FALSE(r);
    INFO(r.error().message.toStdString());
    // A barcode taken by a product outside the file is found while writing: a conflict.
    REQUIRE((r.error().code == ErrorCode::Invalid || r.error().code == ErrorCode::Conflict));
    REQUIRE(r.error().message.contains(u"Nothing was imported"_s));
    REQUIRE(r.error().message.contains(u"ine 4"_s)); // "line 4" or "Line 4"
    REQUIRE(r.error().message.contains(why));
    REQUIRE_FALSE(r.error().message.contains(u"line 2:"_s));
    REQUIRE_FALSE(r.error().message.contains(u"line 5"_s));

    REQUIRE(itemCount(db.db()) == itemsBefore);
    REQUIRE_FALSE(test::value(catalog.findByCode(u"OIL-NEW-050"_s)));
    REQUIRE(test::value(catalog.findByCode(u"OIL-LAV-120"_s))->price.cents() == 2400);
    REQUIRE(test::value(catalog.exportCsv()) == before);
    REQUIRE(db->scalar(u"SELECT COUNT(*) FROM journal"_s)->toInt() == journalBefore->toInt());
}

TEST_CASE("Every bad line of a catalog file is named", "[catalog]") {
    test::TempDb db(true);
    CatalogService catalog(db.db());
    const QByteArray file = kHeader + "product,A1,,Good,Oils,,1.00,,retail,yes,0,,\r\n"
                                      "product,A2,,Bad,Oils,,abc,,retail,yes,0,,\r\n"
                                      "product,A3,,Good,Oils,,1.00,,retail,yes,0,,\r\n"
                                      "product,A4,,Bad,Oils,,1.00,,retail,maybe,0,,\r\n";
    auto r = catalog.importCsv(file, test::owner(db.db()));
    REQUIRE_FALSE(r);
    REQUIRE(r.error().message.contains(u"line 3"_s));
    REQUIRE(r.error().message.contains(u"line 5"_s));
    REQUIRE_FALSE(r.error().message.contains(u"line 2"_s));
    REQUIRE_FALSE(r.error().message.contains(u"line 4"_s));

    SECTION("a wrong header is line 1") {
        auto h = catalog.importCsv("code,name\r\nA1,Good\r\n", test::owner(db.db()));
        REQUIRE_FALSE(h);
        REQUIRE(h.error().message.contains(u"line 1"_s));
    }
    SECTION("an unclosed quote names the line where the field starts") {
        auto q = catalog.importCsv(kHeader + "product,A1,,\"Good,Oils,,1.00,,retail,yes,0,,\r\n",
                                   test::owner(db.db()));
        REQUIRE_FALSE(q);
        REQUIRE(q.error().message.contains(u"Line 2"_s));
    }
}

TEST_CASE("Export, import and export again gives the same file", "[catalog]") {
    test::TempDb db(true);
    CatalogService catalog(db.db());
    const QByteArray first = test::value(catalog.exportCsv());
    REQUIRE(first.startsWith(kHeader));
    // Prices in dollars, sessions with their minutes, products without.
    REQUIRE(first.contains("session,DT60,,Deep Tissue Massage 60 min,Massage,,135.00,0.00,"
                           "service,no,0,deep tissue,60\r\n"));
    REQUIRE(first.contains("product,OIL-LAV-120,0850071001020,Lavender Calm Body Oil,Oils,"
                           "120 ml,24.00,9.40,retail,yes,6,,\r\n"));

    SECTION("into the same database") {
        auto report = test::value(catalog.importCsv(first, test::owner(db.db())));
        REQUIRE(report.added == 0);
        REQUIRE(report.updated == static_cast<int>(first.count('\n')) - 1);
        REQUIRE(test::value(catalog.exportCsv()) == first);
    }
    SECTION("into an empty database") {
        test::TempDb fresh;
        CatalogService other(fresh.db());
        auto report = test::value(other.importCsv(first, test::owner(fresh.db())));
        REQUIRE(report.added == static_cast<int>(first.count('\n')) - 1);
        REQUIRE(test::value(other.exportCsv()) == first);
    }
    SECTION("a spreadsheet's BOM and LF line ends are read too") {
        QByteArray lf = first;
        lf.replace("\r\n", "\n");
        test::value(catalog.importCsv("\xEF\xBB\xBF" + lf, test::owner(db.db())));
        REQUIRE(test::value(catalog.exportCsv()) == first);
    }
}

TEST_CASE("Names with commas and quotes survive a round trip", "[catalog]") {
    test::TempDb db;
    CatalogService catalog(db.db());
    CatalogItem item;
    item.code = u"OIL-QT-001"_s;
    item.name = u"Oil, \"Special\" Blend"_s;
    item.category = u"Oils, premium"_s;
    item.size = u"4\" jar"_s;
    item.price = Money::fromCents(1850);
    item.cost = Money::fromCents(700);
    item.barcodes = {withCheckDigit(u"400638133393"_s), u"12345678"_s};
    item.parabenFree = true;
    test::value(catalog.save(item, test::owner(db.db())));

    const QByteArray exported = test::value(catalog.exportCsv());
    REQUIRE(exported.contains("\"Oil, \"\"Special\"\" Blend\""));
    REQUIRE(exported.contains("\"Oils, premium\""));
    REQUIRE(exported.contains("\"4\"\" jar\""));
    REQUIRE(exported.contains("4006381333931|12345678"));

    test::TempDb fresh;
    CatalogService other(fresh.db());
    test::value(other.importCsv(exported, test::owner(fresh.db())));
    auto back = test::value(other.findByCode(u"oil-qt-001"_s));
    REQUIRE(back);
    REQUIRE(back->name == item.name);
    REQUIRE(back->category == item.category);
    REQUIRE(back->size == item.size);
    REQUIRE(back->barcodes == item.barcodes);
    REQUIRE(back->price.cents() == 1850);
    REQUIRE(test::value(other.exportCsv()) == exported);

    SECTION("non-ASCII text too; a name is one line (DESIGN §14: no control characters)") {
        item.code = u"OIL-CRB-101"_s;
        item.name = u"Crème Brûlée\nBody Oil"_s;
        item.barcodes.clear();
        const auto multiLine = catalog.save(item, test::owner(db.db()));
        REQUIRE_FALSE(multiLine.has_value());
        REQUIRE(multiLine.error().message.contains(u"control character (U+000A)"_s));
        item.name = u"Crème Brûlée Body Oil 🌿"_s;
        test::value(catalog.save(item, test::owner(db.db())));
        const QByteArray again = test::value(catalog.exportCsv());
        test::TempDb third;
        CatalogService t(third.db());
        test::value(t.importCsv(again, test::owner(third.db())));
        REQUIRE(test::value(t.findByCode(u"OIL-CRB-101"_s))->name == item.name);
        REQUIRE(test::value(t.exportCsv()) == again);
    }
}
