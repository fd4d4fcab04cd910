// SPDX-License-Identifier: GPL-3.0-or-later
#include "pos/screens/giftcardcertificate.h"
#include "pos/screens/giftcardmodels.h"
#include "pos/screens/giftcardscreen.h"
#include "tests/printing/printingfixtures.h"
#include "tests/screens/screensfixture.h"

#include "core/domain/clock.h"
#include "core/domain/giftcode.h"
#include "core/services/report.h"
#include "core/services/sale.h"
#include "core/services/shift.h"
#include "core/services/storesettings.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QDateEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTimeZone>

#include <functional>

using namespace oasis;
using namespace oasis::screens;
using namespace oasis::screens::test;
using oasis::test::TempDb;
using oasis::test::value;
using namespace Qt::StringLiterals;

namespace {

/// A card sold at the counter, as the register would sell it.
IssuedCard sellCard(Database &db, Money amount, const QString &to = {}, const QString &from = {},
                    const QString &message = {}) {
    Ticket ticket;
    ticket.addGiftCard(amount, to, from, message);
    Tender cash;
    cash.type = TenderType::Cash;
    cash.amount = amount;
    auto sale =
        value(SaleService(db).complete(ticket, {cash}, staff(db, QStringLiteral("frontdesk")),
                                       std::nullopt, QStringLiteral("test-register")));
    REQUIRE(sale.giftCards.size() == 1);
    return sale.giftCards.front();
}

void scan(GiftCardScreen &screen, const QString &text) {
    screen.codeField()->clear();
    QTest::keyClicks(screen.codeField(), text);
    QTest::keyClick(screen.codeField(), Qt::Key_Return);
}

/// The code with one character changed, so its check character no longer matches.
QString withTypo(const QString &code) {
    QString typo = code;
    const int i = 5; // inside the first group after "GC1-"
    typo[i] = typo[i] == u'7' ? u'8' : u'7';
    return typo;
}

/// Opens a dialog through the screen's button named `button`, lets `fill` fill it in, and clicks
/// its OK; a dialog that stays open (it refused the input) fails the test.
void fillAndAccept(GiftCardScreen &screen, const QString &button,
                   const std::function<void(QDialog *)> &fill) {
    whenModal<QDialog>([&fill](QDialog *d) {
        fill(d);
        d->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        if (d->isVisible()) {
            FAIL_CHECK("the dialog refused the input");
            d->reject();
        }
    });
    screen.findChild<QPushButton *>(button)->click();
}

} // namespace

