// SPDX-License-Identifier: GPL-3.0-or-later
#include "pos/app/registerwidget.h"

#include "core/domain/clock.h"
#include "core/domain/giftcode.h"
#include "core/services/catalog.h"
#include "core/services/package.h"
#include "core/services/sale.h"
#include "core/services/scan.h"
#include "core/services/store.h"
#include "core/services/storesettings.h"
#include "core/services/voucher.h"
#include "pos/app/dialogs.h"
#include "pos/app/paydialog.h"
#include "pos/app/ticketmodel.h"
#include "pos/screens/screen.h"

#include <QAction>
#include <QApplication>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QStyle>
#include <QTableView>
#include <QTabWidget>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <map>

namespace oasis::app {

namespace {

QPushButton *touchButton(const QString &text, QWidget *parent, const QString &name) {
    auto *b = new QPushButton(text, parent);
    b->setObjectName(name);
    b->setFocusPolicy(Qt::NoFocus); // the scan field keeps the keyboard
    b->setAutoDefault(false);
    return b;
}

// "&" starts a mnemonic on a button: show it as it is.
QString buttonText(QString text) {
    return text.replace(QLatin1Char('&'), QStringLiteral("&&"));
}

// What a held ticket is listed as when the cashier gives no name: its first line.
QString defaultHoldLabel(const Ticket &ticket) {
    const TicketLine &first = ticket.lines.front();
    return first.name + (first.therapistName.isEmpty()
                             ? QString()
                             : QStringLiteral(" · ") + first.therapistName);
}

QString modalityTitle(const QString &modality) {
    if (modality.isEmpty())
        return RegisterWidget::tr("Other");
    return modality.at(0).toUpper() + modality.mid(1);
}

} // namespace

RegisterWidget::RegisterWidget(Database &db, const QString &registerId, QWidget *parent)
    : QWidget(parent)
    , m_db(db)
    , m_registerId(registerId) {
    setObjectName(QStringLiteral("registerScreen"));
    m_model = new TicketModel(this);
    m_model->setDateSource([&db] { return StoreSettings(db).businessDate(Clock::nowUtc()); });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 8);
    layout->setSpacing(8);

    // The scan field: a scanner types here and presses Enter; so can a person.
    m_scan = new QLineEdit(this);
    m_scan->setObjectName(QStringLiteral("scanField"));
    m_scan->setPlaceholderText(
        tr("Scan or type a barcode, SKU, session code (DT60), name, gift card, receipt, or a "
           "client's phone — then Enter"));
    m_scan->setClearButtonEnabled(false);
    m_scan->installEventFilter(this);
    connect(m_scan, &QLineEdit::returnPressed, this, [this] {
        const QString text = m_scan->text().trimmed();
        m_scan->clear();
        handleScan(text);
    });
    layout->addWidget(m_scan);

    auto *middle = new QHBoxLayout;
    middle->setSpacing(16);
    auto *ticketBox = new QVBoxLayout;
    ticketBox->setSpacing(4);
    auto *ticketHeader = new QHBoxLayout;
    auto *ticketCaption = new QLabel(tr("Ticket"), this);
    ticketCaption->setObjectName(QStringLiteral("sectionTitle"));
    ticketHeader->addWidget(ticketCaption);
    ticketHeader->addSpacing(16);
    // What the last scan or action did, in plain words, where the eye already is.
    m_message = new QLabel(this);
    screens::markMessageLine(m_message);
    m_message->setObjectName(QStringLiteral("registerMessage"));
    m_message->setMinimumWidth(200);
    m_message->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    // A long one (a gift code's typo, and what to do) takes a second line rather than being cut.
    m_message->setWordWrap(true);
    ticketHeader->addWidget(m_message, 1);
    m_lineCount = new QLabel(this);
    m_lineCount->setObjectName(QStringLiteral("hint"));
    ticketHeader->addWidget(m_lineCount);
    ticketBox->addLayout(ticketHeader);
    // Who the ticket is for, and a Client button (Ctrl+K) to find them by name or phone.
    auto *clientRow = new QHBoxLayout;
    m_clientLine = new QLabel(this);
    m_clientLine->setObjectName(QStringLiteral("ticketClient"));
    m_clientLine->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    clientRow->addWidget(m_clientLine, 1);
    auto *clientButton = new QPushButton(tr("Client…"), this);
    clientButton->setObjectName(QStringLiteral("clientButton"));
    clientButton->setFocusPolicy(Qt::NoFocus);
    clientButton->setToolTip(tr("Find the client by name or phone (Ctrl+K)"));
    clientRow->addWidget(clientButton);
    auto *clientPage = new QPushButton(tr("Client page"), this);
    clientPage->setObjectName(QStringLiteral("clientPageButton"));
    clientPage->setFocusPolicy(Qt::NoFocus);
    clientPage->setToolTip(tr("Add or edit clients, see their visits and purchases"));
    connect(clientPage, &QPushButton::clicked, this,
            [this] { Q_EMIT clientPageRequested(m_model->ticket().clientId); });
    clientRow->addWidget(clientPage);
    ticketBox->addLayout(clientRow);
    // Health notes, where the therapist and the cashier look when a session is rung up.
    m_healthBanner = new QLabel(this);
    m_healthBanner->setObjectName(QStringLiteral("healthBanner"));
    m_healthBanner->setWordWrap(true);
    m_healthBanner->setStyleSheet(QStringLiteral(
        "QLabel#healthBanner { background: #fff4e5; color: #7a3e00; border: 1px "
        "solid #f0b46c; border-radius: 6px; padding: 6px 10px; font-weight: 600; }"));
    m_healthBanner->hide();
    ticketBox->addWidget(m_healthBanner);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("ticketTable"));
    m_table->setModel(m_model);
    m_table->setFocusPolicy(Qt::NoFocus);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(44);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(TicketModel::LineColumn, QHeaderView::Stretch);
    // Amounts get a fixed width that holds "$1,000.00" in the table's own font: the style
    // sheet's font and padding are not all in the size hint, which elided "$135.00".
    {
        QFont font = m_table->font();
        font.setPixelSize(16);
        const int money = QFontMetrics(font).horizontalAdvance(QStringLiteral("$1,000.00")) + 28;
        for (int column : {int(TicketModel::PriceColumn), int(TicketModel::AmountColumn)}) {
            header->setSectionResizeMode(column, QHeaderView::Fixed);
            header->resizeSection(column, money);
        }
    }
    header->setHighlightSections(false);
    ticketBox->addWidget(m_table, 1);
    middle->addLayout(ticketBox, 3);
    middle->addWidget(buildQuickPanel(), 2);
    layout->addLayout(middle, 1);

    layout->addWidget(buildKeyBar());
    layout->addWidget(buildTotals());

    connect(m_model, &TicketModel::totalsChanged, this, &RegisterWidget::updateTotals);
    connect(m_model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int) { setCurrentRow(first); });
    connect(m_model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft) { setCurrentRow(topLeft.row()); });
    connect(m_model, &QAbstractItemModel::modelReset, this,
            [this] { setCurrentRow(m_model->rowCount() - 1); });
    connect(m_table, &QTableView::clicked, this, [this] { focusScan(); });
    connect(clientButton, &QPushButton::clicked, this, &RegisterWidget::askClient);
    addKeyAction(tr("Client"), QKeySequence(Qt::CTRL | Qt::Key_K), &RegisterWidget::askClient);
    // Nothing else on the register takes the keyboard: whatever had it gives it back.
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget *, QWidget *now) {
        if (isVisible() && !QApplication::activeModalWidget() && now && now != m_scan &&
            isAncestorOf(now))
            focusScan();
    });
    reloadTaxes();
    updateTotals();
}

