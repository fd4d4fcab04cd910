// SPDX-License-Identifier: GPL-3.0-or-later
// oasis-bench: each figure of the busiest hour beside a baseline measured in the same run on the
// same machine (DESIGN §12: speed is measured here, never by timed assertions in the tests).
//
//   oasis-bench generate [--out DB] [--quick]      build the large (or the quick) database
//   oasis-bench run [--quick] [--json FILE] [--db DB [--keys DIR]] [--only KEY,...] [--user NAME]
//   oasis-bench crash [--kills N] [--db DB [--keys DIR]] [--user NAME]  500 kills by default
//   oasis-bench soak [--seconds S] [--seed N]   several programs on one store, killed at random
#include "tests/bench/bench.h"
#include "tests/bench/emptywindow.h"

#include "core/domain/clock.h"
#include "core/domain/crypto.h"
#include "core/services/authorization.h"
#include "core/services/catalog.h"
#include "core/services/demo.h"
#include "core/services/giftcard.h"
#include "core/services/inventory.h"
#include "core/services/registers.h"
#include "core/services/report.h"
#include "core/services/sale.h"
#include "core/services/staff.h"
#include "core/services/store.h"
#include "core/services/storesettings.h"
#include "core/storage/database.h"
#include "core/storage/postgresdriver.h"
#include "pos/app/firstpaint.h"
#include "pos/app/registerwidget.h"
#include "pos/app/ticketmodel.h"
#include "printing/certificate.h"
#include "printing/escpos.h"
#include "printing/salereceipt.h"
#include "printing/text.h"
#include "tests/crash/harness/harness.h"
#include "tests/crash/harness/soak.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QPainter>
#include <QPdfWriter>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimeZone>

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>
#include <memory>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

using namespace oasis;

namespace {

// --- small helpers ---------------------------------------------------------------------------

double median(std::vector<double> v) {
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

double percentile(std::vector<double> v, double p) {
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const std::size_t i = std::min(v.size() - 1, std::size_t(p / 100.0 * double(v.size())));
    return v[i];
}

/// Times `f` `n` times, returns milliseconds per run.
std::vector<double> timeRuns(int n, const std::function<void()> &f) {
    std::vector<double> out;
    for (int i = 0; i < n; ++i) {
        QElapsedTimer t;
        t.start();
        f();
        out.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    return out;
}

qint64 epochMicros() {
    timespec ts{};
    clock_gettime(CLOCK_REALTIME, &ts);
    return qint64(ts.tv_sec) * 1'000'000 + ts.tv_nsec / 1000;
}

[[noreturn]] void stop(const QString &why, int code) {
    std::fprintf(stderr, "oasis-bench: %s\n", qPrintable(why));
    std::exit(code);
}

/// A figure that cannot be measured: exit 3.
[[noreturn]] void die(const QString &why) {
    stop(why, 3);
}

template <typename T>
T must(Result<T> r, const char *what = "query") {
    if (!r)
        die(QString::fromLatin1(what) + QStringLiteral(": ") + r.error().message);
    return std::move(*r);
}

/// A raw connection for the baselines: what the hardware and the engine can do alone. SQLite's
/// own API on a file; on a PostgreSQL server, a QPSQL (libpq) connection of its own.
class Raw final {
public:
    explicit Raw(const QString &where) {
        if (PostgresDriver::isUrl(where)) {
            static int connections = 0;
            m_name = QStringLiteral("oasis-bench-raw-%1").arg(++connections);
            m_pg = PostgresDriver::instance().addConnection(m_name, where,
                                                            Driver::Access::ReadWrite, 0);
            if (!m_pg.open())
                die(QStringLiteral("cannot reach %1: %2")
                        .arg(where, m_pg.lastError().databaseText().simplified()));
            exec("SET client_min_messages = warning"); // no NOTICE of each dropped object
            return;
        }
        if (sqlite3_open(where.toUtf8().constData(), &m_db) != SQLITE_OK)
            die(QStringLiteral("cannot open %1").arg(where));
        exec("PRAGMA busy_timeout=5000");
        exec("PRAGMA journal_mode=WAL");
        exec("PRAGMA synchronous=FULL");
        exec("PRAGMA foreign_keys=ON");
        exec("PRAGMA cache_size=-16384");
    }
    ~Raw() {
        if (onServer()) {
            m_pg.close();
            m_pg = QSqlDatabase();
            QSqlDatabase::removeDatabase(m_name);
        } else {
            sqlite3_close(m_db);
        }
    }
    Raw(const Raw &) = delete;
    Raw &operator=(const Raw &) = delete;

    bool onServer() const { return !m_name.isEmpty(); }
    QSqlDatabase &server() { return m_pg; }

    void exec(const QByteArray &sql) { exec(sql.constData()); }
    void exec(const char *sql) {
        if (onServer()) {
            QSqlQuery q(m_pg);
            if (!q.exec(QString::fromUtf8(sql)))
                die(QStringLiteral("%1: %2").arg(QString::fromUtf8(sql),
                                                 q.lastError().databaseText().simplified()));
            return;
        }
        char *err = nullptr;
        if (sqlite3_exec(m_db, sql, nullptr, nullptr, &err) != SQLITE_OK)
            die(QStringLiteral("%1: %2").arg(QString::fromUtf8(sql), QString::fromUtf8(err)));
    }
    /// A statement on the server that may be refused (a right the bench's user may not have):
    /// false then, and nothing done.
    bool tryOnServer(const char *sql) {
        QSqlQuery q(m_pg);
        return q.exec(QString::fromUtf8(sql));
    }
    sqlite3_stmt *prepare(const QByteArray &sql) { return prepare(sql.constData()); }
    sqlite3_stmt *prepare(const char *sql) {
        sqlite3_stmt *s = nullptr;
        if (sqlite3_prepare_v2(m_db, sql, -1, &s, nullptr) != SQLITE_OK)
            die(QStringLiteral("%1: %2").arg(QString::fromUtf8(sql),
                                             QString::fromUtf8(sqlite3_errmsg(m_db))));
        return s;
    }
    /// A prepared query on the server; SQLite's numbered parameters (?1) become PostgreSQL's
    /// ($1), plain ones are QtSql's to number.
    QSqlQuery prepareOnServer(const QByteArray &sql) { return prepareOnServer(sql.constData()); }
    QSqlQuery prepareOnServer(const char *sql) {
        static const QRegularExpression numbered(QStringLiteral("\\?(\\d+)"));
        QSqlQuery q(m_pg);
        q.setForwardOnly(true);
        q.setNumericalPrecisionPolicy(QSql::LowPrecisionInt64);
        if (!q.prepare(QString::fromUtf8(sql).replace(numbered, QStringLiteral("$\\1"))))
            die(QStringLiteral("%1: %2").arg(QString::fromUtf8(sql),
                                             q.lastError().databaseText().simplified()));
        return q;
    }
    /// Runs a query to the end, summing every integer column (so nothing is optimised away).
    qint64 drain(const char *sql, const std::vector<qint64> &binds = {},
                 const std::vector<QByteArray> &texts = {}) {
        qint64 sum = 0;
        if (onServer()) {
            QSqlQuery q = prepareOnServer(sql);
            for (qint64 b : binds)
                q.addBindValue(b);
            for (const QByteArray &t : texts)
                q.addBindValue(QString::fromUtf8(t));
            if (!q.exec())
                die(QStringLiteral("%1: %2").arg(QString::fromUtf8(sql),
                                                 q.lastError().databaseText().simplified()));
            while (q.next())
                for (int c = 0; c < q.record().count(); ++c)
                    sum += q.value(c).toLongLong();
            return sum;
        }
        sqlite3_stmt *s = prepare(sql);
        int i = 1;
        for (qint64 b : binds)
            sqlite3_bind_int64(s, i++, b);
        for (const QByteArray &t : texts)
            sqlite3_bind_text(s, i++, t.constData(), int(t.size()), SQLITE_TRANSIENT);
        while (sqlite3_step(s) == SQLITE_ROW)
            for (int c = 0; c < sqlite3_column_count(s); ++c)
                sum += sqlite3_column_int64(s, c);
        sqlite3_finalize(s);
        return sum;
    }
    /// The first column of every row, as text.
    QStringList column(const char *sql) {
        QStringList out;
        if (onServer()) {
            QSqlQuery q = prepareOnServer(sql);
            if (!q.exec())
                die(QStringLiteral("%1: %2").arg(QString::fromUtf8(sql),
                                                 q.lastError().databaseText().simplified()));
            while (q.next())
                out << q.value(0).toString();
            return out;
        }
        sqlite3_stmt *s = prepare(sql);
        while (sqlite3_step(s) == SQLITE_ROW)
            out << QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(s, 0)));
        sqlite3_finalize(s);
        return out;
    }
    sqlite3 *handle() const { return m_db; }

private:
    sqlite3 *m_db = nullptr;
    QString m_name; ///< the server connection's name; empty on a file
    QSqlDatabase m_pg;
};

/// One prepared statement run again and again with one text parameter, each run to its end.
class RawLookup final {
public:
    RawLookup(Raw &raw, const char *sql)
        : m_raw(raw) {
        if (raw.onServer())
            m_query = raw.prepareOnServer(sql);
        else
            m_stmt = raw.prepare(sql);
    }
    ~RawLookup() { sqlite3_finalize(m_stmt); }
    RawLookup(const RawLookup &) = delete;
    RawLookup &operator=(const RawLookup &) = delete;
    void run(const QByteArray &text) {
        if (m_raw.onServer()) {
            m_query.bindValue(0, QString::fromUtf8(text));
            if (!m_query.exec())
                die(m_query.lastError().databaseText().simplified());
            while (m_query.next())
                (void)m_query.value(0).toLongLong();
            return;
        }
        sqlite3_bind_text(m_stmt, 1, text.constData(), int(text.size()), SQLITE_STATIC);
        while (sqlite3_step(m_stmt) == SQLITE_ROW)
            (void)sqlite3_column_int64(m_stmt, 0);
        sqlite3_reset(m_stmt);
    }

private:
    Raw &m_raw;
    sqlite3_stmt *m_stmt = nullptr;
    QSqlQuery m_query;
};

/// Where the schema baselines find the rows a sale wrote in the store: by the sale (?1) where
/// the table has an index on it, else by the table's last key before the sale (?1, from
/// saleMarks()): the bench alone writes the store, so every row after it is the sale's.
struct SaleSource {
    const char *table;
    const char *where;
    const char *mark; ///< the key the mark is read from, or nullptr: ?1 is the sale
};
constexpr SaleSource kSaleSources[] = {
    {"sales", "id = ?1", nullptr},
    {"sale_lines", "sale_id = ?1 ORDER BY line_no", nullptr},
    {"sale_taxes", "sale_id = ?1", nullptr},
    {"sale_tenders", "sale_id = ?1", nullptr},
    {"stock_movements", "id > ?1", "id"},
    {"giftcard_activity", "id > ?1", "id"},
    {"journal", "seq > ?1", "seq"},
};

/// The last key of each table of kSaleSources that has a mark, read before a sale.
std::vector<qint64> saleMarks(Raw &store) {
    std::vector<qint64> marks;
    for (const SaleSource &source : kSaleSources)
        marks.push_back(source.mark
                            ? store.drain(QByteArray(QByteArray("SELECT COALESCE(MAX(") +
                                                     source.mark + "), 0) FROM " + source.table)
                                              .constData())
                            : 0);
    return marks;
}

/// The schema baseline of the sale commit (issue 19): the rows a sale wrote, written again by
/// hand into the same tables, with their indexes and triggers, by prepared statements on a raw
/// connection to a copy of the store. What the schema itself costs, without the service. Each
/// sale's own rows, read after it: the same items, cards and categories, so the same pages.
class SchemaRows final {
public:
    /// Reads the sales' rows from `store`, writes them into `copy`.
    SchemaRows(Raw &store, Raw &copy)
        : m_store(store)
        , m_db(copy) {}
    ~SchemaRows() {
        clearRows();
        for (Table &t : m_tables) {
            sqlite3_finalize(t.read);
            sqlite3_finalize(t.insert);
        }
    }
    SchemaRows(const SchemaRows &) = delete;
    SchemaRows &operator=(const SchemaRows &) = delete;

