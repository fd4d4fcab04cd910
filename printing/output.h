// SPDX-License-Identifier: GPL-3.0-or-later
// Writing printer output to a path without ever blocking for good: a regular file is replaced
// atomically; a device or FIFO is written without blocking, within a deadline.
#pragma once

#include "core/domain/error.h"

#include <QByteArray>
#include <QString>

namespace oasis::printing {

/// How long a device, FIFO or network printer gets to take a job unless told otherwise.
inline constexpr int kDefaultWriteTimeoutMs = 5000;

/// Writes `bytes` to the device or FIFO at `path` (O_NONBLOCK, then poll() until `timeoutMs`
/// has passed). A FIFO nobody reads, a printer that is off or one that stops taking bytes gives
/// an ErrorCode::Printer error at once or at the deadline; never a hang.
Status writeDevice(const QByteArray &bytes, const QString &path,
                   int timeoutMs = kDefaultWriteTimeoutMs);

/// Writes a document (`what`: "receipt", "gift certificate") to `path`: a new or regular file
/// atomically (QSaveFile); an existing device or FIFO through writeDevice(), never replaced.
Status writeOutput(const QByteArray &bytes, const QString &path, const QString &what,
                   int timeoutMs = kDefaultWriteTimeoutMs);

} // namespace oasis::printing
