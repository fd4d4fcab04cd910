// SPDX-License-Identifier: GPL-3.0-or-later
#include "pos/plugins/pluginloader.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QPluginLoader>

namespace oasis::plugins {

namespace {
Q_LOGGING_CATEGORY(lcPlugins, "oasis.plugins")

bool hasInterface(QObject *instance, const char *iid) {
    return instance && instance->qt_metacast(iid);
}
} // namespace

QStringList pluginPaths(const QString &file) {
    const QString programDir = QCoreApplication::applicationDirPath();
    QStringList paths{QDir::cleanPath(programDir + QStringLiteral("/../lib/oasis-pos/") + file)};
    // The build tree's, for a program that runs from it: an installed program never looks there.
    const QString buildRoot = QStringLiteral(OASIS_BUILD_ROOT "/");
    if (QString(programDir + u'/').startsWith(buildRoot))
        paths << QStringLiteral(OASIS_PLUGIN_BUILD_DIR "/") + file;
    return paths;
}

QObject *loadPlugin(const char *iid, const QStringList &paths, QString *why) {
    for (QObject *instance : QPluginLoader::staticInstances())
        if (hasInterface(instance, iid))
            return instance;
    QString reason = QCoreApplication::translate("oasis::plugins", "it is not installed");
    for (const QString &path : paths) {
        if (!QFileInfo::exists(path))
            continue;
        QPluginLoader loader(path);
        QObject *instance = loader.instance();
        if (hasInterface(instance, iid)) {
            qCInfo(lcPlugins, "loaded %s", qPrintable(path));
            return instance;
        }
        reason = instance ? QCoreApplication::translate("oasis::plugins", "%1 is not the plugin "
                                                                          "it should be")
                                .arg(path)
                          : loader.errorString();
        qCWarning(lcPlugins, "%s: %s", iid, qPrintable(reason));
    }
    if (why)
        *why = reason;
    return nullptr;
}

} // namespace oasis::plugins
