// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/testsupport.h"

#include "core/demo.h"

#include <QDir>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace oasis::test {

TempDb::TempDb(bool demo) {
    REQUIRE(m_dir.isValid());
    m_path = QDir(m_dir.path()).filePath(QStringLiteral("oasis.db"));
    m_keyDir = QDir(m_dir.path()).filePath(QStringLiteral("keys"));
    auto db = Database::open(m_path, options(Database::Mode::CreateIfMissing));
    if (!db)
        FAIL("cannot create test database: " << db.error().message.toStdString());
    m_db = std::move(*db);
    if (demo) {
        auto installed = installDemoData(*m_db);
        if (!installed)
            FAIL("cannot install demo data: " << installed.error().message.toStdString());
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
    return o;
}

void TempDb::reopen() {
    m_db.reset();
    auto db = Database::open(m_path, options());
    if (!db)
        FAIL("cannot reopen test database: " << db.error().message.toStdString());
    m_db = std::move(*db);
}

void rawSql(const QString &dbPath, const QString &sql) {
    const QString name = QStringLiteral("raw-tamper");
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

} // namespace oasis::test
