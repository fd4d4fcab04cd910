// SPDX-License-Identifier: GPL-3.0-or-later
// Not a test: renders the screens to PNG files for a person to look at.
// OASIS_SCREENSHOT_DIR=/tmp/shots ./test_screens "[screenshots]"
#include "pos/screens/giftcardcertificate.h"
#include "pos/screens/giftcardscreen.h"
#include "pos/screens/reportsscreen.h"
#include "pos/screens/settingsscreen.h"
#include "pos/screens/shiftscreen.h"
#include "pos/screens/staffscreen.h"
#include "tests/screens/screensfixture.h"

#include "core/services/sale.h"
#include "core/services/shift.h"

#include <QDir>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QTest>

using namespace oasis;
using namespace oasis::screens;
using namespace oasis::screens::test;

namespace {

void shoot(QWidget &w, const QString &dir, const QString &name, QSize size = {1280, 720}) {
    w.resize(size);
    w.show();
    QTest::qWait(0);
    CHECK(w.grab().save(QDir(dir).filePath(name + QStringLiteral(".png"))));
}

} // namespace

TEST_CASE("screenshots of the screens", "[.][screenshots]") {
    const QString dir = qEnvironmentVariable("OASIS_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    oasis::test::TempDb tdb(true);
    TempSettings settings;
    Context c(tdb.db(), QStringLiteral("frontdesk"), QStringLiteral("manager"));

    Ticket ticket;
    ticket.addGiftCard(Money::fromCents(150'00), QStringLiteral("Ana Whitfield"),
                       QStringLiteral("Ben and the kids"),
                       QStringLiteral("Happy birthday, take an afternoon for yourself!"));
    Tender cash;
    cash.amount = Money::fromCents(150'00);
    auto sale = oasis::test::value(
        SaleService(tdb.db()).complete(ticket, {cash}, c.user, std::nullopt, c.ctx.registerId));
    const IssuedCard card = sale.giftCards.front();

    GiftCardScreen gift(c.ctx);
    QTest::keyClicks(gift.codeField(), card.code);
    QTest::keyClick(gift.codeField(), Qt::Key_Return);
    Tender more;
    more.amount = Money::fromCents(40'00);
    gift.reload(Money::fromCents(25'00), more);
    shoot(gift, dir, QStringLiteral("giftcard"));
    QTest::keyClicks(gift.codeField(), QStringLiteral("GC1-7MZ4-Q8RT-N2XW-K5PB-7KQ3"));
    QTest::keyClick(gift.codeField(), Qt::Key_Return);
    shoot(gift, dir, QStringLiteral("giftcard-typo"));

    whenModal<QDialog>([dir](QDialog *d) {
        shoot(*d, dir, QStringLiteral("giftcard-sell"), d->sizeHint());
        d->reject();
    });
    gift.findChild<QPushButton *>(QStringLiteral("sell"))->click();
    whenModal<QDialog>([dir](QDialog *d) {
        shoot(*d, dir, QStringLiteral("giftcard-liability"), {900, 600});
        d->reject();
    });
    gift.findChild<QPushButton *>(QStringLiteral("liability"))->click();

    CertificatePreviewDialog preview(gift.certificateFor(
        card.code, card.amount, QStringLiteral("Ana Whitfield"), QStringLiteral("Ben")));
    shoot(preview, dir, QStringLiteral("giftcard-certificate"), preview.sizeHint());

    Context owner(tdb.db(), QStringLiteral("owner"));
    StaffScreen staffScreen(owner.ctx);
    shoot(staffScreen, dir, QStringLiteral("staff"));

    Context manager(tdb.db(), QStringLiteral("manager"));
    SettingsScreen settingsScreen(manager.ctx);
    for (int i = 0; i < settingsScreen.tabs()->count(); ++i) {
        settingsScreen.tabs()->setCurrentIndex(i);
        shoot(settingsScreen, dir, QStringLiteral("settings-%1").arg(i));
    }

    ReportsScreen reports(owner.ctx);
    shoot(reports, dir, QStringLiteral("reports-x"), {1366, 768});

    // A shift with a cash sale and a tip paid out, its drawer half counted, then closed.
    ShiftService shifts(tdb.db());
    oasis::test::value(shifts.open(Money::fromCents(150'00), c.user, c.ctx.registerId));
    Ticket another;
    another.addGiftCard(Money::fromCents(75'00), QString(), QString(), QString());
    Tender eighty;
    eighty.amount = Money::fromCents(80'00);
    oasis::test::value(
        SaleService(tdb.db()).complete(another, {eighty}, c.user, std::nullopt, c.ctx.registerId));
    oasis::test::value(shifts.payOut(Money::fromCents(20'00),
                                     QStringLiteral("tip paid out in cash to Lena"), c.user,
                                     std::nullopt, c.ctx.registerId));
    ShiftScreen shift(c.ctx);
    for (auto [cents, n] : std::initializer_list<std::pair<qint64, int>>{
             {50'00, 1}, {20'00, 6}, {10'00, 3}, {5'00, 2}, {1'00, 4}})
        QTest::keyClicks(shift.countField(cents), QString::number(n));
    shift.countField(25)->setFocus();
    shoot(shift, dir, QStringLiteral("shift-count"), {1366, 768});
    QTest::keyClicks(shift.countField(25), QStringLiteral("3"));
    whenModal<QMessageBox>([](QMessageBox *box) { box->button(QMessageBox::Yes)->click(); });
    for (QPushButton *b : shift.findChildren<QPushButton *>())
        if (b->text().startsWith(QLatin1String("Close shift")))
            b->click();
    shoot(shift, dir, QStringLiteral("shift-summary"), {1366, 768});
}
