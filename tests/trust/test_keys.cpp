// SPDX-License-Identifier: GPL-3.0-or-later
// A second register joins a store (issue 19, item 6; DESIGN §13): `oasisctl keys export FILE`
// seals the store's key file with OASIS_KEY_PASSPHRASE, `keys import FILE` installs it on the
// new computer. A wrong passphrase, a changed file or the key of another store is refused and
// writes nothing; the new computer's journal anchor is the head the export sealed.
#include "tests/support/testsupport.h"

#include "core/storage/journal.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <thread>

#include <csignal>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace oasis;
using namespace Qt::StringLiterals;

namespace {

const QString kPassphrase = u"lavender-and-arnica"_s;
constexpr auto kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

/// oasisctl on `db` with the key folder `keys` (a computer), the passphrase `passphrase` (empty:
/// none) and, for `--user`, the PIN `pin`.
test::CtlRun ctl(const QString &db, const QString &keys, const QStringList &args,
                 const QString &passphrase, const QString &pin = {},
                 QMap<QString, QString> env = {}) {
    env.insert(u"OASIS_KEY_PASSPHRASE"_s, passphrase);
    if (!pin.isEmpty())
        env.insert(u"OASIS_PIN"_s, pin);
    return test::runCtl(QStringLiteral(OASISCTL_PATH), db, keys, args, env);
}

/// A demo store on its first computer, closed so that only oasisctl has it open.
struct FirstRegister {
    test::TempDb store{true};
    QString id;
    QByteArray journalKey;
    FirstRegister() {
        id = store->id();
        journalKey = store->keys().journal;
        store.close();
    }
    QString file(const QString &name) const { return QDir(store.dir()).filePath(name); }
    test::CtlRun exportTo(const QString &file, const QString &user = u"manager"_s,
                          const QString &pin = u"9999"_s, const QStringList &more = {}) const {
        return ctl(store.path(), store.keyDir(),
                   QStringList{u"--json"_s, u"--user"_s, user} + more +
                       QStringList{u"keys"_s, u"export"_s, file},
                   kPassphrase, pin, {{u"OASIS_APPROVER_PIN"_s, u"9999"_s}});
    }
    qint64 journalEntries() {
        store.reopen();
        const qint64 n = test::value(store->scalar(u"SELECT COUNT(*) FROM journal"_s)).toLongLong();
        store.close();
        return n;
    }
};

void writeAll(const QString &path, const QByteArray &bytes) {
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    REQUIRE(f.write(bytes) == bytes.size());
}

/// The files a key folder holds (none when it was never made).
QStringList filesIn(const QString &dir) {
    return QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::System);
}

bool ownerOnly(const QString &path) {
    const auto permissions = QFile::permissions(path);
    return (permissions & kOwnerOnly) == kOwnerOnly &&
           !(permissions & (QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                            QFileDevice::ReadOther | QFileDevice::WriteOther));
}

bool verifies(const QString &db, const QString &keys) {
    const test::CtlRun r = ctl(db, keys, {u"--json"_s, u"journal"_s, u"verify"_s}, {});
    return r.exitCode == 0 && r.json()[u"ok"_s].toBool();
}

} // namespace

