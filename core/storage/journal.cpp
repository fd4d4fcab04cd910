// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/journal.h"

#include "core/domain/clock.h"
#include "core/domain/crypto.h"
#include "core/domain/money.h"
#include "core/domain/receiptcode.h"
#include "core/domain/translate.h"
#include "core/storage/database.h"
#include "core/storage/schema.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <charconv>
#include <map>
#include <tuple>
#include <utility>
#include <vector>

namespace oasis {

namespace {
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

// --- the books -------------------------------------------------------------------------------

/// A table of the books as an entry records it: a fixed list of columns (never SELECT *, so a
/// column added later does not change the digest of the rows recorded before it).
struct BookTable {
    QLatin1StringView name;
    QLatin1StringView key; ///< the column the recorded ids are of
    QLatin1StringView columns;
    QLatin1StringView order;
    bool bySale = false; ///< rows hang off the entry's sales ids (sale_taxes has no id)
    int since = 0;       ///< the schema step that made the table (0: before the books' step)
};

// The digest's order. Version 1 of the books record ("v": 1).
const BookTable kBooks[] = {
    {QLatin1StringView("sales"), QLatin1StringView("id"),
     QLatin1StringView("id, receipt_no, kind, original_sale_id, created_at, business_date, "
                       "register_id, staff_id, approver_id, shift_id, discount_spec, "
                       "subtotal_cents, discount_cents, tax_cents, tip_cents, total_cents, "
                       "change_cents, note"),
     QLatin1StringView("id")},
    {QLatin1StringView("sale_taxes"), QLatin1StringView("sale_id"),
     QLatin1StringView("sale_id, tax_class, base_cents, ppm, tax_cents"),
     QLatin1StringView("sale_id, tax_class"), true},
    {QLatin1StringView("sale_lines"), QLatin1StringView("id"),
     QLatin1StringView("id, sale_id, line_no, kind, item_id, code, name, quantity, "
                       "unit_price_cents, line_discount_cents, ticket_discount_cents, net_cents, "
                       "tax_class, tax_cents, therapist_id, giftcard_id, original_line_id, "
                       "price_overridden"),
     QLatin1StringView("id")},
    {QLatin1StringView("sale_tenders"), QLatin1StringView("id"),
     QLatin1StringView("id, sale_id, type, amount_cents, tendered_cents, card_last4, auth_code, "
                       "giftcard_id, original_tender_id"),
     QLatin1StringView("id")},
    {QLatin1StringView("stock_movements"), QLatin1StringView("id"),
     QLatin1StringView("id, item_id, quantity, reason, unit_cost_cents, sale_id, reference, "
                       "note, staff_id, created_at, lot, expires, supplier"),
     QLatin1StringView("id")},
    {QLatin1StringView("giftcards"), QLatin1StringView("id"),
     QLatin1StringView("id, lookup_hash, last4, sealed_code, created_at, sale_id, replaces_id, "
                       "recipient, sender, message"),
     QLatin1StringView("id")},
    {QLatin1StringView("giftcard_activity"), QLatin1StringView("id"),
     QLatin1StringView("id, giftcard_id, kind, amount_cents, sale_id, staff_id, approver_id, "
                       "reason, created_at"),
     QLatin1StringView("id")},
    {QLatin1StringView("cash_movements"), QLatin1StringView("id"),
     QLatin1StringView("id, shift_id, kind, amount_cents, reason, staff_id, approver_id, "
                       "giftcard_activity_id, created_at"),
     QLatin1StringView("id")},
    {QLatin1StringView("z_reports"), QLatin1StringView("id"),
     QLatin1StringView("id, z_number, closed_at, staff_id, first_sale_id, last_sale_id, "
                       "period_total_cents, grand_total_cents, journal_seq, journal_hash, "
                       "payload, last_giftcard_activity_id, last_cash_movement_id"),
     QLatin1StringView("id")},
    // Schema step 14: entries that wrote no link carry no key for it, so their digests hold.
    {QLatin1StringView("sale_clients"), QLatin1StringView("id"),
     QLatin1StringView("id, sale_id, client_id"), QLatin1StringView("id"), false, 14},
    // Schema step 16: service vouchers and their liability ledger.
    {QLatin1StringView("vouchers"), QLatin1StringView("id"),
     QLatin1StringView("id, lookup_hash, last4, sealed_code, item_id, paid_cents, sale_id, "
                       "line_id, created_at"),
     QLatin1StringView("id"), false, 16},
    {QLatin1StringView("voucher_activity"), QLatin1StringView("id"),
     QLatin1StringView("id, voucher_id, kind, amount_cents, covered_cents, sale_id, line_id, "
                       "staff_id, created_at"),
     QLatin1StringView("id"), false, 16},
    // Schema step 17: promotional value on gift cards, its own ledger.
    {QLatin1StringView("giftcard_promo"), QLatin1StringView("id"),
     QLatin1StringView("id, giftcard_id, kind, lot_id, amount_cents, expires_on, sale_id, "
                       "staff_id, approver_id, reason, created_at"),
     QLatin1StringView("id"), false, 17},
    // Schema step 18: session packages, what was sold and its sessions ledger.
    {QLatin1StringView("package_products"), QLatin1StringView("id"),
     QLatin1StringView("id, code, item_id, sessions, price_cents, staff_id, created_at"),
     QLatin1StringView("id"), false, 18},
    {QLatin1StringView("packages"), QLatin1StringView("id"),
     QLatin1StringView("id, lookup_hash, last4, sealed_code, product_id, item_id, sessions, "
                       "paid_cents, client_id, sale_id, line_id, created_at"),
     QLatin1StringView("id"), false, 18},
    {QLatin1StringView("package_activity"), QLatin1StringView("id"),
     QLatin1StringView("id, package_id, seq, kind, sessions, amount_cents, sale_id, line_id, "
                       "staff_id, approver_id, created_at"),
     QLatin1StringView("id"), false, 18},
    // Schema step 19: sales made offline, when they were made and landed.
    {QLatin1StringView("offline_sales"), QLatin1StringView("id"),
     QLatin1StringView("id, sale_id, register_id, made_at, landed_at, differences"),
     QLatin1StringView("id"), false, 19},
};
constexpr int kBooksVersion = 1;

const QString kBooksKey = QStringLiteral("books");
const QString kHistoryKind = QStringLiteral("books_history");

/// Inclusive id ranges, ascending.
using Ranges = std::vector<std::pair<qint64, qint64>>;

Ranges toRanges(std::vector<qint64> ids) {
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    Ranges r;
    for (qint64 id : ids) {
        if (!r.empty() && r.back().second + 1 == id)
            r.back().second = id;
        else
            r.emplace_back(id, id);
    }
    return r;
}

QString encodeRanges(const Ranges &ranges) {
    QStringList parts;
    for (const auto &[lo, hi] : ranges)
        parts << (lo == hi ? QString::number(lo) : QStringLiteral("%1-%2").arg(lo).arg(hi));
    return parts.join(u',');
}

std::optional<Ranges> decodeRanges(const QString &text) {
    Ranges r;
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts)) {
        const qsizetype dash = part.indexOf(u'-', 1);
        bool ok1 = false, ok2 = true;
        const qint64 lo = (dash < 0 ? part : part.left(dash)).toLongLong(&ok1);
        const qint64 hi = dash < 0 ? lo : part.mid(dash + 1).toLongLong(&ok2);
        if (!ok1 || !ok2 || hi < lo || (!r.empty() && lo <= r.back().second))
            return std::nullopt;
        r.emplace_back(lo, hi);
    }
    return r;
}

