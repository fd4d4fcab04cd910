// SPDX-License-Identifier: GPL-3.0-or-later
// A closed shift's summary for the person who counted the drawer: who, when, what the drawer
// should have held, what was counted and the count note by note. Laid out as report rows
// (printing/reporttext.h), so it prints on the receipt printer and as a page like the X report.
#pragma once

#include "core/domain/error.h"
#include "printing/reporttext.h"

#include <QStringList>
#include <QTimeZone>

#include <vector>

namespace oasis {
struct ShiftClose;
} // namespace oasis

namespace oasis::printing {

/// A note or coin as people name it: "$20", "25¢".
QString denominationText(qint64 cents);

/// The summary's lines in order, times in the store's time zone `zone`.
std::vector<ReportRow> shiftSummaryRows(const ShiftClose &closed, const QTimeZone &zone);
/// The summary as receipt-printer lines of `columns` characters.
QStringList shiftSummaryText(const ShiftClose &closed, const QTimeZone &zone, int columns = 48);
/// The summary as rich text for the screen and a PDF.
QString shiftSummaryHtml(const ShiftClose &closed, const QTimeZone &zone);
/// The summary as a letter-size PDF at `path`.
Status renderShiftSummaryPdf(const ShiftClose &closed, const QTimeZone &zone, const QString &path);

} // namespace oasis::printing
