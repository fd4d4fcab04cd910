// SPDX-License-Identifier: GPL-3.0-or-later
// keys export | import: a second register joins a store (DESIGN §13).
#include "pos/cli/context.h"

#include "core/services/keys.h"
#include "pos/cli/translate.h"

#include <QCoreApplication>
#include <QDir>

namespace oasis::cli {

namespace {
/// The passphrase comes from the environment only: an argument would show in `ps` and in the
/// shell's history.
Result<QString> passphrase() {
    const QString given = qEnvironmentVariable("OASIS_KEY_PASSPHRASE");
    if (given.isEmpty())
        return fail(ErrorCode::Invalid,
                    oasis::cli::tr("No passphrase: set OASIS_KEY_PASSPHRASE (it is never taken "
                                   "as an argument)."));
    return given;
}

/// FILE and nothing else after the subcommand.
Result<QString> fileArgument(Context &ctx, const QString &what) {
    auto file = ctx.takeArgument(what);
    if (!file)
        return file;
    if (auto ok = ctx.noMoreArguments(); !ok)
        return std::unexpected(ok.error());
    return file;
}

Status cmdKeysExport(Context &ctx) {
    auto file = fileArgument(ctx, oasis::cli::tr("the FILE to write the sealed key file to"));
    if (!file)
        return std::unexpected(file.error());
    // Usage first: a missing or short passphrase is refused before the store is opened.
    auto secret = passphrase();
    if (!secret)
        return std::unexpected(secret.error());
    if (auto ok = KeyService::checkNewPassphrase(*secret); !ok)
        return ok;
    auto db = ctx.database();
    if (!db)
        return std::unexpected(db.error());
    auto who = ctx.signIn();
    if (!who)
        return std::unexpected(who.error());
    auto done = KeyService::exportTo(**db, *file, *secret, who->user, who->approver);
    if (!done)
        return std::unexpected(done.error());
    ctx.emit({{QStringLiteral("file"), done->file}, {QStringLiteral("store_id"), done->storeId}},
             {oasis::cli::tr("The key file of store %1 is sealed in %2 (readable by you only).")
                  .arg(done->storeId, QDir::toNativeSeparators(done->file)),
              oasis::cli::tr("On the new register: OASIS_KEY_PASSPHRASE=... oasisctl --db STORE "
                             "keys import FILE. Carry the file and the passphrase apart, and "
                             "delete the file once it is imported.")});
    return {};
}

Status cmdKeysImport(Context &ctx) {
    auto file = fileArgument(ctx, oasis::cli::tr("the sealed key FILE to import"));
    if (!file)
        return std::unexpected(file.error());
    auto secret = passphrase();
    if (!secret)
        return std::unexpected(secret.error());
    // The store is not opened: on this computer it cannot be until its key file is here.
    const QString store = ctx.dbPath.isEmpty() ? Store::defaultPath() : ctx.dbPath;
    auto done = KeyService::importFrom(*file, *secret, store, Store::defaultKeyDirectory());
    if (!done)
        return std::unexpected(done.error());
    const QString keyFile = QDir::toNativeSeparators(done->keyFile);
    ctx.emit({{QStringLiteral("file"), done->file},
              {QStringLiteral("store_id"), done->storeId},
              {QStringLiteral("key_file"), done->keyFile},
              {QStringLiteral("installed"), done->installed},
              {QStringLiteral("exported_at"), done->exportedAt.toString(Qt::ISODate)}},
             {done->installed
                  ? oasis::cli::tr("The key file of store %1 is installed: %2. The store opens "
                                   "on this computer now.")
                        .arg(done->storeId, keyFile)
                  : oasis::cli::tr("This computer already holds this key file of store %1: %2. "
                                   "Nothing was changed.")
                        .arg(done->storeId, keyFile)});
    return {};
}

Status cmdKeys(Context &ctx) {
    auto sub = ctx.takeArgument(oasis::cli::tr("a keys command (export, import)"));
    if (!sub)
        return std::unexpected(sub.error());
    if (*sub == QLatin1String("export"))
        return cmdKeysExport(ctx);
    if (*sub == QLatin1String("import"))
        return cmdKeysImport(ctx);
    return fail(ErrorCode::Invalid, oasis::cli::tr("Unknown keys command %1.").arg(*sub));
}
} // namespace

std::vector<Command> keysCommands() {
    return {
        {"keys", cmdKeys,
         "keys export FILE | import FILE   (passphrase from env OASIS_KEY_PASSPHRASE)"},
    };
}

} // namespace oasis::cli