    /// Reads what the sale `saleId` wrote; `marks` from saleMarks() before it.
    void read(qint64 saleId, const std::vector<qint64> &marks) {
        clearRows();
        if (m_tables.empty()) {
            for (const SaleSource &source : kSaleSources) {
                Table t;
                t.name = source.table;
                t.read = m_store.prepare(QByteArray("SELECT * FROM ") + source.table + " WHERE " +
                                         source.where);
                m_tables.push_back(std::move(t));
            }
        }
        for (std::size_t i = 0; i < m_tables.size(); ++i) {
            Table &t = m_tables[i];
            sqlite3_bind_int64(t.read, 1, kSaleSources[i].mark ? marks[i] : saleId);
            QByteArrayList columns, places;
            while (sqlite3_step(t.read) == SQLITE_ROW) {
                std::vector<sqlite3_value *> row;
                for (int c = 0; c < sqlite3_column_count(t.read); ++c) {
                    const QByteArray name = sqlite3_column_name(t.read, c);
                    if (name == "id" || name == "seq") // the key is the table's to give
                        continue;
                    if (!t.insert && t.rows.empty()) {
                        columns << name;
                        places << "?";
                        t.roles.push_back(name == "sale_id"      ? Role::SaleId
                                          : name == "receipt_no" ? Role::ReceiptNo
                                                                 : Role::Copied);
                    }
                    row.push_back(sqlite3_value_dup(sqlite3_column_value(t.read, c)));
                }
                t.rows.push_back(std::move(row));
            }
            sqlite3_reset(t.read);
            if (!t.insert && !t.rows.empty())
                t.insert =
                    m_db.prepare(QByteArray("INSERT INTO ") + t.name + "(" + columns.join(", ") +
                                 ") VALUES (" + places.join(", ") + ")");
        }
    }

    /// Writes the rows read last again as one transaction, as receipt `receiptNo`; milliseconds.
    double write(qint64 receiptNo) {
        QElapsedTimer timer;
        timer.start();
        m_db.exec("BEGIN IMMEDIATE");
        qint64 saleId = 0;
        for (Table &t : m_tables) {
            for (const auto &row : t.rows) {
                for (std::size_t c = 0; c < row.size(); ++c) {
                    const int at = int(c) + 1;
                    switch (t.roles[c]) {
                    case Role::SaleId:
                        sqlite3_bind_int64(t.insert, at, saleId);
                        break;
                    case Role::ReceiptNo:
                        sqlite3_bind_int64(t.insert, at, receiptNo);
                        break;
                    case Role::Copied:
                        sqlite3_bind_value(t.insert, at, row[c]);
                        break;
                    }
                }
                if (sqlite3_step(t.insert) != SQLITE_DONE)
                    die(QStringLiteral("schema baseline: %1")
                            .arg(QString::fromUtf8(sqlite3_errmsg(m_db.handle()))));
                sqlite3_reset(t.insert);
                if (saleId == 0) // the sales row comes first; every other row names it
                    saleId = sqlite3_last_insert_rowid(m_db.handle());
            }
        }
        m_db.exec("COMMIT");
        return double(timer.nsecsElapsed()) / 1e6;
    }

private:
    enum class Role { Copied, SaleId, ReceiptNo };
    struct Table {
        QByteArray name;
        sqlite3_stmt *read = nullptr;
        sqlite3_stmt *insert = nullptr;
        std::vector<Role> roles;
        std::vector<std::vector<sqlite3_value *>> rows;
    };
    void clearRows() {
        for (Table &t : m_tables) {
            for (auto &row : t.rows)
                for (sqlite3_value *v : row)
                    sqlite3_value_free(v);
            t.rows.clear();
        }
    }
    Raw &m_store;
    Raw &m_db;
    std::vector<Table> m_tables;
};

/// The same baseline on a PostgreSQL server. The store's tables, indexes and triggers are made
/// again from the product's own server schema in a schema of their own (oasis_bench_copy) in
/// the store's database and filled with a copy of every row, after the first sale; each sale's
/// rows are then read and written into it by hand with prepared statements on a connection of
/// its own.
class ServerSchemaRows final {
public:
    ServerSchemaRows(Raw &copy, Database &db)
        : m_db(copy) {
        m_store = copy.column("SELECT current_schema()").value(0);
        const QString &store = m_store;
        const QStringList schema = must(db.serverSchema(), "the server schema");
        copy.exec("DROP SCHEMA IF EXISTS oasis_bench_copy CASCADE");
        copy.exec("CREATE SCHEMA oasis_bench_copy");
        copy.exec("SET search_path = oasis_bench_copy");
        static const QRegularExpression createTable(QStringLiteral("^CREATE TABLE (\\w+)"));
        QStringList tables;
        for (const QString &sql : schema) {
            copy.exec(sql.toUtf8());
            if (const auto m = createTable.match(sql); m.hasMatch())
                tables << m.captured(1);
        }
        for (const QString &table : std::as_const(tables)) {
            const QString columns = columnsOf(table).join(QLatin1String(", "));
            copy.exec(QStringLiteral("ALTER TABLE %1 DISABLE TRIGGER USER").arg(table).toUtf8());
            copy.exec(QStringLiteral("INSERT INTO %1(%2) OVERRIDING SYSTEM VALUE SELECT %2 FROM "
                                     "%3.%1")
                          .arg(table, columns, store)
                          .toUtf8());
            copy.exec(QStringLiteral("ALTER TABLE %1 ENABLE TRIGGER USER").arg(table).toUtf8());
        }
        // New rows are numbered after the copied ones.
        QSqlQuery identities = copy.prepareOnServer(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema "
            "= 'oasis_bench_copy' AND is_identity = 'YES'");
        identities.exec();
        QList<std::pair<QString, QString>> keys;
        while (identities.next())
            keys.append({identities.value(0).toString(), identities.value(1).toString()});
        for (const auto &[table, column] : std::as_const(keys))
            copy.exec(QStringLiteral("SELECT setval(pg_get_serial_sequence('oasis_bench_copy.%1', "
                                     "'%2'), COALESCE(MAX(%2), 0) + 1, false) FROM %1")
                          .arg(table, column)
                          .toUtf8());
        // The copy's pages were all written since the server's last checkpoint, the store's
        // mostly before it: the first change of each store page after a checkpoint writes the
        // whole page to the WAL (full_page_writes), which the copy's pages would be spared. A
        // checkpoint now starts both alike. It needs the pg_checkpoint role (or a superuser);
        // without it the figure's note says so.
        m_checkpointed = copy.tryOnServer("CHECKPOINT");
    }
    /// Whether both sides start from a checkpoint (see the constructor).
    bool checkpointed() const { return m_checkpointed; }
    ~ServerSchemaRows() {
        m_tables.clear();
        m_db.exec("DROP SCHEMA oasis_bench_copy CASCADE");
    }
    ServerSchemaRows(const ServerSchemaRows &) = delete;
    ServerSchemaRows &operator=(const ServerSchemaRows &) = delete;

    /// Reads what the sale `saleId` wrote in the store; `marks` from saleMarks() before it.
    void read(qint64 saleId, const std::vector<qint64> &marks) {
        if (m_tables.empty()) {
            for (const SaleSource &source : kSaleSources) {
                Table t;
                t.name = QString::fromLatin1(source.table);
                t.read = m_db.prepareOnServer(
                    QStringLiteral("SELECT * FROM %1.%2 WHERE %3")
                        .arg(m_store, t.name, QString::fromLatin1(source.where))
                        .toUtf8());
                m_tables.push_back(std::move(t));
            }
        }
        m_rowCount = 0;
        for (std::size_t i = 0; i < m_tables.size(); ++i) {
            Table &t = m_tables[i];
            t.rows.clear();
            t.read.bindValue(0, kSaleSources[i].mark ? marks[i] : saleId);
            if (!t.read.exec())
                die(t.read.lastError().databaseText().simplified());
            QStringList columns, places;
            while (t.read.next()) {
                QVariantList row;
                const QSqlRecord record = t.read.record();
                for (int c = 0; c < record.count(); ++c) {
                    const QString name = record.fieldName(c);
                    if (name == QLatin1String("id") || name == QLatin1String("seq") ||
                        name == QLatin1String("row_order")) // the table's to give
                        continue;
                    if (!t.insert.isValid() && t.rows.empty()) {
                        columns << name;
                        places << QStringLiteral("?");
                        t.roles.push_back(name == QLatin1String("sale_id")      ? Role::SaleId
                                          : name == QLatin1String("receipt_no") ? Role::ReceiptNo
                                                                                : Role::Copied);
                    }
                    row << t.read.value(c);
                }
                t.rows.push_back(std::move(row));
            }
            t.read.finish();
            m_rowCount += qint64(t.rows.size());
            if (!t.insert.isValid() && !t.rows.empty())
                t.insert = m_db.prepareOnServer(
                    QStringLiteral("INSERT INTO oasis_bench_copy.%1(%2) VALUES (%3)%4")
                        .arg(t.name, columns.join(QLatin1String(", ")),
                             places.join(QLatin1String(", ")),
                             t.name == QLatin1String("sales") ? QStringLiteral(" RETURNING id")
                                                              : QString())
                        .toUtf8());
        }
    }
    /// Rows the sale read last wrote by its statements (the triggers' rows not counted).
    qint64 rowCount() const { return m_rowCount; }

