#!/usr/bin/env bash
# Builds the console in release mode, compresses its files (brotli, gzip) and starts the
# reference server on 127.0.0.1.
# The SQLite file is created on first start and filled with demo data while empty.
#   PORT=8080 DB=switchboard.sqlite3 scripts/run.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

"$ROOT/scripts/setup.sh"
echo "run: building the console (in parts) and its pages: sign-in, contact, follow-up (release)"
"$ROOT/scripts/build-console.sh" "$ROOT/dist" --release >/dev/null
echo "run: building the server (release)"
cargo build --release --quiet -p switchboard-server
echo "run: compressing the console's files (brotli, gzip)"
"$ROOT/target/release/switchboard-server" precompress "$ROOT/dist" | tail -n 1
cat <<'NOTE'
run: sign in as a demo agent, e.g. camille.laurent@switchboard.example (admin) or
     javier.ortega@switchboard.example, with the demo password: switchboard-demo
     (demo data only; manage real accounts with: target/release/switchboard-server agents --help)
NOTE
exec "$ROOT/target/release/switchboard-server" \
  --host 127.0.0.1 --port "${PORT:-8080}" --db "${DB:-$ROOT/switchboard.sqlite3}" --dist "$ROOT/dist"
