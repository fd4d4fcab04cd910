// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/domain/clock.h"
#include "core/domain/giftcode.h"
#include "core/services/catalog.h"
#include "core/services/giftcard.h"
#include "core/services/sale.h"
#include "core/services/storesettings.h"
#include "pos/app/appstyle.h"
#include "pos/app/dialogs.h"
#include "pos/app/mainwindow.h"
#include "pos/app/paydialog.h"
#include "pos/app/receiptsscreen.h"
#include "pos/app/receiptview.h"
#include "pos/app/refunddialog.h"
#include "pos/app/registerwidget.h"
#include "pos/app/ticketmodel.h"
#include "pos/screens/giftcardcertificate.h"
#include "pos/screens/screen.h"
#include "printing/receipt.h"
#include "tests/pos/posfixture.h"
#include "tests/pos/registercounter.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QStyle>
#include <QTabWidget>
#include <QTest>
#include <QTreeWidget>

using namespace oasis;
using namespace oasis::app;
using oasis::test::ok;
using oasis::test::value;
using postest::whenModal;

namespace {

const QString kLavender = QStringLiteral("0850071001020"); // Lavender Calm Body Oil, $24.00

using Counter = postest::RegisterCounter;

} // namespace

TEST_CASE("a barcode scanned twice is one line of two, with Seattle tax", "[pos][register]") {
    Counter c;
    c.scan(kLavender);
    c.scan(kLavender);
    REQUIRE(c.model->rowCount() == 1);
    REQUIRE(c.line(0).quantity == 2);
    REQUIRE(c.model->index(0, TicketModel::QuantityColumn).data().toString() ==
            QStringLiteral("2"));
    REQUIRE(c.reg->scanField()->text().isEmpty());
    // 2 × $24.00 = $48.00; 10.55 % retail tax from 2026 = $5.06.
    REQUIRE(c.reg->totalText(QStringLiteral("subtotal")) == QStringLiteral("$48.00"));
    REQUIRE(c.reg->totalText(QStringLiteral("tax")) == QStringLiteral("$5.06"));
    REQUIRE(c.reg->totalText(QStringLiteral("total")) == QStringLiteral("$53.06"));
    REQUIRE(c.model->totals().total == Money::fromCents(5306));
}

TEST_CASE("at 1366x768 all six modalities are on screen without scrolling", "[pos][register]") {
    applyAppStyle(*qApp); // the sizes come from the style sheet
    Counter c;
    QApplication::processEvents();
    auto *tabs = c.window.findChild<QTabWidget *>(QStringLiteral("quickTabs"));
    REQUIRE(tabs);
    auto *sessions = qobject_cast<QScrollArea *>(tabs->widget(0));
    REQUIRE(sessions);
    REQUIRE(sessions->findChildren<QLabel *>(QStringLiteral("modalityLabel")).size() == 6);
    REQUIRE(sessions->verticalScrollBar()->maximum() == 0);
    for (QPushButton *b : sessions->findChildren<QPushButton *>(QStringLiteral("sessionButton")))
        REQUIRE(b->height() >= 48); // still a finger's size
}

TEST_CASE("an unknown code adds nothing and says so", "[pos][register]") {
    Counter c;
    c.scan(QStringLiteral("9999999999999"));
    REQUIRE(c.model->rowCount() == 0);
    REQUIRE(c.reg->statusMessage().contains(QStringLiteral("Nothing found")));
    REQUIRE(c.reg->totalText(QStringLiteral("total")) == QStringLiteral("$0.00"));
}

TEST_CASE("a session code asks for the therapist", "[pos][register]") {
    Counter c;
    SECTION("choosing one adds the session with that therapist") {
        QString chosen;
        whenModal<ChoiceDialog>([&chosen](ChoiceDialog *d) {
            chosen = d->text(1);
            d->choose(1);
        });
        c.scan(QStringLiteral("DT60"));
        REQUIRE(c.model->rowCount() == 1);
        REQUIRE(c.line(0).kind == LineKind::Session);
        REQUIRE(c.line(0).therapistId > 0);
        // The ticket shows the therapist's first name; the line keeps the full name.
        REQUIRE(c.line(0).therapistName == chosen);
        REQUIRE(c.model->index(0, TicketModel::TherapistColumn).data().toString() ==
                chosen.section(u' ', 0, 0));
        REQUIRE(c.reg->totalText(QStringLiteral("total")) == QStringLiteral("$135.00"));
        REQUIRE(c.reg->totalText(QStringLiteral("tax")) == QStringLiteral("$0.00"));
    }
    SECTION("backing out adds nothing") {
        whenModal<ChoiceDialog>([](ChoiceDialog *d) { d->reject(); });
        c.scan(QStringLiteral("DT60"));
        REQUIRE(c.model->rowCount() == 0);
    }
}

