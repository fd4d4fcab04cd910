// SPDX-License-Identifier: GPL-3.0-or-later
// The journal: an owner running `journal verify` finds any edited, missing, swapped or cut entry.
#include "core/storage/database.h"
#include "core/storage/journal.h"
#include "tests/support/testsupport.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

#include <sys/stat.h>

using namespace oasis;
using namespace Qt::StringLiterals;

namespace {
void appendEntries(Database &db, int n) {
    for (int i = 1; i <= n; ++i) {
        auto tx = Transaction::begin(db);
        REQUIRE(tx);
        test::ok(Journal::append(db, u"frontdesk"_s, u"sale_completed"_s,
                                 {{u"receipt"_s, i}, {u"total_cents"_s, 1000 * i}}));
        test::ok(tx->commit());
    }
}

JournalReport verify(Database &db) {
    auto r = Journal::verify(db);
    if (!r)
        FAIL(r.error().message);
    return *r;
}
} // namespace

TEST_CASE("An untouched journal verifies and counts its entries", "[journal]") {
    test::TempDb db;
    auto empty = verify(db.db());
    REQUIRE(empty.ok);
    REQUIRE(empty.entries == 0);
    REQUIRE(empty.firstBad == 0);
    // A new database is anchored from the start, before its first entry.
    REQUIRE(QFileInfo::exists(db->anchorFilePath()));

    appendEntries(db.db(), 5);
    auto r = verify(db.db());
    REQUIRE(r.ok);
    REQUIRE(r.entries == 5);
    REQUIRE(r.firstBad == 0);
    REQUIRE(r.problem.isEmpty());

    auto head = Journal::head(db.db());
    REQUIRE(head);
    REQUIRE(head->first == 5);
    REQUIRE(head->second.size() == 64);
    // The head is anchored outside the database, beside the key file.
    QFile anchor(db->anchorFilePath());
    REQUIRE(anchor.open(QIODevice::ReadOnly));
    const QList<QByteArray> anchored = anchor.readAll().trimmed().split(' ');
    REQUIRE(anchored.size() == 3); // sequence, hash and the record's own check
    REQUIRE(anchored[0].toLongLong() == 5);
    REQUIRE(anchored[1] == head->second.toLatin1());
    REQUIRE(QFileInfo(db->anchorFilePath()).absolutePath() ==
            QFileInfo(db->keyFilePath()).absolutePath());

    SECTION("sequence numbers are gap-free and each entry chains to the previous one") {
        auto q = db->exec(u"SELECT seq, prev_hash, hash FROM journal ORDER BY seq"_s);
        REQUIRE(q);
        qint64 expected = 1;
        QString prev(64, u'0');
        while (q->next()) {
            REQUIRE(q->value(0).toLongLong() == expected++);
            REQUIRE(q->value(1).toString() == prev);
            prev = q->value(2).toString();
        }
        REQUIRE(expected == 6);
    }
    SECTION("an entry appended in a rolled-back operation leaves no trace") {
        {
            auto tx = Transaction::begin(db.db());
            REQUIRE(tx);
            test::ok(Journal::append(db.db(), u"frontdesk"_s, u"sale_completed"_s, {}));
        }
        auto after = verify(db.db());
        REQUIRE(after.ok);
        REQUIRE(after.entries == 5);
    }
    SECTION("verification survives a restart") {
        db.reopen();
        auto again = verify(db.db());
        REQUIRE(again.ok);
        REQUIRE(again.entries == 5);
    }
}

