#!/usr/bin/env bash
# A throwaway PostgreSQL cluster in a folder of its own, for the tests:
#   scripts/pg-cluster.sh start DIR   makes and starts one in DIR (which must not exist), and
#                                     prints its settings as shell assignments:
#       MOTION_TEST_POSTGRES      postgresql:///motion?host=DIR/run&port=PORT&user=motion (may create databases)
#       MOTION_TEST_POSTGRES_TCP  postgres://motion@127.0.0.1:PORT/motion
#       PGPASSFILE                DIR/pgpass, the role's password, readable by this user alone
#   scripts/pg-cluster.sh stop DIR    stops it (the files stay); `resume DIR` starts it again
#   scripts/pg-cluster.sh remove DIR  stops it and removes DIR
# It listens on a unix socket in DIR/run and on 127.0.0.1 at a free port. PostgreSQL refuses to
# run as root, so as root the server runs as the `postgres` user.
set -euo pipefail
# The server must not keep open what the caller gave this script: a caller that waits for the
# end of its output (or, like Foundation's Process, for a descriptor to close) would wait for good.
for fd in $(ls /proc/$$/fd); do
    if [ "$fd" -gt 2 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
command=${1:-}; dir=${2:-}
[ -n "$command" ] && [ -n "$dir" ] || { echo "usage: scripts/pg-cluster.sh start|stop|resume|remove DIR" >&2; exit 64; }
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$bin" ] && [ -x "$bin/initdb" ] || { echo "pg-cluster: no PostgreSQL server under /usr/lib/postgresql; install Debian's postgresql" >&2; exit 69; }
as_server=(); owner=$(id -un)
if [ "$(id -u)" -eq 0 ]; then as_server=(runuser -u postgres --); owner=postgres; fi

fail() {
    echo "pg-cluster: $1" >&2
    [ -f "$dir/data/server.log" ] && tail -20 "$dir/data/server.log" >&2
    exit 69
}

server() {
    local port; port=$(cat "$dir/port")
    "${as_server[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/data/server.log" -w -t 60 -s -o \
        "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories='$dir/run' -c unix_socket_permissions=0777 -c fsync=off -c max_connections=300" start
}

case "$command" in
start)
    [ ! -e "$dir" ] || fail "$dir exists already"
    mkdir -p "$dir"; chmod 755 "$dir"
    install -d -o "$owner" -m 700 "$dir/data"
    install -d -o "$owner" -m 755 "$dir/run"
    password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
    install -o "$owner" -m 600 /dev/null "$dir/superuser-password"
    printf '%s\n' "$password" > "$dir/superuser-password"
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' > "$dir/port"
    port=$(cat "$dir/port")
    "${as_server[@]}" "$bin/initdb" -D "$dir/data" -U postgres --pwfile="$dir/superuser-password" \
        --auth-local=scram-sha-256 --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; fail "initdb could not make a cluster in $dir/data"; }
    server || fail "the PostgreSQL server did not start"
    printf '%s\n' "*:*:*:postgres:$password" "*:*:*:motion:$password" > "$dir/pgpass"
    chmod 600 "$dir/pgpass"
    PGPASSFILE="$dir/pgpass" PGHOST="$dir/run" PGPORT=$port PGUSER=postgres psql -qAt -v ON_ERROR_STOP=1 -d postgres \
        -c "CREATE ROLE motion LOGIN CREATEDB PASSWORD '$password'" -c "CREATE DATABASE motion OWNER motion" >/dev/null \
        || fail "could not make the role and database for the tests"
    echo "MOTION_TEST_POSTGRES='postgresql:///motion?host=$dir/run&port=$port&user=motion'"
    echo "MOTION_TEST_POSTGRES_TCP='postgres://motion@127.0.0.1:$port/motion'"
    echo "PGPASSFILE='$dir/pgpass'"
    ;;
stop) "${as_server[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast -w -s stop ;;
resume) server || fail "the PostgreSQL server did not start again" ;;
remove)
    [ -d "$dir/data" ] && { "${as_server[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast -w -s stop >/dev/null 2>&1 || true; }
    rm -rf "$dir"
    ;;
*) echo "usage: scripts/pg-cluster.sh start|stop|resume|remove DIR" >&2; exit 64 ;;
esac
