// SPDX-License-Identifier: GPL-3.0-or-later
// The drawer count as the front desk does it on a 1366x768 touch screen: every note and coin on
// one page, counts typed or tapped on the number pad, the running total and over/short, and the
// summary after closing, on the screen, the receipt printer and a PDF.
#include "pos/screens/shiftscreen.h"
#include "tests/printing/printingfixtures.h"
#include "tests/screens/screensfixture.h"

#include "core/domain/clock.h"
#include "core/services/sale.h"
#include "core/services/shift.h"
#include "core/services/storesettings.h"
#include "printing/printersettings.h"
#include "printing/shiftsummary.h"

#include <QAbstractScrollArea>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

using namespace oasis;
using namespace oasis::screens;
using namespace oasis::screens::test;
using oasis::test::TempDb;
using oasis::test::value;

namespace {
const QString kRegister = QStringLiteral("test-register");

Money m(qint64 cents) {
    return Money::fromCents(cents);
}

/// A shift opened with a $100 float, a $45 cash sale (a gift card) and a $10 pay-in: $155
/// expected in the drawer.
void openBusyShift(Database &db) {
    const StaffMember desk = staff(db, QStringLiteral("frontdesk"));
    ShiftService shifts(db);
    value(shifts.open(m(100'00), desk, kRegister));
    Ticket card;
    card.addGiftCard(m(45'00));
    Tender cash;
    cash.type = TenderType::Cash;
    cash.amount = m(50'00); // $5 change
    value(SaleService(db).complete(card, {cash}, desk, std::nullopt, kRegister));
    value(shifts.payIn(m(10'00), QStringLiteral("change from the safe"), desk, std::nullopt,
                       kRegister));
    REQUIRE(value(shifts.summary(kRegister)).expected == m(155'00));
}

QPushButton *padKey(ShiftScreen &screen, const QString &key) {
    for (QPushButton *b : screen.findChildren<QPushButton *>())
        if (b->property("padKey").toString() == key)
            return b;
    FAIL("no number-pad key " << key.toStdString());
    return nullptr;
}

QPushButton *buttonStarting(QWidget &screen, const QString &text) {
    for (QPushButton *b : screen.findChildren<QPushButton *>())
        if (b->text().startsWith(text) && b->isVisible())
            return b;
    FAIL("no button " << text.toStdString());
    return nullptr;
}

QLabel *overShort(ShiftScreen &screen) {
    // The one on the count page (the summary page has its own).
    for (QLabel *l : screen.findChildren<QLabel *>(QStringLiteral("overShort")))
        if (l->isVisible())
            return l;
    FAIL("no over/short on screen");
    return nullptr;
}

QLabel *counted(ShiftScreen &screen) {
    for (QLabel *l : screen.findChildren<QLabel *>(QStringLiteral("countedTotal")))
        if (l->isVisible())
            return l;
    FAIL("no counted total on screen");
    return nullptr;
}

/// The front desk's screen: 1366x768 less the app's header and status bar.
void showAtCounterSize(QWidget &screen) {
    screen.resize(1366, 768 - 90);
    screen.show();
    REQUIRE(QTest::qWaitForWindowExposed(&screen));
}

/// Presses Close shift and answers the confirmation with `answer`; returns its text.
QString closeWith(ShiftScreen &screen, QMessageBox::StandardButton answer) {
    QString question;
    whenModal<QMessageBox>([&question, answer](QMessageBox *box) {
        question = box->text();
        box->button(answer)->click();
    });
    buttonStarting(screen, QStringLiteral("Close shift"))->click();
    return question;
}
} // namespace

TEST_CASE("every note and coin of the drawer count is on screen at 1366x768, finger-sized",
          "[screens][shift]") {
    TempDb tdb(true);
    Context c(tdb.db(), QStringLiteral("frontdesk"));
    openBusyShift(tdb.db());
    ShiftScreen screen(c.ctx);
    showAtCounterSize(screen);
    const QRect visible = screen.rect();
    auto onScreen = [&screen, &visible](QWidget *w) {
        const QRect r(w->mapTo(&screen, QPoint(0, 0)), w->size());
        return w->isVisible() && visible.contains(r);
    };
    REQUIRE(ShiftService::denominations().size() == 12);
    for (qint64 cents : ShiftService::denominations()) {
        INFO(printing::denominationText(cents).toStdString());
        QLineEdit *field = screen.countField(cents);
        REQUIRE(field);
        CHECK(onScreen(field));
        CHECK(field->height() >= 44);
        CHECK(field->width() >= 88);
        // Not inside anything that scrolls.
        for (QWidget *p = field->parentWidget(); p; p = p->parentWidget())
            CHECK_FALSE(qobject_cast<QAbstractScrollArea *>(p));
    }
    for (const QString &key :
         {QStringLiteral("0"), QStringLiteral("5"), QStringLiteral("9"), QStringLiteral("back"),
          QStringLiteral("clear"), QStringLiteral("next")}) {
        QPushButton *b = padKey(screen, key);
        CHECK(onScreen(b));
        CHECK(b->height() >= 44);
        CHECK(b->width() >= 44);
        CHECK(b->focusPolicy() == Qt::NoFocus); // a tap on the pad keeps the field's focus
    }
    QPushButton *close = buttonStarting(screen, QStringLiteral("Close shift"));
    CHECK(onScreen(close));
    CHECK(onScreen(overShort(screen)));
    CHECK(onScreen(counted(screen)));
}

TEST_CASE("counting the drawer moves the running total and over or short, and nothing is short "
          "before a count",
          "[screens][shift]") {
    TempDb tdb(true);
    Context c(tdb.db(), QStringLiteral("frontdesk"));
    openBusyShift(tdb.db());
    ShiftScreen screen(c.ctx);
    showAtCounterSize(screen);

    // Nothing counted yet: neutral, not short by $155.
    CHECK_FALSE(screen.hasCount());
    CHECK(counted(screen)->text() == m(0).format());
    CHECK(overShort(screen)->property("state").toString() == QStringLiteral("none"));
    CHECK_FALSE(overShort(screen)->text().contains(QStringLiteral("hort")));
    CHECK(overShort(screen)->text() == QStringLiteral("—"));

    // Typed on a keyboard: seven $20 notes.
    QTest::keyClicks(screen.countField(20'00), QStringLiteral("7"));
    CHECK(counted(screen)->text() == m(140'00).format());
    CHECK(overShort(screen)->text() == QStringLiteral("Short $15.00"));
    CHECK(overShort(screen)->property("state").toString() == QStringLiteral("short"));

    // A tap on the $10 field, then the number pad: one $10 note.
    QTest::mouseClick(screen.countField(10'00), Qt::LeftButton);
    padKey(screen, QStringLiteral("1"))->click();
    CHECK(screen.countField(10'00)->text() == QStringLiteral("1"));
    CHECK(screen.countField(20'00)->text() == QStringLiteral("7"));
    CHECK(overShort(screen)->text() == QStringLiteral("Short $5.00"));

    // Next goes on to the $5 field; four of them make it $5 over.
    padKey(screen, QStringLiteral("next"))->click();
    padKey(screen, QStringLiteral("4"))->click();
    CHECK(screen.countField(5'00)->text() == QStringLiteral("4"));
    CHECK(counted(screen)->text() == m(170'00).format());
    CHECK(overShort(screen)->text() == QStringLiteral("Over $15.00"));
    CHECK(overShort(screen)->property("state").toString() == QStringLiteral("over"));

    // ⌫ and a 1 instead: exact.
    padKey(screen, QStringLiteral("back"))->click();
    padKey(screen, QStringLiteral("1"))->click();
    CHECK(counted(screen)->text() == m(155'00).format());
    CHECK(overShort(screen)->text() == QStringLiteral("Exact"));
    CHECK(overShort(screen)->property("state").toString() == QStringLiteral("exact"));
    CHECK(screen.count() == DrawerCount{{20'00, 7}, {10'00, 1}, {5'00, 1}});

    // A count is a whole number of notes: letters and signs do not go in.
    QTest::mouseClick(screen.countField(1), Qt::LeftButton);
    QTest::keyClicks(screen.countField(1), QStringLiteral("-x"));
    CHECK(screen.countField(1)->text().isEmpty());
    // Clear empties the field tapped last, and only that one.
    QTest::mouseClick(screen.countField(5'00), Qt::LeftButton);
    padKey(screen, QStringLiteral("clear"))->click();
    CHECK(screen.countField(5'00)->text().isEmpty());
    CHECK(screen.countField(10'00)->text() == QStringLiteral("1"));
    CHECK(overShort(screen)->text() == QStringLiteral("Short $5.00"));
    padKey(screen, QStringLiteral("1"))->click();
    CHECK(overShort(screen)->text() == QStringLiteral("Exact"));
    CHECK(
        buttonStarting(screen, QStringLiteral("Close shift"))->text().contains(m(155'00).format()));
}

TEST_CASE("closing the shift shows its summary, with the figures the service recorded",
          "[screens][shift]") {
    TempDb tdb(true);
    TempSettings settings;
    Context c(tdb.db(), QStringLiteral("frontdesk"));
    openBusyShift(tdb.db());
    ShiftScreen screen(c.ctx);
    showAtCounterSize(screen);
    const qint64 shiftId = value(ShiftService(tdb.db()).current(kRegister)).id;

    // Nothing counted: the screen asks for a count and closes nothing.
    buttonStarting(screen, QStringLiteral("Close shift"))->click();
    CHECK(value(ShiftService(tdb.db()).current(kRegister)).id == shiftId);

    // $150.25 counted against $155 expected.
    QTest::keyClicks(screen.countField(50'00), QStringLiteral("2"));
    QTest::keyClicks(screen.countField(20'00), QStringLiteral("2"));
    QTest::keyClicks(screen.countField(10'00), QStringLiteral("1"));
    QTest::keyClicks(screen.countField(25), QStringLiteral("1"));
    QTest::keyClicks(screen.countField(2'00), QStringLiteral("0"));

    // Cancelled: still open, the count still there.
    const QString question = closeWith(screen, QMessageBox::No);
    CHECK(question.contains(QStringLiteral("$150.25")));
    CHECK(question.contains(QStringLiteral("short $4.75")));
    CHECK(value(ShiftService(tdb.db()).current(kRegister)).isOpen());
    CHECK(screen.countField(50'00)->text() == QStringLiteral("2"));

    closeWith(screen, QMessageBox::Yes);
    CHECK(ShiftService(tdb.db()).current(kRegister).error().code == ErrorCode::NotFound);
    REQUIRE(screen.lastClose());
    const ShiftClose &closed = *screen.lastClose();
    const Shift stored = value(ShiftService(tdb.db()).byId(shiftId));
    CHECK(closed.summary.shift.id == shiftId);
    CHECK(stored.counted == m(150'25));
    CHECK(closed.counted == *stored.counted);
    CHECK(closed.summary.expected == *stored.expected);
    CHECK(closed.overShort == m(-4'75));
    CHECK(closed.counts == DrawerCount{{50'00, 2}, {20'00, 2}, {10'00, 1}, {25, 1}});

    // The summary page: the figures large, the document below.
    auto *summary = screen.findChild<QTextBrowser *>(QStringLiteral("shiftSummary"));
    REQUIRE(summary);
    CHECK(summary->isVisible());
    CHECK(overShort(screen)->text() == QStringLiteral("Short $4.75"));
    CHECK(overShort(screen)->property("state").toString() == QStringLiteral("short"));
    CHECK(counted(screen)->text() == QStringLiteral("$150.25"));
    const QString text = summary->toPlainText();
    const QTimeZone zone = StoreSettings(tdb.db()).timeZone();
    for (const QString &expected :
         {QStringLiteral("SHIFT SUMMARY"), kRegister, storeTimeText(stored.openedAt, zone),
          storeTimeText(stored.closedAt, zone), QStringLiteral("Maya (front desk)"),
          QStringLiteral("$100.00"), QStringLiteral("$45.00"), QStringLiteral("$10.00"),
          QStringLiteral("$155.00"), QStringLiteral("$150.25"), QStringLiteral("-$4.75"),
          QStringLiteral("SHORT"), QStringLiteral("change from the safe, by Maya (front desk)"),
          QStringLiteral("$50 x 2"), QStringLiteral("25¢ x 1")}) {
        INFO(expected.toStdString());
        CHECK(text.contains(expected));
    }
    CHECK_FALSE(text.contains(QStringLiteral("frontdesk"))); // people by name, not login
    CHECK_FALSE(text.contains(QStringLiteral("UTC")));
    CHECK_FALSE(text.contains(QStringLiteral("$2 x"))); // counted as none: not listed

    // The next shift starts from an empty count.
    buttonStarting(screen, QStringLiteral("Count a float"))->click();
    CHECK_FALSE(screen.hasCount());
    CHECK(buttonStarting(screen, QStringLiteral("Open shift"))->isVisible());
}

TEST_CASE("the shift summary prints on the receipt printer and as a PDF with its figures",
          "[screens][shift][printer]") {
    TempDb tdb(true);
    TempSettings settings;
    QTemporaryDir dir;
    Context c(tdb.db(), QStringLiteral("frontdesk"));
    openBusyShift(tdb.db());
    const ShiftClose closed = value(ShiftService(tdb.db()).closeWithCount(
        {{100'00, 1}, {50'00, 1}, {5'00, 1}, {1, 3}}, c.user, std::nullopt, kRegister));
    REQUIRE(closed.overShort == m(3));
    const QTimeZone zone = StoreSettings(tdb.db()).timeZone();

    SECTION("on 58 mm paper every line fits") {
        const QStringList lines = printing::shiftSummaryText(closed, zone, 32);
        for (const QString &line : lines) {
            INFO(line.toStdString());
            CHECK(line.size() <= 32);
        }
        CHECK(lines.contains(QStringLiteral("OVER") + QString(32 - 4 - 5, u' ') +
                             QStringLiteral("$0.03")));
        CHECK(lines.filter(QStringLiteral("Expected in drawer"))
                  .first()
                  .endsWith(QStringLiteral("$155.00")));
        CHECK(lines.filter(QStringLiteral("1¢ x 3")).first().endsWith(QStringLiteral("$0.03")));
    }
    SECTION("Print summary sends it to the receipt printer") {
        const QString out = dir.filePath(QStringLiteral("printer.bin"));
        printing::PrinterSettings printer;
        printer.target = QStringLiteral("file:") + out;
        printer.save();
        ShiftScreen screen(c.ctx);
        showAtCounterSize(screen);
        QTest::keyClicks(screen.countField(20'00), QStringLiteral("1"));
        // This screen closes its own shift; the one closed above is already done: open another.
        value(ShiftService(tdb.db()).open(m(20'00), c.user, kRegister));
        screen.refresh();
        closeWith(screen, QMessageBox::Yes);
        REQUIRE(screen.lastClose());
        buttonStarting(screen, QStringLiteral("Print summary"))->click();
        QFile file(out);
        REQUIRE(file.open(QIODevice::ReadOnly));
        const auto stream = printing::test::parseEscPos(file.readAll());
        CHECK(stream.problem.isEmpty());
        CHECK(stream.cuts == 1);
        QStringList printed;
        for (const auto &line : stream.lines)
            printed << line.text;
        const QString all = printed.join(u'\n');
        CHECK(all.contains(QStringLiteral("SHIFT SUMMARY")));
        CHECK(all.contains(QStringLiteral("Shift %1").arg(screen.lastClose()->summary.shift.id)));
        CHECK(printed.filter(QStringLiteral("Expected in drawer"))
                  .first()
                  .endsWith(QStringLiteral("$20.00")));
        CHECK(printed.filter(QStringLiteral("$20 x 1")).first().endsWith(QStringLiteral("$20.00")));
        CHECK(printed.filter(QStringLiteral("EXACT")).size() == 1);
    }
    SECTION("as a PDF, with the same figures") {
        const QString pdf = dir.filePath(QStringLiteral("shift.pdf"));
        REQUIRE(printing::renderShiftSummaryPdf(closed, zone, pdf));
        QFile file(pdf);
        REQUIRE(file.open(QIODevice::ReadOnly));
        CHECK(file.readAll().startsWith("%PDF-"));
        // Read the text back where poppler's pdftotext is installed.
        const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
        if (pdftotext.isEmpty()) {
            WARN("pdftotext not installed: the PDF's text is not read back");
            return;
        }
        QProcess p;
        p.start(pdftotext, {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
        REQUIRE(p.waitForFinished(30'000));
        const QString text = QString::fromUtf8(p.readAllStandardOutput());
        for (const QString &expected :
             {QStringLiteral("SHIFT SUMMARY"), QStringLiteral("Expected in drawer"),
              QStringLiteral("$155.00"), QStringLiteral("$155.03"), QStringLiteral("OVER"),
              QStringLiteral("$0.03"), QStringLiteral("$100 x 1"),
              QStringLiteral("change from the safe"),
              storeTimeText(closed.summary.shift.closedAt, zone)}) {
            INFO(expected.toStdString());
            CHECK(text.contains(expected));
        }
    }
}
