// SPDX-License-Identifier: GPL-3.0-or-later
// What the store sells: a product (oils, lotions) or a session (massage by modality and length).
#pragma once

#include "core/domain/money.h"
#include "core/domain/tax.h"

#include <QStringList>

namespace oasis {

enum class ItemType { Product, Session };

struct CatalogItem {
    qint64 id = 0;
    ItemType type = ItemType::Product;
    QString code; ///< SKU or session code
    QStringList barcodes;
    QString name;
    QString category;
    QString size;
    Money price;
    Money cost;
    TaxClass taxClass = TaxClass::Retail;
    bool parabenFree = false;
    int reorderPoint = 0;
    QString modality; ///< sessions
    int minutes = 0;  ///< sessions
    bool active = true;

    bool isSession() const { return type == ItemType::Session; }
};

} // namespace oasis
