// SPDX-License-Identifier: GPL-3.0-or-later
// Storage: opening, refusing bad files without touching them, migrations, triggers,
// the transaction guard and the key file.
#include "core/services/store.h"
#include "core/storage/database.h"
#include "core/storage/journal.h"
#include "core/storage/schema.h"
#include "tests/support/testsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>

using namespace oasis;
using namespace Qt::StringLiterals;

namespace {

void writeAll(const QString &path, const QByteArray &bytes) {
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    REQUIRE(f.write(bytes) == bytes.size());
}

/// Every file in a folder with its bytes: "nothing was created or changed" compares these.
QMap<QString, QByteArray> snapshot(const QString &dir) {
    QMap<QString, QByteArray> out;
    const QFileInfoList entries =
        QDir(dir).entryInfoList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
    for (const QFileInfo &fi : entries)
        out.insert(fi.fileName(), test::fileBytes(fi.absoluteFilePath()));
    return out;
}

bool sameFiles(const QString &dir, const QMap<QString, QByteArray> &before) {
    const auto now = snapshot(dir);
    if (now.keys() != before.keys())
        UNSCOPED_INFO("files before: " << before.keys().join(u' ')
                                       << "; after: " << now.keys().join(u' '));
    return now == before;
}

Database::Options optionsFor(const QString &keyDir, Database::Mode mode, int busyMs = 2000) {
    Database::Options o;
    o.mode = mode;
    o.keyDirectory = keyDir;
    o.busyTimeoutMs = busyMs;
    o.onCreated = &Store::prepareNew;
    return o;
}

void execOk(Database &db, const QString &sql, const QVariantList &binds = {}) {
    auto q = db.exec(sql, binds);
    if (!q)
        FAIL(q.error().message);
}

qint64 count(Database &db, const QString &table) {
    auto n = db.scalar(u"SELECT COUNT(*) FROM "_s + table);
    REQUIRE(n);
    return n->toLongLong();
}

void addStaffRow(Database &db, const QString &name) {
    execOk(db,
           u"INSERT INTO staff(name, display_name, role, created_at) "
           "VALUES (?, ?, 'therapist', '2026-01-01T00:00:00.000Z')"_s,
           {name, name});
}

/// A second connection that takes the write lock of the file and keeps it. With
/// `wholeFile` it locks the file against readers too (possible only while nobody else has it
/// open: in WAL mode an open connection keeps its share of the WAL index).
class LockHolder final {
public:
    explicit LockHolder(const QString &path, bool wholeFile) {
        QSqlDatabase c = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
        c.setDatabaseName(path);
        REQUIRE(c.open());
        QSqlQuery q(c);
        if (wholeFile)
            REQUIRE(q.exec(u"PRAGMA locking_mode=EXCLUSIVE"_s));
        REQUIRE(q.exec(u"BEGIN EXCLUSIVE"_s));
        REQUIRE(q.exec(u"INSERT INTO settings(key, value) VALUES ('held', 'yes')"_s));
    }
    ~LockHolder() {
        {
            QSqlDatabase c = QSqlDatabase::database(m_name, false);
            QSqlQuery q(c);
            q.exec(u"ROLLBACK"_s);
            q.finish();
            c.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }

private:
    QString m_name = u"lock-holder"_s;
};

} // namespace

TEST_CASE("A new database records the latest schema version and runs safely", "[sqlite][storage]") {
    test::TempDb db;
    REQUIRE(db->wasCreated());
    REQUIRE(db->schemaVersion() == Database::latestSchemaVersion());
    REQUIRE(Database::latestSchemaVersion() == schema::latestVersion());
    auto stored = db->scalar(u"SELECT value FROM meta WHERE key = 'schema_version'"_s);
    REQUIRE(stored);
    REQUIRE(stored->toInt() == Database::latestSchemaVersion());
    REQUIRE_FALSE(db->id().isEmpty());

    auto journalMode = db->scalar(u"PRAGMA journal_mode"_s);
    REQUIRE(journalMode);
    REQUIRE(journalMode->toString() == u"wal"_s);
    auto foreignKeys = db->scalar(u"PRAGMA foreign_keys"_s);
    REQUIRE(foreignKeys);
    REQUIRE(foreignKeys->toInt() == 1);
    auto synchronous = db->scalar(u"PRAGMA synchronous"_s);
    REQUIRE(synchronous);
    REQUIRE(synchronous->toInt() == 2); // FULL
    // Temporary tables, sorts and statement journals in memory (2: MEMORY).
    CHECK(test::value(db->scalar(u"PRAGMA temp_store"_s)).toInt() == 2);
    auto busy = db->scalar(u"PRAGMA busy_timeout"_s);
    REQUIRE(busy);
    REQUIRE(busy->toInt() == 2000);

    SECTION("foreign keys are enforced") {
        auto bad =
            db->exec(u"INSERT INTO item_barcodes(barcode, item_id) VALUES ('123456', 999)"_s);
        REQUIRE_FALSE(bad);
        REQUIRE(bad.error().code == ErrorCode::Storage);
    }
    SECTION("reopening keeps the data and does not count as created") {
        addStaffRow(db.db(), u"lena"_s);
        const QString id = db->id();
        db.reopen();
        REQUIRE_FALSE(db->wasCreated());
        REQUIRE(db->id() == id);
        REQUIRE(db->schemaVersion() == Database::latestSchemaVersion());
        REQUIRE(count(db.db(), u"staff"_s) == 1);
        auto fk = db->scalar(u"PRAGMA foreign_keys"_s);
        REQUIRE(fk->toInt() == 1);
    }
}

TEST_CASE("A database that cannot be used is refused without touching any file", "[storage]") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString keys = dir.filePath(u"keys"_s);

