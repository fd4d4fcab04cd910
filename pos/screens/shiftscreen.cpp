// SPDX-License-Identifier: GPL-3.0-or-later
#include "pos/screens/shiftscreen.h"

#include "pos/screens/printchoice.h"

#include "core/domain/clock.h"
#include "core/services/storesettings.h"
#include "pos/screens/reportsscreen.h"
#include "printing/printersettings.h"
#include "printing/shiftsummary.h"
#include "printing/systemprinter.h"
#include "printing/transport.h"

#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QIntValidator>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPrinter>
#include <QPushButton>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStyle>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTimer>
#include <QVBoxLayout>

namespace oasis::screens {

namespace {
// The screen carries its own sizes and colours, so it reads the same under the app's style
// sheet and alone (tests, screenshots). Fields and keys are at least 44 px: a fingertip.
const QString kStyle = QStringLiteral(R"(
QLabel#shiftStatus { font-size: 20px; font-weight: 600; color: #24524e; }
QLabel#shiftFigures { font-size: 14px; color: #4e5b59; }
QLabel#countHeader { font-size: 13px; font-weight: 600; color: #6b6a63; }
QLabel#denomination { font-size: 20px; font-weight: 600; }
QLabel#denominationAmount { font-size: 16px; color: #4e5b59; }
QLineEdit[countField="true"] {
    min-height: 48px; font-size: 22px; padding: 0 10px; border: 1px solid #cfc8bc;
    border-radius: 8px; background: white;
}
QLineEdit[countField="true"][active="true"] { border: 3px solid #2f6f6a; background: #eef6f4; }
QWidget#drawerPanel { background: white; border: 1px solid #ddd6ca; border-radius: 10px; }
QLabel#drawerCaption { font-size: 14px; color: #6b6a63; }
QLabel#expectedAmount { font-size: 20px; font-weight: 600; }
QLabel#countedTotal { font-size: 38px; font-weight: 700; color: #24524e; }
QLabel#overShort { font-size: 38px; font-weight: 700; color: #8a877f; }
QLabel#overShort[state="exact"] { color: #2e7d32; }
QLabel#overShort[state="over"] { color: #b26a00; }
QLabel#overShort[state="short"] { color: #b3261e; }
QPushButton#padKey, QPushButton#padKeySecondary {
    font-size: 24px; min-height: 56px; min-width: 64px; border: 1px solid #cfc8bc;
    border-radius: 8px; background: white;
}
QPushButton#padKeySecondary { font-size: 17px; color: #4e5b59; background: #f8f6f2; }
QPushButton#padKey:pressed, QPushButton#padKeySecondary:pressed { background: #d6ebe7; }
QPushButton#shiftAction {
    font-size: 19px; font-weight: 600; min-height: 60px; border-radius: 8px;
    background: #2f6f6a; color: white; border: 1px solid #265c58;
}
QPushButton#shiftAction:disabled { background: #b9cfcc; border-color: #b9cfcc; color: #eef3f2; }
QPushButton#cashButton, QPushButton#summaryButton { font-size: 16px; min-height: 48px; padding: 0 16px; }
QLineEdit#cashField { min-height: 44px; font-size: 17px; padding: 0 10px; }
QLabel#summaryHeadline { font-size: 26px; font-weight: 700; color: #24524e; }
QLabel#summaryHeadline[state="over"] { color: #b26a00; }
QLabel#summaryHeadline[state="short"] { color: #b3261e; }
QLabel#summaryHeadline[state="exact"] { color: #2e7d32; }
QTextBrowser#shiftSummary { background: white; border: 1px solid #ddd6ca; border-radius: 10px; }
)");

/// Sets a property the style sheet reads, and has the widget drawn again with it.
void setStyleState(QWidget *w, const char *name, const QVariant &value) {
    if (w->property(name) == value)
        return;
    w->setProperty(name, value);
    w->style()->unpolish(w);
    w->style()->polish(w);
}

QLabel *label(const QString &text, const QString &objectName, QWidget *parent) {
    auto *l = new QLabel(text, parent);
    l->setObjectName(objectName);
    return l;
}

QString overShortText(Money diff) {
    return diff.isZero()       ? ShiftScreen::tr("Exact")
           : diff.isNegative() ? ShiftScreen::tr("Short %1").arg((-diff).format())
                               : ShiftScreen::tr("Over %1").arg(diff.format());
}

QString overShortState(Money diff) {
    return diff.isZero()       ? QStringLiteral("exact")
           : diff.isNegative() ? QStringLiteral("short")
                               : QStringLiteral("over");
}
} // namespace

