// SPDX-License-Identifier: GPL-3.0-or-later
// The reports screen's range reports as the owner sees them: sales by category, cashier and
// therapist (items a choice of their own), and the gift-card liability with its totals.
#include "pos/screens/reportsscreen.h"
#include "tests/screens/screensfixture.h"

#include "core/domain/clock.h"
#include "core/services/catalog.h"
#include "core/services/report.h"
#include "core/services/sale.h"
#include "core/services/storesettings.h"
#include "printing/reporttext.h"

#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTextBrowser>

using namespace oasis;
using namespace oasis::screens;
using namespace oasis::screens::test;
using oasis::test::TempDb;
using oasis::test::value;

namespace {
void sellCash(Database &db, Ticket ticket, Money cash) {
    Tender pay;
    pay.type = TenderType::Cash;
    pay.amount = cash;
    value(SaleService(db).complete(ticket, {pay}, staff(db, QStringLiteral("frontdesk")),
                                   std::nullopt, QStringLiteral("test-register")));
}

/// Two lavender oils (and a $50 gift card with `giftCard`) sold for cash.
void sellOils(Database &db, bool giftCard, Money cash) {
    Ticket t;
    t.addItem(*value(CatalogService(db).findByCode(QStringLiteral("OIL-LAV-120"))), 2);
    if (giftCard)
        t.addGiftCard(Money::fromCents(50'00));
    sellCash(db, t, cash);
}

/// Chooses a report, presses Show and returns the table's first column.
QStringList show(ReportsScreen &screen, const QString &kind) {
    auto *combo = screen.findChild<QComboBox *>();
    REQUIRE(combo);
    const int index = combo->findData(kind);
    REQUIRE(index >= 0);
    combo->setCurrentIndex(index);
    for (QPushButton *b : screen.findChildren<QPushButton *>())
        if (b->text() == QStringLiteral("Show"))
            b->click();
    auto *table = screen.findChild<QTableWidget *>();
    REQUIRE(table);
    QStringList first;
    for (int r = 0; r < table->rowCount(); ++r)
        first << table->item(r, 0)->text();
    return first;
}
} // namespace

TEST_CASE("the reports screen shows sales by category, items apart, and the card liability",
          "[screens][report]") {
    TempDb tdb(true);
    Database &db = tdb.db();
    TempSettings settings;
    sellOils(db, true, Money::fromCents(200'00));

    Context context(db, QStringLiteral("owner"));
    ReportsScreen screen(context.ctx);
    const QStringList sales = show(screen, QStringLiteral("sales"));
    REQUIRE_FALSE(sales.isEmpty());
    CHECK(sales.contains(QStringLiteral("category")));
    CHECK(sales.contains(QStringLiteral("staff")));
    CHECK_FALSE(sales.contains(QStringLiteral("item")));
    const QStringList items = show(screen, QStringLiteral("items"));
    REQUIRE(items == QStringList{QStringLiteral("item")});

    const QStringList cards = show(screen, QStringLiteral("giftcards"));
    REQUIRE(cards.size() == 1); // the card that moved
    const QDate today = StoreSettings(db).businessDate(Clock::nowUtc());
    const GiftCardLiability liability =
        value(ReportService(db).giftCardLiability(QDate(today.year(), today.month(), 1), today));
    REQUIRE(liability.closing == Money::fromCents(50'00));
    bool totalsShown = false;
    for (QLabel *label : screen.findChildren<QLabel *>())
        totalsShown = totalsShown || label->text().contains(liability.closing.format(QLocale()));
    CHECK(totalsShown);
}

TEST_CASE("the X report on the screen is laid out, not a terminal dump, and saves as a PDF",
          "[screens][report]") {
    TempDb tdb(true);
    Database &db = tdb.db();
    TempSettings settings;
    sellOils(db, false, Money::fromCents(100'00));

    Context context(db, QStringLiteral("owner"));
    ReportsScreen screen(context.ctx);
    auto *view = screen.findChild<QTextBrowser *>();
    REQUIRE(view);
    const PeriodReport x = value(ReportService(db).x());
    // Rich text: a table whose amounts sit in their own right-aligned cells, in a
    // proportional font; the totals in bold.
    const QString html = view->toHtml();
    CHECK(html.contains(QStringLiteral("<table")));
    CHECK(html.contains(QStringLiteral("align=\"right\"")));
    CHECK(html.contains(QStringLiteral("font-weight:600")));
    const QString text = view->toPlainText();
    CHECK(text.contains(QStringLiteral("Net sales")));
    CHECK(text.contains(x.onSales.collected.format()));
    CHECK(text.contains(x.total.format()));
    CHECK_FALSE(text.contains(QStringLiteral("UTC")));

    // The same layout as a letter-size PDF.
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("x.pdf"));
    REQUIRE(printing::renderPeriodReportPdf(x, StoreSettings(db).timeZone(), pdf));
    QFile file(pdf);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    CHECK(bytes.startsWith("%PDF-"));
    CHECK(bytes.size() > 5'000);
}
