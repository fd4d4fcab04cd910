// SPDX-License-Identifier: GPL-3.0-or-later
// Work kept until a window is first painted, and oasis-bench's cold-start probe (shared by the
// counter app and the bench's empty-window baseline so both sides are timed the same way).
#pragma once

#include <functional>

class QWidget;

namespace oasis::app {

/// Runs `work` once, just after `window` is first painted, so what can wait a moment does not
/// delay the first picture; from the event loop at once when it was painted already.
void afterFirstPaint(QWidget *window, std::function<void()> work);

/// When `watched` is first painted: prints "first-paint epoch-us=N peak-rss-kb=M" on stdout (the
/// wall-clock time in microseconds and the process's peak resident memory), then quits the
/// application with exit code 0.
void exitAfterFirstPaint(QWidget *watched);

/// Prints "WHAT epoch-us=N" on stdout (the wall-clock time in microseconds), flushed: a step of
/// oasis-bench's cold-start probe.
void printEpoch(const char *what);

} // namespace oasis::app
