// SPDX-License-Identifier: GPL-3.0-or-later
// The customer-facing display: a second window, full screen on a second monitor, that shows the
// customer what the register does: the lines as they are scanned, the total, the change, what
// stays on a gift card after paying with it, and the QR of a card just sold. Idle, the store's
// message.
#pragma once

#include "core/domain/tax.h"
#include "core/domain/ticket.h"
#include "core/services/sale.h"

#include <QImage>
#include <QWidget>

class QLabel;
class QListWidget;
class QScreen;
class QStackedWidget;
class QTimer;

namespace oasis::app {

class CustomerDisplay final : public QWidget {
    Q_OBJECT
public:
    CustomerDisplay(const QString &storeName, const QString &message, QWidget *parent = nullptr);

    /// Full screen on `screen` (the second monitor chosen in Settings).
    void showOn(QScreen *screen);

    /// The ticket as it stands; an empty ticket goes back to the idle message (after a completed
    /// sale, once the customer has had time to read it).
    void showTicket(const Ticket &ticket, const TicketTotals &totals);
    /// Paid: the total, the change, what stays on each gift card used, the QR of each card sold.
    void showSale(const CompletedSale &sale);
    void showIdle();

    /// Everything the display says now, as text (tests read it).
    QString text() const;
    /// The QR shown for a card just sold (null when none).
    QImage qrImage() const { return m_qrImage; }

private:
    QString m_storeName;
    QString m_message;
    QStackedWidget *m_pages = nullptr;
    QLabel *m_idle = nullptr;
    QListWidget *m_lines = nullptr;
    QLabel *m_total = nullptr;
    QLabel *m_doneTitle = nullptr;
    QLabel *m_doneAmount = nullptr;
    QLabel *m_doneCards = nullptr;
    QLabel *m_qr = nullptr;
    QImage m_qrImage;
    QTimer *m_backToIdle = nullptr;
};

} // namespace oasis::app