ShiftScreen::ShiftScreen(const ScreenContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context) {
    setStyleSheet(kStyle);
    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(8);
    m_status = label({}, QStringLiteral("shiftStatus"), this);
    m_figures = label({}, QStringLiteral("shiftFigures"), this);
    m_figures->setWordWrap(true);
    layout->addWidget(m_status);
    layout->addWidget(m_figures);

    m_pages = new QStackedWidget(this);
    m_pages->addWidget(buildCountPage());
    m_pages->addWidget(buildSummaryPage());
    layout->addWidget(m_pages, 1);

    m_message = new QLabel(this);
    markMessageLine(m_message);
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    refresh();
}

QWidget *ShiftScreen::buildCountPage() {
    auto *page = new QWidget(m_pages);
    auto *columns = new QHBoxLayout(page);
    columns->setContentsMargins(0, 0, 0, 0);
    columns->setSpacing(24);

    // Left: every note and coin on one page, notes beside coins, each with its field and value.
    auto *left = new QVBoxLayout;
    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(10);
    grid->setVerticalSpacing(8);
    grid->addWidget(label(tr("NOTES"), QStringLiteral("countHeader"), page), 0, 0, 1, 3);
    grid->addWidget(label(tr("COINS"), QStringLiteral("countHeader"), page), 0, 4, 1, 3);
    grid->setColumnMinimumWidth(3, 28);
    int notes = 0;
    int coins = 0;
    for (qint64 cents : ShiftService::denominations()) {
        const bool note = cents >= 100;
        const int row = 1 + (note ? notes++ : coins++);
        const int col = note ? 0 : 4;
        auto *name = label(printing::denominationText(cents), QStringLiteral("denomination"), page);
        name->setMinimumWidth(56);
        name->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        auto *field = new QLineEdit(page);
        field->setObjectName(QStringLiteral("count_%1").arg(cents));
        field->setProperty("countField", true);
        field->setAccessibleName(tr("Number of %1").arg(printing::denominationText(cents)));
        field->setPlaceholderText(QStringLiteral("0"));
        field->setValidator(new QIntValidator(0, 9999, field));
        field->setMaxLength(4);
        field->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        field->setMinimumHeight(48);
        field->setFixedWidth(110);
        field->installEventFilter(this);
        auto *amount = label(Money().format(), QStringLiteral("denominationAmount"), page);
        amount->setMinimumWidth(100);
        amount->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        grid->addWidget(name, row, col);
        grid->addWidget(field, row, col + 1);
        grid->addWidget(amount, row, col + 2);
        connect(field, &QLineEdit::textChanged, this, &ShiftScreen::updateTotals);
        // Enter moves on to the next note or coin, as the drawer is counted.
        connect(field, &QLineEdit::returnPressed, this,
                [this] { typeOnPad(QStringLiteral("next")); });
        m_rows.push_back({cents, field, amount});
    }
    left->addLayout(grid);
    left->addStretch(1);

    // Pay-ins and pay-outs: one line under the count.
    auto *cash = new QHBoxLayout;
    cash->setSpacing(8);
    m_amount = new QLineEdit(page);
    m_amount->setObjectName(QStringLiteral("cashField"));
    m_amount->setPlaceholderText(tr("Amount"));
    m_amount->setMaximumWidth(140);
    m_reason = new QLineEdit(page);
    m_reason->setObjectName(QStringLiteral("cashField"));
    m_reason->setPlaceholderText(tr("Reason (tip paid out to Lena…)"));
    m_payIn = new QPushButton(tr("Pay in"), page);
    m_payOut = new QPushButton(tr("Pay out"), page);
    for (QPushButton *b : {m_payIn, m_payOut})
        b->setObjectName(QStringLiteral("cashButton"));
    cash->addWidget(label(tr("Cash in or out"), QStringLiteral("drawerCaption"), page));
    cash->addWidget(m_amount);
    cash->addWidget(m_reason, 1);
    cash->addWidget(m_payIn);
    cash->addWidget(m_payOut);
    left->addLayout(cash);
    columns->addLayout(left, 3);

    // Right: the figures in large type, the number pad and the one action.
    auto *panel = new QWidget(page);
    panel->setObjectName(QStringLiteral("drawerPanel"));
    panel->setAttribute(Qt::WA_StyledBackground);
    panel->setMaximumWidth(520);
    auto *right = new QVBoxLayout(panel);
    right->setContentsMargins(16, 12, 16, 16);
    right->setSpacing(8);
    auto *expectedRow = new QHBoxLayout;
    m_expectedCaption = label(tr("Expected in drawer"), QStringLiteral("drawerCaption"), panel);
    m_expected = label({}, QStringLiteral("expectedAmount"), panel);
    expectedRow->addWidget(m_expectedCaption);
    expectedRow->addStretch(1);
    expectedRow->addWidget(m_expected);
    right->addLayout(expectedRow);
    auto *figures = new QGridLayout;
    figures->setVerticalSpacing(0);
    m_countedCaption = label({}, QStringLiteral("drawerCaption"), panel);
    m_counted = label({}, QStringLiteral("countedTotal"), panel);
    m_overShortCaption = label(tr("Over / short"), QStringLiteral("drawerCaption"), panel);
    m_overShort = label({}, QStringLiteral("overShort"), panel);
    m_overShortCaption->setAlignment(Qt::AlignRight);
    m_overShort->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    figures->addWidget(m_countedCaption, 0, 0);
    figures->addWidget(m_counted, 1, 0);
    figures->addWidget(m_overShortCaption, 0, 1);
    figures->addWidget(m_overShort, 1, 1);
    right->addLayout(figures);

    // The number pad types into the field last tapped; its keys never take the focus.
    auto *pad = new QGridLayout;
    pad->setSpacing(8);
    auto key = [this, panel](const QString &text, const QString &what, bool secondary = false) {
        auto *b = new QPushButton(text, panel);
        b->setObjectName(secondary ? QStringLiteral("padKeySecondary") : QStringLiteral("padKey"));
        b->setProperty("padKey", what);
        b->setFocusPolicy(Qt::NoFocus);
        b->setAutoDefault(false);
        b->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
        connect(b, &QPushButton::clicked, this, [this, what] { typeOnPad(what); });
        return b;
    };
    for (int d = 1; d <= 9; ++d)
        pad->addWidget(key(QString::number(d), QString::number(d)), 2 - (d - 1) / 3, (d - 1) % 3);
    pad->addWidget(key(QStringLiteral("0"), QStringLiteral("0")), 3, 0, 1, 3);
    pad->addWidget(key(QStringLiteral("⌫"), QStringLiteral("back"), true), 0, 3);
    pad->addWidget(key(tr("Clear"), QStringLiteral("clear"), true), 1, 3);
    pad->addWidget(key(tr("Next"), QStringLiteral("next"), true), 2, 3, 2, 1);
    right->addLayout(pad, 1);

    m_open = new QPushButton(page);
    m_close = new QPushButton(page);
    for (QPushButton *b : {m_open, m_close}) {
        b->setObjectName(QStringLiteral("shiftAction"));
        b->setAutoDefault(false);
        right->addWidget(b);
    }
    columns->addWidget(panel, 2);

    connect(m_open, &QPushButton::clicked, this, &ShiftScreen::openShift);
    connect(m_close, &QPushButton::clicked, this, &ShiftScreen::closeShift);
    connect(m_payIn, &QPushButton::clicked, this, [this] { moveCash(true); });
    connect(m_payOut, &QPushButton::clicked, this, [this] { moveCash(false); });
    setActiveField(m_rows.front().field);
    return page;
}