qint64 countOf(const Ranges &ranges) {
    qint64 n = 0;
    for (const auto &[lo, hi] : ranges)
        n += hi - lo + 1;
    return n;
}

/// `n` in decimal, as QByteArray::number() writes it, appended without a buffer of its own
/// (a sale serialises some 400 values).
void appendNumber(QByteArray &out, qint64 n) {
    char digits[24];
    const auto end = std::to_chars(std::begin(digits), std::end(digits), n).ptr;
    out.append(digits, end - digits);
}

/// One column's value with its kind and length.
void serialiseValue(const QVariant &v, QByteArray &out) {
    if (v.isNull()) { // Qt 6: an invalid value, or a null text or bytes as a driver reads NULL
        out += 'n';
        return;
    }
    switch (v.typeId()) {
    case QMetaType::LongLong:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
        out += 'i';
        appendNumber(out, v.toLongLong());
        out += ';';
        break;
    case QMetaType::Double:
        out += 'd';
        out += QByteArray::number(v.toDouble(), 'g', 17);
        out += ';';
        break;
    case QMetaType::QByteArray: {
        const QByteArray b = v.toByteArray();
        out += 'b';
        appendNumber(out, b.size());
        out += ':';
        out += b;
        break;
    }
    default: {
        const QByteArray t = v.toString().toUtf8();
        out += 't';
        appendNumber(out, t.size());
        out += ':';
        out += t;
    }
    }
}

/// One row's columns, each with its kind and length: no two different rows serialise alike.
void serialiseRow(const QSqlQuery &q, int columns, QByteArray &out) {
    out += 'r';
    for (int i = 0; i < columns; ++i)
        serialiseValue(q.isNull(i) ? QVariant() : q.value(i), out);
}

/// What the rows of one table within `ranges` are now: their serialisation appended to `out`,
/// how many there are, and the first recorded id with no row (id-keyed tables).
struct TableRead {
    qint64 rows = 0;
    qint64 firstMissing = 0;
};

} // namespace

