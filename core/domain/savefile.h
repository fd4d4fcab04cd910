// SPDX-License-Identifier: GPL-3.0-or-later
// A file written whole or not at all.
#pragma once

#include "core/domain/error.h"

#include <QFileDevice>

class QByteArray;

namespace oasis {

/// Writes `bytes` as the file at `path`, whole or not at all: a new file beside it, synced, then
/// renamed over the old one (QSaveFile), with `permissions` if given. A target that is not a
/// plain file (a FIFO, a device, /dev/stdout) is written in place instead, never replaced by
/// one. An error's message is the system's ("No space left on device"); the caller says what it
/// was writing. Every file the product writes whole goes through here.
Status saveFile(const QString &path, const QByteArray &bytes,
                std::optional<QFileDevice::Permissions> permissions = std::nullopt);

} // namespace oasis