RegisterWidget::~RegisterWidget() = default;

QWidget *RegisterWidget::buildQuickPanel() {
    m_quick = new QTabWidget(this);
    m_quick->setObjectName(QStringLiteral("quickTabs"));
    m_quick->setFocusPolicy(Qt::NoFocus);
    m_quick->tabBar()->setFocusPolicy(Qt::NoFocus);
    m_quick->setDocumentMode(true);
    return m_quick;
}

QAction *RegisterWidget::addKeyAction(const QString &text, const QKeySequence &key,
                                      void (RegisterWidget::*slot)()) {
    auto *action = new QAction(text, this);
    action->setShortcut(key);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(action, &QAction::triggered, this, [this, slot] {
        (this->*slot)();
        focusScan();
    });
    addAction(action);
    return action;
}

QWidget *RegisterWidget::buildKeyBar() {
    auto *bar = new QWidget(this);
    bar->setObjectName(QStringLiteral("keyBar"));
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(8);
    struct Key {
        QString text;
        QKeySequence key;
        void (RegisterWidget::*slot)();
    };
    const Key keys[] = {
        {tr("Quantity"), Qt::Key_F2, &RegisterWidget::askQuantity},
        {tr("Price"), QKeySequence(Qt::CTRL | Qt::Key_P), &RegisterWidget::askPrice},
        {tr("Line discount"), Qt::Key_F7, &RegisterWidget::askLineDiscount},
        {tr("Void line"), Qt::Key_F8, &RegisterWidget::voidLine},
        {tr("Tip"), Qt::Key_F3, &RegisterWidget::askTip},
        {tr("Discount"), Qt::Key_F4, &RegisterWidget::askTicketDiscount},
        {tr("Gift card"), Qt::Key_F10, &RegisterWidget::askGiftCard},
        {tr("Hold"), Qt::Key_F5, &RegisterWidget::askHold},
        {tr("Recall"), Qt::Key_F6, &RegisterWidget::askRecall},
        {tr("Receipts"), Qt::Key_F9, nullptr},
        {tr("Lock"), Qt::Key_F11, nullptr},
        {tr("Help"), Qt::Key_F1, &RegisterWidget::showHelp},
    };
    for (const Key &k : keys) {
        const QString keyName = QKeySequence(k.key).toString(QKeySequence::NativeText);
        auto *b =
            touchButton(k.text + QLatin1Char('\n') + keyName, bar, QStringLiteral("keyButton"));
        QAction *action = nullptr;
        if (k.slot) {
            action = addKeyAction(k.text, k.key, k.slot);
        } else {
            action = new QAction(k.text, this);
            action->setShortcut(k.key);
            action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
            addAction(action);
            if (k.key == QKeySequence(Qt::Key_F9))
                connect(action, &QAction::triggered, this, &RegisterWidget::receiptsRequested);
            else
                connect(action, &QAction::triggered, this, &RegisterWidget::lockRequested);
        }
        connect(b, &QPushButton::clicked, action, &QAction::trigger);
        row->addWidget(b, 1);
    }
    // Ctrl+R refunds the receipt scanned into the scan field (or opens Receipts to find it),
    // as Ctrl+R does on the receipts screen. Keyboard only: the receipts screen has the button.
    auto *refund = new QAction(tr("Refund"), this);
    refund->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    refund->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(refund);
    connect(refund, &QAction::triggered, this, &RegisterWidget::askRefund);
    return bar;
}

QWidget *RegisterWidget::buildTotals() {
    auto *panel = new QFrame(this);
    panel->setObjectName(QStringLiteral("totalsPanel"));
    auto *row = new QHBoxLayout(panel);
    row->setContentsMargins(20, 10, 12, 10);
    row->setSpacing(28);
    auto figure = [panel, row](const QString &caption, QLabel **value) {
        auto *box = new QVBoxLayout;
        box->setSpacing(0);
        auto *c = new QLabel(caption, panel);
        c->setObjectName(QStringLiteral("totalsCaption"));
        box->addWidget(c);
        *value = new QLabel(panel);
        (*value)->setObjectName(QStringLiteral("totalsValue"));
        box->addWidget(*value);
        row->addLayout(box);
        return c;
    };
    figure(tr("Subtotal"), &m_subtotal);
    figure(tr("Discount"), &m_discount);
    m_taxCaption = figure(tr("Tax"), &m_tax);
    figure(tr("Tips"), &m_tips);
    row->addStretch(1);
    auto *totalBox = new QVBoxLayout;
    totalBox->setSpacing(0);
    auto *totalCaption = new QLabel(tr("TOTAL"), panel);
    totalCaption->setObjectName(QStringLiteral("totalsCaption"));
    totalCaption->setAlignment(Qt::AlignRight);
    totalBox->addWidget(totalCaption);
    m_total = new QLabel(panel);
    m_total->setObjectName(QStringLiteral("grandTotal"));
    m_total->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    totalBox->addWidget(m_total);
    row->addLayout(totalBox);
    auto *pay = touchButton(tr("Pay\nF12"), panel, QStringLiteral("payButton"));
    addKeyAction(tr("Pay"), Qt::Key_F12, &RegisterWidget::pay);
    connect(pay, &QPushButton::clicked, this, [this] {
        this->pay();
        focusScan();
    });
    row->addWidget(pay);
    return panel;
}

void RegisterWidget::fillBestSellers(const std::vector<CatalogItem> &items) {
    if (!m_bestPage)
        return;
    qDeleteAll(m_bestPage->findChildren<QWidget *>(Qt::FindDirectChildrenOnly));
    delete m_bestPage->layout();
    auto *grid = new QGridLayout(m_bestPage);
    grid->setContentsMargins(8, 10, 8, 8);
    grid->setSpacing(8);
    const QLocale locale;
    int i = 0;
    for (const CatalogItem &item : items) {
        auto *b =
            touchButton(buttonText(item.name) + QLatin1Char('\n') + item.price.format(locale) +
                            (item.size.isEmpty() ? QString() : QStringLiteral(" · ") + item.size),
                        m_bestPage, QStringLiteral("productButton"));
        b->setToolTip(item.code + QStringLiteral(" · ") + item.barcodes.join(QLatin1Char(' ')));
        connect(b, &QPushButton::clicked, this, [this, item] {
            addItem(item);
            focusScan();
        });
        grid->addWidget(b, i / 2, i % 2);
        ++i;
    }
    grid->setRowStretch(i / 2 + 1, 1);
}

void RegisterWidget::reloadTaxes() {
    if (auto taxes = StoreSettings(m_db).taxTable())
        m_model->setTaxTable(*taxes);
    else
        showMessage(taxes.error().message, true);
}

