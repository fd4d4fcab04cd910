// SPDX-License-Identifier: GPL-3.0-or-later
#include "pos/screens/settingsscreen.h"
#include "pos/screens/storelocation.h"
#include "printing/printersettings.h"
#include "tests/printing/printingfixtures.h"
#include "tests/screens/screensfixture.h"

#include "core/services/store.h"
#include "core/services/storesettings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTcpServer>

using namespace oasis;
using namespace oasis::screens;
using namespace oasis::screens::test;
using oasis::test::TempDb;
using oasis::test::value;

namespace {

template <typename W>
W *field(QWidget &screen, const char *name) {
    auto *w = screen.findChild<W *>(QString::fromLatin1(name));
    REQUIRE(w);
    return w;
}

} // namespace

TEST_CASE("the settings screen saves store details, a tax rate and the rules",
          "[screens][settings]") {
    TempDb tdb(true);
    TempSettings settings;
    Context c(tdb.db(), QStringLiteral("manager"));
    SettingsScreen screen(c.ctx);
    const StoreSettings store(tdb.db());
    CHECK(field<QLineEdit>(screen, "storeName")->text() == store.storeInfo().name);

    SECTION("store details") {
        field<QLineEdit>(screen, "storeName")->setText(QStringLiteral("Oasis by the Lake"));
        field<QPlainTextEdit>(screen, "storeAddress")
            ->setPlainText(QStringLiteral("2301 Fairview Ave E\n\nSeattle, WA 98102\n"));
        field<QLineEdit>(screen, "storePhone")->setText(QStringLiteral("(206) 555-0142"));
        field<QPlainTextEdit>(screen, "receiptFooter")->setPlainText(QStringLiteral("Thank you!"));
        oasis::test::ok(screen.saveStoreInfo());
        const StoreInfo info = store.storeInfo();
        CHECK(info.name == QStringLiteral("Oasis by the Lake"));
        CHECK(info.addressLines == QStringList{QStringLiteral("2301 Fairview Ave E"),
                                               QStringLiteral("Seattle, WA 98102")});
        CHECK(info.phone == QStringLiteral("(206) 555-0142"));
        CHECK(info.footer == QStringLiteral("Thank you!"));

        field<QLineEdit>(screen, "storeName")->clear();
        CHECK_FALSE(screen.saveStoreInfo());
        CHECK(store.storeInfo().name == QStringLiteral("Oasis by the Lake"));
    }
    SECTION("a tax rate") {
        auto *cls = field<QComboBox>(screen, "taxClass");
        cls->setCurrentIndex(cls->findData(int(TaxClass::Retail)));
        field<QLineEdit>(screen, "taxRate")->setText(QStringLiteral("10.75"));
        field<QDateEdit>(screen, "taxFrom")->setDate(QDate(2027, 1, 1));
        const int rows = field<QTableWidget>(screen, "taxRates")->rowCount();
        oasis::test::ok(screen.addTaxRate());
        CHECK(field<QTableWidget>(screen, "taxRates")->rowCount() == rows + 1);
        const TaxTable taxes = value(store.taxTable());
        CHECK(taxes.ppmOn(TaxClass::Retail, QDate(2027, 1, 1)) == 107'500);
        CHECK(taxes.ppmOn(TaxClass::Retail, QDate(2026, 6, 1)) == 105'500);

        field<QLineEdit>(screen, "taxRate")->setText(QStringLiteral("ten"));
        CHECK_FALSE(screen.addTaxRate());
        CHECK(screen.message().contains(u"percentage"));
    }
    SECTION("gift-card presets and limits, discount threshold, idle lock") {
        field<QLineEdit>(screen, "giftCardPresets")->setText(QStringLiteral("25, 75, 150"));
        field<QLineEdit>(screen, "giftCardMinimum")->setText(QStringLiteral("20"));
        field<QLineEdit>(screen, "giftCardMaximum")->setText(QStringLiteral("500"));
        field<QLineEdit>(screen, "discountThreshold")->setText(QStringLiteral("15"));
        field<QSpinBox>(screen, "idleLockMinutes")->setValue(3);
        oasis::test::ok(screen.saveRules());
        CHECK(store.giftCardPresets() == QList<Money>{Money::fromCents(25'00),
                                                      Money::fromCents(75'00),
                                                      Money::fromCents(150'00)});
        CHECK(store.giftCardMinimum() == Money::fromCents(20'00));
        CHECK(store.giftCardMaximum() == Money::fromCents(500'00));
        CHECK(store.discountThresholdPpm() == 150'000);
        CHECK(store.idleLockMinutes() == 3);

        field<QLineEdit>(screen, "giftCardPresets")->setText(QStringLiteral("25, 900"));
        CHECK_FALSE(screen.saveRules());
        CHECK(screen.message().contains(u"$900.00"));
        CHECK(store.giftCardPresets().size() == 3);
    }
}

TEST_CASE("a front-desk user needs a manager to change settings", "[screens][settings]") {
    TempDb tdb(true);
    TempSettings settings;
    Context c(tdb.db(), QStringLiteral("frontdesk"));
    SettingsScreen screen(c.ctx);
    field<QLineEdit>(screen, "storeName")->setText(QStringLiteral("Not allowed"));
    CHECK_FALSE(screen.saveStoreInfo());
    CHECK(*c.approvals == 1);
    CHECK(StoreSettings(tdb.db()).storeInfo().name != QStringLiteral("Not allowed"));
}

TEST_CASE("the Email tab saves the store's mail server, its password only in the key file",
          "[screens][settings][mail]") {
    TempDb tdb(true);
    TempSettings settings;
    qunsetenv("OASIS_SMTP_PASSWORD");
    const StoreSettings store(tdb.db());
    auto fill = [](QWidget &screen, const QString &from) {
        field<QLineEdit>(screen, "smtpHost")->setText(QStringLiteral("mail.oasis.example"));
        auto *security = field<QComboBox>(screen, "smtpSecurity");
        security->setCurrentIndex(security->findData(int(SmtpSecurity::Tls)));
        field<QLineEdit>(screen, "smtpUser")->setText(QStringLiteral("hello"));
        field<QLineEdit>(screen, "smtpFrom")->setText(from);
        field<QLineEdit>(screen, "smtpPassword")->setText(QStringLiteral("s3cret-pw"));
    };
    SECTION("a manager saves it") {
        Context c(tdb.db(), QStringLiteral("manager"));
        SettingsScreen screen(c.ctx);
        CHECK(field<QLineEdit>(screen, "smtpPassword")->placeholderText().contains(u"None"));
        fill(screen, QStringLiteral("hello@oasis.example"));
        CHECK(field<QSpinBox>(screen, "smtpPort")->value() == 465); // follows TLS
        oasis::test::ok(screen.saveEmail());
        const SmtpSettings smtp = store.smtp();
        CHECK(smtp.host == QStringLiteral("mail.oasis.example"));
        CHECK(smtp.port == 465);
        CHECK(smtp.security == SmtpSecurity::Tls);
        CHECK(smtp.user == QStringLiteral("hello"));
        CHECK(smtp.from == QStringLiteral("hello@oasis.example"));
        // The password is used at once, kept in the key file, and nowhere in the store.
        CHECK(store.smtpPassword() == QStringLiteral("s3cret-pw"));
        CHECK(field<QLineEdit>(screen, "smtpPassword")->text().isEmpty());
        CHECK(field<QLineEdit>(screen, "smtpPassword")->placeholderText().contains(u"Kept"));
        for (const char *sql : {"SELECT COUNT(*) FROM settings WHERE value LIKE '%s3cret%'",
                                "SELECT COUNT(*) FROM journal WHERE payload LIKE '%s3cret%'"})
            CHECK(value(tdb.db().scalar(QString::fromLatin1(sql))).toInt() == 0);
    }
    SECTION("a from address that is no address changes nothing") {
        Context c(tdb.db(), QStringLiteral("manager"));
        SettingsScreen screen(c.ctx);
        fill(screen, QStringLiteral("hello at oasis"));
        CHECK_FALSE(screen.saveEmail());
        CHECK_FALSE(store.smtp().configured());
        CHECK(store.smtpPassword().isEmpty());
    }
    SECTION("the front desk needs a manager") {
        Context c(tdb.db(), QStringLiteral("frontdesk"));
        SettingsScreen screen(c.ctx);
        fill(screen, QStringLiteral("hello@oasis.example"));
        CHECK_FALSE(screen.saveEmail());
        CHECK(*c.approvals == 1);
        CHECK_FALSE(store.smtp().configured());
        CHECK(store.smtpPassword().isEmpty());
    }
}

TEST_CASE("printer settings are kept per machine and the test print sends ESC/POS",
          "[screens][settings][printer]") {
    TempDb tdb(true);
    TempSettings settings;
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("printer.bin"));
    Context c(tdb.db(), QStringLiteral("manager"));
    SettingsScreen screen(c.ctx);
    QSignalSpy finished(&screen, &SettingsScreen::printerJobFinished);

    REQUIRE(screen.usePrinter(QStringLiteral("file:") + out));
    auto *paper = field<QComboBox>(screen, "printerPaper");
    paper->setCurrentIndex(paper->findData(int(printing::PaperWidth::Mm58)));
    auto *qr = field<QComboBox>(screen, "printerQr");
    qr->setCurrentIndex(qr->findData(int(printing::QrMode::Native)));
    field<QCheckBox>(screen, "printerDrawer")->setChecked(false);
    REQUIRE(screen.savePrinter());

    const printing::PrinterSettings saved = printing::PrinterSettings::load();
    CHECK(saved.target == QStringLiteral("file:") + out);
    CHECK(saved.paper == printing::PaperWidth::Mm58);
    CHECK(saved.qrMode == printing::QrMode::Native);
    CHECK_FALSE(saved.drawer);
    CHECK(QSettings().value(QStringLiteral("printer/paper")).toString() == QStringLiteral("58"));
    CHECK(QSettings().value(QStringLiteral("printer/qr")).toString() == QStringLiteral("native"));
    CHECK(saved.escpos(true).columns == 32);
    CHECK_FALSE(saved.escpos(true).kickDrawer);

    SECTION("test print to a file") {
        screen.testPrint();
        REQUIRE(finished.wait(15'000));
        CHECK(finished.at(0).at(0).toBool());
        QFile file(out);
        REQUIRE(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        CHECK(bytes.startsWith(QByteArray("\x1b@")));
        const auto stream = printing::test::parseEscPos(bytes);
        CHECK(stream.initialised);
        CHECK(stream.cuts == 1);
        CHECK(stream.drawerKicks == 0);
        CHECK(screen.printerMessage().contains(out));
    }
    SECTION("a printer that refuses: its message is shown") {
        QTcpServer server;
        REQUIRE(server.listen(QHostAddress::LocalHost));
        const quint16 port = server.serverPort();
        server.close(); // nobody listens there now
        screen.testPrint(QStringLiteral("tcp:127.0.0.1:%1").arg(port));
        REQUIRE(finished.wait(15'000));
        CHECK_FALSE(finished.at(0).at(0).toBool());
        CHECK_FALSE(screen.printerMessage().isEmpty());
        CHECK(screen.printerMessage() == finished.at(0).at(1).toString());
    }
    SECTION("a manager's no-sale opens the drawer through the printer") {
        field<QCheckBox>(screen, "printerDrawer")->setChecked(true);
        screen.openDrawer();
        REQUIRE(finished.wait(15'000));
        CHECK(finished.at(0).at(0).toBool());
        QFile file(out);
        REQUIRE(file.open(QIODevice::ReadOnly));
        CHECK(printing::test::parseEscPos(file.readAll()).drawerKicks == 1);
        CHECK(value(tdb->scalar(QStringLiteral("SELECT actor FROM journal WHERE kind = "
                                               "'no_sale'")))
                  .toString() == QStringLiteral("manager"));
    }
    SECTION("a malformed target is not saved") {
        CHECK_FALSE(screen.usePrinter(QStringLiteral("printer please")));
        CHECK(printing::PrinterSettings::load().target == QStringLiteral("file:") + out);
        CHECK_FALSE(screen.printerMessage().isEmpty());
    }
}

TEST_CASE("this register's store: a server address is checked, kept for the next start, and a "
          "bad one refused",
          "[screens][settings]") {
    TempDb tdb(true);
    TempSettings settings;
    Context c(tdb.db(), QStringLiteral("manager"));
    SettingsScreen screen(c.ctx);
    StoreLocationEditor *editor = screen.storeLocation();
    REQUIRE(editor);
    auto *restart = field<QPushButton>(screen, "restartApp");
    CHECK(field<QRadioButton>(screen, "storeOnThisComputer")->isChecked());
    CHECK_FALSE(field<QLineEdit>(screen, "storeServerAddress")->isEnabled());
    const auto kept = [] { return QSettings().value(QStringLiteral("store/location")).toString(); };

    // A password in the address is refused without being shown, and nothing is kept.
    editor->setServerAddress(QStringLiteral("postgresql://register:s3cret@backoffice/spa"));
    CHECK_FALSE(screen.saveStoreLocation());
    CHECK(editor->message().startsWith(QStringLiteral(
        "The store address postgresql://register@backoffice/spa carries a password")));
    CHECK_FALSE(editor->message().contains(QStringLiteral("s3cret")));
    editor->setServerAddress(QStringLiteral("http://backoffice/spa"));
    CHECK_FALSE(screen.saveStoreLocation());
    CHECK(editor->message().contains(QStringLiteral("postgresql://")));
    editor->setServerAddress(QString());
    CHECK_FALSE(screen.saveStoreLocation());
    CHECK(kept().isEmpty());
    CHECK(Store::configuredLocation() == Store::defaultPath());
    CHECK(restart->isHidden());

    // A server that does not answer: the check says so in one line; the address is still kept
    // (the server may be down today), from the next start on.
    const QString url = QStringLiteral("postgresql://register@127.0.0.1:1/spa");
    editor->setServerAddress(url);
    CHECK_FALSE(editor->check());
    CHECK(editor->message().startsWith(QStringLiteral("Cannot reach the store server")));
    REQUIRE(screen.saveStoreLocation());
    CHECK(kept() == url);
    CHECK(Store::configuredLocation() == url);
    CHECK(editor->message().contains(QStringLiteral("spa on 127.0.0.1")));
    CHECK_FALSE(restart->isHidden());
    QSignalSpy restarts(&screen, &SettingsScreen::restartRequested);
    restart->click();
    CHECK(restarts.count() == 1);

    // The change is in the books of the store the register had open.
    CHECK(tdb.db()
              .scalar(QStringLiteral("SELECT COUNT(*) FROM journal WHERE kind = "
                                     "'register_store_changed' AND payload LIKE ?"),
                      {QStringLiteral("%127.0.0.1:1/spa%")})
              ->toInt() == 1);

    // Back to this computer's own store: the setting is removed.
    field<QRadioButton>(screen, "storeOnThisComputer")->setChecked(true);
    REQUIRE(screen.saveStoreLocation());
    CHECK(kept().isEmpty());
    CHECK(Store::configuredLocation() == Store::defaultPath());
    CHECK_FALSE(restart->isHidden()); // this test's store is not the default file
}

TEST_CASE("pointing a register at another store needs a manager", "[screens][settings]") {
    TempDb tdb(true);
    TempSettings settings;
    Context c(tdb.db(), QStringLiteral("frontdesk"));
    SettingsScreen screen(c.ctx);
    screen.storeLocation()->setServerAddress(QStringLiteral("postgresql://register@10.0.0.9/spa"));
    CHECK_FALSE(screen.saveStoreLocation());
    CHECK(*c.approvals == 1);
    CHECK(QSettings().value(QStringLiteral("store/location")).toString().isEmpty());
    CHECK(Store::configuredLocation() == Store::defaultPath());
}
