// SPDX-License-Identifier: GPL-3.0-or-later
// The inventory screen's models: a sound QAbstractItemModel, low stock highlighted, search and
// sort as the user sees them.
#include "tests/support/testsupport.h"

#include "core/services/inventory.h"
#include "pos/screens/inventorymodel.h"
#include "pos/screens/inventoryscreen.h"
#include "pos/screens/labelsdialog.h"
#include "tests/printing/printingfixtures.h"
#include "tests/support/whenmodal.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QBrush>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTabWidget>
#include <QTest>
#include <QTimer>

using namespace oasis;
using namespace oasis::screens;
using oasis::test::TempDb;
using oasis::test::value;

namespace {

StockLevel level(qint64 id, const char *code, qint64 onHand, int reorderPoint, qint64 cost) {
    StockLevel s;
    s.itemId = id;
    s.code = QString::fromLatin1(code);
    s.name = QStringLiteral("Product ") + s.code;
    s.category = QStringLiteral("Oils");
    s.onHand = onHand;
    s.reorderPoint = reorderPoint;
    s.cost = Money::fromCents(cost);
    return s;
}

int rowOf(const QAbstractItemModel &m, const QString &code) {
    for (int r = 0; r < m.rowCount(); ++r)
        if (m.index(r, InventoryModel::Code).data(InventoryModel::CodeRole).toString() == code)
            return r;
    return -1;
}

/// Where the product `code` is in the screen's list as shown (filtered and sorted).
QModelIndex shownIndex(InventoryScreen &screen, const QString &code) {
    return screen.filter()->mapFromSource(screen.model()->index(rowOf(*screen.model(), code), 0));
}

} // namespace

TEST_CASE("the inventory model highlights low and negative stock", "[inventory][screen]") {
    InventoryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setLevels(
        {level(1, "A", 10, 4, 250), level(2, "B", 4, 4, 100), level(3, "C", -2, 3, 500)});
    REQUIRE(model.rowCount() == 3);
    REQUIRE(model.columnCount() == InventoryModel::ColumnCount);

    const QModelIndex a = model.index(0, InventoryModel::OnHand);
    const QModelIndex b = model.index(1, InventoryModel::Name);
    const QModelIndex c = model.index(2, InventoryModel::Value);
    REQUIRE_FALSE(a.data(InventoryModel::LowRole).toBool());
    REQUIRE_FALSE(a.data(Qt::BackgroundRole).isValid());
    REQUIRE(b.data(InventoryModel::LowRole).toBool()); // at the reorder point is low
    REQUIRE(b.data(Qt::BackgroundRole).value<QBrush>().color() == InventoryModel::lowBackground());
    REQUIRE(b.data(Qt::ForegroundRole).isValid());
    REQUIRE(c.data(InventoryModel::NegativeRole).toBool());
    REQUIRE(c.data(Qt::BackgroundRole).value<QBrush>().color() ==
            InventoryModel::negativeBackground());
    // Values: 10 × 2.50, and nothing for stock below zero.
    REQUIRE(model.index(0, InventoryModel::Value).data(InventoryModel::SortRole).toLongLong() ==
            2500);
    REQUIRE(c.data(InventoryModel::SortRole).toLongLong() == 0);
    REQUIRE(model.lowCount() == 2);
    REQUIRE(model.totalValue() == Money::fromCents(2500 + 400));

    // A receive brings B above its reorder point: its row changes, the highlight goes.
    model.updateLevel(level(2, "B", 9, 4, 100));
    REQUIRE_FALSE(model.index(1, InventoryModel::Code).data(Qt::BackgroundRole).isValid());
    model.updateLevel(level(4, "D", 0, 0, 100)); // a new product appears
    REQUIRE(model.rowCount() == 4);
    REQUIRE(model.lowCount() == 2);
}

