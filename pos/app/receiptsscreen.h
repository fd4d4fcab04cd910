// SPDX-License-Identifier: GPL-3.0-or-later
// Receipts: recent sales, find one by number, see its rendering, print a copy marked REPRINT.
#pragma once

#include "core/error.h"

#include <QWidget>

class QLineEdit;
class QListWidget;
class QLabel;

namespace oasis {
class Database;
}

namespace oasis::app {

class ReceiptView;

class ReceiptsScreen final : public QWidget {
    Q_OBJECT
public:
    explicit ReceiptsScreen(Database &db, QWidget *parent = nullptr);

    /// Reloads the list of recent sales.
    void reload();
    /// Shows the receipt with this number (as a reprint); the message says when there is none.
    Status showReceipt(qint64 receiptNo);
    qint64 shownReceipt() const { return m_shown; }
    ReceiptView *view() const { return m_view; }
    QString message() const;
    QLineEdit *findField() const { return m_find; }

Q_SIGNALS:
    void backRequested();

protected:
    void showEvent(QShowEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void find();
    void print();

    Database &m_db;
    QLineEdit *m_find = nullptr;
    QListWidget *m_list = nullptr;
    QLabel *m_message = nullptr;
    ReceiptView *m_view = nullptr;
    qint64 m_shown = 0;
};

} // namespace oasis::app
