// SPDX-License-Identifier: GPL-3.0-or-later
// The refund commands of oasisctl.
#include "pos/cli/context.h"

namespace oasis::cli {

std::vector<Command> refundCommands() {
    return {};
}

} // namespace oasis::cli
