// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/domain/csv.h"

#include "core/domain/translate.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QStringDecoder>

namespace oasis::csv {

namespace {
int lineOfOffset(const QByteArray &bytes, qsizetype offset) {
    return static_cast<int>(bytes.left(offset).count('\n')) + 1;
}

QString tooLarge(qint64 size) {
    return oasis::tr("The file is %1 bytes; a CSV file may be at most %2 bytes (16 MiB).")
        .arg(size)
        .arg(kMaxFileBytes);
}

bool isPlainNumber(QStringView s) {
    qsizetype i = 0;
    if (i < s.size() && (s[i] == u'-' || s[i] == u'+'))
        ++i;
    bool digits = false;
    bool point = false;
    for (; i < s.size(); ++i) {
        if (s[i] >= u'0' && s[i] <= u'9')
            digits = true;
        else if (s[i] == u'.' && !point)
            point = true;
        else
            return false;
    }
    return digits;
}

/// Would a spreadsheet run this cell as a formula (or, after a leading ', is it a cell that
/// formatRow guarded)? Plain numbers are data, even when negative.
bool needsGuard(QStringView cell) {
    qsizetype i = 0;
    while (i < cell.size() && cell[i] == u'\'')
        ++i;
    if (i >= cell.size() || isPlainNumber(cell.sliced(i)))
        return false;
    const QChar c = cell[i];
    return c == u'=' || c == u'+' || c == u'-' || c == u'@' || c == u'\t' || c == u'\r';
}
} // namespace

QString guardFormula(const QString &cell) {
    return needsGuard(cell) ? u'\'' + cell : cell;
}

QString unguardFormula(const QString &cell) {
    return cell.startsWith(u'\'') && needsGuard(QStringView(cell).sliced(1)) ? cell.sliced(1)
                                                                             : cell;
}

Result<QByteArray> readFile(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Invalid,
                    oasis::tr("Cannot read %1: %2")
                        .arg(QDir::toNativeSeparators(path), file.errorString()));
    if (!file.isSequential() && file.size() > kMaxFileBytes)
        return fail(ErrorCode::Invalid, tooLarge(file.size()));
    QByteArray bytes = file.read(kMaxFileBytes + 1);
    if (bytes.size() > kMaxFileBytes)
        return fail(ErrorCode::Invalid,
                    oasis::tr("The file is more than %1 bytes; a CSV file may be at most 16 MiB.")
                        .arg(kMaxFileBytes));
    return bytes;
}

Result<std::vector<Row>> parse(const QByteArray &input) {
    if (input.size() > kMaxFileBytes)
        return fail(ErrorCode::Invalid, tooLarge(input.size()));
    QByteArray bytes = input;
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3); // a BOM, as spreadsheets write it
    // Find the first invalid UTF-8 byte to name its line.
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    for (qsizetype start = 0; start < bytes.size();) {
        qsizetype end = bytes.indexOf('\n', start);
        if (end < 0)
            end = bytes.size();
        QString check = decoder.decode(QByteArrayView(bytes).sliced(start, end - start));
        if (decoder.hasError() || check.contains(QChar::ReplacementCharacter))
            return fail(ErrorCode::Invalid,
                        oasis::tr("Line %1 is not valid UTF-8 text: save the file as UTF-8.")
                            .arg(lineOfOffset(bytes, start)));
        start = end + 1;
    }
    const QString text = QString::fromUtf8(bytes);

    std::vector<Row> rows;
    Row row;
    QString field;
    bool inQuotes = false;
    bool fieldWasQuoted = false;
    int line = 1;
    row.line = 1;
    auto endField = [&] {
        row.fields << unguardFormula(field);
        field.clear();
        fieldWasQuoted = false;
    };
    auto endRow = [&] {
        endField();
        if (!(row.fields.size() == 1 && row.fields.first().isEmpty()))
            rows.push_back(row);
        row = Row{};
        row.line = line;
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (inQuotes) {
            if (c == u'"') {
                if (i + 1 < text.size() && text.at(i + 1) == u'"') {
                    field += u'"';
                    ++i;
                } else {
                    inQuotes = false;
                }
            } else {
                if (c == u'\n')
                    ++line;
                field += c;
            }
            continue;
        }
        if (c == u'"') {
            if (!field.isEmpty() || fieldWasQuoted)
                return fail(
                    ErrorCode::Invalid,
                    oasis::tr("Line %1: a quote inside an unquoted field; quote the whole field "
                              "and double the quote.")
                        .arg(line));
            inQuotes = true;
            fieldWasQuoted = true;
        } else if (c == u',') {
            endField();
        } else if (c == u'\r') {
            // part of CRLF; a lone CR is ignored as well
        } else if (c == u'\n') {
            ++line;
            endRow();
        } else {
            if (fieldWasQuoted)
                return fail(ErrorCode::Invalid,
                            oasis::tr("Line %1: text after a closing quote.").arg(line));
            field += c;
        }
    }
    if (inQuotes)
        return fail(ErrorCode::Invalid,
                    oasis::tr("Line %1: a quoted field is never closed.").arg(row.line));
    if (!field.isEmpty() || !row.fields.isEmpty())
        endRow();
    return rows;
}

QByteArray formatRow(const QStringList &fields) {
    QByteArray out;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i)
            out += ',';
        QString f = guardFormula(fields.at(i));
        if (f.contains(u',') || f.contains(u'"') || f.contains(u'\n') || f.contains(u'\r')) {
            f.replace(QStringLiteral("\""), QStringLiteral("\"\""));
            out += '"' + f.toUtf8() + '"';
        } else {
            out += f.toUtf8();
        }
    }
    out += "\r\n";
    return out;
}

} // namespace oasis::csv
