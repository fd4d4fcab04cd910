// SPDX-License-Identifier: GPL-3.0-or-later
// A demo database, a screen context for a chosen user with a scripted manager prompt, and
// QSettings kept in a temporary folder.
#pragma once

#include "pos/screens/screen.h"
#include "tests/support/testsupport.h"
#include "tests/support/whenmodal.h"

#include "core/services/staff.h"

#include <QApplication>
#include <QTimer>
#include <QWidget>

#include <functional>
#include <optional>

namespace oasis::screens::test {

StaffMember staff(Database &db, const QString &name);

/// The screen's context: `user` logged in; the manager prompt answers with `approver` (nullopt:
/// cancelled) and counts how often it was asked.
struct Context {
    Context(Database &db, const QString &user, std::optional<QString> approver = std::nullopt);
    ScreenContext ctx;
    StaffMember user;
    std::optional<StaffMember> approver;
    std::shared_ptr<int> approvals = std::make_shared<int>(0);
};

using oasis::test::TempSettings;

using oasis::test::whenModal;

} // namespace oasis::screens::test
