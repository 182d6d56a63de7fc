#!/usr/bin/env bash
# postgres.sh start DIR PORT | stop DIR — a private PostgreSQL cluster for tests.
#
# start: initdb into DIR/data (from scratch every time) and start it on 127.0.0.1:PORT
#        only (PORT 0: pick a free one), with its unix socket in DIR/run. Creates the role
#        `listingdesk` (LOGIN CREATEDB, so tests can make a database each) and the database
#        `listingdesk` it owns, then writes DIR/pg.env:
#          LISTINGDESK_TEST_POSTGRES=postgresql://listingdesk@127.0.0.1:PORT/listingdesk
#          LISTINGDESK_TEST_POSTGRES_PASSWORD=postgresql://listingdesk_pw:…@127.0.0.1:PORT/listingdesk
#        The second role, `listingdesk_pw`, must give its password (scram-sha-256), so tests
#        can check a wrong password and a remembered one (the team library dialog).
# stop:  fast shutdown; the data directory stays for a post-mortem until the next start.
#
# Authentication is trust for `listingdesk` from 127.0.0.1 only: the cluster listens on no
# other address, lives for one ctest run and holds nothing but test data. PostgreSQL
# refuses to run as root, so as root (CI) the server runs as the `postgres` user that
# Debian's package creates. The binaries are those of the newest installed major version.
set -euo pipefail

usage() {
    echo "usage: $0 start DIR PORT | stop DIR" >&2
    exit 2
}
[ $# -ge 2 ] || usage
action="$1"
dir="$(realpath -m "$2")"

bindir=""
for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V); do
    [ -x "$candidate/initdb" ] && bindir="$candidate"
done
if [ -z "$bindir" ]; then
    echo "postgres.sh: no PostgreSQL server found under /usr/lib/postgresql/*/bin;" >&2
    echo "install the package postgresql (scripts/setup-deps.sh does)." >&2
    exit 1
fi

if [ "$(id -u)" = 0 ]; then
    owner=postgres
    as_owner() { runuser -u postgres -- "$@"; }
else
    owner="$(id -un)"
    as_owner() { "$@"; }
fi

pg_stop() {
    if [ -f "$dir/data/postmaster.pid" ]; then
        as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null || true
    fi
}

port_free() {
    # A refused connection means nobody listens there.
    ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

case "$action" in
start)
    [ $# = 3 ] || usage
    port="$3"
    pg_stop
    mkdir -p "$dir"
    rm -rf "${dir:?}/data" "${dir:?}/run" "$dir/pg.env"
    mkdir -p "$dir/data" "$dir/run"
    chown "$owner" "$dir" "$dir/data" "$dir/run"
    chmod 700 "$dir/data" "$dir/run"
    if [ "$port" = 0 ]; then
        port=$((20000 + RANDOM % 20000))
        while ! port_free "$port"; do port=$((20000 + RANDOM % 20000)); done
    elif ! port_free "$port"; then
        echo "postgres.sh: port $port is taken" >&2
        exit 1
    fi
    as_owner "$bindir/initdb" -D "$dir/data" -U postgres -E UTF8 --locale=C.UTF-8 \
        --auth-local=trust --auth-host=reject >"$dir/initdb.log" 2>&1 || {
        cat "$dir/initdb.log" >&2
        exit 1
    }
    # Loopback only, and only our test role over TCP; everything else is refused.
    cat >"$dir/data/pg_hba.conf" <<EOF
local all all trust
host all listingdesk 127.0.0.1/32 trust
host all listingdesk_pw 127.0.0.1/32 scram-sha-256
host all all 0.0.0.0/0 reject
host all all ::/0 reject
EOF
    # Test data is thrown away after the run: no need to survive a power cut.
    cat >>"$dir/data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir/run'
unix_socket_permissions = 0700
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
EOF
    if ! as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/data/server.log" -w -t 60 start \
        >/dev/null; then
        cat "$dir/data/server.log" >&2
        exit 1
    fi
    psql=("$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h "$dir/run" -p "$port" -U postgres)
    # pg_signal_backend: a test's DROP DATABASE ... WITH (FORCE) may have to end an
    # autovacuum worker still busy in the database it drops.
    as_owner "${psql[@]}" -d postgres -c "CREATE ROLE listingdesk LOGIN CREATEDB" \
        -c "GRANT pg_signal_backend TO listingdesk" \
        -c "CREATE DATABASE listingdesk OWNER listingdesk" \
        -c "CREATE ROLE listingdesk_pw LOGIN CREATEDB PASSWORD 'listingdesk-pw-secret'"
    echo "LISTINGDESK_TEST_POSTGRES=postgresql://listingdesk@127.0.0.1:$port/listingdesk" \
        >"$dir/pg.env"
    echo "LISTINGDESK_TEST_POSTGRES_PASSWORD=postgresql://listingdesk_pw:listingdesk-pw-secret@127.0.0.1:$port/listingdesk" \
        >>"$dir/pg.env"
    echo "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port ($dir)"
    ;;
stop)
    pg_stop
    rm -f "$dir/pg.env"
    ;;
*)
    usage
    ;;
esac
