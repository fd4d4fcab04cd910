// SPDX-License-Identifier: GPL-3.0-or-later
// The gift-card screen: scan or type a code to see the balance and history; sell, reload,
// replace, cash out, adjust, print certificates, and the liability report.
#pragma once

#include "pos/screens/screen.h"

#include "core/services/giftcard.h"
#include "core/services/sale.h"
#include "printing/certificate.h"

#include <QWidget>

#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace oasis::mail {
class Outbox;
}

namespace oasis::screens {

class GiftCardHistoryModel;

/// Self-contained back-office screen; the main window hosts it. Selling a card goes through the
/// register's ticket (sellRequested); a reload is a sale of its own, completed here. Manager
/// actions (replace, cash-out, adjust, reprint) ask ctx.requestApproval when the user's role
/// may not. Messages from the services are shown as they are, on the screen (never a pop-up
/// the cashier must dismiss).
class GiftCardScreen final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GiftCardScreen)
public:
    explicit GiftCardScreen(const ScreenContext &ctx, QWidget *parent = nullptr);
    ~GiftCardScreen() override;

    /// Looks up a scanned or typed code and shows the card; false (with the service's message
    /// on screen) for a typo, an unknown or voided card, or a lockout.
    bool showCode(const QString &code);
    /// Forgets the card on screen.
    void clearCard();
    std::optional<GiftCard> currentCard() const { return m_card; }
    /// The message line under the scan field (errors and results).
    QString message() const;

    // --- what the buttons do once their dialogs have the input (tests call these) ----------
    /// Checks the amount against the store's limits (and a bonus of promotional value, with
    /// its last day, against core's checkPromoValue) and emits sellRequested. A manager approves
    /// the bonus when the register takes payment (the sale names the action).
    Status requestSale(Money amount, const QString &to = {}, const QString &from = {},
                       const QString &message = {}, Money bonus = {},
                       const QDate &bonusExpires = {});
    /// A card given away (promotional value only, `expires` null for none), for `reason`: a
    /// manager's decision (GiftCardService::give; the front desk gets the approval prompt). The
    /// new card is shown and its certificate offered.
    Result<IssuedCard> giveCard(Money amount, const QDate &expires, const QString &reason);
    /// Loads `amount` onto the shown card as a sale paid by `tender`; emits saleCompleted.
    Result<CompletedSale> reload(Money amount, const Tender &tender);
    /// Replaces the shown (lost) card: old code void, balance on a new code, which is shown.
    Result<IssuedCard> replaceCard();
    /// Pays out a balance under $5.00; emits cashPaidOut.
    Result<Money> cashOut();
    Result<Money> adjust(Money delta, const QString &reason);
    /// The shown card's certificate: its seller's own right after the sale, else a reprint
    /// that asks for a manager (core decides which: GiftCardService::certificateCode).
    Result<printing::GiftCertificate> cardCertificate();
    /// A certificate with the store's details.
    printing::GiftCertificate certificateFor(const QString &code, Money amount,
                                             const QString &to = {}, const QString &from = {},
                                             const QString &message = {}) const;

    /// The counter's outbox: with one, "Email gift card…" sends the shown card to a customer.
    void setOutbox(mail::Outbox *outbox);
    /// Queues the shown card (QR inline, certificate attached) to `to`; sending goes on in the
    /// background. A bad address, a void card or no mail server is refused at once.
    Status emailCard(const QString &to);

    GiftCardHistoryModel *historyModel() const { return m_history; }
    QLineEdit *codeField() const { return m_code; }
    QLabel *balanceLabel() const { return m_balance; }

Q_SIGNALS:
    /// Put a gift-card line on the register's ticket (the card is activated when that sale
    /// commits).
    void sellRequested(oasis::Money amount, const QString &to, const QString &from,
                       const QString &message, oasis::Money bonus, const QDate &bonusExpires);
    /// A reload was committed: print its receipt (and open the drawer when paid in cash).
    void saleCompleted(qint64 receiptNo, bool paidInCash);
    /// A cash-out was recorded as a drawer pay-out: open the drawer.
    void cashPaidOut(oasis::Money amount);
    /// Balances changed (reload, replace, cash-out, adjust): liability figures are stale.
    void cardsChanged();

private:
    StaffMember user() const;
    QString actorName(const std::optional<StaffMember> &approver) const;
    void showError(const Error &error);
    void showInfo(const QString &text);
    void showCard(const GiftCard &card);
    /// A card just issued (given or a replacement): shown, and its code kept for what follows.
    void showIssued(const IssuedCard &issued);
    void reloadCard();
    void updateButtons();

    void lookUpTyped();
    void sellDialog();
    void giveDialog();
    void reloadDialog();
    void replaceDialog();
    void cashOutDialog();
    void adjustDialog();
    void certificateDialog();
    void emailDialog();
    void liabilityDialog();
    void openCertificate(const printing::GiftCertificate &certificate);

    ScreenContext m_ctx;
    std::optional<GiftCard> m_card;
    QString m_cardCode; ///< the shown card's code, in memory only while it is shown

    QLineEdit *m_code = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_last4 = nullptr;
    QLabel *m_balance = nullptr;
    QLabel *m_promo = nullptr;  ///< a card's paid and promotional parts, when it has the latter
    QLabel *m_change = nullptr; ///< change due after a cash reload, in large type
    QLabel *m_status = nullptr;
    QLabel *m_toFrom = nullptr;
    QLabel *m_note = nullptr;
    QTableView *m_historyView = nullptr;
    GiftCardHistoryModel *m_history = nullptr;
    QPushButton *m_reload = nullptr;
    QPushButton *m_replace = nullptr;
    QPushButton *m_cashOut = nullptr;
    QPushButton *m_adjust = nullptr;
    QPushButton *m_certificate = nullptr;
    QPushButton *m_email = nullptr;
    mail::Outbox *m_outbox = nullptr;
};

} // namespace oasis::screens
