// SPDX-License-Identifier: GPL-3.0-or-later
// Refund and void from the Receipts screen: the dialog is driven as the cashier would, and the
// result is read back through the services.
#include "core/services/catalog.h"
#include "core/services/clients.h"
#include "core/services/demo.h"
#include "core/services/package.h"
#include "core/services/refund.h"
#include "core/services/sale.h"
#include "pos/app/appstyle.h"
#include "pos/app/dialogs.h"
#include "pos/app/mainwindow.h"
#include "pos/app/receiptsscreen.h"
#include "pos/app/receiptview.h"
#include "pos/app/refunddialog.h"
#include "printing/receipt.h"
#include "tests/pos/posfixture.h"
#include "tests/pos/registercounter.h"

#include <QCheckBox>
#include <QDir>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>

using namespace oasis;
using namespace oasis::app;
using oasis::test::value;
using postest::whenModal;

namespace {

const QString kLavender = QStringLiteral("OIL-LAV-120"); // $24.00, 10.55 % retail tax

struct Counter : postest::RegisterCounter {
    ReceiptsScreen *receipts = window.receipts();
    StaffMember frontdesk = postest::frontDesk(tdb.db());
    StaffMember manager = value(StaffService(tdb.db()).find(QStringLiteral("manager")));
    StaffMember lena = value(StaffService(tdb.db()).find(QStringLiteral("lena")));

    /// Two lavender oils and a 60-minute deep tissue with Lena, paid cash.
    CompletedSale ringUp() {
        CatalogService catalog(tdb.db());
        Ticket t;
        t.addItem(*value(catalog.findByCode(kLavender)), 2);
        t.addItem(*value(catalog.findByCode(QStringLiteral("DT60"))), 1, lena.id, lena.displayName);
        auto sale = value(SaleService(tdb.db()).complete(
            t, {value(Tender::parse(QStringLiteral("cash:500")))}, frontdesk));
        window.showScreen(QStringLiteral("receipts"));
        receipts->reload();
        REQUIRE(receipts->showReceipt(sale.receiptNo));
        return sale;
    }

    qint64 onHand(const QString &code) {
        return value(tdb->scalar(QStringLiteral("SELECT on_hand FROM stock_levels s JOIN items i "
                                                "ON i.id = s.item_id WHERE i.code = ?"),
                                 {code}))
            .toLongLong();
    }
    int sales() { return int(value(SaleService(tdb.db()).recent(100)).size()); }
    int remaining(qint64 receiptNo, const QString &code) {
        for (const RefundableLine &l : value(RefundService(tdb.db()).refundable(receiptNo)))
            if (l.code == code)
                return l.remaining;
        return -1;
    }
};

} // namespace

