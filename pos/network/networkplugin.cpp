// SPDX-License-Identifier: GPL-3.0-or-later
// The plugin oasis-network: Qt Network for the counter app. Built as a module the app loads on
// first use (oasis-network.so) and, for the widget tests, as a static plugin linked in.
#include "pos/network/network.h"
#include "printing/tcpsocket.h"

#include <QLocalSocket>
#include <QObject>
#include <QTcpSocket>

#include <memory>
#include <utility>

namespace oasis::app {

class OasisNetworkPlugin final : public QObject, public NetworkPlugin {
    Q_OBJECT
    Q_PLUGIN_METADATA(IID OASIS_NETWORK_PLUGIN_IID)
    Q_INTERFACES(oasis::app::NetworkPlugin)
public:
    Status writeTcp(const QByteArray &bytes, const printing::PrintTarget &target,
                    const printing::TransportOptions &options) override {
        return printing::writeTcpSocket(bytes, target, options);
    }

    QObject *probe(QObject *parent, const QString &localPath, const QString &host, quint16 port,
                   std::function<void(bool)> answered) override {
        // Once, and always from the event loop: a Unix socket can connect within
        // connectToServer(), before the caller has the object this returns. An error can follow
        // a connection, and the caller may delete the socket then (its answers go with it).
        auto pending = std::make_shared<std::function<void(bool)>>(std::move(answered));
        auto once = [pending](bool reachable) {
            if (auto call = std::exchange(*pending, nullptr))
                call(reachable);
        };
        if (!localPath.isEmpty()) {
            auto *socket = new QLocalSocket(parent);
            connect(
                socket, &QLocalSocket::connected, socket, [once] { once(true); },
                Qt::QueuedConnection);
            connect(
                socket, &QLocalSocket::errorOccurred, socket, [once] { once(false); },
                Qt::QueuedConnection);
            socket->connectToServer(localPath);
            return socket;
        }
        auto *socket = new QTcpSocket(parent);
        connect(
            socket, &QTcpSocket::connected, socket, [once] { once(true); }, Qt::QueuedConnection);
        connect(
            socket, &QTcpSocket::errorOccurred, socket, [once] { once(false); },
            Qt::QueuedConnection);
        socket->connectToHost(host, port);
        return socket;
    }
};

} // namespace oasis::app

#include "networkplugin.moc"
