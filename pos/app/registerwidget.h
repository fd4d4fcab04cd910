// SPDX-License-Identifier: GPL-3.0-or-later
// The register: the scan field on top, the ticket and quick buttons, totals large at the bottom.
#pragma once

#include "core/domain/error.h"
#include "core/domain/money.h"
#include "core/services/clients.h"
#include "core/services/sale.h"
#include "core/services/staff.h"

#include <QPointer>
#include <QWidget>

#include <functional>
#include <optional>
#include <vector>

class QAction;
class QLabel;
class QLineEdit;
class QGridLayout;
class QTableView;
class QTabWidget;

namespace oasis {
class Database;
class OfflineRegister;
struct CatalogItem;
struct PackageProduct;
} // namespace oasis

namespace oasis::mail {
class Outbox;
}

namespace oasis::app {

class PayDialog;
class TicketModel;

class RegisterWidget final : public QWidget {
    Q_OBJECT
public:
    RegisterWidget(Database &db, const QString &registerId, QWidget *parent = nullptr);
    ~RegisterWidget() override;

    void setCashier(const StaffMember &cashier);
    /// The counter's outbox, handed to each Pay dialog (Email receipt…, Email gift card…).
    void setOutbox(mail::Outbox *outbox) { m_outbox = outbox; }
    /// This register's offline copy, handed to each Pay dialog; `selling`: this register
    /// widget works on the copy itself, the server being out of reach (MainWindow decides).
    void setOffline(OfflineRegister *offline, bool selling) {
        m_offline = offline;
        m_sellingOffline = selling;
    }
    bool sellingOffline() const { return m_sellingOffline; }
    const StaffMember &cashier() const { return m_cashier; }

    QLineEdit *scanField() const { return m_scan; }
    TicketModel *model() const { return m_model; }
    QTableView *ticketView() const { return m_table; }
    /// The plain message under the scan field ("Nothing found for …").
    QString statusMessage() const;
    /// The text of a totals label: "subtotal", "discount", "tax", "tips", "total".
    QString totalText(const QString &which) const;
    int currentRow() const;
    void setCurrentRow(int row);

    /// What Enter in the scan field does with its text.
    void handleScan(const QString &text);
    /// A code the camera read: a beep, the scan field flashes, then as handleScan.
    void handleCameraScan(const QString &text);
    /// Adds a catalog item as a quick button or a scan does (asks for the therapist of a session).
    void addItem(const CatalogItem &item);

    /// Rings the ticket up for `client` (0: none), as the cashier may see them.
    void setClient(qint64 clientId);
    /// Ctrl+K, the Client button: find a client by name or phone (or take them off the ticket).
    void askClient();
    /// "Use a session" on the client page: the ticket becomes the client's (refused in one line
    /// when it is someone else's), the package's session is rung up when no line of it is on the
    /// ticket yet (its therapist asked for), and the Pay dialog opens with one session of the
    /// package applied, named by its id (packageRef): its code never reaches the register.
    void usePackageSession(qint64 clientId, qint64 packageId);
    /// The line above the ticket: who it is rung up for.
    QString clientText() const;
    /// The banner shown while a session is on a ticket for a client with health notes: the
    /// notes themselves for a role that may see them, else that there are some.
    QString healthBannerText() const;
    bool healthBannerShown() const;

    // Everything the F-keys do, callable from tests.
    void pay();
    void hold(const QString &label = {});
    /// Holds a ticket that has lines with the note "parked at close" (the window is closing), so
    /// the next start can recall it. Fine when there is nothing to park.
    Status parkOpenTicket();
    /// Opens a held ticket; it stays parked until its sale commits or its last line is voided.
    void recall(qint64 parkedId);
    void voidLine();
    bool setTicketDiscount(const QString &text);
    bool setLineDiscount(const QString &text);
    /// Overrides the chosen line's unit price; paying then needs a manager's approval.
    bool setPrice(const QString &text);
    bool setQuantity(int quantity);
    void addTip(qint64 therapistId, Money amount);
    /// A new card on the ticket; a `bonus` is promotional value given with it (a manager
    /// approves it at payment), lasting through `bonusExpires` (null: no expiry).
    void addGiftCard(Money amount, const QString &to = {}, const QString &from = {},
                     const QString &message = {}, Money bonus = {}, const QDate &bonusExpires = {});
    /// A service voucher for `session` at its price (`voucher:DT60` in the scan field, "Sell as
    /// voucher" on a session's button, or "Service voucher…").
    void addVoucher(const CatalogItem &session);
    /// "Service voucher…": choose the session the voucher is worth.
    void askVoucher();
    /// A session package product for the ticket's client (`package:PKG-DT60-5`, or "Session
    /// package…"); without a client, a one-line refusal and nothing added.
    void addPackage(const PackageProduct &product);
    /// "Session package…": choose among the store's package products (needs a client first).
    void askPackage();
    /// Reloads quick buttons, tax rates and the business date (at each login, after settings).
    /// The register is built with its tax rates but without quick buttons: MainWindow loads
    /// them while the first PIN is checked.
    void reloadCatalog();
    void focusScan();