    SECTION("a missing folder") {
        const QString path = dir.filePath(u"no/such/folder/oasis.db"_s);
        auto db = Database::open(path, optionsFor(keys, Database::Mode::CreateIfMissing));
        REQUIRE_FALSE(db);
        REQUIRE(db.error().code == ErrorCode::Storage);
        REQUIRE(db.error().message.contains(u"does not exist"_s));
        REQUIRE_FALSE(QFileInfo::exists(dir.filePath(u"no"_s)));
        REQUIRE_FALSE(QFileInfo::exists(keys));
    }
    SECTION("a missing file is not silently created") {
        const QString path = dir.filePath(u"oasis.db"_s);
        auto db = Database::open(path, optionsFor(keys, Database::Mode::OpenExisting));
        REQUIRE_FALSE(db);
        REQUIRE(db.error().code == ErrorCode::Storage);
        REQUIRE(db.error().message.contains(u"There is no database"_s));
        REQUIRE(db.error().message.contains(u"init"_s));
        REQUIRE(snapshot(dir.path()).isEmpty());
        REQUIRE_FALSE(QFileInfo::exists(keys));
    }
    SECTION("an empty file") {
        const QString path = dir.filePath(u"oasis.db"_s);
        writeAll(path, {});
        auto db = Database::open(path, optionsFor(keys, Database::Mode::OpenExisting));
        REQUIRE_FALSE(db);
        REQUIRE(db.error().code == ErrorCode::Storage);
        REQUIRE(db.error().message.contains(u"empty file"_s));
        REQUIRE(test::fileBytes(path).isEmpty());
    }
    SECTION("a file that is not a database") {
        const QString path = dir.filePath(u"notes.txt"_s);
        writeAll(path, "type,code\nproduct,OIL\n");
        const auto before = snapshot(dir.path());
        for (auto mode : {Database::Mode::OpenExisting, Database::Mode::CreateIfMissing}) {
            auto db = Database::open(path, optionsFor(keys, mode));
            REQUIRE_FALSE(db);
            REQUIRE(db.error().code == ErrorCode::Storage);
            REQUIRE(db.error().message.contains(u"not a database"_s));
        }
        REQUIRE(sameFiles(dir.path(), before));
        REQUIRE_FALSE(QFileInfo::exists(keys));
    }
    SECTION("a SQLite database of another program") {
        const QString path = dir.filePath(u"other.db"_s);
        test::rawSql(path, u"CREATE TABLE things (id INTEGER PRIMARY KEY)"_s);
        const auto before = snapshot(dir.path());
        auto db = Database::open(path, optionsFor(keys, Database::Mode::CreateIfMissing));
        REQUIRE_FALSE(db);
        REQUIRE(db.error().code == ErrorCode::Storage);
        REQUIRE(db.error().message.contains(u"not an Oasis POS database"_s));
        REQUIRE(sameFiles(dir.path(), before));
    }
}

TEST_CASE("A damaged database file is reported, never repaired or replaced", "[sqlite][storage]") {
    test::TempDb db(true);
    const QString path = db.path();
    db.close();
    QByteArray bytes = test::fileBytes(path);
    REQUIRE(bytes.size() > 8 * 4096);

    SECTION("garbage over the pages after the header") {
        // Keep the 100-byte header so it still looks like SQLite; wreck the schema and data.
        for (qsizetype i = 100; i < bytes.size(); ++i)
            bytes[i] = static_cast<char>((i * 7919) & 0xFF);
    }
    SECTION("garbage over the header") {
        for (qsizetype i = 0; i < 64; ++i)
            bytes[i] = static_cast<char>(0xA5);
    }
    SECTION("garbage over the data pages only") {
        for (qsizetype i = 2 * 4096; i < bytes.size(); ++i)
            bytes[i] = static_cast<char>((i * 31) & 0xFF);
    }
    writeAll(path, bytes);
    const auto before = snapshot(db.dir());
    auto reopened = Database::open(path, db.options());
    REQUIRE_FALSE(reopened);
    REQUIRE(reopened.error().code == ErrorCode::Storage);
    const QString message = reopened.error().message;
    INFO(message.toStdString());
    REQUIRE((message.contains(u"damaged"_s) || message.contains(u"integrity"_s)));
    REQUIRE(message.contains(u"backup"_s));
    REQUIRE(sameFiles(db.dir(), before));
}