TEST_CASE("the inventory screen lists stock, searches, sorts and shows what is low",
          "[inventory][screen]") {
    TempDb t(true);
    Database &db = t.db();
    const StaffMember manager = value(StaffService(db).find(QStringLiteral("manager")));
    ScreenContext ctx;
    ctx.db = &db;
    ctx.currentUser = [manager] { return manager; };
    ctx.requestApproval = [](Action, const QString &) { return std::optional<StaffMember>(); };
    ctx.registerId = QStringLiteral("test");

    InventoryScreen screen(ctx);
    QAbstractItemModelTester sourceTester(screen.model(),
                                          QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester proxyTester(screen.filter(),
                                         QAbstractItemModelTester::FailureReportingMode::Fatal);
    REQUIRE(screen.model()->rowCount() == 14);
    REQUIRE(screen.lowStockCount() == 0);

    // Oil used in treatments takes the lavender oil to its reorder point (16 → 6).
    InventoryService inv(db);
    value(inv.adjust(QStringLiteral("OIL-LAV-120"), -10, AdjustReason::Treatment, {}, manager));
    value(inv.adjust(QStringLiteral("BLM-MUS-060"), -25, AdjustReason::Adjust, {}, manager));
    screen.refresh();
    REQUIRE(screen.lowStockCount() == 2);
    const int lavender = rowOf(*screen.model(), QStringLiteral("OIL-LAV-120"));
    REQUIRE(lavender >= 0);
    REQUIRE(screen.model()
                ->index(lavender, InventoryModel::Name)
                .data(Qt::BackgroundRole)
                .value<QBrush>()
                .color() == InventoryModel::lowBackground());
    const int balm = rowOf(*screen.model(), QStringLiteral("BLM-MUS-060"));
    REQUIRE(screen.model()->index(balm, InventoryModel::OnHand).data().toString() ==
            QStringLiteral("-5"));
    REQUIRE(screen.model()
                ->index(balm, InventoryModel::OnHand)
                .data(Qt::BackgroundRole)
                .value<QBrush>()
                .color() == InventoryModel::negativeBackground());

    // Typing in the search field filters on code, name and category.
    auto *search = screen.findChild<QLineEdit *>(QStringLiteral("inventorySearch"));
    REQUIRE(search);
    QTest::keyClicks(search, QStringLiteral("balm"));
    REQUIRE(screen.filter()->rowCount() == 2); // the Balms category
    search->clear();
    REQUIRE(screen.filter()->rowCount() == 14);
    screen.filter()->setLowOnly(true);
    REQUIRE(screen.filter()->rowCount() == 2);
    screen.filter()->setLowOnly(false);

    // Sorting by on-hand puts the product below zero first, by number not text.
    screen.filter()->sort(InventoryModel::OnHand, Qt::AscendingOrder);
    REQUIRE(screen.filter()->index(0, InventoryModel::Code).data().toString() ==
            QStringLiteral("BLM-MUS-060"));
    REQUIRE(screen.filter()->index(1, InventoryModel::Code).data().toString() ==
            QStringLiteral("OIL-LAV-120"));
}

namespace {
/// Fills in the modal dialog the next click opens, then presses its OK button.
template <typename Fill>
void whenDialogOpens(Fill fill) {
    QTimer::singleShot(0, [fill] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        REQUIRE(dialog);
        fill(dialog);
        auto *buttons = dialog->findChild<QDialogButtonBox *>();
        REQUIRE(buttons);
        buttons->button(QDialogButtonBox::Ok)->click();
    });
}
} // namespace

