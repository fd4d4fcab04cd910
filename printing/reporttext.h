// SPDX-License-Identifier: GPL-3.0-or-later
// Reports as text, beside the receipts and certificates: the X/Z report as receipt-printer lines
// and any report table as aligned columns for a terminal. Core keeps the figures
// (core/services/report.h); how they are laid out is printing's.
#pragma once

#include "core/domain/error.h"

#include <QStringList>
#include <QTimeZone>

#include <vector>

namespace oasis {
struct PeriodReport;
struct ReportTable;
} // namespace oasis

namespace oasis::printing {

/// One line of a report as laid out for a reader, whatever draws it.
struct ReportRow {
    enum class Kind {
        Title,
        Subtitle,
        Pair,     ///< a label and its value
        Heading,  ///< a section's name
        Item,     ///< a label and value within a section
        Subtotal, ///< a line within a section that adds up the ones above it
        Total,
        Rule,
        Code, ///< a long code (the journal hash), wrapped
    };
    Kind kind;
    QString label;
    QString value;
};

/// Report rows as receipt-printer lines of `columns` characters: titles centred, amounts on
/// the right, rules across.
QStringList reportRowsText(const std::vector<ReportRow> &rows, int columns = 48);
/// Report rows as rich text for the screen and a PDF: amounts aligned, totals in bold.
QString reportRowsHtml(const std::vector<ReportRow> &rows);
/// Report rows as a letter-size PDF at `path` titled `title` (the layout of reportRowsHtml).
/// `what` names the document in an error ("report", "shift summary").
Status renderReportRowsPdf(const std::vector<ReportRow> &rows, const QString &title,
                           const QString &path, const QString &what);

/// The X or Z report's lines in order, its times in the store's time zone `zone`: one source
/// for the receipt printer's text and the screen's and PDF's layout.
std::vector<ReportRow> periodReportRows(const PeriodReport &report, const QTimeZone &zone);
/// The X or Z report as receipt-printer lines of `columns` characters.
QStringList periodReportText(const PeriodReport &report, const QTimeZone &zone, int columns = 48);
/// The X or Z report as rich text for the screen and a PDF: amounts aligned, totals in bold.
QString periodReportHtml(const PeriodReport &report, const QTimeZone &zone);
/// The X or Z report as a letter-size PDF at `path` (the same layout as the screen's).
Status renderPeriodReportPdf(const PeriodReport &report, const QTimeZone &zone,
                             const QString &path);
/// A report table as aligned text: its title, the headers, a line a row (cells as
/// ReportTable::cellText with CellStyle::Plain).
QStringList reportTableText(const ReportTable &table);

} // namespace oasis::printing
