// SPDX-License-Identifier: GPL-3.0-or-later
// The webcam that reads QR codes at the counter, as the counter app sees it. Qt Multimedia and
// its back ends (GStreamer, PulseAudio: fourteen libraries) are the plugin oasis-camera's, loaded
// the first time a camera is used or Settings shows the camera: a counter without a camera never
// loads them, and the PIN pad does not wait for them. This header names no Qt Multimedia type.
#pragma once

#include <QString>
#include <QStringList>
#include <QtPlugin>

#include <functional>
#include <memory>

class QWidget;

namespace oasis::app {

/// This computer's camera for scanning, kept in QSettings (`camera/id`, `camera/name`) like the
/// customer display. An empty id: no camera.
struct CameraSettings {
    QString id;   ///< QCameraDevice::id()
    QString name; ///< its description, to find it again if the system renumbers it

    static CameraSettings load();
    void save() const;
    bool isOn() const { return !id.isEmpty(); }
};

/// What a code read by the camera is, safe for a status line: a gift card as "gift card ••7KQ3",
/// never its whole code; anything else as read, cut short.
QString describeCode(const QString &text);

/// The register's camera, made by the plugin.
class Camera {
public:
    /// What the camera tells its owner (each may be empty).
    struct Events {
        /// A code was read: what a scanner would have typed in the scan field.
        std::function<void(const QString &text)> codeRead;
        /// The camera failed (unplugged, busy): one line for the person at the counter.
        std::function<void(const QString &message)> error;
        /// A camera was plugged in or out (watched from the first apply): apply the choice again.
        std::function<void()> camerasChanged;
    };

    Camera() = default;
    Camera(const Camera &) = delete;
    Camera &operator=(const Camera &) = delete;
    virtual ~Camera();

    /// Opens the connected camera the settings name (by id, else by its description), or stops
    /// the camera when they name none. False when the camera they name is not connected: then
    /// none is open.
    virtual bool apply(const CameraSettings &settings) = 0;
    /// A camera is open and sending pictures.
    virtual bool isActive() const = 0;
    /// Settings → This register → Camera, working on this camera: the cameras connected, a live
    /// picture and a test. `changed` runs when a choice was saved or a test ended (the owner
    /// applies the saved choice again).
    virtual QWidget *createSettingsBox(QWidget *parent, std::function<void()> changed) = 0;
};

/// The interface the plugin oasis-camera exports (a Qt plugin, found with QPluginLoader).
class CameraPlugin {
public:
    virtual ~CameraPlugin();
    virtual std::unique_ptr<Camera> create(Camera::Events events) = 0;
};

/// Where the counter app looks for the plugin (plugins::pluginPaths of oasis-camera.so).
QStringList cameraPluginPaths();

/// The camera plugin: one linked into the program (Q_IMPORT_PLUGIN, the widget tests), else the
/// first of `paths` that loads. On failure, nullptr and `error` says why in one line.
CameraPlugin *cameraPlugin(const QStringList &paths, QString *error);

} // namespace oasis::app

#define OASIS_CAMERA_PLUGIN_IID "com.oasispos.OasisPOS.CameraPlugin/1"
Q_DECLARE_INTERFACE(oasis::app::CameraPlugin, OASIS_CAMERA_PLUGIN_IID)
