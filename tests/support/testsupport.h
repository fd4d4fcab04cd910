// SPDX-License-Identifier: GPL-3.0-or-later
// Shared test helpers: every test gets its own temporary database and key folder.
#pragma once

#include "core/services/staff.h"
#include "core/services/store.h"
#include "core/storage/database.h"
#include "tests/support/testhooks.h"

#include <QJsonObject>
#include <QMap>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

#include <memory>

namespace oasis::test {

/// Whether this run's stores are on PostgreSQL (OASIS_TEST_POSTGRES, set for the tests of the
/// `postgresql` label; the server is the one the PG* variables name).
bool onPostgres();
/// Where a test makes a new store: a file in `dir`, or a new database on the test server.
QString newStoreLocation(const QString &dir);
/// Runs `sql` on the test server's maintenance database (roles, databases).
void runOnServer(const QString &sql);
/// Drops a store newStoreLocation() made on the server (nothing for a file).
void dropStore(const QString &location);

/// A fresh database in a temporary folder (or on the test server), with its key file in a
/// sibling folder.
/// A PostgreSQL server of a test's own (tests/support/pgserver.sh) on `port`, with an empty
/// database "spa": a test restarts or halts it without disturbing the tests that share the
/// fixture's server. Stopped and removed at the end.
class OwnServer final {
public:
    explicit OwnServer(int port);
    ~OwnServer();
    OwnServer(const OwnServer &) = delete;
    OwnServer &operator=(const OwnServer &) = delete;

    QString url() const;
    /// pgserver.sh ACTION: restart, halt, resume.
    bool run(const char *action) const;

private:
    int m_port;
    QString m_dir;
};

class TempDb final {
public:
    /// A new store: in a temporary folder, or on the test server (onPostgres()), or at
    /// `location` when one is given (an empty database on a server of the test's own).
    explicit TempDb(bool demo = false, const QString &location = {});
    ~TempDb();
    Database &db() { return *m_db; }
    Database *operator->() { return m_db.get(); }
    QString path() const { return m_path; }
    QString keyDir() const { return m_keyDir; }
    QString dir() const { return m_dir.path(); }
    /// Closes and opens the same file again (a restart).
    void reopen();
    /// Closes the database (for tests that tamper with the file).
    void close() { m_db.reset(); }
    Database::Options options(Database::Mode mode = Database::Mode::OpenExisting) const;

private:
    QTemporaryDir m_dir;
    QString m_path;
    QString m_keyDir;
    std::unique_ptr<Database> m_db;
};

/// Unwraps a Result in a test, failing with its message.
template <typename T>
T value(Result<T> r) {
    if (!r)
        FAIL("unexpected error: " << r.error().message.toStdString());
    return std::move(*r);
}
inline void ok(const Status &s) {
    if (!s)
        FAIL("unexpected error: " << s.error().message.toStdString());
}

/// What one oasisctl process did.
struct CtlRun {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    /// stdout as the one JSON object of --json (fails the test otherwise).
    QJsonObject json() const;
    /// stderr is exactly one line (the contract for a refused or failed command).
    bool oneErrorLine() const { return err.count('\n') == 1 && err.endsWith('\n'); }
};

/// Runs `program` (oasisctl) with `--db db` and `args`, its key folder `keys`, standard input
/// closed, plus `env` (OASIS_PIN, OASIS_REGISTER, ...) over this process's environment.
CtlRun runCtl(const QString &program, const QString &db, const QString &keys,
              const QStringList &args, const QMap<QString, QString> &env = {});

/// Registers the registers a test acts as, as a manager would have (`register add`); the
/// computer's own register was registered when the TempDb was created.
void addRegisters(Database &db, const QStringList &names);

/// A staff member of the store by login name (the demo's "owner", "manager", "frontdesk").
StaffMember staffNamed(Database &db, const QString &name);

/// The store's owner "owner" (the demo's, PIN 2468); added as the first owner when the store
/// has none, so tests of an empty store have someone to sign for changes.
StaffMember owner(Database &db);

/// Runs a SQL statement straight on the file with a separate connection, as a tamperer would.
void rawSql(const QString &dbPath, const QString &sql);

/// The whole file at `path`; the test fails if it cannot be read.
QByteArray fileBytes(const QString &path);

/// This computer's choices (QSettings: the camera, the customer display, the printer) in a
/// temporary folder for the test's life, empty at its start.
class TempSettings final {
public:
    TempSettings();
    ~TempSettings();

private:
    QTemporaryDir m_dir;
};

/// Whether a library whose file name starts with `name` is mapped into this process (what a
/// program loads only when first needed: libcurl, the app's plugins).
bool mapped(const QByteArray &name);

} // namespace oasis::test

// Lets Catch print QStrings in failed assertions.
#include <ostream>
inline std::ostream &operator<<(std::ostream &os, const QString &s) {
    return os << s.toStdString();
}
