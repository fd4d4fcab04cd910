// SPDX-License-Identifier: GPL-3.0-or-later
// Session packages through oasisctl: defined with `package define`, sold to a client with
// `sale package:CODE --client ID`, used with `--pay package:CODE`, looked up with `giftcard
// balance`, refunded with `package refund`, reported with `report packages`; a certificate whose
// QR ZXing reads back; several oasisctl processes using the last sessions at once.
#include "tests/printing/printingfixtures.h"
#include "tests/support/testsupport.h"

#include "core/domain/giftcode.h"
#include "core/services/demo.h"
#include "core/storage/journal.h"

#include <QImage>
#include <QJsonArray>
#include <QProcess>

using namespace oasis;
using namespace oasis::test;
using namespace Qt::StringLiterals;

namespace {

struct PackageCtl {
    TempDb tmp{true};
    PackageCtl() {
        addRegisters(tmp.db(), {u"desk-0"_s, u"desk-1"_s, u"desk-2"_s, u"desk-3"_s});
        ok(installDemoPackages(tmp.db()));
        tmp.close();
    }
    CtlRun run(const QStringList &args, const QString &user = u"frontdesk"_s,
               const QString &pin = u"1111"_s) {
        return runCtl(QStringLiteral(OASISCTL_PATH), tmp.path(), tmp.keyDir(),
                      QStringList{u"--json"_s, u"--user"_s, user} + args,
                      {{u"OASIS_PIN"_s, pin}, {u"OASIS_REGISTER"_s, u"desk-1"_s}});
    }
    QString client() {
        const CtlRun added =
            run({u"client"_s, u"add"_s, u"Ana Ruiz"_s, u"--phone"_s, u"206-555-0142"_s},
                u"manager"_s, u"9999"_s);
        REQUIRE(added.exitCode == 0);
        return QString::number(added.json().value(u"client").toObject().value(u"id").toInteger());
    }
    QString sellPackage(const QString &product, const QString &pay) {
        const CtlRun sold =
            run({u"sale"_s, u"package:"_s + product, u"--client"_s, client(), u"--pay"_s, pay});
        REQUIRE(sold.exitCode == 0);
        const QJsonArray packages = sold.json().value(u"packages").toArray();
        REQUIRE(packages.size() == 1);
        return packages[0].toObject().value(u"code").toString();
    }
};

} // namespace