TEST_CASE("receive and adjust dialogs change stock, asking a manager when needed",
          "[inventory][screen]") {
    TempDb t(true);
    Database &db = t.db();
    const StaffMember frontDesk = value(StaffService(db).find(QStringLiteral("frontdesk")));
    const StaffMember manager = value(StaffService(db).find(QStringLiteral("manager")));
    int approvals = 0;
    ScreenContext ctx;
    ctx.db = &db;
    ctx.currentUser = [frontDesk] { return frontDesk; };
    ctx.requestApproval = [&approvals, manager](Action action, const QString &) {
        ++approvals;
        CHECK(action == Action::StockAdjust);
        return std::optional<StaffMember>(manager);
    };
    InventoryScreen screen(ctx);
    QSignalSpy changed(&screen, &InventoryScreen::stockChanged);
    const int row = shownIndex(screen, QStringLiteral("OIL-LAV-120")).row();
    screen.view()->setCurrentIndex(screen.filter()->index(row, 0));

    const QDate bestBefore = QDate::currentDate().addMonths(6);
    whenDialogOpens([bestBefore](QDialog *d) {
        d->findChild<QSpinBox *>()->setValue(4);
        d->findChild<QLineEdit *>(QStringLiteral("unitCost"))->setText(QStringLiteral("10.00"));
        d->findChild<QCheckBox *>(QStringLiteral("bestBeforeOn"))->setChecked(true);
        d->findChild<QDateEdit *>(QStringLiteral("bestBefore"))->setDate(bestBefore);
    });
    screen.findChild<QPushButton *>(QStringLiteral("receive"))->click();
    REQUIRE(changed.size() == 1);
    CHECK(value(db.scalar(QStringLiteral("SELECT expires FROM stock_movements ORDER BY id DESC "
                                         "LIMIT 1")))
              .toString() == bestBefore.toString(Qt::ISODate));
    REQUIRE(approvals == 0); // the front desk may receive
    const InventoryService inv(db);
    REQUIRE(value(inv.level(QStringLiteral("OIL-LAV-120"))).onHand == 20);
    // (16 × 9.40 + 4 × 10.00) / 20 = 9.52
    REQUIRE(value(inv.level(QStringLiteral("OIL-LAV-120"))).cost == Money::fromCents(952));
    REQUIRE(screen.filter()->index(row, InventoryModel::OnHand).data().toString() ==
            QStringLiteral("20"));

    whenDialogOpens([](QDialog *d) { d->findChild<QSpinBox *>()->setValue(-3); });
    screen.findChild<QPushButton *>(QStringLiteral("adjust"))->click();
    REQUIRE(approvals == 1);
    REQUIRE(changed.size() == 2);
    const auto last = value(inv.history(QStringLiteral("OIL-LAV-120"))).back();
    REQUIRE(last.reason == QStringLiteral("treatment")); // the dialog's first reason
    REQUIRE(last.quantity == -3);
    REQUIRE(screen.filter()->index(row, InventoryModel::OnHand).data().toString() ==
            QStringLiteral("17"));
}

TEST_CASE("editing a product starts in its name, and its code is shown but never edited",
          "[inventory][screen]") {
    TempDb t(true);
    Database &db = t.db();
    const StaffMember owner = value(StaffService(db).find(QStringLiteral("owner")));
    ScreenContext ctx;
    ctx.db = &db;
    ctx.currentUser = [owner] { return owner; };
    InventoryScreen screen(ctx);
    screen.view()->setCurrentIndex(shownIndex(screen, QStringLiteral("OIL-LAV-120")));
    bool seen = false;
    whenDialogOpens([&seen](QDialog *d) {
        auto *code = d->findChild<QLineEdit *>(QStringLiteral("productCode"));
        auto *name = d->findChild<QLineEdit *>(QStringLiteral("productName"));
        REQUIRE(code);
        REQUIRE(name);
        CHECK(code->text() == QStringLiteral("OIL-LAV-120"));
        CHECK(code->isReadOnly());
        CHECK(code->focusPolicy() == Qt::NoFocus);
        CHECK(d->focusWidget() == name);
        seen = true;
    });
    screen.findChild<QPushButton *>(QStringLiteral("editProduct"))->click();
    CHECK(seen);
}

TEST_CASE("the valuation model fetches products a page at a time, in code order",
          "[inventory][screen]") {
    TempDb t(true);
    Database &db = t.db();
    // 1,200 more products than the demo's, so the list takes three pages and more.
    value(db.exec(QStringLiteral(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1200) "
        "INSERT INTO items(type, code, name, price_cents, cost_cents, tax_class) "
        "SELECT 'product', printf('ZZ%05d', i), 'Bulk product', 100, 50, 'retail' FROM n")));
    const InventoryService inv(db);
    const Valuation full = value(inv.valuation());
    REQUIRE(full.lines.size() > 2 * ValuationModel::kPage);

    ValuationModel model(inv);
    REQUIRE(model.rowCount() == 0);
    REQUIRE(model.canFetchMore({}));
    model.fetchMore({});
    REQUIRE(model.rowCount() == ValuationModel::kPage); // one page, not 1,200 products
    // (The tester fetches more itself while it checks the model.)
    QAbstractItemModelTester tester(&model,
                                    QAbstractItemModelTester::FailureReportingMode::Warning);
    while (model.canFetchMore({}))
        model.fetchMore({});
    REQUIRE(model.rowCount() == int(full.lines.size()));
    Money total;
    for (int r = 0; r < model.rowCount(); ++r) {
        REQUIRE(model.levelAt(r).code == full.lines[std::size_t(r)].code);
        total += model.levelAt(r).value();
    }
    REQUIRE(total == full.total);
}

