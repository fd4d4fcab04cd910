// SPDX-License-Identifier: GPL-3.0-or-later
#include "pos/screens/settingsscreen.h"
#include "pos/screens/storelocation.h"

#include "pos/screens/displaysettings.h"

#include "core/domain/clock.h"
#include "core/domain/tax.h"
#include "core/domain/text.h"
#include "core/services/registers.h"
#include "core/services/shift.h"
#include "core/services/store.h"
#include "pos/screens/translate.h"
#include "printing/transport.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFormLayout>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPrinterInfo>
#include <QPushButton>
#include <QRegularExpression>
#include <QScreen>
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

/// A page that scrolls when the window is small, with its content at the top.
QWidget *page(QWidget *content) {
    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    return scroll;
}

} // namespace

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
    m_tabs->addTab(page(printerPage()), tr("Printers"));
    m_tabs->addTab(page(emailPage()), tr("Email"));
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

QWidget *SettingsScreen::emailPage() {
    auto *w = new QWidget;
    m_smtpHost = edit(w, QStringLiteral("smtpHost"), tr("e.g. smtp.gmail.com"));
    m_smtpPort = new QSpinBox(w);
    m_smtpPort->setObjectName(QStringLiteral("smtpPort"));
    m_smtpPort->setRange(1, 65535);
    m_smtpPort->setMinimumHeight(kTouch);
    m_smtpPort->setMaximumWidth(160);
    m_smtpSecurity = new QComboBox(w);
    m_smtpSecurity->setObjectName(QStringLiteral("smtpSecurity"));
    m_smtpSecurity->setMinimumHeight(kTouch);
    m_smtpSecurity->addItem(tr("STARTTLS (usually port 587)"), int(SmtpSecurity::StartTls));
    m_smtpSecurity->addItem(tr("TLS (usually port 465)"), int(SmtpSecurity::Tls));
    m_smtpSecurity->addItem(tr("None (a relay on the store's own network)"),
                            int(SmtpSecurity::None));
    // The usual port goes with the security chosen, unless someone typed another.
    connect(m_smtpSecurity, &QComboBox::currentIndexChanged, this, [this] {
        const auto security = SmtpSecurity(m_smtpSecurity->currentData().toInt());
        if (m_smtpPort->value() == 587 || m_smtpPort->value() == 465 || m_smtpPort->value() == 25)
            m_smtpPort->setValue(security == SmtpSecurity::Tls    ? 465
                                 : security == SmtpSecurity::None ? 25
                                                                  : 587);
    });
    m_smtpUser = edit(w, QStringLiteral("smtpUser"), tr("Empty when the server needs no login"));
    m_smtpFrom = edit(w, QStringLiteral("smtpFrom"), tr("e.g. hello@yourspa.com"));
    m_smtpPassword = edit(w, QStringLiteral("smtpPassword"));
    m_smtpPassword->setEchoMode(QLineEdit::Password);
    auto *save = touchButton(tr("Save mail server"), QStringLiteral("saveEmail"), w);
    connect(save, &QPushButton::clicked, this, [this] { saveEmail(); });

    auto *form = new QFormLayout;
    form->addRow(tr("Mail server"), m_smtpHost);
    form->addRow(tr("Port"), m_smtpPort);
    form->addRow(tr("Security"), m_smtpSecurity);
    form->addRow(tr("Login"), m_smtpUser);
    form->addRow(tr("Password"), m_smtpPassword);
    form->addRow(tr("From address"), m_smtpFrom);
    auto *layout = new QVBoxLayout(w);
    auto *intro = new QLabel(tr("Gift cards and receipts are emailed through the store's own mail "
                                "server, from the address customers see and reply to. The "
                                "password is kept in this store's key file, never in its "
                                "settings."),
                             w);
    intro->setWordWrap(true);
    layout->addWidget(intro);
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
        m_taxClass->addItem(taxClassLabel(c), int(c));
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
    // Which register this computer is, and the series its receipts are numbered in.
    if (m_ctx.db) {
        const QString self = Store::registerId();
        if (auto all = RegisterService(*m_ctx.db).list())
            for (const RegisterInfo &r : *all)
                if (r.name == self) {
                    auto *who = new QLabel(
                        tr("This computer is register <b>%1</b>; its receipts are numbered "
                           "in series <b>%2</b> (%2-000001, %2-000002, …).")
                            .arg(r.name.toHtmlEscaped(), r.series),
                        w);
                    who->setObjectName(QStringLiteral("registerSeries"));
                    layout->addWidget(who);
                }
    }
    layout->addWidget(m_location);
    layout->addLayout(row);
    layout->addSpacing(16);
    layout->addWidget(displayBox(w));
    layout->addStretch(1);
    m_registerLayout = layout;
    return w;
}

