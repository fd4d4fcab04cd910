// SPDX-License-Identifier: GPL-3.0-or-later
// The counter app's network: printing to a network receipt printer and watching whether the
// store server answers (OfflineMode). Qt Network, with Kerberos and libproxy (nine libraries),
// is the plugin oasis-network's, loaded the first time either is needed: the PIN pad does not
// wait for its libraries. This header names no Qt Network type.
#pragma once

#include "core/domain/error.h"
#include "printing/transport.h"

#include <QString>
#include <QtPlugin>

#include <functional>

class QObject;

namespace oasis::app {

/// The interface the plugin oasis-network exports (a Qt plugin, found with QPluginLoader).
class NetworkPlugin {
public:
    virtual ~NetworkPlugin() = default;
    /// printing::writeTcpSocket: `bytes` to the network printer `target`, within its deadlines.
    virtual Status writeTcp(const QByteArray &bytes, const printing::PrintTarget &target,
                            const printing::TransportOptions &options) = 0;
    /// Starts a connection to a server's socket, the Unix socket `localPath` when it is not
    /// empty, else `host`:`port`, and calls `answered` once, from the event loop, with whether it
    /// connected. The object returned is a child of `parent`; deleting it ends the attempt (and
    /// `answered` is then never called).
    virtual QObject *probe(QObject *parent, const QString &localPath, const QString &host,
                           quint16 port, std::function<void(bool)> answered) = 0;
};

/// The network plugin: one linked into the program (Q_IMPORT_PLUGIN, the widget tests), else
/// oasis-network.so beside the program (plugins::pluginPaths). On failure, nullptr and `error`
/// says why in one line.
NetworkPlugin *networkPlugin(QString *error);

/// Makes printing send to network printers through the plugin, loaded on the first such print
/// (printing::setTcpWriter). A computer without it is told so in one line when it prints there.
void printThroughNetworkPlugin();

} // namespace oasis::app

#define OASIS_NETWORK_PLUGIN_IID "com.oasispos.OasisPOS.NetworkPlugin/1"
Q_DECLARE_INTERFACE(oasis::app::NetworkPlugin, OASIS_NETWORK_PLUGIN_IID)
