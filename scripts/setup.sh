#!/usr/bin/env bash
# Installs what building and testing Switchboard needs, each only when missing:
# the wasm target, trunk, wasm-bindgen-cli, wasm-split-cli, wasm-opt (binaryen from npm), axe-core (npm, for
# the accessibility audit), Chromium and chromedriver. Idempotent and quiet when everything
# is present.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130
WASM_SPLIT_VERSION=0.2.4
BINARYEN_VERSION=132.0.0
AXE_VERSION=4.11.1
ESBUILD_VERSION=0.28.2

say() { printf 'setup: %s\n' "$*"; }

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown >/dev/null
fi

if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (about 8 minutes)"
  cargo install trunk --version "$TRUNK_VERSION" --locked --quiet
fi

# Without --locked: one of its locked dependencies is no longer on the registry.
if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION"; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --quiet
fi

# The splitter of the console's release build (scripts/split-console.sh): 0.2.4 knows
# wasm-bindgen 0.2.128+'s casts and builds with this rustc. It has no --version to ask.
if ! cargo install --list | grep -q "^wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  say "installing wasm-split-cli (wasm_split_cli_support $WASM_SPLIT_VERSION, about a minute)"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --locked \
    --features build-binary --quiet
fi

# Debian's binaryen is too old (its output fails to start in Chromium): use npm's. The
# accessibility audit's axe-core comes from npm too, and esbuild, which minifies the split
# pages' scripts (wasm-bindgen writes them to be read; Trunk's minifier cannot parse them).
# All in one install: npm removes what a later install into the same prefix does not name.
axe_installed() {
  grep -q "\"version\": \"$AXE_VERSION\"" "$TOOLS/node_modules/axe-core/package.json" 2>/dev/null
}
if ! "$TOOLS/node_modules/.bin/wasm-opt" --version 2>/dev/null | grep -q "version ${BINARYEN_VERSION%%.*}" \
  || ! axe_installed \
  || ! "$TOOLS/node_modules/.bin/esbuild" --version 2>/dev/null | grep -qx "$ESBUILD_VERSION"; then
  say "installing wasm-opt (binaryen $BINARYEN_VERSION), axe-core $AXE_VERSION and esbuild $ESBUILD_VERSION from npm"
  mkdir -p "$TOOLS"
  npm install --prefix "$TOOLS" --no-save --no-audit --no-fund --loglevel=error \
    "binaryen@$BINARYEN_VERSION" "axe-core@$AXE_VERSION" "esbuild@$ESBUILD_VERSION" >/dev/null
fi

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  say "installing chromium and chromedriver"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# Trunk builds offline: fetch every crate once, here.
cargo fetch --quiet