QWidget *ShiftScreen::buildSummaryPage() {
    auto *page = new QWidget(m_pages);
    auto *layout = new QHBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(24);
    auto *left = new QVBoxLayout;
    m_summaryHeadline = label({}, QStringLiteral("summaryHeadline"), page);
    left->addWidget(m_summaryHeadline);
    // The summary as it prints, to read through before printing it.
    m_summary = new QTextBrowser(page);
    m_summary->setObjectName(QStringLiteral("shiftSummary"));
    left->addWidget(m_summary, 1);
    layout->addLayout(left, 3);

    // The three figures that matter in large type, then what to do with the summary.
    auto *panel = new QWidget(page);
    panel->setObjectName(QStringLiteral("drawerPanel"));
    panel->setAttribute(Qt::WA_StyledBackground);
    auto *right = new QVBoxLayout(panel);
    right->setContentsMargins(16, 12, 16, 16);
    right->setSpacing(4);
    auto figure = [panel, right](const QString &caption, const QString &style) {
        right->addWidget(label(caption, QStringLiteral("drawerCaption"), panel));
        auto *value = label({}, style, panel);
        right->addWidget(value);
        right->addSpacing(6);
        return value;
    };
    m_summaryExpected = figure(tr("Expected in drawer"), QStringLiteral("expectedAmount"));
    m_summaryCounted = figure(tr("Counted"), QStringLiteral("countedTotal"));
    m_summaryOverShort = figure(tr("Over / short"), QStringLiteral("overShort"));
    right->addStretch(1);
    auto *print = new QPushButton(tr("Print summary"), panel);
    print->setObjectName(QStringLiteral("shiftAction"));
    print->setProperty("action", QStringLiteral("print"));
    auto *pdf = new QPushButton(tr("Save as PDF…"), panel);
    pdf->setObjectName(QStringLiteral("summaryButton"));
    pdf->setProperty("action", QStringLiteral("pdf"));
    auto *next = new QPushButton(tr("Count a float for the next shift"), panel);
    next->setObjectName(QStringLiteral("summaryButton"));
    next->setProperty("action", QStringLiteral("next"));
    right->addWidget(print);
    right->addSpacing(4);
    right->addWidget(pdf);
    right->addSpacing(24);
    right->addWidget(next);
    layout->addWidget(panel, 1);
    connect(print, &QPushButton::clicked, this, &ShiftScreen::printSummary);
    connect(pdf, &QPushButton::clicked, this, &ShiftScreen::saveSummaryPdf);
    connect(next, &QPushButton::clicked, this, &ShiftScreen::newShift);
    return page;
}

