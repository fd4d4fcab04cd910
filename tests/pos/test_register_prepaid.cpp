// SPDX-License-Identifier: GPL-3.0-or-later
// Prepaid services at the counter (DESIGN §15): a service voucher sold from the scan field or the
// Gift cards page with its certificate, a voucher redeemed by scanning it (an upgrade paying the
// rest, a refusal in one line), and a session package sold to the ticket's client.
#include "core/domain/giftcode.h"
#include "core/services/catalog.h"
#include "core/services/clients.h"
#include "core/services/demo.h"
#include "core/services/giftcard.h"
#include "core/services/package.h"
#include "core/services/sale.h"
#include "core/services/voucher.h"
#include "pos/app/appstyle.h"
#include "pos/app/backoffice.h"
#include "pos/app/dialogs.h"
#include "pos/app/mainwindow.h"
#include "pos/app/paydialog.h"
#include "pos/app/registerwidget.h"
#include "pos/app/ticketmodel.h"
#include "pos/screens/clientsscreen.h"
#include "pos/screens/giftcardcertificate.h"
#include "tests/pos/posfixture.h"
#include "tests/pos/registercounter.h"
#include "tests/printing/printingfixtures.h"

#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTabWidget>
#include <QTest>

using namespace oasis;
using namespace oasis::app;
using oasis::test::value;
using oasis::test::whenModalShows;
using postest::whenModal;

namespace {

struct PrepaidCounter : postest::RegisterCounter {
    /// A session rung up with the first therapist offered.
    void addSession(const QString &code) {
        const int before = model->rowCount();
        whenModal<ChoiceDialog>([](ChoiceDialog *d) { d->choose(0); });
        scan(code);
        REQUIRE(model->rowCount() == before + 1);
    }
    /// A voucher for `session` sold through core, as oasisctl sale voucher:DT60 does.
    QString soldVoucher(const QString &session) {
        Ticket t;
        t.addVoucher(*value(CatalogService(tdb.db()).findByCode(session)));
        const CompletedSale sale = value(SaleService(tdb.db()).complete(
            t, {value(Tender::parse(QStringLiteral("cash:500")))}, postest::frontDesk(tdb.db())));
        REQUIRE(sale.vouchers.size() == 1);
        return sale.vouchers.front().code;
    }
    /// A PKG-DT60-5 package sold through core to a new client, as oasisctl sale package:… does.
    QString soldPackage() {
        Database &db = tdb.db();
        REQUIRE(installDemoPackages(db));
        const PackageProduct p = value(PackageService(db).product(QStringLiteral("PKG-DT60-5")));
        ClientDetails d;
        d.name = QStringLiteral("Ana Ruiz");
        Ticket t;
        t.addPackage(p.code, *value(CatalogService(db).findByCode(p.serviceCode)), p.sessions,
                     p.price);
        t.clientId = value(ClientService(db).add(d, postest::frontDesk(db))).id;
        const CompletedSale sale = value(SaleService(db).complete(
            t, {value(Tender::parse(QStringLiteral("card:600")))}, postest::frontDesk(db)));
        REQUIRE(sale.packages.size() == 1);
        return sale.packages.front().code;
    }
    Money price(const QString &code) {
        return value(CatalogService(tdb.db()).findByCode(code))->price;
    }
};

/// Closes any modal dialog that opens while it lives and remembers that one did: for steps
/// that must open none (a refusal is one line on the register).
struct NoModal {
    bool opened = false;
    QTimer timer;
    NoModal() {
        timer.setInterval(20);
        QObject::connect(&timer, &QTimer::timeout, [this] {
            if (QWidget *w = QApplication::activeModalWidget()) {
                opened = true;
                w->close();
            }
        });
        timer.start();
    }
};

} // namespace

