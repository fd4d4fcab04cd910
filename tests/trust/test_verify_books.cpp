// SPDX-License-Identifier: GPL-3.0-or-later
// `journal verify` checks the books against the journal (DESIGN §8, §14): a sale edited or
// deleted, a forged card load, an edited stock movement, an emptied anchor and a damaged file
// are each found, as the owner would find them, by running oasisctl.
#include "tests/support/testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

using namespace oasis;
using namespace Qt::StringLiterals;

namespace {

struct Run {
    int code = -1;
    QJsonObject json;
    QString err;
};

/// A demo store made by oasisctl in a folder of its own, with its keys (and anchor) beside it.
class Shop final {
public:
    Shop() {
        REQUIRE(m_dir.isValid());
        REQUIRE(run({u"init"_s, u"--demo"_s}).code == 0);
    }
    QString db() const { return m_dir.filePath(u"spa.db"_s); }
    QString anchor() const {
        const QStringList found =
            QDir(m_dir.filePath(u"keys"_s)).entryList({u"*.anchor"_s}, QDir::Files);
        REQUIRE(found.size() == 1);
        return m_dir.filePath(u"keys/"_s + found.first());
    }
    Run run(const QStringList &args, const QString &user = {}, const QString &pin = {},
            const QString &approverPin = {}) const {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"OASIS_KEY_DIR"_s, m_dir.filePath(u"keys"_s));
        env.insert(u"XDG_CONFIG_HOME"_s, m_dir.filePath(u"config"_s));
        env.insert(u"XDG_DATA_HOME"_s, m_dir.filePath(u"data"_s));
        env.insert(u"OASIS_REGISTER"_s, u"front-1"_s);
        env.insert(u"OASIS_PIN"_s, pin);
        env.insert(u"OASIS_APPROVER_PIN"_s, approverPin);
        p.setProcessEnvironment(env);
        QStringList all{u"--db"_s, db(), u"--json"_s};
        if (!user.isEmpty())
            all << u"--user"_s << user;
        p.start(QStringLiteral(OASISCTL_PATH), all + args);
        REQUIRE(p.waitForFinished(60000));
        Run r;
        r.code = p.exitCode();
        r.json = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }
    Run verify() const { return run({u"journal"_s, u"verify"_s}); }

private:
    QTemporaryDir m_dir;
};

void expectOk(const Run &r) {
    INFO(r.err.toStdString());
    REQUIRE(r.code == 0);
    REQUIRE(r.json.value(u"ok").toBool());
}

void expectTampered(const Run &r) {
    INFO(r.err.toStdString() << " " << QJsonDocument(r.json).toJson().toStdString());
    REQUIRE(r.code == 2);
    REQUIRE_FALSE(r.json.value(u"ok").toBool(true));
    REQUIRE_FALSE(r.json.value(u"damaged").toBool());
    REQUIRE(r.json.value(u"first_bad").toInteger() > 0);
}

qint64 entryOf(const Shop &shop, const QString &kind, const QString &also = u"1"_s) {
    // The journal's last entry of `kind` (and `also`), read as a tamperer would.
    QSqlDatabase c = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"peek"_s);
    qint64 seq = 0;
    {
        c.setDatabaseName(shop.db());
        REQUIRE(c.open());
        QSqlQuery q(c);
        REQUIRE(
            q.exec(u"SELECT MAX(seq) FROM journal WHERE kind = '"_s + kind + u"' AND "_s + also));
        REQUIRE(q.next());
        seq = q.value(0).toLongLong();
    }
    c.close();
    c = QSqlDatabase();
    QSqlDatabase::removeDatabase(u"peek"_s);
    return seq;
}

} // namespace

