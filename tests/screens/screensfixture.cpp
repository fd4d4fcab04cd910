// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/screens/screensfixture.h"

#include <QLocale>

namespace oasis::screens::test {

StaffMember staff(Database &db, const QString &name) {
    return oasis::test::value(StaffService(db).find(name));
}

Context::Context(Database &db, const QString &userName, std::optional<QString> approverName)
    : user(staff(db, userName)) {
    // Money and dates as the Seattle counter shows them, whatever the test machine's locale.
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    if (approverName)
        approver = staff(db, *approverName);
    ctx.db = &db;
    ctx.registerId = QStringLiteral("test-register");
    ctx.currentUser = [u = user] { return u; };
    ctx.requestApproval = [a = approver, count = approvals](Action, const QString &) {
        ++*count;
        return a;
    };
}

} // namespace oasis::screens::test
