// SPDX-License-Identifier: GPL-3.0-or-later
// A backup is not a second live store (DESIGN §14): a snapshot opens for reading only, and only
// `restore`, which always needs a manager's PIN, writes it back as the store.
#include "tests/support/testsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

using namespace oasis;
using namespace Qt::StringLiterals;

namespace {

class TestStore final {
public:
    TestStore() {
        REQUIRE(m_dir.isValid());
        REQUIRE(run({u"init"_s, u"--demo"_s}).exitCode == 0);
    }
    QString db() const { return m_dir.filePath(u"oasis.db"_s); }
    QString keys() const { return m_dir.filePath(u"keys"_s); }
    QString file(const QString &name) const { return m_dir.filePath(name); }

    test::CtlRun run(const QStringList &args, const QString &pin = {}, const QString &db = {},
                     const QString &keys = {}) const {
        QMap<QString, QString> env{{u"OASIS_REGISTER"_s, u"snapshot-front"_s}};
        if (!pin.isEmpty())
            env.insert(u"OASIS_PIN"_s, pin);
        return test::runCtl(QStringLiteral(OASISCTL_PATH), db.isEmpty() ? this->db() : db,
                            keys.isEmpty() ? this->keys() : keys, args, env);
    }
    test::CtlRun sell(const QString &db = {}) const {
        return run({u"--json"_s, u"--user"_s, u"frontdesk"_s, u"sale"_s, u"OIL-LAV-120"_s,
                    u"--pay"_s, u"card:26.53:4242"_s},
                   u"1111"_s, db);
    }
    QByteArray anchor() const {
        const QStringList found = QDir(keys()).entryList({u"*.anchor"_s}, QDir::Files, QDir::Name);
        REQUIRE(found.size() == 1);
        QFile f(QDir(keys()).filePath(found.first()));
        REQUIRE(f.open(QIODevice::ReadOnly));
        return f.readAll();
    }

private:
    QTemporaryDir m_dir;
};

} // namespace

TEST_CASE("a backup snapshot opens for reading only and leaves the live store alone",
          "[trust][backup]") {
    TestStore s;
    REQUIRE(s.sell().exitCode == 0);
    const QString snapshot = s.file(u"monday.db"_s);
    REQUIRE(s.run({u"--user"_s, u"manager"_s, u"backup"_s, snapshot}, u"9999"_s).exitCode == 0);
    const QByteArray anchorBefore = s.anchor();

    // Ringing up a sale on the snapshot is refused in one line; neither file changes.
    const test::CtlRun onBackup = s.sell(snapshot);
    REQUIRE(onBackup.exitCode == 2);
    REQUIRE(onBackup.oneErrorLine());
    REQUIRE(onBackup.err.contains("backup snapshot"));
    REQUIRE(s.anchor() == anchorBefore);
    REQUIRE(s.run({u"--json"_s, u"journal"_s, u"verify"_s}).json()[u"ok"_s].toBool());

    // It still reads: the receipt it holds, and its own journal.
    REQUIRE(s.run({u"--json"_s, u"receipt"_s, u"show"_s, u"1"_s}, {}, snapshot).exitCode == 0);
    const test::CtlRun verified = s.run({u"--json"_s, u"journal"_s, u"verify"_s}, {}, snapshot);
    REQUIRE(verified.exitCode == 0);
    REQUIRE(verified.json()[u"ok"_s].toBool());

    // The live store's next sale is receipt 2, and only one receipt 2 exists anywhere.
    const test::CtlRun next = s.sell();
    REQUIRE(next.exitCode == 0);
    REQUIRE(next.json()[u"receipt"_s].toInteger() == 2);
    REQUIRE(s.run({u"--json"_s, u"receipt"_s, u"show"_s, u"2"_s}, {}, snapshot).exitCode != 0);
    REQUIRE(s.run({u"--json"_s, u"journal"_s, u"verify"_s}).json()[u"ok"_s].toBool());
}

TEST_CASE("restore always needs a manager's PIN, even when the current store does not open",
          "[trust][backup]") {
    TestStore s;
    REQUIRE(s.sell().exitCode == 0);
    const QString snapshot = s.file(u"monday.db"_s);
    REQUIRE(s.run({u"--user"_s, u"manager"_s, u"backup"_s, snapshot}, u"9999"_s).exitCode == 0);

    // An empty key folder: the current store cannot open, so it cannot check a PIN.
    const QString emptyKeys = s.file(u"no-keys"_s);
    REQUIRE(QDir().mkpath(emptyKeys));
    const test::CtlRun anonymous = s.run({u"restore"_s, snapshot}, {}, {}, emptyKeys);
    REQUIRE(anonymous.exitCode == 1);
    REQUIRE(anonymous.oneErrorLine());
    const test::CtlRun frontDesk =
        s.run({u"--user"_s, u"frontdesk"_s, u"restore"_s, snapshot}, u"1111"_s, {}, emptyKeys);
    REQUIRE(frontDesk.exitCode == 2);
    REQUIRE(frontDesk.oneErrorLine());
    const test::CtlRun wrongPin =
        s.run({u"--user"_s, u"manager"_s, u"restore"_s, snapshot}, u"1234"_s, {}, emptyKeys);
    REQUIRE(wrongPin.exitCode == 2);
    REQUIRE(QDir(s.file({})).entryList({u"oasis.db.before-restore-*"_s}).isEmpty());

    const test::CtlRun manager =
        s.run({u"--user"_s, u"manager"_s, u"restore"_s, snapshot}, u"9999"_s, {}, emptyKeys);
    REQUIRE(manager.exitCode == 0);
    // The restored store is live again: it sells (receipt 2), the snapshot still does not.
    const test::CtlRun sold = s.run({u"--json"_s, u"--user"_s, u"frontdesk"_s, u"sale"_s,
                                     u"OIL-LAV-120"_s, u"--pay"_s, u"card:26.53:4242"_s},
                                    u"1111"_s, {}, emptyKeys);
    REQUIRE(sold.exitCode == 0);
    REQUIRE(sold.json()[u"receipt"_s].toInteger() == 2);
    REQUIRE(s.sell(snapshot).exitCode == 2);
}
