// SPDX-License-Identifier: GPL-3.0-or-later
// The server guards the books (issue 19, item 3; DESIGN §13): registers connect as a role that
// may read the store and add to the books but holds no UPDATE, DELETE or TRUNCATE on them, and
// cannot reach the tables the triggers keep. Tried with psql, as a client that goes around
// Oasis would.
#include "tests/support/testsupport.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace oasis;
using namespace oasis::test;
using namespace Qt::StringLiterals;

namespace {

struct Psql {
    int exitCode = -1;
    QByteArray err;
};

/// One statement through psql as `role` on the test server's database `database`.
Psql psql(const QString &role, const QString &database, const QString &sql) {
    const QString program = QStandardPaths::findExecutable(u"psql"_s);
    REQUIRE_FALSE(program.isEmpty());
    QProcess p;
    p.start(program, {u"-X"_s, u"-v"_s, u"ON_ERROR_STOP=1"_s, u"-U"_s, role, u"-d"_s, database,
                      u"-c"_s, sql});
    REQUIRE(p.waitForFinished(30'000));
    return {p.exitCode(), p.readAllStandardError()};
}

QString databaseOf(const QString &location) {
    return location.mid(QStringLiteral("postgresql:///").size());
}

CtlRun ctl(TempDb &db, const QString &location, const QStringList &args,
           const QMap<QString, QString> &env = {}) {
    return runCtl(QStringLiteral(OASISCTL_PATH), location, db.keyDir(), args, env);
}

} // namespace

TEST_CASE("a register's server role adds to the books and never changes or deletes them, even "
          "from psql",
          "[trust][postgresql]") {
    REQUIRE(onPostgres());
    TempDb db(true);
    const QString database = databaseOf(db.path());
    const QString role = u"oasis_register_%1"_s.arg(QCoreApplication::applicationPid());
    runOnServer(u"DROP ROLE IF EXISTS %1"_s.arg(role));
    runOnServer(u"CREATE ROLE %1 LOGIN"_s.arg(role));
    const QString asRegister = u"postgresql://%1@/%2"_s.arg(role, database);
    const QMap<QString, QString> manager{{u"OASIS_PIN"_s, u"9999"_s},
                                         {u"OASIS_REGISTER"_s, u"test-register"_s}};
    const QMap<QString, QString> frontdesk{{u"OASIS_PIN"_s, u"1111"_s},
                                           {u"OASIS_REGISTER"_s, u"test-register"_s}};

    // Before the grant the role reads nothing of the store.
    const Psql before = psql(role, database, u"SELECT COUNT(*) FROM sales"_s);
    REQUIRE(before.exitCode != 0);
    REQUIRE(before.err.contains("permission denied"));

    const CtlRun granted =
        ctl(db, db.path(), {u"--user"_s, u"manager"_s, u"register"_s, u"grant"_s, role}, manager);
    INFO(granted.err.toStdString());
    REQUIRE(granted.exitCode == 0);

    // As the register's role, oasisctl sells and the journal verifies.
    REQUIRE(ctl(db, asRegister, {u"--user"_s, u"frontdesk"_s, u"shift"_s, u"open"_s, u"100"_s},
                frontdesk)
                .exitCode == 0);
    const CtlRun sold = ctl(db, asRegister,
                            {u"--user"_s, u"frontdesk"_s, u"--json"_s, u"sale"_s, u"OIL-ARN-120"_s,
                             u"giftcard:25"_s, u"--pay"_s, u"cash:100"_s},
                            frontdesk);
    INFO(sold.err.toStdString());
    REQUIRE(sold.exitCode == 0);
    const qint64 total = sold.json().value(u"total_cents").toInteger();
    REQUIRE(total > 2500);

    // Going around Oasis, the same role changes nothing of the books or what the triggers keep.
    for (const QString &sql :
         {u"UPDATE sales SET total_cents = 0"_s, u"DELETE FROM sale_lines"_s,
          u"DELETE FROM journal"_s, u"TRUNCATE giftcard_activity"_s,
          u"UPDATE giftcard_activity SET amount_cents = 100000"_s,
          u"UPDATE stock_levels SET on_hand = 999"_s, u"DELETE FROM sales_by_day"_s,
          u"ALTER TABLE sales DISABLE TRIGGER ALL"_s, u"SET session_replication_role = replica"_s,
          u"DROP TABLE journal"_s}) {
        INFO(sql.toStdString());
        const Psql tried = psql(role, database, sql);
        REQUIRE(tried.exitCode != 0);
        REQUIRE((tried.err.contains("permission denied") || tried.err.contains("must be owner")));
    }
    // The store's owner is held by the triggers too.
    const Psql owner = psql(u"oasis"_s, database, u"UPDATE sales SET total_cents = 0"_s);
    REQUIRE(owner.exitCode != 0);
    REQUIRE(owner.err.contains("append-only"));

    REQUIRE(
        value(db->scalar(u"SELECT total_cents FROM sales WHERE receipt_no = 1"_s)).toLongLong() ==
        total);
    const CtlRun verified = ctl(db, asRegister, {u"journal"_s, u"verify"_s});
    INFO(verified.out.toStdString() << verified.err.toStdString());
    REQUIRE(verified.exitCode == 0);
    runOnServer(u"DROP DATABASE IF EXISTS %1 WITH (FORCE)"_s.arg(database));
    runOnServer(u"DROP OWNED BY %1"_s.arg(role));
    runOnServer(u"DROP ROLE IF EXISTS %1"_s.arg(role));
}

TEST_CASE("after an upgrade a register's server role uses what the new schema steps made, as it "
          "uses the rest",
          "[trust][postgresql]") {
    REQUIRE(onPostgres());
    TempDb db(true);
    const QString database = databaseOf(db.path());
    const QString role = u"oasis_upgraded_%1"_s.arg(QCoreApplication::applicationPid());
    runOnServer(u"DROP ROLE IF EXISTS %1"_s.arg(role));
    runOnServer(u"CREATE ROLE %1 LOGIN"_s.arg(role));
    const QMap<QString, QString> manager{{u"OASIS_PIN"_s, u"9999"_s},
                                         {u"OASIS_REGISTER"_s, u"test-register"_s}};
    const QMap<QString, QString> frontdesk{{u"OASIS_PIN"_s, u"1111"_s},
                                           {u"OASIS_REGISTER"_s, u"test-register"_s}};
    REQUIRE(
        ctl(db, db.path(), {u"--user"_s, u"manager"_s, u"register"_s, u"grant"_s, role}, manager)
            .exitCode == 0);
    const CtlRun card = ctl(db, db.path(),
                            {u"--user"_s, u"frontdesk"_s, u"--json"_s, u"sale"_s, u"giftcard:50"_s,
                             u"--pay"_s, u"card:50"_s},
                            frontdesk);
    REQUIRE(card.exitCode == 0);
    const QString code =
        card.json().value(u"giftcards"_s).toArray().at(0).toObject().value(u"code"_s).toString();

    // The store as the version before promotional value left it, with the role granted then
    // (the later steps' tables dropped too: they are made again).
    db.close();
    for (const QString &table : {u"offline_sales"_s, u"package_activity"_s, u"packages"_s,
                                 u"package_products"_s, u"giftcard_promo"_s})
        rawSql(db.path(), u"DROP TABLE "_s + table);
    rawSql(db.path(), u"UPDATE meta SET value = '16' WHERE key = 'schema_version'"_s);
    // The owner opens it: step 17 makes the ledger again, and the role may use it at once.
    db.reopen();
    REQUIRE(db->schemaVersion() == Database::latestSchemaVersion());
    const Psql reads = psql(role, database, u"SELECT COUNT(*) FROM giftcard_promo"_s);
    INFO(reads.err.toStdString());
    CHECK(reads.exitCode == 0);
    CHECK(psql(role, database, u"DELETE FROM giftcard_promo"_s).err.contains("permission denied"));
    // Every sale paid by a card reads that ledger: the register sells as before.
    const QString asRegister = u"postgresql://%1@/%2"_s.arg(role, database);
    const CtlRun paid = ctl(
        db, asRegister,
        {u"--user"_s, u"frontdesk"_s, u"sale"_s, u"OIL-ARN-120"_s, u"--pay"_s, u"gift:"_s + code},
        frontdesk);
    INFO(paid.err.toStdString());
    CHECK(paid.exitCode == 0);
    db.close();
    runOnServer(u"DROP DATABASE IF EXISTS %1 WITH (FORCE)"_s.arg(database));
    runOnServer(u"DROP OWNED BY %1"_s.arg(role));
    runOnServer(u"DROP ROLE IF EXISTS %1"_s.arg(role));
}

TEST_CASE("register grant refuses a role name that is not a plain identifier",
          "[trust][postgresql]") {
    REQUIRE(onPostgres());
    TempDb db(true);
    const qint64 entries = value(db->scalar(u"SELECT COUNT(*) FROM journal"_s)).toLongLong();
    for (const QString &bad : {u"Robert\"; DROP TABLE sales; --"_s, u"9lives"_s, u"a b"_s}) {
        const CtlRun r =
            ctl(db, db.path(), {u"--user"_s, u"manager"_s, u"register"_s, u"grant"_s, bad},
                {{u"OASIS_PIN"_s, u"9999"_s}});
        REQUIRE(r.exitCode == 1);
        REQUIRE(r.oneErrorLine());
    }
    REQUIRE(value(db->scalar(u"SELECT COUNT(*) FROM journal"_s)).toLongLong() == entries);
}

TEST_CASE("register grant on a store in a file is refused in one line", "[trust][sqlite]") {
    TempDb db(true);
    const CtlRun r = ctl(
        db, db.path(), {u"--user"_s, u"manager"_s, u"register"_s, u"grant"_s, u"oasis_register"_s},
        {{u"OASIS_PIN"_s, u"9999"_s}});
    REQUIRE(r.exitCode == 2);
    REQUIRE(r.oneErrorLine());
    REQUIRE(r.err.contains("PostgreSQL"));
}

TEST_CASE("a store address with a password in it is refused without echoing the password",
          "[trust]") {
    QTemporaryDir keys;
    const CtlRun r =
        runCtl(QStringLiteral(OASISCTL_PATH), u"postgresql://oasis:hunter2secret@127.0.0.1:1/spa"_s,
               keys.path(), {u"report"_s, u"sales"_s});
    REQUIRE(r.exitCode == 1);
    REQUIRE(r.oneErrorLine());
    REQUIRE(r.err.contains("PGPASSWORD"));
    REQUIRE_FALSE(r.err.contains("hunter2secret"));
    REQUIRE_FALSE(r.out.contains("hunter2secret"));
}

TEST_CASE("a store address with an option libpq would misread is refused in one line", "[trust]") {
    QTemporaryDir keys;
    for (const QString &url : {u"postgresql://oasis@127.0.0.1/spa?sslmode=require;host=evil"_s,
                               u"postgresql://oasis@127.0.0.1/spa?port=0"_s,
                               u"postgresql://oasis@127.0.0.1/spa?options=-c%20x=1"_s,
                               u"postgresql://oasis@127.0.0.1/"_s}) {
        INFO(url.toStdString());
        const CtlRun r =
            runCtl(QStringLiteral(OASISCTL_PATH), url, keys.path(), {u"report"_s, u"sales"_s});
        REQUIRE(r.exitCode == 1);
        REQUIRE(r.oneErrorLine());
    }
}