void RegisterWidget::reloadCatalog() {
    reloadTaxes();

    while (m_quick->count() > 0) {
        QWidget *page = m_quick->widget(0);
        m_quick->removeTab(0);
        page->deleteLater();
    }
    CatalogService catalog(m_db);
    const QLocale locale;

    // Sessions by modality, one row each, with a column per length.
    auto items = catalog.sessions();
    if (!items) {
        showMessage(items.error().message, true);
        return;
    }
    std::vector<QString> modalities;
    std::vector<int> lengths;
    std::map<std::pair<QString, int>, CatalogItem> sessions;
    for (const CatalogItem &item : *items) {
        if (!item.isSession())
            continue;
        if (std::find(modalities.begin(), modalities.end(), item.modality) == modalities.end())
            modalities.push_back(item.modality);
        if (std::find(lengths.begin(), lengths.end(), item.minutes) == lengths.end())
            lengths.push_back(item.minutes);
        sessions[{item.modality, item.minutes}] = item;
    }
    std::sort(lengths.begin(), lengths.end());
    auto *sessionPage = new QWidget;
    sessionPage->setObjectName(QStringLiteral("quickPage"));
    auto *grid = new QGridLayout(sessionPage);
    grid->setContentsMargins(8, 6, 8, 6);
    grid->setHorizontalSpacing(8);
    grid->setVerticalSpacing(4); // six modalities fit at 1366x768 without scrolling
    for (std::size_t c = 0; c < lengths.size(); ++c) {
        auto *l = new QLabel(tr("%1 min").arg(lengths[c]), sessionPage);
        l->setObjectName(QStringLiteral("gridHeader"));
        l->setAlignment(Qt::AlignCenter);
        grid->addWidget(l, 0, int(c) + 1);
    }
    for (std::size_t r = 0; r < modalities.size(); ++r) {
        auto *label = new QLabel(modalityTitle(modalities[r]), sessionPage);
        label->setObjectName(QStringLiteral("modalityLabel"));
        label->setWordWrap(true);
        grid->addWidget(label, int(r) + 1, 0);
        for (std::size_t c = 0; c < lengths.size(); ++c) {
            auto it = sessions.find({modalities[r], lengths[c]});
            if (it == sessions.end())
                continue;
            const CatalogItem item = it->second;
            auto *b = touchButton(item.price.format(locale), sessionPage,
                                  QStringLiteral("sessionButton"));
            b->setToolTip(item.code + QStringLiteral(" · ") + item.name);
            connect(b, &QPushButton::clicked, this, [this, item] {
                addItem(item);
                focusScan();
            });
            // Held down or right-clicked: the same session sold as a voucher.
            b->setContextMenuPolicy(Qt::CustomContextMenu);
            connect(b, &QWidget::customContextMenuRequested, this, [this, b, item](QPoint at) {
                QMenu menu(b);
                QAction *sell = menu.addAction(tr("Sell as voucher"));
                if (menu.exec(b->mapToGlobal(at)) == sell)
                    addVoucher(item);
                focusScan();
            });
            grid->addWidget(b, int(r) + 1, int(c) + 1);
        }
    }
    grid->setColumnStretch(0, 3);
    for (std::size_t c = 0; c < lengths.size(); ++c)
        grid->setColumnStretch(int(c) + 1, 2);
    grid->setRowStretch(int(modalities.size()) + 1, 1);
    auto *sessionScroll = new QScrollArea;
    sessionScroll->setWidget(sessionPage);
    sessionScroll->setWidgetResizable(true);
    sessionScroll->setFrameShape(QFrame::NoFrame);
    sessionScroll->setFocusPolicy(Qt::NoFocus);
    sessionScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_quick->addTab(sessionScroll, tr("Sessions"));

    // Best sellers: kept per business day, so a login does not read 90 days of sales.
    m_bestPage = new QWidget;
    m_bestPage->setObjectName(QStringLiteral("quickPage"));
    const QDate today = StoreSettings(m_db).businessDate(Clock::nowUtc());
    if (auto kept = catalog.keptBestSellers(kBestSellers)) {
        fillBestSellers(kept->items);
        if (kept->day != today)
            QTimer::singleShot(0, this, [this, today] {
                if (auto best = CatalogService(m_db).refreshBestSellers(kBestSellers, today))
                    fillBestSellers(*best);
            });
    } else {
        showMessage(kept.error().message, true);
    }
    auto *productScroll = new QScrollArea;
    productScroll->setWidget(m_bestPage);
    productScroll->setWidgetResizable(true);
    productScroll->setFrameShape(QFrame::NoFrame);
    productScroll->setFocusPolicy(Qt::NoFocus);
    m_quick->addTab(productScroll, tr("Retail best sellers"));

    // Gift cards: presets add a line at once; "Other…" asks for amount and names.
    auto *giftPage = new QWidget;
    giftPage->setObjectName(QStringLiteral("quickPage"));
    auto *giftGrid = new QGridLayout(giftPage);
    giftGrid->setContentsMargins(8, 10, 8, 8);
    giftGrid->setSpacing(8);
    const StoreSettings settings(m_db);
    int g = 0;
    for (Money preset : settings.giftCardPresets()) {
        auto *b = touchButton(tr("Gift card\n%1").arg(preset.format(locale)), giftPage,
                              QStringLiteral("productButton"));
        connect(b, &QPushButton::clicked, this, [this, preset] {
            addGiftCard(preset);
            focusScan();
        });
        giftGrid->addWidget(b, g / 2, g % 2);
        ++g;
    }
    auto *other =
        touchButton(tr("Other amount, To / From…\nF10"), giftPage, QStringLiteral("productButton"));
    connect(other, &QPushButton::clicked, this, [this] {
        askGiftCard();
        focusScan();
    });
    giftGrid->addWidget(other, g / 2, g % 2);
    ++g;
    // Prepaid services: a voucher worth one session; a package of sessions for a client.
    auto *voucher = touchButton(tr("Service voucher…"), giftPage, QStringLiteral("productButton"));
    voucher->setAccessibleName(QStringLiteral("sellVoucher"));
    connect(voucher, &QPushButton::clicked, this, [this] {
        askVoucher();
        focusScan();
    });
    giftGrid->addWidget(voucher, (g + 1) / 2, 0);
    auto *package = touchButton(tr("Session package…"), giftPage, QStringLiteral("productButton"));
    package->setAccessibleName(QStringLiteral("sellPackage"));
    connect(package, &QPushButton::clicked, this, [this] {
        askPackage();
        focusScan();
    });
    giftGrid->addWidget(package, (g + 1) / 2, 1);
    const int after = (g + 1) / 2 + 1;
    auto *note = new QLabel(tr("No expiration date. No fees."), giftPage);
    note->setObjectName(QStringLiteral("hint"));
    giftGrid->addWidget(note, after, 0, 1, 2);
    giftGrid->setRowStretch(after + 1, 1);
    m_quick->addTab(giftPage, tr("Gift cards"));
}

void RegisterWidget::setCashier(const StaffMember &cashier) {
    m_cashier = cashier;
    m_approver.reset();
    // What the next cashier may see of the ticket's client is theirs to be shown.
    m_client.reset();
    updateClient();
}

QString RegisterWidget::statusMessage() const {
    return m_message->text();
}

QString RegisterWidget::totalText(const QString &which) const {
    if (which == QLatin1String("subtotal"))
        return m_subtotal->text();
    if (which == QLatin1String("discount"))
        return m_discount->text();
    if (which == QLatin1String("tax"))
        return m_tax->text();
    if (which == QLatin1String("tips"))
        return m_tips->text();
    if (which == QLatin1String("total"))
        return m_total->text();
    return {};
}

int RegisterWidget::currentRow() const {
    const QModelIndex index = m_table->currentIndex();
    return index.isValid() ? index.row() : -1;
}

void RegisterWidget::setCurrentRow(int row) {
    if (row < 0 || row >= m_model->rowCount()) {
        m_table->clearSelection();
        return;
    }
    m_table->selectRow(row);
    m_table->setCurrentIndex(m_model->index(row, 0));
    m_table->scrollTo(m_model->index(row, 0));
}

