// SPDX-License-Identifier: GPL-3.0-or-later
// The counter app's look: one style sheet (resources/app/style.qss), a calm palette and the icon.
#pragma once

class QApplication;

namespace oasis::app {

/// Applies the Fusion style, the palette, the base font and the style sheet from resources.
void applyAppStyle(QApplication &app);

} // namespace oasis::app
