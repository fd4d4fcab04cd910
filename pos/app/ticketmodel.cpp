// SPDX-License-Identifier: GPL-3.0-or-later
#include "pos/app/ticketmodel.h"

#include <QFont>
#include <QLocale>

namespace oasis::app {

TicketModel::TicketModel(QObject *parent)
    : QAbstractTableModel(parent) {}

int TicketModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : m_editor.lineCount();
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
    case LineKind::Voucher: // "Voucher: Deep Tissue Massage 60 min"
    case LineKind::Package: // "Package: 5 × Deep Tissue Massage 60 min"
        break;
    }
    return line.name;
}

QVariant TicketModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TicketLine &line = ticket().lines[std::size_t(index.row())];
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
    m_editor.setTaxTable(taxes);
    Q_EMIT totalsChanged();
}

void TicketModel::setDateSource(std::function<QDate()> source) {
    m_editor.setDateSource(std::move(source));
    Q_EMIT totalsChanged();
}

void TicketModel::setTicket(const Ticket &ticket) {
    beginResetModel();
    // A recalled ticket keeps its request id (a retry of a sale that did commit is then found,
    // not charged again); one parked before request ids existed gets its own.
    m_editor.setTicket(ticket);
    endResetModel();
    Q_EMIT totalsChanged();
}

void TicketModel::setClient(qint64 id, const QString &name) {
    m_editor.setClient(id, name);
    Q_EMIT totalsChanged();
}

void TicketModel::clear() {
    beginResetModel();
    m_editor.clear();
    endResetModel();
    Q_EMIT totalsChanged();
}

Result<TicketEditor::Added> TicketModel::addItem(const CatalogItem &item, qint64 therapistId,
                                                 const QString &therapist) {
    // Tried on a copy first: the views hear of a new row before it exists.
    TicketEditor next = m_editor;
    auto added = next.addItem(item, 1, therapistId, therapist);
    if (!added)
        return added;
    if (added->newLine) {
        beginInsertRows({}, added->row, added->row);
        m_editor = std::move(next);
        endInsertRows();
    } else {
        m_editor = std::move(next);
        rowChanged(added->row);
    }
    Q_EMIT totalsChanged();
    return added;
}

Result<int> TicketModel::addTip(Money amount, qint64 therapistId, const QString &therapist) {
    TicketEditor next = m_editor;
    auto row = next.addTip(amount, therapistId, therapist);
    if (!row)
        return row;
    beginInsertRows({}, *row, *row);
    m_editor = std::move(next);
    endInsertRows();
    Q_EMIT totalsChanged();
    return row;
}

int TicketModel::addGiftCard(Money amount, const QString &recipient, const QString &sender,
                             const QString &message) {
    const int row = m_editor.lineCount();
    beginInsertRows({}, row, row);
    m_editor.addGiftCard(amount, recipient, sender, message);
    endInsertRows();
    Q_EMIT totalsChanged();
    return row;
}

Result<int> TicketModel::addVoucher(const CatalogItem &session) {
    // The editor refuses anything but a session: the row is announced only for one.
    if (!session.isSession())
        return m_editor.addVoucher(session);
    const int row = m_editor.lineCount();
    beginInsertRows({}, row, row);
    auto added = m_editor.addVoucher(session);
    endInsertRows();
    Q_EMIT totalsChanged();
    return added;
}

int TicketModel::addPackage(const QString &packageCode, const CatalogItem &session, int sessions,
                            Money price) {
    const int row = m_editor.lineCount();
    beginInsertRows({}, row, row);
    m_editor.addPackage(packageCode, session, sessions, price);
    endInsertRows();
    Q_EMIT totalsChanged();
    return row;
}

void TicketModel::setGiftCardPromo(int row, Money bonus, const QDate &expires) {
    m_editor.setGiftCardPromo(row, bonus, expires);
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    Q_EMIT totalsChanged();
}

Status TicketModel::editRow(int row, const std::function<Status(TicketEditor &)> &edit) {
    if (auto ok = edit(m_editor); !ok)
        return ok;
    rowChanged(row);
    Q_EMIT totalsChanged();
    return {};
}

Status TicketModel::setQuantity(int row, int quantity) {
    return editRow(row, [&](TicketEditor &e) { return e.setQuantity(row, quantity); });
}

Status TicketModel::setLineDiscount(int row, const Discount &discount) {
    return editRow(row, [&](TicketEditor &e) { return e.setLineDiscount(row, discount); });
}

Status TicketModel::setUnitPrice(int row, Money price) {
    return editRow(row, [&](TicketEditor &e) { return e.setUnitPrice(row, price); });
}

void TicketModel::removeLine(int row) {
    if (row < 0 || row >= rowCount())
        return;
    beginRemoveRows({}, row, row);
    m_editor.removeLine(row);
    endRemoveRows();
    Q_EMIT totalsChanged();
}

Status TicketModel::setDiscount(const Discount &discount) {
    auto ok = m_editor.setTicketDiscount(discount);
    Q_EMIT totalsChanged();
    return ok;
}

void TicketModel::rowChanged(int row) {
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1),
                       {Qt::DisplayRole, Qt::ToolTipRole, NetCentsRole});
}

} // namespace oasis::app
