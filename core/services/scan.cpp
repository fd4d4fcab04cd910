// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/scan.h"

#include "core/domain/giftcode.h"
#include "core/domain/text.h"
#include "core/domain/translate.h"
#include "core/services/catalog.h"
#include "core/services/sale.h"

namespace oasis {

QString scanKindName(ScanResult::Kind kind) {
    switch (kind) {
    case ScanResult::Kind::GiftCard:
        return QStringLiteral("giftcard");
    case ScanResult::Kind::Receipt:
        return QStringLiteral("receipt");
    case ScanResult::Kind::Item:
        return QStringLiteral("item");
    case ScanResult::Kind::Matches:
        return QStringLiteral("matches");
    case ScanResult::Kind::Clients:
        return QStringLiteral("clients");
    case ScanResult::Kind::Nothing:
        break;
    }
    return QStringLiteral("nothing");
}

Result<ScanResult> ScanResolver::resolve(const QString &input, int searchLimit,
                                         const StaffMember *viewer) const {
    ScanResult result;
    result.text = input.trimmed();
    if (result.text.isEmpty())
        return result;
    // A scanner sends a code; a person types a code or a few words of a name. Anything longer or
    // with control characters is neither, and is refused before it reaches a query.
    if (auto ok = checkText(oasis::tr("scan"), result.text, textlimit::kName); !ok)
        return std::unexpected(ok.error());
    // Gift cards and receipts have their own prefixes: checked before the catalog.
    if (giftcode::looksLikeGiftCard(result.text)) {
        const giftcode::Parsed parsed = giftcode::parse(result.text);
        result.kind = ScanResult::Kind::GiftCard;
        result.giftCode = parsed.status == giftcode::Parse::Ok ? parsed.canonical : result.text;
        return result;
    }
    // A receipt of series R ("R-000042") before the catalog, as always; one of a register's own
    // series ("A-000042") after it, so a SKU that looks like one still sells.
    const std::optional<qint64> receiptNo = parseReceiptCode(result.text);
    const bool seriesR = receiptNo && *receiptNo < receiptseries::kSpan;
    if (receiptNo && seriesR) {
        result.kind = ScanResult::Kind::Receipt;
        result.receiptNo = *receiptNo;
        return result;
    }
    CatalogService catalog(m_db);
    auto found = catalog.findByCode(result.text);
    if (!found)
        return std::unexpected(found.error());
    if (!*found && receiptNo) {
        result.kind = ScanResult::Kind::Receipt;
        result.receiptNo = *receiptNo;
        return result;
    }
    if (*found) {
        result.kind = ScanResult::Kind::Item;
        result.item = std::move(**found);
        return result;
    }
    auto matches = catalog.search(result.text, searchLimit);
    if (!matches)
        return std::unexpected(matches.error());
    if (!matches->empty()) {
        result.kind = ScanResult::Kind::Matches;
        result.matches = std::move(*matches);
        return result;
    }
    if (viewer) {
        auto clients = ClientService(m_db).find(result.text, *viewer, searchLimit);
        if (!clients)
            return std::unexpected(clients.error());
        if (!clients->empty()) {
            result.kind = ScanResult::Kind::Clients;
            result.clients = std::move(*clients);
        }
    }
    return result;
}

} // namespace oasis
