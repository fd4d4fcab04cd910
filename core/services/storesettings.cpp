// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/storesettings.h"

#include "core/domain/emailaddress.h"
#include "core/domain/text.h"
#include "core/domain/ticket.h"
#include "core/domain/translate.h"
#include "core/services/authorization.h"
#include "core/storage/database.h"
#include "core/storage/journal.h"
#include "core/storage/keyring.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QLocale>
#include <QMutex>
#include <QTimeZone>

#include <map>

namespace oasis {

namespace {
Status checkCurrency(const QString &code) {
    if (code.size() != 3 || code != code.toUpper() ||
        Money::currencySymbol(code, QLocale::c()).isEmpty())
        return fail(ErrorCode::Invalid,
                    oasis::tr("%1 is not a currency code (three capital letters, as USD or EUR).")
                        .arg(elidedForMessage(code)));
    return {};
}
} // namespace

QString smtpSecurityName(SmtpSecurity security) {
    switch (security) {
    case SmtpSecurity::StartTls:
        return QStringLiteral("starttls");
    case SmtpSecurity::Tls:
        return QStringLiteral("tls");
    case SmtpSecurity::None:
        return QStringLiteral("none");
    }
    return QStringLiteral("starttls");
}

std::optional<SmtpSecurity> smtpSecurityFromName(const QString &name) {
    for (SmtpSecurity s : {SmtpSecurity::StartTls, SmtpSecurity::Tls, SmtpSecurity::None})
        if (name.compare(smtpSecurityName(s), Qt::CaseInsensitive) == 0)
            return s;
    return std::nullopt;
}

namespace {
const QString kDefaultStoreName = QStringLiteral("Oasis Massage & Wellness");
const QString kDefaultTimeZone = QStringLiteral("America/Los_Angeles");
const QString kDefaultCurrency = QStringLiteral("USD");

QTimeZone zoneNamed(const QString &name) {
    // Made once per name (Qt reads the zone's rules each time one is made; a sale asks for the
    // store's zone every time); a QTimeZone is shared, not copied.
    static QMutex guard;
    static QHash<QString, QTimeZone> made;
    const QMutexLocker lock(&guard);
    if (const auto it = made.constFind(name); it != made.cend())
        return *it;
    const QTimeZone tz(name.toUtf8());
    if (!tz.isValid())
        return QTimeZone::systemTimeZone();
    if (made.size() < 16)
        made.insert(name, tz);
    return tz;
}
} // namespace

StoreInfo StoreSettings::storeInfo() const {
    // One statement for the six settings (one round trip to a store server, not six).
    std::map<QString, QString> got;
    if (auto rows = m_db.rows(QStringLiteral("SELECT key, value FROM settings WHERE key IN "
                                             "('store.name', 'store.address', 'store.phone', "
                                             "'store.footer', 'store.timezone', "
                                             "'store.currency')"));
        rows)
        for (const QVariantList &r : std::as_const(*rows))
            if (!r.value(1).isNull())
                got[r.value(0).toString()] = r.value(1).toString();
    const auto value = [&got](const char *key, const QString &fallback = {}) {
        const auto it = got.find(QString::fromLatin1(key));
        return it == got.end() ? fallback : it->second;
    };
    StoreInfo info;
    info.name = value("store.name", kDefaultStoreName);
    info.addressLines = value("store.address").split(u'\n', Qt::SkipEmptyParts);
    info.phone = value("store.phone");
    info.footer = value("store.footer");
    info.timeZone = zoneNamed(value("store.timezone", kDefaultTimeZone));
    info.currency = value("store.currency", kDefaultCurrency);
    return info;
}

Status StoreSettings::setStoreInfo(const StoreInfo &info, const StaffMember &actor,
                                   const std::optional<StaffMember> &approver) {
    const std::tuple<QString, QString, int, Newlines> texts[] = {
        {oasis::tr("store name"), info.name, textlimit::kName, Newlines::Refused},
        {oasis::tr("store address"), info.addressLines.join(u'\n'), textlimit::kNote,
         Newlines::Allowed},
        {oasis::tr("store phone"), info.phone, textlimit::kShort, Newlines::Refused},
        {oasis::tr("receipt footer"), info.footer, textlimit::kLong, Newlines::Allowed}};
    for (const auto &[field, value, limit, newlines] : texts)
        if (auto ok = checkText(field, value, limit, newlines); !ok)
            return ok;
    if (auto ok = checkCurrency(info.currency); !ok)
        return ok;
    auto tx = beginAuthorized(m_db, Action::Settings, actor, approver);
    if (!tx)
        return std::unexpected(tx.error());
    for (const auto &[key, value] :
         {std::pair{QStringLiteral("store.name"), info.name},
          std::pair{QStringLiteral("store.address"), info.addressLines.join(u'\n')},
          std::pair{QStringLiteral("store.phone"), info.phone},
          std::pair{QStringLiteral("store.footer"), info.footer},
          std::pair{QStringLiteral("store.currency"), info.currency}})
        if (auto ok = m_db.setSetting(key, value); !ok)
            return ok;
    if (auto ok =
            Journal::append(m_db, actorLabel(actor, approver), QStringLiteral("settings_changed"),
                            {{QStringLiteral("store.name"), info.name},
                             {QStringLiteral("store.currency"), info.currency}});
        !ok)
        return ok;
    if (auto ok = tx->commit(); !ok)
        return ok;
    Money::setCurrency(info.currency);
    return {};
}

QTimeZone StoreSettings::timeZone() const {
    return zoneNamed(m_db.setting(QStringLiteral("store.timezone"), kDefaultTimeZone));
}

QDate StoreSettings::businessDate(const QDateTime &utc) const {
    return utc.toTimeZone(timeZone()).date();
}

namespace {
/// An amount kept as a setting's text; `fallback` when it is missing or not an amount.
Money moneyOf(const QVariant &value, Money fallback) {
    const QString v = value.toString();
    if (v.isEmpty())
        return fallback;
    auto m = Money::parse(v, Money::fromCents(Q_INT64_C(1'000'000'000'00)));
    return m ? *m : fallback;
}

const Money kDefaultGiftCardMinimum = Money::fromCents(10'00);
const Money kDefaultGiftCardMaximum = Money::fromCents(1'000'00);
const Money kDefaultTransactionLimit = Money::fromCents(10'000'00);
const QString kDefaultDiscountThresholdPpm = QStringLiteral("200000");
} // namespace

Money StoreSettings::money(const QString &key, Money fallback) const {
    return moneyOf(m_db.setting(key), fallback);
}

Money StoreSettings::giftCardMinimum() const {
    return money(QStringLiteral("giftcard.minimum"), kDefaultGiftCardMinimum);
}

Money StoreSettings::giftCardMaximum() const {
    return money(QStringLiteral("giftcard.maximum"), kDefaultGiftCardMaximum);
}

Status StoreSettings::checkGiftCardAmount(Money amount) const {
    return oasis::checkGiftCardAmount(amount, giftCardMinimum(), giftCardMaximum());
}

QList<Money> StoreSettings::giftCardPresets() const {
    QList<Money> out;
    const QStringList parts =
        m_db.setting(QStringLiteral("giftcard.presets"), QStringLiteral("50,100,150,200"))
            .split(u',');
    for (const QString &p : parts)
        if (auto m = Money::parse(p))
            out << *m;
    return out;
}

namespace {
TaxRate taxRateOf(TaxClass cls, const QVariantList &row) {
    return {cls, row.value(1).toLongLong(),
            QDate::fromString(row.value(2).toString(), Qt::ISODate)};
}
} // namespace

Money StoreSettings::transactionLimit() const {
    return money(QStringLiteral("store.transaction_limit"), kDefaultTransactionLimit);
}

QString StoreSettings::saleRulesQuery() {
    // The columns are text on both engines (PostgreSQL unites only columns of one type).
    // The settings' rows have no tax class; their third column names the setting.
    return QStringLiteral(
        "SELECT tax_class, CAST(ppm AS TEXT), effective_from FROM tax_rates UNION ALL "
        "SELECT '', value, key FROM settings WHERE key IN ('store.transaction_limit', "
        "'store.timezone', 'giftcard.minimum', 'giftcard.maximum', 'discount.threshold_ppm')");
}

StoreSettings::SaleRules StoreSettings::saleRulesFrom(const QList<QVariantList> &rows) {
    QHash<QString, QVariant> settings;
    SaleRules rules;
    for (const QVariantList &r : rows) {
        const QString cls = r.value(0).toString();
        if (cls.isEmpty())
            settings.insert(r.value(2).toString(), r.value(1));
        else if (auto known = taxClassFromName(cls))
            rules.taxes.add(taxRateOf(*known, r));
    }
    const auto setting = [&](const char *key) { return settings.value(QLatin1String(key)); };
    rules.transactionLimit = moneyOf(setting("store.transaction_limit"), kDefaultTransactionLimit);
    const QString zone = setting("store.timezone").toString();
    rules.timeZone = zoneNamed(zone.isEmpty() ? kDefaultTimeZone : zone);
    rules.giftCardMinimum = moneyOf(setting("giftcard.minimum"), kDefaultGiftCardMinimum);
    rules.giftCardMaximum = moneyOf(setting("giftcard.maximum"), kDefaultGiftCardMaximum);
    const QString threshold = setting("discount.threshold_ppm").toString();
    rules.discountThresholdPpm =
        (threshold.isEmpty() ? kDefaultDiscountThresholdPpm : threshold).toLongLong();
    return rules;
}

Result<StoreSettings::SaleRules> StoreSettings::readSaleRules() const {
    // One round trip to a store server. The sale reads them again inside its transaction, with
    // its receipt number.
    auto rows = m_db.rows(saleRulesQuery());
    if (!rows)
        return std::unexpected(rows.error());
    return saleRulesFrom(*rows);
}

qint64 StoreSettings::discountThresholdPpm() const {
    return m_db.setting(QStringLiteral("discount.threshold_ppm"), kDefaultDiscountThresholdPpm)
        .toLongLong();
}

int StoreSettings::idleLockMinutes() const {
    return m_db.setting(QStringLiteral("register.idle_lock_minutes"), QStringLiteral("5")).toInt();
}

Result<TaxTable> StoreSettings::taxTable() const {
    auto rates = m_db.rows(QStringLiteral("SELECT tax_class, ppm, effective_from FROM tax_rates"));
    if (!rates)
        return std::unexpected(rates.error());
    TaxTable t;
    for (const QVariantList &r : *rates)
        if (auto cls = taxClassFromName(r.value(0).toString()))
            t.add(taxRateOf(*cls, r));
    return t;
}

Status StoreSettings::addTaxRate(const TaxRate &rate, const StaffMember &actor,
                                 const std::optional<StaffMember> &approver) {
    if (rate.ppm < 0 || rate.ppm > 1'000'000 || !rate.effectiveFrom.isValid())
        return fail(ErrorCode::Invalid,
                    oasis::tr("A tax rate needs a percentage from 0 to 100 and a date."));
    auto tx = beginAuthorized(m_db, Action::Settings, actor, approver);
    if (!tx)
        return std::unexpected(tx.error());
    if (auto ok = m_db.write(
            m_db.driver().upsert(QStringLiteral("tax_rates"),
                                 {QStringLiteral("tax_class"), QStringLiteral("ppm"),
                                  QStringLiteral("effective_from")},
                                 {QStringLiteral("tax_class"), QStringLiteral("effective_from")},
                                 {QStringLiteral("ppm")}),
            {taxClassName(rate.taxClass), rate.ppm, rate.effectiveFrom.toString(Qt::ISODate)});
        !ok)
        return std::unexpected(ok.error());
    if (auto ok =
            Journal::append(m_db, actorLabel(actor, approver), QStringLiteral("tax_rate_set"),
                            {{QStringLiteral("class"), taxClassName(rate.taxClass)},
                             {QStringLiteral("ppm"), static_cast<qint64>(rate.ppm)},
                             {QStringLiteral("from"), rate.effectiveFrom.toString(Qt::ISODate)}});
        !ok)
        return ok;
    return tx->commit();
}

Status StoreSettings::installDefaults() {
    auto count = m_db.scalar(QStringLiteral("SELECT COUNT(*) FROM tax_rates"));
    if (!count)
        return std::unexpected(count.error());
    if (count->toInt() == 0) {
        const TaxTable seattle = TaxTable::seattle();
        for (const TaxRate &r : seattle.rates())
            if (auto ok = m_db.exec(
                    QStringLiteral(
                        "INSERT INTO tax_rates(tax_class, ppm, effective_from) VALUES (?, ?, ?)"),
                    {taxClassName(r.taxClass), r.ppm, r.effectiveFrom.toString(Qt::ISODate)});
                !ok)
                return std::unexpected(ok.error());
    }
    return {};
}

SmtpSettings StoreSettings::smtp() const {
    SmtpSettings smtp;
    smtp.host = m_db.setting(QStringLiteral("smtp.host"));
    bool ok = false;
    const int port = m_db.setting(QStringLiteral("smtp.port")).toInt(&ok);
    if (ok && port > 0 && port <= 65535)
        smtp.port = port;
    smtp.security = smtpSecurityFromName(m_db.setting(QStringLiteral("smtp.security")))
                        .value_or(SmtpSecurity::StartTls);
    smtp.user = m_db.setting(QStringLiteral("smtp.user"));
    smtp.from = m_db.setting(QStringLiteral("smtp.from"));
    return smtp;
}

Status StoreSettings::checkSmtp(const SmtpSettings &smtp) {
    static const QString hostChars = QStringLiteral(".-:[]_");
    bool hostOk = !smtp.host.isEmpty() && smtp.host.size() <= 253;
    for (QChar c : smtp.host)
        hostOk = hostOk && c.unicode() < 128 && (c.isLetterOrNumber() || hostChars.contains(c));
    if (!hostOk)
        return fail(
            ErrorCode::Invalid,
            oasis::tr("%1 is not a mail server's host name.").arg(elidedForMessage(smtp.host)));
    if (smtp.port < 1 || smtp.port > 65535)
        return fail(ErrorCode::Invalid,
                    oasis::tr("The mail server's port must be from 1 to 65535."));
    if (auto ok = checkText(oasis::tr("mail server user"), smtp.user, textlimit::kName); !ok)
        return ok;
    if (auto ok = checkEmailAddress(smtp.from); !ok)
        return fail(ErrorCode::Invalid,
                    oasis::tr("The store's from address: %1").arg(ok.error().message));
    return {};
}

Status StoreSettings::setSmtp(const SmtpSettings &smtp, const StaffMember &actor,
                              const std::optional<StaffMember> &approver) {
    if (auto ok = checkSmtp(smtp); !ok)
        return ok;
    auto tx = beginAuthorized(m_db, Action::Settings, actor, approver);
    if (!tx)
        return std::unexpected(tx.error());
    const std::pair<QString, QString> values[] = {
        {QStringLiteral("smtp.host"), smtp.host},
        {QStringLiteral("smtp.port"), QString::number(smtp.port)},
        {QStringLiteral("smtp.security"), smtpSecurityName(smtp.security)},
        {QStringLiteral("smtp.user"), smtp.user},
        {QStringLiteral("smtp.from"), smtp.from}};
    QJsonObject journaled;
    for (const auto &[key, value] : values) {
        if (auto ok = m_db.setSetting(key, value); !ok)
            return ok;
        journaled.insert(key, value);
    }
    if (auto ok = Journal::append(m_db, actorLabel(actor, approver),
                                  QStringLiteral("settings_changed"), journaled);
        !ok)
        return ok;
    return tx->commit();
}

QString StoreSettings::smtpPassword() const {
    const QByteArray env = qgetenv("OASIS_SMTP_PASSWORD");
    if (!env.isEmpty())
        return QString::fromUtf8(env);
    return keptSmtpPassword();
}

QString StoreSettings::keptSmtpPassword() const {
    // Read from the key file at each use: a password saved since this store was opened (by
    // Settings → Email or by oasisctl on this computer) is the one used.
    auto keys = KeyRing::load(m_db.keyFilePath());
    return keys ? keys->smtpPassword : m_db.keys().smtpPassword;
}

bool StoreSettings::smtpPasswordKept() const {
    return !keptSmtpPassword().isEmpty();
}

Status StoreSettings::saveSmtpPassword(const QString &password, const StaffMember &actor,
                                       const std::optional<StaffMember> &approver) {
    if (auto ok = checkText(oasis::tr("mail server password"), password, textlimit::kName); !ok)
        return ok;
    if (auto ok = authorize(m_db, Action::Settings, actor, approver); !ok)
        return ok;
    const QString path = m_db.keyFilePath();
    auto keys = KeyRing::load(path);
    if (!keys)
        return std::unexpected(keys.error());
    keys->smtpPassword = password;
    if (auto ok = KeyRing::write(path, *keys, true); !ok)
        return ok;
    // The journal says that it changed, never what it is.
    return Journal::append(m_db, actorLabel(actor, approver), QStringLiteral("settings_changed"),
                           {{QStringLiteral("smtp.password"), QStringLiteral("(changed)")}});
}

QString StoreSettings::currency() const {
    return m_db.setting(QStringLiteral("store.currency"), kDefaultCurrency);
}

Status StoreSettings::set(const QString &key, const QString &value, const StaffMember &actor,
                          const std::optional<StaffMember> &approver) {
    if (key == QLatin1String("store.currency"))
        if (auto ok = checkCurrency(value); !ok)
            return ok;
    // Any setting: at most a footer's length; only the multi-line texts take line breaks.
    const bool multiLine =
        key == QLatin1String("store.address") || key == QLatin1String("store.footer");
    if (auto ok = checkText(oasis::tr("setting %1").arg(elidedForMessage(key)), value,
                            textlimit::kLong, multiLine ? Newlines::Allowed : Newlines::Refused);
        !ok)
        return ok;
    auto tx = beginAuthorized(m_db, Action::Settings, actor, approver);
    if (!tx)
        return std::unexpected(tx.error());
    if (auto ok = m_db.setSetting(key, value); !ok)
        return ok;
    if (auto ok = Journal::append(m_db, actorLabel(actor, approver),
                                  QStringLiteral("settings_changed"), {{key, value}});
        !ok)
        return ok;
    if (auto ok = tx->commit(); !ok)
        return ok;
    if (key == QLatin1String("store.currency"))
        Money::setCurrency(value);
    return {};
}

} // namespace oasis
