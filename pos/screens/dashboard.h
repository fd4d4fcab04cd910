// SPDX-License-Identifier: GPL-3.0-or-later
// The manager's dashboard: sales per day, by hour and sessions per therapist for a chosen period,
// under a one-line summary of today against the same day last week.
#pragma once

#include "pos/screens/screen.h"

#include <QDate>
#include <QWidget>

class QComboBox;
class QLabel;

namespace oasis::charts {
class ChartsPlugin;
struct Bars;
} // namespace oasis::charts

namespace oasis::screens {

/// A value axis that reads at a glance: 0 to `top` in `ticks` steps of 1, 2 or 5 × 10^n.
struct NiceAxis {
    double top = 1;
    double step = 1;
    int ticks = 2; ///< lines including 0 and top
};
/// The axis for values up to `maximum`; `whole` keeps steps at 1 or more (counts of sessions).
NiceAxis niceAxis(double maximum, bool whole);

class Dashboard final : public QWidget {
    Q_OBJECT
public:
    explicit Dashboard(const ScreenContext &context, QWidget *parent = nullptr);

    /// Re-reads every chart and the summary line for the chosen period.
    void refresh();

    /// The summary line, as shown (tests read it).
    QString summaryText() const;

protected:
    /// Read again each time it is shown: another register or oasisctl may have sold since.
    void showEvent(QShowEvent *event) override;

private:
    /// First and last business date of the chosen period.
    std::pair<QDate, QDate> period() const;
    void drawBars(QWidget *chart, const charts::Bars &bars);

    ScreenContext m_context;
    QComboBox *m_period = nullptr;
    QLabel *m_summary = nullptr;
    charts::ChartsPlugin *m_charts = nullptr; ///< nullptr: the plugin could not be loaded
    QWidget *m_perDay = nullptr;              ///< bar charts (QChartView), or nullptr
    QWidget *m_perHour = nullptr;
    QWidget *m_perTherapist = nullptr;
};

} // namespace oasis::screens
