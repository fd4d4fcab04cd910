// SPDX-License-Identifier: GPL-3.0-or-later
// E-gift cards and e-receipts by email (DESIGN §16): sent to a local SMTP server, received,
// parsed as MIME, and every QR (inline image and attached certificate) read back to the code.
#include "tests/mail/smtpsink.h"
#include "tests/printing/printingfixtures.h"
#include "tests/support/testsupport.h"

#include "core/domain/emailaddress.h"
#include "core/domain/giftcode.h"
#include "core/services/sale.h"
#include "core/storage/keyring.h"
#include "mail/compose.h"
#include "mail/smtp.h"
#include "printing/receipt.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace oasis;
using namespace oasis::test;
using namespace Qt::StringLiterals;

namespace {

QStringList qrCodesIn(const QByteArray &png) {
    QImage image;
    REQUIRE(image.loadFromData(png, "PNG"));
    return printing::test::decodeQrCodes(image);
}

QStringList qrCodesInPdf(const QByteArray &pdf, const QString &dir) {
    const QString path = QDir(dir).filePath(u"attached.pdf"_s);
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(pdf);
    f.close();
    const std::vector<QImage> pages = printing::test::rasterisePdfPages(path, 150);
    REQUIRE(pages.size() == 1);
    return printing::test::decodeQrCodes(pages.front());
}

QStringList tree(const ReceivedMail &mail) {
    QStringList out;
    for (const QJsonValue &v : mail.summary[u"tree"_s].toArray())
        out << v.toString();
    return out;
}

mail::Server loopback(int port) {
    mail::Server server;
    server.settings.host = u"127.0.0.1"_s;
    server.settings.port = port;
    server.settings.security = SmtpSecurity::None;
    server.settings.from = u"hello@oasis-spa.example"_s;
    server.connectTimeoutMs = 5'000;
    server.totalTimeoutMs = 20'000;
    return server;
}

/// A port on loopback that nothing listens on (taken, then let go).
int closedPort() {
    QTcpServer probe;
    REQUIRE(probe.listen(QHostAddress::LocalHost, 0));
    const int port = probe.serverPort();
    probe.close();
    return port;
}

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
    bool oneErrorLine() const { return err.count('\n') == 1 && err.endsWith('\n'); }
};

/// A spa's back office driven through oasisctl, its own database, key folder and home.
class Shop final {
public:
    Shop() {
        REQUIRE(m_dir.isValid());
        QDir().mkpath(m_dir.filePath(u"home"_s));
        REQUIRE(run({u"init"_s, u"--demo"_s}).exitCode == 0);
    }
    QString db() const { return m_dir.filePath(u"oasis.db"_s); }
    QString keys() const { return m_dir.filePath(u"keys"_s); }

