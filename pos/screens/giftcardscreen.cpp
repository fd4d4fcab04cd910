// SPDX-License-Identifier: GPL-3.0-or-later
#include "pos/screens/giftcardscreen.h"

#include "pos/screens/giftcardcertificate.h"
#include "pos/screens/giftcardmodels.h"

#include "core/domain/clock.h"
#include "core/domain/emailaddress.h"
#include "core/domain/giftcode.h"
#include "core/domain/ticket.h"
#include "core/services/authorization.h"
#include "core/services/emaillog.h"
#include "core/services/report.h"
#include "core/services/store.h"
#include "core/services/storesettings.h"
#include "mail/compose.h"
#include "mail/outbox.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QDateEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTableView>
#include <QVBoxLayout>

namespace oasis::screens {

namespace {

QDialogButtonBox *okCancel(QDialog *dialog, const QString &okText) {
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(okText);
    for (QAbstractButton *b : buttons->buttons())
        b->setMinimumHeight(kTouch);
    QObject::connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    return buttons;
}

QLineEdit *touchEdit(QWidget *parent, const QString &objectName = {}) {
    auto *e = new QLineEdit(parent);
    e->setMinimumHeight(kTouch);
    if (!objectName.isEmpty())
        e->setObjectName(objectName);
    return e;
}

QFont scaled(QFont font, double factor, bool bold = false) {
    font.setPointSizeF(font.pointSizeF() * factor);
    font.setBold(bold);
    return font;
}

} // namespace

GiftCardScreen::GiftCardScreen(const ScreenContext &ctx, QWidget *parent)
    : QWidget(parent)
    , m_ctx(ctx) {
    setObjectName(QStringLiteral("giftCardScreen"));

    // The one field: a QR scanner types the code and presses Enter, so does a person.
    m_code = new QLineEdit(this);
    m_code->setObjectName(QStringLiteral("giftCardCode"));
    m_code->setPlaceholderText(tr("Scan the card's QR code or type its code"));
    m_code->setClearButtonEnabled(true);
    m_code->setMinimumHeight(56);
    m_code->setFont(scaled(m_code->font(), 1.3));
    auto *lookUp = new QPushButton(tr("Look up"), this);
    lookUp->setObjectName(QStringLiteral("lookUp"));
    lookUp->setMinimumSize(120, 56);
    // A card given away (promotional value, a manager's decision): beside the field, as the
    // action bar below is full at 1366 pixels.
    auto *give = new QPushButton(tr("Give a card…"), this);
    give->setObjectName(QStringLiteral("give"));
    give->setMinimumSize(140, 56);
    connect(give, &QPushButton::clicked, this, &GiftCardScreen::giveDialog);
    auto *top = new QHBoxLayout;
    top->addWidget(m_code, 1);
    top->addWidget(lookUp);
    top->addWidget(give);

    m_message = new QLabel(this);
    markMessageLine(m_message);
    m_message->setObjectName(QStringLiteral("giftCardMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setMinimumHeight(36);
    m_change = new QLabel(this);
    m_change->setObjectName(QStringLiteral("giftCardChange"));
    m_change->setFont(scaled(font(), 2.4, true));
    m_change->setStyleSheet(QStringLiteral("color: #1f5f55;"));
    m_change->hide();

    // The card: last 4, the balance in large type, status, To/From and the message.
    auto *card = new QFrame(this);
    card->setObjectName(QStringLiteral("giftCardPanel"));
    card->setFrameShape(QFrame::StyledPanel);
    card->setStyleSheet(QStringLiteral("#giftCardPanel { background: #f4f8f7; border: 1px solid "
                                       "#c9d8d4; border-radius: 8px; }"));
    card->setMinimumWidth(320);
    m_last4 = new QLabel(tr("No card shown"), card);
    m_last4->setObjectName(QStringLiteral("giftCardLast4"));
    m_last4->setFont(scaled(font(), 1.2, true));
    m_balance = new QLabel(QStringLiteral("—"), card);
    m_balance->setObjectName(QStringLiteral("giftCardBalance"));
    m_balance->setFont(scaled(font(), 3.2, true));
    m_balance->setStyleSheet(QStringLiteral("color: #1f5f55;"));
    m_promo = new QLabel(card);
    m_promo->setObjectName(QStringLiteral("giftCardPromo"));
    m_promo->setWordWrap(true);
    m_promo->setFont(scaled(font(), 1.1));
    m_promo->hide();
    m_status = new QLabel(card);
    m_status->setObjectName(QStringLiteral("giftCardStatus"));
    m_toFrom = new QLabel(card);
    m_toFrom->setObjectName(QStringLiteral("giftCardToFrom"));
    m_toFrom->setWordWrap(true);
    m_note = new QLabel(card);
    m_note->setObjectName(QStringLiteral("giftCardNote"));
    m_note->setWordWrap(true);
    m_note->setStyleSheet(QStringLiteral("font-style: italic;"));
    auto *cardLayout = new QVBoxLayout(card);
    cardLayout->setContentsMargins(20, 16, 20, 16);
    cardLayout->addWidget(m_last4);
    cardLayout->addWidget(m_balance);
    cardLayout->addWidget(m_promo);
    cardLayout->addWidget(m_status);
    cardLayout->addSpacing(8);
    cardLayout->addWidget(m_toFrom);
    cardLayout->addWidget(m_note);
    cardLayout->addStretch();

    m_history = new GiftCardHistoryModel(this);
    if (m_ctx.db)
        m_history->setTimeZone(StoreSettings(*m_ctx.db).timeZone());
    m_historyView = new QTableView(this);
    m_historyView->setObjectName(QStringLiteral("giftCardHistory"));
    m_historyView->setModel(m_history);
    m_historyView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_historyView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_historyView->verticalHeader()->hide();
    m_historyView->verticalHeader()->setDefaultSectionSize(36);
    // Every column as wide as its header and values; the description takes the rest.
    m_historyView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_historyView->horizontalHeader()->setSectionResizeMode(GiftCardHistoryModel::Kind,
                                                            QHeaderView::Stretch);

    auto *middle = new QHBoxLayout;
    middle->addWidget(card);
    middle->addWidget(m_historyView, 1);

    auto button = [this](const QString &text, const QString &name, auto slot) {
        auto *b = new QPushButton(text, this);
        b->setObjectName(name);
        b->setMinimumHeight(kTouch);
        b->setMinimumWidth(140);
        connect(b, &QPushButton::clicked, this, slot);
        return b;
    };
    auto *sell =
        button(tr("Sell a gift card…"), QStringLiteral("sell"), &GiftCardScreen::sellDialog);
    sell->setDefault(false);
    sell->setStyleSheet(QStringLiteral("font-weight: bold;"));
    m_reload = button(tr("Reload…"), QStringLiteral("reload"), &GiftCardScreen::reloadDialog);
    m_replace =
        button(tr("Replace lost card…"), QStringLiteral("replace"), &GiftCardScreen::replaceDialog);
    m_cashOut = button(tr("Cash out…"), QStringLiteral("cashOut"), &GiftCardScreen::cashOutDialog);
    m_adjust = button(tr("Adjust…"), QStringLiteral("adjust"), &GiftCardScreen::adjustDialog);
    m_certificate = button(tr("Certificate…"), QStringLiteral("certificate"),
                           &GiftCardScreen::certificateDialog);
    m_email = button(tr("Email gift card…"), QStringLiteral("emailGiftCard"),
                     &GiftCardScreen::emailDialog);
    m_email->hide(); // until the app hands over its outbox
    auto *liability = button(tr("Liability report…"), QStringLiteral("liability"),
                             &GiftCardScreen::liabilityDialog);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(sell);
    buttons->addWidget(m_reload);
    buttons->addSpacing(16);
    buttons->addWidget(m_replace);
    buttons->addWidget(m_cashOut);
    buttons->addWidget(m_adjust);
    buttons->addWidget(m_certificate);
    buttons->addWidget(m_email);
    buttons->addStretch();
    buttons->addWidget(liability);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_message);
    layout->addWidget(m_change);
    layout->addLayout(middle, 1);
    layout->addLayout(buttons);

    connect(m_code, &QLineEdit::returnPressed, this, &GiftCardScreen::lookUpTyped);
    connect(lookUp, &QPushButton::clicked, this, &GiftCardScreen::lookUpTyped);
    clearCard();
    setFocusProxy(m_code);
}

GiftCardScreen::~GiftCardScreen() = default;

StaffMember GiftCardScreen::user() const {
    return m_ctx.currentUser ? m_ctx.currentUser() : StaffMember{};
}

QString GiftCardScreen::actorName(const std::optional<StaffMember> &approver) const {
    return approver ? tr("%1 (approved by %2)").arg(user().name, approver->name) : user().name;
}

QString GiftCardScreen::message() const {
    return m_message->text();
}

void GiftCardScreen::showError(const Error &error) {
    m_change->hide();
    m_message->setStyleSheet(QStringLiteral(
        "color: #8a1c1c; background: #fdecec; border-radius: 6px; padding: 6px 10px;"));
    m_message->setText(error.message);
}

void GiftCardScreen::showInfo(const QString &text) {
    m_change->hide();
    m_message->setStyleSheet(QStringLiteral(
        "color: #184d2e; background: #e8f5ec; border-radius: 6px; padding: 6px 10px;"));
    m_message->setText(text);
}

void GiftCardScreen::lookUpTyped() {
    const QString text = m_code->text().trimmed();
    if (text.isEmpty())
        return;
    if (showCode(text))
        m_code->clear(); // the code does not stay on screen; ready for the next scan
    else
        m_code->selectAll(); // a typo can be corrected in place
}

bool GiftCardScreen::showCode(const QString &code) {
    if (!m_ctx.db)
        return false;
    m_change->hide(); // the last reload's change was counted back
    auto card = GiftCardService(*m_ctx.db).lookup(code, m_ctx.registerId);
    if (!card) {
        clearCard();
        showError(card.error());
        return false;
    }
    m_cardCode = giftcode::parse(code).canonical;
    showCard(*card);
    m_message->clear();
    m_message->setStyleSheet({});
    return true;
}

void GiftCardScreen::clearCard() {
    m_card.reset();
    m_cardCode.clear();
    m_last4->setText(tr("No card shown"));
    m_balance->setText(QStringLiteral("—"));
    m_promo->clear();
    m_promo->hide();
    m_status->setText(tr("Scan a card to see its balance and history."));
    m_toFrom->clear();
    m_note->clear();
    m_history->clear();
    updateButtons();
}

void GiftCardScreen::showCard(const GiftCard &card) {
    m_card = card;
    const QLocale locale;
    m_last4->setText(tr("Card ending %1").arg(card.last4));
    // What the card can spend, large; its promotional value (not paid for, spent last) said
    // apart on a line of its own, small enough to wrap in the panel.
    m_balance->setText(card.spendable().format(locale));
    m_promo->setText(
        card.promo.isZero()
            ? QString()
            : (card.promoExpires.isValid()
                   ? tr("%1 paid · %2 promotional, expires %3")
                         .arg(card.balance.format(locale), card.promo.format(locale),
                              locale.toString(card.promoExpires, shortDateFormatFullYear()))
                   : tr("%1 paid · %2 promotional, no expiry")
                         .arg(card.balance.format(locale), card.promo.format(locale))));
    m_promo->setVisible(!card.promo.isZero());
    // The paid ledger, and the promotional one among it.
    auto history = GiftCardService(*m_ctx.db).history(card.id);
    auto promo = PromoLedger(*m_ctx.db).history(card.id);
    // A card given away was issued with no paid value, not sold (its history's "Issued").
    const bool given = history && !history->empty() && history->front().kind == u"activate" &&
                       history->front().amount.isZero();
    const QString since = locale.toString(card.createdAt.toTimeZone(m_history->timeZone()).date(),
                                          QLocale::ShortFormat);
    m_status->setText(card.status != GiftCardStatus::Active ? tr("Void")
                      : given                               ? tr("Active · issued %1").arg(since)
                                                            : tr("Active · sold %1").arg(since));
    QStringList toFrom;
    if (!card.recipient.isEmpty())
        toFrom << tr("To: %1").arg(card.recipient);
    if (!card.sender.isEmpty())
        toFrom << tr("From: %1").arg(card.sender);
    m_toFrom->setText(toFrom.join(u'\n'));
    m_note->setText(card.message.isEmpty() ? QString() : QStringLiteral("“%1”").arg(card.message));
    if (history && promo) {
        m_history->setActivity(std::move(*history), std::move(*promo));
        m_historyView->scrollToBottom();
    } else {
        m_history->clear();
        showError(history ? promo.error() : history.error());
    }
    updateButtons();
}

void GiftCardScreen::reloadCard() {
    if (!m_card)
        return;
    if (auto card = GiftCardService(*m_ctx.db).byId(m_card->id); card)
        showCard(*card);
    else
        showError(card.error());
}

void GiftCardScreen::updateButtons() {
    const bool active = m_card && m_card->status == GiftCardStatus::Active;
    m_reload->setEnabled(active);
    m_replace->setEnabled(active);
    m_cashOut->setEnabled(active && m_card->balance > Money() &&
                          m_card->balance < GiftCardService::cashOutLimit());
    m_adjust->setEnabled(active);
    m_certificate->setEnabled(active);
    m_email->setEnabled(active);
}

void GiftCardScreen::setOutbox(mail::Outbox *outbox) {
    m_outbox = outbox;
    m_email->setVisible(outbox != nullptr);
}

Status GiftCardScreen::emailCard(const QString &to) {
    if (!m_card || m_cardCode.isEmpty())
        return fail(ErrorCode::Invalid, tr("Scan or type the card's code first."));
    if (m_card->status != GiftCardStatus::Active)
        return fail(ErrorCode::Refused,
                    tr("The gift card ending %1 is void: email the card that replaced it.")
                        .arg(m_card->last4));
    if (auto ok = checkEmailAddress(to); !ok)
        return ok;
    if (!m_outbox)
        return fail(ErrorCode::System, tr("This register does not send email."));
    const SmtpSettings smtp = StoreSettings(*m_ctx.db).smtp();
    if (!smtp.configured())
        return fail(ErrorCode::System,
                    tr("No mail server is set for this store: a manager sets one with "
                       "oasisctl settings smtp."));
    if (auto ok = EmailLog(*m_ctx.db).maySend(user()); !ok)
        return ok;
    auto message =
        mail::giftCardMessage(certificateFor(m_cardCode, m_card->spendable(), m_card->recipient,
                                             m_card->sender, m_card->message),
                              smtp.from, to);
    if (!message)
        return std::unexpected(message.error());
    return m_outbox->enqueue(*message, mail::Outbox::Kind::GiftCard, m_card->id, user().name);
}

void GiftCardScreen::emailDialog() {
    bool ok = false;
    const QString to =
        QInputDialog::getText(this, tr("Email gift card"), tr("Customer's email address:"),
                              QLineEdit::Normal, QString(), &ok)
            .trimmed();
    if (!ok)
        return;
    if (auto queued = emailCard(to); queued)
        showInfo(tr("The gift card is on its way to %1.").arg(to));
    else
        showError(queued.error());
}

// --- operations ------------------------------------------------------------------------

Status GiftCardScreen::requestSale(Money amount, const QString &to, const QString &from,
                                   const QString &message, Money bonus, const QDate &bonusExpires) {
    const StoreSettings settings(*m_ctx.db);
    const QLocale locale;
    if (auto ok = settings.checkGiftCardAmount(amount); !ok) {
        showError(ok.error());
        return ok;
    }
    if (!bonus.isZero()) {
        if (auto ok = checkPromoValue(bonus, bonusExpires, settings.giftCardMaximum(),
                                      settings.businessDate(Clock::nowUtc()));
            !ok) {
            showError(ok.error());
            return ok;
        }
    } else if (bonusExpires.isValid()) {
        Error error{ErrorCode::Invalid,
                    tr("An expiry date is for promotional value: give a bonus.")};
        showError(error);
        return std::unexpected(error);
    }
    Q_EMIT sellRequested(amount, to.trimmed(), from.trimmed(), message.trimmed(), bonus,
                         bonus.isZero() ? QDate() : bonusExpires);
    showInfo(bonus.isZero()
                 ? tr("A %1 gift card is on the register's ticket: take payment there.")
                       .arg(amount.format(locale))
                 : tr("A %1 gift card with %2 promotional value is on the register's ticket: take "
                      "payment there (a manager approves the bonus).")
                       .arg(amount.format(locale), bonus.format(locale)));
    return {};
}

void GiftCardScreen::showIssued(const IssuedCard &issued) {
    // No lookup needed: its id is known.
    m_cardCode = issued.code;
    if (auto card = GiftCardService(*m_ctx.db).byId(issued.id); card)
        showCard(*card);
}

Result<IssuedCard> GiftCardScreen::giveCard(Money amount, const QDate &expires,
                                            const QString &reason) {
    auto issued = withApproval(m_ctx.requestApproval, [&](const std::optional<StaffMember> &a) {
        return GiftCardService(*m_ctx.db).give(amount, expires, reason, user(), a,
                                               m_ctx.registerId);
    });
    if (!issued) {
        showError(issued.error());
        return issued;
    }
    showIssued(*issued);
    const QLocale locale;
    showInfo(expires.isValid()
                 ? tr("Card ••%1 given: %2 of promotional value, spendable through %3.")
                       .arg(giftcode::last4(issued->code), issued->promo.format(locale),
                            locale.toString(expires, shortDateFormatFullYear()))
                 : tr("Card ••%1 given: %2 of promotional value, no expiry.")
                       .arg(giftcode::last4(issued->code), issued->promo.format(locale)));
    Q_EMIT cardsChanged();
    return issued;
}

Result<CompletedSale> GiftCardScreen::reload(Money amount, const Tender &tender) {
    if (!m_card || m_cardCode.isEmpty()) {
        Error error{ErrorCode::Invalid, tr("Scan the card to reload first.")};
        showError(error);
        return std::unexpected(error);
    }
    Ticket ticket;
    ticket.addGiftCardLoad(m_cardCode, amount);
    auto sale =
        SaleService(*m_ctx.db).complete(ticket, {tender}, user(), std::nullopt, m_ctx.registerId);
    if (!sale) {
        showError(sale.error());
        return sale;
    }
    reloadCard();
    const QLocale locale;
    QString text = tr("Loaded %1 on receipt %2. New balance: %3.")
                       .arg(amount.format(locale), receiptCode(sale->receiptNo),
                            m_card ? m_card->balance.format(locale) : QString());
    if (tender.type == TenderType::Cash && !sale->change.isZero())
        text += QLatin1Char(' ') + tr("Change due: %1.").arg(sale->change.format(locale));
    showInfo(text);
    if (tender.type == TenderType::Cash && !sale->change.isZero()) {
        // What the cashier counts back, as large as on the register's pay dialog.
        m_change->setText(tr("Change due %1").arg(sale->change.format(locale)));
        m_change->show();
    }
    Q_EMIT saleCompleted(sale->receiptNo, tender.type == TenderType::Cash);
    Q_EMIT cardsChanged();
    return sale;
}

Result<IssuedCard> GiftCardScreen::replaceCard() {
    if (!m_card || m_cardCode.isEmpty()) {
        Error error{ErrorCode::Invalid, tr("Scan the lost card's code first.")};
        showError(error);
        return std::unexpected(error);
    }
    const QString oldLast4 = m_card->last4;
    auto issued = withApproval(m_ctx.requestApproval, [&](const std::optional<StaffMember> &a) {
        return GiftCardService(*m_ctx.db).replace(m_cardCode, user(), a, m_ctx.registerId);
    });
    if (!issued) {
        showError(issued.error());
        return issued;
    }
    showIssued(*issued);
    showInfo(tr("The card ending %1 is now void. New card: %2 holding %3.")
                 .arg(oldLast4, issued->code, issued->amount.format(QLocale())));
    Q_EMIT cardsChanged();
    return issued;
}

Result<Money> GiftCardScreen::cashOut() {
    if (!m_card || m_cardCode.isEmpty()) {
        Error error{ErrorCode::Invalid, tr("Scan the card to cash out first.")};
        showError(error);
        return std::unexpected(error);
    }
    auto paid = withApproval(m_ctx.requestApproval, [&](const std::optional<StaffMember> &a) {
        return GiftCardService(*m_ctx.db).cashOut(m_cardCode, user(), a, m_ctx.registerId);
    });
    if (!paid) {
        showError(paid.error());
        return paid;
    }
    reloadCard();
    showInfo(tr("Pay the customer %1 in cash from the drawer.").arg(paid->format(QLocale())));
    Q_EMIT cashPaidOut(*paid);
    Q_EMIT cardsChanged();
    return paid;
}

Result<Money> GiftCardScreen::adjust(Money delta, const QString &reason) {
    if (!m_card || m_cardCode.isEmpty()) {
        Error error{ErrorCode::Invalid, tr("Scan the card to adjust first.")};
        showError(error);
        return std::unexpected(error);
    }
    if (reason.trimmed().isEmpty()) {
        Error error{ErrorCode::Invalid, tr("An adjustment needs a reason.")};
        showError(error);
        return std::unexpected(error);
    }
    auto balance = withApproval(m_ctx.requestApproval, [&](const std::optional<StaffMember> &a) {
        return GiftCardService(*m_ctx.db).adjust(m_cardCode, delta, reason.trimmed(), user(), a,
                                                 m_ctx.registerId);
    });
    if (!balance) {
        showError(balance.error());
        return balance;
    }
    reloadCard();
    showInfo(tr("Adjusted by %1. New balance: %2.")
                 .arg(delta.format(QLocale()), balance->format(QLocale())));
    Q_EMIT cardsChanged();
    return balance;
}

printing::GiftCertificate GiftCardScreen::certificateFor(const QString &code, Money amount,
                                                         const QString &to, const QString &from,
                                                         const QString &message) const {
    return certificateOf(*m_ctx.db, code, amount, to, from, message);
}

Result<printing::GiftCertificate> GiftCardScreen::cardCertificate() {
    if (!m_card) {
        Error error{ErrorCode::Invalid, tr("Scan the card first.")};
        showError(error);
        return std::unexpected(error);
    }
    // Core decides whether this is the seller's own certificate (the card was just sold) or a
    // reprint, which needs a manager because the certificate is as good as cash.
    auto code = withApproval(m_ctx.requestApproval, [&](const std::optional<StaffMember> &a) {
        return GiftCardService(*m_ctx.db).certificateCode(m_card->id, user(), a, m_ctx.registerId);
    });
    if (!code) {
        showError(code.error());
        return std::unexpected(code.error());
    }
    // What the card can spend, with its promotional part disclosed (and its expiry).
    printing::GiftCertificate certificate = certificateFor(
        *code, m_card->spendable(), m_card->recipient, m_card->sender, m_card->message);
    certificate.promo = m_card->promo;
    certificate.promoExpires = m_card->promoExpires;
    return certificate;
}

// --- dialogs -----------------------------------------------------------------------------

void GiftCardScreen::openCertificate(const printing::GiftCertificate &certificate) {
    CertificatePreviewDialog dialog(certificate, this);
    dialog.exec();
}

void GiftCardScreen::sellDialog() {
    const StoreSettings settings(*m_ctx.db);
    const QLocale locale;
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Sell a gift card"));
    dialog.setMinimumWidth(520);

    auto *presets = new QButtonGroup(&dialog);
    auto *presetRow = new QHBoxLayout;
    for (const Money &preset : settings.giftCardPresets()) {
        auto *b = new QPushButton(preset.format(locale), &dialog);
        b->setCheckable(true);
        b->setMinimumSize(96, 64);
        b->setFont(scaled(b->font(), 1.3, true));
        b->setProperty("cents", preset.cents());
        presets->addButton(b);
        presetRow->addWidget(b);
    }
    auto *custom = touchEdit(&dialog, QStringLiteral("customAmount"));
    custom->setPlaceholderText(tr("%1 to %2")
                                   .arg(settings.giftCardMinimum().format(locale),
                                        settings.giftCardMaximum().format(locale)));
    auto *to = touchEdit(&dialog, QStringLiteral("to"));
    auto *from = touchEdit(&dialog, QStringLiteral("from"));
    auto *note = new QPlainTextEdit(&dialog);
    note->setObjectName(QStringLiteral("message"));
    note->setMaximumHeight(90);
    auto *error = new QLabel(&dialog);
    error->setStyleSheet(QStringLiteral("color: #8a1c1c;"));
    error->setWordWrap(true);

    connect(presets, &QButtonGroup::buttonClicked, custom, [custom](QAbstractButton *b) {
        custom->setText(Money::fromCents(b->property("cents").toLongLong()).toString());
    });
    connect(custom, &QLineEdit::textEdited, presets, [presets] {
        presets->setExclusive(false);
        for (QAbstractButton *b : presets->buttons())
            b->setChecked(false);
        presets->setExclusive(true);
    });

    auto *form = new QFormLayout;
    form->addRow(tr("Amount"), presetRow);
    form->addRow(tr("Other amount"), custom);
    form->addRow(tr("To (optional)"), to);
    form->addRow(tr("From (optional)"), from);
    form->addRow(tr("Message (optional)"), note);
    // Promotional value given with the card: not paid for, kept apart, a manager's decision.
    auto *bonus = touchEdit(&dialog, QStringLiteral("bonus"));
    bonus->setPlaceholderText(tr("e.g. 20 (a manager approves it)"));
    form->addRow(tr("Bonus (optional)"), bonus);
    // Unticked, the bonus does not expire.
    const QDate today = settings.businessDate(Clock::nowUtc());
    const OptionalDateField bonusExpires = optionalDateField(
        &dialog, tr("Bonus expires on"), today.addMonths(3), today, QStringLiteral("bonusExpires"));
    form->addRow(bonusExpires.on, bonusExpires.date);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addLayout(form);
    layout->addWidget(error);
    auto *buttons = okCancel(&dialog, tr("Add to ticket"));
    layout->addWidget(buttons);
    disconnect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, [&] {
        auto amount = Money::parse(custom->text(), settings.giftCardMaximum());
        if (!amount) {
            error->setText(custom->text().trimmed().isEmpty() ? tr("Choose or type an amount.")
                                                              : amount.error().message);
            return;
        }
        Money bonusAmount;
        if (!bonus->text().trimmed().isEmpty()) {
            auto parsed = Money::parse(bonus->text(), settings.giftCardMaximum());
            if (!parsed) {
                error->setText(tr("The bonus: %1").arg(parsed.error().message));
                return;
            }
            bonusAmount = *parsed;
        }
        if (auto ok = requestSale(*amount, to->text(), from->text(), note->toPlainText(),
                                  bonusAmount, bonusExpires.value());
            !ok) {
            error->setText(ok.error().message);
            return;
        }
        dialog.accept();
    });
    dialog.exec();
}

void GiftCardScreen::giveDialog() {
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("giveDialog"));
    dialog.setWindowTitle(tr("Give a gift card"));
    dialog.setMinimumWidth(520);
    auto *hint = new QLabel(tr("A card given away holds promotional value only: it is not owed "
                               "to anyone, it is spent after any paid value, and it may expire. "
                               "A manager decides."),
                            &dialog);
    hint->setWordWrap(true);
    auto *amount = touchEdit(&dialog, QStringLiteral("giveAmount"));
    amount->setPlaceholderText(tr("e.g. 25"));
    // Unticked, the card's value does not expire.
    const QDate today = StoreSettings(*m_ctx.db).businessDate(Clock::nowUtc());
    const OptionalDateField expires = optionalDateField(
        &dialog, tr("Expires on"), today.addMonths(3), today, QStringLiteral("giveExpires"));
    auto *reason = touchEdit(&dialog, QStringLiteral("giveReason"));
    reason->setPlaceholderText(tr("e.g. Apology for a late start"));
    auto *error = new QLabel(&dialog);
    error->setObjectName(QStringLiteral("giveError"));
    error->setStyleSheet(QStringLiteral("color: #8a1c1c;"));
    error->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("Amount"), amount);
    form->addRow(expires.on, expires.date);
    form->addRow(tr("Reason"), reason);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(hint);
    layout->addLayout(form);
    layout->addWidget(error);
    auto *buttons = okCancel(&dialog, tr("Give the card"));
    layout->addWidget(buttons);
    disconnect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    std::optional<IssuedCard> given;
    connect(buttons, &QDialogButtonBox::accepted, &dialog, [&] {
        auto value = Money::parse(amount->text());
        if (!value) {
            error->setText(amount->text().trimmed().isEmpty() ? tr("Type an amount.")
                                                              : value.error().message);
            return;
        }
        auto issued = giveCard(*value, expires.value(), reason->text());
        if (!issued) {
            error->setText(issued.error().message);
            return;
        }
        given = *issued;
        dialog.accept();
    });
    if (dialog.exec() != QDialog::Accepted || !given)
        return;
    // The code is in memory only now: its certificate is printed while the customer is here.
    printing::GiftCertificate certificate =
        certificateFor(given->code, given->amount + given->promo);
    certificate.promo = given->promo;
    certificate.promoExpires = given->promoExpires;
    openCertificate(certificate);
}

