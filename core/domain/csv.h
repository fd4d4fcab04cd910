// SPDX-License-Identifier: GPL-3.0-or-later
// RFC 4180 CSV: reading with line numbers and strict UTF-8, writing with minimal quoting.
#pragma once

#include "core/domain/error.h"

#include <QByteArray>
#include <QStringList>

#include <vector>

namespace oasis::csv {

struct Row {
    int line = 0; ///< 1-based line where the record starts in the file
    QStringList fields;
};

/// The largest CSV file read (16 MiB: a catalog of 50,000 items is about 5 MiB). A bigger file
/// is refused before it is read, so a hostile file cannot take the memory of the register.
inline constexpr qint64 kMaxFileBytes = 16 * 1024 * 1024;

/// Reads a CSV file of at most kMaxFileBytes; a larger one (or a pipe that gives more) is an
/// error saying so.
Result<QByteArray> readFile(const QString &path);

/// Parses a whole file. Invalid UTF-8, an unterminated quote or more than kMaxFileBytes is an
/// error naming the line. A field that formatRow() guarded against formulas ('=...) is read back
/// without its guard, so what was exported imports as it was.
Result<std::vector<Row>> parse(const QByteArray &bytes);

/// One record, CRLF-terminated as RFC 4180 says. A text cell that a spreadsheet would run as a
/// formula (starting with =, +, -, @, tab or CR) gets a leading ' (OWASP, "CSV Injection");
/// a plain number such as -12.50 stays as it is.
QByteArray formatRow(const QStringList &fields);

/// The cell as formatRow() writes it (before RFC 4180 quoting), and back.
QString guardFormula(const QString &cell);
QString unguardFormula(const QString &cell);

} // namespace oasis::csv
