// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/domain/clock.h"
#include "core/services/backup.h"
#include "core/services/shift.h"
#include "core/services/storesettings.h"
#include "core/storage/journal.h"
#include "tests/report/counter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTimeZone>

#include <atomic>
#include <thread>

using namespace oasis;
using namespace oasis::test;

namespace {
qint64 salesIn(Database &db) {
    return value(db.scalar(QStringLiteral("SELECT COUNT(*) FROM sales"))).toLongLong();
}

bool privateFile(const QString &path) {
    const QFileDevice::Permissions p = QFileInfo(path).permissions();
    return (p & QFileDevice::ReadOwner) &&
           !(p & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup |
                  QFileDevice::WriteOther));
}

void corruptPage(const QString &path, qint64 page) {
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadWrite));
    REQUIRE(f.seek(page * 4096));
    f.write(QByteArray(200, '\xff'));
}
} // namespace

TEST_CASE("a backup taken while another register sells verifies and restores", "[sqlite][backup]") {
    TempDb db(true);
    addRegisters(db.db(), {QStringLiteral("R1"), QStringLiteral("R2")});
    Database &d = db.db();
    const StaffMember desk = staffNamed(d, QStringLiteral("frontdesk"));
    value(ShiftService(d).open(Money::fromCents(100'00), desk, QStringLiteral("R2")));
    const Ticket ticket = ticketOf(d, {QStringLiteral("OIL-LAV-120"), QStringLiteral("DT30@lena")});
    const Tender card = tender(QStringLiteral("card:200"));

    // The second register: its own connection in its own thread, selling until told to stop.
    std::atomic<bool> stop{false};
    std::atomic<int> sold{0};
    std::atomic<int> failed{0};
    QString firstError;
    std::thread other([&] {
        auto conn = Database::open(db.path(), db.options());
        if (!conn) {
            ++failed;
            return;
        }
        Ticket t = ticket;
        std::vector<Tender> pay{card};
        pay.front().amount = value(t.totals(value(StoreSettings(**conn).taxTable()),
                                            StoreSettings(**conn).businessDate(Clock::nowUtc())))
                                 .total;
        while (!stop.load() || sold.load() < 5) {
            auto r = SaleService(**conn).complete(t, pay, desk, std::nullopt, QStringLiteral("R2"));
            if (r)
                ++sold;
            else if (failed++ == 0)
                firstError = r.error().message;
        }
    });
    while (sold.load() < 3)
        std::this_thread::yield();

    BackupService backups(d);
    std::vector<BackupResult> made;
    for (int i = 0; i < 3; ++i) {
        const QString file = QDir(db.dir()).filePath(QStringLiteral("snap%1.db").arg(i));
        made.push_back(value(backups.snapshot(file, test::owner(d))));
        while (sold.load() < 3 + 3 * (i + 1))
            std::this_thread::yield();
    }
    stop = true;
    other.join();
    INFO(firstError.toStdString());
    REQUIRE(failed.load() == 0);

    for (const BackupResult &b : made) {
        REQUIRE(b.check.ok);
        REQUIRE(b.check.sales >= 3);
        REQUIRE(QFileInfo(b.keyPath).fileName() ==
                QFileInfo(b.path).fileName() + QStringLiteral(".key"));
        REQUIRE(privateFile(b.keyPath));
        REQUIRE(BackupService::verify(b.path, d.keys()).ok);
    }
    REQUIRE(made[2].check.sales > made[0].check.sales);
    REQUIRE(salesIn(d) > made[2].check.sales);
    // Never over an existing file.
    REQUIRE(backups.snapshot(made[0].path, test::owner(d)).error().code == ErrorCode::Refused);

    SECTION("restored on a new machine: a fresh folder and key folder") {
        QTemporaryDir elsewhere;
        const QString target = QDir(elsewhere.path()).filePath(QStringLiteral("oasis.db"));
        const QString keys = QDir(elsewhere.path()).filePath(QStringLiteral("keys"));
        const RestoreResult r =
            value(BackupService::restore(made[1].path, target, keys, QStringLiteral("owner")));
        REQUIRE(r.savedCopy.isEmpty());
        Database::Options o;
        o.keyDirectory = keys;
        auto restored = value(Database::open(target, o));
        REQUIRE(salesIn(*restored) == made[1].check.sales);
        const JournalReport j = value(Journal::verify(*restored));
        REQUIRE(j.ok);
        REQUIRE(j.entries == made[1].check.journalEntries + 1);
    }
    SECTION("restored over the live database, which is kept aside first") {
        const qint64 salesNow = salesIn(d);
        db.close();
        const RestoreResult r = value(
            BackupService::restore(made[0].path, db.path(), db.keyDir(), QStringLiteral("owner")));
        REQUIRE(QFileInfo::exists(r.savedCopy));
        db.reopen();
        REQUIRE(salesIn(db.db()) == made[0].check.sales);
        // The older snapshot is a shorter journal: the outside anchor restarts from it.
        const JournalReport j = value(Journal::verify(db.db()));
        INFO(j.problem.toStdString());
        REQUIRE(j.ok);
        REQUIRE(
            value(db->scalar(QStringLiteral("SELECT kind FROM journal ORDER BY seq DESC LIMIT 1")))
                .toString() == QStringLiteral("restored"));
        // The copy aside is the database as it was, with every sale.
        const BackupCheck aside = BackupService::verify(r.savedCopy, db->keys());
        REQUIRE(aside.ok);
        REQUIRE(aside.sales == salesNow);
    }
}

TEST_CASE("restore refuses a damaged or tampered file and changes nothing", "[sqlite][backup]") {
    TempDb db(true);
    addRegisters(db.db(), {QStringLiteral("R1"), QStringLiteral("R2")});
    Database &d = db.db();
    const StaffMember desk = staffNamed(d, QStringLiteral("frontdesk"));
    value(ShiftService(d).open(Money::fromCents(100'00), desk, QStringLiteral("R1")));
    for (int i = 0; i < 20; ++i)
        sell(d, {QStringLiteral("DT60@lena")}, {QStringLiteral("card:135")});
    const BackupResult good = value(BackupService(d).snapshot(
        QDir(db.dir()).filePath(QStringLiteral("good.db")), test::owner(d)));
    const qint64 salesNow = salesIn(d);
    const qint64 headNow = value(Journal::head(d)).first;

    auto copyOf = [&](const QString &name) {
        const QString path = QDir(db.dir()).filePath(name);
        REQUIRE(QFile::copy(good.path, path));
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        REQUIRE(QFile::copy(good.keyPath, path + QStringLiteral(".key")));
        return path;
    };
    QString bad;
    QString expectedWord;
    KeyRing badKeys = d.keys();
    SECTION("damaged pages") {
        bad = copyOf(QStringLiteral("damaged.db"));
        corruptPage(bad, 2);
        corruptPage(bad, 5);
        expectedWord = QStringLiteral("integrity");
    }
    SECTION("a journal entry edited by hand") {
        bad = copyOf(QStringLiteral("tampered.db"));
        rawSql(bad, QStringLiteral("UPDATE journal SET actor = 'someone' WHERE seq = 10"));
        expectedWord = QStringLiteral("journal");
    }
    SECTION("a journal entry deleted") {
        bad = copyOf(QStringLiteral("cut.db"));
        rawSql(bad, QStringLiteral("DELETE FROM journal WHERE seq = 7"));
        expectedWord = QStringLiteral("journal");
    }
    SECTION("the key of another database") {
        TempDb other(false);
        bad = copyOf(QStringLiteral("otherkey.db"));
        QFile::remove(bad + QStringLiteral(".key"));
        ok(KeyRing::write(bad + QStringLiteral(".key"), other->keys(), false));
        badKeys = other->keys();
        expectedWord = QStringLiteral("key");
    }
    REQUIRE_FALSE(BackupService::verify(bad, badKeys).ok);
    db.close();
    const QStringList before = QDir(db.dir()).entryList(QDir::Files);
    auto refused = BackupService::restore(bad, db.path(), db.keyDir(), QStringLiteral("owner"));
    REQUIRE_FALSE(refused);
    REQUIRE(refused.error().code == ErrorCode::Refused);
    INFO(refused.error().message.toStdString());
    REQUIRE(refused.error().message.contains(expectedWord, Qt::CaseInsensitive));
    // Nothing was changed: no copy made, the database is the one we had.
    REQUIRE(QDir(db.dir()).entryList(QDir::Files) == before);
    db.reopen();
    REQUIRE(salesIn(db.db()) == salesNow);
    REQUIRE(value(Journal::head(db.db())).first == headNow);
    REQUIRE(value(Journal::verify(db.db())).ok);
}

TEST_CASE("daily backups: one per business day, the newest kept", "[sqlite][backup]") {
    TempDb db(true);
    addRegisters(db.db(), {QStringLiteral("R1"), QStringLiteral("R2")});
    BackupService backups(db.db());
    const QString dir = QDir(db.dir()).filePath(QStringLiteral("daily"));
    const QDateTime start = QDateTime(QDate(2026, 3, 1), QTime(20, 0), Qt::UTC);
    for (int day = 0; day < 5; ++day) {
        test::TestClock::set(start.addDays(day));
        auto first = value(backups.daily(dir, 3));
        REQUIRE(first.has_value());
        REQUIRE(first->check.ok);
        // Called again the same day (the app's timer): nothing new.
        REQUIRE_FALSE(value(backups.daily(dir, 3)).has_value());
    }
    test::TestClock::set(QDateTime());
    const QStringList files = QDir(dir).entryList(QDir::Files, QDir::Name);
    REQUIRE(files.join(u' ') == QLatin1String("oasis-2026-03-03.db oasis-2026-03-03.db.key "
                                              "oasis-2026-03-04.db oasis-2026-03-04.db.key "
                                              "oasis-2026-03-05.db oasis-2026-03-05.db.key"));
}
