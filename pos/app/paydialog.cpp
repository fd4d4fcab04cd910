// SPDX-License-Identifier: GPL-3.0-or-later
#include "pos/app/paydialog.h"

#include "core/domain/clock.h"
#include "core/domain/emailaddress.h"
#include "core/domain/giftcode.h"
#include "core/services/emaillog.h"
#include "core/services/giftcard.h"
#include "core/services/offline.h"
#include "core/services/storesettings.h"
#include "core/services/voucher.h"
#include "mail/compose.h"
#include "mail/outbox.h"
#include "pos/app/receiptview.h"
#include "pos/screens/giftcardcertificate.h"
#include "pos/screens/screen.h"
#include "printing/printersettings.h"
#include "printing/salereceipt.h"

#include <QButtonGroup>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QShortcut>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace oasis::app {

namespace {

QPushButton *button(const QString &text, QWidget *parent, const char *name = nullptr) {
    auto *b = new QPushButton(text, parent);
    b->setAutoDefault(false);
    if (name)
        b->setObjectName(QLatin1String(name));
    return b;
}

QLabel *caption(const QString &text, QWidget *parent) {
    auto *l = new QLabel(text, parent);
    l->setObjectName(QStringLiteral("caption"));
    return l;
}

} // namespace

PayDialog::PayDialog(Database &db, const Ticket &ticket, const TicketTotals &totals,
                     const StaffMember &cashier, const std::optional<StaffMember> &approver,
                     const QString &registerId, QWidget *parent)
    : QDialog(parent)
    , m_db(db)
    , m_ticket(ticket)
    , m_priced(ticket)
    , m_totals(totals)
    , m_cashier(cashier)
    , m_approver(approver)
    , m_registerId(registerId)
    , m_payment(totals.total, ticket.giftCardLinesTotal()) {
    setObjectName(QStringLiteral("payDialog"));
    setWindowTitle(tr("Payment"));
    setMinimumSize(900, 600);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(buildPayPage());
    m_stack->addWidget(buildDonePage());
    layout->addWidget(m_stack);

    auto *f12 = new QShortcut(QKeySequence(Qt::Key_F12), this);
    connect(f12, &QShortcut::activated, this, [this] {
        if (m_sale)
            accept();
        else
            complete();
    });
    auto addKindKey = [this](Qt::Key key, Page page) {
        auto *s = new QShortcut(QKeySequence(key), this);
        connect(s, &QShortcut::activated, this, [this, page] {
            if (!m_sale)
                showPage(page);
        });
    };
    addKindKey(Qt::Key_F2, Page::Cash);
    addKindKey(Qt::Key_F3, Page::Card);
    addKindKey(Qt::Key_F4, Page::Gift);
    refresh();
    showPage(Page::Cash);
}

PayDialog::~PayDialog() = default;

QWidget *PayDialog::buildPayPage() {
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->setSpacing(14);
    const QLocale locale;

    // Amount due and what is left, large.
    auto *header = new QHBoxLayout;
    auto *dueBox = new QVBoxLayout;
    dueBox->addWidget(caption(tr("Amount due"), page));
    m_due = new QLabel(m_totals.total.format(locale), page);
    m_due->setObjectName(QStringLiteral("bigAmount"));
    dueBox->addWidget(m_due);
    header->addLayout(dueBox);
    header->addStretch();
    auto *remainingBox = new QVBoxLayout;
    m_remainingCaption = caption(tr("Left to pay"), page);
    m_remainingCaption->setAlignment(Qt::AlignRight);
    remainingBox->addWidget(m_remainingCaption);
    m_remaining = new QLabel(page);
    m_remaining->setObjectName(QStringLiteral("bigAmountAccent"));
    m_remaining->setAlignment(Qt::AlignRight);
    remainingBox->addWidget(m_remaining);
    header->addLayout(remainingBox);
    layout->addLayout(header);

    auto *body = new QHBoxLayout;
    body->setSpacing(20);
    auto *left = new QVBoxLayout;
    auto *kinds = new QHBoxLayout;
    m_kinds = new QButtonGroup(page);
    const std::pair<QString, Page> kindButtons[] = {{tr("Cash  F2"), Page::Cash},
                                                    {tr("Card  F3"), Page::Card},
                                                    {tr("Gift card  F4"), Page::Gift}};
    for (const auto &[text, kind] : kindButtons) {
        auto *b = button(text, page, "tenderKind");
        b->setCheckable(true);
        b->setFocusPolicy(Qt::NoFocus);
        m_kinds->addButton(b, int(kind));
        kinds->addWidget(b);
    }
    connect(m_kinds, &QButtonGroup::idClicked, this, [this](int id) { showPage(Page(id)); });
    left->addLayout(kinds);
    m_kindPages = new QStackedWidget(page);
    m_kindPages->addWidget(buildCashPage());
    m_kindPages->addWidget(buildCardPage());
    m_kindPages->addWidget(buildGiftPage());
    left->addWidget(m_kindPages, 1);
    body->addLayout(left, 3);

    auto *right = new QVBoxLayout;
    right->addWidget(caption(tr("Tenders"), page));
    m_tenderList = new QListWidget(page);
    m_tenderList->setObjectName(QStringLiteral("tenderList"));
    m_tenderList->setFocusPolicy(Qt::NoFocus);
    m_tenderList->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    right->addWidget(m_tenderList, 1);
    m_removeTender = button(tr("Remove tender"), page);
    m_removeTender->setFocusPolicy(Qt::NoFocus);
    connect(m_removeTender, &QPushButton::clicked, this, [this] {
        removeTender(m_tenderList->currentRow() >= 0 ? m_tenderList->currentRow()
                                                     : m_tenderList->count() - 1);
    });
    right->addWidget(m_removeTender);
    body->addLayout(right, 2);
    layout->addLayout(body, 1);

    m_message = new QLabel(page);
    m_message->setObjectName(QStringLiteral("errorMessage"));
    m_message->setWordWrap(true);
    m_message->hide();
    layout->addWidget(m_message);

    auto *buttons = new QHBoxLayout;
    auto *cancel = button(tr("Back to ticket  Esc"), page);
    cancel->setFocusPolicy(Qt::NoFocus);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    buttons->addWidget(cancel);
    buttons->addStretch();
    m_complete = button(tr("Complete sale  F12"), page, "primary");
    m_complete->setMinimumWidth(280);
    connect(m_complete, &QPushButton::clicked, this, &PayDialog::complete);
    buttons->addWidget(m_complete);
    layout->addLayout(buttons);
    return page;
}

