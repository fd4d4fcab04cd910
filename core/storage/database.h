// SPDX-License-Identifier: GPL-3.0-or-later
// The embedded database: opening with checks, migrations, queries and the transaction guard.
#pragma once

#include "core/domain/error.h"
#include "core/storage/driver.h"
#include "core/storage/keyring.h"
#include "core/storage/rows.h"

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <functional>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

class QSqlDatabase;
class QSqlError;
class QSqlQuery;
class QThread;

namespace oasis {

struct SqliteRan;

/// One open database file and its key ring. All SQL of the product runs through here.
class Database final {
    Q_DISABLE_COPY_MOVE(Database)
public:
    enum class Mode {
        OpenExisting,    ///< a missing file is an error (never silently recreated)
        CreateIfMissing, ///< `init` and the app's first start
    };
    struct Options {
        Mode mode = Mode::OpenExisting;
        QString keyDirectory;     ///< empty: KeyRing::defaultDirectory()
        int busyTimeoutMs = 5000; ///< how long to wait for another register's transaction
        int migrateTo = -1;       ///< tests stop at an earlier schema version; -1: latest
        /// Runs on a store this call made, before open() returns (Store::prepareNew adds its
        /// creator register); a failure undoes the new store.
        std::function<Status(Database &)> onCreated;
    };

    static Result<std::unique_ptr<Database>> open(const QString &path, const Options &options);
    static Result<std::unique_ptr<Database>> open(const QString &path) {
        return open(path, Options{});
    }
    ~Database();

    /// The default file: oasis.db under QStandardPaths::AppDataLocation.
    static QString defaultPath();
    static int latestSchemaVersion();

    const QString &path() const { return m_path; }
    const QString &id() const { return m_id; }
    int schemaVersion() const { return m_schemaVersion; }
    bool wasCreated() const { return m_created; }
    /// A backup snapshot (meta key snapshot_taken_at, written by BackupService): it opens for
    /// reading only (PRAGMA query_only), every transaction is refused, and only `restore`
    /// writes it back as the store (DESIGN §14). Its key may sit beside it as FILE.key.
    bool isSnapshot() const { return m_snapshot; }
    /// Marks the database file at `path` (not open in this process) as a snapshot taken now, or
    /// clears the mark (a restored copy becomes the store again).
    static Status markSnapshot(const QString &path, bool snapshot);
    const KeyRing &keys() const { return m_keys; }
    /// How this store's engine says what differs between engines (core/storage/driver.h).
    const Driver &driver() const { return *m_driver; }
    /// What opening found and fixed that the user should hear of (a key file readable by others,
    /// now 0600). oasisctl prints each on stderr; each is also in the log.
    const QStringList &openWarnings() const { return m_openWarnings; }
    QString keyFilePath() const;
    const QString &keyDirectory() const { return m_keyDirectory; }
    QString anchorFilePath() const;
    /// Records the journal's head (`seq`, `hash`) in the anchor file outside the database. With
    /// `forwardOnly` (after each commit) an anchor already at `seq` or later is kept (another
    /// register got there first) and a missing or unreadable one is not made again; without it
    /// (a new database, a restore) the file is made or replaced: written to a temporary file,
    /// synced and renamed into place. Moving forward overwrites the record in place under an
    /// exclusive lock (readers take a shared one), without a sync of its own: the record is one
    /// sector, which a disk writes whole, so a power cut leaves this record or an earlier one,
    /// never a torn one (and its own check would tell). The journal entry it names was synced
    /// by its commit, so the anchor is never ahead; after a power cut it may be a few entries
    /// behind, which verify accepts. Returns false when it is not written.
    static bool writeAnchor(const QString &file, qint64 seq, const QByteArray &hash,
                            bool forwardOnly);
    /// What the anchor file holds.
    struct Anchor {
        enum class State {
            Missing,    ///< no file
            Unreadable, ///< a file that is empty, cut short, garbled or cannot be opened
            Ok,
        };
        State state = State::Missing;
        qint64 seq = 0;
        QString hash;
    };
    static Anchor readAnchor(const QString &file);
    /// What SQLite's quick check finds wrong with the file at `path`, read-only on a connection
    /// of its own (empty: nothing, or the file cannot be opened at all). For a store that does
    /// not open, to tell a damaged file from other failures.
    static QString integrityProblem(const QString &path);

