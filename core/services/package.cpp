// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/package.h"

#include "core/domain/clock.h"
#include "core/domain/crypto.h"
#include "core/domain/giftcode.h"
#include "core/domain/permissions.h"
#include "core/domain/staffmember.h"
#include "core/domain/text.h"
#include "core/domain/translate.h"
#include "core/services/authorization.h"
#include "core/services/catalog.h"
#include "core/services/clients.h"
#include "core/services/giftcard.h"
#include "core/services/registers.h"
#include "core/services/storedvalue.h"
#include "core/storage/database.h"
#include "core/storage/journal.h"

#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

namespace oasis {

namespace {
const QString kProductColumns =
    QStringLiteral("SELECT p.id, p.code, p.item_id, i.code, i.name, i.modality, i.minutes, "
                   "p.sessions, p.price_cents FROM package_products p JOIN items i ON i.id = "
                   "p.item_id ");

PackageProduct productFromRow(const QVariantList &q) {
    PackageProduct p;
    p.id = q.value(0).toLongLong();
    p.code = q.value(1).toString();
    p.itemId = q.value(2).toLongLong();
    p.serviceCode = q.value(3).toString();
    p.serviceName = q.value(4).toString();
    p.modality = q.value(5).toString();
    p.minutes = q.value(6).toInt();
    p.sessions = q.value(7).toInt();
    p.price = Money::fromCents(q.value(8).toLongLong());
    return p;
}

// The package as its ledger says now: sessions left, used, refunded, rows so far.
const QString kPackageColumns = QStringLiteral(
    "SELECT k.id, k.last4, k.product_id, p.code, k.item_id, i.code, i.name, i.modality, "
    "i.minutes, k.sessions, k.paid_cents, k.client_id, c.name, k.created_at, s.receipt_no, "
    "k.line_id, "
    "(SELECT COALESCE(SUM(a.sessions), 0) FROM package_activity a WHERE a.package_id = k.id), "
    "(SELECT COUNT(*) FROM package_activity a WHERE a.package_id = k.id AND a.kind = 'redeem'), "
    "(SELECT COUNT(*) FROM package_activity a WHERE a.package_id = k.id), "
    "(SELECT COALESCE(-SUM(a.amount_cents), 0) FROM package_activity a WHERE a.package_id = k.id "
    "AND a.kind = 'refund') "
    "FROM packages k JOIN package_products p ON p.id = k.product_id JOIN items i ON i.id = "
    "k.item_id JOIN clients c ON c.id = k.client_id JOIN sales s ON s.id = k.sale_id ");

SessionPackage packageFromRow(const QVariantList &q) {
    SessionPackage k;
    k.id = q.value(0).toLongLong();
    k.last4 = q.value(1).toString();
    k.productId = q.value(2).toLongLong();
    k.productCode = q.value(3).toString();
    k.itemId = q.value(4).toLongLong();
    k.serviceCode = q.value(5).toString();
    k.serviceName = q.value(6).toString();
    k.modality = q.value(7).toString();
    k.minutes = q.value(8).toInt();
    k.sessions = q.value(9).toInt();
    k.paid = Money::fromCents(q.value(10).toLongLong());
    k.clientId = q.value(11).toLongLong();
    k.clientName = q.value(12).toString();
    k.createdAt = fromStorageTime(q.value(13).toString());
    k.soldReceiptNo = q.value(14).toLongLong();
    k.saleLineId = q.value(15).toLongLong();
    k.sessionsLeft = q.value(16).toInt();
    k.used = q.value(17).toInt();
    k.activities = q.value(18).toInt();
    k.refundedAmount = Money::fromCents(q.value(19).toLongLong());
    k.refunded = !k.refundedAmount.isZero() || (k.sessionsLeft == 0 && k.used < k.sessions);
    return k;
}

QString describe(int sessions, int minutes, const QString &modality, const QString &name) {
    if (minutes > 0 && !modality.isEmpty())
        return oasis::tr("%1 sessions of %2-minute %3 massage")
            .arg(sessions)
            .arg(minutes)
            .arg(modality);
    return oasis::tr("%1 sessions of %2").arg(sessions).arg(name);
}
} // namespace

QString PackageProduct::description() const {
    return describe(sessions, minutes, modality, serviceName);
}

Money packageSessionPrice(Money paid, int sessions, int sessionNo) {
    if (sessions <= 0 || sessionNo < 1 || sessionNo > sessions)
        return {};
    const qint64 base = paid.cents() / sessions;
    return Money::fromCents(sessionNo < sessions ? base : paid.cents() - base * (sessions - 1));
}

Money SessionPackage::liability() const {
    Money used_;
    for (int s = 1; s <= used; ++s)
        used_ += packageSessionPrice(paid, sessions, s);
    return paid - used_ - refundedAmount;
}

QString SessionPackage::description() const {
    return describe(sessions, minutes, modality, serviceName);
}

QString SessionPackage::statusName() const {
    if (refunded)
        return QStringLiteral("refunded");
    return sessionsLeft > 0 ? QStringLiteral("active") : QStringLiteral("used");
}

Result<PackageProduct> PackageService::define(const QString &codeIn, const QString &sessionCode,
                                              int sessions, Money price, const StaffMember &by,
                                              const std::optional<StaffMember> &approver) {
    const QString code = codeIn.trimmed().toUpper();
    static const QRegularExpression valid(QStringLiteral("^[A-Z0-9][A-Z0-9_-]{0,39}$"));
    if (!valid.match(code).hasMatch())
        return fail(ErrorCode::Invalid,
                    oasis::tr("A package code is 1 to 40 letters, digits, '-' or '_' (e.g. "
                              "PKG-DT60-5)."));
    if (sessions < 1 || sessions > 100)
        return fail(ErrorCode::Invalid, oasis::tr("A package has 1 to 100 sessions."));
    if (price <= Money())
        return fail(ErrorCode::Invalid, oasis::tr("A package's price must be more than zero."));
    auto tx = beginAuthorized(m_db, Action::Catalog, by, approver);
    if (!tx)
        return std::unexpected(tx.error());
    auto item = CatalogService(m_db).findByCode(sessionCode.trimmed());
    if (!item)
        return std::unexpected(item.error());
    if (!*item || !(*item)->active)
        return fail(ErrorCode::NotFound,
                    oasis::tr("There is no session %1 in the catalog.").arg(sessionCode));
    if (!(*item)->isSession())
        return fail(ErrorCode::Invalid,
                    oasis::tr("%1 is not a session: a package is sessions of one service.")
                        .arg((*item)->code));
    auto exists =
        m_db.scalar(QStringLiteral("SELECT COUNT(*) FROM package_products WHERE code = ?"), {code});
    if (!exists)
        return std::unexpected(exists.error());
    if (exists->toInt() > 0)
        return fail(ErrorCode::Refused,
                    oasis::tr("The package %1 is already defined: a package is defined once; "
                              "define another code for another price.")
                        .arg(code));
    auto ins = m_db.write(
        QStringLiteral("INSERT INTO package_products(code, item_id, sessions, price_cents, "
                       "staff_id, created_at) VALUES (?,?,?,?,?,?)"),
        {code, (*item)->id, sessions, price.cents(), by.id, toStorageTime(Clock::nowUtc())});
    if (!ins)
        return std::unexpected(ins.error());
    if (auto ok = Journal::append(m_db, actorLabel(by, approver), QStringLiteral("package_define"),
                                  {{QStringLiteral("code"), code},
                                   {QStringLiteral("session"), (*item)->code},
                                   {QStringLiteral("sessions"), sessions},
                                   {QStringLiteral("price_cents"), price.cents()}});
        !ok)
        return std::unexpected(ok.error());
    auto defined = product(code);
    if (!defined)
        return defined;
    if (auto ok = tx->commit(); !ok)
        return std::unexpected(ok.error());
    return defined;
}

Result<std::vector<PackageProduct>> PackageService::products() const {
    auto rows = m_db.rows(kProductColumns + QStringLiteral("ORDER BY p.code"));
    if (!rows)
        return std::unexpected(rows.error());
    std::vector<PackageProduct> out;
    for (const QVariantList &r : std::as_const(*rows))
        out.push_back(productFromRow(r));
    return out;
}

Result<PackageProduct> PackageService::product(const QString &code) const {
    auto q =
        m_db.row(kProductColumns + QStringLiteral("WHERE p.code = ?"), {code.trimmed().toUpper()});
    if (!q)
        return std::unexpected(q.error());
    if (q->isEmpty())
        return fail(ErrorCode::NotFound,
                    oasis::tr("There is no package %1: a manager defines it with oasisctl "
                              "package define.")
                        .arg(code));
    return productFromRow(*q);
}

Result<SessionPackage> PackageService::lookup(const QString &code, const QString &registerIdIn) {
    const StoredValueKind kind{
        &giftcode::parsePackage,
        kPackageColumns,
        QStringLiteral("k.lookup_hash"),
        QStringLiteral("bad package check character"),
        QStringLiteral("unknown package"),
        [] {
            return oasis::tr(
                "That package code has a typo (its check character does not match). Check "
                "each character and try again.");
        },
        [] { return oasis::tr("That is not a package code."); },
        [] { return oasis::tr("This package is not known here: it was not sold by this store."); }};
    auto found = lookupStoredValue(m_db, kind, code, registerIdIn);
    if (!found)
        return std::unexpected(found.error());
    return packageFromRow(found->row);
}

std::vector<std::size_t> PackageCovers::lines() const {
    std::vector<std::size_t> out;
    for (const PackageCover &u : uses)
        out.push_back(u.line);
    return out;
}

Money PackageCovers::amount(std::size_t i, const TicketTotals &totals) const {
    const PackageCover &u = uses.at(i);
    const Money lineValue =
        ticket.lines[u.line].net() - totals.lineDiscount[u.line] + totals.lineTax[u.line];
    return min(u.price, lineValue);
}

namespace {
/// A package named by its number on a ticket that is not for its client.
Error notTheirs(const SessionPackage &k) {
    return Error(ErrorCode::Refused,
                 oasis::tr("Package ••%1 is %2's: it is used from their page on a ticket for "
                           "them, or by scanning its code.")
                     .arg(k.last4, k.clientName));
}
} // namespace

QString packageRef(qint64 packageId) {
    return u'#' + QString::number(packageId);
}

std::optional<qint64> packageIdOfRef(const QString &ref) {
    const QString text = ref.trimmed();
    if (!text.startsWith(u'#'))
        return std::nullopt;
    bool ok = false;
    const qint64 id = text.mid(1).toLongLong(&ok);
    if (!ok || id <= 0)
        return std::nullopt;
    return id;
}

Result<PackageCovers> PackageService::covers(const QStringList &codes, const Ticket &ticketIn,
                                             const QString &registerId) {
    PackageCovers out;
    out.ticket = ticketIn;
    Ticket &ticket = out.ticket;
    std::vector<PackageCover> &uses = out.uses;
    for (const QString &code : codes) {
        if (ticket.discount.kind != Discount::Kind::None)
            return fail(ErrorCode::Refused,
                        oasis::tr("A ticket paid with a package session takes no ticket "
                                  "discount: the package's price is the discount."));
        qint64 forClient = 0;
        Result<SessionPackage> k = std::unexpected(Error{});
        if (code.trimmed().startsWith(u'#')) {
            // From the client's page: the client on the ticket is what names the package.
            const auto id = packageIdOfRef(code);
            if (!id)
                return fail(ErrorCode::Invalid,
                            oasis::tr("\"%1\" is not a package: write its code, or #NUMBER as "
                                      "the client's page lists it.")
                                .arg(code));
            k = byId(*id);
            if (!k)
                return std::unexpected(k.error());
            auto holder = ticket.clientId > 0 ? ClientService::resolveForSale(m_db, ticket.clientId)
                                              : Result<qint64>(0);
            if (!holder)
                return std::unexpected(holder.error());
            auto owner = ClientService::resolveForSale(m_db, k->clientId);
            if (!owner)
                return std::unexpected(owner.error());
            if (*holder == 0 || *owner != *holder)
                return std::unexpected(notTheirs(*k));
            forClient = *holder;
        } else {
            k = lookup(code, registerId);
            if (!k)
                return std::unexpected(k.error());
        }
        SessionPackage seen = *k;
        for (const PackageCover &u : uses)
            if (u.package.id == seen.id) {
                // Another session of the same package on this ticket: the next one.
                ++seen.used;
                ++seen.activities;
                --seen.sessionsLeft;
            }
        if (seen.sessionsLeft <= 0)
            return fail(
                ErrorCode::Refused,
                seen.refunded
                    ? oasis::tr("The package ending %1 was refunded: no session is left.")
                          .arg(seen.last4)
                    : oasis::tr("The package ending %1 has no session left.").arg(seen.last4));
        std::optional<std::size_t> line;
        for (std::size_t i = 0; i < ticket.lines.size() && !line; ++i)
            if (ticket.lines[i].kind == LineKind::Session &&
                ticket.lines[i].itemId == seen.itemId &&
                std::none_of(uses.begin(), uses.end(),
                             [i](const PackageCover &u) { return u.line == i; }))
                line = i;
        if (!line)
            return fail(ErrorCode::Refused,
                        oasis::tr("The package ending %1 is for %2: ring up that session to use "
                                  "it.")
                            .arg(seen.last4, seen.serviceName));
        const Money price = seen.nextSessionPrice();
        TicketLine &l = ticket.lines[*line];
        l.unitPrice = price;
        l.lineDiscount = Money();
        l.priceOverridden = false;
        uses.push_back({seen, *line, price, forClient});
    }
    return out;
}

Result<SessionPackage> PackageService::byId(qint64 id) const {
    auto q = m_db.row(kPackageColumns + QStringLiteral("WHERE k.id = ?"), {id});
    if (!q)
        return std::unexpected(q.error());
    if (q->isEmpty())
        return fail(ErrorCode::NotFound, oasis::tr("There is no package number %1.").arg(id));
    return packageFromRow(*q);
}

Result<SessionPackage> PackageService::bySaleLine(qint64 lineId) const {
    auto q = m_db.row(kPackageColumns + QStringLiteral("WHERE k.line_id = ?"), {lineId});
    if (!q)
        return std::unexpected(q.error());
    if (q->isEmpty())
        return fail(ErrorCode::NotFound, oasis::tr("No package was sold on that line."));
    return packageFromRow(*q);
}

Result<std::vector<SessionPackage>> PackageService::ofClient(qint64 clientId) const {
    // A duplicate merged into this client brings its packages along.
    auto rows = m_db.rows(kPackageColumns +
                              QStringLiteral("WHERE k.client_id = ? OR k.client_id IN (SELECT id "
                                             "FROM clients WHERE merged_into = ?) ORDER BY k.id "
                                             "DESC"),
                          {clientId, clientId});
    if (!rows)
        return std::unexpected(rows.error());
    std::vector<SessionPackage> out;
    for (const QVariantList &r : std::as_const(*rows))
        out.push_back(packageFromRow(r));
    return out;
}

Result<IssuedPackage> PackageService::issue(qint64 productId, Money paid, qint64 clientId,
                                            qint64 saleId, qint64 lineId, qint64 staffId) {
    auto p = m_db.row(kProductColumns + QStringLiteral("WHERE p.id = ?"), {productId});
    if (!p)
        return std::unexpected(p.error());
    if (p->isEmpty())
        return fail(ErrorCode::NotFound, oasis::tr("That package is not defined."));
    const PackageProduct product = productFromRow(*p);
    auto made = newStoredValueCode(m_db, &giftcode::generatePackage, QStringLiteral("packages"));
    if (!made)
        return std::unexpected(made.error());
    const QString now = toStorageTime(Clock::nowUtc());
    auto ins = m_db.write(
        QStringLiteral("INSERT INTO packages(lookup_hash, last4, sealed_code, product_id, "
                       "item_id, sessions, paid_cents, client_id, sale_id, line_id, "
                       "created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)"),
        {made->hash, giftcode::last4(made->code), made->sealed, product.id, product.itemId,
         product.sessions, paid.cents(), clientId, saleId, lineId, now});
    if (!ins)
        return std::unexpected(ins.error());
    const qint64 id = ins->insertId;
    if (auto ok = m_db.write(
            QStringLiteral("INSERT INTO package_activity(package_id, seq, kind, sessions, "
                           "amount_cents, sale_id, line_id, staff_id, created_at) VALUES "
                           "(?, 0, 'sell', ?, ?, ?, ?, ?, ?)"),
            {id, product.sessions, paid.cents(), saleId, lineId, nullIfZero(staffId), now});
        !ok)
        return std::unexpected(ok.error());
    return IssuedPackage{
        id,  made->code, product.code, product.serviceCode, product.sessions, product.description(),
        paid};
}

Status PackageService::redeem(const SessionPackage &seen, Money covered, qint64 saleId,
                              qint64 lineId, qint64 staffId, qint64 forClient) {
    // One session, never more than are left: the write's own condition, inside the sale's
    // transaction. It names the ledger row it expects to add (seq): if another register used a
    // session since the lookup, nothing is written (the unique index is the backstop). Used
    // from the client's page, the package must be the sale's client's (or a duplicate's merged
    // into them): that is a condition of the write too.
    auto ok = m_db.write(
        QStringLiteral("INSERT INTO package_activity(package_id, seq, kind, sessions, "
                       "amount_cents, sale_id, line_id, staff_id, created_at) "
                       "SELECT k.id, ?, 'redeem', -1, ?, ?, ?, ?, ? FROM packages k "
                       "WHERE k.id = ? AND (SELECT COUNT(*) FROM package_activity a WHERE "
                       "a.package_id = k.id) = ? AND (SELECT SUM(a.sessions) FROM "
                       "package_activity a WHERE a.package_id = k.id) >= 1 AND (? = 0 OR "
                       "k.client_id = ? OR k.client_id IN (SELECT c.id FROM clients c WHERE "
                       "c.merged_into = ?))"),
        {seen.activities, -covered.cents(), saleId, lineId, nullIfZero(staffId),
         toStorageTime(Clock::nowUtc()), seen.id, seen.activities, forClient, forClient,
         forClient});
    if (!ok)
        return std::unexpected(ok.error());
    if (ok->rows == 1)
        return {};
    auto now = byId(seen.id);
    if (!now)
        return std::unexpected(now.error());
    if (forClient != 0) {
        auto owner = ClientService::resolveForSale(m_db, now->clientId);
        if (!owner)
            return std::unexpected(owner.error());
        if (*owner != forClient)
            return std::unexpected(notTheirs(*now));
    }
    if (now->sessionsLeft <= 0)
        return fail(ErrorCode::Refused,
                    now->refunded
                        ? oasis::tr("The package ending %1 was refunded: no session is left.")
                              .arg(now->last4)
                        : oasis::tr("The package ending %1 has no session left.").arg(now->last4));
    return fail(ErrorCode::Conflict,
                oasis::tr("The package ending %1 was used on another register meanwhile: %2 "
                          "sessions left. Nothing was charged; take the payment again.")
                    .arg(now->last4)
                    .arg(now->sessionsLeft));
}

Result<Money> PackageService::refundLeft(qint64 packageId, qint64 saleId, qint64 lineId,
                                         qint64 staffId, qint64 approverId) {
    auto seen = byId(packageId);
    if (!seen)
        return std::unexpected(seen.error());
    if (seen->sessionsLeft <= 0)
        return fail(ErrorCode::Refused,
                    seen->refunded
                        ? oasis::tr("The package ending %1 was already refunded.").arg(seen->last4)
                        : oasis::tr("The package ending %1 has no session left: all %2 were "
                                    "used, nothing is refunded.")
                              .arg(seen->last4)
                              .arg(seen->sessions));
    const Money owed = seen->liability();
    auto ok = m_db.write(
        QStringLiteral("INSERT INTO package_activity(package_id, seq, kind, sessions, "
                       "amount_cents, sale_id, line_id, staff_id, approver_id, created_at) "
                       "SELECT k.id, ?, 'refund', ?, ?, ?, ?, ?, ?, ? FROM packages k "
                       "WHERE k.id = ? AND (SELECT COUNT(*) FROM package_activity a WHERE "
                       "a.package_id = k.id) = ? AND (SELECT SUM(a.sessions) FROM "
                       "package_activity a WHERE a.package_id = k.id) = ?"),
        {seen->activities, -seen->sessionsLeft, -owed.cents(), saleId, nullIfZero(lineId),
         nullIfZero(staffId), nullIfZero(approverId), toStorageTime(Clock::nowUtc()), seen->id,
         seen->activities, seen->sessionsLeft});
    if (!ok)
        return std::unexpected(ok.error());
    if (ok->rows != 1)
        return fail(ErrorCode::Conflict,
                    oasis::tr("The package ending %1 changed meanwhile; nothing was refunded. Try "
                              "again.")
                        .arg(seen->last4));
    return owed;
}

Result<QString> PackageService::revealCode(qint64 packageId) const {
    auto q = m_db.row(QStringLiteral("SELECT sealed_code, lookup_hash FROM packages WHERE id = ?"),
                      {packageId});
    if (!q)
        return std::unexpected(q.error());
    if (q->isEmpty() || q->value(0).isNull())
        return fail(ErrorCode::NotFound,
                    oasis::tr("The code of this package is not kept; it cannot be reprinted."));
    auto plain = crypto::aesGcmDecrypt(m_db.keys().giftCardSeal, q->value(0).toByteArray(),
                                       q->value(1).toString().toLatin1());
    if (!plain)
        return std::unexpected(plain.error());
    return QString::fromLatin1(*plain);
}

} // namespace oasis