TEST_CASE("the stock reports show the valuation by category with totals and the products "
          "beside it",
          "[inventory][screen]") {
    TempDb t(true);
    Database &db = t.db();
    const StaffMember owner = value(StaffService(db).find(QStringLiteral("owner")));
    ScreenContext ctx;
    ctx.db = &db;
    ctx.currentUser = [owner] { return owner; };
    InventoryScreen screen(ctx);
    const ValuationSummary summary = value(InventoryService(db).valuationSummary());
    REQUIRE(summary.byCategory.size() >= 2);
    bool seen = false;
    QTimer::singleShot(0, [&seen, &summary] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        REQUIRE(dialog);
        auto *byCategory = dialog->findChild<QTableWidget *>(QStringLiteral("valuationByCategory"));
        REQUIRE(byCategory);
        // A row per category, then the total.
        REQUIRE(byCategory->rowCount() == int(summary.byCategory.size()) + 1);
        const int last = byCategory->rowCount() - 1;
        CHECK(byCategory->item(last, 0)->text() == QStringLiteral("Total"));
        CHECK(byCategory->item(last, 3)->text() == summary.total.format(QLocale()));
        CHECK(byCategory->item(last, 1)->text() == QString::number(summary.products));
        auto *products = dialog->findChild<QTableView *>(QStringLiteral("valuationProducts"));
        REQUIRE(products);
        REQUIRE(products->model());
        // Shown, the view fetches what it shows; the demo's products fit in one page.
        auto *tabs = dialog->findChild<QTabWidget *>();
        REQUIRE(tabs);
        tabs->setCurrentWidget(products->parentWidget());
        CHECK(QTest::qWaitFor([products] { return products->model()->rowCount() > 0; }, 5000));
        CHECK(products->model()->rowCount() == int(summary.products));
        seen = true;
        dialog->reject();
    });
    screen.findChild<QPushButton *>(QStringLiteral("reports"))->click();
    REQUIRE(seen);
}

