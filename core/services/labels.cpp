// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/labels.h"

#include "core/domain/clock.h"
#include "core/domain/ean13.h"
#include "core/domain/text.h"
#include "core/domain/translate.h"
#include "core/services/catalog.h"
#include "core/services/inventory.h"
#include "core/services/storesettings.h"

namespace oasis {

namespace {
Status checkCopies(int copies) {
    if (copies < 1 || copies > LabelService::kMaxCopies)
        return fail(
            ErrorCode::Invalid,
            oasis::tr("Copies must be 1 to %1, not %2.").arg(LabelService::kMaxCopies).arg(copies));
    return {};
}
} // namespace

ShelfLabel LabelService::labelFor(const CatalogItem &item) {
    ShelfLabel label;
    label.code = item.code;
    label.name = item.name;
    label.size = item.size;
    label.price = item.price;
    label.priceText = item.price.format();
    label.ean13 = firstValidEan13(item.barcodes);
    return label;
}

QDate LabelService::today() const {
    return StoreSettings(m_db).businessDate(Clock::nowUtc());
}

Result<LabelSet> LabelService::build(const std::vector<std::pair<CatalogItem, int>> &items) const {
    qint64 total = 0;
    for (const auto &[item, copies] : items)
        total += copies;
    if (total > kMaxLabels)
        return fail(
            ErrorCode::Invalid,
            oasis::tr("That is %1 labels; print at most %2 at a time.").arg(total).arg(kMaxLabels));
    LabelSet set;
    set.products = static_cast<int>(items.size());
    set.labels.reserve(static_cast<std::size_t>(total));
    for (const auto &[item, copies] : items) {
        const ShelfLabel label = labelFor(item);
        if (!label.hasBarcode())
            set.notes << oasis::tr("%1 (%2) has no valid EAN-13 barcode: its label shows the SKU "
                                   "and no barcode.")
                             .arg(item.code, item.name);
        set.labels.insert(set.labels.end(), static_cast<std::size_t>(copies), label);
    }
    return set;
}

Result<LabelSet> LabelService::forCodes(const QStringList &codes, int copies) const {
    if (auto ok = checkCopies(copies); !ok)
        return std::unexpected(ok.error());
    if (codes.isEmpty())
        return fail(ErrorCode::Invalid, oasis::tr("Choose at least one product to label."));
    CatalogService catalog(m_db);
    std::vector<std::pair<CatalogItem, int>> items;
    for (const QString &code : codes) {
        auto found = catalog.findByCode(code.trimmed());
        if (!found)
            return std::unexpected(found.error());
        if (!*found)
            return fail(ErrorCode::NotFound,
                        oasis::tr("No product has the code %1.").arg(elidedForMessage(code)));
        if ((*found)->isSession())
            return fail(
                ErrorCode::Invalid,
                oasis::tr("%1 is a session: shelf labels are for products.").arg((*found)->code));
        items.emplace_back(**found, copies);
    }
    return build(items);
}

Result<LabelSet> LabelService::receivedOn(QDate day, LabelCopies copies) const {
    if (!copies.perUnitReceived)
        if (auto ok = checkCopies(copies.each); !ok)
            return std::unexpected(ok.error());
    auto received = InventoryService(m_db).receivedOn(day);
    if (!received)
        return std::unexpected(received.error());
    if (received->empty())
        return fail(ErrorCode::NotFound,
                    oasis::tr("Nothing was received on %1.").arg(day.toString(Qt::ISODate)));
    CatalogService catalog(m_db);
    std::vector<std::pair<CatalogItem, int>> items;
    for (const ReceivedLine &line : *received) {
        auto item = catalog.byId(line.level.itemId);
        if (!item)
            return std::unexpected(item.error());
        const qint64 n = copies.perUnitReceived ? line.received : copies.each;
        items.emplace_back(*item, static_cast<int>(std::min<qint64>(n, kMaxLabels + 1)));
    }
    return build(items);
}

} // namespace oasis
