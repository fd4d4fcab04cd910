// SPDX-License-Identifier: GPL-3.0-or-later
// oasisctl: the scriptable back office. Exit 0 done, 1 usage, 2 refused by a rule,
// 3 storage/printer/system; one line on stderr saying why.
#include "pos/cli/context.h"

#include "core/domain/log.h"
#include "printing/tcpsocket.h"

#include <QGuiApplication>

#include <cstdio>
#include <exception>

using namespace oasis;
using namespace oasis::cli;

namespace {

std::vector<Command> allCommands() {
    std::vector<Command> all;
    for (auto group : {adminCommands, saleCommands, giftcardCommands, inventoryCommands,
                       refundCommands, shiftCommands, reportCommands, keysCommands,
                       settingsCommands, clientCommands, offlineCommands})
        for (const Command &c : group())
            all.push_back(c);
    return all;
}

void printUsage(QTextStream &out) {
    out << "usage: oasisctl [--db PATH] [--user NAME] [--json] [--approve-by NAME] COMMAND ...\n"
           "  PIN of --user from OASIS_PIN (else asked on a terminal); approver's PIN from\n"
           "  OASIS_APPROVER_PIN. Exit 0 done, 1 usage, 2 refused, 3 storage/printer/system.\n\n";
    for (const Command &c : allCommands())
        out << "  " << c.usage << '\n';
    out.flush();
}

} // namespace

int main(int argc, char **argv) {
    // Receipts and certificates are drawn with QPainter (PDF, PNG), which needs a
    // QGuiApplication; oasisctl never shows a window, so it always runs offscreen.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    installLogFile(QString()); // quiet from the start; the file is known once --db is read
    QGuiApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("OasisPOS"));
    QCoreApplication::setApplicationName(QStringLiteral("oasis-pos"));
    QCoreApplication::setApplicationVersion(QStringLiteral(OASIS_VERSION));
    printing::setTcpWriter(&printing::writeTcpSocket); // --print tcp:HOST:PORT

    Context ctx;
    QStringList args = app.arguments().mid(1);
    // The log goes beside the database (oasis.log), so scripts see one line on stderr.
    for (qsizetype i = 0; i + 1 < args.size(); ++i)
        if (args[i] == QLatin1String("--db"))
            ctx.dbPath = args[i + 1];
    installLogFile(logPathFor(ctx.dbPath, Store::isOnServer(ctx.dbPath)));
    // Global options come before the command word.
    while (!args.isEmpty() && args.first().startsWith(QLatin1String("--"))) {
        const QString opt = args.takeFirst();
        auto value = [&](QString *target) {
            if (args.isEmpty()) {
                ctx.err() << "oasisctl: " << opt << " needs a value\n";
                return false;
            }
            *target = args.takeFirst();
            return true;
        };
        if (opt == QLatin1String("--json"))
            ctx.json = true;
        else if (opt == QLatin1String("--db")) {
            if (!value(&ctx.dbPath))
                return 1;
        } else if (opt == QLatin1String("--user")) {
            if (!value(&ctx.user))
                return 1;
        } else if (opt == QLatin1String("--approve-by")) {
            if (!value(&ctx.approveBy))
                return 1;
        } else if (opt == QLatin1String("--help")) {
            printUsage(ctx.out());
            return 0;
        } else if (opt == QLatin1String("--version")) {
            ctx.out() << "oasisctl " << OASIS_VERSION << '\n';
            return 0;
        } else {
            ctx.err() << "oasisctl: unknown option " << opt << " (see oasisctl --help)\n";
            return 1;
        }
    }
    if (args.isEmpty()) {
        printUsage(ctx.err());
        return 1;
    }
    const QString name = args.takeFirst();
    // Options may also follow the command: pick the global ones out wherever they are.
    ctx.args = args;
    if (ctx.takeFlag(QStringLiteral("json")))
        ctx.json = true;
    if (auto v = ctx.takeOption(QStringLiteral("db")))
        ctx.dbPath = *v;
    // A --user before the command word names who acts; one after it then belongs to the
    // command (`settings smtp --user U` names the mail server's login).
    if (ctx.user.isEmpty())
        if (auto v = ctx.takeOption(QStringLiteral("user")))
            ctx.user = *v;
    if (auto v = ctx.takeOption(QStringLiteral("approve-by")))
        ctx.approveBy = *v;

    for (const Command &c : allCommands()) {
        if (name != QLatin1String(c.name))
            continue;
        try {
            Status status = c.run(ctx);
            if (status)
                return 0;
            QString message = ctx.refusalLine(status.error());
            message.replace(u'\n', u' ');
            // One line saying why; `oasisctl --help` has the usage of every command.
            ctx.err() << "oasisctl: " << message << '\n';
            ctx.err().flush();
            return exitCodeFor(status.error().code);
        } catch (const std::exception &e) {
            ctx.err() << "oasisctl: internal error, nothing was changed: " << e.what() << '\n';
            return 3;
        }
    }
    ctx.err() << "oasisctl: unknown command " << name << " (see oasisctl --help)\n";
    return 1;
}
