// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/postgresdriver.h"

#include "core/domain/translate.h"

#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlResult>
#include <QUrl>
#include <QUrlQuery>

#include <dlfcn.h>

namespace oasis {

namespace {
/// One transaction-level advisory lock key: "oasis" in ASCII. Taken by every write transaction.
constexpr qint64 kWriteLock = 0x6f61736973;
/// The first key of the locks a sale takes for itself (Database::LockSpace added): "oa" and 0.
constexpr int kLockSpaces = 0x6f610000;
// The tables and views of the store's schema, from the catalog itself: information_schema's
// views cost a register's start 15 ms more per connection.
constexpr const char *kTablesHere =
    "relnamespace = current_schema()::regnamespace AND relkind IN ('r', 'p', 'v')";

/// libpq's accessors of a result, from the libpq Qt's QPSQL driver loaded (found, not loaded
/// again: a program that never opened a server has none). QSqlResult::handle() gives that
/// driver's PGresult for the libpq calls (Qt's documented way to reach the engine's own API).
struct LibPq {
    using Fields = int (*)(const void *);
    using Name = const char *(*)(const void *, int);
    Fields fields = nullptr;
    Name name = nullptr;
};

const LibPq &libpq() {
    static const LibPq functions = [] {
        LibPq f;
        if (void *lib = ::dlopen("libpq.so.5", RTLD_LAZY | RTLD_NOLOAD)) {
            f.fields = reinterpret_cast<LibPq::Fields>(::dlsym(lib, "PQnfields"));
            f.name = reinterpret_cast<LibPq::Name>(::dlsym(lib, "PQfname"));
            if (!f.fields || !f.name)
                f = {};
        }
        return f;
    }();
    return functions;
}

/// The PGresult `query` is on, or null when its driver does not hand one out.
const void *pgResult(const QSqlQuery &query) {
    const QSqlResult *result = query.result();
    if (!result || !libpq().fields)
        return nullptr;
    const QVariant handle = result->handle();
    // libpq's PGresult is its struct pg_result, which is the name Qt's metatype gives.
    const char *type = handle.metaType().name();
    if (qstrcmp(type, "pg_result*") != 0 && qstrcmp(type, "PGresult*") != 0)
        return nullptr;
    return *static_cast<const void *const *>(handle.constData());
}

QString quoted(const QString &text) {
    return u'\'' + QString(text).replace(u'\'', QLatin1String("''")) + u'\'';
}
} // namespace

const PostgresDriver &PostgresDriver::instance() {
    static const PostgresDriver driver;
    return driver;
}

bool PostgresDriver::isUrl(const QString &location) {
    return location.startsWith(QLatin1String("postgresql://")) ||
           location.startsWith(QLatin1String("postgres://"));
}

QString PostgresDriver::urlProblem(const QString &location) {
    const QUrl url(location, QUrl::StrictMode);
    if (!url.isValid())
        return oasis::tr("is not a valid postgresql:// URL");
    if (!url.password().isEmpty())
        return oasis::tr("carries a password: give it the libpq way (PGPASSWORD or ~/.pgpass), "
                         "never on a command line");
    if (url.path().size() < 2 || url.path().mid(1).contains(u'/'))
        return oasis::tr("names no database (postgresql://USER@HOST[:PORT]/DBNAME)");
    const QUrlQuery query(url);
    static const QStringList sslModes{QStringLiteral("disable"),   QStringLiteral("allow"),
                                      QStringLiteral("prefer"),    QStringLiteral("require"),
                                      QStringLiteral("verify-ca"), QStringLiteral("verify-full")};
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key == QLatin1String("sslmode")) {
            if (!sslModes.contains(value))
                return oasis::tr("has an sslmode libpq does not know (%1)").arg(value);
        } else if (key == QLatin1String("port")) {
            bool number = false;
            if (const int port = value.toInt(&number); !number || port < 1 || port > 65535)
                return oasis::tr("has a port that is not a number from 1 to 65535 (%1)").arg(value);
        } else if (key != QLatin1String("host") && key != QLatin1String("user")) {
            return oasis::tr("has an option this program does not take (%1)").arg(key);
        }
    }
    return {};
}

