// SPDX-License-Identifier: GPL-3.0-or-later
// oasisctl inventory, run as a real process: exit codes 0/1/2, JSON fields, nothing changed
// by a refused command.
#include "tests/support/testsupport.h"

#include "tests/printing/printingfixtures.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

namespace {

struct Run {
    int code = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

/// A demo database made by `oasisctl init --demo`, with its own key folder.
class Cli final {
public:
    Cli() {
        REQUIRE(m_dir.isValid());
        m_db = QDir(m_dir.path()).filePath(QStringLiteral("cli.db"));
        m_keys = QDir(m_dir.path()).filePath(QStringLiteral("keys"));
        REQUIRE(run({QStringLiteral("init"), QStringLiteral("--demo")}).code == 0);
    }

    Run run(const QStringList &args, const QString &pin = {}, const QString &approverPin = {}) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("OASIS_KEY_DIR"), m_keys);
        env.remove(QStringLiteral("OASIS_PIN"));
        env.remove(QStringLiteral("OASIS_APPROVER_PIN"));
        if (!pin.isEmpty())
            env.insert(QStringLiteral("OASIS_PIN"), pin);
        if (!approverPin.isEmpty())
            env.insert(QStringLiteral("OASIS_APPROVER_PIN"), approverPin);
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(OASISCTL_PATH), QStringList{QStringLiteral("--db"), m_db} + args);
        REQUIRE(p.waitForFinished(60000));
        Run r;
        r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        INFO("oasisctl " << args.join(u' ') << "\nstderr: " << r.err.toStdString());
        return r;
    }

    Run json(const QStringList &args, const QString &pin = {}) {
        return run(QStringList{QStringLiteral("--json")} + args, pin);
    }

    /// code → on_hand from `inventory list --json`.
    std::map<QString, qint64> onHand() {
        const Run r = json({QStringLiteral("inventory"), QStringLiteral("list")});
        REQUIRE(r.code == 0);
        std::map<QString, qint64> out;
        for (const QJsonValue &v : r.json().value(QStringLiteral("items")).toArray())
            out[v[QStringLiteral("code")].toString()] = v[QStringLiteral("on_hand")].toInteger();
        return out;
    }

    QString file(const char *name, const QByteArray &bytes) {
        const QString path = QDir(m_dir.path()).filePath(QString::fromLatin1(name));
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(bytes);
        return path;
    }

private:
    QTemporaryDir m_dir;
    QString m_db;
    QString m_keys;
};

QStringList words(const char *text) {
    return QString::fromLatin1(text).split(u' ', Qt::SkipEmptyParts);
}

const QString frontDeskPin = QStringLiteral("1111");
const QString managerPin = QStringLiteral("9999");

} // namespace

TEST_CASE("oasisctl inventory list gives each product's stock as JSON", "[inventory][cli]") {
    Cli cli;
    const Run all = cli.json(words("inventory list"));
    REQUIRE(all.code == 0);
    const QJsonArray items = all.json().value(QStringLiteral("items")).toArray();
    REQUIRE(items.size() == 14); // the demo's products; sessions have no stock
    for (const QJsonValue &v : items) {
        const QJsonObject o = v.toObject();
        for (const char *field : {"code", "name", "on_hand", "reorder_point", "low"})
            REQUIRE(o.contains(QString::fromLatin1(field)));
        REQUIRE(o.value(QStringLiteral("low")).toBool() ==
                (o.value(QStringLiteral("on_hand")).toInteger() <=
                 o.value(QStringLiteral("reorder_point")).toInteger()));
    }
    REQUIRE(cli.onHand().at(QStringLiteral("OIL-ARN-120")) == 16);
    const Run low = cli.json(words("inventory list --low"));
    REQUIRE(low.code == 0);
    REQUIRE(low.json().value(QStringLiteral("items")).toArray().isEmpty());
    REQUIRE(cli.run(words("inventory list --bogus")).code == 1);
    REQUIRE(cli.run(words("inventory shelve")).code == 1);
}

