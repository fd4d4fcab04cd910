// SPDX-License-Identifier: GPL-3.0-or-later
// Staff and PINs: who may log in, lockout after wrong PINs, and what each role may do.
#include "core/domain/clock.h"
#include "core/services/authorization.h"
#include "core/services/staff.h"
#include "core/storage/database.h"
#include "tests/support/testsupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTimeZone>

using namespace oasis;
using namespace Qt::StringLiterals;

namespace {
/// Fixes the clock for a test and gives the real one back at the end, whatever happens.
struct FixedClock {
    explicit FixedClock(const QDateTime &at) { test::TestClock::set(at); }
    ~FixedClock() { test::TestClock::set(QDateTime()); }
};

qint64 journalCount(Database &db, const QString &kind) {
    auto n = db.scalar(u"SELECT COUNT(*) FROM journal WHERE kind = ?"_s, {kind});
    REQUIRE(n);
    return n->toLongLong();
}

QByteArray fileBytes(const QString &path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}
} // namespace

TEST_CASE("Staff are added, listed and found by name", "[staff]") {
    test::TempDb db;
    StaffService staff(db.db());
    auto owner = staff.addFirstOwner(u"elena"_s, u"2468"_s, u"Elena (owner)"_s);
    REQUIRE(owner);
    REQUIRE(owner->name == u"elena"_s);
    REQUIRE(owner->displayName == u"Elena (owner)"_s);
    REQUIRE(owner->role == Role::Owner);
    REQUIRE(owner->active);
    REQUIRE(owner->hasPin);
    test::value(staff.add(u"maya"_s, Role::FrontDesk, u"1111"_s, *owner));
    auto lena = test::value(staff.add(u"lena"_s, Role::Therapist, QString(), *owner));
    REQUIRE_FALSE(lena.hasPin);
    REQUIRE(lena.displayName == u"lena"_s);

    auto all = test::value(staff.list());
    REQUIRE(all.size() == 3);
    auto found = test::value(staff.find(u"MAYA"_s));
    REQUIRE(found.name == u"maya"_s);
    REQUIRE(found.role == Role::FrontDesk);
    REQUIRE(test::value(staff.byId(found.id)).name == u"maya"_s);
    auto therapists = test::value(staff.therapists());
    REQUIRE(therapists.size() == 1);
    REQUIRE(therapists.front().name == u"lena"_s);
    REQUIRE(journalCount(db.db(), u"staff_added"_s) == 3);

    SECTION("unknown names are NotFound") {
        auto missing = staff.find(u"nobody"_s);
        REQUIRE_FALSE(missing);
        REQUIRE(missing.error().code == ErrorCode::NotFound);
        REQUIRE(staff.authenticate(u"nobody"_s, u"1234"_s).error().code == ErrorCode::NotFound);
    }
    SECTION("a name is unique whatever its case") {
        auto dup = staff.add(u"Maya"_s, Role::Manager, u"5555"_s, *owner);
        REQUIRE_FALSE(dup);
        REQUIRE(dup.error().code == ErrorCode::Conflict);
        REQUIRE(test::value(staff.list()).size() == 3);
    }
    SECTION("a bad name is refused") {
        for (const QString &bad : {QString(), u"1maya"_s, u"maya smith"_s, QString(40, u'a')})
            REQUIRE(staff.add(bad, Role::FrontDesk, u"1234"_s, *owner).error().code ==
                    ErrorCode::Invalid);
    }
    SECTION("a deactivated member cannot log in; the last owner stays") {
        test::ok(staff.deactivate(u"maya"_s, *owner));
        REQUIRE_FALSE(test::value(staff.find(u"maya"_s)).active);
        REQUIRE(test::value(staff.list(false)).size() == 2);
        REQUIRE(staff.authenticate(u"maya"_s, u"1111"_s).error().code == ErrorCode::Refused);
        auto lastOwner = staff.deactivate(u"elena"_s, *owner);
        REQUIRE_FALSE(lastOwner);
        REQUIRE(lastOwner.error().code == ErrorCode::Refused);
        REQUIRE(test::value(staff.find(u"elena"_s)).active);
    }
}

