// SPDX-License-Identifier: GPL-3.0-or-later
#include "pos/app/ticketmodel.h"

#include <QFont>
#include <QLocale>

namespace oasis::app {

TicketModel::TicketModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_taxes(TaxTable::seattle())
    , m_date([] { return QDate::currentDate(); }) {
    m_ticket.requestId = Ticket::newRequestId();
    recompute();
}

int TicketModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_ticket.lines.size());
}

int TicketModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString TicketModel::lineText(const TicketLine &line) const {
    switch (line.kind) {
    case LineKind::Tip:
        return tr("Tip");
    case LineKind::GiftCard:
        if (!line.reloadCode.isEmpty())
            return tr("Gift card reload");
        return line.recipient.isEmpty() ? tr("Gift card")
                                        : tr("Gift card for %1").arg(line.recipient);
    case LineKind::Product:
    case LineKind::Session:
        break;
    }
    return line.name;
}

QVariant TicketModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TicketLine &line = m_ticket.lines[std::size_t(index.row())];
    const QLocale locale;
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case LineColumn:
            return lineText(line);
        case QuantityColumn:
            return line.kind == LineKind::Product ? locale.toString(line.quantity) : QString();
        case PriceColumn:
            return line.unitPrice.format(locale);
        case DiscountColumn:
            return line.lineDiscount.isZero() ? QString() : (-line.lineDiscount).format(locale);
        case AmountColumn:
            return line.net().format(locale);
        case TherapistColumn:
            // The first name is what the desk calls the therapist; the receipt has it in full.
            return line.therapistName.section(u' ', 0, 0);
        case ColumnCount:
            break;
        }
        return {};
    case Qt::ToolTipRole:
        return line.code.isEmpty() ? lineText(line) : line.code + QStringLiteral(" · ") + line.name;
    case Qt::TextAlignmentRole:
        if (index.column() == LineColumn || index.column() == TherapistColumn)
            return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    case KindRole:
        return int(line.kind);
    case CodeRole:
        return line.code;
    case NetCentsRole:
        return line.net().cents();
    case TherapistIdRole:
        return line.therapistId;
    default:
        return {};
    }
}

QVariant TicketModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole)
        return (section == LineColumn || section == TherapistColumn)
                   ? QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter)
                   : QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case LineColumn:
        return tr("Item");
    case QuantityColumn:
        return tr("Qty");
    case PriceColumn:
        return tr("Price");
    case DiscountColumn:
        return tr("Discount");
    case AmountColumn:
        return tr("Amount");
    case TherapistColumn:
        return tr("Therapist");
    case ColumnCount:
        break;
    }
    return {};
}

void TicketModel::setTaxTable(const TaxTable &taxes) {
    m_taxes = taxes;
    recompute();
}

void TicketModel::setDateSource(std::function<QDate()> source) {
    m_date = std::move(source);
    recompute();
}

void TicketModel::setTicket(const Ticket &ticket) {
    beginResetModel();
    m_ticket = ticket;
    // A recalled ticket keeps its request id (a retry of a sale that did commit is then found,
    // not charged again); one parked before request ids existed gets its own.
    if (m_ticket.requestId.isEmpty())
        m_ticket.requestId = Ticket::newRequestId();
    endResetModel();
    recompute();
}

void TicketModel::clear() {
    setTicket(Ticket{}); // a new ticket: a new request id
}

int TicketModel::addItem(const CatalogItem &item, qint64 therapistId, const QString &therapist) {
    // The same product again adds one to its line: find out which line that is.
    const std::vector<TicketLine> before = m_ticket.lines;
    Ticket probe = m_ticket;
    probe.addItem(item, 1, therapistId, therapist);
    if (probe.lines.size() == before.size()) {
        for (std::size_t i = 0; i < before.size(); ++i) {
            if (probe.lines[i].quantity != before[i].quantity) {
                m_ticket = probe;
                rowChanged(int(i));
                recompute();
                return int(i);
            }
        }
        return -1;
    }
    const int row = int(m_ticket.lines.size());
    beginInsertRows({}, row, row);
    m_ticket = probe;
    endInsertRows();
    recompute();
    return row;
}

