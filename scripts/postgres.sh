#!/usr/bin/env bash
# A throwaway PostgreSQL server for the test command (sourced): Debian's packages,
# installed when missing; a new cluster in a temporary folder, on a free port of loopback,
# run by an unprivileged user (PostgreSQL refuses to run as root); stopped by
# stop_postgres, which the caller puts in its EXIT trap, so nothing is left running.
#
# start_postgres exports SWITCHBOARD_TEST_POSTGRES (the admin URL the tests make their
# databases with) and POSTGRES_BIN (the server's programs, for a second cluster).

postgres_bin() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  [ -n "$dir" ] && [ -x "$dir/initdb" ] && echo "$dir"
}

install_postgres() {
  postgres_bin >/dev/null && return 0
  echo "PostgreSQL: installing Debian's packages"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq >/dev/null
  # The package's own cluster and service are not wanted (the tests start their own, and
  # nothing may be left running): Debian's knob says not to make one.
  if [ ! -e /etc/postgresql-common/createcluster.conf ]; then
    $sudo mkdir -p /etc/postgresql-common
    echo "create_main_cluster = false" | $sudo tee /etc/postgresql-common/createcluster.conf >/dev/null
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    -o Dpkg::Options::=--force-confold \
    postgresql >/dev/null
  postgres_bin >/dev/null
}

# The user the server runs as: ourselves when not root, else Debian's `postgres` (made by
# the package), else one of our own.
postgres_user() {
  if [ "$(id -u)" -ne 0 ]; then id -un; return; fi
  if ! id postgres >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /usr/sbin/nologin postgres
  fi
  echo postgres
}

as_postgres_user() {
  local user="$1"; shift
  if [ "$(id -un)" = "$user" ]; then "$@"; else runuser -u "$user" -- "$@"; fi
}

start_postgres() {
  install_postgres || { echo "PostgreSQL could not be installed" >&2; return 1; }
  POSTGRES_BIN="$(postgres_bin)"
  export POSTGRES_BIN
  local user port attempt
  user="$(postgres_user)"
  PG_DIR="$(mktemp -d -p /tmp switchboard-pg.XXXXXX)"
  PG_USER="$user"
  chown "$user" "$PG_DIR"
  chmod 700 "$PG_DIR"
  # C collation: text orders by its bytes, as on SQLite.
  as_postgres_user "$user" "$POSTGRES_BIN/initdb" -D "$PG_DIR/data" -U postgres \
    --auth=trust --no-locale -E UTF8 >"$PG_DIR/initdb.log" 2>&1 \
    || { cat "$PG_DIR/initdb.log" >&2; return 1; }
  # A free port is chosen, then bound by the server: another program may take it in
  # between (the log says "Address already in use"), and then another port is tried.
  for attempt in 1 2 3 4 5; do
    port="$(free_port)" || return 1
    if as_postgres_user "$user" "$POSTGRES_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" \
      -o "-p $port -k $PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      -w -t 60 start >/dev/null; then
      export SWITCHBOARD_TEST_POSTGRES="postgres://postgres@127.0.0.1:$port/postgres"
      echo "PostgreSQL $("$POSTGRES_BIN/postgres" --version | awk '{print $3}') on port $port ($PG_DIR)"
      return 0
    fi
    grep -q "Address already in use" "$PG_DIR/server.log" || break
    echo "PostgreSQL: port $port was taken (attempt $attempt), trying another" >&2
  done
  cat "$PG_DIR/server.log" >&2
  return 1
}

stop_postgres() {
  [ -n "${PG_DIR:-}" ] || return 0
  if [ -f "$PG_DIR/data/postmaster.pid" ]; then
    as_postgres_user "$PG_USER" "$POSTGRES_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate \
      -w -t 30 stop >/dev/null 2>&1 || true
  fi
  rm -rf "$PG_DIR"
  PG_DIR=""
}
