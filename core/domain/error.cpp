// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/domain/error.h"

namespace oasis {

int exitCodeFor(ErrorCode code) {
    switch (code) {
    case ErrorCode::Invalid:
        return 1;
    case ErrorCode::NotFound:
    case ErrorCode::Refused:
    case ErrorCode::Permission:
    case ErrorCode::Locked:
    case ErrorCode::Conflict:
        return 2;
    case ErrorCode::Storage:
    case ErrorCode::Printer:
    case ErrorCode::System:
        return 3;
    }
    return 3;
}

} // namespace oasis