void GiftCardScreen::reloadDialog() {
    if (!m_card)
        return;
    const StoreSettings settings(*m_ctx.db);
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Reload card ending %1").arg(m_card->last4));
    dialog.setMinimumWidth(460);
    auto *amount = touchEdit(&dialog, QStringLiteral("reloadAmount"));
    amount->setPlaceholderText(tr("Amount to load"));
    auto *cash = new QRadioButton(tr("Cash"), &dialog);
    auto *cardTender = new QRadioButton(tr("Card (terminal)"), &dialog);
    cash->setChecked(true);
    for (QRadioButton *r : {cash, cardTender})
        r->setMinimumHeight(kTouch);
    auto *given = touchEdit(&dialog, QStringLiteral("cashGiven"));
    given->setPlaceholderText(tr("Cash handed over (optional)"));
    auto *last4 = touchEdit(&dialog, QStringLiteral("cardLast4"));
    last4->setPlaceholderText(tr("Last 4 digits"));
    last4->setMaxLength(4);
    last4->setInputMask(QStringLiteral("9999;_"));
    last4->clear();
    auto *auth = touchEdit(&dialog, QStringLiteral("authCode"));
    auth->setPlaceholderText(tr("Authorisation code"));
    auto *error = new QLabel(&dialog);
    error->setStyleSheet(QStringLiteral("color: #8a1c1c;"));
    error->setWordWrap(true);
    auto syncTender = [=] {
        given->setEnabled(cash->isChecked());
        last4->setEnabled(cardTender->isChecked());
        auth->setEnabled(cardTender->isChecked());
    };
    connect(cash, &QRadioButton::toggled, &dialog, syncTender);
    syncTender();

    auto *tenderRow = new QHBoxLayout;
    tenderRow->addWidget(cash);
    tenderRow->addWidget(cardTender);
    auto *form = new QFormLayout;
    form->addRow(tr("Amount"), amount);
    form->addRow(tr("Paid by"), tenderRow);
    form->addRow(tr("Cash given"), given);
    form->addRow(tr("Card last 4"), last4);
    form->addRow(tr("Auth code"), auth);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addLayout(form);
    layout->addWidget(error);
    auto *buttons = okCancel(&dialog, tr("Reload"));
    layout->addWidget(buttons);
    disconnect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, [&] {
        auto value = Money::parse(amount->text(), settings.giftCardMaximum());
        if (!value) {
            error->setText(value.error().message);
            return;
        }
        Tender tender;
        tender.amount = *value;
        if (cash->isChecked()) {
            tender.type = TenderType::Cash;
            if (!given->text().trimmed().isEmpty()) {
                auto handed = Money::parse(given->text());
                if (!handed) {
                    error->setText(handed.error().message);
                    return;
                }
                tender.amount = *handed;
            }
        } else {
            tender.type = TenderType::Card;
            tender.cardLast4 = last4->text().trimmed();
            tender.authCode = auth->text().trimmed();
        }
        if (auto sale = reload(*value, tender); !sale) {
            error->setText(sale.error().message);
            return;
        }
        dialog.accept();
    });
    dialog.exec();
}

