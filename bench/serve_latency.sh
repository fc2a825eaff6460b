#!/usr/bin/env bash
# Save → reload-signal latency of `site serve` on a generated site.
#
#   bench/serve_latency.sh [PAGES=10000] [EDITS=20]
#
# Builds the release binary, generates a corpus (`site gen-corpus`, or the
# simple bench/corpus.py with CORPUS=simple), starts `site serve`,
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

# `site gen-corpus` writes the casewiki site under OUT/casewiki; CORPUS=simple
# (or an older binary without it) uses bench/corpus.py instead.
ROOT="$WORK/gen/casewiki"
if [ "${CORPUS:-gen}" = gen ]; then
  "$SITE" gen-corpus --pages "$PAGES" --out "$WORK/gen" >/dev/null 2>&1 || true
fi
if [ "$(find "$ROOT/content" -name '*.md' 2>/dev/null | wc -l)" -lt "$PAGES" ]; then
  ROOT="$WORK/site"
  python3 "$HERE/bench/corpus.py" "$PAGES" "$ROOT"
fi
python3 "$HERE/bench/latency.py" "$SITE" "$ROOT" "$EDITS"
