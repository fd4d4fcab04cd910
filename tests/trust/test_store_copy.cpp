// SPDX-License-Identifier: GPL-3.0-or-later
// Moving a store (issue 19, item 5; DESIGN §13): `oasisctl store copy --to URL` copies a store
// in a file with its whole history to an empty PostgreSQL database; the journal verifies there,
// every report gives the same figures, and the registers sell on from there.
#include "tests/support/testsupport.h"

#include <QDir>
#include <QJsonArray>
#include <QTemporaryDir>

using namespace oasis;
using namespace oasis::test;
using namespace Qt::StringLiterals;

namespace {

struct Counter {
    QString store;
    QString keys;
    CtlRun run(const QStringList &args, const QString &pin = u"1111"_s,
               const QString &user = u"frontdesk"_s) const {
        return runCtl(QStringLiteral(OASISCTL_PATH), store, keys,
                      QStringList{u"--user"_s, user, u"--json"_s} + args,
                      {{u"OASIS_PIN"_s, pin},
                       {u"OASIS_APPROVER_PIN"_s, u"9999"_s},
                       {u"OASIS_REGISTER"_s, u"front-desk"_s}});
    }
    QJsonObject ok(const QStringList &args, const QString &pin = u"1111"_s,
                   const QString &user = u"frontdesk"_s) const {
        const CtlRun r = run(args, pin, user);
        INFO(args.join(u' ').toStdString() << ": " << r.err.toStdString());
        REQUIRE(r.exitCode == 0);
        return r.json();
    }
};

} // namespace

TEST_CASE("store copy moves a store in a file with its whole history to a server, where the "
          "journal verifies and every report adds up the same",
          "[trust][postgresql]") {
    REQUIRE(onPostgres());
    QTemporaryDir dir;
    const QString keys = QDir(dir.path()).filePath(u"keys"_s);
    const Counter file{QDir(dir.path()).filePath(u"spa.db"_s), keys};
    REQUIRE(runCtl(QStringLiteral(OASISCTL_PATH), file.store, keys, {u"init"_s, u"--demo"_s},
                   {{u"OASIS_REGISTER"_s, u"front-desk"_s}})
                .exitCode == 0);

    // A day's history: a shift, a gift card sold and redeemed, a refund, a pay-out, the close.
    file.ok({u"shift"_s, u"open"_s, u"150"_s});
    const QJsonObject first =
        file.ok({u"sale"_s, u"OIL-LAV-120"_s, u"giftcard:60"_s, u"--pay"_s, u"cash:100"_s});
    const QString code =
        first.value(u"giftcards"_s).toArray().at(0).toObject().value(u"code"_s).toString();
    REQUIRE_FALSE(code.isEmpty());
    file.ok({u"sale"_s, u"OIL-ARN-120"_s, u"OIL-LAV-120"_s, u"--pay"_s,
             u"gift:"_s + code + u":35"_s, u"--pay"_s, u"card:22.49:4242"_s});
    file.ok(
        {u"refund"_s, u"2"_s, u"OIL-ARN-120"_s, u"--restock"_s, u"--approve-by"_s, u"manager"_s},
        u"1111"_s);
    file.ok({u"shift"_s, u"payout"_s, u"12.50"_s, u"--reason"_s, u"towels"_s}, u"9999"_s,
            u"manager"_s);

    const Counter server{newStoreLocation(dir.path()), keys};
    const CtlRun frontDesk = server.run({u"store"_s, u"copy"_s, u"--to"_s, server.store});
    REQUIRE(frontDesk.exitCode != 0); // the front desk may not move the store
    const CtlRun copied = runCtl(
        QStringLiteral(OASISCTL_PATH), file.store, keys,
        {u"--user"_s, u"manager"_s, u"--json"_s, u"store"_s, u"copy"_s, u"--to"_s, server.store},
        {{u"OASIS_PIN"_s, u"9999"_s}});
    INFO(copied.err.toStdString());
    REQUIRE(copied.exitCode == 0);
    REQUIRE(copied.json().value(u"tables"_s).toArray().size() > 20);

    for (const Counter *c : {&file, &server}) {
        const CtlRun verified = runCtl(QStringLiteral(OASISCTL_PATH), c->store, keys,
                                       {u"--json"_s, u"journal"_s, u"verify"_s});
        INFO(c->store.toStdString() << ": " << verified.out.toStdString());
        REQUIRE(verified.exitCode == 0);
    }
    const QList<QStringList> reports{{u"report"_s, u"x"_s},
                                     {u"report"_s, u"sales"_s},
                                     {u"report"_s, u"tax"_s},
                                     {u"report"_s, u"tips"_s},
                                     {u"report"_s, u"giftcards"_s},
                                     {u"report"_s, u"inventory"_s},
                                     {u"report"_s, u"history"_s},
                                     {u"shift"_s, u"status"_s},
                                     {u"giftcard"_s, u"balance"_s, code}};
    for (const QStringList &report : reports) {
        INFO(report.join(u' ').toStdString());
        QJsonObject there = server.ok(report, u"9999"_s, u"manager"_s);
        QJsonObject here = file.ok(report, u"9999"_s, u"manager"_s);
        // An X report is stamped with the moment it is read.
        there.remove(u"closed_at"_s);
        here.remove(u"closed_at"_s);
        REQUIRE(there == here);
    }

    // The registers sell on from the server: new rows are numbered after the copied ones.
    const QJsonObject next = server.ok({u"sale"_s, u"OIL-LAV-120"_s, u"--pay"_s,
                                        u"gift:"_s + code + u":5"_s, u"--pay"_s, u"cash:30"_s});
    REQUIRE(next.value(u"receipt"_s).toInteger() == 4);
    REQUIRE(runCtl(QStringLiteral(OASISCTL_PATH), server.store, keys, {u"journal"_s, u"verify"_s})
                .exitCode == 0);

    // Copied once: a second copy into the same database, or a copy from a server, is refused.
    const CtlRun again =
        runCtl(QStringLiteral(OASISCTL_PATH), file.store, keys,
               {u"--user"_s, u"manager"_s, u"store"_s, u"copy"_s, u"--to"_s, server.store},
               {{u"OASIS_PIN"_s, u"9999"_s}});
    REQUIRE(again.exitCode == 2);
    REQUIRE(again.oneErrorLine());
    const QString elsewhere = newStoreLocation(dir.path());
    const CtlRun fromServer =
        runCtl(QStringLiteral(OASISCTL_PATH), server.store, keys,
               {u"--user"_s, u"manager"_s, u"store"_s, u"copy"_s, u"--to"_s, elsewhere},
               {{u"OASIS_PIN"_s, u"9999"_s}});
    REQUIRE(fromServer.exitCode == 2);
    REQUIRE(fromServer.oneErrorLine());
    dropStore(server.store);
    dropStore(elsewhere);
}

TEST_CASE("store copy needs a postgresql:// address", "[trust][sqlite]") {
    TempDb db(true);
    const CtlRun r = runCtl(QStringLiteral(OASISCTL_PATH), db.path(), db.keyDir(),
                            {u"--user"_s, u"manager"_s, u"store"_s, u"copy"_s, u"--to"_s,
                             QDir(db.dir()).filePath(u"elsewhere.db"_s)},
                            {{u"OASIS_PIN"_s, u"9999"_s}});
    REQUIRE(r.exitCode != 0);
    REQUIRE(r.oneErrorLine());
    REQUIRE(r.err.contains("postgresql://"));
}
