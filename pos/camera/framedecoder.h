// SPDX-License-Identifier: GPL-3.0-or-later
// Reads QR codes and barcodes in camera frames with ZXing, off the GUI thread: one frame at a
// time (frames that arrive while one is decoded are dropped), and the code a phone keeps showing
// is reported once.
#pragma once

#include <QElapsedTimer>
#include <QImage>
#include <QObject>
#include <QThread>

class QVideoFrame;

namespace oasis::app {

/// The luminance of a frame as an 8-bit grey image (a copy): the Y plane of the YUV formats
/// webcams send, else the frame converted. A null image when the frame cannot be read.
QImage luminanceOf(const QVideoFrame &frame);

/// The text of the QR code (or, failing one, the product barcode) in a grey image; empty when
/// none is readable. Tries hard enough for a photo of a phone's screen: glare, tilt, rotation.
/// Slow on a big frame: call it off the GUI thread.
QString decodeCode(const QImage &gray);

class FrameDecoder final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FrameDecoder)
public:
    explicit FrameDecoder(QObject *parent = nullptr);
    ~FrameDecoder() override;

    /// Decodes the frame on the decoder's thread, unless one is being decoded or the last one
    /// was taken less than minimumInterval() ago: then the frame is dropped.
    void submit(const QVideoFrame &frame);
    void submit(const QImage &image);

    /// The same code seen again within this time of its last sighting is not reported again:
    /// a phone held in front of the camera adds its card once. 2 s unless set.
    void setRepeatWindow(int ms) { m_repeatWindow = ms; }
    /// The least time between two frames taken, so the decoding leaves the counter a core.
    void setMinimumInterval(int ms) { m_minimumInterval = ms; }
    int minimumInterval() const { return m_minimumInterval; }

    bool isBusy() const { return m_busy; }
    int framesDecoded() const { return m_decoded; }
    int framesDropped() const { return m_dropped; }

Q_SIGNALS:
    /// A code was read (once per showing, see setRepeatWindow).
    void codeRead(const QString &text);
    /// A frame was decoded, with or without a code (tests wait for it).
    void frameDone();

private:
    void take(const QImage &gray);
    void finished(const QString &text);

    QThread m_thread;
    QObject *m_worker = nullptr; // lives on m_thread
    bool m_busy = false;
    int m_decoded = 0;
    int m_dropped = 0;
    int m_repeatWindow = 2000;
    int m_minimumInterval = 120;
    QElapsedTimer m_lastTaken;
    QString m_lastCode;
    QElapsedTimer m_lastSeen;
};

} // namespace oasis::app