TEST_CASE("text that is no code offers the items whose name matches", "[pos][register]") {
    Counter c;
    QStringList offered;
    whenModal<ChoiceDialog>([&offered](ChoiceDialog *d) {
        for (int i = 0; i < d->rowCount(); ++i)
            offered << d->text(i);
        d->choose(0);
    });
    c.scan(QStringLiteral("jojoba"));
    REQUIRE(offered.size() == 1);
    REQUIRE(offered.front().contains(QStringLiteral("Jojoba")));
    REQUIRE(c.model->rowCount() == 1);
    REQUIRE(c.line(0).code == QStringLiteral("OIL-JOJ-250"));
}

TEST_CASE("paying cash commits the sale once and shows the change", "[pos][register][pay]") {
    Counter c;
    c.scan(kLavender);
    c.scan(kLavender);
    qint64 completedReceipt = 0;
    QObject::connect(c.reg, &RegisterWidget::saleCompleted, c.reg,
                     [&](qint64 n) { completedReceipt = n; });
    bool sawReceipt = false;
    whenModal<PayDialog>([&sawReceipt](PayDialog *d) {
        CHECK(d->due() == Money::fromCents(5306));
        CHECK_FALSE(d->addCard(Money::fromCents(6000), QStringLiteral("4242"), {}));
        CHECK(d->message().contains(QStringLiteral("Only cash")));
        CHECK(d->addCash(Money::fromCents(6000)));
        CHECK(d->change() == Money::fromCents(694));
        CHECK(d->complete());
        CHECK(d->complete()); // a second press does not sell twice
        sawReceipt = d->receiptView()->hasDocument() && !d->receiptView()->image().isNull();
        d->accept();
    });
    c.reg->pay();
    REQUIRE(sawReceipt);
    REQUIRE(completedReceipt == 1);
    REQUIRE(c.model->rowCount() == 0);
    REQUIRE(c.reg->statusMessage().contains(QStringLiteral("$6.94")));

    const SaleRecord sale = value(SaleService(c.tdb.db()).load(1));
    REQUIRE(sale.total == Money::fromCents(5306));
    REQUIRE(sale.tax == Money::fromCents(506));
    REQUIRE(sale.change == Money::fromCents(694));
    REQUIRE(sale.cashier == QStringLiteral("Maya (front desk)"));
    REQUIRE(sale.lines.size() == 1);
    REQUIRE(sale.lines[0].quantity == 2);
    REQUIRE(sale.tenders.size() == 1);
    REQUIRE(sale.tenders[0].type == TenderType::Cash);
    REQUIRE(value(SaleService(c.tdb.db()).recent(10)).size() == 1);
}

TEST_CASE("a split of card and cash, with a session, a tip and two oils", "[pos][register][pay]") {
    Counter c;
    whenModal<ChoiceDialog>([](ChoiceDialog *d) { d->choose(0); });
    c.scan(QStringLiteral("DT60"));
    const qint64 therapist = c.line(0).therapistId;
    c.reg->addTip(therapist, Money::fromCents(2500));
    c.scan(kLavender);
    c.scan(kLavender);
    // 135.00 + 48.00 + 5.06 tax + 25.00 tip
    REQUIRE(c.reg->totalText(QStringLiteral("total")) == QStringLiteral("$213.06"));
    REQUIRE(c.reg->totalText(QStringLiteral("tips")) == QStringLiteral("$25.00"));
    whenModal<PayDialog>([](PayDialog *d) {
        CHECK_FALSE(d->addCard(Money::fromCents(10000), QStringLiteral("42"), {}));
        CHECK(d->addCard(Money::fromCents(10000), QStringLiteral("4242"), QStringLiteral("a1b2")));
        CHECK(d->remaining() == Money::fromCents(11306));
        CHECK(d->addCash(Money::fromCents(12000)));
        CHECK(d->complete());
        d->accept();
    });
    c.reg->pay();
    const SaleRecord sale = value(SaleService(c.tdb.db()).load(1));
    REQUIRE(sale.total == Money::fromCents(21306));
    REQUIRE(sale.tips == Money::fromCents(2500));
    REQUIRE(sale.change == Money::fromCents(694));
    REQUIRE(sale.tenders.size() == 2);
    REQUIRE(sale.tenders[0].cardLast4 == QStringLiteral("4242"));
    REQUIRE(sale.tenders[0].authCode == QStringLiteral("A1B2"));
}

