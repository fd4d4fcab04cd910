// SPDX-License-Identifier: GPL-3.0-or-later
#include "pos/screens/settingsscreen.h"
#include "pos/screens/storelocation.h"

#include "core/domain/clock.h"
#include "core/services/shift.h"
#include "core/services/store.h"
#include "pos/screens/translate.h"
#include "printing/transport.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSpinBox>
#include <QTableWidget>
#include <QTabWidget>
#include <QThread>
#include <QVBoxLayout>

#include <algorithm>
#include <memory>

namespace oasis::screens {

namespace {

constexpr int kTouch = 48;

QLineEdit *edit(QWidget *parent, const QString &objectName, const QString &placeholder = {}) {
    auto *e = new QLineEdit(parent);
    e->setObjectName(objectName);
    e->setMinimumHeight(kTouch);
    e->setPlaceholderText(placeholder);
    return e;
}

QPushButton *touchButton(const QString &text, const QString &objectName, QWidget *parent) {
    auto *b = new QPushButton(text, parent);
    b->setObjectName(objectName);
    b->setMinimumHeight(kTouch);
    b->setMinimumWidth(160);
    return b;
}

QString taxClassText(TaxClass cls) {
    switch (cls) {
    case TaxClass::Service:
        return tr("Services (massage)");
    case TaxClass::Retail:
        return tr("Retail (oils, lotions)");
    case TaxClass::GiftCard:
        return tr("Gift cards");
    case TaxClass::None:
        return tr("Untaxed");
    }
    return {};
}

/// A page that scrolls when the window is small, with its content at the top.
QWidget *page(QWidget *content) {
    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    return scroll;
}

} // namespace

Result<qint64> parsePercentPpm(const QString &text) {
    static const QRegularExpression re(
        QStringLiteral("^\\s*(\\d{1,3})(?:[.](\\d{0,4}))?\\s*%?\\s*$"));
    const auto m = re.match(text);
    if (!m.hasMatch())
        return fail(ErrorCode::Invalid, tr("Type a percentage such as 10.55 (up to 4 decimals)."));
    QString decimals = m.captured(2);
    decimals = decimals.leftJustified(4, u'0');
    const qint64 ppm = m.captured(1).toLongLong() * 10'000 + decimals.toLongLong();
    if (ppm > 1'000'000)
        return fail(ErrorCode::Invalid, tr("A percentage cannot be more than 100."));
    return ppm;
}

QString formatPpmPercent(qint64 ppm) {
    QString decimals = QStringLiteral("%1").arg(ppm % 10'000, 4, 10, QLatin1Char('0'));
    while (decimals.endsWith(u'0'))
        decimals.chop(1);
    const QString whole = QString::number(ppm / 10'000);
    return (decimals.isEmpty() ? whole : whole + u'.' + decimals) + QStringLiteral(" %");
}

SettingsScreen::SettingsScreen(const ScreenContext &ctx, QWidget *parent)
    : QWidget(parent)
    , m_ctx(ctx) {
    setObjectName(QStringLiteral("settingsScreen"));
    m_message = new QLabel(this);
    markMessageLine(m_message);
    m_message->setObjectName(QStringLiteral("settingsMessage"));
    m_message->setWordWrap(true);
    m_message->setMinimumHeight(36);
    m_message->hide(); // shown when there is something to say

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("settingsTabs"));
    m_tabs->setStyleSheet(QStringLiteral("QTabBar::tab { min-height: 40px; padding: 0 18px; }"));
    m_tabs->addTab(page(storePage()), tr("Store"));
    m_tabs->addTab(page(taxPage()), tr("Tax rates"));
    m_tabs->addTab(page(rulesPage()), tr("Gift cards && register"));
    m_tabs->addTab(page(printerPage()), tr("Receipt printer"));
    m_tabs->addTab(page(registerPage()), tr("This register"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addWidget(m_tabs, 1);
    load();
}

SettingsScreen::~SettingsScreen() {
    // A print job has time limits (connect and write timeouts): let it end.
    if (m_job) {
        m_job->disconnect(this);
        m_job->wait();
        delete m_job;
    }
}

QWidget *SettingsScreen::storePage() {
    auto *w = new QWidget;
    m_storeName = edit(w, QStringLiteral("storeName"));
    m_address = new QPlainTextEdit(w);
    m_address->setObjectName(QStringLiteral("storeAddress"));
    m_address->setPlaceholderText(tr("One line per address line"));
    m_address->setFixedHeight(96);
    m_phone = edit(w, QStringLiteral("storePhone"));
    m_footer = new QPlainTextEdit(w);
    m_footer->setObjectName(QStringLiteral("receiptFooter"));
    m_footer->setPlaceholderText(tr("Return policy and thank-you, printed under every receipt"));
    m_footer->setFixedHeight(96);
    auto *save = touchButton(tr("Save store details"), QStringLiteral("saveStore"), w);
    connect(save, &QPushButton::clicked, this, [this] { saveStoreInfo(); });

    auto *form = new QFormLayout;
    form->addRow(tr("Store name"), m_storeName);
    form->addRow(tr("Address"), m_address);
    form->addRow(tr("Phone"), m_phone);
    form->addRow(tr("Receipt footer"), m_footer);
    // The symbol every amount shows, whatever language the register's screens speak.
    m_currency = new QComboBox(w);
    m_currency->setObjectName(QStringLiteral("storeCurrency"));
    for (const char *code : {"USD", "CAD", "MXN", "EUR", "GBP", "AUD", "NZD", "JPY", "CHF"}) {
        const QString iso = QLatin1String(code);
        m_currency->addItem(
            tr("%1 (%2)").arg(iso, Money::currencySymbol(iso, QLocale(QLocale::English))), iso);
    }
    form->addRow(tr("Currency"), m_currency);
    auto *layout = new QVBoxLayout(w);
    layout->addWidget(
        new QLabel(tr("Printed at the top of receipts and on gift certificates."), w));
    layout->addLayout(form);
    auto *row = new QHBoxLayout;
    row->addStretch();
    row->addWidget(save);
    layout->addLayout(row);
    layout->addStretch();
    return w;
}

QWidget *SettingsScreen::taxPage() {
    auto *w = new QWidget;
    m_taxTable = new QTableWidget(0, 3, w);
    m_taxTable->setObjectName(QStringLiteral("taxRates"));
    m_taxTable->setHorizontalHeaderLabels({tr("Class"), tr("Rate"), tr("In force from")});
    m_taxTable->verticalHeader()->hide();
    m_taxTable->verticalHeader()->setDefaultSectionSize(36);
    m_taxTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_taxTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_taxTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_taxTable->setMinimumHeight(220);

    m_taxClass = new QComboBox(w);
    m_taxClass->setObjectName(QStringLiteral("taxClass"));
    m_taxClass->setMinimumHeight(kTouch);
    for (TaxClass c : {TaxClass::Retail, TaxClass::Service, TaxClass::GiftCard})
        m_taxClass->addItem(taxClassText(c), int(c));
    m_taxRate = edit(w, QStringLiteral("taxRate"), tr("e.g. 10.55"));
    m_taxRate->setMaximumWidth(160);
    m_taxFrom = new QDateEdit(w);
    m_taxFrom->setObjectName(QStringLiteral("taxFrom"));
    m_taxFrom->setCalendarPopup(true);
    m_taxFrom->setMinimumHeight(kTouch);
    m_taxFrom->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    auto *add = touchButton(tr("Add rate"), QStringLiteral("addTaxRate"), w);
    connect(add, &QPushButton::clicked, this, [this] { addTaxRate(); });

    auto *addRow = new QHBoxLayout;
    addRow->addWidget(m_taxClass, 2);
    addRow->addWidget(m_taxRate, 1);
    addRow->addWidget(new QLabel(QStringLiteral("%"), w));
    addRow->addWidget(new QLabel(tr("from"), w));
    addRow->addWidget(m_taxFrom, 1);
    addRow->addWidget(add);
    auto *box = new QGroupBox(tr("New rate"), w);
    box->setLayout(addRow);

    auto *layout = new QVBoxLayout(w);
    auto *note = new QLabel(tr("A rate is never changed: add the new one with the date it takes "
                               "effect. Each sale uses the rate in force on its date."),
                            w);
    note->setWordWrap(true);
    layout->addWidget(note);
    layout->addWidget(m_taxTable, 1);
    layout->addWidget(box);
    return w;
}

QWidget *SettingsScreen::rulesPage() {
    auto *w = new QWidget;
    m_presets = edit(w, QStringLiteral("giftCardPresets"), tr("e.g. 50, 100, 150, 200"));
    m_minimum = edit(w, QStringLiteral("giftCardMinimum"));
    m_maximum = edit(w, QStringLiteral("giftCardMaximum"));
    m_threshold = edit(w, QStringLiteral("discountThreshold"), tr("e.g. 20"));
    m_idleMinutes = new QSpinBox(w);
    m_idleMinutes->setObjectName(QStringLiteral("idleLockMinutes"));
    m_idleMinutes->setRange(1, 240);
    m_idleMinutes->setSuffix(tr(" min"));
    m_idleMinutes->setMinimumHeight(kTouch);
    for (QWidget *f : {static_cast<QWidget *>(m_minimum), static_cast<QWidget *>(m_maximum),
                       static_cast<QWidget *>(m_threshold), static_cast<QWidget *>(m_idleMinutes)})
        f->setMaximumWidth(200);
    auto *save = touchButton(tr("Save"), QStringLiteral("saveRules"), w);
    connect(save, &QPushButton::clicked, this, [this] { saveRules(); });

    auto *cards = new QGroupBox(tr("Gift cards"), w);
    auto *cardForm = new QFormLayout(cards);
    cardForm->addRow(tr("Preset amounts"), m_presets);
    cardForm->addRow(tr("Smallest card"), m_minimum);
    cardForm->addRow(tr("Largest card"), m_maximum);
    auto *reg = new QGroupBox(tr("Register"), w);
    auto *regForm = new QFormLayout(reg);
    regForm->addRow(tr("Discounts above this need a manager (%)"), m_threshold);
    regForm->addRow(tr("Lock the register after idle"), m_idleMinutes);

    auto *layout = new QVBoxLayout(w);
    layout->addWidget(cards);
    layout->addWidget(reg);
    auto *row = new QHBoxLayout;
    row->addStretch();
    row->addWidget(save);
    layout->addLayout(row);
    layout->addStretch();
    return w;
}

QWidget *SettingsScreen::registerPage() {
    auto *w = new QWidget;
    m_location = new StoreLocationEditor(
        m_ctx.db ? Store::pathOf(*m_ctx.db) : Store::configuredLocation(), w);
    auto *save = touchButton(tr("Save for the next start"), QStringLiteral("saveStoreLocation"), w);
    connect(save, &QPushButton::clicked, this, [this] { saveStoreLocation(); });
    m_restart = touchButton(tr("Restart now"), QStringLiteral("restartApp"), w);
    m_restart->hide();
    connect(m_restart, &QPushButton::clicked, this, &SettingsScreen::restartRequested);
    auto *row = new QHBoxLayout;
    row->addWidget(save);
    row->addWidget(m_restart);
    row->addStretch(1);
    auto *layout = new QVBoxLayout(w);
    layout->addWidget(m_location);
    layout->addLayout(row);
    layout->addStretch(1);
    return w;
}

Status SettingsScreen::saveStoreLocation() {
    if (!m_ctx.db)
        return fail(ErrorCode::System, tr("No store is open."));
    auto ok = withApproval(m_ctx.requestApproval, [&](const std::optional<StaffMember> &a) {
        return m_location->save(*m_ctx.db, user(), a);
    });
    m_restart->setVisible(ok && m_ctx.db && m_location->location() != Store::pathOf(*m_ctx.db));
    return ok;
}

QWidget *SettingsScreen::printerPage() {
    auto *w = new QWidget;
    m_target = edit(w, QStringLiteral("printerTarget"), tr("e.g. tcp:192.168.1.50:9100"));
    auto *help = new QLabel(
        tr("Network printer: tcp:ADDRESS:9100 · USB: file:/dev/usb/lp0 · CUPS queue: lp:QUEUE · "
           "this computer's printer: system · empty: no printer"),
        w);
    help->setWordWrap(true);
    help->setStyleSheet(QStringLiteral("color: #555;"));
    m_paper = new QComboBox(w);
    m_paper->setObjectName(QStringLiteral("printerPaper"));
    m_paper->addItem(tr("80 mm (48 characters)"), int(printing::PaperWidth::Mm80));
    m_paper->addItem(tr("58 mm (32 characters)"), int(printing::PaperWidth::Mm58));
    m_qr = new QComboBox(w);
    m_qr->setObjectName(QStringLiteral("printerQr"));
    m_qr->addItem(tr("Image (works on every printer)"), int(printing::QrMode::Raster));
    m_qr->addItem(tr("Printer's own QR codes"), int(printing::QrMode::Native));
    for (QComboBox *c : {m_paper, m_qr})
        c->setMinimumHeight(kTouch);
    m_drawer = new QCheckBox(tr("A cash drawer is connected to the printer"), w);
    m_drawer->setObjectName(QStringLiteral("printerDrawer"));
    m_drawer->setMinimumHeight(kTouch);

    auto *save = touchButton(tr("Save"), QStringLiteral("savePrinter"), w);
    m_testPrint = touchButton(tr("Test print"), QStringLiteral("testPrint"), w);
    m_openDrawer = touchButton(tr("Open drawer (no sale)"), QStringLiteral("openDrawer"), w);
    connect(save, &QPushButton::clicked, this, &SettingsScreen::savePrinter);
    connect(m_testPrint, &QPushButton::clicked, this, &SettingsScreen::testPrint);
    connect(m_openDrawer, &QPushButton::clicked, this, &SettingsScreen::openDrawer);

    m_printerMessage = new QLabel(w);
    m_printerMessage->setObjectName(QStringLiteral("printerMessage"));
    m_printerMessage->setWordWrap(true);
    m_printerMessage->setMinimumHeight(36);

    auto *form = new QFormLayout;
    form->addRow(tr("Receipt printer"), m_target);
    form->addRow(QString(), help);
    form->addRow(tr("Paper"), m_paper);
    form->addRow(tr("QR codes"), m_qr);
    form->addRow(QString(), m_drawer);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(save);
    buttons->addWidget(m_testPrint);
    buttons->addStretch();
    buttons->addWidget(m_openDrawer);
    auto *layout = new QVBoxLayout(w);
    layout->addWidget(new QLabel(tr("These settings belong to this register only."), w));
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_printerMessage);
    layout->addStretch();
    return w;
}

void SettingsScreen::load() {
    if (!m_ctx.db)
        return;
    const StoreSettings settings(*m_ctx.db);
    const StoreInfo info = settings.storeInfo();
    m_storeName->setText(info.name);
    m_address->setPlainText(info.addressLines.join(u'\n'));
    m_phone->setText(info.phone);
    m_footer->setPlainText(info.footer);
    if (m_currency->findData(info.currency) < 0)
        m_currency->addItem(info.currency, info.currency);
    m_currency->setCurrentIndex(m_currency->findData(info.currency));
    loadTaxes();
    m_taxFrom->setDate(settings.businessDate(Clock::nowUtc()));

    QStringList presets;
    for (const Money &m : settings.giftCardPresets())
        presets << m.toString();
    m_presets->setText(presets.join(QStringLiteral(", ")));
    m_minimum->setText(settings.giftCardMinimum().toString());
    m_maximum->setText(settings.giftCardMaximum().toString());
    m_threshold->setText(formatPpmPercent(settings.discountThresholdPpm()).chopped(2));
    m_idleMinutes->setValue(settings.idleLockMinutes());

    const printing::PrinterSettings printer = printing::PrinterSettings::load();
    m_target->setText(printer.target);
    m_paper->setCurrentIndex(m_paper->findData(int(printer.paper)));
    m_qr->setCurrentIndex(m_qr->findData(int(printer.qrMode)));
    m_drawer->setChecked(printer.drawer);
}

void SettingsScreen::loadTaxes() {
    auto table = StoreSettings(*m_ctx.db).taxTable();
    m_taxTable->setRowCount(0);
    if (!table) {
        showMessage(m_message, table.error().message, true);
        return;
    }
    std::vector<TaxRate> rates = table->rates();
    std::ranges::sort(rates, [](const TaxRate &a, const TaxRate &b) {
        return std::pair(int(a.taxClass), a.effectiveFrom) <
               std::pair(int(b.taxClass), b.effectiveFrom);
    });
    const QLocale locale;
    for (const TaxRate &r : rates) {
        const int row = m_taxTable->rowCount();
        m_taxTable->insertRow(row);
        auto *cls = new QTableWidgetItem(taxClassText(r.taxClass));
        auto *rate = new QTableWidgetItem(formatPpmPercent(r.ppm));
        rate->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        auto *from = new QTableWidgetItem(r.effectiveFrom.toString(Qt::ISODate));
        m_taxTable->setItem(row, 0, cls);
        m_taxTable->setItem(row, 1, rate);
        m_taxTable->setItem(row, 2, from);
    }
}

QString SettingsScreen::message() const {
    return m_message->text();
}

QString SettingsScreen::printerMessage() const {
    return m_printerMessage->text();
}

void SettingsScreen::showMessage(QLabel *label, const QString &text, bool error) {
    showNotice(label, text, error);
}

StaffMember SettingsScreen::user() const {
    return m_ctx.currentUser ? m_ctx.currentUser() : StaffMember{};
}

Status SettingsScreen::report(Status status, const QString &done) {
    if (!status) {
        showMessage(m_message, status.error().message, true);
        return status;
    }
    showMessage(m_message, done, false);
    Q_EMIT settingsChanged();
    return status;
}

Status SettingsScreen::saveStoreInfo() {
    StoreInfo info = StoreSettings(*m_ctx.db).storeInfo(); // keeps the time zone
    info.name = m_storeName->text().trimmed();
    info.addressLines.clear();
    for (const QString &line : m_address->toPlainText().split(u'\n'))
        if (!line.trimmed().isEmpty())
            info.addressLines << line.trimmed();
    info.phone = m_phone->text().trimmed();
    info.footer = m_footer->toPlainText().trimmed();
    info.currency = m_currency->currentData().toString();
    if (info.name.isEmpty())
        return report(fail(ErrorCode::Invalid, tr("The store needs a name.")), {});
    return report(withApproval(m_ctx.requestApproval,
                               [&](const std::optional<StaffMember> &a) {
                                   return StoreSettings(*m_ctx.db).setStoreInfo(info, user(), a);
                               }),
                  tr("Store details saved. New receipts print them."));
}

Status SettingsScreen::addTaxRate() {
    auto ppm = parsePercentPpm(m_taxRate->text());
    if (!ppm)
        return report(std::unexpected(ppm.error()), {});
    TaxRate rate;
    rate.taxClass = TaxClass(m_taxClass->currentData().toInt());
    rate.ppm = *ppm;
    rate.effectiveFrom = m_taxFrom->date();
    auto ok = withApproval(m_ctx.requestApproval, [&](const std::optional<StaffMember> &a) {
        return StoreSettings(*m_ctx.db).addTaxRate(rate, user(), a);
    });
    if (ok) {
        loadTaxes();
        m_taxRate->clear();
    }
    return report(ok, tr("%1 at %2 from %3 added.")
                          .arg(taxClassText(rate.taxClass), formatPpmPercent(rate.ppm),
                               rate.effectiveFrom.toString(Qt::ISODate)));
}

Status SettingsScreen::saveRules() {
    const QLocale locale;
    auto minimum = Money::parse(m_minimum->text());
    if (!minimum)
        return report(
            fail(ErrorCode::Invalid, tr("Smallest card: %1").arg(minimum.error().message)), {});
    auto maximum = Money::parse(m_maximum->text());
    if (!maximum)
        return report(fail(ErrorCode::Invalid, tr("Largest card: %1").arg(maximum.error().message)),
                      {});
    if (minimum->isZero() || *minimum > *maximum)
        return report(fail(ErrorCode::Invalid,
                           tr("The smallest card must be above zero and not above the largest.")),
                      {});
    QStringList presets;
    for (const QString &part : m_presets->text().split(u',', Qt::SkipEmptyParts)) {
        auto amount = Money::parse(part.trimmed());
        if (!amount)
            return report(fail(ErrorCode::Invalid,
                               tr("Preset “%1”: %2").arg(part.trimmed(), amount.error().message)),
                          {});
        if (*amount < *minimum || *amount > *maximum)
            return report(
                fail(ErrorCode::Invalid, tr("The preset %1 is outside %2 to %3.")
                                             .arg(amount->format(locale), minimum->format(locale),
                                                  maximum->format(locale))),
                {});
        presets << amount->toString();
    }
    if (presets.isEmpty())
        return report(fail(ErrorCode::Invalid, tr("Give at least one preset amount.")), {});
    auto threshold = parsePercentPpm(m_threshold->text());
    if (!threshold)
        return report(std::unexpected(threshold.error()), {});

    StoreSettings settings(*m_ctx.db);
    const std::pair<QString, QString> values[] = {
        {QStringLiteral("giftcard.minimum"), minimum->toString()},
        {QStringLiteral("giftcard.maximum"), maximum->toString()},
        {QStringLiteral("giftcard.presets"), presets.join(u',')},
        {QStringLiteral("discount.threshold_ppm"), QString::number(*threshold)},
        {QStringLiteral("register.idle_lock_minutes"), QString::number(m_idleMinutes->value())},
    };
    // The first change is refused before anything is written when an approval is needed.
    return report(withApproval(m_ctx.requestApproval,
                               [&](const std::optional<StaffMember> &a) -> Status {
                                   for (const auto &[key, value] : values)
                                       if (auto ok = settings.set(key, value, user(), a); !ok)
                                           return ok;
                                   return {};
                               }),
                  tr("Saved."));
}

printing::PrinterSettings SettingsScreen::printerSettings() const {
    printing::PrinterSettings s;
    s.target = m_target->text().trimmed();
    s.paper = printing::PaperWidth(m_paper->currentData().toInt());
    s.qrMode = printing::QrMode(m_qr->currentData().toInt());
    s.drawer = m_drawer->isChecked();
    return s;
}

void SettingsScreen::savePrinter() {
    const printing::PrinterSettings s = printerSettings();
    if (s.isConfigured() && !s.isSystem()) {
        if (auto parsed = printing::parseTarget(s.target); !parsed) {
            showMessage(m_printerMessage, parsed.error().message, true);
            return;
        }
    }
    s.save();
    showMessage(m_printerMessage, tr("Printer settings saved for this register."), false);
    Q_EMIT printerSettingsChanged();
}

void SettingsScreen::runPrinterJob(std::function<Status()> job, const QString &done) {
    if (m_job)
        return; // one job at a time; the buttons are disabled meanwhile
    auto result = std::make_shared<Status>();
    m_job = QThread::create([job = std::move(job), result] { *result = job(); });
    m_testPrint->setEnabled(false);
    m_openDrawer->setEnabled(false);
    showMessage(m_printerMessage, tr("Sending to the printer…"), false);
    connect(m_job, &QThread::finished, this, [this, result, done] {
        m_job->deleteLater();
        m_job = nullptr;
        m_testPrint->setEnabled(true);
        m_openDrawer->setEnabled(true);
        const bool ok = result->has_value();
        const QString text = ok ? done : result->error().message;
        showMessage(m_printerMessage, text, !ok);
        Q_EMIT printerJobFinished(ok, text);
    });
    m_job->start();
}

void SettingsScreen::testPrint() {
    const printing::PrinterSettings s = printerSettings();
    const StoreInfo info = StoreSettings(*m_ctx.db).storeInfo();
    const auto doc = printing::PrinterSettings::testReceipt(
        printing::StoreHeader{info.name, info.addressLines, info.phone}, info.timeZone);
    const QString done = tr("The test receipt was sent to %1.").arg(s.target);
    if (s.isSystem()) {
        // QPrinter stays on the GUI thread; the default printer takes the job quickly.
        QApplication::setOverrideCursor(Qt::WaitCursor);
        const Status ok = s.print(doc);
        QApplication::restoreOverrideCursor();
        showMessage(m_printerMessage, ok ? done : ok.error().message, !ok);
        Q_EMIT printerJobFinished(ok.has_value(), ok ? done : ok.error().message);
        return;
    }
    runPrinterJob([s, doc] { return s.print(doc); }, done);
}

void SettingsScreen::openDrawer() {
    // In the books before the drawer opens: a no-sale that cannot be recorded (or is not
    // approved) does not happen.
    auto recorded = withApproval(m_ctx.requestApproval, [&](const std::optional<StaffMember> &a) {
        return ShiftService(*m_ctx.db).recordNoSale(user(), a, m_ctx.registerId);
    });
    if (!recorded) {
        showMessage(m_printerMessage, recorded.error().message, true);
        Q_EMIT printerJobFinished(false, m_printerMessage->text());
        return;
    }
    const printing::PrinterSettings s = printerSettings();
    runPrinterJob([s] { return s.openDrawer(); }, tr("The drawer was opened."));
}

} // namespace oasis::screens
