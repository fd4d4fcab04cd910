// SPDX-License-Identifier: GPL-3.0-or-later
// The report commands of oasisctl.
#include "pos/cli/context.h"

namespace oasis::cli {

std::vector<Command> reportCommands() {
    return {};
}

} // namespace oasis::cli
