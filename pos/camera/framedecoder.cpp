// SPDX-License-Identifier: GPL-3.0-or-later
#include "pos/camera/framedecoder.h"

#include <ZXing/ReadBarcode.h>

#include <QVideoFrame>

#include <algorithm>
#include <cstring>

namespace oasis::app {

namespace {

/// Copies one byte of every `pixStride` from each row of `plane` into a grey image.
QImage copyLuma(const uchar *plane, int bytesPerLine, int width, int height, int pixStride,
                int offset) {
    QImage gray(width, height, QImage::Format_Grayscale8);
    if (gray.isNull())
        return {};
    for (int y = 0; y < height; ++y) {
        const uchar *from = plane + qsizetype(y) * bytesPerLine + offset;
        uchar *to = gray.scanLine(y);
        if (pixStride == 1) {
            std::memcpy(to, from, std::size_t(width));
        } else {
            for (int x = 0; x < width; ++x)
                to[x] = from[qsizetype(x) * pixStride];
        }
    }
    return gray;
}

/// Where the luminance is in a mapped frame of `format`: the byte offset and the distance
/// between two pixels' bytes in plane 0; pixStride 0 when the format has no such plane.
struct LumaLayout {
    int pixStride = 0;
    int offset = 0;
};

LumaLayout lumaLayout(QVideoFrameFormat::PixelFormat format) {
    switch (format) {
    case QVideoFrameFormat::Format_YUV420P:
    case QVideoFrameFormat::Format_YUV422P:
    case QVideoFrameFormat::Format_YV12:
    case QVideoFrameFormat::Format_NV12:
    case QVideoFrameFormat::Format_NV21:
    case QVideoFrameFormat::Format_IMC1:
    case QVideoFrameFormat::Format_IMC2:
    case QVideoFrameFormat::Format_IMC3:
    case QVideoFrameFormat::Format_IMC4:
    case QVideoFrameFormat::Format_Y8:
        return {1, 0};
    case QVideoFrameFormat::Format_YUYV:
        return {2, 0};
    case QVideoFrameFormat::Format_UYVY:
        return {2, 1};
    case QVideoFrameFormat::Format_P010:
    case QVideoFrameFormat::Format_P016:
    case QVideoFrameFormat::Format_Y16:
        return {2, 1}; // little-endian 16-bit samples: the high byte
    default:
        return {};
    }
}

/// Evens out light that is brighter over one part of the picture (a lamp's glare on a phone's
/// glass): each pixel's difference from its neighbourhood, the grain smoothed away first and the
/// difference stretched, around mid grey.
QImage flattenGlare(const QImage &gray) {
    const QSize size = gray.size();
    const QImage smooth = gray.scaled(size / 2, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
                              .scaled(size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    const QImage around = gray.scaled(size / 24, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
                              .scaled(size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    QImage out(size, QImage::Format_Grayscale8);
    for (int y = 0; y < size.height(); ++y) {
        const uchar *s = smooth.constScanLine(y);
        const uchar *a = around.constScanLine(y);
        uchar *o = out.scanLine(y);
        for (int x = 0; x < size.width(); ++x) {
            // The darker the neighbourhood's white, the less a difference means: scale by it.
            const int local = std::max(1, int(a[x]));
            o[x] = uchar(std::clamp(128 + (int(s[x]) - local) * 4 * 255 / (local + 64), 0, 255));
        }
    }
    return out;
}

QString readOnce(const ZXing::ImageView &view, const ZXing::DecodeHints &hints) {
    const ZXing::Result result = ZXing::ReadBarcode(view, hints);
    if (!result.isValid())
        return {};
    return QString::fromStdString(result.text()).trimmed();
}

} // namespace

QImage luminanceOf(const QVideoFrame &frame) {
    if (!frame.isValid())
        return {};
    const LumaLayout layout = lumaLayout(frame.pixelFormat());
    if (layout.pixStride > 0) {
        QVideoFrame mapped(frame);
        if (!mapped.map(QVideoFrame::ReadOnly))
            return {};
        QImage gray = copyLuma(mapped.bits(0), mapped.bytesPerLine(0), mapped.width(),
                               mapped.height(), layout.pixStride, layout.offset);
        mapped.unmap();
        return gray;
    }
    // RGB, JPEG (many webcams send MJPEG) and the rest: Qt converts.
    return frame.toImage().convertToFormat(QImage::Format_Grayscale8);
}

QString decodeCode(const QImage &image) {
    if (image.isNull())
        return {};
    QImage gray = image.format() == QImage::Format_Grayscale8
                      ? image
                      : image.convertToFormat(QImage::Format_Grayscale8);
    // A full-HD frame holds a phone's QR many times over; smaller is faster and reads as well.
    if (gray.width() > 1280)
        gray = gray.scaledToWidth(1280, Qt::SmoothTransformation);
    const ZXing::ImageView view(gray.constBits(), gray.width(), gray.height(),
                                ZXing::ImageFormat::Lum, int(gray.bytesPerLine()));

    // The QR first: what a phone shows. Local thresholds cope with glare over part of it.
    ZXing::DecodeHints qr;
    qr.setFormats(ZXing::BarcodeFormat::QRCode | ZXing::BarcodeFormat::DataMatrix);
    qr.setTryHarder(true);
    qr.setTryRotate(true);
    qr.setTryDownscale(true);
    if (QString text = readOnce(view, qr); !text.isEmpty())
        return text;
    // Glare washes a part of the code out to light grey on lighter grey: even the light out.
    const QImage flat = flattenGlare(gray);
    const ZXing::ImageView flatView(flat.constBits(), flat.width(), flat.height(),
                                    ZXing::ImageFormat::Lum, int(flat.bytesPerLine()));
    if (QString text = readOnce(flatView, qr); !text.isEmpty())
        return text;

    // A product's barcode held up to the camera. Upright only: ZXing 1.4 trips an assertion
    // when it merges rotated reads of linear symbols. No UPC-A: a UPC-A is an EAN-13 with a
    // leading 0, and the catalog keeps the 13 digits a scanner types.
    ZXing::DecodeHints linear;
    linear.setFormats(ZXing::BarcodeFormat::EAN13 | ZXing::BarcodeFormat::EAN8 |
                      ZXing::BarcodeFormat::Code128 | ZXing::BarcodeFormat::Code39);
    linear.setTryHarder(true);
    linear.setTryRotate(false);
    linear.setTryDownscale(false);
    return readOnce(view, linear);
}

// --- FrameDecoder ------------------------------------------------------------------------

namespace {

class Worker final : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
Q_SIGNALS:
    void decoded(const QString &text);
};

} // namespace

FrameDecoder::FrameDecoder(QObject *parent)
    : QObject(parent) {
    auto *worker = new Worker;
    worker->moveToThread(&m_thread);
    connect(worker, &Worker::decoded, this, &FrameDecoder::finished, Qt::QueuedConnection);
    m_worker = worker;
    m_thread.setObjectName(QStringLiteral("camera decoder"));
    m_thread.start(QThread::LowPriority);
}

FrameDecoder::~FrameDecoder() {
    m_thread.quit();
    m_thread.wait();
    delete m_worker;
}

void FrameDecoder::submit(const QVideoFrame &frame) {
    if (m_busy || (m_lastTaken.isValid() && m_lastTaken.elapsed() < m_minimumInterval)) {
        ++m_dropped;
        return;
    }
    const QImage gray = luminanceOf(frame);
    if (gray.isNull()) {
        ++m_dropped;
        return;
    }
    take(gray);
}

void FrameDecoder::submit(const QImage &image) {
    if (m_busy || (m_lastTaken.isValid() && m_lastTaken.elapsed() < m_minimumInterval)) {
        ++m_dropped;
        return;
    }
    take(image.convertToFormat(QImage::Format_Grayscale8));
}

void FrameDecoder::take(const QImage &gray) {
    m_busy = true;
    m_lastTaken.start();
    auto *worker = static_cast<Worker *>(m_worker);
    QMetaObject::invokeMethod(
        worker, [worker, gray] { Q_EMIT worker->decoded(decodeCode(gray)); }, Qt::QueuedConnection);
}

void FrameDecoder::finished(const QString &text) {
    m_busy = false;
    ++m_decoded;
    if (!text.isEmpty()) {
        const bool repeated =
            text == m_lastCode && m_lastSeen.isValid() && m_lastSeen.elapsed() < m_repeatWindow;
        // Every sighting restarts the window: the code must leave the camera for it to count
        // again.
        m_lastCode = text;
        m_lastSeen.start();
        if (!repeated)
            Q_EMIT codeRead(text);
    }
    Q_EMIT frameDone();
}

} // namespace oasis::app

#include "framedecoder.moc"
