// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/bench/emptywindow.h"

#include "pos/app/firstpaint.h"

#include <QApplication>
#include <QMainWindow>

namespace oasis::bench {

int emptyWindow(int argc, char **argv) {
    QApplication app(argc, argv);
    QMainWindow window;
    oasis::app::exitAfterFirstPaint(&window);
    window.resize(1366, 768);
    window.show();
    return app.exec();
}

} // namespace oasis::bench
