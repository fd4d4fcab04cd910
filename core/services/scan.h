// SPDX-License-Identifier: GPL-3.0-or-later
// What a scan or a typed code at the counter is: a gift card, a service voucher or a session
// package code, a receipt, a voucher or package to sell (`voucher:DT60`, `package:PKG-DT60-5`, as
// oasisctl sale writes them), a catalog item by barcode, SKU or session code, or failing those the
// items whose name matches. One resolver for the register's scan field and for `oasisctl scan`.
#pragma once

#include "core/domain/catalogitem.h"
#include "core/domain/error.h"
#include "core/services/clients.h"
#include "core/services/package.h"

#include <vector>

namespace oasis {

class Database;

struct ScanResult {
    enum class Kind {
        GiftCard,    ///< `giftCode`: pay with it (its balance is looked up when it is applied)
        Receipt,     ///< `receiptNo`: show the receipt
        Item,        ///< `item`: an exact barcode, SKU or session code
        Matches,     ///< `matches`: no code matched; active items whose name, code or category do
        Nothing,     ///< nothing at all
        Clients,     ///< `clients`: no item matched; clients whose name or phone matches
        Voucher,     ///< `giftCode`: a service voucher's code (SV1-…): pay a session with it
        Package,     ///< `giftCode`: a session package's code (SP1-…): pay a session with it
        SellVoucher, ///< `item`: `voucher:CODE`, a voucher for that session, to sell
        SellPackage, ///< `package`: `package:CODE`, a package product, to sell to the client
    };
    Kind kind = Kind::Nothing;
    QString text; ///< the input, trimmed
    QString giftCode;
    qint64 receiptNo = 0;
    CatalogItem item;
    std::vector<CatalogItem> matches;
    std::vector<Client> clients; ///< as the viewer may see them (no health flags at the desk)
    PackageProduct package;      ///< SellPackage
};

/// "giftcard", "receipt", "item", "matches", "nothing", "clients", "voucher", "package",
/// "sell_voucher", "sell_package": the names oasisctl scan --json uses.
QString scanKindName(ScanResult::Kind kind);

class ScanResolver final {
public:
    explicit ScanResolver(Database &db)
        : m_db(db) {}

    /// Gift-card, voucher, package and receipt codes have their own prefixes and are recognised
    /// first, without a database read; then `voucher:SESSIONCODE` (refused, Invalid, unless
    /// it names an active session) and `package:PACKAGECODE` (NotFound unless the store
    /// defined it); then the catalog by exact code; then a name search of at most
    /// `searchLimit` items. Empty input is Nothing; input over 200 characters or with control
    /// characters is refused (Invalid) with one line. With a `viewer`, input that matched no
    /// item is looked up among the clients by name or phone (ClientService::find), last, so
    /// every code and item name still means what it meant.
    Result<ScanResult> resolve(const QString &input, int searchLimit = 20,
                               const StaffMember *viewer = nullptr) const;

private:
    Database &m_db;
};

} // namespace oasis
