// SPDX-License-Identifier: GPL-3.0-or-later
// Taking payment: cash with quick-cash buttons, card on the external terminal, gift cards, any
// split; then the sale commits once and the receipt is shown with the change due.
#pragma once

#include "core/services/package.h"
#include "core/services/sale.h"
#include "core/services/storesettings.h"

#include <QDialog>

#include <optional>
#include <vector>

class QButtonGroup;
class QGridLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QStackedWidget;

namespace oasis {
class OfflineRegister;
}

namespace oasis::mail {
class Outbox;
}

namespace oasis::app {

class ReceiptView;

class PayDialog final : public QDialog {
    Q_OBJECT
public:
    enum class Page { Cash, Card, Gift };

    PayDialog(Database &db, const Ticket &ticket, const TicketTotals &totals,
              const StaffMember &cashier, const std::optional<StaffMember> &approver,
              const QString &registerId, QWidget *parent = nullptr);
    ~PayDialog() override;

    /// What is taken so far: core's Payment, which checks each tender as it is added.
    const Payment &payment() const { return m_payment; }
    Money due() const { return m_payment.due(); }
    Money paid() const { return m_payment.paid(); }
    /// What is still to pay (zero once covered).
    Money remaining() const { return m_payment.remaining(); }
    /// Cash to hand back (zero until cash covers more than the due).
    Money change() const { return m_payment.change(); }
    const std::vector<Tender> &tenders() const { return m_payment.tenders(); }
    /// "$25.00 taken: card ending 1234 $20.00 (auth A1B2), cash $5.00".
    QString takenSummary() const;

    /// Adds a tender after checking it against what is left to pay; the message says why not.
    Status addTender(const Tender &tender);
    Status addCash(Money amount);
    Status addCard(Money amount, const QString &last4, const QString &authCode);
    /// Looks the card up (balance or a clear error) and applies min(balance, what is left).
    Status addGiftCard(const QString &code);
    /// Looks the service voucher up and applies what it covers on this ticket (core's
    /// VoucherService::covers: its session's price now, an upgrade leaving the rest to pay).
    /// Refused in one line: redeemed (with its receipt), void, unknown, or no session it pays.
    Status addVoucher(const QString &code);
    /// Uses one session of the package (core's PackageService::covers, as the sale will): its
    /// session's line is repriced to the package's price for that session, the amount due shown
    /// becomes that ticket's total, and the package tender pays the line. Refused in one line (no
    /// session left, refunded, unknown, no line of its session) and nothing changes. The sale is
    /// still completed with the ticket as rung up: the sale reprices it the same way. `code` may
    /// be a packageRef ("#12") from the client's page, for a ticket for that client.
    Status addPackage(const QString &code);
    /// Removes a tender; removing a package's session prices its line as rung up again.
    void removeTender(int index);
    void showPage(Page page);
    /// Shows the gift-card page with the code filled in and looked up (scanned at the register).
    void prefillGiftCode(const QString &code);

    /// Calls SaleService::complete once. On failure the message is shown and nothing changes.
    bool complete();
    /// Esc, "Back to ticket" and closing the window: once a tender is entered, asks first
    /// (confirmDiscard) and stays open unless the cashier chooses to discard.
    void reject() override;
    const std::optional<CompletedSale> &completedSale() const { return m_sale; }
    /// The certificate preview of each gift card the completed sale sold (C, or the button):
    /// core's certificateCode decides that the seller needs no approval, and journals it. Then
    /// each service voucher and session package it sold, from the code the sale just returned.
    Status openCertificates();
    QString message() const;
    ReceiptView *receiptView() const { return m_receipt; }