QWidget *PayDialog::buildCashPage() {
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 8, 0, 0);
    m_quickCash = new QGridLayout;
    m_quickCash->setSpacing(10);
    layout->addLayout(m_quickCash);
    auto *row = new QHBoxLayout;
    m_cashAmount = new QLineEdit(page);
    m_cashAmount->setPlaceholderText(tr("Cash received, e.g. 60"));
    row->addWidget(m_cashAmount, 1);
    auto *add = button(tr("Add cash"), page);
    add->setFocusPolicy(Qt::NoFocus);
    row->addWidget(add);
    layout->addLayout(row);
    layout->addStretch();
    auto addTyped = [this] {
        const QString text = m_cashAmount->text().trimmed();
        if (text.isEmpty()) {
            if (remaining().isZero() && !tenders().empty())
                complete();
            else
                addCash(remaining());
            return;
        }
        auto amount = Money::parse(text);
        if (!amount) {
            setMessage(amount.error().message);
            return;
        }
        if (addCash(*amount))
            m_cashAmount->clear();
    };
    connect(add, &QPushButton::clicked, this, addTyped);
    connect(m_cashAmount, &QLineEdit::returnPressed, this, addTyped);
    return page;
}

QWidget *PayDialog::buildCardPage() {
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 8, 0, 0);
    auto *note = new QLabel(
        tr("Run the card on the terminal, then enter what it printed. Never the full number."),
        page);
    note->setWordWrap(true);
    note->setObjectName(QStringLiteral("hint"));
    layout->addWidget(note);
    auto *form = new QFormLayout;
    m_cardAmount = new QLineEdit(page);
    form->addRow(tr("Amount"), m_cardAmount);
    m_cardLast4 = new QLineEdit(page);
    m_cardLast4->setMaxLength(4);
    m_cardLast4->setPlaceholderText(tr("4 digits"));
    m_cardLast4->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{0,4}")), page));
    form->addRow(tr("Last 4"), m_cardLast4);
    m_cardAuth = new QLineEdit(page);
    m_cardAuth->setMaxLength(12);
    m_cardAuth->setPlaceholderText(tr("from the terminal slip"));
    m_cardAuth->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("[A-Za-z0-9]{0,12}")), page));
    form->addRow(tr("Auth code"), m_cardAuth);
    layout->addLayout(form);
    auto *add = button(tr("Add card payment"), page);
    add->setFocusPolicy(Qt::NoFocus);
    layout->addWidget(add);
    layout->addStretch();
    auto addTyped = [this] {
        auto amount = Money::parse(m_cardAmount->text().trimmed());
        if (!amount) {
            setMessage(amount.error().message);
            m_cardAmount->setFocus();
            return;
        }
        if (addCard(*amount, m_cardLast4->text(), m_cardAuth->text())) {
            m_cardLast4->clear();
            m_cardAuth->clear();
        }
    };
    connect(add, &QPushButton::clicked, this, addTyped);
    connect(m_cardAmount, &QLineEdit::returnPressed, m_cardLast4, qOverload<>(&QWidget::setFocus));
    connect(m_cardLast4, &QLineEdit::returnPressed, m_cardAuth, qOverload<>(&QWidget::setFocus));
    connect(m_cardAuth, &QLineEdit::returnPressed, this, addTyped);
    return page;
}

