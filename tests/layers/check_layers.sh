#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The layers of DESIGN §1-2, checked on the built objects and the sources (tests/layers):
#   domain    no Qt Sql, nothing of storage or services;
#   storage   nothing of services;
#   services  no Qt Sql of its own (it reaches the database through storage);
#   pos/ and printing/ (the apps)   nothing of storage, no Qt Sql, no SQL text;
#   engine-specific SQL only in the storage driver (core/storage/sqlitedriver.cpp).
# Usage: check_layers.sh SOURCE_DIR DOMAIN.a STORAGE.a SERVICES.a APP.a...
set -u
src=$1 domain=$2 storage=$3 services=$4
shift 4
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The symbols a library defines and the ones it needs from elsewhere (demangled, one a line).
defined() { nm -C --defined-only "$1" 2>/dev/null | awk 'NF>=3 && $2 ~ /^[TDBRVW]$/ {sub(/^[^ ]+ [^ ]+ /,""); print}' | sort -u; }
needed() { nm -C -u "$1" 2>/dev/null | sed -n 's/^ *U //p' | sort -u; }

defined "$storage" >"$tmp/storage.def"
defined "$services" >"$tmp/services.def"

# $1: what is checked, $2: file of needed symbols, $3: file of forbidden definitions
refuse() {
    comm -12 "$2" "$3" >"$tmp/hits"
    if [ -s "$tmp/hits" ]; then
        echo "LAYER BROKEN: $1:" >&2
        head -n 10 "$tmp/hits" | sed 's/^/    /' >&2
        failed=1
    fi
}
qtsql() {
    if grep -q 'QSql' "$2"; then
        echo "LAYER BROKEN: $1 uses Qt Sql:" >&2
        grep 'QSql' "$2" | head -n 5 | sed 's/^/    /' >&2
        failed=1
    fi
}

needed "$domain" >"$tmp/domain.use"
qtsql "domain ($domain)" "$tmp/domain.use"
refuse "domain needs storage" "$tmp/domain.use" "$tmp/storage.def"
refuse "domain needs services" "$tmp/domain.use" "$tmp/services.def"

needed "$storage" >"$tmp/storage.use"
refuse "storage needs services" "$tmp/storage.use" "$tmp/services.def"

needed "$services" >"$tmp/services.use"
qtsql "services ($services)" "$tmp/services.use"

for app in "$@"; do
    needed "$app" >"$tmp/app.use"
    qtsql "$(basename "$app")" "$tmp/app.use"
    refuse "$(basename "$app") reaches storage without a service" "$tmp/app.use" "$tmp/storage.def"
done

# The sources say the same: the apps include no storage header and hold no SQL.
if grep -rnE '#include "core/storage/|#include <QSql' "$src/pos" "$src/printing" >"$tmp/inc"; then
    echo "LAYER BROKEN: pos/ or printing/ includes storage or Qt Sql:" >&2
    head -n 10 "$tmp/inc" | sed 's/^/    /' >&2
    failed=1
fi
if grep -rnE '"(SELECT|INSERT INTO|UPDATE [a-z_]+ SET|DELETE FROM|CREATE TABLE|PRAGMA) ' \
    "$src/pos" "$src/printing" >"$tmp/sql"; then
    echo "LAYER BROKEN: SQL text in pos/ or printing/:" >&2
    head -n 10 "$tmp/sql" | sed 's/^/    /' >&2
    failed=1
fi
if grep -rnE '#include "core/(storage|services)/' "$src/core/domain" >"$tmp/dom"; then
    echo "LAYER BROKEN: domain includes storage or services:" >&2
    head -n 10 "$tmp/dom" | sed 's/^/    /' >&2
    failed=1
fi
if grep -rnE '#include "core/services/' "$src/core/storage" >"$tmp/sto"; then
    echo "LAYER BROKEN: storage includes services:" >&2
    head -n 10 "$tmp/sto" | sed 's/^/    /' >&2
    failed=1
fi
# One engine seam: SQLite's words live in its driver only (and in the text of shipped
# migration steps, which never change).
if grep -rln 'QSQLITE' "$src/core" | grep -v 'core/storage/sqlitedriver.cpp$' >"$tmp/qsqlite"; then
    echo "LAYER BROKEN: QSQLITE named outside core/storage/sqlitedriver.cpp:" >&2
    sed 's/^/    /' "$tmp/qsqlite" >&2
    failed=1
fi
if grep -rnE 'rowid|sqlite_master|PRAGMA|VACUUM|COLLATE NOCASE|INSERT OR |ON CONFLICT|lastInsertId' \
    "$src/core/services" "$src/core/domain" >"$tmp/engine"; then
    echo "LAYER BROKEN: engine-specific SQL outside the storage driver:" >&2
    head -n 10 "$tmp/engine" | sed 's/^/    /' >&2
    failed=1
fi
# One translation helper per layer (core/domain, printing, pos/cli, pos/screens translate.cpp):
# a file of its own would hide its texts from lupdate again.
if grep -rln 'QString tr(const char \*' "$src/core" "$src/printing" "$src/pos" |
    grep -vE '/translate\.(cpp|h)$' >"$tmp/trs"; then
    echo "LAYER BROKEN: a translation helper of its own (use the layer's translate.h):" >&2
    sed 's/^/    /' "$tmp/trs" >&2
    failed=1
fi
[ "$failed" = 0 ] && echo "layers hold: domain <- storage <- services <- pos, printing"
exit "$failed"
