// SPDX-License-Identifier: GPL-3.0-or-later
// The inventory commands of oasisctl.
#include "pos/cli/context.h"

namespace oasis::cli {

std::vector<Command> inventoryCommands() { return {}; }

} // namespace oasis::cli