TEST_CASE("A read-only database is refused before a sale could fail", "[sqlite][storage]") {
    test::TempDb db;
    const QString path = db.path();
    db.close();

    SECTION("a read-only file") {
        REQUIRE(
            QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
        const auto before = snapshot(db.dir());
        if (QFileInfo(path).isWritable()) {
            // root writes through 0444: the file is not read-only for this process, and the
            // code checks exactly what QFileInfo says. tests/cli covers it as an ordinary user.
            WARN("running as root: a 0444 file is writable; checked as another user in tests/cli");
        } else {
            auto r = Database::open(path, db.options());
            REQUIRE_FALSE(r);
            REQUIRE(r.error().code == ErrorCode::Storage);
            REQUIRE(r.error().message.contains(u"read-only"_s));
            REQUIRE(sameFiles(db.dir(), before));
        }
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    }
    SECTION("a read-only folder for a new database") {
        const QString folder = QDir(db.dir()).filePath(u"ro"_s);
        REQUIRE(QDir().mkpath(folder));
        REQUIRE(QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner));
        if (QFileInfo(folder).isWritable()) {
            WARN("running as root: a 0500 folder is writable; checked as another user in "
                 "tests/cli");
        } else {
            auto r = Database::open(QDir(folder).filePath(u"oasis.db"_s),
                                    db.options(Database::Mode::CreateIfMissing));
            REQUIRE_FALSE(r);
            REQUIRE(r.error().code == ErrorCode::Storage);
            REQUIRE(r.error().message.contains(u"read-only"_s));
            REQUIRE(QDir(folder).isEmpty());
        }
        QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
}

TEST_CASE("A database locked by another program gives a clear busy message", "[sqlite][storage]") {
    test::TempDb db;
    const QString path = db.path();

    SECTION("opening while another program holds an exclusive lock") {
        db.close();
        LockHolder holder(path, true);
        const auto before = snapshot(db.dir());
        Database::Options o = db.options();
        o.busyTimeoutMs = 200;
        auto r = Database::open(path, o);
        REQUIRE_FALSE(r);
        REQUIRE(r.error().code == ErrorCode::Storage);
        INFO(r.error().message.toStdString());
        REQUIRE(r.error().message.contains(u"busy"_s));
        REQUIRE(sameFiles(db.dir(), before));
    }
    SECTION("writing while another program holds an exclusive lock") {
        Database::Options o = db.options();
        o.busyTimeoutMs = 200;
        db.close();
        auto opened = Database::open(path, o);
        REQUIRE(opened);
        Database &d = **opened;
        LockHolder holder(path, false);
        auto tx = Transaction::begin(d);
        REQUIRE_FALSE(tx);
        REQUIRE(tx.error().code == ErrorCode::Storage);
        REQUIRE(tx.error().message.contains(u"busy"_s));
        auto write = d.exec(u"INSERT INTO settings(key, value) VALUES ('mine', 'x')"_s);
        REQUIRE_FALSE(write);
        REQUIRE(write.error().message.contains(u"busy"_s));
    }
}

TEST_CASE("A full disk is said in one line without the statement, naming the server's disk on "
          "a server",
          "[storage]") {
    // As SQLite and PostgreSQL (disk_full, 53100) word it.
    const Error file =
        storageError(u"INSERT INTO sale_lines(sale_id, line_no) VALUES (?, ?)"_s,
                     QSqlError(u"Unable to fetch row"_s, u"database or disk is full"_s,
                               QSqlError::StatementError, u"13"_s));
    CHECK(file.code == ErrorCode::Storage);
    CHECK(file.message ==
          u"The disk is full: nothing was saved. Free some space on it, then try again."_s);
    const Error server = storageError(
        u"INSERT INTO sale_lines(sale_id, line_no) VALUES (?, ?)"_s,
        QSqlError(u"QPSQL: Unable to create query"_s,
                  u"could not extend file \"base/16384/16502\": No space left on device"_s,
                  QSqlError::StatementError, u"53100"_s));
    CHECK(server.code == ErrorCode::Storage);
    CHECK(server.message == u"The store server's disk is full: nothing was saved. Its "
                            "administrator must free space on it; then try again."_s);
}

TEST_CASE("Every older schema is migrated to the latest and keeps its rows", "[storage]") {
    const int latest = Database::latestSchemaVersion();
    REQUIRE(latest >= 2);
    // Every version a store can be at: step numbers may have gaps (a number kept for another
    // change), so the steps name them.
    for (const schema::Step &step : schema::steps()) {
        const int from = step.version;
        if (from == latest)
            continue;
        DYNAMIC_SECTION("from version " << from) {
            QTemporaryDir dir;
            const QString path = dir.filePath(u"old.db"_s);
            const QString keys = dir.filePath(u"keys"_s);
            {
                Database::Options o = optionsFor(keys, Database::Mode::CreateIfMissing);
                o.migrateTo = from;
                auto old = Database::open(path, o);
                REQUIRE(old);
                Database &d = **old;
                REQUIRE(d.schemaVersion() == from);
                auto stored = d.scalar(u"SELECT value FROM meta WHERE key = 'schema_version'"_s);
                REQUIRE(stored->toInt() == from);
                // Rows valid at this version, written as the product writes them: in one
                // transaction whose journal entry (from step 12 on) records the books' rows.
                addStaffRow(d, u"lena"_s);
                auto tx = Transaction::begin(d);
                REQUIRE(tx);
                execOk(d, u"INSERT INTO items(type, code, name, price_cents, tax_class) "
                          "VALUES ('product', 'OIL-LAV-120', 'Lavender', 2400, 'retail')"_s);
                if (from >= 2)
                    execOk(d, u"INSERT INTO stock_movements(item_id, quantity, reason, "
                              "created_at) VALUES (1, 6, 'receive', "
                              "'2026-01-01T00:00:00.000Z')"_s);
                if (from >= 3)
                    execOk(d, u"INSERT INTO giftcards(lookup_hash, last4, created_at) "
                              "VALUES ('h', 'ABCD', '2026-01-01T00:00:00.000Z')"_s);
                if (from >= 4)
                    execOk(d, u"INSERT INTO stock_counts(created_at) "
                              "VALUES ('2026-01-01T00:00:00.000Z')"_s);
                test::ok(Journal::append(d, u"system"_s, u"test"_s, {{u"v"_s, from}}));
                test::ok(tx->commit());
                // A table of a later version does not exist yet.
                if (from < 5)
                    REQUIRE_FALSE(d.exec(u"SELECT COUNT(*) FROM z_reports"_s));
            }
            auto opened = Database::open(path, optionsFor(keys, Database::Mode::OpenExisting));
            if (!opened)
                FAIL(opened.error().message);
            Database &d = **opened;
            REQUIRE(d.schemaVersion() == latest);
            REQUIRE(d.scalar(u"SELECT value FROM meta WHERE key = 'schema_version'"_s)->toInt() ==
                    latest);
            REQUIRE(count(d, u"staff"_s) == 1);
            REQUIRE(count(d, u"items"_s) == 1);
            // Rows of the books written before entries recorded them are marked as history once,
            // by the step that starts journaling the books; from then on a row written outside
            // the journal is not history (journal verify reports it).
            REQUIRE(count(d, u"journal"_s) ==
                    (from >= 2 && from < schema::kBooksJournaled ? 2 : 1));
            REQUIRE(count(d, u"stock_movements"_s) == (from >= 2 ? 1 : 0));
            REQUIRE(count(d, u"giftcards"_s) == (from >= 3 ? 1 : 0));
            REQUIRE(count(d, u"stock_counts"_s) == (from >= 4 ? 1 : 0));
            REQUIRE(count(d, u"z_reports"_s) == 0);
            if (from >= 2) {
                auto onHand = d.scalar(u"SELECT on_hand FROM stock_levels WHERE item_id = 1"_s);
                REQUIRE(onHand->toInt() == 6);
                auto lot = d.scalar(u"SELECT lot FROM stock_movements"_s);
                REQUIRE(lot);
                REQUIRE(lot->toString().isEmpty());
            }
            auto report = Journal::verify(d);
            REQUIRE(report);
            INFO(report->problem.toStdString());
            REQUIRE(report->ok);
            // The migrated file gets the later versions' append-only triggers too.
            execOk(d, u"INSERT INTO stock_movements(item_id, quantity, reason, created_at) "
                      "VALUES (1, 2, 'receive', '2026-01-02T00:00:00.000Z')"_s);
            REQUIRE_FALSE(d.exec(u"DELETE FROM stock_movements"_s));
            REQUIRE_FALSE(d.exec(u"UPDATE stock_movements SET quantity = 0"_s));
            REQUIRE_FALSE(d.exec(u"UPDATE journal SET actor = 'x'"_s));
            // A row written after the upgrade with no journal entry is not history.
            auto after = Journal::verify(d);
            REQUIRE(after);
            REQUIRE_FALSE(after->ok);
            REQUIRE(after->problem.contains(u"no journal entry recorded it"_s));
        }
    }
}

TEST_CASE("Sales, stock movements, gift-card activity and the journal cannot be rewritten",
          "[storage][journal]") {
    test::TempDb db;
    Database &d = db.db();
    addStaffRow(d, u"lena"_s);
    const QString at = u"2026-01-01T00:00:00.000Z"_s;
    {
        auto tx = Transaction::begin(d);
        REQUIRE(tx);
        test::ok(Journal::append(d, u"system"_s, u"test"_s, {}));
        test::ok(tx->commit());
    }
    execOk(d, u"INSERT INTO items(type, code, name, price_cents, tax_class) "
              "VALUES ('product', 'OIL', 'Oil', 2400, 'retail')"_s);
    execOk(d,
           u"INSERT INTO sales(receipt_no, kind, created_at, business_date, "
           "register_id, staff_id, subtotal_cents, discount_cents, tax_cents, "
           "tip_cents, total_cents) VALUES (1, 'sale', ?, '2026-01-01', 'r1', 1, "
           "2400, 0, 253, 0, 2653)"_s,
           {at});
    execOk(d,
           u"INSERT INTO stock_movements(item_id, quantity, reason, sale_id, "
           "created_at) VALUES (1, -1, 'sale', 1, ?)"_s,
           {at});
    execOk(d,
           u"INSERT INTO giftcards(lookup_hash, last4, created_at) VALUES ('h', "
           "'ABCD', ?)"_s,
           {at});
    execOk(d,
           u"INSERT INTO giftcard_activity(giftcard_id, kind, amount_cents, "
           "created_at) VALUES (1, 'activate', 5000, ?)"_s,
           {at});

    for (const QString &table :
         {u"journal"_s, u"sales"_s, u"stock_movements"_s, u"giftcard_activity"_s, u"giftcards"_s}) {
        INFO(table.toStdString());
        const qint64 rows = count(d, table);
        REQUIRE(rows == 1);
        auto update = table == u"journal"_s
                          ? d.exec(u"UPDATE journal SET payload = '{}'"_s)
                          : d.exec(u"UPDATE "_s + table + u" SET created_at = created_at"_s);
        REQUIRE_FALSE(update);
        REQUIRE(update.error().code == ErrorCode::Storage);
        REQUIRE(update.error().message.contains(u"append-only"_s));
        auto del = d.exec(u"DELETE FROM "_s + table);
        REQUIRE_FALSE(del);
        REQUIRE(del.error().message.contains(u"append-only"_s));
        REQUIRE(count(d, table) == rows);
    }
}

TEST_CASE("A business operation commits whole or not at all", "[storage]") {
    test::TempDb db;
    Database &d = db.db();

    SECTION("a transaction that is not committed rolls back") {
        {
            auto tx = Transaction::begin(d);
            REQUIRE(tx);
            addStaffRow(d, u"lena"_s);
            REQUIRE(count(d, u"staff"_s) == 1);
        }
        REQUIRE(count(d, u"staff"_s) == 0);
        // And the connection is usable again for the next operation.
        auto tx = Transaction::begin(d);
        REQUIRE(tx);
        addStaffRow(d, u"marco"_s);
        test::ok(tx->commit());
        REQUIRE(count(d, u"staff"_s) == 1);
        REQUIRE_FALSE(tx->commit());
    }
    SECTION("a nested transaction that rolls back undoes only its own part") {
        auto outer = Transaction::begin(d);
        REQUIRE(outer);
        addStaffRow(d, u"lena"_s);
        {
            auto inner = Transaction::begin(d);
            REQUIRE(inner);
            addStaffRow(d, u"marco"_s);
            REQUIRE(count(d, u"staff"_s) == 2);
        }
        REQUIRE(count(d, u"staff"_s) == 1);
        {
            auto inner = Transaction::begin(d);
            REQUIRE(inner);
            addStaffRow(d, u"priya"_s);
            test::ok(inner->commit());
        }
        test::ok(outer->commit());
        db.reopen();
        auto names = db->exec(u"SELECT name FROM staff ORDER BY name"_s);
        REQUIRE(names);
        QStringList got;
        while (names->next())
            got << names->value(0).toString();
        REQUIRE(got == QStringList{u"lena"_s, u"priya"_s});
    }
    SECTION("an outer rollback undoes a committed inner part too") {
        {
            auto outer = Transaction::begin(d);
            REQUIRE(outer);
            auto inner = Transaction::begin(d);
            REQUIRE(inner);
            addStaffRow(d, u"lena"_s);
            test::ok(inner->commit());
        }
        REQUIRE(count(d, u"staff"_s) == 0);
    }
    SECTION("a second register waits, then gets a busy error instead of racing") {
        Database::Options o = db.options();
        o.busyTimeoutMs = 200;
        auto other = Database::open(db.path(), o);
        REQUIRE(other);
        auto mine = Transaction::begin(d);
        REQUIRE(mine);
        addStaffRow(d, u"lena"_s);
        {
            // On a server its BEGIN and the store's lock go with its first statement
            // (Transaction::start): the busy error comes with that statement, nothing done.
            auto theirs = Transaction::begin(**other);
            Error busy;
            if (theirs) {
                CHECK(test::onPostgres());
                auto read = (*other)->scalar(u"SELECT COUNT(*) FROM staff"_s);
                REQUIRE_FALSE(read);
                busy = read.error();
            } else {
                CHECK_FALSE(test::onPostgres());
                busy = theirs.error();
            }
            REQUIRE(busy.code == ErrorCode::Storage);
            REQUIRE(busy.message.contains(u"busy"_s));
        }
        test::ok(mine->commit());
        // Once the first register is done, the second one goes ahead and sees the row.
        auto again = Transaction::begin(**other);
        REQUIRE(again);
        REQUIRE(count(**other, u"staff"_s) == 1);
        test::ok(again->commit());
    }
}

TEST_CASE("The key file lives outside the database and must match it", "[sqlite][storage]") {
    test::TempDb db;
    const QString keyPath = db->keyFilePath();
    REQUIRE(keyPath.startsWith(db.keyDir()));
    REQUIRE(keyPath.endsWith(db->id() + u".key"_s));
    REQUIRE(QFileInfo::exists(keyPath));
    const auto perms = QFile::permissions(keyPath);
    constexpr auto groupOther = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup |
                                QFile::ReadOther | QFile::WriteOther | QFile::ExeOther;
    REQUIRE((perms & groupOther) == QFile::Permissions());
    REQUIRE(perms.testFlag(QFile::ReadOwner));
    REQUIRE(perms.testFlag(QFile::WriteOwner));
    REQUIRE_FALSE(perms.testFlag(QFile::ExeOwner));
    // The secrets are not in the database file.
    const QByteArray journalKey = db->keys().journal;
    const QByteArray keyHex = journalKey.toHex();
    db.close();
    REQUIRE_FALSE(test::fileBytes(db.path()).contains(journalKey));
    REQUIRE(test::fileBytes(keyPath).contains(keyHex));

    SECTION("a missing key file stops the open and no new key is made") {
        REQUIRE(QFile::remove(keyPath));
        const auto before = snapshot(db.keyDir());
        auto r = Database::open(db.path(), db.options());
        REQUIRE_FALSE(r);
        REQUIRE(r.error().code == ErrorCode::Storage);
        REQUIRE(r.error().message.contains(u"missing"_s));
        REQUIRE(r.error().message.contains(u"never made"_s));
        REQUIRE_FALSE(QFileInfo::exists(keyPath));
        REQUIRE(sameFiles(db.keyDir(), before));
    }
    SECTION("another database's key file is refused") {
        test::TempDb other;
        REQUIRE(QFile::remove(keyPath));
        REQUIRE(QFile::copy(other->keyFilePath(), keyPath));
        const QByteArray otherKey = test::fileBytes(keyPath);
        auto r = Database::open(db.path(), db.options());
        REQUIRE_FALSE(r);
        REQUIRE(r.error().code == ErrorCode::Storage);
        REQUIRE(r.error().message.contains(u"does not belong"_s));
        REQUIRE(test::fileBytes(keyPath) == otherKey);
    }
    SECTION("a damaged key file is refused") {
        writeAll(keyPath, "{\"format\":1}");
        auto r = Database::open(db.path(), db.options());
        REQUIRE_FALSE(r);
        REQUIRE(r.error().code == ErrorCode::Storage);
        REQUIRE(r.error().message.contains(u"damaged"_s));
    }
    SECTION("the right key file opens it") {
        auto r = Database::open(db.path(), db.options());
        REQUIRE(r);
        REQUIRE((*r)->keys().journal.toHex() == keyHex);
    }
}

TEST_CASE("A database whose key cannot be written is not left half-made", "[storage]") {
    QTemporaryDir dir;
    const QString path = dir.filePath(u"oasis.db"_s);
    // The key folder's place is taken by a file: the key cannot be written.
    const QString keys = dir.filePath(u"keys"_s);
    writeAll(keys, "not a folder");
    auto r = Database::open(path, optionsFor(keys, Database::Mode::CreateIfMissing));
    REQUIRE_FALSE(r);
    REQUIRE(r.error().code == ErrorCode::Storage);
    REQUIRE(r.error().message.contains(u"key file"_s));
    REQUIRE_FALSE(QFileInfo::exists(path));
    // Nothing half-initialised stays behind: a second try with a usable key folder works.
    const QString goodKeys = dir.filePath(u"keys2"_s);
    auto retry = Database::open(path, optionsFor(goodKeys, Database::Mode::CreateIfMissing));
    if (!retry)
        FAIL(retry.error().message);
    REQUIRE((*retry)->schemaVersion() == Database::latestSchemaVersion());
    REQUIRE(QFileInfo::exists((*retry)->keyFilePath()));
}

TEST_CASE("An older database with a missing key file is refused before it is upgraded",
          "[storage]") {
    QTemporaryDir dir;
    const QString path = dir.filePath(u"old.db"_s);
    const QString keys = dir.filePath(u"keys"_s);
    QString keyFile;
    {
        Database::Options o = optionsFor(keys, Database::Mode::CreateIfMissing);
        o.migrateTo = 1;
        auto old = Database::open(path, o);
        REQUIRE(old);
        keyFile = (*old)->keyFilePath();
    }
    REQUIRE(QFile::remove(keyFile));
    const auto before = snapshot(dir.path());
    auto r = Database::open(path, optionsFor(keys, Database::Mode::OpenExisting));
    REQUIRE_FALSE(r);
    REQUIRE(r.error().code == ErrorCode::Storage);
    REQUIRE(r.error().message.contains(u"missing"_s));
    REQUIRE(sameFiles(dir.path(), before));
    REQUIRE_FALSE(QFileInfo::exists(keyFile));
}

TEST_CASE("Kept statements give each call its own binds and hold no lock between calls",
          "[sqlite][storage]") {
    using namespace oasis::test;
    TempDb t;
    Database &db = t.db();
    ok(db.setSetting(u"a"_s, u"1"_s));
    ok(db.setSetting(u"b"_s, u"2"_s));
    const QString sql = u"SELECT value FROM settings WHERE key = ?"_s;
    // The same statement, run again and again with other values.
    for (int i = 0; i < 3; ++i) {
        CHECK(value(db.scalar(sql, {u"a"_s})).toString() == u"1"_s);
        CHECK(value(db.scalar(sql, {u"b"_s})).toString() == u"2"_s);
        CHECK(value(db.scalar(sql, {u"missing"_s})).isNull());
    }
    CHECK(value(db.row(u"SELECT key, value FROM settings WHERE key = ?"_s, {u"b"_s})) ==
          QVariantList{u"b"_s, u"2"_s});
    CHECK(value(db.rows(u"SELECT key FROM settings WHERE key IN (?, ?) ORDER BY key"_s,
                        {u"a"_s, u"b"_s}))
              .size() == 2);

    // A write that fails (a duplicate key) leaves its statement usable.
    const QString insert = u"INSERT INTO categories(name) VALUES (?)"_s;
    const qint64 first = value(db.write(insert, {u"Oils"_s})).insertId;
    CHECK(!db.write(insert, {u"Oils"_s}));
    const Database::Written second = value(db.write(insert, {u"Lotions"_s}));
    CHECK(second.insertId == first + 1);
    CHECK(second.rows == 1);
    CHECK(value(db.write(u"UPDATE categories SET name = name || '!'"_s)).rows == 2);

    // No kept statement keeps a read transaction open: another connection can checkpoint the
    // whole log and truncate it, which waits for no reader.
    {
        QSqlDatabase other = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"checkpointer"_s);
        other.setDatabaseName(t.path());
        REQUIRE(other.open());
        QSqlQuery q(other);
        REQUIRE(q.exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s));
        REQUIRE(q.next());
        CHECK(q.value(0).toInt() == 0); // 1 would mean a reader blocked it
        q.finish();
        other.close();
    }
    QSqlDatabase::removeDatabase(u"checkpointer"_s);
}