QString PostgresDriver::shownUrl(const QString &location) {
    const QUrl url(location, QUrl::StrictMode);
    if (url.isValid())
        return url.toString(QUrl::RemovePassword);
    // QUrl gives nothing for an invalid URL: the text itself, less any USER:PASSWORD@'s password.
    static const QRegularExpression password(QStringLiteral("^([a-z]+://[^/@:]*):[^/@]*@"));
    return QString(location).replace(password, QStringLiteral("\\1@"));
}

QSqlDatabase PostgresDriver::addConnection(const QString &name, const QString &location,
                                           Access access, int busyTimeoutMs) const {
    QSqlDatabase c = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
    const QUrl url(location);
    const QUrlQuery query(url);
    // The password never comes from here: libpq reads PGPASSWORD or ~/.pgpass itself.
    QString host = url.host();
    if (query.hasQueryItem(QStringLiteral("host")))
        host = query.queryItemValue(QStringLiteral("host"), QUrl::FullyDecoded);
    c.setHostName(host);
    int port = url.port(-1);
    if (query.hasQueryItem(QStringLiteral("port")))
        port = query.queryItemValue(QStringLiteral("port")).toInt();
    if (port > 0)
        c.setPort(port);
    QString user = url.userName(QUrl::FullyDecoded);
    if (query.hasQueryItem(QStringLiteral("user")))
        user = query.queryItemValue(QStringLiteral("user"), QUrl::FullyDecoded);
    c.setUserName(user);
    c.setDatabaseName(url.path(QUrl::FullyDecoded).mid(1));
    // A register notices a dead server within seconds: connect and TCP deadlines, keepalives.
    QStringList options{
        QStringLiteral("connect_timeout=5"),     QStringLiteral("application_name=oasis-pos"),
        QStringLiteral("keepalives=1"),          QStringLiteral("keepalives_idle=5"),
        QStringLiteral("keepalives_interval=2"), QStringLiteral("keepalives_count=3")};
    if (query.hasQueryItem(QStringLiteral("sslmode")))
        options << QStringLiteral("sslmode=") + query.queryItemValue(QStringLiteral("sslmode"));
    // The session's settings travel in the connection's startup packet, not as statements
    // after it (a round trip each): lock waits bounded as a file's busy timeout bounds them, the
    // session's clock in UTC (the product stores UTC text anyway), text in UTF-8, and a
    // connection that only reads refusing every write.
    QString session = QStringLiteral("-c lock_timeout=%1 -c TimeZone=UTC").arg(busyTimeoutMs);
    if (access != Access::ReadWrite)
        session += QStringLiteral(" -c default_transaction_read_only=on");
    options << QStringLiteral("client_encoding=UTF8")
            << QStringLiteral("options='%1'").arg(session);
    c.setConnectOptions(options.join(u';'));
    c.setNumericalPrecisionPolicy(QSql::LowPrecisionInt64);
    return c;
}

bool PostgresDriver::isNotADatabase(const QString &) const {
    return false;
}

QStringList PostgresDriver::statementsOnOpen() const {
    return {}; // the connection carries them (addConnection)
}

QStringList PostgresDriver::readOnlyStatements() const {
    return {QStringLiteral("SET default_transaction_read_only = on")};
}

QString PostgresDriver::setBusyTimeout(int) const {
    return {}; // lock_timeout is set when the connection opens (addConnection)
}

QStringList PostgresDriver::beginImmediate() const {
    // What BEGIN IMMEDIATE is on SQLite: one writer at a time, decided at the start. Every write
    // transaction takes the same transaction-level advisory lock first, so the checks it makes
    // (a card's balance, the next receipt number, the journal's head) cannot be overtaken by
    // another register before it commits, and no two transactions ever wait on each other in a
    // cycle (one lock, always first: no deadlock). lock_timeout bounds the wait.
    return {QStringLiteral("BEGIN ISOLATION LEVEL READ COMMITTED"),
            QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(kWriteLock)};
}

