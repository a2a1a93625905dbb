#!/usr/bin/env bash
# Sourced by .ci/run: a throwaway PostgreSQL cluster for the durable-jobs tests (issue 14, item 8). It installs the
# server from Debian's packages when missing, runs initdb in a temporary directory as the postgres user, starts it
# on a free loopback port, exports VIDEOGEN4J_TEST_POSTGRES_URL for the tests, and stops and deletes it on exit.
# Locally: `bash .ci/run` (as root) gets the same; or export VIDEOGEN4J_TEST_POSTGRES_URL for a server of your own.

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

if [ -z "${VIDEOGEN4J_TEST_POSTGRES_URL:-}" ]; then
  if [ -z "$(pg_bin)" ] || [ ! -x "$(pg_bin)/initdb" ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq postgresql >/dev/null
  fi
  PG_BIN=$(pg_bin)
  PG_DIR=$(mktemp -d /tmp/videogen4j-pg.XXXXXX)
  chown postgres: "$PG_DIR"
  as_postgres() { runuser -u postgres -- "$@"; }
  # A free loopback port: the first one nothing answers on.
  PG_PORT=""
  for p in $(seq 25432 25532); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then PG_PORT=$p; break; fi
  done
  [ -n "$PG_PORT" ] || { echo "no free port for PostgreSQL in 25432-25532" >&2; exit 1; }
  as_postgres "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres -A trust -E UTF8 --no-locale >"$PG_DIR/initdb.log" 2>&1 \
    || { cat "$PG_DIR/initdb.log" >&2; exit 1; }
  # fsync off: a test cluster thrown away at the end; the tests prove crash behaviour of the JVMs, not of the disk.
  as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
    -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off" start >/dev/null \
    || { cat "$PG_DIR/server.log" >&2; exit 1; }
  stop_postgres() {
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
  }
  trap stop_postgres EXIT
  as_postgres "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "CREATE DATABASE videogen4j" >/dev/null
  export VIDEOGEN4J_TEST_POSTGRES_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/videogen4j?user=postgres"
  echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') for the tests at $VIDEOGEN4J_TEST_POSTGRES_URL"
fi
