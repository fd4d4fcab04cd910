// SPDX-License-Identifier: GPL-3.0-or-later
#include "pos/screens/dashboard.h"

#include "core/domain/clock.h"
#include "core/services/report.h"
#include "core/services/storesettings.h"

#include "pos/charts/charts.h"
#include "pos/plugins/pluginloader.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTimeZone>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <map>

namespace oasis::screens {

NiceAxis niceAxis(double maximum, bool whole) {
    NiceAxis axis;
    if (!(maximum > 0))
        return axis; // 0..1, two lines
    // About five steps, each 1, 2 or 5 times a power of ten.
    const double rough = maximum / 5.0;
    const double power = std::pow(10.0, std::floor(std::log10(rough)));
    double step = power;
    for (double f : {1.0, 2.0, 5.0, 10.0}) {
        step = f * power;
        if (step >= rough)
            break;
    }
    if (whole)
        step = std::max(1.0, std::round(step));
    axis.step = step;
    axis.ticks = int(std::ceil(maximum / step - 1e-9)) + 1;
    axis.top = step * (axis.ticks - 1);
    return axis;
}

namespace {
/// One bar set over the given categories, on an axis with round ticks: money (whole dollars,
/// the store's symbol) or whole numbers.
charts::Bars bars(const QString &title, const QStringList &categories, const QList<qreal> &values,
                  bool money) {
    charts::Bars out;
    out.title = title;
    out.categories = categories;
    out.values = values;
    qreal top = 0;
    for (qreal v : values)
        top = std::max(top, v);
    const NiceAxis nice = niceAxis(top, !money || top >= 5);
    out.top = nice.top;
    out.step = nice.step;
    const bool cents = money && nice.step < 1;
    const QString symbol = Money::currencySymbol(Money::currency(), QLocale());
    out.labelFormat = money ? QString(symbol).replace(u'%', QStringLiteral("%%")) +
                                  (cents ? QStringLiteral("%.2f") : QStringLiteral("%.0f"))
                            : QStringLiteral("%.0f");
    return out;
}

qreal dollars(Money m) {
    return qreal(m.cents()) / 100.0;
}
} // namespace

Dashboard::Dashboard(const ScreenContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context) {
    auto *layout = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("dashboardSummary"));
    m_summary->setStyleSheet(QStringLiteral("font-size: 14pt;"));
    m_summary->setWordWrap(true);
    bar->addWidget(m_summary, 1);
    m_period = new QComboBox(this);
    m_period->setObjectName(QStringLiteral("dashboardPeriod"));
    m_period->addItem(tr("Last 7 days"), 7);
    m_period->addItem(tr("Last 14 days"), 14);
    m_period->addItem(tr("Last 30 days"), 30);
    m_period->addItem(tr("This month"), -1);
    m_period->addItem(tr("Last month"), -2);
    m_period->addItem(tr("This year"), -3);
    m_period->setCurrentIndex(1);
    bar->addWidget(m_period);
    auto *refreshButton = new QPushButton(tr("Refresh"), this);
    bar->addWidget(refreshButton);
    layout->addLayout(bar);
    // Qt Charts is loaded now, with the dashboard. Without it the summary line still reads.
    QString why;
    m_charts = plugins::plugin<charts::ChartsPlugin>(
        plugins::pluginPaths(QStringLiteral("oasis-charts.so")), &why);
    if (m_charts) {
        m_perDay = m_charts->createBarChart(this);
        m_perDay->setObjectName(QStringLiteral("salesPerDay"));
        m_perHour = m_charts->createBarChart(this);
        m_perHour->setObjectName(QStringLiteral("salesPerHour"));
        m_perTherapist = m_charts->createBarChart(this);
        m_perTherapist->setObjectName(QStringLiteral("sessionsPerTherapist"));
        layout->addWidget(m_perDay, 1);
        auto *lower = new QHBoxLayout;
        lower->addWidget(m_perHour, 1);
        lower->addWidget(m_perTherapist, 1);
        layout->addLayout(lower, 1);
    } else {
        auto *note = new QLabel(tr("Charts cannot be shown on this computer: %1.").arg(why), this);
        note->setObjectName(QStringLiteral("dashboardNote"));
        note->setWordWrap(true);
        layout->addWidget(note);
        layout->addStretch(1);
    }
    connect(refreshButton, &QPushButton::clicked, this, &Dashboard::refresh);
    connect(m_period, &QComboBox::currentIndexChanged, this, &Dashboard::refresh);
}

std::pair<QDate, QDate> Dashboard::period() const {
    const QDate today = StoreSettings(*m_context.db).businessDate(Clock::nowUtc());
    const QDate monthStart(today.year(), today.month(), 1);
    switch (const int choice = m_period->currentData().toInt()) {
    case -1:
        return {monthStart, today};
    case -2:
        return {monthStart.addMonths(-1), monthStart.addDays(-1)};
    case -3:
        return {QDate(today.year(), 1, 1), today};
    default:
        return {today.addDays(1 - choice), today};
    }
}

void Dashboard::drawBars(QWidget *chart, const charts::Bars &bars) {
    if (m_charts && chart)
        m_charts->setBars(chart, bars);
}

void Dashboard::showEvent(QShowEvent *event) {
    refresh();
    QWidget::showEvent(event);
}

