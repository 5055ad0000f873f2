#!/usr/bin/env bash
# A private, throwaway PostgreSQL server for the PostgreSQL half of the tests (issue 12).
#
#   eval "$(.ci/postgres.sh start)"   # prints the two `export` lines below, server running
#   pytest                            # the PostgreSQL tests now run (else they are skipped)
#   .ci/postgres.sh stop              # stops it and deletes its folder
#
# `start` makes a new cluster (initdb) in a temporary folder, listening on 127.0.0.1 only
# (a free port) and on a socket in that folder, password authentication (scram-sha-256) for
# a test role allowed to create databases, and prints:
#   export SUIVI_FSL_TEST_PG=postgresql+psycopg://suivi_test:…@127.0.0.1:PORT/suivi_test
#   export SUIVI_FSL_TEST_PG_DIR=/tmp/suivi-fsl-pg.XXXXXX
# Run as root (the CI), the server runs as the `postgres` user of Debian's package; run as
# anyone else, as that user. The binaries: $PG_BIN, else the newest /usr/lib/postgresql/*/bin,
# else those on the PATH. For tests only: no fsync (a crash of the machine may lose it all),
# no autovacuum (its workers run as the superuser and, started on a test's fresh database,
# made `DROP DATABASE … WITH (FORCE)` fail with « must be a member of the role whose process
# is being terminated » at a test's teardown). With SUIVI_FSL_PG_DURABLE=1 the server keeps
# PostgreSQL's durable defaults (fsync, synchronous commit, full-page writes): the benchmarks
# (load, scale) measure a server as an association would run it.
set -euo pipefail

bin_dir() {
  if [[ -n "${PG_BIN:-}" ]]; then echo "$PG_BIN"; return; fi
  local newest
  newest=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [[ -n "$newest" ]]; then echo "$newest"; return; fi
  dirname "$(command -v initdb)"
}

# Runs its arguments as the server's user.
as_server() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

start() {
  local bin dir port password
  bin=$(bin_dir)
  dir=$(mktemp -d /tmp/suivi-fsl-pg.XXXXXX)
  [[ $(id -u) -eq 0 ]] && chown postgres: "$dir"
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  password=$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
  as_server "$bin/initdb" -D "$dir/data" -U postgres --auth-local=peer --auth-host=scram-sha-256 \
    --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || as_server "$bin/initdb" -D "$dir/data" -U postgres --auth-local=peer \
       --auth-host=scram-sha-256 --encoding=UTF8 --no-locale >"$dir/initdb.log" 2>&1
  local speed="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  [[ "${SUIVI_FSL_PG_DURABLE:-}" == 1 ]] && speed=""
  as_server "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start -o \
    "-c listen_addresses=127.0.0.1 -p $port -k $dir $speed -c max_connections=100 -c autovacuum=off" \
    >/dev/null
  as_server "$bin/psql" -h "$dir" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
    -c "CREATE ROLE suivi_test LOGIN CREATEDB CREATEROLE PASSWORD '$password'" \
    -c "CREATE DATABASE suivi_test OWNER suivi_test" >/dev/null
  echo "export SUIVI_FSL_TEST_PG=postgresql+psycopg://suivi_test:$password@127.0.0.1:$port/suivi_test"
  echo "export SUIVI_FSL_TEST_PG_DIR=$dir"
}

stop() {
  local dir="${1:-${SUIVI_FSL_TEST_PG_DIR:-}}"
  if [[ -z "$dir" || ! -d "$dir/data" ]]; then
    echo "postgres.sh stop: no server folder (give it, or set SUIVI_FSL_TEST_PG_DIR)" >&2
    return 1
  fi
  as_server "$(bin_dir)/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
  rm -rf -- "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) shift; stop "$@" ;;
  *) echo "usage: $0 start | stop [FOLDER]" >&2; exit 2 ;;
esac
