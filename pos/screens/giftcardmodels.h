// SPDX-License-Identifier: GPL-3.0-or-later
// Table models of the gift-card screen: a card's history and the liability report.
#pragma once

#include "core/services/giftcard.h"
#include "core/services/promo.h"
#include "core/services/report.h"

#include <QAbstractTableModel>
#include <QTimeZone>

#include <vector>

namespace oasis::screens {

/// The activity ledger of one card, oldest first, with the balance after each entry; its
/// promotional ledger's rows among them, in time, each said as promotional (their balance after
/// is left blank: the paid balance does not move, and promotional value also lapses unwritten).
class GiftCardHistoryModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GiftCardHistoryModel)
public:
    enum Column { Date, Kind, Amount, BalanceAfter, Receipt, Staff, ColumnCount };
    /// KindRole: the ledger's kind ("activate", "redeem", …), a promotional row's prefixed
    /// with "promo_" ("promo_grant", "promo_redeem", …).
    enum Role { CentsRole = Qt::UserRole, KindRole };

    explicit GiftCardHistoryModel(QObject *parent = nullptr);

    void setActivity(std::vector<GiftCardActivity> activity,
                     std::vector<PromoLedger::Entry> promo = {});
    void clear();
    /// Dates show in the store's time zone (the ledger is in UTC).
    void setTimeZone(const QTimeZone &zone) { m_zone = zone; }
    QTimeZone timeZone() const { return m_zone; }
    const GiftCardActivity &activityAt(int row) const {
        return m_rows.at(std::size_t(row)).activity;
    }

    /// "Sold", "Redeemed", … for a ledger kind ("activate", "redeem", …).
    static QString kindText(const QString &kind);
    /// "Promotional value given, expires 3/7/27", … for a promotional ledger kind ("grant", …).
    static QString promoKindText(const QString &kind, const QDate &expires);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row {
        GiftCardActivity activity;
        bool promo = false;
        QDate expires; ///< a promotional row's last day
    };
    std::vector<Row> m_rows;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
};

/// Any ReportTable (core/report.h) as a read-only table: money columns formatted, right-aligned.
class ReportTableModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReportTableModel)
public:
    /// The raw value: cents for money columns, the count or the text otherwise.
    static constexpr int RawRole = Qt::UserRole;

    explicit ReportTableModel(QObject *parent = nullptr);

    void setTable(ReportTable table);
    const ReportTable &table() const { return m_table; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    ReportTable m_table;
};

} // namespace oasis::screens
