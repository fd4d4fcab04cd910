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
    case ScanResult::Kind::Voucher:
        return QStringLiteral("voucher");
    case ScanResult::Kind::Package:
        return QStringLiteral("package");
    case ScanResult::Kind::SellVoucher:
        return QStringLiteral("sell_voucher");
    case ScanResult::Kind::SellPackage:
        return QStringLiteral("sell_package");
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
    if (giftcode::looksLikeVoucher(result.text) || giftcode::looksLikePackage(result.text)) {
        const bool voucher = giftcode::looksLikeVoucher(result.text);
        const giftcode::Parsed parsed =
            voucher ? giftcode::parseVoucher(result.text) : giftcode::parsePackage(result.text);
        result.kind = voucher ? ScanResult::Kind::Voucher : ScanResult::Kind::Package;
        result.giftCode = parsed.status == giftcode::Parse::Ok ? parsed.canonical : result.text;
        return result;
    }
    // What to sell, as oasisctl sale writes it: a voucher for a session, a package product.
    if (result.text.startsWith(QLatin1String("voucher:"), Qt::CaseInsensitive)) {
        const QString code = result.text.mid(8).trimmed();
        auto item = CatalogService(m_db).findByCode(code);
        if (!item)
            return std::unexpected(item.error());
        if (!*item || !(*item)->isSession() || !(*item)->active)
            return fail(
                ErrorCode::Invalid,
                oasis::tr("%1 is not a session code: a voucher is worth one session.").arg(code));
        result.kind = ScanResult::Kind::SellVoucher;
        result.item = std::move(**item);
        return result;
    }
    if (result.text.startsWith(QLatin1String("package:"), Qt::CaseInsensitive)) {
        auto product = PackageService(m_db).product(result.text.mid(8).trimmed());
        if (!product)
            return std::unexpected(product.error());
        result.kind = ScanResult::Kind::SellPackage;
        result.package = std::move(*product);
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
