// SPDX-License-Identifier: GPL-3.0-or-later
// Backups of a store on a server (issue 19, item 5): Debian's pg_dump and pg_restore carry the
// whole store, guards included; the restored copy verifies and reports the same figures.
#include "tests/support/testsupport.h"

#include <QDir>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace oasis;
using namespace oasis::test;
using namespace Qt::StringLiterals;

namespace {

int runTool(const QString &tool, const QStringList &args, QByteArray *err = nullptr) {
    const QString program = QStandardPaths::findExecutable(tool);
    REQUIRE_FALSE(program.isEmpty());
    QProcess p;
    p.start(program, args);
    REQUIRE(p.waitForFinished(60'000));
    if (err)
        *err = p.readAllStandardError();
    return p.exitCode();
}

QString databaseOf(const QString &location) {
    return location.mid(QStringLiteral("postgresql:///").size());
}

} // namespace

TEST_CASE("pg_dump and pg_restore carry a server store whole: it verifies and reports the same",
          "[trust][backup][postgresql]") {
    REQUIRE(onPostgres());
    TempDb db(true);
    const QMap<QString, QString> frontdesk{{u"OASIS_PIN"_s, u"1111"_s},
                                           {u"OASIS_REGISTER"_s, u"test-register"_s}};
    auto ctl = [&](const QString &store, const QStringList &args) {
        return runCtl(QStringLiteral(OASISCTL_PATH), store, db.keyDir(), args, frontdesk);
    };
    REQUIRE(
        ctl(db.path(), {u"--user"_s, u"frontdesk"_s, u"shift"_s, u"open"_s, u"100"_s}).exitCode ==
        0);
    REQUIRE(ctl(db.path(), {u"--user"_s, u"frontdesk"_s, u"sale"_s, u"OIL-LAV-120"_s,
                            u"giftcard:30"_s, u"--pay"_s, u"cash:100"_s})
                .exitCode == 0);

    QTemporaryDir dir;
    const QString dump = QDir(dir.path()).filePath(u"spa.dump"_s);
    QByteArray err;
    INFO(err.toStdString());
    REQUIRE(runTool(u"pg_dump"_s, {u"-Fc"_s, u"-f"_s, dump, databaseOf(db.path())}, &err) == 0);
    const QString restored = newStoreLocation(dir.path());
    REQUIRE(runTool(u"pg_restore"_s, {u"-d"_s, databaseOf(restored), dump}, &err) == 0);

    const CtlRun verified = ctl(restored, {u"journal"_s, u"verify"_s});
    INFO(verified.out.toStdString() << verified.err.toStdString());
    REQUIRE(verified.exitCode == 0);
    for (const QString &report : {u"sales"_s, u"giftcards"_s, u"inventory"_s}) {
        const QStringList args{u"--user"_s, u"frontdesk"_s, u"--json"_s, u"report"_s, report};
        const CtlRun here = ctl(db.path(), args);
        const CtlRun there = ctl(restored, args);
        INFO(report.toStdString() << ": " << here.err.toStdString());
        REQUIRE(here.exitCode == 0);
        REQUIRE(there.json() == here.json());
    }
    // The guards came with it.
    REQUIRE(runTool(u"psql"_s,
                    {u"-X"_s, u"-d"_s, databaseOf(restored), u"-c"_s,
                     u"UPDATE sales SET total_cents = 0"_s},
                    &err) != 0);
    REQUIRE(err.contains("append-only"));
    // A sale on the restored store is numbered after the restored ones.
    const CtlRun next = ctl(restored, {u"--user"_s, u"frontdesk"_s, u"--json"_s, u"sale"_s,
                                       u"OIL-LAV-120"_s, u"--pay"_s, u"cash:40"_s});
    REQUIRE(next.exitCode == 0);
    REQUIRE(next.json().value(u"receipt"_s).toInteger() == 2);
    dropStore(restored);
}
