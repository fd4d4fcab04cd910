// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/testsupport.h"

#include "core/services/demo.h"
#include "core/services/registers.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QSettings>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace oasis::test {

/// Runs `sql` on the server's maintenance database (tests on PostgreSQL; PG* variables).
void runOnServer(const QString &sql) {
    const QString name = QStringLiteral("oasis-test-admin");
    {
        QSqlDatabase c = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        c.setDatabaseName(QStringLiteral("postgres"));
        if (!c.open())
            FAIL("cannot reach the test PostgreSQL server: " << c.lastError().text().toStdString());
        QSqlQuery q(c);
        if (!q.exec(sql))
            FAIL(sql.toStdString() << ": " << q.lastError().text().toStdString());
        c.close();
    }
    QSqlDatabase::removeDatabase(name);
}

bool onPostgres() {
    // OASIS_TEST_POSTGRES=SOCKETDIR:PORT names the fixture's server; libpq (and every oasisctl
    // this test starts) finds it through the PG* variables.
    static const bool on = [] {
        const QString server = qEnvironmentVariable("OASIS_TEST_POSTGRES");
        if (server.isEmpty())
            return false;
        const qsizetype colon = server.lastIndexOf(u':');
        qputenv("PGHOST", server.left(colon).toLocal8Bit());
        qputenv("PGPORT", server.mid(colon + 1).toLocal8Bit());
        qputenv("PGUSER", "oasis");
        return true;
    }();
    return on;
}

QString newStoreLocation(const QString &dir) {
    if (!onPostgres())
        return QDir(dir).filePath(QStringLiteral("oasis.db"));
    static int counter = 0;
    const QString name =
        QStringLiteral("oasis_test_%1_%2").arg(QCoreApplication::applicationPid()).arg(++counter);
    runOnServer(QStringLiteral("DROP DATABASE IF EXISTS %1").arg(name));
    runOnServer(QStringLiteral("CREATE DATABASE %1").arg(name));
    // The server is the one of the PG* variables (tests/support/pgserver.sh).
    return QStringLiteral("postgresql:///") + name;
}

void dropStore(const QString &location) {
    if (location.startsWith(QLatin1String("postgresql:///")))
        runOnServer(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)")
                        .arg(location.mid(QStringLiteral("postgresql:///").size())));
}

TempDb::~TempDb() {
    m_db.reset();
    dropStore(m_path);
}

TempDb::TempDb(bool demo, const QString &location) {
    REQUIRE(m_dir.isValid());
    m_path = location.isEmpty() ? newStoreLocation(m_dir.path()) : location;
    m_keyDir = QDir(m_dir.path()).filePath(QStringLiteral("keys"));
    auto db = Database::open(m_path, options(Database::Mode::CreateIfMissing));
    if (!db)
        FAIL("cannot create test database: " << db.error().message.toStdString());
    m_db = std::move(*db);
    if (demo) {
        auto installed = installDemoData(*m_db);
        if (!installed)
            FAIL("cannot install demo data: " << installed.error().message.toStdString());
        // The register the app's and screens' tests act as, registered as `init` registers
        // the computer that creates a store (a demo store has this computer's register too).
        addRegisters(*m_db, {QStringLiteral("test-register")});
    }
}

StaffMember staffNamed(Database &db, const QString &name) {
    return value(StaffService(db).find(name));
}

StaffMember owner(Database &db) {
    StaffService staff(db);
    if (auto found = staff.find(QStringLiteral("owner")); found)
        return *found;
    return value(staff.addFirstOwner(QStringLiteral("owner"), QStringLiteral("2468")));
}

Database::Options TempDb::options(Database::Mode mode) const {
    Database::Options o;
    o.mode = mode;
    o.keyDirectory = m_keyDir;
    o.busyTimeoutMs = 2000;
    o.onCreated = &Store::prepareNew;
    return o;
}

void TempDb::reopen() {
    m_db.reset();
    auto db = Database::open(m_path, options());
    if (!db)
        FAIL("cannot reopen test database: " << db.error().message.toStdString());
    m_db = std::move(*db);
}

QJsonObject CtlRun::json() const {
    QJsonParseError e;
    const QJsonDocument doc = QJsonDocument::fromJson(out, &e);
    if (e.error != QJsonParseError::NoError || !doc.isObject())
        FAIL("stdout is not one JSON object: " << out.toStdString());
    return doc.object();
}

