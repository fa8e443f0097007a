#!/usr/bin/env bash
# Every check Switchboard has, in the order a failure is cheapest to find:
# rustfmt, clippy (native and wasm, warnings denied), native tests, the release build of
# the console and its compressed copies, browser tests of components and of the connector
# against a live server (wasm-bindgen-test in headless Chromium), the connector's contract
# suite again through the gateway, then end-to-end tests through chromedriver.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
# One run builds once: incremental caches would only double what the disk holds.
export CARGO_INCREMENTAL=0
# Everything the run leaves in temporary files (browser profiles above all: chromedriver
# never removes the ones it makes) goes in one directory, removed when the run ends.
run_tmp="$(mktemp -d)"
export TMPDIR="$run_tmp"
trap 'rm -rf "$run_tmp"' EXIT

step() { printf '\n==> %s\n' "$*"; }
failures=()
results="$(mktemp)"
# Runs one test runner, keeping its output for the totals at the end.
run() {
  local name="$1"; shift
  if ! "$@" 2>&1 | tee -a "$results"; then failures+=("$name"); fi
}

step "setup"
"$ROOT/scripts/setup.sh"

step "rustfmt"
cargo fmt --all -- --check

step "clippy (native)"
cargo clippy --workspace --all-targets --quiet -- -D warnings

step "clippy (wasm32)"
cargo clippy -p switchboard --target wasm32-unknown-unknown --all-targets --quiet -- -D warnings

# Every native cargo command names the whole workspace (`--workspace`), with targets
# chosen by name: cargo then resolves one set of features for the shared crates and builds
# each of them once, where `-p` on one package would build another copy of the server,
# tokio, axum and the rest for each selection (time, and a disk's worth of copies).

step "native tests: core, server, console logic"
run "native tests" cargo test --workspace --lib --bins --test framework_memory --no-fail-fast -q
# The server's binary is built with them (the fault test runs it): the later steps use it.
run "server HTTP tests" cargo test --workspace --test api --no-fail-fast -q
server_bin="$ROOT/target/debug/switchboard-server"

step "server HTTP tests again, on PostgreSQL (a throwaway server, stopped at the end)"
source "$ROOT/scripts/gateway-pair.sh"
source "$ROOT/scripts/postgres.sh"
trap 'stop_postgres; rm -rf "$run_tmp"' EXIT
if start_postgres; then
  run "server HTTP tests on PostgreSQL" cargo test --workspace --test api --no-fail-fast -q
else
  failures+=("PostgreSQL could not start")
fi

step "release build of the console (in parts) and of its pages (docs/bundles.md)"
"$ROOT/scripts/build-console.sh" dist --release >/tmp/switchboard-trunk.log 2>&1 || {
  cat /tmp/switchboard-trunk.log; exit 1; }

step "compressed copies of the console's files (brotli, gzip)"
"$server_bin" precompress dist

step "browser tests (wasm-bindgen-test in headless Chromium)"
# The test pages are served from a port of our choosing, so the test server can let that
# one origin call it with a session (and no other): a free port, found without Python.
source "$ROOT/scripts/gateway-pair.sh"
test_page_port="$(free_port || true)"
[ -n "$test_page_port" ] || { echo "no free port for the browser tests' pages"; exit 1; }
export WASM_BINDGEN_TEST_ADDRESS="127.0.0.1:$test_page_port"
server_db="$(mktemp -d)"
server_log="$server_db/server.log"
"$server_bin" --host 127.0.0.1 --port 0 --db "$server_db/test.sqlite3" --dist "" \
  --allow-origin "http://$WASM_BINDGEN_TEST_ADDRESS" >"$server_log" 2>&1 &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true; stop_postgres; rm -rf "$run_tmp"' EXIT
for _ in $(seq 1 100); do
  grep -q "running at" "$server_log" 2>/dev/null && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$server_log"; exit 1; }
  sleep 0.1
done
SWITCHBOARD_TEST_SERVER="$(sed -n 's#.*running at \(http://[^/]*\)/.*#\1#p' "$server_log" | head -1)"
[ -n "$SWITCHBOARD_TEST_SERVER" ] || { echo "the test server did not start:"; cat "$server_log"; exit 1; }
export SWITCHBOARD_TEST_SERVER
echo "test server: $SWITCHBOARD_TEST_SERVER (for pages at http://$WASM_BINDGEN_TEST_ADDRESS)"
run "browser tests" cargo test -p switchboard --target wasm32-unknown-unknown --tests --no-fail-fast

step "the connector contract suite again, through the gateway (docs/gateway.md)"
# Two more servers: one plays the five vendors with --vendor-auth, the other forwards every
# backend to it with the credentials from the environment. Their logs must hold no secret.
pair_dir="$(mktemp -d)"
trap 'kill "$server_pid" 2>/dev/null || true; stop_gateway_pair; stop_postgres; rm -rf "$run_tmp"' EXIT
start_gateway_pair "$server_bin" "$pair_dir" "http://$WASM_BINDGEN_TEST_ADDRESS" \
  || { echo "the gateway and its vendor did not start"; exit 1; }
echo "gateway: $GATEWAY_URL, in front of $UPSTREAM_URL"
direct_server="$SWITCHBOARD_TEST_SERVER"
export SWITCHBOARD_TEST_SERVER="$GATEWAY_URL"
run "contract suite through the gateway" \
  cargo test -p switchboard --target wasm32-unknown-unknown --test web_connectors --no-fail-fast
export SWITCHBOARD_TEST_SERVER="$direct_server"
stop_gateway_pair
logs_hold_no_secret || failures+=("no secret in the gateway's logs")

step "end-to-end tests (chromedriver)"
run "end-to-end tests" cargo test --workspace --test e2e --no-fail-fast -- --test-threads=1

# One closing line over every runner: cargo's and wasm-bindgen-test's "test result" lines.
totals="$(sed -n 's/.*test result: [A-Za-z]*\. \([0-9]*\) passed; \([0-9]*\) failed.*/\1 \2/p' "$results" \
  | awk '{ p += $1; f += $2 } END { printf "%d passed, %d failed", p, f }')"
rm -f "$results"
if [ ${#failures[@]} -gt 0 ]; then
  printf '\nFAILED: %s\n' "${failures[*]}"
  printf 'tests: %s\n' "$totals"
  exit 1
fi
printf '\nAll checks passed.\ntests: %s\n' "$totals"