TEST_CASE("keys export then import: the new computer opens the store, sells, and every journal "
          "verify passes",
          "[trust][keys]") {
    FirstRegister first;
    const qint64 before = first.journalEntries();
    const QString sealed = first.file(u"store.oasiskey"_s);
    const test::CtlRun exported = first.exportTo(sealed);
    REQUIRE(exported.exitCode == 0);
    REQUIRE(exported.json()[u"store_id"_s].toString() == first.id);
    REQUIRE(ownerOnly(sealed));
    const QByteArray text = test::fileBytes(sealed);
    REQUIRE(text.startsWith("OASIS-KEYRING-EXPORT 1\n"));
    REQUIRE(text.contains(QByteArray("store-id: " + first.id.toLatin1() + '\n')));
    REQUIRE_FALSE(text.contains(first.journalKey.toHex())); // the keys are sealed, not copied

    // The export is journaled, and the file carries the head just after that entry.
    test::TempDb &store = first.store;
    store.reopen();
    REQUIRE(test::value(store->scalar(u"SELECT COUNT(*) FROM journal"_s)).toLongLong() ==
            before + 1);
    REQUIRE(test::value(store->scalar(u"SELECT kind FROM journal ORDER BY seq DESC LIMIT 1"_s))
                .toString() == u"keys_exported"_s);
    const auto head = test::value(Journal::head(store.db()));
    store.close();
    REQUIRE(text.contains(
        QByteArray("journal-head: " + QByteArray::number(head.first).rightJustified(20, '0') + ' ' +
                   head.second.toLatin1() + '\n')));

    // The new computer: its own key folder, without the store's key.
    QTemporaryDir second;
    REQUIRE(second.isValid());
    const QString keys = second.filePath(u"keys"_s);
    REQUIRE(ctl(store.path(), keys, {u"journal"_s, u"verify"_s}, {}).exitCode == 3);
    const test::CtlRun imported =
        ctl(store.path(), keys, {u"--json"_s, u"keys"_s, u"import"_s, sealed}, kPassphrase);
    REQUIRE(imported.exitCode == 0);
    REQUIRE(imported.json()[u"installed"_s].toBool());
    REQUIRE(imported.json()[u"store_id"_s].toString() == first.id);
    const QString keyFile = QDir(keys).filePath(first.id + u".key"_s);
    REQUIRE(imported.json()[u"key_file"_s].toString() == keyFile);
    REQUIRE(ownerOnly(keyFile));
    REQUIRE(QFileInfo::exists(QDir(keys).filePath(first.id + u".anchor"_s)));

    // The store opens there with the same keys, and its journal verifies on both computers.
    {
        Database::Options options;
        options.keyDirectory = keys;
        auto opened = Database::open(store.path(), options);
        REQUIRE(opened);
        REQUIRE((*opened)->keys().journal == first.journalKey);
    }
    REQUIRE(verifies(store.path(), keys));
    REQUIRE(verifies(store.path(), store.keyDir()));

    // The new register sells; both computers' anchors stay sound as the journal grows.
    store.reopen();
    test::addRegisters(store.db(), {u"back-room"_s});
    store.close();
    const test::CtlRun sale =
        ctl(store.path(), keys,
            {u"--user"_s, u"frontdesk"_s, u"sale"_s, u"OIL-LAV-120"_s, u"--pay"_s, u"cash:100"_s},
            {}, u"1111"_s, {{u"OASIS_REGISTER"_s, u"back-room"_s}});
    REQUIRE(sale.exitCode == 0);
    REQUIRE(verifies(store.path(), keys));
    REQUIRE(verifies(store.path(), store.keyDir()));

    // The same file again on the same computer: nothing to do, not an error.
    const test::CtlRun again =
        ctl(store.path(), keys, {u"--json"_s, u"keys"_s, u"import"_s, sealed}, kPassphrase);
    REQUIRE(again.exitCode == 0);
    REQUIRE_FALSE(again.json()[u"installed"_s].toBool());
    REQUIRE(verifies(store.path(), keys));
}

