// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/csv.h"

#include <QCoreApplication>
#include <QStringDecoder>

namespace oasis::csv {

namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("Csv", text);
}

int lineOfOffset(const QByteArray &bytes, qsizetype offset) {
    return static_cast<int>(bytes.left(offset).count('\n')) + 1;
}
} // namespace

Result<std::vector<Row>> parse(const QByteArray &input) {
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
                        tr("Line %1 is not valid UTF-8 text: save the file as UTF-8.")
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
        row.fields << field;
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
                return fail(ErrorCode::Invalid,
                            tr("Line %1: a quote inside an unquoted field; quote the whole field "
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
                            tr("Line %1: text after a closing quote.").arg(line));
            field += c;
        }
    }
    if (inQuotes)
        return fail(ErrorCode::Invalid,
                    tr("Line %1: a quoted field is never closed.").arg(row.line));
    if (!field.isEmpty() || !row.fields.isEmpty())
        endRow();
    return rows;
}

QByteArray formatRow(const QStringList &fields) {
    QByteArray out;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i)
            out += ',';
        QString f = fields.at(i);
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
