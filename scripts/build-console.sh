#!/usr/bin/env bash
# Builds the browser side into DIST (default dist/): the agents' console (index.html) and
# the public contact page, a bundle of its own (contact.html), side by side. Trunk builds
# one entry at a time and empties its output first, so the contact page is built apart and
# copied in. Arguments after DIST go to both trunk builds (e.g. --release).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

dist="${1:-dist}"
shift || true
contact_dist="$ROOT/target/contact-dist"
trunk build index.html --skip-version-check --offline --dist "$dist" "$@"
trunk build contact.html --skip-version-check --offline --dist "$contact_dist" "$@"
# Trunk names the page after its source; its files carry their content hash.
for file in "$contact_dist"/*; do
  name="$(basename "$file")"
  case "$name" in
    index.html) cp "$file" "$dist/contact.html" ;;
    public) ;;
    *) cp -r "$file" "$dist/" ;;
  esac
done