    /// Writes the rows read last again as one transaction, as receipt `receiptNo`; milliseconds.
    double write(qint64 receiptNo) {
        QElapsedTimer timer;
        timer.start();
        m_db.exec("BEGIN");
        qint64 saleId = 0;
        for (Table &t : m_tables) {
            for (const QVariantList &row : t.rows) {
                for (qsizetype c = 0; c < row.size(); ++c)
                    t.insert.bindValue(int(c), t.roles[std::size_t(c)] == Role::SaleId ? saleId
                                               : t.roles[std::size_t(c)] == Role::ReceiptNo
                                                   ? QVariant(receiptNo)
                                                   : row[c]);
                if (!t.insert.exec())
                    die(QStringLiteral("schema baseline: %1")
                            .arg(t.insert.lastError().databaseText().simplified()));
                if (saleId == 0 && t.insert.next()) // the sales row comes first
                    saleId = t.insert.value(0).toLongLong();
            }
        }
        m_db.exec("COMMIT");
        return double(timer.nsecsElapsed()) / 1e6;
    }

private:
    QStringList columnsOf(const QString &table) {
        QSqlQuery q = m_db.prepareOnServer(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = "
            "'oasis_bench_copy' AND table_name = ? ORDER BY ordinal_position");
        q.addBindValue(table);
        q.exec();
        QStringList out;
        while (q.next())
            out << q.value(0).toString();
        return out;
    }
    enum class Role { Copied, SaleId, ReceiptNo };
    struct Table {
        QString name;
        QSqlQuery read;
        QSqlQuery insert;
        std::vector<Role> roles;
        std::vector<QVariantList> rows;
    };
    Raw &m_db;
    QString m_store; ///< the store's schema, beside the copy
    bool m_checkpointed = false;
    std::vector<Table> m_tables;
    qint64 m_rowCount = 0;
};

struct Figure {
    QString key;
    QString label;
    QString unit;
    double value = 0;
    double baseline = 0;
    QString target{}; ///< empty: no target, reported only
    bool met = true;
    QString note{};
    double ratio() const { return baseline > 0 ? value / baseline : 0; }
};

struct Paths {
    QString dataDir;
    QString db;
    QString keys;
};

QString defaultDb(bool quick);

Paths pathsFor(const QString &db, const QString &keys = {}) {
    Paths p;
    if (PostgresDriver::isUrl(db)) {
        // A store on a server: the bench's own files (codes, the workers' figures, and the key
        // folder of a store it generated there) go in a folder named after the database.
        p.db = db;
        p.dataDir = QFileInfo(defaultDb(false)).absolutePath() + QStringLiteral("/server-") +
                    QUrl(db).path().mid(1);
        QDir().mkpath(p.dataDir);
        p.keys = p.dataDir + QStringLiteral("/keys");
        if (!keys.isEmpty())
            p.keys = QFileInfo(keys).absoluteFilePath();
        else if (!QFileInfo(p.keys).isDir())
            p.keys =
                qEnvironmentVariableIsEmpty("OASIS_KEY_DIR")
                    ? QDir(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation))
                          .filePath(QStringLiteral("OasisPOS/oasis-pos"))
                    : qEnvironmentVariable("OASIS_KEY_DIR");
        return p;
    }
    p.db = QFileInfo(db).absoluteFilePath();
    p.dataDir = QFileInfo(p.db).absolutePath();
    // The bench keeps the keys of the databases it makes beside them (DB.keys). A database
    // made by the counter app or oasisctl has its key where they put it: --keys DIR, else
    // OASIS_KEY_DIR, else the product's configuration folder.
    p.keys = p.db + QStringLiteral(".keys");
    if (!keys.isEmpty())
        p.keys = QFileInfo(keys).absoluteFilePath();
    else if (QFileInfo::exists(db) && !QFileInfo(p.keys).isDir())
        p.keys = qEnvironmentVariableIsEmpty("OASIS_KEY_DIR")
                     ? QDir(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation))
                           .filePath(QStringLiteral("OasisPOS/oasis-pos"))
                     : qEnvironmentVariable("OASIS_KEY_DIR");
    return p;
}

/// Before the bench writes to a database it did not make.
void sayItWrites(const Paths &p, const char *what) {
    std::fprintf(stderr,
                 "oasis-bench: this %s on %s and moves its journal "
                 "anchor in %s forward: use a copy of the database and of its key folder (the "
                 "original's journal would otherwise look cut off)\n",
                 what, qPrintable(QDir::toNativeSeparators(p.db)),
                 qPrintable(QDir::toNativeSeparators(p.keys)));
}

QString defaultDb(bool quick) {
    const QByteArray env = qgetenv("OASIS_BENCH_DIR");
    const QString dir = env.isEmpty()
                            ? QCoreApplication::applicationDirPath() + QStringLiteral("/data")
                            : QString::fromLocal8Bit(env);
    return QDir(dir).filePath(quick ? QStringLiteral("quick.db") : QStringLiteral("large.db"));
}

void generateOrDie(const Paths &p, bool quick) {
    std::fprintf(stderr, "oasis-bench: generating %s database %s\n",
                 quick ? "the quick" : "the large", qPrintable(p.db));
    auto made = bench::generate(p.db, p.keys, quick ? bench::Scale::quick() : bench::Scale::full());
    if (!made) {
        // Half a database would be measured by the next run as if it were the large one.
        for (const char *suffix : {"", "-wal", "-shm"})
            QFile::remove(p.db + QLatin1String(suffix));
        die(QStringLiteral("generate: ") + made.error().message);
    }
    const bench::GenerateReport &r = *made;
    std::fprintf(stderr,
                 "oasis-bench: %lld sales, %lld lines, %lld gift cards, %lld stock movements in "
                 "%.1f s\n",
                 (long long)r.sales, (long long)r.lines, (long long)r.giftCards,
                 (long long)r.stockMovements, r.seconds);
}

// --- how busy this machine's processors were -------------------------------------------------

/// The first line of /proc/stat: ticks spent busy and in all, over every processor.
struct CpuTicks {
    qint64 busy = 0, all = 0;
    /// The share of all processor time spent busy since `before`; 0 if unknown.
    double busyShareSince(const CpuTicks &before) const {
        return all > before.all ? double(busy - before.busy) / double(all - before.all) : 0.0;
    }
};

CpuTicks cpuTicks() {
    QFile stat(QStringLiteral("/proc/stat"));
    CpuTicks t;
    if (!stat.open(QIODevice::ReadOnly))
        return t;
    // cpu user nice system idle iowait irq softirq steal ...: idle and iowait are not busy.
    const QList<QByteArray> fields = stat.readLine().simplified().split(' ');
    for (qsizetype i = 1; i < fields.size() && i <= 8; ++i) {
        const qint64 v = fields[i].toLongLong();
        t.all += v;
        if (i != 4 && i != 5)
            t.busy += v;
    }
    return t;
}

// --- a child process with its peak memory -----------------------------------------------------

struct ChildRun {
    bool ok = false;
    double ms = 0;        ///< from spawn to the child's first paint
    double padMs = -1;    ///< from spawn to the PIN pad painted (a login's run), else -1
    double submitMs = -1; ///< from spawn to the PIN submitted (a login's run), else -1
    long maxRssKb = 0;    ///< peak resident memory of the child
    QString output;
};

ChildRun spawnFirstPaint(const QString &program, const QStringList &args,
                         const QStringList &extraEnv) {
    ChildRun r;
    int out[2];
    if (pipe(out) != 0)
        return r;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    std::vector<QByteArray> argStore{program.toLocal8Bit()};
    for (const QString &a : args)
        argStore.push_back(a.toLocal8Bit());
    std::vector<char *> argv;
    for (QByteArray &a : argStore)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    std::vector<QByteArray> envStore;
    for (char **e = environ; *e; ++e)
        envStore.emplace_back(*e);
    for (const QString &e : extraEnv)
        envStore.push_back(e.toLocal8Bit());
    std::vector<char *> envp;
    for (QByteArray &e : envStore)
        envp.push_back(e.data());
    envp.push_back(nullptr);

    pid_t pid = 0;
    const qint64 start = epochMicros();
    const int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    close(out[1]);
    if (rc != 0) {
        close(out[0]);
        return r;
    }
    QByteArray text;
    char buf[4096];
    ssize_t n;
    while ((n = read(out[0], buf, sizeof buf)) > 0)
        text.append(buf, n);
    close(out[0]);
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    r.output = QString::fromLocal8Bit(text);
    // The child's own high-water mark: wait4's ru_maxrss would include this process's memory
    // (Linux carries it across the exec of a vfork'ed child).
    (void)usage;
    const qsizetype rss = text.indexOf("peak-rss-kb=");
    r.maxRssKb = rss >= 0 ? text.mid(rss + 12).split('\n').first().trimmed().toLong() : 0;
    // "WHAT epoch-us=N" lines: first-paint, and for a login pin-pad and pin-submit before it.
    const auto msAt = [&](const QByteArray &what) {
        const qsizetype at = text.indexOf(QByteArray(what + " epoch-us="));
        if (at < 0)
            return -1.0;
        const QByteArray rest = text.mid(at + what.size() + 10);
        const qint64 epoch = rest.split(' ').first().split('\n').first().toLongLong();
        return double(epoch - start) / 1000.0;
    };
    r.padMs = msAt("pin-pad");
    r.submitMs = msAt("pin-submit");
    r.ms = msAt("first-paint");
    r.ok = WIFEXITED(status) && WEXITSTATUS(status) == 0 && r.ms >= 0;
    return r;
}

// --- the figures ------------------------------------------------------------------------------

struct Bench {
    Paths paths;
    bool quick = false;
    Database *db = nullptr;
    StaffMember cashier; ///< who rings up the bench's sales (--user, else frontdesk)
    QString pin;         ///< the cashier's PIN, for the cold start's login
    std::vector<Figure> figures;

    Figure scanToLine() {
        Figure f{QStringLiteral("scan_to_line"), QStringLiteral("scan to line (median)"),
                 QStringLiteral("ms")};
        Raw raw(paths.db);
        // 1,000 barcodes of random products; the register clears its ticket every 20 lines, as
        // customers leave, outside the timing.
        std::vector<QByteArray> barcodes;
        for (const QString &code :
             raw.column("SELECT barcode FROM item_barcodes ORDER BY random() LIMIT 1000"))
            barcodes.push_back(code.toUtf8());
        if (barcodes.empty())
            die(QStringLiteral("no product in %1 has a barcode to scan").arg(paths.db));
        // A small catalog (a store's own database) is scanned round and round: 1,000 scans.
        constexpr std::size_t kScans = 1000;
        auto scanCode = [&](std::size_t i) -> const QByteArray & {
            return barcodes[i % barcodes.size()];
        };
        app::RegisterWidget reg(*db, QStringLiteral("bench"));
        reg.reloadCatalog(); // its quick buttons, as after a login
        reg.setCashier(cashier);
        reg.resize(1366, 768);
        reg.show();
        QApplication::processEvents();
        std::vector<double> scans;
        int missed = 0;
        for (std::size_t i = 0; i < kScans; ++i) {
            const QByteArray &code = scanCode(i);
            if (reg.model()->rowCount() >= 20) {
                reg.model()->clear();
                QApplication::processEvents();
            }
            const QString total = reg.totalText(QStringLiteral("total"));
            const int rows = reg.model()->rowCount();
            QElapsedTimer t;
            t.start();
            QTest::keyClicks(reg.scanField(), QString::fromLatin1(code));
            QTest::keyClick(reg.scanField(), Qt::Key_Return);
            scans.push_back(double(t.nsecsElapsed()) / 1e6);
            if (reg.model()->rowCount() == rows && reg.totalText(QStringLiteral("total")) == total)
                ++missed;
        }
        // Baseline: the bare indexed SELECT of the same barcodes.
        RawLookup lookup(raw,
                         "SELECT i.id, i.code, i.name, i.price_cents, i.tax_class FROM "
                         "item_barcodes b JOIN items i ON i.id = b.item_id WHERE b.barcode = ?");
        std::vector<double> base;
        for (std::size_t i = 0; i < kScans; ++i) {
            const QByteArray &code = scanCode(i);
            QElapsedTimer t;
            t.start();
            lookup.run(code);
            base.push_back(double(t.nsecsElapsed()) / 1e6);
        }
        f.value = median(scans);
        f.baseline = median(base);
        f.target = QStringLiteral("median < 1 ms");
        f.met = f.value < 1.0 && missed == 0;
        f.note =
            QStringLiteral("p99 %1 ms over %2 scans%3")
                .arg(percentile(scans, 99), 0, 'f', 2)
                .arg(scans.size())
                .arg(missed ? QStringLiteral(", %1 scans added nothing").arg(missed) : QString());
        return f;
    }