    Run run(const QStringList &args, const QMap<QString, QString> &env = {}) const {
        QProcessEnvironment e;
        e.insert(u"OASIS_KEY_DIR"_s, keys());
        e.insert(u"HOME"_s, m_dir.filePath(u"home"_s));
        e.insert(u"XDG_DATA_HOME"_s, m_dir.filePath(u"home/data"_s));
        e.insert(u"XDG_CONFIG_HOME"_s, m_dir.filePath(u"home/config"_s));
        e.insert(u"OASIS_REGISTER"_s, u"test-register"_s);
        e.insert(u"PATH"_s, qEnvironmentVariable("PATH"));
        for (auto it = env.cbegin(); it != env.cend(); ++it)
            e.insert(it.key(), it.value());
        QProcess p;
        p.setProcessEnvironment(e);
        p.setStandardInputFile(QProcess::nullDevice());
        p.start(QStringLiteral(OASISCTL_PATH), QStringList{u"--db"_s, db()} + args);
        REQUIRE(p.waitForFinished(60'000));
        REQUIRE(p.exitStatus() == QProcess::NormalExit);
        Run r{p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
        UNSCOPED_INFO("oasisctl " << args.join(u' ').toStdString() << " -> " << r.exitCode
                                  << "\nstdout: " << r.out.toStdString()
                                  << "\nstderr: " << r.err.toStdString());
        return r;
    }
    Run manager(const QStringList &args, QMap<QString, QString> env = {}) const {
        env.insert(u"OASIS_PIN"_s, u"9999"_s);
        return run(QStringList{u"--user"_s, u"manager"_s} + args, env);
    }
    Run frontdesk(const QStringList &args) const {
        return run(QStringList{u"--user"_s, u"frontdesk"_s} + args, {{u"OASIS_PIN"_s, u"1111"_s}});
    }
    /// Sells a gift card of `amount` for cash: its code.
    QString sellCard(const QString &amount) const {
        const Run sale =
            frontdesk({u"--json"_s, u"sale"_s, u"giftcard:"_s + amount, u"--to"_s, u"Maya"_s,
                       u"--from"_s, u"Sam"_s, u"--pay"_s, u"cash:"_s + amount});
        REQUIRE(sale.exitCode == 0);
        return sale.json()[u"giftcards"_s].toArray()[0].toObject()[u"code"_s].toString();
    }
    void useServer(int port) const {
        const Run set = manager({u"--json"_s, u"settings"_s, u"smtp"_s, u"--host"_s, u"127.0.0.1"_s,
                                 u"--port"_s, QString::number(port), u"--from"_s,
                                 u"hello@oasis-spa.example"_s, u"--tls"_s, u"none"_s});
        REQUIRE(set.exitCode == 0);
    }
    /// Every journal entry's kind and payload, oldest first.
    QList<QPair<QString, QString>> journal() const {
        QList<QPair<QString, QString>> out;
        {
            QSqlDatabase c = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"mail-peek"_s);
            c.setDatabaseName(db());
            c.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
            REQUIRE(c.open());
            QSqlQuery q(c);
            REQUIRE(q.exec(u"SELECT kind, payload FROM journal ORDER BY seq"_s));
            while (q.next())
                out.append({q.value(0).toString(), q.value(1).toString()});
            q.finish();
            c.close();
        }
        QSqlDatabase::removeDatabase(u"mail-peek"_s);
        return out;
    }
    QString settingsText() const {
        QString all;
        {
            QSqlDatabase c = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"mail-peek"_s);
            c.setDatabaseName(db());
            c.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
            REQUIRE(c.open());
            QSqlQuery q(c);
            REQUIRE(q.exec(u"SELECT key, value FROM settings ORDER BY key"_s));
            while (q.next())
                all += q.value(0).toString() + u'=' + q.value(1).toString() + u'\n';
            q.finish();
            c.close();
        }
        QSqlDatabase::removeDatabase(u"mail-peek"_s);
        return all;
    }

private:
    QTemporaryDir m_dir;
};

} // namespace

TEST_CASE("an email address is checked before anything is queued or sent", "[mail]") {
    for (const QString &good :
         {u"maya@example.com"_s, u"first.last+spa@mail.example.co.uk"_s, u"o'neil@example.org"_s})
        REQUIRE(checkEmailAddress(good));
    for (const QString &bad :
         {u""_s, u"maya"_s, u"maya@"_s, u"@example.com"_s, u"maya@localhost"_s,
          u"maya example@example.com"_s, u"Maya <maya@example.com>"_s,
          u"maya@example.com, sam@example.com"_s, u"maya@example.com\r\nBcc: x@example.com"_s,
          u"maya..x@example.com"_s, u"maya@-example.com"_s, u"maya@exa_mple.com"_s}) {
        INFO(bad.toStdString());
        const Status checked = checkEmailAddress(bad);
        REQUIRE_FALSE(checked);
        REQUIRE(checked.error().code == ErrorCode::Invalid);
        REQUIRE_FALSE(checked.error().message.contains(u'\n'));
    }
}

