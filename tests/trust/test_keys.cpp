// SPDX-License-Identifier: GPL-3.0-or-later
// A second register joins a store (issue 19, DESIGN §13): oasisctl keys export seals the store's
// key file with a passphrase, keys import installs it on another computer. What is refused
// changes nothing.
#include "tests/support/testsupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

using namespace oasis;
using namespace oasis::test;
using namespace Qt::StringLiterals;

namespace {

const QString kPassphrase = u"correct-horse-battery"_s;

struct Stores {
    QTemporaryDir dir;
    QString path(const QString &name) const { return dir.filePath(name); }

    CtlRun ctl(const QString &db, const QString &keys, const QStringList &args,
               const QMap<QString, QString> &env = {}) {
        return runCtl(QStringLiteral(OASISCTL_PATH), path(db), path(keys), args, env);
    }
    /// `keys export FILE` by the manager with `passphrase`.
    CtlRun exportKeys(const QString &db, const QString &keys, const QString &file,
                      const QString &passphrase = kPassphrase, const QString &user = u"manager"_s,
                      const QString &pin = u"9999"_s) {
        return ctl(db, keys, {u"--user"_s, user, u"keys"_s, u"export"_s, path(file)},
                   {{u"OASIS_KEY_PASSPHRASE"_s, passphrase}, {u"OASIS_PIN"_s, pin}});
    }
    CtlRun importKeys(const QString &db, const QString &keys, const QString &file,
                      const QString &passphrase = kPassphrase) {
        return ctl(db, keys, {u"keys"_s, u"import"_s, path(file)},
                   {{u"OASIS_KEY_PASSPHRASE"_s, passphrase}});
    }
    bool hasKeys(const QString &keys) const {
        return !QDir(path(keys)).entryList({u"*.key"_s}, QDir::Files).isEmpty();
    }
};

void refused(const CtlRun &r, int exitCode) {
    CHECK(r.exitCode == exitCode);
    CHECK(r.oneErrorLine());
}

} // namespace

TEST_CASE("keys export and import: a second computer opens the store and its journal verifies",
          "[trust][keys][cli]") {
    Stores s;
    REQUIRE(s.ctl(u"spa.db"_s, u"keys-first"_s, {u"init"_s, u"--demo"_s}).exitCode == 0);
    REQUIRE(
        s.ctl(u"spa.db"_s, u"keys-first"_s,
              {u"--user"_s, u"frontdesk"_s, u"sale"_s, u"OIL-LAV-120"_s, u"--pay"_s, u"cash:30"_s},
              {{u"OASIS_PIN"_s, u"1111"_s}})
            .exitCode == 0);
    const CtlRun exported = s.exportKeys(u"spa.db"_s, u"keys-first"_s, u"spa.sealed"_s);
    REQUIRE(exported.exitCode == 0);
    CHECK((QFile::permissions(s.path(u"spa.sealed"_s)) &
           (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther)) == 0);
    // The sealed file does not hold the key in the clear.
    QFile key(QDir(s.path(u"keys-first"_s))
                  .filePath(QDir(s.path(u"keys-first"_s)).entryList({u"*.key"_s}).value(0)));
    REQUIRE(key.open(QIODevice::ReadOnly));
    QFile sealed(s.path(u"spa.sealed"_s));
    REQUIRE(sealed.open(QIODevice::ReadOnly));
    const QByteArray sealedBytes = sealed.readAll();
    CHECK_FALSE(sealedBytes.contains(key.readAll().trimmed()));

    // The new computer cannot open the store until it imports the key.
    CHECK(s.ctl(u"spa.db"_s, u"keys-second"_s, {u"journal"_s, u"verify"_s}).exitCode == 3);
    refused(s.importKeys(u"spa.db"_s, u"keys-second"_s, u"spa.sealed"_s, u"wrong-passphrase"_s), 2);
    CHECK_FALSE(s.hasKeys(u"keys-second"_s));
    REQUIRE(s.importKeys(u"spa.db"_s, u"keys-second"_s, u"spa.sealed"_s).exitCode == 0);
    CHECK(s.hasKeys(u"keys-second"_s));
    const CtlRun verified = s.ctl(u"spa.db"_s, u"keys-second"_s, {u"journal"_s, u"verify"_s});
    CHECK(verified.exitCode == 0);
    CHECK(verified.out.contains("Journal OK"));
    // Importing the same key again is not an error and changes nothing.
    CHECK(s.importKeys(u"spa.db"_s, u"keys-second"_s, u"spa.sealed"_s).exitCode == 0);
}

TEST_CASE("keys import refuses the key of another store and a changed file, and export refuses "
          "what it must",
          "[trust][keys][cli]") {
    Stores s;
    REQUIRE(s.ctl(u"spa.db"_s, u"keys-spa"_s, {u"init"_s, u"--demo"_s}).exitCode == 0);
    REQUIRE(s.ctl(u"other.db"_s, u"keys-other"_s, {u"init"_s, u"--demo"_s}).exitCode == 0);
    REQUIRE(s.exportKeys(u"other.db"_s, u"keys-other"_s, u"other.sealed"_s).exitCode == 0);
    REQUIRE(s.exportKeys(u"spa.db"_s, u"keys-spa"_s, u"spa.sealed"_s).exitCode == 0);

    // Another store's key, with the right passphrase: refused, naming both stores.
    const CtlRun other = s.importKeys(u"spa.db"_s, u"keys-new"_s, u"other.sealed"_s);
    refused(other, 2);
    CHECK(other.err.contains("belongs to store"));
    CHECK_FALSE(s.hasKeys(u"keys-new"_s));

    // One byte changed anywhere, header or sealed part: refused.
    QFile f(s.path(u"spa.sealed"_s));
    REQUIRE(f.open(QIODevice::ReadOnly));
    const QByteArray good = f.readAll();
    f.close();
    for (const qsizetype at : {qsizetype(30), good.size() - 10}) {
        QByteArray bad = good;
        bad[at] = bad[at] == 'A' ? 'B' : 'A';
        QFile out(s.path(u"bad.sealed"_s));
        REQUIRE(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        out.write(bad);
        out.close();
        refused(s.importKeys(u"spa.db"_s, u"keys-new"_s, u"bad.sealed"_s), 2);
        CHECK_FALSE(s.hasKeys(u"keys-new"_s));
    }

    // Export: never over an existing file, only a manager or the owner, a passphrase of 8+.
    refused(s.exportKeys(u"spa.db"_s, u"keys-spa"_s, u"spa.sealed"_s), 2);
    CHECK(QFile(s.path(u"spa.sealed"_s)).size() == good.size());
    refused(s.exportKeys(u"spa.db"_s, u"keys-spa"_s, u"desk.sealed"_s, kPassphrase, u"frontdesk"_s,
                         u"1111"_s),
            2);
    CHECK_FALSE(QFile::exists(s.path(u"desk.sealed"_s)));
    refused(s.exportKeys(u"spa.db"_s, u"keys-spa"_s, u"short.sealed"_s, u"short"_s), 1);
    refused(s.exportKeys(u"spa.db"_s, u"keys-spa"_s, u"none.sealed"_s, QString()), 1);
    CHECK_FALSE(QFile::exists(s.path(u"short.sealed"_s)));
    CHECK_FALSE(QFile::exists(s.path(u"none.sealed"_s)));
}
