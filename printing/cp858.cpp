// SPDX-License-Identifier: GPL-3.0-or-later
#include "printing/cp858.h"

#include <QHash>

#include <array>

namespace oasis::printing {

namespace {

// Bytes 0x80-0xFF of CP858 (Python's cp858 codec, checked against IBM's table).
constexpr std::array<char16_t, 128> highHalf = {
    0x00C7, 0x00FC, 0x00E9, 0x00E2, 0x00E4, 0x00E0, 0x00E5, 0x00E7, 0x00EA, 0x00EB, 0x00E8, 0x00EF,
    0x00EE, 0x00EC, 0x00C4, 0x00C5, 0x00C9, 0x00E6, 0x00C6, 0x00F4, 0x00F6, 0x00F2, 0x00FB, 0x00F9,
    0x00FF, 0x00D6, 0x00DC, 0x00F8, 0x00A3, 0x00D8, 0x00D7, 0x0192, 0x00E1, 0x00ED, 0x00F3, 0x00FA,
    0x00F1, 0x00D1, 0x00AA, 0x00BA, 0x00BF, 0x00AE, 0x00AC, 0x00BD, 0x00BC, 0x00A1, 0x00AB, 0x00BB,
    0x2591, 0x2592, 0x2593, 0x2502, 0x2524, 0x00C1, 0x00C2, 0x00C0, 0x00A9, 0x2563, 0x2551, 0x2557,
    0x255D, 0x00A2, 0x00A5, 0x2510, 0x2514, 0x2534, 0x252C, 0x251C, 0x2500, 0x253C, 0x00E3, 0x00C3,
    0x255A, 0x2554, 0x2569, 0x2566, 0x2560, 0x2550, 0x256C, 0x00A4, 0x00F0, 0x00D0, 0x00CA, 0x00CB,
    0x00C8, 0x20AC, 0x00CD, 0x00CE, 0x00CF, 0x2518, 0x250C, 0x2588, 0x2584, 0x00A6, 0x00CC, 0x2580,
    0x00D3, 0x00DF, 0x00D4, 0x00D2, 0x00F5, 0x00D5, 0x00B5, 0x00FE, 0x00DE, 0x00DA, 0x00DB, 0x00D9,
    0x00FD, 0x00DD, 0x00AF, 0x00B4, 0x00AD, 0x00B1, 0x2017, 0x00BE, 0x00B6, 0x00A7, 0x00F7, 0x00B8,
    0x00B0, 0x00A8, 0x00B7, 0x00B9, 0x00B3, 0x00B2, 0x25A0, 0x00A0,
};

const QHash<char32_t, unsigned char> &encodeTable() {
    static const QHash<char32_t, unsigned char> table = [] {
        QHash<char32_t, unsigned char> t;
        for (std::size_t i = 0; i < highHalf.size(); ++i)
            t.insert(highHalf[i], static_cast<unsigned char>(0x80 + i));
        return t;
    }();
    return table;
}

// Printable without change: ASCII and the characters of the high half, except the soft hyphen
// and no-break space, which printers show inconsistently.
bool printable(char32_t c) {
    if (c >= 0x20 && c < 0x7F)
        return true;
    if (c == 0x00AD || c == 0x00A0)
        return false;
    return encodeTable().contains(c);
}

// Stand-ins for characters CP858 lacks that decomposition does not help with.
QString substitute(char32_t c) {
    switch (c) {
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
    case 0x00AD:
        return QStringLiteral("-");
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2032:
    case 0x02BC:
        return QStringLiteral("'");
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x2033:
        return QStringLiteral("\"");
    case 0x2022:
    case 0x25CF:
    case 0x2023:
    case 0x2043:
    case 0x2219:
        return QStringLiteral("*");
    case 0x2026:
        return QStringLiteral("...");
    case 0x2122:
        return QStringLiteral("TM");
    case 0x2039:
        return QStringLiteral("<");
    case 0x203A:
        return QStringLiteral(">");
    case 0x2190:
        return QStringLiteral("<-");
    case 0x2192:
        return QStringLiteral("->");
    case 0x2116:
        return QStringLiteral("No.");
    case 0x2030:
        return QStringLiteral("o/oo");
    case 0x0152:
        return QStringLiteral("OE");
    case 0x0153:
        return QStringLiteral("oe");
    case 0x0141:
        return QStringLiteral("L");
    case 0x0142:
        return QStringLiteral("l");
    case 0x0110:
        return QStringLiteral("D");
    case 0x0111:
        return QStringLiteral("d");
    case 0x0131:
        return QStringLiteral("i");
    case 0x00A0:
    case 0x2002:
    case 0x2003:
    case 0x2004:
    case 0x2005:
    case 0x2006:
    case 0x2007:
    case 0x2008:
    case 0x2009:
    case 0x200A:
    case 0x202F:
    case 0x205F:
    case 0x3000:
    case u'\t':
    case u'\n':
    case u'\r':
        return QStringLiteral(" ");
    case 0x200B:
    case 0x200C:
    case 0x200D:
    case 0x2060:
    case 0xFEFF:
        return QString();
    default:
        return QStringLiteral("?");
    }
}

QString foldOne(char32_t c) {
    if (printable(c))
        return QString::fromUcs4(&c, 1);
    const QString special = substitute(c);
    if (special != u"?")
        return special;
    // Accented letters CP858 lacks: keep the base letters, drop the marks ("ő" → "o", "ﬁ" → "fi").
    const QString decomposed = QString::fromUcs4(&c, 1).normalized(QString::NormalizationForm_KD);
    QString kept;
    for (const char32_t d : decomposed.toUcs4()) {
        if (printable(d))
            kept += QString::fromUcs4(&d, 1);
    }
    if (!kept.isEmpty())
        return kept;
    if (c < 0x20 || (c >= 0x7F && c < 0xA0))
        return QStringLiteral(" ");
    return special;
}

} // namespace

QString foldToCp858(QStringView text) {
    const QString composed = text.toString().normalized(QString::NormalizationForm_C);
    QString out;
    out.reserve(composed.size());
    for (const char32_t c : composed.toUcs4())
        out += foldOne(c);
    return out;
}

QByteArray toCp858(QStringView text) {
    const QString folded = foldToCp858(text);
    QByteArray out;
    out.reserve(folded.size());
    for (const QChar ch : folded) {
        const char16_t c = ch.unicode();
        if (c >= 0x20 && c < 0x7F)
            out += char(c);
        else
            out += char(encodeTable().value(c, '?'));
    }
    return out;
}

char32_t fromCp858(unsigned char byte) {
    if (byte < 0x80)
        return byte;
    return highHalf[byte - 0x80];
}

} // namespace oasis::printing
