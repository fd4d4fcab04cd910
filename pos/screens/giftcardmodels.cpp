// SPDX-License-Identifier: GPL-3.0-or-later
#include "pos/screens/giftcardmodels.h"

#include "core/services/sale.h"

#include <QLocale>

namespace oasis::screens {

GiftCardHistoryModel::GiftCardHistoryModel(QObject *parent)
    : QAbstractTableModel(parent) {}

void GiftCardHistoryModel::setActivity(std::vector<GiftCardActivity> activity) {
    beginResetModel();
    m_rows = std::move(activity);
    endResetModel();
}

void GiftCardHistoryModel::clear() {
    setActivity({});
}

QString GiftCardHistoryModel::kindText(const QString &kind) {
    if (kind == u"activate")
        return tr("Sold");
    if (kind == u"load")
        return tr("Reloaded");
    if (kind == u"redeem")
        return tr("Redeemed");
    if (kind == u"refund")
        return tr("Refunded to card");
    if (kind == u"cashout")
        return tr("Cashed out");
    if (kind == u"replace_out")
        return tr("Moved to new card");
    if (kind == u"replace_in")
        return tr("Moved from lost card");
    if (kind == u"adjust")
        return tr("Adjusted");
    if (kind == u"reverse_load" || kind == u"void")
        return tr("Sale voided");
    return kind;
}

int GiftCardHistoryModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int GiftCardHistoryModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant GiftCardHistoryModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const GiftCardActivity &a = m_rows[std::size_t(index.row())];
    const QLocale locale;
    if (role == Qt::DisplayRole) {
        switch (Column(index.column())) {
        case Date:
            return locale.toString(a.at.toTimeZone(m_zone), QLocale::ShortFormat);
        case Kind:
            return a.reason.isEmpty() ? kindText(a.kind)
                                      : tr("%1: %2").arg(kindText(a.kind), a.reason);
        case Amount:
            return a.amount.format(locale);
        case BalanceAfter:
            return a.balanceAfter.format(locale);
        case Receipt:
            return a.receiptNo > 0 ? receiptCode(a.receiptNo) : QString();
        case Staff:
            return a.staff;
        case ColumnCount:
            break;
        }
        return {};
    }
    if (role == Qt::TextAlignmentRole &&
        (index.column() == Amount || index.column() == BalanceAfter))
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == CentsRole) {
        if (index.column() == Amount)
            return a.amount.cents();
        if (index.column() == BalanceAfter)
            return a.balanceAfter.cents();
        return {};
    }
    if (role == KindRole)
        return a.kind;
    return {};
}

QVariant GiftCardHistoryModel::headerData(int section, Qt::Orientation orientation,
                                          int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Date:
        return tr("Date");
    case Kind:
        return tr("What");
    case Amount:
        return tr("Amount");
    case BalanceAfter:
        return tr("Balance after");
    case Receipt:
        return tr("Receipt");
    case Staff:
        return tr("Staff");
    case ColumnCount:
        break;
    }
    return {};
}

ReportTableModel::ReportTableModel(QObject *parent)
    : QAbstractTableModel(parent) {}

void ReportTableModel::setTable(ReportTable table) {
    beginResetModel();
    m_table = std::move(table);
    endResetModel();
}

int ReportTableModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_table.rows.size());
}

int ReportTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_table.columns.size());
}

QVariant ReportTableModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QVariantList &row = m_table.rows[std::size_t(index.row())];
    if (index.column() >= row.size())
        return {};
    const QVariant &value = row[index.column()];
    const auto kind = m_table.columns[std::size_t(index.column())].kind;
    switch (role) {
    case Qt::DisplayRole:
        if (kind == ReportTable::Kind::Money)
            return Money::fromCents(value.toLongLong()).format(QLocale());
        if (kind == ReportTable::Kind::Count)
            return QLocale().toString(value.toLongLong());
        return value.toString();
    case Qt::TextAlignmentRole:
        if (kind != ReportTable::Kind::Text)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case RawRole:
        return value;
    default:
        return {};
    }
}

QVariant ReportTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 ||
        section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    QString header = m_table.columns[std::size_t(section)].header;
    if (!header.isEmpty())
        header[0] = header[0].toUpper();
    return header;
}

} // namespace oasis::screens
