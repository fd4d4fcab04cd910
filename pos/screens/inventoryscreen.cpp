// SPDX-License-Identifier: GPL-3.0-or-later
#include "pos/screens/inventoryscreen.h"

#include "pos/screens/printchoice.h"

#include "pos/screens/inventorymodel.h"
#include "pos/screens/labelsdialog.h"

#include "core/domain/clock.h"
#include "core/domain/csv.h"
#include "core/domain/savefile.h"
#include "core/services/catalog.h"
#include "core/services/store.h"
#include "core/services/storesettings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QTabWidget>
#include <QVBoxLayout>

namespace oasis::screens {

namespace {

QDialogButtonBox *okCancel(QDialog *dialog, const QString &okText) {
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(okText);
    QObject::connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    return buttons;
}

QTableWidgetItem *cell(const QString &text, bool number = false) {
    auto *item = new QTableWidgetItem(text);
    item->setFlags(item->flags() & ~Qt::ItemIsEditable);
    if (number)
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

QTableWidget *table(QWidget *parent, const QStringList &headers) {
    auto *t = new QTableWidget(0, static_cast<int>(headers.size()), parent);
    t->setHorizontalHeaderLabels(headers);
    t->verticalHeader()->hide();
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->horizontalHeader()->setStretchLastSection(true);
    return t;
}

void addRow(QTableWidget *t, const QList<QTableWidgetItem *> &items) {
    const int row = t->rowCount();
    t->insertRow(row);
    for (int i = 0; i < items.size(); ++i)
        t->setItem(row, i, items[i]);
}

} // namespace

InventoryScreen::InventoryScreen(const ScreenContext &ctx, QWidget *parent)
    : QWidget(parent)
    , m_ctx(ctx) {
    m_model = new InventoryModel(this);
    m_filter = new InventoryFilter(this);
    m_filter->setSourceModel(m_model);

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("inventorySearch"));
    m_search->setPlaceholderText(tr("Search code, name or category"));
    m_search->setClearButtonEnabled(true);
    m_lowOnly = new QCheckBox(tr("Low stock only"), this);
    m_summary = new QLabel(this);
    auto *top = new QHBoxLayout;
    top->addWidget(m_search, 1);
    top->addWidget(m_lowOnly);
    top->addWidget(m_summary);

    m_view = new QTableView(this);
    m_view->setModel(m_filter);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(InventoryModel::Code, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    // Several rows may be chosen (Ctrl, Shift) for shelf labels; the other actions take the
    // current row.
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    // Codes, sizes and amounts are never cut; the name takes the rest of the width.
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(InventoryModel::Name, QHeaderView::Stretch);

    auto button = [this](const QString &text, const QString &name, auto slot) {
        auto *b = new QPushButton(text, this);
        b->setObjectName(name);
        b->setMinimumHeight(40); // touch-sized
        connect(b, &QPushButton::clicked, this, slot);
        return b;
    };
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(
        button(tr("&Receive…"), QStringLiteral("receive"), &InventoryScreen::receive));
    buttons->addWidget(button(tr("&Adjust…"), QStringLiteral("adjust"), &InventoryScreen::adjust));
    buttons->addWidget(button(tr("&Count…"), QStringLiteral("count"), &InventoryScreen::count));
    buttons->addWidget(
        button(tr("&History…"), QStringLiteral("history"), &InventoryScreen::history));
    buttons->addWidget(
        button(tr("Re&ports…"), QStringLiteral("reports"), &InventoryScreen::reports));
    buttons->addWidget(
        button(tr("Print &labels…"), QStringLiteral("printLabels"), &InventoryScreen::printLabels));
    buttons->addStretch();
    buttons->addWidget(
        button(tr("&New product…"), QStringLiteral("newProduct"), [this] { editProduct(true); }));
    buttons->addWidget(button(tr("&Edit product…"), QStringLiteral("editProduct"),
                              [this] { editProduct(false); }));
    buttons->addWidget(
        button(tr("&Import CSV…"), QStringLiteral("importCsv"), &InventoryScreen::importCsv));
    buttons->addWidget(
        button(tr("E&xport CSV…"), QStringLiteral("exportCsv"), &InventoryScreen::exportCsv));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);

