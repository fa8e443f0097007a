#!/usr/bin/env bash
# Builds the console in release mode and starts the reference server on 127.0.0.1.
# The SQLite file is created on first start and filled with demo data while empty.
#   PORT=8080 DB=switchboard.sqlite3 scripts/run.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

"$ROOT/scripts/setup.sh"
echo "run: building the console (release)"
trunk build --release --skip-version-check --offline >/dev/null
echo "run: building the server (release)"
cargo build --release --quiet -p switchboard-server
exec "$ROOT/target/release/switchboard-server" \
  --host 127.0.0.1 --port "${PORT:-8080}" --db "${DB:-$ROOT/switchboard.sqlite3}" --dist "$ROOT/dist"