class BookReader final {
public:
    explicit BookReader(const Database &db)
        : m_db(db) {}
    Result<TableRead> read(const BookTable &t, const Ranges &ranges, QByteArray &out) const {
        TableRead r;
        const QString sql = QStringLiteral("SELECT %1 FROM %2 WHERE %3 BETWEEN ? AND ? ORDER BY %4")
                                .arg(t.columns, t.name, t.key, t.order);
        out += 'T' + QByteArray::number(t.name.size()) + ':' +
               QByteArray(t.name.data(), t.name.size());
        for (const auto &[lo, hi] : ranges) {
            auto q = m_db.checkout(sql, {lo, hi});
            if (!q)
                return std::unexpected(q.error());
            const int columns = int(t.columns.count(u',')) + 1;
            qint64 expect = lo;
            while (q->next()) {
                serialiseRow(*q, columns, out);
                ++r.rows;
                if (!t.bySale) {
                    const qint64 id = q->value(0).toLongLong();
                    if (id != expect && r.firstMissing == 0)
                        r.firstMissing = expect;
                    expect = id + 1;
                }
            }
            if (!t.bySale && expect <= hi && r.firstMissing == 0)
                r.firstMissing = expect;
            const bool failed = q->lastError().isValid();
            const QSqlError error = q->lastError();
            m_db.checkin(sql, std::move(*q));
            if (failed)
                return std::unexpected(storageError(oasis::tr("Reading %1").arg(t.name), error));
        }
        return r;
    }

private:
    const Database &m_db;
};

namespace {
/// What a books digest covers starts with this; the rows follow it in the same buffer.
constexpr char kDigestPrefix[] = "oasis-books-v1";

/// The digest of `rows`, which start with kDigestPrefix.
QString digestOf(const QByteArray &key, const QByteArray &rows) {
    return QString::fromLatin1(crypto::hmacSha256(key, rows).toHex());
}
} // namespace

QString Journal::recordedColumns(QStringView table) {
    for (const BookTable &t : kBooks)
        if (t.name == table)
            return QString(t.columns);
    return {};
}

QByteArray Journal::serialisedRow(const QVariantList &row) {
    QByteArray out;
    out.reserve(256);
    out += 'r';
    for (const QVariant &v : row)
        serialiseValue(v, out);
    return out;
}

Result<QJsonObject> Journal::recordBooks(const Database &db) {
    // The rows as their INSERTs returned them (the books are append-only, so they are still
    // what a read would give), in the order verify reads them: by id, sale_taxes by sale and
    // tax class (lowercase words, which every collation orders alike).
    std::map<QString, std::vector<const Database::BookRow *>> written;
    for (const Database::BookRow &r : db.m_bookRows)
        written[r.table].push_back(&r);
    QJsonObject books{{QStringLiteral("v"), kBooksVersion}};
    QByteArray rows = kDigestPrefix;
    qsizetype size = rows.size();
    for (const Database::BookRow &r : db.m_bookRows)
        size += r.row.size() + 32;
    rows.reserve(size);
    for (const BookTable &t : kBooks) {
        const QString name(t.name);
        if (!written.contains(t.bySale ? QStringLiteral("sales") : name))
            continue;
        std::vector<const Database::BookRow *> &mine = written[name];
        std::sort(mine.begin(), mine.end(), [](const auto *a, const auto *b) {
            return std::tie(a->key, a->order) < std::tie(b->key, b->order);
        });
        rows += 'T' + QByteArray::number(t.name.size()) + ':' +
                QByteArray(t.name.data(), t.name.size());
        for (const Database::BookRow *r : mine)
            rows += r->row;
        if (t.bySale)
            continue;
        std::vector<qint64> ids;
        ids.reserve(mine.size());
        for (const Database::BookRow *r : mine)
            ids.push_back(r->key);
        const Ranges ranges = toRanges(std::move(ids));
        if (countOf(ranges) != qint64(mine.size()))
            return fail(
                ErrorCode::System,
                oasis::tr("The journal cannot record the rows just written to %1.").arg(t.name));
        books.insert(name, encodeRanges(ranges));
    }
    books.insert(QStringLiteral("digest"), digestOf(db.keys().journal, rows));
    return books;
}

