// SPDX-License-Identifier: GPL-3.0-or-later
// Finds text that does not fit its widget: what a person would see cut off at 1366x768.
#pragma once

#include <QStringList>

class QWidget;

namespace oasis::app::postest {

/// Every visible QLabel and QPushButton under `root` (itself included) whose text is wider or
/// taller than the room it has, one line each ("settings/QPushButton “Save” needs 96 px, has
/// 80"). A word-wrapped label is cut off when the lines it needs at its width are taller than
/// it is; text elided on purpose fits by construction.
QStringList clippedTexts(QWidget *root);

} // namespace oasis::app::postest
