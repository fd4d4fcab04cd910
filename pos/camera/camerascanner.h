// SPDX-License-Identifier: GPL-3.0-or-later
// A webcam as a scanner: Qt Multimedia's camera feeds its frames to the FrameDecoder, and each
// code read comes out as the scan field's text would (Settings → This register chooses the
// camera, per computer). Part of the plugin oasis-camera; the counter app sees it as a Camera.
#pragma once

#include "pos/camera/camera.h"

#include <QByteArray>
#include <QCameraDevice>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

class QCamera;
class QMediaCaptureSession;
class QMediaDevices;
class QVideoFrame;
class QVideoSink;
class QVideoWidget;

namespace oasis::app {

class FrameDecoder;

/// The cameras connected now.
QList<QCameraDevice> connectedCameras();
/// The connected camera the settings name (by id, else by description); a null device if none.
QCameraDevice cameraFor(const CameraSettings &settings);

class CameraScanner final : public QObject, public Camera {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CameraScanner)
public:
    explicit CameraScanner(QObject *parent = nullptr);
    ~CameraScanner() override;

    // Camera
    bool apply(const CameraSettings &settings) override;
    bool isActive() const override;
    QWidget *createSettingsBox(QWidget *parent, std::function<void()> changed) override;

    /// Starts `device` (a null device: stops the camera).
    void setDevice(const QCameraDevice &device);
    QCameraDevice device() const;

    /// Where the camera's frames arrive; each is shown in the preview (if any) and offered to
    /// the decoder. Tests feed recorded frames here (QVideoSink::setVideoFrame).
    QVideoSink *videoSink() const { return m_sink; }
    FrameDecoder *decoder() const { return m_decoder; }
    /// Shows the frames in `preview` as well (Settings' live picture); nullptr: none.
    void setPreview(QVideoWidget *preview);

Q_SIGNALS:
    /// A code was read: what a scanner would have typed in the scan field.
    void codeRead(const QString &text);
    /// The camera failed (unplugged, busy): one line for the person at the counter.
    void cameraError(const QString &message);
    /// A camera was plugged in or out (watched from the first setDevice on): the owner applies
    /// its choice again.
    void camerasChanged();

private:
    void onFrame(const QVideoFrame &frame);

    QMediaCaptureSession *m_session = nullptr;
    QMediaDevices *m_devices = nullptr;
    QCamera *m_camera = nullptr;
    QVideoSink *m_sink = nullptr;
    FrameDecoder *m_decoder = nullptr;
    QPointer<QVideoWidget> m_preview;
};

} // namespace oasis::app