    /// Prepares, binds positional `?` values and executes; a failure names the statement.
    Result<Rows> exec(const QString &sql, const QVariantList &binds = {}) const;
    /// The first column of the first row, or a null QVariant when there is no row.
    Result<QVariant> scalar(const QString &sql, const QVariantList &binds = {}) const;
    /// The first row's columns, or an empty list when there is no row.
    Result<QVariantList> row(const QString &sql, const QVariantList &binds = {}) const;
    /// Every row, for small results read whole (a handful of rates, recent failures).
    Result<QList<QVariantList>> rows(const QString &sql, const QVariantList &binds = {}) const;

    /// What an INSERT, UPDATE or DELETE did.
    struct Written {
        qint64 insertId = 0; ///< the rowid of the last inserted row
        int rows = 0;        ///< rows changed
    };
    /// Runs an INSERT, UPDATE or DELETE.
    Result<Written> write(const QString &sql, const QVariantList &binds = {}) const;
    /// An INSERT whose outcome the caller does not read: in a transaction on a server it is sent
    /// with the next statement, in the same round trip (an error of its own is that statement's
    /// error, and the commit's); elsewhere it runs at once, as write() does. Every statement and
    /// the commit send what waits first, in order; a rollback drops it.
    Status defer(const QString &sql, const QVariantList &binds = {}) const;

    /// Lets the server role `role` work as a register (DESIGN §13): SELECT and INSERT on the
    /// books, no UPDATE, DELETE or TRUNCATE; the rest of the store as a register uses it. In the
    /// caller's transaction. Refused for a store in a file.
    Status grantRegister(const QString &role);

    /// Copies this store (a file) with its whole history into the empty PostgreSQL database at
    /// `url` (DESIGN §13): the same id, so the same key file and journal anchor; every row as it
    /// is, in one transaction on the server while this store's write lock is held. Refused when
    /// the database there is not empty or this store is already on a server. Journaled here and
    /// there (`store_copied`, by `actor`). `tablesCopied` receives the tables written.
    Status copyTo(const QString &url, const QString &actor, QStringList *tablesCopied = nullptr);

    /// The statements that make the whole schema at the current version on a server (a store on
    /// a server, store copy; the bench's schema baseline builds its copy with them).
    Result<QStringList> serverSchema() const;

    /// For a store on a server: false after an operation found the connection lost, true again
    /// after one that reached the server (always true for a file).
    bool serverReachable() const { return !m_connectionLost; }

    /// What a sale (Transaction::beginShared) locks for itself on a server, in this order: the
    /// gift cards it debits or loads (by id, ascending), the service vouchers it redeems and the
    /// session packages it uses (by id), its register's receipt series, and last the journal's
    /// head, for its entry (Journal::append). A file has one writer at a time: no-ops there.
    enum class LockSpace {
        GiftCard = 1,
        ReceiptSeries = 2,
        JournalHead = 3,
        Voucher = 4,
        Package = 5
    };
    /// Locks of one space: `keys` are SQL integer expressions over `binds`.
    struct Locks {
        LockSpace space = LockSpace::GiftCard;
        QStringList keys;
        QVariantList binds;
    };
    /// Takes the locks `space` names by each of `keys` (SQL integer expressions over `binds`)
    /// until the transaction ends, in the order given, in one statement. Only inside a
    /// transaction begun with Transaction::beginShared; nothing to do on a file. Locks held
    /// already in this transaction (taken here or by beginShared) cost no second statement.
    Status lockForWrite(LockSpace space, const QStringList &keys, const QVariantList &binds = {});
    Status lockForWrite(const Locks &locks) {
        return lockForWrite(locks.space, locks.keys, locks.binds);
    }
    /// True inside a transaction that shares the store's write lock with other sales.
    bool sharedWrite() const { return m_sharedWrite; }
    /// True when the current or last transaction failed only because another register's crossed
    /// it (a server's deadlock or serialization failure, or the same request id committed by
    /// another connection first): running the whole operation again is safe and may succeed.
    bool failedRetryably() const { return m_retryable; }

    /// Settings stored in the database (store name, limits, ...): shared by every register.
    QString setting(const QString &key, const QString &fallback = {}) const;
    Status setSetting(const QString &key, const QString &value);

    /// Hands the connection to `thread`, from the thread that opened it, which then no longer
    /// touches it. Qt SQL ties a connection to the thread of its driver (a QObject): a store
    /// opened on a worker while the counter app builds its window is used by the window's
    /// thread afterwards. False when Qt refused to move it.
    bool moveToThread(QThread *thread);