CtlRun runCtl(const QString &program, const QString &db, const QString &keys,
              const QStringList &args, const QMap<QString, QString> &env) {
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    e.insert(QStringLiteral("OASIS_KEY_DIR"), keys);
    for (auto it = env.cbegin(); it != env.cend(); ++it)
        e.insert(it.key(), it.value());
    QProcess p;
    p.setProcessEnvironment(e);
    p.setStandardInputFile(QProcess::nullDevice());
    p.start(program, QStringList{QStringLiteral("--db"), db} + args);
    REQUIRE(p.waitForFinished(60'000));
    REQUIRE(p.exitStatus() == QProcess::NormalExit);
    CtlRun r{p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
    UNSCOPED_INFO("oasisctl " << args.join(QLatin1Char(' ')).toStdString() << " -> " << r.exitCode
                              << "\nstdout: " << r.out.toStdString()
                              << "\nstderr: " << r.err.toStdString());
    return r;
}

OwnServer::OwnServer(int port)
    : m_port(port)
    , m_dir(QStringLiteral("/tmp/oasis-pgown-%1-%2")
                .arg(port)
                .arg(QCoreApplication::applicationPid())) {
    REQUIRE(run("start"));
    const QString name = QStringLiteral("oasis-own-server-%1").arg(port);
    {
        QSqlDatabase c = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        c.setHostName(m_dir);
        c.setPort(m_port);
        c.setUserName(QStringLiteral("oasis"));
        c.setDatabaseName(QStringLiteral("postgres"));
        REQUIRE(c.open());
        QSqlQuery q(c);
        INFO(q.lastError().text().toStdString());
        REQUIRE(q.exec(QStringLiteral("CREATE DATABASE spa")));
        c.close();
    }
    QSqlDatabase::removeDatabase(name);
}

OwnServer::~OwnServer() {
    run("stop");
}

QString OwnServer::url() const {
    return QStringLiteral("postgresql://oasis@/spa?host=%1&port=%2").arg(m_dir).arg(m_port);
}

bool OwnServer::run(const char *action) const {
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedChannels);
    p.start(QStringLiteral("sh"), {QStringLiteral(OASIS_PGSERVER_SCRIPT),
                                   QString::fromLatin1(action), m_dir, QString::number(m_port)});
    return p.waitForFinished(120'000) && p.exitStatus() == QProcess::NormalExit &&
           p.exitCode() == 0;
}

void addRegisters(Database &db, const QStringList &names) {
    for (const QString &name : names)
        ok(RegisterService::addCreator(db, name));
}

QByteArray fileBytes(const QString &path) {
    QFile f(path);
    INFO("reading " << path.toStdString());
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

void rawSql(const QString &dbPath, const QString &sql) {
    const QString name = QStringLiteral("raw-tamper");
    if (dbPath.startsWith(QLatin1String("postgresql:///"))) {
        // The store's owner, who can switch the guards off, as someone with the server's
        // superuser would.
        {
            QSqlDatabase c = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
            c.setDatabaseName(dbPath.mid(QStringLiteral("postgresql:///").size()));
            REQUIRE(c.open());
            QSqlQuery q(c);
            REQUIRE(q.exec(QStringLiteral("SET session_replication_role = replica")));
            if (!q.exec(sql))
                FAIL("raw SQL failed: " << q.lastError().text().toStdString());
            q.finish();
            c.close();
        }
        QSqlDatabase::removeDatabase(name);
        return;
    }
    {
        QSqlDatabase c = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        c.setDatabaseName(dbPath);
        REQUIRE(c.open());
        QSqlQuery q(c);
        // Drop the append-only triggers first, as someone editing the file by hand would.
        QSqlQuery triggers(c);
        triggers.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'trigger'"));
        QStringList names;
        while (triggers.next())
            names << triggers.value(0).toString();
        triggers.finish();
        for (const QString &t : names)
            REQUIRE(q.exec(QStringLiteral("DROP TRIGGER ") + t));
        if (!q.exec(sql))
            FAIL("raw SQL failed: " << q.lastError().text().toStdString());
        q.finish();
        c.close();
    }
    QSqlDatabase::removeDatabase(name);
}

TempSettings::TempSettings() {
    REQUIRE(m_dir.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
    QSettings().clear();
}

TempSettings::~TempSettings() {
    QSettings().clear();
}

bool mapped(const QByteArray &name) {
    QFile maps(QStringLiteral("/proc/self/maps"));
    REQUIRE(maps.open(QIODevice::ReadOnly));
    for (const QByteArray &line : maps.readAll().split('\n'))
        if (line.mid(line.lastIndexOf('/') + 1).startsWith(name))
            return true;
    return false;
}

} // namespace oasis::test