void GiftCardScreen::replaceDialog() {
    if (!m_card)
        return;
    const auto answer =
        QMessageBox::question(this, tr("Replace lost card"),
                              tr("Void the card ending %1 and move its %2 to a new card?")
                                  .arg(m_card->last4, m_card->balance.format(QLocale())));
    if (answer != QMessageBox::Yes)
        return;
    auto issued = replaceCard();
    if (!issued)
        return;
    const auto print = QMessageBox::question(
        this, tr("New card"),
        tr("The new code is %1.\n\nPrint a certificate for it now?").arg(issued->code));
    if (print == QMessageBox::Yes) {
        printing::GiftCertificate certificate =
            certificateFor(issued->code, issued->amount + issued->promo, m_card->recipient,
                           m_card->sender, m_card->message);
        certificate.promo = issued->promo;
        certificate.promoExpires = issued->promoExpires;
        openCertificate(certificate);
    }
}

void GiftCardScreen::cashOutDialog() {
    if (!m_card)
        return;
    const auto answer = QMessageBox::question(
        this, tr("Cash out"),
        tr("Pay out the %1 left on the card ending %2 in cash? The card will be empty.")
            .arg(m_card->balance.format(QLocale()), m_card->last4));
    if (answer == QMessageBox::Yes)
        cashOut();
}

