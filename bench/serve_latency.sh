#!/usr/bin/env bash
# Save → reload-signal latency of `site serve` on a generated site.
#
#   bench/serve_latency.sh [PAGES=10000] [EDITS=20]
#
# Builds the release binary, generates a corpus (with `site gen-corpus` when it
# writes pages, else a simple built-in generator), starts `site serve`,
# listens on /__livereload and times each single-page edit until the
# `reload` event arrives. Prints median and p90 in milliseconds.
set -euo pipefail
PAGES=${1:-10000}
EDITS=${2:-20}
HERE=$(cd "$(dirname "$0")/.." && pwd)
cd "$HERE"
cargo build --release --quiet
SITE="$HERE/target/release/site"
WORK=$(mktemp -d /tmp/casewiki-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

"$SITE" gen-corpus --pages "$PAGES" --out "$WORK/site" >/dev/null 2>&1 || true
if [ "$(find "$WORK/site/content" -name '*.md' 2>/dev/null | wc -l)" -lt "$PAGES" ]; then
  rm -rf "$WORK/site"
  python3 "$HERE/bench/corpus.py" "$PAGES" "$WORK/site"
fi
python3 "$HERE/bench/latency.py" "$SITE" "$WORK/site" "$EDITS"
