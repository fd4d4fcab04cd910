// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/offline.h"

#include "core/domain/clock.h"
#include "core/domain/receiptcode.h"
#include "core/domain/translate.h"
#include "core/services/report.h"
#include "core/services/salewriter.h"
#include "core/services/store.h"
#include "core/storage/database.h"
#include "core/storage/journal.h"
#include "core/storage/rows.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QUrl>
#include <QUuid>

#include <map>

namespace oasis {

namespace {

Q_LOGGING_CATEGORY(lcOffline, "oasis.offline")

const QString kStoreFile = QStringLiteral("store.sqlite");
const QString kPreparedAtKey = QStringLiteral("offline.prepared_at");

/// What a sale needs to be made without the server, copied in this order (a table's references
/// first). Shifts: the register's own only.
const char *const kCopied[] = {"settings",  "tax_rates",     "categories",
                               "items",     "item_barcodes", "staff",
                               "registers", "shifts",        "stock_levels"};

/// The outbox's own bookkeeping, in the copy only (not part of any store's schema): the sales
/// already sent, and the request ids of sales made on the server whose outcome is not known yet.
const char *const kOutboxTables[] = {
    "CREATE TABLE IF NOT EXISTS offline_sent (sale_id INTEGER PRIMARY KEY, server_sale_id "
    "INTEGER NOT NULL, landed_at TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS offline_inflight (request_id TEXT PRIMARY KEY, started_at TEXT "
    "NOT NULL)"};

Status copyRows(const Database &from, Database &to, const QString &table, const QString &where,
                const QVariantList &binds) {
    // The copy's columns only: a server's tables carry one of their own (the order rows were
    // written in).
    auto own = to.exec(QStringLiteral("SELECT * FROM %1 LIMIT 0").arg(table));
    if (!own)
        return std::unexpected(own.error());
    const QStringList columns = own->columnNames();
    own->finish();
    auto rows = from.exec(
        QStringLiteral("SELECT %1 FROM %2 %3").arg(columns.join(u','), table, where), binds);
    if (!rows)
        return std::unexpected(rows.error());
    while (rows->next()) {
        QVariantList values;
        for (qsizetype i = 0; i < columns.size(); ++i)
            values << (rows->isNull(int(i)) ? QVariant() : rows->value(int(i)));
        if (auto ok =
                to.write(QStringLiteral("INSERT INTO %1(%2) VALUES (%3)")
                             .arg(table, columns.join(u','),
                                  QStringList(columns.size(), QStringLiteral("?")).join(u',')),
                         values);
            !ok)
            return std::unexpected(ok.error());
    }
    return {};
}

class FolderLock {
public:
    explicit FolderLock(const QString &folder)
        : m_lock(folder + QStringLiteral(".lock")) {
        QDir().mkpath(QFileInfo(folder).absolutePath());
    }
    Status take() {
        if (m_lock.tryLock(15000))
            return {};
        return fail(ErrorCode::Conflict,
                    oasis::tr("Another program on this register is using its offline copy; try "
                              "again in a moment."));
    }

private:
    QLockFile m_lock;
};

} // namespace

OfflineRegister::OfflineRegister(const QString &storeUrl, const QString &registerId,
                                 const QString &directory)
    : m_url(QUrl(storeUrl).toString(QUrl::RemovePassword))
    , m_registerId(registerId) {
    // One folder per store and register: the address (without a password) hashed, then the
    // register's name made safe for a file name.
    const QString base = directory.isEmpty() ? defaultDirectory() : directory;
    const QString hash = QString::fromLatin1(
        QCryptographicHash::hash(m_url.toUtf8(), QCryptographicHash::Sha256).toHex().left(12));
    QString name = registerId;
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9._-]"));
    name.replace(unsafe, QStringLiteral("_"));
    m_folder = QDir(base).filePath(hash + u'-' + name.left(64));
}

QString OfflineRegister::defaultDirectory() {
    const QByteArray env = qgetenv("OASIS_OFFLINE_DIR");
    if (!env.isEmpty())
        return QString::fromLocal8Bit(env);
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) +
           QStringLiteral("/offline");
}

bool OfflineRegister::isUnreachable(const Error &error) {
    if (error.code != ErrorCode::Storage)
        return false;
    static const QRegularExpression gone(
        QStringLiteral("Cannot reach the store server|server closed the connection|no connection "
                       "to the server|terminating connection|connection to server|could not "
                       "connect|Connection refused|Connection timed out|could not receive data|"
                       "could not send data|the database system is (starting|shutting) |"
                       "connection lost|not open"),
        QRegularExpression::CaseInsensitiveOption);
    return gone.match(error.message).hasMatch();
}