void SettingsScreen::addRegisterSection(QWidget *section) {
    // Above the stretch that keeps the sections at the top.
    m_registerLayout->insertWidget(m_registerLayout->count() - 1, section);
}

QWidget *SettingsScreen::displayBox(QWidget *parent) {
    auto *box = new QGroupBox(tr("Customer display"), parent);
    const DisplaySettings current = DisplaySettings::load();
    m_displayScreen = new QComboBox(box);
    m_displayScreen->setObjectName(QStringLiteral("displayScreen"));
    m_displayScreen->setMinimumHeight(kTouch);
    m_displayScreen->addItem(tr("No customer display"), QString());
    const QList<QScreen *> screens = QGuiApplication::screens();
    for (int i = 0; i < screens.size(); ++i) {
        const QScreen *s = screens[i];
        const QString name =
            tr("Screen %1: %2 (%3 × %4)%5")
                .arg(i + 1)
                .arg(s->model().isEmpty() ? s->name() : s->model())
                .arg(s->geometry().width())
                .arg(s->geometry().height())
                .arg(s == QGuiApplication::primaryScreen() ? tr(", this register's screen")
                                                           : QString());
        m_displayScreen->addItem(name, screenId(s));
    }
    m_displayScreen->setCurrentIndex(std::max(0, m_displayScreen->findData(current.screen)));
    m_displayMessage = new QLineEdit(current.message, box);
    m_displayMessage->setObjectName(QStringLiteral("displayMessage"));
    m_displayMessage->setMinimumHeight(kTouch);
    m_displayMessage->setPlaceholderText(
        tr("Welcome to the store (shown while no ticket is open)"));
    auto *save = touchButton(tr("Save display"), QStringLiteral("saveDisplay"), box);
    connect(save, &QPushButton::clicked, this, [this] {
        (void)saveDisplay(m_displayScreen->currentData().toString(), m_displayMessage->text());
    });
    m_displayNote = new QLabel(box);
    markMessageLine(m_displayNote);
    m_displayNote->setWordWrap(true);
    auto *form = new QFormLayout(box);
    form->addRow(new QLabel(tr("Shows the customer each line as it is scanned, the total, the "
                               "change, what stays on a gift card and the QR of a card just "
                               "sold, full screen on a second monitor."),
                            box));
    form->addRow(tr("Screen"), m_displayScreen);
    form->addRow(tr("Idle message"), m_displayMessage);
    form->addRow(QString(), save);
    form->addRow(m_displayNote);
    return box;
}

