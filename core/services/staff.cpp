// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/staff.h"

#include "core/domain/clock.h"
#include "core/domain/crypto.h"
#include "core/domain/text.h"
#include "core/domain/translate.h"
#include "core/services/authorization.h"
#include "core/storage/database.h"
#include "core/storage/journal.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QRegularExpression>

#include <future>

namespace oasis {

namespace {
constexpr int kPbkdf2Iterations = 60'000;

QByteArray pinHash(const Database &db, const QString &pin, const QByteArray &salt, int iterations) {
    return crypto::pbkdf2Sha256(pin.toUtf8() + db.keys().pinPepper, salt, iterations);
}

const QString kColumns =
    QStringLiteral("id, name, display_name, role, active, pin_hash IS NOT NULL");

/// From a row of kColumns: a Rows at its current row, or a row read whole (QVariantList).
template <class Row>
StaffMember fromRow(const Row &q) {
    StaffMember m;
    m.id = q.value(0).toLongLong();
    m.name = q.value(1).toString();
    m.displayName = q.value(2).toString();
    m.role = roleFromName(q.value(3).toString()).value_or(Role::FrontDesk);
    m.active = q.value(4).toBool();
    m.hasPin = q.value(5).toBool();
    return m;
}
} // namespace

QString StaffService::columnsAsText() {
    return QStringLiteral("CAST(id AS TEXT), name, display_name, role, CAST(active AS TEXT), "
                          "CASE WHEN pin_hash IS NULL THEN '0' ELSE '1' END");
}

StaffMember StaffService::fromText(const QVariantList &columns) {
    return fromRow(columns);
}

Status StaffService::validatePin(const QString &pin) {
    static const QRegularExpression digits(QStringLiteral("^[0-9]{4,8}$"));
    if (!digits.match(pin).hasMatch())
        return fail(ErrorCode::Invalid, oasis::tr("A PIN is 4 to 8 digits."));
    return {};
}

Result<std::vector<StaffMember>> StaffService::list(bool includeInactive) const {
    auto q = m_db.exec(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM staff ") +
                       (includeInactive ? QString() : QStringLiteral("WHERE active = 1 ")) +
                       QStringLiteral("ORDER BY role, name"));
    if (!q)
        return std::unexpected(q.error());
    std::vector<StaffMember> out;
    while (q->next())
        out.push_back(fromRow(*q));
    return out;
}

Result<StaffMember> StaffService::find(const QString &name) const {
    auto q = m_db.exec(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM staff WHERE ") +
                           m_db.driver().equalsIgnoringCase(QStringLiteral("name")),
                       {name.trimmed()});
    if (!q)
        return std::unexpected(q.error());
    if (!q->next())
        return fail(ErrorCode::NotFound,
                    oasis::tr("There is no staff member named \"%1\".").arg(name));
    return fromRow(*q);
}

Result<StaffMember> StaffService::byId(qint64 id) const {
    // (One row, by a statement the connection keeps: every sale and approval reads it.)
    auto q = m_db.row(
        QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM staff WHERE id = ?"), {id});
    if (!q)
        return std::unexpected(q.error());
    if (q->isEmpty())
        return fail(ErrorCode::NotFound, oasis::tr("There is no staff member number %1.").arg(id));
    return fromRow(*q);
}

Result<std::vector<StaffMember>> StaffService::therapists() const {
    auto all = list(false);
    if (!all)
        return all;
    std::erase_if(*all, [](const StaffMember &m) { return m.role != Role::Therapist; });
    return all;
}

Result<StaffMember> StaffService::add(const QString &name, Role role, const QString &pin,
                                      const StaffMember &actor,
                                      const std::optional<StaffMember> &approver,
                                      const QString &displayName) {
    return insert(name, role, pin, actorLabel(actor, approver), displayName,
                  [&] { return authorize(m_db, Action::Staff, actor, approver); });
}

Result<StaffMember> StaffService::addFirstOwner(const QString &name, const QString &pin,
                                                const QString &displayName) {
    return insert(name, Role::Owner, pin, QStringLiteral("system"), displayName, [&]() -> Status {
        auto owners =
            m_db.scalar(QStringLiteral("SELECT COUNT(*) FROM staff WHERE role = 'owner'"));
        if (!owners)
            return std::unexpected(owners.error());
        if (owners->toInt() > 0)
            return fail(
                ErrorCode::Permission,
                oasis::tr("This store already has an owner: staff are added by the owner."));
        return {};
    });
}

Result<bool> StaffService::isEmpty() const {
    auto count = m_db.scalar(QStringLiteral("SELECT COUNT(*) FROM staff"));
    if (!count)
        return std::unexpected(count.error());
    return count->toInt() == 0;
}

Result<StaffMember> StaffService::insert(const QString &name, Role role, const QString &pin,
                                         const QString &journalActor, const QString &displayName,
                                         const std::function<Status()> &allowed) {
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z][A-Za-z0-9._-]{0,31}$"));
    if (!valid.match(name).hasMatch())
        return fail(
            ErrorCode::Invalid,
            oasis::tr("\"%1\" is not a valid staff name: start with a letter, then letters, "
                      "digits, '.', '_' or '-' (at most 32).")
                .arg(name));
    if (auto ok = checkText(oasis::tr("display name"), displayName, textlimit::kName); !ok)
        return std::unexpected(ok.error());
    if (role != Role::Therapist) {
        if (auto ok = validatePin(pin); !ok)
            return std::unexpected(ok.error());
    } else if (!pin.isEmpty()) {
        return fail(ErrorCode::Invalid,
                    oasis::tr("Therapists do not log in to the register: no PIN."));
    }
    auto tx = Transaction::begin(m_db);
    if (!tx)
        return std::unexpected(tx.error());
    if (auto ok = allowed(); !ok)
        return std::unexpected(ok.error());
    auto exists = m_db.scalar(QStringLiteral("SELECT COUNT(*) FROM staff WHERE ") +
                                  m_db.driver().equalsIgnoringCase(QStringLiteral("name")),
                              {name});
    if (!exists)
        return std::unexpected(exists.error());
    if (exists->toInt() > 0)
        return fail(ErrorCode::Conflict,
                    oasis::tr("A staff member named \"%1\" already exists.").arg(name));
    QVariant salt, hash;
    int iterations = 0;
    if (!pin.isEmpty()) {
        const QByteArray s = crypto::randomBytes(16);
        salt = s;
        hash = pinHash(m_db, pin, s, kPbkdf2Iterations);
        iterations = kPbkdf2Iterations;
    }
    auto ins =
        m_db.exec(QStringLiteral("INSERT INTO staff(name, display_name, role, pin_salt, pin_hash, "
                                 "pin_iterations, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                  {name, displayName.isEmpty() ? name : displayName, roleName(role), salt, hash,
                   iterations, toStorageTime(Clock::nowUtc())});
    if (!ins)
        return std::unexpected(ins.error());
    if (auto ok = Journal::append(
            m_db, journalActor, QStringLiteral("staff_added"),
            {{QStringLiteral("name"), name}, {QStringLiteral("role"), roleName(role)}});
        !ok)
        return std::unexpected(ok.error());
    if (auto ok = tx->commit(); !ok)
        return std::unexpected(ok.error());
    return find(name);
}

Status StaffService::deactivate(const QString &name, const StaffMember &actor,
                                const std::optional<StaffMember> &approver) {
    auto tx = beginAuthorized(m_db, Action::Staff, actor, approver);
    if (!tx)
        return std::unexpected(tx.error());
    auto member = find(name);
    if (!member)
        return std::unexpected(member.error());
    if (!member->active)
        return fail(ErrorCode::Refused, oasis::tr("%1 is already deactivated.").arg(name));
    if (member->role == Role::Owner) {
        auto owners = m_db.scalar(
            QStringLiteral("SELECT COUNT(*) FROM staff WHERE role = 'owner' AND active = 1"));
        if (!owners)
            return std::unexpected(owners.error());
        if (owners->toInt() <= 1)
            return fail(
                ErrorCode::Refused,
                oasis::tr("%1 is the last active owner and cannot be deactivated.").arg(name));
    }
    if (auto ok =
            m_db.exec(QStringLiteral("UPDATE staff SET active = 0 WHERE id = ?"), {member->id});
        !ok)
        return std::unexpected(ok.error());
    if (auto ok =
            Journal::append(m_db, actorLabel(actor, approver), QStringLiteral("staff_deactivated"),
                            {{QStringLiteral("name"), member->name}});
        !ok)
        return ok;
    return tx->commit();
}

Status StaffService::resetPin(const QString &name, const QString &pin, const StaffMember &actor,
                              const std::optional<StaffMember> &approver) {
    auto tx = beginAuthorized(m_db, Action::Staff, actor, approver);
    if (!tx)
        return std::unexpected(tx.error());
    if (auto ok = validatePin(pin); !ok)
        return ok;
    auto member = find(name);
    if (!member)
        return std::unexpected(member.error());
    if (member->role == Role::Therapist)
        return fail(ErrorCode::Refused,
                    oasis::tr("Therapists do not log in to the register: no PIN."));
    const QByteArray salt = crypto::randomBytes(16);
    if (auto ok = m_db.exec(
            QStringLiteral("UPDATE staff SET pin_salt = ?, pin_hash = ?, pin_iterations = ?, "
                           "failed_attempts = 0, locked_until = NULL WHERE id = ?"),
            {salt, pinHash(m_db, pin, salt, kPbkdf2Iterations), kPbkdf2Iterations, member->id});
        !ok)
        return std::unexpected(ok.error());
    if (auto ok =
            Journal::append(m_db, actorLabel(actor, approver), QStringLiteral("staff_pin_reset"),
                            {{QStringLiteral("name"), member->name}});
        !ok)
        return ok;
    return tx->commit();
}

Status StaffService::setRole(const QString &name, Role role, const StaffMember &actor,
                             const std::optional<StaffMember> &approver) {
    auto tx = beginAuthorized(m_db, Action::Staff, actor, approver);
    if (!tx)
        return std::unexpected(tx.error());
    auto member = find(name);
    if (!member)
        return std::unexpected(member.error());
    if ((member->role == Role::Therapist) != (role == Role::Therapist))
        return fail(
            ErrorCode::Refused,
            oasis::tr("Therapists have no PIN: add a new staff member for register access."));
    if (auto ok = m_db.exec(QStringLiteral("UPDATE staff SET role = ? WHERE id = ?"),
                            {roleName(role), member->id});
        !ok)
        return std::unexpected(ok.error());
    if (auto ok =
            Journal::append(m_db, actorLabel(actor, approver), QStringLiteral("staff_role_changed"),
                            {{QStringLiteral("name"), member->name},
                             {QStringLiteral("from"), roleName(member->role)},
                             {QStringLiteral("to"), roleName(role)}});
        !ok)
        return ok;
    return tx->commit();
}

namespace {
/// A staff member's row as authenticate() reads it.
struct PinRow {
    StaffMember member;
    QByteArray salt;
    QByteArray stored;
    int iterations = 0;
    int failed = 0;
    QDateTime lockedUntil;
};

Result<std::optional<PinRow>> readPinRow(Database &db, const QString &name) {
    auto q = db.exec(QStringLiteral("SELECT ") + kColumns +
                         QStringLiteral(", pin_salt, pin_hash, pin_iterations, failed_attempts, "
                                        "locked_until FROM staff WHERE ") +
                         db.driver().equalsIgnoringCase(QStringLiteral("name")),
                     {name.trimmed()});
    if (!q)
        return std::unexpected(q.error());
    if (!q->next())
        return std::nullopt;
    PinRow row;
    row.member = fromRow(*q);
    row.salt = q->value(6).toByteArray();
    row.stored = q->value(7).toByteArray();
    row.iterations = q->value(8).toInt();
    row.failed = q->value(9).toInt();
    if (!q->value(10).isNull())
        row.lockedUntil = fromStorageTime(q->value(10).toString());
    return row;
}
} // namespace

Result<StaffMember> StaffService::authenticate(const QString &name, const QString &pin,
                                               const std::function<void()> &meanwhile) {
    // The PBKDF2 rounds come before the transaction, so the write lock is not held while they
    // run (the other registers keep selling), and `meanwhile` gets this thread and connection.
    auto before = readPinRow(m_db, name);
    if (!before)
        return std::unexpected(before.error());
    if (!*before)
        return fail(ErrorCode::NotFound,
                    oasis::tr("There is no staff member named \"%1\".").arg(name));
    QByteArray hash;
    const PinRow &first = **before;
    const bool locked = first.lockedUntil.isValid() && Clock::nowUtc() < first.lockedUntil;
    if (first.member.active && first.member.hasPin && !locked) {
        auto rounds = [secret = QByteArray(pin.toUtf8() + m_db.keys().pinPepper), salt = first.salt,
                       iterations = first.iterations] {
            return crypto::pbkdf2Sha256(secret, salt, iterations);
        };
        if (meanwhile) {
            auto running = std::async(std::launch::async, rounds);
            meanwhile();
            hash = running.get();
        } else {
            hash = rounds();
        }
    } else if (meanwhile) {
        meanwhile();
    }

    // A backup snapshot is read, never written: the PIN is checked, nothing is counted (who
    // holds the file and its key could run the rounds elsewhere anyway).
    if (m_db.isSnapshot()) {
        if (!first.member.active)
            return fail(ErrorCode::Refused,
                        oasis::tr("%1 is deactivated.").arg(first.member.shownName()));
        if (!first.member.hasPin || hash.isEmpty() || !crypto::equal(hash, first.stored))
            return fail(ErrorCode::Refused,
                        oasis::tr("Wrong PIN for %1 (checked against the backup snapshot).")
                            .arg(first.member.shownName()));
        return first.member;
    }
    // The row is read again: a deactivation, a lockout or a new PIN may have come meanwhile.
    // The right PIN with no failed attempts to clear writes nothing, so that read alone decides
    // it (one row, read whole): a login does not take the store's write lock.
    {
        auto fresh = readPinRow(m_db, name);
        if (!fresh)
            return std::unexpected(fresh.error());
        if (*fresh) {
            const PinRow &row = **fresh;
            if (row.member.active && row.member.hasPin && row.failed == 0 &&
                !row.lockedUntil.isValid() && !hash.isEmpty() && row.salt == first.salt &&
                row.iterations == first.iterations && crypto::equal(hash, row.stored))
                return row.member;
        }
    }
    // Anything else counts or clears attempts: one transaction for the check and the counter,
    // so two registers cannot both get a "fifth" attempt, and the row read once more in it.
    auto tx = Transaction::begin(m_db);
    if (!tx)
        return std::unexpected(tx.error());
    auto fresh = readPinRow(m_db, name);
    if (!fresh)
        return std::unexpected(fresh.error());
    if (!*fresh)
        return fail(ErrorCode::NotFound,
                    oasis::tr("There is no staff member named \"%1\".").arg(name));
    const PinRow &row = **fresh;
    const StaffMember &member = row.member;
    const int failed = row.failed;
    const QDateTime &lockedUntil = row.lockedUntil;
    if (!member.active)
        return fail(ErrorCode::Refused, oasis::tr("%1 is deactivated.").arg(member.shownName()));
    if (!member.hasPin)
        return fail(ErrorCode::Refused,
                    oasis::tr("%1 has no register access.").arg(member.shownName()));
    const QDateTime now = Clock::nowUtc();
    if (lockedUntil.isValid() && now < lockedUntil) {
        const qint64 minutes = (now.secsTo(lockedUntil) + 59) / 60;
        // An attempt during the lockout is a failed login too: journal it.
        if (auto ok = Journal::append(
                m_db, member.name, QStringLiteral("login_failed"),
                {{QStringLiteral("name"), member.name}, {QStringLiteral("locked"), true}});
            !ok)
            return std::unexpected(ok.error());
        if (auto ok = tx->commit(); !ok)
            return std::unexpected(ok.error());
        return fail(ErrorCode::Locked,
                    oasis::tr("%1 is locked after %2 wrong PINs; try again in %3 "
                              "minute(s) or ask a manager.")
                        .arg(member.shownName())
                        .arg(kMaxAttempts)
                        .arg(minutes));
    }
    // A new PIN came meanwhile, or the lockout ran out: the rounds run here.
    if (hash.isEmpty() || row.salt != first.salt || row.iterations != first.iterations)
        hash = pinHash(m_db, pin, row.salt, row.iterations);
    if (crypto::equal(hash, row.stored)) {
        if (failed > 0 || lockedUntil.isValid())
            if (auto ok = m_db.exec(QStringLiteral("UPDATE staff SET failed_attempts = 0, "
                                                   "locked_until = NULL WHERE id = ?"),
                                    {member.id});
                !ok)
                return std::unexpected(ok.error());
        if (auto ok = tx->commit(); !ok)
            return std::unexpected(ok.error());
        return member;
    }
    const int attempts = failed + 1;
    const bool lock = attempts >= kMaxAttempts;
    if (auto ok = m_db.exec(
            QStringLiteral("UPDATE staff SET failed_attempts = ?, locked_until = ? WHERE id = ?"),
            {lock ? 0 : attempts,
             lock ? QVariant(toStorageTime(now.addSecs(kLockSeconds))) : QVariant(), member.id});
        !ok)
        return std::unexpected(ok.error());
    if (auto ok = Journal::append(m_db, member.name, QStringLiteral("login_failed"),
                                  {{QStringLiteral("name"), member.name},
                                   {QStringLiteral("attempt"), attempts},
                                   {QStringLiteral("locked"), lock}});
        !ok)
        return std::unexpected(ok.error());
    if (auto ok = tx->commit(); !ok)
        return std::unexpected(ok.error());
    if (lock)
        return fail(
            ErrorCode::Locked,
            oasis::tr("Wrong PIN. %1 is now locked for 5 minutes.").arg(member.shownName()));
    return fail(ErrorCode::Refused, oasis::tr("Wrong PIN for %1: %2 of %3 attempts.")
                                        .arg(member.shownName())
                                        .arg(attempts)
                                        .arg(kMaxAttempts));
}

Result<StaffMember> StaffService::approve(const QString &approver, const QString &pin,
                                          Action action) {
    auto member = authenticate(approver, pin);
    if (!member)
        return member;
    if (!mayApprove(*member, action))
        return std::unexpected(Error{
            ErrorCode::Permission,
            oasis::tr("%1 (%2) may not approve %3: it needs approval by %4.")
                .arg(member->name, roleName(member->role), actionName(action), approversOf(action)),
            action});
    return member;
}

} // namespace oasis
