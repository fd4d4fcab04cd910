// SPDX-License-Identifier: GPL-3.0-or-later
#include "printing/qr.h"

#include <qrencode.h>

#include <algorithm>
#include <cerrno>
#include <memory>

namespace oasis::printing {

QrMatrix::QrMatrix(int size, std::vector<std::uint8_t> modules)
    : m_size(size)
    , m_modules(std::move(modules)) {
    Q_ASSERT(m_modules.size() == std::size_t(size) * std::size_t(size));
}

Result<QrMatrix> encodeQr(const QByteArray &data) {
    if (data.isEmpty())
        return fail(ErrorCode::Invalid, QStringLiteral("There is nothing to put in the QR code."));
    errno = 0;
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeData(int(data.size()),
                          reinterpret_cast<const unsigned char *>(data.constData()), 0,
                          QR_ECLEVEL_M),
        &QRcode_free);
    if (!code) {
        if (errno == ERANGE)
            return fail(
                ErrorCode::Invalid,
                QStringLiteral("The text is too long for a QR code (%1 bytes).").arg(data.size()));
        return fail(ErrorCode::System, QStringLiteral("The QR code could not be made."));
    }
    const int size = code->width;
    std::vector<std::uint8_t> modules(std::size_t(size) * std::size_t(size));
    // Bit 0 of each byte of libqrencode's output is the module colour (1 = dark).
    for (std::size_t i = 0; i < modules.size(); ++i)
        modules[i] = code->data[i] & 1;
    return QrMatrix(size, std::move(modules));
}

QImage qrImage(const QrMatrix &qr, int moduleSize, int quietZone) {
    moduleSize = std::max(1, moduleSize);
    quietZone = std::max(0, quietZone);
    const int side = (qr.size() + 2 * quietZone) * moduleSize;
    QImage image(side, side, QImage::Format_Mono);
    image.setColorTable({qRgb(255, 255, 255), qRgb(0, 0, 0)});
    image.fill(0);
    for (int y = 0; y < qr.size(); ++y) {
        for (int x = 0; x < qr.size(); ++x) {
            if (!qr.dark(x, y))
                continue;
            const int px = (x + quietZone) * moduleSize;
            const int py = (y + quietZone) * moduleSize;
            for (int dy = 0; dy < moduleSize; ++dy)
                for (int dx = 0; dx < moduleSize; ++dx)
                    image.setPixel(px + dx, py + dy, 1);
        }
    }
    return image;
}

int qrModuleSizeFor(const QrMatrix &qr, int maxPixels, int maxModuleSize) {
    const int modules = qr.size() + 2 * qrQuietZone;
    if (modules <= 0)
        return 1;
    return std::clamp(maxPixels / modules, 1, std::max(1, maxModuleSize));
}

} // namespace oasis::printing
