// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/domain/savefile.h"

#include <QFileInfo>
#include <QSaveFile>

#include <cerrno>

namespace oasis {

Status saveFile(const QString &path, const QByteArray &bytes,
                std::optional<QFileDevice::Permissions> permissions) {
    const QFileInfo info(path);
    if (info.exists() && !info.isFile() && !info.isDir()) {
        // Unbuffered: each write reaches the system, and its error is the write's.
        QFile device(path);
        if (!device.open(QIODevice::WriteOnly | QIODevice::Unbuffered) ||
            device.write(bytes) != bytes.size())
            return fail(ErrorCode::System, device.errorString());
        return {};
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(ErrorCode::System, file.errorString());
    const auto failed = [&file](const QString &why) {
        file.cancelWriting();
        return fail(ErrorCode::System, why);
    };
    if ((permissions && !file.setPermissions(*permissions)) || file.write(bytes) != bytes.size())
        return failed(file.errorString());
    // Qt 6.4's QSaveFile::commit() misses a write that fails when its buffer is flushed (a full
    // disk: it returns true and renames the short file into place), so the buffer is flushed and
    // checked here first, and the new file dropped if it failed. Qt keeps no message for that
    // failure ("Unknown error"): the system's is taken at once.
    errno = 0;
    if (!file.flush()) {
        const int error = errno;
        return failed(error != 0 ? qt_error_string(error) : file.errorString());
    }
    if (!file.commit())
        return fail(ErrorCode::System, file.errorString());
    return {};
}

} // namespace oasis