TEST_CASE("oasisctl inventory receive and adjust: exit codes and JSON", "[inventory][cli]") {
    Cli cli;
    const auto start = cli.onHand();

    SECTION("refusals change nothing") {
        const QStringList fd = words("--user frontdesk inventory");
        CHECK(cli.run(fd + words("receive OIL-ARN-120 0"), frontDeskPin).code == 1);
        CHECK(cli.run(fd + words("receive OIL-ARN-120 -4"), frontDeskPin).code == 1);
        CHECK(cli.run(fd + words("receive OIL-ARN-120 two"), frontDeskPin).code == 1);
        CHECK(cli.run(fd + words("receive OIL-ARN-120 4 --cost 12.505"), frontDeskPin).code == 1);
        CHECK(
            cli.run(fd + words("receive OIL-ARN-120 4 --expires 2026-13-01"), frontDeskPin).code ==
            1);
        CHECK(cli.run(fd + words("receive OIL-ARN-120"), frontDeskPin).code == 1);
        CHECK(cli.run(fd + words("receive NO-SUCH 4"), frontDeskPin).code == 2);
        CHECK(cli.run(fd + words("receive DT60 4"), frontDeskPin).code == 2);
        CHECK(cli.run(fd + words("receive OIL-ARN-120 4"), QStringLiteral("0000")).code == 2);
        CHECK(cli.run(words("inventory receive OIL-ARN-120 4")).code == 1); // no --user
        // adjusting needs a manager
        CHECK(cli.run(fd + words("adjust OIL-ARN-120 -1 --reason damaged"), frontDeskPin).code ==
              2);
        const QStringList mg = words("--user manager inventory");
        CHECK(cli.run(mg + words("adjust OIL-ARN-120 -1 --reason broken"), managerPin).code == 1);
        CHECK(cli.run(mg + words("adjust OIL-ARN-120 -1"), managerPin).code == 1);
        CHECK(cli.run(mg + words("adjust OIL-ARN-120 0 --reason adjust"), managerPin).code == 1);
        CHECK(cli.run(mg + words("adjust OIL-ARN-120 3 --reason tester"), managerPin).code == 1);
        CHECK(cli.run(mg + words("adjust SW60 -1 --reason damaged"), managerPin).code == 2);
        const Run unknown = cli.run(mg + words("adjust NOPE -1 --reason damaged"), managerPin);
        CHECK(unknown.code == 2);
        CHECK(unknown.err.contains("NOPE"));
        REQUIRE(cli.onHand() == start);
    }
    SECTION("receive, adjust, history") {
        const Run received = cli.json(words("--user frontdesk inventory receive OIL-ARN-120 10 "
                                            "--cost 12.00 --lot L7 --expires 2027-01-31 "
                                            "--supplier Cascade"),
                                      frontDeskPin);
        REQUIRE(received.code == 0);
        const QJsonObject r = received.json();
        CHECK(r.value(QStringLiteral("code")).toString() == QStringLiteral("OIL-ARN-120"));
        CHECK(r.value(QStringLiteral("quantity")).toInteger() == 10);
        CHECK(r.value(QStringLiteral("on_hand")).toInteger() == 26);
        CHECK(r.value(QStringLiteral("previous_cost_cents")).toInteger() == 1120);
        // (16 × 11.20 + 10 × 12.00) / 26 = 11.5077 → 11.51
        CHECK(r.value(QStringLiteral("cost_cents")).toInteger() == 1151);
        CHECK(r.value(QStringLiteral("expires")).toString() == QStringLiteral("2027-01-31"));

        const Run adjusted = cli.json(
            words("--user manager inventory adjust OIL-ARN-120 -2 --reason treatment"), managerPin);
        REQUIRE(adjusted.code == 0);
        CHECK(adjusted.json().value(QStringLiteral("on_hand")).toInteger() == 24);
        CHECK(adjusted.json().value(QStringLiteral("reason")).toString() ==
              QStringLiteral("treatment"));

        // The front desk with a manager's approval.
        const Run approved =
            cli.run(words("--user frontdesk --approve-by manager inventory adjust OIL-ARN-120 -1 "
                          "--reason damaged"),
                    frontDeskPin, managerPin);
        REQUIRE(approved.code == 0);
        REQUIRE(cli.onHand().at(QStringLiteral("OIL-ARN-120")) == 23);

        const Run history = cli.json(words("inventory history OIL-ARN-120"));
        REQUIRE(history.code == 0);
        const QJsonArray moves = history.json().value(QStringLiteral("movements")).toArray();
        REQUIRE(moves.size() == 4);
        qint64 sum = 0;
        for (const QJsonValue &m : moves)
            sum += m[QStringLiteral("quantity")].toInteger();
        CHECK(sum == 23);
        CHECK(moves.last()[QStringLiteral("on_hand")].toInteger() == 23);
        CHECK(moves[1][QStringLiteral("lot")].toString() == QStringLiteral("L7"));
        CHECK(moves[1][QStringLiteral("staff")].toString() == QStringLiteral("frontdesk"));
        CHECK(cli.run(words("inventory history DT60")).code == 2);
        CHECK(cli.run(words("inventory history")).code == 1);

        const Run use = cli.json(words("inventory report treatment --from 2000-01-01 "
                                       "--to 2100-12-31"));
        REQUIRE(use.code == 0);
        CHECK(use.json().value(QStringLiteral("total_cents")).toInteger() == 2 * 1151);
    }
}

