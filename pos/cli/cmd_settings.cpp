// SPDX-License-Identifier: GPL-3.0-or-later
// settings smtp: the store's mail server for e-gift cards and e-receipts (DESIGN §16).
#include "pos/cli/context.h"

#include "core/services/storesettings.h"
#include "pos/cli/translate.h"

#include <QCoreApplication>

namespace oasis::cli {

namespace {

Status cmdSettingsSmtp(Context &ctx) {
    const auto host = ctx.takeOption(QStringLiteral("host"));
    const auto port = ctx.takeOption(QStringLiteral("port"));
    const auto from = ctx.takeOption(QStringLiteral("from"));
    // The mail server's login: --user U after the command when --user NAME (who acts) came
    // before it, or --smtp-user U anywhere.
    auto user = ctx.takeOption(QStringLiteral("smtp-user"));
    if (!user)
        user = ctx.takeOption(QStringLiteral("user"));
    const auto tls = ctx.takeOption(QStringLiteral("tls"));
    if (auto ok = ctx.noMoreArguments(); !ok)
        return ok;
    const bool change = host || port || from || user || tls;
    const QString password = qEnvironmentVariable("OASIS_SMTP_PASSWORD");

    // Bad input is refused before the store is opened or a PIN asked: nothing changes.
    std::optional<int> portNumber;
    if (port) {
        bool isNumber = false;
        const int n = port->toInt(&isNumber);
        if (!isNumber || n < 1 || n > 65535)
            return fail(ErrorCode::Invalid,
                        oasis::cli::tr("The mail server's port must be from 1 to 65535."));
        portNumber = n;
    }
    std::optional<SmtpSecurity> security;
    if (tls) {
        security = smtpSecurityFromName(*tls);
        if (!security)
            return fail(ErrorCode::Invalid,
                        oasis::cli::tr("--tls takes starttls, tls or none, not %1.").arg(*tls));
    }
    auto db = ctx.database();
    if (!db)
        return std::unexpected(db.error());
    auto who = ctx.authorize(Action::Settings);
    if (!who)
        return std::unexpected(who.error());
    StoreSettings settings(**db);
    SmtpSettings smtp = settings.smtp();
    if (change) {
        if (host)
            smtp.host = *host;
        if (portNumber)
            smtp.port = *portNumber;
        if (from)
            smtp.from = *from;
        if (user)
            smtp.user = *user;
        if (security)
            smtp.security = *security;
        if (smtp.host.isEmpty() || smtp.from.isEmpty())
            return fail(ErrorCode::Invalid,
                        oasis::cli::tr("The mail server needs --host H and --from ADDRESS."));
        if (auto ok = settings.setSmtp(smtp, who->user, who->approver); !ok)
            return ok;
        if (!password.isEmpty())
            if (auto ok = settings.saveSmtpPassword(password, who->user, who->approver); !ok)
                return ok;
    }
    // The password is never shown: only whether there is one, and where it comes from.
    const bool fromEnvironment = !password.isEmpty();
    const bool inKeyFile = change ? fromEnvironment : settings.smtpPasswordKept();
    const QString passwordText =
        fromEnvironment
            ? oasis::cli::tr("set (OASIS_SMTP_PASSWORD%1)")
                  .arg(change ? oasis::cli::tr(", kept in the store's key file") : QString())
        : inKeyFile ? oasis::cli::tr("set (in the store's key file)")
                    : oasis::cli::tr("none");
    QStringList text;
    if (change)
        text << oasis::cli::tr("The mail server is saved.");
    if (!smtp.configured())
        text << oasis::cli::tr("No mail server is set. Set one with: oasisctl settings smtp "
                               "--host H --port P --from ADDRESS [--user U] "
                               "[--tls starttls|tls|none]");
    else
        text << oasis::cli::tr("Mail server: %1:%2 (%3)")
                    .arg(smtp.host)
                    .arg(smtp.port)
                    .arg(smtpSecurityName(smtp.security))
             << oasis::cli::tr("From:        %1").arg(smtp.from)
             << oasis::cli::tr("User:        %1")
                    .arg(smtp.user.isEmpty() ? oasis::cli::tr("(no login)") : smtp.user)
             << oasis::cli::tr("Password:    %1").arg(passwordText);
    ctx.emit({{QStringLiteral("configured"), smtp.configured()},
              {QStringLiteral("host"), smtp.host},
              {QStringLiteral("port"), smtp.port},
              {QStringLiteral("security"), smtpSecurityName(smtp.security)},
              {QStringLiteral("user"), smtp.user},
              {QStringLiteral("from"), smtp.from},
              {QStringLiteral("password_set"), fromEnvironment || inKeyFile},
              {QStringLiteral("changed"), change}},
             text);
    return {};
}

Status cmdSettings(Context &ctx) {
    auto sub = ctx.takeArgument(oasis::cli::tr("a settings command (smtp)"));
    if (!sub)
        return std::unexpected(sub.error());
    if (*sub == QLatin1String("smtp"))
        return cmdSettingsSmtp(ctx);
    return fail(ErrorCode::Invalid, oasis::cli::tr("Unknown settings command %1.").arg(*sub));
}

} // namespace

std::vector<Command> settingsCommands() {
    return {{"settings", cmdSettings,
             "settings smtp [--host H --port P --from ADDR] [--user U|--smtp-user U] "
             "[--tls starttls|tls|none]\n"
             "         (manager; --user NAME of who acts goes before the command word; password "
             "from env\n"
             "         OASIS_SMTP_PASSWORD, kept in the store's key file)"}};
}

} // namespace oasis::cli
