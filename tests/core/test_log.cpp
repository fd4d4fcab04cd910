// SPDX-License-Identifier: GPL-3.0-or-later
// The product's own log (oasis.log): beside a database file, in the default place for a store on
// a server, and only the "oasis.*" categories in it.
#include "core/domain/log.h"
#include "tests/support/testsupport.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QTemporaryDir>

using namespace oasis;
using namespace Qt::StringLiterals;

namespace {
Q_LOGGING_CATEGORY(lcLogTest, "oasis.logtest")
} // namespace

TEST_CASE("the product's log goes beside a database file, and to the default place for a store "
          "on a server",
          "[log]") {
    CHECK(logPathFor(u"/srv/spa/lake-union.db"_s, false) == u"/srv/spa/oasis.log"_s);
    CHECK(logPathFor(u"postgresql://desk@db.example/spa"_s, true) == defaultLogPath());
    CHECK(logPathFor(QString(), false) == defaultLogPath());

    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = logPathFor(dir.filePath(u"spa.db"_s), false);
    installLogFile(path);
    qCWarning(lcLogTest, "a failed gift-card lookup on register %s", "desk-1");
    qWarning("Qt's own chatter");
    installLogFile(QString());
    QFile log(path);
    REQUIRE(log.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(log.readAll());
    CHECK(text.contains(u"oasis.logtest a failed gift-card lookup on register desk-1"_s));
    CHECK_FALSE(text.contains(u"chatter"_s));
}
