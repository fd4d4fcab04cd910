// SPDX-License-Identifier: GPL-3.0-or-later
// For widget tests (pos/, screens/): acting on the modal dialog a click opens.
#pragma once

#include <QApplication>
#include <QTimer>
#include <QWidget>

#include <catch2/catch.hpp>

#include <functional>

namespace oasis::test {

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

} // namespace oasis::test
