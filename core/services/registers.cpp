// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/registers.h"

#include <QRegularExpression>

#include "core/domain/clock.h"
#include "core/domain/translate.h"
#include "core/services/authorization.h"
#include "core/services/store.h"
#include "core/storage/database.h"
#include "core/storage/journal.h"

#include <QCoreApplication>

namespace oasis {

namespace {
const QString kColumns = QStringLiteral(
    "SELECT r.name, r.created_at, COALESCE(st.name, ''), COALESCE(sh.id, 0), "
    "COALESCE(o.name, '') FROM registers r LEFT JOIN staff st ON st.id = r.created_by "
    "LEFT JOIN shifts sh ON sh.register_id = r.name AND sh.closed_at IS NULL "
    "LEFT JOIN staff o ON o.id = sh.opened_by ");

RegisterInfo fromRow(const Rows &q) {
    RegisterInfo r;
    r.name = q.value(0).toString();
    r.createdAt = fromStorageTime(q.value(1).toString());
    r.createdBy = q.value(2).toString();
    r.openShift = q.value(3).toLongLong();
    r.openShiftBy = q.value(4).toString();
    return r;
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
    if (m_db.schemaVersion() < kSchemaVersion)
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
    return registerId;
}

Result<std::vector<RegisterInfo>> RegisterService::list() const {
    auto q = m_db.exec(kColumns + QStringLiteral("ORDER BY r.name"));
    if (!q)
        return std::unexpected(q.error());
    std::vector<RegisterInfo> all;
    while (q->next())
        all.push_back(fromRow(*q));
    return all;
}

Result<RegisterInfo> RegisterService::add(const QString &name, const StaffMember &by,
                                          const std::optional<StaffMember> &approver) {
    if (auto ok = validateName(name); !ok)
        return std::unexpected(ok.error());
    auto tx = Transaction::begin(m_db);
    if (!tx)
        return std::unexpected(tx.error());
    if (auto ok = authorize(m_db, Action::Settings, by, approver); !ok)
        return std::unexpected(ok.error());
    auto known = isKnown(name);
    if (!known)
        return std::unexpected(known.error());
    if (*known)
        return fail(ErrorCode::Conflict,
                    oasis::tr("Register '%1' is already registered in this store.").arg(name));
    if (auto ok = m_db.write(QStringLiteral("INSERT INTO registers(name, created_at, created_by) "
                                            "VALUES (?, ?, ?)"),
                             {name, toStorageTime(Clock::nowUtc()), by.id});
        !ok)
        return std::unexpected(ok.error());
    if (auto ok =
            Journal::append(m_db, by.name, QStringLiteral("register_added"),
                            {{QStringLiteral("register"), name},
                             {QStringLiteral("approver"), approver ? approver->name : QString()}});
        !ok)
        return std::unexpected(ok.error());
    if (auto ok = tx->commit(); !ok)
        return std::unexpected(ok.error());
    auto q = m_db.exec(kColumns + QStringLiteral("WHERE r.name = ?"), {name});
    if (!q)
        return std::unexpected(q.error());
    if (!q->next())
        return fail(ErrorCode::System,
                    oasis::tr("Register '%1' was added but cannot be read back.").arg(name));
    return fromRow(*q);
}

Status RegisterService::grantServerRole(const QString &role, const StaffMember &by,
                                        const std::optional<StaffMember> &approver) {
    static const QRegularExpression plain(QStringLiteral("^[a-z_][a-z0-9_]{0,62}$"));
    if (!plain.match(role).hasMatch())
        return fail(ErrorCode::Invalid,
                    oasis::tr("A server role is a plain name: lower-case letters, digits and _, "
                              "up to 63 characters, not starting with a digit."));
    auto tx = Transaction::begin(m_db);
    if (!tx)
        return std::unexpected(tx.error());
    if (auto ok = authorize(m_db, Action::Settings, by, approver); !ok)
        return ok;
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