QStringList PostgresDriver::beginShared(const QStringList &firstLocks) const {
    // A sale shares the store's lock with the other sales, so registers sell at once; a refund,
    // a Z, a shift or a settings change takes it whole (beginImmediate) and so waits for the
    // sales in progress, and they for it. What sales share they lock one by one, always in the
    // same order (cards by id, the receipt series, the journal's head last): no cycle between
    // the locks a sale takes, and PostgreSQL's deadlock check with the sale's bounded retry
    // covers the report rows two sales' triggers update in different orders.
    QStringList locks{QStringLiteral("pg_advisory_xact_lock_shared(%1)").arg(kWriteLock)};
    locks += firstLocks;
    return {QStringLiteral("BEGIN ISOLATION LEVEL READ COMMITTED"),
            QStringLiteral("SELECT ") + locks.join(QLatin1String(", "))};
}

QString PostgresDriver::lockExpression(int space, const QString &key) const {
    // The two-key form: its own key space, apart from kWriteLock's.
    return QStringLiteral("pg_advisory_xact_lock(%1, (%2)::int)").arg(kLockSpaces + space).arg(key);
}

QString PostgresDriver::lockedJournalHead(int space) const {
    // oasis_journal_head (schema::journalHeadFunction) takes the lock, then reads: a VOLATILE
    // function's each query sees what was committed before it began, so the read sees the
    // entry of the sale that held the lock before.
    return QStringLiteral("SELECT seq, hash FROM oasis_journal_head(%1, 0)")
        .arg(kLockSpaces + space);
}

int PostgresDriver::columnCount(const QSqlQuery &query) const {
    if (const void *result = pgResult(query))
        return libpq().fields(result);
    return Driver::columnCount(query);
}

QStringList PostgresDriver::columnNames(const QSqlQuery &query) const {
    const void *result = pgResult(query);
    if (!result)
        return Driver::columnNames(query);
    QStringList names;
    const int count = libpq().fields(result);
    names.reserve(count);
    for (int i = 0; i < count; ++i)
        names << QString::fromUtf8(libpq().name(result, i));
    return names;
}

QString PostgresDriver::literal(const QVariant &value) const {
    if (value.isNull() || value.typeId() != QMetaType::QString)
        return Driver::literal(value);
    // An escape string: the same text whatever the server's standard_conforming_strings.
    QString text = value.toString();
    text.replace(u'\\', QLatin1String("\\\\")).replace(u'\'', QLatin1String("''"));
    return QStringLiteral("E'") + text + u'\'';
}

bool PostgresDriver::isRetryable(const QString &nativeErrorCode, const QString &text) const {
    // deadlock_detected, serialization_failure; and a request id another connection committed
    // while this one was writing the same ticket (the retry finds that sale).
    return nativeErrorCode == QLatin1String("40P01") || nativeErrorCode == QLatin1String("40001") ||
           (nativeErrorCode == QLatin1String("23505") &&
            text.contains(QLatin1String("sales_request_id")));
}

QString PostgresDriver::expand(QString statement) const {
    return statement.replace(QLatin1String("{pk}"),
                             QLatin1String("BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"));
}

QStringList PostgresDriver::appendOnlyTriggers(const QString &table) const {
    const QString message = quoted(table + QStringLiteral(" is append-only: record a correction "
                                                          "instead"));
    return {
        QStringLiteral("CREATE OR REPLACE TRIGGER %1_no_update BEFORE UPDATE ON %1 FOR EACH ROW "
                       "EXECUTE FUNCTION oasis_refuse(%2)")
            .arg(table, message),
        QStringLiteral("CREATE OR REPLACE TRIGGER %1_no_delete BEFORE DELETE ON %1 FOR EACH ROW "
                       "EXECUTE FUNCTION oasis_refuse(%2)")
            .arg(table, message),
        QStringLiteral("CREATE OR REPLACE TRIGGER %1_no_truncate BEFORE TRUNCATE ON %1 "
                       "FOR EACH STATEMENT EXECUTE FUNCTION oasis_refuse(%2)")
            .arg(table, message),
    };
}

QString PostgresDriver::quickCheck() const {
    return QStringLiteral("SELECT 'ok'");
}

QString PostgresDriver::quickCheck(const QString &) const {
    return quickCheck();
}

