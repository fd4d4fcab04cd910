// SPDX-License-Identifier: GPL-3.0-or-later
// Service vouchers through oasisctl: sold and redeemed with `sale`, looked up with `giftcard
// balance`, a certificate whose QR ZXing reads back, and several oasisctl processes redeeming the
// same vouchers at once.
#include "tests/printing/printingfixtures.h"
#include "tests/support/testsupport.h"

#include "core/domain/giftcode.h"
#include "core/services/voucher.h"
#include "core/storage/journal.h"

#include <QImage>
#include <QJsonArray>
#include <QProcess>

using namespace oasis;
using namespace oasis::test;
using namespace Qt::StringLiterals;

namespace {

struct Ctl {
    TempDb tmp{true};
    Ctl() {
        addRegisters(tmp.db(), {u"desk-0"_s, u"desk-1"_s, u"desk-2"_s, u"desk-3"_s});
        tmp.close();
    }
    CtlRun run(const QStringList &args, const QString &user = u"frontdesk"_s,
               const QString &pin = u"1111"_s) {
        return runCtl(QStringLiteral(OASISCTL_PATH), tmp.path(), tmp.keyDir(),
                      QStringList{u"--json"_s, u"--user"_s, user} + args,
                      {{u"OASIS_PIN"_s, pin}, {u"OASIS_REGISTER"_s, u"desk-1"_s}});
    }
    QString sellVoucher(const QString &session) {
        const CtlRun sold = run({u"sale"_s, u"voucher:"_s + session, u"--pay"_s, u"card:135"_s});
        REQUIRE(sold.exitCode == 0);
        const QJsonArray vouchers = sold.json().value(u"vouchers").toArray();
        REQUIRE(vouchers.size() == 1);
        return vouchers[0].toObject().value(u"code").toString();
    }
};

} // namespace