void RegisterWidget::focusScan() {
    if (isVisible() && !m_scan->hasFocus())
        m_scan->setFocus(Qt::OtherFocusReason);
}

void RegisterWidget::showMessage(const QString &text, bool error) {
    m_message->setText(text);
    m_message->setProperty("error", error);
    m_message->style()->unpolish(m_message);
    m_message->style()->polish(m_message);
}

void RegisterWidget::updateTotals() {
    const QLocale locale;
    const TicketTotals &t = m_model->totals();
    m_subtotal->setText(t.subtotal.format(locale));
    m_discount->setText(t.discount.isZero() ? t.discount.format(locale)
                                            : (-t.discount).format(locale));
    m_tax->setText(t.tax.format(locale));
    m_tips->setText(t.tips.format(locale));
    m_total->setText(t.total.format(locale));
    const int lines = m_model->rowCount();
    m_lineCount->setText(lines == 0 ? tr("Empty — scan or tap an item")
                                    : tr("%n line(s)", nullptr, lines));
    if (!m_model->totalsError().isEmpty())
        showMessage(m_model->totalsError(), true);
    updateClient();
}

// --- the ticket's client -----------------------------------------------------------------

void RegisterWidget::updateClient() {
    const qint64 id = m_model->ticket().clientId;
    if (id <= 0) {
        m_client.reset();
    } else if (!m_client || m_client->id != id) {
        // A recalled ticket's client, or one chosen since: read as this cashier may see them.
        auto read = ClientService(m_db).get(id, m_cashier);
        if (read)
            m_client = *read;
        else
            m_client.reset();
    }
    if (!m_client) {
        m_clientLine->setText(id > 0 ? tr("Client: %1").arg(m_model->ticket().clientName)
                                     : tr("No client — Ctrl+K, or type a name or phone"));
        m_healthBanner->hide();
        return;
    }
    QStringList parts{tr("Client: %1").arg(m_client->name)};
    if (!m_client->phone.isEmpty())
        parts << m_client->phone;
    if (!m_client->notes.isEmpty())
        parts << QString(m_client->notes).replace(u'\n', u' ');
    m_clientLine->setText(parts.join(QStringLiteral("  ·  ")));
    const auto &lines = m_model->ticket().lines;
    const bool session = std::any_of(lines.begin(), lines.end(), [](const TicketLine &l) {
        return l.kind == LineKind::Session;
    });
    if (!session || !m_client->hasHealthFlags) {
        m_healthBanner->hide();
        return;
    }
    // Never printed: the banner is the only place the register shows them.
    m_healthBanner->setText(
        m_client->healthVisible
            ? tr("⚠ Health notes for %1: %2")
                  .arg(m_client->name, m_client->healthFlags.join(QStringLiteral(" · ")))
            : tr("⚠ %1 has health notes for the therapist: a manager or the therapist reads "
                 "them before the session.")
                  .arg(m_client->name));
    m_healthBanner->show();
}

QString RegisterWidget::clientText() const {
    return m_clientLine->text();
}

QString RegisterWidget::healthBannerText() const {
    return m_healthBanner->text();
}

bool RegisterWidget::healthBannerShown() const {
    return !m_healthBanner->isHidden();
}

void RegisterWidget::setClient(qint64 clientId) {
    if (clientId <= 0) {
        m_client.reset();
        m_model->setClient(0, {});
        showMessage(tr("The ticket has no client now."));
        return;
    }
    auto read = ClientService(m_db).get(clientId, m_cashier);
    if (!read) {
        showMessage(read.error().message, true);
        return;
    }
    m_client = *read;
    m_model->setClient(read->id, read->name);
    showMessage(tr("Ringing up for %1.").arg(read->name));
}

void RegisterWidget::chooseClient(const std::vector<Client> &clients, const QString &text) {
    if (clients.size() == 1) {
        setClient(clients.front().id);
        return;
    }
    QList<QStringList> rows;
    for (const Client &c : clients)
        rows << QStringList{c.name, c.phone, c.email};
    ChoiceDialog dialog(tr("Choose a client"), tr("Clients matching “%1”:").arg(text),
                        {tr("Name"), tr("Phone"), tr("Email")}, rows, this);
    if (dialog.exec() == QDialog::Accepted && dialog.currentRow() >= 0)
        setClient(clients[std::size_t(dialog.currentRow())].id);
    else
        showMessage(tr("No client was chosen."));
}

void RegisterWidget::askClient() {
    QInputDialog ask(this);
    ask.setWindowTitle(tr("Client"));
    ask.setLabelText(m_client ? tr("Ringing up for %1. Find another client by name or phone, or "
                                   "leave empty to take them off the ticket:")
                                    .arg(m_client->name)
                              : tr("Find the client by name or phone:"));
    if (ask.exec() != QDialog::Accepted) {
        focusScan();
        return;
    }
    const QString text = ask.textValue().trimmed();
    if (text.isEmpty()) {
        if (m_model->ticket().clientId > 0)
            setClient(0);
        focusScan();
        return;
    }
    auto found = ClientService(m_db).find(text, m_cashier, 20);
    if (!found)
        showMessage(found.error().message, true);
    else if (found->empty())
        showMessage(tr("No client matches “%1”: add them on the Clients page.").arg(text), true);
    else
        chooseClient(*found, text);
    focusScan();
}

bool RegisterWidget::eventFilter(QObject *watched, QEvent *event) {
    if (watched == m_scan && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        switch (key->key()) {
        case Qt::Key_Up:
            setCurrentRow(qMax(0, currentRow() - 1));
            return true;
        case Qt::Key_Down:
            setCurrentRow(qMin(m_model->rowCount() - 1, currentRow() + 1));
            return true;
        case Qt::Key_Escape:
            if (m_scan->text().isEmpty())
                showMessage({});
            m_scan->clear();
            return true;
        default:
            break;
        }
        // F-keys and Ctrl+P / Ctrl+R normally arrive as shortcuts; where the window manager
        // never made the window active (a kiosk session, or after a dialog closed) they arrive
        // here instead.
        if ((key->key() >= Qt::Key_F1 && key->key() <= Qt::Key_F12) ||
            key->modifiers().testFlag(Qt::ControlModifier)) {
            const QKeySequence pressed(key->keyCombination());
            for (QAction *action : actions())
                if (action->shortcut() == pressed) {
                    action->trigger();
                    return true;
                }
        }
    }
    return QWidget::eventFilter(watched, event);
}

void RegisterWidget::showEvent(QShowEvent *event) {
    QWidget::showEvent(event);
    focusScan();
}

// --- the scan field ----------------------------------------------------------------------

