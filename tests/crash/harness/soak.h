// SPDX-License-Identifier: GPL-3.0-or-later
// Several programs on one store, killed at random (issue 17, the harness): a process holding
// connections the way the counter app does, oasisctl readers, sellers, refunds and backups on a
// second register. Short in ctest (tests/trust/test_soak.cpp), long in `oasis-bench soak`.
#pragma once

#include <QString>
#include <QStringList>
#include <QtGlobal>

namespace oasis::harness {

struct SoakOptions {
    QString workerPath;   ///< oasis-sale-worker
    QString oasisctlPath; ///< the shipped oasisctl
    QString dbPath;       ///< a store made with `oasisctl init --demo`
    QString keyDir;
    QString codesFile;   ///< gift-card codes for the app's redemptions (may be empty)
    QString appRegister; ///< both registers must be registered in the store
    QString deskRegister;
    double seconds = 10;
    quint32 seed = 1;
    int parallel = 2; ///< oasisctl processes at once beside the app
};

struct SoakReport {
    int appKills = 0;
    int ctlRuns = 0;
    int ctlKills = 0;
    int retries = 0;         ///< sales sent again with the same request id after a kill or error
    qint64 acknowledged = 0; ///< sales a caller saw committed (app and oasisctl)
    qint64 sales = 0;        ///< sales in the store at the end
    /// Empty when every invariant held: the crash harness's, each acknowledged sale once, no
    /// request id charged twice, no store file deleted under a live process, the journal.
    QStringList problems;
};

/// A demo store in `dir` for a soak, set up through oasisctl as a spa would: `init --demo` on the
/// app's register, the second register added by the manager, a shift open on each, ten gift cards
/// for the app to redeem. Fills paths and registers of `options`; returns what failed, or empty.
QString prepareSoakStore(const QString &dir, SoakOptions &options);

SoakReport runSoak(const SoakOptions &options);

/// The files of the store at `dbPath` that process `pid` holds open although they were deleted
/// under it (the kernel marks such a link " (deleted)"; Qt's symLinkTarget hides the mark).
QStringList deletedStoreFiles(qint64 pid, const QString &dbPath);

} // namespace oasis::harness