QString PostgresDriver::integrityCheck() const {
    return quickCheck();
}

QString PostgresDriver::snapshotInto() const {
    return {};
}

QString PostgresDriver::countTablesNamed() const {
    return QStringLiteral("SELECT COUNT(*) FROM pg_catalog.pg_class WHERE %1 AND relname = ?")
        .arg(QLatin1String(kTablesHere));
}

QString PostgresDriver::countTables() const {
    return QStringLiteral("SELECT COUNT(*) FROM pg_catalog.pg_class WHERE %1")
        .arg(QLatin1String(kTablesHere));
}

QString PostgresDriver::tablesAmong(const QStringList &names) const {
    QStringList list;
    for (const QString &n : names)
        list << quoted(n);
    return QStringLiteral("SELECT relname FROM pg_catalog.pg_class WHERE %1 AND relname IN (%2)")
        .arg(QLatin1String(kTablesHere), list.join(QLatin1String(", ")));
}

QString PostgresDriver::equalsIgnoringCase(const QString &column) const {
    return QStringLiteral("lower(%1) = lower(?)").arg(column);
}

QString PostgresDriver::likeIgnoringCase(const QString &column) const {
    return column + QStringLiteral(" ILIKE ? ESCAPE '\\'");
}

QString PostgresDriver::insertionOrder() const {
    return QStringLiteral("row_order");
}

QString PostgresDriver::identityColumns() const {
    return QStringLiteral("SELECT c.relname, a.attname FROM pg_catalog.pg_attribute a JOIN "
                          "pg_catalog.pg_class c ON c.oid = a.attrelid WHERE c.relnamespace = "
                          "current_schema()::regnamespace AND a.attidentity = 'd' AND NOT "
                          "a.attisdropped");
}

QStringList PostgresDriver::grantRegister(const QString &role, const QStringList &books,
                                          const QStringList &derived,
                                          const QStringList &others) const {
    const QString who = u'"' + role + u'"';
    return {QStringLiteral("DO $do$ BEGIN EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', "
                           "current_database(), %1); EXECUTE format('GRANT USAGE ON SCHEMA %I "
                           "TO %I', current_schema(), %1); END $do$")
                .arg(quoted(role)),
            QStringLiteral("REVOKE ALL ON %1 FROM %2")
                .arg((books + derived).join(QLatin1String(", ")), who),
            QStringLiteral("GRANT SELECT, INSERT ON %1 TO %2")
                .arg(books.join(QLatin1String(", ")), who),
            QStringLiteral("GRANT SELECT ON %1 TO %2").arg(derived.join(QLatin1String(", ")), who),
            QStringLiteral("GRANT SELECT, INSERT, UPDATE, DELETE ON %1 TO %2")
                .arg(others.join(QLatin1String(", ")), who)};
}