TEST_CASE("oasisctl sells a package to a client, uses its sessions, shows and refunds it",
          "[package][cli]") {
    PackageCtl c;
    // A package needs a client: one line, nothing sold.
    const CtlRun noClient = c.run({u"sale"_s, u"package:PKG-DT60-5"_s, u"--pay"_s, u"card:600"_s});
    REQUIRE(noClient.exitCode == 2);
    REQUIRE(noClient.oneErrorLine());
    REQUIRE(noClient.err.contains("client"));

    const QString ana = c.client();
    const CtlRun sold = c.run(
        {u"sale"_s, u"package:PKG-DT60-5"_s, u"--client"_s, ana, u"--pay"_s, u"card:600:4242"_s});
    REQUIRE(sold.exitCode == 0);
    const QJsonObject receipt = sold.json();
    REQUIRE(receipt.value(u"total_cents").toInteger() == 600'00);
    REQUIRE(receipt.value(u"tax_cents").toInteger() == 0);
    const QJsonObject package = receipt.value(u"packages").toArray().at(0).toObject();
    const QString code = package.value(u"code").toString();
    REQUIRE(giftcode::parsePackage(code).status == giftcode::Parse::Ok);
    REQUIRE(package.value(u"sessions").toInt() == 5);
    REQUIRE(package.value(u"service").toString() ==
            u"5 sessions of 60-minute deep tissue massage"_s);
    REQUIRE(receipt.value(u"lines").toArray().at(0).toObject().value(u"kind").toString() ==
            u"package"_s);
    const qint64 soldReceipt = receipt.value(u"receipt").toInteger();

    // The receipt: the code's last 4 and "5 sessions", never the code.
    const CtlRun shown = runCtl(QStringLiteral(OASISCTL_PATH), c.tmp.path(), c.tmp.keyDir(),
                                {u"receipt"_s, u"show"_s, QString::number(soldReceipt)},
                                {{u"OASIS_REGISTER"_s, u"desk-1"_s}});
    REQUIRE(shown.exitCode == 0);
    REQUIRE(
        shown.out.contains((u"Package ••"_s + giftcode::last4(code) + u": 5 sessions"_s).toUtf8()));
    REQUIRE_FALSE(shown.out.contains(QString(code).remove(u'-').mid(3, 8).toUtf8()));

    CtlRun balance = c.run({u"giftcard"_s, u"balance"_s, code});
    REQUIRE(balance.exitCode == 0);
    QJsonObject b = balance.json();
    REQUIRE(b.value(u"kind").toString() == u"package"_s);
    REQUIRE(b.value(u"sessions_left").toInt() == 5);
    REQUIRE(b.value(u"session").toString() == u"DT60"_s);
    REQUIRE(b.value(u"client_id").toInteger() == ana.toLongLong());

    // The client's page lists it with its sessions left.
    const CtlRun page = c.run({u"client"_s, u"show"_s, ana}, u"manager"_s, u"9999"_s);
    REQUIRE(page.exitCode == 0);
    const QJsonObject listed = page.json().value(u"packages").toArray().at(0).toObject();
    REQUIRE(listed.value(u"last4").toString() == giftcode::last4(code));
    REQUIRE(listed.value(u"sessions_left").toInt() == 5);

    // A session: its line at $120 with Lena, paid by the package.
    const CtlRun used = c.run({u"sale"_s, u"DT60@lena"_s, u"--pay"_s, u"package:"_s + code});
    REQUIRE(used.exitCode == 0);
    REQUIRE(used.json().value(u"total_cents").toInteger() == 120'00);
    const QJsonObject tender = used.json().value(u"tenders").toArray().at(0).toObject();
    REQUIRE(tender.value(u"type").toString() == u"package"_s);
    REQUIRE(tender.value(u"amount_cents").toInteger() == 120'00);
    REQUIRE(tender.value(u"last4").toString() == giftcode::last4(code));
    REQUIRE(tender.value(u"sessions_left").toInt() == 4);
    const CtlRun usedReceipt = runCtl(
        QStringLiteral(OASISCTL_PATH), c.tmp.path(), c.tmp.keyDir(),
        {u"receipt"_s, u"show"_s, QString::number(used.json().value(u"receipt").toInteger())},
        {{u"OASIS_REGISTER"_s, u"desk-1"_s}});
    REQUIRE(usedReceipt.out.contains((u"Package ••"_s + giftcode::last4(code)).toUtf8()));
    REQUIRE(usedReceipt.out.contains("Covered: Deep Tissue Massage 60 min"));
    REQUIRE(usedReceipt.out.contains("4 sessions left"));
    REQUIRE(c.run({u"giftcard"_s, u"balance"_s, code}).json().value(u"sessions_left").toInt() == 4);

    // The report: $600 sold, $120 recognised, $480 owed.
    CtlRun report = c.run({u"report"_s, u"packages"_s}, u"manager"_s, u"9999"_s);
    REQUIRE(report.exitCode == 0);
    QJsonObject owed = report.json().value(u"liability").toObject();
    REQUIRE(owed.value(u"sold_cents").toInteger() == 600'00);
    REQUIRE(owed.value(u"recognised_cents").toInteger() == 120'00);
    REQUIRE(owed.value(u"sessions_used").toInteger() == 1);
    REQUIRE(owed.value(u"closing_cents").toInteger() == 480'00);
    REQUIRE(owed.value(u"sessions_left").toInteger() == 4);

    // The 4 sessions left, refunded by a manager: $480 back to the card, none left.
    const CtlRun alone = c.run({u"package"_s, u"refund"_s, code});
    REQUIRE(alone.exitCode == 2);
    REQUIRE(alone.oneErrorLine());
    const CtlRun refunded = runCtl(QStringLiteral(OASISCTL_PATH), c.tmp.path(), c.tmp.keyDir(),
                                   {u"--json"_s, u"--user"_s, u"frontdesk"_s, u"--approve-by"_s,
                                    u"manager"_s, u"package"_s, u"refund"_s, code},
                                   {{u"OASIS_PIN"_s, u"1111"_s},
                                    {u"OASIS_APPROVER_PIN"_s, u"9999"_s},
                                    {u"OASIS_REGISTER"_s, u"desk-1"_s}});
    REQUIRE(refunded.exitCode == 0);
    REQUIRE(refunded.json().value(u"refund_cents").toInteger() == 480'00);
    REQUIRE(refunded.json().value(u"sessions_refunded").toInt() == 4);
    REQUIRE(refunded.json().value(u"original_receipt").toInteger() == soldReceipt);
    REQUIRE(refunded.json().value(u"tenders").toArray().at(0).toObject().value(u"type") ==
            u"card"_s);
    b = c.run({u"giftcard"_s, u"balance"_s, code}).json();
    REQUIRE(b.value(u"sessions_left").toInt() == 0);
    REQUIRE(b.value(u"status").toString() == u"refunded"_s);
    const CtlRun after = c.run({u"sale"_s, u"DT60@lena"_s, u"--pay"_s, u"package:"_s + code});
    REQUIRE(after.exitCode == 2);
    REQUIRE(after.oneErrorLine());
    owed = c.run({u"report"_s, u"packages"_s}, u"manager"_s, u"9999"_s)
               .json()
               .value(u"liability")
               .toObject();
    REQUIRE(owed.value(u"refunded_cents").toInteger() == 480'00);
    REQUIRE(owed.value(u"closing_cents").toInteger() == 0);
}

TEST_CASE("oasisctl package define is a manager's, and list shows what is defined",
          "[package][cli]") {
    PackageCtl c;
    const CtlRun alone = c.run({u"package"_s, u"define"_s, u"PKG-DT90-3"_s, u"--service"_s,
                                u"DT90"_s, u"--sessions"_s, u"3"_s, u"--price"_s, u"500"_s});
    REQUIRE(alone.exitCode == 2);
    REQUIRE(alone.oneErrorLine());
    const CtlRun bad = c.run({u"package"_s, u"define"_s, u"PKG-DT90-3"_s, u"--service"_s, u"DT90"_s,
                              u"--sessions"_s, u"many"_s, u"--price"_s, u"500"_s},
                             u"manager"_s, u"9999"_s);
    REQUIRE(bad.exitCode == 1);
    REQUIRE(bad.oneErrorLine());
    const CtlRun defined = c.run({u"package"_s, u"define"_s, u"PKG-DT90-3"_s, u"--service"_s,
                                  u"DT90"_s, u"--sessions"_s, u"3"_s, u"--price"_s, u"500"_s},
                                 u"manager"_s, u"9999"_s);
    REQUIRE(defined.exitCode == 0);
    REQUIRE(defined.json().value(u"package").toObject().value(u"session_cents").toInteger() ==
            166'66);
    const QJsonArray list = c.run({u"package"_s, u"list"_s}).json().value(u"packages").toArray();
    REQUIRE(list.size() == 2);
    REQUIRE(list[1].toObject().value(u"code").toString() == u"PKG-DT90-3"_s);
}

TEST_CASE("a package's certificate names its sessions and its QR reads back to the code",
          "[package][cli][printing]") {
    PackageCtl c;
    const QString code = c.sellPackage(u"PKG-DT60-5"_s, u"card:600"_s);
    QTemporaryDir dir;
    const QString png = dir.filePath(u"package.png"_s);
    const CtlRun written = c.run({u"giftcard"_s, u"certificate"_s, code, u"--out"_s, png});
    REQUIRE(written.exitCode == 0);
    REQUIRE(written.json().value(u"service").toString() ==
            u"5 sessions of 60-minute deep tissue massage"_s);
    const QImage image(png);
    REQUIRE_FALSE(image.isNull());
    REQUIRE(printing::test::decodeQrCodes(image) == QStringList{code});
}

TEST_CASE("four registers using the last sessions of a package at once use each exactly once",
          "[package][concurrency]") {
    PackageCtl c;
    REQUIRE(c.run({u"package"_s, u"define"_s, u"PKG-DT60-2"_s, u"--service"_s, u"DT60"_s,
                   u"--sessions"_s, u"2"_s, u"--price"_s, u"250"_s},
                  u"manager"_s, u"9999"_s)
                .exitCode == 0);
    const QString code = c.sellPackage(u"PKG-DT60-2"_s, u"card:250"_s);
    QList<QProcess *> running;
    for (int p = 0; p < 4; ++p) {
        auto *proc = new QProcess;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"OASIS_KEY_DIR"_s, c.tmp.keyDir());
        env.insert(u"OASIS_PIN"_s, u"1111"_s);
        env.insert(u"OASIS_REGISTER"_s, u"desk-%1"_s.arg(p));
        proc->setProcessEnvironment(env);
        proc->start(QStringLiteral(OASISCTL_PATH),
                    {u"--db"_s, c.tmp.path(), u"--user"_s, u"frontdesk"_s, u"sale"_s,
                     u"DT60@lena"_s, u"--pay"_s, u"package:"_s + code});
        running << proc;
    }
    int succeeded = 0;
    int refused = 0;
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
    // Every refusal is a session that was not there; at least one register got each session.
    REQUIRE(succeeded >= 1);
    REQUIRE(succeeded <= 2);
    REQUIRE(succeeded + refused == 4);
    // A register that lost a race takes the payment again: exactly 2 sessions in all.
    while (succeeded < 3) {
        const CtlRun next = c.run({u"sale"_s, u"DT60@lena"_s, u"--pay"_s, u"package:"_s + code});
        if (next.exitCode != 0) {
            REQUIRE(next.exitCode == 2);
            REQUIRE(next.err.contains("no session left"));
            break;
        }
        ++succeeded;
    }
    REQUIRE(succeeded == 2);
    c.tmp.reopen();
    Database &d = c.tmp.db();
    const qint64 redeemed =
        value(d.scalar(u"SELECT COUNT(*) FROM package_activity WHERE kind = 'redeem'"_s))
            .toLongLong();
    REQUIRE(redeemed == succeeded);
    REQUIRE(value(d.scalar(u"SELECT COUNT(*) FROM sale_tenders WHERE type = 'package'"_s))
                .toLongLong() == succeeded);
    // What was recognised and what is owed sum to what was paid, to the cent.
    REQUIRE(value(d.scalar(u"SELECT COALESCE(SUM(amount_cents), 0) FROM package_activity"_s))
                .toLongLong() == 0);
    REQUIRE(value(Journal::verify(d)).ok);
}