TEST_CASE("journal verify checks every sale, refund, card activity and stock movement",
          "[trust][journal]") {
    Shop shop;
    const Run sale = shop.run({u"sale"_s, u"OIL-LAV-120"_s, u"--pay"_s, u"cash:100"_s},
                              u"frontdesk"_s, u"1111"_s);
    REQUIRE(sale.code == 0);
    const Run card = shop.run({u"sale"_s, u"giftcard:50"_s, u"--pay"_s, u"cash:50"_s},
                              u"frontdesk"_s, u"1111"_s);
    REQUIRE(card.code == 0);
    const QString code =
        card.json.value(u"giftcards").toArray().at(0).toObject().value(u"code").toString();
    REQUIRE_FALSE(code.isEmpty());
    REQUIRE(shop.run({u"giftcard"_s, u"reload"_s, code, u"25"_s, u"--pay"_s, u"cash:25"_s},
                     u"manager"_s, u"9999"_s)
                .code == 0);
    REQUIRE(shop.run({u"refund"_s, u"R-000001"_s, u"--restock"_s, u"--approve-by"_s, u"manager"_s},
                     u"frontdesk"_s, u"1111"_s, u"9999"_s)
                .code == 0);
    REQUIRE(
        shop.run({u"inventory"_s, u"receive"_s, u"OIL-LAV-120"_s, u"6"_s}, u"manager"_s, u"9999"_s)
            .code == 0);
    const Run z = shop.run({u"report"_s, u"z"_s}, u"manager"_s, u"9999"_s);
    INFO(z.err.toStdString());
    REQUIRE(z.code == 0);

    SECTION("a clean store verifies") {
        expectOk(shop.verify());
    }
    SECTION("a sale's total edited by hand") {
        const qint64 entry = entryOf(shop, u"sale"_s, u"json_extract(payload, '$.receipt') = 2"_s);
        test::rawSql(shop.db(), u"UPDATE sales SET total_cents = 100 WHERE receipt_no = 2"_s);
        const Run r = shop.verify();
        expectTampered(r);
        REQUIRE(r.json.value(u"first_bad").toInteger() == entry);
        REQUIRE(r.json.value(u"problem").toString().contains(u"R-000002's total was changed"_s));
    }
    SECTION("a sale deleted from every table") {
        for (const QString &table :
             {u"sale_lines"_s, u"sale_taxes"_s, u"sale_tenders"_s, u"stock_movements"_s})
            test::rawSql(shop.db(), u"DELETE FROM "_s + table +
                                        u" WHERE sale_id IN (SELECT id FROM sales WHERE "
                                        "receipt_no = 3 OR original_sale_id IS NOT NULL)"_s);
        test::rawSql(shop.db(), u"DELETE FROM sales WHERE receipt_no = 3"_s);
        const Run r = shop.verify();
        expectTampered(r);
        REQUIRE(r.json.value(u"problem").toString().contains(u"deleted"_s));
    }
    SECTION("a forged gift-card load") {
        test::rawSql(shop.db(), u"INSERT INTO giftcard_activity(giftcard_id, kind, amount_cents, "
                                "created_at) SELECT MAX(id), 'load', 50000, "
                                "'2026-12-01T10:00:00.000Z' FROM giftcards"_s);
        const Run r = shop.verify();
        expectTampered(r);
        REQUIRE(r.json.value(u"problem").toString().contains(u"no journal entry recorded it"_s));
    }
    SECTION("a stock movement's quantity edited") {
        const qint64 entry = entryOf(shop, u"stock_receive"_s);
        test::rawSql(shop.db(), u"UPDATE stock_movements SET quantity = 60 WHERE id = "
                                "(SELECT MAX(id) FROM stock_movements WHERE reason = 'receive')"_s);
        const Run r = shop.verify();
        expectTampered(r);
        REQUIRE(r.json.value(u"first_bad").toInteger() == entry);
    }
    SECTION("an emptied anchor file") {
        QFile anchor(shop.anchor());
        REQUIRE(anchor.open(QIODevice::WriteOnly | QIODevice::Truncate));
        anchor.close();
        const Run r = shop.verify();
        REQUIRE(r.code == 2);
        REQUIRE_FALSE(r.json.value(u"ok").toBool(true));
        REQUIRE(r.json.value(u"problem").toString().contains(u"empty or unreadable"_s));
        // One more sale does not rewrite it and hide what it would have shown.
        REQUIRE(shop.run({u"sale"_s, u"OIL-LAV-120"_s, u"--pay"_s, u"cash:100"_s}, u"frontdesk"_s,
                         u"1111"_s)
                    .code == 0);
        REQUIRE(shop.verify().code == 2);
    }
    SECTION("the journal's tail cut with the Z rows deleted and the anchor emptied") {
        const qint64 zEntry = entryOf(shop, u"z_report"_s);
        test::rawSql(shop.db(), u"DELETE FROM journal WHERE seq >= "_s + QString::number(zEntry));
        test::rawSql(shop.db(), u"DELETE FROM z_reports"_s);
        QFile anchor(shop.anchor());
        REQUIRE(anchor.open(QIODevice::WriteOnly | QIODevice::Truncate));
        anchor.close();
        const Run r = shop.verify();
        REQUIRE(r.code == 2);
        REQUIRE_FALSE(r.json.value(u"ok").toBool(true));
        REQUIRE(r.json.value(u"problem").toString().contains(u"anchor"_s));
    }
    SECTION("a damaged page is said as damaged, never as tampering") {
        QFile file(shop.db());
        REQUIRE(file.open(QIODevice::ReadWrite));
        const qint64 size = file.size();
        REQUIRE(size > 64 * 1024);
        REQUIRE(file.seek(size / 2));
        REQUIRE(file.write(QByteArray(8192, '\xa5')) == 8192);
        file.close();
        const Run r = shop.verify();
        REQUIRE(r.code == 3);
        REQUIRE(r.json.value(u"damaged").toBool());
        REQUIRE_FALSE(r.json.value(u"ok").toBool(true));
        REQUIRE(r.err.contains(u"damaged"_s));
        REQUIRE_FALSE(r.err.contains(u"tampered"_s));
    }
}