void RegisterWidget::handleScan(const QString &input) {
    auto scanned = ScanResolver(m_db).resolve(input, 20, &m_cashier);
    if (!scanned) {
        showMessage(scanned.error().message, true);
        return;
    }
    switch (scanned->kind) {
    case ScanResult::Kind::Nothing:
        if (!scanned->text.isEmpty())
            showMessage(tr("Nothing found for “%1”: nothing was added.").arg(scanned->text), true);
        return;
    case ScanResult::Kind::GiftCard:
        payWith(scanned->giftCode);
        focusScan();
        return;
    case ScanResult::Kind::Voucher:
        payWithVoucher(scanned->giftCode);
        focusScan();
        return;
    case ScanResult::Kind::Package:
        payWithPackage(scanned->giftCode);
        focusScan();
        return;
    case ScanResult::Kind::SellVoucher:
        addVoucher(scanned->item);
        focusScan();
        return;
    case ScanResult::Kind::SellPackage:
        addPackage(scanned->package);
        focusScan();
        return;
    case ScanResult::Kind::Receipt:
        showMessage(tr("Receipt %1").arg(receiptCode(scanned->receiptNo)));
        Q_EMIT receiptRequested(scanned->receiptNo);
        return;
    case ScanResult::Kind::Item:
        addItem(scanned->item);
        focusScan();
        return;
    case ScanResult::Kind::Clients:
        chooseClient(scanned->clients, scanned->text);
        focusScan();
        return;
    case ScanResult::Kind::Matches:
        break;
    }
    const std::vector<CatalogItem> &matches = scanned->matches;
    QStringList rows;
    const QLocale locale;
    for (const CatalogItem &item : matches)
        rows << item.name + QStringLiteral("  ·  ") + item.price.format(locale) +
                    QStringLiteral("  ·  ") + item.code;
    ChoiceDialog dialog(tr("Choose an item"),
                        tr("No code “%1”. Items whose name matches:").arg(scanned->text), rows,
                        this);
    if (dialog.exec() == QDialog::Accepted && dialog.currentRow() >= 0)
        addItem(matches[std::size_t(dialog.currentRow())]);
    else
        showMessage(tr("Nothing was added."));
    focusScan();
}

void RegisterWidget::handleCameraScan(const QString &text) {
    // The cashier sees the read where a scanner's would appear: a short green flash of the
    // scan field (the message line then says what was added or found, a card only by ••last4).
    QApplication::beep();
    auto flash = [scan = m_scan](bool on) {
        scan->setProperty("cameraRead", on); // style.qss colours the field while it is set
        scan->style()->unpolish(scan);
        scan->style()->polish(scan);
    };
    flash(true);
    QTimer::singleShot(600, m_scan, [flash] { flash(false); });
    handleScan(text);
}

void RegisterWidget::addItem(const CatalogItem &item) {
    const QLocale locale;
    if (item.isSession()) {
        auto therapist = chooseTherapist(tr("Who gives the %1?").arg(item.name));
        if (!therapist) {
            showMessage(tr("No therapist chosen: %1 was not added.").arg(item.name), true);
            return;
        }
        auto added = m_model->addItem(item, therapist->id, therapist->shownName());
        if (!added) {
            showMessage(added.error().message, true);
            return;
        }
        showMessage(tr("Added %1 with %2 — %3")
                        .arg(item.name, therapist->displayName, item.price.format(locale)));
        return;
    }
    auto added = m_model->addItem(item);
    if (!added) {
        showMessage(added.error().message, true);
        return;
    }
    const int quantity = m_model->ticket().lines[std::size_t(added->row)].quantity;
    showMessage(quantity > 1
                    ? tr("%1 × %2 — %3")
                          .arg(locale.toString(quantity), item.name, item.price.format(locale))
                    : tr("Added %1 — %2").arg(item.name, item.price.format(locale)));
}

std::optional<StaffMember> RegisterWidget::chooseTherapist(const QString &why) {
    auto therapists = StaffService(m_db).therapists();
    if (!therapists) {
        showMessage(therapists.error().message, true);
        return std::nullopt;
    }
    if (therapists->empty()) {
        showMessage(tr("No therapists are set up: add them with oasisctl staff add."), true);
        return std::nullopt;
    }
    QStringList names;
    for (const StaffMember &t : *therapists)
        names << t.shownName();
    ChoiceDialog dialog(tr("Therapist"), why, names, this);
    dialog.setObjectName(QStringLiteral("therapistDialog"));
    if (dialog.exec() != QDialog::Accepted || dialog.currentRow() < 0)
        return std::nullopt;
    return (*therapists)[std::size_t(dialog.currentRow())];
}

// --- line and ticket actions -------------------------------------------------------------

void RegisterWidget::voidLine() {
    const int row = currentRow();
    if (row < 0) {
        showMessage(tr("Choose a line first (↑ ↓)."), true);
        return;
    }
    const QString name = m_model->index(row, TicketModel::LineColumn).data().toString();
    m_model->removeLine(row);
    setCurrentRow(qMin(row, m_model->rowCount() - 1));
    // A recalled ticket whose every line is voided is voided: it leaves the parked list.
    if (const qint64 parked = m_model->ticket().parkedId; m_model->isEmpty() && parked > 0) {
        if (auto ok = ParkedTickets(m_db).discard(parked); !ok) {
            showMessage(ok.error().message, true);
            return;
        }
        m_model->clear();
        m_approver.reset();
        showMessage(tr("Voided %1; the held ticket is voided.").arg(name));
        return;
    }
    showMessage(tr("Voided %1.").arg(name));
}

bool RegisterWidget::setQuantity(int quantity) {
    auto ok = m_model->setQuantity(currentRow(), quantity);
    if (!ok) {
        showMessage(ok.error().message, true);
        return false;
    }
    return true;
}

void RegisterWidget::askQuantity() {
    const int row = currentRow();
    if (!m_model->editor().hasQuantity(row)) {
        showMessage(tr("Choose a product line first (↑ ↓)."), true);
        return;
    }
    EntryDialog dialog(tr("Quantity"),
                       tr("How many %1?").arg(m_model->ticket().lines[std::size_t(row)].name),
                       this);
    dialog.setText(QString::number(m_model->ticket().lines[std::size_t(row)].quantity));
    dialog.setCheck([](const QString &text) {
        bool ok = false;
        const int n = text.toInt(&ok);
        auto checked = TicketEditor::checkQuantity(ok ? n : 0);
        return checked ? QString() : checked.error().message;
    });
    if (dialog.exec() == QDialog::Accepted)
        setQuantity(dialog.text().toInt());
}

bool RegisterWidget::setLineDiscount(const QString &text) {
    const int row = currentRow();
    if (row < 0) {
        showMessage(tr("Choose a line first (↑ ↓)."), true);
        return false;
    }
    auto discount = TicketEditor::parseDiscount(text);
    if (!discount) {
        showMessage(discount.error().message, true);
        return false;
    }
    auto ok = m_model->setLineDiscount(row, *discount);
    if (!ok) {
        showMessage(ok.error().message, true);
        return false;
    }
    m_approver.reset();
    return true;
}

bool RegisterWidget::setPrice(const QString &text) {
    const int row = currentRow();
    if (row < 0) {
        showMessage(tr("Choose a line first (↑ ↓)."), true);
        return false;
    }
    auto price = Money::parse(text);
    if (!price) {
        showMessage(price.error().message, true);
        return false;
    }
    if (auto ok = m_model->setUnitPrice(row, *price); !ok) {
        showMessage(ok.error().message, true);
        return false;
    }
    m_approver.reset();
    showMessage(tr("Price changed: a manager approves it when the sale is paid."));
    return true;
}

void RegisterWidget::askPrice() {
    const int row = currentRow();
    if (!m_model->editor().isDiscountable(row)) {
        showMessage(tr("Choose a product or session line first (↑ ↓)."), true);
        return;
    }
    const TicketLine &line = m_model->ticket().lines[std::size_t(row)];
    EntryDialog dialog(tr("Price override"),
                       tr("New unit price for %1 (now %2). A manager approves it at payment.")
                           .arg(line.name, line.unitPrice.format(QLocale())),
                       this);
    dialog.setCheck([](const QString &text) {
        auto m = Money::parse(text);
        return m ? QString() : m.error().message;
    });
    if (dialog.exec() == QDialog::Accepted)
        setPrice(dialog.text());
}

