// SPDX-License-Identifier: GPL-3.0-or-later
// sale, receipt.
#include "pos/cli/context.h"

namespace oasis::cli {

std::vector<Command> saleCommands() {
    return {};
}

} // namespace oasis::cli
