// SPDX-License-Identifier: GPL-3.0-or-later
// The giftcard commands of oasisctl.
#include "pos/cli/context.h"

namespace oasis::cli {

std::vector<Command> giftcardCommands() { return {}; }

} // namespace oasis::cli
