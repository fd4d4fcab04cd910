// SPDX-License-Identifier: GPL-3.0-or-later
// The counter app's own plugins (the camera, the dashboard's charts): what only some screens use
// is loaded the first time it is used, so the PIN pad does not wait for its libraries. Each is a
// Qt plugin (QPluginLoader) found beside the installed program or in the build tree; a program
// that links one in as a static plugin (the widget tests) uses that one.
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

namespace oasis::plugins {

/// Where plugin `file` (e.g. "oasis-camera.so") is looked for: `../lib/oasis-pos/` from the
/// program's folder (installed), then, for a program run from the build tree, its
/// `lib/oasis-pos/`.
QStringList pluginPaths(const QString &file);

/// The static plugin with interface `iid`, else the first of `paths` that loads and has it
/// (never unloaded). nullptr when none does: `why` then says why in a few words ("it is not
/// installed", or the loader's reason).
QObject *loadPlugin(const char *iid, const QStringList &paths, QString *why);

/// loadPlugin for the interface T (declared with Q_DECLARE_INTERFACE).
template <class T>
T *plugin(const QStringList &paths, QString *why) {
    return qobject_cast<T *>(loadPlugin(qobject_interface_iid<T *>(), paths, why));
}

} // namespace oasis::plugins