TEST_CASE("one oil of two is refunded with a manager's approval, restocked, at the exact cents",
          "[pos][refund]") {
    Counter c;
    const CompletedSale sale = c.ringUp();
    const qint64 before = c.onHand(kLavender);
    REQUIRE(c.receipts->refundButton()->isEnabled());
    REQUIRE(c.receipts->refundButton()->height() >= 48);
    REQUIRE(c.receipts->voidButton()->height() >= 48);
    REQUIRE(c.receipts->voidButton()->isEnabled());

    Money preview;
    int rows = 0;
    whenModal<RefundDialog>([&](RefundDialog *d) {
        rows = d->rowCount();
        const int oil = d->rowOf(kLavender);
        CHECK(oil >= 0);
        CHECK(d->quantityBox(oil)->maximum() == 2);
        CHECK(d->restock()); // on by default
        d->selectAll();
        CHECK(d->quantity(oil) == 2);
        d->selectNone();
        CHECK(d->quantity(oil) == 0);
        d->setQuantity(oil, 1);
        d->setRestock(true);
        preview = d->previewTotal();
        // Front desk may not refund: the manager approves this one refund.
        whenModal<ApprovalDialog>([](ApprovalDialog *a) {
            CHECK(a->submit(QStringLiteral("manager"), QStringLiteral("9999")));
        });
        CHECK(d->submit());
        if (d->isVisible()) // a failed submit leaves it open: never hang
            d->reject();
    });
    c.receipts->refund();

    REQUIRE(rows == 2);
    // One oil: $24.00 + $2.53 tax (half of the $5.06 charged on two).
    REQUIRE(preview == Money::fromCents(26'53));
    REQUIRE(c.remaining(sale.receiptNo, kLavender) == 1);
    REQUIRE(c.onHand(kLavender) == before + 1);

    const qint64 refundNo = c.receipts->shownReceipt();
    REQUIRE(refundNo == sale.receiptNo + 1);
    const SaleRecord refund = value(SaleService(c.tdb.db()).load(refundNo));
    REQUIRE(refund.kind == QStringLiteral("refund"));
    REQUIRE(refund.originalReceiptNo == sale.receiptNo);
    REQUIRE(refund.total == Money::fromCents(-26'53));
    REQUIRE(refund.tax == Money::fromCents(-2'53));
    REQUIRE(refund.approver == QStringLiteral("Jordan (manager)"));
    REQUIRE(c.receipts->view()->document()->title == QStringLiteral("REFUND"));
    REQUIRE_FALSE(c.receipts->view()->document()->reprint);
    REQUIRE(c.receipts->refundSummary().contains(QStringLiteral("Give back $26.53 in cash")));
    // A refund receipt is not itself refundable or voidable.
    REQUIRE_FALSE(c.receipts->refundButton()->isEnabled());
    REQUIRE_FALSE(c.receipts->voidButton()->isEnabled());
    // The sale, partly refunded, can no longer be voided; what is left can still be refunded.
    REQUIRE(c.receipts->showReceipt(sale.receiptNo));
    REQUIRE(c.receipts->refundButton()->isEnabled());
    REQUIRE_FALSE(c.receipts->voidButton()->isEnabled());
}

TEST_CASE("a package's unused sessions are refunded pro rata from its receipt in the app",
          "[pos][refund][package]") {
    Counter c;
    Database &db = c.tdb.db();
    REQUIRE(installDemoPackages(db));
    const PackageProduct p = value(PackageService(db).product(QStringLiteral("PKG-DT60-5")));
    ClientDetails ana;
    ana.name = QStringLiteral("Ana Ruiz");
    Ticket t;
    t.addPackage(p.code, *value(CatalogService(db).findByCode(p.serviceCode)), p.sessions, p.price);
    t.clientId = value(ClientService(db).add(ana, c.frontdesk)).id;
    const CompletedSale sold = value(SaleService(db).complete(
        t, {value(Tender::parse(QStringLiteral("card:600")))}, c.frontdesk));
    const QString code = sold.packages.at(0).code;
    // One session used: 4 of 5 left, $480 still owed.
    Ticket session;
    session.addItem(*value(CatalogService(db).findByCode(QStringLiteral("DT60"))), 1, c.lena.id,
                    c.lena.displayName);
    value(SaleService(db).complete(
        session, {value(Tender::parse(QString(QStringLiteral("package:") + code)))}, c.frontdesk));
    c.window.showScreen(QStringLiteral("receipts"));
    c.receipts->reload();
    REQUIRE(c.receipts->showReceipt(sold.receiptNo));

    Money preview;
    whenModal<RefundDialog>([&](RefundDialog *d) {
        const int row = d->rowOf(p.code);
        CHECK(row >= 0);
        d->setQuantity(row, 1);
        preview = d->previewTotal();
        whenModal<ApprovalDialog>([](ApprovalDialog *a) {
            CHECK(a->submit(QStringLiteral("manager"), QStringLiteral("9999")));
        });
        CHECK(d->submit());
        if (d->isVisible())
            d->reject();
    });
    c.receipts->refund();
    REQUIRE(preview == Money::fromCents(480'00));
    const SaleRecord refund = value(SaleService(db).load(c.receipts->shownReceipt()));
    REQUIRE(refund.kind == QStringLiteral("refund"));
    REQUIRE(refund.total == Money::fromCents(-480'00));
    const SessionPackage k = value(PackageService(db).lookup(code, {}));
    REQUIRE(k.sessionsLeft == 0);
    REQUIRE(k.refunded);
}

TEST_CASE("front desk without approval is refused in the dialog and nothing changes",
          "[pos][refund]") {
    Counter c;
    const CompletedSale sale = c.ringUp();
    const qint64 before = c.onHand(kLavender);
    const int salesBefore = c.sales();

    QString shown;
    bool stillOpen = false;
    whenModal<RefundDialog>([&](RefundDialog *d) {
        d->setQuantity(d->rowOf(kLavender), 1);
        whenModal<ApprovalDialog>([](ApprovalDialog *a) { a->reject(); });
        CHECK_FALSE(d->submit());
        shown = d->message();
        stillOpen = d->isVisible();
        CHECK_FALSE(d->completed().has_value());
        d->reject();
    });
    c.receipts->refund();

    REQUIRE(stillOpen);
    REQUIRE(shown.contains(QStringLiteral("manager")));
    REQUIRE(c.remaining(sale.receiptNo, kLavender) == 2);
    REQUIRE(c.onHand(kLavender) == before);
    REQUIRE(c.sales() == salesBefore);
    REQUIRE(c.receipts->shownReceipt() == sale.receiptNo);
    REQUIRE(c.receipts->refundSummary().isEmpty());
}

TEST_CASE("nothing chosen refunds nothing, a session refunds as 0 or 1", "[pos][refund]") {
    Counter c;
    const CompletedSale sale = c.ringUp();
    whenModal<RefundDialog>([&](RefundDialog *d) {
        d->setApprover(c.manager);
        const int session = d->rowOf(QStringLiteral("DT60"));
        CHECK(d->quantityBox(session)->maximum() == 1);
        CHECK(d->previewTotal().isZero());
        CHECK_FALSE(d->submit()); // an empty choice never means "everything"
        CHECK_FALSE(d->message().isEmpty());
        d->reject();
    });
    c.receipts->refund();
    REQUIRE(c.remaining(sale.receiptNo, QStringLiteral("DT60")) == 1);
    REQUIRE(c.remaining(sale.receiptNo, kLavender) == 2);
}

TEST_CASE("a void of today's sale, confirmed and approved, reverses it", "[pos][refund][void]") {
    Counter c;
    const CompletedSale sale = c.ringUp();
    const qint64 before = c.onHand(kLavender);
    REQUIRE(c.receipts->voidButton()->isEnabled());

    QString question;
    whenModal<QMessageBox>([&](QMessageBox *box) {
        question = box->text();
        whenModal<ApprovalDialog>([](ApprovalDialog *a) {
            CHECK(a->submit(QStringLiteral("manager"), QStringLiteral("9999")));
        });
        for (QAbstractButton *b : box->buttons())
            if (box->buttonRole(b) == QMessageBox::AcceptRole)
                b->click();
    });
    c.receipts->voidSale();

    REQUIRE(question == QStringLiteral("Void R-000001? Everything is reversed."));
    const SaleRecord voided = value(SaleService(c.tdb.db()).load(c.receipts->shownReceipt()));
    REQUIRE(voided.kind == QStringLiteral("void"));
    REQUIRE(voided.total == -sale.totals.total);
    REQUIRE(c.onHand(kLavender) == before + 2);
    REQUIRE(c.remaining(sale.receiptNo, kLavender) == 0);
    REQUIRE(c.remaining(sale.receiptNo, QStringLiteral("DT60")) == 0);
    REQUIRE(c.receipts->view()->document()->title == QStringLiteral("VOID"));
    REQUIRE(c.receipts->refundSummary().contains(
        QStringLiteral("Give back %1 in cash").arg(sale.totals.total.format())));
}

TEST_CASE("a void that is not confirmed changes nothing", "[pos][refund][void]") {
    Counter c;
    const CompletedSale sale = c.ringUp();
    const int salesBefore = c.sales();
    whenModal<QMessageBox>([](QMessageBox *box) { box->reject(); });
    c.receipts->voidSale();
    REQUIRE(c.sales() == salesBefore);
    REQUIRE(c.receipts->shownReceipt() == sale.receiptNo);
}

// Not a test: renders the refund dialog for a person to look at.
// OASIS_SCREENSHOT_DIR=/tmp/shots ./oasis_pos_tests "[refundshot]"
TEST_CASE("screenshot of the refund dialog", "[.][refundshot]") {
    const QString dir = qEnvironmentVariable("OASIS_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    applyAppStyle(*qApp);
    Counter c;
    const CompletedSale sale = c.ringUp();
    {
        // A fuller ticket: a gift card sold (not refundable) and a tip.
        CatalogService catalog(c.tdb.db());
        Ticket t;
        t.addItem(*value(catalog.findByCode(kLavender)), 3);
        t.addItem(*value(catalog.findByCode(QStringLiteral("DT60"))), 1, c.lena.id,
                  c.lena.displayName);
        t.addGiftCard(Money::fromCents(50'00));
        t.addTip(Money::fromCents(15'00), c.lena.id, c.lena.displayName);
        auto mixed = value(
            SaleService(c.tdb.db())
                .complete(t, {value(Tender::parse(QStringLiteral("cash:500")))}, c.frontdesk));
        RefundDialog d(c.tdb.db(), mixed.receiptNo, c.frontdesk, {}, &c.window);
        d.setQuantity(d.rowOf(kLavender), 2);
        d.setQuantity(d.rowOf(QStringLiteral("DT60")), 1);
        d.show();
        QTest::qWait(0);
        CHECK(d.grab().save(QDir(dir).filePath(QStringLiteral("refund-dialog-mixed.png"))));
    }
    {
        RefundDialog d(c.tdb.db(), sale.receiptNo, c.frontdesk, {}, &c.window);
        d.setQuantity(d.rowOf(kLavender), 1);
        d.show();
        QTest::qWait(0);
        CHECK(d.grab().save(QDir(dir).filePath(QStringLiteral("refund-dialog.png"))));
    }
    whenModal<RefundDialog>([&](RefundDialog *d) {
        d->setApprover(c.manager);
        d->setQuantity(d->rowOf(kLavender), 1);
        CHECK(d->submit());
    });
    c.receipts->refund();
    QTest::qWait(0);
    CHECK(c.window.grab().save(QDir(dir).filePath(QStringLiteral("refund-done.png"))));
    qApp->setStyleSheet({});
}
