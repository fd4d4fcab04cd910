// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/domain/text.h"

#include "core/domain/translate.h"

#include <QCoreApplication>

namespace oasis {

namespace {
bool isControl(char32_t c) {
    return c < 0x20 || (c >= 0x7F && c <= 0x9F);
}

QString codePointName(char32_t c) {
    return QStringLiteral("U+%1").arg(uint(c), 4, 16, QLatin1Char('0')).toUpper();
}
} // namespace

Status checkText(const QString &field, const QString &value, int maxLength, Newlines newlines) {
    qsizetype length = 0;
    const qsizetype size = value.size();
    for (qsizetype i = 0; i < size; ++i) {
        const QChar c = value.at(i);
        char32_t code = c.unicode();
        if (c.isHighSurrogate() && i + 1 < size && value.at(i + 1).isLowSurrogate()) {
            code = QChar::surrogateToUcs4(c, value.at(i + 1));
            ++i;
        } else if (c.isSurrogate()) {
            return fail(ErrorCode::Invalid,
                        oasis::tr("The %1 holds a broken character (a lone UTF-16 surrogate) at "
                                  "character %2; type it again.")
                            .arg(field)
                            .arg(length + 1));
        }
        ++length;
        if (!isControl(code))
            continue;
        if (newlines == Newlines::Allowed) {
            if (code == u'\n')
                continue;
            if (code == u'\r' && i + 1 < size && value.at(i + 1) == u'\n')
                continue;
        }
        return fail(
            ErrorCode::Invalid,
            oasis::tr("The %1 holds a control character (%2) at character %3; only printable "
                      "text is accepted%4.")
                .arg(field, codePointName(code))
                .arg(length)
                .arg(newlines == Newlines::Allowed ? oasis::tr(" and line breaks") : QString()));
    }
    if (length > maxLength)
        return fail(ErrorCode::Invalid, oasis::tr("The %1 is %2 characters long; the limit is %3.")
                                            .arg(field)
                                            .arg(length)
                                            .arg(maxLength));
    return {};
}

QString elidedForMessage(const QString &value, int maxLength) {
    QString out;
    qsizetype shown = 0;
    for (qsizetype i = 0; i < value.size(); ++i) {
        if (shown == maxLength) {
            out += QChar(0x2026);
            break;
        }
        const QChar c = value.at(i);
        if (isControl(c.unicode()))
            out += codePointName(c.unicode());
        else
            out += c;
        ++shown;
    }
    return out;
}

} // namespace oasis
