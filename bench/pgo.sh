#!/usr/bin/env bash
# Builds a profile-guided (PGO) binary of casewiki with the `dist` profile
# (fat LTO, one codegen unit) and prints its path.
#
# 1. An instrumented dist build (`-Cprofile-generate`).
# 2. A training run: a generated corpus with another seed and size than
#    bench/compare.sh measures (so the profile is not fitted to the measured
#    pages), built twice, plus a cold build of a copy of this repository's
#    own seed site (ingest of raw articles, entity pages, Chinese and English).
# 3. `llvm-profdata merge`, then the dist build with `-Cprofile-use`.
#
# `cargo build --release` stays the quick everyday build; this is the
# optimised build published binaries are, as rustc and many Rust tools ship theirs.
# Only Rust code is profiled (C dependencies — Oniguruma, jemalloc, zstd — are
# built as usual).
#
# Usage: bench/pgo.sh            → prints target/pgo/<host>/dist/site
# Environment:
#   TRAIN_PAGES=3000  pages in the training corpus
#   TRAIN_SEED=7      its seed (bench/compare.sh uses 42)
#   WORK=dir          scratch folder (default /dev/shm/casewiki-pgo)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TRAIN_PAGES=${TRAIN_PAGES:-3000}
TRAIN_SEED=${TRAIN_SEED:-7}
WORK=${WORK:-/dev/shm/casewiki-pgo}
HOST=$(rustc -vV | sed -n 's/^host: //p')
# shellcheck source=bench/common.sh
. "$ROOT/bench/common.sh"

log() { printf 'pgo: %s\n' "$*" >&2; }

# llvm-profdata from the toolchain's llvm-tools component, which matches
# rustc's LLVM (Debian 12's llvm-profdata 14 rejects the profiles:
# "unsupported instrumentation profile format version").
profdata() {
    local tool
    tool="$(rustc --print sysroot)/lib/rustlib/$HOST/bin/llvm-profdata"
    if [ ! -x "$tool" ]; then
        log "installing llvm-tools (rustup component add llvm-tools)"
        rustup component add llvm-tools >&2
    fi
    [ -x "$tool" ] || { log "no llvm-profdata at $tool"; exit 1; }
    printf '%s\n' "$tool"
}

# cargo_build TARGET_DIR RUSTFLAGS: a dist build of the `site` binary.
# `--target` keeps RUSTFLAGS off build scripts and proc macros.
cargo_build() {
    (cd "$ROOT" && RUSTFLAGS="$2" cargo build --profile dist --bin site --target "$HOST" \
        --target-dir "$1" >&2)
}

train() {
    local bin=$1 corpus=$WORK/corpus seed_site=$WORK/seed-site
    log "training on $TRAIN_PAGES generated pages (seed $TRAIN_SEED) and the seed site"
    rm -rf "$corpus" "$seed_site"
    gen_corpus "$ROOT" --pages "$TRAIN_PAGES" --out "$corpus" --seed "$TRAIN_SEED" >/dev/null
    for _ in 1 2; do
        rm -rf "$WORK/out"
        "$bin" build --root "$corpus/casewiki" --output "$WORK/out" >/dev/null
    done
    copy_repo_site "$ROOT" "$seed_site"
    rm -rf "$seed_site/content/case-studies"
    "$bin" build --root "$seed_site" --output "$seed_site/public" >/dev/null
    "$bin" check --root "$seed_site" >/dev/null
}

main() {
    local tool profiles=$WORK/profiles
    tool=$(profdata)
    mkdir -p "$WORK"
    rm -rf "$profiles"
    log "instrumented build"
    cargo_build "$ROOT/target/pgo-gen" "-Cprofile-generate=$profiles"
    train "$ROOT/target/pgo-gen/$HOST/dist/site"
    "$tool" merge -o "$WORK/merged.profdata" "$profiles"
    log "optimised build"
    cargo_build "$ROOT/target/pgo" "-Cprofile-use=$WORK/merged.profdata"
    printf '%s\n' "$ROOT/target/pgo/$HOST/dist/site"
}

main "$@"
