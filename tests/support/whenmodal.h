// SPDX-License-Identifier: GPL-3.0-or-later
// For widget tests (pos/, screens/): acting on the modal dialog a click opens.
#pragma once

#include <QApplication>
#include <QTimer>
#include <QWidget>

#include <catch2/catch.hpp>

#include <functional>
#include <memory>

namespace oasis::test {

/// Runs `act` on `dialog`; when it is null, records the failure and closes whatever modal widget
/// is open, so a test never hangs.
template <typename D>
void actOnModal(D *dialog, const std::function<void(D *)> &act) {
    if (!dialog) {
        if (QWidget *other = QApplication::activeModalWidget())
            other->close();
        FAIL_CHECK("the expected dialog did not open");
        return;
    }
    act(dialog);
}

/// Runs `act` on the next modal dialog of type D once its event loop runs. When no such dialog
/// shows up, the failure is recorded and whatever modal widget is open is closed, so a test
/// never hangs.
template <typename D>
void whenModal(std::function<void(D *)> act) {
    QTimer::singleShot(
        0, qApp, [act] { actOnModal(qobject_cast<D *>(QApplication::activeModalWidget()), act); });
}

/// As whenModal, for a dialog that opens only after another one has closed (the register acting
/// on what a dialog asked for): `act` runs on the first modal dialog of type D to become the
/// active one within `ms`; else the failure is recorded and whatever modal widget is open closed.
template <typename D>
void whenModalShows(std::function<void(D *)> act, int ms = 5000) {
    auto *timer = new QTimer(qApp);
    timer->setInterval(10);
    auto left = std::make_shared<int>(ms / 10);
    QObject::connect(timer, &QTimer::timeout, qApp, [timer, act, left] {
        auto *dialog = qobject_cast<D *>(QApplication::activeModalWidget());
        if (!dialog && --*left > 0)
            return;
        timer->stop();
        timer->deleteLater();
        actOnModal(dialog, act);
    });
    timer->start();
}

} // namespace oasis::test
