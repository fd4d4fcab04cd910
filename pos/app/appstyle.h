// SPDX-License-Identifier: GPL-3.0-or-later
// The counter app's look: one style sheet (resources/app/style.qss), a calm palette and the icon.
#pragma once

class QApplication;
class QCoreApplication;

namespace oasis::app {

/// Applies the Fusion style, the palette, the base font and the style sheet from resources, and
/// keeps every dialog as tall as its layout needs at its width, up to the screen's height (Qt
/// does not make a window taller for a label that wraps over more lines: a long prompt, or a
/// message shown later, squeezed a dialog's rows into each other and cut its buttons off). A
/// dialog is looked at each time it is shown and its layout changes; it is only ever grown, and
/// moved up when it would reach past the foot of the screen.
void applyAppStyle(QApplication &app);
/// The window icon (every window of the app shows it). Decoding it takes a few milliseconds:
/// the app sets it once the PIN pad is on screen.
void applyWindowIcon(QApplication &app);
/// The app's font alone (applyAppStyle sets it too): what the font database is warmed for.
void applyAppFont(QApplication &app);

/// Installs the app's translations: the plural forms of the English texts (Qt's "%n"), which the
/// source language needs too, so the desk reads "1 line" and "3 lines", never "3 line(s)".
void installTranslations(QCoreApplication &app);

} // namespace oasis::app