Status Journal::markHistory(Database &db, const QString &actor) {
    QJsonObject before;
    bool any = false;
    for (const BookTable &t : kBooks) {
        // A table made after this step has no history to mark (it does not exist yet).
        if (t.bySale || t.since > schema::kBooksJournaled)
            continue;
        auto last = db.scalar(QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM %1").arg(t.name));
        if (!last)
            return std::unexpected(last.error());
        any = any || last->toLongLong() > 0;
        before.insert(QString(t.name), last->toLongLong() + 1);
    }
    if (!any)
        return {};
    db.m_bookRows.clear();
    return append(db, actor, kHistoryKind, {{QStringLiteral("before"), before}});
}

Status Journal::append(Database &db, const QString &actor, const QString &kind,
                       const QJsonObject &payload) {
    // A sale that shares the store's lock takes the journal's head for itself here, as late as
    // it can: the sales of other registers wrote their rows meanwhile and wait only from here
    // to this one's commit. The read sees every entry committed before the lock was had: on a
    // server, the lock and the read are one round trip (Driver::lockedJournalHead); else the
    // lock is a statement of its own before the read.
    const QStringList lock{QStringLiteral("0")};
    const QStringList locks = db.lockExpressions({Database::LockSpace::JournalHead, lock, {}});
    const QString held = Database::heldName(locks, {});
    const QString lockedRead =
        db.lockToTake(locks, held)
            ? db.m_driver->lockedJournalHead(static_cast<int>(Database::LockSpace::JournalHead))
            : QString();
    if (lockedRead.isEmpty())
        if (auto ok = db.lockForWrite(Database::LockSpace::JournalHead, lock); !ok)
            return ok;
    auto last =
        db.row(lockedRead.isEmpty()
                   ? QStringLiteral("SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1")
                   : lockedRead);
    if (!last)
        return std::unexpected(last.error());
    if (!lockedRead.isEmpty())
        db.m_locksHeld << held;
    qint64 seq = 1;
    QString prev = genesisHash();
    if (!last->isEmpty()) {
        seq = last->value(0).toLongLong() + 1;
        prev = last->value(1).toString();
    }
    QJsonObject recorded = payload;
    if (!db.m_bookRows.empty()) {
        auto books = recordBooks(db);
        if (!books)
            return std::unexpected(books.error());
        recorded.insert(kBooksKey, *books);
        db.m_bookRows.clear();
    }
    const QString at = toStorageTime(Clock::nowUtc());
    const QString body = QString::fromUtf8(QJsonDocument(recorded).toJson(QJsonDocument::Compact));
    const QString hash = entryHash(db.keys().journal, seq, at, actor, kind, body, prev);
    // Nothing of it is read back: on a server it goes with the next statement, the COMMIT last
    // (Transaction::commit), in one round trip.
    if (auto ok = db.defer(QStringLiteral("INSERT INTO journal(seq, at, actor, kind, payload, "
                                          "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                           {seq, at, actor, kind, body, prev, hash});
        !ok)
        return ok;
    db.m_journalTouched = true;
    db.m_appendedHead.emplace(seq, hash);
    return {};
}

namespace {
QString money(qint64 cents) {
    return Money::fromCents(cents).toString();
}

/// What an entry was about, for a person: "sale R-000012", "Z report 3", "stock_receive".
QString entryLabel(const QString &kind, const QJsonObject &payload) {
    if (payload.contains(QStringLiteral("receipt")))
        return QStringLiteral("%1 %2").arg(kind,
                                           receiptCode(payload.value(u"receipt").toInteger()));
    if (kind == QLatin1String("z_report"))
        return oasis::tr("Z report %1").arg(payload.value(u"z_number").toInteger());
    if (payload.contains(QStringLiteral("code")))
        return QStringLiteral("%1 %2").arg(kind, payload.value(u"code").toString());
    return kind;
}

/// One row of the books, for a person ("sale R-000012 of $26.53", "a gift-card load of $500.00
/// on the card ending 7QKD").
QString rowLabel(const Database &db, const QString &table, qint64 id) {
    auto one = [&db, id](const char *sql) {
        auto row = db.row(QString::fromLatin1(sql), {id});
        return row ? *row : QVariantList();
    };
    QVariantList v;
    if (table == QLatin1String("sales")) {
        v = one("SELECT kind, receipt_no, total_cents FROM sales WHERE id = ?");
        if (v.size() == 3)
            return oasis::tr("%1 %2 of %3")
                .arg(v[0].toString(), receiptCode(v[1].toLongLong()), money(v[2].toLongLong()));
    } else if (table == QLatin1String("sale_lines") || table == QLatin1String("sale_tenders")) {
        v = db.row(QStringLiteral("SELECT s.receipt_no FROM %1 x JOIN sales s ON s.id = x.sale_id "
                                  "WHERE x.id = ?")
                       .arg(table),
                   {id})
                .value_or(QVariantList());
        if (v.size() == 1)
            return (table == QLatin1String("sale_lines") ? oasis::tr("a line of %1")
                                                         : oasis::tr("a tender of %1"))
                .arg(receiptCode(v[0].toLongLong()));
    } else if (table == QLatin1String("sale_taxes")) {
        v = one("SELECT receipt_no FROM sales WHERE id = ?");
        if (v.size() == 1)
            return oasis::tr("a tax row of %1").arg(receiptCode(v[0].toLongLong()));
        return oasis::tr("a tax row of a sale that does not exist (sale id %1)").arg(id);
    } else if (table == QLatin1String("stock_movements")) {
        v = one("SELECT COALESCE(i.code, ''), m.quantity, m.reason FROM stock_movements m "
                "LEFT JOIN items i ON i.id = m.item_id WHERE m.id = ?");
        if (v.size() == 3)
            return oasis::tr("a stock movement of %1 (%2, %3)")
                .arg(v[0].toString())
                .arg(v[1].toLongLong())
                .arg(v[2].toString());
    } else if (table == QLatin1String("giftcards")) {
        v = one("SELECT last4 FROM giftcards WHERE id = ?");
        if (v.size() == 1)
            return oasis::tr("the gift card ending %1").arg(v[0].toString());
    } else if (table == QLatin1String("giftcard_activity")) {
        v = one("SELECT a.kind, a.amount_cents, COALESCE(g.last4, '') FROM giftcard_activity a "
                "LEFT JOIN giftcards g ON g.id = a.giftcard_id WHERE a.id = ?");
        if (v.size() == 3)
            return oasis::tr("a gift-card %1 of %2 on the card ending %3")
                .arg(v[0].toString(), money(v[1].toLongLong()), v[2].toString());
    } else if (table == QLatin1String("cash_movements")) {
        v = one("SELECT kind, amount_cents FROM cash_movements WHERE id = ?");
        if (v.size() == 2)
            return oasis::tr("a %1 of %2").arg(v[0].toString(), money(v[1].toLongLong()));
    } else if (table == QLatin1String("sale_clients")) {
        v = db.row(QStringLiteral("SELECT s.receipt_no FROM sale_clients x JOIN sales s ON "
                                  "s.id = x.sale_id WHERE x.id = ?"),
                   {id})
                .value_or(QVariantList());
        if (v.size() == 1)
            return oasis::tr("the client of %1").arg(receiptCode(v[0].toLongLong()));
    } else if (table == QLatin1String("giftcard_promo")) {
        v = one("SELECT p.kind, p.amount_cents, COALESCE(g.last4, '') FROM giftcard_promo p "
                "LEFT JOIN giftcards g ON g.id = p.giftcard_id WHERE p.id = ?");
        if (v.size() == 3)
            return oasis::tr("a promotional %1 of %2 on the gift card ending %3")
                .arg(v[0].toString(), money(v[1].toLongLong()), v[2].toString());
    } else if (table == QLatin1String("z_reports")) {
        v = one("SELECT z_number FROM z_reports WHERE id = ?");
        if (v.size() == 1)
            return oasis::tr("Z report %1").arg(v[0].toLongLong());
    }
    return oasis::tr("row %1 of %2").arg(id).arg(table);
}

bool isDamage(const QSqlError &e) {
    const QString code = e.nativeErrorCode();
    const QString text = e.databaseText();
    return code == QLatin1String("11") || code == QLatin1String("26") ||
           text.contains(QLatin1String("malformed"), Qt::CaseInsensitive) ||
           text.contains(QLatin1String("not a database"), Qt::CaseInsensitive);
}

JournalReport damagedReport(const QString &finding) {
    JournalReport r;
    r.damaged = true;
    r.problem = oasis::tr("the database file is damaged (%1): restore the latest backup")
                    .arg(QString(finding).replace(u'\n', u' ').simplified());
    return r;
}
} // namespace

namespace {
/// One read transaction for as long as it lives (none inside the caller's own transaction):
/// a deferred BEGIN on SQLite, whose snapshot starts at the first read, and a read-only
/// REPEATABLE READ on a server.
class ReadSnapshot final {
public:
    /// `begin`: false inside the caller's own transaction (its snapshot is already one).
    ReadSnapshot(const QSqlDatabase &connection, bool begin, bool server)
        : m_connection(connection) {
        if (!begin)
            return;
        QSqlQuery q(m_connection);
        m_open = q.exec(server ? QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                               : QStringLiteral("BEGIN"));
    }
    ~ReadSnapshot() { end(); }
    ReadSnapshot(const ReadSnapshot &) = delete;
    ReadSnapshot &operator=(const ReadSnapshot &) = delete;
    void end() {
        if (!std::exchange(m_open, false))
            return;
        QSqlQuery q(m_connection);
        q.exec(QStringLiteral("ROLLBACK")); // it read only
    }

private:
    QSqlDatabase m_connection;
    bool m_open = false;
};
} // namespace

Result<JournalReport> Journal::verify(const Database &db) {
    // Inside a transaction, what it queued to send (its journal entry) is read too.
    if (auto sent = db.flushDeferred(); !sent)
        return std::unexpected(sent.error());
    // The file first: an unreadable page says nothing about tampering, and reading the books
    // from a damaged file would report changes nobody made.
    {
        QSqlQuery q(db.handle());
        readForwardOnly(q);
        if (!q.exec(db.driver().quickCheck())) {
            if (isDamage(q.lastError()))
                return damagedReport(q.lastError().databaseText());
            return std::unexpected(
                storageError(oasis::tr("Checking the database file"), q.lastError()));
        }
        QStringList findings;
        while (q.next())
            findings << q.value(0).toString();
        if (q.lastError().isValid() && isDamage(q.lastError()))
            return damagedReport(q.lastError().databaseText());
        if (findings != QStringList{QStringLiteral("ok")})
            return damagedReport(findings.mid(0, 3).join(QStringLiteral("; ")));
    }
    // A backup snapshot shares its store's id, but the anchor is the live store's head: a
    // snapshot's chain and books are checked on their own (and against its Z reports).
    if (db.isSnapshot()) {
        auto r = verifyChain(db.handle(), db.keys().journal, std::nullopt);
        if (r && r->ok)
            if (auto ok = verifyBooks(db, *r); !ok)
                return std::unexpected(ok.error());
        return r;
    }
    // The anchor outside the database: a cut-off tail leaves it pointing past the last entry.
    // A database gets its anchor when it is created, so a missing one was removed, and an empty
    // or garbled one was damaged or emptied (its writes are whole: temporary file and rename).
    const Database::Anchor anchor = Database::readAnchor(db.anchorFilePath());
    std::optional<std::pair<qint64, QString>> anchored;
    if (anchor.state == Database::Anchor::State::Ok)
        anchored = std::pair{anchor.seq, anchor.hash};
    // The chain and the books are read in one snapshot, taken after the anchor (which only
    // moves after a commit, so it is never ahead of it): a sale committed by another register
    // while verify reads must not show as a row no entry recorded.
    ReadSnapshot snapshot(db.handle(), db.m_depth == 0, db.driver().isServer());
    auto r = verifyChain(db.handle(), db.keys().journal, anchored);
    if (!r)
        return r;
    if (!r->ok)
        return r;
    if (auto ok = verifyBooks(db, *r); !ok)
        return std::unexpected(ok.error());
    snapshot.end();
    if (!r->ok)
        return r;
    const QString anchorPath = QDir::toNativeSeparators(db.anchorFilePath());
    if (anchor.state == Database::Anchor::State::Unreadable) {
        r->ok = false;
        r->anchorUnreadable = true;
        r->firstBad = r->lastSeq + 1;
        r->problem =
            oasis::tr("the journal anchor %1 is empty or unreadable, so entries cut off after %2 "
                      "would go unnoticed; compare the last Z report's journal entry with this "
                      "journal")
                .arg(anchorPath)
                .arg(r->lastSeq);
    } else if (anchor.state == Database::Anchor::State::Missing && r->entries > 0) {
        r->ok = false;
        r->anchorMissing = true;
        r->firstBad = r->lastSeq + 1;
        r->problem =
            oasis::tr("the journal's anchor outside the database (%1) is missing, so entries "
                      "cut off after %2 would go unnoticed; compare the last Z report's "
                      "journal entry with this journal")
                .arg(anchorPath)
                .arg(r->lastSeq);
    }
    return r;
}

Status Journal::verifyBooks(const Database &db, JournalReport &report) {
    struct Span {
        qint64 lo = 0, hi = 0, seq = 0;
    };
    std::map<QString, std::vector<Span>> spans;           // id-keyed table -> recorded ids
    std::map<QString, std::pair<qint64, qint64>> history; // table -> (first recorded id, seq)
    qint64 badSeq = 0;
    QString badWhy;
    auto bad = [&](qint64 seq, const QString &why) {
        if (badSeq == 0 || seq < badSeq) {
            badSeq = seq;
            badWhy = why;
        }
    };
    const BookReader reader(db);
    QSqlQuery q(db.handle());
    readForwardOnly(q);
    if (!q.exec(QStringLiteral("SELECT seq, kind, payload FROM journal ORDER BY seq")))
        return std::unexpected(storageError(oasis::tr("Reading the journal"), q.lastError()));
    while (q.next()) {
        const qint64 seq = q.value(0).toLongLong();
        const QString kind = q.value(1).toString();
        const QJsonObject payload =
            QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object();
        if (kind == kHistoryKind) {
            const QJsonObject before = payload.value(u"before").toObject();
            for (auto it = before.begin(); it != before.end(); ++it)
                if (it.value().toInteger() > history[it.key()].first)
                    history[it.key()] = {it.value().toInteger(), seq};
            continue;
        }
        const QString label = entryLabel(kind, payload);
        const QJsonValue booksValue = payload.value(kBooksKey);
        if (!booksValue.isObject()) {
            // Written before entries recorded their rows: what the payload says still holds.
            if (badSeq != 0 || !payload.contains(QStringLiteral("receipt")) ||
                !(kind == QLatin1String("sale") || kind == QLatin1String("refund") ||
                  kind == QLatin1String("void")))
                continue;
            auto row = db.row(QStringLiteral("SELECT total_cents FROM sales WHERE receipt_no = ?"),
                              {payload.value(u"receipt").toInteger()});
            if (!row)
                return std::unexpected(row.error());
            const qint64 recorded = payload.value(u"total_cents").toInteger();
            if (row->isEmpty())
                bad(seq, oasis::tr("%1 was deleted from the books (journal entry %2 recorded it)")
                             .arg(label)
                             .arg(seq));
            else if (row->value(0).toLongLong() != recorded)
                bad(seq, oasis::tr("%1's total was changed after it was recorded (journal entry %2 "
                                   "recorded %3, the books say %4)")
                             .arg(label)
                             .arg(seq)
                             .arg(money(recorded), money(row->value(0).toLongLong())));
            continue;
        }
        const QJsonObject books = booksValue.toObject();
        if (books.value(u"v").toInt() != kBooksVersion) {
            bad(seq, oasis::tr("journal entry %1 records the books in a form this program does not "
                               "know: update Oasis POS")
                         .arg(seq));
            continue;
        }
        QByteArray rows = kDigestPrefix;
        QString why;
        QStringList tables;
        for (const BookTable &t : kBooks) {
            const QString key = t.bySale ? QStringLiteral("sales") : QString(t.name);
            if (!books.contains(key) || t.since > db.schemaVersion())
                continue;
            const auto ranges = decodeRanges(books.value(key).toString());
            if (!ranges) {
                why = oasis::tr("journal entry %1's record of the books cannot be read").arg(seq);
                break;
            }
            if (!t.bySale)
                for (const auto &[lo, hi] : *ranges)
                    spans[QString(t.name)].push_back({lo, hi, seq});
            if (badSeq != 0) // a finding at an earlier entry stands; only the ids matter now
                continue;
            auto read = reader.read(t, *ranges, rows);
            if (!read)
                return std::unexpected(read.error());
            tables << QString(t.name);
            if (read->firstMissing != 0 && why.isEmpty())
                why =
                    oasis::tr("%1 was deleted from the books: the %2 row %3 that journal entry %4 "
                              "recorded is missing")
                        .arg(label, QString(t.name))
                        .arg(read->firstMissing)
                        .arg(seq);
        }
        if (badSeq != 0)
            continue;
        if (why.isEmpty() && !crypto::equal(digestOf(db.keys().journal, rows).toLatin1(),
                                            books.value(u"digest").toString().toLatin1())) {
            why = oasis::tr("the rows of %1 (%2) were changed after journal entry %3 recorded them")
                      .arg(label, tables.join(QStringLiteral(", ")))
                      .arg(seq);
            // Name the change where the entry itself says what was recorded.
            if (payload.contains(QStringLiteral("receipt")) &&
                payload.contains(QStringLiteral("total_cents"))) {
                auto row =
                    db.row(QStringLiteral("SELECT total_cents FROM sales WHERE receipt_no = ?"),
                           {payload.value(u"receipt").toInteger()});
                if (!row)
                    return std::unexpected(row.error());
                const qint64 recorded = payload.value(u"total_cents").toInteger();
                if (!row->isEmpty() && row->value(0).toLongLong() != recorded)
                    why =
                        oasis::tr("%1's total was changed after it was recorded (journal entry %2 "
                                  "recorded %3, the books say %4)")
                            .arg(label)
                            .arg(seq)
                            .arg(money(recorded), money(row->value(0).toLongLong()));
            }
        }
        if (!why.isEmpty())
            bad(seq, why);
    }
    if (q.lastError().isValid())
        return std::unexpected(storageError(oasis::tr("Reading the journal"), q.lastError()));
    testPoint("journal.verify.entries_read"); // a test commits a sale on another register here

    // Every row of the books after the recorded history is recorded by exactly one entry.
    for (const BookTable &t : kBooks) {
        // A store (a snapshot) from before the step that made the table has none of its rows.
        if (t.since > db.schemaVersion())
            continue;
        const QString name(t.name);
        std::vector<Span> &v = spans[t.bySale ? QStringLiteral("sales") : name];
        std::sort(v.begin(), v.end(), [](const Span &a, const Span &b) { return a.lo < b.lo; });
        if (!t.bySale)
            for (std::size_t i = 1; i < v.size(); ++i)
                if (v[i].lo <= v[i - 1].hi)
                    bad(std::max(v[i].seq, v[i - 1].seq),
                        oasis::tr("%1 is recorded by two journal entries (%2 and %3)")
                            .arg(rowLabel(db, name, v[i].lo))
                            .arg(std::min(v[i].seq, v[i - 1].seq))
                            .arg(std::max(v[i].seq, v[i - 1].seq)));
        const auto h = history[t.bySale ? QStringLiteral("sales") : name];
        QSqlQuery ids(db.handle());
        readForwardOnly(ids);
        if (!ids.prepare(
                QStringLiteral("SELECT %1 FROM %2 WHERE %1 >= ? ORDER BY %1").arg(t.key, t.name)))
            return std::unexpected(
                storageError(oasis::tr("Reading %1").arg(name), ids.lastError()));
        ids.addBindValue(std::max<qint64>(h.first, 0));
        if (!ids.exec())
            return std::unexpected(
                storageError(oasis::tr("Reading %1").arg(name), ids.lastError()));
        std::size_t p = 0;
        while (ids.next()) {
            const qint64 id = ids.value(0).toLongLong();
            while (p < v.size() && v[p].hi < id)
                ++p;
            if (p < v.size() && v[p].lo <= id)
                continue;
            const qint64 after = p > 0 ? v[p - 1].seq : h.second;
            bad(after + 1, oasis::tr("%1 is in the books but no journal entry recorded it: it was "
                                     "written outside Oasis POS")
                               .arg(rowLabel(db, name, id)));
            break;
        }
        if (ids.lastError().isValid())
            return std::unexpected(
                storageError(oasis::tr("Reading %1").arg(name), ids.lastError()));
    }
    if (badSeq != 0) {
        report.ok = false;
        report.firstBad = badSeq;
        report.problem = badWhy;
    }
    return {};
}

Result<JournalReport>
Journal::verifyChain(const QSqlDatabase &connection, const QByteArray &key,
                     const std::optional<std::pair<qint64, QString>> &anchor) {
    QSqlQuery q(connection);
    readForwardOnly(q);
    if (!q.exec(QStringLiteral(
            "SELECT seq, at, actor, kind, payload, prev_hash, hash FROM journal ORDER BY seq")))
        return std::unexpected(storageError(oasis::tr("Reading the journal"), q.lastError()));
    // Each Z report records the journal's head when it was made (and prints it): the chain
    // must still hold that entry, unchanged.
    std::map<qint64, std::pair<qint64, QString>> zHeads; // journal seq -> (Z number, hash)
    {
        QSqlQuery z(connection);
        readForwardOnly(z);
        if (!z.exec(QStringLiteral("SELECT z_number, journal_seq, journal_hash FROM z_reports")))
            return std::unexpected(storageError(oasis::tr("Reading the Z reports"), z.lastError()));
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
            bad(expected, seq > expected ? oasis::tr("entry %1 is missing").arg(expected)
                                         : oasis::tr("entry %1 is out of order").arg(seq));
        const QString stored = q.value(6).toString();
        const QString computed =
            entryHash(key, seq, q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                      q.value(4).toString(), q.value(5).toString());
        if (!crypto::equal(computed.toLatin1(), stored.toLatin1()))
            bad(seq, oasis::tr("entry %1 was altered").arg(seq));
        else if (q.value(5).toString() != prev)
            bad(seq, oasis::tr("entry %1 does not follow the entry before it").arg(seq));
        prev = stored;
        expected = seq + 1;
        r.lastSeq = seq;
        r.lastHash = stored;
        if (seq == anchoredSeq)
            hashAtAnchor = stored;
        if (auto z = zHeads.find(seq); z != zHeads.end() && z->second.second != stored)
            bad(seq, oasis::tr("entry %1 does not match Z report %2, which recorded it")
                         .arg(seq)
                         .arg(z->second.first));
    }
    if (!zHeads.empty() && zHeads.rbegin()->first > r.lastSeq)
        bad(r.lastSeq + 1, oasis::tr("entries %1 to %2 were cut off (Z report %3 recorded %2)")
                               .arg(r.lastSeq + 1)
                               .arg(zHeads.rbegin()->first)
                               .arg(zHeads.rbegin()->second.first));
    if (anchoredSeq > r.lastSeq)
        bad(r.lastSeq + 1,
            oasis::tr("entries %1 to %2 were cut off (the anchor outside the database "
                      "records %2)")
                .arg(r.lastSeq + 1)
                .arg(anchoredSeq));
    else if (anchoredSeq > 0 && hashAtAnchor != anchor->second)
        bad(anchoredSeq,
            oasis::tr("entry %1 does not match the anchor outside the database").arg(anchoredSeq));
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