bool ShiftScreen::eventFilter(QObject *watched, QEvent *event) {
    if (event->type() == QEvent::FocusIn) {
        if (auto *field = qobject_cast<QLineEdit *>(watched)) {
            setActiveField(field);
            // A tap on a counted field replaces its count rather than adding digits to it.
            QTimer::singleShot(0, field, &QLineEdit::selectAll);
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ShiftScreen::setActiveField(QLineEdit *field) {
    if (m_active && m_active != field)
        setStyleState(m_active, "active", false);
    m_active = field;
    setStyleState(field, "active", true);
}

void ShiftScreen::typeOnPad(const QString &key) {
    if (!m_active)
        setActiveField(m_rows.front().field);
    QLineEdit *field = m_active;
    if (key == QLatin1String("next")) {
        auto it = std::find_if(m_rows.begin(), m_rows.end(),
                               [field](const CountRow &r) { return r.field == field; });
        QLineEdit *next =
            (it == m_rows.end() || it + 1 == m_rows.end()) ? m_rows.front().field : (it + 1)->field;
        next->setFocus(Qt::TabFocusReason);
        setActiveField(next);
        next->selectAll();
    } else if (key == QLatin1String("clear")) {
        field->clear();
    } else if (key == QLatin1String("back")) {
        field->backspace();
    } else {
        field->insert(key); // the validator keeps it to a count of at most 9999
    }
}

DrawerCount ShiftScreen::count() const {
    DrawerCount counts;
    for (const CountRow &r : m_rows)
        if (!r.field->text().isEmpty())
            counts[r.cents] = r.field->text().toLongLong();
    return counts;
}

bool ShiftScreen::hasCount() const {
    return std::any_of(m_rows.begin(), m_rows.end(),
                       [](const CountRow &r) { return !r.field->text().isEmpty(); });
}

QLineEdit *ShiftScreen::countField(qint64 cents) const {
    for (const CountRow &r : m_rows)
        if (r.cents == cents)
            return r.field;
    return nullptr;
}

Money ShiftScreen::countedTotal() const {
    auto total = ShiftService::countDrawer(count());
    return total ? *total : Money();
}

void ShiftScreen::clearCount() {
    for (const CountRow &r : m_rows)
        r.field->clear();
    setActiveField(m_rows.front().field);
}

void ShiftScreen::updateTotals() {
    for (const CountRow &r : m_rows)
        r.amount->setText((Money::fromCents(r.cents) * r.field->text().toLongLong()).format());
    const Money counted = countedTotal();
    m_counted->setText(counted.format());
    m_expectedCaption->setVisible(m_isOpen);
    m_expected->setVisible(m_isOpen);
    m_overShortCaption->setVisible(m_isOpen);
    m_overShort->setVisible(m_isOpen);
    m_open->setVisible(!m_isOpen);
    m_close->setVisible(m_isOpen);
    if (!m_isOpen) {
        m_countedCaption->setText(tr("Float"));
        m_open->setText(tr("Open shift with a float of %1").arg(counted.format()));
        return;
    }
    m_countedCaption->setText(tr("Counted"));
    m_expected->setText(m_expectedAmount.format());
    m_close->setText(tr("Close shift with %1 counted").arg(counted.format()));
    // Nothing is short before anything was counted.
    if (!hasCount()) {
        m_overShort->setText(QStringLiteral("—"));
        setStyleState(m_overShort, "state", QStringLiteral("none"));
        return;
    }
    const Money diff = counted - m_expectedAmount;
    m_overShort->setText(overShortText(diff));
    setStyleState(m_overShort, "state", overShortState(diff));
}

void ShiftScreen::refresh() {
    ShiftService shifts(*m_context.db);
    auto summary = shifts.summary(m_context.registerId);
    m_isOpen = summary.has_value();
    const QTimeZone zone = StoreSettings(*m_context.db).timeZone();
    if (m_isOpen) {
        m_expectedAmount = summary->expected;
        m_status->setText(
            tr("Shift %1 open since %2, by %3")
                .arg(summary->shift.id)
                .arg(storeTimeText(summary->shift.openedAt, zone), summary->shift.openedByShown));
        m_figures->setText(tr("Float %1 · cash sales %2 · cash refunds %3 · pay-ins %4 · "
                              "pay-outs %5 · sales on this shift: %6")
                               .arg(summary->openingFloat.format(), summary->cashSales.format(),
                                    summary->cashRefunds.format(), summary->payIns.format(),
                                    summary->payOuts.format())
                               .arg(summary->salesCount));
        // A shift opened elsewhere (another login, oasisctl) is counted here, not summarised.
        if (m_pages->currentIndex() != 0)
            newShift();
    } else {
        m_expectedAmount = Money();
        if (summary.error().code == ErrorCode::NotFound) {
            m_status->setText(tr("No shift is open on this register"));
            m_figures->setText(tr("Count the float in the drawer, then open a shift."));
        } else {
            m_status->setText(tr("The drawer cannot be read"));
            m_figures->setText(summary.error().message);
        }
    }
    m_payIn->setEnabled(m_isOpen);
    m_payOut->setEnabled(m_isOpen);
    m_amount->setEnabled(m_isOpen);
    m_reason->setEnabled(m_isOpen);
    updateTotals();
    const qint64 before = std::exchange(m_shownShift, m_isOpen ? summary->shift.id : 0);
    if (before != -1 && before != m_shownShift)
        Q_EMIT shiftChanged();
}

void ShiftScreen::showEvent(QShowEvent *event) {
    QWidget::showEvent(event);
    refresh();
}

void ShiftScreen::showMessage(const QString &message, bool error) {
    showNotice(m_message, message, error);
}

void ShiftScreen::openShift() {
    const Money counted = countedTotal();
    auto opened =
        ShiftService(*m_context.db).open(counted, m_context.currentUser(), m_context.registerId);
    if (!opened)
        return showMessage(opened.error().message, true);
    showMessage(tr("Shift %1 opened with a float of %2.").arg(opened->id).arg(counted.format()),
                false);
    clearCount();
    refresh(); // says shiftChanged
}

void ShiftScreen::moveCash(bool payIn) {
    auto amount = Money::parse(m_amount->text());
    if (!amount)
        return showMessage(amount.error().message, true);
    ShiftService shifts(*m_context.db);
    bool cancelled = false;
    // Core says whether this needs a manager; the prompt asks for exactly that approval.
    auto moved = withApproval(
        m_context.requestApproval,
        [&](const std::optional<StaffMember> &approver) {
            return payIn ? shifts.payIn(*amount, m_reason->text(), m_context.currentUser(),
                                        approver, m_context.registerId)
                         : shifts.payOut(*amount, m_reason->text(), m_context.currentUser(),
                                         approver, m_context.registerId);
        },
        &cancelled);
    if (!moved)
        return cancelled ? void() : showMessage(moved.error().message, true);
    showMessage((payIn ? tr("Paid in %1: %2.") : tr("Paid out %1: %2."))
                    .arg(moved->amount.format(), moved->reason),
                false);
    m_amount->clear();
    m_reason->clear();
    refresh();
}

void ShiftScreen::closeShift() {
    if (!hasCount())
        return showMessage(tr("Count the drawer first: enter how many of each note and coin "
                              "there are (0 where there are none)."),
                           true);
    const Money counted = countedTotal();
    const Money diff = counted - m_expectedAmount;
    if (QMessageBox::question(this, tr("Close the shift"),
                              tr("Close the shift with %1 counted?\n\nExpected %2: %3.\n\nThe "
                                 "count cannot be changed afterwards.")
                                  .arg(counted.format(), m_expectedAmount.format(),
                                       overShortText(diff).toLower())) != QMessageBox::Yes)
        return;
    ShiftService shifts(*m_context.db);
    bool cancelled = false;
    auto closed = withApproval(
        m_context.requestApproval,
        [&](const std::optional<StaffMember> &approver) {
            return shifts.closeWithCount(count(), m_context.currentUser(), approver,
                                         m_context.registerId);
        },
        &cancelled);
    if (!closed)
        return cancelled ? void() : showMessage(closed.error().message, true);
    showMessage({}, false);
    clearCount();
    refresh(); // says shiftChanged
    showSummary(*closed);
}

void ShiftScreen::showSummary(const ShiftClose &closed) {
    m_lastClose = closed;
    const QTimeZone zone = StoreSettings(*m_context.db).timeZone();
    m_summaryHeadline->setText(tr("Shift %1 closed").arg(closed.summary.shift.id));
    m_summaryExpected->setText(closed.summary.expected.format());
    m_summaryCounted->setText(closed.counted.format());
    m_summaryOverShort->setText(overShortText(closed.overShort));
    setStyleState(m_summaryOverShort, "state", overShortState(closed.overShort));
    m_summary->setHtml(printing::shiftSummaryHtml(closed, zone));
    m_pages->setCurrentIndex(1);
    // The summary says it all; what the drawer holds now is for the next shift's page.
    m_status->hide();
    m_figures->hide();
}

void ShiftScreen::newShift() {
    m_pages->setCurrentIndex(0);
    m_status->show();
    m_figures->show();
    showMessage({}, false);
    refresh();
    m_rows.front().field->setFocus();
}

void ShiftScreen::printSummary() {
    if (!m_lastClose)
        return;
    const QTimeZone zone = StoreSettings(*m_context.db).timeZone();
    const printing::PrinterSettings printer = printing::PrinterSettings::load();
    // A receipt printer that speaks ESC/POS takes it as the X report prints; anything else
    // (none set up, the system printer) goes through the system's print dialog.
    auto target = printer.isConfigured() && !printer.isSystem()
                      ? printing::parseTarget(printer.target)
                      : Result<printing::PrintTarget>(fail(ErrorCode::Printer, QString()));
    if (target && target->isEscPos()) {
        auto printed = ReportsScreen::printLines(
            printing::shiftSummaryText(*m_lastClose, zone, printer.escpos().columns));
        return showMessage(printed ? tr("Shift summary sent to the receipt printer.")
                                   : printed.error().message,
                           !printed);
    }
    QPrinter paper(QPrinter::HighResolution);
    if (!printing::choosePrinter(paper, this, tr("Print the shift summary")))
        return;
    QTextDocument doc;
    doc.setHtml(printing::shiftSummaryHtml(*m_lastClose, zone));
    doc.print(&paper);
    showMessage(tr("Shift summary sent to the printer."), false);
}

void ShiftScreen::saveSummaryPdf() {
    if (!m_lastClose)
        return;
    const QString name = QStringLiteral("shift-%1.pdf").arg(m_lastClose->summary.shift.id);
    const QString path = chooseSaveFile(this, tr("Save the shift summary as PDF"), name,
                                        tr("PDF documents (*.pdf)"), QStringLiteral("pdf"));
    if (path.isEmpty())
        return;
    auto saved = printing::renderShiftSummaryPdf(*m_lastClose,
                                                 StoreSettings(*m_context.db).timeZone(), path);
    showMessage(saved ? tr("Saved %1.").arg(QDir::toNativeSeparators(path)) : saved.error().message,
                !saved);
}

} // namespace oasis::screens
