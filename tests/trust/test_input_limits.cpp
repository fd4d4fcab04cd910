// SPDX-License-Identifier: GPL-3.0-or-later
// Hostile input (DESIGN §14): text has limits and no control characters, CSV exports do not
// carry formulas a spreadsheet runs, the key file stays private, and a printer that takes
// nothing never holds the sale up.
#include "tests/support/testsupport.h"

#include "core/domain/csv.h"
#include "core/domain/text.h"
#include "core/services/catalog.h"
#include "core/services/sale.h"
#include "core/services/shift.h"
#include "core/services/staff.h"
#include "core/services/storesettings.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <sys/stat.h>
#include <sys/types.h>

using namespace oasis;
using namespace oasis::test;
using namespace Qt::StringLiterals;

namespace {

const QString kHeader =
    u"type,code,barcode,name,category,size,price,cost,tax_class,paraben_free,reorder_point,"
    "modality,minutes"_s;

qint64 count(Database &db, const QString &sql) {
    auto v = db.scalar(sql);
    if (!v)
        FAIL(v.error().message.toStdString());
    return v->toLongLong();
}

CatalogItem product(const QString &code, const QString &name) {
    CatalogItem item;
    item.code = code;
    item.name = name;
    item.category = u"Oils"_s;
    item.price = Money::fromCents(12'00);
    item.cost = Money::fromCents(4'00);
    return item;
}

mode_t modeOf(const QString &path) {
    struct stat st {};
    REQUIRE(::stat(QFile::encodeName(path).constData(), &st) == 0);
    return st.st_mode & 0777;
}

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

/// oasisctl on its own store, as a back-office script runs it.
class Shop final {
public:
    Shop() {
        REQUIRE(m_dir.isValid());
        QDir().mkpath(m_dir.filePath(u"home"_s));
    }
    QString db() const { return m_dir.filePath(u"oasis.db"_s); }
    QString keys() const { return m_dir.filePath(u"keys"_s); }
    QString file(const QString &name) const { return m_dir.filePath(name); }

    Run run(const QStringList &args, const QMap<QString, QString> &env = {}) const {
        QProcessEnvironment e;
        e.insert(u"OASIS_KEY_DIR"_s, keys());
        e.insert(u"HOME"_s, m_dir.filePath(u"home"_s));
        e.insert(u"XDG_DATA_HOME"_s, m_dir.filePath(u"home/data"_s));
        e.insert(u"XDG_CONFIG_HOME"_s, m_dir.filePath(u"home/config"_s));
        e.insert(u"OASIS_REGISTER"_s, u"test-register"_s);
        e.insert(u"PATH"_s, qEnvironmentVariable("PATH"));
        for (auto it = env.cbegin(); it != env.cend(); ++it)
            e.insert(it.key(), it.value());
        QProcess p;
        p.setProcessEnvironment(e);
        p.setStandardInputFile(QProcess::nullDevice());
        p.start(QStringLiteral(OASISCTL_PATH), QStringList{u"--db"_s, db()} + args);
        // Generous: without a deadline on the printer this would wait forever.
        const bool finished = p.waitForFinished(120'000);
        if (!finished) {
            p.kill();
            p.waitForFinished(5000);
        }
        REQUIRE(finished);
        REQUIRE(p.exitStatus() == QProcess::NormalExit);
        Run r{p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
        UNSCOPED_INFO("oasisctl " << args.join(u' ').left(200) << " → " << r.exitCode
                                  << "\nstdout: " << r.out.left(2000).toStdString()
                                  << "\nstderr: " << r.err.left(2000).toStdString());
        return r;
    }

private:
    QTemporaryDir m_dir;
};

} // namespace

TEST_CASE("checkText: lengths in characters, control characters refused, letters accepted",
          "[trust][input]") {
    REQUIRE(checkText(u"name"_s, u"Crème brûlée, señor 🌿 按摩"_s, 200).has_value());
    // An emoji is one character, not two UTF-16 units.
    REQUIRE(checkText(u"name"_s, QString(200, QChar(u'é')), 200).has_value());
    REQUIRE(checkText(u"name"_s, u"🌿"_s.repeated(200), 200).has_value());
    const auto tooLong = checkText(u"product name"_s, QString(201, u'x'), 200);
    REQUIRE_FALSE(tooLong.has_value());
    REQUIRE(tooLong.error().code == ErrorCode::Invalid);
    REQUIRE(tooLong.error().message ==
            u"The product name is 201 characters long; the limit is 200."_s);

    for (const char16_t c : {u'\0', u'\x01', u'\t', u'\r', u'\x1b', u'\x7f', u'\x85', u'\x9f'}) {
        const QString value = u"Lavender"_s + QChar(c) + u"Oil"_s;
        const auto refused = checkText(u"product name"_s, value, 200);
        INFO("U+" << std::hex << int(c));
        REQUIRE_FALSE(refused.has_value());
        REQUIRE(refused.error().message.contains(u"control character"_s));
        REQUIRE_FALSE(refused.error().message.contains(u'\n'));
    }
    REQUIRE_FALSE(checkText(u"name"_s, u"two\nlines"_s, 200).has_value());
    REQUIRE(checkText(u"message"_s, u"two\nlines\r\nthree"_s, 500, Newlines::Allowed).has_value());
    REQUIRE_FALSE(checkText(u"message"_s, u"lone\rCR"_s, 500, Newlines::Allowed).has_value());
    REQUIRE_FALSE(checkText(u"message"_s, u"nul\n\0"_s, 500, Newlines::Allowed).has_value());
    REQUIRE_FALSE(checkText(u"name"_s, QString(QChar(0xD800)), 200).has_value());
}

TEST_CASE("a 10 MB product name is refused by the editor's service and by import",
          "[trust][input]") {
    TempDb db(true);
    CatalogService catalog(db.db());
    const qint64 items = count(db.db(), u"SELECT COUNT(*) FROM items"_s);
    const qint64 journal = count(db.db(), u"SELECT COUNT(*) FROM journal"_s);
    const QString huge(10 * 1024 * 1024, u'x');

    SECTION("the product editor's service call") {
        const auto saved = catalog.save(product(u"HUGE-1"_s, huge), test::owner(db.db()));
        REQUIRE_FALSE(saved.has_value());
        REQUIRE(saved.error().code == ErrorCode::Invalid);
        REQUIRE(saved.error().message ==
                u"The product name is 10485760 characters long; the limit is 200."_s);
    }
    SECTION("a catalog import names the line, imports nothing, and quotes no megabytes back") {
        const QByteArray file = (kHeader +
                                 u"\r\nproduct,OK-1,,Fine Oil,Oils,,5.00,1.00,retail,"
                                 "no,0,,\r\nproduct,HUGE-1,,"_s +
                                 huge + u",Oils,,5.00,1.00,retail,no,0,,\r\n"_s)
                                    .toUtf8();
        const auto imported = catalog.importCsv(file, test::owner(db.db()));
        REQUIRE_FALSE(imported.has_value());
        REQUIRE(imported.error().code == ErrorCode::Invalid);
        REQUIRE(imported.error().message.contains(
            u"line 3: The product name is 10485760 characters long; the limit is 200"_s));
        REQUIRE(imported.error().message.size() < 300);
    }
    SECTION("a code, category, size, barcode or modality past its limit") {
        CatalogItem item = product(u"OK-2"_s, u"Fine"_s);
        item.category = QString(201, u'c');
        REQUIRE_FALSE(catalog.save(item, test::owner(db.db())).has_value());
        item = product(QString(65, u'A'), u"Fine"_s);
        const auto code = catalog.save(item, test::owner(db.db()));
        REQUIRE_FALSE(code.has_value());
        REQUIRE(code.error().message == u"The code is 65 characters long; the limit is 64."_s);
        item = product(u"OK-2"_s, u"Fine"_s);
        item.size = QString(65, u's');
        REQUIRE_FALSE(catalog.save(item, test::owner(db.db())).has_value());
        item = product(u"OK-2"_s, u"Fine"_s);
        item.barcodes = {QString(1'000'000, u'1')};
        const auto barcode = catalog.save(item, test::owner(db.db()));
        REQUIRE_FALSE(barcode.has_value());
        REQUIRE(barcode.error().message.size() < 200);
    }
    REQUIRE(count(db.db(), u"SELECT COUNT(*) FROM items"_s) == items);
    REQUIRE(count(db.db(), u"SELECT COUNT(*) FROM journal"_s) == journal);
}

TEST_CASE("NUL and other control characters are refused wherever people type text",
          "[trust][input]") {
    TempDb db(true);
    CatalogService catalog(db.db());
    const qint64 items = count(db.db(), u"SELECT COUNT(*) FROM items"_s);
    const QString withNul = u"Lavender"_s + QChar(u'\0') + u"Oil"_s;

    const auto saved = catalog.save(product(u"NUL-1"_s, withNul), test::owner(db.db()));
    REQUIRE_FALSE(saved.has_value());
    REQUIRE(saved.error().message.contains(u"control character (U+0000)"_s));

    QByteArray file = kHeader.toUtf8() + "\r\nproduct,NUL-2,,Lavender";
    file += '\0';
    file += "Oil,Oils,,5.00,1.00,retail,no,0,,\r\nproduct,ESC-1,,Bell\x1b[2J,Oils,,5.00,1.00,"
            "retail,no,0,,\r\n";
    const auto imported = catalog.importCsv(file, test::owner(db.db()));
    REQUIRE_FALSE(imported.has_value());
    REQUIRE(imported.error().message.contains(u"line 2: The product name holds a control"_s));
    REQUIRE(imported.error().message.contains(u"line 3: The product name holds a control"_s));
    REQUIRE(count(db.db(), u"SELECT COUNT(*) FROM items"_s) == items);

    // Letters from every language and emoji are fine and come back as they were typed.
    const QString spa = u"Crème de lavande — señora 🌿"_s;
    const auto accepted = catalog.save(product(u"UNI-1"_s, spa), test::owner(db.db()));
    REQUIRE(accepted.has_value());
    REQUIRE(accepted->name == spa);

    const StaffMember owner = staffNamed(db.db(), u"owner"_s);
    StaffService staff(db.db());
    const auto display =
        staff.add(u"newbie"_s, Role::Therapist, {}, owner, std::nullopt, u"New"_s + QChar(u'\x07'));
    REQUIRE_FALSE(display.has_value());
    REQUIRE(display.error().message.contains(u"display name"_s));
    REQUIRE_FALSE(staff.find(u"newbie"_s).has_value());

    // Gift-card To/From/message are checked before the sale writes anything.
    Ticket ticket;
    ticket.addGiftCard(Money::fromCents(50'00), u"Ana"_s, u"Ben"_s,
                       u"Happy birthday"_s + QChar(u'\0'));
    const auto checked = SaleService(db.db()).check(ticket, owner, std::nullopt);
    REQUIRE_FALSE(checked.has_value());
    REQUIRE(checked.error().message.contains(u"gift card's message"_s));
    Ticket longTo;
    longTo.addGiftCard(Money::fromCents(50'00), QString(201, u'a'), u"Ben"_s, u"Hi\nthere"_s);
    const auto to = SaleService(db.db()).check(longTo, owner, std::nullopt);
    REQUIRE_FALSE(to.has_value());
    REQUIRE(to.error().message.contains(u"201 characters long; the limit is 200"_s));
    Ticket fine;
    fine.addGiftCard(Money::fromCents(50'00), u"Zoë"_s, u"Ben"_s, u"Happy birthday!\nLove, B."_s);
    REQUIRE(SaleService(db.db()).check(fine, owner, std::nullopt).has_value());

    // A drawer pay-in reason and the store's details.
    const auto payIn =
        ShiftService(db.db()).payIn(Money::fromCents(10'00), u"change"_s + QChar(u'\x1b'), owner,
                                    std::nullopt, u"test-register"_s);
    REQUIRE_FALSE(payIn.has_value());
    REQUIRE(payIn.error().message.contains(u"pay-in reason"_s));
    StoreSettings settings(db.db());
    StoreInfo info = settings.storeInfo();
    const QString before = info.footer;
    info.footer = QString(1001, u'f');
    const auto footer = settings.setStoreInfo(info, test::owner(db.db()));
    REQUIRE_FALSE(footer.has_value());
    REQUIRE(footer.error().message ==
            u"The receipt footer is 1001 characters long; the limit is 1000."_s);
    info.footer = u"Thank you!\nReturns within 30 days."_s;
    info.name = u"Oasis"_s + QChar(u'\0');
    REQUIRE_FALSE(settings.setStoreInfo(info, test::owner(db.db())).has_value());
    REQUIRE(settings.storeInfo().footer == before);
}

TEST_CASE("CSV exports neutralise formulas and keep numbers, import reads back what export wrote",
          "[trust][input][csv]") {
    SECTION("the cell rule") {
        REQUIRE(csv::formatRow({u"=HYPERLINK(\"http://evil\",\"click\")"_s}) ==
                "\"'=HYPERLINK(\"\"http://evil\"\",\"\"click\"\")\"\r\n");
        REQUIRE(csv::formatRow({u"+1+2"_s, u"-10% promo"_s, u"@SUM(A1)"_s, u"\tx"_s}) ==
                "'+1+2,'-10% promo,'@SUM(A1),'\tx\r\n");
        REQUIRE(csv::formatRow({u"\rx"_s}) == "\"'\rx\"\r\n");
        // Numbers stay numbers: a refund's money column is still -12.50 for the spreadsheet.
        REQUIRE(csv::formatRow({u"-12.50"_s, u"+3"_s, u"-7"_s, u"0.99"_s, u"Lavender Oil"_s}) ==
                "-12.50,+3,-7,0.99,Lavender Oil\r\n");
        // A text that really starts with ' before a formula keeps its ' through the round trip.
        for (const QString &cell :
             {u"'=x"_s, u"''-y"_s, u"'plain"_s, u"-12.50"_s, u"=1+1"_s, u"-"_s, u"'"_s, u""_s}) {
            const auto rows = csv::parse(csv::formatRow({cell, u"-5"_s}));
            REQUIRE(rows.has_value());
            REQUIRE(rows->size() == 1);
            REQUIRE(rows->front().fields == QStringList{cell, u"-5"_s});
        }
    }
    SECTION("catalog export and import") {
        TempDb db(true);
        CatalogService catalog(db.db());
        const QString formula = u"=HYPERLINK(\"http://evil.example\",\"Lavender\")"_s;
        REQUIRE(catalog.save(product(u"F-1"_s, formula), test::owner(db.db())).has_value());
        REQUIRE(catalog.save(product(u"F-2"_s, u"-10% promo"_s), test::owner(db.db())).has_value());
        CatalogItem at = product(u"F-3"_s, u"@home kit"_s);
        at.category = u"+Extras"_s;
        REQUIRE(catalog.save(at, test::owner(db.db())).has_value());

        const QByteArray exported = value(catalog.exportCsv());
        REQUIRE(exported.contains("\"'=HYPERLINK("));
        REQUIRE(exported.contains(",'-10% promo,"));
        REQUIRE(exported.contains(",'@home kit,'+Extras,"));
        for (const QByteArray &line : exported.split('\n'))
            for (const QByteArray &cell : line.split(','))
                REQUIRE_FALSE((cell.startsWith('=') || cell.startsWith('@') ||
                               cell.startsWith("\"=") || cell.startsWith("\"@")));

        // Renamed in between, then the exported file is imported back: the names return.
        REQUIRE(catalog.save(product(u"F-1"_s, u"changed"_s), test::owner(db.db())).has_value());
        REQUIRE(catalog.save(product(u"F-2"_s, u"changed"_s), test::owner(db.db())).has_value());
        REQUIRE(catalog.importCsv(exported, test::owner(db.db())).has_value());
        REQUIRE(value(catalog.findByCode(u"F-1"_s))->name == formula);
        REQUIRE(value(catalog.findByCode(u"F-2"_s))->name == u"-10% promo"_s);
        REQUIRE(value(catalog.findByCode(u"F-3"_s))->category == u"+Extras"_s);
    }
}

TEST_CASE("a CSV file larger than the cap is refused before it is read", "[trust][input][csv]") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(u"big.csv"_s);
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    REQUIRE(file.resize(csv::kMaxFileBytes + 1)); // sparse: no disk, no memory
    file.close();
    const auto read = csv::readFile(path);
    REQUIRE_FALSE(read.has_value());
    REQUIRE(read.error().code == ErrorCode::Invalid);
    REQUIRE(read.error().message.contains(u"at most 16777216 bytes"_s));

    const auto parsed = csv::parse(QByteArray(csv::kMaxFileBytes + 1, 'a'));
    REQUIRE_FALSE(parsed.has_value());
}

TEST_CASE("a key file readable by others is made private again when the store opens",
          "[trust][input][keys]") {
    TempDb db(true);
    const QString keyFile = db->keyFilePath();
    REQUIRE(modeOf(keyFile) == 0600);
    REQUIRE(QFile::setPermissions(keyFile, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup |
                                               QFile::ReadOther));
    REQUIRE(modeOf(keyFile) == 0644);
    db.reopen();
    REQUIRE(modeOf(keyFile) == 0600);
    REQUIRE(db->openWarnings().size() == 1);
    REQUIRE(db->openWarnings().front().contains(u"mode 0644"_s));
    db.reopen();
    REQUIRE(db->openWarnings().isEmpty());
}

TEST_CASE("oasisctl warns on stderr when it tightens the key file", "[trust][input][keys]") {
    Shop shop;
    REQUIRE(shop.run({u"init"_s, u"--demo"_s}).exitCode == 0);
    const QStringList keyFiles = QDir(shop.keys()).entryList({u"*.key"_s}, QDir::Files);
    REQUIRE(keyFiles.size() == 1);
    const QString keyFile = QDir(shop.keys()).filePath(keyFiles.front());
    REQUIRE(::chmod(QFile::encodeName(keyFile).constData(), 0640) == 0);
    const Run listed = shop.run({u"catalog"_s, u"list"_s});
    REQUIRE(listed.exitCode == 0);
    REQUIRE(listed.err.contains("warning: The key file"));
    REQUIRE(listed.err.contains("mode 0640"));
    REQUIRE(listed.err.count('\n') == 1);
    REQUIRE(modeOf(keyFile) == 0600);
}

TEST_CASE("a sale printed to a FIFO nobody reads is saved, says how to reprint, and reprints",
          "[trust][printing]") {
    Shop shop;
    REQUIRE(shop.run({u"init"_s, u"--demo"_s}).exitCode == 0);
    const QString fifo = shop.file(u"printer"_s);
    REQUIRE(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
    const QMap<QString, QString> pin{{u"OASIS_PIN"_s, u"1111"_s}};

    const Run sale =
        shop.run({u"--user"_s, u"frontdesk"_s, u"--json"_s, u"sale"_s, u"OIL-LAV-120"_s, u"--pay"_s,
                  u"cash:50"_s, u"--print"_s, u"device:"_s + fifo},
                 pin);
    REQUIRE(sale.exitCode == 3);
    REQUIRE(sale.err.count('\n') == 1);
    const QString err = QString::fromUtf8(sale.err);
    REQUIRE(err.contains(u"Receipt R-000001 was saved but not printed"_s));
    REQUIRE(
        err.contains(u"Reprint with: oasisctl receipt print R-000001 --print device:"_s + fifo));
    const QJsonObject json = QJsonDocument::fromJson(sale.out).object();
    REQUIRE(json.value(u"receipt"_s).toInt() == 1);
    REQUIRE(json.value(u"printed"_s).toBool(true) == false);

    const Run shown = shop.run({u"--json"_s, u"receipt"_s, u"show"_s, u"R-000001"_s});
    REQUIRE(shown.exitCode == 0);
    const QString text = shop.file(u"reprint.txt"_s);
    const Run reprint =
        shop.run({u"receipt"_s, u"print"_s, u"R-000001"_s, u"--print"_s, u"text:"_s + text});
    REQUIRE(reprint.exitCode == 0);
    QFile printed(text);
    REQUIRE(printed.open(QIODevice::ReadOnly));
    REQUIRE(printed.readAll().contains("R-000001"));
    // The FIFO is still a FIFO: a file: or text: target never replaces a device node either.
    const Run asFile =
        shop.run({u"receipt"_s, u"print"_s, u"R-000001"_s, u"--print"_s, u"file:"_s + fifo});
    REQUIRE(asFile.exitCode == 3);
    struct stat st {};
    REQUIRE(::stat(QFile::encodeName(fifo).constData(), &st) == 0);
    REQUIRE(S_ISFIFO(st.st_mode));
}
