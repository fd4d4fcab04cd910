// SPDX-License-Identifier: GPL-3.0-or-later
// The ticket being rung up, as a table: one row per line, totals recomputed on every change.
#pragma once

#include "core/domain/ticketeditor.h"

#include <QAbstractTableModel>

#include <functional>

namespace oasis::app {

/// Presents core's TicketEditor (the ticket, its totals and its rules). Needs Qt Core only.
class TicketModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        LineColumn,
        QuantityColumn,
        PriceColumn,
        DiscountColumn,
        AmountColumn,
        TherapistColumn,
        ColumnCount
    };
    enum Role {
        KindRole = Qt::UserRole + 1, ///< LineKind as int
        CodeRole,                    ///< SKU or session code
        NetCentsRole,                ///< line amount after its own discount, in cents
        TherapistIdRole,
    };

    explicit TicketModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    /// The rules of every edit live in core's TicketEditor; this model presents it as rows and
    /// tells the views what changed. A refused edit changes nothing and says why.
    const TicketEditor &editor() const { return m_editor; }

    /// The tax table and the business date totals are computed with.
    void setTaxTable(const TaxTable &taxes);
    void setDateSource(std::function<QDate()> source);

    /// The ticket, with the request id it got when it started (Ticket::requestId): the same
    /// through every retry of its payment and through hold and recall; clear() starts a new
    /// ticket with a new one.
    const Ticket &ticket() const { return m_editor.ticket(); }
    bool isEmpty() const { return m_editor.isEmpty(); }
    void setTicket(const Ticket &ticket);
    void clear();
    /// The client the ticket is rung up for (0: none); says so through totalsChanged().
    void setClient(qint64 id, const QString &name);

    /// Adds a product or session; the row that was added or changed.
    Result<TicketEditor::Added> addItem(const CatalogItem &item, qint64 therapistId = 0,
                                        const QString &therapist = {});
    Result<int> addTip(Money amount, qint64 therapistId, const QString &therapist);
    int addGiftCard(Money amount, const QString &recipient, const QString &sender,
                    const QString &message);
    /// A service voucher for one session at its price (refused for anything but a session).
    Result<int> addVoucher(const CatalogItem &session);
    /// A session package product (`sessions` × `session` for `price`); the sale needs a client.
    int addPackage(const QString &packageCode, const CatalogItem &session, int sessions,
                   Money price);
    /// A bonus of promotional value with the new card on `row` (a manager approves it when the
    /// sale is paid), lasting through `expires` (null: no expiry).
    void setGiftCardPromo(int row, Money bonus, const QDate &expires);
    Status setQuantity(int row, int quantity);
    Status setLineDiscount(int row, const Discount &discount);
    /// A price override (a manager approves it when the sale is paid).
    Status setUnitPrice(int row, Money price);
    void removeLine(int row);
    Status setDiscount(const Discount &discount);

    const TicketTotals &totals() const { return m_editor.totals(); }
    /// Empty unless the totals could not be computed (then the message says why).
    const QString &totalsError() const { return m_editor.totalsError(); }

Q_SIGNALS:
    void totalsChanged();

private:
    /// Applies an edit of one row and tells the views.
    Status editRow(int row, const std::function<Status(TicketEditor &)> &edit);
    void rowChanged(int row);
    QString lineText(const TicketLine &line) const;

    TicketEditor m_editor;
};

} // namespace oasis::app
