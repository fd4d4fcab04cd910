// SPDX-License-Identifier: GPL-3.0-or-later
// oasis-bench: the large database generator and the measured figures.
#pragma once

#include "core/domain/error.h"

#include <QString>

namespace oasis::bench {

struct Scale {
    qint64 skus = 0;
    qint64 sales = 0;
    int days = 0;
    qint64 cards = 0; ///< about this many gift cards sold over the period
    quint32 seed = 1;
    static Scale full();
    static Scale quick();
};

struct GenerateReport {
    qint64 sales = 0;
    qint64 lines = 0;
    qint64 giftCards = 0;
    qint64 stockMovements = 0;
    double seconds = 0;
};

/// Writes a new database at `path` (replacing one there) with its key file in `keyDir`.
Result<GenerateReport> generate(const QString &path, const QString &keyDir, const Scale &scale);

} // namespace oasis::bench
