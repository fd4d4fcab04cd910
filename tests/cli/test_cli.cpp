// SPDX-License-Identifier: GPL-3.0-or-later
// oasisctl as a back-office script drives it: exit codes, one line on stderr, --json output.
#include "tests/support/testsupport.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <sys/stat.h>

#include <grp.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject json() const {
        QJsonParseError e;
        const QJsonDocument doc = QJsonDocument::fromJson(out, &e);
        if (e.error != QJsonParseError::NoError || !doc.isObject())
            FAIL("stdout is not one JSON object: " << out.toStdString());
        return doc.object();
    }
    /// stderr holds exactly one line (the contract for a refused or failed command).
    bool oneErrorLine() const { return err.count('\n') == 1 && err.endsWith('\n'); }
};

/// One spa's back office: its own database, key folder and home, so nothing leaks between
/// tests or onto the machine.
class Shop final {
public:
    Shop() {
        REQUIRE(m_dir.isValid());
        m_db = m_dir.filePath(u"oasis.db"_s);
        m_keys = m_dir.filePath(u"keys"_s);
        QDir().mkpath(m_dir.filePath(u"home"_s));
    }
    QString db() const { return m_db; }
    QString keys() const { return m_keys; }
    QString file(const QString &name) const { return m_dir.filePath(name); }
    QString dir() const { return m_dir.path(); }

