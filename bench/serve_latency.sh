#!/usr/bin/env bash
# Save → reload-event latency of `site serve` on a generated site, for
# edits, adds, deletes and renames of pages, with the site checked after each
# (bench/latency.py). Prints median and p90 per operation in milliseconds.
#
#   bench/serve_latency.sh [PAGES=10000] [COUNT=20]
#
# Environment:
#   SITE=path    the casewiki binary (default target/dist/site, built with
#                `cargo build --profile dist`)
#   SHAPE=mixed  corpus shape (mixed or wiki, examples/gen_corpus)
#   SEED=42      corpus seed
#   OPS="edit rename add delete"   operations, in order (delete removes the added pages)
set -euo pipefail
PAGES=${1:-10000}
COUNT=${2:-20}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=bench/common.sh
. "$ROOT/bench/common.sh"
if [ -z "${SITE:-}" ]; then
  (cd "$ROOT" && cargo build --quiet --profile dist --bin site)
  SITE="$ROOT/target/dist/site"
fi
SITE=$(realpath "$SITE")
WORK=$(mktemp -d /tmp/casewiki-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

gen_corpus "$ROOT" --pages "$PAGES" --out "$WORK/gen" --seed "${SEED:-42}" --shape "${SHAPE:-mixed}" >&2
echo "$SITE, $PAGES pages (shape ${SHAPE:-mixed}), $COUNT of each operation"
python3 "$ROOT/bench/latency.py" "$SITE" "$WORK/gen/casewiki" "$COUNT"
