// SPDX-License-Identifier: GPL-3.0-or-later
// The reports screen's range reports as the owner sees them: sales by category, staff member and
// therapist as tables of their own with totals, the gift-card liability with its totals, and
// the dashboard's charts with round ticks and a summary line.
#include "pos/screens/dashboard.h"
#include "pos/screens/reportsscreen.h"
#include "tests/screens/screensfixture.h"

#include "core/domain/clock.h"
#include "core/services/catalog.h"
#include "core/services/report.h"
#include "core/services/sale.h"
#include "core/services/storesettings.h"
#include "printing/reporttext.h"

#include <QBarCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGraphicsTextItem>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QValueAxis>

using namespace oasis;
using namespace oasis::screens;
using namespace oasis::screens::test;
using oasis::test::TempDb;
using oasis::test::value;
using namespace Qt::StringLiterals;

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
    auto *combo = screen.findChild<QComboBox *>(QStringLiteral("reportKind"));
    REQUIRE(combo);
    const int index = combo->findData(kind);
    REQUIRE(index >= 0);
    combo->setCurrentIndex(index);
    for (QPushButton *b : screen.findChildren<QPushButton *>())
        if (b->text() == QStringLiteral("Show"))
            b->click();
    auto *table = screen.findChild<QTableWidget *>(QStringLiteral("reportTable"));
    REQUIRE(table);
    QStringList first;
    for (int r = 0; r < table->rowCount(); ++r)
        first << table->item(r, 0)->text();
    return first;
}