QString Dashboard::summaryText() const {
    return m_summary->text();
}

namespace {
/// A chart's title: `title`, or when nothing was sold in the period, that it was not (an empty
/// chart with a $0-$1 axis said nothing by itself).
QString salesTitle(const QString &title, const QList<qreal> &values, const QString &dates) {
    if (std::all_of(values.begin(), values.end(), [](qreal v) { return v == 0.0; }))
        return Dashboard::tr("No sales, %1").arg(dates);
    return title;
}
} // namespace

void Dashboard::refresh() {
    ReportService reports(*m_context.db);
    const QLocale locale;
    const auto [from, to] = period();
    const QString dates =
        QStringLiteral("%1 – %2").arg(locale.toString(from, QStringLiteral("MMM d")),
                                      locale.toString(to, QStringLiteral("MMM d")));

    // Today so far against the same weekday last week, by the same hour and all day.
    StoreSettings settings(*m_context.db);
    const QDateTime now = Clock::nowUtc().toTimeZone(settings.timeZone());
    const QDate today = settings.businessDate(Clock::nowUtc());
    const QDate lastWeek = today.addDays(-7);
    auto todayHours = reports.salesPerHour(today, today);
    auto lastHours = reports.salesPerHour(lastWeek, lastWeek);
    if (todayHours && lastHours) {
        Money soFar, bySameHour, allDay;
        for (int h = 0; h < 24; ++h) {
            soFar += (*todayHours)[std::size_t(h)];
            allDay += (*lastHours)[std::size_t(h)];
            if (h <= now.time().hour())
                bySameHour += (*lastHours)[std::size_t(h)];
        }
        const QString weekday = locale.dayName(lastWeek.dayOfWeek());
        QString change;
        if (!bySameHour.isZero()) {
            const qint64 percent =
                divRoundHalfAway((soFar - bySameHour).cents() * 100, bySameHour.cents());
            change = percent >= 0 ? tr(" (up %1%)").arg(percent) : tr(" (down %1%)").arg(-percent);
        }
        m_summary->setText(tr("Today so far: <b>%1</b> · by this time last %2: %3%4 · last %2 "
                              "all day: %5")
                               .arg(soFar.format(locale), weekday, bySameHour.format(locale),
                                    change, allDay.format(locale)));
    }

    if (auto days = reports.salesPerDay(from, to)) {
        std::map<QDate, Money> byDay(days->begin(), days->end());
        QStringList labels;
        QList<qreal> values;
        if (from.daysTo(to) > 62) {
            // A year reads by month.
            std::map<int, Money> byMonth;
            for (const auto &[day, amount] : byDay)
                byMonth[day.year() * 12 + day.month() - 1] += amount;
            for (QDate m(from.year(), from.month(), 1); m <= to; m = m.addMonths(1)) {
                labels << locale.toString(m, QStringLiteral("MMM"));
                values << dollars(byMonth[m.year() * 12 + m.month() - 1]);
            }
            drawBars(m_perDay, bars(salesTitle(tr("Sales per month, %1").arg(dates), values, dates),
                                    labels, values, true));
        } else {
            const QString format =
                from.daysTo(to) < 15 ? QStringLiteral("ddd d") : QStringLiteral("d");
            for (QDate d = from; d <= to; d = d.addDays(1)) {
                labels << locale.toString(d, format);
                auto it = byDay.find(d);
                values << (it != byDay.end() ? dollars(it->second) : 0.0);
            }
            drawBars(m_perDay, bars(salesTitle(tr("Sales per day, %1").arg(dates), values, dates),
                                    labels, values, true));
        }
    }
    if (auto hours = reports.salesPerHour(from, to)) {
        // The hours the store works, at least 9 AM to 6 PM, each one labelled.
        int first = 9, last = 18;
        for (int h = 0; h < 24; ++h)
            if (!(*hours)[std::size_t(h)].isZero()) {
                first = std::min(first, h);
                last = std::max(last, h);
            }
        // Short, as Square writes them ("9a", "12p", "6p"): "10 AM" was cut to "10 ..." at
        // 1366x768. A 24-hour locale gets the hour alone.
        const bool twelveHour = locale.timeFormat(QLocale::ShortFormat)
                                    .contains(QLatin1String("ap"), Qt::CaseInsensitive);
        QStringList labels;
        QList<qreal> values;
        for (int h = first; h <= last; ++h) {
            labels << (twelveHour
                           ? QString::number(h % 12 == 0 ? 12 : h % 12) +
                                 (h < 12 ? locale.amText() : locale.pmText()).left(1).toLower()
                           : QString::number(h));
            values << dollars((*hours)[std::size_t(h)]);
        }
        drawBars(m_perHour,
                 bars(salesTitle(tr("Sales by hour of day, %1").arg(dates), values, dates), labels,
                      values, true));
    }
    if (auto sessions = reports.sessionsPerTherapist(from, to)) {
        QStringList labels;
        QList<qreal> values;
        for (const auto &[name, count] : *sessions) {
            labels << name;
            values << qreal(count);
        }
        drawBars(m_perTherapist,
                 bars(labels.isEmpty() ? tr("No sessions with a therapist, %1").arg(dates)
                                       : tr("Sessions per therapist, %1").arg(dates),
                      labels, values, false));
    }
}

} // namespace oasis::screens