    connect(m_search, &QLineEdit::textChanged, m_filter, &InventoryFilter::setSearch);
    connect(m_lowOnly, &QCheckBox::toggled, m_filter, &InventoryFilter::setLowOnly);
    connect(m_view, &QTableView::doubleClicked, this, &InventoryScreen::history);
    refresh();
}

InventoryScreen::~InventoryScreen() = default;

void InventoryScreen::refresh() {
    if (!m_ctx.db)
        return;
    auto levels = InventoryService(*m_ctx.db).list();
    if (!levels) {
        showError(levels.error());
        return;
    }
    m_model->setLevels(std::move(*levels));
    updateSummary();
}

int InventoryScreen::lowStockCount() const {
    return m_model->lowCount();
}

void InventoryScreen::updateSummary() {
    m_summary->setText(tr("%n low", nullptr, m_model->lowCount()) + QStringLiteral(" · ") +
                       tr("stock at cost %1").arg(m_model->totalValue().format(QLocale())));
}

void InventoryScreen::showError(const Error &error) {
    QMessageBox::warning(this, tr("Inventory"), error.message);
}

std::optional<StockLevel> InventoryScreen::selectedLevel() const {
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return std::nullopt;
    return m_model->levelAt(m_filter->mapToSource(current).row());
}

QStringList InventoryScreen::selectedCodes() const {
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QStringList codes;
    for (const QModelIndex &row : rows)
        codes << m_model->levelAt(m_filter->mapToSource(row).row()).code;
    return codes;
}

void InventoryScreen::printLabels() {
    LabelsDialog dialog(m_ctx, selectedCodes(), this);
    dialog.resize(1080, 640);
    dialog.exec();
}

void InventoryScreen::afterChange(const StockLevel &level, const QStringList &warnings) {
    m_model->updateLevel(level);
    updateSummary();
    if (!warnings.isEmpty())
        QMessageBox::information(this, tr("Inventory"), warnings.join(u'\n'));
    Q_EMIT stockChanged();
}

void InventoryScreen::receive() {
    auto item = selectedLevel();
    if (!item) {
        QMessageBox::information(this, tr("Receive"), tr("Choose a product in the list first."));
        return;
    }
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Receive %1").arg(item->name));
    auto *quantity = new QSpinBox(&dialog);
    quantity->setRange(1, static_cast<int>(InventoryService::kMaxQuantity));
    auto *cost = new QLineEdit(item->cost.toString(), &dialog);
    cost->setObjectName(QStringLiteral("unitCost"));
    auto *supplier = new QLineEdit(&dialog);
    auto *lot = new QLineEdit(&dialog);
    const OptionalDateField bestBefore =
        optionalDateField(&dialog, tr("Best before"), QDate::currentDate().addYears(1), {},
                          QStringLiteral("bestBefore"));
    auto *reference = new QLineEdit(&dialog);
    auto *form = new QFormLayout(&dialog);
    form->addRow(tr("Quantity"), quantity);
    form->addRow(tr("Unit cost"), cost);
    form->addRow(tr("Supplier"), supplier);
    form->addRow(tr("Lot"), lot);
    form->addRow(bestBefore.on, bestBefore.date);
    form->addRow(tr("Delivery note"), reference);
    form->addRow(okCancel(&dialog, tr("Receive")));
    if (dialog.exec() != QDialog::Accepted)
        return;
    ReceiveRequest req;
    req.code = item->code;
    req.quantity = quantity->value();
    if (!cost->text().trimmed().isEmpty()) {
        auto money = Money::parse(cost->text());
        if (!money)
            return showError(money.error());
        req.unitCost = *money;
    }
    req.supplier = supplier->text();
    req.lot = lot->text();
    if (const QDate day = bestBefore.value(); day.isValid())
        req.expires = day;
    req.reference = reference->text();
    auto done = InventoryService(*m_ctx.db).receive(req, m_ctx.currentUser());
    if (!done)
        return showError(done.error());
    afterChange(done->level, done->warnings);
}

void InventoryScreen::adjust() {
    auto item = selectedLevel();
    if (!item) {
        QMessageBox::information(this, tr("Adjust"), tr("Choose a product in the list first."));
        return;
    }
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Adjust %1").arg(item->name));
    auto *reason = new QComboBox(&dialog);
    reason->addItem(tr("Used in treatment (oil during a massage)"),
                    static_cast<int>(AdjustReason::Treatment));
    reason->addItem(tr("Damaged"), static_cast<int>(AdjustReason::Damaged));
    reason->addItem(tr("Tester"), static_cast<int>(AdjustReason::Tester));
    reason->addItem(tr("Correction (adds or removes)"), static_cast<int>(AdjustReason::Adjust));
    auto *delta = new QSpinBox(&dialog);
    delta->setRange(-static_cast<int>(InventoryService::kMaxQuantity),
                    static_cast<int>(InventoryService::kMaxQuantity));
    delta->setValue(-1);
    auto *note = new QLineEdit(&dialog);
    auto *form = new QFormLayout(&dialog);
    form->addRow(tr("On hand now"), new QLabel(QString::number(item->onHand), &dialog));
    form->addRow(tr("Reason"), reason);
    form->addRow(tr("Change"), delta);
    form->addRow(tr("Note"), note);
    form->addRow(okCancel(&dialog, tr("Adjust")));
    if (dialog.exec() != QDialog::Accepted)
        return;
    bool cancelled = false;
    auto done = withApproval(
        m_ctx.requestApproval,
        [&](const std::optional<StaffMember> &approver) {
            return InventoryService(*m_ctx.db).adjust(
                item->code, delta->value(),
                static_cast<AdjustReason>(reason->currentData().toInt()), note->text(),
                m_ctx.currentUser(), approver);
        },
        &cancelled);
    if (cancelled)
        return;
    if (!done)
        return showError(done.error());
    afterChange(done->level, done->warnings);
}

void InventoryScreen::count() {
    // Every active product, with an empty "counted" cell: only filled-in cells are posted, so a
    // partial count (one shelf) leaves the rest alone.
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Stock count"));
    dialog.resize(760, 560);
    auto *sheet = table(&dialog, {tr("Code"), tr("Name"), tr("On hand"), tr("Counted"),
                                  tr("Variance"), tr("At cost")});
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const StockLevel &s = m_model->levelAt(row);
        auto *counted = new QTableWidgetItem;
        counted->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        addRow(sheet, {cell(s.code), cell(s.name), cell(QString::number(s.onHand), true), counted,
                       cell({}, true), cell({}, true)});
    }
    auto *status = new QLabel(&dialog);
    auto entries = [sheet, status]() -> std::optional<std::vector<CountEntry>> {
        std::vector<CountEntry> out;
        QStringList bad;
        for (int row = 0; row < sheet->rowCount(); ++row) {
            const QString text = sheet->item(row, 3)->text().trimmed();
            if (text.isEmpty())
                continue;
            bool ok = false;
            const qint64 n = text.toLongLong(&ok);
            if (!ok || n < 0)
                bad << sheet->item(row, 0)->text();
            else
                out.push_back(CountEntry{0, sheet->item(row, 0)->text(), n});
        }
        if (!bad.isEmpty()) {
            status->setText(
                tr("Not a whole number from 0: %1").arg(bad.join(QStringLiteral(", "))));
            return std::nullopt;
        }
        return out;
    };
    auto showVariance = [this, sheet, status, &entries]() {
        auto list = entries();
        if (!list)
            return false;
        for (int row = 0; row < sheet->rowCount(); ++row) {
            sheet->item(row, 4)->setText({});
            sheet->item(row, 5)->setText({});
        }
        if (list->empty()) {
            status->setText(tr("Enter counted quantities, or load a code,counted CSV file."));
            return false;
        }
        auto preview = InventoryService(*m_ctx.db).previewCount(*list);
        if (!preview) {
            status->setText(preview.error().message);
            return false;
        }
        int corrections = 0;
        Money net;
        for (const CountVariance &v : *preview) {
            const auto found = sheet->findItems(v.code, Qt::MatchExactly);
            for (QTableWidgetItem *hit : found) {
                if (hit->column() != 0)
                    continue;
                sheet->item(hit->row(), 4)
                    ->setText(v.variance() > 0 ? QStringLiteral("+%1").arg(v.variance())
                                               : QString::number(v.variance()));
                sheet->item(hit->row(), 5)->setText(v.varianceValue().format(QLocale()));
            }
            corrections += v.variance() != 0 ? 1 : 0;
            net += v.varianceValue();
        }
        status->setText(tr("%1 counted, %2 to correct, net %3 at cost.")
                            .arg(preview->size())
                            .arg(corrections)
                            .arg(net.format(QLocale())));
        return true;
    };
    auto *load = new QPushButton(tr("Load CSV…"), &dialog);
    connect(load, &QPushButton::clicked, &dialog, [&dialog, sheet, status, &showVariance] {
        const QString path = QFileDialog::getOpenFileName(&dialog, tr("Count file"), {},
                                                          tr("CSV files (*.csv);;All files (*)"));
        if (path.isEmpty())
            return;
        auto bytes = csv::readFile(path);
        if (!bytes) {
            status->setText(bytes.error().message);
            return;
        }
        auto parsed = InventoryService::parseCountCsv(*bytes);
        if (!parsed) {
            status->setText(parsed.error().message);
            return;
        }
        for (const CountEntry &e : *parsed) {
            bool placed = false;
            for (int row = 0; row < sheet->rowCount() && !placed; ++row)
                if (sheet->item(row, 0)->text().compare(e.code.trimmed(), Qt::CaseInsensitive) ==
                    0) {
                    sheet->item(row, 3)->setText(QString::number(e.counted));
                    placed = true;
                }
            if (!placed) {
                status->setText(
                    tr("line %1: %2 is not an active product in the list").arg(e.line).arg(e.code));
                return;
            }
        }
        showVariance();
    });
    auto *preview = new QPushButton(tr("Show variance"), &dialog);
    connect(preview, &QPushButton::clicked, &dialog, [&showVariance] { showVariance(); });
    auto *buttons = okCancel(&dialog, tr("Post count"));
    buttons->addButton(load, QDialogButtonBox::ActionRole);
    buttons->addButton(preview, QDialogButtonBox::ActionRole);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(sheet, 1);
    layout->addWidget(status);
    layout->addWidget(buttons);
    // Posting always shows the variance first and asks once more.
    disconnect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, [&] {
        if (!showVariance())
            return;
        if (QMessageBox::question(&dialog, tr("Post count"),
                                  status->text() + QStringLiteral("\n\n") +
                                      tr("Post these corrections?")) == QMessageBox::Yes)
            dialog.accept();
    });
    if (dialog.exec() != QDialog::Accepted)
        return;
    auto list = entries();
    if (!list)
        return;
    bool cancelled = false;
    auto posted = withApproval(
        m_ctx.requestApproval,
        [&](const std::optional<StaffMember> &approver) {
            return InventoryService(*m_ctx.db).postCount(*list, {}, m_ctx.currentUser(), approver);
        },
        &cancelled);
    if (cancelled)
        return;
    if (!posted)
        return showError(posted.error());
    refresh();
    Q_EMIT stockChanged();
    QMessageBox::information(
        this, tr("Stock count"),
        tr("Count %1 posted: %2 corrections.").arg(posted->countId).arg(posted->corrections));
}

