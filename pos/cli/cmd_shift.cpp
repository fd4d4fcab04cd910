// SPDX-License-Identifier: GPL-3.0-or-later
// The shift commands of oasisctl.
#include "pos/cli/context.h"

namespace oasis::cli {

std::vector<Command> shiftCommands() {
    return {};
}

} // namespace oasis::cli
