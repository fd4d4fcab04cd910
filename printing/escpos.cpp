// SPDX-License-Identifier: GPL-3.0-or-later
#include "printing/escpos.h"

#include "printing/cp858.h"
#include "printing/layout.h"
#include "printing/qr.h"

#include <algorithm>

namespace oasis::printing {

namespace {

constexpr char ESC = 0x1B;
constexpr char GS = 0x1D;
constexpr char LF = 0x0A;

// ESC t 19: code page 858 on Epson-compatible printers.
constexpr char codePageCp858 = 19;

QByteArray bytes(std::initializer_list<int> values) {
    QByteArray out;
    out.reserve(qsizetype(values.size()));
    for (const int v : values)
        out += char(v & 0xFF);
    return out;
}

QByteArray align(LayoutRow::Align a) {
    const int n = a == LayoutRow::Align::Center ? 1 : a == LayoutRow::Align::Right ? 2 : 0;
    return bytes({ESC, 'a', n});
}

// GS v 0: a raster bit image, rows of ceil(width / 8) bytes, most significant bit leftmost.
QByteArray rasterImage(const QImage &image) {
    const int widthBytes = (image.width() + 7) / 8;
    const int height = image.height();
    QByteArray out =
        bytes({GS, 'v', '0', 0, widthBytes & 0xFF, widthBytes >> 8, height & 0xFF, height >> 8});
    const QImage mono = image.convertToFormat(QImage::Format_Mono);
    const bool darkIsOne = qGray(mono.color(1)) < qGray(mono.color(0));
    for (int y = 0; y < height; ++y) {
        for (int bx = 0; bx < widthBytes; ++bx) {
            int byte = 0;
            for (int bit = 0; bit < 8; ++bit) {
                const int x = bx * 8 + bit;
                if (x >= mono.width())
                    continue;
                const bool dark = (mono.pixelIndex(x, y) == 1) == darkIsOne;
                if (dark)
                    byte |= 0x80 >> bit;
            }
            out += char(byte);
        }
    }
    return out;
}

// GS ( k, QR model 2: select model, module size, error correction M, store data, print.
QByteArray nativeQr(const QByteArray &data, int moduleSize) {
    QByteArray out;
    out += bytes({GS, '(', 'k', 4, 0, 49, 65, 50, 0});
    out += bytes({GS, '(', 'k', 3, 0, 49, 67, std::clamp(moduleSize, 1, 16)});
    out += bytes({GS, '(', 'k', 3, 0, 49, 69, 49});
    const qsizetype length = data.size() + 3;
    out += bytes({GS, '(', 'k', int(length & 0xFF), int(length >> 8), 49, 80, 48});
    out += data;
    out += bytes({GS, '(', 'k', 3, 0, 49, 81, 48});
    return out;
}

Result<QByteArray> qrBytes(const QString &payload, const EscPosOptions &options) {
    const QByteArray data = payload.toUtf8();
    auto qr = encodeQr(data);
    if (!qr)
        return std::unexpected(qr.error());
    // Half the paper width keeps the code easy to scan without wasting paper.
    const int moduleSize = qrModuleSizeFor(*qr, std::max(options.dots / 2, 160), 8);
    QByteArray out = align(LayoutRow::Align::Center);
    if (options.qrMode == QrMode::Native) {
        if (data.size() > 7089)
            return fail(ErrorCode::Invalid, QStringLiteral("The QR code text is too long."));
        out += nativeQr(data, moduleSize);
    } else {
        out += rasterImage(qrImage(*qr, moduleSize));
    }
    out += LF;
    out += align(LayoutRow::Align::Left);
    return out;
}

Result<QByteArray> render(const Layout &unfolded, const EscPosOptions &options) {
    if (options.columns < 16 || options.dots < 128)
        return fail(ErrorCode::Invalid,
                    QStringLiteral("The receipt width of %1 columns and %2 dots is too narrow.")
                        .arg(options.columns)
                        .arg(options.dots));
    const Layout layout = foldLayout(unfolded, foldToCp858);
    QByteArray out = bytes({ESC, '@'});
    out += bytes({ESC, 't', codePageCp858});
    out += align(LayoutRow::Align::Left);
    for (const LayoutRow &row : layout) {
        if (row.kind == LayoutRow::Kind::Qr) {
            auto qr = qrBytes(row.qrPayload, options);
            if (!qr)
                return std::unexpected(qr.error());
            out += *qr;
            continue;
        }
        // Alignment is done with spaces, so a line's width is exactly what it holds.
        const int width = row.large ? options.columns / 2 : options.columns;
        if (row.bold)
            out += bytes({ESC, 'E', 1});
        if (row.large)
            out += bytes({GS, '!', 0x11});
        for (const QString &line : fitRow(row, width)) {
            out += toCp858(line);
            out += LF;
        }
        if (row.large)
            out += bytes({GS, '!', 0x00});
        if (row.bold)
            out += bytes({ESC, 'E', 0});
    }
    if (options.cut) {
        // Feed past the tear-off so the last line clears the cutter, then a partial cut.
        out += bytes({ESC, 'd', 4});
        out += cutBytes();
    } else {
        out += bytes({ESC, 'd', 6});
    }
    if (options.kickDrawer)
        out += drawerKickBytes();
    return out;
}

} // namespace

EscPosOptions EscPosOptions::forPaper(PaperWidth width) {
    EscPosOptions options;
    if (width == PaperWidth::Mm58) {
        options.columns = 32;
        options.dots = 384;
    }
    return options;
}

Result<QByteArray> renderReceiptEscPos(const ReceiptDocument &doc, const EscPosOptions &options) {
    return render(layoutReceipt(doc), options);
}

Result<QByteArray> renderCertificateEscPos(const GiftCertificate &certificate,
                                           const EscPosOptions &options) {
    if (certificate.code.isEmpty())
        return fail(ErrorCode::Invalid, QStringLiteral("The gift certificate has no card code."));
    return render(layoutCertificate(certificate), options);
}

QByteArray drawerKickBytes() {
    // ESC p m t1 t2: pin 2, on for 25 × 2 ms, off for 250 × 2 ms.
    return bytes({ESC, 'p', 0, 25, 250});
}

QByteArray cutBytes() {
    return bytes({GS, 'V', 66, 0});
}

} // namespace oasis::printing
