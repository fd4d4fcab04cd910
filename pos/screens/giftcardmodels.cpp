// SPDX-License-Identifier: GPL-3.0-or-later
#include "pos/screens/giftcardmodels.h"

#include "core/services/sale.h"
#include "pos/screens/screen.h"

#include <QLocale>

#include <algorithm>

namespace oasis::screens {

GiftCardHistoryModel::GiftCardHistoryModel(QObject *parent)
    : QAbstractTableModel(parent) {}

void GiftCardHistoryModel::setActivity(std::vector<GiftCardActivity> activity,
                                       std::vector<PromoLedger::Entry> promo) {
    beginResetModel();
    m_rows.clear();
    m_rows.reserve(activity.size() + promo.size());
    for (GiftCardActivity &a : activity)
        m_rows.push_back({std::move(a), false, {}});
    for (PromoLedger::Entry &e : promo) {
        GiftCardActivity a;
        a.at = e.at;
        a.kind = std::move(e.kind);
        a.amount = e.amount;
        a.receiptNo = e.receiptNo;
        a.staff = std::move(e.staff);
        a.staffShown = std::move(e.staffShown);
        a.reason = std::move(e.reason);
        m_rows.push_back({std::move(a), true, e.expiresOn});
    }
    // In time; at the same moment the paid row first, as a card spends its paid value first.
    std::stable_sort(m_rows.begin(), m_rows.end(),
                     [](const Row &x, const Row &y) { return x.activity.at < y.activity.at; });
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

QString GiftCardHistoryModel::promoKindText(const QString &kind, const QDate &expires) {
    QString text;
    if (kind == u"grant")
        text = tr("Promotional value given");
    else if (kind == u"redeem")
        text = tr("Promotional value spent");
    else if (kind == u"refund")
        text = tr("Promotional value refunded to card");
    else if (kind == u"void")
        text = tr("Promotional value taken back (sale voided)");
    else if (kind == u"replace_in")
        text = tr("Promotional value moved from lost card");
    else if (kind == u"replace_out")
        text = tr("Promotional value moved to new card");
    else
        text = tr("Promotional value: %1").arg(kind);
    // A lot's last day, where value comes onto the card.
    if (expires.isValid() && kind != u"redeem" && kind != u"replace_out" && kind != u"void")
        text =
            tr("%1, expires %2").arg(text, QLocale().toString(expires, shortDateFormatFullYear()));
    return text;
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
    const Row &row = m_rows[std::size_t(index.row())];
    const GiftCardActivity &a = row.activity;
    const QLocale locale;
    if (role == Qt::DisplayRole) {
        switch (Column(index.column())) {
        case Date:
            return locale.toString(a.at.toTimeZone(m_zone), QLocale::ShortFormat);
        case Kind: {
            // A card given away is issued with no paid value: not a sale.
            const QString what = row.promo ? promoKindText(a.kind, row.expires)
                                 : a.kind == u"activate" && a.amount.isZero() ? tr("Issued")
                                                                              : kindText(a.kind);
            return a.reason.isEmpty() ? what : tr("%1: %2").arg(what, a.reason);
        }
        case Amount:
            return a.amount.format(locale);
        case BalanceAfter:
            return row.promo ? QString() : a.balanceAfter.format(locale);
        case Receipt:
            return a.receiptNo > 0 ? receiptCode(a.receiptNo) : QString();
        case Staff:
            return a.staffShown;
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
        if (index.column() == BalanceAfter && !row.promo)
            return a.balanceAfter.cents();
        return {};
    }
    if (role == KindRole)
        return row.promo ? QStringLiteral("promo_") + a.kind : a.kind;
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
