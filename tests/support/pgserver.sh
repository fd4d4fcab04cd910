#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A throwaway PostgreSQL server for the tests of the `postgresql` label (DESIGN §13): the ctest
# fixture starts it before them and stops it after. It listens on a Unix socket in DIR only (no
# TCP port), trusts local connections, keeps nothing: fsync off, removed on stop. As root it
# runs as Debian's postgres user, the way pg_virtualenv does.
#   pgserver.sh start|restart|halt|resume|stop DIR PORT   (restart: a fast shutdown and a
#   start, as an update of the server would; halt and resume: the server away for a while, its
#   data kept; test_server_faults and test_offline run them on a server of their own)
set -eu
action=$1 dir=$2 port=$3
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "pgserver.sh: PostgreSQL is not installed (apt-get install postgresql)" >&2
    exit 1
fi
as_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case $action in
start)
    if [ -f "$dir/data/postmaster.pid" ]; then
        as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    mkdir -p "$dir"
    if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; fi
    as_owner "$bin/initdb" -D "$dir/data" -A trust -U oasis --no-sync -E UTF8 >"$dir/initdb.log"
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-k $dir -p $port -c listen_addresses='' -c fsync=off -c max_connections=200" start \
        >/dev/null
    echo "PostgreSQL test server on $dir (port $port)"
    ;;
restart)
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 -m fast restart >/dev/null
    ;;
halt)
    as_owner "$bin/pg_ctl" -D "$dir/data" -w -t 60 -m fast stop >/dev/null
    ;;
resume)
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-k $dir -p $port -c listen_addresses='' -c fsync=off -c max_connections=200" start \
        >/dev/null
    ;;
stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
        as_owner "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null
    fi
    rm -rf "$dir"
    ;;
esac