Status SettingsScreen::saveDisplay(const QString &screen, const QString &message) {
    if (auto ok = checkText(tr("display message"), message.trimmed(), textlimit::kName,
                            Newlines::Refused);
        !ok) {
        showNotice(m_displayNote, ok.error().message, true);
        return ok;
    }
    if (!screen.isEmpty() && !screenOf(screen)) {
        Status refused = fail(ErrorCode::Invalid,
                              tr("No screen called %1 is connected to this computer.").arg(screen));
        showNotice(m_displayNote, refused.error().message, true);
        return refused;
    }
    DisplaySettings{screen, message.trimmed()}.save();
    showNotice(m_displayNote,
               screen.isEmpty() ? tr("No customer display on this computer.")
                                : tr("The customer display is on."),
               false);
    Q_EMIT displaySettingsChanged();
    return {};
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

QList<FoundPrinter> findPrinters(const QString &usbFolder) {
    QList<FoundPrinter> found;
    int number = 0;
    for (const QString &path : printing::usbReceiptPrinters(usbFolder)) {
        FoundPrinter p;
        p.kind = FoundPrinter::Kind::Usb;
        p.name = tr("USB receipt printer %1").arg(++number);
        p.detail = QDir::toNativeSeparators(path);
        auto target = printing::PrintTarget{};
        target.kind = printing::PrintTarget::Kind::Device;
        target.path = path;
        p.target = target.toString();
        found << p;
    }
    const QString defaultName = QPrinterInfo::defaultPrinterName();
    for (const QPrinterInfo &info : QPrinterInfo::availablePrinters()) {
        FoundPrinter p;
        p.kind = FoundPrinter::Kind::System;
        p.name = info.description().isEmpty() ? info.printerName() : info.description();
        p.isDefault = info.printerName() == defaultName;
        // A raw queue passes bytes through untouched: it takes ESC/POS like a USB printer.
        // A queue with a driver takes pages: receipts go through QPrinter.
        const bool raw = info.makeAndModel().contains(u"raw", Qt::CaseInsensitive);
        QStringList detail;
        detail << (info.makeAndModel().isEmpty() ? info.printerName() : info.makeAndModel());
        if (raw)
            detail << tr("receipts as printer commands (raw queue)");
        if (p.isDefault)
            detail << tr("this computer's default printer");
        p.detail = detail.join(QStringLiteral(" · "));
        p.target = raw ? QStringLiteral("lp:") + info.printerName()
                       : printing::PrinterSettings::systemTarget(info.printerName());
        found << p;
    }
    return found;
}

QString describePrinterTarget(const QString &text) {
    const QString target = text.trimmed();
    if (target.isEmpty())
        return tr("None");
    printing::PrinterSettings s;
    s.target = target;
    if (s.isSystem()) {
        const QString name = s.systemPrinterName();
        return name.isEmpty() ? tr("This computer's default printer")
                              : tr("%1 (this computer's printer)").arg(name);
    }
    auto parsed = printing::parseTarget(target);
    if (!parsed)
        return target;
    using Kind = printing::PrintTarget::Kind;
    switch (parsed->kind) {
    case Kind::Tcp:
        return tr("Network printer at %1").arg(parsed->toString().mid(4)); // after "tcp:"
    case Kind::Device:
        return tr("USB receipt printer at %1").arg(QDir::toNativeSeparators(parsed->path));
    case Kind::Lp:
        return tr("Printer queue %1 (raw)").arg(parsed->queue);
    case Kind::File:
    case Kind::Pdf:
    case Kind::Png:
    case Kind::Text:
        return tr("The file %1").arg(QDir::toNativeSeparators(parsed->path));
    }
    return target;
}

QWidget *SettingsScreen::printerPage() {
    auto *w = new QWidget;
    m_usbFolder = printing::kUsbPrinterFolder;

    // What this register prints on now.
    m_current = new QLabel(w);
    m_current->setObjectName(QStringLiteral("printerCurrent"));
    m_current->setWordWrap(true);
    m_current->setStyleSheet(QStringLiteral("font-size: 15px;"));
    m_stopUsing = touchButton(tr("Stop using it"), QStringLiteral("stopUsingPrinter"), w);
    connect(m_stopUsing, &QPushButton::clicked, this, [this] { usePrinter(QString()); });
    auto *currentRow = new QHBoxLayout;
    currentRow->addWidget(m_current, 1);
    currentRow->addWidget(m_stopUsing);

    // What was found on this computer.
    auto *found = new QGroupBox(tr("Printers found on this computer"), w);
    m_foundList = new QWidget(found);
    m_foundList->setObjectName(QStringLiteral("printersFound"));
    new QVBoxLayout(m_foundList);
    m_foundList->layout()->setContentsMargins(0, 0, 0, 0);
    auto *refresh = touchButton(tr("Refresh"), QStringLiteral("refreshPrinters"), found);
    connect(refresh, &QPushButton::clicked, this, &SettingsScreen::refreshPrinters);
    auto *foundLayout = new QVBoxLayout(found);
    foundLayout->addWidget(m_foundList);
    auto *refreshRow = new QHBoxLayout;
    refreshRow->addStretch();
    refreshRow->addWidget(refresh);
    foundLayout->addLayout(refreshRow);

    // A network printer, by address.
    auto *network = new QGroupBox(tr("Network printer"), w);
    m_networkAddress = edit(network, QStringLiteral("networkAddress"), tr("e.g. 192.168.1.50"));
    m_networkPort = edit(network, QStringLiteral("networkPort"));
    m_networkPort->setText(QStringLiteral("9100"));
    m_networkAddress->setMaximumWidth(360);
    m_networkPort->setMaximumWidth(110);
    m_networkPort->setMaxLength(5);
    auto *testNetwork =
        touchButton(tr("Test print"), QStringLiteral("testNetworkPrinter"), network);
    auto *useNetwork =
        touchButton(tr("Use this printer"), QStringLiteral("useNetworkPrinter"), network);
    testNetwork->setProperty("printerJob", true);
    connect(testNetwork, &QPushButton::clicked, this, &SettingsScreen::testNetworkPrinter);
    connect(useNetwork, &QPushButton::clicked, this, [this] { useNetworkPrinter(); });
    auto *networkRow = new QHBoxLayout;
    networkRow->addWidget(new QLabel(tr("Address"), network));
    networkRow->addWidget(m_networkAddress, 2);
    networkRow->addWidget(new QLabel(tr("Port"), network));
    networkRow->addWidget(m_networkPort);
    networkRow->addStretch(1);
    networkRow->addWidget(testNetwork);
    networkRow->addWidget(useNetwork);
    auto *networkHelp = new QLabel(tr("A network receipt printer prints its address when you "
                                      "hold its feed button while switching it on."),
                                   network);
    networkHelp->setWordWrap(true);
    networkHelp->setStyleSheet(QStringLiteral("color: #555;"));
    auto *networkLayout = new QVBoxLayout(network);
    networkLayout->addLayout(networkRow);
    networkLayout->addWidget(networkHelp);

    // How receipts are laid out on it.
    auto *options = new QGroupBox(tr("Receipts"), w);
    m_paper = new QComboBox(options);
    m_paper->setObjectName(QStringLiteral("printerPaper"));
    m_paper->addItem(tr("80 mm (48 characters)"), int(printing::PaperWidth::Mm80));
    m_paper->addItem(tr("58 mm (32 characters)"), int(printing::PaperWidth::Mm58));
    m_qr = new QComboBox(options);
    m_qr->setObjectName(QStringLiteral("printerQr"));
    m_qr->addItem(tr("Image (works on every printer)"), int(printing::QrMode::Raster));
    m_qr->addItem(tr("Printer's own QR codes"), int(printing::QrMode::Native));
    for (QComboBox *c : {m_paper, m_qr})
        c->setMinimumHeight(kTouch);
    m_drawer = new QCheckBox(tr("A cash drawer is connected to the printer"), options);
    m_drawer->setObjectName(QStringLiteral("printerDrawer"));
    m_drawer->setMinimumHeight(kTouch);
    auto *save = touchButton(tr("Save"), QStringLiteral("savePrinter"), options);
    m_openDrawer = touchButton(tr("Open drawer (no sale)"), QStringLiteral("openDrawer"), options);
    m_openDrawer->setProperty("printerJob", true);
    connect(save, &QPushButton::clicked, this, [this] { savePrinter(); });
    connect(m_openDrawer, &QPushButton::clicked, this, &SettingsScreen::openDrawer);
    auto *optionsRow = new QHBoxLayout(options);
    optionsRow->addWidget(new QLabel(tr("Paper"), options));
    optionsRow->addWidget(m_paper);
    optionsRow->addWidget(new QLabel(tr("QR codes"), options));
    optionsRow->addWidget(m_qr);
    optionsRow->addWidget(m_drawer);
    optionsRow->addStretch();
    optionsRow->addWidget(save);
    optionsRow->addWidget(m_openDrawer);

    m_printerMessage = new QLabel(w);
    m_printerMessage->setObjectName(QStringLiteral("printerMessage"));
    markMessageLine(m_printerMessage);
    m_printerMessage->setWordWrap(true);
    m_printerMessage->setMinimumHeight(36);
    m_printerMessage->hide();

    auto *layout = new QVBoxLayout(w);
    layout->addLayout(currentRow);
    layout->addWidget(m_printerMessage);
    layout->addWidget(found);
    layout->addWidget(network);
    layout->addWidget(options);
    layout->addStretch();
    refreshPrinters();
    return w;
}

QWidget *SettingsScreen::printerRow(const QString &name, const QString &detail,
                                    const QString &target, QWidget *parent) {
    auto *row = new QWidget(parent);
    row->setObjectName(QStringLiteral("printerRow"));
    row->setProperty("target", target);
    auto *title = new QLabel(QStringLiteral("<b>%1</b>").arg(name.toHtmlEscaped()), row);
    auto *sub = new QLabel(detail, row);
    sub->setStyleSheet(QStringLiteral("color: #555;"));
    auto *text = new QVBoxLayout;
    text->setSpacing(2);
    text->addWidget(title);
    text->addWidget(sub);
    auto *test = touchButton(tr("Test print"), QStringLiteral("testPrinter"), row);
    auto *use = touchButton(tr("Use this printer"), QStringLiteral("usePrinter"), row);
    test->setProperty("printerJob", true);
    for (QPushButton *b : {test, use})
        b->setProperty("target", target);
    connect(test, &QPushButton::clicked, this, [this, target] { testPrint(target); });
    connect(use, &QPushButton::clicked, this, [this, target] { usePrinter(target); });
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 4, 0, 4);
    layout->addLayout(text, 1);
    layout->addWidget(test);
    layout->addWidget(use);
    return row;
}

