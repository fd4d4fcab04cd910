// SPDX-License-Identifier: GPL-3.0-or-later
// Products (oils, lotions) and sessions (massage by modality and length), with CSV import/export.
#pragma once

#include "core/domain/catalogitem.h"
#include "core/domain/ean13.h"
#include "core/domain/tax.h"
#include "core/services/staff.h"

#include <QStringList>

#include <optional>
#include <vector>

namespace oasis {

class Database;

/// The catalog CSV columns of DESIGN §10, in order.
QStringList catalogCsvColumns();

struct ImportReport {
    int added = 0;
    int updated = 0;
};

class CatalogService final {
public:
    explicit CatalogService(Database &db)
        : m_db(db) {}

    Result<std::vector<CatalogItem>> list(bool includeInactive = false) const;
    /// Active sessions only (the register's quick buttons), without reading every product.
    Result<std::vector<CatalogItem>> sessions() const;
    /// By SKU, session code or any barcode; nullopt when nothing matches.
    Result<std::optional<CatalogItem>> findByCode(const QString &codeOrBarcode) const;
    Result<CatalogItem> byId(qint64 id) const;
    /// The items of `ids` that exist, in the order given, with their barcodes: two statements
    /// whatever their number (one round trip each to a store server).
    Result<std::vector<CatalogItem>> byIds(const std::vector<qint64> &ids) const;
    /// Active items whose name, code or category contains `text` (case-insensitive).
    Result<std::vector<CatalogItem>> search(const QString &text, int limit = 20) const;
    /// Products sold most over the last 90 days, for the quick buttons.
    Result<std::vector<CatalogItem>> bestSellers(int limit) const;
    /// The best sellers as last worked out (shared by every register through the database) and
    /// the business day they were worked out for; an invalid date when never.
    struct KeptBestSellers {
        std::vector<CatalogItem> items;
        QDate day;
    };
    Result<KeptBestSellers> keptBestSellers(int limit) const;
    /// Works the best sellers out again (90 days of sales: a fraction of a second on years of
    /// data) and keeps them for `day`, so each login and restart that day reads 12 items.
    Result<std::vector<CatalogItem>> refreshBestSellers(int limit, QDate day);
    Result<QStringList> categories() const;

    /// Adds or updates one item by code (the product editor). Journaled. Changing the catalog
    /// needs Action::Catalog from `actor` or `approver`.
    Result<CatalogItem> save(const CatalogItem &item, const StaffMember &actor,
                             const std::optional<StaffMember> &approver = std::nullopt);
    Status setActive(const QString &code, bool active, const StaffMember &actor,
                     const std::optional<StaffMember> &approver = std::nullopt);

    /// All-or-nothing: any bad row and nothing is imported; the error names every bad line.
    Result<ImportReport> importCsv(const QByteArray &bytes, const StaffMember &actor,
                                   const std::optional<StaffMember> &approver = std::nullopt);
    Result<QByteArray> exportCsv() const;

    /// Checks one item as the editor and the importer do.
    static Status validate(const CatalogItem &item);

private:
    Status upsert(const CatalogItem &item, bool *added);
    Database &m_db;
};

} // namespace oasis