Status OfflineRegister::checkOfflineTicket(const Ticket &ticket,
                                           const std::vector<Tender> &tenders) {
    for (const Tender &t : tenders)
        if (t.type != TenderType::Cash && t.type != TenderType::Card)
            return fail(ErrorCode::Refused,
                        oasis::tr("The store server cannot be reached: gift cards, vouchers and "
                                  "packages are redeemed only online. Take cash or a card."));
    for (const TicketLine &l : ticket.lines) {
        if (l.kind == LineKind::Voucher || l.kind == LineKind::Package)
            return fail(ErrorCode::Refused,
                        oasis::tr("The store server cannot be reached: vouchers and packages are "
                                  "sold only online."));
        if (l.kind == LineKind::GiftCard && (!l.reloadCode.isEmpty() || !l.promoBonus.isZero()))
            return fail(ErrorCode::Refused,
                        oasis::tr("The store server cannot be reached: a card is reloaded or "
                                  "given a bonus only online; a new card may be sold."));
    }
    if (ticket.clientId > 0)
        return fail(ErrorCode::Refused,
                    oasis::tr("The store server cannot be reached: a client is attached to a "
                              "sale only online."));
    if (ticket.parkedId > 0)
        return fail(ErrorCode::Refused,
                    oasis::tr("The store server cannot be reached: a held ticket is sold only "
                              "online."));
    return {};
}

bool OfflineRegister::prepared() const {
    return QFileInfo::exists(QDir(m_folder).filePath(kStoreFile));
}

QDateTime OfflineRegister::preparedAt() const {
    if (!prepared())
        return {};
    auto db = open();
    if (!db)
        return {};
    return fromStorageTime((*db)->setting(kPreparedAtKey));
}

Result<std::unique_ptr<Database>> OfflineRegister::open() const {
    Database::Options options;
    options.keyDirectory = QDir(m_folder).filePath(QStringLiteral("keys"));
    auto db = Database::open(QDir(m_folder).filePath(kStoreFile), options);
    if (!db)
        return db;
    for (const char *sql : kOutboxTables)
        if (auto ok = (*db)->exec(QString::fromLatin1(sql)); !ok)
            return std::unexpected(ok.error());
    return db;
}

Result<std::unique_ptr<Store>> OfflineRegister::openStore() const {
    Store::Options options;
    options.keyDirectory = QDir(m_folder).filePath(QStringLiteral("keys"));
    return Store::open(QDir(m_folder).filePath(kStoreFile), options);
}

Result<int> OfflineRegister::waiting() const {
    if (!prepared())
        return 0;
    auto db = open();
    if (!db)
        return std::unexpected(db.error());
    auto n = (*db)->scalar(QStringLiteral("SELECT COUNT(*) FROM sales s WHERE NOT EXISTS (SELECT "
                                          "1 FROM offline_sent o WHERE o.sale_id = s.id)"));
    if (!n)
        return std::unexpected(n.error());
    return n->toInt();
}

