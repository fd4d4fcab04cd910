// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/domain/log.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QStandardPaths>

#include <cstdio>

namespace oasis {

namespace {
QMutex g_mutex;
QString g_path;
bool g_debug = false;

void handler(QtMsgType type, const QMessageLogContext &context, const QString &message) {
    const QLatin1String category(context.category ? context.category : "default");
    const bool ours = category.startsWith(QLatin1String("oasis."));
    if (g_debug || type == QtFatalMsg) {
        std::fprintf(stderr, "%s: %s\n", context.category ? context.category : "qt",
                     message.toLocal8Bit().constData());
    }
    if (!ours || g_path.isEmpty())
        return;
    QMutexLocker lock(&g_mutex);
    QFile file(g_path);
    if (!file.open(QIODevice::Append | QIODevice::Text))
        return;
    file.write((QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) + u' ' + category +
                u' ' + message + u'\n')
                   .toUtf8());
}
} // namespace

QString defaultLogPath() {
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("oasis.log"));
}

QString logPathFor(const QString &location, bool onServer) {
    return location.isEmpty() || onServer
               ? defaultLogPath()
               : QFileInfo(location).absoluteDir().filePath(QStringLiteral("oasis.log"));
}

void installLogFile(const QString &path) {
    g_path = path;
    g_debug = qEnvironmentVariableIsSet("OASIS_DEBUG");
    // Only the app's own data folder is made here. The folder of a --db path is the user's:
    // creating it would let `init` make a database at a mistyped path instead of refusing.
    if (!path.isEmpty() && path == defaultLogPath())
        QDir().mkpath(QFileInfo(path).absolutePath());
    qInstallMessageHandler(handler);
}

} // namespace oasis
