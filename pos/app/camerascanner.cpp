// SPDX-License-Identifier: GPL-3.0-or-later
#include "pos/app/camerascanner.h"
#include "pos/app/framedecoder.h"

#include "core/domain/giftcode.h"

#include <QCamera>
#include <QLoggingCategory>
#include <QMediaCaptureSession>
#include <QMediaDevices>
#include <QSettings>
#include <QVideoFrame>
#include <QVideoSink>
#include <QVideoWidget>

Q_LOGGING_CATEGORY(lcCamera, "oasis.camera")

namespace oasis::app {

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

QString describeCode(const QString &text) {
    if (giftcode::looksLikeGiftCard(text)) {
        const giftcode::Parsed parsed = giftcode::parse(text);
        return CameraScanner::tr("gift card ••%1")
            .arg(giftcode::last4(parsed.status == giftcode::Parse::Ok ? parsed.canonical : text));
    }
    constexpr int kShown = 40;
    return text.size() > kShown ? text.left(kShown - 1) + QChar(0x2026) : text;
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