TEST_CASE("A file's statements give and take values exactly as Qt's driver does",
          "[sqlite][storage]") {
    // On a file scalar(), row(), rows() and write() run through SQLite's own API
    // (SqliteStatements), exec() through Qt's driver: a caller must not tell them apart.
    using namespace oasis::test;
    TempDb t;
    Database &db = t.db();
    const QString sql = u"SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, 7, 'x', NULL, X'00ff', 1.25"_s;
    const QVariantList binds{qint64(9'007'199'254'740'993),
                             42,
                             2.5,
                             u"Zoë's \u2713 ? --"_s,
                             QString(),
                             QVariant(),
                             QByteArray("\0\x01"
                                        "bytes",
                                        7),
                             true,
                             u""_s};
    const QVariantList fromFile = value(db.row(sql, binds));
    Rows viaQt = value(db.exec(sql, binds));
    REQUIRE(viaQt.next());
    REQUIRE(fromFile.size() == 14);
    for (int i = 0; i < fromFile.size(); ++i) {
        INFO("column " << i);
        const QVariant qt = viaQt.value(i);
        CHECK(fromFile.at(i).typeId() == qt.typeId());
        CHECK(fromFile.at(i).isNull() == qt.isNull());
        CHECK(fromFile.at(i) == qt);
    }
    CHECK(fromFile.at(0).toLongLong() == 9'007'199'254'740'993);
    CHECK(fromFile.at(3).toString() == u"Zoë's \u2713 ? --"_s);
    CHECK(fromFile.at(4).toString().isEmpty()); // a null text is bound as an empty one
    CHECK(!fromFile.at(4).isNull());
    CHECK(fromFile.at(5).isNull()); // no value: NULL, read as a null text
    CHECK(fromFile.at(5).typeId() == QMetaType::QString);
    CHECK(fromFile.at(6).toByteArray() == QByteArray("\0\x01"
                                                     "bytes",
                                                     7));
    CHECK(fromFile.at(7).toLongLong() == 1); // a flag as 1
    CHECK(fromFile.at(12).toByteArray() == QByteArray("\x00\xff", 2));
    CHECK(value(db.scalar(u"SELECT ?"_s, {QDate(2026, 12, 7)})).toString() ==
          u"2026-12-07"_s); // a value of a type Qt binds itself

    // A null text goes in as an empty one, as Qt binds it (categories.name is NOT NULL).
    const Database::Written written =
        value(db.write(u"INSERT INTO categories(name) VALUES (?)"_s, {QString()}));
    CHECK(written.rows == 1);
    CHECK(value(db.scalar(u"SELECT name FROM categories WHERE id = ?"_s, {written.insertId}))
              .toString() == QString(u""_s));
    // Errors say what SQLite said, and leave the statement usable.
    const auto duplicate =
        db.write(u"INSERT INTO categories(id, name) VALUES (?, ?)"_s, {written.insertId, u"x"_s});
    REQUIRE(!duplicate);
    CHECK(duplicate.error().message.contains(u"UNIQUE constraint failed"_s));
    CHECK(value(db.write(u"INSERT INTO categories(id, name) VALUES (?, ?)"_s,
                         {written.insertId + 1, u"y"_s}))
              .insertId == written.insertId + 1);
    const auto two = db.scalar(u"SELECT 1; SELECT 2"_s);
    REQUIRE(!two);
    CHECK(two.error().message.contains(u"multiple statements"_s));
    CHECK(!db.scalar(u"SELECT nothing FROM nowhere"_s));
    CHECK(!db.row(u"SELECT ?"_s, {1, 2})); // one value too many

    // The books' rows written this way are recorded as a verify reads them back.
    const qint64 item = value(db.write(u"INSERT INTO items(type, code, name, price_cents, "
                                       "tax_class) VALUES ('product', 'OIL', 'Oil', 2400, "
                                       "'retail')"_s))
                            .insertId;
    REQUIRE(db.write(u"INSERT INTO stock_movements(item_id, quantity, reason, created_at) "
                     "VALUES (?, ?, ?, ?)"_s,
                     {item, 3, u"receive"_s, u"2026-12-07T10:00:00.000Z"_s}));
    {
        auto tx = value(Transaction::begin(db));
        ok(Journal::append(db, u"test"_s, u"stock_receive"_s, {}));
        ok(tx.commit());
    }
    const JournalReport report = value(Journal::verify(db));
    CHECK(report.ok);
}

TEST_CASE("A read's columns are counted and named from its own result", "[storage]") {
    // Qt's record() of a server's result asks the server for the name of each column's table,
    // a round trip per table the connection has not read yet (a register's start and login read
    // a dozen): Driver::columnCount() and columnNames() read the result itself.
    using namespace oasis::test;
    TempDb t;
    REQUIRE(t->write(u"INSERT INTO categories(name) VALUES (?)"_s, {u"Oils"_s}));
    t.reopen(); // a connection that has not read categories yet
    Database &db = t.db();
    const QVariant pid = onPostgres() ? value(db.scalar(u"SELECT pg_backend_pid()"_s)) : QVariant();
    const QList<QVariantList> all = value(
        db.rows(u"SELECT name, id, id * 2 AS twice FROM categories WHERE name = ?"_s, {u"Oils"_s}));
    REQUIRE(all.size() == 1);
    REQUIRE(all.first().size() == 3);
    CHECK(all.first().at(0).toString() == u"Oils"_s);
    CHECK(all.first().at(2).toLongLong() == 2 * all.first().at(1).toLongLong());
    if (onPostgres()) {
        // What the connection sent last, seen from another one: the read itself, not a lookup
        // of its table's name.
        auto other = value(Database::open(t.path(), t.options()));
        const QString last =
            value(other->scalar(u"SELECT query FROM pg_stat_activity WHERE pid = ?"_s, {pid}))
                .toString();
        CHECK(last.contains(u"EXECUTE"_s));
        CHECK(!last.contains(u"pg_class"_s));
    }
    Rows named = value(db.exec(u"SELECT name AS category, id FROM categories"_s));
    CHECK(named.columnNames() == QStringList{u"category"_s, u"id"_s});
    REQUIRE(named.next());
    CHECK(named.value(0).toString() == u"Oils"_s);
    CHECK(value(db.row(u"SELECT name, id FROM categories WHERE name = ?"_s, {u"Oils"_s})).size() ==
          2);
}

TEST_CASE("A statement runs in one round trip, also its first time, and a connection keeps a "
          "bounded number of them",
          "[storage]") {
    // On a server, checkout() prepares a statement under a name of its own in the same query as
    // its first EXECUTE (Qt's prepare() is a round trip of its own), and gives its names up past
    // 256 of them. Either engine: the values come back as given, each statement run twice.
    using namespace oasis::test;
    TempDb t;
    Database &db = t.db();
    auto check = [&db](int i) {
        const QString sql = u"SELECT ? + %1, ?"_s.arg(i);
        for (int round = 0; round < 2; ++round) {
            const QString text = u"x'%1 \\ ?"_s.arg(i);
            const QVariantList r = value(db.row(sql, {round, text}));
            REQUIRE(r.size() == 2);
            CHECK(r.at(0).toLongLong() == round + i);
            CHECK(r.at(1).toString() == text);
        }
    };
    const QString prepared = u"SELECT COUNT(*) FROM pg_prepared_statements WHERE name LIKE ?"_s;
    const QString ours = u"oasis\\_stmt\\_%"_s;
    const QString qts = u"qpsqlpstmt\\_%"_s;
    const qint64 qtBefore = onPostgres() ? value(db.scalar(prepared, {qts})).toLongLong() : 0;
    if (onPostgres()) {
        // What the connection sent last, seen from another one.
        const QVariant pid = value(db.scalar(u"SELECT pg_backend_pid()"_s));
        auto other = value(Database::open(t.path(), t.options()));
        auto last = [&] {
            return value(
                       other->scalar(u"SELECT query FROM pg_stat_activity WHERE pid = ?"_s, {pid}))
                .toString();
        };
        REQUIRE(value(db.row(u"SELECT ? + 1000"_s, {1})).value(0).toInt() == 1001);
        CHECK(last().startsWith(u"PREPARE oasis_stmt_"_s)); // its first run: one query
        CHECK(last().contains(u"EXECUTE oasis_stmt_"_s));
        REQUIRE(value(db.row(u"SELECT ? + 1000"_s, {2})).value(0).toInt() == 1002);
        CHECK(last().startsWith(u"EXECUTE oasis_stmt_"_s)); // prepared already
    }
    // A flag is written as the integer bindAll() binds it as.
    CHECK(value(db.scalar(u"SELECT ? + 0"_s, {true})).toInt() == 1);
    CHECK(value(db.scalar(u"SELECT ? + 0"_s, {false})).toInt() == 0);
    for (int i = 0; i < 300; ++i)
        check(i);
    check(0); // again after its name was given up
    if (onPostgres()) {
        const qint64 kept = value(db.scalar(prepared, {ours})).toLongLong();
        CHECK(kept > 0);
        CHECK(kept <= 256);
        CHECK(value(db.scalar(prepared, {qts})).toLongLong() == qtBefore); // none went through Qt
    }
}

TEST_CASE("A write sent with the next statement keeps its order, its values and its errors",
          "[storage]") {
    // On a server, inside a transaction, defer() sends its INSERT with the next statement; on a
    // file, and outside a transaction, it runs at once. Either way the same rows, in the same
    // order, and a failure that leaves nothing written.
    using namespace oasis::test;
    TempDb t;
    Database &db = t.db();
    const QString insert = u"INSERT INTO categories(name) VALUES (?)"_s;
    const QString hostile = u"O'Brien \\ ? $1 E'x'); DROP TABLE categories; -- \u00e9 \u2615"_s;
    auto names = [&] {
        QStringList got;
        for (const QVariantList &r : value(db.rows(u"SELECT name FROM categories ORDER BY id"_s)))
            got << r.value(0).toString();
        return got;
    };

    SECTION("the next statement and the commit find its rows, with their values as given") {
        auto tx = Transaction::begin(db);
        REQUIRE(tx);
        ok(db.defer(insert, {hostile}));
        ok(db.defer(insert, {u"Oils"_s}));
        CHECK(value(db.scalar(u"SELECT COUNT(*) FROM categories WHERE name IN (?, ?)"_s,
                              {hostile, u"Oils"_s}))
                  .toInt() == 2);
        ok(db.defer(insert, {u"Lotions"_s}));
        ok(db.defer(insert, {QVariant(2.5)})); // bound by the driver: sent at once, in order
        ok(tx->commit());
        CHECK(names() == QStringList{hostile, u"Oils"_s, u"Lotions"_s, u"2.5"_s});
        // Again on the same connection: its statements are prepared once.
        auto again = Transaction::begin(db);
        REQUIRE(again);
        ok(db.defer(insert, {u"Salts"_s}));
        ok(again->commit());
        CHECK(names().last() == u"Salts"_s);
    }
    SECTION("its own error fails the next statement, and nothing of the transaction is written") {
        {
            auto tx = Transaction::begin(db);
            REQUIRE(tx);
            ok(db.defer(insert, {u"Oils"_s}));
            const Status twice = db.defer(insert, {u"Oils"_s}); // a duplicate name
            const auto read =
                twice ? db.scalar(u"SELECT COUNT(*) FROM categories"_s) : Result<QVariant>();
            const Error e = !twice ? twice.error() : read ? Error{} : read.error();
            CHECK(e.code == ErrorCode::Storage);
            CHECK_FALSE(e.message.isEmpty());
        }
        CHECK(names().isEmpty());
    }
    SECTION("its own error fails the commit, and nothing is written") {
        {
            auto tx = Transaction::begin(db);
            REQUIRE(tx);
            ok(db.defer(insert, {u"Oils"_s}));
            const Status twice = db.defer(insert, {u"Oils"_s});
            CHECK(bool(twice) == onPostgres()); // a file runs it at once
            if (twice) {
                const Status saved = tx->commit();
                REQUIRE_FALSE(saved);
                CHECK(saved.error().code == ErrorCode::Storage);
                CHECK_FALSE(tx->commit()); // finished: rolled back
            } else {
                CHECK(twice.error().code == ErrorCode::Storage);
            }
        }
        CHECK(names().isEmpty());
    }
    SECTION("a savepoint's rollback drops what it deferred, and keeps what came before it") {
        auto outer = Transaction::begin(db);
        REQUIRE(outer);
        ok(db.defer(insert, {u"Oils"_s}));
        {
            auto inner = Transaction::begin(db);
            REQUIRE(inner);
            ok(db.defer(insert, {u"Lotions"_s}));
        }
        {
            auto inner = Transaction::begin(db);
            REQUIRE(inner);
            ok(db.defer(insert, {u"Wraps"_s}));
            ok(inner->commit());
        }
        ok(outer->commit());
        CHECK(names() == QStringList{u"Oils"_s, u"Wraps"_s});
    }
    SECTION("outside a transaction it runs at once") {
        ok(db.defer(insert, {u"Oils"_s}));
        auto other = Database::open(t.path(), t.options());
        REQUIRE(other);
        CHECK(value((*other)->scalar(u"SELECT COUNT(*) FROM categories"_s)).toInt() == 1);
    }
}

TEST_CASE("A transaction's BEGIN goes with its first statement, and its journal entry with its "
          "COMMIT",
          "[storage]") {
    // On a server, Transaction::start sends nothing: its BEGIN (and a sale's locks) go in the
    // round trip of the first statement, and Transaction::commit sends the journal entry
    // Journal::append deferred with the COMMIT. Either engine: the same rows, a journal that
    // verifies.
    using namespace oasis::test;
    TempDb t;
    Database &db = t.db();
    const QString insert = u"INSERT INTO categories(name) VALUES (?)"_s;
    const QString count = u"SELECT COUNT(*) FROM categories"_s;
    std::unique_ptr<Database> other;
    QVariant pid;
    if (onPostgres()) {
        pid = value(db.scalar(u"SELECT pg_backend_pid()"_s));
        other = value(Database::open(t.path(), t.options()));
    }
    // What the connection sent last and where it stands, seen from another one.
    auto seen = [&] {
        const QVariantList r =
            value(other->row(u"SELECT query, state FROM pg_stat_activity WHERE pid = ?"_s, {pid}));
        return std::pair{r.value(0).toString(), r.value(1).toString()};
    };

    SECTION("the first statement carries the BEGIN, the COMMIT the journal entry") {
        auto tx = value(Transaction::begin(db));
        if (onPostgres())
            CHECK(seen().second == u"idle"_s); // nothing begun on the server yet
        ok(db.defer(insert, {u"Oils"_s}));
        CHECK(value(db.scalar(count)).toInt() == 1);
        if (onPostgres()) {
            const auto [query, state] = seen();
            CHECK(query.startsWith(u"BEGIN"_s));
            CHECK(query.contains(u"pg_advisory_xact_lock"_s));
            CHECK(query.contains(u"EXECUTE oasis_stmt_"_s));
            CHECK(state == u"idle in transaction"_s);
        }
        ok(Journal::append(db, u"test"_s, u"category_add"_s, {}));
        ok(tx.commit());
        if (onPostgres()) {
            const auto [query, state] = seen();
            CHECK(query.contains(u"INSERT INTO journal"_s)); // prepared here, its first time
            CHECK(query.contains(u"EXECUTE oasis_stmt_"_s));
            CHECK(query.endsWith(u"COMMIT"_s));
            CHECK(state == u"idle"_s);
        }
        CHECK(value(db.scalar(u"SELECT COUNT(*) FROM journal WHERE kind = 'category_add'"_s))
                  .toInt() == 1);
        CHECK(value(Journal::verify(db)).ok);
    }
    SECTION("a transaction that sends nothing begins nothing, and rolls back nothing") {
        const QString before = onPostgres() ? seen().first : QString();
        {
            auto tx = value(Transaction::begin(db));
            ok(tx.commit());
        }
        {
            auto tx = value(Transaction::begin(db)); // rolled back as it goes
        }
        if (onPostgres())
            CHECK(seen() == std::pair{before, u"idle"_s});
        CHECK(value(db.scalar(count)).toInt() == 0);
    }
    SECTION("a write that fails with its BEGIN leaves the transaction to roll back, and nothing "
            "written") {
        {
            auto tx = value(Transaction::begin(db));
            CHECK_FALSE(db.write(u"INSERT INTO nowhere(name) VALUES (?)"_s, {u"x"_s}));
        }
        REQUIRE(db.write(insert, {u"Oils"_s})); // the connection is usable again
        CHECK(value(db.scalar(count)).toInt() == 1);
    }
    if (!onPostgres())
        return;
    SECTION("a connection the server dropped while idle is opened again by the first statement "
            "of the next transaction, which runs once") {
        runOnServer(u"SELECT pg_terminate_backend(%1)"_s.arg(pid.toLongLong()));
        {
            auto tx = value(Transaction::begin(db));
            ok(db.defer(insert, {u"Oils"_s}));
            const auto written = db.write(insert, {u"Lotions"_s});
            REQUIRE(written);
            ok(Journal::append(db, u"test"_s, u"category_add"_s, {}));
            ok(tx.commit());
        }
        CHECK(value(db.scalar(u"SELECT pg_backend_pid()"_s)) != pid);
        CHECK(value(db.scalar(count)).toInt() == 2);
        CHECK(value(Journal::verify(db)).ok);
    }
    SECTION("a sale's locks go with the BEGIN, and a connection dropped before is opened again") {
        runOnServer(u"SELECT pg_terminate_backend(%1)"_s.arg(pid.toLongLong()));
        auto tx =
            value(Transaction::beginShared(db, {{Database::LockSpace::GiftCard, {u"7"_s}, {}}}));
        CHECK(value(db.scalar(count)).toInt() == 0);
        const QVariant now = value(db.scalar(u"SELECT pg_backend_pid()"_s));
        CHECK(now != pid);
        // The card's lock is held, by the new connection.
        CHECK(value(other->scalar(u"SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' "
                                  "AND pid = ? AND granted"_s,
                                  {now}))
                  .toInt() >= 2);
        ok(tx.commit());
    }
}

TEST_CASE("A store opened on a worker thread is used by the thread it is handed to", "[storage]") {
    // The counter app opens its store on a thread of its own while it builds its window, then
    // hands the connection to the window's thread (pos/app/main.cpp).
    using namespace oasis::test;
    TempDb t;
    addStaffRow(t.db(), u"ana"_s);
    t.close();
    QThread worker;
    QObject onWorker;
    onWorker.moveToThread(&worker);
    worker.start();
    auto openThere = [&] {
        Result<std::unique_ptr<Database>> opened = fail(ErrorCode::Storage, u"not run"_s);
        QMetaObject::invokeMethod(
            &onWorker, [&] { opened = Database::open(t.path(), t.options()); },
            Qt::BlockingQueuedConnection);
        return value(std::move(opened));
    };

    SECTION("without the hand-over, Qt SQL refuses the connection to this thread") {
        std::unique_ptr<Database> db = openThere();
        CHECK_FALSE(db->scalar(u"SELECT COUNT(*) FROM staff"_s));
        // Closed on its own thread.
        QMetaObject::invokeMethod(
            &onWorker, [&] { db.reset(); }, Qt::BlockingQueuedConnection);
    }
    SECTION("handed over, this thread reads and writes through it and closes it") {
        std::unique_ptr<Database> db;
        bool moved = false;
        QThread *const here = QThread::currentThread();
        QMetaObject::invokeMethod(
            &onWorker,
            [&] {
                auto opened = Database::open(t.path(), t.options());
                if (opened) {
                    db = std::move(*opened);
                    moved = db->moveToThread(here);
                }
            },
            Qt::BlockingQueuedConnection);
        REQUIRE(db);
        REQUIRE(moved);
        const qint64 staff = count(*db, u"staff"_s); // ana among them
        CHECK(value(db->scalar(u"SELECT COUNT(*) FROM staff WHERE name = 'ana'"_s)).toInt() == 1);
        addStaffRow(*db, u"ben"_s);
        {
            Transaction tx = value(Transaction::begin(*db));
            addStaffRow(*db, u"cy"_s);
            ok(tx.commit());
        }
        CHECK(count(*db, u"staff"_s) == staff + 2);
        db.reset();
    }
    worker.quit();
    worker.wait();
}

TEST_CASE("A server database that holds no store, or another program's, is refused as it is",
          "[storage]") {
    using namespace oasis::test;
    if (!onPostgres()) {
        SUCCEED("a file's cases are in 'A database that cannot be used is refused…'");
        return;
    }
    QTemporaryDir dir;
    const QString url = newStoreLocation(dir.path()); // an empty database on the test server
    const QString keys = dir.filePath(u"keys"_s);
    auto none = Database::open(url, optionsFor(keys, Database::Mode::OpenExisting));
    REQUIRE_FALSE(none);
    CHECK(none.error().message.contains(u"holds no Oasis POS store yet"_s));

    rawSql(url, u"CREATE TABLE invoices(id INTEGER PRIMARY KEY, total INTEGER)"_s);
    for (Database::Mode mode : {Database::Mode::OpenExisting, Database::Mode::CreateIfMissing}) {
        auto other = Database::open(url, optionsFor(keys, mode));
        REQUIRE_FALSE(other);
        CHECK(other.error().message.contains(u"not an Oasis POS database"_s));
    }
    // A table called meta of another shape: refused with the server's words, nothing made.
    rawSql(url, u"CREATE TABLE meta(name TEXT)"_s);
    auto shaped = Database::open(url, optionsFor(keys, Database::Mode::CreateIfMissing));
    REQUIRE_FALSE(shaped);
    CHECK(shaped.error().message.contains(u"key"_s));
    CHECK((!QDir(keys).exists() || QDir(keys).isEmpty()));
    dropStore(url);
}
