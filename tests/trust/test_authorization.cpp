// SPDX-License-Identifier: GPL-3.0-or-later
// Permissions live in core (DESIGN §14): every service that changes something refuses a user who
// may not, whoever calls it, names the action that needs approval, and changes nothing.
#include "tests/support/testsupport.h"

#include "core/services/authorization.h"
#include "core/services/backup.h"
#include "core/services/catalog.h"
#include "core/services/giftcard.h"
#include "core/services/inventory.h"
#include "core/services/refund.h"
#include "core/services/report.h"
#include "core/services/sale.h"
#include "core/services/shift.h"
#include "core/services/staff.h"
#include "core/services/storesettings.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

using namespace oasis;
using namespace oasis::test;
using namespace Qt::StringLiterals;

namespace {

const QString kRegister = u"test-register"_s;

/// The demo spa, with its front desk, manager and owner as they logged in.
struct Spa {
    TempDb tmp{true};
    StaffMember frontdesk = staffNamed(tmp.db(), u"frontdesk"_s);
    StaffMember manager = staffNamed(tmp.db(), u"manager"_s);
    StaffMember owner = staffNamed(tmp.db(), u"owner"_s);

    Database &db() { return tmp.db(); }
    qint64 count(const QString &table) {
        return value(db().scalar(u"SELECT COUNT(*) FROM "_s + table)).toLongLong();
    }
    qint64 journal() { return count(u"journal"_s); }
    CatalogItem item(const QString &code) { return *value(CatalogService(db()).findByCode(code)); }
    CompletedSale sellOil() {
        Ticket t;
        t.addItem(item(u"OIL-LAV-120"_s), 2);
        return value(SaleService(db()).complete(t, {value(Tender::parse(u"cash:100"_s))}, frontdesk,
                                                std::nullopt, kRegister));
    }
    IssuedCard sellCard(Money amount) {
        Ticket t;
        t.addGiftCard(amount);
        auto done = value(SaleService(db()).complete(
            t, {value(Tender::parse(QString(u"card:"_s + amount.toString())))}, frontdesk,
            std::nullopt, kRegister));
        REQUIRE(done.giftCards.size() == 1);
        return done.giftCards.front();
    }
    qint64 onHand(const QString &code) { return value(InventoryService(db()).level(code)).onHand; }
};

/// The refusal core gives when `action` needs an approver that was not given.
template <typename T>
void refusedFor(const Result<T> &r, Action action) {
    REQUIRE_FALSE(r.has_value());
    INFO(r.error().message.toStdString());
    REQUIRE(r.error().code == ErrorCode::Permission);
    REQUIRE(r.error().needsApproval == action);
    // The message names the action and who may approve it.
    REQUIRE(r.error().message.contains(actionName(action), Qt::CaseInsensitive));
    REQUIRE(r.error().message.contains(approversOf(action)));
}

} // namespace

TEST_CASE("the one check: roles, approvers, and what a refusal carries", "[trust][authz]") {
    Spa s;
    ok(authorize(Action::GiftCardReplace, s.manager, std::nullopt));
    ok(authorize(Action::GiftCardReplace, s.frontdesk, s.manager));
    refusedFor(authorize(Action::GiftCardReplace, s.frontdesk, std::nullopt),
               Action::GiftCardReplace);
    // A manager cannot sign for what only the owner may do.
    refusedFor(authorize(Action::Staff, s.frontdesk, s.manager), Action::Staff);
    ok(authorize(Action::Staff, s.frontdesk, s.owner));
    CHECK(authorize(Action::GiftCardReplace, s.frontdesk, std::nullopt).error().message ==
          u"Gift-card replacement needs approval by a manager or the owner."_s);
    // A front-desk "approver" lifts nothing.
    refusedFor(authorize(Action::Refund, s.frontdesk, s.frontdesk), Action::Refund);
}

