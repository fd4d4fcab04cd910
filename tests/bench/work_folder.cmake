# SPDX-License-Identifier: GPL-3.0-or-later
# Included by the bench's cmake -P tests: a clean WORK folder with its own XDG folders, the
# counter offscreen, and the store's key in WORK/keys (OASIS_KEY_DIR stays set).
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
set(ENV{XDG_CONFIG_HOME} "${WORK}/config")
set(ENV{XDG_DATA_HOME} "${WORK}/data")
set(ENV{QT_QPA_PLATFORM} offscreen)
set(ENV{OASIS_KEY_DIR} "${WORK}/keys")
