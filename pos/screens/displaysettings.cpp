// SPDX-License-Identifier: GPL-3.0-or-later
#include "pos/screens/displaysettings.h"

#include <QGuiApplication>
#include <QScreen>
#include <QSettings>

namespace oasis::screens {

DisplaySettings DisplaySettings::load() {
    QSettings s;
    return {s.value(QStringLiteral("display/screen")).toString(),
            s.value(QStringLiteral("display/message")).toString()};
}

void DisplaySettings::save() const {
    QSettings s;
    s.setValue(QStringLiteral("display/screen"), screen);
    s.setValue(QStringLiteral("display/message"), message);
}

QString screenId(const QScreen *screen) {
    if (!screen)
        return {};
    if (!screen->name().isEmpty())
        return screen->name();
    return QStringLiteral("screen %1").arg(QGuiApplication::screens().indexOf(screen) + 1);
}

QScreen *screenOf(const QString &id) {
    if (id.isEmpty())
        return nullptr;
    for (QScreen *screen : QGuiApplication::screens())
        if (screenId(screen) == id)
            return screen;
    return nullptr;
}

} // namespace oasis::screens