TEST_CASE("The anchor follows the head in place, and a savepoint rolled back after an entry "
          "anchors what was committed",
          "[journal]") {
    test::TempDb db;
    appendEntries(db.db(), 2);
    const QString path = db->anchorFilePath();
    const auto inode = [&] {
        struct stat st {};
        REQUIRE(::stat(QFile::encodeName(path).constData(), &st) == 0);
        return st.st_ino;
    };
    const auto before = inode();
    appendEntries(db.db(), 3);
    // Moved forward by overwriting its one record, not by a new file renamed over it.
    REQUIRE(inode() == before);
    auto head = Journal::head(db.db());
    REQUIRE(head);
    Database::Anchor anchored = Database::readAnchor(path);
    REQUIRE(anchored.state == Database::Anchor::State::Ok);
    REQUIRE(anchored.seq == 5);
    REQUIRE(anchored.hash == head->second);

    // An entry appended in a savepoint that is rolled back: the commit anchors the entry that
    // stayed, never the one that went.
    {
        auto tx = Transaction::begin(db.db());
        REQUIRE(tx);
        test::ok(Journal::append(db.db(), u"frontdesk"_s, u"sale_completed"_s, {}));
        {
            auto inner = Transaction::begin(db.db());
            REQUIRE(inner);
            test::ok(Journal::append(db.db(), u"frontdesk"_s, u"sale_completed"_s, {}));
        } // rolled back: not committed

        test::ok(tx->commit());
    }
    head = Journal::head(db.db());
    REQUIRE(head);
    REQUIRE(head->first == 6);
    anchored = Database::readAnchor(path);
    REQUIRE(anchored.seq == 6);
    REQUIRE(anchored.hash == head->second);
    REQUIRE(verify(db.db()).ok);

    SECTION("an anchor of the form before its check is replaced whole by the current form") {
        QFile file(path);
        REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(QByteArray::number(6).rightJustified(20, '0') + ' ' + head->second.toLatin1() +
                   '\n');
        file.close();
        REQUIRE(Database::readAnchor(path).state == Database::Anchor::State::Ok);
        appendEntries(db.db(), 1);
        REQUIRE(file.open(QIODevice::ReadOnly));
        REQUIRE(file.readAll().trimmed().split(' ').size() == 3);
        REQUIRE(Database::readAnchor(path).seq == 7);
        REQUIRE(verify(db.db()).ok);
    }
    SECTION("a record torn mid-write is unreadable, is not moved forward, and fails verify") {
        QFile file(path);
        REQUIRE(file.open(QIODevice::ReadWrite));
        file.seek(30);
        file.write("0123456789");
        file.close();
        REQUIRE(Database::readAnchor(path).state == Database::Anchor::State::Unreadable);
        appendEntries(db.db(), 1);
        REQUIRE(Database::readAnchor(path).state == Database::Anchor::State::Unreadable);
        REQUIRE_FALSE(verify(db.db()).ok);
    }
}

TEST_CASE("A connection's anchor, open between its commits, follows what other programs did to "
          "the file meanwhile",
          "[journal]") {
    test::TempDb db;
    appendEntries(db.db(), 2);
    const QString path = db->anchorFilePath();
    auto head = Journal::head(db.db());
    REQUIRE(head);

    SECTION("a file put in its place (a new file renamed over it) is the one moved forward") {
        REQUIRE(Database::writeAnchor(path, head->first, head->second.toLatin1(), false));
        appendEntries(db.db(), 1);
        REQUIRE(Database::readAnchor(path).seq == 3);
        REQUIRE(verify(db.db()).ok);
    }
    SECTION("a record another program moved further in place is read again, never moved back") {
        const QByteArray later(64, 'a');
        REQUIRE(Database::writeAnchor(path, 40, later, true));
        appendEntries(db.db(), 1);
        const Database::Anchor anchored = Database::readAnchor(path);
        REQUIRE(anchored.seq == 40);
        REQUIRE(anchored.hash == QString::fromLatin1(later));
    }
    SECTION("a file removed is not made again, and verify says so") {
        REQUIRE(QFile::remove(path));
        appendEntries(db.db(), 1);
        REQUIRE(Database::readAnchor(path).state == Database::Anchor::State::Missing);
        REQUIRE_FALSE(verify(db.db()).ok);
    }
}

