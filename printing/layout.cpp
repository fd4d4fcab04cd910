// SPDX-License-Identifier: GPL-3.0-or-later
#include "printing/layout.h"

#include "core/domain/receiptcode.h"

#include <QLocale>

#include <algorithm>

namespace oasis::printing {

LayoutRow LayoutRow::text(QString left, QString right, int indent) {
    LayoutRow row;
    row.left = std::move(left);
    row.right = std::move(right);
    row.indent = indent;
    return row;
}

LayoutRow LayoutRow::centered(QString text, bool bold, bool large) {
    LayoutRow row;
    row.left = std::move(text);
    row.align = Align::Center;
    row.bold = bold;
    row.large = large;
    return row;
}

LayoutRow LayoutRow::rule() {
    LayoutRow row;
    row.kind = Kind::Rule;
    return row;
}

LayoutRow LayoutRow::blank() {
    LayoutRow row;
    row.kind = Kind::Blank;
    return row;
}

LayoutRow LayoutRow::qr(QString payload) {
    LayoutRow row;
    row.kind = Kind::Qr;
    row.qrPayload = std::move(payload);
    return row;
}

namespace {

QString amount(Money m) {
    return m.toString();
}

QString bullets() {
    return QStringLiteral("\u2022\u2022");
}

QString dateText(const QDateTime &dt) {
    if (!dt.isValid())
        return {};
    // US receipts: month/day/year and a 12-hour clock, independent of the machine's locale.
    return QLocale(QLocale::English, QLocale::UnitedStates)
        .toString(dt, QStringLiteral("MM/dd/yyyy h:mm AP"));
}

void addHeader(Layout &rows, const StoreHeader &store) {
    if (!store.name.isEmpty())
        rows.push_back(LayoutRow::centered(store.name, true, true));
    for (const QString &line : store.addressLines)
        rows.push_back(LayoutRow::centered(line));
    if (!store.phone.isEmpty())
        rows.push_back(LayoutRow::centered(store.phone));
}

void addTender(Layout &rows, const ReceiptTender &t) {
    QString label = t.label;
    if (label.isEmpty()) {
        switch (t.type) {
        case ReceiptTender::Type::Cash:
            label = QStringLiteral("Cash");
            break;
        case ReceiptTender::Type::Card:
            label = QStringLiteral("Card");
            break;
        case ReceiptTender::Type::GiftCard:
            label = QStringLiteral("Gift card");
            break;
        case ReceiptTender::Type::Voucher:
            label = QStringLiteral("Voucher");
            break;
        }
    }
    rows.push_back(LayoutRow::text(label, amount(t.amount)));
    switch (t.type) {
    case ReceiptTender::Type::Cash:
        if (!t.cashTendered.isZero() && t.cashTendered != t.amount)
            rows.push_back(LayoutRow::text(QStringLiteral("Tendered"), amount(t.cashTendered), 2));
        break;
    case ReceiptTender::Type::Card: {
        QString detail;
        if (!t.cardLast4.isEmpty())
            detail = QStringLiteral("Card ") + bullets() + bullets() + t.cardLast4;
        if (!t.authCode.isEmpty())
            detail += (detail.isEmpty() ? QString() : QStringLiteral(" ")) +
                      QStringLiteral("Auth ") + t.authCode;
        if (!detail.isEmpty())
            rows.push_back(LayoutRow::text(detail, {}, 2));
        break;
    }
    case ReceiptTender::Type::GiftCard:
        if (!t.giftCardLast4.isEmpty())
            rows.push_back(
                LayoutRow::text(QStringLiteral("Card ") + bullets() + t.giftCardLast4, {}, 2));
        rows.push_back(
            LayoutRow::text(QStringLiteral("Remaining balance"), amount(t.remainingBalance), 2));
        [[fallthrough]]; // its promotional value, when it holds some (promoLine)
    case ReceiptTender::Type::Voucher:
        for (const QString &detail : t.detail.split(u'\n', Qt::SkipEmptyParts))
            rows.push_back(LayoutRow::text(detail, {}, 2));
        break;
    }
}

} // namespace

Layout layoutReceipt(const ReceiptDocument &doc) {
    Layout rows;
    addHeader(rows, doc.store);
    rows.push_back(LayoutRow::blank());
    if (doc.reprint)
        rows.push_back(LayoutRow::centered(QStringLiteral("*** REPRINT ***"), true, true));
    if (!doc.title.isEmpty())
        rows.push_back(LayoutRow::centered(doc.title, true, true));
    rows.push_back(LayoutRow::blank());

    rows.push_back(LayoutRow::text(QStringLiteral("Receipt %1").arg(receiptCode(doc.receiptNumber)),
                                   dateText(doc.dateTime)));
    if (!doc.cashier.isEmpty())
        rows.push_back(LayoutRow::text(QStringLiteral("Cashier: ") + doc.cashier));
    rows.push_back(LayoutRow::rule());

    for (const ReceiptLine &line : doc.lines) {
        // The line shows its price before the line discount, so that the column adds up.
        rows.push_back(LayoutRow::text(line.name, amount(line.amount + line.lineDiscount)));
        if (!line.detail.isEmpty())
            rows.push_back(LayoutRow::text(line.detail, {}, 2));
        if (line.quantity != 1)
            rows.push_back(LayoutRow::text(
                QStringLiteral("%1 @ %2").arg(line.quantity).arg(amount(line.unitPrice)), {}, 2));
        if (!line.lineDiscount.isZero())
            rows.push_back(
                LayoutRow::text(QStringLiteral("Discount"), amount(-line.lineDiscount), 2));
    }
    rows.push_back(LayoutRow::rule());

    rows.push_back(LayoutRow::text(QStringLiteral("Subtotal"), amount(doc.subtotal)));
    if (!doc.discount.isZero())
        rows.push_back(LayoutRow::text(QStringLiteral("Discount"), amount(-doc.discount)));
    for (const ReceiptTax &tax : doc.taxes)
        rows.push_back(LayoutRow::text(tax.label, amount(tax.amount)));
    for (const ReceiptTip &tip : doc.tips)
        rows.push_back(
            LayoutRow::text(QStringLiteral("Tip for ") + tip.therapist, amount(tip.amount)));
    LayoutRow total = LayoutRow::text(QStringLiteral("TOTAL"), doc.total.format());
    total.bold = true;
    total.large = true;
    rows.push_back(total);
    rows.push_back(LayoutRow::rule());

    for (const ReceiptTender &tender : doc.tenders)
        addTender(rows, tender);
    // Cash taken in (not cash given back on a refund) always shows its change, even none.
    const bool anyCash = std::any_of(doc.tenders.begin(), doc.tenders.end(), [](const auto &t) {
        return t.type == ReceiptTender::Type::Cash && t.amount > Money();
    });
    if (!doc.changeDue.isZero() || anyCash) {
        LayoutRow change = LayoutRow::text(QStringLiteral("Change due"), amount(doc.changeDue));
        change.bold = true;
        rows.push_back(change);
    }

    if (!doc.giftCards.empty()) {
        rows.push_back(LayoutRow::blank());
        rows.push_back(LayoutRow::centered(QStringLiteral("GIFT CARDS"), true));
        for (const ReceiptGiftCard &card : doc.giftCards) {
            rows.push_back(LayoutRow::blank());
            LayoutRow heading = LayoutRow::centered(
                QStringLiteral("Gift card ") + (card.amount + card.promo).format(), true);
            rows.push_back(heading);
            rows.push_back(LayoutRow::qr(card.code));
            rows.push_back(LayoutRow::centered(
                card.readableCode.isEmpty() ? readableCode(card.code) : card.readableCode, true));
            rows.push_back(
                LayoutRow::centered(feesAndExpiryLine(card.amount, card.promo, card.promoExpires)));
            if (!card.promo.isZero())
                rows.push_back(LayoutRow::centered(promoLine(card.promo, card.promoExpires)));
        }
    }

    if (!doc.footerLines.isEmpty()) {
        rows.push_back(LayoutRow::blank());
        for (const QString &line : doc.footerLines)
            rows.push_back(LayoutRow::centered(line));
    }
    if (!doc.receiptCode.isEmpty()) {
        rows.push_back(LayoutRow::blank());
        rows.push_back(LayoutRow::qr(doc.receiptCode));
        rows.push_back(LayoutRow::centered(doc.receiptCode));
    }
    return rows;
}

Layout layoutCertificate(const GiftCertificate &certificate) {
    Layout rows;
    addHeader(rows, certificate.store);
    rows.push_back(LayoutRow::blank());
    rows.push_back(LayoutRow::centered(QStringLiteral("GIFT CERTIFICATE"), true));
    rows.push_back(LayoutRow::centered(certificate.amount.format(), true, true));
    rows.push_back(LayoutRow::blank());
    if (!certificate.to.isEmpty())
        rows.push_back(LayoutRow::text(QStringLiteral("To: ") + certificate.to));
    if (!certificate.from.isEmpty())
        rows.push_back(LayoutRow::text(QStringLiteral("From: ") + certificate.from));
    if (!certificate.message.isEmpty()) {
        rows.push_back(LayoutRow::blank());
        rows.push_back(LayoutRow::centered(certificate.message));
    }
    rows.push_back(LayoutRow::blank());
    rows.push_back(LayoutRow::qr(certificate.code));
    rows.push_back(LayoutRow::centered(certificate.readableCode.isEmpty()
                                           ? readableCode(certificate.code)
                                           : certificate.readableCode,
                                       true));
    rows.push_back(LayoutRow::blank());
    rows.push_back(
        LayoutRow::centered(feesAndExpiryLine(certificate.amount - certificate.promo,
                                              certificate.promo, certificate.promoExpires),
                            true));
    // Promotional value is disclosed with its expiry, as on the page certificate.
    if (!certificate.promo.isZero())
        rows.push_back(LayoutRow::centered(promoLine(certificate.promo, certificate.promoExpires)));
    return rows;
}

Layout foldLayout(Layout layout, const std::function<QString(QStringView)> &fold) {
    for (LayoutRow &row : layout) {
        row.left = fold(row.left);
        row.right = fold(row.right);
    }
    return layout;
}

QStringList wrapText(QStringView text, int width) {
    width = std::max(1, width);
    QStringList lines;
    QString current;
    const auto words = text.split(u' ', Qt::SkipEmptyParts);
    for (QStringView word : words) {
        while (word.size() > width) {
            // A word that cannot fit on any line is cut, filling the current line first.
            const qsizetype room = current.isEmpty() ? width : width - current.size() - 1;
            if (room <= 0) {
                lines << current;
                current.clear();
                continue;
            }
            if (!current.isEmpty())
                current += u' ';
            current += word.first(room);
            lines << current;
            current.clear();
            word = word.sliced(room);
        }
        if (word.isEmpty())
            continue;
        if (current.isEmpty())
            current = word.toString();
        else if (current.size() + 1 + word.size() <= width)
            current += u' ' + word.toString();
        else {
            lines << current;
            current = word.toString();
        }
    }
    if (!current.isEmpty() || lines.isEmpty())
        lines << current;
    return lines;
}

QStringList fitRow(const LayoutRow &row, int width) {
    width = std::max(1, width);
    switch (row.kind) {
    case LayoutRow::Kind::Qr:
        return {};
    case LayoutRow::Kind::Blank:
        return {QString()};
    case LayoutRow::Kind::Rule:
        return {QString(width, u'-')};
    case LayoutRow::Kind::Text:
        break;
    }
    const int indent = std::clamp(row.indent, 0, width / 2);
    const QString pad(indent, u' ');
    QString right = row.right.trimmed();
    if (right.size() > width)
        right.truncate(width);

    QStringList out;
    if (right.isEmpty()) {
        for (const QString &line : wrapText(row.left, width - indent)) {
            const qsizetype free = width - indent - line.size();
            qsizetype lead = 0;
            if (row.align == LayoutRow::Align::Center)
                lead = free / 2;
            else if (row.align == LayoutRow::Align::Right)
                lead = free;
            QString text = pad + QString(lead, u' ') + line;
            while (text.endsWith(u' '))
                text.chop(1);
            out << text;
        }
        return out;
    }

    // Text on the left wraps in the room the amount leaves; the amount sits on the first line.
    const int room = width - indent - int(right.size()) - 1;
    if (room < 1 || row.left.trimmed().isEmpty()) {
        if (!row.left.trimmed().isEmpty())
            for (const QString &line : wrapText(row.left, width - indent))
                out << pad + line;
        out << QString(width - right.size(), u' ') + right;
        return out;
    }
    const QStringList lines = wrapText(row.left, room);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (i == 0) {
            const QString first = pad + lines[0];
            out << first + QString(width - first.size() - right.size(), u' ') + right;
        } else {
            out << pad + lines[i];
        }
    }
    return out;
}

} // namespace oasis::printing
