// SPDX-License-Identifier: GPL-3.0-or-later
#include "pos/app/customerdisplay.h"

#include "pos/screens/screen.h"
#include "printing/qr.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPixmap>
#include <QScreen>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace oasis::app {

namespace {
QLabel *label(const QString &style, QWidget *parent) {
    auto *l = new QLabel(parent);
    l->setStyleSheet(style);
    l->setAlignment(Qt::AlignCenter);
    l->setWordWrap(true);
    return l;
}
} // namespace

CustomerDisplay::CustomerDisplay(const QString &storeName, const QString &message, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_storeName(storeName)
    , m_message(message) {
    setObjectName(QStringLiteral("customerDisplay"));
    setWindowTitle(tr("%1 — customer display").arg(storeName));
    setStyleSheet(QStringLiteral("#customerDisplay { background: #f4f1ea; }"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(48, 32, 48, 32);
    QLabel *store =
        label(QStringLiteral("font-size: 28pt; font-weight: 600; color: #24584f;"), this);
    store->setText(storeName);
    layout->addWidget(store);
    m_pages = new QStackedWidget(this);
    layout->addWidget(m_pages, 1);

    // Idle: the store's message.
    m_idle = label(QStringLiteral("font-size: 36pt; color: #3a3a3a;"), m_pages);
    m_pages->addWidget(m_idle);

    // A ticket: its lines, the total large.
    auto *ticket = new QWidget(m_pages);
    auto *ticketLayout = new QVBoxLayout(ticket);
    m_lines = new QListWidget(ticket);
    m_lines->setFocusPolicy(Qt::NoFocus);
    m_lines->setSelectionMode(QAbstractItemView::NoSelection);
    m_lines->setStyleSheet(QStringLiteral("font-size: 22pt; border: none; background: white;"));
    ticketLayout->addWidget(m_lines, 1);
    m_total = label(QStringLiteral("font-size: 48pt; font-weight: 700; color: #24584f;"), ticket);
    m_total->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    ticketLayout->addWidget(m_total);
    m_pages->addWidget(ticket);

    // Paid: thank you, the change, what stays on the cards, the QR of a card sold.
    auto *done = new QWidget(m_pages);
    auto *doneLayout = new QHBoxLayout(done);
    auto *doneText = new QVBoxLayout;
    m_doneTitle = label(QStringLiteral("font-size: 32pt; color: #3a3a3a;"), done);
    m_doneAmount =
        label(QStringLiteral("font-size: 60pt; font-weight: 700; color: #24584f;"), done);
    m_doneCards = label(QStringLiteral("font-size: 28pt; color: #8a5a00;"), done);
    doneText->addStretch();
    doneText->addWidget(m_doneTitle);
    doneText->addWidget(m_doneAmount);
    doneText->addWidget(m_doneCards);
    doneText->addStretch();
    doneLayout->addLayout(doneText, 1);
    m_qr = new QLabel(done);
    m_qr->setAlignment(Qt::AlignCenter);
    doneLayout->addWidget(m_qr);
    m_pages->addWidget(done);

    m_backToIdle = new QTimer(this);
    m_backToIdle->setSingleShot(true);
    m_backToIdle->setInterval(30'000);
    connect(m_backToIdle, &QTimer::timeout, this, &CustomerDisplay::showIdle);
    showIdle();
}

void CustomerDisplay::showOn(QScreen *screen) {
    if (!screen)
        return;
    setScreen(screen);
    setGeometry(screen->geometry());
    showFullScreen();
}

void CustomerDisplay::showIdle() {
    m_backToIdle->stop();
    m_idle->setText(m_message.isEmpty() ? tr("Welcome to %1").arg(m_storeName) : m_message);
    m_qrImage = QImage();
    m_pages->setCurrentIndex(0);
}

void CustomerDisplay::showTicket(const Ticket &ticket, const TicketTotals &totals) {
    if (ticket.lines.empty()) {
        // A sale just completed stays up until the customer has read it.
        if (m_pages->currentIndex() != 2 || !m_backToIdle->isActive())
            showIdle();
        return;
    }
    m_backToIdle->stop();
    m_qrImage = QImage();
    const QLocale locale;
    m_lines->clear();
    for (const TicketLine &line : ticket.lines) {
        QString name = line.name;
        if (line.quantity != 1)
            name = tr("%1 × %2").arg(line.quantity).arg(name);
        if (!line.therapistName.isEmpty() && line.kind == LineKind::Session)
            name = tr("%1 with %2").arg(name, line.therapistName);
        const Money amount = line.unitPrice * line.quantity - line.lineDiscount;
        m_lines->addItem(QStringLiteral("%1\t%2").arg(name, amount.format(locale)));
    }
    if (!totals.discount.isZero())
        m_lines->addItem(tr("Discount\t−%1").arg(totals.discount.format(locale)));
    if (!totals.tax.isZero())
        m_lines->addItem(tr("Tax\t%1").arg(totals.tax.format(locale)));
    m_lines->scrollToBottom();
    m_total->setText(tr("Total %1").arg(totals.total.format(locale)));
    m_pages->setCurrentIndex(1);
}

void CustomerDisplay::showSale(const CompletedSale &sale) {
    const QLocale locale;
    m_doneTitle->setText(tr("Thank you!"));
    m_doneAmount->setText(sale.change.isZero()
                              ? tr("Paid %1").arg(sale.totals.total.format(locale))
                              : tr("Your change %1").arg(sale.change.format(locale)));
    QStringList left;
    if (!sale.repeated)
        for (const AppliedTender &t : sale.tenders)
            if (t.type == TenderType::Gift) {
                left << tr("%1 left on your gift card ••%2")
                            .arg(t.giftCardBalance.format(locale), t.giftCardLast4);
                if (const QString promo = screens::promoLeftLine(t); !promo.isEmpty())
                    left << promo; // its promotional value, and when it lapses
            }
    for (const IssuedCard &card : sale.giftCards)
        left << tr("Gift card of %1: scan the code to check its balance")
                    .arg(card.amount.format(locale));
    m_doneCards->setText(left.join(u'\n'));
    m_doneCards->setVisible(!left.isEmpty());
    // The QR of the (first) card sold, as on its receipt.
    m_qrImage = QImage();
    if (!sale.giftCards.empty())
        if (auto qr = printing::encodeQr(sale.giftCards.front().code.toLatin1()))
            m_qrImage = printing::qrImage(*qr, printing::qrModuleSizeFor(*qr, 360));
    m_qr->setPixmap(m_qrImage.isNull() ? QPixmap() : QPixmap::fromImage(m_qrImage));
    m_qr->setVisible(!m_qrImage.isNull());
    m_pages->setCurrentIndex(2);
    m_backToIdle->start();
}

QString CustomerDisplay::text() const {
    QStringList parts;
    switch (m_pages->currentIndex()) {
    case 0:
        parts << m_idle->text();
        break;
    case 1:
        for (int i = 0; i < m_lines->count(); ++i)
            parts << m_lines->item(i)->text();
        parts << m_total->text();
        break;
    default:
        parts << m_doneTitle->text() << m_doneAmount->text() << m_doneCards->text();
        break;
    }
    return parts.join(u'\n');
}

} // namespace oasis::app