TEST_CASE("Tampering with the journal is found at the first bad entry", "[journal]") {
    test::TempDb db;
    appendEntries(db.db(), 6);
    db.close();

    SECTION("an edited payload") {
        test::rawSql(db.path(), u"UPDATE journal SET payload = '{\"receipt\":3,\"total_cents\":1}' "
                                "WHERE seq = 3"_s);
        db.reopen();
        auto r = verify(db.db());
        REQUIRE_FALSE(r.ok);
        REQUIRE(r.firstBad == 3);
        REQUIRE(r.entries == 6);
        REQUIRE(r.problem.contains(u"altered"_s));
    }
    SECTION("an edited entry whose hash was recomputed without the key") {
        // Someone rewrites the hash as a plain SHA-256: still not the HMAC.
        test::rawSql(db.path(), u"UPDATE journal SET actor = 'owner', hash = "
                                "'0000000000000000000000000000000000000000000000000000000000000001'"
                                " WHERE seq = 2"_s);
        db.reopen();
        auto r = verify(db.db());
        REQUIRE_FALSE(r.ok);
        REQUIRE(r.firstBad == 2);
    }
    SECTION("a deleted entry in the middle") {
        test::rawSql(db.path(), u"DELETE FROM journal WHERE seq = 4"_s);
        db.reopen();
        auto r = verify(db.db());
        REQUIRE_FALSE(r.ok);
        REQUIRE(r.firstBad == 4);
        REQUIRE(r.entries == 5);
        REQUIRE(r.problem.contains(u"missing"_s));
    }
    SECTION("two entries swapped") {
        // Entry 2's content is moved under number 3 and the other way round.
        test::rawSql(db.path(), u"UPDATE journal SET seq = -2 WHERE seq = 2"_s);
        test::rawSql(db.path(), u"UPDATE journal SET seq = 2 WHERE seq = 3"_s);
        test::rawSql(db.path(), u"UPDATE journal SET seq = 3 WHERE seq = -2"_s);
        db.reopen();
        auto r = verify(db.db());
        REQUIRE_FALSE(r.ok);
        REQUIRE(r.firstBad == 2);
        REQUIRE(r.entries == 6);
    }
    SECTION("the last entries cut off") {
        test::rawSql(db.path(), u"DELETE FROM journal WHERE seq > 4"_s);
        db.reopen();
        auto r = verify(db.db());
        REQUIRE_FALSE(r.ok);
        REQUIRE(r.firstBad == 5);
        REQUIRE(r.entries == 4);
        REQUIRE(r.problem.contains(u"cut off"_s));
    }
    SECTION("the last entries cut off and the anchor file deleted") {
        test::rawSql(db.path(), u"DELETE FROM journal WHERE seq > 4"_s);
        db.reopen();
        REQUIRE(QFile::remove(db->anchorFilePath()));
        auto r = verify(db.db());
        REQUIRE_FALSE(r.ok);
        REQUIRE(r.firstBad == 5);
        REQUIRE(r.entries == 4);
        REQUIRE(r.problem.contains(u"anchor"_s));
        REQUIRE(r.problem.contains(u"missing"_s));

        // One more sale does not bring the anchor back and hide the cut.
        appendEntries(db.db(), 1);
        REQUIRE_FALSE(QFileInfo::exists(db->anchorFilePath()));
        auto after = verify(db.db());
        REQUIRE_FALSE(after.ok);
        REQUIRE(after.problem.contains(u"missing"_s));
    }
    SECTION("the last entries cut off and the anchor rewritten, after a Z report recorded them") {
        test::rawSql(
            db.path(),
            u"INSERT INTO z_reports(z_number, closed_at, period_total_cents, "
            "grand_total_cents, journal_seq, journal_hash, payload) SELECT 1, "
            "'2026-03-10T23:00:00.000Z', 0, 0, seq, hash, '{}' FROM journal WHERE seq = 6"_s);
        test::rawSql(db.path(), u"DELETE FROM journal WHERE seq > 4"_s);
        db.reopen();
        auto head = Journal::head(db.db());
        REQUIRE(head);
        REQUIRE(Database::writeAnchor(db->anchorFilePath(), head->first, head->second.toLatin1(),
                                      false));
        auto r = verify(db.db());
        REQUIRE_FALSE(r.ok);
        REQUIRE(r.firstBad == 5);
        REQUIRE(r.problem.contains(u"Z report 1"_s));
    }
    SECTION("the last entry's hash overwritten with another entry's") {
        test::rawSql(db.path(), u"UPDATE journal SET hash = (SELECT hash FROM journal WHERE "
                                "seq = 5) WHERE seq = 6"_s);
        db.reopen();
        auto r = verify(db.db());
        REQUIRE_FALSE(r.ok);
        REQUIRE(r.firstBad == 6);
    }
}
