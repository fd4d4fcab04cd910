// SPDX-License-Identifier: GPL-3.0-or-later
// oasisctl shift, report, backup and restore run as a script runs them: exit codes and JSON.
#include "core/domain/money.h"
#include "tests/support/testsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <initializer_list>

using namespace oasis;
using namespace Qt::StringLiterals;

namespace {

struct Run {
    int code = -1;
    QJsonObject json;
    QString out;
    QString err;
};

class Cli final {
public:
    Cli() {
        REQUIRE(m_dir.isValid());
        m_db = QDir(m_dir.path()).filePath(QStringLiteral("oasis.db"));
        REQUIRE(run({"init", "--demo"}).code == 0);
    }
    QString path(QAnyStringView name) const { return QDir(m_dir.path()).filePath(name.toString()); }
    /// A print target in the test's folder, e.g. target("text:", "z.txt").
    QString target(QAnyStringView kind, QAnyStringView name) const {
        return kind.toString() + path(name);
    }
    QString db() const { return m_db; }

    using Args = std::initializer_list<QAnyStringView>;
    Run run(Args args, const QString &user = {}, const QString &pin = {},
            const QString &approver = {}, const QString &approverPin = {}) const {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("OASIS_KEY_DIR"), path(QStringLiteral("keys")));
        env.insert(QStringLiteral("OASIS_REGISTER"), QStringLiteral("R1"));
        env.remove(QStringLiteral("OASIS_PIN"));
        env.remove(QStringLiteral("OASIS_APPROVER_PIN"));
        if (!pin.isEmpty())
            env.insert(QStringLiteral("OASIS_PIN"), pin);
        if (!approverPin.isEmpty())
            env.insert(QStringLiteral("OASIS_APPROVER_PIN"), approverPin);
        p.setProcessEnvironment(env);
        QStringList all{QStringLiteral("--db"), m_db, QStringLiteral("--json")};
        if (!user.isEmpty())
            all << QStringLiteral("--user") << user;
        if (!approver.isEmpty())
            all << QStringLiteral("--approve-by") << approver;
        for (QAnyStringView a : args)
            all << a.toString();
        p.start(QStringLiteral(OASISCTL_PATH), all);
        REQUIRE(p.waitForFinished(60'000));
        Run r;
        r.code = p.exitCode();
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        r.json = QJsonDocument::fromJson(r.out.toUtf8()).object();
        return r;
    }
    Run desk(Args args) const {
        return run(args, QStringLiteral("frontdesk"), QStringLiteral("1111"));
    }
    Run manager(Args args) const {
        return run(args, QStringLiteral("manager"), QStringLiteral("9999"));
    }

private:
    QTemporaryDir m_dir;
    QString m_db;
};

qint64 field(const QJsonObject &o, const char *name) {
    return o.value(QLatin1String(name)).toInteger(-999'999);
}

} // namespace

TEST_CASE("oasisctl shift and report: exit codes and the JSON fields of DESIGN §10",
          "[shift][report]") {
    Cli cli;
    Run r = cli.desk({QStringLiteral("shift"), QStringLiteral("open"), QStringLiteral("100")});
    REQUIRE(r.code == 0);
    REQUIRE(field(r.json, "float_cents") == 100'00);
    // One open shift per register.
    REQUIRE(cli.desk({"shift", "open", "50"}).code == 2);

    r = cli.desk({"sale", "DT60@lena", "--tip", "20@lena", "--pay", "cash:200"});
    REQUIRE(r.code == 0);
    REQUIRE(field(r.json, "total_cents") == 155'00);
    REQUIRE(field(r.json, "change_cents") == 45'00);

    r = cli.desk({"shift", "payout", "20", "--reason", "tip paid out in cash to lena"});
    REQUIRE(r.code == 0);
    REQUIRE(field(r.json, "expected_cents") == 100'00 + 155'00 - 20'00);
    REQUIRE(cli.desk({"shift", "payin", "5.00", "--reason", "coins from the safe"}).code == 0);
    // Usage errors: no reason, a bad amount.
    r = cli.desk({"shift", "payout", "20"});
    REQUIRE(r.code == 1);
    REQUIRE(r.err.count(u'\n') <= 2);
    REQUIRE(cli.desk({"shift", "payin", "12.505", "--reason", "x"}).code == 1);

    // X any time; Z refused while the drawer is open.
    r = cli.desk({"report", "x"});
    REQUIRE(r.code == 0);
    REQUIRE(field(r.json, "sales_count") == 1);
    REQUIRE(field(r.json, "total_cents") == 155'00);
    REQUIRE(field(r.json, "tax_cents") == 0);
    REQUIRE(field(r.json.value(QLatin1String("tenders")).toObject(), "cash") == 155'00);
    r = cli.manager({"report", "z"});
    REQUIRE(r.code == 2);
    REQUIRE(r.err.contains(QLatin1String("shift")));

    r = cli.desk({"shift", "close", "250.00"});
    REQUIRE(r.code == 0);
    REQUIRE(field(r.json, "expected_cents") == 240'00);
    REQUIRE(field(r.json, "counted_cents") == 250'00);
    REQUIRE(field(r.json, "over_short_cents") == 10'00);
    REQUIRE(cli.desk({"shift", "close", "1"}).code == 2);

    // Front desk may not close the day; a manager may.
    REQUIRE(cli.desk({"report", "z"}).code == 2);
    r = cli.manager({"report", "z", "--print", cli.target("text:", "z1.txt")});
    REQUIRE(r.code == 0);
    REQUIRE(field(r.json, "z_number") == 1);
    REQUIRE(field(r.json, "sales_count") == 1);
    REQUIRE(field(r.json, "total_cents") == 155'00);
    REQUIRE(field(r.json, "tax_cents") == 0);
    REQUIRE(field(r.json.value(QLatin1String("tenders")).toObject(), "cash") == 155'00);
    REQUIRE(field(r.json, "grand_total_cents") == 155'00);
    // The drawer closed before the Z: what it should have held and what was counted.
    REQUIRE(field(r.json, "drawers_closed") == 1);
    REQUIRE(field(r.json, "drawer_expected_cents") == 240'00);
    REQUIRE(field(r.json, "drawer_counted_cents") == 250'00);
    REQUIRE(field(r.json, "drawer_over_short_cents") == 10'00);
    QFile printed(cli.path("z1.txt"));
    REQUIRE(printed.open(QIODevice::ReadOnly));
    const QByteArray slip = printed.readAll();
    REQUIRE(slip.contains("Z REPORT #1"));
    REQUIRE(slip.contains("$155.00"));
    // Its times in the store's time zone (Seattle), not in UTC.
    const QRegularExpression printedAt(
        QStringLiteral(R"(Printed +\d{4}-\d\d-\d\d \d\d:\d\d P[SD]T\n)"));
    REQUIRE(printedAt.match(QString::fromUtf8(slip)).hasMatch());
    REQUIRE_FALSE(slip.contains("UTC"));
    REQUIRE(slip.contains("Drawers closed (1)"));
    r = cli.manager({"report", "z", "--print", cli.target("file:", "z1.bin"), "--number", "1"});
    REQUIRE(r.code == 0);
    QFile escpos(cli.path("z1.bin"));
    REQUIRE(escpos.open(QIODevice::ReadOnly));
    REQUIRE(escpos.readAll().startsWith(QByteArray("\x1b@", 2)));
    r = cli.manager({"report", "z"});
    REQUIRE(r.code == 0);
    REQUIRE(field(r.json, "z_number") == 2);
    REQUIRE(field(r.json, "sales_count") == 0);
    REQUIRE(field(r.json, "drawers_closed") == 0); // counted in Z 1, not again
    REQUIRE(field(r.json, "grand_total_cents") == 155'00);

    // Range reports with CSV for the accountant.
    r = cli.desk({"report", "tips", "--csv", cli.path("tips.csv")});
    REQUIRE(r.code == 0);
    QFile tips(cli.path("tips.csv"));
    REQUIRE(tips.open(QIODevice::ReadOnly));
    const QByteArray csv = tips.readAll();
    // One table, headers in words, display names (not logins), no totals row in the CSV.
    REQUIRE(csv.startsWith("Therapist,Sessions,Service sales,Tips\r\n"));
    REQUIRE(csv.contains("Lena Okafor LMP,1,135.00,20.00\r\n"));
    REQUIRE_FALSE(csv.contains("Total"));
    for (const char *report :
         {"sales", "tax", "commission", "usetax", "giftcards", "aging", "inventory"})
        REQUIRE(cli.desk({"report", report}).code == 0);
    for (const char *by : {"category", "staff", "therapist", "item"})
        REQUIRE(cli.desk({"report", "sales", "--by", by}).code == 0);
    REQUIRE(cli.desk({"report", "sales", "--by", "colour"}).code == 1);
    REQUIRE(cli.desk({"report", "tax", "--by", "item"}).code == 1);
    REQUIRE(cli.desk({"report", "sales", "--from", "2026-13-01"}).code == 1);
    REQUIRE(cli.desk({"report", "nonsense"}).code == 1);
    REQUIRE(cli.run({"journal", "verify"}).json.value(QLatin1String("ok")).toBool());
}

TEST_CASE("oasisctl backup and restore", "[backup]") {
    Cli cli;
    REQUIRE(cli.desk({"shift", "open", "100"}).code == 0);
    REQUIRE(cli.desk({"sale", "OIL-LAV-120", "--pay", "cash:40"}).code == 0);
    // Backups are for managers.
    REQUIRE(cli.desk({"backup", cli.path("b.db")}).code == 2);
    Run r = cli.manager({"backup", cli.path("b.db")});
    REQUIRE(r.code == 0);
    REQUIRE(r.json.value(QLatin1String("verified")).toBool());
    REQUIRE(r.json.value(QLatin1String("key_file")).toString() == cli.path("b.db.key"));
    REQUIRE(QFileInfo::exists(cli.path("b.db.key")));
    REQUIRE(cli.manager({"backup", cli.path("b.db")}).code == 2);
    r = cli.run({"backup", "--auto", "--dir", cli.path("daily")});
    REQUIRE(r.code == 0);
    REQUIRE(r.json.value(QLatin1String("created")).toBool());
    REQUIRE_FALSE(cli.run({"backup", "--auto", "--dir", cli.path("daily")})
                      .json.value(QLatin1String("created"))
                      .toBool());

    REQUIRE(cli.desk({"sale", "OIL-LAV-120", "--pay", "cash:40"}).code == 0);
    // A tampered copy is refused and nothing changes.
    REQUIRE(QFile::copy(cli.path("b.db"), cli.path("t.db")));
    QFile::setPermissions(cli.path("t.db"), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    REQUIRE(QFile::copy(cli.path("b.db.key"), cli.path("t.db.key")));
    oasis::test::rawSql(cli.path("t.db"),
                        QStringLiteral("UPDATE journal SET kind = 'x' WHERE seq = 3"));
    r = cli.manager({"restore", cli.path("t.db")});
    REQUIRE(r.code == 2);
    REQUIRE(field(cli.desk({"report", "x"}).json, "sales_count") == 2);

    r = cli.manager({"restore", cli.path("b.db")});
    REQUIRE(r.code == 0);
    REQUIRE(QFileInfo::exists(r.json.value(QLatin1String("previous_copy")).toString()));
    REQUIRE(field(cli.desk({"report", "x"}).json, "sales_count") == 1);
    REQUIRE(cli.run({"journal", "verify"}).json.value(QLatin1String("ok")).toBool());
}

TEST_CASE("oasisctl report giftcards says what the store owes on its cards and why it moved",
          "[report][giftcard]") {
    Cli cli;
    Run r = cli.desk({"sale", "giftcard:50", "giftcard:30", "--pay", "cash:80"});
    REQUIRE(r.code == 0);
    const QString code = r.json.value(QLatin1String("giftcards"))
                             .toArray()
                             .first()
                             .toObject()
                             .value(QLatin1String("code"))
                             .toString();
    REQUIRE(!code.isEmpty());
    const QString gift = QStringLiteral("gift:%1:20").arg(code);
    REQUIRE(cli.desk({"sale", "OIL-LAV-120", "--pay", gift, "--pay", "cash:10"}).code == 0);
    r = cli.desk({"report", "giftcards"});
    REQUIRE(r.code == 0);
    const QJsonObject owed = r.json.value(QLatin1String("liability")).toObject();
    CHECK(field(owed, "opening_cents") == 0);
    CHECK(field(owed, "sold_cents") == 80'00);
    CHECK(field(owed, "redeemed_cents") == 20'00);
    CHECK(field(owed, "other_cents") == 0);
    CHECK(field(owed, "closing_cents") == 60'00);
}

TEST_CASE("The X report's lines follow from one another: sales, then refunds and voids, once",
          "[report]") {
    Cli cli;
    REQUIRE(cli.desk({"shift", "open", "100"}).code == 0);
    // A session and two oils with 10 % off and a tip; a gift card; one oil, voided; a refund of
    // one oil of the first sale.
    Run r = cli.desk({"sale", "DT60@lena", "OIL-LAV-120x2", "--tip", "20@lena", "--discount", "10%",
                      "--pay", "cash:400"});
    REQUIRE(r.code == 0);
    const qint64 first = field(r.json, "total_cents");
    REQUIRE(cli.desk({"sale", "giftcard:50", "--pay", "card:50"}).code == 0);
    r = cli.desk({"sale", "OIL-LAV-120", "--pay", "cash:50"});
    REQUIRE(r.code == 0);
    const qint64 voided = field(r.json, "total_cents");
    REQUIRE(cli.run({"void", "3"}, u"frontdesk"_s, u"1111"_s, u"manager"_s, u"9999"_s).code == 0);
    REQUIRE(cli.run({"refund", "1", "OIL-LAV-120x1", "--restock"}, u"frontdesk"_s, u"1111"_s,
                    u"manager"_s, u"9999"_s)
                .code == 0);

    r = cli.manager({"report", "x", "--print", cli.target("text:", "x.txt")});
    REQUIRE(r.code == 0);
    const QJsonObject &x = r.json;
    // The sales alone: the three sales, the voided one included (its void is below).
    REQUIRE(field(x, "sales_count") == 3);
    REQUIRE(field(x, "sales_total_cents") == first + 50'00 + voided);
    REQUIRE(field(x, "sales_giftcard_cents") == 50'00);
    REQUIRE(field(x, "sales_tip_cents") == 20'00);
    // Services and retail at their prices: DT60 and three oils, the gift card not among them.
    auto price = [&](const char *code) {
        Run item = cli.run({"scan", code});
        REQUIRE(item.code == 0);
        return field(item.json.value(QLatin1String("item")).toObject(), "price_cents");
    };
    REQUIRE(field(x, "sales_gross_cents") == price("DT60") + 3 * price("OIL-LAV-120"));
    REQUIRE(field(x, "sales_discount_cents") == (price("DT60") + 2 * price("OIL-LAV-120")) / 10);
    REQUIRE(field(x, "net_sales_cents") ==
            field(x, "sales_gross_cents") - field(x, "sales_discount_cents"));
    REQUIRE(field(x, "sales_total_cents") ==
            field(x, "net_sales_cents") + field(x, "sales_tax_cents") +
                field(x, "sales_tip_cents") + field(x, "sales_giftcard_cents"));
    REQUIRE(field(x, "void_cents") == voided);
    REQUIRE(field(x, "total_cents") ==
            field(x, "sales_total_cents") - field(x, "refund_cents") - field(x, "void_cents"));

    // The printed slip says the same, in that order.
    QFile printed(cli.path("x.txt"));
    REQUIRE(printed.open(QIODevice::ReadOnly));
    const QString slip = QString::fromUtf8(printed.readAll());
    QStringList order;
    for (const char *label :
         {"Sales (3)", "Gross sales", "Discounts", "Net sales", "Tax", "Tips", "Gift cards sold",
          "Collected on sales", "Refunds (1)", "Voids (1)", "PERIOD TOTAL"})
        order << QString::fromLatin1(label);
    qsizetype at = 0;
    for (const QString &label : order) {
        const qsizetype found = slip.indexOf(label, at);
        INFO(label.toStdString());
        REQUIRE(found >= 0);
        at = found;
    }
    auto amount = [](qint64 cents) { return Money::fromCents(cents).format(); };
    REQUIRE(slip.contains(amount(field(x, "net_sales_cents"))));
    REQUIRE(slip.contains(amount(field(x, "sales_total_cents"))));
    // Gift cards are owed, not a taxable base.
    REQUIRE_FALSE(slip.contains(u"giftcard on"_s));
}
