// SPDX-License-Identifier: GPL-3.0-or-later
// What every oasisctl command gets: global options, the open database, login and output.
#pragma once

#include "core/services/staff.h"
#include "core/services/store.h"

#include <QJsonObject>
#include <QStringList>
#include <QTextStream>

#include <memory>

namespace oasis {
class OfflineRegister;
}

namespace oasis::cli {

class Context final {
public:
    QString dbPath;
    QString user;
    QString approveBy;
    bool json = false;
    QStringList args; ///< the command's own arguments (after the command word)

    /// Opens (or, for init, creates) the database once.
    Result<Database *> database(Store::Mode mode = Store::Mode::OpenExisting);
    /// Opens this register's offline copy of its server's store (core/services/offline.h) as
    /// the store every later call uses: the server cannot be reached.
    Result<Database *> openOffline(const OfflineRegister &offline);
    /// Whether openOffline() was used.
    bool isOffline() const { return m_offline; }
    /// The store database() opened (null before).
    const Store *store() const { return m_store.get(); }
    /// Checks the PIN of --user (env OASIS_PIN, else asked on the terminal).
    Result<StaffMember> login();
    /// The approver of --approve-by NAME, PIN in OASIS_APPROVER_PIN (none without the option).
    /// Whether the approval is needed and enough is for core to say (core/authorization.h).
    Result<std::optional<StaffMember>> approver();
    /// login() and approver(): who acts, and who signed for it. The services check the rights.
    struct Authorized {
        StaffMember user;
        std::optional<StaffMember> approver;
    };
    Result<Authorized> signIn();
    /// signIn() and core's check that they may do `action`, for what no service checks (reading
    /// reports).
    Result<Authorized> authorize(Action action);
    /// The one stderr line for a refusal: for one an approver could lift, which action needs
    /// whom and how to give the approval here.
    QString refusalLine(const Error &error) const;

    /// Takes `--name VALUE` (or `--name=VALUE`) out of args.
    std::optional<QString> takeOption(const QString &name);
    /// Takes a bare `--flag` out of args.
    bool takeFlag(const QString &name);
    /// Fails with a usage error if anything starting with -- is left.
    Status noMoreOptions() const;
    /// Nothing left on the command line: no option (noMoreOptions) and no argument.
    Status noMoreArguments() const;
    Result<QString> takeArgument(const QString &what);

    /// Prints the JSON object with --json, else the text lines.
    void emit(const QJsonObject &json, const QStringList &text);
    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }

private:
    std::unique_ptr<Store> m_store;
    bool m_offline = false;
    std::optional<StaffMember> m_user;
    std::optional<std::optional<StaffMember>> m_approver;
    QTextStream m_out{stdout};
    QTextStream m_err{stderr};
};

using Handler = Status (*)(Context &);

struct Command {
    const char *name;
    Handler run;
    const char *usage;
};

/// Each file of commands registers its table here; main() joins them.
std::vector<Command> adminCommands();     // cmd_admin.cpp
std::vector<Command> saleCommands();      // cmd_sale.cpp
std::vector<Command> giftcardCommands();  // cmd_giftcard.cpp
std::vector<Command> inventoryCommands(); // cmd_inventory.cpp
std::vector<Command> refundCommands();    // cmd_refund.cpp
std::vector<Command> shiftCommands();     // cmd_shift.cpp
std::vector<Command> reportCommands();    // cmd_report.cpp
std::vector<Command> keysCommands();      // cmd_keys.cpp
std::vector<Command> settingsCommands();  // cmd_settings.cpp
std::vector<Command> clientCommands();    // cmd_client.cpp
std::vector<Command> offlineCommands();   // cmd_offline.cpp
/// `report offline` (cmd_offline.cpp).
Status reportOffline(Context &ctx, Database &db, const QDate &from, const QDate &to);

/// Reads a secret from an environment variable, else from the terminal without echo.
Result<QString> readSecret(const char *envName, const QString &prompt);

} // namespace oasis::cli
