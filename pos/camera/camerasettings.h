// SPDX-License-Identifier: GPL-3.0-or-later
// Settings → This register → Camera: which webcam reads QR codes at this counter, a live
// picture of it, and a test that shows what it reads.
#pragma once

#include <QGroupBox>
#include <QPointer>

class QComboBox;
class QLabel;
class QPushButton;
class QVideoWidget;

namespace oasis::app {

class CameraScanner;

class CameraSettingsBox final : public QGroupBox {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CameraSettingsBox)
public:
    /// `scanner` is the register's (one camera is opened once); it outlives the box.
    explicit CameraSettingsBox(CameraScanner *scanner, QWidget *parent = nullptr);
    ~CameraSettingsBox() override;

    /// Lists the connected cameras again ("No camera found" when there is none).
    void refreshCameras();
    int cameraCount() const;
    /// Saves the camera chosen in the list (its id; empty: none) for this computer and emits
    /// cameraSettingsChanged. An id no connected camera has is refused in one line.
    bool saveCamera(const QString &id);
    /// "Test: show a code to the camera": the live picture, and what is read shown here rather
    /// than on the register.
    void setTesting(bool on);
    bool isTesting() const { return m_testing; }
    QString note() const;

Q_SIGNALS:
    /// This computer's camera was chosen or turned off, or a test ended: the window applies
    /// the saved choice.
    void cameraSettingsChanged();

protected:
    void hideEvent(QHideEvent *event) override;

private:
    void showNote(const QString &text, bool error);

    QPointer<CameraScanner> m_scanner;
    QComboBox *m_choice = nullptr;
    QVideoWidget *m_preview = nullptr;
    QLabel *m_previewNote = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_test = nullptr;
    QLabel *m_note = nullptr;
    bool m_testing = false;
};

} // namespace oasis::app