TEST_CASE("A PIN is 4 to 8 digits", "[staff]") {
    for (const QString &good : {u"1234"_s, u"12345678"_s, u"0000"_s})
        REQUIRE(StaffService::validatePin(good));
    for (const QString &bad : {QString(), u"123"_s, u"123456789"_s, u"12a4"_s, u"12 34"_s,
                               u" 1234"_s, u"-123"_s, u"١٢٣٤"_s}) {
        INFO(bad.toStdString());
        auto r = StaffService::validatePin(bad);
        REQUIRE_FALSE(r);
        REQUIRE(r.error().code == ErrorCode::Invalid);
        REQUIRE(r.error().message.contains(u"4 to 8 digits"_s));
    }
    test::TempDb db;
    StaffService staff(db.db());
    REQUIRE(staff.add(u"maya"_s, Role::FrontDesk, u"123"_s, test::owner(db.db())).error().code ==
            ErrorCode::Invalid);
    REQUIRE(staff.add(u"maya"_s, Role::FrontDesk, QString(), test::owner(db.db())).error().code ==
            ErrorCode::Invalid);
    REQUIRE_FALSE(staff.find(u"maya"_s));
}

TEST_CASE("A PIN is never stored in clear", "[sqlite][staff]") {
    test::TempDb db;
    StaffService staff(db.db());
    const QString pin = u"73914682"_s;
    test::value(staff.add(u"jordan"_s, Role::Manager, pin, test::owner(db.db())));
    test::ok(staff.resetPin(u"jordan"_s, u"86420975"_s, test::owner(db.db())));
    auto row =
        db->exec(u"SELECT pin_salt, pin_hash, pin_iterations FROM staff WHERE name = 'jordan'"_s);
    REQUIRE(row);
    REQUIRE(row->next());
    const QByteArray salt = row->value(0).toByteArray();
    const QByteArray hash = row->value(1).toByteArray();
    REQUIRE(salt.size() == 16);
    REQUIRE(hash.size() == 32);
    REQUIRE(row->value(2).toInt() >= 10'000);
    REQUIRE_FALSE(hash.contains("86420975"));
    row->finish();

    const QString path = db.path();
    db.close();
    QByteArray bytes = fileBytes(path) + fileBytes(path + u"-wal"_s);
    REQUIRE(bytes.size() > 0);
    REQUIRE_FALSE(bytes.contains(pin.toLatin1()));
    REQUIRE_FALSE(bytes.contains("86420975"));
    REQUIRE(bytes.contains("jordan"));

    SECTION("two members with the same PIN get different hashes") {
        db.reopen();
        StaffService again(db.db());
        test::value(again.add(u"maya"_s, Role::FrontDesk, u"86420975"_s, test::owner(db.db())));
        auto hashes =
            db->exec(u"SELECT pin_hash FROM staff WHERE name IN ('jordan', 'maya') ORDER BY id"_s);
        REQUIRE(hashes);
        REQUIRE(hashes->next());
        const QByteArray first = hashes->value(0).toByteArray();
        REQUIRE(hashes->next());
        REQUIRE(hashes->value(0).toByteArray() != first);
    }
}

TEST_CASE("A wrong PIN and a lock name the person as the PIN pad shows them", "[staff]") {
    FixedClock clock(QDateTime(QDate(2026, 3, 14), QTime(17, 0), QTimeZone::utc()));
    test::TempDb db;
    StaffService staff(db.db());
    test::value(staff.add(u"jordan"_s, Role::Manager, u"1357"_s, test::owner(db.db()), std::nullopt,
                          u"Jordan Lee"_s));
    auto wrong = staff.authenticate(u"jordan"_s, u"2468"_s);
    REQUIRE_FALSE(wrong);
    CHECK(wrong.error().message == u"Wrong PIN for Jordan Lee: 1 of 5 attempts."_s);
    for (int attempt = 2; attempt <= 5; ++attempt)
        REQUIRE_FALSE(staff.authenticate(u"jordan"_s, u"2468"_s));
    auto locked = staff.authenticate(u"jordan"_s, u"1357"_s);
    REQUIRE_FALSE(locked);
    CHECK(locked.error().message.startsWith(u"Jordan Lee is locked after 5 wrong PINs"_s));
    // The login name stays what is typed and journaled.
    CHECK(journalCount(db.db(), u"login_failed"_s) == 6);
    CHECK(test::value(db->scalar(u"SELECT COUNT(*) FROM journal WHERE kind = 'login_failed' "
                                 "AND actor = 'jordan'"_s))
              .toInt() == 6);
}

TEST_CASE("Five wrong PINs lock a user for five minutes", "[staff]") {
    FixedClock clock(QDateTime(QDate(2026, 3, 14), QTime(17, 0), QTimeZone::utc()));
    test::TempDb db;
    StaffService staff(db.db());
    test::value(staff.add(u"maya"_s, Role::FrontDesk, u"1111"_s, test::owner(db.db())));
    REQUIRE(test::value(staff.authenticate(u"maya"_s, u"1111"_s)).name == u"maya"_s);
    REQUIRE(test::value(staff.authenticate(u" Maya "_s, u"1111"_s)).name == u"maya"_s);

    for (int attempt = 1; attempt <= 4; ++attempt) {
        auto r = staff.authenticate(u"maya"_s, u"2222"_s);
        REQUIRE_FALSE(r);
        REQUIRE(r.error().code == ErrorCode::Refused);
        REQUIRE(r.error().message.contains(u"%1 of 5"_s.arg(attempt)));
    }
    auto fifth = staff.authenticate(u"maya"_s, u"2222"_s);
    REQUIRE_FALSE(fifth);
    REQUIRE(fifth.error().code == ErrorCode::Locked);
    REQUIRE(journalCount(db.db(), u"login_failed"_s) == 5);

    // Even the right PIN is refused while locked, and the try is journaled too.
    auto locked = staff.authenticate(u"maya"_s, u"1111"_s);
    REQUIRE_FALSE(locked);
    REQUIRE(locked.error().code == ErrorCode::Locked);
    REQUIRE(locked.error().message.contains(u"5 minute"_s));
    REQUIRE(journalCount(db.db(), u"login_failed"_s) == 6);

    SECTION("still locked a second before the five minutes are up") {
        test::TestClock::advance(5 * 60 - 1);
        REQUIRE(staff.authenticate(u"maya"_s, u"1111"_s).error().code == ErrorCode::Locked);
    }
    SECTION("five minutes later the right PIN works and the count starts again") {
        test::TestClock::advance(5 * 60);
        REQUIRE(test::value(staff.authenticate(u"maya"_s, u"1111"_s)).name == u"maya"_s);
        // A single wrong PIN now is attempt 1 of 5, not another lock.
        auto r = staff.authenticate(u"maya"_s, u"2222"_s);
        REQUIRE(r.error().code == ErrorCode::Refused);
        REQUIRE(r.error().message.contains(u"1 of 5"_s));
    }
    SECTION("the lock survives a restart of the register") {
        db.reopen();
        StaffService again(db.db());
        REQUIRE(again.authenticate(u"maya"_s, u"1111"_s).error().code == ErrorCode::Locked);
    }
    SECTION("a manager's PIN reset unlocks at once") {
        test::ok(staff.resetPin(u"maya"_s, u"3333"_s, test::owner(db.db())));
        REQUIRE(test::value(staff.authenticate(u"maya"_s, u"3333"_s)).name == u"maya"_s);
        REQUIRE(staff.authenticate(u"maya"_s, u"1111"_s).error().code == ErrorCode::Refused);
    }
    SECTION("each failed login is in the journal with its attempt number") {
        auto q = db->exec(u"SELECT actor, payload FROM journal WHERE kind = 'login_failed' "
                          "ORDER BY seq"_s);
        REQUIRE(q);
        int n = 0;
        int duringLock = 0;
        while (q->next()) {
            REQUIRE(q->value(0).toString() == u"maya"_s);
            const QString payload = q->value(1).toString();
            REQUIRE_FALSE(payload.contains(u"2222"_s));
            REQUIRE_FALSE(payload.contains(u"1111"_s));
            if (!payload.contains(u"\"attempt\""_s)) {
                // A try while locked: no attempt number, marked locked.
                REQUIRE(payload.contains(u"\"locked\":true"_s));
                ++duringLock;
                continue;
            }
            ++n;
            REQUIRE(payload.contains(u"\"attempt\":%1"_s.arg(n)));
        }
        REQUIRE(n == 5);
        REQUIRE(duringLock == 1);
    }
    SECTION("a right PIN clears earlier wrong ones") {
        test::TestClock::advance(5 * 60);
        for (int i = 0; i < 4; ++i)
            REQUIRE(staff.authenticate(u"maya"_s, u"2222"_s).error().code == ErrorCode::Refused);
        test::value(staff.authenticate(u"maya"_s, u"1111"_s));
        for (int i = 0; i < 4; ++i)
            REQUIRE(staff.authenticate(u"maya"_s, u"2222"_s).error().code == ErrorCode::Refused);
    }
}

TEST_CASE("A PIN is hashed on another thread while the caller goes on", "[staff]") {
    FixedClock clock(QDateTime(QDate(2026, 3, 14), QTime(17, 0), QTimeZone::utc()));
    test::TempDb db;
    StaffService staff(db.db());
    test::value(staff.add(u"maya"_s, Role::FrontDesk, u"1111"_s, test::owner(db.db())));
    test::value(staff.add(u"ops"_s, Role::Manager, u"9999"_s, test::owner(db.db())));

    SECTION("meanwhile runs once, outside any transaction, and the right PIN logs in") {
        int runs = 0;
        auto maya = staff.authenticate(u"maya"_s, u"1111"_s, [&] {
            ++runs;
            // The connection is free: the caller may write while the rounds run.
            test::ok(test::value(Transaction::begin(db.db())).commit());
        });
        REQUIRE(runs == 1);
        REQUIRE(test::value(maya).name == u"maya"_s);
    }
    SECTION("a wrong PIN counts as with the plain call") {
        auto r = staff.authenticate(u"maya"_s, u"2222"_s, [] {});
        REQUIRE(r.error().code == ErrorCode::Refused);
        REQUIRE(r.error().message.contains(u"1 of 5"_s));
        REQUIRE(journalCount(db.db(), u"login_failed"_s) == 1);
    }
    SECTION("a PIN reset while the rounds run: the new PIN opens, the old one does not") {
        auto reset = [&] { test::ok(staff.resetPin(u"maya"_s, u"3333"_s, test::owner(db.db()))); };
        // The hash was worked out with the old salt: it is worked out again with the new one.
        REQUIRE(test::value(staff.authenticate(u"maya"_s, u"3333"_s, reset)).name == u"maya"_s);
        auto old = staff.authenticate(u"maya"_s, u"1111"_s, reset);
        REQUIRE_FALSE(old);
        REQUIRE(old.error().code == ErrorCode::Refused);
    }
    SECTION("a lockout that comes while the rounds run holds for the right PIN") {
        auto r = staff.authenticate(u"maya"_s, u"1111"_s, [&] {
            // Another register gets the fifth wrong PIN meanwhile.
            StaffService other(db.db());
            for (int i = 0; i < 5; ++i)
                REQUIRE_FALSE(other.authenticate(u"maya"_s, u"2222"_s));
        });
        REQUIRE_FALSE(r);
        REQUIRE(r.error().code == ErrorCode::Locked);
    }
}

TEST_CASE("The right PIN with nothing to clear writes nothing and waits for no other register",
          "[staff]") {
    test::TempDb db;
    StaffService staff(db.db());
    test::value(staff.add(u"maya"_s, Role::FrontDesk, u"1111"_s, test::owner(db.db())));
    const qint64 entries = test::value(db->scalar(u"SELECT COUNT(*) FROM journal"_s)).toLongLong();

    // Another register holds the store's write lock (a refund, a Z) the whole time.
    auto other = test::value(Database::open(db.path(), db.options()));
    auto held = test::value(Transaction::begin(*other));
    QElapsedTimer timer;
    timer.start();
    REQUIRE(test::value(staff.authenticate(u"maya"_s, u"1111"_s)).name == u"maya"_s);
    // (Waiting for the lock would have taken the busy timeout, then failed.)
    REQUIRE(timer.elapsed() < 4000);
    test::ok(held.commit());
    REQUIRE(test::value(db->scalar(u"SELECT COUNT(*) FROM journal"_s)).toLongLong() == entries);

    SECTION("a deactivation while the rounds run refuses the right PIN") {
        auto r = staff.authenticate(u"maya"_s, u"1111"_s, [&] {
            test::ok(staff.deactivate(u"maya"_s, test::owner(db.db())));
        });
        REQUIRE_FALSE(r);
        REQUIRE(r.error().code == ErrorCode::Refused);
        REQUIRE(r.error().message.contains(u"deactivated"_s));
    }
    SECTION("a success after a wrong PIN clears the count, in a transaction") {
        REQUIRE_FALSE(staff.authenticate(u"maya"_s, u"2222"_s));
        REQUIRE(test::value(db->scalar(u"SELECT failed_attempts FROM staff WHERE name = 'maya'"_s))
                    .toInt() == 1);
        REQUIRE(test::value(staff.authenticate(u"maya"_s, u"1111"_s)).name == u"maya"_s);
        REQUIRE(test::value(db->scalar(u"SELECT failed_attempts FROM staff WHERE name = 'maya'"_s))
                    .toInt() == 0);
    }
}

TEST_CASE("Therapists have no PIN and no register access", "[staff]") {
    test::TempDb db;
    StaffService staff(db.db());
    auto withPin = staff.add(u"lena"_s, Role::Therapist, u"1234"_s, test::owner(db.db()));
    REQUIRE_FALSE(withPin);
    REQUIRE(withPin.error().code == ErrorCode::Invalid);
    auto lena = test::value(staff.add(u"lena"_s, Role::Therapist, QString(), test::owner(db.db())));
    REQUIRE_FALSE(lena.hasPin);
    auto login = staff.authenticate(u"lena"_s, QString());
    REQUIRE_FALSE(login);
    REQUIRE(login.error().code == ErrorCode::Refused);
    REQUIRE(staff.resetPin(u"lena"_s, u"1234"_s, test::owner(db.db())).error().code ==
            ErrorCode::Refused);
    REQUIRE(staff.setRole(u"lena"_s, Role::Manager, test::owner(db.db())).error().code ==
            ErrorCode::Refused);
}

TEST_CASE("What each role may do on its own", "[staff]") {
    const std::vector<Action> all{Action::Sell,
                                  Action::Refund,
                                  Action::VoidSale,
                                  Action::DiscountAboveThreshold,
                                  Action::PriceOverride,
                                  Action::NoSale,
                                  Action::CashDrawer,
                                  Action::StockAdjust,
                                  Action::StockReceive,
                                  Action::GiftCardReplace,
                                  Action::GiftCardAdjust,
                                  Action::GiftCardCashOut,
                                  Action::GiftCardReprint,
                                  Action::Settings,
                                  Action::Catalog,
                                  Action::Staff,
                                  Action::CloseDay,
                                  Action::Reports,
                                  Action::Backup,
                                  Action::ClientEdit,
                                  Action::ClientHealth,
                                  Action::ClientMerge,
                                  Action::ClientExport,
                                  Action::GiftCardPromo};
    for (Action a : all) {
        INFO(actionName(a).toStdString());
        REQUIRE_FALSE(actionName(a).isEmpty());
        REQUIRE(roleMay(Role::Owner, a));
        REQUIRE(roleMay(Role::Manager, a) == (a != Action::Staff));
        REQUIRE(roleMay(Role::FrontDesk, a) == (a == Action::Sell || a == Action::CashDrawer ||
                                                a == Action::StockReceive || a == Action::Reports ||
                                                a == Action::ClientEdit));
        // A therapist logs in to no register, but sees the health notes of the client whose
        // session is rung up.
        REQUIRE(roleMay(Role::Therapist, a) == (a == Action::ClientHealth));
    }
    for (Role r : {Role::FrontDesk, Role::Manager, Role::Owner, Role::Therapist})
        REQUIRE(roleFromName(roleName(r)) == r);
    REQUIRE(roleFromName(u"FrontDesk"_s) == Role::FrontDesk);
    REQUIRE_FALSE(roleFromName(u"cashier"_s));
}

TEST_CASE("A manager's PIN approves an action, a front-desk PIN does not", "[staff]") {
    test::TempDb db;
    StaffService staff(db.db());
    test::value(staff.add(u"maya"_s, Role::FrontDesk, u"1111"_s, test::owner(db.db())));
    test::value(staff.add(u"jordan"_s, Role::Manager, u"9999"_s, test::owner(db.db())));
    test::value(staff.add(u"elena"_s, Role::Owner, u"2468"_s, test::owner(db.db())));

    auto byManager = staff.approve(u"jordan"_s, u"9999"_s, Action::Refund);
    REQUIRE(byManager);
    REQUIRE(byManager->name == u"jordan"_s);

    auto byFrontDesk = staff.approve(u"maya"_s, u"1111"_s, Action::Refund);
    REQUIRE_FALSE(byFrontDesk);
    REQUIRE(byFrontDesk.error().code == ErrorCode::Permission);
    REQUIRE(byFrontDesk.error().message.contains(u"maya"_s));

    REQUIRE(staff.approve(u"jordan"_s, u"9999"_s, Action::Staff).error().code ==
            ErrorCode::Permission);
    REQUIRE(staff.approve(u"elena"_s, u"2468"_s, Action::Staff));
    auto wrongPin = staff.approve(u"jordan"_s, u"1111"_s, Action::Refund);
    REQUIRE_FALSE(wrongPin);
    REQUIRE(wrongPin.error().code == ErrorCode::Refused);
}
