// SPDX-License-Identifier: GPL-3.0-or-later
// QR codes through libqrencode: 8-bit mode, error correction level M.
#pragma once

#include "core/domain/error.h"

#include <QByteArray>
#include <QImage>

#include <cstdint>
#include <vector>

namespace oasis::printing {

/// The modules of a QR symbol, without quiet zone: size × size, true is dark.
class QrMatrix final {
public:
    QrMatrix() = default;
    QrMatrix(int size, std::vector<std::uint8_t> modules);

    int size() const { return m_size; }
    bool isNull() const { return m_size == 0; }
    bool dark(int x, int y) const { return m_modules[std::size_t(y) * m_size + x] != 0; }

private:
    int m_size = 0;
    std::vector<std::uint8_t> m_modules;
};

/// The quiet zone the QR specification asks for, in modules.
inline constexpr int qrQuietZone = 4;

/// Encodes bytes (8-bit mode, EC level M). Fails with ErrorCode::Invalid when empty or too long.
Result<QrMatrix> encodeQr(const QByteArray &data);

/// A 1-bit image of the symbol: moduleSize pixels per module, quietZone modules of white around.
QImage qrImage(const QrMatrix &qr, int moduleSize, int quietZone = qrQuietZone);

/// The largest integer module size (at least 1) for which the symbol plus its quiet zone fits in
/// maxPixels, capped at maxModuleSize.
int qrModuleSizeFor(const QrMatrix &qr, int maxPixels, int maxModuleSize = 16);

} // namespace oasis::printing
