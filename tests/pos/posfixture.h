// SPDX-License-Identifier: GPL-3.0-or-later
// A demo database at a fixed 2026 date, a register logged in as the front desk, and a way to act
// on the modal dialog a step opens.
#pragma once

#include "core/services/staff.h"
#include "tests/support/testsupport.h"

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

/// Runs `act` on the next modal dialog of type D once its event loop runs. When no such dialog
/// shows up, the failure is recorded and whatever modal widget is open is closed, so a test
/// never hangs.
template <typename D>
void whenModal(std::function<void(D *)> act) {
    QTimer::singleShot(0, qApp, [act] {
        auto *dialog = qobject_cast<D *>(QApplication::activeModalWidget());
        if (!dialog) {
            if (QWidget *other = QApplication::activeModalWidget())
                other->close();
            FAIL_CHECK("the expected dialog did not open");
            return;
        }
        act(dialog);
    });
}

} // namespace oasis::app::postest