void InventoryScreen::history() {
    auto item = selectedLevel();
    if (!item)
        return;
    auto moves = InventoryService(*m_ctx.db).history(item->code);
    if (!moves)
        return showError(moves.error());
    QDialog dialog(this);
    dialog.setWindowTitle(tr("History of %1 — %2").arg(item->code, item->name));
    dialog.resize(900, 480);
    auto *model = new MovementModel(&dialog);
    model->setMovements(std::move(*moves), StoreSettings(*m_ctx.db).timeZone());
    auto *view = new QTableView(&dialog);
    view->setModel(model);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->resizeColumnsToContents();
    view->scrollToBottom();
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    connect(close, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(view);
    layout->addWidget(close);
    dialog.exec();
}

void InventoryScreen::reports() {
    InventoryService inv(*m_ctx.db);
    const QLocale locale;
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Stock reports"));
    dialog.resize(1180, 640);
    auto *tabs = new QTabWidget(&dialog);

    auto *reorder = table(&dialog, {tr("Code"), tr("Name"), tr("On hand"), tr("Reorder at"),
                                    tr("Order"), tr("At cost")});
    if (auto lines = inv.reorderReport()) {
        Money total;
        for (const ReorderLine &l : *lines) {
            addRow(reorder, {cell(l.level.code), cell(l.level.name),
                             cell(QString::number(l.level.onHand), true),
                             cell(QString::number(l.level.reorderPoint), true),
                             cell(QString::number(l.suggested), true),
                             cell(l.estimatedCost().format(locale), true)});
            total += l.estimatedCost();
        }
        addRow(reorder, {cell(tr("Total")), cell(tr("order up to twice the reorder point")),
                         cell({}), cell({}), cell({}), cell(total.format(locale), true)});
    }
    tabs->addTab(reorder, tr("Reorder"));

    // What the owner looks at: value by category with the totals (a row per category); the
    // products themselves are listed beside it, fetched page by page as the list scrolls.
    auto *valuation = new QSplitter(Qt::Horizontal, &dialog);
    valuation->setChildrenCollapsible(false);
    auto *byCategory = table(
        valuation, {tr("Category"), tr("Products"), tr("Units"), tr("Value"), tr("Below zero")});
    byCategory->setObjectName(QStringLiteral("valuationByCategory"));
    if (auto v = inv.valuationSummary()) {
        for (const CategoryValuation &c : v->byCategory)
            addRow(byCategory,
                   {cell(c.category.isEmpty() ? tr("(no category)") : c.category),
                    cell(QString::number(c.products), true), cell(QString::number(c.units), true),
                    cell(c.value.format(locale), true),
                    cell(c.negativeLines ? QString::number(c.negativeLines) : QString(), true)});
        addRow(byCategory,
               {cell(tr("Total")), cell(QString::number(v->products), true),
                cell(QString::number(v->units), true), cell(v->total.format(locale), true),
                cell(v->negativeLines > 0
                         ? tr("%n product(s) below zero, valued at 0", nullptr, v->negativeLines)
                         : QString(),
                     true)});
    }
    byCategory->resizeColumnsToContents();
    valuation->addWidget(byCategory);
    auto *products = new QTableView(valuation);
    products->setObjectName(QStringLiteral("valuationProducts"));
    products->setModel(new ValuationModel(inv, products));
    products->setEditTriggers(QAbstractItemView::NoEditTriggers);
    products->horizontalHeader()->setStretchLastSection(false);
    products->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    products->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch); // the name
    products->verticalHeader()->hide();
    valuation->addWidget(products);
    valuation->setStretchFactor(0, 1);
    valuation->setStretchFactor(1, 1);
    tabs->addTab(valuation, tr("Valuation"));

    const QDate today = StoreSettings(*m_ctx.db).businessDate(Clock::nowUtc());
    auto *treatment = table(
        &dialog, {tr("Code"), tr("Name"), tr("Used"), tr("At cost"), tr("Testers"), tr("At cost")});
    if (auto r = inv.treatmentUse(QDate(today.year(), today.month(), 1), today)) {
        for (const UseLine &l : r->lines)
            addRow(treatment,
                   {cell(l.code), cell(l.name), cell(QString::number(l.treatmentQuantity), true),
                    cell(l.treatmentCost.format(locale), true),
                    cell(QString::number(l.testerQuantity), true),
                    cell(l.testerCost.format(locale), true)});
        addRow(treatment, {cell(tr("Total")), cell(tr("this month: the use-tax base")), cell({}),
                           cell(r->treatmentTotal.format(locale), true), cell({}),
                           cell(r->testerTotal.format(locale), true)});
    }
    tabs->addTab(treatment, tr("Used in treatments"));

    auto *expiring = table(&dialog, {tr("Code"), tr("Name"), tr("Lot"), tr("Best before"),
                                     tr("Left (estimate)"), tr("Days")});
    if (auto lots = inv.expiring(today))
        for (const ExpiringLot &l : *lots)
            addRow(expiring,
                   {cell(l.code), cell(l.name), cell(l.lot),
                    cell(locale.toString(l.expires, shortDateFormatFullYear())),
                    cell(QString::number(l.remaining), true),
                    cell(l.daysLeft < 0 ? tr("expired") : QString::number(l.daysLeft), true)});
    tabs->addTab(expiring, tr("Expiring in 60 days"));

    for (QTableWidget *t : {reorder, treatment, expiring})
        t->resizeColumnsToContents(); // names and amounts whole; the last column takes the rest
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    connect(close, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(tabs);
    layout->addWidget(close);
    dialog.exec();
}

void InventoryScreen::editProduct(bool create) {
    CatalogService catalog(*m_ctx.db);
    CatalogItem item;
    if (!create) {
        auto selected = selectedLevel();
        if (!selected) {
            QMessageBox::information(this, tr("Product"),
                                     tr("Choose a product in the list first."));
            return;
        }
        auto loaded = catalog.byId(selected->itemId);
        if (!loaded)
            return showError(loaded.error());
        item = *loaded;
    }
    QDialog dialog(this);
    dialog.setWindowTitle(create ? tr("New product") : tr("Edit %1").arg(item.code));
    dialog.setMinimumWidth(520); // a product's full name and its barcodes fit in their fields
    auto *code = new QLineEdit(item.code, &dialog);
    code->setObjectName(QStringLiteral("productCode"));
    auto *name = new QLineEdit(item.name, &dialog);
    name->setObjectName(QStringLiteral("productName"));
    if (!create) {
        // The code is the product's identity in CSV files and history: shown, never edited, and
        // passed over by the focus, which starts in the name.
        code->setReadOnly(true);
        code->setFocusPolicy(Qt::NoFocus);
        name->setFocus();
    }
    auto *category = new QComboBox(&dialog);
    category->setEditable(true);
    if (auto all = catalog.categories())
        category->addItems(*all);
    category->setCurrentText(item.category);
    auto *size = new QLineEdit(item.size, &dialog);
    auto *barcodes = new QLineEdit(item.barcodes.join(u'|'), &dialog);
    barcodes->setPlaceholderText(tr("several separated by |"));
    auto *price = new QLineEdit(item.price.toString(), &dialog);
    auto *cost = new QLineEdit(item.cost.toString(), &dialog);
    auto *parabenFree = new QCheckBox(tr("Paraben-free"), &dialog);
    parabenFree->setChecked(item.parabenFree);
    auto *reorderPoint = new QSpinBox(&dialog);
    reorderPoint->setRange(0, 100000);
    reorderPoint->setValue(item.reorderPoint);
    auto *active = new QCheckBox(tr("Active (sold and listed)"), &dialog);
    active->setChecked(create || item.active);
    auto *form = new QFormLayout(&dialog);
    form->addRow(tr("Code (SKU)"), code);
    form->addRow(tr("Name"), name);
    form->addRow(tr("Category"), category);
    form->addRow(tr("Size"), size);
    form->addRow(tr("Barcodes"), barcodes);
    form->addRow(tr("Price"), price);
    form->addRow(tr("Average cost"), cost);
    form->addRow(tr("Reorder at"), reorderPoint);
    form->addRow(parabenFree);
    form->addRow(active);
    form->addRow(okCancel(&dialog, tr("Save")));
    if (dialog.exec() != QDialog::Accepted)
        return;
    item.type = ItemType::Product;
    item.taxClass = TaxClass::Retail;
    item.code = code->text().trimmed();
    item.name = name->text().trimmed();
    item.category = category->currentText().trimmed();
    item.size = size->text().trimmed();
    item.barcodes = barcodes->text().split(u'|', Qt::SkipEmptyParts);
    for (QString &b : item.barcodes)
        b = b.trimmed();
    auto parsedPrice = Money::parse(price->text());
    if (!parsedPrice)
        return showError(parsedPrice.error());
    auto parsedCost = Money::parse(cost->text());
    if (!parsedCost)
        return showError(parsedCost.error());
    item.price = *parsedPrice;
    item.cost = *parsedCost;
    item.parabenFree = parabenFree->isChecked();
    item.reorderPoint = reorderPoint->value();
    item.active = active->isChecked();
    if (auto ok = CatalogService::validate(item); !ok)
        return showError(ok.error());
    bool cancelled = false;
    auto saved = withApproval(
        m_ctx.requestApproval,
        [&](const std::optional<StaffMember> &approver) {
            return catalog.save(item, m_ctx.currentUser(), approver);
        },
        &cancelled);
    if (cancelled)
        return;
    if (!saved)
        return showError(saved.error());
    refresh();
    Q_EMIT stockChanged();
}

void InventoryScreen::importCsv() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Import catalog"), {},
                                                      tr("CSV files (*.csv);;All files (*)"));
    if (path.isEmpty())
        return;
    const auto read = csv::readFile(path);
    if (!read)
        return showError(read.error());
    const QByteArray bytes = *read;
    bool cancelled = false;
    auto report = withApproval(
        m_ctx.requestApproval,
        [&](const std::optional<StaffMember> &approver) {
            return CatalogService(*m_ctx.db).importCsv(bytes, m_ctx.currentUser(), approver);
        },
        &cancelled);
    if (cancelled)
        return;
    if (!report)
        return showError(report.error());
    refresh();
    Q_EMIT stockChanged();
    QMessageBox::information(this, tr("Import catalog"),
                             tr("%1 added, %2 updated.").arg(report->added).arg(report->updated));
}

void InventoryScreen::exportCsv() {
    const QString path = chooseSaveFile(this, tr("Export catalog"), QStringLiteral("catalog.csv"),
                                        tr("CSV files (*.csv)"), QStringLiteral("csv"));
    if (path.isEmpty())
        return;
    auto bytes = CatalogService(*m_ctx.db).exportCsv();
    if (!bytes)
        return showError(bytes.error());
    if (auto saved = saveFile(path, *bytes); !saved)
        return showError(
            Error{ErrorCode::System, tr("Cannot write %1: %2").arg(path, saved.error().message)});
}

} // namespace oasis::screens
