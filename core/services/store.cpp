// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/store.h"

#include "core/domain/translate.h"
#include "core/services/authorization.h"
#include "core/services/registers.h"
#include "core/services/storesettings.h"
#include "core/storage/database.h"
#include "core/storage/journal.h"
#include "core/storage/keyring.h"
#include "core/storage/postgresdriver.h"

#include <QDir>
#include <QSettings>
#include <QSysInfo>
#include <QUrl>

namespace oasis {

Store::Store(std::unique_ptr<Database> db)
    : m_db(std::move(db)) {}

Store::~Store() = default;

Result<std::unique_ptr<Store>> Store::open(const QString &path, const Options &options) {
    Database::Options o;
    o.mode = options.mode == Mode::CreateIfMissing ? Database::Mode::CreateIfMissing
                                                   : Database::Mode::OpenExisting;
    o.keyDirectory = options.keyDirectory;
    o.busyTimeoutMs = options.busyTimeoutMs;
    o.onCreated = &Store::prepareNew;
    auto db = Database::open(path, o);
    if (!db)
        return std::unexpected(db.error());
    // Amounts are shown in the store's currency, whatever the register's language.
    Money::setCurrency(StoreSettings(**db).currency());
    return std::unique_ptr<Store>(new Store(std::move(*db)));
}

Status Store::prepareNew(Database &db) {
    // The register that creates a store is its first register (init, the app's first start);
    // every other one is added by a manager (`oasisctl register add`).
    if (db.schemaVersion() < RegisterService::kSchemaVersion)
        return {};
    return RegisterService::addCreator(db, registerId());
}

QString Store::defaultPath() {
    return Database::defaultPath();
}

bool Store::isOnServer(const QString &location) {
    return Driver::forLocation(location).isServer();
}

QString Store::configuredLocation() {
    const QString configured = QSettings().value(QStringLiteral("store/location")).toString();
    return configured.isEmpty() ? defaultPath() : configured;
}

Status Store::setConfiguredLocation(Database &db, const QString &location, const StaffMember &by,
                                    const std::optional<StaffMember> &approver) {
    const QString where = location.trimmed();
    if (const QString problem = locationProblem(where); !problem.isEmpty())
        return fail(ErrorCode::Invalid, problem);
    const QString target = where.isEmpty() ? defaultPath() : where;
    auto tx = beginAuthorized(db, Action::Settings, by, approver);
    if (!tx)
        return std::unexpected(tx.error());
    if (auto ok =
            Journal::append(db, by.name, QStringLiteral("register_store_changed"),
                            {{QStringLiteral("register"), registerId()},
                             {QStringLiteral("to"), target},
                             {QStringLiteral("approver"), approver ? approver->name : QString()}});
        !ok)
        return ok;
    QSettings settings;
    const QVariant before = settings.value(QStringLiteral("store/location"));
    if (target == defaultPath())
        settings.remove(QStringLiteral("store/location"));
    else
        settings.setValue(QStringLiteral("store/location"), target);
    settings.sync();
    if (settings.status() != QSettings::NoError)
        return fail(ErrorCode::System,
                    oasis::tr("Could not save this computer's settings in %1. Nothing was changed.")
                        .arg(settings.fileName()));
    if (auto ok = tx->commit(); !ok) {
        if (before.isValid())
            settings.setValue(QStringLiteral("store/location"), before);
        else
            settings.remove(QStringLiteral("store/location"));
        return ok;
    }
    return {};
}

QString Store::locationProblem(const QString &location) {
    if (isOnServer(location)) {
        const QString problem = PostgresDriver::urlProblem(location);
        return problem.isEmpty() ? problem
                                 : oasis::tr("The store address %1 %2. Nothing was changed.")
                                       .arg(PostgresDriver::shownUrl(location), problem);
    }
    if (location.contains(QLatin1String("://")))
        return oasis::tr("A store server's address starts with postgresql://, as in "
                         "postgresql://register@backoffice/spa. Nothing was changed.");
    return {};
}

QString Store::describeLocation(const QString &location) {
    if (!isOnServer(location))
        return QDir::toNativeSeparators(location);
    const QUrl url(location);
    const QString database = url.path(QUrl::FullyDecoded).mid(1);
    return url.host().isEmpty() ? oasis::tr("%1 on this computer").arg(database)
                                : oasis::tr("%1 on %2").arg(database, url.host());
}

QString Store::serverState(const Database &db) {
    if (!db.driver().isServer())
        return {};
    // What the front desk needs to know, not where the server is (Settings says that).
    return db.serverReachable() ? oasis::tr("Store server: connected")
                                : oasis::tr("Store server: connection lost (reconnecting on the "
                                            "next operation)");
}

QString Store::registerId() {
    const QByteArray env = qgetenv("OASIS_REGISTER");
    if (!env.isEmpty())
        return QString::fromUtf8(env);
    QSettings settings;
    const QString configured = settings.value(QStringLiteral("register/id")).toString();
    return configured.isEmpty() ? QSysInfo::machineHostName() : configured;
}

QString Store::integrityProblem(const QString &path) {
    return Database::integrityProblem(path);
}

QString Store::defaultKeyDirectory() {
    return KeyRing::defaultDirectory();
}

Result<JournalReport> Store::verifyJournal(Database &db) {
    return Journal::verify(db);
}

Result<QStringList> Store::copyTo(Database &db, const QString &url, const StaffMember &by,
                                  const std::optional<StaffMember> &approver) {
    // Who may is decided inside the transaction that holds the store while it is copied (the
    // copy's own runs within it), so a role changed meanwhile cannot slip through (DESIGN §14).
    auto tx = beginAuthorized(db, Action::Backup, by, approver);
    if (!tx)
        return std::unexpected(tx.error());
    QStringList tables;
    if (auto ok = db.copyTo(url, by.name, &tables); !ok)
        return std::unexpected(ok.error());
    if (auto ok = tx->commit(); !ok)
        return std::unexpected(ok.error());
    return tables;
}

const QString &Store::pathOf(const Database &db) {
    return db.path();
}

const QString &Store::keyDirectoryOf(const Database &db) {
    return db.keyDirectory();
}

int Store::schemaVersion() const {
    return m_db->schemaVersion();
}

const QString &Store::path() const {
    return m_db->path();
}

const QString &Store::keyDirectory() const {
    return m_db->keyDirectory();
}

QString Store::keyFilePath() const {
    return m_db->keyFilePath();
}

const QStringList &Store::openWarnings() const {
    return m_db->openWarnings();
}

bool Store::wasCreated() const {
    return m_db->wasCreated();
}

bool Store::isSnapshot() const {
    return m_db->isSnapshot();
}

bool Store::moveToThread(QThread *thread) {
    return m_db->moveToThread(thread);
}

} // namespace oasis
