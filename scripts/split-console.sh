#!/usr/bin/env bash
# Builds a page's wasm in parts into DIST/pkg-<hash>/ and puts its loader in the page
# (built by Trunk without its Rust pipeline, scripts/build-console.sh). BIN is the page's
# binary: `switchboard`, the console (DIST/index.html, the default), or `contact`
# (DIST/contact.html). The order is fixed: cargo links with relocations kept,
# wasm-split-cli cuts the binary's parts (`part!`: the console's `src/parts.rs`, the
# contact page's sending) out into files of their own, wasm-bindgen binds the main part
# only (keeping the table the parts are called through), and wasm-opt shrinks every part.
#
# The parts' names are not content hashes, and a part from one build loaded by another
# build's main part reads the wrong memory: the folder is named by the hash of all of them,
# so a build is one unit, kept by browsers for a year, and a new build is a new folder.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

dist="${1:?usage: split-console.sh DIST [BIN]}"
bin="${2:-switchboard}"
page="$dist/$bin.html"
[ "$bin" = switchboard ] && page="$dist/index.html"
target_dir="$(cargo metadata --format-version 1 --no-deps | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')"
raw="$target_dir/wasm32-unknown-unknown/wasm-release/$bin.wasm"
work="$target_dir/split-$bin"
rm -rf "$work"
mkdir -p "$work/split" "$work/opt"

# The flags go to the page's binary alone (`cargo rustc`), so the library and every
# dependency are the ones the pages' Trunk builds made, with .cargo/config.toml's flags:
# relocations for the splitter, and the cfg that makes the parts' routes split points.
cargo rustc -p switchboard --bin "$bin" --target wasm32-unknown-unknown \
  --profile wasm-release --quiet -- -C link-arg=--emit-relocs --cfg switchboard_split
wasm-split-cli --target web --out-name "$bin" "$raw" "$work/split" >/dev/null
wasm-bindgen --target web --no-typescript --keep-lld-exports \
  --out-dir "$work/split" --out-name "$bin" "$work/split/$bin.wasm"
for part in "$work/split/${bin}_bg.wasm" "$work"/split/split_*.wasm "$work"/split/chunk_*.wasm; do
  [ -e "$part" ] || continue
  # wasm-opt says "unknown name subsection" of each cut part: harmless, and not ours.
  wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
    "$part" -o "$work/opt/$(basename "$part")" 2> >(grep -v "unknown name subsection" >&2)
done
# The main script and the loader import each other as "./<name>.js": one folder. Both
# minified (esbuild, from scripts/setup.sh; it warns of the loader's repeated import keys,
# whose last one wins as before).
for script in "$bin.js" __wasm_split.js; do
  esbuild --minify --format=esm --log-level=error "$work/split/$script" \
    --outfile="$work/opt/$script"
done
[ -d "$work/split/snippets" ] && cp -r "$work/split/snippets" "$work/opt/"

hash="$(cd "$work/opt" && find . -type f | LC_ALL=C sort | xargs sha256sum | sha256sum | cut -c1-16)"
pkg="/pkg-$hash"
# Each page's parts in a folder of their own (the build's Trunk run emptied DIST first).
rm -rf "${dist:?}$pkg"
cp -r "$work/opt" "$dist$pkg"

# The loader, first in the page's head: the main script and wasm start downloading at
# once, side by side. The script must be imported by the very URL the loader uses.
# It announces the started instance as Trunk's loader does (`TrunkApplicationStarted`), for
# tools that read its memory (the inbox benchmark).
loader="<link rel=\"modulepreload\" href=\"$pkg/$bin.js\">\
<link rel=\"preload\" href=\"$pkg/${bin}_bg.wasm\" as=\"fetch\" type=\"application/wasm\" crossorigin>\
<script type=\"module\">import init from \"$pkg/$bin.js\";\
const wasm = await init({ module_or_path: \"$pkg/${bin}_bg.wasm\" });\
dispatchEvent(new CustomEvent(\"TrunkApplicationStarted\", { detail: { wasm } }));</script>"
# The console lists what it fetches ahead of use, once it is up
# (src/components/shell/prefetch.rs): its parts an agent will need (not the routes kept for
# a development build: the sign-in and follow-up pages are bundles of their own here), once
# the conversation's part is started (WarmUp, src/parts.rs); and the sign-in page lists the
# console's main part. Another page fetches its parts itself, as it needs them (the contact
# page: as the customer starts on the form).
if [ "$bin" = switchboard ]; then
  parts=""
  for part in "$dist$pkg"/split_*.wasm "$dist$pkg"/chunk_*.wasm; do
    name="$(basename "$part")"
    case "$name" in
      *_sign_in_part* | *_follow_up_part*) ;;
      *) parts="$parts $pkg/$name" ;;
    esac
  done
  loader="$loader<meta name=\"switchboard:parts\" content=\"${parts# }\">"
  console="<meta name=\"switchboard:console\" content=\"$pkg/switchboard.js $pkg/switchboard_bg.wasm\">"
  [ -f "$dist/sign-in.html" ] && sed -i "s#</head>#$console</head>#" "$dist/sign-in.html"
fi
sed -i "s#</head>#$loader</head>#" "$page"
echo "$bin: $(ls "$dist$pkg" | wc -l) files in $pkg"