QStringList PostgresDriver::translateSchema(const QString &sqlite) const {
    static const QRegularExpression trigger(
        QStringLiteral("^CREATE TRIGGER (?:IF NOT EXISTS )?(\\w+) (BEFORE|AFTER) (.+?) ON (\\w+)"
                       "(?: WHEN (.+?))? BEGIN (.*) END;?$"),
        QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression refusal(
        QStringLiteral("^\\s*SELECT RAISE\\(ABORT, ('(?:[^']|'')*')\\)\\s*;\\s*$"));
    const QString text = sqlite.simplified();
    // A dropped trigger goes with the function it ran (translated below: NAME_fn).
    static const QRegularExpression dropTrigger(
        QStringLiteral("^DROP TRIGGER IF EXISTS (\\w+) ON \\w+$"));
    if (const auto d = dropTrigger.match(text); d.hasMatch())
        return {text, QStringLiteral("DROP FUNCTION IF EXISTS %1_fn()").arg(d.captured(1))};
    if (const auto m = trigger.match(text); m.hasMatch()) {
        const QString name = m.captured(1), when = m.captured(2), event = m.captured(3),
                      table = m.captured(4), condition = m.captured(5);
        QString body = m.captured(6).trimmed();
        const QString whenClause =
            condition.isEmpty() ? QString() : QStringLiteral(" WHEN (%1)").arg(condition);
        if (const auto r = refusal.match(body); r.hasMatch()) {
            // A trigger that only refuses: the shared function, its message as argument. A
            // table that refuses DELETE refuses TRUNCATE too.
            QStringList out{
                QStringLiteral("CREATE OR REPLACE TRIGGER %1 %2 %3 ON %4 FOR EACH ROW%5 "
                               "EXECUTE FUNCTION oasis_refuse(%6)")
                    .arg(name, when, event, table, whenClause, r.captured(1))};
            if (event == QLatin1String("DELETE"))
                out << QStringLiteral("CREATE OR REPLACE TRIGGER %1_truncate BEFORE TRUNCATE ON "
                                      "%2 FOR EACH STATEMENT EXECUTE FUNCTION oasis_refuse(%3)")
                           .arg(name, table, r.captured(1));
            return out;
        }
        static const QRegularExpression orIgnore(
            QStringLiteral("INSERT OR IGNORE INTO (\\w+\\([^)]*\\)) VALUES (\\([^;]*\\))"));
        body.replace(orIgnore, QStringLiteral("INSERT INTO \\1 VALUES \\2 ON CONFLICT DO NOTHING"));
        body.replace(QLatin1String(" WHERE 1 ON CONFLICT"),
                     QLatin1String(" WHERE true ON CONFLICT"));
        // "SET n = n + excluded.n" names the row being updated: PostgreSQL wants it qualified.
        static const QRegularExpression upsert(
            QStringLiteral("INSERT INTO (\\w+)([^;]*?) DO UPDATE SET ([^;]*)"));
        static const QRegularExpression selfReference(QStringLiteral("\\b(\\w+) = \\1\\b"));
        QString qualified;
        qsizetype from = 0;
        for (auto it = upsert.globalMatch(body); it.hasNext();) {
            const auto u = it.next();
            QString sets = u.captured(3);
            sets.replace(selfReference, QStringLiteral("\\1 = %1.\\1").arg(u.captured(1)));
            qualified += body.mid(from, u.capturedStart(3) - from) + sets;
            from = u.capturedEnd(3);
        }
        body = qualified + body.mid(from);
        if (!body.endsWith(u';'))
            body += u';';
        // The function runs as the store's owner (SECURITY DEFINER, its search path fixed): the
        // tables it keeps are read-only to the registers' role (Database::grantRegister).
        return {
            QStringLiteral("CREATE OR REPLACE FUNCTION %1_fn() RETURNS trigger LANGUAGE plpgsql "
                           "SECURITY DEFINER SET search_path FROM CURRENT AS $fn$ BEGIN %2 IF "
                           "TG_OP = 'DELETE' THEN RETURN OLD; END IF; "
                           "RETURN NEW; END $fn$")
                .arg(name, body),
            QStringLiteral("CREATE OR REPLACE TRIGGER %1 %2 %3 ON %4 FOR EACH ROW%5 EXECUTE "
                           "FUNCTION %1_fn()")
                .arg(name, when, event, table, whenClause)};
    }
    QString out = text;
    static const QRegularExpression rowKey(
        QStringLiteral("\\b(\\w+) INTEGER PRIMARY KEY(?=\\s*[,)])"));
    out.replace(rowKey, QStringLiteral("\\1 BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"));
    static const QRegularExpression integer(QStringLiteral("\\bINTEGER\\b"));
    out.replace(integer, QStringLiteral("BIGINT"));
    static const QRegularExpression blob(QStringLiteral("\\bBLOB\\b"));
    out.replace(blob, QStringLiteral("BYTEA"));
    // A table without an integer key keeps its insertion order in a column of its own (SQLite
    // has rowid).
    static const QRegularExpression createTable(QStringLiteral("^CREATE TABLE (\\w+) \\("));
    if (createTable.match(out).hasMatch() && !out.contains(QLatin1String("AS IDENTITY")) &&
        out.endsWith(u')'))
        out = out.chopped(1) + QStringLiteral(", row_order BIGINT GENERATED ALWAYS AS IDENTITY)");
    return {out};
}

} // namespace oasis