    /// Whether this connection has found register `name` in the store already
    /// (RegisterService::acting). A register is never removed from a store, and a restore needs
    /// every register to close it first, so one found once is not looked up again.
    bool registerSeen(const QString &name) const { return m_registersSeen.contains(name); }
    void noteRegisterSeen(const QString &name) const { m_registersSeen.insert(name); }

private:
    friend class Transaction;
    friend class Journal;
    friend class BookReader;
    Database();
    /// The engine's connection, for storage's own files (the journal's chain check).
    QSqlDatabase handle() const;
    Result<QSqlQuery> execQuery(const QString &sql, const QVariantList &binds) const;
    /// A Database connected to the server at `url` (checked first), nothing read yet.
    static Result<std::unique_ptr<Database>> connectToServer(const QString &url,
                                                             const Options &options);
    static Result<std::unique_ptr<Database>> openOnServer(const QString &url,
                                                          const Options &options);
    Status configure(const Options &options);
    /// A new store on a server: the whole schema at the current version, in one transaction.
    Status createAtLatest();
    /// The keys the server numbers (table -> column), which an INSERT asks back for: read
    /// before the connection's first INSERT is prepared (an open that only reads, as a register
    /// showing its PIN pad, never asks), and again after `store copy` made the tables.
    Status loadIdentityColumns() const;
    /// loadIdentityColumns() before `sql` is prepared, when it is an INSERT and they were not
    /// read yet.
    Status identityColumnsFor(const QString &sql) const;
    /// `sql` with RETURNING what must be asked back: a row of the books whole (the journal
    /// records it), or the key a server numbers.
    QString withReturning(const QString &sql) const;
    mutable QHash<QString, QString> m_identity;
    mutable bool m_identityRead = false;
    /// Opens a connection the server dropped again (restart, network, killed): false when the
    /// server is still unreachable.
    bool reconnect();
    /// Reconnects when `error` says the server dropped the connection and `sql`, outside any
    /// transaction, is a read that may simply run again.
    bool reconnectForRead(const QString &sql, const QSqlError &error) const;
    int m_busyTimeoutMs = 5000;
    /// The driver's setBusyTimeout(), where it is a statement.
    Status applyBusyTimeout(int milliseconds) const;
    mutable bool m_connectionLost = false;
    /// Notes whether `ok` (the last statement) reached the server.
    void noteServer(bool ok, const QSqlError &error) const;
    mutable bool m_retryingRead = false;
    template <typename F>
    auto retriedRead(F &&read) const {
        auto result = read();
        m_retryingRead = false;
        return result;
    }
    Status migrate(int target);
    Status loadOrCreateKeys(const Options &options, bool fresh);
    void afterCommit();
    /// writeAnchor(anchorFilePath(), seq, hash, true) on the anchor file this connection keeps
    /// open between commits.
    bool advanceAnchor(qint64 seq, const QByteArray &hash);
    // scalar(), row(), rows() and write() read their whole result before returning, so their
    // prepared statements are kept and reused: parsing is most of what a small statement costs. A
    // statement is taken out while it runs, so a nested call with the same SQL prepares its own.
    // On a server a statement whose values can be written in its text is prepared once under a
    // name of ours instead (sendDeferred()), in the round trip of its first EXECUTE.
    Result<QSqlQuery> checkout(const QString &sql, const QVariantList &binds) const;
    void checkin(const QString &sql, QSqlQuery &&query) const;
    struct Deferred;
    /// `sql` with RETURNING, and its values as an EXECUTE of the statement sendDeferred()
    /// prepares for it; none when a value is not written in a statement's text.
    Result<std::optional<Deferred>> toDeferred(const QString &sql, const QVariantList &binds) const;
    /// Sends the statements defer() queued, then `last` (a caller's statement, when given), as
    /// one round trip; the query is left on `last`'s result. checkin() does not keep it. A
    /// failure's own error goes to `failed` when given.
    Result<QSqlQuery> sendDeferred(std::optional<Deferred> last, QSqlError *failed = nullptr) const;
    /// Sends what defer() queued, if anything (and a transaction's BEGIN not sent yet).
    Status flushDeferred() const;
    /// sendDeferred()'s first round trip of a transaction again, on a new connection.
    Result<QSqlQuery> resend(const QStringList &begin, std::vector<Deferred> deferred, bool caller,
                             QSqlError *failed) const;
    mutable bool m_resending = false;
    struct Statements;
    std::unique_ptr<Statements> m_statements;

