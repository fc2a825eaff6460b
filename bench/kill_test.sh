#!/usr/bin/env bash
# Kills `site build` at random moments and checks, after each kill, that
# public/ is the complete old site or the complete new one (file list and
# SHA-256 of every file against the two known sites), and that the next,
# uninterrupted build leaves no staging folder or link behind.
#
#   bench/kill_test.sh                 # 2,000 pages, 50 kills, target/release/site
#   SITE=target/debug/site KILLS=10 PAGES=500 bench/kill_test.sh
set -euo pipefail
ROOT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=bench/common.sh
. "$ROOT_DIR/bench/common.sh"

SITE=${SITE:-target/release/site}
PAGES=${PAGES:-2000}
KILLS=${KILLS:-50}
SEED=${SEED:-$RANDOM}
SITE=$(realpath "$SITE")
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
RANDOM=$SEED

gen_corpus "$ROOT_DIR" --pages "$PAGES" --out "$WORK/corpus" >/dev/null
ROOT="$WORK/corpus/casewiki"

# The two sites a build can publish: titles A and B.
set_title() { sed -i "s/^title = .*/title = \"kill test $1\"/" "$ROOT/site.toml"; }
manifest() { (cd "$ROOT/public/" && find -L . -type f -print0 | sort -z | xargs -0 sha256sum); }
build() { "$SITE" --root "$ROOT" build >/dev/null; }

set_title B; build; manifest >"$WORK/B"
set_title A; start=$(date +%s%N); build; took=$(( ($(date +%s%N) - start) / 1000000 ))
manifest >"$WORK/A"
cmp -s "$WORK/A" "$WORK/B" && { echo "the two sites do not differ"; exit 1; }
echo "corpus: $PAGES pages, $(wc -l <"$WORK/A") files; a build takes ${took} ms; seed $SEED"

clean_after_build() {
  local versions stray
  versions=$(ls -A "$ROOT/.public-versions" | wc -l)
  stray=$(find "$ROOT" -maxdepth 1 -name '.public.*' ! -name .public.lock | wc -l)
  [[ $versions -eq 1 && $stray -eq 0 ]]
}

ok=0
current=A
for i in $(seq 1 "$KILLS"); do
  next=$([[ $current == A ]] && echo B || echo A)
  set_title "$next"
  delay=$(( RANDOM % (took + took / 5 + 1) ))
  "$SITE" --root "$ROOT" build >/dev/null 2>&1 &
  pid=$!
  sleep "$(printf '0.%03d' $((delay % 1000)))"
  sleep $((delay / 1000))
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  manifest >"$WORK/now"
  if cmp -s "$WORK/now" "$WORK/A"; then seen=A
  elif cmp -s "$WORK/now" "$WORK/B"; then seen=B
  else echo "kill $i after ${delay} ms: public/ is neither site"; continue
  fi
  build
  manifest >"$WORK/now"
  if cmp -s "$WORK/now" "$WORK/$next" && clean_after_build; then
    ok=$((ok + 1))
    echo "kill $i after ${delay} ms: public/ was $seen; the next build published $next and left no staging folder"
  else
    echo "kill $i after ${delay} ms: the next build left $(ls -A "$ROOT/.public-versions" | wc -l) versions or a stray link"
  fi
  current=$next
done
echo "$ok/$KILLS"
[[ $ok -eq $KILLS ]]