QWidget *PayDialog::buildGiftPage() {
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 8, 0, 0);
    auto *form = new QFormLayout;
    m_giftCode = new QLineEdit(page);
    m_giftCode->setPlaceholderText(tr("Scan the QR or type GC1-…"));
    form->addRow(tr("Card code"), m_giftCode);
    layout->addLayout(form);
    m_giftBalance = new QLabel(page);
    m_giftBalance->setObjectName(QStringLiteral("hint"));
    m_giftBalance->setWordWrap(true);
    layout->addWidget(m_giftBalance);
    m_giftLeft = new QLabel(page);
    m_giftLeft->setObjectName(QStringLiteral("bigAmountAccent"));
    m_giftLeft->setAccessibleName(QStringLiteral("giftLeft"));
    layout->addWidget(m_giftLeft);
    auto *add = button(tr("Apply gift card"), page);
    add->setFocusPolicy(Qt::NoFocus);
    layout->addWidget(add);
    layout->addStretch();
    connect(add, &QPushButton::clicked, this, &PayDialog::lookUpGift);
    connect(m_giftCode, &QLineEdit::returnPressed, this, &PayDialog::lookUpGift);
    return page;
}

QWidget *PayDialog::buildDonePage() {
    auto *page = new QWidget(this);
    auto *layout = new QHBoxLayout(page);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->setSpacing(24);
    auto *left = new QVBoxLayout;
    m_doneCaption = caption(tr("Change due"), page);
    left->addWidget(m_doneCaption);
    m_doneChange = new QLabel(page);
    m_doneChange->setObjectName(QStringLiteral("hugeAmount"));
    left->addWidget(m_doneChange);
    m_doneCards = new QLabel(page);
    m_doneCards->setObjectName(QStringLiteral("bigAmountAccent"));
    m_doneCards->setAccessibleName(QStringLiteral("doneCards"));
    left->addWidget(m_doneCards);
    m_doneDetails = new QLabel(page);
    m_doneDetails->setObjectName(QStringLiteral("doneDetails"));
    m_doneDetails->setWordWrap(true);
    m_doneDetails->setTextFormat(Qt::RichText);
    left->addWidget(m_doneDetails);
    left->addStretch();
    auto *print = button(tr("Print receipt  P"), page);
    print->setFocusPolicy(Qt::NoFocus);
    connect(print, &QPushButton::clicked, this, &PayDialog::printReceipt);
    auto *printKey = new QShortcut(QKeySequence(Qt::Key_P), page);
    connect(printKey, &QShortcut::activated, this, [this] {
        if (m_sale)
            printReceipt();
    });
    left->addWidget(print);
    // The certificate of a card just sold: the seller prints it while the customer is here,
    // with no approval (core decides, and journals it).
    m_certificate = button(tr("Gift certificate…  C"), page);
    m_certificate->setObjectName(QStringLiteral("giftCertificate"));
    m_certificate->setFocusPolicy(Qt::NoFocus);
    m_certificate->hide();
    connect(m_certificate, &QPushButton::clicked, this, &PayDialog::openCertificates);
    auto *certificateKey = new QShortcut(QKeySequence(Qt::Key_C), page);
    connect(certificateKey, &QShortcut::activated, this, [this] {
        if (m_sale &&
            (!m_sale->giftCards.empty() || !m_sale->vouchers.empty() || !m_sale->packages.empty()))
            openCertificates();
    });
    left->addWidget(m_certificate);
    // Email goes through the counter's outbox: the cashier never waits for the mail server.
    m_emailReceipt = button(tr("Email receipt…"), page);
    m_emailReceipt->setObjectName(QStringLiteral("emailReceipt"));
    m_emailReceipt->setFocusPolicy(Qt::NoFocus);
    m_emailReceipt->hide();
    connect(m_emailReceipt, &QPushButton::clicked, this, [this] { askAndEmail(false); });
    left->addWidget(m_emailReceipt);
    m_emailCards = button(tr("Email gift card…"), page);
    m_emailCards->setObjectName(QStringLiteral("emailGiftCard"));
    m_emailCards->setFocusPolicy(Qt::NoFocus);
    m_emailCards->hide();
    connect(m_emailCards, &QPushButton::clicked, this, [this] { askAndEmail(true); });
    left->addWidget(m_emailCards);
    auto *next = button(tr("New sale  Enter"), page, "primary");
    next->setDefault(true);
    connect(next, &QPushButton::clicked, this, &QDialog::accept);
    left->addWidget(next);
    layout->addLayout(left, 1);
    m_receipt = new ReceiptView(page);
    layout->addWidget(m_receipt, 1);
    return page;
}

Status PayDialog::addTender(const Tender &tender) {
    auto refuse = [this](const QString &text) -> Status {
        setMessage(text);
        return fail(ErrorCode::Refused, text);
    };
    if (m_sale)
        return refuse(tr("This sale is already complete."));
    if (auto ok = m_payment.add(tender); !ok)
        return refuse(ok.error().message);
    setMessage({});
    refresh();
    // The next Enter completes the sale. Later, so that the Enter which added this tender
    // (still travelling up from its field) does not complete it as well.
    if (remaining().isZero())
        QTimer::singleShot(0, m_complete, [this] { m_complete->setFocus(); });
    return {};
}

Status PayDialog::addCash(Money amount) {
    return addTender(Payment::cash(amount));
}

Status PayDialog::addCard(Money amount, const QString &last4, const QString &authCode) {
    return addTender(Payment::card(amount, last4, authCode));
}