TEST_CASE("voucher:DT60 in the scan field sells a voucher whose certificate names the service and "
          "whose QR reads back its code",
          "[pos][prepaid]") {
    PrepaidCounter c;
    c.scan(QStringLiteral("voucher:DT60"));
    REQUIRE(c.model->rowCount() == 1);
    REQUIRE(c.line(0).kind == LineKind::Voucher);
    REQUIRE(c.line(0).code == QStringLiteral("DT60"));
    // At the session's price, untaxed: a liability like a gift card.
    REQUIRE(c.reg->totalText(QStringLiteral("total")) == c.price(QStringLiteral("DT60")).format());
    REQUIRE(c.reg->totalText(QStringLiteral("tax")) == QStringLiteral("$0.00"));

    QString code;
    QString service;
    QStringList qr;
    bool buttonShown = false;
    whenModal<PayDialog>([&](PayDialog *d) {
        QTimer::singleShot(0, d, [&, d] {
            CHECK(d->addCash(Money::fromCents(200'00)));
            CHECK(d->complete());
            REQUIRE(d->completedSale()->vouchers.size() == 1);
            code = d->completedSale()->vouchers.front().code;
            auto *button = d->findChild<QPushButton *>(QStringLiteral("giftCertificate"));
            buttonShown = button && button->isVisible();
            whenModal<screens::CertificatePreviewDialog>(
                [&](screens::CertificatePreviewDialog *preview) {
                    service = preview->certificate().service;
                    qr = printing::test::decodeQrCodes(preview->image());
                    if (const QString dir = qEnvironmentVariable("OASIS_SCREENSHOT_DIR");
                        !dir.isEmpty()) {
                        QDir().mkpath(dir);
                        preview->grab().save(
                            QDir(dir).filePath(QStringLiteral("voucher-certificate.png")));
                    }
                    preview->reject();
                });
            if (button)
                button->click();
            d->accept();
        });
    });
    c.reg->pay();
    REQUIRE(code.startsWith(QStringLiteral("SV1-")));
    CHECK(buttonShown);
    CHECK(service == QStringLiteral("One 60-minute deep tissue massage"));
    REQUIRE(qr == QStringList{code});
    // Sold through the same core call oasisctl uses: an active voucher, what was paid owed.
    const Voucher v = value(VoucherService(c.tdb.db()).lookup(code, {}));
    CHECK(v.status == Voucher::Status::Active);
    CHECK(v.paid == c.price(QStringLiteral("DT60")));
    CHECK(c.model->rowCount() == 0);
}

TEST_CASE("a voucher is sold from the Gift cards page by choosing the session, and only for a "
          "session",
          "[pos][prepaid]") {
    PrepaidCounter c;
    SECTION("Service voucher… offers the sessions") {
        QString offered;
        whenModal<ChoiceDialog>([&offered](ChoiceDialog *d) {
            for (int i = 0; i < d->rowCount(); ++i)
                if (d->text(i).startsWith(QStringLiteral("Deep Tissue Massage 90"))) {
                    offered = d->text(i);
                    d->choose(i);
                    return;
                }
            d->reject();
        });
        c.reg->askVoucher();
        REQUIRE(c.model->rowCount() == 1);
        CHECK(c.line(0).kind == LineKind::Voucher);
        CHECK(c.line(0).code == QStringLiteral("DT90"));
        CHECK(offered.contains(c.price(QStringLiteral("DT90")).format()));
    }
    SECTION("voucher: with a product's code adds nothing and says why in one line") {
        c.scan(QStringLiteral("voucher:0850071001020"));
        CHECK(c.model->rowCount() == 0);
        CHECK(c.reg->statusMessage().contains(QStringLiteral("a voucher is worth one session")));
    }
}

TEST_CASE("a voucher scanned with its session on the ticket pays that session", "[pos][prepaid]") {
    PrepaidCounter c;
    const QString code = c.soldVoucher(QStringLiteral("DT60"));
    c.addSession(QStringLiteral("DT60"));
    Money left = Money::fromCents(-1);
    QString tenderText;
    whenModal<PayDialog>([&](PayDialog *d) {
        QTimer::singleShot(0, d, [&, d] {
            REQUIRE(d->tenders().size() == 1);
            CHECK(d->tenders()[0].type == TenderType::Voucher);
            left = d->remaining();
            tenderText = d->findChild<QListWidget *>(QStringLiteral("tenderList"))->item(0)->text();
            CHECK(d->complete());
            d->accept();
        });
    });
    c.scan(code);
    CHECK(left.isZero());
    CHECK(tenderText.contains(c.price(QStringLiteral("DT60")).format()));
    const SaleRecord sale = value(SaleService(c.tdb.db()).load(2));
    REQUIRE(sale.tenders.size() == 1);
    CHECK(sale.tenders[0].type == TenderType::Voucher);
    CHECK(sale.tenders[0].amount == c.price(QStringLiteral("DT60")));
    const Voucher v = value(VoucherService(c.tdb.db()).lookup(code, {}));
    CHECK(v.status == Voucher::Status::Redeemed);
    CHECK(v.redeemedReceiptNo == 2);

    SECTION("scanned again it is refused in one line naming the receipt, and no dialog opens") {
        c.addSession(QStringLiteral("DT60"));
        NoModal none;
        c.scan(code);
        QTest::qWait(50);
        CHECK_FALSE(none.opened);
        CHECK(c.reg->statusMessage() ==
              QStringLiteral("The voucher ending %1 was already redeemed (receipt R-000002).")
                  .arg(v.last4));
        CHECK(c.model->rowCount() == 1); // the ticket stays
    }
    SECTION("scanned on an empty ticket it says what it is worth") {
        c.scan(code);
        CHECK(
            c.reg->statusMessage().contains(QStringLiteral("already redeemed (receipt R-000002)")));
    }
}

TEST_CASE("a voucher pays a longer session as an upgrade and the rest is paid with cash",
          "[pos][prepaid]") {
    PrepaidCounter c;
    const QString code = c.soldVoucher(QStringLiteral("DT60"));
    c.addSession(QStringLiteral("DT90"));
    const Money dt60 = c.price(QStringLiteral("DT60"));
    const Money dt90 = c.price(QStringLiteral("DT90"));
    REQUIRE(dt90 > dt60);
    Money left;
    whenModal<PayDialog>([&](PayDialog *d) {
        QTimer::singleShot(0, d, [&, d] {
            left = d->remaining();
            CHECK(d->addCash(left));
            CHECK(d->complete());
            d->accept();
        });
    });
    c.scan(code);
    CHECK(left == dt90 - dt60);
    const SaleRecord sale = value(SaleService(c.tdb.db()).load(2));
    REQUIRE(sale.tenders.size() == 2);
    CHECK(sale.tenders[0].type == TenderType::Voucher);
    CHECK(sale.tenders[0].amount == dt60);
    CHECK(sale.tenders[1].amount == dt90 - dt60);
}

TEST_CASE("a voucher that cannot pay this ticket says why in one line", "[pos][prepaid]") {
    PrepaidCounter c;
    SECTION("another, shorter service") {
        const QString code = c.soldVoucher(QStringLiteral("DT90"));
        c.addSession(QStringLiteral("DT30"));
        NoModal none;
        c.scan(code);
        QTest::qWait(50);
        CHECK_FALSE(none.opened);
        CHECK(c.reg->statusMessage().contains(QStringLiteral("ring up that session")));
    }
    SECTION("a voucher this store never sold") {
        c.addSession(QStringLiteral("DT60"));
        NoModal none;
        // A well-formed code (its check character matches) that no voucher has.
        c.scan(giftcode::generateVoucher());
        QTest::qWait(50);
        CHECK_FALSE(none.opened);
        CHECK(c.reg->statusMessage() ==
              QStringLiteral("This voucher is not known here: it was not sold by this store."));
    }
    CHECK(value(SaleService(c.tdb.db()).recent(10)).size() <= 1); // nothing was charged
}

TEST_CASE("a session package is sold only to the ticket's client, with its certificate",
          "[pos][prepaid]") {
    PrepaidCounter c;
    REQUIRE(installDemoPackages(c.tdb.db())); // PKG-DT60-5, as oasisctl init --demo defines it
    const PackageProduct product =
        value(PackageService(c.tdb.db()).product(QStringLiteral("PKG-DT60-5")));
    SECTION("without a client, one line and nothing added") {
        c.scan(QStringLiteral("package:PKG-DT60-5"));
        CHECK(c.model->rowCount() == 0);
        CHECK(c.reg->statusMessage() ==
              QStringLiteral("A package is sold to a client: choose the client first (Ctrl+K)."));
        c.reg->askPackage();
        CHECK(c.model->rowCount() == 0);
    }
    SECTION("with a client it is sold and its certificate reads back its code") {
        ClientDetails d;
        d.name = QStringLiteral("Ana Ruiz");
        const Client ana = value(ClientService(c.tdb.db()).add(d, postest::frontDesk(c.tdb.db())));
        c.reg->setClient(ana.id);
        whenModal<ChoiceDialog>([](ChoiceDialog *dialog) {
            for (int i = 0; i < dialog->rowCount(); ++i)
                if (dialog->text(i).startsWith(QStringLiteral("5 sessions of 60-minute deep"))) {
                    dialog->choose(i);
                    return;
                }
            dialog->reject();
        });
        c.reg->askPackage();
        REQUIRE(c.model->rowCount() == 1);
        CHECK(c.line(0).kind == LineKind::Package);
        CHECK(c.reg->totalText(QStringLiteral("total")) == product.price.format());
        QString code;
        QStringList qr;
        QString service;
        whenModal<PayDialog>([&](PayDialog *dialog) {
            QTimer::singleShot(0, dialog, [&, dialog] {
                CHECK(dialog->addCard(product.price, QStringLiteral("4242"), {}));
                CHECK(dialog->complete());
                REQUIRE(dialog->completedSale()->packages.size() == 1);
                code = dialog->completedSale()->packages.front().code;
                whenModal<screens::CertificatePreviewDialog>(
                    [&](screens::CertificatePreviewDialog *preview) {
                        service = preview->certificate().service;
                        qr = printing::test::decodeQrCodes(preview->image());
                        preview->reject();
                    });
                CHECK(dialog->openCertificates());
                dialog->accept();
            });
        });
        c.reg->pay();
        REQUIRE(code.startsWith(QStringLiteral("SP1-")));
        CHECK(qr == QStringList{code});
        CHECK(service == product.description());
        const SessionPackage k = value(PackageService(c.tdb.db()).lookup(code, {}));
        CHECK(k.clientId == ana.id);
        CHECK(k.sessionsLeft == 5);
    }
}

TEST_CASE("a gift card with a bonus is paid at the register once a manager approves the bonus",
          "[pos][prepaid][promo]") {
    PrepaidCounter c;
    c.reg->addGiftCard(Money::fromCents(100'00), {}, {}, {}, Money::fromCents(20'00),
                       QDate(2027, 6, 30));
    REQUIRE(c.model->rowCount() == 1);
    CHECK(c.line(0).promoBonus == Money::fromCents(20'00));
    // The customer pays the $100.00 only: the bonus is given, not sold.
    CHECK(c.reg->totalText(QStringLiteral("total")) == QStringLiteral("$100.00"));
    QString asked;
    QString code;
    whenModal<ApprovalDialog>([&](ApprovalDialog *d) {
        asked = d->windowTitle();
        whenModal<PayDialog>([&code](PayDialog *pay) {
            CHECK(pay->addCash(pay->due()));
            CHECK(pay->complete());
            if (!pay->completedSale()->giftCards.empty())
                code = pay->completedSale()->giftCards.front().code;
            pay->accept();
        });
        CHECK(d->submit(QStringLiteral("manager"), QStringLiteral("9999")));
    });
    c.reg->pay();
    REQUIRE(code.startsWith(QStringLiteral("GC1-")));
    const GiftCard card = value(GiftCardService(c.tdb.db()).lookup(code, {}));
    CHECK(card.balance == Money::fromCents(100'00));
    CHECK(card.promo == Money::fromCents(20'00));
    CHECK(card.promoExpires == QDate(2027, 6, 30));
    CHECK(value(SaleService(c.tdb.db()).load(1)).approver == QStringLiteral("Jordan (manager)"));
}

TEST_CASE("screenshots of the register's prepaid services", "[pos][prepaid][screenshots]") {
    const QString dir = qEnvironmentVariable("OASIS_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    applyAppStyle(*qApp);
    PrepaidCounter c;
    auto *tabs = c.reg->findChild<QTabWidget *>();
    REQUIRE(tabs != nullptr);
    for (int i = 0; i < tabs->count(); ++i)
        if (tabs->tabText(i) == QStringLiteral("Gift cards"))
            tabs->setCurrentIndex(i);
    c.scan(QStringLiteral("voucher:DT60"));
    QTest::qWait(0);
    CHECK(c.window.grab().save(QDir(dir).filePath(QStringLiteral("register-voucher-line.png"))));
    whenModal<ChoiceDialog>([&dir](ChoiceDialog *d) {
        CHECK(d->grab().save(QDir(dir).filePath(QStringLiteral("register-voucher-choice.png"))));
        d->reject();
    });
    c.reg->askVoucher();
    c.model->clear();
}

TEST_CASE("a package scanned with its session on the ticket pays it at the per-session price",
          "[pos][prepaid][package]") {
    PrepaidCounter c;
    const QString code = c.soldPackage();
    const Money perSession = Money::fromCents(120'00); // $600 for 5
    REQUIRE(c.price(QStringLiteral("DT60")) != perSession);
    c.addSession(QStringLiteral("DT60"));
    const std::optional<qint64> therapist = c.line(0).therapistId;
    Money due;
    Money left = Money::fromCents(-1);
    QString tenderText;
    QString message;
    whenModal<PayDialog>([&](PayDialog *d) {
        QTimer::singleShot(0, d, [&, d] {
            REQUIRE(d->tenders().size() == 1);
            CHECK(d->tenders()[0].type == TenderType::Package);
            due = d->due();
            left = d->remaining();
            tenderText = d->findChild<QListWidget *>(QStringLiteral("tenderList"))->item(0)->text();
            message = d->message();
            CHECK(d->complete());
            d->accept();
        });
    });
    c.scan(code);
    // The amount due shown is the line at the package's price: what the sale took.
    CHECK(due == perSession);
    CHECK(left.isZero());
    CHECK(tenderText.contains(perSession.format()));
    CHECK(message.contains(QStringLiteral("4 sessions left")));
    const SaleRecord sale = value(SaleService(c.tdb.db()).load(2));
    CHECK(sale.total == due);
    REQUIRE(sale.lines.size() == 1);
    CHECK(sale.lines[0].unitPrice == perSession);
    CHECK(sale.lines[0].therapist == value(StaffService(c.tdb.db()).byId(*therapist)).displayName);
    REQUIRE(sale.tenders.size() == 1);
    CHECK(sale.tenders[0].type == TenderType::Package);
    CHECK(sale.tenders[0].amount == perSession);
    CHECK(sale.tenders[0].packageSessionsLeft == 4);
    CHECK(value(PackageService(c.tdb.db()).lookup(code, {})).sessionsLeft == 4);
    CHECK(c.model->rowCount() == 0); // a new ticket

    SECTION("scanned on an empty ticket it says the sessions left") {
        c.scan(code);
        CHECK(c.reg->statusMessage().contains(QStringLiteral("sessions left: 4")));
    }
}

TEST_CASE("in the Pay dialog a package session reprices its line, and removing it prices it back",
          "[pos][prepaid][package]") {
    PrepaidCounter c;
    const QString code = c.soldPackage();
    const Money dt60 = c.price(QStringLiteral("DT60"));
    c.addSession(QStringLiteral("DT60"));
    c.scan(QStringLiteral("OIL-LAV-120"));
    REQUIRE(c.model->rowCount() == 2);
    const Money rungUp = c.model->totals().total;
    PayDialog d(c.tdb.db(), c.model->ticket(), c.model->totals(), postest::frontDesk(c.tdb.db()),
                std::nullopt, QStringLiteral("test-register"));
    d.show();
    REQUIRE(d.addPackage(code));
    CHECK(d.due() == rungUp - dt60 + Money::fromCents(120'00));
    CHECK(d.remaining() == d.due() - Money::fromCents(120'00));
    // The same package again: no second DT60 line to pay, refused and nothing changes.
    CHECK_FALSE(d.addPackage(code));
    CHECK(d.message().contains(QStringLiteral("ring up that session")));
    CHECK(d.tenders().size() == 1);
    d.removeTender(0);
    CHECK(d.tenders().empty());
    CHECK(d.due() == rungUp);
    REQUIRE(d.addPackage(code));
    CHECK(d.addCash(d.remaining()));
    REQUIRE(d.complete());
    CHECK(d.completedSale()->totals.total == d.due());
    CHECK(value(PackageService(c.tdb.db()).lookup(code, {})).sessionsLeft == 4);
}

TEST_CASE("a package that cannot pay this ticket says why in one line and opens no dialog",
          "[pos][prepaid][package]") {
    PrepaidCounter c;
    const QString code = c.soldPackage();
    SECTION("another service on the ticket") {
        c.addSession(QStringLiteral("DT90"));
        NoModal none;
        c.scan(code);
        QTest::qWait(50);
        CHECK_FALSE(none.opened);
        CHECK(c.reg->statusMessage().contains(QStringLiteral("ring up that session")));
        CHECK(c.model->rowCount() == 1);
    }
    SECTION("no session left") {
        const StaffMember lena = oasis::test::staffNamed(c.tdb.db(), QStringLiteral("lena"));
        for (int i = 0; i < 5; ++i) {
            Ticket t;
            t.addItem(*value(CatalogService(c.tdb.db()).findByCode(QStringLiteral("DT60"))), 1,
                      lena.id, lena.displayName);
            value(SaleService(c.tdb.db())
                      .complete(t,
                                {value(Tender::parse(QString(QStringLiteral("package:") + code)))},
                                postest::frontDesk(c.tdb.db())));
        }
        c.addSession(QStringLiteral("DT60"));
        NoModal none;
        c.scan(code);
        QTest::qWait(50);
        CHECK_FALSE(none.opened);
        CHECK(c.reg->statusMessage() == QStringLiteral("The package ending %1 has no session left.")
                                            .arg(giftcode::last4(code)));
    }
    SECTION("a package this store never sold") {
        c.addSession(QStringLiteral("DT60"));
        NoModal none;
        c.scan(giftcode::generatePackage());
        QTest::qWait(50);
        CHECK_FALSE(none.opened);
        CHECK(c.reg->statusMessage().contains(QStringLiteral("not known")));
    }
    CHECK(value(SaleService(c.tdb.db()).recent(10)).size() <= 6);
}

TEST_CASE("Use a package session on the client's page rings up the session and pays it with the "
          "package",
          "[pos][prepaid][package][clients]") {
    PrepaidCounter c;
    installBackOffice(c.window, c.tdb.db(), QStringLiteral("test-register"));
    const QString code = c.soldPackage();
    const SessionPackage k = value(PackageService(c.tdb.db()).lookup(code, {}));
    const Money perSession = Money::fromCents(120'00);
    bool shown = false;
    Money due;
    QString tenderText;
    QString therapist;
    whenModal<QDialog>([&](QDialog *dialog) {
        auto *page = dialog->findChild<screens::ClientsScreen *>();
        REQUIRE(page != nullptr);
        page->showClient(k.clientId);
        auto *use = page->findChild<QPushButton *>(QStringLiteral("useSession"));
        REQUIRE(use != nullptr);
        shown = !use->isHidden();
        // Only a package the page lists is taken to the register.
        CHECK_FALSE(page->useSession(k.id + 1000));
        CHECK(page->message().contains(QStringLiteral("is not one of Ana Ruiz's")));
        if (const QString dir = qEnvironmentVariable("OASIS_SCREENSHOT_DIR"); !dir.isEmpty())
            CHECK(
                dialog->grab().save(QDir(dir).filePath(QStringLiteral("client-page-package.png"))));
        // The register takes over once the page closes: the therapist, then Pay.
        whenModalShows<ChoiceDialog>([&](ChoiceDialog *d) {
            therapist = d->text(0);
            whenModalShows<PayDialog>([&](PayDialog *pay) {
                due = pay->due();
                if (const QString dir = qEnvironmentVariable("OASIS_SCREENSHOT_DIR");
                    !dir.isEmpty())
                    CHECK(pay->grab().save(
                        QDir(dir).filePath(QStringLiteral("pay-package-from-client.png"))));
                tenderText =
                    pay->findChild<QListWidget *>(QStringLiteral("tenderList"))->item(0)->text();
                CHECK(pay->complete());
                pay->accept();
            });
            d->choose(0);
        });
        use->click();
    });
    c.reg->findChild<QPushButton *>(QStringLiteral("clientPageButton"))->click();
    REQUIRE(shown);
    CHECK(due == perSession);
    // The register shows the package by its last 4, never anything of the code's body.
    CHECK(tenderText.contains(QStringLiteral("••") + giftcode::last4(code)));
    const SaleRecord sale = value(SaleService(c.tdb.db()).load(2));
    REQUIRE(sale.lines.size() == 1);
    CHECK(sale.lines[0].unitPrice == perSession);
    CHECK(sale.lines[0].therapist == therapist);
    CHECK(value(c.tdb.db().scalar(QStringLiteral(
                    "SELECT sc.client_id FROM sale_clients sc JOIN sales s ON s.id = sc.sale_id "
                    "WHERE s.receipt_no = 2")))
              .toLongLong() == k.clientId);
    REQUIRE(sale.tenders.size() == 1);
    CHECK(sale.tenders[0].type == TenderType::Package);
    CHECK(sale.tenders[0].packageSessionsLeft == 4);
    CHECK(value(PackageService(c.tdb.db()).byId(k.id)).sessionsLeft == 4);

    SECTION("on a ticket for someone else it is refused in one line and nothing changes") {
        ClientDetails other;
        other.name = QStringLiteral("Bo Lind");
        const qint64 bo =
            value(ClientService(c.tdb.db()).add(other, postest::frontDesk(c.tdb.db()))).id;
        c.reg->setClient(bo);
        NoModal none;
        c.reg->usePackageSession(k.clientId, k.id);
        CHECK_FALSE(none.opened);
        CHECK(c.reg->statusMessage().contains(QStringLiteral("This ticket is for Bo Lind")));
        CHECK(c.model->rowCount() == 0);
        CHECK(value(PackageService(c.tdb.db()).byId(k.id)).sessionsLeft == 4);
    }
}