    QString m_path;
    const Driver *m_driver = nullptr;
    QString m_connection;
    QString m_id;
    QString m_keyDirectory;
    KeyRing m_keys;
    QStringList m_openWarnings;
    int m_schemaVersion = 0;
    bool m_created = false;
    bool m_snapshot = false;
    QVariant m_keyCheck; ///< meta's key_check, read on open
    int m_depth = 0;     ///< open transactions: 1 is the BEGIN IMMEDIATE, more are savepoints
    bool m_sharedWrite = false;       ///< the outermost one shares the store's lock (a sale)
    mutable bool m_retryable = false; ///< see failedRetryably()
    QStringList m_locksHeld;          ///< what lockForWrite took in it (each taken once)
    /// The driver's lock expressions for `locks` (none on a file), and the name they are held
    /// under in m_locksHeld.
    QStringList lockExpressions(const Locks &locks) const;
    static QString heldName(const QStringList &expressions, const QVariantList &binds);
    /// Whether `locks` (held under `held`) are still to take: only in a shared transaction, and
    /// only what it does not hold yet.
    bool lockToTake(const QStringList &locks, const QString &held) const {
        return m_sharedWrite && m_depth > 0 && !locks.isEmpty() && !m_locksHeld.contains(held);
    }
    // The transaction in progress appended to the journal: anchor its head after commit.
    bool m_journalTouched = false;
    // The entry it appended last, when no savepoint rolled back since (then it is read again).
    std::optional<std::pair<qint64, QString>> m_appendedHead;
    /// Reads what an INSERT that withReturning() changed returned: the keys, and for a table of
    /// the books its rows, noted for the next journal entry.
    std::vector<qint64> noteReturned(const QString &sql, QSqlQuery &query) const;
    std::vector<qint64> noteReturned(const QString &sql, const QList<QVariantList> &rows) const;
    // A statement on a file, run whole through SQLite's own API (SqliteStatements); nothing when
    // it is Qt's to run (a server, or a value SqliteStatements leaves to Qt).
    std::optional<Result<SqliteRan>> onFile(const QString &sql, const QVariantList &binds) const;
    /// Runs a statement as it is, unprepared (session settings and schema changes, which a
    /// server does not prepare).
    Status run(const QString &sql) const;
    /// A row of the books inserted since the last journal entry, as its INSERT returned it.
    struct BookRow {
        QString table;
        qint64 key = 0; ///< its id (sale_taxes: its sale's id)
        QString order;  ///< sale_taxes: its tax class (the digest's second key)
        QByteArray row; ///< Journal::serialisedRow
    };
    // The rows of the books inserted since the last journal entry: the next entry records them.
    // Saved at each transaction level and put back by its rollback.
    mutable std::vector<BookRow> m_bookRows;
    std::vector<std::vector<BookRow>> m_bookRowsSaved;
    mutable QSet<QString> m_registersSeen;
};

/// A business operation: BEGIN IMMEDIATE (a deferred BEGIN would let two registers race),
/// rolled back unless commit() succeeds. Begun inside another one it is a savepoint, so
/// services compose into one atomic operation.
class Transaction final {
public:
    static Result<Transaction> begin(Database &db);
    /// A sale's transaction (DESIGN §13): on a server it shares the store's write lock with other
    /// sales, so registers sell at the same time, and takes exclusively only what it shares with
    /// them (Database::lockForWrite). `first` are the locks it knows it needs from the start (its
    /// cards, vouchers, packages and receipt series, in Database::LockSpace's order), taken with
    /// the store's shared lock in the statement after BEGIN: one round trip for all of them.
    /// Everything else (a refund, a Z, a shift, settings) takes the store's lock whole and waits
    /// for the sales in progress. On a file it is begin(). Nested, a savepoint as with begin().
    static Result<Transaction> beginShared(Database &db, const std::vector<Database::Locks> &first);
    Transaction(Transaction &&other) noexcept;
    Transaction &operator=(Transaction &&) = delete;
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    ~Transaction();

    Status commit();
    Database &db() const { return *m_db; }

private:
    explicit Transaction(Database &db)
        : m_db(&db)
        , m_exceptions(std::uncaught_exceptions()) {}
    void rollback();
    static Result<Transaction> start(Database &db, const QStringList &statements, bool shared);
    Database *m_db = nullptr;
    bool m_active = true;
    int m_exceptions = 0;
};

/// A foreign key that is optional: 0 (none) binds as SQL NULL.
inline QVariant nullIfZero(qint64 id) {
    return id > 0 ? QVariant(id) : QVariant();
}

/// Makes `query` read its rows one by one where the engine lets other statements run meanwhile
/// (SQLite). QPSQL's row-by-row mode blocks the connection until the last row is read, so there
/// the result is fetched whole.
void readForwardOnly(QSqlQuery &query);

/// Turns a failed QSqlQuery into an Error that says whether the file is locked, full or
/// read-only rather than echoing the driver.
Error storageError(const QString &what, const QSqlError &error);

} // namespace oasis