TEST_CASE("oasisctl sells a voucher, shows it with giftcard balance and redeems it once",
          "[voucher][cli]") {
    Ctl c;
    const CtlRun sold = c.run({u"sale"_s, u"voucher:DT60"_s, u"--pay"_s, u"card:135"_s});
    REQUIRE(sold.exitCode == 0);
    const QJsonObject receipt = sold.json();
    REQUIRE(receipt.value(u"total_cents").toInteger() == 135'00);
    REQUIRE(receipt.value(u"tax_cents").toInteger() == 0);
    const QJsonObject voucher = receipt.value(u"vouchers").toArray().at(0).toObject();
    const QString code = voucher.value(u"code").toString();
    REQUIRE(giftcode::parseVoucher(code).status == giftcode::Parse::Ok);
    REQUIRE(voucher.value(u"session").toString() == u"DT60"_s);
    REQUIRE(receipt.value(u"lines").toArray().at(0).toObject().value(u"kind").toString() ==
            u"voucher"_s);

    CtlRun balance = c.run({u"giftcard"_s, u"balance"_s, code});
    REQUIRE(balance.exitCode == 0);
    QJsonObject b = balance.json();
    REQUIRE(b.value(u"kind").toString() == u"voucher"_s);
    REQUIRE(b.value(u"session").toString() == u"DT60"_s);
    REQUIRE(b.value(u"service").toString() == u"One 60-minute deep tissue massage"_s);
    REQUIRE(b.value(u"redeemed").toBool() == false);
    REQUIRE(b.value(u"status").toString() == u"active"_s);

    const CtlRun used = c.run({u"sale"_s, u"DT60@lena"_s, u"--pay"_s, u"voucher:"_s + code});
    REQUIRE(used.exitCode == 0);
    const QJsonObject tender = used.json().value(u"tenders").toArray().at(0).toObject();
    REQUIRE(tender.value(u"type").toString() == u"voucher"_s);
    REQUIRE(tender.value(u"amount_cents").toInteger() == 135'00);
    REQUIRE(tender.value(u"last4").toString() == giftcode::last4(code));

    b = c.run({u"giftcard"_s, u"balance"_s, code}).json();
    REQUIRE(b.value(u"redeemed").toBool() == true);
    REQUIRE(b.value(u"status").toString() == u"redeemed"_s);

    // The receipt names the voucher by its last 4 and the session it covered.
    const CtlRun shown = runCtl(
        QStringLiteral(OASISCTL_PATH), c.tmp.path(), c.tmp.keyDir(),
        {u"receipt"_s, u"show"_s, QString::number(used.json().value(u"receipt").toInteger())},
        {{u"OASIS_REGISTER"_s, u"desk-1"_s}});
    REQUIRE(shown.exitCode == 0);
    REQUIRE(shown.out.contains((u"Voucher ••"_s + giftcode::last4(code)).toUtf8()));
    REQUIRE(shown.out.contains("Covered: Deep Tissue Massage 60 min"));
    REQUIRE_FALSE(shown.out.contains(QString(code).remove(u'-').mid(3, 8).toUtf8()));

    const CtlRun again = c.run({u"sale"_s, u"DT60@lena"_s, u"--pay"_s, u"voucher:"_s + code});
    REQUIRE(again.exitCode == 2);
    REQUIRE(again.oneErrorLine());
    REQUIRE(again.err.contains("already redeemed"));

    // A gift card's balance says its kind too.
    const CtlRun card = c.run({u"sale"_s, u"giftcard:50"_s, u"--pay"_s, u"card:50"_s});
    const QString cardCode =
        card.json().value(u"giftcards").toArray().at(0).toObject().value(u"code").toString();
    REQUIRE(c.run({u"giftcard"_s, u"balance"_s, cardCode}).json().value(u"kind").toString() ==
            u"money"_s);

    // The report: one sold and redeemed, one gift card is not a voucher; nothing owed.
    const CtlRun report = c.run({u"report"_s, u"vouchers"_s}, u"manager"_s, u"9999"_s);
    REQUIRE(report.exitCode == 0);
    const QJsonObject owed = report.json().value(u"liability").toObject();
    REQUIRE(owed.value(u"sold").toInteger() == 1);
    REQUIRE(owed.value(u"sold_cents").toInteger() == 135'00);
    REQUIRE(owed.value(u"redeemed").toInteger() == 1);
    REQUIRE(owed.value(u"closing_cents").toInteger() == 0);
    REQUIRE(report.json().value(u"rows").toArray().size() == 1);

    // Bad input: one line, nothing sold.
    const CtlRun typo = c.run({u"sale"_s, u"voucher:OIL-LAV-120"_s, u"--pay"_s, u"card:24"_s});
    REQUIRE(typo.exitCode == 2);
    REQUIRE(typo.oneErrorLine());
}

TEST_CASE("a voucher's certificate names its service and its QR reads back to the code",
          "[voucher][cli][printing]") {
    Ctl c;
    const QString code = c.sellVoucher(u"DT60"_s);
    QTemporaryDir dir;
    const QString png = dir.filePath(u"voucher.png"_s);
    const CtlRun written = c.run({u"giftcard"_s, u"certificate"_s, code, u"--out"_s, png});
    REQUIRE(written.exitCode == 0);
    REQUIRE(written.json().value(u"service").toString() == u"One 60-minute deep tissue massage"_s);
    const QImage image(png);
    REQUIRE_FALSE(image.isNull());
    const QStringList decoded = printing::test::decodeQrCodes(image);
    REQUIRE(decoded == QStringList{code});
    const QString pdf = dir.filePath(u"voucher.pdf"_s);
    REQUIRE(c.run({u"giftcard"_s, u"certificate"_s, code, u"--out"_s, pdf}).exitCode == 0);
    QFile file(pdf);
    REQUIRE(file.open(QIODevice::ReadOnly));
    REQUIRE(file.read(5) == "%PDF-");
}

TEST_CASE("four registers redeeming the same vouchers at once redeem each exactly once",
          "[voucher][concurrency]") {
    Ctl c;
    const QStringList codes{c.sellVoucher(u"DT60"_s), c.sellVoucher(u"DT60"_s)};
    QList<QProcess *> running;
    int succeeded = 0;
    int refused = 0;
    for (int round = 0; round < 2; ++round) {
        for (int p = 0; p < 4; ++p) {
            auto *proc = new QProcess;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(u"OASIS_KEY_DIR"_s, c.tmp.keyDir());
            env.insert(u"OASIS_PIN"_s, u"1111"_s);
            env.insert(u"OASIS_REGISTER"_s, u"desk-%1"_s.arg(p));
            proc->setProcessEnvironment(env);
            proc->start(QStringLiteral(OASISCTL_PATH),
                        {u"--db"_s, c.tmp.path(), u"--user"_s, u"frontdesk"_s, u"sale"_s,
                         u"DT60@lena"_s, u"--pay"_s, u"voucher:"_s + codes[(round + p) % 2]});
            running << proc;
        }
        for (QProcess *proc : std::as_const(running)) {
            REQUIRE(proc->waitForFinished(30'000));
            if (proc->exitCode() == 0)
                ++succeeded;
            else if (proc->exitCode() == 2)
                ++refused;
            else
                FAIL("oasisctl failed: " << proc->readAllStandardError().toStdString());
            delete proc;
        }
        running.clear();
    }
    REQUIRE(succeeded == 2);
    REQUIRE(refused == 6);
    c.tmp.reopen();
    Database &d = c.tmp.db();
    REQUIRE(
        value(d.scalar(u"SELECT COUNT(*) FROM voucher_activity WHERE kind = 'redeem'"_s)).toInt() ==
        2);
    REQUIRE(
        value(d.scalar(u"SELECT COUNT(*) FROM sale_tenders WHERE type = 'voucher'"_s)).toInt() ==
        2);
    REQUIRE(value(d.scalar(u"SELECT COALESCE(SUM(amount_cents), 0) FROM voucher_activity"_s))
                .toLongLong() == 0);
    REQUIRE(value(Journal::verify(d)).ok);
}
