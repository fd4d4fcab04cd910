// SPDX-License-Identifier: GPL-3.0-or-later
#include "printing/output.h"

#include "core/domain/savefile.h"
#include "printing/printererror.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <ctime>

#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <unistd.h>

namespace oasis::printing {

namespace {

QString errnoText(int error) {
    return QString::fromLocal8Bit(std::strerror(error));
}

/// Blocks SIGPIPE on this thread while it lives, so a reader that goes away gives EPIPE rather
/// than killing the program; a SIGPIPE raised meanwhile is taken off the queue before unblocking.
class SigpipeBlocker final {
public:
    SigpipeBlocker() {
        sigset_t pipe;
        sigemptyset(&pipe);
        sigaddset(&pipe, SIGPIPE);
        sigset_t pending;
        sigpending(&pending);
        m_wasPending = sigismember(&pending, SIGPIPE) == 1;
        m_active = pthread_sigmask(SIG_BLOCK, &pipe, &m_old) == 0;
    }
    ~SigpipeBlocker() {
        if (!m_active)
            return;
        sigset_t pipe;
        sigemptyset(&pipe);
        sigaddset(&pipe, SIGPIPE);
        if (!m_wasPending) {
            const timespec zero{0, 0};
            while (sigtimedwait(&pipe, nullptr, &zero) == SIGPIPE) {
            }
        }
        pthread_sigmask(SIG_SETMASK, &m_old, nullptr);
    }
    SigpipeBlocker(const SigpipeBlocker &) = delete;
    SigpipeBlocker &operator=(const SigpipeBlocker &) = delete;

private:
    sigset_t m_old{};
    bool m_active = false;
    bool m_wasPending = false;
};

} // namespace

Status writeDevice(const QByteArray &bytes, const QString &path, int timeoutMs) {
    const QFileInfo info(path);
    if (!info.exists())
        return printerError(QStringLiteral("The printer device %1 does not exist: check that the "
                                           "printer is on and its cable is plugged in.")
                                .arg(path));
    const QByteArray native = QFile::encodeName(path);
    // O_NONBLOCK: opening a FIFO that no one reads fails with ENXIO instead of waiting for a
    // reader, and writes to a printer that takes nothing return EAGAIN instead of blocking.
    // No O_CREAT: never a stray file where a device is expected.
    int fd = -1;
    do {
        fd = ::open(native.constData(), O_WRONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0) {
        const int error = errno;
        switch (error) {
        case EACCES:
        case EPERM:
            return printerError(QStringLiteral("Oasis POS may not write to the printer device %1: "
                                               "add this user to the printer's group (often lp).")
                                    .arg(path));
        case ENXIO:
        case ENODEV:
            return printerError(QStringLiteral("The printer device %1 is not taking data (nothing "
                                               "is connected to it): check that the printer is "
                                               "on and its cable is plugged in.")
                                    .arg(path));
        case ENOENT:
            return printerError(QStringLiteral("The printer device %1 does not exist: check that "
                                               "the printer is on and its cable is plugged in.")
                                    .arg(path));
        default:
            return printerError(QStringLiteral("Could not open the printer device %1: %2.")
                                    .arg(path, errnoText(error)));
        }
    }
    const auto stopped = [&](const QString &why) {
        ::close(fd);
        return printerError(QStringLiteral("The printer device %1 stopped taking the receipt: %2. "
                                           "Check that it is on and has paper.")
                                .arg(path, why));
    };
    const auto timedOut = [&] {
        ::close(fd);
        return printerError(QStringLiteral("The printer device %1 did not take the receipt "
                                           "within %2: check that it is on, connected and has "
                                           "paper.")
                                .arg(path, secondsText(timeoutMs)));
    };
    const SigpipeBlocker noSigpipe;
    const QDeadlineTimer deadline(timeoutMs);
    qint64 done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + done, size_t(bytes.size() - done));
        if (n > 0) {
            done += n;
            continue;
        }
        const int error = n < 0 ? errno : EAGAIN;
        if (error == EINTR)
            continue;
        if (error != EAGAIN && error != EWOULDBLOCK)
            return stopped(error == EPIPE ? QStringLiteral("nothing reads from it any more")
                                          : errnoText(error));
        const qint64 remaining = deadline.remainingTime();
        if (remaining <= 0)
            return timedOut();
        pollfd wait{fd, POLLOUT, 0};
        const int ready = ::poll(&wait, 1, int(std::min<qint64>(remaining, 1000)));
        if (ready < 0 && errno != EINTR)
            return stopped(errnoText(errno));
        if (ready > 0 && (wait.revents & (POLLERR | POLLHUP | POLLNVAL)) &&
            !(wait.revents & POLLOUT))
            return stopped(QStringLiteral("the device hung up"));
    }
    if (::close(fd) != 0 && errno != EINTR)
        return printerError(QStringLiteral("The printer device %1 did not finish the receipt: %2.")
                                .arg(path, errnoText(errno)));
    return {};
}

Status writeOutput(const QByteArray &bytes, const QString &path, const QString &what,
                   int timeoutMs) {
    const QFileInfo info(path);
    // A FIFO or a device node is written in place (a save would replace it with a plain file),
    // and within the deadline.
    if (info.exists() && !info.isFile() && !info.isDir())
        return writeDevice(bytes, path, timeoutMs);
    if (auto saved = saveFile(path, bytes); !saved)
        return printerError(QStringLiteral("Could not write the %1 to %2: %3.")
                                .arg(what, path, saved.error().message));
    return {};
}

} // namespace oasis::printing