void SettingsScreen::setUsbFolder(const QString &folder) {
    m_usbFolder = folder;
    refreshPrinters();
}

void SettingsScreen::refreshPrinters() {
    m_found = findPrinters(m_usbFolder);
    QLayout *list = m_foundList->layout();
    while (QLayoutItem *item = list->takeAt(0)) {
        if (QWidget *old = item->widget()) {
            old->setParent(nullptr); // gone from the list now, deleted once its click is done
            old->deleteLater();
        }
        delete item;
    }
    if (m_found.isEmpty()) {
        auto *none = new QLabel(
            tr("No printer found. Plug a receipt printer into a USB port, switch it on and press "
               "Refresh, or type a network printer's address below."),
            m_foundList);
        none->setObjectName(QStringLiteral("noPrinterFound"));
        none->setWordWrap(true);
        list->addWidget(none);
    }
    for (const FoundPrinter &p : m_found)
        list->addWidget(printerRow(p.name, p.detail, p.target, m_foundList));
    setPrinterButtonsEnabled(m_job == nullptr);
    showCurrentPrinter();
}

void SettingsScreen::showCurrentPrinter() {
    if (m_target.isEmpty())
        m_current->setText(tr("<b>No receipt printer is set up on this register.</b> Receipts "
                              "can still go to this computer's printer or be saved as PDF. "
                              "Choose a printer below."));
    else
        m_current->setText(tr("This register prints receipts on: <b>%1</b>")
                               .arg(describePrinterTarget(m_target).toHtmlEscaped()));
    m_stopUsing->setVisible(!m_target.isEmpty());
    for (QWidget *row : m_foundList->findChildren<QWidget *>(QStringLiteral("printerRow"))) {
        auto *use = row->findChild<QPushButton *>(QStringLiteral("usePrinter"));
        const bool inUse = row->property("target").toString() == m_target;
        use->setText(inUse ? tr("In use") : tr("Use this printer"));
        use->setEnabled(!inUse);
    }
}

