// SPDX-License-Identifier: GPL-3.0-or-later
// This computer's customer-facing display: which screen it is on and what it says when idle.
#pragma once

#include <QString>

class QScreen;

namespace oasis::screens {

/// Kept per computer in QSettings (`display/screen`, `display/message`), like the printer.
struct DisplaySettings {
    QString screen;  ///< QScreen::name() of the second screen; empty: no customer display
    QString message; ///< shown while no ticket is open; empty: a welcome with the store's name

    static DisplaySettings load();
    void save() const;
    bool isOn() const { return !screen.isEmpty(); }
};

/// How a screen is named in the settings: its name, or "screen N" when the system gives none.
QString screenId(const QScreen *screen);
/// The connected screen of that id, nullptr when none is.
QScreen *screenOf(const QString &id);

} // namespace oasis::screens
