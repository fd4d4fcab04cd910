#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when oasis_en.ts is not what lupdate makes of the sources now (a text added, changed or
# removed without `ninja update_translations`).
#   check.sh LUPDATE SOURCE_DIR
set -eu
lupdate=$1 src=$2
here=$(dirname "$0")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$src/resources/translations/oasis_en.ts" "$tmp/oasis_en.ts"
sh "$here/lupdate.sh" "$lupdate" "$src" "$tmp/oasis_en.ts" 2>/dev/null
if ! cmp -s "$src/resources/translations/oasis_en.ts" "$tmp/oasis_en.ts"; then
    diff -u "$src/resources/translations/oasis_en.ts" "$tmp/oasis_en.ts" | head -40
    echo "resources/translations/oasis_en.ts is out of date: run ninja update_translations"
    exit 1
fi
echo "oasis_en.ts holds every text of the sources, as lupdate writes it"
