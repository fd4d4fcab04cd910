// SPDX-License-Identifier: GPL-3.0-or-later
// The clock and test points of a shipped binary: the system clock, and no test points. Linked
// into oasisctl and oasis-pos as one of their own sources (never through a library), so no
// environment variable, file or setting can give them another time.
#include "core/domain/clock.h"

namespace oasis {

QDateTime Clock::nowUtc() {
    return QDateTime::currentDateTimeUtc();
}

void testPoint(const char *) {}

} // namespace oasis
