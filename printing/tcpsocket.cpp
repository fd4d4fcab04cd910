// SPDX-License-Identifier: GPL-3.0-or-later
#include "printing/tcpsocket.h"
#include "printing/printererror.h"

#include <QDeadlineTimer>
#include <QTcpSocket>

#include <algorithm>

namespace oasis::printing {

Status writeTcpSocket(const QByteArray &bytes, const PrintTarget &target,
                      const TransportOptions &options) {
    const QString where = target.host.contains(u':')
                              ? QStringLiteral("[%1]:%2").arg(target.host).arg(target.port)
                              : QStringLiteral("%1:%2").arg(target.host).arg(target.port);
    QTcpSocket socket;
    socket.connectToHost(target.host, target.port);
    if (!socket.waitForConnected(options.connectTimeoutMs)) {
        const auto error = socket.error();
        socket.abort();
        switch (error) {
        case QAbstractSocket::ConnectionRefusedError:
            return printerError(QStringLiteral("The receipt printer at %1 refused the connection: "
                                               "check its address and port, and that it is on.")
                                    .arg(where));
        case QAbstractSocket::HostNotFoundError:
            return printerError(
                QStringLiteral("The receipt printer's address %1 could not be found: "
                               "check the printer setting.")
                    .arg(target.host));
        case QAbstractSocket::SocketTimeoutError:
            return printerError(
                QStringLiteral("The receipt printer at %1 did not answer within %2: "
                               "check that it is on and connected to the network.")
                    .arg(where, secondsText(options.connectTimeoutMs)));
        default:
            return printerError(QStringLiteral("Could not reach the receipt printer at %1: %2.")
                                    .arg(where, socket.errorString()));
        }
    }

    const auto timedOut = [&] {
        socket.abort();
        return printerError(QStringLiteral("The receipt printer at %1 did not accept the receipt "
                                           "within %2: check that it is on and has paper.")
                                .arg(where, secondsText(options.writeTimeoutMs)));
    };
    const QDeadlineTimer deadline(options.writeTimeoutMs);
    if (socket.write(bytes) != bytes.size()) {
        const QString why = socket.errorString();
        socket.abort();
        return printerError(
            QStringLiteral("Could not send the receipt to the printer at %1: %2.").arg(where, why));
    }
    while (socket.bytesToWrite() > 0) {
        if (deadline.hasExpired())
            return timedOut();
        if (!socket.waitForBytesWritten(int(deadline.remainingTime()))) {
            if (deadline.hasExpired() || socket.error() == QAbstractSocket::SocketTimeoutError)
                return timedOut();
            const QString why = socket.errorString();
            socket.abort();
            return printerError(QStringLiteral("The receipt printer at %1 dropped the connection "
                                               "while printing: %2.")
                                    .arg(where, why));
        }
    }
    socket.disconnectFromHost();
    if (socket.state() != QAbstractSocket::UnconnectedState)
        socket.waitForDisconnected(int(std::min<qint64>(deadline.remainingTime(), 1000)));
    return {};
}

} // namespace oasis::printing
