// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/demo.h"

#include "core/domain/clock.h"
#include "core/domain/csv.h"
#include "core/domain/translate.h"
#include "core/services/catalog.h"
#include "core/services/package.h"
#include "core/services/staff.h"
#include "core/services/storesettings.h"
#include "core/storage/database.h"
#include "core/storage/journal.h"

#include <QCoreApplication>
#include <QFile>
#include <QTimeZone>

namespace oasis {

namespace {
Result<QByteArray> readResource(const QString &path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return fail(ErrorCode::System,
                    oasis::tr("The demo data %1 is missing from the program.").arg(path));
    return f.readAll();
}

const QString kSystem = QStringLiteral("system");
} // namespace

Status installDefaults(Database &db) {
    // Every start of the app comes here: a store that has its tax rates is left alone with one
    // read, no write transaction (which on a server is three more round trips and the store's
    // lock). Without them, they are written inside one, where StoreSettings looks again.
    if (auto rates = db.scalar(QStringLiteral("SELECT COUNT(*) FROM tax_rates"));
        rates && rates->toLongLong() > 0)
        return {};
    auto tx = Transaction::begin(db);
    if (!tx)
        return std::unexpected(tx.error());
    if (auto ok = StoreSettings(db).installDefaults(); !ok)
        return ok;
    return tx->commit();
}

Status installDemoData(Database &db) {
    // One transaction around everything: a failure leaves the database as it was.
    auto outer = Transaction::begin(db);
    if (!outer)
        return std::unexpected(outer.error());
    if (auto ok = installDefaults(db); !ok)
        return ok;
    StaffService staff(db);
    auto empty = staff.isEmpty();
    if (!empty)
        return std::unexpected(empty.error());
    if (!*empty)
        return fail(
            ErrorCode::Refused,
            oasis::tr("This database already has staff; demo data is only added to a new one."));

    // Staff first: the store's first owner is added by nobody, and then signs for the rest.
    auto staffCsv = readResource(QStringLiteral(":/demo/staff.csv"));
    if (!staffCsv)
        return std::unexpected(staffCsv.error());
    auto rows = csv::parse(*staffCsv);
    if (!rows)
        return std::unexpected(rows.error());
    std::optional<StaffMember> owner;
    for (std::size_t i = 1; i < rows->size() && !owner; ++i) {
        const QStringList &f = (*rows)[i].fields;
        if (f.size() >= 4 && roleFromName(f[2]) == Role::Owner) {
            auto added = staff.addFirstOwner(f[0], f[3], f[1]);
            if (!added)
                return std::unexpected(added.error());
            owner = *added;
        }
    }
    if (!owner)
        return fail(ErrorCode::System, oasis::tr("The demo staff have no owner."));
    for (std::size_t i = 1; i < rows->size(); ++i) {
        const QStringList &f = (*rows)[i].fields;
        if (f.size() < 4 || f[0] == owner->name)
            continue;
        auto role = roleFromName(f[2]);
        if (!role)
            return fail(ErrorCode::System,
                        oasis::tr("Demo staff line %1 has an unknown role.").arg((*rows)[i].line));
        if (auto ok = staff.add(f[0], *role, f[3], *owner, std::nullopt, f[1]); !ok)
            return std::unexpected(ok.error());
    }

    StoreSettings settings(db);
    if (auto ok = settings.setStoreInfo(
            {QStringLiteral("Lake Union Massage & Wellness"),
             {QStringLiteral("1100 Fairview Ave N, Suite 120"),
              QStringLiteral("Seattle, WA 98109")},
             QStringLiteral("(206) 555-0142"),
             QStringLiteral("Unopened products may be returned within 30 days "
                            "with this receipt.\nThank you for relaxing with us!"),
             QTimeZone(QByteArrayLiteral("America/Los_Angeles"))},
            *owner);
        !ok)
        return ok;

    auto catalogCsv = readResource(QStringLiteral(":/demo/catalog.csv"));
    if (!catalogCsv)
        return std::unexpected(catalogCsv.error());
    CatalogService catalog(db);
    if (auto ok = catalog.importCsv(*catalogCsv, *owner); !ok)
        return std::unexpected(ok.error());

    // Opening stock so the shelf is not empty on the first day.
    auto tx = Transaction::begin(db);
    if (!tx)
        return std::unexpected(tx.error());
    auto items = db.exec(
        QStringLiteral("SELECT id, reorder_point, cost_cents FROM items WHERE type = 'product'"));
    if (!items)
        return std::unexpected(items.error());
    const QString now = toStorageTime(Clock::nowUtc());
    int count = 0;
    while (items->next()) {
        const int quantity = items->value(1).toInt() * 2 + 4;
        if (auto ok = db.exec(
                QStringLiteral(
                    "INSERT INTO stock_movements(item_id, quantity, reason, unit_cost_cents, "
                    "reference, created_at) VALUES (?, ?, 'opening', ?, 'demo', ?)"),
                {items->value(0), quantity, items->value(2), now});
            !ok)
            return std::unexpected(ok.error());
        ++count;
    }
    if (auto ok = Journal::append(db, kSystem, QStringLiteral("stock_opening"),
                                  {{QStringLiteral("items"), count}});
        !ok)
        return ok;
    if (auto ok = tx->commit(); !ok)
        return ok;
    return outer->commit();
}

Status installDemoPackages(Database &db) {
    auto owner = db.scalar(QStringLiteral("SELECT name FROM staff WHERE role = 'owner' AND active "
                                          "= 1 ORDER BY id LIMIT 1"));
    if (!owner)
        return std::unexpected(owner.error());
    auto member = StaffService(db).find(owner->toString());
    if (!member)
        return std::unexpected(member.error());
    if (auto ok = PackageService(db).define(QStringLiteral("PKG-DT60-5"), QStringLiteral("DT60"), 5,
                                            Money::fromCents(60000), *member, std::nullopt);
        !ok)
        return std::unexpected(ok.error());
    return {};
}

} // namespace oasis
