// SPDX-License-Identifier: GPL-3.0-or-later
// The back-office screens in the counter app, and the work that runs beside the register
// (receipt printing after a sale, the daily backup).
#pragma once

#include <QString>

namespace oasis {
class Database;
}

namespace oasis::printing {
struct ReceiptDocument;
}

namespace oasis::app {

class MainWindow;

/// Adds gift cards, inventory, shift, reports, staff and settings to the window's navigation
/// and connects them to the register (a gift card sold from its screen lands on the ticket,
/// stock and shift figures refresh after each sale).
void installBackOffice(MainWindow &window, Database &db, const QString &registerId);

/// Writes today's backup if it is missing (at start, then every hour). Failures are logged and
/// shown in the status bar; they never stop the register.
void scheduleDailyBackup(MainWindow &window, Database &db);

} // namespace oasis::app
