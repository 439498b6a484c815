#!/usr/bin/env bash
# Runs a command beside a throwaway PostgreSQL cluster (scripts/pg-cluster.sh), which is
# stopped and removed when the command ends, however it ends: `scripts/with-postgres.sh swift test`.
# The command sees MOTION_TEST_POSTGRES, MOTION_TEST_POSTGRES_TCP and PGPASSFILE.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -gt 0 ] || { echo "usage: scripts/with-postgres.sh COMMAND [ARGUMENTS...]" >&2; exit 64; }
scripts/install-deps.sh postgresql
dir=$(mktemp -u /tmp/motion-pg.XXXXXX)
trap 'scripts/pg-cluster.sh remove "$dir"' EXIT
settings=$(scripts/pg-cluster.sh start "$dir")
set -a; eval "$settings"; set +a
echo "with-postgres: a PostgreSQL cluster in $dir (${MOTION_TEST_POSTGRES_TCP#*@})" >&2
status=0
"$@" || status=$?
exit $status
