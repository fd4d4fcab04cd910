// SPDX-License-Identifier: GPL-3.0-or-later
// The empty window of the cold-start figures: a QMainWindow of the register's size, shown, its
// first paint printed by the same probe as the counter app's (pos/app/firstpaint.h), then quit.
#pragma once

namespace oasis::bench {

/// Runs the empty window (argc/argv for QApplication); returns the application's exit code.
int emptyWindow(int argc, char **argv);

} // namespace oasis::bench
