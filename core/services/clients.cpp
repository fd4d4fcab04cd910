// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/clients.h"

#include "core/domain/emailaddress.h"

#include "core/domain/clock.h"
#include "core/domain/csv.h"
#include "core/domain/savefile.h"
#include "core/domain/text.h"
#include "core/domain/translate.h"
#include "core/services/authorization.h"
#include "core/services/report.h"
#include "core/services/voucher.h"
#include "core/storage/database.h"
#include "core/storage/journal.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>

#include <algorithm>
#include <cstdlib>
#include <map>

namespace oasis {

namespace {
constexpr int kMaxHealthFlags = 20;

const QString kSelect = QStringLiteral("SELECT id, name, phone, email, notes, health_flags, "
                                       "COALESCE(merged_into, 0), created_at FROM clients ");

/// What the client paid on sale `s` (a refund's or void's is negative): its total less what
/// prepaid value paid of it (a gift card, a service voucher, a package's session), which was
/// counted when the card, voucher or package was bought, by whoever bought it. A $600 package
/// and its five sessions are $600, not $1,200.
const QString kPaidCents = QStringLiteral(
    "(s.total_cents - COALESCE((SELECT SUM(t.amount_cents) FROM sale_tenders t WHERE "
    "t.sale_id = s.id AND t.type IN ('gift', 'voucher', 'package')), 0))");

QStringList splitFlags(const QString &stored) {
    return stored.split(u'\n', Qt::SkipEmptyParts);
}

Client fromRow(const Rows &q, bool withHealth) {
    Client c;
    c.id = q.value(0).toLongLong();
    c.name = q.value(1).toString();
    c.phone = q.value(2).toString();
    c.email = q.value(3).toString();
    c.notes = q.value(4).toString();
    const QStringList flags = splitFlags(q.value(5).toString());
    c.hasHealthFlags = !flags.isEmpty();
    c.healthVisible = withHealth;
    if (withHealth)
        c.healthFlags = flags;
    c.mergedInto = q.value(6).toLongLong();
    c.createdAt = fromStorageTime(q.value(7).toString());
    return c;
}

/// Details as typed: name, phone and email trimmed, flags trimmed with empty ones dropped and
/// the same flag once.
ClientDetails cleaned(const ClientDetails &details);

/// Flags as typed: trimmed, empty ones dropped, the same flag once.
QStringList cleanFlags(const QStringList &flags) {
    QStringList out;
    for (const QString &f : flags) {
        const QString t = f.trimmed();
        if (!t.isEmpty() && !out.contains(t, Qt::CaseInsensitive))
            out << t;
    }
    return out;
}
ClientDetails cleaned(const ClientDetails &details) {
    ClientDetails d = details;
    d.name = d.name.trimmed();
    d.phone = d.phone.trimmed();
    d.email = d.email.trimmed();
    if (d.healthFlags)
        d.healthFlags = cleanFlags(*d.healthFlags);
    return d;
}
} // namespace

QString ClientService::phoneDigits(const QString &phone) {
    QString digits;
    for (QChar c : phone)
        if (c >= u'0' && c <= u'9')
            digits += c;
    return digits;
}

Status ClientService::validate(const ClientDetails &d) {
    if (d.name.trimmed().isEmpty())
        return fail(ErrorCode::Invalid, oasis::tr("A client needs a name."));
    if (auto ok = checkText(oasis::tr("client's name"), d.name, textlimit::kName); !ok)
        return ok;
    if (auto ok = checkText(oasis::tr("phone number"), d.phone, textlimit::kShort); !ok)
        return ok;
    for (QChar c : d.phone)
        if (!(c.isDigit() || QStringLiteral(" +-().").contains(c)))
            return fail(ErrorCode::Invalid,
                        oasis::tr("A phone number holds digits, spaces and + - ( ) . only: %1")
                            .arg(elidedForMessage(d.phone)));
    if (!d.phone.trimmed().isEmpty() && phoneDigits(d.phone).size() < 3)
        return fail(ErrorCode::Invalid,
                    oasis::tr("The phone number %1 has too few digits.").arg(d.phone));
    if (auto ok = checkText(oasis::tr("email address"), d.email, textlimit::kName); !ok)
        return ok;
    // The same check as an address an e-receipt or e-gift card is sent to.
    if (const QString e = d.email.trimmed(); !e.isEmpty())
        if (auto ok = checkEmailAddress(e); !ok)
            return ok;
    if (auto ok =
            checkText(oasis::tr("client's notes"), d.notes, textlimit::kNote, Newlines::Allowed);
        !ok)
        return ok;
    if (d.healthFlags) {
        if (d.healthFlags->size() > kMaxHealthFlags)
            return fail(ErrorCode::Invalid,
                        oasis::tr("A client has at most %1 health flags.").arg(kMaxHealthFlags));
        for (const QString &f : *d.healthFlags)
            if (auto ok = checkText(oasis::tr("health flag"), f, textlimit::kNote); !ok)
                return ok;
    }
    return {};
}

Result<bool> ClientService::maySeeHealth(const StaffMember &viewer) const {
    auto ok = authorize(m_db, Action::ClientHealth, viewer, std::nullopt);
    if (ok)
        return true;
    if (ok.error().code == ErrorCode::Permission)
        return false;
    return std::unexpected(ok.error());
}

namespace {
/// Anyone on the staff with register access may look clients up; what they see of them is
/// decided by their role (health flags).
Status mayLookUp(Database &db, const StaffMember &viewer) {
    if (auto ok = authorize(db, Action::ClientEdit, viewer, std::nullopt); ok)
        return ok;
    return authorize(db, Action::ClientHealth, viewer, std::nullopt);
}
} // namespace

Result<Client> ClientService::read(qint64 id, bool withHealth) const {
    auto q = m_db.exec(kSelect + QStringLiteral("WHERE id = ?"), {id});
    if (!q)
        return std::unexpected(q.error());
    if (!q->next())
        return fail(ErrorCode::NotFound, oasis::tr("There is no client %1.").arg(id));
    return fromRow(*q, withHealth);
}

Result<Client> ClientService::get(qint64 id, const StaffMember &viewer) const {
    if (auto ok = mayLookUp(m_db, viewer); !ok)
        return std::unexpected(ok.error());
    auto health = maySeeHealth(viewer);
    if (!health)
        return std::unexpected(health.error());
    return read(id, *health);
}

Result<std::vector<Client>> ClientService::find(const QString &text, const StaffMember &viewer,
                                                int limit) const {
    if (auto ok = mayLookUp(m_db, viewer); !ok)
        return std::unexpected(ok.error());
    const QString t = text.trimmed();
    if (auto ok = checkText(oasis::tr("search"), t, textlimit::kName); !ok)
        return std::unexpected(ok.error());
    if (t.isEmpty())
        return std::vector<Client>();
    auto health = maySeeHealth(viewer);
    if (!health)
        return std::unexpected(health.error());
    const QString digits = phoneDigits(t);
    const bool phoneLike = digits.size() >= 3 && std::all_of(t.begin(), t.end(), [](QChar c) {
                               return c.isDigit() || QStringLiteral(" +-().").contains(c);
                           });
    QString pattern = t;
    pattern.replace(u'\\', QStringLiteral("\\\\"))
        .replace(u'%', QStringLiteral("\\%"))
        .replace(u'_', QStringLiteral("\\_"));
    pattern = u'%' + pattern + u'%';
    const QString where = phoneLike ? QStringLiteral("phone_digits LIKE ?")
                                    : m_db.driver().likeIgnoringCase(QStringLiteral("name"));
    auto q = m_db.exec(kSelect + QStringLiteral("WHERE merged_into IS NULL AND %1 "
                                                "ORDER BY name, id LIMIT ?")
                                     .arg(where),
                       {phoneLike ? QString(u'%' + digits + u'%') : pattern, limit});
    if (!q)
        return std::unexpected(q.error());
    std::vector<Client> out;
    while (q->next())
        out.push_back(fromRow(*q, *health));
    return out;
}

Result<std::vector<Client>> ClientService::list(const StaffMember &viewer, int limit) const {
    if (auto ok = mayLookUp(m_db, viewer); !ok)
        return std::unexpected(ok.error());
    auto health = maySeeHealth(viewer);
    if (!health)
        return std::unexpected(health.error());
    auto q = m_db.exec(kSelect + QStringLiteral("WHERE merged_into IS NULL ORDER BY name, id "
                                                "LIMIT ?"),
                       {limit});
    if (!q)
        return std::unexpected(q.error());
    std::vector<Client> out;
    while (q->next())
        out.push_back(fromRow(*q, *health));
    return out;
}

Result<Client> ClientService::add(const ClientDetails &details, const StaffMember &by,
                                  const std::optional<StaffMember> &approver) {
    const ClientDetails d = cleaned(details);
    if (auto ok = validate(d); !ok)
        return std::unexpected(ok.error());
    auto tx = beginAuthorized(m_db, Action::ClientEdit, by, approver);
    if (!tx)
        return std::unexpected(tx.error());
    const bool flags = d.healthFlags && !d.healthFlags->isEmpty();
    if (flags)
        if (auto ok = authorize(m_db, Action::ClientHealth, by, approver); !ok)
            return std::unexpected(ok.error());
    const QString now = toStorageTime(Clock::nowUtc());
    auto ins = m_db.write(
        QStringLiteral("INSERT INTO clients(name, phone, phone_digits, email, notes, health_flags, "
                       "created_at, created_by, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {d.name, d.phone, phoneDigits(d.phone), d.email, d.notes,
         flags ? d.healthFlags->join(u'\n') : QString(), now, by.id, now});
    if (!ins)
        return std::unexpected(ins.error());
    const qint64 id = ins->insertId;
    // The journal keeps who added whom, never health flags (only that there are some).
    if (auto ok =
            Journal::append(m_db, by.name, QStringLiteral("client_added"),
                            {{QStringLiteral("client"), id},
                             {QStringLiteral("name"), d.name},
                             {QStringLiteral("health_flags"), flags},
                             {QStringLiteral("approver"), approver ? approver->name : QString()}});
        !ok)
        return std::unexpected(ok.error());
    auto client = read(id, roleMay(by.role, Action::ClientHealth) ||
                               (approver && roleMay(approver->role, Action::ClientHealth)));
    if (!client)
        return std::unexpected(client.error());
    if (auto ok = tx->commit(); !ok)
        return std::unexpected(ok.error());
    return client;
}

Result<Client> ClientService::change(qint64 id, const ClientDetails &details, const StaffMember &by,
                                     const std::optional<StaffMember> &approver) {
    const ClientDetails d = cleaned(details);
    if (auto ok = validate(d); !ok)
        return std::unexpected(ok.error());
    auto tx = beginAuthorized(m_db, Action::ClientEdit, by, approver);
    if (!tx)
        return std::unexpected(tx.error());
    auto before = read(id, true);
    if (!before)
        return std::unexpected(before.error());
    if (before->mergedInto != 0)
        return fail(ErrorCode::Refused,
                    oasis::tr("Client %1 was merged into client %2: change that client instead.")
                        .arg(id)
                        .arg(before->mergedInto));
    const bool flagsChange = d.healthFlags && *d.healthFlags != before->healthFlags;
    if (flagsChange)
        if (auto ok = authorize(m_db, Action::ClientHealth, by, approver); !ok)
            return std::unexpected(ok.error());
    QJsonObject changed;
    if (d.name != before->name)
        changed.insert(QStringLiteral("name"), d.name);
    if (d.phone != before->phone)
        changed.insert(QStringLiteral("phone"), d.phone);
    if (d.email != before->email)
        changed.insert(QStringLiteral("email"), d.email);
    if (d.notes != before->notes)
        changed.insert(QStringLiteral("notes"), d.notes);
    if (flagsChange)
        changed.insert(QStringLiteral("health_flags"), true); // that they changed, not what
    const bool health = roleMay(by.role, Action::ClientHealth) ||
                        (approver && roleMay(approver->role, Action::ClientHealth));
    if (changed.isEmpty()) {
        before->healthVisible = health;
        if (!health)
            before->healthFlags.clear();
        return *before;
    }
    auto upd = m_db.write(
        QStringLiteral("UPDATE clients SET name = ?, phone = ?, phone_digits = ?, email = ?, "
                       "notes = ?, health_flags = ?, changed_at = ? WHERE id = ?"),
        {d.name, d.phone, phoneDigits(d.phone), d.email, d.notes,
         (flagsChange ? *d.healthFlags : before->healthFlags).join(u'\n'),
         toStorageTime(Clock::nowUtc()), id});
    if (!upd)
        return std::unexpected(upd.error());
    if (auto ok =
            Journal::append(m_db, by.name, QStringLiteral("client_changed"),
                            {{QStringLiteral("client"), id},
                             {QStringLiteral("changed"), changed},
                             {QStringLiteral("approver"), approver ? approver->name : QString()}});
        !ok)
        return std::unexpected(ok.error());
    auto client = read(id, health);
    if (!client)
        return std::unexpected(client.error());
    if (auto ok = tx->commit(); !ok)
        return std::unexpected(ok.error());
    return client;
}

Result<ClientHistory> ClientService::history(qint64 id, const StaffMember &viewer) const {
    if (auto ok = mayLookUp(m_db, viewer); !ok)
        return std::unexpected(ok.error());
    if (auto c = read(id, false); !c)
        return std::unexpected(c.error());
    // The client's own tickets and their duplicates' (a merge points them here), with the
    // refunds and voids of those tickets.
    const QString mine = QStringLiteral(
        "SELECT sc.sale_id FROM sale_clients sc JOIN clients c ON c.id = sc.client_id "
        "WHERE c.id = ? OR c.merged_into = ?");
    ClientHistory h;
    auto totals = m_db.row(
        QStringLiteral("SELECT COALESCE(SUM(CASE WHEN s.kind = 'sale' THEN 1 ELSE 0 END), 0), "
                       "COALESCE(SUM(CASE WHEN s.kind = 'sale' THEN %2 ELSE -ABS(%2) END), 0) "
                       "FROM sales s WHERE s.id IN (%1) OR s.original_sale_id IN (%1)")
            .arg(mine, kPaidCents),
        {id, id, id, id});
    if (!totals)
        return std::unexpected(totals.error());
    h.tickets = totals->value(0).toInt();
    h.spent = Money::fromCents(totals->value(1).toLongLong());
    auto q = m_db.exec(
        QStringLiteral(
            "SELECT s.receipt_no, s.kind, s.created_at, l.kind, l.code, l.name, l.quantity, "
            "l.net_cents, COALESCE(t.display_name, ''), COALESCE(g.last4, v.last4, ''), "
            "CASE WHEN v.id IS NULL THEN '' ELSE COALESCE((SELECT a.kind FROM voucher_activity "
            "a WHERE a.voucher_id = v.id AND a.kind <> 'sell'), 'active') END FROM sales s "
            "JOIN sale_lines l ON l.sale_id = s.id LEFT JOIN staff t ON t.id = l.therapist_id "
            "LEFT JOIN giftcards g ON g.id = l.giftcard_id "
            "LEFT JOIN vouchers v ON v.line_id = l.id "
            "WHERE s.id IN (%1) OR s.original_sale_id IN (%1) ORDER BY s.id DESC, l.line_no")
            .arg(mine),
        {id, id, id, id});
    if (!q)
        return std::unexpected(q.error());
    while (q->next()) {
        ClientHistoryLine l;
        l.receiptNo = q->value(0).toLongLong();
        l.saleKind = q->value(1).toString();
        l.at = fromStorageTime(q->value(2).toString());
        const QString kind = q->value(3).toString();
        l.code = q->value(4).toString();
        l.name = q->value(5).toString();
        const bool sale = l.saleKind == QLatin1String("sale");
        l.quantity = sale ? q->value(6).toInt() : -std::abs(q->value(6).toInt());
        const qint64 net = q->value(7).toLongLong();
        l.net = Money::fromCents(sale ? net : -std::abs(net));
        l.therapist = q->value(8).toString();
        l.giftCardLast4 = q->value(9).toString();
        const QString voucher = q->value(10).toString();
        l.voucherStatus = voucher == QLatin1String("redeem")
                              ? voucherStatusName(Voucher::Status::Redeemed)
                              : voucher; // active, void or none
        if (kind == QLatin1String("session"))
            h.visits.push_back(std::move(l));
        else if (kind == QLatin1String("product"))
            h.purchases.push_back(std::move(l));
        else if (kind == QLatin1String("giftcard"))
            h.giftCards.push_back(std::move(l));
        else if (kind == QLatin1String("voucher"))
            h.vouchers.push_back(std::move(l));
    }
    return h;
}

Result<Client> ClientService::merge(qint64 duplicate, qint64 keep, const StaffMember &by,
                                    const std::optional<StaffMember> &approver) {
    if (duplicate == keep)
        return fail(ErrorCode::Invalid, oasis::tr("A client cannot be merged into themselves."));
    auto tx = beginAuthorized(m_db, Action::ClientMerge, by, approver);
    if (!tx)
        return std::unexpected(tx.error());
    auto dup = read(duplicate, true);
    if (!dup)
        return std::unexpected(dup.error());
    auto kept = read(keep, true);
    if (!kept)
        return std::unexpected(kept.error());
    if (dup->mergedInto != 0)
        return fail(ErrorCode::Refused, oasis::tr("Client %1 was already merged into client %2.")
                                            .arg(duplicate)
                                            .arg(dup->mergedInto));
    if (kept->mergedInto != 0)
        return fail(ErrorCode::Refused,
                    oasis::tr("Client %1 was merged into client %2: merge into that client.")
                        .arg(keep)
                        .arg(kept->mergedInto));
    QStringList flags = kept->healthFlags;
    for (const QString &f : dup->healthFlags)
        if (!flags.contains(f, Qt::CaseInsensitive))
            flags << f;
    const QString phone = kept->phone.isEmpty() ? dup->phone : kept->phone;
    QString notes = kept->notes;
    if (!dup->notes.isEmpty() && !notes.contains(dup->notes))
        notes = notes.isEmpty() ? dup->notes : notes + u'\n' + dup->notes;
    const QString now = toStorageTime(Clock::nowUtc());
    if (auto ok = m_db.write(
            QStringLiteral("UPDATE clients SET phone = ?, phone_digits = ?, email = ?, notes = ?, "
                           "health_flags = ?, changed_at = ? WHERE id = ?"),
            {phone, phoneDigits(phone), kept->email.isEmpty() ? dup->email : kept->email,
             notes.left(textlimit::kNote), flags.mid(0, kMaxHealthFlags).join(u'\n'), now, keep});
        !ok)
        return std::unexpected(ok.error());
    // The duplicate, and any client merged into it before, now point at the kept client: one
    // step from every duplicate to the client whose history holds it.
    if (auto ok = m_db.write(QStringLiteral("UPDATE clients SET merged_into = ?, changed_at = ? "
                                            "WHERE id = ? OR merged_into = ?"),
                             {keep, now, duplicate, duplicate});
        !ok)
        return std::unexpected(ok.error());
    if (auto ok =
            Journal::append(m_db, by.name, QStringLiteral("client_merged"),
                            {{QStringLiteral("client"), duplicate},
                             {QStringLiteral("into"), keep},
                             {QStringLiteral("approver"), approver ? approver->name : QString()}});
        !ok)
        return std::unexpected(ok.error());
    auto client = read(keep, true);
    if (!client)
        return std::unexpected(client.error());
    if (auto ok = tx->commit(); !ok)
        return std::unexpected(ok.error());
    return client;
}

Result<int> ClientService::exportCsv(const QString &path, const StaffMember &by,
                                     const std::optional<StaffMember> &approver) {
    auto tx = beginAuthorized(m_db, Action::ClientExport, by, approver);
    if (!tx)
        return std::unexpected(tx.error());
    QByteArray bytes =
        csv::formatRow({QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("phone"),
                        QStringLiteral("email"), QStringLiteral("notes"),
                        QStringLiteral("health_flags"), QStringLiteral("created_at")});
    auto q = m_db.exec(kSelect + QStringLiteral("WHERE merged_into IS NULL ORDER BY id"));
    if (!q)
        return std::unexpected(q.error());
    int count = 0;
    while (q->next()) {
        const Client c = fromRow(*q, true);
        bytes += csv::formatRow({QString::number(c.id), c.name, c.phone, c.email, c.notes,
                                 c.healthFlags.join(QStringLiteral("; ")),
                                 c.createdAt.toString(Qt::ISODate)});
        ++count;
    }
    if (auto ok =
            Journal::append(m_db, by.name, QStringLiteral("client_exported"),
                            {{QStringLiteral("clients"), count},
                             {QStringLiteral("file"), QDir::toNativeSeparators(path)},
                             {QStringLiteral("approver"), approver ? approver->name : QString()}});
        !ok)
        return std::unexpected(ok.error());
    if (auto saved = saveFile(path, bytes); !saved)
        return fail(ErrorCode::System,
                    oasis::tr("Cannot write %1: %2")
                        .arg(QDir::toNativeSeparators(path), saved.error().message));
    if (auto ok = tx->commit(); !ok) {
        if (QFileInfo(path).isFile()) // never /dev/stdout or a FIFO, written in place
            QFile::remove(path);      // not journaled: not exported
        return std::unexpected(ok.error());
    }
    return count;
}

Result<ReportTable> ClientService::lifetimeValue(QDate asOf, const StaffMember &viewer) const {
    if (auto ok = authorize(m_db, Action::Reports, viewer, std::nullopt); !ok)
        return std::unexpected(ok.error());
    struct Worth {
        qint64 tickets = 0;
        qint64 visits = 0;
        qint64 cents = 0;
        QString lastVisit; ///< ISO business date
    };
    std::map<qint64, Worth> worth;
    // Each linked sale, and the refunds and voids of it, by the client it counts for now.
    auto q = m_db.exec(
        QStringLiteral(
            "SELECT COALESCE(c.merged_into, c.id), s.kind, %1, s.business_date, "
            "(SELECT COUNT(*) FROM sale_lines l WHERE l.sale_id = s.id AND l.kind = 'session') "
            "FROM sale_clients sc JOIN clients c ON c.id = sc.client_id "
            "JOIN sales s ON s.id = sc.sale_id OR s.original_sale_id = sc.sale_id "
            "WHERE s.business_date <= ?")
            .arg(kPaidCents),
        {asOf.toString(Qt::ISODate)});
    if (!q)
        return std::unexpected(q.error());
    while (q->next()) {
        Worth &w = worth[q->value(0).toLongLong()];
        const bool sale = q->value(1).toString() == QLatin1String("sale");
        const qint64 total = q->value(2).toLongLong();
        w.cents += sale ? total : -std::abs(total);
        if (!sale)
            continue;
        ++w.tickets;
        if (q->value(4).toLongLong() > 0) {
            ++w.visits;
            w.lastVisit = std::max(w.lastVisit, q->value(3).toString());
        }
    }
    auto clients = m_db.rows(QStringLiteral("SELECT id, name FROM clients "
                                            "WHERE merged_into IS NULL ORDER BY name, id"));
    if (!clients)
        return std::unexpected(clients.error());
    ReportTable t;
    t.title = oasis::tr("Clients: lifetime value and last visit, as of %1")
                  .arg(asOf.toString(Qt::ISODate));
    t.showTotals = true;
    t.columns = {
        {QStringLiteral("client"), oasis::tr("Client"), ReportTable::Kind::Text},
        {QStringLiteral("tickets"), oasis::tr("Tickets"), ReportTable::Kind::Count},
        {QStringLiteral("visits"), oasis::tr("Visits"), ReportTable::Kind::Count},
        {QStringLiteral("last_visit"), oasis::tr("Last visit"), ReportTable::Kind::Text},
        {QStringLiteral("lifetime_cents"), oasis::tr("Lifetime value"), ReportTable::Kind::Money}};
    for (const QVariantList &c : std::as_const(*clients)) {
        const Worth w =
            worth.count(c.value(0).toLongLong()) ? worth[c.value(0).toLongLong()] : Worth();
        t.rows.push_back({c.value(1).toString(), w.tickets, w.visits, w.lastVisit, w.cents});
    }
    // The most valuable first; a tie by name (the rows came sorted by name).
    std::stable_sort(t.rows.begin(), t.rows.end(),
                     [](const QVariantList &a, const QVariantList &b) {
                         return a.value(4).toLongLong() > b.value(4).toLongLong();
                     });
    return t;
}

Result<qint64> ClientService::resolveForSale(Database &db, qint64 id) {
    auto row = db.row(QStringLiteral("SELECT id, COALESCE(merged_into, 0) FROM clients "
                                     "WHERE id = ?"),
                      {id});
    if (!row)
        return std::unexpected(row.error());
    if (row->isEmpty())
        return fail(ErrorCode::NotFound, oasis::tr("There is no client %1.").arg(id));
    const qint64 into = row->value(1).toLongLong();
    return into != 0 ? into : id;
}

} // namespace oasis
