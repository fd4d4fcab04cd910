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

Result<StoreIdentity> readStoreIdentity(const QString &location, qint64 journalSeq) {
    // A missing file is told apart first: a read-only connection to it fails with less to say.
    // Only stat() here: the file itself is opened by SQLite alone (DESIGN §3).
    const bool onServer = Driver::forLocation(location).isServer();
    const QFileInfo info(location);
    const QString shown = onServer ? location : QDir::toNativeSeparators(info.absoluteFilePath());
    if (!onServer && (!info.exists() || info.size() == 0))
        return fail(ErrorCode::NotFound, oasis::tr("There is no database at %1.").arg(shown));
    if (!onServer && info.isDir())
        return fail(ErrorCode::Refused,
                    oasis::tr("%1 is a folder, not a database file.").arg(shown));
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
            StoreIdentity identity;
            QSqlQuery q(c);
            bool read = q.exec(QStringLiteral(
                "SELECT key, value FROM meta WHERE key IN ('database_id', 'key_check')"));
            while (read && q.next())
                (q.value(0).toString() == QLatin1String("database_id") ? identity.id
                                                                       : identity.keyCheck) =
                    q.value(1).toString();
            read = read && q.prepare(QStringLiteral("SELECT hash FROM journal WHERE seq = ?"));
            if (read) {
                q.addBindValue(journalSeq);
                read = q.exec();
            }
            if (read && q.next())
                identity.journalHash = q.value(0).toString();
            if (read && !identity.id.isEmpty() && !identity.keyCheck.isEmpty())
                result = identity;
            q.finish();
        }
        c.close();
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

} // namespace oasis
