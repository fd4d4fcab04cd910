// SPDX-License-Identifier: GPL-3.0-or-later
// LocalDates: the date a report prints for a stored UTC time is the one Qt's time zones give,
// around every change of offset, in zones with half-hour and odd transitions too.
#include "core/domain/clock.h"
#include "tests/support/testsupport.h"

#include <QRandomGenerator>

#include <algorithm>
#include <vector>

using namespace oasis;
using namespace Qt::StringLiterals;

namespace {
QDate expected(const QString &stored, const QTimeZone &zone) {
    return fromStorageTime(stored).toTimeZone(zone).date();
}
} // namespace

TEST_CASE("LocalDates gives the date Qt's time zone gives, across every transition", "[clock]") {
    const auto zoneId =
        GENERATE(as<QByteArray>{}, "America/Los_Angeles", "America/St_Johns", "Australia/Lord_Howe",
                 "Asia/Kolkata", "Pacific/Apia", "Europe/Dublin", "UTC");
    const QTimeZone zone(zoneId);
    REQUIRE(zone.isValid());
    const QDateTime from(QDate(2005, 1, 1), QTime(0, 0), QTimeZone::utc());
    const QDateTime to(QDate(2035, 1, 1), QTime(0, 0), QTimeZone::utc());

    // Around each change of offset: a minute, a millisecond and an hour either side.
    std::vector<qint64> times;
    for (const QTimeZone::OffsetData &t : zone.transitions(from, to))
        for (qint64 delta : {-3'600'000LL, -60'000LL, -1LL, 0LL, 1LL, 60'000LL, 3'600'000LL})
            times.push_back(t.atUtc.toMSecsSinceEpoch() + delta);
    // And times anywhere in the thirty years.
    QRandomGenerator rng(20261124);
    for (int i = 0; i < 3000; ++i)
        times.push_back(from.toMSecsSinceEpoch() +
                        qint64(rng.bounded(to.toSecsSinceEpoch() - from.toSecsSinceEpoch())) *
                            1000 +
                        rng.bounded(1000));

    auto check = [&zone](const std::vector<qint64> &order) {
        LocalDates dates(zone);
        for (qint64 ms : order) {
            const QString stored =
                toStorageTime(QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()));
            INFO(stored.toStdString());
            REQUIRE(dates.of(stored) == expected(stored, zone));
        }
    };
    SECTION("in the order a report reads them (by time)") {
        std::sort(times.begin(), times.end());
        check(times);
    }
    SECTION("in any order") {
        std::shuffle(times.begin(), times.end(), std::mt19937(7));
        check(times);
    }
}

TEST_CASE("LocalDates reads only storage times", "[clock]") {
    LocalDates dates(QTimeZone("America/Los_Angeles"));
    CHECK(dates.of(QStringLiteral("2026-03-08T09:59:59.999Z")) == QDate(2026, 3, 8));
    CHECK(dates.of(QStringLiteral("2026-03-09T06:59:59.999Z")) == QDate(2026, 3, 8));
    CHECK(dates.of(QStringLiteral("2026-03-09T07:00:00.000Z")) == QDate(2026, 3, 9));
    CHECK_FALSE(dates.of(QStringLiteral("2026-02-30T07:00:00.000Z")).isValid());
    CHECK_FALSE(dates.of(QStringLiteral("not a time")).isValid());
    CHECK_FALSE(dates.of(QString()).isValid());
}

TEST_CASE("A moment is shown in the store's time zone, with the zone's name", "[clock]") {
    const QTimeZone seattle("America/Los_Angeles");
    // 22:29 UTC on a December day is 14:29 in Seattle (PST); in July 15:29 (PDT).
    REQUIRE(storeTimeText(fromStorageTime(QStringLiteral("2026-12-05T22:29:00.000Z")), seattle) ==
            QStringLiteral("2026-12-05 14:29 PST"));
    REQUIRE(storeTimeText(fromStorageTime(QStringLiteral("2026-07-05T22:29:00.000Z")), seattle) ==
            QStringLiteral("2026-07-05 15:29 PDT"));
    // Across midnight the date is the store's too.
    REQUIRE(storeTimeText(fromStorageTime(QStringLiteral("2026-12-06T03:00:00.000Z")), seattle) ==
            QStringLiteral("2026-12-05 19:00 PST"));
    REQUIRE(storeTimeText(QDateTime(), seattle).isEmpty());
}

TEST_CASE("A storage time is written and read as Qt's date and time functions do", "[clock]") {
    // toStorageTime(), toStorageDate() and fromStorageTime() work digit by digit: the same text
    // and the same moment as QDateTime's own formatter and parser, from any zone's time.
    const QTimeZone zones[] = {QTimeZone::utc(), QTimeZone("America/Los_Angeles"),
                               QTimeZone("Asia/Kathmandu"), QTimeZone("Australia/Lord_Howe")};
    QRandomGenerator rng(20261207);
    const qint64 from =
        QDateTime(QDate(1900, 1, 1), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
    const qint64 to =
        QDateTime(QDate(2200, 1, 1), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
    for (int i = 0; i < 4000; ++i) {
        const qint64 ms = from + qint64(rng.bounded(double(to - from)));
        const QDateTime at = QDateTime::fromMSecsSinceEpoch(ms, zones[i % 4]);
        const QString qt = at.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss.zzzZ"_s);
        INFO(qt.toStdString());
        REQUIRE(toStorageTime(at) == qt);
        REQUIRE(toStorageDate(at.date()) == at.date().toString(Qt::ISODate));
        QDateTime parsed = QDateTime::fromString(qt, Qt::ISODateWithMs);
        parsed.setTimeZone(QTimeZone::utc());
        const QDateTime read = fromStorageTime(qt);
        REQUIRE(read == parsed);
        REQUIRE(read.toMSecsSinceEpoch() == ms);
        REQUIRE(read.timeZone() == QTimeZone::utc());
    }
    CHECK(toStorageTime(QDateTime()) == QDateTime().toString(u"yyyy-MM-ddTHH:mm:ss.zzzZ"_s));
    CHECK(toStorageDate(QDate()) == QDate().toString(Qt::ISODate));
    CHECK(toStorageDate(QDate(12026, 1, 2)) == QDate(12026, 1, 2).toString(Qt::ISODate));
    CHECK(toStorageDate(QDate(2026, 2, 3)) == u"2026-02-03"_s);
    // Text in another form goes through Qt's parser, as before.
    CHECK(fromStorageTime(u"2026-12-07T10:00:00Z"_s) ==
          QDateTime(QDate(2026, 12, 7), QTime(10, 0), QTimeZone::utc()));
    CHECK(!fromStorageTime(u"2026-13-07T10:00:00.000Z"_s).isValid());
    CHECK(!fromStorageTime(u"not a time"_s).isValid());
}