    /// The counter's outbox (MainWindow's): with one, the done page offers "Email receipt…"
    /// and, when the sale sold gift cards, "Email gift card…".
    void setOutbox(mail::Outbox *outbox) { m_outbox = outbox; }
    /// This register's offline copy (core/services/offline.h): a sale on the server notes its
    /// request id and receipt number there; `selling` says the dialog sells on the copy itself
    /// (the server cannot be reached), under the offline rules.
    void setOffline(OfflineRegister *offline, bool selling) {
        m_offline = offline;
        m_sellingOffline = selling;
    }
    /// Queues the completed sale's receipt to `to`; sending goes on in the background. A bad
    /// address, no mail server or no outbox is refused at once and nothing is queued.
    Status emailReceipt(const QString &to);
    /// Queues each gift card the completed sale sold (QR inline, certificate attached) to `to`.
    Status emailGiftCards(const QString &to);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    QWidget *buildPayPage();
    QWidget *buildCashPage();
    QWidget *buildCardPage();
    QWidget *buildGiftPage();
    QWidget *buildDonePage();
    void refresh();
    void rebuildQuickCash();
    void setMessage(const QString &text, bool error = true);
    void lookUpGift();
    void printReceipt();
    /// Asks for the customer's address, then emailReceipt or emailGiftCards; the done page
    /// says what happened.
    void askAndEmail(bool giftCards);
    /// The message, checked, or why not (the parts emailReceipt and emailGiftCards share).
    Result<SmtpSettings> mailReady(const QString &to) const;
    /// "Discard the $X already taken (card ending 1234)?", saying what to undo where; keeping the
    /// dialog open is the default. True when the cashier chose to discard.
    bool confirmDiscard();
    /// Prices the ticket for the package tenders among `tenders` (PackageService::covers), works
    /// out each package's and voucher's amount as the sale will, and takes `tenders` again
    /// against that total. On a refusal the message says why and nothing changes.
    Status retake(const std::vector<Tender> &tenders);
    /// The last 4 of a gift card's, voucher's or package's code as the register may show them.
    QString last4Of(const Tender &t) const;

    Database &m_db;
    Ticket m_ticket;       ///< as rung up: what SaleService::complete is given
    Ticket m_priced;       ///< as the package sessions taken price it (m_ticket without any)
    TicketTotals m_totals; ///< m_priced's
    std::vector<PackageCover> m_packageUses; ///< the package sessions taken, in their order
    StaffMember m_cashier;
    std::optional<StaffMember> m_approver;
    QString m_registerId;

    Payment m_payment;
    std::optional<CompletedSale> m_sale;

    QStackedWidget *m_stack = nullptr;
    QLabel *m_due = nullptr;
    QLabel *m_remainingCaption = nullptr;
    QLabel *m_remaining = nullptr;
    QButtonGroup *m_kinds = nullptr;
    QStackedWidget *m_kindPages = nullptr;
    QLineEdit *m_cashAmount = nullptr;
    QGridLayout *m_quickCash = nullptr;
    QLineEdit *m_cardAmount = nullptr;
    QLineEdit *m_cardLast4 = nullptr;
    QLineEdit *m_cardAuth = nullptr;
    QLineEdit *m_giftCode = nullptr;
    QLabel *m_giftBalance = nullptr;
    QListWidget *m_tenderList = nullptr;
    QPushButton *m_removeTender = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_complete = nullptr;
    QPushButton *m_certificate = nullptr;
    QPushButton *m_emailReceipt = nullptr;
    QPushButton *m_emailCards = nullptr;
    mail::Outbox *m_outbox = nullptr;
    OfflineRegister *m_offline = nullptr;
    bool m_sellingOffline = false;
    // After the commit.
    QLabel *m_doneChange = nullptr;
    QLabel *m_doneCaption = nullptr;
    QLabel *m_doneDetails = nullptr;
    QLabel *m_giftLeft = nullptr;  ///< large: what stays on the card just applied
    QLabel *m_doneCards = nullptr; ///< large: what stays on each card the sale redeemed
    ReceiptView *m_receipt = nullptr;
};

} // namespace oasis::app