TEST_CASE("a refused commit leaves the ticket on screen to retry", "[pos][register][pay]") {
    Counter c;
    c.scan(kLavender);
    QString shown;
    whenModal<PayDialog>([&](PayDialog *d) {
        // Between the check and the commit the oil leaves the catalog.
        ok(CatalogService(c.tdb.db())
               .setActive(QStringLiteral("OIL-LAV-120"), false,
                          test::staffNamed(c.tdb.db(), QStringLiteral("manager"))));
        CHECK(d->addCash(Money::fromCents(3000)));
        CHECK_FALSE(d->complete());
        shown = d->message();
        CHECK_FALSE(d->completedSale().has_value());
        d->done(QDialog::Rejected); // closed without the discard question: cash handed back
    });
    c.reg->pay();
    REQUIRE_FALSE(shown.isEmpty());
    REQUIRE(c.model->rowCount() == 1);
    REQUIRE(value(SaleService(c.tdb.db()).recent(10)).empty());
}

TEST_CASE("a tax rate changed at another register is charged only once the register shows it",
          "[pos][register][pay]") {
    Counter c;
    c.scan(kLavender);
    const Money before = c.model->totals().total; // $24.00 at 10.55 %: $26.53
    // The back office raises the retail rate from today while this register shows the ticket.
    ok(StoreSettings(c.tdb.db())
           .addTaxRate({TaxClass::Retail, 200'000, QDate(2026, 3, 10)},
                       test::staffNamed(c.tdb.db(), QStringLiteral("manager"))));
    QString shown;
    whenModal<PayDialog>([&](PayDialog *d) {
        CHECK(d->due() == before);
        CHECK(d->addCash(Money::fromCents(30'00)));
        CHECK_FALSE(d->complete());
        shown = d->message();
        d->done(QDialog::Rejected);
    });
    c.reg->pay();
    CHECK(shown.contains(QStringLiteral("$28.80")));
    REQUIRE(value(SaleService(c.tdb.db()).recent(10)).empty());
    // The register now shows what the customer will pay, and that is what is charged.
    CHECK(c.model->totals().total == Money::fromCents(28'80));
    whenModal<PayDialog>([&](PayDialog *d) {
        CHECK(d->addCash(Money::fromCents(30'00)));
        CHECK(d->complete());
        d->accept();
    });
    c.reg->pay();
    const auto recent = value(SaleService(c.tdb.db()).recent(10));
    REQUIRE(recent.size() == 1);
}

TEST_CASE("a ticket keeps its request id through a refused payment and hold and recall, so a "
          "retry after a lost answer charges nothing",
          "[pos][register][pay]") {
    Counter c;
    c.scan(kLavender); // $26.53
    const QString id = c.model->ticket().requestId;
    REQUIRE_FALSE(id.isEmpty());
    whenModal<PayDialog>([&](PayDialog *d) {
        ok(CatalogService(c.tdb.db())
               .setActive(QStringLiteral("OIL-LAV-120"), false,
                          test::staffNamed(c.tdb.db(), QStringLiteral("manager"))));
        CHECK(d->addCash(Money::fromCents(3000)));
        CHECK_FALSE(d->complete());
        ok(CatalogService(c.tdb.db())
               .setActive(QStringLiteral("OIL-LAV-120"), true,
                          test::staffNamed(c.tdb.db(), QStringLiteral("manager"))));
        d->done(QDialog::Rejected); // closed without the discard question: cash handed back
    });
    c.reg->pay();
    REQUIRE(c.model->ticket().requestId == id);

    c.reg->hold(QStringLiteral("Ana"));
    REQUIRE(c.model->rowCount() == 0);
    REQUIRE(c.model->ticket().requestId != id); // the next ticket is another one
    whenModal<ChoiceDialog>([](ChoiceDialog *d) { d->choose(0); });
    c.reg->askRecall();
    REQUIRE(c.model->rowCount() == 1);
    REQUIRE(c.model->ticket().requestId == id);

    // The commit went through but the register never heard (a crash, a lost connection).
    Tender cash;
    cash.amount = Money::fromCents(3000);
    const CompletedSale lost =
        value(SaleService(c.tdb.db())
                  .complete(c.model->ticket(), {cash}, postest::frontDesk(c.tdb.db()), std::nullopt,
                            QStringLiteral("test-register")));
    bool repeated = false;
    whenModal<PayDialog>([&](PayDialog *d) {
        CHECK(d->addCash(Money::fromCents(3000)));
        CHECK(d->complete());
        repeated = d->completedSale() && d->completedSale()->repeated &&
                   d->completedSale()->receiptNo == lost.receiptNo;
        d->accept();
    });
    c.reg->pay();
    REQUIRE(repeated);
    REQUIRE(c.reg->statusMessage().contains(QStringLiteral("nothing charged again")));
    REQUIRE(value(SaleService(c.tdb.db()).recent(10)).size() == 1);
    REQUIRE(c.model->rowCount() == 0);
    REQUIRE(c.model->ticket().requestId != id);
}

TEST_CASE("a discount above the threshold needs a manager's PIN", "[pos][register][pay]") {
    Counter c;
    c.scan(kLavender);
    REQUIRE(c.reg->setTicketDiscount(QStringLiteral("50%")));
    REQUIRE(c.reg->totalText(QStringLiteral("discount")) == QStringLiteral("-$12.00"));
    QString wrongPin;
    whenModal<ApprovalDialog>([&](ApprovalDialog *d) {
        CHECK_FALSE(d->submit(QStringLiteral("manager"), QStringLiteral("1234")));
        wrongPin = d->message();
        whenModal<PayDialog>([](PayDialog *pay) {
            CHECK(pay->addCash(pay->due()));
            CHECK(pay->complete());
            pay->accept();
        });
        CHECK(d->submit(QStringLiteral("manager"), QStringLiteral("9999")));
    });
    c.reg->pay();
    REQUIRE(wrongPin.contains(QStringLiteral("Wrong PIN")));
    const SaleRecord sale = value(SaleService(c.tdb.db()).load(1));
    REQUIRE(sale.approver == QStringLiteral("Jordan (manager)"));
    REQUIRE(sale.discount == Money::fromCents(1200));
}

TEST_CASE("a price the catalog changed since the scan: the approval dialog says why, and the "
          "line rung up again takes the new price",
          "[pos][register][pay]") {
    Counter c;
    c.scan(kLavender);
    // Another register changes the oil's price after it was scanned here.
    CatalogItem oil = *value(CatalogService(c.tdb.db()).findByCode(kLavender));
    oil.price = Money::fromCents(26'00);
    value(CatalogService(c.tdb.db())
              .save(oil, oasis::test::staffNamed(c.tdb.db(), QStringLiteral("manager"))));
    QString reason;
    whenModal<ApprovalDialog>([&](ApprovalDialog *d) {
        reason = d->findChild<QLabel *>(QStringLiteral("dialogPrompt"))->text();
        d->reject();
    });
    c.reg->pay();
    CHECK(reason == QStringLiteral("Lavender Calm Body Oil now costs $26.00 in the catalog, not "
                                   "$24.00 as rung up: ring it up again, or a price override at "
                                   "$24.00 needs approval by a manager or the owner."));
    REQUIRE(value(SaleService(c.tdb.db()).recent(10)).empty());
    // Rung up again, the line is at the catalog's price and needs no approval.
    c.reg->setCurrentRow(0);
    c.reg->voidLine();
    c.scan(kLavender);
    REQUIRE(c.line(0).unitPrice == Money::fromCents(26'00));
    whenModal<PayDialog>([](PayDialog *pay) {
        CHECK(pay->addCash(pay->due()));
        CHECK(pay->complete());
        pay->accept();
    });
    c.reg->pay();
    REQUIRE(value(SaleService(c.tdb.db()).load(1)).lines.at(0).unitPrice ==
            Money::fromCents(26'00));
}

TEST_CASE("a price override is approved by a manager and kept on the sale",
          "[pos][register][pay]") {
    Counter c;
    c.scan(kLavender);
    c.reg->setCurrentRow(0);
    REQUIRE_FALSE(c.reg->setPrice(QStringLiteral("12.505")));
    REQUIRE(c.reg->setPrice(QStringLiteral("20.00")));
    REQUIRE(c.line(0).unitPrice == Money::fromCents(2000));
    REQUIRE(c.line(0).priceOverridden);
    // $20.00 at 10.55 % = $2.11 tax.
    REQUIRE(c.reg->totalText(QStringLiteral("total")) == QStringLiteral("$22.11"));
    bool asked = false;
    whenModal<ApprovalDialog>([&](ApprovalDialog *d) {
        asked = true;
        whenModal<PayDialog>([](PayDialog *pay) {
            CHECK(pay->addCash(pay->due()));
            CHECK(pay->complete());
            pay->accept();
        });
        CHECK(d->submit(QStringLiteral("manager"), QStringLiteral("9999")));
    });
    c.reg->pay();
    REQUIRE(asked);
    const SaleRecord sale = value(SaleService(c.tdb.db()).load(1));
    REQUIRE(sale.approver == QStringLiteral("Jordan (manager)"));
    REQUIRE(sale.lines.at(0).unitPrice == Money::fromCents(2000));
    REQUIRE(sale.total == Money::fromCents(2211));
}

TEST_CASE("line actions: quantity, line discount, void", "[pos][register]") {
    Counter c;
    c.scan(kLavender);
    c.scan(QStringLiteral("OIL-ARN-120"));
    c.reg->setCurrentRow(0);
    REQUIRE(c.reg->setQuantity(3));
    REQUIRE(c.line(0).quantity == 3);
    REQUIRE(c.reg->setLineDiscount(QStringLiteral("10%")));
    REQUIRE(c.line(0).lineDiscount == Money::fromCents(720));
    REQUIRE_FALSE(c.reg->setLineDiscount(QStringLiteral("abc")));
    c.reg->setCurrentRow(1);
    // F8 from the scan field, as the cashier presses it.
    REQUIRE(c.reg->scanField()->hasFocus());
    QTest::keyClick(c.reg->scanField(), Qt::Key_F8);
    REQUIRE(c.model->rowCount() == 1);
    REQUIRE(c.line(0).code == QStringLiteral("OIL-LAV-120"));
}

TEST_CASE("hold, a new ticket, recall, held tickets survive a restart", "[pos][register]") {
    oasis::test::TempDb tdb(true);
    postest::PosClock clock;
    {
        MainWindow window(tdb.db(), QStringLiteral("test-register"));
        window.show();
        window.startSession(postest::frontDesk(tdb.db()));
        RegisterWidget *reg = window.registerScreen();
        QTest::keyClicks(reg->scanField(), kLavender);
        QTest::keyClick(reg->scanField(), Qt::Key_Return);
        reg->hold(QStringLiteral("Ana"));
        REQUIRE(reg->model()->rowCount() == 0);

        // Another customer meanwhile; recalling is refused until that ticket is held or paid.
        QTest::keyClicks(reg->scanField(), QStringLiteral("BLM-MUS-060"));
        QTest::keyClick(reg->scanField(), Qt::Key_Return);
        reg->askRecall();
        REQUIRE(reg->statusMessage().contains(QStringLiteral("Hold")));
        reg->hold(QStringLiteral("Ben"));
        REQUIRE(value(ParkedTickets(tdb.db()).list()).size() == 2);

        whenModal<ChoiceDialog>([](ChoiceDialog *d) {
            int ana = -1;
            for (int i = 0; i < d->rowCount(); ++i)
                if (d->text(i).startsWith(QStringLiteral("Ana")))
                    ana = i;
            CHECK(ana >= 0);
            d->choose(ana);
        });
        reg->askRecall();
        REQUIRE(reg->model()->rowCount() == 1);
        REQUIRE(reg->model()->ticket().lines[0].code == QStringLiteral("OIL-LAV-120"));
    }
    // The window goes without a close (a crash): Ana's recalled ticket was not sold, so it is
    // still on hold beside Ben's.
    tdb.reopen();
    MainWindow again(tdb.db(), QStringLiteral("test-register"));
    again.show();
    again.startSession(postest::frontDesk(tdb.db()));
    QStringList listed;
    whenModal<ChoiceDialog>([&listed](ChoiceDialog *d) {
        for (int i = 0; i < d->rowCount(); ++i)
            listed << d->text(i);
        d->choose(1);
    });
    again.registerScreen()->askRecall();
    REQUIRE(listed.size() == 2);
    REQUIRE(listed.at(0).startsWith(QStringLiteral("Ana")));
    REQUIRE(listed.at(1).startsWith(QStringLiteral("Ben")));
    REQUIRE(again.registerScreen()->model()->ticket().lines[0].code ==
            QStringLiteral("BLM-MUS-060"));
    REQUIRE(value(ParkedTickets(tdb.db()).list()).size() == 2);
}

TEST_CASE("a gift card sold at the counter pays a later ticket when scanned", "[pos][register]") {
    Counter c;
    c.reg->addGiftCard(Money::fromCents(5000), QStringLiteral("Kim"));
    QString code;
    whenModal<PayDialog>([&code](PayDialog *d) {
        CHECK(d->addCash(Money::fromCents(5000)));
        CHECK(d->complete());
        CHECK(d->completedSale()->giftCards.size() == 1);
        if (!d->completedSale()->giftCards.empty())
            code = d->completedSale()->giftCards.front().code;
        d->accept();
    });
    c.reg->pay();
    REQUIRE_FALSE(code.isEmpty());

    c.scan(kLavender); // $24.00 + $2.53 tax = $26.53
    QString leftWhileApplied, leftWhenDone;
    whenModal<PayDialog>([&](PayDialog *d) {
        // The scanned card is already applied: it covers the whole ticket.
        QTimer::singleShot(0, d, [&, d] {
            CHECK(d->tenders().size() == 1);
            CHECK(d->remaining().isZero());
            auto large = [d](const char *name) {
                for (QLabel *l : d->findChildren<QLabel *>())
                    if (l->accessibleName() == QLatin1String(name))
                        return l->text();
                return QString();
            };
            leftWhileApplied = large("giftLeft");
            CHECK(d->complete());
            leftWhenDone = large("doneCards");
            d->accept();
        });
    });
    c.scan(code);
    // What stays on the card, large, while paying and once paid: $50.00 - $26.53.
    CHECK(leftWhileApplied.startsWith(QStringLiteral("$23.47 left on ••")));
    CHECK(leftWhenDone.startsWith(QStringLiteral("$23.47 left on ••")));
    const SaleRecord sale = value(SaleService(c.tdb.db()).load(2));
    REQUIRE(sale.tenders.size() == 1);
    REQUIRE(sale.tenders[0].type == TenderType::Gift);
    REQUIRE(sale.tenders[0].giftCardBalance == Money::fromCents(5000 - 2653));
}

TEST_CASE("a card of promotional value pays, and the counter says what it keeps and until when",
          "[pos][register][promo]") {
    Counter c;
    const QDate last = StoreSettings(c.tdb.db()).businessDate(Clock::nowUtc()).addDays(90);
    const StaffMember manager = test::staffNamed(c.tdb.db(), QStringLiteral("manager"));
    const IssuedCard given =
        value(GiftCardService(c.tdb.db())
                  .give(Money::fromCents(30'00), last, QStringLiteral("goodwill"), manager,
                        std::nullopt, QStringLiteral("test-register")));
    c.scan(kLavender); // $26.53
    QString leftWhenDone, details;
    whenModal<PayDialog>([&](PayDialog *d) {
        QTimer::singleShot(0, d, [&, d] {
            CHECK(d->complete());
            for (QLabel *l : d->findChildren<QLabel *>())
                if (l->accessibleName() == QLatin1String("doneCards"))
                    leftWhenDone = l->text();
            details = d->findChild<QLabel *>(QStringLiteral("doneDetails"))->text();
            d->accept();
        });
    });
    c.scan(given.code);
    const QString last4 = giftcode::last4(given.code);
    // What stays, large; under it, that it is promotional value and its last day.
    CHECK(leftWhenDone == QStringLiteral("$3.47 left on ••%1").arg(last4));
    CHECK(details.contains(
        QStringLiteral("••%1: $3.47 of it promotional, expires %2.")
            .arg(last4, QLocale().toString(last, screens::shortDateFormatFullYear()))));
}

TEST_CASE("a receipt code in the scan field opens that receipt as a reprint", "[pos][register]") {
    Counter c;
    c.scan(kLavender);
    whenModal<PayDialog>([](PayDialog *d) {
        CHECK(d->addCash(d->due()));
        CHECK(d->complete());
        d->accept();
    });
    c.reg->pay();
    c.scan(QStringLiteral("#1"));
    REQUIRE(c.window.currentScreen() == QStringLiteral("receipts"));
    REQUIRE(c.window.receipts()->shownReceipt() == 1);
    REQUIRE(c.window.receipts()->view()->document()->reprint);
    REQUIRE_FALSE(c.window.receipts()->view()->image().isNull());
    REQUIRE_FALSE(c.window.receipts()->showReceipt(99));
    QTest::keyClick(c.window.receipts()->findField(), Qt::Key_Escape);
    REQUIRE(c.window.currentScreen() == QStringLiteral("register"));
}

TEST_CASE("the approval dialog names what it approves and takes the PIN on its own pad",
          "[pos][register][approval]") {
    Counter c;
    c.scan(kLavender);
    REQUIRE(c.reg->setTicketDiscount(QStringLiteral("50%")));
    QString heading;
    int keys = 0;
    whenModal<ApprovalDialog>([&](ApprovalDialog *d) {
        heading = d->findChild<QLabel *>(QStringLiteral("approvalAction"))->text();
        const QList<QPushButton *> pad = d->findChildren<QPushButton *>(QStringLiteral("pinKey"));
        keys = int(pad.size());
        auto press = [&](const QString &digit) {
            for (QPushButton *b : pad)
                if (b->text() == digit)
                    b->click();
        };
        // A wrong digit, taken back with the pad's own key, then the manager's PIN.
        press(QStringLiteral("1"));
        for (QPushButton *b : d->findChildren<QPushButton *>(QStringLiteral("pinKeySecondary")))
            if (b->text() == QStringLiteral("⌫"))
                b->click();
        for (int i = 0; i < 4; ++i)
            press(QStringLiteral("9"));
        whenModal<PayDialog>([](PayDialog *pay) {
            CHECK(pay->addCash(pay->due()));
            CHECK(pay->complete());
            pay->accept();
        });
        CHECK(d->submit(QStringLiteral("manager"), d->findChild<QLineEdit *>()->text()));
    });
    c.reg->pay();
    CHECK(heading == QStringLiteral("Approval needed for a discount above the store's threshold"));
    CHECK(keys == 10);
    const SaleRecord sale = value(SaleService(c.tdb.db()).load(1));
    REQUIRE(sale.approver == QStringLiteral("Jordan (manager)"));
}

TEST_CASE("Ctrl+P in the scan field and the Price button both open the price override",
          "[pos][register]") {
    Counter c;
    c.scan(kLavender);
    int asked = 0;
    auto overridePrice = [&](const QString &price) {
        whenModal<EntryDialog>([&, price](EntryDialog *d) {
            ++asked;
            CHECK(d->windowTitle() == QStringLiteral("Price override"));
            CHECK(d->submit(price));
        });
    };
    // From the scan field, where the cashier's hands are.
    overridePrice(QStringLiteral("20.00"));
    c.reg->scanField()->setFocus();
    QTest::keyClick(c.reg->scanField(), Qt::Key_P, Qt::ControlModifier);
    REQUIRE(asked == 1);
    REQUIRE(c.line(0).unitPrice == Money::fromCents(20'00));
    // And by touch: the key bar's Price button.
    QPushButton *button = nullptr;
    for (QPushButton *b : c.reg->findChildren<QPushButton *>(QStringLiteral("keyButton")))
        if (b->text().startsWith(QStringLiteral("Price\n")))
            button = b;
    REQUIRE(button);
    overridePrice(QStringLiteral("18.00"));
    button->click();
    REQUIRE(asked == 2);
    REQUIRE(c.line(0).unitPrice == Money::fromCents(18'00));
}

TEST_CASE("Ctrl+R in the scan field refunds the receipt scanned there", "[pos][register]") {
    Counter c;
    c.scan(kLavender);
    whenModal<PayDialog>([](PayDialog *d) {
        CHECK(d->addCash(d->due()));
        CHECK(d->complete());
        d->accept();
    });
    c.reg->pay();

    SECTION("with the receipt's code typed: its refund opens") {
        qint64 refunding = 0;
        whenModal<RefundDialog>([&](RefundDialog *d) {
            refunding = c.window.receipts()->shownReceipt();
            d->reject();
        });
        c.reg->scanField()->setFocus();
        QTest::keyClicks(c.reg->scanField(), QStringLiteral("#1"));
        QTest::keyClick(c.reg->scanField(), Qt::Key_R, Qt::ControlModifier);
        REQUIRE(refunding == 1);
        REQUIRE(c.window.currentScreen() == QStringLiteral("receipts"));
    }
    SECTION("with nothing typed: the receipts screen asks for the receipt") {
        c.reg->scanField()->setFocus();
        QTest::keyClick(c.reg->scanField(), Qt::Key_R, Qt::ControlModifier);
        REQUIRE(c.window.currentScreen() == QStringLiteral("receipts"));
        REQUIRE(c.window.receipts()->message().contains(QStringLiteral("receipt to refund")));
        REQUIRE(c.window.focusWidget() == c.window.receipts()->findField());
    }
    SECTION("with something else typed: a message, and the register stays") {
        c.reg->scanField()->setFocus();
        QTest::keyClicks(c.reg->scanField(), QStringLiteral("lavender"));
        QTest::keyClick(c.reg->scanField(), Qt::Key_R, Qt::ControlModifier);
        REQUIRE(c.window.currentScreen() == QStringLiteral("register"));
        REQUIRE(c.reg->statusMessage().contains(QStringLiteral("not a receipt")));
    }
}

TEST_CASE("the held-ticket list shows each ticket's total with tax, in columns that fit",
          "[pos][register]") {
    applyAppStyle(*qApp);
    Counter c;
    c.scan(kLavender);
    REQUIRE(c.reg->setTicketDiscount(QStringLiteral("10%")));
    const Money anaTotal = c.model->totals().total; // core's totals of the ticket on screen
    c.reg->hold(QStringLiteral("Ana Lindqvist-Montgomery, 3 pm deep tissue"));
    c.scan(kLavender);
    c.scan(kLavender);
    const Money benTotal = c.model->totals().total;
    c.reg->hold(QStringLiteral("Ben"));
    REQUIRE(anaTotal == Money::fromCents(23'88)); // $21.60 + 10.55 % tax
    REQUIRE(benTotal == Money::fromCents(53'06));

    QStringList totals;
    QStringList headers;
    bool fits = false;
    whenModal<ChoiceDialog>([&](ChoiceDialog *d) {
        QTreeWidget *table = d->table();
        REQUIRE(table);
        for (int row = 0; row < d->rowCount(); ++row)
            totals << d->text(row, 1);
        for (int col = 0; col < table->columnCount(); ++col)
            headers << table->headerItem()->text(col);
        // Every column shows its widest text whole, and no column is off to the right.
        fits = table->horizontalScrollBar()->maximum() == 0;
        const QFontMetrics metrics = table->fontMetrics();
        // The margin an item view keeps either side of a cell's text (QCommonStyle's).
        const int margins =
            2 * (table->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, table) + 1);
        for (int col = 0; col < table->columnCount(); ++col)
            for (int row = 0; row < d->rowCount(); ++row)
                if (metrics.horizontalAdvance(d->text(row, col)) + margins >
                    table->header()->sectionSize(col)) {
                    qWarning("column %d is %d px for %s", col, table->header()->sectionSize(col),
                             qPrintable(d->text(row, col)));
                    fits = false;
                }
        d->reject();
    });
    c.reg->askRecall();
    CHECK(headers == QStringList{QStringLiteral("Ticket"), QStringLiteral("Total"),
                                 QStringLiteral("Held at"), QStringLiteral("By")});
    REQUIRE(totals == QStringList{anaTotal.format(QLocale()), benTotal.format(QLocale())});
    CHECK(fits);
    // The list's totals are core's: the held tickets priced as the register prices them.
    const auto parked = value(ParkedTickets(c.tdb.db()).list());
    REQUIRE(parked.at(0).total == anaTotal);
}

TEST_CASE("the seller opens the certificate of a card just sold from the completed sale, with no "
          "approval",
          "[pos][register][pay]") {
    Counter c;
    c.reg->addGiftCard(Money::fromCents(7500), QStringLiteral("Ana"));
    bool previewed = false;
    bool shownButton = false;
    whenModal<PayDialog>([&](PayDialog *d) {
        QTimer::singleShot(0, d, [&, d] {
            auto *button = d->findChild<QPushButton *>(QStringLiteral("giftCertificate"));
            CHECK((button && button->isHidden()));
            CHECK(d->addCash(Money::fromCents(7500)));
            CHECK(d->complete());
            shownButton = button && button->isVisible();
            // The next modal is the certificate's preview, not an approval prompt.
            whenModal<QDialog>([&previewed](QDialog *preview) {
                previewed = qobject_cast<screens::CertificatePreviewDialog *>(preview) != nullptr;
                preview->reject();
            });
            if (button)
                button->click();
            d->accept();
        });
    });
    c.reg->pay();
    CHECK(shownButton);
    CHECK(previewed);
    // Core decided and journaled it: the seller's own certificate, not a reprint.
    const QVariant reprint = value(c.tdb.db().scalar(
        QStringLiteral("SELECT payload FROM journal WHERE kind = 'giftcard_certificate'")));
    REQUIRE_FALSE(reprint.isNull());
    CHECK(reprint.toString().contains(QStringLiteral("\"reprint\":false")));
}
