// SPDX-License-Identifier: GPL-3.0-or-later
#include "pos/cli/context.h"

#include "core/services/authorization.h"
#include "core/services/offline.h"
#include "pos/cli/translate.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>

#include <termios.h>
#include <unistd.h>

#include <cstdio>

namespace oasis::cli {

Result<QString> readSecret(const char *envName, const QString &prompt) {
    const QByteArray env = qgetenv(envName);
    if (!env.isEmpty())
        return QString::fromUtf8(env);
    if (!isatty(STDIN_FILENO))
        return fail(ErrorCode::Invalid,
                    oasis::cli::tr("No PIN given: set %1 or run on a terminal to be asked.")
                        .arg(QString::fromLatin1(envName)));
    std::fputs(prompt.toLocal8Bit().constData(), stderr);
    std::fflush(stderr);
    termios old{};
    tcgetattr(STDIN_FILENO, &old);
    termios silent = old;
    silent.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &silent);
    char buffer[64] = {};
    const bool read = std::fgets(buffer, sizeof buffer, stdin) != nullptr;
    tcsetattr(STDIN_FILENO, TCSANOW, &old);
    std::fputs("\n", stderr);
    if (!read)
        return fail(ErrorCode::Invalid, oasis::cli::tr("No PIN was entered."));
    return QString::fromUtf8(buffer).trimmed();
}

Result<Database *> Context::database(Store::Mode mode) {
    if (m_store)
        return &m_store->db();
    QString path = dbPath;
    if (path.isEmpty()) {
        path = Store::defaultPath();
        if (mode == Store::Mode::CreateIfMissing)
            QDir().mkpath(QFileInfo(path).absolutePath());
    }
    Store::Options options;
    options.mode = mode;
    auto db = Store::open(path, options);
    if (!db)
        return std::unexpected(db.error());
    m_store = std::move(*db);
    for (const QString &warning : m_store->openWarnings())
        std::fprintf(stderr, "oasisctl: warning: %s\n", warning.toLocal8Bit().constData());
    return &m_store->db();
}

Result<Database *> Context::openOffline(const OfflineRegister &offline) {
    auto copy = offline.openStore();
    if (!copy)
        return std::unexpected(copy.error());
    m_store = std::move(*copy);
    m_offline = true;
    return &m_store->db();
}

Result<StaffMember> Context::login() {
    if (m_user)
        return *m_user;
    if (user.isEmpty())
        return fail(ErrorCode::Invalid,
                    oasis::cli::tr("This command needs --user NAME (and the PIN in OASIS_PIN)."));
    auto db = database();
    if (!db)
        return std::unexpected(db.error());
    auto pin = readSecret("OASIS_PIN", oasis::cli::tr("PIN for %1: ").arg(user));
    if (!pin)
        return std::unexpected(pin.error());
    auto member = StaffService(**db).authenticate(user, *pin);
    if (!member)
        return member;
    m_user = *member;
    return member;
}

Result<std::optional<StaffMember>> Context::approver() {
    if (m_approver)
        return *m_approver;
    if (approveBy.isEmpty())
        return std::optional<StaffMember>();
    auto db = database();
    if (!db)
        return std::unexpected(db.error());
    auto pin = readSecret("OASIS_APPROVER_PIN", oasis::cli::tr("PIN for %1: ").arg(approveBy));
    if (!pin)
        return std::unexpected(pin.error());
    auto member = StaffService(**db).authenticate(approveBy, *pin);
    if (!member)
        return std::unexpected(member.error());
    m_approver = std::optional<StaffMember>(*member);
    return *m_approver;
}

Result<Context::Authorized> Context::signIn() {
    auto member = login();
    if (!member)
        return std::unexpected(member.error());
    auto signer = approver();
    if (!signer)
        return std::unexpected(signer.error());
    return Authorized{*member, *signer};
}

Result<Context::Authorized> Context::authorize(Action action) {
    auto who = signIn();
    if (!who)
        return who;
    if (auto ok = oasis::authorize(m_store->db(), action, who->user, who->approver); !ok)
        return std::unexpected(ok.error());
    return who;
}

QString Context::refusalLine(const Error &error) const {
    if (error.code != ErrorCode::Permission || !error.needsApproval || !approveBy.isEmpty())
        return error.message;
    return oasis::cli::tr("%1 needs approval by %2: add --approve-by NAME with OASIS_APPROVER_PIN")
        .arg(actionName(*error.needsApproval), approversOf(*error.needsApproval));
}

std::optional<QString> Context::takeOption(const QString &name) {
    const QString flag = QStringLiteral("--") + name;
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args[i] == flag && i + 1 < args.size()) {
            const QString v = args[i + 1];
            args.remove(i, 2);
            return v;
        }
        if (args[i].startsWith(flag + u'=')) {
            const QString v = args[i].mid(flag.size() + 1);
            args.remove(i);
            return v;
        }
    }
    return std::nullopt;
}

bool Context::takeFlag(const QString &name) {
    return args.removeOne(QStringLiteral("--") + name);
}

Status Context::noMoreOptions() const {
    for (const QString &a : args)
        if (a.startsWith(QLatin1String("--")))
            return fail(ErrorCode::Invalid,
                        oasis::cli::tr("Unknown or incomplete option %1.").arg(a));
    return {};
}

Status Context::noMoreArguments() const {
    if (auto ok = noMoreOptions(); !ok)
        return ok;
    if (!args.isEmpty())
        return fail(ErrorCode::Invalid,
                    oasis::cli::tr("Unexpected argument %1.").arg(args.first()));
    return {};
}

Result<QString> Context::takeArgument(const QString &what) {
    if (args.isEmpty() || args.first().startsWith(QLatin1String("--")))
        return fail(ErrorCode::Invalid, oasis::cli::tr("Missing %1.").arg(what));
    return args.takeFirst();
}

void Context::emit(const QJsonObject &object, const QStringList &text) {
    if (json)
        m_out << QJsonDocument(object).toJson(QJsonDocument::Compact) << '\n';
    else
        for (const QString &line : text)
            m_out << line << '\n';
    m_out.flush();
}

} // namespace oasis::cli