void RegisterWidget::askLineDiscount() {
    const int row = currentRow();
    if (!m_model->editor().isDiscountable(row)) {
        showMessage(tr("Choose a product or session line first (↑ ↓)."), true);
        return;
    }
    EntryDialog dialog(tr("Line discount"),
                       tr("Discount on %1: a percentage (10%) or an amount (5.00).")
                           .arg(m_model->ticket().lines[std::size_t(row)].name),
                       this);
    for (const QString &p : {QStringLiteral("5%"), QStringLiteral("10%"), QStringLiteral("15%"),
                             QStringLiteral("20%")})
        dialog.addPreset(p, p);
    dialog.addPreset(tr("None"), QString());
    dialog.setCheck([](const QString &text) {
        auto d = TicketEditor::parseDiscount(text);
        return d ? QString() : d.error().message;
    });
    if (dialog.exec() == QDialog::Accepted)
        setLineDiscount(dialog.text());
}

bool RegisterWidget::setTicketDiscount(const QString &text) {
    auto parsed = TicketEditor::parseDiscount(text);
    if (!parsed) {
        showMessage(parsed.error().message, true);
        return false;
    }
    const Discount discount = *parsed;
    if (auto ok = m_model->setDiscount(discount); !ok) {
        showMessage(ok.error().message, true);
        return false;
    }
    m_approver.reset();
    showMessage(discount.isNone() ? tr("Ticket discount removed.")
                                  : tr("Ticket discount %1.").arg(discount.toString()));
    return true;
}

void RegisterWidget::askTicketDiscount() {
    if (m_model->isEmpty()) {
        showMessage(tr("The ticket is empty."), true);
        return;
    }
    EntryDialog dialog(
        tr("Ticket discount"),
        tr("Discount on the whole ticket: a percentage (10%) or an amount (5.00). "
           "More than %1 % needs a manager.")
            .arg(QLocale().toString(double(StoreSettings(m_db).discountThresholdPpm()) / 10000.0)),
        this);
    for (const QString &p : {QStringLiteral("5%"), QStringLiteral("10%"), QStringLiteral("15%"),
                             QStringLiteral("20%")})
        dialog.addPreset(p, p);
    dialog.addPreset(tr("None"), QString());
    if (!m_model->ticket().discount.isNone())
        dialog.setText(m_model->ticket().discount.toString());
    dialog.setCheck([](const QString &text) {
        auto d = TicketEditor::parseDiscount(text);
        return d ? QString() : d.error().message;
    });
    if (dialog.exec() == QDialog::Accepted)
        setTicketDiscount(dialog.text());
}

void RegisterWidget::addTip(qint64 therapistId, Money amount) {
    auto member = StaffService(m_db).byId(therapistId);
    if (!member) {
        showMessage(member.error().message, true);
        return;
    }
    auto added = m_model->addTip(amount, member->id, member->shownName());
    if (!added) {
        showMessage(added.error().message, true);
        return;
    }
    showMessage(tr("Tip %1 for %2.").arg(amount.format(QLocale()), member->displayName));
}