Status PayDialog::addGiftCard(const QString &code) {
    auto card = GiftCardService(m_db).lookup(code, m_registerId);
    m_giftLeft->clear();
    if (!card) {
        m_giftBalance->setText({});
        setMessage(card.error().message);
        return std::unexpected(card.error());
    }
    const QLocale locale;
    m_giftBalance->setText(
        tr("Card ••%1 holds %2.").arg(card->last4, card->spendable().format(locale)));
    auto tender = m_payment.giftTender(code, card->spendable());
    if (!tender) {
        setMessage(tender.error().message);
        return std::unexpected(tender.error());
    }
    const Money amount = tender->amount;
    auto added = addTender(*tender);
    if (added) {
        m_giftBalance->setText(tr("Card ••%1 holds %2: %3 applied, %4 stays on the card.")
                                   .arg(card->last4, card->spendable().format(locale),
                                        amount.format(locale),
                                        (card->spendable() - amount).format(locale)));
        m_giftLeft->setText(
            tr("%1 left on ••%2").arg((card->spendable() - amount).format(locale), card->last4));
        m_giftCode->clear();
    }
    return added;
}

Status PayDialog::addVoucher(const QString &code) {
    // Core decides which line each voucher pays and how much, the way the sale will: the
    // vouchers already taken first, then this one.
    QStringList codes;
    for (const Tender &t : tenders())
        if (t.type == TenderType::Voucher)
            codes << t.giftCode;
    codes << code;
    // Not the lines package sessions pay (as the sale): the ticket as they price it.
    std::vector<std::size_t> packageLines;
    for (const PackageCover &u : m_packageUses)
        packageLines.push_back(u.line);
    auto covers =
        VoucherService(m_db).covers(codes, m_priced, m_totals, packageLines, m_registerId);
    if (!covers) {
        setMessage(covers.error().message);
        return std::unexpected(covers.error());
    }
    const VoucherCover &cover = covers->back();
    Tender tender;
    tender.type = TenderType::Voucher;
    tender.amount = cover.amount;
    tender.amountGiven = true;
    tender.giftCode = giftcode::parseVoucher(code).canonical;
    auto added = addTender(tender);
    if (added)
        setMessage(tr("Voucher ••%1 pays %2 of %3.")
                       .arg(cover.voucher.last4, cover.amount.format(QLocale()),
                            m_ticket.lines[cover.line].name),
                   false);
    return added;
}

Status PayDialog::addPackage(const QString &code) {
    if (m_sale) {
        setMessage(tr("This sale is already complete."));
        return fail(ErrorCode::Refused, tr("This sale is already complete."));
    }
    Tender tender;
    tender.type = TenderType::Package;
    tender.giftCode = giftcode::parsePackage(code).canonical;
    if (tender.giftCode.isEmpty())
        tender.giftCode = code.trimmed();
    tender.amountGiven = true;
    std::vector<Tender> all = tenders();
    all.push_back(tender);
    if (auto ok = retake(all); !ok)
        return ok;
    // The last package session taken is this one: say what it paid.
    const PackageCover &use = m_packageUses.back();
    const QString text = tr("Package ••%1 pays %2 for %3: %4 sessions left after this one.")
                             .arg(use.package.last4, tenders().back().amount.format(QLocale()),
                                  m_priced.lines[use.line].name)
                             .arg(use.package.sessionsLeft - 1);
    setMessage(text, false);
    return {};
}

QString PayDialog::last4Of(const Tender &t) const {
    // A package taken from the client's page is named by its id: its last 4 come from the
    // lookup, the code itself never reaches the register.
    if (t.type == TenderType::Package)
        if (const auto id = packageIdOfRef(t.giftCode))
            for (const PackageCover &u : m_packageUses)
                if (u.package.id == *id)
                    return u.package.last4;
    return giftcode::last4(t.giftCode);
}

Status PayDialog::retake(const std::vector<Tender> &wanted) {
    QStringList packageCodes;
    QStringList voucherCodes;
    for (const Tender &t : wanted) {
        if (t.type == TenderType::Package)
            packageCodes << t.giftCode;
        else if (t.type == TenderType::Voucher)
            voucherCodes << t.giftCode;
    }
    const auto refuse = [this](const Error &e) -> Status {
        setMessage(e.message);
        return std::unexpected(e);
    };
    auto packages = PackageService(m_db).covers(packageCodes, m_ticket, m_registerId);
    if (!packages)
        return refuse(packages.error());
    StoreSettings settings(m_db);
    auto taxes = settings.taxTable();
    if (!taxes)
        return refuse(taxes.error());
    auto totals = packages->ticket.totals(*taxes, settings.businessDate(Clock::nowUtc()));
    if (!totals)
        return refuse(totals.error());
    const std::vector<std::size_t> packageLines = packages->lines();
    std::vector<VoucherCover> vouchers;
    if (!voucherCodes.isEmpty()) {
        auto covered = VoucherService(m_db).covers(voucherCodes, packages->ticket, *totals,
                                                   packageLines, m_registerId);
        if (!covered)
            return refuse(covered.error());
        vouchers = *covered;
    }
    Payment payment(totals->total, packages->ticket.giftCardLinesTotal());
    std::size_t nextPackage = 0;
    std::size_t nextVoucher = 0;
    for (Tender t : wanted) {
        if (t.type == TenderType::Package)
            t.amount = packages->amount(nextPackage++, *totals);
        else if (t.type == TenderType::Voucher)
            t.amount = vouchers.at(nextVoucher++).amount;
        if (auto ok = payment.add(t); !ok)
            return refuse(ok.error());
    }
    m_priced = packages->ticket;
    m_totals = *totals;
    m_packageUses = packages->uses;
    m_payment = payment;
    m_due->setText(m_totals.total.format(QLocale()));
    setMessage({});
    refresh();
    if (remaining().isZero())
        QTimer::singleShot(0, m_complete, [this] { m_complete->setFocus(); });
    return {};
}

