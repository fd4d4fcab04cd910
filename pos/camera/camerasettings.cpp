// SPDX-License-Identifier: GPL-3.0-or-later
#include "pos/camera/camerasettings.h"
#include "pos/camera/camerascanner.h"

#include "pos/screens/screen.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>
#include <QVideoWidget>

namespace oasis::app {

CameraSettingsBox::CameraSettingsBox(CameraScanner *scanner, QWidget *parent)
    : QGroupBox(tr("Camera"), parent)
    , m_scanner(scanner) {
    setObjectName(QStringLiteral("cameraBox"));
    m_choice = new QComboBox(this);
    m_choice->setObjectName(QStringLiteral("cameraChoice"));
    m_choice->setMinimumHeight(screens::kTouch);

    m_preview = new QVideoWidget(this);
    m_preview->setObjectName(QStringLiteral("cameraPreview"));
    m_preview->setFixedSize(320, 180);
    m_preview->hide();
    // In the preview's place while it is off: a grey frame saying why.
    m_previewNote = new QLabel(this);
    m_previewNote->setObjectName(QStringLiteral("cameraPreviewNote"));
    m_previewNote->setFixedSize(320, 180);
    m_previewNote->setAlignment(Qt::AlignCenter);
    m_previewNote->setWordWrap(true);
    m_previewNote->setFrameShape(QFrame::StyledPanel);
    m_previewNote->setStyleSheet(
        QStringLiteral("QLabel { background: #f1f3f5; color: #5f6b7a; padding: 12px; }"));

    m_save = new QPushButton(tr("Save camera"), this);
    m_save->setObjectName(QStringLiteral("saveCamera"));
    m_save->setMinimumHeight(screens::kTouch);
    m_save->setMinimumWidth(160);
    connect(m_save, &QPushButton::clicked, this,
            [this] { (void)saveCamera(m_choice->currentData().toString()); });
    m_test = new QPushButton(tr("Test: show a code to the camera"), this);
    m_test->setObjectName(QStringLiteral("testCamera"));
    m_test->setMinimumHeight(screens::kTouch);
    m_test->setCheckable(true);
    m_test->setMinimumWidth(m_test->sizeHint().width() + 32);
    connect(m_test, &QPushButton::toggled, this, &CameraSettingsBox::setTesting);

    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("cameraNote"));
    screens::markMessageLine(m_note);
    m_note->setWordWrap(true);

    auto *intro = new QLabel(tr("A webcam at the counter reads the QR code of a gift card or a "
                                "receipt shown on a phone, as if it were scanned."),
                             this);
    intro->setWordWrap(true);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_save);
    buttons->addWidget(m_test);
    buttons->addStretch(1);
    auto *form = new QFormLayout;
    form->addRow(tr("Scan with"), m_choice);
    form->addRow(QString(), buttons);
    auto *left = new QVBoxLayout;
    left->addWidget(intro);
    left->addLayout(form);
    left->addWidget(m_note);
    left->addStretch(1);
    auto *picture = new QVBoxLayout;
    picture->addWidget(m_preview);
    picture->addWidget(m_previewNote);
    picture->addStretch(1);
    auto *row = new QHBoxLayout(this);
    row->addLayout(left, 1);
    row->addSpacing(16);
    row->addLayout(picture);

    connect(m_scanner, &CameraScanner::codeRead, this, [this](const QString &text) {
        if (m_testing)
            showNote(tr("Read from the camera: %1").arg(describeCode(text)), false);
    });
    connect(m_scanner, &CameraScanner::cameraError, this,
            [this](const QString &message) { showNote(message, true); });
    refreshCameras();
}

CameraSettingsBox::~CameraSettingsBox() {
    if (m_scanner)
        m_scanner->setPreview(nullptr);
}

void CameraSettingsBox::refreshCameras() {
    const CameraSettings current = CameraSettings::load();
    const QList<QCameraDevice> cameras = connectedCameras();
    m_choice->clear();
    m_choice->addItem(tr("None: no camera scanning"), QString());
    for (const QCameraDevice &camera : cameras)
        m_choice->addItem(camera.description(), QString::fromUtf8(camera.id()));
    const QCameraDevice chosen = cameraFor(current);
    m_choice->setCurrentIndex(std::max(
        0, m_choice->findData(chosen.isNull() ? QString() : QString::fromUtf8(chosen.id()))));
    const bool none = cameras.isEmpty();
    m_choice->setEnabled(!none);
    m_save->setEnabled(!none);
    m_test->setEnabled(!none);
    if (none) {
        m_previewNote->setText(tr("No camera found"));
        // Not an error: most counters have none. A plain line, not a coloured notice.
        m_note->setStyleSheet(QString());
        m_note->setText(tr("No camera found on this computer. Plug in a webcam and open "
                           "Settings again to choose it."));
        m_note->show();
    } else if (current.isOn() && chosen.isNull()) {
        m_previewNote->setText(tr("Camera not connected"));
        showNote(tr("The camera chosen for this register (%1) is not connected.")
                     .arg(current.name.isEmpty() ? current.id : current.name),
                 true);
    } else {
        m_previewNote->setText(tr("The picture shows here during a test."));
        m_note->hide();
    }
}

int CameraSettingsBox::cameraCount() const {
    return m_choice->count() - 1;
}

bool CameraSettingsBox::saveCamera(const QString &id) {
    CameraSettings settings;
    if (!id.isEmpty()) {
        settings.id = id;
        const QCameraDevice device = cameraFor(settings);
        if (device.isNull() || QString::fromUtf8(device.id()) != id) {
            showNote(tr("No camera %1 is connected to this computer.").arg(id), true);
            return false;
        }
        settings.name = device.description();
    }
    settings.save();
    showNote(id.isEmpty() ? tr("No camera scanning on this register.")
                          : tr("The register now reads codes shown to %1.").arg(settings.name),
             false);
    Q_EMIT cameraSettingsChanged();
    return true;
}

void CameraSettingsBox::setTesting(bool on) {
    if (on == m_testing)
        return;
    m_testing = on;
    m_test->setChecked(on);
    m_preview->setVisible(on);
    m_previewNote->setVisible(!on);
    if (!m_scanner)
        return;
    if (!on) {
        m_scanner->setPreview(nullptr);
        // The test may have used another camera than the one saved: back to the saved one.
        Q_EMIT cameraSettingsChanged();
        return;
    }
    // The test uses the camera chosen in the list, saved or not.
    const QString id = m_choice->currentData().toString();
    CameraSettings chosen;
    chosen.id = id;
    m_scanner->setDevice(cameraFor(chosen));
    m_scanner->setPreview(m_preview);
    showNote(id.isEmpty() ? tr("Choose a camera first.")
                          : tr("Hold a gift card's or a receipt's QR code up to the camera."),
             id.isEmpty());
}

QString CameraSettingsBox::note() const {
    return m_note->isHidden() ? QString() : m_note->text();
}

void CameraSettingsBox::hideEvent(QHideEvent *event) {
    // Leaving Settings ends the test; the register's own camera choice applies again.
    setTesting(false);
    QGroupBox::hideEvent(event);
}

void CameraSettingsBox::showNote(const QString &text, bool error) {
    screens::showNotice(m_note, text, error);
}

} // namespace oasis::app