void RegisterWidget::askTip() {
    // The therapist of the selected line, else of the only session, else ask.
    qint64 therapistId = m_model->editor().tipTherapistFor(currentRow());
    QString name;
    if (therapistId == 0) {
        auto chosen = chooseTherapist(tr("Who is the tip for?"));
        if (!chosen)
            return;
        therapistId = chosen->id;
        name = chosen->displayName;
    } else if (auto member = StaffService(m_db).byId(therapistId)) {
        name = member->displayName;
    }
    const Money base = m_model->editor().tipBase(therapistId);
    EntryDialog dialog(tr("Tip"), tr("Tip for %1:").arg(name), this);
    const QLocale locale;
    if (!base.isZero()) {
        for (int percent : {15, 18, 20, 25}) {
            const Money amount = base.timesPpm(percent * 10'000);
            dialog.addPreset(tr("%1 %\n%2").arg(percent).arg(amount.format(locale)),
                             amount.toString());
        }
    }
    dialog.setPlaceholder(tr("Amount, e.g. 20"));
    dialog.setCheck([](const QString &text) {
        auto m = TicketEditor::parseTip(text);
        return m ? QString() : m.error().message;
    });
    if (dialog.exec() == QDialog::Accepted)
        if (auto amount = TicketEditor::parseTip(dialog.text()))
            addTip(therapistId, *amount);
}

void RegisterWidget::addGiftCard(Money amount, const QString &to, const QString &from,
                                 const QString &message, Money bonus, const QDate &bonusExpires) {
    const int row = m_model->addGiftCard(amount, to, from, message);
    if (!bonus.isZero()) {
        m_model->setGiftCardPromo(row, bonus, bonusExpires);
        showMessage(tr("Gift card %1 with %2 promotional value added: a manager approves the "
                       "bonus at payment.")
                        .arg(amount.format(QLocale()), bonus.format(QLocale())));
        return;
    }
    showMessage(tr("Gift card %1 added: the card is created when the sale completes.")
                    .arg(amount.format(QLocale())));
}

void RegisterWidget::addVoucher(const CatalogItem &session) {
    auto added = m_model->addVoucher(session);
    if (!added) {
        showMessage(added.error().message, true);
        return;
    }
    setCurrentRow(*added);
    showMessage(
        tr("Added a voucher for %1 — %2").arg(session.name, session.price.format(QLocale())));
}

void RegisterWidget::askVoucher() {
    auto sessions = CatalogService(m_db).sessions();
    if (!sessions) {
        showMessage(sessions.error().message, true);
        return;
    }
    std::vector<CatalogItem> active;
    QStringList rows;
    const QLocale locale;
    for (const CatalogItem &item : *sessions)
        if (item.isSession() && item.active) {
            active.push_back(item);
            rows << item.name + QStringLiteral("  ·  ") + item.price.format(locale);
        }
    ChoiceDialog dialog(tr("Service voucher"), tr("Which session is the voucher worth?"), rows,
                        this);
    dialog.setObjectName(QStringLiteral("voucherDialog"));
    if (dialog.exec() == QDialog::Accepted && dialog.currentRow() >= 0)
        addVoucher(active[std::size_t(dialog.currentRow())]);
    else
        showMessage(tr("No voucher was added."));
}

void RegisterWidget::addPackage(const PackageProduct &product) {
    if (m_model->ticket().clientId <= 0) {
        showMessage(tr("A package is sold to a client: choose the client first (Ctrl+K)."), true);
        return;
    }
    auto session = CatalogService(m_db).byId(product.itemId);
    if (!session) {
        showMessage(session.error().message, true);
        return;
    }
    const int row = m_model->addPackage(product.code, *session, product.sessions, product.price);
    setCurrentRow(row);
    showMessage(tr("Added %1 for %2 — %3")
                    .arg(product.description(), m_model->ticket().clientName,
                         product.price.format(QLocale())));
}

void RegisterWidget::askPackage() {
    if (m_model->ticket().clientId <= 0) {
        showMessage(tr("A package is sold to a client: choose the client first (Ctrl+K)."), true);
        return;
    }
    auto products = PackageService(m_db).products();
    if (!products) {
        showMessage(products.error().message, true);
        return;
    }
    if (products->empty()) {
        showMessage(tr("The store sells no session package yet: a manager defines one with "
                       "oasisctl package define."),
                    true);
        return;
    }
    QStringList rows;
    const QLocale locale;
    for (const PackageProduct &p : *products)
        rows << p.description() + QStringLiteral("  ·  ") + p.price.format(locale);
    ChoiceDialog dialog(tr("Session package"),
                        tr("Which package for %1?").arg(m_model->ticket().clientName), rows, this);
    dialog.setObjectName(QStringLiteral("packageDialog"));
    if (dialog.exec() == QDialog::Accepted && dialog.currentRow() >= 0)
        addPackage((*products)[std::size_t(dialog.currentRow())]);
    else
        showMessage(tr("No package was added."));
}

void RegisterWidget::askGiftCard() {
    const StoreSettings settings(m_db);
    GiftCardDialog dialog(settings.giftCardPresets(), settings.giftCardMinimum(),
                          settings.giftCardMaximum(), this);
    if (dialog.exec() == QDialog::Accepted)
        addGiftCard(dialog.amount(), dialog.recipient(), dialog.sender(), dialog.message());
}

void RegisterWidget::askRefund() {
    const QString typed = m_scan->text().trimmed();
    const std::optional<qint64> receipt = typed.isEmpty() ? std::nullopt : parseReceiptCode(typed);
    if (!typed.isEmpty() && !receipt) {
        showMessage(tr("“%1” is not a receipt: scan the receipt to refund (R-000042 or #42), then "
                       "press Ctrl+R.")
                        .arg(typed),
                    true);
        return;
    }
    m_scan->clear();
    showMessage({});
    Q_EMIT refundRequested(receipt.value_or(0));
}

// --- hold and recall ---------------------------------------------------------------------

void RegisterWidget::hold(const QString &labelIn) {
    if (m_model->isEmpty()) {
        showMessage(tr("The ticket is empty: nothing to hold."), true);
        return;
    }
    QString label = labelIn.trimmed();
    if (label.isEmpty())
        label = defaultHoldLabel(m_model->ticket());
    auto parked = ParkedTickets(m_db).park(m_model->ticket(), label, m_cashier, m_registerId);
    if (!parked) {
        showMessage(parked.error().message, true);
        return;
    }
    m_model->clear();
    m_approver.reset();
    showMessage(tr("Ticket held as “%1”. Recall it with F6.").arg(label));
}

Status RegisterWidget::parkOpenTicket() {
    if (m_model->isEmpty())
        return {};
    // Closed with Pay open (SIGTERM): a committed sale is not parked again, and what was taken
    // is written on the held ticket, to settle at recall.
    const PayDialog *pay = m_payDialog.data(); // read once: QPointer reads again each time
    if (pay && pay->completedSale())
        return {};
    QString label = tr("%1 · parked at close").arg(defaultHoldLabel(m_model->ticket()));
    if (pay && !pay->tenders().empty())
        label += QStringLiteral(" · ") + pay->takenSummary();
    auto parked = ParkedTickets(m_db).park(m_model->ticket(), label, m_cashier, m_registerId);
    if (!parked) {
        showMessage(parked.error().message, true);
        return std::unexpected(parked.error());
    }
    m_model->clear();
    m_approver.reset();
    return {};
}

void RegisterWidget::askHold() {
    if (m_model->isEmpty()) {
        showMessage(tr("The ticket is empty: nothing to hold."), true);
        return;
    }
    EntryDialog dialog(tr("Hold ticket"),
                       tr("A name to find the ticket by (optional), e.g. the customer's:"), this);
    dialog.setPlaceholder(m_model->ticket().lines.front().name);
    if (dialog.exec() == QDialog::Accepted)
        hold(dialog.text());
}

void RegisterWidget::recall(qint64 parkedId) {
    if (!m_model->isEmpty()) {
        showMessage(tr("Hold (F5) or finish the current ticket before recalling another."), true);
        return;
    }
    auto ticket = ParkedTickets(m_db).recall(parkedId);
    if (!ticket) {
        showMessage(ticket.error().message, true);
        return;
    }
    m_model->setTicket(*ticket);
    m_approver.reset();
    showMessage(tr("Ticket recalled: it stays on hold until it is paid."));
}

void RegisterWidget::askRecall() {
    if (!m_model->isEmpty()) {
        showMessage(tr("Hold (F5) or finish the current ticket before recalling another."), true);
        return;
    }
    auto parked = ParkedTickets(m_db).list();
    if (!parked) {
        showMessage(parked.error().message, true);
        return;
    }
    if (parked->empty()) {
        showMessage(tr("No tickets are on hold."));
        return;
    }
    const QLocale locale;
    const QTimeZone zone = StoreSettings(m_db).timeZone();
    QList<QStringList> rows;
    for (const ParkedTicket &p : *parked)
        rows << QStringList{
            p.label, p.total ? p.total->format(locale) : QStringLiteral("—"),
            locale.toString(p.createdAt.toTimeZone(zone).time(), QLocale::ShortFormat), p.staff};
    // The total is what the customer pays: tax, discount and tips included.
    ChoiceDialog dialog(tr("Recall a ticket"), tr("Tickets on hold:"),
                        {tr("Ticket"), tr("Total"), tr("Held at"), tr("By")}, rows, this);
    dialog.setObjectName(QStringLiteral("recallDialog"));
    for (int row = 0; row < dialog.table()->topLevelItemCount(); ++row)
        dialog.table()->topLevelItem(row)->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
    dialog.table()->headerItem()->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
    if (dialog.exec() == QDialog::Accepted && dialog.currentRow() >= 0)
        recall((*parked)[std::size_t(dialog.currentRow())].id);
}

// --- payment -----------------------------------------------------------------------------

bool RegisterWidget::ensureApproval() {
    // check() names the action that needs an approval (a discount above the threshold, a price
    // override); the prompt asks for exactly that one.
    SaleService sales(m_db);
    auto ok = screens::withApproval(
        approvalPrompt(m_db, this), [&](const std::optional<StaffMember> &approver) {
            if (approver)
                m_approver = approver;
            return sales.check(m_model->ticket(), m_cashier, m_approver);
        });
    if (!ok) {
        showMessage(ok.error().message, true);
        return false;
    }
    return true;
}

void RegisterWidget::pay() {
    payWith({});
}

void RegisterWidget::payWith(const QString &giftCode) {
    if (m_model->isEmpty()) {
        if (!giftCode.isEmpty()) {
            auto card = GiftCardService(m_db).lookup(giftCode, m_registerId);
            if (card)
                showMessage(tr("Gift card ••%1: balance %2.")
                                .arg(card->last4, card->spendable().format(QLocale())));
            else
                showMessage(card.error().message, true);
            return;
        }
        showMessage(tr("The ticket is empty: scan or tap an item first."), true);
        return;
    }
    if (!m_model->totalsError().isEmpty()) {
        showMessage(m_model->totalsError(), true);
        return;
    }
    if (!ensureApproval())
        return;
    openPayDialog([giftCode](PayDialog &dialog) {
        if (!giftCode.isEmpty())
            dialog.prefillGiftCode(giftCode);
    });
}

void RegisterWidget::openPayDialog(const std::function<void(PayDialog &)> &prefill) {
    PayDialog dialog(m_db, m_model->ticket(), m_model->totals(), m_cashier, m_approver,
                     m_registerId, this);
    m_payDialog = &dialog;
    dialog.setOutbox(m_outbox);
    // Every sale of this register, however paid, notes its number in the offline copy.
    dialog.setOffline(m_offline, m_sellingOffline);
    QMetaObject::invokeMethod(
        &dialog, [&dialog, prefill] { prefill(dialog); }, Qt::QueuedConnection);
    dialog.exec();
    finishPayment(dialog);
}

void RegisterWidget::finishPayment(PayDialog &dialog) {
    if (const auto &sale = dialog.completedSale()) {
        const QLocale locale;
        m_model->clear();
        m_approver.reset();
        if (sale->repeated)
            showMessage(tr("Already recorded as sale %1: nothing charged again.")
                            .arg(receiptCode(sale->receiptNo)));
        else
            showMessage(sale->change > Money()
                            ? tr("Sale %1 complete — change %2.")
                                  .arg(receiptCode(sale->receiptNo), sale->change.format(locale))
                            : tr("Sale %1 complete.").arg(receiptCode(sale->receiptNo)));
        Q_EMIT saleDone(*sale);
        Q_EMIT saleCompleted(sale->receiptNo);
    } else {
        // Priced again at the store's rates as they are now: what refused the payment may be a
        // rate changed at another register since this one read them.
        reloadTaxes();
        if (!dialog.message().isEmpty())
            showMessage(dialog.message(), true);
    }
    focusScan();
}

void RegisterWidget::payWithVoucher(const QString &code) {
    if (m_model->isEmpty()) {
        // Nothing to pay yet: what the voucher is worth, as a balance inquiry.
        auto v = VoucherService(m_db).lookup(code, m_registerId);
        if (!v) {
            showMessage(v.error().message, true);
            return;
        }
        switch (v->status) {
        case Voucher::Status::Active:
            showMessage(tr("Voucher ••%1: %2, not redeemed yet. Ring up the session, then scan "
                           "it.")
                            .arg(v->last4, v->description()));
            break;
        case Voucher::Status::Redeemed:
            showMessage(tr("Voucher ••%1: %2, already redeemed (receipt %3).")
                            .arg(v->last4, v->description(), receiptCode(v->redeemedReceiptNo)),
                        true);
            break;
        case Voucher::Status::Void:
            showMessage(tr("Voucher ••%1 is void: its sale was refunded.").arg(v->last4), true);
            break;
        }
        return;
    }
    if (!m_model->totalsError().isEmpty()) {
        showMessage(m_model->totalsError(), true);
        return;
    }
    // Checked here first, so a voucher that cannot pay says why in one line on the register.
    auto covers =
        VoucherService(m_db).covers({code}, m_model->ticket(), m_model->totals(), {}, m_registerId);
    if (!covers) {
        showMessage(covers.error().message, true);
        return;
    }
    if (!ensureApproval())
        return;
    openPayDialog([code](PayDialog &dialog) { dialog.addVoucher(code); });
}

QString RegisterWidget::noSessionLeft(const SessionPackage &k) {
    return k.refunded
               ? tr("Package ••%1: %2, refunded: no session is left.").arg(k.last4, k.description())
               : tr("Package ••%1: %2, no session left.").arg(k.last4, k.description());
}

void RegisterWidget::usePackageSession(qint64 clientId, qint64 packageId) {
    auto k = PackageService(m_db).byId(packageId);
    if (!k) {
        showMessage(k.error().message, true);
        return;
    }
    if (k->sessionsLeft <= 0) {
        showMessage(noSessionLeft(*k), true);
        return;
    }
    const qint64 onTicket = m_model->ticket().clientId;
    if (onTicket > 0 && onTicket != clientId) {
        showMessage(tr("This ticket is for %1: complete or hold it first, then use %2's package "
                       "from their page.")
                        .arg(m_model->ticket().clientName, k->clientName),
                    true);
        return;
    }
    if (onTicket <= 0) {
        setClient(clientId);
        if (m_model->ticket().clientId != clientId)
            return; // setClient said why
    }
    // The session it pays, rung up with its therapist unless a line of it is on the ticket.
    const auto &lines = m_model->ticket().lines;
    if (std::none_of(lines.begin(), lines.end(), [&](const TicketLine &l) {
            return l.kind == LineKind::Session && l.itemId == k->itemId;
        })) {
        auto session = CatalogService(m_db).byId(k->itemId);
        if (!session) {
            showMessage(session.error().message, true);
            return;
        }
        const std::size_t before = lines.size();
        addItem(*session);
        if (m_model->ticket().lines.size() == before)
            return; // no therapist chosen: addItem said so
    }
    payWithPackage(packageRef(packageId));
}

void RegisterWidget::payWithPackage(const QString &code) {
    if (m_model->isEmpty()) {
        // Nothing to pay yet: the sessions left, as a balance inquiry.
        auto k = PackageService(m_db).lookup(code, m_registerId);
        if (!k)
            showMessage(k.error().message, true);
        else if (k->sessionsLeft <= 0)
            showMessage(noSessionLeft(*k), true);
        else
            showMessage(tr("Package ••%1: %2, sessions left: %3. Ring up the session with its "
                           "therapist, then scan it.")
                            .arg(k->last4, k->description())
                            .arg(k->sessionsLeft));
        return;
    }
    if (!m_model->totalsError().isEmpty()) {
        showMessage(m_model->totalsError(), true);
        return;
    }
    // Checked here first with the sessions already taken by nothing else: a package that cannot
    // pay says why in one line on the register, and no dialog opens.
    auto covers = PackageService(m_db).covers({code}, m_model->ticket(), m_registerId);
    if (!covers) {
        showMessage(covers.error().message, true);
        return;
    }
    if (!ensureApproval())
        return;
    openPayDialog([code](PayDialog &dialog) { dialog.addPackage(code); });
}

void RegisterWidget::showHelp() {
    QMessageBox box(this);
    box.setWindowTitle(tr("Keyboard"));
    box.setTextFormat(Qt::RichText);
    box.setText(
        tr("<table cellpadding='4'>"
           "<tr><td><b>Enter</b></td><td>scan field: barcode, SKU, session code, name, gift card "
           "(GC1-…), receipt (#42 or R-000042)</td></tr>"
           "<tr><td><b>↑ ↓</b></td><td>choose a ticket line</td></tr>"
           "<tr><td><b>Esc</b></td><td>clear the scan field; back out of a dialog</td></tr>"
           "<tr><td><b>F1</b></td><td>this help</td></tr>"
           "<tr><td><b>F2</b></td><td>quantity of the line</td></tr>"
           "<tr><td><b>F3</b></td><td>tip for a therapist</td></tr>"
           "<tr><td><b>F4</b></td><td>ticket discount (10% or 5.00)</td></tr>"
           "<tr><td><b>F5 / F6</b></td><td>hold the ticket / recall a held ticket</td></tr>"
           "<tr><td><b>F7</b></td><td>line discount</td></tr>"
           "<tr><td><b>Ctrl+P</b></td><td>price override of the line (a manager approves)</td></tr>"
           "<tr><td><b>F8</b></td><td>void the line</td></tr>"
           "<tr><td><b>F9</b></td><td>receipts (find, reprint)</td></tr>"
           "<tr><td><b>Ctrl+R</b></td><td>refund the receipt in the scan field (or find it "
           "first)</td></tr>"
           "<tr><td><b>Ctrl+K</b></td><td>the ticket's client (find by name or phone)</td></tr>"
           "<tr><td><b>F10</b></td><td>sell a gift card</td></tr>"
           "<tr><td><b>F11</b></td><td>lock the register</td></tr>"
           "<tr><td><b>F12</b></td><td>pay; in the pay dialog F2 cash, F3 card, F4 gift card, F12 "
           "complete</td></tr></table>"));
    box.exec();
}

} // namespace oasis::app