TEST_CASE("a wrong passphrase, a changed file, another store's key or a copy of the store from "
          "before the export is refused in one line, and nothing is written",
          "[sqlite][trust][keys]") {
    FirstRegister first;
    const QString copyBefore = first.file(u"copy-before-export.db"_s);
    REQUIRE(QFile::copy(first.store.path(), copyBefore));
    const QString sealed = first.file(u"store.oasiskey"_s);
    REQUIRE(first.exportTo(sealed).exitCode == 0);
    const QByteArray good = test::fileBytes(sealed);

    QTemporaryDir second;
    REQUIRE(second.isValid());
    const QString keys = second.filePath(u"keys"_s);
    auto refused = [&](const QString &db, const QString &file, const QString &passphrase) {
        const test::CtlRun r = ctl(db, keys, {u"keys"_s, u"import"_s, file}, passphrase);
        CHECK(r.exitCode == 2);
        CHECK(r.oneErrorLine());
        CHECK(filesIn(keys).isEmpty());
        return r;
    };

    SECTION("a wrong passphrase") {
        const test::CtlRun r = refused(first.store.path(), sealed, u"lavender-and-arnicA"_s);
        REQUIRE(r.err.contains("passphrase"));
    }

    SECTION("a changed byte, in the header or in the sealed keys, or a cut file") {
        const qsizetype body = good.indexOf("\n\n") + 2;
        const QByteArray storeLine = "store-id: " + first.id.toLatin1();
        const qsizetype inHeader = good.indexOf(storeLine) + storeLine.size() - 1;
        const qsizetype inRounds = good.indexOf("kdf-iterations: 6") + 16;
        for (const qsizetype at :
             {inHeader, inRounds, body, body + 100, qsizetype(good.size() - 3)}) {
            QByteArray changed = good;
            changed[at] = changed[at] == 'A' ? 'B' : 'A';
            if (at == inRounds)
                changed[at] = '7'; // 700000 rounds: still a well-formed header
            writeAll(sealed, changed);
            INFO("byte " << at << " changed");
            refused(first.store.path(), sealed, kPassphrase);
        }
        writeAll(sealed, good.left(good.size() - 10));
        refused(first.store.path(), sealed, kPassphrase);
        // The untouched file still opens: the refusals were the changes.
        writeAll(sealed, good);
        REQUIRE(
            ctl(first.store.path(), keys, {u"keys"_s, u"import"_s, sealed}, kPassphrase).exitCode ==
            0);
    }

    SECTION("the key file of another store") {
        test::TempDb other(true);
        const QString otherId = other->id();
        other.close();
        const test::CtlRun r = refused(other.path(), sealed, kPassphrase);
        REQUIRE(r.err.contains(first.id.toUtf8()));
        REQUIRE(r.err.contains(otherId.toUtf8()));
    }

    SECTION("a copy of the store taken before the export: its journal lacks the sealed head") {
        const test::CtlRun r = refused(copyBefore, sealed, kPassphrase);
        REQUIRE(r.err.contains("journal entry"));
    }

    SECTION("no store at --db") {
        refused(first.file(u"nowhere.db"_s), sealed, kPassphrase);
    }

    SECTION("a pipe or a device that does not end (/dev/zero) is read no further than a key "
            "file may be") {
        const QString fifo = first.file(u"endless.oasiskey"_s);
        REQUIRE(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
        // Offers 4 MiB; oasisctl stops after 64 KiB and one byte, and the rest finds no reader.
        const auto ignored = std::signal(SIGPIPE, SIG_IGN);
        qint64 offered = 0;
        std::thread writer([&] {
            const int fd = ::open(QFile::encodeName(fifo).constData(), O_WRONLY);
            if (fd < 0)
                return;
            const QByteArray chunk(4096, '\0');
            while (offered < 4 * 1024 * 1024) {
                const ssize_t n = ::write(fd, chunk.constData(), std::size_t(chunk.size()));
                if (n <= 0)
                    break;
                offered += n;
            }
            ::close(fd);
        });
        const test::CtlRun r = refused(first.store.path(), fifo, kPassphrase);
        // Should oasisctl never have opened it, the writer is let go.
        ::close(::open(QFile::encodeName(fifo).constData(), O_RDONLY | O_NONBLOCK));
        writer.join();
        std::signal(SIGPIPE, ignored);
        REQUIRE(r.err.contains("is not a sealed Oasis POS key file"));
        CHECK(offered < 1024 * 1024);
    }
}

TEST_CASE("the passphrase comes only from OASIS_KEY_PASSPHRASE and has at least 8 characters",
          "[trust][keys]") {
    FirstRegister first;
    const qint64 before = first.journalEntries();
    const QString sealed = first.file(u"store.oasiskey"_s);
    auto usage = [&](const QStringList &args, const QString &passphrase) {
        const test::CtlRun r =
            ctl(first.store.path(), first.store.keyDir(),
                QStringList{u"--user"_s, u"manager"_s} + args, passphrase, u"9999"_s);
        CHECK(r.exitCode == 1);
        CHECK(r.oneErrorLine());
        CHECK_FALSE(QFileInfo::exists(sealed));
        return r;
    };
    REQUIRE(usage({u"keys"_s, u"export"_s, sealed}, {}).err.contains("OASIS_KEY_PASSPHRASE"));
    REQUIRE(usage({u"keys"_s, u"export"_s, sealed}, u"seven77"_s).err.contains("too short"));
    // Seven characters, fourteen bytes: counted in characters.
    REQUIRE(usage({u"keys"_s, u"export"_s, sealed}, u"ééééééé"_s).err.contains("too short"));
    // Never as an argument.
    usage({u"keys"_s, u"export"_s, sealed, kPassphrase}, {});
    usage({u"keys"_s, u"import"_s, sealed}, {});
    REQUIRE(first.journalEntries() == before);
    // Eight characters are enough.
    REQUIRE(ctl(first.store.path(), first.store.keyDir(),
                {u"--user"_s, u"manager"_s, u"keys"_s, u"export"_s, sealed}, u"ééééééé8"_s,
                u"9999"_s)
                .exitCode == 0);
}

TEST_CASE("keys export needs a manager or the owner and never overwrites a file", "[trust][keys]") {
    FirstRegister first;
    const qint64 before = first.journalEntries();
    const QString sealed = first.file(u"store.oasiskey"_s);

    SECTION("the front desk alone is refused, the front desk with a manager's approval exports") {
        const test::CtlRun alone = first.exportTo(sealed, u"frontdesk"_s, u"1111"_s);
        REQUIRE(alone.exitCode == 2);
        REQUIRE(alone.oneErrorLine());
        REQUIRE(alone.err.contains("key export"));
        REQUIRE(alone.err.contains("--approve-by"));
        REQUIRE_FALSE(QFileInfo::exists(sealed));
        REQUIRE(first.journalEntries() == before);

        const test::CtlRun approved =
            first.exportTo(sealed, u"frontdesk"_s, u"1111"_s, {u"--approve-by"_s, u"manager"_s});
        REQUIRE(approved.exitCode == 0);
        REQUIRE(ownerOnly(sealed));
        REQUIRE(first.journalEntries() == before + 1);
    }

    SECTION("an existing file, or a link, stays as it was") {
        writeAll(sealed, "keep me\n");
        const test::CtlRun r = first.exportTo(sealed);
        REQUIRE(r.exitCode == 2);
        REQUIRE(r.oneErrorLine());
        REQUIRE(r.err.contains("already exists"));
        REQUIRE(test::fileBytes(sealed) == "keep me\n");

        const QString link = first.file(u"link.oasiskey"_s);
        const QString target = first.file(u"target-of-link"_s);
        REQUIRE(QFile::link(target, link));
        REQUIRE(first.exportTo(link).exitCode == 2);
        REQUIRE_FALSE(QFileInfo::exists(target));
        REQUIRE(first.journalEntries() == before);
    }
}
