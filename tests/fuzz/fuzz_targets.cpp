// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/fuzz/fuzz_targets.h"

#include "core/domain/csv.h"
#include "core/domain/giftcode.h"
#include "core/domain/money.h"
#include "core/services/catalog.h"
#include "core/services/demo.h"
#include "core/services/sale.h"
#include "core/services/store.h"
#include "core/storage/database.h"
#include "core/storage/journal.h"

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
        o.onCreated = &oasis::Store::prepareNew;
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
    auto owner = StaffService(db).find(QStringLiteral("owner"));
    if (!owner)
        broken("the demo owner is missing");
    auto imported = CatalogService(db).importCsv(bytes, *owner);
    auto after = db.scalar(QStringLiteral("SELECT COUNT(*) || '/' || COALESCE(SUM(price_cents), "
                                          "0) FROM items"));
    if (!imported && before && after && before->toString() != after->toString())
        broken("a refused import changed the catalog");
}

namespace {
/// A small journal made once per process; each input edits it inside a transaction that is
/// rolled back, so every run starts from the same four intact entries (building a database per
/// input allowed only about 30 runs a second).
struct JournalStore {
    QTemporaryDir dir;
    QString connection = QStringLiteral("fuzz-journal");
    QByteArray key;
    std::pair<qint64, QString> anchor;
    JournalStore() {
        Database::Options o;
        o.mode = Database::Mode::CreateIfMissing;
        o.onCreated = &oasis::Store::prepareNew;
        o.keyDirectory = QDir(dir.path()).filePath(QStringLiteral("keys"));
        const QString path = QDir(dir.path()).filePath(QStringLiteral("j.db"));
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
            key = (*db)->keys().journal;
            auto head = Journal::head(**db);
            if (!head)
                broken("cannot read the journal head");
            anchor = *head;
        }
        QSqlDatabase c = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        c.setDatabaseName(path);
        if (!c.open())
            broken("cannot reopen the journal database");
    }
};
} // namespace

void journal(const uint8_t *data, std::size_t size) {
    // The four entries, then one edit chosen by the bytes, verified, then rolled back.
    static JournalStore store;
    if (size < 2)
        return;
    const int seq = 1 + data[0] % 4;
    const QString columns[] = {QStringLiteral("at"),        QStringLiteral("actor"),
                               QStringLiteral("kind"),      QStringLiteral("payload"),
                               QStringLiteral("prev_hash"), QStringLiteral("hash")};
    const QString column = columns[data[1] % 6];
    const QString value = text(data + 2, size - 2);
    QSqlDatabase c = QSqlDatabase::database(store.connection);
    QSqlQuery q(c);
    if (!q.exec(QStringLiteral("BEGIN")) ||
        !q.exec(QStringLiteral("DROP TRIGGER journal_no_update")))
        broken("cannot start the edit");
    q.prepare(
        QStringLiteral("UPDATE journal SET %1 = ? WHERE seq = ? AND %1 IS NOT ?").arg(column));
    q.addBindValue(value);
    q.addBindValue(seq);
    q.addBindValue(value);
    q.exec();
    const bool changed = q.numRowsAffected() > 0;
    q.finish();
    {
        auto report = Journal::verifyChain(c, store.key, store.anchor);
        if (report && changed && report->ok)
            broken("an edited journal entry verified as intact");
        if (report && !changed && !report->ok)
            broken("an untouched journal failed to verify");
    }
    if (!q.exec(QStringLiteral("ROLLBACK")))
        broken("cannot roll the edit back");
}

} // namespace oasis::fuzz
