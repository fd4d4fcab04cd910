// SPDX-License-Identifier: GPL-3.0-or-later
// Ringing up sales in tests of shifts, reports and backups: the counter, as a few calls.
#pragma once

#include "core/services/catalog.h"
#include "core/services/sale.h"
#include "core/services/staff.h"
#include "tests/support/testsupport.h"

#include <QStringList>

namespace oasis::test {

inline StaffMember staffNamed(Database &db, const QString &name) {
    return value(StaffService(db).find(name));
}

/// "DT60@lena" (a session by a therapist), "OIL-LAV-120x2" (a product and quantity),
/// "giftcard:50" (a new card), "tip:20@lena".
inline Ticket ticketOf(Database &db, const QStringList &items) {
    Ticket t;
    CatalogService catalog(db);
    for (const QString &item : items) {
        if (item.startsWith(QLatin1String("giftcard:"))) {
            t.addGiftCard(value(Money::parse(item.mid(9))));
            continue;
        }
        if (item.startsWith(QLatin1String("tip:"))) {
            const QStringList parts = item.mid(4).split(u'@');
            const StaffMember therapist = staffNamed(db, parts.value(1));
            t.addTip(value(Money::parse(parts.value(0))), therapist.id, therapist.displayName);
            continue;
        }
        QString code = item;
        int quantity = 1;
        qint64 therapistId = 0;
        QString therapistName;
        if (const qsizetype at = code.indexOf(u'@'); at > 0) {
            const StaffMember therapist = staffNamed(db, code.mid(at + 1));
            therapistId = therapist.id;
            therapistName = therapist.displayName;
            code = code.left(at);
        }
        if (const qsizetype x = code.lastIndexOf(u'x'); x > 0 && code.mid(x + 1).toInt() > 0) {
            quantity = code.mid(x + 1).toInt();
            code = code.left(x);
        }
        auto found = value(catalog.findByCode(code));
        REQUIRE(found.has_value());
        t.addItem(*found, quantity, therapistId, therapistName);
    }
    return t;
}

inline Tender tender(const QString &text) {
    return value(Tender::parse(text));
}

inline CompletedSale sell(Database &db, const QStringList &items, const QStringList &tenders,
                          const QString &cashier = QStringLiteral("frontdesk"),
                          const QString &registerId = QStringLiteral("R1")) {
    std::vector<Tender> pay;
    for (const QString &t : tenders)
        pay.push_back(tender(t));
    addRegisters(db, {registerId}); // the counter's register, as a manager registered it
    return value(SaleService(db).complete(ticketOf(db, items), pay, staffNamed(db, cashier),
                                          std::nullopt, registerId));
}

} // namespace oasis::test
