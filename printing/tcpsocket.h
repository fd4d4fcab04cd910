// SPDX-License-Identifier: GPL-3.0-or-later
// Bytes to a network receipt printer over TCP (Qt Network's QTcpSocket), with the transports'
// deadlines: the TcpWriter a program gives printing::setTcpWriter. Its own static library, so
// only what prints to a network printer links Qt Network (the counter app loads it with its
// network plugin, pos/network).
#pragma once

#include "printing/transport.h"

namespace oasis::printing {

/// Connects to target.host:target.port within options.connectTimeoutMs and writes `bytes` within
/// options.writeTimeoutMs. Errors are ErrorCode::Printer with a message a cashier can act on.
Status writeTcpSocket(const QByteArray &bytes, const PrintTarget &target,
                      const TransportOptions &options);

} // namespace oasis::printing
