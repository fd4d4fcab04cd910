// SPDX-License-Identifier: GPL-3.0-or-later
// A demo database at a fixed 2026 date, a register logged in as the front desk, and a way to act
// on the modal dialog a step opens.
#pragma once

#include "core/services/staff.h"
#include "tests/support/testsupport.h"
#include "tests/support/whenmodal.h"

#include <QApplication>
#include <QTimer>
#include <QWidget>

#include <functional>

namespace oasis::app::postest {

/// Fixes the clock to 2026-03-10 10:00 in Seattle and the locale to en_US for the test's life.
class PosClock final {
public:
    PosClock();
    ~PosClock();
};

StaffMember frontDesk(Database &db);

using oasis::test::TempSettings;

using oasis::test::whenModal;

} // namespace oasis::app::postest
