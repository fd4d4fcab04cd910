// SPDX-License-Identifier: GPL-3.0-or-later
// The counter as the register tests drive it: a demo store at the tests' fixed date, the main
// window shown and active, the front desk logged in.
#pragma once

#include "pos/app/mainwindow.h"
#include "pos/app/registerwidget.h"
#include "pos/app/ticketmodel.h"
#include "tests/pos/posfixture.h"

namespace oasis::app::postest {

struct RegisterCounter {
    oasis::test::TempDb tdb{true};
    PosClock clock;
    MainWindow window{tdb.db(), QStringLiteral("test-register")};
    RegisterWidget *reg = window.registerScreen();
    TicketModel *model = reg->model();

    RegisterCounter();
    /// As a keyboard-wedge scanner does: the characters, then Enter.
    void scan(const QString &text);
    const TicketLine &line(int row) const { return model->ticket().lines.at(std::size_t(row)); }
};

} // namespace oasis::app::postest
