// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/commission.h"

#include "core/domain/permissions.h"
#include "core/domain/translate.h"
#include "core/services/authorization.h"
#include "core/storage/database.h"
#include "core/storage/journal.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace oasis {

namespace {
const QString kPrefix = QStringLiteral("commission.");
const QString kTherapist = QStringLiteral("therapist");
const QString kService = QStringLiteral("service");
} // namespace

std::optional<qint64> CommissionRates::rateFor(const QString &therapist,
                                               const QString &service) const {
    if (auto it = byService.find(service); it != byService.end())
        return it->second;
    if (auto it = byTherapist.find(therapist); it != byTherapist.end())
        return it->second;
    return std::nullopt;
}

Result<CommissionRates> CommissionService::rates() const {
    auto q =
        m_db.exec(QStringLiteral("SELECT key, value FROM settings WHERE key LIKE 'commission.%' "
                                 "AND value <> ''"));
    if (!q)
        return std::unexpected(q.error());
    CommissionRates r;
    while (q->next()) {
        const QStringList parts = q->value(0).toString().mid(kPrefix.size()).split(u'.');
        if (parts.size() < 2)
            continue;
        const QString key = parts.mid(1).join(u'.');
        const qint64 ppm = q->value(1).toLongLong();
        if (parts.front() == kTherapist)
            r.byTherapist[key] = ppm;
        else if (parts.front() == kService)
            r.byService[key] = ppm;
    }
    return r;
}

Status CommissionService::setTherapistRate(const QString &login, std::optional<qint64> ppm,
                                           const StaffMember &actor,
                                           const std::optional<StaffMember> &approver) {
    return set(kTherapist, login, ppm, actor, approver);
}

Status CommissionService::setServiceRate(const QString &code, std::optional<qint64> ppm,
                                         const StaffMember &actor,
                                         const std::optional<StaffMember> &approver) {
    return set(kService, code, ppm, actor, approver);
}

Status CommissionService::set(const QString &kind, const QString &key, std::optional<qint64> ppm,
                              const StaffMember &actor,
                              const std::optional<StaffMember> &approver) {
    if (ppm && (*ppm < 0 || *ppm > 1'000'000))
        return fail(ErrorCode::Invalid,
                    oasis::tr("A commission rate is a percentage from 0 to 100."));
    auto tx = beginAuthorized(m_db, Action::Staff, actor, approver);
    if (!tx)
        return std::unexpected(tx.error());
    // What the rate is for must exist now, read in the transaction that writes the rate.
    if (kind == kTherapist) {
        auto found =
            m_db.scalar(QStringLiteral("SELECT COUNT(*) FROM staff WHERE name = ?"), {key});
        if (!found)
            return std::unexpected(found.error());
        if (found->toLongLong() == 0)
            return fail(ErrorCode::NotFound, oasis::tr("No staff member is called %1.").arg(key));
    } else {
        auto type = m_db.scalar(QStringLiteral("SELECT type FROM items WHERE code = ?"), {key});
        if (!type)
            return std::unexpected(type.error());
        if (type->isNull())
            return fail(ErrorCode::NotFound, oasis::tr("There is no service %1.").arg(key));
        if (type->toString() != QLatin1String("session"))
            return fail(ErrorCode::Invalid,
                        oasis::tr("%1 is a product: commission rates are for services.").arg(key));
    }
    const QString settingKey = kPrefix + kind + u'.' + key;
    if (auto ok = m_db.setSetting(settingKey, ppm ? QString::number(*ppm) : QString()); !ok)
        return ok;
    if (auto ok = Journal::append(m_db, actorLabel(actor, approver),
                                  QStringLiteral("commission_rate_changed"),
                                  {{QStringLiteral("for"), kind},
                                   {QStringLiteral("key"), key},
                                   {QStringLiteral("ppm"), ppm ? QJsonValue(*ppm) : QJsonValue()}});
        !ok)
        return ok;
    return tx->commit();
}

} // namespace oasis
