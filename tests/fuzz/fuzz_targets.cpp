// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/fuzz/fuzz_targets.h"

#include "core/catalog.h"
#include "core/csv.h"
#include "core/database.h"
#include "core/demo.h"
#include "core/giftcode.h"
#include "core/journal.h"
#include "core/money.h"
#include "core/sale.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <cstdlib>
#include <memory>

namespace oasis::fuzz {

namespace {

[[noreturn]] void broken(const char *what) {
    std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
    std::abort();
}

QString text(const uint8_t *data, std::size_t size) {
    return QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
}

/// One database per process for the targets that need one (made on first use).
struct Store {
    QTemporaryDir dir;
    std::unique_ptr<Database> db;
    Store() {
        Database::Options o;
        o.mode = Database::Mode::CreateIfMissing;
        o.keyDirectory = QDir(dir.path()).filePath(QStringLiteral("keys"));
        auto opened = Database::open(QDir(dir.path()).filePath(QStringLiteral("f.db")), o);
        if (!opened)
            broken("cannot create the fuzz database");
        db = std::move(*opened);
        if (!installDemoData(*db))
            broken("cannot install demo data");
    }
};

Store &store() {
    static Store s;
    return s;
}

} // namespace

void money(const uint8_t *data, std::size_t size) {
    const QString input = text(data, size);
    for (bool negative : {false, true}) {
        auto m = Money::parse(input, Money::defaultLimit(), negative);
        if (!m)
            continue;
        if (!negative && m->isNegative())
            broken("a negative amount was accepted");
        if (*m > Money::defaultLimit() || -*m > Money::defaultLimit())
            broken("an amount above the limit was accepted");
        auto again = Money::parse(m->toString(), Money::defaultLimit(), true);
        if (!again || *again != *m)
            broken("an accepted amount does not read back from its own text");
    }
}

void scan(const uint8_t *data, std::size_t size) {
    const QString input = text(data, size);
    const giftcode::Parsed parsed = giftcode::parse(input);
    if (parsed.status == giftcode::Parse::Ok) {
        const giftcode::Parsed again = giftcode::parse(parsed.canonical);
        if (again.status != giftcode::Parse::Ok || again.canonical != parsed.canonical)
            broken("a canonical gift-card code does not parse to itself");
        if (!giftcode::looksLikeGiftCard(parsed.canonical))
            broken("a valid code is not classified as a gift card");
    }
    if (auto receipt = parseReceiptCode(input); receipt && *receipt <= 0)
        broken("a receipt number below 1");
    if (size <= 64)
        (void)CatalogService(*store().db).findByCode(input);
}

void csvImport(const uint8_t *data, std::size_t size) {
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    (void)csv::parse(bytes);
    Database &db = *store().db;
    auto before = db.scalar(QStringLiteral("SELECT COUNT(*) || '/' || COALESCE(SUM(price_cents), "
                                           "0) FROM items"));
    auto imported = CatalogService(db).importCsv(bytes, QStringLiteral("fuzz"));
    auto after = db.scalar(QStringLiteral("SELECT COUNT(*) || '/' || COALESCE(SUM(price_cents), "
                                          "0) FROM items"));
    if (!imported && before && after && before->toString() != after->toString())
        broken("a refused import changed the catalog");
}

void journal(const uint8_t *data, std::size_t size) {
    // A fresh small journal each time, then one edit chosen by the bytes.
    QTemporaryDir dir;
    const QString path = QDir(dir.path()).filePath(QStringLiteral("j.db"));
    Database::Options o;
    o.mode = Database::Mode::CreateIfMissing;
    o.keyDirectory = QDir(dir.path()).filePath(QStringLiteral("keys"));
    {
        auto db = Database::open(path, o);
        if (!db)
            broken("cannot create the journal database");
        for (int i = 0; i < 4; ++i) {
            auto tx = Transaction::begin(**db);
            if (!tx ||
                !Journal::append(**db, QStringLiteral("fuzz"), QStringLiteral("test"),
                                 {{QStringLiteral("n"), i}}) ||
                !tx->commit())
                broken("cannot append");
        }
    }
    if (size < 2)
        return;
    const int seq = 1 + data[0] % 4;
    const QString columns[] = {QStringLiteral("at"),        QStringLiteral("actor"),
                               QStringLiteral("kind"),      QStringLiteral("payload"),
                               QStringLiteral("prev_hash"), QStringLiteral("hash")};
    const QString column = columns[data[1] % 6];
    const QString value = text(data + 2, size - 2);
    bool changed = false;
    {
        const QString name = QStringLiteral("fuzz-tamper");
        {
            QSqlDatabase c = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            c.setDatabaseName(path);
            c.open();
            QSqlQuery q(c);
            q.exec(QStringLiteral("DROP TRIGGER journal_no_update"));
            q.prepare(QStringLiteral("UPDATE journal SET %1 = ? WHERE seq = ? AND %1 IS NOT ?")
                          .arg(column));
            q.addBindValue(value);
            q.addBindValue(seq);
            q.addBindValue(value);
            q.exec();
            changed = q.numRowsAffected() > 0;
            q.finish();
            c.close();
        }
        QSqlDatabase::removeDatabase(name);
    }
    auto db = Database::open(path, o);
    if (!db)
        return; // a tampered file may be refused at open: that is fine
    auto report = Journal::verify(**db);
    if (report && changed && report->ok)
        broken("an edited journal entry verified as intact");
}

} // namespace oasis::fuzz
