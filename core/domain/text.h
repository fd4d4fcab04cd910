// SPDX-License-Identifier: GPL-3.0-or-later
// The one rule for text that people type or import: a length limit and no control characters.
#pragma once

#include "core/domain/error.h"

#include <QString>

namespace oasis {

/// Limits in characters (Unicode code points: é and an emoji count one each).
namespace textlimit {
inline constexpr int kShort = 64;  ///< codes, sizes, modalities, phone numbers
inline constexpr int kName = 200;  ///< names of products, sessions, categories, people, the store
inline constexpr int kNote = 500;  ///< reasons, notes, gift-card messages, the store's address
inline constexpr int kLong = 1000; ///< the receipt footer
} // namespace textlimit

enum class Newlines { Refused, Allowed };

/// Refuses `value` when it is longer than `maxLength` characters or holds a control character
/// (C0, DEL, C1, NUL; a line feed, or CR LF, only where `newlines` allows it) or a lone
/// surrogate. The message is one line naming `field` ("product name") and the limit, e.g.
/// "The product name is 10485760 characters long; the limit is 200."
Status checkText(const QString &field, const QString &value, int maxLength,
                 Newlines newlines = Newlines::Refused);

/// `value` cut to `maxLength` characters with an ellipsis, and its control characters shown as
/// U+XXXX: for quoting what someone typed inside a message without echoing megabytes.
QString elidedForMessage(const QString &value, int maxLength = 40);

} // namespace oasis