QTableWidget *tableOf(ReportsScreen &screen) {
    auto *table = screen.findChild<QTableWidget *>(QStringLiteral("reportTable"));
    REQUIRE(table);
    return table;
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
    // One table per report: names a person reads, a totals row in bold, no empty rows.
    const QStringList categories = show(screen, QStringLiteral("category"));
    REQUIRE(categories.size() == 2); // Oils, then Total
    CHECK(categories.back() == QStringLiteral("Total"));
    QTableWidget *table = tableOf(screen);
    CHECK(table->horizontalHeaderItem(0)->text() == QStringLiteral("Category"));
    CHECK(table->item(table->rowCount() - 1, 0)->font().bold());
    CHECK_FALSE(table->item(0, 0)->font().bold());
    CHECK(table->item(1, 2)->text() == Money::fromCents(48'00).format(QLocale()));
    // Money right-aligned.
    CHECK((table->item(0, 2)->textAlignment() & Qt::AlignRight) != 0);
    auto *title = screen.findChild<QLabel *>(QStringLiteral("reportTitle"));
    REQUIRE(title);
    CHECK(title->text().startsWith(QStringLiteral("Sales by category")));

    const QStringList staffRows = show(screen, QStringLiteral("staff"));
    CHECK(staffRows == QStringList{QStringLiteral("Maya (front desk)"), QStringLiteral("Total")});
    // The gift card she sold is in its own column, not in her sales.
    table = tableOf(screen);
    CHECK(table->horizontalHeaderItem(4)->text() == QStringLiteral("Gift cards sold"));
    CHECK(table->item(0, 4)->text() == Money::fromCents(50'00).format(QLocale()));

    // Nobody performed a session: said in words, not an empty grid or rows of zeros.
    const QStringList therapists = show(screen, QStringLiteral("therapist"));
    CHECK(therapists == QStringList{QStringLiteral("Nothing in this period.")});

    const QStringList items = show(screen, QStringLiteral("items"));
    REQUIRE(items == QStringList{QStringLiteral("OIL-LAV-120"), QStringLiteral("Total")});
    // The "Nothing" line spanned the first row: the next report's first row is whole again, and
    // only the names stretch.
    table = tableOf(screen);
    CHECK(table->columnSpan(0, 0) == 1);
    CHECK(table->horizontalHeader()->sectionResizeMode(1) == QHeaderView::Stretch); // Item
    for (int col = 2; col < table->columnCount(); ++col)
        CHECK(table->horizontalHeader()->sectionResizeMode(col) == QHeaderView::Interactive);
    for (const char *kind : {"tax", "commission", "usetax", "vouchers", "prepaid", "offline",
                             "aging", "clients", "inventory"})
        REQUIRE_FALSE(show(screen, QLatin1String(kind)).isEmpty());

    const QStringList cards = show(screen, QStringLiteral("giftcards"));
    REQUIRE(cards.size() == 2); // the card that moved, and the totals
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

TEST_CASE("the dashboard's axes have round ticks and its summary compares today with last week",
          "[screens][report]") {
    // Round steps of 1, 2 or 5 times a power of ten, whole numbers for sessions.
    const NiceAxis money = niceAxis(1'234.0, false);
    CHECK(money.step == 500.0);
    CHECK(money.top == 1'500.0);
    CHECK(money.ticks == 4);
    CHECK(niceAxis(960.0, false).step == 200.0);
    CHECK(niceAxis(960.0, false).top == 1'000.0);
    CHECK(niceAxis(80.0, false).step == 20.0);
    CHECK(niceAxis(80.0, false).top == 80.0);
    const NiceAxis sessions = niceAxis(3.0, true);
    CHECK(sessions.step == 1.0);
    CHECK(sessions.top == 3.0);
    CHECK(niceAxis(0.0, true).top == 1.0);

    TempDb tdb(true);
    Database &db = tdb.db();
    TempSettings settings;
    sellOils(db, false, Money::fromCents(100'00));
    Context context(db, QStringLiteral("owner"));
    Dashboard dashboard(context.ctx);
    dashboard.refresh();
    const Money sold = value(ReportService(db).x()).total;
    CHECK(dashboard.summaryText().contains(sold.format(QLocale())));
    CHECK(dashboard.summaryText().contains(QStringLiteral("last ")));
    // The period chooser redraws the charts for its period.
    auto *period = dashboard.findChild<QComboBox *>(QStringLiteral("dashboardPeriod"));
    REQUIRE(period);
    auto *perDay = dashboard.findChild<QChartView *>(QStringLiteral("salesPerDay"));
    REQUIRE(perDay);
    period->setCurrentIndex(period->findData(7));
    CHECK(perDay->chart()->title().startsWith(QStringLiteral("Sales per day")));
    auto *days = qobject_cast<QBarCategoryAxis *>(perDay->chart()->axes(Qt::Horizontal).value(0));
    REQUIRE(days);
    CHECK(days->count() == 7);
    period->setCurrentIndex(period->findData(-3));
    CHECK(perDay->chart()->title().startsWith(QStringLiteral("Sales per month")));
    // Every hour labelled.
    auto *perHour = dashboard.findChild<QChartView *>(QStringLiteral("salesPerHour"));
    auto *hours = qobject_cast<QBarCategoryAxis *>(perHour->chart()->axes(Qt::Horizontal).value(0));
    REQUIRE(hours);
    CHECK(hours->count() >= 10);
    for (const QString &label : hours->categories())
        CHECK_FALSE(label.isEmpty());
    // Whole numbers of sessions.
    auto *perTherapist = dashboard.findChild<QChartView *>(QStringLiteral("sessionsPerTherapist"));
    auto *count = qobject_cast<QValueAxis *>(perTherapist->chart()->axes(Qt::Vertical).value(0));
    REQUIRE(count);
    CHECK(count->tickInterval() >= 1.0);
    CHECK(count->labelFormat() == QStringLiteral("%.0f"));
}

TEST_CASE("the dashboard's hours are drawn whole at 1366x768, and a period without sessions says "
          "so",
          "[screens][report]") {
    // "10 AM" was drawn as "10 ..." on the counter at 1366x768 (seen by screenshot): the hours
    // are written short, as Square writes them.
    TempDb tdb(true);
    Database &db = tdb.db();
    TempSettings settings;
    sellOils(db, false, Money::fromCents(100'00));
    Context context(db, QStringLiteral("owner"));
    Dashboard dashboard(context.ctx);
    dashboard.resize(1346, 610); // its room under the counter's bars at 1366x768
    dashboard.show();
    dashboard.refresh();
    QTest::qWait(50);
    auto *perHour = dashboard.findChild<QChartView *>(QStringLiteral("salesPerHour"));
    REQUIRE(perHour);
    auto *hours = qobject_cast<QBarCategoryAxis *>(perHour->chart()->axes(Qt::Horizontal).value(0));
    REQUIRE(hours);
    for (const QString &hour : {u"9a"_s, u"12p"_s, u"6p"_s})
        CHECK(hours->categories().contains(hour));
    // Drawn as written. (The cut itself did not happen offscreen, whose font is smaller than
    // the counter's under X: the short labels were checked by screenshot there.)
    QStringList drawn;
    for (QGraphicsItem *item : perHour->scene()->items())
        if (auto *text = dynamic_cast<QGraphicsTextItem *>(item))
            drawn << text->toPlainText();
    CHECK(drawn.contains(u"12p"_s));
    // The demo's sales are oils: no sessions, and the chart says so.
    auto *perTherapist = dashboard.findChild<QChartView *>(QStringLiteral("sessionsPerTherapist"));
    REQUIRE(perTherapist);
    CHECK(perTherapist->chart()->title().startsWith(u"No sessions with a therapist, "_s));
}

TEST_CASE("a period without sales says so on the dashboard's charts", "[screens][report]") {
    TempDb tdb(true);
    Database &db = tdb.db();
    TempSettings settings;
    Context context(db, QStringLiteral("owner"));
    Dashboard dashboard(context.ctx);
    dashboard.refresh();
    auto *perDay = dashboard.findChild<QChartView *>(QStringLiteral("salesPerDay"));
    auto *perHour = dashboard.findChild<QChartView *>(QStringLiteral("salesPerHour"));
    auto *period = dashboard.findChild<QComboBox *>(QStringLiteral("dashboardPeriod"));
    REQUIRE(perDay);
    REQUIRE(perHour);
    REQUIRE(period);
    CHECK(perDay->chart()->title().startsWith(u"No sales, "_s));
    CHECK(perHour->chart()->title().startsWith(u"No sales, "_s));
    period->setCurrentIndex(period->findData(-3)); // by month
    CHECK(perDay->chart()->title().startsWith(u"No sales, "_s));
    // A sale: the charts name what they show.
    sellOils(db, false, Money::fromCents(100'00));
    dashboard.refresh();
    CHECK(perDay->chart()->title().startsWith(u"Sales per month, "_s));
    CHECK(perHour->chart()->title().startsWith(u"Sales by hour of day, "_s));
    period->setCurrentIndex(period->findData(7));
    CHECK(perDay->chart()->title().startsWith(u"Sales per day, "_s));
}

TEST_CASE("the dashboard shows what was sold elsewhere when it is looked at again",
          "[screens][report]") {
    TempDb tdb(true);
    Database &db = tdb.db();
    TempSettings settings;
    sellOils(db, false, Money::fromCents(100'00));
    Context context(db, QStringLiteral("owner"));
    ReportsScreen screen(context.ctx);
    auto *tabs = screen.findChild<QTabWidget *>();
    REQUIRE(tabs);
    auto *dashboard = screen.findChild<Dashboard *>();
    REQUIRE(dashboard);
    tabs->setCurrentWidget(dashboard);
    screen.show();
    const Money first = value(ReportService(db).x()).total;
    REQUIRE(dashboard->summaryText().contains(first.format(QLocale())));

    // Another register (or oasisctl) sells while the X/Z tab is on screen; this screen is told
    // nothing. Back on the dashboard, its line has the new total.
    tabs->setCurrentIndex(0);
    sellOils(db, false, Money::fromCents(100'00));
    const Money both = value(ReportService(db).x()).total;
    REQUIRE(both > first);
    REQUIRE_FALSE(dashboard->summaryText().contains(both.format(QLocale())));
    tabs->setCurrentWidget(dashboard);
    REQUIRE(dashboard->summaryText().contains(both.format(QLocale())));
}

TEST_CASE("Export CSV writes the report on the screen as one table, from a save dialog that "
          "starts in Documents",
          "[screens][report]") {
    TempDb tdb(true);
    Database &db = tdb.db();
    TempSettings settings;
    sellOils(db, true, Money::fromCents(200'00));
    Context context(db, QStringLiteral("owner"));
    ReportsScreen screen(context.ctx);
    show(screen, QStringLiteral("staff"));

    QTemporaryDir dir;
    const QString chosen = dir.filePath(QStringLiteral("staff-sales"));
    QString startedIn;
    QString suggested;
    whenModal<QFileDialog>([&](QFileDialog *save) {
        startedIn = save->directory().absolutePath();
        suggested = QFileInfo(save->selectedFiles().value(0)).fileName();
        save->selectFile(chosen);                  // typed without ".csv"
        QMetaObject::invokeMethod(save, "accept"); // as Save does
    });
    for (QPushButton *b : screen.findChildren<QPushButton *>())
        if (b->text() == QStringLiteral("Export CSV…"))
            b->click();
    QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (!QDir(documents).exists())
        documents = QDir::homePath();
    CHECK(QDir(startedIn) == QDir(documents));
    CHECK(suggested.startsWith(QStringLiteral("staff-")));
    QFile file(chosen + QStringLiteral(".csv"));
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QByteArray csv = file.readAll();
    CHECK(csv.startsWith("Staff member,Sold,Net sales,Sales tax,Gift cards sold\r\n"));
    CHECK(csv.contains("Maya (front desk),2,48.00,5.06,50.00\r\n"));
    CHECK_FALSE(csv.contains("Total"));
}
