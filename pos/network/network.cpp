// SPDX-License-Identifier: GPL-3.0-or-later
#include "pos/network/network.h"

#include "pos/plugins/pluginloader.h"

#include <QCoreApplication>

#include <atomic>

namespace oasis::app {

NetworkPlugin *networkPlugin(QString *error) {
    // Kept once loaded: the server is watched every few seconds, and printing may ask from
    // another thread.
    static std::atomic<NetworkPlugin *> loaded = nullptr;
    if (NetworkPlugin *plugin = loaded.load())
        return plugin;
    QString why;
    NetworkPlugin *plugin = plugins::plugin<NetworkPlugin>(
        plugins::pluginPaths(QStringLiteral("oasis-network.so")), &why);
    loaded.store(plugin);
    if (!plugin && error)
        *error = QCoreApplication::translate("oasis::app::Network",
                                             "The network is not available to Oasis POS on this "
                                             "computer: %1.")
                     .arg(why);
    return plugin;
}

namespace {
Status writeThroughPlugin(const QByteArray &bytes, const printing::PrintTarget &target,
                          const printing::TransportOptions &options) {
    QString error;
    NetworkPlugin *plugin = networkPlugin(&error);
    if (!plugin)
        return fail(ErrorCode::Printer, error);
    return plugin->writeTcp(bytes, target, options);
}
} // namespace

void printThroughNetworkPlugin() {
    printing::setTcpWriter(&writeThroughPlugin);
}

} // namespace oasis::app
