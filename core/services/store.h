// SPDX-License-Identifier: GPL-3.0-or-later
// The store a program works on: opening it (with its key file and migrations), and what the
// programs show of it. pos/ holds a Store and hands store.db() to the services; it never reaches
// into storage itself (core/CMakeLists.txt, tests/layers).
#pragma once

#include "core/domain/error.h"
#include "core/domain/journalreport.h"
#include "core/domain/staffmember.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

class QThread;

namespace oasis {

class Database;

class Store final {
public:
    enum class Mode {
        OpenExisting,    ///< a missing file is an error (never silently recreated)
        CreateIfMissing, ///< `init` and the app's first start
    };
    struct Options {
        Mode mode = Mode::OpenExisting;
        QString keyDirectory;     ///< empty: the default key folder
        int busyTimeoutMs = 5000; ///< how long to wait for another register's transaction
    };

    /// Opens (or, with Mode::CreateIfMissing, creates) the store at `path`. A new store's
    /// creator register is its first register (DESIGN §13).
    static Result<std::unique_ptr<Store>> open(const QString &path, const Options &options);
    static Result<std::unique_ptr<Store>> open(const QString &path) {
        return open(path, Options{});
    }
    ~Store();

    /// What a store just made gets before anyone uses it: its creator register. Database::open
    /// runs it through Options::onCreated; tests that open a Database directly pass it too.
    static Status prepareNew(Database &db);

    /// The default file: oasis.db under QStandardPaths::AppDataLocation.
    static QString defaultPath();
    /// Whether `location` names a store on a PostgreSQL server (postgresql://...), not a file.
    static bool isOnServer(const QString &location);
    /// Where this computer opens its store when no --db is given: the QSettings key
    /// `store/location` (chosen in the app's Settings or at its first start), else defaultPath().
    static QString configuredLocation();
    /// Keeps `location` (a file, or a postgresql://USER@HOST[:PORT]/DBNAME address) as this
    /// computer's store from its next start; empty goes back to defaultPath(). A manager's
    /// action (Action::Settings, decided in the transaction that journals it in the store `db`
    /// as `register_store_changed`): pointed at another server, a register would ring its
    /// sales up there. A malformed address, or one with a password in it, is refused and
    /// nothing is kept.
    static Status setConfiguredLocation(Database &db, const QString &location,
                                        const StaffMember &by,
                                        const std::optional<StaffMember> &approver);
    /// What is wrong with `location` as a store's place (a server address with a password in it,
    /// another scheme than postgresql://, ...), in one line; empty when nothing is.
    static QString locationProblem(const QString &location);
    /// The store at `location` in words: "DB on HOST" for a server, the file's path otherwise.
    static QString describeLocation(const QString &location);
    /// What the status bar says of the store's server: empty for a file, else whether the last
    /// operation reached it (not its address: the tooltip and Settings show that).
    static QString serverState(const Database &db);
    /// The register this computer says it is (env OASIS_REGISTER, QSettings `register/id`, the
    /// host name); RegisterService::acting() decides whether the store knows it.
    static QString registerId();
    /// What the engine's own check finds wrong with the file at `path` (empty: nothing), to tell a
    /// damaged file from other failures when a store does not open.
    static QString integrityProblem(const QString &path);

    /// The folder key files are kept in when no other is given.
    static QString defaultKeyDirectory();
    /// `journal verify` (DESIGN §14): the chain, its anchor outside the database, and the books
    /// against the journal.
    static Result<JournalReport> verifyJournal(Database &db);
    /// Copies the store in the file `db` with its whole history to the empty PostgreSQL
    /// database at `url` (DESIGN §13, `oasisctl store copy --to URL`): a manager's or the
    /// owner's action (as a backup is), journaled in both. Returns the tables copied.
    static Result<QStringList> copyTo(Database &db, const QString &url, const StaffMember &by,
                                      const std::optional<StaffMember> &approver);
    /// Where the store behind `db` lives, for the status bar and for a second connection.
    static const QString &pathOf(const Database &db);
    static const QString &keyDirectoryOf(const Database &db);

    Database &db() const { return *m_db; }
    int schemaVersion() const;
    const QString &path() const;
    const QString &keyDirectory() const;
    QString keyFilePath() const;
    /// What opening found and fixed that the user should hear of (a key file made 0600).
    const QStringList &openWarnings() const;
    bool wasCreated() const;
    bool isSnapshot() const;
    /// See Database::moveToThread: a store opened on one thread for another.
    bool moveToThread(QThread *thread);

private:
    explicit Store(std::unique_ptr<Database> db);
    std::unique_ptr<Database> m_db;
};

} // namespace oasis
