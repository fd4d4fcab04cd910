// SPDX-License-Identifier: GPL-3.0-or-later
#include "pos/camera/camerascanner.h"
#include "pos/camera/camerasettings.h"
#include "pos/camera/framedecoder.h"

#include <QCamera>
#include <QLoggingCategory>
#include <QMediaCaptureSession>
#include <QMediaDevices>
#include <QVideoFrame>
#include <QVideoSink>
#include <QVideoWidget>

Q_LOGGING_CATEGORY(lcCamera, "oasis.camera")

namespace oasis::app {

QList<QCameraDevice> connectedCameras() {
    return QMediaDevices::videoInputs();
}

QCameraDevice cameraFor(const CameraSettings &settings) {
    if (!settings.isOn())
        return {};
    const QList<QCameraDevice> cameras = connectedCameras();
    for (const QCameraDevice &camera : cameras)
        if (QString::fromUtf8(camera.id()) == settings.id)
            return camera;
    for (const QCameraDevice &camera : cameras)
        if (!settings.name.isEmpty() && camera.description() == settings.name)
            return camera;
    return {};
}

CameraScanner::CameraScanner(QObject *parent)
    : QObject(parent) {
    m_sink = new QVideoSink(this);
    m_decoder = new FrameDecoder(this);
    connect(m_sink, &QVideoSink::videoFrameChanged, this, &CameraScanner::onFrame);
    connect(m_decoder, &FrameDecoder::codeRead, this, &CameraScanner::codeRead);
}

CameraScanner::~CameraScanner() {
    if (m_camera)
        m_camera->stop();
}

void CameraScanner::setDevice(const QCameraDevice &device) {
    // From the first choice on, a webcam unplugged and plugged in again comes back by itself
    // (the owner applies its choice again on camerasChanged).
    if (!m_devices) {
        m_devices = new QMediaDevices(this);
        connect(m_devices, &QMediaDevices::videoInputsChanged, this,
                &CameraScanner::camerasChanged);
    }
    // The same camera still running: nothing to do (stopped by an error, it starts again).
    if (m_camera && !device.isNull() && m_camera->cameraDevice() == device && m_camera->isActive())
        return;
    if (m_camera) {
        m_camera->stop();
        m_session->setCamera(nullptr);
        delete m_camera;
        m_camera = nullptr;
    }
    if (device.isNull())
        return;
    // The capture session loads Qt Multimedia's back end: only once a camera is used.
    if (!m_session) {
        m_session = new QMediaCaptureSession(this);
        m_session->setVideoSink(m_sink);
    }
    m_camera = new QCamera(device, this);
    connect(m_camera, &QCamera::errorOccurred, this, [this](QCamera::Error, const QString &detail) {
        qCWarning(lcCamera, "camera: %s", qPrintable(detail));
        Q_EMIT cameraError(tr("The camera stopped: %1").arg(detail));
    });
    m_session->setCamera(m_camera);
    m_camera->start();
    qCInfo(lcCamera, "scanning with %s", qPrintable(device.description()));
}

bool CameraScanner::apply(const CameraSettings &settings) {
    const QCameraDevice device = cameraFor(settings);
    setDevice(device);
    return !settings.isOn() || !device.isNull();
}

QWidget *CameraScanner::createSettingsBox(QWidget *parent, std::function<void()> changed) {
    auto *box = new CameraSettingsBox(this, parent);
    if (changed)
        connect(box, &CameraSettingsBox::cameraSettingsChanged, box, std::move(changed));
    return box;
}

QCameraDevice CameraScanner::device() const {
    return m_camera ? m_camera->cameraDevice() : QCameraDevice();
}

bool CameraScanner::isActive() const {
    return m_camera && m_camera->isActive();
}

void CameraScanner::setPreview(QVideoWidget *preview) {
    if (m_preview && m_preview != preview)
        m_preview->videoSink()->setVideoFrame(QVideoFrame());
    m_preview = preview;
}

void CameraScanner::onFrame(const QVideoFrame &frame) {
    if (m_preview)
        m_preview->videoSink()->setVideoFrame(frame);
    m_decoder->submit(frame);
}

} // namespace oasis::app
