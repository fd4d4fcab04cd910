// SPDX-License-Identifier: GPL-3.0-or-later
// Several programs on one store (DESIGN §3): the counter app holds several connections (the
// register, the low-stock thread, the backup thread) while oasisctl reads, sells and backs up
// beside it. No program may ever be left writing into a store file another one deleted.
#include "core/services/catalog.h"
#include "core/services/sale.h"
#include "core/services/staff.h"
#include "tests/crash/harness/soak.h"
#include "tests/support/testsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <unistd.h>

using namespace oasis;
using namespace Qt::StringLiterals;

namespace {

const QString kRegister = u"trust-front"_s;

/// One oasisctl process on the store, as a back-office script runs it.
test::CtlRun oasisctl(const QString &db, const QString &keys, const QStringList &args,
                      const QString &pin = {}) {
    QMap<QString, QString> env{{u"OASIS_REGISTER"_s, kRegister}};
    if (!pin.isEmpty())
        env.insert(u"OASIS_PIN"_s, pin);
    return test::runCtl(QStringLiteral(OASISCTL_PATH), db, keys, args, env);
}

QStringList deletedStoreFiles(const QString &dbPath) {
    return harness::deletedStoreFiles(::getpid(), dbPath);
}

} // namespace

TEST_CASE("the counter app's connections keep their store files while other programs come and "
          "go",
          "[trust][storage]") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString db = dir.filePath(u"oasis.db"_s);
    const QString keys = dir.filePath(u"keys"_s);
    qputenv("OASIS_REGISTER", kRegister.toUtf8());
    REQUIRE(oasisctl(db, keys, {u"init"_s, u"--demo"_s}).exitCode == 0);

    Database::Options options;
    options.keyDirectory = keys;
    // The app: the register's connection, then the low-stock and backup threads' own.
    auto registerDb = Database::open(db, options);
    REQUIRE(registerDb);
    auto lowStock = Database::open(db, options);
    REQUIRE(lowStock);
    auto backupThread = Database::open(db, options);
    REQUIRE(backupThread);
    REQUIRE(QFileInfo::exists(db + u"-wal"_s));

    // Other programs beside it: a reader, a seller, a backup. Each closes its connection when it
    // ends, and the last connection to close would delete the WAL if it thought it was alone.
    REQUIRE(oasisctl(db, keys, {u"--json"_s, u"catalog"_s, u"list"_s}).exitCode == 0);
    const test::CtlRun sold = oasisctl(db, keys,
                                       {u"--json"_s, u"--user"_s, u"frontdesk"_s, u"sale"_s,
                                        u"OIL-LAV-120"_s, u"--pay"_s, u"card:26.53:4242"_s},
                                       u"1111"_s);
    REQUIRE(sold.exitCode == 0);
    REQUIRE(oasisctl(db, keys,
                     {u"--user"_s, u"manager"_s, u"backup"_s, dir.filePath(u"snapshot.db"_s)},
                     u"9999"_s)
                .exitCode == 0);
    INFO("deleted under the app: " << deletedStoreFiles(db).join(u", "_s).toStdString());
    REQUIRE(deletedStoreFiles(db).isEmpty());

    // The app sells after them: the sale is in the store every other program reads.
    auto cashier = StaffService(**registerDb).find(u"frontdesk"_s);
    REQUIRE(cashier);
    auto oil = CatalogService(**registerDb).findByCode(u"OIL-ARN-120"_s);
    REQUIRE(oil);
    REQUIRE(oil->has_value());
    Ticket ticket;
    ticket.addItem(**oil);
    auto card = Tender::parse(u"card:30.95:4242"_s);
    REQUIRE(card);
    auto done =
        SaleService(**registerDb).complete(ticket, {*card}, *cashier, std::nullopt, kRegister);
    REQUIRE(done);
    REQUIRE(deletedStoreFiles(db).isEmpty());
    const test::CtlRun shown = oasisctl(
        db, keys, {u"--json"_s, u"receipt"_s, u"show"_s, QString::number(done->receiptNo)});
    REQUIRE(shown.exitCode == 0);

    // And the books still verify: nothing was written into a file that no longer exists.
    lowStock->reset();
    backupThread->reset();
    registerDb->reset();
    const test::CtlRun verified = oasisctl(db, keys, {u"--json"_s, u"journal"_s, u"verify"_s});
    REQUIRE(verified.exitCode == 0);
    REQUIRE(verified.json()[u"ok"_s].toBool());
}
