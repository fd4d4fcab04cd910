// SPDX-License-Identifier: GPL-3.0-or-later
// RFC 4180 CSV: reading with line numbers and strict UTF-8, writing with minimal quoting.
#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QStringList>

#include <vector>

namespace oasis::csv {

struct Row {
    int line = 0; ///< 1-based line where the record starts in the file
    QStringList fields;
};

/// Parses a whole file. Invalid UTF-8 or an unterminated quote is an error naming the line.
Result<std::vector<Row>> parse(const QByteArray &bytes);

/// One record, CRLF-terminated as RFC 4180 says.
QByteArray formatRow(const QStringList &fields);

} // namespace oasis::csv
