// SPDX-License-Identifier: GPL-3.0-or-later
// The plugin oasis-camera: makes the register's CameraScanner. Built as a module the counter app
// loads on first use (oasis-camera.so) and, for the widget tests, as a static plugin linked in.
#include "pos/camera/camera.h"
#include "pos/camera/camerascanner.h"

#include <QObject>

namespace oasis::app {

class OasisCameraPlugin final : public QObject, public CameraPlugin {
    Q_OBJECT
    Q_PLUGIN_METADATA(IID OASIS_CAMERA_PLUGIN_IID)
    Q_INTERFACES(oasis::app::CameraPlugin)
public:
    std::unique_ptr<Camera> create(Camera::Events events) override {
        auto scanner = std::make_unique<CameraScanner>();
        CameraScanner *raw = scanner.get();
        if (events.codeRead)
            QObject::connect(raw, &CameraScanner::codeRead, raw, std::move(events.codeRead));
        if (events.error)
            QObject::connect(raw, &CameraScanner::cameraError, raw, std::move(events.error));
        if (events.camerasChanged)
            QObject::connect(raw, &CameraScanner::camerasChanged, raw,
                             std::move(events.camerasChanged));
        return scanner;
    }
};

} // namespace oasis::app

#include "cameraplugin.moc"