Status OfflineRegister::prepare(Database &server) {
    if (!server.driver().isServer())
        return fail(ErrorCode::Refused,
                    oasis::tr("A store on this computer is never out of reach: offline selling "
                              "is for registers of a store on a server."));
    auto series = server.row(QStringLiteral("SELECT receipt_series FROM registers WHERE name = ?"),
                             {m_registerId});
    if (!series)
        return std::unexpected(series.error());
    if (series->isEmpty())
        return fail(ErrorCode::NotFound,
                    oasis::tr("Register %1 is not registered in this store: a manager adds it "
                              "with oasisctl register add %1.")
                        .arg(m_registerId));
    if (series->value(0).toInt() == 0)
        return fail(ErrorCode::Refused,
                    oasis::tr("Register %1 numbers its receipts in series R with other registers: "
                              "a manager gives it a series of its own (oasisctl register series "
                              "%1 LETTER) before it sells offline.")
                        .arg(m_registerId));
    FolderLock lock(m_folder);
    if (auto ok = lock.take(); !ok)
        return ok;
    // Sales made offline are sent before the copy is made anew; an online sale whose outcome
    // was unknown is known now (the server answers), so its note is dropped with the old copy.
    if (auto n = waiting(); !n)
        return std::unexpected(n.error());
    else if (*n > 0)
        return fail(ErrorCode::Refused,
                    oasis::tr("Sales made offline wait to be sent (%1): send them first "
                              "(oasisctl offline send).")
                        .arg(*n));
    const QString fresh = m_folder + QStringLiteral(".new");
    QDir(fresh).removeRecursively();
    const QString keys = QDir(fresh).filePath(QStringLiteral("keys"));
    const QString scratch = QDir(fresh).filePath(QStringLiteral("scratch"));
    QDir().mkpath(keys);
    QDir().mkpath(scratch);
    // Staff PIN hashes and the store's key: for this computer's user only.
    const auto own = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner;
    QFile::setPermissions(fresh, own);
    QFile::setPermissions(keys, own);
    const QString keyCopy = QDir(keys).filePath(QFileInfo(server.keyFilePath()).fileName());
    if (!QFile::copy(server.keyFilePath(), keyCopy) ||
        !QFile::setPermissions(keyCopy, QFile::ReadOwner | QFile::WriteOwner))
        return fail(
            ErrorCode::System,
            oasis::tr("Cannot copy the store's key to %1.").arg(QDir::toNativeSeparators(keys)));
    auto identity = server.rows(QStringLiteral(
        "SELECT key, value FROM meta WHERE key IN ('database_id', 'key_check') ORDER BY key"));
    if (!identity)
        return std::unexpected(identity.error());
    auto last = SaleWriter(server).nextReceiptNo(m_registerId);
    if (!last)
        return std::unexpected(last.error());
    {
        Database::Options options;
        options.mode = Database::Mode::CreateIfMissing;
        options.keyDirectory = scratch;
        auto copy = Database::open(QDir(fresh).filePath(kStoreFile), options);
        if (!copy)
            return std::unexpected(copy.error());
        Database &db = **copy;
        auto tx = Transaction::begin(db);
        if (!tx)
            return std::unexpected(tx.error());
        for (auto it = std::rbegin(kCopied); it != std::rend(kCopied); ++it)
            if (auto ok = db.write(QStringLiteral("DELETE FROM %1").arg(QLatin1String(*it))); !ok)
                return std::unexpected(ok.error());
        for (const char *table : kCopied) {
            const QString name = QLatin1String(table);
            const bool registersOwn = name == QLatin1String("shifts");
            if (auto ok =
                    copyRows(server, db, name,
                             registersOwn ? QStringLiteral("WHERE register_id = ?") : QString(),
                             registersOwn ? QVariantList{m_registerId} : QVariantList{});
                !ok)
                return ok;
        }
        for (const QVariantList &r : std::as_const(*identity))
            if (auto ok = db.write(QStringLiteral("UPDATE meta SET value = ? WHERE key = ?"),
                                   {r.value(1), r.value(0)});
                !ok)
                return std::unexpected(ok.error());
        for (const char *sql : kOutboxTables)
            if (auto ok = db.exec(QString::fromLatin1(sql)); !ok)
                return std::unexpected(ok.error());
        if (auto ok = db.setSetting(QLatin1String(SaleWriter::kOfflineFloorKey),
                                    QString::number(*last - 1));
            !ok)
            return ok;
        if (auto ok = db.setSetting(kPreparedAtKey, toStorageTime(Clock::nowUtc())); !ok)
            return ok;
        if (auto ok = tx->commit(); !ok)
            return ok;
        // The copy's own journal anchor, beside its key (the server store's anchor is never
        // touched).
        auto head =
            db.row(QStringLiteral("SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1"));
        QString id;
        for (const QVariantList &r : std::as_const(*identity))
            if (r.value(0).toString() == QLatin1String("database_id"))
                id = r.value(1).toString();
        if (head && !head->isEmpty() &&
            !Database::writeAnchor(QDir(keys).filePath(id + QStringLiteral(".anchor")),
                                   head->value(0).toLongLong(),
                                   head->value(1).toString().toLatin1(), false))
            return fail(ErrorCode::System, oasis::tr("Cannot write the offline copy's journal "
                                                     "anchor in %1.")
                                               .arg(QDir::toNativeSeparators(keys)));
    }
    QDir(scratch).removeRecursively();
    // The new copy takes the old one's place in two renames; a crash between them leaves the
    // new one beside, made again next time.
    const QString old = m_folder + QStringLiteral(".old");
    QDir(old).removeRecursively();
    if (QFileInfo::exists(m_folder) && !QDir().rename(m_folder, old))
        return fail(ErrorCode::System, oasis::tr("Cannot replace the offline copy in %1.")
                                           .arg(QDir::toNativeSeparators(m_folder)));
    if (!QDir().rename(fresh, m_folder))
        return fail(ErrorCode::System, oasis::tr("Cannot put the offline copy in %1.")
                                           .arg(QDir::toNativeSeparators(m_folder)));
    QDir(old).removeRecursively();
    return {};
}

