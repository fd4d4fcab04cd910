// SPDX-License-Identifier: GPL-3.0-or-later
// Store-wide settings kept in the database (shared by every register): details, limits, taxes.
#pragma once

#include "core/domain/money.h"
#include "core/domain/tax.h"
#include "core/services/staff.h"

#include <QTimeZone>

namespace oasis {

class Database;

/// How the connection to the store's mail server is protected.
enum class SmtpSecurity {
    StartTls, ///< plain connection upgraded with STARTTLS (usually port 587); TLS is required
    Tls,      ///< TLS from the first byte, smtps:// (usually port 465)
    None,     ///< no encryption (a relay on the store's own network only)
};
QString smtpSecurityName(SmtpSecurity security);
std::optional<SmtpSecurity> smtpSecurityFromName(const QString &name);

/// The store's outgoing mail server (DESIGN §16). The password is never here: it comes from env
/// OASIS_SMTP_PASSWORD or the store's key file (StoreSettings::smtpPassword).
struct SmtpSettings {
    QString host;
    int port = 587;
    SmtpSecurity security = SmtpSecurity::StartTls;
    QString user; ///< empty: the server takes mail without logging in
    QString from; ///< the store's address customers see and reply to
    bool configured() const { return !host.isEmpty() && !from.isEmpty(); }
};

struct StoreInfo {
    QString name;
    QStringList addressLines;
    QString phone;
    QString footer;     ///< return policy and thank-you, printed at the bottom of receipts
    QTimeZone timeZone; ///< receipts and business dates use the store's local time
    QString currency = QStringLiteral("USD"); ///< ISO 4217: the symbol every amount shows
};

/// Typed access to the settings table. Defaults suit the Seattle spa. Every change needs
/// Action::Settings from `actor` or `approver`.
class StoreSettings final {
public:
    explicit StoreSettings(Database &db)
        : m_db(db) {}

    StoreInfo storeInfo() const;
    Status setStoreInfo(const StoreInfo &info, const StaffMember &actor,
                        const std::optional<StaffMember> &approver = std::nullopt);

    QTimeZone timeZone() const;
    /// The store's currency (ISO 4217, setting `store.currency`, "USD" by default): every
    /// amount is shown with its symbol (Money::format), whatever the register's language.
    QString currency() const;
    /// The business date of a UTC instant in the store's time zone.
    QDate businessDate(const QDateTime &utc) const;

    Money giftCardMinimum() const;
    Money giftCardMaximum() const;
    /// checkGiftCardAmount with this store's minimum and maximum.
    Status checkGiftCardAmount(Money amount) const;
    QList<Money> giftCardPresets() const;
    Money transactionLimit() const;
    /// What a sale is priced and limited by: the limit for one sale, the tax rates, the store's
    /// time zone (its business date), the gift-card minimum and maximum and the discount a
    /// manager approves above, read in one statement so that a failed read is an error (a sale
    /// reads them again inside its transaction, where a lost connection must not pass for the
    /// default).
    struct SaleRules {
        Money transactionLimit;
        TaxTable taxes;
        QTimeZone timeZone;
        Money giftCardMinimum;
        Money giftCardMaximum;
        qint64 discountThresholdPpm = 0;
        QDate businessDate(const QDateTime &utc) const { return utc.toTimeZone(timeZone).date(); }
    };
    Result<SaleRules> readSaleRules() const;
    /// The statement readSaleRules() runs (three columns of text, no binds), for a statement
    /// that reads them with what it reads (SaleWriter::nextReceiptNoAndShifts), and its rows
    /// read back.
    static QString saleRulesQuery();
    static SaleRules saleRulesFrom(const QList<QVariantList> &rows);
    /// Discounts above this share of the discountable base need a manager (ppm; 20 %).
    qint64 discountThresholdPpm() const;
    int idleLockMinutes() const;

    Result<TaxTable> taxTable() const;
    Status addTaxRate(const TaxRate &rate, const StaffMember &actor,
                      const std::optional<StaffMember> &approver = std::nullopt);

    /// The store's mail server (settings `smtp.*`); not configured() until a manager set it.
    SmtpSettings smtp() const;
    /// Checks and saves the mail server: a host name, a port from 1 to 65535 and a valid from
    /// address, or nothing is changed. Needs Action::Settings; journaled (never a password).
    Status setSmtp(const SmtpSettings &smtp, const StaffMember &actor,
                   const std::optional<StaffMember> &approver = std::nullopt);
    static Status checkSmtp(const SmtpSettings &smtp);
    /// The mail server's password: env OASIS_SMTP_PASSWORD, else the one kept in the store's
    /// key file, else empty. Never logged, never in the settings table or the journal.
    QString smtpPassword() const;
    /// Whether the store's key file keeps a mail server password.
    bool smtpPasswordKept() const;
    /// The password the store's key file keeps now (empty: none).
    QString keptSmtpPassword() const;
    /// Keeps the password in the store's key file (written 0600, the other keys untouched), so
    /// that the counter app can send without the environment variable. Needs Action::Settings.
    Status saveSmtpPassword(const QString &password, const StaffMember &actor,
                            const std::optional<StaffMember> &approver = std::nullopt);

    /// Writes the defaults that are missing (tax rates, store details). Inside a transaction.
    Status installDefaults();

    Money money(const QString &key, Money fallback) const;
    Status set(const QString &key, const QString &value, const StaffMember &actor,
               const std::optional<StaffMember> &approver = std::nullopt);

private:
    Database &m_db;
};

} // namespace oasis
