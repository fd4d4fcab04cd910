// SPDX-License-Identifier: GPL-3.0-or-later
// Network printers (tcp:HOST:PORT) sent to as oasisctl sends to them, in the test programs built
// with this file (printing, screens): the printing library itself has no Qt Network.
#include "printing/tcpsocket.h"

namespace {
const bool kTcpWriterSet = (oasis::printing::setTcpWriter(&oasis::printing::writeTcpSocket), true);
} // namespace