TEST_CASE("oasisctl inventory count is all-or-nothing and prints the variances",
          "[inventory][cli]") {
    Cli cli;
    const auto start = cli.onHand();
    const QStringList mg = words("--user manager inventory count");

    const QString bad = cli.file("bad.csv", "code,counted\nOIL-ARN-120,10\nLOT-SHB-200,x\n");
    const Run refused = cli.run(mg + QStringList{bad}, managerPin);
    CHECK(refused.code == 1);
    CHECK(refused.err.contains("line 3"));
    const QString unknown = cli.file("unknown.csv", "code,counted\nOIL-ARN-120,10\nNOPE,1\n");
    const Run refused2 = cli.run(mg + QStringList{unknown}, managerPin);
    CHECK(refused2.code == 1);
    CHECK(refused2.err.contains("line 3"));
    CHECK(cli.run(mg + QStringList{QStringLiteral("/nonexistent/count.csv")}, managerPin).code ==
          1);
    const QString good = cli.file("good.csv", "code,counted\nOIL-ARN-120,10\nLOT-SHB-200,16\n");
    CHECK(
        cli.run(words("--user frontdesk inventory count") + QStringList{good}, frontDeskPin).code ==
        2);
    const Run dry = cli.json(mg + QStringList{good, QStringLiteral("--dry-run")}, managerPin);
    REQUIRE(dry.code == 0);
    CHECK_FALSE(dry.json().value(QStringLiteral("posted")).toBool());
    REQUIRE(cli.onHand() == start);

    const Run posted = cli.json(mg + QStringList{good}, managerPin);
    REQUIRE(posted.code == 0);
    const QJsonObject o = posted.json();
    CHECK(o.value(QStringLiteral("posted")).toBool());
    CHECK(o.value(QStringLiteral("corrections")).toInteger() == 1);
    const QJsonArray variances = o.value(QStringLiteral("variances")).toArray();
    REQUIRE(variances.size() == 2);
    CHECK(variances[0][QStringLiteral("code")].toString() == QStringLiteral("OIL-ARN-120"));
    CHECK(variances[0][QStringLiteral("on_hand")].toInteger() == 16);
    CHECK(variances[0][QStringLiteral("counted")].toInteger() == 10);
    CHECK(variances[0][QStringLiteral("variance")].toInteger() == -6);
    CHECK(variances[0][QStringLiteral("variance_cents")].toInteger() == -6 * 1120);
    CHECK(variances[1][QStringLiteral("variance")].toInteger() == 0);
    auto after = start;
    after[QStringLiteral("OIL-ARN-120")] = 10;
    REQUIRE(cli.onHand() == after);

    const Run text = cli.run(mg + QStringList{good, QStringLiteral("--dry-run")}, managerPin);
    REQUIRE(text.code == 0);
    CHECK(text.out.contains("OIL-ARN-120"));
}

TEST_CASE("oasisctl inventory reports: reorder and valuation", "[inventory][cli]") {
    Cli cli;
    // Sell the rosehip oil below zero: 12 on hand, 15 sold.
    const Run sale =
        cli.run(words("--user frontdesk sale OIL-ROS-030x15 --pay cash:1000"), frontDeskPin);
    REQUIRE(sale.code == 0);
    const Run reorder = cli.json(words("inventory report reorder"));
    REQUIRE(reorder.code == 0);
    const QJsonArray lines = reorder.json().value(QStringLiteral("items")).toArray();
    REQUIRE(lines.size() == 1);
    CHECK(lines[0][QStringLiteral("code")].toString() == QStringLiteral("OIL-ROS-030"));
    CHECK(lines[0][QStringLiteral("on_hand")].toInteger() == -3);
    CHECK(lines[0][QStringLiteral("negative")].toBool());
    CHECK(lines[0][QStringLiteral("suggested")].toInteger() == 11);
    CHECK(reorder.json().value(QStringLiteral("total_cents")).toInteger() == 11 * 1390);

    const Run valuation = cli.json(words("inventory report valuation"));
    REQUIRE(valuation.code == 0);
    qint64 total = 0;
    for (const QJsonValue &v : valuation.json().value(QStringLiteral("items")).toArray())
        total += std::max<qint64>(0, v[QStringLiteral("on_hand")].toInteger()) *
                 v[QStringLiteral("cost_cents")].toInteger();
    CHECK(valuation.json().value(QStringLiteral("total_value_cents")).toInteger() == total);
    CHECK(valuation.json().value(QStringLiteral("negative_items")).toInteger() == 1);
    CHECK(cli.run(words("inventory report expiring")).code == 0);
    CHECK(cli.run(words("inventory report treatment --from 2026-02-30")).code == 1);
    CHECK(cli.run(words("inventory report shrinkage")).code == 1);
}

