// SPDX-License-Identifier: GPL-3.0-or-later
#include "pos/screens/inventorymodel.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

namespace oasis::screens {

InventoryModel::InventoryModel(QObject *parent)
    : QAbstractTableModel(parent) {}

QColor InventoryModel::lowBackground() {
    return QColor(0xff, 0xec, 0xb3); // amber: order soon
}

QColor InventoryModel::negativeBackground() {
    return QColor(0xff, 0xcd, 0xd2); // red: sold below zero, count the shelf
}

void InventoryModel::setLevels(std::vector<StockLevel> levels) {
    beginResetModel();
    m_levels = std::move(levels);
    endResetModel();
}

int InventoryModel::rowOfItem(qint64 itemId) const {
    for (std::size_t i = 0; i < m_levels.size(); ++i)
        if (m_levels[i].itemId == itemId)
            return static_cast<int>(i);
    return -1;
}

void InventoryModel::updateLevel(const StockLevel &level) {
    const int row = rowOfItem(level.itemId);
    if (row < 0) {
        const int at = static_cast<int>(m_levels.size());
        beginInsertRows({}, at, at);
        m_levels.push_back(level);
        endInsertRows();
        return;
    }
    m_levels[static_cast<std::size_t>(row)] = level;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int InventoryModel::lowCount() const {
    return static_cast<int>(std::count_if(m_levels.begin(), m_levels.end(),
                                          [](const StockLevel &s) { return s.low(); }));
}

Money InventoryModel::totalValue() const {
    Money total;
    for (const StockLevel &s : m_levels)
        total += s.value();
    return total;
}

int InventoryModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_levels.size());
}

int InventoryModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant InventoryModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const StockLevel &s = m_levels[static_cast<std::size_t>(index.row())];
    const QLocale locale;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Code:
            return s.code;
        case Name:
            return s.name;
        case Category:
            return s.category;
        case Size:
            return s.size;
        case OnHand:
            return locale.toString(s.onHand);
        case ReorderPoint:
            return locale.toString(s.reorderPoint);
        case Cost:
            return s.cost.format(locale);
        case Value:
            return s.value().format(locale);
        }
        return {};
    case Qt::EditRole:
    case SortRole:
        switch (index.column()) {
        case OnHand:
            return s.onHand;
        case ReorderPoint:
            return s.reorderPoint;
        case Cost:
            return s.cost.cents();
        case Value:
            return s.value().cents();
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::TextAlignmentRole:
        if (index.column() >= OnHand)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::BackgroundRole:
        if (s.negative())
            return QBrush(negativeBackground());
        if (s.low())
            return QBrush(lowBackground());
        return {};
    case Qt::ForegroundRole:
        // Dark text on the light highlight, whatever the palette (dark themes too).
        if (s.low())
            return QBrush(s.negative() ? QColor(0x8b, 0, 0) : QColor(0x3e, 0x27, 0x23));
        return {};
    case Qt::ToolTipRole:
        if (s.negative())
            return tr("Below zero: more was sold or used than was on the books. Count the shelf.");
        if (s.low())
            return tr("Low: %1 on hand, reorder at %2.").arg(s.onHand).arg(s.reorderPoint);
        return {};
    case ItemIdRole:
        return s.itemId;
    case CodeRole:
        return s.code;
    case LowRole:
        return s.low();
    case NegativeRole:
        return s.negative();
    }
    return {};
}

QVariant InventoryModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Code:
        return tr("Code");
    case Name:
        return tr("Name");
    case Category:
        return tr("Category");
    case Size:
        return tr("Size");
    case OnHand:
        return tr("On hand");
    case ReorderPoint:
        return tr("Reorder at");
    case Cost:
        return tr("Cost");
    case Value:
        return tr("Value");
    }
    return {};
}

InventoryFilter::InventoryFilter(QObject *parent)
    : QSortFilterProxyModel(parent) {
    setSortRole(InventoryModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void InventoryFilter::setSearch(const QString &text) {
    if (m_search == text.trimmed())
        return;
    m_search = text.trimmed();
    invalidateRowsFilter();
}

void InventoryFilter::setLowOnly(bool lowOnly) {
    if (m_lowOnly == lowOnly)
        return;
    m_lowOnly = lowOnly;
    invalidateRowsFilter();
}

bool InventoryFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const {
    const QAbstractItemModel *m = sourceModel();
    const QModelIndex first = m->index(sourceRow, InventoryModel::Code, sourceParent);
    if (m_lowOnly && !first.data(InventoryModel::LowRole).toBool())
        return false;
    if (m_search.isEmpty())
        return true;
    for (int column : {InventoryModel::Code, InventoryModel::Name, InventoryModel::Category})
        if (m->index(sourceRow, column, sourceParent)
                .data()
                .toString()
                .contains(m_search, Qt::CaseInsensitive))
            return true;
    return false;
}

MovementModel::MovementModel(QObject *parent)
    : QAbstractTableModel(parent) {}

void MovementModel::setMovements(std::vector<StockMovement> movements, const QTimeZone &zone) {
    beginResetModel();
    m_movements = std::move(movements);
    m_zone = zone;
    endResetModel();
}

int MovementModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_movements.size());
}

int MovementModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString MovementModel::reasonText(const QString &reason) {
    static const std::pair<const char *, const char *> names[] = {
        {"sale", QT_TR_NOOP("Sale")},
        {"return", QT_TR_NOOP("Return")},
        {"receive", QT_TR_NOOP("Received")},
        {"damaged", QT_TR_NOOP("Damaged")},
        {"tester", QT_TR_NOOP("Tester")},
        {"treatment", QT_TR_NOOP("Used in treatment")},
        {"count", QT_TR_NOOP("Count correction")},
        {"adjust", QT_TR_NOOP("Adjustment")},
        {"void", QT_TR_NOOP("Voided sale")},
        {"opening", QT_TR_NOOP("Opening stock")},
    };
    for (const auto &[code, text] : names)
        if (reason == QLatin1String(code))
            return tr(text);
    return reason;
}

QVariant MovementModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const StockMovement &m = m_movements[static_cast<std::size_t>(index.row())];
    const QLocale locale;
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue((index.column() == Quantity || index.column() == OnHandAfter ||
                                            index.column() == UnitCost
                                        ? Qt::AlignRight
                                        : Qt::AlignLeft) |
                                   Qt::AlignVCenter);
    if (role == Qt::ForegroundRole && index.column() == OnHandAfter && m.onHandAfter < 0)
        return QBrush(QColor(0xb7, 0x1c, 0x1c));
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case When:
        return locale.toString(m.at.toTimeZone(m_zone), QLocale::ShortFormat);
    case Reason:
        return reasonText(m.reason);
    case Quantity:
        return m.quantity > 0 ? QStringLiteral("+") + locale.toString(m.quantity)
                              : locale.toString(m.quantity);
    case OnHandAfter:
        return locale.toString(m.onHandAfter);
    case UnitCost:
        return m.unitCost.format(locale);
    case Reference:
        return m.reference;
    case Staff:
        return m.staff;
    case Lot:
        return m.lot;
    case Expires:
        return m.expires;
    case Note:
        return m.supplier.isEmpty() ? m.note
               : m.note.isEmpty()   ? m.supplier
                                    : m.supplier + QStringLiteral(" — ") + m.note;
    }
    return {};
}

QVariant MovementModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case When:
        return tr("When");
    case Reason:
        return tr("Reason");
    case Quantity:
        return tr("Change");
    case OnHandAfter:
        return tr("On hand");
    case UnitCost:
        return tr("Unit cost");
    case Reference:
        return tr("Reference");
    case Staff:
        return tr("Staff");
    case Lot:
        return tr("Lot");
    case Expires:
        return tr("Best before");
    case Note:
        return tr("Supplier / note");
    }
    return {};
}

// --- ValuationModel -------------------------------------------------------------------------

ValuationModel::ValuationModel(const InventoryService &inventory, QObject *parent)
    : QAbstractTableModel(parent)
    , m_inventory(inventory) {}

int ValuationModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_levels.size());
}

int ValuationModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ValuationModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const StockLevel &s = levelAt(index.row());
    const QLocale locale;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Code:
            return s.code;
        case Name:
            return s.name;
        case OnHand:
            return QString::number(s.onHand);
        case Cost:
            return s.cost.format(locale);
        case Value:
            return s.value().format(locale);
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() >= OnHand)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::BackgroundRole && s.negative())
        return InventoryModel::negativeBackground();
    return {};
}

QVariant ValuationModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Code:
        return tr("Code");
    case Name:
        return tr("Name");
    case OnHand:
        return tr("On hand");
    case Cost:
        return tr("Cost");
    case Value:
        return tr("Value");
    default:
        return {};
    }
}

bool ValuationModel::canFetchMore(const QModelIndex &parent) const {
    return !parent.isValid() && !m_atEnd;
}

void ValuationModel::fetchMore(const QModelIndex &parent) {
    if (parent.isValid() || m_atEnd)
        return;
    auto page =
        m_inventory.valuationPage(m_levels.empty() ? QString() : m_levels.back().code, kPage);
    if (!page || page->empty()) {
        m_atEnd = true;
        return;
    }
    m_atEnd = int(page->size()) < kPage;
    const int first = rowCount();
    beginInsertRows({}, first, first + int(page->size()) - 1);
    for (StockLevel &s : *page)
        m_levels.push_back(std::move(s));
    endInsertRows();
}

} // namespace oasis::screens