void PayDialog::lookUpGift() {
    const QString code = m_giftCode->text().trimmed();
    if (code.isEmpty()) {
        setMessage(tr("Scan or type the gift card's code."));
        return;
    }
    addGiftCard(code);
}

void PayDialog::prefillGiftCode(const QString &code) {
    showPage(Page::Gift);
    m_giftCode->setText(code);
    lookUpGift();
}

void PayDialog::removeTender(int index) {
    if (m_sale || index < 0 || index >= int(tenders().size()))
        return;
    const Tender removed = tenders()[std::size_t(index)];
    const QString removedLast4 = last4Of(removed);
    if (removed.type == TenderType::Package) {
        // Its line goes back to the price it was rung up at: the rest is taken again.
        std::vector<Tender> rest = tenders();
        rest.erase(rest.begin() + index);
        if (retake(rest))
            setMessage(tr("Package ending %1 removed: no session is used.").arg(removedLast4),
                       false);
        return;
    }
    m_payment.remove(index);
    setMessage({});
    if (removed.type == TenderType::Card)
        setMessage(tr("Card ending %1 removed: if the terminal approved it, void it there.")
                       .arg(removed.cardLast4),
                   false);
    refresh();
}

void PayDialog::showPage(Page page) {
    m_kinds->button(int(page))->setChecked(true);
    m_kindPages->setCurrentIndex(int(page));
    const QString left = remaining().toString();
    switch (page) {
    case Page::Cash:
        m_cashAmount->setFocus();
        break;
    case Page::Card:
        m_cardAmount->setText(left);
        m_cardAmount->setFocus();
        m_cardAmount->selectAll();
        break;
    case Page::Gift:
        m_giftCode->setFocus();
        break;
    }
}

void PayDialog::refresh() {
    const QLocale locale;
    m_tenderList->clear();
    for (const Tender &t : tenders()) {
        QString text;
        switch (t.type) {
        case TenderType::Cash:
            text = tr("Cash  %1").arg(t.amount.format(locale));
            break;
        case TenderType::Card:
            text = tr("Card ••%1  %2").arg(t.cardLast4, t.amount.format(locale));
            if (!t.authCode.isEmpty())
                text += tr("  (auth %1)").arg(t.authCode);
            break;
        case TenderType::Gift:
            text = tr("Gift card ••%1  %2").arg(last4Of(t), t.amount.format(locale));
            break;
        case TenderType::Voucher:
            text = tr("Voucher ••%1  %2").arg(last4Of(t), t.amount.format(locale));
            break;
        case TenderType::Package:
            text = tr("Package ••%1  %2").arg(last4Of(t), t.amount.format(locale));
            break;
        }
        m_tenderList->addItem(text);
    }
    m_removeTender->setEnabled(!tenders().empty());
    if (change() > Money()) {
        m_remainingCaption->setText(tr("Change due"));
        m_remaining->setText(change().format(locale));
    } else {
        m_remainingCaption->setText(tr("Left to pay"));
        m_remaining->setText(remaining().format(locale));
    }
    const bool covered = remaining().isZero();
    m_complete->setEnabled(covered);
    m_complete->setDefault(covered);
    if (m_kindPages->currentIndex() == int(Page::Card))
        m_cardAmount->setText(remaining().toString());
    rebuildQuickCash();
}

