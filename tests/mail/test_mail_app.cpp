// SPDX-License-Identifier: GPL-3.0-or-later
// The counter app's email: after a sale, "Email receipt…" and "Email gift card…" queue the
// messages in the outbox; the counter goes on while they are sent.
#include "tests/mail/smtpsink.h"
#include "tests/printing/printingfixtures.h"
#include "tests/support/testsupport.h"

#include "core/services/storesettings.h"
#include "mail/compose.h"
#include "mail/outbox.h"
#include "pos/app/mainwindow.h"
#include "pos/app/paydialog.h"
#include "pos/screens/giftcardscreen.h"

#include <QElapsedTimer>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPushButton>
#include <QTest>
#include <QTextBrowser>

using namespace oasis;
using namespace oasis::test;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {
template <typename Done>
bool waitFor(Done done, int ms = 20'000) {
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < ms)
        QTest::qWait(20);
    return done();
}
} // namespace

TEST_CASE("after a sale the counter emails the receipt and the gift card in the background",
          "[mail][app]") {
    TempDb tmp(true);
    SmtpSink sink;
    SmtpSettings smtp;
    smtp.host = u"127.0.0.1"_s;
    smtp.port = sink.port();
    smtp.security = SmtpSecurity::None;
    smtp.from = u"hello@oasis-spa.example"_s;
    ok(StoreSettings(tmp.db()).setSmtp(smtp, owner(tmp.db())));
    const StaffMember frontdesk = staffNamed(tmp.db(), u"frontdesk"_s);

    mail::Outbox outbox([&tmp] { return mail::Server::of(StoreSettings(tmp.db())); });
    QList<qint64> sentCards;
    QObject::connect(
        &outbox, &mail::Outbox::sent, &outbox,
        [&sentCards](mail::Outbox::Kind kind, qint64 id, const QString &, const QString &by) {
            REQUIRE(by == u"frontdesk"_s);
            if (kind == mail::Outbox::Kind::GiftCard)
                sentCards << id;
        });

    Ticket ticket;
    ticket.addGiftCard(Money::fromCents(50'00), u"Maya"_s, u"Sam"_s);
    StoreSettings settings(tmp.db());
    const TicketTotals totals =
        value(ticket.totals(value(settings.taxTable()), QDate::currentDate()));
    app::PayDialog dialog(tmp.db(), ticket, totals, frontdesk, std::nullopt, Store::registerId());
    dialog.setOutbox(&outbox);
    dialog.resize(1100, 700);
    dialog.show();
    ok(dialog.addCash(Money::fromCents(50'00)));
    REQUIRE(dialog.complete());
    const auto *emailReceipt = dialog.findChild<QPushButton *>(u"emailReceipt"_s);
    const auto *emailCard = dialog.findChild<QPushButton *>(u"emailGiftCard"_s);
    REQUIRE(emailReceipt);
    REQUIRE(emailCard);
    REQUIRE(emailReceipt->isVisible());
    REQUIRE(emailCard->isVisible());
    if (const QString dir = qEnvironmentVariable("OASIS_SCREENSHOT_DIR"); !dir.isEmpty())
        REQUIRE(dialog.grab().save(dir + u"/pay-done-email.png"_s));

    // A bad address is refused at once: nothing is queued.
    const Status bad = dialog.emailGiftCards(u"maya at example"_s);
    REQUIRE_FALSE(bad);
    REQUIRE(bad.error().code == ErrorCode::Invalid);
    REQUIRE(outbox.waiting() == 0);

    QElapsedTimer timer;
    timer.start();
    ok(dialog.emailGiftCards(u"maya@example.com"_s));
    ok(dialog.emailReceipt(u"sam@example.com"_s));
    REQUIRE(timer.elapsed() < 2'000);
    REQUIRE(outbox.waiting() >= 1);
    REQUIRE(waitFor([&] { return outbox.waiting() == 0 && sink.messageFiles().size() == 2; }));

    const IssuedCard card = dialog.completedSale()->giftCards.front();
    REQUIRE(sentCards == QList<qint64>{card.id});
    bool sawCard = false;
    bool sawReceipt = false;
    for (const QString &file : sink.messageFiles()) {
        const ReceivedMail mail = sink.read(file);
        const QString to = mail.envelope[u"to"_s].toArray()[0].toString();
        const QJsonObject qr = mail.summary[u"inline"_s].toArray()[0].toObject();
        QImage image;
        REQUIRE(image.loadFromData(mail.part(qr[u"file"_s].toString()), "PNG"));
        const QStringList codes = printing::test::decodeQrCodes(image);
        // What the customer reads (Qt's rich text stands in for a mail program), to look at.
        if (const QString dir = qEnvironmentVariable("OASIS_SCREENSHOT_DIR"); !dir.isEmpty()) {
            QTextBrowser view;
            view.document()->addResource(QTextDocument::ImageResource,
                                         QUrl(u"cid:"_s + qr[u"cid"_s].toString()), image);
            view.setHtml(mail.html());
            view.resize(700, 900);
            REQUIRE(view.grab().save(dir + u"/email-"_s + to.section(u'@', 0, 0) + u".png"_s));
        }
        if (to == u"maya@example.com"_s) {
            sawCard = true;
            REQUIRE(codes == QStringList{card.code});
            REQUIRE(mail.text().contains(u"To: Maya"_s));
        } else {
            sawReceipt = true;
            REQUIRE(to == u"sam@example.com"_s);
            REQUIRE(codes == QStringList{receiptCode(dialog.completedSale()->receiptNo)});
            // The e-receipt never carries the card's code: that goes in its own email.
            REQUIRE_FALSE(mail.raw.contains(card.code.toLatin1()));
            REQUIRE_FALSE(mail.text().contains(card.code));
        }
    }
    REQUIRE(sawCard);
    REQUIRE(sawReceipt);
}

TEST_CASE("the gift card screen emails a card looked up by its code", "[mail][app]") {
    TempDb tmp(true);
    SmtpSink sink;
    SmtpSettings smtp;
    smtp.host = u"127.0.0.1"_s;
    smtp.port = sink.port();
    smtp.security = SmtpSecurity::None;
    smtp.from = u"hello@oasis-spa.example"_s;
    ok(StoreSettings(tmp.db()).setSmtp(smtp, owner(tmp.db())));
    const StaffMember frontdesk = staffNamed(tmp.db(), u"frontdesk"_s);

    // A card sold earlier, at the register.
    Ticket ticket;
    ticket.addGiftCard(Money::fromCents(80'00), u"Lee"_s);
    const CompletedSale sale = value(
        SaleService(tmp.db()).complete(ticket, {value(Tender::parse(u"cash:80"_s))}, frontdesk));
    const QString code = sale.giftCards.front().code;

    mail::Outbox outbox([&tmp] { return mail::Server::of(StoreSettings(tmp.db())); });
    screens::ScreenContext ctx;
    ctx.db = &tmp.db();
    ctx.currentUser = [frontdesk] { return frontdesk; };
    ctx.registerId = Store::registerId();
    screens::GiftCardScreen screen(ctx);
    screen.resize(1366, 768);
    const auto *button = screen.findChild<QPushButton *>(u"emailGiftCard"_s);
    REQUIRE(button);
    REQUIRE(button->isHidden());
    screen.setOutbox(&outbox);
    screen.show();
    REQUIRE(button->isVisible());
    REQUIRE_FALSE(button->isEnabled());
    REQUIRE_FALSE(screen.emailCard(u"lee@example.com"_s));

    REQUIRE(screen.showCode(code));
    REQUIRE(button->isEnabled());
    if (const QString dir = qEnvironmentVariable("OASIS_SCREENSHOT_DIR"); !dir.isEmpty())
        REQUIRE(screen.grab().save(dir + u"/giftcards-email.png"_s));
    const Status bad = screen.emailCard(u"lee@"_s);
    REQUIRE_FALSE(bad);
    REQUIRE(bad.error().code == ErrorCode::Invalid);
    REQUIRE(outbox.waiting() == 0);
    ok(screen.emailCard(u"lee@example.com"_s));
    REQUIRE(waitFor([&] { return outbox.waiting() == 0 && sink.messageFiles().size() == 1; }));
    const ReceivedMail mail = sink.read(sink.messageFiles().front());
    REQUIRE(mail.envelope[u"to"_s].toArray()[0].toString() == u"lee@example.com"_s);
    const QJsonObject qr = mail.summary[u"inline"_s].toArray()[0].toObject();
    QImage image;
    REQUIRE(image.loadFromData(mail.part(qr[u"file"_s].toString()), "PNG"));
    REQUIRE(printing::test::decodeQrCodes(image) == QStringList{code});
    REQUIRE(mail.text().contains(u"$80.00"_s));
}

TEST_CASE("the status bar says what waits and why, and each email sent is journaled without "
          "the code",
          "[mail][app]") {
    TempDb tmp(true);
    SmtpSink refusing(true);
    SmtpSink good;
    SmtpSettings smtp;
    smtp.host = u"127.0.0.1"_s;
    smtp.port = refusing.port();
    smtp.security = SmtpSecurity::None;
    smtp.from = u"hello@oasis-spa.example"_s;
    ok(StoreSettings(tmp.db()).setSmtp(smtp, owner(tmp.db())));
    const StaffMember frontdesk = staffNamed(tmp.db(), u"frontdesk"_s);
    Ticket ticket;
    ticket.addGiftCard(Money::fromCents(30'00));
    const CompletedSale sale = value(
        SaleService(tmp.db()).complete(ticket, {value(Tender::parse(u"cash:30"_s))}, frontdesk));
    const IssuedCard card = sale.giftCards.front();

    app::MainWindow window(tmp.db(), Store::registerId());
    window.resize(1366, 768);
    window.show();
    window.outbox()->setRetryDelays({300ms});
    auto *status = window.findChild<QLabel *>(u"statusMail"_s);
    REQUIRE(status);
    REQUIRE_FALSE(status->isVisible());

    printing::GiftCertificate certificate;
    certificate.store = {u"Oasis"_s, {}, {}};
    certificate.code = card.code;
    certificate.amount = card.amount;
    auto message = mail::giftCardMessage(certificate, smtp.from, u"kim@example.com"_s);
    REQUIRE(message);
    ok(window.outbox()->enqueue(*message, mail::Outbox::Kind::GiftCard, card.id, frontdesk.name));
    REQUIRE(status->isVisible());
    REQUIRE(waitFor([&] { return status->text().startsWith(u"Email could not be sent"_s); }));
    REQUIRE(status->text().endsWith(u"(1 email waiting)"_s));
    REQUIRE_FALSE(status->text().contains(card.code));
    if (const QString dir = qEnvironmentVariable("OASIS_SCREENSHOT_DIR"); !dir.isEmpty())
        REQUIRE(window.grab().save(dir + u"/statusbar-email-waiting.png"_s));

    // The manager points the store at a server that takes it: the next try delivers it.
    smtp.port = good.port();
    ok(StoreSettings(tmp.db()).setSmtp(smtp, owner(tmp.db())));
    REQUIRE(waitFor([&] { return good.messageFiles().size() == 1 && !status->isVisible(); }));

    auto rows = value(tmp.db().rows(u"SELECT kind, payload, actor FROM journal ORDER BY seq"_s));
    int emailed = 0;
    for (const QVariantList &row : rows) {
        REQUIRE_FALSE(row.value(1).toString().contains(card.code));
        if (row.value(0).toString() == u"giftcard_emailed"_s) {
            ++emailed;
            const QJsonObject entry =
                QJsonDocument::fromJson(row.value(1).toString().toUtf8()).object();
            REQUIRE(entry[u"to"_s].toString() == u"kim@example.com"_s);
            REQUIRE(entry[u"card_id"_s].toInteger() == card.id);
            REQUIRE(row.value(2).toString() == u"frontdesk"_s);
        }
    }
    REQUIRE(emailed == 1);
}