    Run run(const QStringList &args, const QMap<QString, QString> &env = {}, bool asNobody = false,
            const QString &dbPath = {}) const {
        QProcessEnvironment e;
        e.insert(u"OASIS_KEY_DIR"_s, m_keys);
        e.insert(u"HOME"_s, m_dir.filePath(u"home"_s));
        e.insert(u"XDG_DATA_HOME"_s, m_dir.filePath(u"home/data"_s));
        e.insert(u"XDG_CONFIG_HOME"_s, m_dir.filePath(u"home/config"_s));
        e.insert(u"OASIS_REGISTER"_s, u"test-register"_s);
        e.insert(u"PATH"_s, qEnvironmentVariable("PATH"));
        for (auto it = env.cbegin(); it != env.cend(); ++it)
            e.insert(it.key(), it.value());
        QProcess p;
        p.setProcessEnvironment(e);
        if (asNobody)
            p.setChildProcessModifier([] {
                const gid_t nogroup = 65534;
                if (::setgroups(1, &nogroup) != 0 || ::setgid(65534) != 0 || ::setuid(65534) != 0)
                    ::_exit(99);
            });
        p.setStandardInputFile(QProcess::nullDevice());
        p.start(QStringLiteral(OASISCTL_PATH),
                QStringList{u"--db"_s, dbPath.isEmpty() ? m_db : dbPath} + args);
        REQUIRE(p.waitForFinished(60'000));
        REQUIRE(p.exitStatus() == QProcess::NormalExit);
        Run r{p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
        UNSCOPED_INFO("oasisctl " << args.join(u' ') << " → " << r.exitCode << "\nstdout: "
                                  << r.out.toStdString() << "\nstderr: " << r.err.toStdString());
        return r;
    }

    void initDemo() const {
        const Run r = run({u"init"_s, u"--demo"_s});
        REQUIRE(r.exitCode == 0);
    }

    qint64 scalar(const QString &sql) const {
        const QString name = u"cli-peek"_s;
        qint64 v = -1;
        {
            QSqlDatabase c = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            c.setDatabaseName(m_db);
            c.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
            REQUIRE(c.open());
            QSqlQuery q(c);
            REQUIRE(q.exec(sql));
            REQUIRE(q.next());
            v = q.value(0).toLongLong();
            q.finish();
            c.close();
        }
        QSqlDatabase::removeDatabase(name);
        return v;
    }

private:
    QTemporaryDir m_dir;
    QString m_db;
    QString m_keys;
};

const QMap<QString, QString> kOwner{{u"OASIS_PIN"_s, u"2468"_s}};
const QMap<QString, QString> kFrontDesk{{u"OASIS_PIN"_s, u"1111"_s}};

void writeFile(const QString &path, const QByteArray &bytes) {
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    REQUIRE(f.write(bytes) == bytes.size());
}

} // namespace

TEST_CASE("oasisctl init creates the database and its key file once", "[cli]") {
    Shop shop;
    const Run first = shop.run({u"--json"_s, u"init"_s, u"--demo"_s});
    REQUIRE(first.exitCode == 0);
    const QJsonObject o = first.json();
    REQUIRE(o[u"created"_s].toBool());
    REQUIRE(o[u"demo"_s].toBool());
    REQUIRE(o[u"schema_version"_s].toInt() >= 1);
    const QString keyFile = o[u"key_file"_s].toString();
    REQUIRE(keyFile.startsWith(shop.keys()));
    REQUIRE(QFileInfo::exists(keyFile));
    REQUIRE(QFileInfo::exists(shop.db()));
    const QByteArray key = oasis::test::fileBytes(keyFile);

    const Run again = shop.run({u"--json"_s, u"init"_s, u"--demo"_s});
    REQUIRE(again.exitCode == 0);
    REQUIRE_FALSE(again.json()[u"created"_s].toBool());
    REQUIRE_FALSE(again.json()[u"demo"_s].toBool());
    REQUIRE(oasis::test::fileBytes(keyFile) == key);
    REQUIRE(shop.scalar(u"SELECT COUNT(*) FROM staff"_s) == 7);
}

TEST_CASE("oasisctl lists the catalog and the staff as JSON", "[cli]") {
    Shop shop;
    shop.initDemo();

    SECTION("catalog list") {
        const Run r = shop.run({u"--json"_s, u"catalog"_s, u"list"_s});
        REQUIRE(r.exitCode == 0);
        REQUIRE(r.err.isEmpty());
        const QJsonArray items = r.json()[u"items"_s].toArray();
        REQUIRE(items.size() == shop.scalar(u"SELECT COUNT(*) FROM items WHERE active = 1"_s));
        REQUIRE(items.size() >= 28);
        QJsonObject lavender, dt60;
        for (const QJsonValue &v : items) {
            const QJsonObject it = v.toObject();
            for (const char *key : {"type", "code", "barcode", "name", "category", "size",
                                    "price_cents", "cost_cents", "tax_class", "paraben_free",
                                    "reorder_point", "modality", "minutes"})
                REQUIRE(it.contains(QLatin1String(key)));
            if (it[u"code"_s] == u"OIL-LAV-120"_s)
                lavender = it;
            if (it[u"code"_s] == u"DT60"_s)
                dt60 = it;
        }
        REQUIRE(lavender[u"price_cents"_s].toInteger() == 2400);
        REQUIRE(lavender[u"cost_cents"_s].toInteger() == 940);
        REQUIRE(lavender[u"barcode"_s].toString() == u"0850071001020"_s);
        REQUIRE(lavender[u"tax_class"_s].toString() == u"retail"_s);
        REQUIRE(lavender[u"paraben_free"_s].toString() == u"yes"_s);
        REQUIRE(lavender[u"type"_s].toString() == u"product"_s);
        REQUIRE(dt60[u"price_cents"_s].toInteger() == 13500);
        REQUIRE(dt60[u"modality"_s].toString() == u"deep tissue"_s);
        REQUIRE(dt60[u"minutes"_s].toInt() == 60);
        REQUIRE(dt60[u"tax_class"_s].toString() == u"service"_s);
    }
    SECTION("staff list") {
        const Run r = shop.run({u"--json"_s, u"staff"_s, u"list"_s});
        REQUIRE(r.exitCode == 0);
        const QJsonArray staff = r.json()[u"staff"_s].toArray();
        REQUIRE(staff.size() == 7);
        QMap<QString, QString> roles;
        for (const QJsonValue &v : staff) {
            const QJsonObject m = v.toObject();
            REQUIRE(m[u"active"_s].isBool());
            REQUIRE(m[u"active"_s].toBool());
            roles.insert(m[u"name"_s].toString(), m[u"role"_s].toString());
        }
        REQUIRE(roles.value(u"frontdesk"_s) == u"frontdesk"_s);
        REQUIRE(roles.value(u"manager"_s) == u"manager"_s);
        REQUIRE(roles.value(u"owner"_s) == u"owner"_s);
        REQUIRE(roles.value(u"lena"_s) == u"therapist"_s);
        // No PIN material in what scripts see.
        REQUIRE_FALSE(r.out.contains("pin"));
    }
}

TEST_CASE("oasisctl whoami checks the PIN from OASIS_PIN", "[cli]") {
    Shop shop;
    shop.initDemo();
    const Run right = shop.run({u"--json"_s, u"--user"_s, u"frontdesk"_s, u"whoami"_s}, kFrontDesk);
    REQUIRE(right.exitCode == 0);
    REQUIRE(right.json()[u"name"_s].toString() == u"frontdesk"_s);
    REQUIRE(right.json()[u"role"_s].toString() == u"frontdesk"_s);

    const Run wrong =
        shop.run({u"--user"_s, u"frontdesk"_s, u"whoami"_s}, {{u"OASIS_PIN"_s, u"9999"_s}});
    REQUIRE(wrong.exitCode == 2);
    REQUIRE(wrong.oneErrorLine());
    REQUIRE(wrong.err.contains("Wrong PIN"));
    REQUIRE(wrong.out.isEmpty());

    SECTION("no PIN and no terminal is a usage error") {
        const Run none = shop.run({u"--user"_s, u"frontdesk"_s, u"whoami"_s});
        REQUIRE(none.exitCode == 1);
        REQUIRE(none.err.contains("OASIS_PIN"));
    }
    SECTION("five wrong PINs lock the user out, even with the right PIN") {
        for (int i = 0; i < 4; ++i)
            REQUIRE(
                shop.run({u"--user"_s, u"frontdesk"_s, u"whoami"_s}, {{u"OASIS_PIN"_s, u"9999"_s}})
                    .exitCode == 2);
        const Run locked = shop.run({u"--user"_s, u"frontdesk"_s, u"whoami"_s}, kFrontDesk);
        REQUIRE(locked.exitCode == 2);
        REQUIRE(locked.err.contains("locked"));
        // Five wrong PINs, then the right one tried during the lockout: all journaled.
        REQUIRE(shop.scalar(u"SELECT COUNT(*) FROM journal WHERE kind = 'login_failed'"_s) == 6);
    }
}

TEST_CASE("the shipped oasisctl takes the time from the system clock only", "[cli][trust]") {
    // OASIS_NOW once fixed the clock of the released binaries: ten minutes ahead lifted a PIN
    // lockout, and a date in the past backdated sales and the journal.
    Shop shop;
    shop.initDemo();
    for (int i = 0; i < 5; ++i)
        REQUIRE(shop.run({u"--user"_s, u"frontdesk"_s, u"whoami"_s}, {{u"OASIS_PIN"_s, u"9999"_s}})
                    .exitCode == 2);
    const QString later =
        QDateTime::currentDateTimeUtc().addSecs(10 * 60).toString(Qt::ISODateWithMs);
    const Run locked = shop.run({u"--user"_s, u"frontdesk"_s, u"whoami"_s},
                                {{u"OASIS_PIN"_s, u"1111"_s}, {u"OASIS_NOW"_s, later}});
    REQUIRE(locked.exitCode == 2);
    REQUIRE(locked.err.contains("locked"));

    const Run open =
        shop.run({u"--user"_s, u"manager"_s, u"shift"_s, u"open"_s, u"100"_s},
                 {{u"OASIS_PIN"_s, u"9999"_s}, {u"OASIS_NOW"_s, u"2025-06-01T12:00:00Z"_s}});
    REQUIRE(open.exitCode == 0);
    REQUIRE(shop.scalar(u"SELECT COUNT(*) FROM journal WHERE at < '2026-01-01'"_s) == 0);
}

TEST_CASE("oasisctl reports usage errors with exit code 1", "[cli]") {
    Shop shop;
    shop.initDemo();
    SECTION("an unknown command") {
        const Run r = shop.run({u"frobnicate"_s});
        REQUIRE(r.exitCode == 1);
        REQUIRE(r.oneErrorLine());
        REQUIRE(r.err.contains("unknown command frobnicate"));
    }
    SECTION("a missing argument") {
        const Run r = shop.run({u"catalog"_s, u"import"_s});
        REQUIRE(r.exitCode == 1);
        REQUIRE(r.err.contains("Missing FILE.csv"));
    }
    SECTION("a missing sub-command") {
        REQUIRE(shop.run({u"staff"_s}).exitCode == 1);
        REQUIRE(shop.run({u"journal"_s, u"rewrite"_s}).exitCode == 1);
    }
    SECTION("an unknown option") {
        REQUIRE(shop.run({u"catalog"_s, u"list"_s, u"--frobnicate"_s}).exitCode == 1);
        REQUIRE(shop.run({u"--frobnicate"_s, u"catalog"_s, u"list"_s}).exitCode == 1);
    }
    SECTION("no command at all") {
        REQUIRE(shop.run({}).exitCode == 1);
    }
}

TEST_CASE("oasisctl on a missing database says so and creates nothing", "[cli]") {
    Shop shop;
    SECTION("a missing file") {
        const Run r = shop.run({u"--json"_s, u"catalog"_s, u"list"_s});
        REQUIRE(r.exitCode == 3);
        REQUIRE(r.oneErrorLine());
        REQUIRE(r.err.contains("There is no database"));
        REQUIRE(r.out.isEmpty());
        REQUIRE_FALSE(QFileInfo::exists(shop.db()));
        REQUIRE_FALSE(QFileInfo::exists(shop.keys()));
    }
    SECTION("a missing folder, even for init") {
        const QString path = shop.file(u"no/such/folder/oasis.db"_s);
        const Run r = shop.run({u"init"_s}, {}, false, path);
        REQUIRE(r.exitCode == 3);
        REQUIRE(r.oneErrorLine());
        REQUIRE(r.err.contains("does not exist"));
        REQUIRE_FALSE(QFileInfo::exists(shop.file(u"no"_s)));
    }
    SECTION("a device or a pipe, even for init: nothing is made beside it") {
        const QString fifo = shop.file(u"store.fifo"_s);
        REQUIRE(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
        // (A FIFO in the test's folder: a device such as /dev/null takes the same way, and a
        // failure here must not leave files in /dev.)
        for (const QStringList &args :
             {QStringList{u"catalog"_s, u"list"_s}, QStringList{u"init"_s}}) {
            const Run r = shop.run(args, {}, false, fifo);
            CHECK(r.exitCode == 3);
            CHECK(r.err == "oasisctl: " + fifo.toUtf8() +
                               " is not a database file: it is a device or a pipe.\n");
        }
        CHECK(QDir(shop.dir()).entryList(QDir::Files | QDir::System) ==
              QStringList{u"store.fifo"_s});
        CHECK_FALSE(QFileInfo::exists(shop.keys()));
    }
    SECTION("a server's address that is not a URL is shown as given, less its password") {
        const Run r =
            shop.run({u"catalog"_s, u"list"_s}, {}, false, u"postgresql://desk:s3cret@[::1/spa"_s);
        CHECK(r.exitCode == 1);
        CHECK(r.err == "oasisctl: The store address postgresql://desk@[::1/spa is not a valid "
                       "postgresql:// URL.\n");
    }
}

TEST_CASE("oasisctl refuses a read-only database for an ordinary user", "[cli][storage]") {
    Shop shop;
    shop.initDemo();
    // Run as nobody: root writes through any permission bits.
    QFile::setPermissions(shop.dir(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                          QFile::ReadOther | QFile::WriteOther | QFile::ExeOther |
                                          QFile::ReadGroup | QFile::ExeGroup);
    REQUIRE(
        QFile::setPermissions(shop.db(), QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
    const QByteArray before = oasis::test::fileBytes(shop.db());
    const Run r = shop.run({u"--json"_s, u"catalog"_s, u"list"_s}, {}, true);
    REQUIRE(r.exitCode == 3);
    REQUIRE(r.oneErrorLine());
    REQUIRE(r.err.contains("read-only"));
    REQUIRE(oasis::test::fileBytes(shop.db()) == before);
    QFile::setPermissions(shop.dir(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

TEST_CASE("oasisctl catalog import is all-or-nothing", "[cli][catalog]") {
    Shop shop;
    shop.initDemo();
    const QString before = shop.file(u"before.csv"_s);
    const QString after = shop.file(u"after.csv"_s);
    REQUIRE(shop.run({u"catalog"_s, u"export"_s, before}).exitCode == 0);

    const QString bad = shop.file(u"bad.csv"_s);
    writeFile(bad, "type,code,barcode,name,category,size,price,cost,tax_class,paraben_free,"
                   "reorder_point,modality,minutes\n"
                   "product,OIL-NEW-050,,Peppermint Foot Oil,Oils,50 ml,16.00,6.00,retail,yes,"
                   "4,,\n"
                   "product,OIL-BAD-001,,Bad Oil,Oils,,12.505,1.00,retail,yes,1,,\n");

    SECTION("a bad row names its line and changes nothing") {
        const Run r = shop.run({u"--user"_s, u"owner"_s, u"catalog"_s, u"import"_s, bad}, kOwner);
        REQUIRE(r.exitCode != 0);
        REQUIRE(r.err.contains("line 3"));
        REQUIRE(r.err.contains("Nothing was imported"));
    }
    SECTION("the front desk may not import") {
        const Run r =
            shop.run({u"--user"_s, u"frontdesk"_s, u"catalog"_s, u"import"_s, before}, kFrontDesk);
        REQUIRE(r.exitCode == 2);
        REQUIRE(r.oneErrorLine());
    }
    REQUIRE(shop.run({u"catalog"_s, u"export"_s, after}).exitCode == 0);
    REQUIRE(oasis::test::fileBytes(after) == oasis::test::fileBytes(before));
    REQUIRE(shop.scalar(u"SELECT COUNT(*) FROM items WHERE code = 'OIL-NEW-050'"_s) == 0);

    SECTION("a good file round-trips byte for byte") {
        const Run r = shop.run(
            {u"--json"_s, u"--user"_s, u"owner"_s, u"catalog"_s, u"import"_s, before}, kOwner);
        REQUIRE(r.exitCode == 0);
        REQUIRE(r.json()[u"added"_s].toInt() == 0);
        REQUIRE(shop.run({u"catalog"_s, u"export"_s, after}).exitCode == 0);
        REQUIRE(oasis::test::fileBytes(after) == oasis::test::fileBytes(before));
    }
}

TEST_CASE("oasisctl journal verify finds tampering", "[cli][journal]") {
    Shop shop;
    shop.initDemo();
    const qint64 entries = shop.scalar(u"SELECT COUNT(*) FROM journal"_s);
    REQUIRE(entries >= 5);

    const Run clean = shop.run({u"journal"_s, u"verify"_s, u"--json"_s});
    REQUIRE(clean.exitCode == 0);
    const QJsonObject o = clean.json();
    REQUIRE(o[u"ok"_s].toBool());
    REQUIRE(o[u"entries"_s].toInteger() == entries);
    REQUIRE(o[u"first_bad"_s].isNull());

    qint64 firstBad = 0;
    SECTION("an edited entry") {
        oasis::test::rawSql(
            shop.db(), u"UPDATE journal SET payload = '{\"name\":\"mallory\"}' WHERE seq = 3"_s);
        firstBad = 3;
    }
    SECTION("a deleted entry") {
        oasis::test::rawSql(shop.db(), u"DELETE FROM journal WHERE seq = 4"_s);
        firstBad = 4;
    }
    SECTION("a cut-off tail") {
        oasis::test::rawSql(shop.db(), u"DELETE FROM journal WHERE seq > %1"_s.arg(entries - 2));
        firstBad = entries - 1;
    }
    const Run r = shop.run({u"--json"_s, u"journal"_s, u"verify"_s});
    REQUIRE(r.exitCode == 2);
    REQUIRE(r.oneErrorLine());
    REQUIRE(r.err.contains("tampered"));
    const QJsonObject bad = r.json();
    REQUIRE_FALSE(bad[u"ok"_s].toBool());
    REQUIRE(bad[u"first_bad"_s].toInteger() == firstBad);
}

TEST_CASE("oasisctl journal verify without the anchor says it cannot verify, not tampered",
          "[cli][journal]") {
    Shop shop;
    shop.initDemo();
    const qint64 entries = shop.scalar(u"SELECT COUNT(*) FROM journal"_s);
    const QStringList anchors = QDir(shop.keys()).entryList({u"*.anchor"_s}, QDir::Files);
    REQUIRE(anchors.size() == 1);
    REQUIRE(QFile::remove(QDir(shop.keys()).filePath(anchors.first())));

    const Run r = shop.run({u"--json"_s, u"journal"_s, u"verify"_s});
    REQUIRE(r.exitCode == 2);
    REQUIRE(r.oneErrorLine());
    REQUIRE(r.err.contains("cannot be fully verified"));
    REQUIRE(r.err.contains("anchor"));
    REQUIRE_FALSE(r.err.contains("tampered"));
    const QJsonObject o = r.json();
    REQUIRE_FALSE(o[u"ok"_s].toBool());
    REQUIRE(o[u"entries"_s].toInteger() == entries);
    REQUIRE(o[u"first_bad"_s].toInteger() == entries + 1);

    const Run human = shop.run({u"journal"_s, u"verify"_s});
    REQUIRE(human.exitCode == 2);
    REQUIRE(human.out.contains("not fully verified"));
    REQUIRE_FALSE(human.out.contains("FAILED"));
}

TEST_CASE("oasisctl staff add needs the owner and takes the PIN from OASIS_NEW_PIN",
          "[cli][staff]") {
    Shop shop;
    shop.initDemo();
    const QStringList add{u"--user"_s, u"owner"_s,  u"staff"_s,    u"add"_s,
                          u"bob"_s,    u"--role"_s, u"frontdesk"_s};

    SECTION("the front desk is refused") {
        const Run r = shop.run({u"--user"_s, u"frontdesk"_s, u"staff"_s, u"add"_s, u"bob"_s,
                                u"--role"_s, u"frontdesk"_s},
                               {{u"OASIS_PIN"_s, u"1111"_s}, {u"OASIS_NEW_PIN"_s, u"4321"_s}});
        REQUIRE(r.exitCode == 2);
        REQUIRE(r.oneErrorLine());
        REQUIRE(shop.scalar(u"SELECT COUNT(*) FROM staff WHERE name = 'bob'"_s) == 0);
    }
    SECTION("a manager is refused too") {
        const Run r = shop.run({u"--user"_s, u"manager"_s, u"staff"_s, u"add"_s, u"bob"_s,
                                u"--role"_s, u"frontdesk"_s},
                               {{u"OASIS_PIN"_s, u"9999"_s}, {u"OASIS_NEW_PIN"_s, u"4321"_s}});
        REQUIRE(r.exitCode == 2);
        REQUIRE(shop.scalar(u"SELECT COUNT(*) FROM staff WHERE name = 'bob'"_s) == 0);
    }
    SECTION("without a user nobody is allowed once an owner exists") {
        const Run r = shop.run({u"staff"_s, u"add"_s, u"bob"_s, u"--role"_s, u"owner"_s},
                               {{u"OASIS_NEW_PIN"_s, u"4321"_s}});
        REQUIRE(r.exitCode != 0);
        REQUIRE(shop.scalar(u"SELECT COUNT(*) FROM staff WHERE name = 'bob'"_s) == 0);
    }
    SECTION("the owner adds a member who can then log in") {
        const Run r = shop.run(QStringList{u"--json"_s} + add,
                               {{u"OASIS_PIN"_s, u"2468"_s}, {u"OASIS_NEW_PIN"_s, u"4321"_s}});
        REQUIRE(r.exitCode == 0);
        REQUIRE(r.json()[u"name"_s].toString() == u"bob"_s);
        REQUIRE(r.json()[u"role"_s].toString() == u"frontdesk"_s);
        const Run login =
            shop.run({u"--user"_s, u"bob"_s, u"whoami"_s}, {{u"OASIS_PIN"_s, u"4321"_s}});
        REQUIRE(login.exitCode == 0);
        // The demo's staff were added by its owner too: bob's entry is the newest.
        REQUIRE(shop.scalar(u"SELECT COUNT(*) FROM journal WHERE kind = 'staff_added' AND "
                            "actor = 'owner' AND seq = (SELECT MAX(seq) FROM journal "
                            "WHERE kind = 'staff_added') AND payload LIKE '%bob%'"_s) == 1);
    }
    SECTION("a bad new PIN is a usage error and adds nobody") {
        const Run r = shop.run(add, {{u"OASIS_PIN"_s, u"2468"_s}, {u"OASIS_NEW_PIN"_s, u"12"_s}});
        REQUIRE(r.exitCode == 1);
        REQUIRE(r.err.contains("4 to 8 digits"));
        REQUIRE(shop.scalar(u"SELECT COUNT(*) FROM staff WHERE name = 'bob'"_s) == 0);
    }
    SECTION("a therapist needs no PIN") {
        const Run r = shop.run(
            {u"--user"_s, u"owner"_s, u"staff"_s, u"add"_s, u"kai"_s, u"--role"_s, u"therapist"_s},
            kOwner);
        REQUIRE(r.exitCode == 0);
        REQUIRE(shop.scalar(u"SELECT COUNT(*) FROM staff WHERE name = 'kai' AND pin_hash IS "
                            "NULL"_s) == 1);
    }
}

TEST_CASE("oasisctl refund puts gift-card money on the replacement of a lost card",
          "[cli][giftcard][refund]") {
    Shop shop;
    shop.initDemo();
    const Run card = shop.run({u"--json"_s, u"--user"_s, u"frontdesk"_s, u"sale"_s,
                               u"giftcard:50"_s, u"--pay"_s, u"cash:50"_s},
                              kFrontDesk);
    REQUIRE(card.exitCode == 0);
    const QString code = card.json()[u"giftcards"_s].toArray()[0].toObject()[u"code"_s].toString();
    // $18.00 sweet almond oil + $1.90 tax, paid by the card.
    const Run sale = shop.run({u"--json"_s, u"--user"_s, u"frontdesk"_s, u"sale"_s,
                               u"OIL-SWA-100"_s, u"--pay"_s, u"gift:"_s + code},
                              kFrontDesk);
    REQUIRE(sale.exitCode == 0);
    const qint64 receipt = sale.json()[u"receipt"_s].toInteger();
    const Run replaced =
        shop.run({u"--json"_s, u"--user"_s, u"owner"_s, u"giftcard"_s, u"replace"_s, code}, kOwner);
    REQUIRE(replaced.exitCode == 0);
    const QString newCode = replaced.json()[u"code"_s].toString();
    REQUIRE(replaced.json()[u"balance_cents"_s].toInteger() == 30'10);

    const Run refund = shop.run(
        {u"--json"_s, u"--user"_s, u"owner"_s, u"refund"_s, QString::number(receipt)}, kOwner);
    REQUIRE(refund.exitCode == 0);
    const QJsonObject gift = refund.json()[u"tenders"_s].toArray()[0].toObject();
    REQUIRE(gift[u"type"_s].toString() == u"gift"_s);
    REQUIRE(gift[u"amount_cents"_s].toInteger() == -19'90);
    // The receipt names the card that got the money and shows its balance: all $50 again.
    REQUIRE(gift[u"last4"_s].toString() == QString(newCode).remove(u'-').right(4));
    REQUIRE(gift[u"balance_cents"_s].toInteger() == 50'00);
    const Run balance = shop.run({u"--json"_s, u"giftcard"_s, u"balance"_s, newCode});
    REQUIRE(balance.exitCode == 0);
    REQUIRE(balance.json()[u"balance_cents"_s].toInteger() == 50'00);
}

TEST_CASE("oasisctl sale and refund take quantities from 1 to 999 and refuse the rest",
          "[cli][refund]") {
    Shop shop;
    shop.initDemo();
    // A quantity past 999 (or past an int) is a quantity, not part of the code.
    for (const QString &item : {u"OIL-LAV-120x1000"_s, u"OIL-LAV-120x99999999999999999999"_s,
                                u"OIL-LAV-120x0"_s, u"OIL-LAV-120x-3"_s}) {
        INFO(item.toStdString());
        const Run refused = shop.run(
            {u"--user"_s, u"frontdesk"_s, u"sale"_s, item, u"--pay"_s, u"card:100"_s}, kFrontDesk);
        CHECK(refused.exitCode == 1);
        CHECK(QString::fromUtf8(refused.err)
                  .contains(u"the quantity must be from 1 to 999"_s, Qt::CaseInsensitive));
        CHECK(refused.oneErrorLine());
    }
    REQUIRE(shop.scalar(u"SELECT COUNT(*) FROM sales"_s) == 0);
    // Three oils ($72.00 + $7.60 tax).
    const Run sale = shop.run({u"--json"_s, u"--user"_s, u"frontdesk"_s, u"sale"_s,
                               u"OIL-LAV-120x3"_s, u"--pay"_s, u"card:79.60"_s},
                              kFrontDesk);
    REQUIRE(sale.exitCode == 0);
    const QString receipt = QString::number(sale.json()[u"receipt"_s].toInteger());
    for (const QString &item : {u"OIL-LAV-120x0"_s, u"line:1x0"_s, u"OIL-LAV-120x-1"_s,
                                u"OIL-LAV-120x1000"_s, u"line:1x99999999999"_s}) {
        INFO(item.toStdString());
        const Run refused = shop.run({u"--user"_s, u"owner"_s, u"refund"_s, receipt, item}, kOwner);
        CHECK(refused.exitCode == 1);
        CHECK(QString::fromUtf8(refused.err) ==
              u"oasisctl: %1: the quantity must be from 1 to 999.\n"_s.arg(item));
    }
    REQUIRE(shop.scalar(u"SELECT COUNT(*) FROM sales WHERE kind = 'refund'"_s) == 0);
    const Run one = shop.run(
        {u"--json"_s, u"--user"_s, u"owner"_s, u"refund"_s, receipt, u"OIL-LAV-120x1"_s}, kOwner);
    REQUIRE(one.exitCode == 0);
    REQUIRE(one.json()[u"total_cents"_s].toInteger() == -26'53);
    // No quantity: the two units left.
    const Run rest = shop.run(
        {u"--json"_s, u"--user"_s, u"owner"_s, u"refund"_s, receipt, u"OIL-LAV-120"_s}, kOwner);
    REQUIRE(rest.exitCode == 0);
    REQUIRE(rest.json()[u"total_cents"_s].toInteger() == -53'07);
}

TEST_CASE("oasisctl client add, find, show, merge and export, with exit codes and JSON",
          "[cli][clients]") {
    Shop shop;
    shop.initDemo();
    const QMap<QString, QString> manager{{u"OASIS_PIN"_s, u"9999"_s}};
    const Run added = shop.run({u"--json"_s, u"--user"_s, u"manager"_s, u"client"_s, u"add"_s,
                                u"Ana Ruiz"_s, u"--phone"_s, u"(206) 555-0142"_s, u"--email"_s,
                                u"ana@example.com"_s, u"--note"_s, u"Quiet room"_s, u"--flag"_s,
                                u"Allergy: nut oils"_s, u"--flag"_s, u"Pregnant"_s},
                               manager);
    REQUIRE(added.exitCode == 0);
    const QJsonObject ana = added.json()[u"client"_s].toObject();
    const qint64 id = ana[u"id"_s].toInteger();
    REQUIRE(id > 0);
    REQUIRE(ana[u"name"_s] == u"Ana Ruiz"_s);
    REQUIRE(ana[u"phone"_s] == u"(206) 555-0142"_s);
    REQUIRE(ana[u"health_flags"_s].toArray().size() == 2);

    SECTION("the front desk finds by phone and sees no health flags") {
        const Run found = shop.run(
            {u"--json"_s, u"--user"_s, u"frontdesk"_s, u"client"_s, u"find"_s, u"555-0142"_s},
            kFrontDesk);
        REQUIRE(found.exitCode == 0);
        const QJsonArray clients = found.json()[u"clients"_s].toArray();
        REQUIRE(clients.size() == 1);
        REQUIRE(clients[0][u"id"_s].toInteger() == id);
        REQUIRE(clients[0][u"has_health_flags"_s].toBool());
        REQUIRE_FALSE(clients[0].toObject().contains(u"health_flags"_s));
        REQUIRE_FALSE(found.out.contains("nut oils"));
        for (const QString &blank : {QString(), u"   "_s}) {
            const Run nothing =
                shop.run({u"--user"_s, u"frontdesk"_s, u"client"_s, u"find"_s, blank}, kFrontDesk);
            CHECK(nothing.exitCode == 1);
            CHECK(nothing.err ==
                  "oasisctl: client find needs a name or phone digits to look for.\n");
        }
        const Run shown = shop.run(
            {u"--user"_s, u"frontdesk"_s, u"client"_s, u"show"_s, QString::number(id)}, kFrontDesk);
        REQUIRE(shown.exitCode == 0);
        REQUIRE(shown.out.contains("Ana Ruiz"));
        REQUIRE_FALSE(shown.out.contains("nut oils"));
        // Nor may the front desk write them.
        const Run refused = shop.run({u"--user"_s, u"frontdesk"_s, u"client"_s, u"add"_s, u"Ben"_s,
                                      u"--flag"_s, u"Asthma"_s},
                                     kFrontDesk);
        REQUIRE(refused.exitCode == 2);
        REQUIRE(refused.oneErrorLine());
        REQUIRE(shop.scalar(u"SELECT COUNT(*) FROM clients"_s) == 1);
    }
    SECTION("a sale for the client is in the client's history") {
        const Run sold =
            shop.run({u"--json"_s, u"--user"_s, u"frontdesk"_s, u"sale"_s, u"DT60@lena"_s,
                      u"--client"_s, QString::number(id), u"--pay"_s, u"cash:200"_s},
                     kFrontDesk);
        REQUIRE(sold.exitCode == 0);
        REQUIRE(sold.json()[u"client_id"_s].toInteger() == id);
        // Health notes are never on a receipt.
        const Run text = shop.run({u"--user"_s, u"frontdesk"_s, u"sale"_s, u"DT60@lena"_s,
                                   u"--client"_s, QString::number(id), u"--pay"_s, u"cash:200"_s},
                                  kFrontDesk);
        REQUIRE(text.exitCode == 0);
        REQUIRE(text.out.contains("TOTAL"));
        REQUIRE_FALSE(text.out.contains("nut oils"));
        REQUIRE_FALSE(text.out.contains("Pregnant"));
        const Run shown = shop.run(
            {u"--json"_s, u"--user"_s, u"manager"_s, u"client"_s, u"show"_s, QString::number(id)},
            manager);
        REQUIRE(shown.exitCode == 0);
        REQUIRE(shown.json()[u"client"_s][u"name"_s] == u"Ana Ruiz"_s);
        REQUIRE(shown.json()[u"tickets"_s].toInt() == 2);
        REQUIRE(shown.json()[u"visits"_s].toArray().size() == 2);
        REQUIRE(shown.json()[u"visits"_s][0][u"therapist"_s] == u"Lena Okafor LMP"_s);
        const Run unknown = shop.run({u"--user"_s, u"frontdesk"_s, u"sale"_s, u"DT60@lena"_s,
                                      u"--client"_s, u"999"_s, u"--pay"_s, u"cash:200"_s},
                                     kFrontDesk);
        REQUIRE(unknown.exitCode == 2);
        REQUIRE(unknown.oneErrorLine());
        REQUIRE(shop.scalar(u"SELECT COUNT(*) FROM sales"_s) == 2);
    }
    SECTION("merge and export are a manager's") {
        const Run dup = shop.run({u"--json"_s, u"--user"_s, u"frontdesk"_s, u"client"_s, u"add"_s,
                                  u"Ana R"_s, u"--email"_s, u"ana.r@example.com"_s},
                                 kFrontDesk);
        REQUIRE(dup.exitCode == 0);
        const QString dupId = QString::number(dup.json()[u"client"_s][u"id"_s].toInteger());
        const Run refused = shop.run({u"--user"_s, u"frontdesk"_s, u"client"_s, u"merge"_s, dupId,
                                      u"--into"_s, QString::number(id)},
                                     kFrontDesk);
        REQUIRE(refused.exitCode == 2);
        REQUIRE(refused.oneErrorLine());
        REQUIRE(refused.err.contains("manager"));
        const Run merged =
            shop.run({u"--json"_s, u"--user"_s, u"frontdesk"_s, u"--approve-by"_s, u"manager"_s,
                      u"client"_s, u"merge"_s, dupId, u"--into"_s, QString::number(id)},
                     {{u"OASIS_PIN"_s, u"1111"_s}, {u"OASIS_APPROVER_PIN"_s, u"9999"_s}});
        REQUIRE(merged.exitCode == 0);
        REQUIRE(merged.json()[u"client"_s][u"id"_s].toInteger() == id);
        REQUIRE(shop.scalar(u"SELECT merged_into FROM clients WHERE id = "_s + dupId) == id);

        const QString csvFile = shop.file(u"clients.csv"_s);
        const Run deskExport =
            shop.run({u"--user"_s, u"frontdesk"_s, u"client"_s, u"export"_s, csvFile}, kFrontDesk);
        REQUIRE(deskExport.exitCode == 2);
        REQUIRE_FALSE(QFile::exists(csvFile));
        const Run exported = shop.run(
            {u"--json"_s, u"--user"_s, u"manager"_s, u"client"_s, u"export"_s, csvFile}, manager);
        REQUIRE(exported.exitCode == 0);
        REQUIRE(exported.json()[u"clients"_s].toInt() == 1);
        REQUIRE(oasis::test::fileBytes(csvFile).contains("Allergy: nut oils"));
        REQUIRE(shop.scalar(u"SELECT COUNT(*) FROM journal WHERE kind = 'client_exported'"_s) == 1);
        const Run verify = shop.run({u"--json"_s, u"journal"_s, u"verify"_s});
        REQUIRE(verify.json()[u"ok"_s].toBool());
    }
    SECTION("usage errors exit 1") {
        for (const QStringList &args :
             {QStringList{u"client"_s}, QStringList{u"client"_s, u"frob"_s},
              QStringList{u"client"_s, u"show"_s, u"abc"_s},
              QStringList{u"client"_s, u"merge"_s, u"2"_s},
              QStringList{u"client"_s, u"add"_s, u"X"_s, u"--email"_s, u"nope"_s},
              QStringList{u"sale"_s, u"DT60@lena"_s, u"--client"_s, u"x"_s, u"--pay"_s,
                          u"cash:200"_s}}) {
            const Run r = shop.run(QStringList{u"--user"_s, u"manager"_s} + args, manager);
            REQUIRE(r.exitCode == 1);
            REQUIRE(r.oneErrorLine());
        }
        const Run missing =
            shop.run({u"--user"_s, u"manager"_s, u"client"_s, u"show"_s, u"4242"_s}, manager);
        REQUIRE(missing.exitCode == 2);
    }
}