Status OfflineRegister::noteOnlineStart(const QString &requestId) {
    if (!prepared() || requestId.isEmpty())
        return {};
    auto db = open();
    if (!db)
        return std::unexpected(db.error());
    auto ok = (*db)->write(QStringLiteral("INSERT INTO offline_inflight(request_id, started_at) "
                                          "SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM "
                                          "offline_inflight WHERE request_id = ?)"),
                           {requestId, toStorageTime(Clock::nowUtc()), requestId});
    if (!ok)
        return std::unexpected(ok.error());
    return {};
}

Status OfflineRegister::noteOnlineDone(const QString &requestId, qint64 receiptNo) {
    if (!prepared())
        return {};
    auto db = open();
    if (!db)
        return std::unexpected(db.error());
    auto tx = Transaction::begin(**db);
    if (!tx)
        return std::unexpected(tx.error());
    if (receiptNo > 0) {
        const QString key = QLatin1String(SaleWriter::kOfflineFloorKey);
        const qint64 floor = (*db)->setting(key, QStringLiteral("0")).toLongLong();
        if (receiptNo > floor)
            if (auto ok = (*db)->setSetting(key, QString::number(receiptNo)); !ok)
                return ok;
    }
    if (!requestId.isEmpty())
        if (auto ok = (*db)->write(
                QStringLiteral("DELETE FROM offline_inflight WHERE request_id = ?"), {requestId});
            !ok)
            return std::unexpected(ok.error());
    return tx->commit();
}

OfflineNote OfflineNote::begin(const Database &db, const QString &registerId,
                               const QString &requestId) {
    OfflineNote note;
    if (!db.driver().isServer())
        return note;
    OfflineRegister copy(db.path(), registerId);
    if (!copy.prepared())
        return note;
    note.m_url = db.path();
    note.m_registerId = registerId;
    note.m_id = requestId.isEmpty()
                    ? QStringLiteral("write-") + QUuid::createUuid().toString(QUuid::WithoutBraces)
                    : requestId;
    if (auto ok = copy.noteOnlineStart(note.m_id); !ok)
        qCWarning(lcOffline, "the offline copy did not note a write: %s",
                  qPrintable(ok.error().message));
    return note;
}

void OfflineNote::end(qint64 receiptNo, const Error *error) const {
    if (m_id.isEmpty() || (error && OfflineRegister::isUnreachable(*error)))
        return;
    if (auto ok = OfflineRegister(m_url, m_registerId).noteOnlineDone(m_id, receiptNo); !ok)
        qCWarning(lcOffline, "the offline copy did not note a receipt: %s",
                  qPrintable(ok.error().message));
}

Status OfflineRegister::checkUnknownOutcome(const QString &requestId) const {
    auto db = open();
    if (!db)
        return std::unexpected(db.error());
    auto other = (*db)->scalar(QStringLiteral("SELECT request_id FROM offline_inflight WHERE "
                                              "request_id <> ? ORDER BY started_at LIMIT 1"),
                               {requestId});
    if (!other)
        return std::unexpected(other.error());
    if (other->isNull())
        return {};
    return fail(ErrorCode::Refused,
                oasis::tr("The sale with request id %1 was on its way when the server went "
                          "away, and whether it reached the server is unknown: sell that ticket "
                          "again with --request-id %1 (it is charged once), or wait for the "
                          "server.")
                    .arg(other->toString()));
}