void GiftCardScreen::adjustDialog() {
    if (!m_card)
        return;
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Adjust card ending %1").arg(m_card->last4));
    dialog.setMinimumWidth(460);
    auto *amount = touchEdit(&dialog, QStringLiteral("adjustAmount"));
    amount->setPlaceholderText(tr("e.g. 10.00 or -5.00"));
    auto *reason = touchEdit(&dialog, QStringLiteral("adjustReason"));
    reason->setPlaceholderText(tr("Required: why the balance changes"));
    auto *error = new QLabel(&dialog);
    error->setStyleSheet(QStringLiteral("color: #8a1c1c;"));
    error->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("Change by"), amount);
    form->addRow(tr("Reason"), reason);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addLayout(form);
    layout->addWidget(error);
    auto *buttons = okCancel(&dialog, tr("Adjust"));
    layout->addWidget(buttons);
    auto *ok = buttons->button(QDialogButtonBox::Ok);
    ok->setEnabled(false);
    connect(reason, &QLineEdit::textChanged, ok,
            [ok](const QString &t) { ok->setEnabled(!t.trimmed().isEmpty()); });
    disconnect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, [&] {
        auto delta = Money::parse(amount->text(), Money::defaultLimit(), true);
        if (!delta) {
            error->setText(delta.error().message);
            return;
        }
        if (auto done = adjust(*delta, reason->text()); !done) {
            error->setText(done.error().message);
            return;
        }
        dialog.accept();
    });
    dialog.exec();
}