int TicketModel::addTip(Money amount, qint64 therapistId, const QString &therapist) {
    const int row = int(m_ticket.lines.size());
    beginInsertRows({}, row, row);
    m_ticket.addTip(amount, therapistId, therapist);
    endInsertRows();
    recompute();
    return row;
}

int TicketModel::addGiftCard(Money amount, const QString &recipient, const QString &sender,
                             const QString &message) {
    const int row = int(m_ticket.lines.size());
    beginInsertRows({}, row, row);
    m_ticket.addGiftCard(amount, recipient, sender, message);
    endInsertRows();
    recompute();
    return row;
}

Status TicketModel::setQuantity(int row, int quantity) {
    if (row < 0 || row >= rowCount())
        return fail(ErrorCode::Invalid, tr("Choose a line first."));
    TicketLine &line = m_ticket.lines[std::size_t(row)];
    if (line.kind != LineKind::Product)
        return fail(ErrorCode::Refused, tr("Only products have a quantity."));
    if (quantity < 1 || quantity > 999)
        return fail(ErrorCode::Invalid, tr("The quantity must be from 1 to 999."));
    if (line.lineDiscount > line.unitPrice * quantity)
        return fail(ErrorCode::Invalid, tr("The line discount is more than the line."));
    line.quantity = quantity;
    rowChanged(row);
    recompute();
    return {};
}

Status TicketModel::setLineDiscount(int row, Money discount) {
    if (row < 0 || row >= rowCount())
        return fail(ErrorCode::Invalid, tr("Choose a line first."));
    TicketLine &line = m_ticket.lines[std::size_t(row)];
    if (!line.discountable())
        return fail(ErrorCode::Refused, tr("This line cannot be discounted."));
    if (discount.isNegative() || discount > line.gross())
        return fail(ErrorCode::Invalid,
                    tr("The discount must be from %1 to %2.")
                        .arg(Money().format(QLocale()), line.gross().format(QLocale())));
    line.lineDiscount = discount;
    rowChanged(row);
    recompute();
    return {};
}

Status TicketModel::setUnitPrice(int row, Money price) {
    if (row < 0 || row >= rowCount())
        return fail(ErrorCode::Invalid, tr("Choose a line first."));
    TicketLine &line = m_ticket.lines[std::size_t(row)];
    if (line.kind != LineKind::Product && line.kind != LineKind::Session)
        return fail(ErrorCode::Refused, tr("Only a product or a session can get another price."));
    if (price.isNegative() || price > Money::defaultLimit())
        return fail(ErrorCode::Invalid, tr("That price is not possible."));
    line.unitPrice = price;
    line.priceOverridden = true;
    line.lineDiscount = min(line.lineDiscount, line.gross());
    rowChanged(row);
    recompute();
    return {};
}

void TicketModel::removeLine(int row) {
    if (row < 0 || row >= rowCount())
        return;
    beginRemoveRows({}, row, row);
    m_ticket.removeLine(std::size_t(row));
    // An emptied ticket starts over: what is rung up next is a new ticket with its own id.
    if (m_ticket.isEmpty())
        m_ticket.requestId = Ticket::newRequestId();
    endRemoveRows();
    recompute();
}

void TicketModel::setDiscount(const Discount &discount) {
    m_ticket.discount = discount;
    recompute();
}

void TicketModel::rowChanged(int row) {
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1),
                       {Qt::DisplayRole, Qt::ToolTipRole, NetCentsRole});
}

void TicketModel::recompute() {
    auto totals = m_ticket.totals(m_taxes, m_date());
    if (totals) {
        m_totals = *totals;
        m_totalsError.clear();
    } else {
        m_totals = {};
        m_totalsError = totals.error().message;
    }
    Q_EMIT totalsChanged();
}

} // namespace oasis::app