    /// Closes the pending Z (as the manager), then rings up one typical day through
    /// SaleService as the bench cashier: the generator's mix of about 460 sales a day, products,
    /// sessions with their therapist, tips and now and then a gift card. Returns the sales rung.
    qint64 ringUpDay() {
        const StaffMember manager =
            must(StaffService(*db).find(QStringLiteral("manager")), "manager");
        must(ReportService(*db).z(manager), "close the pending Z");
        Raw raw(paths.db);
        auto column = [&raw](const char *sql) { return raw.column(sql); };
        const QStringList products =
            column("SELECT code FROM items WHERE type = 'product' AND active = 1 ORDER BY random() "
                   "LIMIT 2000");
        const QStringList sessions =
            column("SELECT code FROM items WHERE type = 'session' AND active = 1");
        std::vector<StaffMember> therapists;
        for (const QString &name :
             column("SELECT name FROM staff WHERE role = 'therapist' AND active = 1"))
            therapists.push_back(must(StaffService(*db).find(name), "therapist"));
        const qint64 perDay = quick ? 100 : 460;
        auto taxes = must(StoreSettings(*db).taxTable(), "tax table");
        CatalogService catalog(*db);
        SaleService sales(*db);
        QRandomGenerator rng(20261123);
        for (qint64 i = 0; i < perDay; ++i) {
            Ticket t;
            if (!sessions.isEmpty() && !therapists.empty() && rng.bounded(100) < 25) {
                const StaffMember &th = therapists[rng.bounded(int(therapists.size()))];
                t.addItem(*must(catalog.findByCode(sessions[rng.bounded(int(sessions.size()))]),
                                "session"),
                          1, th.id, th.displayName);
                if (rng.bounded(100) < 30)
                    t.addTip(Money::fromCents(5'00 + 100 * rng.bounded(20)), th.id, th.displayName);
            }
            const int items = t.isEmpty() ? 1 + rng.bounded(5) : rng.bounded(3);
            for (int k = 0; k < items; ++k)
                t.addItem(*must(catalog.findByCode(products[rng.bounded(int(products.size()))]),
                                "product"),
                          1 + (rng.bounded(100) < 15 ? 1 : 0));
            if (rng.bounded(100) < 5)
                t.addGiftCard(Money::fromCents(50'00));
            const Money total =
                must(t.totals(taxes, StoreSettings(*db).businessDate(Clock::nowUtc())), "totals")
                    .total;
            Tender pay;
            if (rng.bounded(100) < 60) {
                pay.type = TenderType::Card;
                pay.amount = total;
                pay.cardLast4 = QStringLiteral("4242");
                pay.authCode = QStringLiteral("A1B2C3");
            } else {
                pay.type = TenderType::Cash;
                pay.amount = Money::fromCents((total.cents() + 999) / 1000 * 1000);
            }
            must(sales.complete(t, {pay}, cashier, std::nullopt, QStringLiteral("bench")),
                 "day sale");
        }
        return perDay;
    }

    /// The same numbers as the service, by hand on a raw connection.
    std::vector<Figure> reports() {
        std::vector<Figure> out;
        Raw raw(paths.db);
        ReportService reports(*db);
        const int runs = quick ? 5 : 9;
        const QDate lastDay = QDate::fromString(
            raw.column("SELECT MAX(business_date) FROM sales").value(0), Qt::ISODate);
        // The month before the last day sold (a store's own database without sales: before
        // today's business day).
        const QDate monthEnd = [&](QDate d) {
            return QDate(d.year(), d.month(), 1).addDays(-1);
        }(lastDay.isValid() ? lastDay : StoreSettings(*db).businessDate(Clock::nowUtc()));
        const QDate monthStart = QDate(monthEnd.year(), monthEnd.month(), 1);
        const QByteArray from = monthStart.toString(Qt::ISODate).toLatin1();
        const QByteArray to = monthEnd.toString(Qt::ISODate).toLatin1();

        auto figure = [&](const char *key, const char *label, const std::function<void()> &service,
                          const std::function<void()> &hand, const QString &note) {
            service(); // warm the page cache for both
            hand();
            Figure f{QString::fromLatin1(key), QString::fromLatin1(label), QStringLiteral("ms")};
            f.value = median(timeRuns(runs, service));
            f.baseline = median(timeRuns(runs, hand));
            f.target = QStringLiteral("< 50 ms and <= 2x");
            f.met = f.value < 50.0 && f.ratio() <= 2.0;
            f.note = note;
            out.push_back(f);
        };

        // Z of a day. Every run of the bench sells (sale_commit, concurrent_redeem) without
        // closing the day, so first close what is pending with a Z (outside the timing), then
        // ring up one typical day through SaleService: the period is then a day, as at a spa.
        const qint64 daySales = ringUpDay();
        const qint64 lastZSale = raw.drain("SELECT COALESCE(MAX(last_sale_id), 0) FROM z_reports");
        const qint64 periodSales =
            raw.drain("SELECT COUNT(*) FROM sales WHERE id > ?", {lastZSale});
        figure(
            "report_z_day", "Z report of a day", [&] { must(reports.x(), "x report"); },
            [&] {
                raw.drain("SELECT COUNT(*), SUM(subtotal_cents), SUM(discount_cents), "
                          "SUM(tax_cents), SUM(tip_cents), SUM(total_cents), MIN(receipt_no), "
                          "MAX(receipt_no) FROM sales WHERE id > ?",
                          {lastZSale});
                raw.drain("SELECT l.code, c.category_id, s.staff_id, l.therapist_id, l.kind, "
                          "MAX(l.name), SUM(l.quantity), SUM(l.net_cents), SUM(l.tax_cents) "
                          "FROM sales s JOIN sale_lines l ON l.sale_id = s.id "
                          "LEFT JOIN sale_line_categories c ON c.line_id = l.id "
                          "WHERE s.id > ? GROUP BY 1, 2, 3, 4, 5",
                          {lastZSale});
                raw.drain("SELECT x.tax_class, SUM(x.base_cents), SUM(x.tax_cents) FROM sales s "
                          "JOIN sale_taxes x ON x.sale_id = s.id WHERE s.id > ? GROUP BY 1",
                          {lastZSale});
                raw.drain("SELECT t.type, SUM(t.amount_cents) FROM sales s JOIN sale_tenders t "
                          "ON t.sale_id = s.id WHERE s.id > ? GROUP BY 1",
                          {lastZSale});
                raw.drain("SELECT SUM(amount_cents) FROM giftcard_activity");
                raw.drain("SELECT seq FROM journal ORDER BY seq DESC LIMIT 1");
            },
            QStringLiteral("%1 sales in the period (the pending Z closed, then %2 sales rung up)")
                .arg(periodSales)
                .arg(daySales));

        // The month as the owner reads it: by category (stamped at sale time), cashier and
        // therapist. The hand query sums the month's lines themselves.
        QElapsedTimer exportTimer;
        exportTimer.start();
        const ReportTable exported =
            must(reports.salesBy(SalesBy::Item, monthStart, monthEnd), "sales by item export");
        const double exportMs = double(exportTimer.nsecsElapsed()) / 1e6;
        figure(
            "report_month_by_category", "month sales by category",
            [&] { must(reports.salesBy(SalesBy::Category, monthStart, monthEnd), "sales report"); },
            [&] {
                raw.drain("SELECT l.kind, c.category_id, s.staff_id, l.therapist_id, "
                          "SUM(l.quantity), SUM(l.net_cents), SUM(l.tax_cents) FROM sales s "
                          "JOIN sale_lines l ON l.sale_id = s.id LEFT JOIN sale_line_categories c "
                          "ON c.line_id = l.id WHERE s.business_date >= ? AND "
                          "s.business_date <= ? AND l.kind IN ('product', 'session') "
                          "GROUP BY 1, 2, 3, 4",
                          {}, {from, to});
            },
            QStringLiteral("%1 to %2, by category; the CSV export by item with %3 rows: %4 ms")
                .arg(monthStart.toString(Qt::ISODate), monthEnd.toString(Qt::ISODate))
                .arg(exported.rows.size())
                .arg(exportMs, 0, 'f', 0));

        const auto [startUtc, endUtc] = [&] {
            const QTimeZone zone = StoreSettings(*db).timeZone();
            return std::pair{
                toStorageTime(QDateTime(monthStart, QTime(0, 0), zone).toUTC()).toLatin1(),
                toStorageTime(QDateTime(monthEnd.addDays(1), QTime(0, 0), zone).toUTC())
                    .toLatin1()};
        }();
        const qint64 activeCards =
            qint64(must(reports.giftCardLiability(monthStart, monthEnd), "gift-card report")
                       .cards.rows.size());
        figure(
            "report_giftcard_liability", "gift-card liability",
            [&] { must(reports.giftCardLiability(monthStart, monthEnd), "gift-card report"); },
            [&] {
                // Opening, sold, redeemed, other and closing from every activity row, then the
                // cards that moved with their balance at the end.
                raw.drain("SELECT SUM(CASE WHEN created_at < ?1 THEN amount_cents ELSE 0 END), "
                          "SUM(CASE WHEN created_at >= ?1 AND kind IN ('activate', 'load') THEN "
                          "amount_cents ELSE 0 END), "
                          "SUM(CASE WHEN created_at >= ?1 AND kind = 'redeem' THEN amount_cents "
                          "ELSE 0 END), "
                          "SUM(CASE WHEN created_at >= ?1 AND kind NOT IN ('activate', 'load', "
                          "'redeem') THEN amount_cents ELSE 0 END), SUM(amount_cents) "
                          "FROM giftcard_activity WHERE created_at < ?2",
                          {}, {startUtc, endUtc});
                raw.drain("SELECT g.last4, g.created_at, "
                          "SUM(CASE WHEN a.kind IN ('activate', 'load') THEN a.amount_cents "
                          "ELSE 0 END), "
                          "SUM(CASE WHEN a.kind = 'redeem' THEN a.amount_cents ELSE 0 END), "
                          "SUM(CASE WHEN a.kind NOT IN ('activate', 'load', 'redeem') THEN "
                          "a.amount_cents ELSE 0 END), "
                          "(SELECT SUM(b.amount_cents) FROM giftcard_activity b "
                          "WHERE b.giftcard_id = g.id AND b.created_at < ?2) "
                          "FROM giftcard_activity a JOIN giftcards g ON g.id = a.giftcard_id "
                          "WHERE a.created_at >= ?1 AND a.created_at < ?2 GROUP BY g.id "
                          "ORDER BY g.created_at, g.id",
                          {}, {startUtc, endUtc});
            },
            QStringLiteral("opening, sold, redeemed, other and closing for the month; %1 cards "
                           "that moved, each with its balance at the end")
                .arg(activeCards));

        figure(
            "report_stock_valuation", "stock valuation",
            [&] { must(InventoryService(*db).valuationSummary(), "valuation"); },
            [&] {
                raw.drain("SELECT COALESCE(c.name, ''), COUNT(*), "
                          "SUM(CASE WHEN COALESCE(l.on_hand, 0) > 0 THEN l.on_hand ELSE 0 END), "
                          "SUM(CASE WHEN COALESCE(l.on_hand, 0) > 0 THEN l.on_hand * i.cost_cents "
                          "ELSE 0 END), SUM(CASE WHEN COALESCE(l.on_hand, 0) < 0 THEN 1 ELSE 0 "
                          "END) FROM items i LEFT JOIN stock_levels l ON l.item_id = i.id "
                          "LEFT JOIN categories c ON c.id = i.category_id "
                          "WHERE i.type = 'product' AND (i.active = 1 OR COALESCE(l.on_hand, 0) "
                          "<> 0) GROUP BY 1");
            },
            QStringLiteral("every product at average cost, by category with totals"));
        return out;
    }

    QStringList writeCodes(const QStringList &codes, const QString &name) {
        QFile f(QDir(paths.dataDir).filePath(name));
        if (!f.open(QIODevice::WriteOnly))
            die(QStringLiteral("cannot write %1").arg(f.fileName()));
        f.write(codes.join(QLatin1Char('\n')).toLatin1());
        return {f.fileName()};
    }

    std::pair<Figure, qint64> saleCommit() {
        Figure f{QStringLiteral("sale_commit"), QStringLiteral("sale commit (median)"),
                 QStringLiteral("ms")};
        const int n = quick ? 60 : 200;
        auto codes = must(harness::sellGiftCards(*db, 10, Money::fromCents(1000'00),
                                                 QStringLiteral("bench-sale"), cashier.name),
                          "sell gift cards");
        auto taxes = must(StoreSettings(*db).taxTable(), "tax table");
        CatalogService catalog(*db);
        Raw raw(paths.db);
        const QStringList barcodes =
            raw.column("SELECT barcode FROM item_barcodes ORDER BY random() LIMIT 1000");
        // Rows the sale writes: SQLite's total_changes() of the service's own connection counts
        // every row inserted or updated, by the statements and by their triggers (stock levels,
        // the rollups).
        const bool server = raw.onServer();
        auto rowCount = [&]() -> qint64 {
            if (server) // counted by the schema baseline instead
                return 0;
            return must(db->scalar(QStringLiteral("SELECT total_changes()")), "total_changes")
                .toLongLong();
        };
        SaleService sales(*db);

        // The earlier baseline, kept in the notes: one bare transaction writing as many rows into
        // one table, same pragmas, same disk. Each sale is followed by both baselines, so all
        // see the machine in the same state (a disk or a neighbour that is busy for a while
        // slows every side, not one).
        // On a server: a table in a schema of its own in the store's database.
        const QString basePath = QDir(paths.dataDir).filePath(QStringLiteral("baseline.db"));
        for (const char *suffix : {"", "-wal", "-shm"})
            QFile::remove(basePath + QLatin1String(suffix));
        Raw b(server ? paths.db : basePath);
        sqlite3_stmt *ins = nullptr;
        QSqlQuery serverInsert;
        if (server) {
            b.exec("DROP SCHEMA IF EXISTS oasis_bench_bare CASCADE");
            b.exec("CREATE SCHEMA oasis_bench_bare");
            b.exec("CREATE TABLE oasis_bench_bare.rows (id BIGINT GENERATED BY DEFAULT AS "
                   "IDENTITY PRIMARY KEY, sale BIGINT NOT NULL, kind TEXT NOT NULL, amount "
                   "BIGINT NOT NULL, note TEXT NOT NULL)");
            serverInsert = b.prepareOnServer(
                "INSERT INTO oasis_bench_bare.rows(sale, kind, amount, note) VALUES (?, ?, ?, ?)");
        } else {
            b.exec("CREATE TABLE rows (id INTEGER PRIMARY KEY, sale INTEGER NOT NULL, kind TEXT "
                   "NOT NULL, amount INTEGER NOT NULL, note TEXT NOT NULL)");
            ins = b.prepare("INSERT INTO rows(sale, kind, amount, note) VALUES (?, ?, ?, ?)");
        }
        const QByteArray note(60, 'x');
        auto bareTransaction = [&](int i, qint64 rows) {
            QElapsedTimer timer;
            timer.start();
            if (server) {
                b.exec("BEGIN");
                for (qint64 r = 0; r < rows; ++r) {
                    serverInsert.bindValue(0, i);
                    serverInsert.bindValue(1, QStringLiteral("line"));
                    serverInsert.bindValue(2, r * 100);
                    serverInsert.bindValue(3, QString::fromLatin1(note));
                    if (!serverInsert.exec())
                        die(serverInsert.lastError().databaseText().simplified());
                }
                b.exec("COMMIT");
                return double(timer.nsecsElapsed()) / 1e6;
            }
            b.exec("BEGIN IMMEDIATE");
            for (qint64 r = 0; r < rows; ++r) {
                sqlite3_bind_int64(ins, 1, i);
                sqlite3_bind_text(ins, 2, "line", -1, SQLITE_STATIC);
                sqlite3_bind_int64(ins, 3, r * 100);
                sqlite3_bind_text(ins, 4, note.constData(), int(note.size()), SQLITE_STATIC);
                sqlite3_step(ins);
                sqlite3_reset(ins);
            }
            b.exec("COMMIT");
            return double(timer.nsecsElapsed()) / 1e6;
        };

        // Baseline: what the schema costs (SchemaRows), on a copy of the store made after the
        // first sale: after each sale, the rows it wrote are written again into the copy.
        const QString schemaPath =
            QDir(paths.dataDir).filePath(QStringLiteral("schema-baseline.db"));
        for (const char *suffix : {"", "-wal", "-shm"})
            QFile::remove(schemaPath + QLatin1String(suffix));
        std::unique_ptr<Raw> schemaCopy;
        std::unique_ptr<SchemaRows> schemaRows;
        std::unique_ptr<ServerSchemaRows> serverRows;
        qint64 schemaRowsPerSale = 0;
        bool checkpointed = false;

        // The baselines' receipt numbers: past every register's series (receiptcode.h), so they
        // never meet a receipt the copy already holds.
        constexpr qint64 kBaselineReceipts = 27 * receiptseries::kSpan;
        std::vector<double> times, base, bare;
        qint64 rowsPerSale = 0;
        qint64 lastReceipt = 0;
        for (int i = 0; i < n; ++i) {
            Ticket t;
            for (int k = 0; k < 5; ++k)
                t.addItem(*must(
                    catalog.findByCode(barcodes[qsizetype(i * 5 + k) % barcodes.size()]), "find"));
            const Money total =
                must(t.totals(taxes, StoreSettings(*db).businessDate(Clock::nowUtc())), "totals")
                    .total;
            Tender gift;
            gift.type = TenderType::Gift;
            gift.giftCode = codes[i % codes.size()];
            gift.amount = min(total, Money::fromCents(5'00));
            Tender cash;
            cash.type = TenderType::Cash;
            cash.amount = Money::fromCents((total.cents() + 999) / 1000 * 1000);
            const qint64 before = i == 0 ? rowCount() : 0;
            const std::vector<qint64> marks = saleMarks(raw);
            QElapsedTimer timer;
            timer.start();
            auto done =
                sales.complete(t, {gift, cash}, cashier, std::nullopt, QStringLiteral("bench"));
            times.push_back(double(timer.nsecsElapsed()) / 1e6);
            if (!done)
                die(QStringLiteral("sale: ") + done.error().message);
            lastReceipt = done->receiptNo;
            const qint64 saleId =
                raw.drain("SELECT id FROM sales WHERE receipt_no = ?", {done->receiptNo});
            if (server) {
                if (i == 0) {
                    schemaCopy = std::make_unique<Raw>(paths.db);
                    serverRows = std::make_unique<ServerSchemaRows>(*schemaCopy, *db);
                }
                serverRows->read(saleId, marks);
                if (i == 0) {
                    rowsPerSale = schemaRowsPerSale = serverRows->rowCount();
                    checkpointed = serverRows->checkpointed();
                }
                base.push_back(serverRows->write(kBaselineReceipts + i));
            } else if (i == 0) {
                rowsPerSale = rowCount() - before;
                sqlite3_stmt *copy = raw.prepare("VACUUM INTO ?");
                const QByteArray target = schemaPath.toUtf8();
                sqlite3_bind_text(copy, 1, target.constData(), int(target.size()),
                                  SQLITE_TRANSIENT);
                if (sqlite3_step(copy) != SQLITE_DONE)
                    die(QStringLiteral("cannot copy the store for the schema baseline"));
                sqlite3_finalize(copy);
                schemaCopy = std::make_unique<Raw>(schemaPath);
                schemaRows = std::make_unique<SchemaRows>(raw, *schemaCopy);
                schemaRows->read(saleId, marks);
                const qint64 changes = sqlite3_total_changes(schemaCopy->handle());
                base.push_back(schemaRows->write(kBaselineReceipts));
                schemaRowsPerSale = sqlite3_total_changes(schemaCopy->handle()) - changes;
            } else {
                schemaRows->read(saleId, marks);
                base.push_back(schemaRows->write(kBaselineReceipts + i));
            }
            bare.push_back(bareTransaction(i, rowsPerSale));
        }
        sqlite3_finalize(ins);
        if (server)
            b.exec("DROP SCHEMA oasis_bench_bare CASCADE");
        schemaRows.reset();
        serverRows.reset();
        schemaCopy.reset();
        for (const char *suffix : {"", "-wal", "-shm"})
            QFile::remove(schemaPath + QLatin1String(suffix));
        f.value = median(times);
        f.baseline = median(base);
        // PostgreSQL's target is looser: each statement is a round trip to the server.
        const double target = server ? 1.5 : 1.3;
        f.target = QStringLiteral("<= %1x").arg(target);
        f.met = f.ratio() <= target;
        f.note = QStringLiteral("5 lines, gift card + cash, %1 rows%7; p99 %2 ms; %3 sales; "
                                "baseline: the same %4 rows into the same tables, indexes and "
                                "triggers by hand; one bare table: %5 ms (%6x)")
                     .arg(rowsPerSale)
                     .arg(percentile(times, 99), 0, 'f', 2)
                     .arg(n)
                     .arg(schemaRowsPerSale)
                     .arg(median(bare), 0, 'f', 3)
                     .arg(f.value / median(bare), 0, 'f', 2)
                     .arg(server ? QStringLiteral(" by its statements") : QString());
        if (server && !checkpointed)
            f.note +=
                QStringLiteral("; no checkpoint after the copy (the user lacks "
                               "pg_checkpoint): the baseline writes no full pages to the WAL");
        return {f, lastReceipt};
    }

    /// The workers' registers bench-0..N-1, each numbering its receipts in a series of its own
    /// as a manager adds registers now (a store from before keeps them on the shared R until
    /// moved): on a server a register then waits for no other to take its next number.
    void giveOwnSeries(int processes) {
        auto manager =
            must(db->scalar(QStringLiteral("SELECT name FROM staff WHERE role IN ('manager', "
                                           "'owner') AND active = 1 ORDER BY id LIMIT 1")),
                 "a manager");
        if (manager.isNull())
            return; // no manager to add them: they share series R
        const StaffMember by = must(StaffService(*db).find(manager.toString()), "the manager");
        RegisterService registers(*db);
        for (int p = 0; p < processes; ++p) {
            const QString name = QStringLiteral("bench-%1").arg(p);
            const auto all = must(registers.list(), "registers");
            const auto here = std::find_if(all.begin(), all.end(),
                                           [&](const RegisterInfo &r) { return r.name == name; });
            if (here == all.end()) {
                must(registers.add(name, by), "register add");
            } else if (here->series == QStringLiteral("R")) {
                for (char letter = 'A'; letter <= 'Z'; ++letter)
                    if (letter != 'R' && std::none_of(all.begin(), all.end(), [&](const auto &r) {
                            return r.series == QChar::fromLatin1(letter);
                        })) {
                        must(registers.setSeries(name, QString(QChar::fromLatin1(letter)), by),
                             "register series");
                        break;
                    }
            }
        }
    }

    Figure concurrentRedeem(const QString &workerPath) {
        // Registers on a server each have their own connection and wait only for what they
        // share: 8 of them against one. On a file, 4 programs share SQLite's one writer.
        const bool server = PostgresDriver::isUrl(paths.db);
        const int many = server ? 8 : 4;
        Figure f{QStringLiteral("concurrent_redeem"),
                 QStringLiteral("concurrent redemption, %1 %2")
                     .arg(many)
                     .arg(server ? QStringLiteral("registers") : QStringLiteral("processes")),
                 QStringLiteral("sales/s")};
        const double seconds = quick ? 3 : 10;
        struct RunResult {
            double throughput = 0;
            double busy = 0; ///< the share of this machine's processors busy meanwhile
            std::vector<double> latencies;
            qint64 refused = 0, failed = 0;
        };
        auto run = [&](int processes) {
            auto codes = must(harness::sellGiftCards(*db, 20, Money::fromCents(1000'00),
                                                     QStringLiteral("bench-redeem"), cashier.name),
                              "sell gift cards");
            const QString codesFile =
                writeCodes(codes, QStringLiteral("redeem-codes-%1.txt").arg(processes)).first();
            giveOwnSeries(processes);
            std::vector<std::unique_ptr<QProcess>> procs;
            QStringList outs;
            for (int p = 0; p < processes; ++p) {
                const QString out =
                    QDir(paths.dataDir)
                        .filePath(QStringLiteral("redeem-%1-%2.txt").arg(processes).arg(p));
                QFile::remove(out);
                outs << out;
                auto proc = std::make_unique<QProcess>();
                proc->setProcessChannelMode(QProcess::ForwardedErrorChannel);
                proc->start(workerPath,
                            {QStringLiteral("--db"),       paths.db,
                             QStringLiteral("--keys"),     paths.keys,
                             QStringLiteral("--codes"),    codesFile,
                             QStringLiteral("--mode"),     QStringLiteral("redeem"),
                             QStringLiteral("--seconds"),  QString::number(seconds),
                             QStringLiteral("--seed"),     QString::number(p + 1),
                             QStringLiteral("--register"), QStringLiteral("bench-%1").arg(p),
                             QStringLiteral("--user"),     cashier.name,
                             QStringLiteral("--out"),      out,
                             QStringLiteral("--start"),    QStringLiteral("go")});
                procs.push_back(std::move(proc));
            }
            // All open the store and read the catalog first, then sell in the same window: a
            // register's start is not part of its selling, nor of the others'.
            for (auto &proc : procs)
                while (!proc->canReadLine())
                    if (!proc->waitForReadyRead(120000))
                        die(QStringLiteral("a redeem worker did not start"));
            RunResult r;
            const CpuTicks before = cpuTicks();
            for (auto &proc : procs)
                if (proc->write("go\n") != 3 || !proc->waitForBytesWritten(10000))
                    die(QStringLiteral("a redeem worker did not take its start"));
            qint64 completed = 0;
            for (auto &proc : procs)
                proc->waitForFinished(int(seconds * 1000) + 120000);
            r.busy = cpuTicks().busyShareSince(before);
            for (const QString &out : outs) {
                QFile file(out);
                if (!file.open(QIODevice::ReadOnly))
                    die(QStringLiteral("the redeem worker wrote no %1").arg(out));
                const QList<QByteArray> lines = file.readAll().split('\n');
                const QList<QByteArray> summary = lines.value(0).split(' ');
                completed += summary.value(1).toLongLong();
                r.refused += summary.value(2).toLongLong();
                r.failed += summary.value(3).toLongLong();
                for (qsizetype i = 1; i < lines.size(); ++i)
                    if (!lines[i].isEmpty())
                        r.latencies.push_back(lines[i].toDouble() / 1e6);
            }
            r.throughput = double(completed) / seconds;
            return r;
        };
        const RunResult one = run(1);
        const RunResult four = run(many);
        const qint64 overdrafts =
            must(db->scalar(QStringLiteral("SELECT COUNT(*) FROM (SELECT giftcard_id FROM "
                                           "giftcard_activity GROUP BY giftcard_id "
                                           "HAVING SUM(amount_cents) < 0) AS overdrawn")),
                 "overdrafts")
                .toLongLong();
        f.value = four.throughput;
        f.baseline = one.throughput;
        const double target = server ? 3.0 : 0.8;
        f.target = QStringLiteral("0 overdrafts, >= %1x").arg(target);
        f.met = overdrafts == 0 && four.failed == 0 && f.ratio() >= target;
        // One register alone already keeps part of this machine busy (with the server when it
        // runs here): the most many registers could reach on it is the rest.
        const int cores = QThread::idealThreadCount();
        f.note = QStringLiteral("20 cards, %1 s; p99 %2 ms (1 alone: %3 ms); %4 overdrafts, "
                                "%5 refused, %6 failed; 1 alone kept %7 of %8 processors busy "
                                "(the most this machine allows: %9x), %10 kept %11")
                     .arg(seconds)
                     .arg(percentile(four.latencies, 99), 0, 'f', 1)
                     .arg(percentile(one.latencies, 99), 0, 'f', 1)
                     .arg(overdrafts)
                     .arg(four.refused + one.refused)
                     .arg(four.failed + one.failed)
                     .arg(one.busy * cores, 0, 'f', 2)
                     .arg(cores)
                     .arg(one.busy > 0 ? 1.0 / one.busy : 0.0, 0, 'f', 2)
                     .arg(many)
                     .arg(four.busy * cores, 0, 'f', 2);
        return f;
    }

    std::vector<Figure> printing(qint64 receipt) {
        std::vector<Figure> out;
        auto sale = must(SaleService(*db).load(receipt), "load sale");
        const StoreInfo store = StoreSettings(*db).storeInfo();
        const int runs = quick ? 50 : 200;
        printing::ReceiptDocument doc = printing::receiptFromSale(sale, store);
        {
            Figure f{QStringLiteral("receipt_escpos"), QStringLiteral("receipt to ESC/POS with QR"),
                     QStringLiteral("ms")};
            f.value = median(timeRuns(runs, [&] {
                must(printing::renderReceiptEscPos(printing::receiptFromSale(sale, store)),
                     "escpos");
            }));
            f.baseline = median(timeRuns(runs, [&] {
                (void)printing::renderReceiptText(printing::receiptFromSale(sale, store));
            }));
            f.note = QStringLiteral("baseline: the same receipt as plain text");
            out.push_back(f);
        }
        {
            Figure f{QStringLiteral("certificate_pdf"), QStringLiteral("gift certificate to PDF"),
                     QStringLiteral("ms")};
            QTemporaryDir dir;
            printing::GiftCertificate cert;
            cert.store.name = store.name;
            cert.store.addressLines = store.addressLines;
            cert.store.phone = store.phone;
            cert.code = QStringLiteral("GC1-7KQ2-M4XH-9TDA-3RWE-B6P8");
            cert.amount = Money::fromCents(150'00);
            cert.to = QStringLiteral("Ava");
            cert.from = QStringLiteral("Noah");
            cert.message = QStringLiteral("Happy birthday! Enjoy a deep tissue massage.");
            const int pdfRuns = quick ? 10 : 30;
            const QString pdf = dir.filePath(QStringLiteral("c.pdf"));
            f.value = median(timeRuns(pdfRuns, [&] {
                if (auto ok = printing::renderCertificatePdf(cert, pdf); !ok)
                    die(ok.error().message);
            }));
            f.baseline = median(timeRuns(pdfRuns, [&] {
                QPdfWriter writer(dir.filePath(QStringLiteral("empty.pdf")));
                writer.setPageSize(QPageSize(QPageSize::Letter));
                QPainter p(&writer);
                p.drawText(QPointF(100, 100), cert.message);
            }));
            f.note = QStringLiteral("letter page; baseline: a page with one line of text");
            out.push_back(f);
        }
        return out;
    }

    /// cold_start, pin_pad, pin_to_register, then peak_rss.
    std::vector<Figure> coldStart(const QString &posPath, const QString &self) {
        Figure cold{QStringLiteral("cold_start"), QStringLiteral("cold start to the register"),
                    QStringLiteral("ms")};
        Figure pad{QStringLiteral("pin_pad"), QStringLiteral("cold start to the PIN pad"),
                   QStringLiteral("ms")};
        Figure login{QStringLiteral("pin_to_register"),
                     QStringLiteral("PIN to the painted register"), QStringLiteral("ms")};
        Figure rss{QStringLiteral("peak_rss"), QStringLiteral("peak memory of oasis-pos"),
                   QStringLiteral("MB")};
        const int runs = quick ? 3 : 5;
        const QString xdg = QDir(paths.dataDir).filePath(QStringLiteral("xdg"));
        QDir().mkpath(xdg);
        const QStringList env{QStringLiteral("QT_QPA_PLATFORM=offscreen"),
                              QStringLiteral("OASIS_EXIT_AFTER_FIRST_PAINT=1"),
                              QStringLiteral("OASIS_KEY_DIR=") + paths.keys,
                              QStringLiteral("OASIS_USER=") + cashier.name,
                              QStringLiteral("OASIS_PIN=") + pin,
                              QStringLiteral("OASIS_REGISTER=bench-cold"),
                              QStringLiteral("XDG_CONFIG_HOME=") + xdg,
                              QStringLiteral("XDG_DATA_HOME=") + xdg};
        // The PIN's key derivation as the login does it: the cashier's salt and iterations.
        auto stored =
            db->row(QStringLiteral("SELECT pin_salt, pin_iterations FROM staff WHERE id = ?"),
                    {cashier.id});
        if (!stored || stored->isEmpty())
            die(QStringLiteral("cannot read %1's PIN settings").arg(cashier.name));
        const QByteArray salt = stored->value(0).toByteArray();
        const int iterations = stored->value(1).toInt();
        const double kdf = median(timeRuns(runs, [&] {
            (void)crypto::pbkdf2Sha256(pin.toUtf8() + db->keys().pinPepper, salt, iterations);
        }));
        std::vector<double> app, empty, bare, pads, logins;
        std::vector<double> rssMb, emptyRssMb;
        for (int i = 0; i < runs; ++i) {
            // The PIN pad is painted, the PIN typed, the register painted: one start.
            const ChildRun a = spawnFirstPaint(posPath, {QStringLiteral("--db"), paths.db}, env);
            if (!a.ok || a.padMs < 0 || a.submitMs < 0)
                die(QStringLiteral(
                        "oasis-pos did not report its PIN pad, login and first paint: ") +
                    a.output);
            app.push_back(a.ms);
            pads.push_back(a.padMs);
            logins.push_back(a.ms - a.submitMs);
            rssMb.push_back(double(a.maxRssKb) / 1024.0);
            const ChildRun e = spawnFirstPaint(self, {QStringLiteral("empty-window")}, env);
            if (!e.ok)
                die(QStringLiteral("the empty window did not paint: ") + e.output);
            empty.push_back(e.ms);
            emptyRssMb.push_back(double(e.maxRssKb) / 1024.0);
            const ChildRun b = spawnFirstPaint(QStringLiteral(OASIS_EMPTY_WINDOW), {}, env);
            if (!b.ok)
                die(QStringLiteral("the Widgets-only empty window did not paint: ") + b.output);
            bare.push_back(b.ms);
        }
        const double window = median(empty);
        // The same window from a program of Qt Widgets alone: what the baseline's start pays
        // for the libraries it links (all of the counter app's) shows as the difference.
        const double bareWindow = median(bare);
        const auto againstBare = [bareWindow](double ms) {
            return QStringLiteral("; a Widgets-only empty window: %1 ms (%2x)")
                .arg(bareWindow, 0, 'f', 1)
                .arg(ms / bareWindow, 0, 'f', 2);
        };
        cold.value = median(app);
        cold.baseline = window;
        cold.note = QStringLiteral("the PIN pad painted, the PIN typed, the register painted; "
                                   "baseline: an empty QMainWindow in oasis-bench") +
                    againstBare(cold.value);
        pad.value = median(pads);
        pad.baseline = window;
        pad.target = QStringLiteral("<= 1.5x");
        pad.met = pad.ratio() <= 1.5;
        pad.note = QStringLiteral("from the start to the PIN pad painted; baseline: an empty "
                                  "QMainWindow in oasis-bench") +
                   againstBare(pad.value);
        login.value = median(logins);
        login.baseline = kdf + window / 2;
        login.target = QStringLiteral("<= KDF + half a window");
        login.met = login.value <= login.baseline;
        login.note = QStringLiteral("from the PIN submitted to the register painted; baseline: "
                                    "the PIN's key derivation (%1 ms, %2 iterations) plus half "
                                    "the empty window (%3 ms)")
                         .arg(kdf, 0, 'f', 1)
                         .arg(iterations)
                         .arg(window / 2, 0, 'f', 1);
        rss.value = *std::max_element(rssMb.begin(), rssMb.end());
        rss.baseline = *std::max_element(emptyRssMb.begin(), emptyRssMb.end());
        rss.target = QStringLiteral("< 150 MB");
        rss.met = rss.value < 150.0;
        rss.note = QStringLiteral("at the first painted register; baseline: the empty window");
        return {cold, pad, login, rss};
    }
};

QString cell(double v) {
    return v >= 100  ? QString::number(v, 'f', 0)
           : v >= 10 ? QString::number(v, 'f', 1)
                     : QString::number(v, 'f', 3);
}

void printTable(const std::vector<Figure> &figures, const QString &title) {
    std::printf("\n%s\n\n", qPrintable(title));
    std::printf("| figure | value | baseline | ratio | target | met | notes |\n");
    std::printf("|---|---:|---:|---:|---|---|---|\n");
    for (const Figure &f : figures)
        std::printf("| %s | %s %s | %s %s | %s | %s | %s | %s |\n", qPrintable(f.key),
                    qPrintable(cell(f.value)), qPrintable(f.unit), qPrintable(cell(f.baseline)),
                    qPrintable(f.unit), qPrintable(QString::number(f.ratio(), 'f', 2) + u'x'),
                    qPrintable(f.target.isEmpty() ? QStringLiteral("-") : f.target),
                    f.target.isEmpty() ? "-" : (f.met ? "yes" : "NO"), qPrintable(f.note));
    std::fflush(stdout);
}

/// Input the bench refuses before it touches anything: exit 1.
[[noreturn]] void refuse(const QString &why) {
    stop(why, 1);
}

const QStringList &figureKeys() {
    static const QStringList keys{QStringLiteral("scan_to_line"),
                                  QStringLiteral("sale_commit"),
                                  QStringLiteral("concurrent_redeem"),
                                  QStringLiteral("report_z_day"),
                                  QStringLiteral("report_month_by_category"),
                                  QStringLiteral("report_giftcard_liability"),
                                  QStringLiteral("report_stock_valuation"),
                                  QStringLiteral("cold_start"),
                                  QStringLiteral("pin_pad"),
                                  QStringLiteral("pin_to_register"),
                                  QStringLiteral("receipt_escpos"),
                                  QStringLiteral("certificate_pdf"),
                                  QStringLiteral("peak_rss")};
    return keys;
}

/// Whether the generator made the database at `path` (its meta row says so), read without its
/// key and without writing.
bool madeByTheBench(const QString &path) {
    sqlite3 *db = nullptr;
    bool made = false;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) ==
        SQLITE_OK) {
        sqlite3_stmt *s = nullptr;
        if (sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key = 'generated_by'", -1, &s,
                               nullptr) == SQLITE_OK &&
            sqlite3_step(s) == SQLITE_ROW)
            made = QByteArray(reinterpret_cast<const char *>(sqlite3_column_text(s, 0))) ==
                   "oasis-bench";
        sqlite3_finalize(s);
    }
    sqlite3_close(db);
    return made;
}

/// Who rings up the bench's sales: --user NAME, else frontdesk (the demo's and the generated
/// database's front desk, PIN 1111).
StaffMember cashierOrRefuse(Database &db, const Paths &p, const QCommandLineParser &args) {
    const QString name = args.isSet(QStringLiteral("user")) ? args.value(QStringLiteral("user"))
                                                            : QStringLiteral("frontdesk");
    auto who = StaffService(db).find(name);
    if (!who || !who->active || !authorize(Action::Sell, *who, std::nullopt))
        refuse(QStringLiteral("%1 has no active staff member called '%2' who may sell: name one "
                              "with --user NAME (their PIN in OASIS_PIN, for the cold start)")
                   .arg(QDir::toNativeSeparators(p.db), name));
    return *who;
}

/// A database given with --db (run, crash) is one that exists: the bench only makes its own
/// (generate, or run without --db), and making one clears the key folder beside it first.
QString existingDb(const QCommandLineParser &args, bool serverToo) {
    const QString db = args.value(QStringLiteral("db"));
    if (db.isEmpty() && args.isSet(QStringLiteral("keys")))
        refuse(QStringLiteral("--keys goes with --db: the bench keeps the keys of its own "
                              "databases beside them"));
    if (PostgresDriver::isUrl(db)) {
        if (!serverToo)
            refuse(QStringLiteral("crash kills programs selling on a store in a file; a store "
                                  "on a server is measured with run --db URL"));
        if (const QString problem = Store::locationProblem(db); !problem.isEmpty())
            refuse(problem);
        return db;
    }
    if (!db.isEmpty() && !QFileInfo::exists(db))
        refuse(QStringLiteral("%1 does not exist (--db takes a database that is there; the "
                              "bench makes its own with generate)")
                   .arg(QDir::toNativeSeparators(db)));
    return db;
}

/// The generator writes SQLite rows (its speed is a file's): the store is made in a file in the
/// bench's folder for the server, then moved to the server with the product's own store copy,
/// history, journal and key included. The key folder stays there (run --db URL finds it).
int generateOnServer(const QString &url, bool quick) {
    if (const QString problem = Store::locationProblem(url); !problem.isEmpty())
        refuse(problem);
    const Paths server = pathsFor(url);
    {
        // Before anything is cleared: a database that holds tables is refused.
        Raw target(url);
        if (target.drain("SELECT COUNT(*) FROM pg_catalog.pg_class WHERE relnamespace = "
                         "current_schema()::regnamespace AND relkind IN ('r', 'p', 'v')") > 0)
            refuse(QStringLiteral("%1 is not empty: generate writes to an empty database only "
                                  "(createdb NAME); nothing was changed")
                       .arg(url));
    }
    QDir(server.keys).removeRecursively();
    Paths file = pathsFor(QDir(server.dataDir).filePath(QStringLiteral("source.db")));
    file.keys = QDir(server.dataDir).filePath(QStringLiteral("keys"));
    generateOrDie(file, quick);
    std::fprintf(stderr, "oasis-bench: copying it to %s\n", qPrintable(url));
    QElapsedTimer timer;
    timer.start();
    {
        auto db = must(harness::openDb(file.db, file.keys, 10000), "open");
        if (auto ok = db->copyTo(url, QStringLiteral("oasis-bench")); !ok)
            die(ok.error().message);
    }
    for (const char *suffix : {"", "-wal", "-shm"})
        QFile::remove(file.db + QLatin1String(suffix));
    std::fprintf(stderr, "oasis-bench: copied in %.1f s; its key is in %s\n",
                 double(timer.elapsed()) / 1000.0, qPrintable(file.keys));
    return 0;
}

int run(const QCommandLineParser &args) {
    Bench b;
    b.quick = args.isSet(QStringLiteral("quick"));
    const QString dbArg = existingDb(args, true);
    // --only KEY[,KEY...]: just those figures (e.g. while profiling one of them); a key may be
    // the start of several (report).
    const QStringList only =
        args.value(QStringLiteral("only")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &k : only)
        if (std::none_of(figureKeys().begin(), figureKeys().end(),
                         [&](const QString &key) { return key.startsWith(k); }))
            refuse(QStringLiteral("no figure is called '%1' (the figures: %2)")
                       .arg(k, figureKeys().join(QStringLiteral(", "))));
    b.paths =
        pathsFor(dbArg.isEmpty() ? defaultDb(b.quick) : dbArg, args.value(QStringLiteral("keys")));
    if (!dbArg.isEmpty())
        sayItWrites(b.paths, "sells, redeems and closes a Z");
    QElapsedTimer total;
    total.start();
    // The quick database is made afresh each run (seconds); the large one once.
    if (b.quick && dbArg.isEmpty())
        generateOrDie(b.paths, true);
    else if (!PostgresDriver::isUrl(b.paths.db) && !QFile::exists(b.paths.db))
        generateOrDie(b.paths, false);
    // The figures are of a register that has been open a while: its database is in the
    // operating system's cache. Straight after a reboot (or on a fresh copy) each sale would
    // first wait for the disk to read its pages, which is not what is measured here.
    if (!PostgresDriver::isUrl(b.paths.db)) {
        QFile file(b.paths.db);
        if (file.open(QIODevice::ReadOnly))
            while (!file.read(1 << 20).isEmpty()) {
            }
    }
    auto db = must(harness::openDb(b.paths.db, b.paths.keys, 10000), "open");
    b.db = db.get();
    // The registers the bench sells as (its workers add their own), as a manager would have.
    for (const QString &name : {QStringLiteral("bench"), QStringLiteral("bench-cold")})
        if (auto ok = RegisterService::addCreator(*db, name); !ok)
            die(ok.error().message);
    b.cashier = cashierOrRefuse(*db, b.paths, args);
    const qint64 skus = must(db->scalar(QStringLiteral("SELECT COUNT(*) FROM items"))).toLongLong();
    const qint64 sales =
        must(db->scalar(QStringLiteral("SELECT COUNT(*) FROM sales"))).toLongLong();
    const qint64 lines =
        must(db->scalar(QStringLiteral("SELECT COUNT(*) FROM sale_lines"))).toLongLong();
    const qint64 cards =
        must(db->scalar(QStringLiteral("SELECT COUNT(*) FROM giftcards"))).toLongLong();

    auto want = [&](const char *key) {
        if (only.isEmpty())
            return true;
        return std::any_of(only.begin(), only.end(), [&](const QString &k) {
            return QString::fromLatin1(key).startsWith(k);
        });
    };
    b.pin = args.isSet(QStringLiteral("user")) ? qEnvironmentVariable("OASIS_PIN")
                                               : QStringLiteral("1111");
    const bool wantStart =
        want("cold_start") || want("pin_pad") || want("pin_to_register") || want("peak_rss");
    if (b.pin.isEmpty() && wantStart)
        refuse(QStringLiteral("the cold start logs %1 in: give their PIN in OASIS_PIN")
                   .arg(b.cashier.name));
    std::vector<Figure> ordered;
    auto keep = [&](const Figure &f) {
        if (want(qPrintable(f.key)))
            ordered.push_back(f);
    };
    if (want("scan_to_line")) {
        std::fprintf(stderr, "oasis-bench: scan to line\n");
        keep(b.scanToLine());
    }
    std::vector<Figure> reportFigures;
    // The reports are measured together: any of them asked for (report_stock_valuation, or
    // report for all four).
    if (std::any_of(figureKeys().begin(), figureKeys().end(), [&](const QString &key) {
            return key.startsWith(QLatin1String("report_")) && want(qPrintable(key));
        })) {
        std::fprintf(stderr, "oasis-bench: reports\n");
        reportFigures = b.reports();
    }
    qint64 receipt = 0;
    if (want("sale_commit") || want("receipt_escpos") || want("certificate_pdf")) {
        std::fprintf(stderr, "oasis-bench: sale commit\n");
        auto [commit, lastReceipt] = b.saleCommit();
        keep(commit);
        receipt = lastReceipt;
    }
    if (want("concurrent_redeem")) {
        std::fprintf(stderr, "oasis-bench: concurrent redemption\n");
        keep(b.concurrentRedeem(QStringLiteral(OASIS_SALE_WORKER)));
    }
    for (const Figure &f : reportFigures)
        keep(f);
    std::vector<Figure> start; // cold_start, pin_pad, pin_to_register, peak_rss
    if (wantStart) {
        std::fprintf(stderr, "oasis-bench: cold start\n");
        start = b.coldStart(QStringLiteral(OASIS_POS), QCoreApplication::applicationFilePath());
        for (std::size_t i = 0; i + 1 < start.size(); ++i)
            keep(start[i]);
    }
    if (receipt > 0 && (want("receipt_escpos") || want("certificate_pdf"))) {
        std::fprintf(stderr, "oasis-bench: printing\n");
        for (const Figure &f : b.printing(receipt))
            keep(f);
    }
    if (!start.empty())
        keep(start.back());

    const QString title =
        QStringLiteral("oasis-bench%1: %2 items, %3 sales, %4 lines, %5 gift cards (%6 s)")
            .arg(b.quick ? QStringLiteral(" --quick") : QString())
            .arg(skus)
            .arg(sales)
            .arg(lines)
            .arg(cards)
            .arg(total.elapsed() / 1000.0, 0, 'f', 0);
    printTable(ordered, title);

    const QString jsonPath = args.value(QStringLiteral("json"));
    if (!jsonPath.isEmpty()) {
        QJsonObject root;
        for (const Figure &f : ordered)
            root[f.key] = QJsonObject{
                {QStringLiteral("value"), f.value},
                {QStringLiteral("unit"), f.unit},
                {QStringLiteral("baseline"), f.baseline},
                {QStringLiteral("ratio"), f.ratio()},
                {QStringLiteral("target"),
                 f.target.isEmpty() ? QJsonValue() : QJsonValue(f.target)},
                {QStringLiteral("met"), f.target.isEmpty() ? QJsonValue() : QJsonValue(f.met)},
                {QStringLiteral("note"), f.note}};
        QFile out(jsonPath);
        if (!out.open(QIODevice::WriteOnly))
            die(QStringLiteral("cannot write %1").arg(jsonPath));
        out.write(QJsonDocument(root).toJson());
    }
    bool allMet = true;
    for (const Figure &f : ordered)
        allMet = allMet && (f.target.isEmpty() || f.met);
    return allMet ? 0 : 2;
}

int crash(const QCommandLineParser &args) {
    const QString killsArg = args.value(QStringLiteral("kills"));
    bool number = false;
    const int kills = killsArg.toInt(&number);
    if (!number || kills < 1)
        refuse(
            QStringLiteral("--kills takes a number of kills, 1 or more (got '%1')").arg(killsArg));
    // --db: a copy of a store's own database (the worker sells its products and sessions as
    // --user, else frontdesk); by default a new demo store.
    const QString dbArg = existingDb(args, false);
    QTemporaryDir dir;
    const Paths p = dbArg.isEmpty() ? pathsFor(dir.filePath(QStringLiteral("crash.db")))
                                    : pathsFor(dbArg, args.value(QStringLiteral("keys")));
    if (!dbArg.isEmpty())
        sayItWrites(p, "sells and redeems");
    QString cashier;
    double said = 0;
    {
        Database::Options o;
        o.mode = dbArg.isEmpty() ? Database::Mode::CreateIfMissing : Database::Mode::OpenExisting;
        o.keyDirectory = p.keys;
        o.onCreated = &Store::prepareNew;
        auto db = must(Database::open(p.db, o), "open");
        if (dbArg.isEmpty()) {
            if (auto ok = installDefaults(*db); !ok)
                die(ok.error().message);
            if (auto ok = installDemoData(*db); !ok)
                die(ok.error().message);
        }
        cashier = cashierOrRefuse(*db, p, args).name;
        auto codes = must(harness::sellGiftCards(*db, 10, Money::fromCents(200'00),
                                                 QStringLiteral("setup"), cashier),
                          "cards");
        QFile f(dir.filePath(QStringLiteral("codes.txt")));
        f.open(QIODevice::WriteOnly);
        f.write(codes.join(QLatin1Char('\n')).toLatin1());
    }
    const auto r = harness::runCrashLoop(
        QStringLiteral(OASIS_SALE_WORKER), p.db, p.keys, dir.filePath(QStringLiteral("codes.txt")),
        kills, quint32(QRandomGenerator::global()->generate()), 400, cashier,
        [&](const harness::CrashReport &so) {
            // A line every 10 s: on the large database one kill's check takes half a minute.
            if (so.secondsTotal < said + 10 && so.kills < kills)
                return;
            said = so.secondsTotal;
            std::fprintf(stderr,
                         "oasis-bench: %d of %d kills, %d with a broken invariant, %.0f s\n",
                         so.kills, kills, so.failedChecks, so.secondsTotal);
        });
    std::printf("crash harness: %d kills, %d with a broken invariant, %lld sales survived, "
                "%.0f s\n",
                r.kills, r.failedChecks, static_cast<long long>(r.sales), r.secondsTotal);
    for (const QString &problem : r.firstProblems)
        std::printf("  %s\n", qPrintable(problem));
    return r.failedChecks == 0 && r.kills == kills ? 0 : 2;
}

int soak(const QCommandLineParser &args) {
    bool number = false;
    const double seconds = args.value(QStringLiteral("seconds")).toDouble(&number);
    if (!number || seconds < 1)
        refuse(QStringLiteral("--seconds takes a number of seconds, 1 or more (got '%1')")
                   .arg(args.value(QStringLiteral("seconds"))));
    const quint32 seed = args.isSet(QStringLiteral("seed"))
                             ? args.value(QStringLiteral("seed")).toUInt(&number)
                             : QRandomGenerator::global()->generate();
    if (!number)
        refuse(QStringLiteral("--seed takes a whole number (got '%1')")
                   .arg(args.value(QStringLiteral("seed"))));
    QTemporaryDir dir;
    harness::SoakOptions o;
    o.workerPath = QStringLiteral(OASIS_SALE_WORKER);
    o.oasisctlPath = QStringLiteral(OASISCTL);
    o.seconds = seconds;
    o.seed = seed;
    o.parallel = 3;
    if (const QString error = harness::prepareSoakStore(dir.path(), o); !error.isEmpty())
        die(error);
    std::fprintf(stderr, "oasis-bench: soak for %.0f s, seed %u\n", seconds, seed);
    const harness::SoakReport r = harness::runSoak(o);
    std::printf("soak: %.0f s, seed %u: %lld sales acknowledged (%lld in the store), %d app kills, "
                "%d oasisctl runs (%d killed, %d retried), %lld problems\n",
                seconds, seed, static_cast<long long>(r.acknowledged),
                static_cast<long long>(r.sales), r.appKills, r.ctlRuns, r.ctlKills, r.retries,
                static_cast<long long>(r.problems.size()));
    for (const QString &problem : r.problems.mid(0, 20))
        std::printf("  %s\n", qPrintable(problem));
    return r.problems.isEmpty() ? 0 : 2;
}

} // namespace

int main(int argc, char **argv) {
    const QString command = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    if (command == QLatin1String("empty-window"))
        return oasis::bench::emptyWindow(argc, argv);
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("OasisPOS-bench"));
    QApplication::setApplicationName(QStringLiteral("oasis-bench"));
    if (QLocale().language() == QLocale::C)
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    const char *usage =
        "usage: oasis-bench generate [--out DB] [--quick]\n"
        "       oasis-bench run [--quick] [--json FILE] [--db DB [--keys DIR]] [--only KEY,...]\n"
        "                       [--user NAME]\n"
        "       oasis-bench crash [--kills N] [--db DB [--keys DIR]] [--user NAME]\n"
        "       oasis-bench soak [--seconds S] [--seed N]\n"
        "       oasis-bench COMMAND --help\n";
    if (command == QLatin1String("--help") || command == QLatin1String("-h") ||
        command == QLatin1String("help")) {
        std::fputs(usage, stdout);
        return 0;
    }

    // Each command's options through QCommandLineParser: --help lists them; an unknown option,
    // a value left out or a stray argument is said and nothing runs (exit 1).
    QCommandLineParser args;
    args.setApplicationDescription(QStringLiteral(
        "oasis-bench: the figures of the busiest hour, each beside a baseline measured in the "
        "same run on the same machine."));
    args.addHelpOption();
    const auto option = [&args](const char *name, const char *text, const char *value = nullptr,
                                const char *byDefault = nullptr) {
        QCommandLineOption o(QString::fromLatin1(name), QString::fromLatin1(text));
        if (value)
            o.setValueName(QString::fromLatin1(value));
        if (byDefault)
            o.setDefaultValue(QString::fromLatin1(byDefault));
        args.addOption(o);
    };
    if (command == QLatin1String("generate")) {
        args.addPositionalArgument(command, QStringLiteral("build the large database, or the "
                                                           "quick one, afresh"));
        option("out",
               "the database file: a new one, or one this command made before (it is "
               "replaced, with DB.keys beside it); or an empty database on a PostgreSQL server, "
               "postgresql://USER@HOST[:PORT]/DBNAME; default: the bench's own",
               "DB");
        option("quick", "10,000 SKUs and 25,000 sales instead of 100,000 and 500,000");
    } else if (command == QLatin1String("run")) {
        args.addPositionalArgument(command, QStringLiteral("measure the figures"));
        option("quick", "on a small database made afresh, in seconds");
        option("json", "also write the figures to FILE as one JSON object keyed by figure", "FILE");
        option("db",
               "measure this database, a file or a store on a PostgreSQL server "
               "(postgresql://USER@HOST[:PORT]/DBNAME); it sells, redeems and closes a Z on it: "
               "give it a copy",
               "DB");
        option("keys",
               "the key folder of --db (default: DB.keys, else OASIS_KEY_DIR, else the "
               "product's configuration folder)",
               "DIR");
        option("only",
               qPrintable(QStringLiteral("just these figures, or the figures starting so "
                                         "(report): %1")
                              .arg(figureKeys().join(QStringLiteral(", ")))),
               "KEY,...");
        option("user",
               "who rings up the sales and logs in for the cold start, their PIN in "
               "OASIS_PIN (default: frontdesk, PIN 1111)",
               "NAME");
    } else if (command == QLatin1String("crash")) {
        args.addPositionalArgument(command, QStringLiteral("kill a selling process at random "
                                                           "moments and check the books after "
                                                           "each kill"));
        option("kills", "how many kills", "N", "500");
        option("db", "on a copy of this database (by default a new demo store)", "DB");
        option("keys", "the key folder of --db", "DIR");
        option("user", "who rings up the sales (default: frontdesk)", "NAME");
    } else if (command == QLatin1String("soak")) {
        args.addPositionalArgument(command, QStringLiteral("several programs on one new demo "
                                                           "store, killed at random; the books "
                                                           "checked at the end"));
        option("seconds", "how long", "S", "300");
        option("seed", "the random seed (default: a new one, printed)", "N");
    } else {
        std::fprintf(stderr, "oasis-bench: unknown command '%s'\n%s", qPrintable(command), usage);
        return 1;
    }
    args.process(QCoreApplication::arguments());
    if (args.positionalArguments().size() != 1)
        refuse(QStringLiteral("%1 takes no argument '%2'")
                   .arg(command, args.positionalArguments().value(1)));

    if (command == QLatin1String("generate")) {
        const bool quick = args.isSet(QStringLiteral("quick"));
        const QString out = args.value(QStringLiteral("out"));
        if (out.isEmpty()) {
            generateOrDie(pathsFor(defaultDb(quick)), quick);
            return 0;
        }
        if (PostgresDriver::isUrl(out))
            return generateOnServer(out, quick);
        // Generating clears the file and the key folder beside it: only ones the bench made.
        const Paths p = pathsFor(out);
        const QString keys = p.db + QStringLiteral(".keys");
        if (QFileInfo::exists(p.db) || QFileInfo::exists(keys)) {
            if (!QFileInfo::exists(p.db) || !QFileInfo(keys).isDir() || !madeByTheBench(p.db))
                refuse(QStringLiteral("%1 exists and was not made by oasis-bench generate: it "
                                      "replaces only its own databases (choose another --out)")
                           .arg(QDir::toNativeSeparators(QFileInfo::exists(p.db) ? p.db : keys)));
            std::fprintf(stderr, "oasis-bench: replacing %s, made by oasis-bench generate\n",
                         qPrintable(QDir::toNativeSeparators(p.db)));
        }
        generateOrDie(p, quick);
        return 0;
    }
    if (command == QLatin1String("soak"))
        return soak(args);
    return command == QLatin1String("run") ? run(args) : crash(args);
}