TEST_CASE("the labels dialog prints what was received today, or the products chosen",
          "[inventory][screen][labels]") {
    TempDb t(true);
    Database &db = t.db();
    const StaffMember frontDesk = value(StaffService(db).find(QStringLiteral("frontdesk")));
    for (auto [code, quantity] : {std::pair{"OIL-ROS-030", 2}, std::pair{"LOT-UNS-500", 3}}) {
        ReceiveRequest r;
        r.code = QString::fromLatin1(code);
        r.quantity = quantity;
        value(InventoryService(db).receive(r, frontDesk));
    }
    ScreenContext ctx;
    ctx.db = &db;
    ctx.currentUser = [frontDesk] { return frontDesk; };
    InventoryScreen screen(ctx);
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString chosen = QDir(dir.path()).filePath(QStringLiteral("today"));

    SECTION("nothing chosen in the list: everything received today, a label per unit") {
        bool seen = false;
        oasis::test::whenModal<LabelsDialog>([&](LabelsDialog *d) {
            seen = true;
            auto *received = d->findChild<QRadioButton *>(QStringLiteral("labelsReceivedToday"));
            REQUIRE(received);
            CHECK(received->isChecked());
            // (Plural forms come from the English translation, which tests do not load.)
            CHECK(received->text().contains(QStringLiteral("2 product")));
            CHECK(received->text().contains(QStringLiteral("5 unit")));
            CHECK_FALSE(
                d->findChild<QRadioButton *>(QStringLiteral("labelsSelected"))->isEnabled());
            CHECK(d->findChild<QLabel *>(QStringLiteral("labelsSummary"))
                      ->text()
                      .startsWith(QStringLiteral("5 label")));
            // Start on the fourth position of a used sheet.
            d->findChild<QSpinBox *>(QStringLiteral("labelsStart"))->setValue(4);
            REQUIRE(d->job().labels.size() == 5);
            CHECK(d->job().skip == 3);
            // The preview is page 1: unscanned positions empty, then the labels in code order.
            const QImage preview = d->previewImage();
            REQUIRE_FALSE(preview.isNull());
            const auto layout = printing::labelLayout(printing::LabelStock::Avery5160);
            auto positionOf = [&](const QImage &page, int slot, int dpi) {
                const QRectF r = layout.slotInches(slot);
                return oasis::printing::test::decodeEan13(page.copy(
                    QRectF(r.x() * dpi, r.y() * dpi, r.width() * dpi, r.height() * dpi).toRect()));
            };
            CHECK(positionOf(preview, 2, 150).isEmpty());
            CHECK(positionOf(preview, 3, 150) == QStringList{QStringLiteral("0850071001099")});
            CHECK(positionOf(preview, 6, 150) == QStringList{QStringLiteral("0850071001075")});

            oasis::test::whenModal<QFileDialog>([&](QFileDialog *save) {
                save->selectFile(chosen);
                QMetaObject::invokeMethod(save, "accept");
            });
            d->findChild<QPushButton *>(QStringLiteral("labelsSavePdf"))->click();
            CHECK(d->findChild<QLabel *>(QStringLiteral("labelsMessage"))
                      ->text()
                      .contains(QStringLiteral("today.pdf")));
            d->accept();
        });
        screen.findChild<QPushButton *>(QStringLiteral("printLabels"))->click();
        REQUIRE(seen);
        const QString pdf = chosen + QStringLiteral(".pdf");
        REQUIRE(QFile::exists(pdf));
        const std::vector<QImage> pages = oasis::printing::test::rasterisePdfPages(pdf, 300);
        if (pages.empty()) {
            WARN("pdftoppm (poppler-utils) is not installed: the saved labels were not scanned");
        } else {
            REQUIRE(pages.size() == 1);
            const auto layout = printing::labelLayout(printing::LabelStock::Avery5160);
            QStringList codes;
            for (int slot = 0; slot < 9; ++slot) {
                const QRectF r = layout.slotInches(slot);
                codes << oasis::printing::test::decodeEan13(
                             pages[0].copy(
                                 QRectF(r.x() * 300, r.y() * 300, r.width() * 300, r.height() * 300)
                                     .toRect()))
                             .join(u'+');
            }
            const QString lotion = QStringLiteral("0850071001099");
            const QString rosehip = QStringLiteral("0850071001075");
            CHECK(codes == QStringList{QString(), QString(), QString(), lotion, lotion, lotion,
                                       rosehip, rosehip, QString()});
        }
    }
    SECTION("rows chosen in the list, two of each, on the label printer") {
        for (const char *code : {"OIL-ARN-120", "BLM-MUS-060"}) {
            screen.view()->selectionModel()->select(shownIndex(screen, QString::fromLatin1(code)),
                                                    QItemSelectionModel::Select |
                                                        QItemSelectionModel::Rows);
        }
        bool seen = false;
        oasis::test::whenModal<LabelsDialog>([&](LabelsDialog *d) {
            seen = true;
            CHECK(d->findChild<QRadioButton *>(QStringLiteral("labelsSelected"))->isChecked());
            auto *stock = d->findChild<QComboBox *>(QStringLiteral("labelsStock"));
            stock->setCurrentIndex(stock->findData(int(printing::LabelStock::Thermal)));
            d->findChild<QSpinBox *>(QStringLiteral("labelsCopies"))->setValue(2);
            CHECK_FALSE(d->findChild<QSpinBox *>(QStringLiteral("labelsStart"))->isEnabled());
            REQUIRE(d->job().labels.size() == 4);
            CHECK(d->job().labels[0].code == QStringLiteral("BLM-MUS-060")); // the list's order
            CHECK(d->job().labels[2].code == QStringLiteral("OIL-ARN-120"));
            CHECK(d->findChild<QLabel *>(QStringLiteral("labelsSummary"))
                      ->text()
                      .endsWith(QStringLiteral("on the label printer")));
            CHECK(oasis::printing::test::decodeEan13(d->previewImage()) ==
                  QStringList{QStringLiteral("0850071001129")});
            d->accept();
        });
        screen.findChild<QPushButton *>(QStringLiteral("printLabels"))->click();
        REQUIRE(seen);
    }
}