namespace {

/// One row of `table` for `saleId` in the copy, by column name.
Result<std::vector<std::map<QString, QVariant>>> rowsOf(const Database &db, const QString &sql,
                                                        const QVariantList &binds) {
    auto rows = db.exec(sql, binds);
    if (!rows)
        return std::unexpected(rows.error());
    std::vector<std::map<QString, QVariant>> out;
    QStringList columns;
    while (rows->next()) {
        if (columns.isEmpty())
            columns = rows->columnNames();
        std::map<QString, QVariant> r;
        for (qsizetype i = 0; i < columns.size(); ++i)
            r[columns[i]] = rows->isNull(int(i)) ? QVariant() : rows->value(int(i));
        out.push_back(std::move(r));
    }
    return out;
}

qint64 num(const std::map<QString, QVariant> &r, const char *column) {
    const auto it = r.find(QLatin1String(column));
    return it == r.end() ? 0 : it->second.toLongLong();
}

QString text(const std::map<QString, QVariant> &r, const char *column) {
    const auto it = r.find(QLatin1String(column));
    return it == r.end() ? QString() : it->second.toString();
}

Money cents(const std::map<QString, QVariant> &r, const char *column) {
    return Money::fromCents(num(r, column));
}

enum class Landed { Now, AlreadyThere };

/// Writes the copy's sale `saleId` on the server in one transaction; returns the server's sale
/// id and how it landed.
Result<std::pair<qint64, Landed>> landOne(const Database &copy, Database &server, qint64 saleId,
                                          OfflineSendReport &report) {
    auto sales = rowsOf(copy, QStringLiteral("SELECT * FROM sales WHERE id = ?"), {saleId});
    if (!sales)
        return std::unexpected(sales.error());
    if (sales->empty())
        return fail(ErrorCode::NotFound, oasis::tr("A sale of the offline copy is missing."));
    const auto &sale = sales->front();
    const qint64 receiptNo = num(sale, "receipt_no");
    const QString requestId = text(sale, "request_id");
    const QString registerId = text(sale, "register_id");
    auto tx = Transaction::begin(server);
    if (!tx)
        return std::unexpected(tx.error());
    // Exactly once: a send cut off after the server's commit finds its sale there.
    auto there = server.row(QStringLiteral("SELECT id, receipt_no, total_cents FROM sales WHERE "
                                           "request_id = ?"),
                            {requestId});
    if (!there)
        return std::unexpected(there.error());
    if (!there->isEmpty()) {
        if (there->value(1).toLongLong() != receiptNo ||
            there->value(2).toLongLong() != num(sale, "total_cents"))
            return fail(ErrorCode::Conflict,
                        oasis::tr("Receipt %1 made offline carries request id %2, which the "
                                  "server has on receipt %3 for another ticket: nothing more was "
                                  "sent. Call for support.")
                            .arg(receiptCode(receiptNo), requestId,
                                 receiptCode(there->value(1).toLongLong())));
        if (auto ok = tx->commit(); !ok)
            return std::unexpected(ok.error());
        return std::pair{there->value(0).toLongLong(), Landed::AlreadyThere};
    }
    SaleWriter writer(server);
    auto next = writer.nextReceiptNo(registerId);
    if (!next)
        return std::unexpected(next.error());
    if (*next != receiptNo)
        return fail(ErrorCode::Conflict,
                    oasis::tr("Receipt %1 made offline cannot be sent: the server's next number "
                              "in its series is %2. Nothing more was sent; call for support.")
                        .arg(receiptCode(receiptNo), receiptCode(*next)));
    SaleRow row;
    row.receiptNo = receiptNo;
    row.kind = text(sale, "kind");
    row.createdAt = text(sale, "created_at");
    row.businessDate = text(sale, "business_date");
    row.registerId = registerId;
    row.staffId = num(sale, "staff_id");
    if (num(sale, "approver_id") > 0)
        row.approverId = num(sale, "approver_id");
    row.shiftId = num(sale, "shift_id");
    row.discountSpec = text(sale, "discount_spec");
    row.subtotal = cents(sale, "subtotal_cents");
    row.discount = cents(sale, "discount_cents");
    row.tax = cents(sale, "tax_cents");
    row.tips = cents(sale, "tip_cents");
    row.total = cents(sale, "total_cents");
    row.change = cents(sale, "change_cents");
    row.requestId = requestId;
    auto newSale = writer.sale(row);
    if (!newSale)
        return std::unexpected(newSale.error());
    // Gift cards sold offline are activated now, with the code printed for the customer then
    // (only its keyed hash and sealed copy travel).
    std::map<qint64, qint64> cardIds;
    auto cards = rowsOf(
        copy, QStringLiteral("SELECT * FROM giftcards WHERE sale_id = ? ORDER BY id"), {saleId});
    if (!cards)
        return std::unexpected(cards.error());
    for (const auto &c : *cards) {
        auto written = server.write(
            QStringLiteral("INSERT INTO giftcards(lookup_hash, last4, sealed_code, created_at, "
                           "sale_id, recipient, sender, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
            {c.at(QStringLiteral("lookup_hash")), c.at(QStringLiteral("last4")),
             c.at(QStringLiteral("sealed_code")), c.at(QStringLiteral("created_at")), *newSale,
             c.at(QStringLiteral("recipient")), c.at(QStringLiteral("sender")),
             c.at(QStringLiteral("message"))});
        if (!written)
            return std::unexpected(written.error());
        cardIds[num(c, "id")] = written->insertId;
    }
    auto taxes =
        rowsOf(copy, QStringLiteral("SELECT * FROM sale_taxes WHERE sale_id = ?"), {saleId});
    if (!taxes)
        return std::unexpected(taxes.error());
    for (const auto &t : *taxes)
        if (auto ok = writer.tax(*newSale, text(t, "tax_class"), cents(t, "base_cents"),
                                 num(t, "ppm"), cents(t, "tax_cents"));
            !ok)
            return std::unexpected(ok.error());
    auto tenders = rowsOf(
        copy, QStringLiteral("SELECT * FROM sale_tenders WHERE sale_id = ? ORDER BY id"), {saleId});
    if (!tenders)
        return std::unexpected(tenders.error());
    std::vector<SaleTenderRow> tenderRows;
    for (const auto &t : *tenders)
        tenderRows.push_back({text(t, "type"), cents(t, "amount_cents"), cents(t, "tendered_cents"),
                              text(t, "card_last4"), text(t, "auth_code"), 0, 0});
    if (auto ok = writer.tenders(*newSale, tenderRows); !ok)
        return std::unexpected(ok.error());
    auto lines =
        rowsOf(copy, QStringLiteral("SELECT * FROM sale_lines WHERE sale_id = ? ORDER BY line_no"),
               {saleId});
    if (!lines)
        return std::unexpected(lines.error());
    std::vector<SaleLineRow> lineRows;
    QJsonArray differences;
    for (const auto &l : *lines) {
        SaleLineRow r;
        r.lineNo = int(num(l, "line_no"));
        r.kind = text(l, "kind");
        r.itemId = num(l, "item_id");
        r.code = text(l, "code");
        r.name = text(l, "name");
        r.quantity = num(l, "quantity");
        r.unitPrice = cents(l, "unit_price_cents");
        r.lineDiscount = cents(l, "line_discount_cents");
        r.ticketDiscount = cents(l, "ticket_discount_cents");
        r.net = cents(l, "net_cents");
        r.taxClass = text(l, "tax_class");
        r.tax = cents(l, "tax_cents");
        r.therapistId = num(l, "therapist_id");
        r.giftCardId = cardIds.contains(num(l, "giftcard_id")) ? cardIds[num(l, "giftcard_id")] : 0;
        r.priceOverridden = num(l, "price_overridden") != 0;
        // The customer keeps what they were charged; a catalog price that differs on the server
        // now is shown to the owner (report offline), never changed on the sale.
        if (r.itemId > 0 && !r.priceOverridden) {
            auto item = server.row(
                QStringLiteral("SELECT price_cents, active FROM items WHERE id = ?"), {r.itemId});
            if (!item)
                return std::unexpected(item.error());
            const qint64 catalog =
                item->isEmpty() || item->value(1).toInt() == 0 ? -1 : item->value(0).toLongLong();
            if (catalog != r.unitPrice.cents()) {
                differences.append(
                    QJsonObject{{QStringLiteral("code"), r.code},
                                {QStringLiteral("name"), r.name},
                                {QStringLiteral("quantity"), r.quantity},
                                {QStringLiteral("charged_cents"), r.unitPrice.cents()},
                                {QStringLiteral("catalog_cents"), catalog}});
                report.warnings << oasis::tr("%1 on receipt %2 was sold offline at %3; the "
                                             "catalog says %4 now.")
                                       .arg(r.name, receiptCode(receiptNo), r.unitPrice.toString(),
                                            catalog < 0 ? oasis::tr("not sold")
                                                        : Money::fromCents(catalog).toString());
            }
        }
        lineRows.push_back(std::move(r));
    }
    if (auto ok = writer.lines(*newSale, lineRows); !ok)
        return std::unexpected(ok.error());
    auto activity = rowsOf(
        copy, QStringLiteral("SELECT * FROM giftcard_activity WHERE sale_id = ? ORDER BY id"),
        {saleId});
    if (!activity)
        return std::unexpected(activity.error());
    for (const auto &a : *activity)
        if (auto ok = server.write(
                QStringLiteral("INSERT INTO giftcard_activity(giftcard_id, kind, amount_cents, "
                               "sale_id, staff_id, approver_id, reason, created_at) VALUES (?, ?, "
                               "?, ?, ?, ?, ?, ?)"),
                {cardIds[num(a, "giftcard_id")], a.at(QStringLiteral("kind")),
                 a.at(QStringLiteral("amount_cents")), *newSale, a.at(QStringLiteral("staff_id")),
                 a.at(QStringLiteral("approver_id")), a.at(QStringLiteral("reason")),
                 a.at(QStringLiteral("created_at"))});
            !ok)
            return std::unexpected(ok.error());
    auto moves =
        rowsOf(copy, QStringLiteral("SELECT * FROM stock_movements WHERE sale_id = ? ORDER BY id"),
               {saleId});
    if (!moves)
        return std::unexpected(moves.error());
    if (!moves->empty()) {
        std::vector<std::pair<qint64, qint64>> stock;
        QVariantList items;
        for (const auto &m : *moves) {
            stock.emplace_back(num(m, "item_id"), num(m, "quantity"));
            items << num(m, "item_id");
        }
        const auto &first = moves->front();
        if (auto ok = writer.stock(*newSale, stock, text(first, "reason"), text(first, "reference"),
                                   num(first, "staff_id"), text(first, "created_at"));
            !ok)
            return std::unexpected(ok.error());
        auto below = server.rows(
            QStringLiteral("SELECT i.name, l.on_hand FROM stock_levels l JOIN items i ON i.id = "
                           "l.item_id WHERE l.on_hand < 0 AND l.item_id IN (%1)")
                .arg(QStringList(items.size(), QStringLiteral("?")).join(u',')),
            items);
        if (!below)
            return std::unexpected(below.error());
        for (const QVariantList &b : std::as_const(*below))
            report.warnings << oasis::tr("%1: stock is now %2 (below zero); count the shelf.")
                                   .arg(b.value(0).toString())
                                   .arg(b.value(1).toLongLong());
    }
    const QString landedAt = toStorageTime(Clock::nowUtc());
    if (auto ok = server.write(
            QStringLiteral("INSERT INTO offline_sales(sale_id, register_id, made_at, landed_at, "
                           "differences) VALUES (?, ?, ?, ?, ?)"),
            {*newSale, registerId, row.createdAt, landedAt,
             QString::fromUtf8(QJsonDocument(differences).toJson(QJsonDocument::Compact))});
        !ok)
        return std::unexpected(ok.error());
    // The journal entry the register wrote offline, as the server's own: the same facts, its
    // books recorded again by the server's rows, and when it was made and landed.
    auto entries = copy.rows(QStringLiteral("SELECT actor, payload FROM journal WHERE kind = "
                                            "'sale' ORDER BY seq DESC"));
    if (!entries)
        return std::unexpected(entries.error());
    QString actor;
    QJsonObject payload;
    for (const QVariantList &e : std::as_const(*entries)) {
        const QJsonObject p = QJsonDocument::fromJson(e.value(1).toString().toUtf8()).object();
        if (p.value(u"receipt").toInteger() == receiptNo) {
            actor = e.value(0).toString();
            payload = p;
            break;
        }
    }
    if (actor.isEmpty())
        return fail(ErrorCode::NotFound,
                    oasis::tr("The journal entry of receipt %1 is missing from the offline copy.")
                        .arg(receiptCode(receiptNo)));
    payload.remove(QStringLiteral("books"));
    payload.insert(QStringLiteral("offline"),
                   QJsonObject{{QStringLiteral("made_at"), row.createdAt},
                               {QStringLiteral("price_differences"), differences.size()}});
    if (auto ok = Journal::append(server, actor, QStringLiteral("sale"), payload); !ok)
        return std::unexpected(ok.error());
    if (auto ok = tx->commit(); !ok)
        return std::unexpected(ok.error());
    return std::pair{*newSale, Landed::Now};
}

} // namespace

Result<OfflineSendReport> OfflineRegister::send(Database &server) {
    OfflineSendReport report;
    if (!prepared())
        return report;
    FolderLock lock(m_folder);
    if (auto ok = lock.take(); !ok)
        return std::unexpected(ok.error());
    auto copy = open();
    if (!copy)
        return std::unexpected(copy.error());
    Database &db = **copy;
    // A read first: a connection the server dropped is made again by it.
    if (auto known = server.scalar(QStringLiteral("SELECT COUNT(*) FROM registers WHERE name = ?"),
                                   {m_registerId});
        !known)
        return std::unexpected(known.error());
    // Online sales whose outcome was unknown: the server says now. Found: the series' last
    // number moves up to theirs.
    auto inflight = db.rows(QStringLiteral("SELECT request_id FROM offline_inflight"));
    if (!inflight)
        return std::unexpected(inflight.error());
    for (const QVariantList &r : std::as_const(*inflight)) {
        auto found = server.scalar(
            QStringLiteral("SELECT receipt_no FROM sales WHERE request_id = ?"), {r.value(0)});
        if (!found)
            return std::unexpected(found.error());
        if (auto ok = noteOnlineDone(r.value(0).toString(), found->toLongLong()); !ok)
            return std::unexpected(ok.error());
    }
    auto ids = db.rows(QStringLiteral("SELECT id FROM sales s WHERE NOT EXISTS (SELECT 1 FROM "
                                      "offline_sent o WHERE o.sale_id = s.id) ORDER BY id"));
    if (!ids)
        return std::unexpected(ids.error());
    report.waiting = int(ids->size());
    for (const QVariantList &r : std::as_const(*ids)) {
        const qint64 saleId = r.value(0).toLongLong();
        auto landed = landOne(db, server, saleId, report);
        if (!landed)
            return std::unexpected(landed.error());
        testPoint("offline.sale.landed");
        // Noted after the server's commit: killed between the two, the next send finds the sale
        // there by its request id and notes it then.
        if (auto ok = db.write(QStringLiteral("INSERT INTO offline_sent(sale_id, server_sale_id, "
                                              "landed_at) VALUES (?, ?, ?)"),
                               {saleId, landed->first, toStorageTime(Clock::nowUtc())});
            !ok)
            return std::unexpected(ok.error());
        auto receipt =
            db.scalar(QStringLiteral("SELECT receipt_no FROM sales WHERE id = ?"), {saleId});
        report.receipts << receiptCode(receipt ? receipt->toLongLong() : 0);
        (landed->second == Landed::Now ? report.sent : report.alreadyThere) += 1;
        report.waiting -= 1;
    }
    return report;
}

Result<std::vector<OfflineSaleRecord>> OfflineRegister::landed(const Database &server,
                                                               const QDate &from, const QDate &to) {
    auto rows = server.rows(
        QStringLiteral("SELECT s.receipt_no, o.register_id, o.made_at, o.landed_at, "
                       "s.total_cents, o.differences FROM offline_sales o JOIN sales s ON s.id = "
                       "o.sale_id WHERE s.business_date >= ? AND s.business_date <= ? ORDER BY "
                       "o.made_at, s.receipt_no"),
        {from.toString(Qt::ISODate), to.toString(Qt::ISODate)});
    if (!rows)
        return std::unexpected(rows.error());
    std::vector<OfflineSaleRecord> out;
    for (const QVariantList &r : std::as_const(*rows)) {
        OfflineSaleRecord s;
        s.receiptNo = r.value(0).toLongLong();
        s.registerId = r.value(1).toString();
        s.madeAt = fromStorageTime(r.value(2).toString());
        s.landedAt = fromStorageTime(r.value(3).toString());
        s.totalCents = r.value(4).toLongLong();
        const QJsonArray d = QJsonDocument::fromJson(r.value(5).toString().toUtf8()).array();
        for (const QJsonValue &v : d) {
            const QJsonObject o = v.toObject();
            s.differences.push_back({o.value(u"code").toString(), o.value(u"name").toString(),
                                     o.value(u"quantity").toInteger(),
                                     o.value(u"charged_cents").toInteger(),
                                     o.value(u"catalog_cents").toInteger()});
        }
        out.push_back(std::move(s));
    }
    return out;
}

ReportTable OfflineRegister::landedTable(const std::vector<OfflineSaleRecord> &sales,
                                         const QTimeZone &zone) {
    using Kind = ReportTable::Kind;
    ReportTable t;
    t.title = oasis::tr("Sales made offline");
    t.columns = {{QStringLiteral("receipt"), oasis::tr("Receipt"), Kind::Text},
                 {QStringLiteral("register"), oasis::tr("Register"), Kind::Text},
                 {QStringLiteral("made_at"), oasis::tr("Made"), Kind::Text},
                 {QStringLiteral("landed_at"), oasis::tr("Reached the server"), Kind::Text},
                 {QStringLiteral("total_cents"), oasis::tr("Total"), Kind::Money},
                 {QStringLiteral("line"), oasis::tr("Sold at another price"), Kind::Text},
                 {QStringLiteral("charged_cents"), oasis::tr("Charged"), Kind::Money, false},
                 {QStringLiteral("catalog_cents"), oasis::tr("Catalog then"), Kind::Money, false}};
    const auto shown = [&zone](const QDateTime &at) {
        return at.toTimeZone(zone).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    };
    for (const OfflineSaleRecord &s : sales) {
        t.rows.push_back({receiptCode(s.receiptNo), s.registerId, shown(s.madeAt),
                          shown(s.landedAt), s.totalCents, QString(), QVariant(), QVariant()});
        for (const OfflineSaleRecord::Difference &d : s.differences)
            t.rows.push_back(
                {QString(), QString(), QString(), QString(), QVariant(),
                 d.catalogCents < 0
                     ? oasis::tr("%1 x %2 (no longer sold)").arg(d.quantity).arg(d.name)
                     : oasis::tr("%1 x %2").arg(d.quantity).arg(d.name),
                 d.chargedCents, d.catalogCents < 0 ? QVariant() : QVariant(d.catalogCents)});
    }
    t.showTotals = true;
    return t;
}

} // namespace oasis