void SettingsScreen::setPrinterButtonsEnabled(bool enabled) {
    for (QPushButton *b : findChildren<QPushButton *>())
        if (b->property("printerJob").toBool())
            b->setEnabled(enabled);
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

    const SmtpSettings smtp = settings.smtp();
    m_smtpHost->setText(smtp.host);
    m_smtpSecurity->setCurrentIndex(m_smtpSecurity->findData(int(smtp.security)));
    m_smtpPort->setValue(smtp.port);
    m_smtpUser->setText(smtp.user);
    m_smtpFrom->setText(smtp.from);
    m_smtpPassword->clear();
    m_smtpPassword->setPlaceholderText(
        settings.smtpPasswordKept() ? tr("Kept (type a new one to change it)") : tr("None kept"));

    QStringList presets;
    for (const Money &m : settings.giftCardPresets())
        presets << m.toString();
    m_presets->setText(presets.join(QStringLiteral(", ")));
    m_minimum->setText(settings.giftCardMinimum().toString());
    m_maximum->setText(settings.giftCardMaximum().toString());
    m_threshold->setText(percentText(settings.discountThresholdPpm()));
    m_idleMinutes->setValue(settings.idleLockMinutes());

    const printing::PrinterSettings printer = printing::PrinterSettings::load();
    m_target = printer.target.trimmed();
    showCurrentPrinter();
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
        auto *cls = new QTableWidgetItem(taxClassLabel(r.taxClass));
        auto *rate = new QTableWidgetItem(percentText(r.ppm) + QStringLiteral(" %"));
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

Status SettingsScreen::saveEmail() {
    SmtpSettings smtp;
    smtp.host = m_smtpHost->text().trimmed();
    smtp.port = m_smtpPort->value();
    smtp.security = SmtpSecurity(m_smtpSecurity->currentData().toInt());
    smtp.user = m_smtpUser->text().trimmed();
    smtp.from = m_smtpFrom->text().trimmed();
    // Checked whole before anyone is asked to approve: a typo changes nothing.
    if (auto ok = StoreSettings::checkSmtp(smtp); !ok)
        return report(ok, {});
    const QString password = m_smtpPassword->text();
    auto ok = withApproval(m_ctx.requestApproval, [&](const std::optional<StaffMember> &a) {
        StoreSettings settings(*m_ctx.db);
        if (auto saved = settings.setSmtp(smtp, user(), a); !saved)
            return saved;
        return password.isEmpty() ? Status() : settings.saveSmtpPassword(password, user(), a);
    });
    if (ok)
        load();
    return report(
        ok, tr("Mail server saved: gift cards and receipts are emailed from %1.").arg(smtp.from));
}

Status SettingsScreen::addTaxRate() {
    auto ppm = parsePercent(m_taxRate->text());
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
                          .arg(taxClassLabel(rate.taxClass),
                               percentText(rate.ppm) + QStringLiteral(" %"),
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
    auto threshold = parsePercent(m_threshold->text());
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
    s.target = m_target;
    s.paper = printing::PaperWidth(m_paper->currentData().toInt());
    s.qrMode = printing::QrMode(m_qr->currentData().toInt());
    s.drawer = m_drawer->isChecked();
    return s;
}

Status SettingsScreen::usePrinter(const QString &target) {
    printing::PrinterSettings s = printerSettings();
    s.target = target.trimmed();
    if (s.isConfigured() && !s.isSystem()) {
        if (auto parsed = printing::parseTarget(s.target); !parsed) {
            showMessage(m_printerMessage, parsed.error().message, true);
            return std::unexpected(parsed.error());
        }
    }
    auto saved = withApproval(m_ctx.requestApproval, [&](const std::optional<StaffMember> &a) {
        return m_ctx.db ? s.save(*m_ctx.db, user(), a)
                        : fail(ErrorCode::System, tr("No store is open."));
    });
    if (!saved) {
        showMessage(m_printerMessage, saved.error().message, true);
        return saved;
    }
    m_target = s.target;
    showCurrentPrinter();
    showMessage(
        m_printerMessage,
        m_target.isEmpty()
            ? tr("This register has no receipt printer now.")
            : tr("This register now prints receipts on %1.").arg(describePrinterTarget(m_target)),
        false);
    Q_EMIT printerSettingsChanged();
    return saved;
}

Status SettingsScreen::savePrinter() {
    auto saved = usePrinter(m_target);
    if (saved)
        showMessage(m_printerMessage, tr("Printer settings saved for this register."), false);
    return saved;
}

Result<QString> SettingsScreen::networkTarget() const {
    auto target = printing::networkPrinter(m_networkAddress->text(), m_networkPort->text());
    if (!target)
        return std::unexpected(target.error());
    return target->toString();
}

Status SettingsScreen::useNetworkPrinter() {
    auto target = networkTarget();
    if (!target) {
        showMessage(m_printerMessage, target.error().message, true);
        return std::unexpected(target.error());
    }
    return usePrinter(*target);
}

void SettingsScreen::testNetworkPrinter() {
    auto target = networkTarget();
    if (!target) {
        showMessage(m_printerMessage, target.error().message, true);
        Q_EMIT printerJobFinished(false, target.error().message);
        return;
    }
    testPrint(*target);
}

void SettingsScreen::runPrinterJob(std::function<Status()> job, const QString &done) {
    if (m_job)
        return; // one job at a time; the buttons are disabled meanwhile
    auto result = std::make_shared<Status>();
    m_job = QThread::create([job = std::move(job), result] { *result = job(); });
    setPrinterButtonsEnabled(false);
    showMessage(m_printerMessage, tr("Sending to the printer…"), false);
    connect(m_job, &QThread::finished, this, [this, result, done] {
        m_job->deleteLater();
        m_job = nullptr;
        setPrinterButtonsEnabled(true);
        const bool ok = result->has_value();
        const QString text = ok ? done : result->error().message;
        showMessage(m_printerMessage, text, !ok);
        Q_EMIT printerJobFinished(ok, text);
    });
    m_job->start();
}

void SettingsScreen::testPrint(const QString &target) {
    printing::PrinterSettings s = printerSettings();
    if (!target.isEmpty())
        s.target = target;
    if (!s.isConfigured()) {
        const QString text = tr("Choose a printer to test first.");
        showMessage(m_printerMessage, text, true);
        Q_EMIT printerJobFinished(false, text);
        return;
    }
    const StoreInfo info = StoreSettings(*m_ctx.db).storeInfo();
    const auto doc = printing::PrinterSettings::testReceipt(
        printing::StoreHeader{info.name, info.addressLines, info.phone}, info.timeZone);
    const QString done =
        tr("The test receipt was sent to %1.").arg(describePrinterTarget(s.target));
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