TEST_CASE("a scanned code shows the card's balance, details and history", "[screens][giftcard]") {
    TempDb tdb(true);
    const IssuedCard card = sellCard(tdb.db(), Money::fromCents(150'00), QStringLiteral("Ana"),
                                     QStringLiteral("Ben"), QStringLiteral("Happy birthday"));
    Context c(tdb.db(), QStringLiteral("frontdesk"));
    GiftCardScreen screen(c.ctx);
    QAbstractItemModelTester tester(screen.historyModel(),
                                    QAbstractItemModelTester::FailureReportingMode::Warning);

    SECTION("scanned as printed") {
        scan(screen, card.code);
    }
    SECTION("typed in lower case without dashes") {
        scan(screen, card.code.toLower().remove(u'-'));
    }
    REQUIRE(screen.currentCard().has_value());
    CHECK(screen.balanceLabel()->text() == QStringLiteral("$150.00"));
    CHECK(screen.findChild<QLabel *>(QStringLiteral("giftCardStatus"))
              ->text()
              .startsWith(u"Active · sold "_s));
    CHECK(screen.findChild<QLabel *>(QStringLiteral("giftCardLast4"))
              ->text()
              .endsWith(giftcode::last4(card.code)));
    CHECK(screen.findChild<QLabel *>(QStringLiteral("giftCardToFrom"))->text().contains(u"Ana"));
    CHECK(screen.findChild<QLabel *>(QStringLiteral("giftCardNote"))
              ->text()
              .contains(u"Happy birthday"));
    // The code does not stay in the field: ready for the next scan.
    CHECK(screen.codeField()->text().isEmpty());

    GiftCardHistoryModel *history = screen.historyModel();
    REQUIRE(history->rowCount() == 1);
    CHECK(history->index(0, GiftCardHistoryModel::Kind).data(GiftCardHistoryModel::KindRole) ==
          QStringLiteral("activate"));
    CHECK(history->index(0, GiftCardHistoryModel::BalanceAfter).data().toString() ==
          QStringLiteral("$150.00"));
    CHECK(history->index(0, GiftCardHistoryModel::Receipt).data().toString().startsWith(u"R-"));
    // Who sold it, as the PIN pad and the receipts name them.
    CHECK(history->index(0, GiftCardHistoryModel::Staff).data().toString() ==
          QStringLiteral("Maya (front desk)"));
}

TEST_CASE("a typo, an unknown code and a voided card get different messages",
          "[screens][giftcard]") {
    TempDb tdb(true);
    const IssuedCard card = sellCard(tdb.db(), Money::fromCents(50'00));
    Context c(tdb.db(), QStringLiteral("frontdesk"), QStringLiteral("manager"));
    GiftCardScreen screen(c.ctx);

    scan(screen, withTypo(card.code));
    const QString typo = screen.message();
    CHECK(typo.contains(u"typo"));
    CHECK_FALSE(screen.currentCard());
    // The mistyped text stays, selected, to be corrected.
    CHECK(screen.codeField()->text() == withTypo(card.code));

    scan(screen, giftcode::generate());
    const QString unknown = screen.message();
    CHECK(unknown.contains(u"not known"));

    scan(screen, card.code);
    REQUIRE(screen.currentCard());
    REQUIRE(screen.replaceCard());
    scan(screen, card.code);
    const QString voided = screen.message();
    CHECK(voided.contains(u"void"));
    CHECK_FALSE(screen.currentCard());

    CHECK(typo != unknown);
    CHECK(unknown != voided);
}

TEST_CASE("five failed lookups lock the field and the lockout message shows as it is",
          "[screens][giftcard]") {
    TempDb tdb(true);
    const IssuedCard card = sellCard(tdb.db(), Money::fromCents(50'00));
    Context c(tdb.db(), QStringLiteral("frontdesk"));
    GiftCardScreen screen(c.ctx);
    for (int i = 0; i < GiftCardService::kMaxFailures; ++i)
        scan(screen, giftcode::generate());
    scan(screen, card.code);
    CHECK_FALSE(screen.currentCard());
    CHECK(screen.message().contains(u"locked"));
}

TEST_CASE("replacing a lost card asks a manager, voids the old code and moves the balance",
          "[screens][giftcard]") {
    TempDb tdb(true);
    const IssuedCard card = sellCard(tdb.db(), Money::fromCents(100'00));

    SECTION("the manager approves") {
        Context c(tdb.db(), QStringLiteral("frontdesk"), QStringLiteral("manager"));
        GiftCardScreen screen(c.ctx);
        QSignalSpy changed(&screen, &GiftCardScreen::cardsChanged);
        scan(screen, card.code);
        const IssuedCard fresh = value(screen.replaceCard());
        CHECK(*c.approvals == 1);
        CHECK(fresh.code != card.code);
        CHECK(fresh.amount == Money::fromCents(100'00));
        CHECK(screen.message().contains(fresh.code));
        CHECK(screen.balanceLabel()->text() == QStringLiteral("$100.00"));
        CHECK(changed.count() == 1);

        scan(screen, fresh.code);
        CHECK(screen.balanceLabel()->text() == QStringLiteral("$100.00"));
        scan(screen, card.code);
        CHECK(screen.message().contains(u"void"));
    }
    SECTION("the prompt is cancelled: nothing changes") {
        Context c(tdb.db(), QStringLiteral("frontdesk"), std::nullopt);
        GiftCardScreen screen(c.ctx);
        scan(screen, card.code);
        CHECK_FALSE(screen.replaceCard());
        CHECK(*c.approvals == 1);
        scan(screen, card.code);
        CHECK(screen.balanceLabel()->text() == QStringLiteral("$100.00"));
    }
    SECTION("a manager needs no prompt") {
        Context c(tdb.db(), QStringLiteral("manager"));
        GiftCardScreen screen(c.ctx);
        scan(screen, card.code);
        CHECK(screen.replaceCard());
        CHECK(*c.approvals == 0);
    }
}

TEST_CASE("a reload is a sale of its own and raises the balance", "[screens][giftcard]") {
    TempDb tdb(true);
    const IssuedCard card = sellCard(tdb.db(), Money::fromCents(50'00));
    Context c(tdb.db(), QStringLiteral("frontdesk"));
    GiftCardScreen screen(c.ctx);
    QSignalSpy completed(&screen, &GiftCardScreen::saleCompleted);
    scan(screen, card.code);

    SECTION("cash, with change") {
        Tender cash;
        cash.type = TenderType::Cash;
        cash.amount = Money::fromCents(40'00);
        const CompletedSale sale = value(screen.reload(Money::fromCents(25'00), cash));
        CHECK(sale.change == Money::fromCents(15'00));
        CHECK(screen.balanceLabel()->text() == QStringLiteral("$75.00"));
        CHECK(screen.message().contains(u"$15.00"));
        // The change due in large type, gone with the next message.
        auto *change = screen.findChild<QLabel *>(QStringLiteral("giftCardChange"));
        REQUIRE(change);
        CHECK(change->text() == QStringLiteral("Change due $15.00"));
        CHECK_FALSE(change->isHidden());
        CHECK(change->font().pointSizeF() > 2 * screen.font().pointSizeF());
        scan(screen, card.code);
        CHECK(change->isHidden());
        REQUIRE(completed.count() == 1);
        CHECK(completed.at(0).at(0).toLongLong() == sale.receiptNo);
        CHECK(completed.at(0).at(1).toBool());
    }
    SECTION("card, through the dialog") {
        fillAndAccept(screen, QStringLiteral("reload"), [](QDialog *d) {
            d->findChild<QLineEdit *>(QStringLiteral("reloadAmount"))
                ->setText(QStringLiteral("30"));
            const auto radios = d->findChildren<QAbstractButton *>();
            for (QAbstractButton *b : radios)
                if (b->text().startsWith(u"Card"))
                    b->click();
            d->findChild<QLineEdit *>(QStringLiteral("cardLast4"))->setText(QStringLiteral("4242"));
        });
        CHECK(screen.balanceLabel()->text() == QStringLiteral("$80.00"));
        REQUIRE(completed.count() == 1);
        CHECK_FALSE(completed.at(0).at(1).toBool());
    }
    CHECK(screen.historyModel()->rowCount() == 2);
    CHECK(screen.historyModel()
              ->index(1, GiftCardHistoryModel::Kind)
              .data(GiftCardHistoryModel::KindRole) == QStringLiteral("load"));
}

TEST_CASE("selling asks the register for a gift-card line within the store's limits",
          "[screens][giftcard]") {
    TempDb tdb(true);
    Context c(tdb.db(), QStringLiteral("frontdesk"));
    GiftCardScreen screen(c.ctx);
    QSignalSpy sell(&screen, &GiftCardScreen::sellRequested);

    SECTION("a preset through the dialog, with To and From") {
        fillAndAccept(screen, QStringLiteral("sell"), [](QDialog *d) {
            for (QPushButton *b : d->findChildren<QPushButton *>())
                if (b->text() == QStringLiteral("$100.00"))
                    b->click();
            d->findChild<QLineEdit *>(QStringLiteral("to"))->setText(QStringLiteral("Ana"));
            d->findChild<QLineEdit *>(QStringLiteral("from"))->setText(QStringLiteral("Ben"));
            d->findChild<QPlainTextEdit *>(QStringLiteral("message"))
                ->setPlainText(QStringLiteral("Relax!"));
        });
        REQUIRE(sell.count() == 1);
        CHECK(sell.at(0).at(0).value<Money>() == Money::fromCents(100'00));
        CHECK(sell.at(0).at(1).toString() == QStringLiteral("Ana"));
        CHECK(sell.at(0).at(2).toString() == QStringLiteral("Ben"));
        CHECK(sell.at(0).at(3).toString() == QStringLiteral("Relax!"));
    }
    SECTION("a custom amount outside the limits is refused") {
        CHECK_FALSE(screen.requestSale(Money::fromCents(5'00)));
        CHECK_FALSE(screen.requestSale(Money::fromCents(5'000'00)));
        CHECK(screen.message().contains(u"$10.00"));
        CHECK(sell.count() == 0);
        CHECK(screen.requestSale(Money::fromCents(75'00)));
        CHECK(sell.count() == 1);
    }
}

TEST_CASE("cash-out pays a balance under $5.00 from the drawer, with a manager",
          "[screens][giftcard]") {
    TempDb tdb(true);
    const IssuedCard card = sellCard(tdb.db(), Money::fromCents(10'00));
    const StaffMember frontdesk = staff(tdb.db(), QStringLiteral("frontdesk"));
    value(ShiftService(tdb.db()).open(Money::fromCents(100'00), frontdesk,
                                      QStringLiteral("test-register")));
    Context c(tdb.db(), QStringLiteral("frontdesk"), QStringLiteral("manager"));
    GiftCardScreen screen(c.ctx);
    QSignalSpy paid(&screen, &GiftCardScreen::cashPaidOut);
    scan(screen, card.code);

    // $10.00 is too much for a cash-out: the service's message shows.
    CHECK_FALSE(screen.cashOut());
    CHECK(screen.message().contains(u"$5.00"));

    // An adjustment needs a reason, then a manager.
    CHECK_FALSE(screen.adjust(Money::fromCents(-6'80), QString()));
    CHECK(screen.message().contains(u"reason"));
    CHECK(value(screen.adjust(Money::fromCents(-6'80), QStringLiteral("disputed charge"))) ==
          Money::fromCents(3'20));
    CHECK(screen.balanceLabel()->text() == QStringLiteral("$3.20"));

    CHECK(value(screen.cashOut()) == Money::fromCents(3'20));
    CHECK(screen.message().contains(u"Pay the customer $3.20"));
    CHECK(screen.balanceLabel()->text() == QStringLiteral("$0.00"));
    REQUIRE(paid.count() == 1);
    CHECK(paid.at(0).at(0).value<Money>() == Money::fromCents(3'20));
    CHECK(*c.approvals == 3);
    CHECK(screen.historyModel()->rowCount() == 3);
}

TEST_CASE("the certificate preview carries a QR that reads back to the card's code",
          "[screens][giftcard]") {
    TempDb tdb(true);
    const IssuedCard card = sellCard(tdb.db(), Money::fromCents(100'00), QStringLiteral("Ana"));
    Context c(tdb.db(), QStringLiteral("frontdesk"), QStringLiteral("manager"));
    GiftCardScreen screen(c.ctx);

    SECTION("a new card's certificate, Letter and A6") {
        CertificatePreviewDialog dialog(
            screen.certificateFor(card.code, card.amount, QStringLiteral("Ana")));
        CHECK(printing::test::decodeQrCodes(dialog.image()).contains(card.code));
        dialog.setPage(printing::CertificatePage::A6);
        CHECK(dialog.image().width() < dialog.image().height());
        CHECK(printing::test::decodeQrCodes(dialog.image()).contains(card.code));

        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("card.pdf"));
        oasis::test::ok(dialog.savePdf(pdf));
        QFile file(pdf);
        REQUIRE(file.open(QIODevice::ReadOnly));
        CHECK(file.read(5) == QByteArray("%PDF-"));
    }
    SECTION("a reprint needs a manager and reveals the same code") {
        sellCard(tdb.db(), Money::fromCents(40'00)); // a later sale: Ana's card is not new
        scan(screen, card.code);
        const auto certificate = value(screen.cardCertificate());
        CHECK(*c.approvals == 1);
        CHECK(certificate.code == card.code);
        CHECK(certificate.amount == Money::fromCents(100'00));
        CHECK(certificate.to == QStringLiteral("Ana"));
        CertificatePreviewDialog dialog(certificate);
        CHECK(printing::test::decodeQrCodes(dialog.image()).contains(card.code));
    }
}

TEST_CASE("the front desk prints the certificate of a card it just sold without an approval",
          "[screens][giftcard][approval]") {
    TempDb tdb(true);
    const IssuedCard older = sellCard(tdb.db(), Money::fromCents(60'00), QStringLiteral("Ben"));
    const IssuedCard sold = sellCard(tdb.db(), Money::fromCents(100'00), QStringLiteral("Ana"));
    Context c(tdb.db(), QStringLiteral("frontdesk"), QStringLiteral("manager"));
    GiftCardScreen screen(c.ctx);

    // The card on the ticket just completed: no manager is asked.
    scan(screen, sold.code);
    const auto certificate = value(screen.cardCertificate());
    CHECK(*c.approvals == 0);
    CHECK(certificate.code == sold.code);
    CHECK(certificate.to == QStringLiteral("Ana"));

    // A card sold before it: a reprint, for which the manager is asked once.
    scan(screen, older.code);
    const auto reprint = value(screen.cardCertificate());
    CHECK(*c.approvals == 1);
    CHECK(reprint.code == older.code);

    SECTION("without the manager, no certificate and a line saying who may approve") {
        Context alone(tdb.db(), QStringLiteral("frontdesk"));
        GiftCardScreen desk(alone.ctx);
        scan(desk, older.code);
        REQUIRE_FALSE(desk.cardCertificate());
        CHECK(desk.message() ==
              QStringLiteral("Reprinting a gift certificate needs approval by a manager or the "
                             "owner."));
    }
}

TEST_CASE("the liability model lists cards by last 4 with sold, redeemed and outstanding",
          "[screens][giftcard]") {
    TempDb tdb(true);
    const IssuedCard a = sellCard(tdb.db(), Money::fromCents(100'00));
    sellCard(tdb.db(), Money::fromCents(50'00));
    const QDate today = StoreSettings(tdb.db()).businessDate(Clock::nowUtc());

    ReportTableModel model;
    QAbstractItemModelTester tester(&model,
                                    QAbstractItemModelTester::FailureReportingMode::Warning);
    model.setTable(value(ReportService(tdb.db()).giftCards(today.addDays(-1), today)));
    REQUIRE(model.rowCount() == 2);
    CHECK(model.headerData(0, Qt::Horizontal).toString() == QStringLiteral("Card"));
    QStringList last4s;
    qint64 outstanding = 0;
    // The owed column by its heading: promotional value, never owed, has a column after it.
    int outCol = -1;
    for (int c = 0; c < model.columnCount(); ++c)
        if (model.headerData(c, Qt::Horizontal).toString() == QStringLiteral("Outstanding"))
            outCol = c;
    REQUIRE(outCol >= 0);
    for (int r = 0; r < model.rowCount(); ++r) {
        last4s << model.index(r, 0).data().toString();
        outstanding += model.index(r, outCol).data(ReportTableModel::RawRole).toLongLong();
    }
    CHECK(last4s.contains(giftcode::last4(a.code)));
    CHECK(outstanding == 150'00);
    CHECK(value(GiftCardService(tdb.db()).outstanding()) == Money::fromCents(150'00));
    // No full code anywhere in the table.
    for (int r = 0; r < model.rowCount(); ++r)
        for (int col = 0; col < model.columnCount(); ++col)
            CHECK_FALSE(model.index(r, col).data().toString().contains(a.code));
}

TEST_CASE("a card's history shows its promotional rows among the paid ones, in time",
          "[screens][giftcard][promo]") {
    GiftCardHistoryModel model;
    QAbstractItemModelTester tester(&model);
    const QDateTime sold(QDate(2026, 12, 7), QTime(18, 0), QTimeZone::utc());
    const QDateTime spent = sold.addSecs(3600);
    const QDate last(2027, 6, 30);
    model.setActivity(
        {{sold,
          u"activate"_s,
          Money::fromCents(100'00),
          Money::fromCents(100'00),
          1,
          u"frontdesk"_s,
          u"Alex"_s,
          {}},
         {spent,
          u"redeem"_s,
          Money::fromCents(-100'00),
          Money(),
          2,
          u"frontdesk"_s,
          u"Alex"_s,
          {}}},
        {{sold, u"grant"_s, Money::fromCents(20'00), last, 1, u"manager"_s, u"Jordan"_s, {}},
         {spent, u"redeem"_s, Money::fromCents(-5'00), {}, 2, u"frontdesk"_s, u"Alex"_s, {}}});
    QStringList kinds;
    for (int r = 0; r < model.rowCount(); ++r)
        kinds << model.index(r, GiftCardHistoryModel::Kind)
                     .data(GiftCardHistoryModel::KindRole)
                     .toString();
    // At the same moment the paid row comes first, as the card spends its paid value first.
    CHECK(kinds == QStringList{u"activate"_s, u"promo_grant"_s, u"redeem"_s, u"promo_redeem"_s});
    CHECK(model.index(1, GiftCardHistoryModel::Kind).data().toString() ==
          u"Promotional value given, expires %1"_s.arg(
              QLocale().toString(last, shortDateFormatFullYear())));
    CHECK(model.index(3, GiftCardHistoryModel::Kind).data().toString() ==
          u"Promotional value spent"_s);
    CHECK(model.index(3, GiftCardHistoryModel::Amount).data().toString() ==
          Money::fromCents(-5'00).format(QLocale()));
    // The balance after is the paid balance's: blank on a promotional row.
    CHECK(model.index(1, GiftCardHistoryModel::BalanceAfter).data().toString().isEmpty());
    CHECK(model.index(2, GiftCardHistoryModel::BalanceAfter).data().toString() ==
          Money().format(QLocale()));
    // Who, as the store shows them (the login name stays in `giftcard history --json`).
    CHECK(model.index(0, GiftCardHistoryModel::Staff).data().toString() == u"Alex"_s);
    CHECK(model.index(1, GiftCardHistoryModel::Staff).data().toString() == u"Jordan"_s);
}

TEST_CASE("selling with a bonus asks the register for a card with promotional value and its last "
          "day",
          "[screens][giftcard][promo]") {
    TempDb tdb(true);
    Context c(tdb.db(), QStringLiteral("frontdesk"));
    GiftCardScreen screen(c.ctx);
    QSignalSpy sell(&screen, &GiftCardScreen::sellRequested);
    const QDate today = StoreSettings(tdb.db()).businessDate(Clock::nowUtc());
    SECTION("through the dialog: giftcard:100+20, its last day from the calendar") {
        const QDate last = today.addMonths(6);
        fillAndAccept(screen, QStringLiteral("sell"), [&](QDialog *d) {
            d->findChild<QLineEdit *>(QStringLiteral("customAmount"))
                ->setText(QStringLiteral("100"));
            d->findChild<QLineEdit *>(QStringLiteral("bonus"))->setText(QStringLiteral("20"));
            auto *date = d->findChild<QDateEdit *>(QStringLiteral("bonusExpires"));
            // The day is chosen once the box is ticked, and never before today.
            CHECK_FALSE(date->isEnabled());
            d->findChild<QCheckBox *>(QStringLiteral("bonusExpiresOn"))->setChecked(true);
            CHECK(date->isEnabled());
            CHECK(date->minimumDate() == today);
            date->setDate(today.addDays(-1));
            CHECK(date->date() == today);
            date->setDate(last);
        });
        REQUIRE(sell.count() == 1);
        CHECK(sell.at(0).at(0).value<Money>() == Money::fromCents(100'00));
        CHECK(sell.at(0).at(4).value<Money>() == Money::fromCents(20'00));
        CHECK(sell.at(0).at(5).toDate() == last);
    }
    SECTION("through the dialog, the box unticked: a bonus that does not expire") {
        fillAndAccept(screen, QStringLiteral("sell"), [](QDialog *d) {
            d->findChild<QLineEdit *>(QStringLiteral("customAmount"))
                ->setText(QStringLiteral("100"));
            d->findChild<QLineEdit *>(QStringLiteral("bonus"))->setText(QStringLiteral("20"));
        });
        REQUIRE(sell.count() == 1);
        CHECK(sell.at(0).at(4).value<Money>() == Money::fromCents(20'00));
        CHECK(sell.at(0).at(5).toDate().isNull());
    }
    SECTION("an expiry without a bonus, or a bonus already expired, is refused in one line") {
        CHECK_FALSE(
            screen.requestSale(Money::fromCents(100'00), {}, {}, {}, Money(), QDate(2027, 6, 30)));
        CHECK(screen.message().contains(QStringLiteral("give a bonus")));
        CHECK_FALSE(screen.requestSale(Money::fromCents(100'00), {}, {}, {},
                                       Money::fromCents(20'00), QDate(2020, 1, 1)));
        CHECK(sell.count() == 0);
    }
}

TEST_CASE("giving a card away is a manager's decision, and its certificate discloses the expiry",
          "[screens][giftcard][promo]") {
    TempDb tdb(true);
    SECTION("the front desk without a manager is refused and no card is made") {
        Context c(tdb.db(), QStringLiteral("frontdesk"));
        GiftCardScreen screen(c.ctx);
        CHECK_FALSE(screen.giveCard(Money::fromCents(25'00), QDate(2027, 3, 31),
                                    QStringLiteral("Apology for a late start")));
        CHECK(screen.message().contains(QStringLiteral("manager"), Qt::CaseInsensitive));
        CHECK(value(tdb.db().scalar(QStringLiteral("SELECT COUNT(*) FROM giftcards"))).toInt() ==
              0);
    }
    SECTION("with the manager's approval, through the dialog, the certificate follows") {
        const QDate last = StoreSettings(tdb.db()).businessDate(Clock::nowUtc()).addMonths(3);
        Context c(tdb.db(), QStringLiteral("frontdesk"), QStringLiteral("manager"));
        GiftCardScreen screen(c.ctx);
        printing::GiftCertificate shown;
        QStringList qr;
        whenModal<QDialog>([&](QDialog *d) {
            d->findChild<QLineEdit *>(QStringLiteral("giveAmount"))->setText(QStringLiteral("25"));
            d->findChild<QCheckBox *>(QStringLiteral("giveExpiresOn"))->setChecked(true);
            d->findChild<QDateEdit *>(QStringLiteral("giveExpires"))->setDate(last);
            d->findChild<QLineEdit *>(QStringLiteral("giveReason"))
                ->setText(QStringLiteral("Apology for a late start"));
            whenModal<CertificatePreviewDialog>([&](CertificatePreviewDialog *preview) {
                shown = preview->certificate();
                qr = printing::test::decodeQrCodes(preview->image());
                if (const QString dir = qEnvironmentVariable("OASIS_SCREENSHOT_DIR");
                    !dir.isEmpty())
                    preview->grab().save(dir + QStringLiteral("/given-card-certificate.png"));
                preview->reject();
            });
            if (const QString dir = qEnvironmentVariable("OASIS_SCREENSHOT_DIR"); !dir.isEmpty())
                d->grab().save(dir + QStringLiteral("/give-card-dialog.png"));
            d->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        });
        screen.findChild<QPushButton *>(QStringLiteral("give"))->click();
        REQUIRE(screen.currentCard().has_value());
        CHECK(screen.currentCard()->balance.isZero());
        CHECK(screen.currentCard()->promo == Money::fromCents(25'00));
        CHECK(shown.promo == Money::fromCents(25'00));
        CHECK(shown.promoExpires == last);
        // The panel: what the card spends, large; its parts on a line of their own that wraps.
        // At the counter's size the card's history keeps most of the width.
        CHECK(screen.balanceLabel()->text() == Money::fromCents(25'00).format(QLocale()));
        auto *parts = screen.findChild<QLabel *>(QStringLiteral("giftCardPromo"));
        REQUIRE(parts);
        CHECK(parts->text() == QStringLiteral("%1 paid · %2 promotional, expires %3")
                                   .arg(Money().format(QLocale()),
                                        Money::fromCents(25'00).format(QLocale()),
                                        QLocale().toString(last, shortDateFormatFullYear())));
        screen.resize(1366, 700);
        screen.show();
        REQUIRE(QTest::qWaitForWindowExposed(&screen));
        CHECK(parts->isVisible());
        // Its history says what was given and when it lapses, not a sale of $0.00 alone.
        const GiftCardHistoryModel *history = screen.historyModel();
        REQUIRE(history->rowCount() == 2);
        CHECK(history->index(0, GiftCardHistoryModel::Kind).data().toString() == u"Issued"_s);
        // Given away, not sold: the panel says so too.
        CHECK(screen.findChild<QLabel *>(QStringLiteral("giftCardStatus"))
                  ->text()
                  .startsWith(u"Active · issued "_s));
        CHECK(history->index(1, GiftCardHistoryModel::Kind)
                  .data(GiftCardHistoryModel::KindRole)
                  .toString() == u"promo_grant"_s);
        CHECK(history->index(1, GiftCardHistoryModel::Kind)
                  .data()
                  .toString()
                  .startsWith(u"Promotional value given, expires %1"_s.arg(
                      QLocale().toString(last, shortDateFormatFullYear()))));
        CHECK(history->index(1, GiftCardHistoryModel::Amount).data().toString() ==
              Money::fromCents(25'00).format(QLocale()));
        CHECK(screen.findChild<QTableView *>(QStringLiteral("giftCardHistory"))->width() >
              screen.width() / 2);
        REQUIRE(qr.size() == 1);
        CHECK(qr.front().startsWith(QStringLiteral("GC1-")));
        CHECK(giftcode::last4(qr.front()) == screen.currentCard()->last4);
        CHECK(value(tdb.db().scalar(QStringLiteral(
                        "SELECT COUNT(*) FROM journal WHERE kind = 'giftcard_given'")))
                  .toInt() == 1);
    }
}