void GiftCardScreen::certificateDialog() {
    auto certificate = cardCertificate();
    if (certificate)
        openCertificate(*certificate);
}

void GiftCardScreen::liabilityDialog() {
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Gift-card liability"));
    dialog.resize(900, 600);
    const StoreSettings settings(*m_ctx.db);
    const QDate today = settings.businessDate(Clock::nowUtc());
    auto *from = new QDateEdit(QDate(today.year(), today.month(), 1), &dialog);
    auto *to = new QDateEdit(today, &dialog);
    for (QDateEdit *d : {from, to}) {
        d->setCalendarPopup(true);
        d->setDisplayFormat(shortDateFormatFullYear());
        d->setMinimumHeight(kTouch);
        d->setMinimumWidth(150);
    }
    auto *show = new QPushButton(tr("Show"), &dialog);
    show->setMinimumHeight(kTouch);
    auto *outstanding = new QLabel(&dialog);
    outstanding->setFont(scaled(outstanding->font(), 1.6, true));
    auto *period = new QLabel(&dialog);
    auto *model = new ReportTableModel(&dialog);
    auto *view = new QTableView(&dialog);
    view->setModel(model);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->setSortingEnabled(false);

    auto *range = new QHBoxLayout;
    range->addWidget(new QLabel(tr("From"), &dialog));
    range->addWidget(from);
    range->addWidget(new QLabel(tr("to"), &dialog));
    range->addWidget(to);
    range->addWidget(show);
    range->addStretch();
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(outstanding);
    layout->addLayout(range);
    layout->addWidget(period);
    layout->addWidget(view, 1);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    close->button(QDialogButtonBox::Close)->setMinimumHeight(kTouch);
    connect(close, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(close);

    auto refresh = [&, this] {
        const QLocale locale;
        if (auto total = GiftCardService(*m_ctx.db).outstanding(); total)
            outstanding->setText(tr("Outstanding on all cards: %1").arg(total->format(locale)));
        else
            outstanding->setText(total.error().message);
        // Totals from the daily rollup; the table lists only the cards that moved.
        auto liability = ReportService(*m_ctx.db).giftCardLiability(from->date(), to->date());
        if (!liability) {
            period->setText(liability.error().message);
            model->setTable({});
            return;
        }
        period->setText(tr("%1 to %2: owed at the start %3, sold %4, redeemed %5, other %6, "
                           "owed at the end %7")
                            .arg(locale.toString(from->date(), QLocale::ShortFormat),
                                 locale.toString(to->date(), QLocale::ShortFormat),
                                 liability->opening.format(locale), liability->sold.format(locale),
                                 liability->redeemed.format(locale),
                                 liability->other.format(locale),
                                 liability->closing.format(locale)));
        model->setTable(std::move(liability->cards));
        view->resizeColumnsToContents(); // long headers stay readable
    };
    connect(show, &QPushButton::clicked, &dialog, refresh);
    refresh();
    dialog.exec();
}

} // namespace oasis::screens
