// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/journal.h"

#include "core/clock.h"
#include "core/crypto.h"
#include "core/database.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

#include <map>

namespace oasis {

namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("Journal", text);
}

QString genesisHash() {
    return QString(64, u'0');
}

QString entryHash(const QByteArray &key, qint64 seq, const QString &at, const QString &actor,
                  const QString &kind, const QString &payload, const QString &prevHash) {
    // Length-prefixed fields: no two different entries serialise to the same bytes.
    QByteArray data;
    for (const QString &field : {QString::number(seq), at, actor, kind, payload, prevHash}) {
        const QByteArray utf8 = field.toUtf8();
        data += QByteArray::number(utf8.size()) + ':' + utf8;
    }
    return QString::fromLatin1(crypto::hmacSha256(key, data).toHex());
}
} // namespace

Status Journal::append(Database &db, const QString &actor, const QString &kind,
                       const QJsonObject &payload) {
    auto last = db.row(QStringLiteral("SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1"));
    if (!last)
        return std::unexpected(last.error());
    qint64 seq = 1;
    QString prev = genesisHash();
    if (!last->isEmpty()) {
        seq = last->value(0).toLongLong() + 1;
        prev = last->value(1).toString();
    }
    const QString at = toStorageTime(Clock::nowUtc());
    const QString body = QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact));
    const QString hash = entryHash(db.keys().journal, seq, at, actor, kind, body, prev);
    auto ok =
        db.write(QStringLiteral("INSERT INTO journal(seq, at, actor, kind, payload, prev_hash, "
                                "hash) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                 {seq, at, actor, kind, body, prev, hash});
    if (!ok)
        return std::unexpected(ok.error());
    db.m_journalTouched = true;
    return {};
}

Result<JournalReport> Journal::verify(const Database &db) {
    // The anchor outside the database: a cut-off tail leaves it pointing past the last entry.
    // A database gets its anchor when it is created, so a missing one was removed.
    std::optional<std::pair<qint64, QString>> anchored;
    QFile anchor(db.anchorFilePath());
    // A backup snapshot shares its store's id, but the anchor is the live store's head: a
    // snapshot's chain is checked on its own (and against its Z reports).
    if (db.isSnapshot())
        return verifyChain(db.handle(), db.keys().journal, std::nullopt);
    if (anchor.open(QIODevice::ReadOnly)) {
        const QList<QByteArray> parts = anchor.readLine().trimmed().split(' ');
        anchored = std::pair{parts.value(0).toLongLong(), QString::fromLatin1(parts.value(1))};
    }
    auto r = verifyChain(db.handle(), db.keys().journal, anchored);
    if (r && r->ok && !anchored && r->entries > 0) {
        r->ok = false;
        r->anchorMissing = true;
        r->firstBad = r->lastSeq + 1;
        r->problem = tr("the journal's anchor outside the database (%1) is missing, so entries "
                        "cut off after %2 would go unnoticed; compare the last Z report's "
                        "journal entry with this journal")
                         .arg(QDir::toNativeSeparators(db.anchorFilePath()))
                         .arg(r->lastSeq);
    }
    return r;
}

Result<JournalReport>
Journal::verifyChain(const QSqlDatabase &connection, const QByteArray &key,
                     const std::optional<std::pair<qint64, QString>> &anchor) {
    QSqlQuery q(connection);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral(
            "SELECT seq, at, actor, kind, payload, prev_hash, hash FROM journal ORDER BY seq")))
        return std::unexpected(storageError(tr("Reading the journal"), q.lastError()));
    // Each Z report records the journal's head when it was made (and prints it): the chain
    // must still hold that entry, unchanged.
    std::map<qint64, std::pair<qint64, QString>> zHeads; // journal seq -> (Z number, hash)
    {
        QSqlQuery z(connection);
        z.setForwardOnly(true);
        if (!z.exec(QStringLiteral("SELECT z_number, journal_seq, journal_hash FROM z_reports")))
            return std::unexpected(storageError(tr("Reading the Z reports"), z.lastError()));
        while (z.next())
            zHeads[z.value(1).toLongLong()] = {z.value(0).toLongLong(), z.value(2).toString()};
    }
    const qint64 anchoredSeq = anchor ? anchor->first : 0;
    JournalReport r;
    qint64 expected = 1;
    QString prev = genesisHash();
    QString hashAtAnchor;
    auto bad = [&r](qint64 seq, QString why) {
        if (r.firstBad == 0) {
            r.firstBad = seq;
            r.problem = std::move(why);
        }
    };
    while (q.next()) {
        const qint64 seq = q.value(0).toLongLong();
        ++r.entries;
        if (seq != expected)
            bad(expected, seq > expected ? tr("entry %1 is missing").arg(expected)
                                         : tr("entry %1 is out of order").arg(seq));
        const QString stored = q.value(6).toString();
        const QString computed =
            entryHash(key, seq, q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                      q.value(4).toString(), q.value(5).toString());
        if (!crypto::equal(computed.toLatin1(), stored.toLatin1()))
            bad(seq, tr("entry %1 was altered").arg(seq));
        else if (q.value(5).toString() != prev)
            bad(seq, tr("entry %1 does not follow the entry before it").arg(seq));
        prev = stored;
        expected = seq + 1;
        r.lastSeq = seq;
        r.lastHash = stored;
        if (seq == anchoredSeq)
            hashAtAnchor = stored;
        if (auto z = zHeads.find(seq); z != zHeads.end() && z->second.second != stored)
            bad(seq, tr("entry %1 does not match Z report %2, which recorded it")
                         .arg(seq)
                         .arg(z->second.first));
    }
    if (!zHeads.empty() && zHeads.rbegin()->first > r.lastSeq)
        bad(r.lastSeq + 1, tr("entries %1 to %2 were cut off (Z report %3 recorded %2)")
                               .arg(r.lastSeq + 1)
                               .arg(zHeads.rbegin()->first)
                               .arg(zHeads.rbegin()->second.first));
    if (anchoredSeq > r.lastSeq)
        bad(r.lastSeq + 1, tr("entries %1 to %2 were cut off (the anchor outside the database "
                              "records %2)")
                               .arg(r.lastSeq + 1)
                               .arg(anchoredSeq));
    else if (anchoredSeq > 0 && hashAtAnchor != anchor->second)
        bad(anchoredSeq,
            tr("entry %1 does not match the anchor outside the database").arg(anchoredSeq));
    r.ok = r.firstBad == 0;
    return r;
}

Result<std::pair<qint64, QString>> Journal::head(const Database &db) {
    auto q = db.exec(QStringLiteral("SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1"));
    if (!q)
        return std::unexpected(q.error());
    if (!q->next())
        return std::pair<qint64, QString>{0, genesisHash()};
    return std::pair<qint64, QString>{q->value(0).toLongLong(), q->value(1).toString()};
}

} // namespace oasis
