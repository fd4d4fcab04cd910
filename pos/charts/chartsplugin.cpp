// SPDX-License-Identifier: GPL-3.0-or-later
// The plugin oasis-charts: the dashboard's bar charts drawn with Qt Charts.
#include "pos/charts/charts.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QObject>
#include <QValueAxis>

namespace oasis::charts {

class OasisChartsPlugin final : public QObject, public ChartsPlugin {
    Q_OBJECT
    Q_PLUGIN_METADATA(IID OASIS_CHARTS_PLUGIN_IID)
    Q_INTERFACES(oasis::charts::ChartsPlugin)
public:
    QWidget *createBarChart(QWidget *parent) override {
        auto *view = new QChartView(new QChart, parent);
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumHeight(220);
        view->chart()->legend()->hide();
        view->chart()->setMargins(QMargins(4, 4, 4, 4));
        // Axis labels through QLocale: "$1,500", not "$1500".
        view->chart()->setLocalizeNumbers(true);
        return view;
    }

    void setBars(QWidget *chartView, const Bars &bars) override {
        auto *view = qobject_cast<QChartView *>(chartView);
        if (!view)
            return;
        QChart *chart = view->chart();
        chart->removeAllSeries();
        for (QAbstractAxis *axis : chart->axes())
            chart->removeAxis(axis);
        chart->setTitle(bars.title);
        auto *set = new QBarSet(bars.title);
        set->setColor(QColor(0x2e, 0x7d, 0x6b));
        for (double v : bars.values)
            *set << v;
        auto *series = new QBarSeries;
        series->append(set);
        chart->addSeries(series);
        auto *x = new QBarCategoryAxis;
        x->append(bars.categories);
        x->setGridLineVisible(false);
        chart->addAxis(x, Qt::AlignBottom);
        series->attachAxis(x);
        auto *y = new QValueAxis;
        y->setRange(0, bars.top);
        y->setTickType(QValueAxis::TicksDynamic);
        y->setTickAnchor(0);
        y->setTickInterval(bars.step);
        y->setLabelFormat(bars.labelFormat);
        chart->addAxis(y, Qt::AlignLeft);
        series->attachAxis(y);
    }
};

} // namespace oasis::charts

#include "chartsplugin.moc"
