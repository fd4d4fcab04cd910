// SPDX-License-Identifier: GPL-3.0-or-later
// The dashboard's bar charts, as the screens see them. Qt Charts (with Qt OpenGL, which it
// needs) is the plugin oasis-charts's, loaded when the dashboard is first opened; the counter
// app does not load it to show the PIN pad. This header names no Qt Charts type.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QtPlugin>

class QWidget;

namespace oasis::charts {

/// One bar set over its categories, on a value axis from 0 to `top` with a line every `step`.
struct Bars {
    QString title;
    QStringList categories;
    QList<double> values;
    double top = 1;
    double step = 1;
    /// The value axis's labels, printf style as QValueAxis takes them ("$%.0f", "%.0f").
    QString labelFormat;
};

/// The interface the plugin oasis-charts exports.
class ChartsPlugin {
public:
    virtual ~ChartsPlugin() = default;
    /// An empty bar chart (a QChartView), `parent`'s child.
    virtual QWidget *createBarChart(QWidget *parent) = 0;
    /// Replaces what `chart` (made by createBarChart) shows with `bars`.
    virtual void setBars(QWidget *chart, const Bars &bars) = 0;
};

} // namespace oasis::charts

#define OASIS_CHARTS_PLUGIN_IID "com.oasispos.OasisPOS.ChartsPlugin/1"
Q_DECLARE_INTERFACE(oasis::charts::ChartsPlugin, OASIS_CHARTS_PLUGIN_IID)