// ctest runs each test case in a process of its own, so nothing has sent mail before this one.
TEST_CASE("libcurl is loaded by the first email a program sends, not when it starts", "[mail]") {
    REQUIRE(mapped("libQt6Core.so")); // the check sees a library that is there
    REQUIRE_FALSE(mapped("libcurl"));
    SmtpSink sink;
    printing::GiftCertificate card;
    card.store = {u"Oasis"_s, {}, {}};
    card.code = giftcode::generate();
    card.amount = Money::fromCents(25'00);
    auto message = mail::giftCardMessage(card, u"hello@oasis-spa.example"_s, u"sam@example.com"_s);
    REQUIRE(message);
    REQUIRE(mail::send(loopback(sink.port()), *message));
    REQUIRE(sink.messageFiles().size() == 1);
    REQUIRE(mapped("libcurl"));
    // Sent again with the library already there.
    REQUIRE(mail::send(loopback(sink.port()), *message));
    REQUIRE(sink.messageFiles().size() == 2);
}

TEST_CASE("an e-gift card arrives with its QR inline and its certificate attached", "[mail]") {
    SmtpSink sink;
    printing::GiftCertificate card;
    card.store = {u"Oasis Massage & Wellness"_s,
                  {u"1200 Westlake Ave N"_s, u"Seattle, WA"_s},
                  u"(206) 555-0142"_s};
    card.code = giftcode::generate();
    card.amount = Money::fromCents(75'00);
    card.to = u"Maya"_s;
    card.from = u"Sam"_s;
    card.message = u"Happy birthday — relax & enjoy <3"_s;
    auto message = mail::giftCardMessage(card, u"hello@oasis-spa.example"_s, u"maya@example.com"_s);
    REQUIRE(message);
    REQUIRE(mail::send(loopback(sink.port()), *message));

    const QStringList files = sink.messageFiles();
    REQUIRE(files.size() == 1);
    const ReceivedMail mail = sink.read(files.first());
    REQUIRE(mail.envelope[u"to"_s].toArray() == QJsonArray{u"maya@example.com"_s});
    REQUIRE(mail.envelope[u"from"_s].toString() == u"hello@oasis-spa.example"_s);
    REQUIRE(mail.summary[u"subject"_s].toString() ==
            u"Your $75.00 gift card from Oasis Massage & Wellness"_s);
    REQUIRE(mail.summary[u"from"_s].toString() ==
            u"Oasis Massage & Wellness <hello@oasis-spa.example>"_s);
    // HTML with the QR inline beside a text alternative, and the certificate attached.
    REQUIRE(tree(mail) == QStringList{u"multipart/mixed"_s, u"  multipart/alternative"_s,
                                      u"    text/plain"_s, u"    multipart/related"_s,
                                      u"      text/html"_s, u"      image/png"_s,
                                      u"  application/pdf"_s});
    const QJsonObject qr = mail.summary[u"inline"_s].toArray()[0].toObject();
    REQUIRE(qr[u"cid"_s].toString() == QLatin1String(mail::kQrContentId));
    REQUIRE(qr[u"disposition"_s].toString() == u"inline"_s);
    REQUIRE(mail.html().contains(u"src=\"cid:"_s + qr[u"cid"_s].toString() + u'"'));
    REQUIRE(qrCodesIn(mail.part(qr[u"file"_s].toString())) == QStringList{card.code});

    const QJsonObject pdf = mail.summary[u"attachments"_s].toArray()[0].toObject();
    REQUIRE(pdf[u"disposition"_s].toString() == u"attachment"_s);
    REQUIRE(pdf[u"filename"_s].toString().endsWith(u".pdf"_s));
    REQUIRE(qrCodesInPdf(mail.part(pdf[u"file"_s].toString()), mail.dir) == QStringList{card.code});

    // The readable code and the no-expiry line in both bodies; user text escaped in the HTML.
    for (const QString &body : {mail.text(), mail.html()}) {
        REQUIRE(body.contains(printing::readableCode(card.code)));
        REQUIRE(body.contains(printing::noExpiryNoFeesLine()));
        REQUIRE(body.contains(u"$75.00"_s));
    }
    REQUIRE(mail.text().contains(card.message));
    REQUIRE(mail.html().contains(u"relax &amp; enjoy &lt;3"_s));
}

TEST_CASE("an email discloses a card's promotional value and its last day as the paper does",
          "[mail][promo]") {
    // A card given away: $25.00 of promotional value through a day, nothing paid.
    printing::GiftCertificate given;
    given.store = {u"Oasis"_s, {}, {}};
    given.code = giftcode::generate();
    given.amount = Money::fromCents(25'00);
    given.promo = Money::fromCents(25'00);
    given.promoExpires = QDate(2027, 3, 24);
    auto message = mail::giftCardMessage(given, u"hello@oasis-spa.example"_s, u"sam@example.com"_s);
    REQUIRE(message);
    for (const QString &body : {message->text, message->html}) {
        CHECK(body.contains(u"Includes $25.00 promotional value, expires 2027-03-24"_s));
        CHECK(body.contains(u"No fees."_s));
        CHECK_FALSE(body.contains(u"No expiration date"_s));
    }
    // A card sold with a bonus on an e-receipt: its whole value, and the bonus's last day.
    printing::ReceiptDocument receipt;
    receipt.store = given.store;
    receipt.giftCards.push_back(
        {given.code, {}, Money::fromCents(50'00), Money::fromCents(20'00), QDate(2027, 6, 30)});
    auto emailed =
        mail::receiptMessage(receipt, u"hello@oasis-spa.example"_s, u"sam@example.com"_s);
    REQUIRE(emailed);
    CHECK(emailed->html.contains(u"Gift card $70.00"_s));
    CHECK(emailed->html.contains(u"Includes $20.00 promotional value, expires 2027-06-30"_s));
    CHECK(emailed->html.contains(printing::noExpiryNoFeesLine()));

    // Paid with a card that keeps promotional value: said beside what is left on it, in the
    // HTML and in the text.
    printing::ReceiptDocument paid;
    paid.store = given.store;
    printing::ReceiptTender card;
    card.type = printing::ReceiptTender::Type::GiftCard;
    card.label = u"Gift card"_s;
    card.amount = Money::fromCents(21'53);
    card.giftCardLast4 = u"DCN0"_s;
    card.remainingBalance = Money::fromCents(3'47);
    card.detail = printing::promoLine(Money::fromCents(3'47), QDate(2027, 3, 31));
    paid.tenders.push_back(card);
    auto sent = mail::receiptMessage(paid, u"hello@oasis-spa.example"_s, u"sam@example.com"_s);
    REQUIRE(sent);
    CHECK(sent->html.contains(
        u"••DCN0 (balance left $3.47). Includes $3.47 promotional value, expires 2027-03-31"_s));
    CHECK(sent->text.simplified().contains(
        u"Includes $3.47 promotional value, expires 2027-03-31"_s));
}

TEST_CASE("a bad address, a refusing server and an unreachable one send nothing", "[mail]") {
    printing::GiftCertificate card;
    card.store = {u"Oasis"_s, {}, {}};
    card.code = giftcode::generate();
    card.amount = Money::fromCents(50'00);

    SECTION("a bad address is refused before the server is asked") {
        SmtpSink sink;
        auto refused = mail::giftCardMessage(card, u"hello@oasis-spa.example"_s, u"maya@"_s);
        REQUIRE_FALSE(refused);
        REQUIRE(refused.error().code == ErrorCode::Invalid);
        auto message =
            mail::giftCardMessage(card, u"hello@oasis-spa.example"_s, u"maya@example.com"_s);
        REQUIRE(message);
        message->to = u"maya@example.com\r\nBcc: eve@example.com"_s;
        const Status sent = mail::send(loopback(sink.port()), *message);
        REQUIRE_FALSE(sent);
        REQUIRE(sent.error().code == ErrorCode::Invalid);
        REQUIRE(sink.messageFiles().isEmpty());
    }
    SECTION("a server that answers 550 is one sentence") {
        SmtpSink sink(true);
        auto message =
            mail::giftCardMessage(card, u"hello@oasis-spa.example"_s, u"maya@example.com"_s);
        REQUIRE(message);
        const Status sent = mail::send(loopback(sink.port()), *message);
        REQUIRE_FALSE(sent);
        REQUIRE(sent.error().code == ErrorCode::System);
        REQUIRE(sent.error().message.contains(u"550"_s));
        REQUIRE_FALSE(sent.error().message.contains(u'\n'));
        REQUIRE(sink.messageFiles().isEmpty());
    }
    SECTION("a server nobody runs fails at once") {
        auto message =
            mail::giftCardMessage(card, u"hello@oasis-spa.example"_s, u"maya@example.com"_s);
        REQUIRE(message);
        QElapsedTimer timer;
        timer.start();
        const Status sent = mail::send(loopback(closedPort()), *message);
        REQUIRE_FALSE(sent);
        REQUIRE(sent.error().code == ErrorCode::System);
        REQUIRE(sent.error().message.contains(u"could not be reached"_s));
        REQUIRE(timer.elapsed() < 20'000);
    }
    SECTION("no server set is one sentence saying how to set one") {
        auto message =
            mail::giftCardMessage(card, u"hello@oasis-spa.example"_s, u"maya@example.com"_s);
        REQUIRE(message);
        const Status sent = mail::send(mail::Server{}, *message);
        REQUIRE_FALSE(sent);
        REQUIRE(sent.error().message.contains(u"oasisctl settings smtp"_s));
        // As a store with no mail server composes it: no from address either. What to do is
        // still the sentence, not that the from address is missing.
        message->from.clear();
        const Status noFrom = mail::send(mail::Server{}, *message);
        REQUIRE_FALSE(noFrom);
        REQUIRE(noFrom.error().code == ErrorCode::System);
        REQUIRE(noFrom.error().message.contains(u"oasisctl settings smtp"_s));
        // A mistyped recipient is still said first.
        message->to = u"maya@"_s;
        const Status badTo = mail::send(mail::Server{}, *message);
        REQUIRE_FALSE(badTo);
        REQUIRE(badTo.error().code == ErrorCode::Invalid);
    }
}

TEST_CASE("oasisctl settings smtp keeps the mail server and never shows the password",
          "[mail][cli]") {
    Shop shop;
    const Run empty = shop.manager({u"--json"_s, u"settings"_s, u"smtp"_s});
    REQUIRE(empty.exitCode == 0);
    REQUIRE_FALSE(empty.json()[u"configured"_s].toBool());

    // Bad input: one line, exit 1, nothing changed.
    for (const QStringList &bad :
         {QStringList{u"--host"_s, u"mail.example.com"_s, u"--port"_s, u"0"_s, u"--from"_s,
                      u"hello@oasis-spa.example"_s},
          QStringList{u"--host"_s, u"mail.example.com"_s, u"--port"_s, u"70000"_s, u"--from"_s,
                      u"hello@oasis-spa.example"_s},
          QStringList{u"--host"_s, u"mail.example.com"_s, u"--port"_s, u"587"_s, u"--from"_s,
                      u"hello at oasis"_s},
          QStringList{u"--host"_s, u"mail.example.com"_s, u"--port"_s, u"587"_s, u"--from"_s,
                      u"hello@oasis-spa.example"_s, u"--tls"_s, u"ssl3"_s}}) {
        const Run refused = shop.manager(QStringList{u"settings"_s, u"smtp"_s} + bad);
        REQUIRE(refused.exitCode == 1);
        REQUIRE(refused.oneErrorLine());
    }
    REQUIRE_FALSE(shop.settingsText().contains(u"smtp."_s));
    // A front-desk login may not change it.
    const Run frontdesk =
        shop.frontdesk({u"settings"_s, u"smtp"_s, u"--host"_s, u"mail.example.com"_s, u"--port"_s,
                        u"587"_s, u"--from"_s, u"hello@oasis-spa.example"_s});
    REQUIRE(frontdesk.exitCode == 2);
    REQUIRE_FALSE(shop.settingsText().contains(u"smtp."_s));

    const QString secret = u"s3cret-Pa55word"_s;
    const Run set =
        shop.manager({u"--json"_s, u"settings"_s, u"smtp"_s, u"--host"_s, u"mail.example.com"_s,
                      u"--port"_s, u"465"_s, u"--from"_s, u"hello@oasis-spa.example"_s, u"--user"_s,
                      u"spa-mailer"_s, u"--tls"_s, u"tls"_s},
                     {{u"OASIS_SMTP_PASSWORD"_s, secret}});
    REQUIRE(set.exitCode == 0);
    REQUIRE_FALSE(set.out.contains(secret.toUtf8()));
    const Run shown = shop.manager({u"--json"_s, u"settings"_s, u"smtp"_s});
    REQUIRE(shown.exitCode == 0);
    const QJsonObject smtp = shown.json();
    REQUIRE(smtp[u"configured"_s].toBool());
    REQUIRE(smtp[u"host"_s].toString() == u"mail.example.com"_s);
    REQUIRE(smtp[u"port"_s].toInt() == 465);
    REQUIRE(smtp[u"security"_s].toString() == u"tls"_s);
    REQUIRE(smtp[u"user"_s].toString() == u"spa-mailer"_s);
    REQUIRE(smtp[u"from"_s].toString() == u"hello@oasis-spa.example"_s);
    REQUIRE(smtp[u"password_set"_s].toBool());
    const Run text = shop.manager({u"settings"_s, u"smtp"_s});
    REQUIRE(text.out.contains("mail.example.com:465 (tls)"));
    REQUIRE(text.out.contains("in the store's key file"));
    // The password is in the key file only: not in the settings, the journal or any output.
    REQUIRE_FALSE(shop.settingsText().contains(secret));
    for (const auto &[kind, payload] : shop.journal())
        REQUIRE_FALSE(payload.contains(secret));
    REQUIRE_FALSE(text.out.contains(secret.toUtf8()));
    const QStringList keyFiles = QDir(shop.keys()).entryList({u"*.key"_s}, QDir::Files);
    bool kept = false;
    for (const QString &name : keyFiles)
        if (auto ring = KeyRing::load(QDir(shop.keys()).filePath(name)))
            kept = kept || ring->smtpPassword == secret;
    REQUIRE(kept);
}

TEST_CASE("oasisctl giftcard send emails the card and journals it without the code",
          "[mail][cli]") {
    Shop shop;
    SmtpSink sink;
    shop.useServer(sink.port());
    const QString code = shop.sellCard(u"60"_s);

    const Run sent = shop.frontdesk(
        {u"--json"_s, u"giftcard"_s, u"send"_s, code, u"--to"_s, u"maya@example.com"_s});
    REQUIRE(sent.exitCode == 0);
    REQUIRE(sent.json()[u"sent"_s].toBool());
    REQUIRE_FALSE(sent.out.contains(code.toUtf8()));
    const QStringList files = sink.messageFiles();
    REQUIRE(files.size() == 1);
    const ReceivedMail mail = sink.read(files.first());
    REQUIRE(mail.envelope[u"to"_s].toArray() == QJsonArray{u"maya@example.com"_s});
    const QString canonical = giftcode::parse(code).canonical;
    const QJsonObject qr = mail.summary[u"inline"_s].toArray()[0].toObject();
    REQUIRE(qrCodesIn(mail.part(qr[u"file"_s].toString())) == QStringList{canonical});
    const QJsonObject pdf = mail.summary[u"attachments"_s].toArray()[0].toObject();
    REQUIRE(qrCodesInPdf(mail.part(pdf[u"file"_s].toString()), mail.dir) == QStringList{canonical});
    REQUIRE(mail.text().contains(u"To: Maya"_s));
    REQUIRE(mail.text().contains(u"$60.00"_s));

    // One journal entry names the address and the card, never its code.
    int emailed = 0;
    for (const auto &[kind, payload] : shop.journal()) {
        REQUIRE_FALSE(payload.contains(canonical));
        REQUIRE_FALSE(payload.contains(printing::readableCode(canonical)));
        if (kind == u"giftcard_emailed"_s) {
            ++emailed;
            const QJsonObject entry = QJsonDocument::fromJson(payload.toUtf8()).object();
            REQUIRE(entry[u"to"_s].toString() == u"maya@example.com"_s);
            REQUIRE(entry[u"card_id"_s].toInteger() > 0);
            REQUIRE(entry[u"card_last4"_s].toString() == giftcode::last4(canonical));
        }
    }
    REQUIRE(emailed == 1);

    SECTION("a bad address is exit 1 and nothing is sent") {
        const Run bad =
            shop.frontdesk({u"giftcard"_s, u"send"_s, code, u"--to"_s, u"maya(at)example.com"_s});
        REQUIRE(bad.exitCode == 1);
        REQUIRE(bad.oneErrorLine());
        REQUIRE(sink.messageFiles().size() == 1);
    }
    SECTION("an unknown code is exit 2") {
        const QString other = giftcode::generate();
        const Run unknown =
            shop.frontdesk({u"giftcard"_s, u"send"_s, other, u"--to"_s, u"maya@example.com"_s});
        REQUIRE(unknown.exitCode == 2);
        REQUIRE(unknown.oneErrorLine());
        REQUIRE(sink.messageFiles().size() == 1);
    }
    SECTION("a refusing server is exit 3 with one line, and nothing is journaled") {
        SmtpSink refusing(true);
        shop.useServer(refusing.port());
        const Run refused =
            shop.frontdesk({u"giftcard"_s, u"send"_s, code, u"--to"_s, u"maya@example.com"_s});
        REQUIRE(refused.exitCode == 3);
        REQUIRE(refused.oneErrorLine());
        REQUIRE(refused.err.contains("550"));
        int entries = 0;
        for (const auto &[kind, payload] : shop.journal())
            entries += kind == u"giftcard_emailed"_s;
        REQUIRE(entries == 1);
    }
    SECTION("a server that cannot be reached is exit 3 with one line") {
        shop.useServer(closedPort());
        const Run down =
            shop.frontdesk({u"giftcard"_s, u"send"_s, code, u"--to"_s, u"maya@example.com"_s});
        REQUIRE(down.exitCode == 3);
        REQUIRE(down.oneErrorLine());
    }
}

TEST_CASE("oasisctl receipt send emails the receipt with its QR", "[mail][cli]") {
    Shop shop;
    SmtpSink sink;
    shop.useServer(sink.port());
    const Run sale =
        shop.frontdesk({u"--json"_s, u"sale"_s, u"OIL-SWA-100"_s, u"--pay"_s, u"cash:20"_s});
    REQUIRE(sale.exitCode == 0);
    const qint64 receipt = sale.json()[u"receipt"_s].toInteger();

    const Run bad = shop.frontdesk(
        {u"receipt"_s, u"send"_s, QString::number(receipt), u"--to"_s, u"not an address"_s});
    REQUIRE(bad.exitCode == 1);
    REQUIRE(bad.oneErrorLine());
    const Run unknown =
        shop.frontdesk({u"receipt"_s, u"send"_s, u"9999"_s, u"--to"_s, u"maya@example.com"_s});
    REQUIRE(unknown.exitCode == 2);
    REQUIRE(sink.messageFiles().isEmpty());

    const Run sent = shop.frontdesk({u"--json"_s, u"receipt"_s, u"send"_s, QString::number(receipt),
                                     u"--to"_s, u"sam@example.com"_s});
    REQUIRE(sent.exitCode == 0);
    const QStringList files = sink.messageFiles();
    REQUIRE(files.size() == 1);
    const ReceivedMail mail = sink.read(files.first());
    REQUIRE(mail.envelope[u"to"_s].toArray() == QJsonArray{u"sam@example.com"_s});
    REQUIRE(mail.summary[u"subject"_s].toString().contains(receiptCode(receipt)));
    const QJsonObject qr = mail.summary[u"inline"_s].toArray()[0].toObject();
    REQUIRE(qrCodesIn(mail.part(qr[u"file"_s].toString())) == QStringList{receiptCode(receipt)});
    // $18.00 sweet almond oil + $1.90 tax, in both bodies.
    for (const QString &body : {mail.text(), mail.html()}) {
        REQUIRE(body.contains(u"$19.90"_s));
        REQUIRE(body.contains(u"Sweet"_s, Qt::CaseInsensitive));
    }
    int emailed = 0;
    for (const auto &[kind, payload] : shop.journal())
        if (kind == u"receipt_emailed"_s) {
            ++emailed;
            const QJsonObject entry = QJsonDocument::fromJson(payload.toUtf8()).object();
            REQUIRE(entry[u"to"_s].toString() == u"sam@example.com"_s);
            REQUIRE(entry[u"receipt"_s].toInteger() == receipt);
        }
    REQUIRE(emailed == 1);
}
