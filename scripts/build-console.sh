#!/usr/bin/env bash
# Builds the browser side into DIST (default dist/): the agents' console (index.html) and,
# each a bundle of its own, the agents' sign-in page and the customers' contact and
# follow-up pages (sign-in.html, contact.html, follow-up.html). Arguments after DIST go to
# every trunk build (e.g. --release).
#
# With --release the console comes in parts (scripts/split-console.sh): its main part,
# loaded by index.html, and parts fetched on first use; so does the contact page (its
# form, then its sending code). Without it (a development build) each is one bundle, as
# `trunk serve` makes it.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

dist="${1:-dist}"
shift || true
release=false
for arg in "$@"; do [ "$arg" = "--release" ] && release=true; done

# A page without Trunk's Rust pipeline: Trunk builds its styles and copies `public/`, the
# split script builds the wasm and puts its loader in the page. Trunk builds the crate
# beside a page that names none, so the copy sits in a folder of its own, its paths
# leading back to the sources.
without_rust() {
  local copy="$ROOT/target/console-page/$1"
  mkdir -p "$(dirname "$copy")"
  grep -v 'data-trunk rel="rust"' "$1" \
    | sed -e 's#href="style/#href="../../style/#g' -e 's#href="public#href="../../public#g' \
    >"$copy"
  echo "$copy"
}

if $release; then
  trunk build "$(without_rust index.html)" --skip-version-check --offline --dist "$dist" "$@"
else
  trunk build index.html --skip-version-check --offline --dist "$dist" "$@"
fi

# Trunk empties its output first and names every page index.html: each page is built
# apart and copied in under its own name. Its files carry their content hash.
for page in contact sign-in follow-up; do
  page_dist="$ROOT/target/page-dist/$page"
  source_page="$page.html"
  if $release && [ "$page" = contact ]; then source_page="$(without_rust contact.html)"; fi
  trunk build "$source_page" --skip-version-check --offline --dist "$page_dist" "$@"
  for file in "$page_dist"/*; do
    name="$(basename "$file")"
    case "$name" in
      index.html) cp "$file" "$dist/$page.html" ;;
      public | robots.txt) ;;
      *) cp -r "$file" "$dist/" ;;
    esac
  done
done

if $release; then
  "$ROOT/scripts/split-console.sh" "$dist"
  "$ROOT/scripts/split-console.sh" "$dist" contact
fi