    // The F-keys that ask something first (the dialogs can be driven from tests).
    void askQuantity();
    void askLineDiscount();
    void askPrice();
    void askTicketDiscount();
    void askTip();
    void askGiftCard();
    void askHold();
    void askRecall();
    /// Ctrl+R: the receipt typed or scanned into the scan field goes to its refund.
    void askRefund();
    void showHelp();
    void showMessage(const QString &text, bool error = false);

Q_SIGNALS:
    void receiptRequested(qint64 receiptNo);
    void saleCompleted(qint64 receiptNo);
    /// The same sale, whole (the customer display shows its change, cards and QR).
    void saleDone(const oasis::CompletedSale &sale);
    void lockRequested();
    void receiptsRequested();
    /// Ctrl+R: refund the sale of this receipt (0: the cashier still has to find it).
    void refundRequested(qint64 receiptNo);
    /// The client page, on the ticket's client (0: none yet: the list).
    void clientPageRequested(qint64 clientId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void reloadTaxes();
    QWidget *buildQuickPanel();
    /// Puts a button on the best sellers' page for each of `items`, replacing what was there.
    void fillBestSellers(const std::vector<CatalogItem> &items);
    QWidget *buildTotals();
    QWidget *buildKeyBar();
    QAction *addKeyAction(const QString &text, const QKeySequence &key,
                          void (RegisterWidget::*slot)());
    void updateTotals();
    /// The client line and the health banner, from the ticket and the client as read for the
    /// cashier.
    void updateClient();
    void chooseClient(const std::vector<Client> &clients, const QString &text);
    void payWith(const QString &giftCode);
    /// A voucher scanned: pays the session it covers (the Pay dialog opens with it applied), or
    /// says in one line why not; with an empty ticket, what the voucher is worth.
    void payWithVoucher(const QString &code);
    /// A session package scanned: uses one session on the ticket's line of its session (the Pay
    /// dialog opens with that line at the package's per-session price and the package tender
    /// applied), or says in one line why not; with an empty ticket, the sessions left.
    void payWithPackage(const QString &code);
    /// "Package ••ABCD: 5 sessions of …, no session left." (or refunded).
    static QString noSessionLeft(const SessionPackage &k);
    /// After the Pay dialog closes: a new ticket when the sale completed, else its message.
    /// The Pay dialog on the ticket, `prefill` run once it is open (a scanned card, voucher or
    /// package), then what the sale did.
    void openPayDialog(const std::function<void(PayDialog &)> &prefill);
    void finishPayment(PayDialog &dialog);
    std::optional<StaffMember> chooseTherapist(const QString &why);
    bool ensureApproval();

    Database &m_db;
    QString m_registerId;
    StaffMember m_cashier;
    std::optional<StaffMember> m_approver;
    TicketModel *m_model = nullptr;
    QLineEdit *m_scan = nullptr;
    QLabel *m_message = nullptr;
    QTableView *m_table = nullptr;
    QTabWidget *m_quick = nullptr;
    QPointer<QWidget> m_bestPage; // inside m_quick; replaced by reloadCatalog()
    static constexpr int kBestSellers = 12;
    QLabel *m_subtotal = nullptr;
    QLabel *m_discount = nullptr;
    QLabel *m_tax = nullptr;
    QLabel *m_tips = nullptr;
    QLabel *m_total = nullptr;
    QLabel *m_taxCaption = nullptr;
    QLabel *m_lineCount = nullptr;
    QLabel *m_clientLine = nullptr;
    QLabel *m_healthBanner = nullptr;
    std::optional<Client> m_client;  // the ticket's client as the cashier may see them
    QPointer<PayDialog> m_payDialog; // while Pay is open: what it has taken
    mail::Outbox *m_outbox = nullptr;
    OfflineRegister *m_offline = nullptr;
    bool m_sellingOffline = false;
};

} // namespace oasis::app
