// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/storeidentity.h"

#include "core/domain/translate.h"
#include "core/storage/driver.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <atomic>

namespace oasis {

Result<StoreIdentity> readStoreIdentity(const QString &location) {
    // A file path is checked first (a read-only connection to a missing file fails with less
    // to say); a server's URL is for its engine's driver to reach.
    const bool isFile = !location.contains(QLatin1String("://"));
    const QString shown =
        isFile ? QDir::toNativeSeparators(QFileInfo(location).absoluteFilePath()) : location;
    if (isFile) {
        const QFileInfo info(location);
        if (!info.exists() || info.size() == 0)
            return fail(ErrorCode::NotFound, oasis::tr("There is no database at %1.").arg(shown));
        if (info.isDir())
            return fail(ErrorCode::Refused,
                        oasis::tr("%1 is a folder, not a database file.").arg(shown));
    }
    static std::atomic<int> counter{0};
    const QString name = QStringLiteral("oasis-identity-%1").arg(++counter);
    Result<StoreIdentity> result =
        fail(ErrorCode::Refused,
             oasis::tr("%1 is not an Oasis POS database, or is damaged.").arg(shown));
    {
        const Driver &driver = Driver::forLocation(location);
        QSqlDatabase c = driver.addConnection(name, location, Driver::Access::ReadOnly);
        if (!c.open()) {
            result = fail(ErrorCode::Storage,
                          oasis::tr("Cannot open %1: %2").arg(shown, c.lastError().text()));
        } else {
            QSqlQuery q(c);
            StoreIdentity identity;
            bool complete = q.exec(QStringLiteral(
                "SELECT key, value FROM meta WHERE key IN ('database_id', 'key_check')"));
            while (complete && q.next())
                (q.value(0).toString() == QLatin1String("database_id") ? identity.id
                                                                       : identity.keyCheck) =
                    q.value(1).toString();
            if (complete && !identity.id.isEmpty() && !identity.keyCheck.isEmpty())
                result = identity;
            q.finish();
        }
        c.close();
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

} // namespace oasis
