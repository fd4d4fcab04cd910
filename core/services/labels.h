// SPDX-License-Identifier: GPL-3.0-or-later
// Shelf labels: what each label of a product says (name, size, price, its EAN-13), for chosen
// products or for everything received on a business day. printing/labels.h lays them out.
#pragma once

#include "core/domain/catalogitem.h"
#include "core/domain/error.h"
#include "core/domain/money.h"

#include <QDate>
#include <QStringList>

#include <vector>

namespace oasis {

class Database;

/// One shelf label: what a customer reads and what the scanner at the counter reads.
struct ShelfLabel {
    QString code; ///< the SKU
    QString name;
    QString size;
    Money price;
    QString priceText; ///< the price as Money::format() writes it
    /// The product's first barcode that is a valid EAN-13. Empty when it has none: the label
    /// then shows the SKU as text and no barcode (never a barcode a scanner would misread).
    QString ean13;

    bool hasBarcode() const { return !ean13.isEmpty(); }
};

/// The labels to print, in order: a product's label repeated once per copy.
struct LabelSet {
    std::vector<ShelfLabel> labels;
    int products = 0;
    /// One line for each product printed without a barcode, saying so.
    QStringList notes;
};

/// How many labels of each product.
struct LabelCopies {
    int each = 1;                 ///< the count, unless perUnitReceived
    bool perUnitReceived = false; ///< received on a day: one label per unit received
};

class LabelService final {
public:
    static constexpr int kMaxCopies = 500;  ///< of one product in one go
    static constexpr int kMaxLabels = 3000; ///< in one go: 100 sheets of 30

    explicit LabelService(Database &db)
        : m_db(db) {}

    /// The label of a product (a session has none: check before).
    static ShelfLabel labelFor(const CatalogItem &item);

    /// `copies` labels of each product named by SKU or barcode, in the order given. Unknown
    /// codes and sessions are refused, naming the code.
    Result<LabelSet> forCodes(const QStringList &codes, int copies) const;
    /// Labels for every product received on `day` (a business day in the store's time zone).
    Result<LabelSet> receivedOn(QDate day, LabelCopies copies) const;
    /// The store's business day now.
    QDate today() const;

private:
    Result<LabelSet> build(const std::vector<std::pair<CatalogItem, int>> &items) const;
    Database &m_db;
};

} // namespace oasis
