#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Writes the texts of every layer into TS_FILE with Qt's lupdate, keeping its translations (the
# English plural forms) and dropping texts that are gone. One command for `ninja
# update_translations` and for the `translations` test, so the file in the tree is exactly what
# lupdate makes of the sources.
#   lupdate.sh LUPDATE SOURCE_DIR TS_FILE
set -eu
lupdate=$1 src=$2 ts=$3
cd "$src"
exec "$lupdate" -silent -locations none -no-obsolete -extensions h,cpp -I . \
    core printing pos -ts "$ts"
