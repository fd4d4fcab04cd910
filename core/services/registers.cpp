// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/registers.h"

#include <QRegularExpression>

#include "core/domain/clock.h"
#include "core/domain/receiptcode.h"
#include "core/domain/translate.h"
#include "core/services/authorization.h"
#include "core/services/salewriter.h"
#include "core/services/store.h"
#include "core/storage/database.h"
#include "core/storage/journal.h"

#include <QCoreApplication>

namespace oasis {

namespace {
const QString kColumns = QStringLiteral(
    "SELECT r.name, r.created_at, COALESCE(st.name, ''), COALESCE(sh.id, 0), "
    "COALESCE(o.name, ''), %1 FROM registers r LEFT JOIN staff st ON st.id = r.created_by "
    "LEFT JOIN shifts sh ON sh.register_id = r.name AND sh.closed_at IS NULL "
    "LEFT JOIN staff o ON o.id = sh.opened_by ");

RegisterInfo fromRow(const Rows &q) {
    RegisterInfo r;
    r.name = q.value(0).toString();
    r.createdAt = fromStorageTime(q.value(1).toString());
    r.createdBy = q.value(2).toString();
    r.openShift = q.value(3).toLongLong();
    r.openShiftBy = q.value(4).toString();
    r.series = receiptseries::letter(q.value(5).toInt());
    return r;
}

/// The registers' columns: the receipt series only where the schema has it.
QString columns(const Database &db) {
    return kColumns.arg(db.schemaVersion() >= SaleWriter::kSeriesSchemaVersion
                            ? QStringLiteral("r.receipt_series")
                            : QStringLiteral("0"));
}

/// A series a manager may give a register: one letter A-Z, not R (the shared one).
Result<int> ownSeries(const QString &text) {
    const QString letter = text.trimmed();
    const auto series =
        letter.size() == 1 ? receiptseries::fromLetter(letter.at(0)) : std::optional<int>();
    if (!series)
        return fail(
            ErrorCode::Invalid,
            oasis::tr("A receipt series is one letter, A to Z; '%1' is not.").arg(letter.left(8)));
    if (*series == receiptseries::kLegacy)
        return fail(ErrorCode::Invalid,
                    oasis::tr("Series R is the store's first series, shared by the registers "
                              "that had no series of their own; choose another letter."));
    return *series;
}

/// The register that numbers its receipts in `series`, if any.
Result<QString> seriesHolder(Database &db, int series) {
    auto holder =
        db.scalar(QStringLiteral("SELECT name FROM registers WHERE receipt_series = ?"), {series});
    if (!holder)
        return std::unexpected(holder.error());
    return holder->isNull() ? QString() : holder->toString();
}
} // namespace

Status RegisterService::validateName(const QString &name) {
    if (name.isEmpty())
        return fail(ErrorCode::Invalid, oasis::tr("A register needs a name."));
    if (name.size() > kMaxNameLength)
        return fail(ErrorCode::Invalid,
                    oasis::tr("A register's name is at most %1 characters; this one "
                              "has %2.")
                        .arg(kMaxNameLength)
                        .arg(name.size()));
    for (const char32_t c : name.toUcs4())
        if (!QChar::isPrint(c))
            return fail(
                ErrorCode::Invalid,
                oasis::tr("A register's name cannot hold control or invisible characters."));
    if (name.trimmed() != name)
        return fail(ErrorCode::Invalid,
                    oasis::tr("A register's name cannot begin or end with a space."));
    return {};
}

Result<bool> RegisterService::isKnown(const QString &name) const {
    auto found = m_db.scalar(QStringLiteral("SELECT 1 FROM registers WHERE name = ?"), {name});
    if (!found)
        return std::unexpected(found.error());
    return !found->isNull();
}

Result<QString> RegisterService::acting(const QString &registerIdIn) const {
    const QString registerId = registerIdIn.isEmpty() ? Store::registerId() : registerIdIn;
    if (m_db.schemaVersion() < kSchemaVersion || m_db.registerSeen(registerId))
        return registerId;
    auto known = isKnown(registerId);
    if (!known)
        return std::unexpected(known.error());
    if (!*known) {
        // One line whatever the name holds (the caller prints it on one line).
        QString shown = registerId.left(kMaxNameLength * 2);
        for (QChar &c : shown)
            if (!c.isPrint())
                c = u'?';
        return fail(
            ErrorCode::Refused,
            oasis::tr("This computer's register '%1' is not registered in this store: a manager "
                      "adds it with: oasisctl register add %1")
                .arg(shown));
    }
    m_db.noteRegisterSeen(registerId);
    return registerId;
}

Result<std::vector<RegisterInfo>> RegisterService::list() const {
    auto q = m_db.exec(columns(m_db) + QStringLiteral("ORDER BY r.name"));
    if (!q)
        return std::unexpected(q.error());
    std::vector<RegisterInfo> all;
    while (q->next())
        all.push_back(fromRow(*q));
    return all;
}

Result<RegisterInfo> RegisterService::add(const QString &name, const StaffMember &by,
                                          const std::optional<StaffMember> &approver,
                                          const QString &seriesText) {
    if (auto ok = validateName(name); !ok)
        return std::unexpected(ok.error());
    const bool hasSeries = m_db.schemaVersion() >= SaleWriter::kSeriesSchemaVersion;
    std::optional<int> asked;
    if (!seriesText.isEmpty()) {
        auto series = ownSeries(seriesText);
        if (!series)
            return std::unexpected(series.error());
        asked = *series;
    }
    auto tx = beginAuthorized(m_db, Action::Settings, by, approver);
    if (!tx)
        return std::unexpected(tx.error());
    auto known = isKnown(name);
    if (!known)
        return std::unexpected(known.error());
    if (*known)
        return fail(ErrorCode::Conflict,
                    oasis::tr("Register '%1' is already registered in this store.").arg(name));
    int series = receiptseries::kLegacy;
    if (hasSeries) {
        // Inside the transaction, which holds the store's write lock: two managers adding
        // registers at once cannot take the same letter (and the unique index is the backstop).
        auto taken = m_db.rows(QStringLiteral("SELECT receipt_series FROM registers"));
        if (!taken)
            return std::unexpected(taken.error());
        QList<int> used;
        for (const QVariantList &r : *taken)
            used << r.at(0).toInt();
        if (asked) {
            if (used.contains(*asked)) {
                auto holder = seriesHolder(m_db, *asked);
                if (!holder)
                    return std::unexpected(holder.error());
                return fail(ErrorCode::Conflict, oasis::tr("Receipt series %1 is register '%2''s.")
                                                     .arg(receiptseries::letter(*asked), *holder));
            }
            series = *asked;
        } else {
            for (int s = 1; s <= receiptseries::kLast && series == receiptseries::kLegacy; ++s)
                if (!receiptseries::letter(s).isNull() && !used.contains(s))
                    series = s;
            if (series == receiptseries::kLegacy)
                return fail(ErrorCode::Refused,
                            oasis::tr("Every receipt series from A to Z is taken: a register "
                                      "must share series R (oasisctl register add NAME with no "
                                      "series is refused until one is free)."));
        }
    }
    auto inserted =
        hasSeries ? m_db.write(QStringLiteral("INSERT INTO registers(name, created_at, created_by, "
                                              "receipt_series) VALUES (?, ?, ?, ?)"),
                               {name, toStorageTime(Clock::nowUtc()), by.id, series})
                  : m_db.write(QStringLiteral("INSERT INTO registers(name, created_at, created_by) "
                                              "VALUES (?, ?, ?)"),
                               {name, toStorageTime(Clock::nowUtc()), by.id});
    if (!inserted)
        return std::unexpected(inserted.error());
    QJsonObject entry{{QStringLiteral("register"), name},
                      {QStringLiteral("approver"), approver ? approver->name : QString()}};
    if (hasSeries)
        entry.insert(QStringLiteral("series"), QString(receiptseries::letter(series)));
    if (auto ok = Journal::append(m_db, by.name, QStringLiteral("register_added"), entry); !ok)
        return std::unexpected(ok.error());
    if (auto ok = tx->commit(); !ok)
        return std::unexpected(ok.error());
    return readBack(name);
}

Result<RegisterInfo> RegisterService::setSeries(const QString &name, const QString &seriesText,
                                                const StaffMember &by,
                                                const std::optional<StaffMember> &approver) {
    if (m_db.schemaVersion() < SaleWriter::kSeriesSchemaVersion)
        return fail(ErrorCode::Refused,
                    oasis::tr("This store predates receipt series: open it with this version "
                              "of Oasis once to bring it up to date."));
    auto series = ownSeries(seriesText);
    if (!series)
        return std::unexpected(series.error());
    auto tx = beginAuthorized(m_db, Action::Settings, by, approver);
    if (!tx)
        return std::unexpected(tx.error());
    auto current =
        m_db.scalar(QStringLiteral("SELECT receipt_series FROM registers WHERE name = ?"), {name});
    if (!current)
        return std::unexpected(current.error());
    if (current->isNull())
        return fail(
            ErrorCode::Refused,
            oasis::tr("There is no register '%1' in this store.").arg(name.left(kMaxNameLength)));
    if (current->toInt() == *series)
        return fail(ErrorCode::Invalid, oasis::tr("Register '%1' already numbers its receipts "
                                                  "in series %2.")
                                            .arg(name, receiptseries::letter(*series)));
    auto holder = seriesHolder(m_db, *series);
    if (!holder)
        return std::unexpected(holder.error());
    if (!holder->isEmpty())
        return fail(ErrorCode::Conflict, oasis::tr("Receipt series %1 is register '%2''s.")
                                             .arg(receiptseries::letter(*series), *holder));
    if (auto ok =
            m_db.write(QStringLiteral("UPDATE registers SET receipt_series = ? WHERE name = ?"),
                       {*series, name});
        !ok)
        return std::unexpected(ok.error());
    if (auto ok = Journal::append(
            m_db, by.name, QStringLiteral("register_series_set"),
            {{QStringLiteral("register"), name},
             {QStringLiteral("from"), QString(receiptseries::letter(current->toInt()))},
             {QStringLiteral("series"), QString(receiptseries::letter(*series))},
             {QStringLiteral("approver"), approver ? approver->name : QString()}});
        !ok)
        return std::unexpected(ok.error());
    if (auto ok = tx->commit(); !ok)
        return std::unexpected(ok.error());
    return readBack(name);
}

Result<RegisterInfo> RegisterService::readBack(const QString &name) const {
    auto q = m_db.exec(columns(m_db) + QStringLiteral("WHERE r.name = ?"), {name});
    if (!q)
        return std::unexpected(q.error());
    if (!q->next())
        return fail(ErrorCode::System,
                    oasis::tr("Register '%1' was written but cannot be read back.").arg(name));
    return fromRow(*q);
}

Status RegisterService::grantServerRole(const QString &role, const StaffMember &by,
                                        const std::optional<StaffMember> &approver) {
    static const QRegularExpression plain(QStringLiteral("^[a-z_][a-z0-9_]{0,62}$"));
    if (!plain.match(role).hasMatch())
        return fail(ErrorCode::Invalid,
                    oasis::tr("A server role is a plain name: lower-case letters, digits and _, "
                              "up to 63 characters, not starting with a digit."));
    auto tx = beginAuthorized(m_db, Action::Settings, by, approver);
    if (!tx)
        return std::unexpected(tx.error());
    if (auto ok = m_db.grantRegister(role); !ok)
        return ok;
    if (auto ok =
            Journal::append(m_db, by.name, QStringLiteral("register_role_granted"),
                            {{QStringLiteral("role"), role},
                             {QStringLiteral("approver"), approver ? approver->name : QString()}});
        !ok)
        return ok;
    return tx->commit();
}

Status RegisterService::addCreator(Database &db, const QString &name) {
    if (db.schemaVersion() < kSchemaVersion || !validateName(name))
        return {};
    auto tx = Transaction::begin(db);
    if (!tx)
        return std::unexpected(tx.error());
    if (auto ok =
            db.write(db.driver().upsert(QStringLiteral("registers"),
                                        {QStringLiteral("name"), QStringLiteral("created_at")},
                                        {QStringLiteral("name")}, {}),
                     {name, toStorageTime(Clock::nowUtc())});
        !ok)
        return std::unexpected(ok.error());
    return tx->commit();
}

} // namespace oasis
