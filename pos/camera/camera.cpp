// SPDX-License-Identifier: GPL-3.0-or-later
#include "pos/camera/camera.h"

#include "core/domain/giftcode.h"
#include "pos/plugins/pluginloader.h"

#include <QCoreApplication>
#include <QSettings>

namespace oasis::app {

Camera::~Camera() = default;
CameraPlugin::~CameraPlugin() = default;

CameraSettings CameraSettings::load() {
    QSettings s;
    return {s.value(QStringLiteral("camera/id")).toString(),
            s.value(QStringLiteral("camera/name")).toString()};
}

void CameraSettings::save() const {
    QSettings s;
    s.setValue(QStringLiteral("camera/id"), id);
    s.setValue(QStringLiteral("camera/name"), name);
}

QString describeCode(const QString &text) {
    if (giftcode::looksLikeGiftCard(text)) {
        const giftcode::Parsed parsed = giftcode::parse(text);
        return QCoreApplication::translate("oasis::app::CameraScanner", "gift card ••%1")
            .arg(giftcode::last4(parsed.status == giftcode::Parse::Ok ? parsed.canonical : text));
    }
    constexpr int kShown = 40;
    return text.size() > kShown ? text.left(kShown - 1) + QChar(0x2026) : text;
}

QStringList cameraPluginPaths() {
    return plugins::pluginPaths(QStringLiteral("oasis-camera.so"));
}

CameraPlugin *cameraPlugin(const QStringList &paths, QString *error) {
    QString why;
    CameraPlugin *plugin = plugins::plugin<CameraPlugin>(paths, &why);
    if (!plugin && error)
        *error = QCoreApplication::translate("oasis::app::Camera",
                                             "Camera scanning is not available on this "
                                             "computer: %1.")
                     .arg(why);
    return plugin;
}

} // namespace oasis::app