void PayDialog::rebuildQuickCash() {
    while (QLayoutItem *item = m_quickCash->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const QLocale locale;
    int i = 0;
    for (Money m : m_payment.quickCash()) {
        const QString text = i == 0 ? tr("Exact %1").arg(m.format(locale)) : m.format(locale);
        auto *b = button(text, m_kindPages->widget(int(Page::Cash)), "quickCash");
        b->setFocusPolicy(Qt::NoFocus);
        connect(b, &QPushButton::clicked, this, [this, m] { addCash(m); });
        m_quickCash->addWidget(b, i / 3, i % 3);
        ++i;
    }
}

void PayDialog::setMessage(const QString &text, bool error) {
    m_message->setProperty("info", !error);
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

QString PayDialog::message() const {
    return m_message->isVisible() ? m_message->text() : QString();
}

bool PayDialog::complete() {
    if (m_sale)
        return true;
    if (!remaining().isZero()) {
        setMessage(tr("%1 is still to pay.").arg(remaining().format(QLocale())));
        return false;
    }
    m_complete->setEnabled(false);
    // The customer pays what this dialog showed, or nothing (a rate changed elsewhere since).
    Ticket shown = m_ticket;
    shown.shownTotal = due();
    // Offline, only what needs no server: cash and card, no stored value, no client; and not
    // another ticket while a sale's outcome on the server is unknown. (Online, the sale notes its
    // number in the copy itself: OfflineNote.)
    if (m_offline && m_sellingOffline) {
        Status allowed = OfflineRegister::checkOfflineTicket(shown, tenders());
        if (allowed)
            allowed = m_offline->checkUnknownOutcome(shown.requestId);
        if (!allowed) {
            setMessage(allowed.error().message);
            m_complete->setEnabled(true);
            return false;
        }
    }
    auto sale = SaleService(m_db).complete(shown, tenders(), m_cashier, m_approver, m_registerId);
    // Sold offline as the ticket whose outcome was unknown: that note has its answer now.
    if (sale && m_offline && m_sellingOffline)
        (void)m_offline->noteOnlineDone(shown.requestId, 0);
    if (!sale) {
        // Nothing was written: the tenders stay so the cashier can fix them and retry.
        setMessage(sale.error().message);
        m_complete->setEnabled(true);
        return false;
    }
    m_sale = *sale;
    const QLocale locale;
    if (m_sale->change > Money()) {
        m_doneCaption->setText(tr("Change due"));
        m_doneChange->setText(m_sale->change.format(locale));
    } else {
        m_doneCaption->setText(tr("Paid in full"));
        m_doneChange->setText(m_sale->totals.total.format(locale));
    }
    // What stays on each card the customer paid with, large: the first thing they ask.
    // (A repeated ticket's cards may have moved since: their balances are not repeated.)
    QStringList left;
    for (const AppliedTender &t : m_sale->tenders)
        if (t.type == TenderType::Gift && !m_sale->repeated)
            left << tr("%1 left on ••%2").arg(t.giftCardBalance.format(locale), t.giftCardLast4);
    m_doneCards->setText(left.join(u'\n'));
    m_doneCards->setVisible(!left.isEmpty());
    QString details = tr("<p>Sale <b>%1</b> is complete.</p>").arg(receiptCode(m_sale->receiptNo));
    if (m_sellingOffline) {
        const auto waiting = m_offline->waiting();
        details = tr("<p>Sale <b>%1</b> is complete and kept on this register: the store server "
                     "cannot be reached. It is sent when the server is back (%n waiting).</p>",
                     nullptr, waiting ? *waiting : 0)
                      .arg(receiptCode(m_sale->receiptNo));
        for (const IssuedCard &card : m_sale->giftCards)
            details += tr("<p>Gift card ••%1 is activated when this sale reaches the store "
                          "server.</p>")
                           .arg(giftcode::last4(card.code));
    }
    if (m_sale->repeated) {
        // An earlier attempt of this ticket went through (its answer was lost): that sale
        // stands, and nothing was charged again.
        details = tr("<p>This ticket was already recorded as sale <b>%1</b>: nothing was "
                     "charged again.</p>")
                      .arg(receiptCode(m_sale->receiptNo));
        for (const SoldCard &card : m_sale->soldCards)
            details += tr("<p>Gift card ••%1 of %2 was issued by that sale.</p>")
                           .arg(card.last4.toHtmlEscaped(), card.amount.format(locale));
    }
    // Of what stays on a card, its promotional value and its last day, as the receipt says.
    for (const AppliedTender &t : m_sale->tenders)
        if (const QString promo = screens::promoLeftLine(t); !promo.isEmpty() && !m_sale->repeated)
            details += tr("<p>••%1: %2.</p>").arg(t.giftCardLast4, promo);
    for (const IssuedCard &card : m_sale->giftCards)
        details += tr("<p>Gift card of %1 issued: give the customer the printed receipt or "
                      "certificate.</p>")
                       .arg(card.amount.format(locale));
    for (const IssuedVoucher &v : m_sale->vouchers)
        details += tr("<p>Voucher ••%1 issued: %2. Print its certificate for the customer.</p>")
                       .arg(giftcode::last4(v.code), v.description.toHtmlEscaped());
    for (const IssuedPackage &k : m_sale->packages)
        details += tr("<p>Package ••%1 issued: %2. Print its certificate for the client.</p>")
                       .arg(giftcode::last4(k.code), k.description.toHtmlEscaped());
    for (const QString &warning : m_sale->warnings)
        details += QStringLiteral("<p class='warning'>⚠ ") + warning.toHtmlEscaped() +
                   QStringLiteral("</p>");
    m_doneDetails->setText(details);
    const bool services = !m_sale->vouchers.empty() || !m_sale->packages.empty();
    // "Certificate…" once the sale sold a voucher or a package: its certificate names a service.
    m_certificate->setText(services ? tr("Certificate…  C") : tr("Gift certificate…  C"));
    m_certificate->setVisible(!m_sale->giftCards.empty() || services);
    m_emailReceipt->setVisible(m_outbox != nullptr);
    m_emailCards->setVisible(m_outbox != nullptr && !m_sale->giftCards.empty());
    if (auto record = SaleService(m_db).load(m_sale->receiptNo)) {
        printing::ReceiptDocument doc = printing::receiptFromSale(
            *record, StoreSettings(m_db).storeInfo(), m_sale->giftCards, m_sale->repeated);
        // A sale made offline says so on its receipt, and that its gift cards wait for the
        // server.
        if (m_sellingOffline) {
            QStringList notes{tr("Made offline: sent to the store when its server is back.")};
            for (const IssuedCard &card : m_sale->giftCards)
                notes << tr("Gift card ending %1 works once this sale reaches the store.")
                             .arg(giftcode::last4(card.code));
            doc.footerLines = notes + doc.footerLines;
        }
        m_receipt->setDocument(doc);
    }
    m_stack->setCurrentIndex(1);
    setWindowTitle(tr("Sale complete"));
    // Printing comes only after the commit; a printer that fails never undoes the sale, and
    // P prints again.
    if (printing::PrinterSettings::load().isConfigured())
        printReceipt();
    return true;
}

Result<SmtpSettings> PayDialog::mailReady(const QString &to) const {
    if (!m_sale)
        return fail(ErrorCode::Invalid, tr("No sale is complete yet."));
    if (auto ok = checkEmailAddress(to); !ok)
        return std::unexpected(ok.error());
    if (!m_outbox)
        return fail(ErrorCode::System, tr("This register does not send email."));
    const SmtpSettings smtp = StoreSettings(m_db).smtp();
    if (!smtp.configured())
        return fail(ErrorCode::System,
                    tr("No mail server is set for this store: a manager sets one with "
                       "oasisctl settings smtp."));
    if (auto ok = EmailLog(m_db).maySend(m_cashier); !ok)
        return std::unexpected(ok.error());
    return smtp;
}

Status PayDialog::emailReceipt(const QString &to) {
    auto smtp = mailReady(to);
    if (!smtp)
        return std::unexpected(smtp.error());
    auto record = SaleService(m_db).load(m_sale->receiptNo);
    if (!record)
        return std::unexpected(record.error());
    // The receipt by email carries no gift-card code: each card goes in its own email.
    const auto doc = printing::receiptFromSale(*record, StoreSettings(m_db).storeInfo());
    auto message = mail::receiptMessage(doc, smtp->from, to);
    if (!message)
        return std::unexpected(message.error());
    return m_outbox->enqueue(*message, mail::Outbox::Kind::Receipt, m_sale->receiptNo,
                             m_cashier.name);
}

Status PayDialog::emailGiftCards(const QString &to) {
    auto smtp = mailReady(to);
    if (!smtp)
        return std::unexpected(smtp.error());
    if (m_sale->giftCards.empty())
        return fail(ErrorCode::Invalid, tr("This sale sold no gift card."));
    GiftCardService cards(m_db);
    std::vector<std::pair<qint64, mail::Message>> messages;
    for (const IssuedCard &card : m_sale->giftCards) {
        const GiftCard details = cards.byId(card.id).value_or(GiftCard{});
        auto message = mail::giftCardMessage(
            screens::certificateOf(m_db, card.code, card.amount, details.recipient, details.sender,
                                   details.message),
            smtp->from, to);
        if (!message)
            return std::unexpected(message.error());
        messages.emplace_back(card.id, std::move(*message));
    }
    for (const auto &[id, message] : messages)
        if (auto ok = m_outbox->enqueue(message, mail::Outbox::Kind::GiftCard, id, m_cashier.name);
            !ok)
            return ok;
    return {};
}

void PayDialog::askAndEmail(bool giftCards) {
    bool ok = false;
    const QString to =
        QInputDialog::getText(this, giftCards ? tr("Email gift card") : tr("Email receipt"),
                              tr("Customer's email address:"), QLineEdit::Normal, QString(), &ok)
            .trimmed();
    if (!ok)
        return;
    const Status queued = giftCards ? emailGiftCards(to) : emailReceipt(to);
    const QString line = queued ? (giftCards ? tr("The gift card is on its way to %1.")
                                             : tr("The receipt is on its way to %1."))
                                      .arg(to)
                                : queued.error().message;
    m_doneDetails->setText(
        m_doneDetails->text() +
        (queued ? QStringLiteral("<p>%1</p>") : QStringLiteral("<p class='warning'>⚠ %1</p>"))
            .arg(line.toHtmlEscaped()));
}

Status PayDialog::openCertificates() {
    if (!m_sale)
        return fail(ErrorCode::Invalid, tr("No sale is complete yet."));
    GiftCardService cards(m_db);
    for (const IssuedCard &card : m_sale->giftCards) {
        auto code = cards.certificateCode(card.id, m_cashier, std::nullopt, m_registerId);
        if (!code) {
            m_doneDetails->setText(m_doneDetails->text() +
                                   QStringLiteral("<p class='warning'>⚠ %1</p>")
                                       .arg(code.error().message.toHtmlEscaped()));
            return std::unexpected(code.error());
        }
        const GiftCard details = cards.byId(card.id).value_or(GiftCard{});
        screens::CertificatePreviewDialog dialog(
            screens::certificateOf(m_db, *code, card.amount, details.recipient, details.sender,
                                   details.message),
            this);
        dialog.exec();
    }
    // A voucher or a package names what it is worth; its code is the one the sale just
    // returned (printed once, as oasisctl sale prints it).
    for (const IssuedVoucher &v : m_sale->vouchers) {
        screens::CertificatePreviewDialog dialog(
            screens::serviceCertificateOf(m_db, v.code, v.description), this);
        dialog.exec();
    }
    for (const IssuedPackage &k : m_sale->packages) {
        screens::CertificatePreviewDialog dialog(
            screens::serviceCertificateOf(m_db, k.code, k.description), this);
        dialog.exec();
    }
    return {};
}

void PayDialog::reject() {
    if (!m_sale && !tenders().empty() && !confirmDiscard())
        return;
    QDialog::reject();
}

QString PayDialog::takenSummary() const {
    const QLocale locale;
    QStringList parts;
    for (const Tender &t : tenders()) {
        const QString amount = t.amount.format(locale);
        switch (t.type) {
        case TenderType::Card:
            parts << (t.authCode.isEmpty()
                          ? tr("card ending %1 %2").arg(t.cardLast4, amount)
                          : tr("card ending %1 %2 (auth %3)").arg(t.cardLast4, amount, t.authCode));
            break;
        case TenderType::Cash:
            parts << tr("cash %1").arg(amount);
            break;
        case TenderType::Gift:
            parts << tr("gift card ending %1 %2 (not charged)").arg(last4Of(t), amount);
            break;
        case TenderType::Voucher:
            parts << tr("voucher ending %1 (not redeemed yet)").arg(last4Of(t));
            break;
        case TenderType::Package:
            parts << tr("package ending %1 (no session used yet)").arg(last4Of(t));
            break;
        }
    }
    return tr("%1 taken: %2").arg(paid().format(locale), parts.join(QStringLiteral(", ")));
}

bool PayDialog::confirmDiscard() {
    const QLocale locale;
    QStringList taken;
    QStringList undo;
    for (const Tender &t : tenders()) {
        const QString amount = t.amount.format(locale);
        switch (t.type) {
        case TenderType::Card:
            // The terminal is not connected to the app: only the cashier can reverse it there.
            taken << tr("card ending %1").arg(t.cardLast4);
            undo << tr("The card ending %1 was approved for %2 on the card terminal: void it on "
                       "the terminal, the app cannot.")
                        .arg(t.cardLast4, amount);
            break;
        case TenderType::Cash:
            taken << tr("cash");
            undo << tr("Hand back the %1 in cash.").arg(amount);
            break;
        case TenderType::Gift:
            taken << tr("gift card ending %1").arg(last4Of(t));
            undo << tr("Gift card ending %1: nothing was taken off it (a card pays only when the "
                       "sale completes).")
                        .arg(last4Of(t));
            break;
        case TenderType::Voucher:
            taken << tr("voucher ending %1").arg(last4Of(t));
            undo << tr("Voucher ending %1: it was not redeemed (a voucher is redeemed only when "
                       "the sale completes).")
                        .arg(last4Of(t));
            break;
        case TenderType::Package:
            taken << tr("package ending %1").arg(last4Of(t));
            undo << tr("Package ending %1: no session was used (a session is used only when the "
                       "sale completes).")
                        .arg(last4Of(t));
            break;
        }
    }
    taken.removeDuplicates();
    QMessageBox box(QMessageBox::Warning, tr("Discard payments?"),
                    tr("Discard the %1 already taken (%2)?")
                        .arg(paid().format(locale), taken.join(QStringLiteral(", "))),
                    QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("discardTendersBox"));
    box.setInformativeText(undo.join(QLatin1Char('\n')));
    auto *keep = box.addButton(tr("Keep paying"), QMessageBox::RejectRole);
    keep->setObjectName(QStringLiteral("keepPaying"));
    auto *discard = box.addButton(tr("Discard"), QMessageBox::DestructiveRole);
    discard->setObjectName(QStringLiteral("discardTenders"));
    box.setDefaultButton(keep);
    box.setEscapeButton(keep);
    box.exec();
    return box.clickedButton() == discard;
}

void PayDialog::printReceipt() {
    if (!m_receipt->hasDocument())
        return;
    const bool cashSale =
        m_sale && !m_sale->repeated &&
        std::any_of(m_sale->tenders.begin(), m_sale->tenders.end(),
                    [](const AppliedTender &t) { return t.type == TenderType::Cash; });
    auto printed = printReceiptDocument(*m_receipt->document(), this, cashSale);
    if (!printed)
        m_doneDetails->setText(
            m_doneDetails->text() + QStringLiteral("<p class='warning'>") +
            tr("The sale is saved; the receipt did not print: %1 Press P to print it again.")
                .arg(printed.error().message)
                .toHtmlEscaped() +
            QStringLiteral("</p>"));
}

void PayDialog::keyPressEvent(QKeyEvent *event) {
    // After the commit, Esc and Enter both start the next sale: the sale cannot be backed out.
    if (m_sale && (event->key() == Qt::Key_Escape || event->key() == Qt::Key_Return ||
                   event->key() == Qt::Key_Enter)) {
        accept();
        return;
    }
    if (!m_sale && (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter)) {
        // Each field handles its own Enter (add this tender); only elsewhere does Enter complete.
        if (!qobject_cast<QLineEdit *>(focusWidget()) && remaining().isZero())
            complete();
        return;
    }
    QDialog::keyPressEvent(event);
}

} // namespace oasis::app
