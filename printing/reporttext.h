// SPDX-License-Identifier: GPL-3.0-or-later
// Reports as text, beside the receipts and certificates: the X/Z report as receipt-printer lines
// and any report table as aligned columns for a terminal. Core keeps the figures
// (core/services/report.h); how they are laid out is printing's.
#pragma once

#include <QStringList>
#include <QTimeZone>

namespace oasis {
struct PeriodReport;
struct ReportTable;
} // namespace oasis

namespace oasis::printing {

/// The X or Z report as receipt-printer lines of `columns` characters, its times in the store's
/// time zone `zone`.
QStringList periodReportText(const PeriodReport &report, const QTimeZone &zone, int columns = 48);
/// A report table as aligned text: its title, the headers, a line a row (cells as
/// ReportTable::cellText with CellStyle::Plain).
QStringList reportTableText(const ReportTable &table);

} // namespace oasis::printing