TEST_CASE("oasisctl inventory labels writes a PDF whose barcodes scan, and refuses bad input",
          "[inventory][cli][labels]") {
    using oasis::printing::test::decodeEan13;
    using oasis::printing::test::rasterisePdfPages;
    Cli cli;
    QTemporaryDir out;
    REQUIRE(out.isValid());
    const QString pdf = QDir(out.path()).filePath(QStringLiteral("labels.pdf"));

    SECTION("chosen SKUs or barcodes, two copies each, after three used labels") {
        const Run r = cli.json(QStringList{
            QStringLiteral("inventory"), QStringLiteral("labels"), QStringLiteral("OIL-LAV-120"),
            QStringLiteral("0850071001013"), QStringLiteral("--copies"), QStringLiteral("2"),
            QStringLiteral("--skip"), QStringLiteral("3"), QStringLiteral("--out"), pdf});
        REQUIRE(r.code == 0);
        const QJsonObject o = r.json();
        CHECK(o.value(QStringLiteral("labels")).toInt() == 4);
        CHECK(o.value(QStringLiteral("pages")).toInt() == 1);
        CHECK(o.value(QStringLiteral("sheet")).toString() == QStringLiteral("5160"));
        CHECK(o.value(QStringLiteral("without_barcode")).toArray().isEmpty());
        const std::vector<QImage> pages = rasterisePdfPages(pdf, 300);
        if (pages.empty()) {
            WARN("pdftoppm (poppler-utils) is not installed: the labels were not scanned");
        } else {
            REQUIRE(pages.size() == 1);
            // Positions 4 to 7 of the sheet (3 columns of 2 5/8" labels, 1" rows from 1/2").
            QStringList read;
            for (int slot = 3; slot < 8; ++slot) {
                const int x = int((0.1875 + (slot % 3) * 2.75) * 300);
                const int y = int((0.5 + (slot / 3) * 1.0) * 300);
                read << decodeEan13(pages[0].copy(x, y, int(2.625 * 300), 300)).join(u'+');
            }
            CHECK(read == QStringList{QStringLiteral("0850071001020"),
                                      QStringLiteral("0850071001020"),
                                      QStringLiteral("0850071001013"),
                                      QStringLiteral("0850071001013"), QString()});
        }
    }
    SECTION("everything received today, one label per unit received") {
        REQUIRE(
            cli.run(words("--user frontdesk inventory receive BLM-MUS-060 3"), frontDeskPin).code ==
            0);
        const Run r =
            cli.run(QStringList{QStringLiteral("inventory"), QStringLiteral("labels"),
                                QStringLiteral("--received-today"), QStringLiteral("--sheet"),
                                QStringLiteral("thermal"), QStringLiteral("--out"), pdf});
        REQUIRE(r.code == 0);
        CHECK(r.out.startsWith("Wrote 3 labels of 1 products for the label printer to "));
        const std::vector<QImage> pages = rasterisePdfPages(pdf, 300);
        if (!pages.empty()) {
            REQUIRE(pages.size() == 3);
            for (const QImage &page : pages)
                CHECK(decodeEan13(page) == QStringList{QStringLiteral("0850071001129")});
        }
    }
    SECTION("bad input: one line, exit code, nothing written") {
        const QStringList start{QStringLiteral("inventory"), QStringLiteral("labels")};
        const QStringList outOption{QStringLiteral("--out"), pdf};
        const std::vector<std::pair<QStringList, int>> refused{
            {start + words("OIL-LAV-120"), 1},                              // no --out
            {start + words("OIL-LAV-120 --out labels.png"), 1},             // not a PDF
            {start + outOption, 1},                                         // nothing to label
            {start + words("OIL-LAV-120 --received-today") + outOption, 1}, // both
            {start + words("NO-SUCH-SKU") + outOption, 2},
            {start + words("DT60") + outOption, 1}, // a session
            {start + words("OIL-LAV-120 --sheet 5167") + outOption, 2},
            {start + words("OIL-LAV-120 --sheet 8160") + outOption, 1},
            {start + words("OIL-LAV-120 --skip 30") + outOption, 1},
            {start + words("OIL-LAV-120 --skip two") + outOption, 1},
            {start + words("OIL-LAV-120 --copies 0") + outOption, 1},
            {start + words("OIL-LAV-120 --sheet thermal --skip 2") + outOption, 1},
            {start + words("--received-today") + outOption, 2}, // nothing received yet
        };
        for (const auto &[args, code] : refused) {
            INFO(args.join(u' ').toStdString());
            const Run r = cli.run(args);
            CHECK(r.code == code);
            CHECK(r.err.count('\n') == 1);
            CHECK(r.out.isEmpty());
            CHECK_FALSE(QFile::exists(pdf));
        }
        const Run fiveOneSixSeven = cli.run(start + words("OIL-LAV-120 --sheet 5167") + outOption);
        CHECK(fiveOneSixSeven.err.contains("too small"));
    }
}
