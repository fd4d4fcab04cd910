// SPDX-License-Identifier: GPL-3.0-or-later
// Receipt numbers and their series: "R-000042" is receipt 42 of series R, "A-000042" receipt 42
// of register A's own series. One place for the sale, the journal, the scan field and printing.
#pragma once

#include <QChar>
#include <QString>

#include <optional>

namespace oasis {

/// DESIGN §13: each register may number its receipts in a series of its own (a letter), gap-free
/// within the series, so registers never take numbers from one another. A receipt's number in
/// the books (sales.receipt_no, the JSON field `receipt`) is the series' index times
/// kReceiptSeriesSpan plus its number in the series: series R, every store's first and the only
/// one before 2026-12-06, is index 0, so its receipts kept their numbers (R-000042 is 42).
namespace receiptseries {
inline constexpr qint64 kSpan = 1'000'000'000;
/// The largest number of a receipt in one series.
inline constexpr qint64 kMaxInSeries = kSpan - 1;
/// Index 0: the series of the store's first register and of every receipt made before series.
inline constexpr int kLegacy = 0;
/// A..Z is 1..26; R, which is kLegacy, has no index of its own.
inline constexpr int kLast = 26;

/// The series' letter: 'R' for kLegacy, 'A' for 1 ... 'Z' for 26; a null QChar for anything
/// else (the index R would have, 18, is not a series).
QChar letter(int series);
/// The index of a series' letter (either case); nullopt for anything but A-Z.
std::optional<int> fromLetter(QChar letter);
/// The first receipt number a series may hold, minus one.
inline qint64 base(int series) {
    return series * kSpan;
}
} // namespace receiptseries

/// "R-000042", "A-000042": what the receipt's QR carries and what the scan field recognises.
QString receiptCode(qint64 receiptNo);
/// Accepts "R-42", "r000042", "#42" (series R, or the number in the books as JSON gives it) and
/// "A-000042" / "a-42" (a register's series, always with its dash); nullopt for anything else.
std::optional<qint64> parseReceiptCode(const QString &text);

} // namespace oasis
