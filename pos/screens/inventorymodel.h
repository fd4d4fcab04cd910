// SPDX-License-Identifier: GPL-3.0-or-later
// Table models of the inventory screen: stock per product, and one product's movements.
#pragma once

#include "core/services/inventory.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>
#include <QTimeZone>

#include <vector>

namespace oasis::screens {

/// Stock per product: what the inventory list shows. Low rows (on-hand at or below the reorder
/// point) get a highlight background; rows below zero a stronger one.
class InventoryModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Code, Name, Category, Size, OnHand, ReorderPoint, Cost, Value, ColumnCount };
    enum Role {
        ItemIdRole = Qt::UserRole + 1,
        CodeRole,
        LowRole,      ///< bool: on-hand <= reorder point
        NegativeRole, ///< bool: on-hand < 0
        SortRole,     ///< numbers as numbers, text as text
    };

    explicit InventoryModel(QObject *parent = nullptr);

    void setLevels(std::vector<StockLevel> levels);
    /// Replaces one product's row after a receive or adjustment (adds it when new).
    void updateLevel(const StockLevel &level);
    const StockLevel &levelAt(int row) const { return m_levels.at(static_cast<std::size_t>(row)); }
    int rowOfItem(qint64 itemId) const;
    int lowCount() const;
    Money totalValue() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static QColor lowBackground();
    static QColor negativeBackground();

private:
    std::vector<StockLevel> m_levels;
};

/// Search over code, name and category, and an optional "low stock only" filter.
class InventoryFilter final : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit InventoryFilter(QObject *parent = nullptr);
    void setSearch(const QString &text);
    void setLowOnly(bool lowOnly);
    bool lowOnly() const { return m_lowOnly; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_search;
    bool m_lowOnly = false;
};

/// Every product at average cost, fetched a page at a time as the view scrolls (100,000
/// products need not be read to show the first screenful).
class ValuationModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Code, Name, OnHand, Cost, Value, ColumnCount };
    static constexpr int kPage = 500;

    explicit ValuationModel(const InventoryService &inventory, QObject *parent = nullptr);

    const StockLevel &levelAt(int row) const { return m_levels.at(static_cast<std::size_t>(row)); }
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

private:
    const InventoryService &m_inventory;
    std::vector<StockLevel> m_levels;
    bool m_atEnd = false;
};

/// One product's movements with the running on-hand (the history view).
class MovementModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        When,
        Reason,
        Quantity,
        OnHandAfter,
        UnitCost,
        Reference,
        Staff,
        Lot,
        Expires,
        Note,
        ColumnCount
    };

    explicit MovementModel(QObject *parent = nullptr);
    /// The movements, their times shown in the store's time zone `zone`.
    void setMovements(std::vector<StockMovement> movements, const QTimeZone &zone);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    /// What a reason code means to a person ("Used in treatment" for treatment).
    static QString reasonText(const QString &reason);

private:
    std::vector<StockMovement> m_movements;
    QTimeZone m_zone;
};

} // namespace oasis::screens
