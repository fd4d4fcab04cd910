// SPDX-License-Identifier: GPL-3.0-or-later
// The inventory screen: stock list with low-stock highlight, receive, adjust, count, history,
// reports, product editor and catalog CSV import/export.
#pragma once

#include "pos/screens/screen.h"

#include "core/services/inventory.h"

#include <QWidget>

#include <optional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace oasis::screens {

class InventoryModel;
class InventoryFilter;

/// Self-contained back-office screen; the main window hosts it. Manager actions (adjust,
/// count, product editor, import) ask ctx.requestApproval when the user's role may not.
class InventoryScreen final : public QWidget {
    Q_OBJECT
public:
    explicit InventoryScreen(const ScreenContext &ctx, QWidget *parent = nullptr);
    ~InventoryScreen() override;

    /// Reloads the list from the database (after a sale on the register, say).
    void refresh();
    int lowStockCount() const;

    InventoryModel *model() const { return m_model; }
    InventoryFilter *filter() const { return m_filter; }
    QTableView *view() const { return m_view; }

Q_SIGNALS:
    /// Stock or the catalog changed here: the status bar's low-stock count may be stale.
    void stockChanged();

private:
    std::optional<StockLevel> selectedLevel() const;
    /// The SKUs of every row chosen in the list, in the list's order.
    QStringList selectedCodes() const;
    void showError(const Error &error);
    void updateSummary();
    void afterChange(const StockLevel &level, const QStringList &warnings);

    void receive();
    void adjust();
    void count();
    void history();
    void reports();
    void editProduct(bool create);
    void importCsv();
    void exportCsv();
    void printLabels();

    ScreenContext m_ctx;
    InventoryModel *m_model = nullptr;
    InventoryFilter *m_filter = nullptr;
    QTableView *m_view = nullptr;
    QLineEdit *m_search = nullptr;
    QCheckBox *m_lowOnly = nullptr;
    QLabel *m_summary = nullptr;
};

} // namespace oasis::screens
