// SPDX-License-Identifier: GPL-3.0-or-later
// The several-programs soak, short (issue 17, item 14; `oasis-bench soak` runs it long): a
// process holding connections as the counter app does, killed at random, beside oasisctl
// sellers (with request ids, retried after a kill), refunds, backups and readers on a second
// register, some of them killed too.
#include "tests/crash/harness/soak.h"
#include "tests/support/testsupport.h"

#include <QTemporaryDir>

using namespace oasis;

TEST_CASE("several programs on one store, killed at random, keep every sale once and the books "
          "whole",
          "[trust][soak][sqlite]") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    harness::SoakOptions options;
    options.workerPath = QStringLiteral(OASIS_SALE_WORKER);
    options.oasisctlPath = QStringLiteral(OASISCTL_PATH);
    options.seconds = 8;
    options.seed = 20261205;
    REQUIRE(harness::prepareSoakStore(dir.path(), options) == QString());

    const harness::SoakReport r = harness::runSoak(options);
    INFO(r.problems.join(QLatin1Char('\n')).toStdString());
    REQUIRE(r.problems.isEmpty());
    // The soak did what it says: sales from both sides, kills on both sides.
    REQUIRE(r.acknowledged > 0);
    REQUIRE(r.appKills > 0);
    REQUIRE(r.ctlKills > 0);
    REQUIRE(r.sales >= r.acknowledged);
}