TEST_CASE("gift-card replace, adjust and cash-out refuse the front desk in core",
          "[trust][authz][giftcard]") {
    Spa s;
    const IssuedCard card = s.sellCard(Money::fromCents(25'00));
    value(ShiftService(s.db()).open(Money::fromCents(100'00), s.frontdesk, kRegister));
    GiftCardService cards(s.db());
    const qint64 activity = s.count(u"giftcard_activity"_s);
    const qint64 journal = s.journal();
    const qint64 cash = s.count(u"cash_movements"_s);

    refusedFor(cards.adjust(card.code, Money::fromCents(-22'00), u"dispute"_s, s.frontdesk,
                            std::nullopt, kRegister),
               Action::GiftCardAdjust);
    refusedFor(cards.replace(card.code, s.frontdesk, std::nullopt, kRegister),
               Action::GiftCardReplace);
    refusedFor(cards.cashOut(card.code, s.frontdesk, std::nullopt, kRegister),
               Action::GiftCardCashOut);
    // Nothing changed: the balance, the card's activity, the drawer, the journal.
    CHECK(value(cards.byId(card.id)).balance == Money::fromCents(25'00));
    CHECK(value(cards.byId(card.id)).status == GiftCardStatus::Active);
    CHECK(s.count(u"giftcard_activity"_s) == activity);
    CHECK(s.count(u"cash_movements"_s) == cash);
    CHECK(s.journal() == journal);

    // With a manager's approval each one goes through.
    CHECK(value(cards.adjust(card.code, Money::fromCents(-22'00), u"dispute"_s, s.frontdesk,
                             s.manager, kRegister)) == Money::fromCents(3'00));
    CHECK(value(cards.cashOut(card.code, s.frontdesk, s.manager, kRegister)) ==
          Money::fromCents(3'00));
    const IssuedCard other = s.sellCard(Money::fromCents(30'00));
    const IssuedCard fresh = value(cards.replace(other.code, s.frontdesk, s.manager, kRegister));
    CHECK(fresh.amount == Money::fromCents(30'00));
}

TEST_CASE("an approver deactivated or demoted since they signed approves nothing",
          "[trust][authz]") {
    Spa s;
    const IssuedCard card = s.sellCard(Money::fromCents(25'00));
    StaffService staff(s.db());
    SECTION("deactivated") {
        ok(staff.deactivate(u"manager"_s, s.owner));
    }
    SECTION("demoted") {
        ok(staff.setRole(u"manager"_s, Role::FrontDesk, s.owner));
    }
    // s.manager still says "active manager": core reads the row again.
    refusedFor(GiftCardService(s.db()).replace(card.code, s.frontdesk, s.manager, kRegister),
               Action::GiftCardReplace);
    auto alone = GiftCardService(s.db()).replace(card.code, s.manager, std::nullopt, kRegister);
    REQUIRE_FALSE(alone);
    CHECK(alone.error().code == ErrorCode::Permission);
    CHECK(value(GiftCardService(s.db()).byId(card.id)).status == GiftCardStatus::Active);
}

TEST_CASE("a sale reads its cashier, approver and therapists again: one deactivated, demoted "
          "or gone since sells, approves or gives nothing",
          "[trust][authz][sale]") {
    // SaleService reads them with the ticket's prices and the store's rules, in one statement.
    Spa s;
    SaleService sales(s.db());
    StaffService staff(s.db());
    const StaffMember lena = value(staff.find(u"lena"_s));
    REQUIRE(lena.role == Role::Therapist);
    const CatalogItem session = s.item(u"DT60"_s);
    const std::vector<Tender> cash{value(Tender::parse(u"cash:300"_s))};
    auto withTherapist = [&](const StaffMember &t) {
        Ticket ticket;
        ticket.addItem(session, 1, t.id, t.displayName);
        return ticket;
    };
    const qint64 before = s.count(u"sales"_s);

    SECTION("the therapist, active, gives the session; as a manager, or deactivated, not") {
        REQUIRE(sales.complete(withTherapist(lena), cash, s.frontdesk, std::nullopt, kRegister));
        const auto notTherapist =
            sales.complete(withTherapist(s.manager), cash, s.frontdesk, std::nullopt, kRegister);
        REQUIRE_FALSE(notTherapist);
        CHECK(notTherapist.error().code == ErrorCode::Refused);
        CHECK(notTherapist.error().message == session.name + u": the therapist is not active."_s);
        ok(staff.deactivate(u"lena"_s, s.owner));
        const auto gone =
            sales.complete(withTherapist(lena), cash, s.frontdesk, std::nullopt, kRegister);
        REQUIRE_FALSE(gone);
        CHECK(gone.error().message == session.name + u": the therapist is not active."_s);
        CHECK(s.count(u"sales"_s) == before + 1);
    }
    SECTION("a cashier deactivated since logging in sells nothing") {
        ok(staff.deactivate(u"frontdesk"_s, s.owner));
        const auto refused =
            sales.complete(withTherapist(lena), cash, s.frontdesk, std::nullopt, kRegister);
        REQUIRE_FALSE(refused);
        CHECK(refused.error().code == ErrorCode::Permission);
        CHECK(s.count(u"sales"_s) == before);
    }
    SECTION("a cashier not on this store's staff sells nothing") {
        StaffMember stranger = s.frontdesk;
        stranger.id = 99'999;
        stranger.name = u"stranger"_s;
        const auto refused =
            sales.complete(withTherapist(lena), cash, stranger, std::nullopt, kRegister);
        REQUIRE_FALSE(refused);
        CHECK(refused.error().code == ErrorCode::Permission);
        CHECK(refused.error().message == u"stranger is not on the staff of this store."_s);
        CHECK(s.count(u"sales"_s) == before);
    }
    SECTION("an approver demoted or not on the staff approves no discount") {
        Ticket discounted = withTherapist(lena);
        discounted.discount = Discount::percent(500'000);
        StaffMember stranger = s.manager;
        stranger.id = 99'999;
        // An approver the store does not have is refused for the sale itself, as authorize()
        // refuses one for any action.
        refusedFor(sales.complete(discounted, cash, s.frontdesk, stranger, kRegister),
                   Action::Sell);
        ok(staff.setRole(u"manager"_s, Role::FrontDesk, s.owner));
        refusedFor(sales.complete(discounted, cash, s.frontdesk, s.manager, kRegister),
                   Action::DiscountAboveThreshold);
        CHECK(s.count(u"sales"_s) == before);
        ok(staff.setRole(u"manager"_s, Role::Manager, s.owner));
        REQUIRE(sales.complete(discounted, cash, s.frontdesk, s.manager, kRegister));
    }
}

TEST_CASE("a sale's discount above the threshold and price override name their approval",
          "[trust][authz][sale]") {
    Spa s;
    SaleService sales(s.db());
    const qint64 before = s.count(u"sales"_s);
    Ticket discounted;
    discounted.addItem(s.item(u"OIL-LAV-120"_s));
    discounted.discount = Discount::percent(500'000);
    refusedFor(sales.complete(discounted, {value(Tender::parse(u"cash:20"_s))}, s.frontdesk,
                              std::nullopt, kRegister),
               Action::DiscountAboveThreshold);
    Ticket overridden;
    overridden.addItem(s.item(u"OIL-LAV-120"_s));
    overridden.lines.front().unitPrice = Money::fromCents(10'00);
    overridden.lines.front().priceOverridden = true;
    refusedFor(sales.complete(overridden, {value(Tender::parse(u"cash:20"_s))}, s.frontdesk,
                              std::nullopt, kRegister),
               Action::PriceOverride);
    CHECK(s.count(u"sales"_s) == before);
    value(sales.complete(discounted, {value(Tender::parse(u"cash:20"_s))}, s.frontdesk, s.manager,
                         kRegister));
    value(sales.complete(overridden, {value(Tender::parse(u"cash:20"_s))}, s.frontdesk, s.manager,
                         kRegister));
    CHECK(s.count(u"sales"_s) == before + 2);
}

TEST_CASE("refunds and voids refuse the front desk alone", "[trust][authz][refund]") {
    Spa s;
    const CompletedSale sale = s.sellOil();
    RefundService refunds(s.db());
    const qint64 before = s.count(u"sales"_s);
    const qint64 stock = s.onHand(u"OIL-LAV-120"_s);
    refusedFor(refunds.refund(sale.receiptNo, {}, true, s.frontdesk, std::nullopt, kRegister),
               Action::Refund);
    refusedFor(refunds.voidSale(sale.receiptNo, s.frontdesk, std::nullopt, kRegister),
               Action::VoidSale);
    CHECK(s.count(u"sales"_s) == before);
    CHECK(s.onHand(u"OIL-LAV-120"_s) == stock);
    value(refunds.voidSale(sale.receiptNo, s.frontdesk, s.manager, kRegister));
    CHECK(s.count(u"sales"_s) == before + 1);
}

TEST_CASE("stock adjustments and counts refuse the front desk, receiving needs an active user",
          "[trust][authz][inventory]") {
    Spa s;
    InventoryService inv(s.db());
    const qint64 stock = s.onHand(u"OIL-LAV-120"_s);
    const qint64 journal = s.journal();
    refusedFor(inv.adjust(u"OIL-LAV-120"_s, -1, AdjustReason::Damaged, {}, s.frontdesk),
               Action::StockAdjust);
    refusedFor(inv.postCount({{0, u"OIL-LAV-120"_s, stock + 5}}, {}, s.frontdesk),
               Action::StockAdjust);
    CHECK(s.onHand(u"OIL-LAV-120"_s) == stock);
    CHECK(s.journal() == journal);

    // The front desk receives on its own, unless deactivated since logging in.
    ReceiveRequest delivery;
    delivery.code = u"OIL-LAV-120"_s;
    delivery.quantity = 3;
    ok(StaffService(s.db()).deactivate(u"frontdesk"_s, s.owner));
    auto stale = inv.receive(delivery, s.frontdesk);
    REQUIRE_FALSE(stale);
    CHECK(stale.error().code == ErrorCode::Permission);
    CHECK(s.onHand(u"OIL-LAV-120"_s) == stock);

    value(inv.adjust(u"OIL-LAV-120"_s, -1, AdjustReason::Damaged, {}, s.manager));
    value(inv.receive(delivery, s.manager));
    CHECK(s.onHand(u"OIL-LAV-120"_s) == stock + 2);
}

TEST_CASE("the drawer: a no-sale needs a manager, a deactivated user handles no cash",
          "[trust][authz][shift]") {
    Spa s;
    ShiftService shifts(s.db());
    value(shifts.open(Money::fromCents(100'00), s.frontdesk, kRegister));
    const qint64 journal = s.journal();
    refusedFor(shifts.recordNoSale(s.frontdesk, std::nullopt, kRegister), Action::NoSale);
    CHECK(s.journal() == journal);
    ok(shifts.recordNoSale(s.frontdesk, s.manager, kRegister));

    ok(StaffService(s.db()).deactivate(u"frontdesk"_s, s.owner));
    const qint64 moves = s.count(u"cash_movements"_s);
    auto payout =
        shifts.payOut(Money::fromCents(10'00), u"tip"_s, s.frontdesk, std::nullopt, kRegister);
    REQUIRE_FALSE(payout);
    CHECK(payout.error().code == ErrorCode::Permission);
    auto close = shifts.close(Money::fromCents(100'00), s.frontdesk, std::nullopt, kRegister);
    REQUIRE_FALSE(close);
    CHECK(close.error().code == ErrorCode::Permission);
    CHECK(s.count(u"cash_movements"_s) == moves);
    CHECK(value(shifts.current(kRegister)).isOpen());
}

TEST_CASE("the Z report refuses the front desk alone", "[trust][authz][report]") {
    Spa s;
    s.sellOil();
    ReportService reports(s.db());
    const qint64 before = s.count(u"z_reports"_s);
    refusedFor(reports.z(s.frontdesk, std::nullopt), Action::CloseDay);
    CHECK(s.count(u"z_reports"_s) == before);
    value(reports.z(s.frontdesk, s.manager));
    CHECK(s.count(u"z_reports"_s) == before + 1);
}

TEST_CASE("staff changes need the owner", "[trust][authz][staff]") {
    Spa s;
    StaffService staff(s.db());
    const qint64 before = s.count(u"staff"_s);
    const qint64 journal = s.journal();
    refusedFor(staff.add(u"nina"_s, Role::FrontDesk, u"4321"_s, s.frontdesk), Action::Staff);
    refusedFor(staff.add(u"nina"_s, Role::FrontDesk, u"4321"_s, s.manager), Action::Staff);
    refusedFor(staff.deactivate(u"frontdesk"_s, s.manager), Action::Staff);
    refusedFor(staff.resetPin(u"frontdesk"_s, u"5555"_s, s.manager), Action::Staff);
    refusedFor(staff.setRole(u"frontdesk"_s, Role::Owner, s.manager), Action::Staff);
    CHECK(s.count(u"staff"_s) == before);
    CHECK(s.journal() == journal);
    CHECK(value(staff.find(u"frontdesk"_s)).role == Role::FrontDesk);
    // The first owner is only for a store without one.
    auto second = staff.addFirstOwner(u"mallory"_s, u"1234"_s);
    REQUIRE_FALSE(second);
    CHECK(second.error().code == ErrorCode::Permission);
    value(staff.add(u"nina"_s, Role::FrontDesk, u"4321"_s, s.manager, s.owner));
    CHECK(s.count(u"staff"_s) == before + 1);
}

TEST_CASE("settings, tax rates and the catalog need a manager", "[trust][authz][settings]") {
    Spa s;
    StoreSettings settings(s.db());
    CatalogService catalog(s.db());
    const qint64 journal = s.journal();
    const StoreInfo info = settings.storeInfo();
    StoreInfo renamed = info;
    renamed.name = u"Mallory's"_s;
    refusedFor(settings.setStoreInfo(renamed, s.frontdesk), Action::Settings);
    refusedFor(settings.set(u"discount.threshold_ppm"_s, u"1000000"_s, s.frontdesk),
               Action::Settings);
    refusedFor(settings.addTaxRate({TaxClass::Retail, 0, QDate(2026, 1, 2)}, s.frontdesk),
               Action::Settings);
    CatalogItem cheap = s.item(u"OIL-LAV-120"_s);
    cheap.price = Money::fromCents(1);
    refusedFor(catalog.save(cheap, s.frontdesk), Action::Catalog);
    refusedFor(catalog.setActive(u"OIL-LAV-120"_s, false, s.frontdesk), Action::Catalog);
    const QByteArray csv = value(catalog.exportCsv());
    refusedFor(catalog.importCsv(csv, s.frontdesk), Action::Catalog);
    CHECK(s.journal() == journal);
    CHECK(settings.storeInfo().name == info.name);
    CHECK(s.item(u"OIL-LAV-120"_s).price == Money::fromCents(24'00));
    CHECK(s.item(u"OIL-LAV-120"_s).active);

    ok(settings.setStoreInfo(renamed, s.frontdesk, s.manager));
    value(catalog.save(cheap, s.manager));
    CHECK(settings.storeInfo().name == renamed.name);
    CHECK(s.item(u"OIL-LAV-120"_s).price == Money::fromCents(1));
}

TEST_CASE("a backup needs a manager", "[sqlite][trust][authz][backup]") {
    Spa s;
    const QString file = QDir(s.tmp.dir()).filePath(u"snap.db"_s);
    refusedFor(BackupService(s.db()).snapshot(file, s.frontdesk), Action::Backup);
    CHECK_FALSE(QFileInfo::exists(file));
    value(BackupService(s.db()).snapshot(file, s.frontdesk, s.manager));
    CHECK(QFileInfo::exists(file));
}

TEST_CASE("oasisctl says which action needs whom, exit 2, and changes nothing",
          "[trust][authz][cli]") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString db = dir.filePath(u"oasis.db"_s);
    auto run = [&](const QStringList &args, const QMap<QString, QString> &env = {}) {
        QProcessEnvironment e;
        e.insert(u"OASIS_KEY_DIR"_s, dir.filePath(u"keys"_s));
        e.insert(u"HOME"_s, dir.path());
        e.insert(u"XDG_DATA_HOME"_s, dir.filePath(u"data"_s));
        e.insert(u"XDG_CONFIG_HOME"_s, dir.filePath(u"config"_s));
        e.insert(u"OASIS_REGISTER"_s, kRegister);
        e.insert(u"PATH"_s, qEnvironmentVariable("PATH"));
        for (auto it = env.cbegin(); it != env.cend(); ++it)
            e.insert(it.key(), it.value());
        QProcess p;
        p.setProcessEnvironment(e);
        p.setStandardInputFile(QProcess::nullDevice());
        p.start(QStringLiteral(OASISCTL_PATH), QStringList{u"--db"_s, db} + args);
        REQUIRE(p.waitForFinished(60'000));
        struct Out {
            int code;
            QByteArray out, err;
        };
        Out o{p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
        UNSCOPED_INFO("oasisctl " << args.join(u' ').toStdString() << " → " << o.code
                                  << "\nstderr: " << o.err.toStdString());
        return o;
    };
    REQUIRE(run({u"init"_s, u"--demo"_s}).code == 0);
    const QMap<QString, QString> desk{{u"OASIS_PIN"_s, u"1111"_s}};
    auto sold = run({u"--user"_s, u"frontdesk"_s, u"--json"_s, u"sale"_s, u"giftcard:25"_s,
                     u"--pay"_s, u"card:25"_s},
                    desk);
    REQUIRE(sold.code == 0);
    const QString code = QJsonDocument::fromJson(sold.out)
                             .object()
                             .value(u"giftcards"_s)
                             .toArray()
                             .at(0)
                             .toObject()
                             .value(u"code"_s)
                             .toString();
    REQUIRE_FALSE(code.isEmpty());

    auto refused = run({u"--user"_s, u"frontdesk"_s, u"giftcard"_s, u"replace"_s, code}, desk);
    CHECK(refused.code == 2);
    CHECK(refused.err ==
          "oasisctl: gift-card replacement needs approval by a manager or the owner: add "
          "--approve-by NAME with OASIS_APPROVER_PIN\n");
    auto balance = run({u"--json"_s, u"giftcard"_s, u"balance"_s, code});
    REQUIRE(balance.code == 0);
    const QJsonObject card = QJsonDocument::fromJson(balance.out).object();
    CHECK(card.value(u"status"_s).toString() == u"active"_s);
    CHECK(card.value(u"balance_cents"_s).toInteger() == 25'00);

    // The same command with the approval it named goes through.
    QMap<QString, QString> approved = desk;
    approved.insert(u"OASIS_APPROVER_PIN"_s, u"9999"_s);
    CHECK(run({u"--user"_s, u"frontdesk"_s, u"--approve-by"_s, u"manager"_s, u"giftcard"_s,
               u"replace"_s, code},
              approved)
              .code == 0);
}
