#!/usr/bin/env bash
# Builds the same generated corpus with casewiki, Hugo and (if ZOLA is set) Zola
# and prints median wall time, CPU time (user+sys), core utilisation and peak RSS,
# plus the ratios casewiki / Hugo and casewiki / Zola. Then a cold build of the
# repository's own seed site.
#
# Usage: bench/compare.sh
# Environment:
#   PAGES=10000     pages in the generated corpus
#   SHAPE=mixed     corpus shape (examples/gen_corpus): mixed or wiki
#   RUNS=5          measured builds per tool (after one unmeasured warm-up),
#                   taken in turns across the tools
#   SEED=42         corpus seed
#   ZOLA=/path      a Zola binary (skipped when unset)
#   SITE=path       the casewiki binary (default target/dist/site, built with
#                   `cargo build --profile dist`)
#   SITE_BASE=path  another casewiki binary measured beside it (a baseline)
#   PGO=1           also measure a profile-guided build (made by bench/pgo.sh)
#   SITE_PGO=path   that PGO binary, if already built (implies PGO=1)
#   WORK=dir        scratch folder on tmpfs (default /dev/shm/casewiki-bench)
#   TOOLS="casewiki hugo zola"   which generators to run
#   SKIP_SEED_SITE=1             skip the seed-site cold build
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PAGES=${PAGES:-10000}
RUNS=${RUNS:-5}
SEED=${SEED:-42}
SHAPE=${SHAPE:-mixed}
SITE=${SITE:-$ROOT/target/dist/site}
SITE_BASE=${SITE_BASE:-}
WORK=${WORK:-/dev/shm/casewiki-bench}
SITE_PGO=${SITE_PGO:-}
[ -n "$SITE_PGO" ] && PGO=1
PGO=${PGO:-}
if [ -n "$PGO" ]; then
    TOOLS=${TOOLS:-casewiki casewiki-pgo casewiki-base hugo zola}
else
    TOOLS=${TOOLS:-casewiki casewiki-base hugo zola}
fi
CORPUS=$WORK/corpus-$SHAPE
RESULTS=$WORK/results.tsv
# shellcheck source=bench/common.sh
. "$ROOT/bench/common.sh"

log() { printf '%s\n' "$*" >&2; }

ensure_hugo() {
    command -v hugo >/dev/null && return 0
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        log "installing hugo (apt-get)"
        apt-get update -qq && apt-get install -y -qq hugo >/dev/null
    fi
    command -v hugo >/dev/null || { log "hugo not available; skipping it"; return 1; }
}

ensure_site() {
    if [ "$SITE" = "$ROOT/target/dist/site" ]; then
        log "building $SITE (cargo build --profile dist)"
        (cd "$ROOT" && cargo build --profile dist --bin site)
    fi
    if [ -n "$PGO" ] && [ -z "$SITE_PGO" ]; then
        log "building a PGO binary (bench/pgo.sh)"
        SITE_PGO=$("$ROOT/bench/pgo.sh")
    fi
}

# measure OUTFILE CMD...: runs CMD, writes "wall user sys maxrss_kb" to OUTFILE.
measure() {
    local out=$1
    shift
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -f '%e %U %S %M' -o "$out" "$@" >/dev/null
    else
        python3 "$ROOT/bench/measure.py" "$out" "$@" >/dev/null
    fi
}

generate_corpus() {
    log "generating $PAGES pages (seed $SEED, shape $SHAPE) into $CORPUS"
    gen_corpus "$ROOT" --pages "$PAGES" --out "$CORPUS" --seed "$SEED" --shape "$SHAPE" >&2
}

# Zola 0.22 renamed the highlighting keys; older versions read config-legacy.toml.
zola_config() {
    local version minor
    version=$("$ZOLA" --version | awk '{print $2}')
    minor=$(printf '%s' "$version" | cut -d. -f2)
    if [ "${version%%.*}" = 0 ] && [ "$minor" -lt 22 ]; then
        echo config-legacy.toml
    else
        echo config.toml
    fi
}

# build_cmd TOOL OUTDIR: prints nothing, sets the global array CMD.
build_cmd() {
    local tool=$1 out=$2 src=$CORPUS/${1%%-*}
    case $tool in
        casewiki) CMD=("$SITE" build --root "$src" --output "$out") ;;
        casewiki-pgo) CMD=("$SITE_PGO" build --root "$src" --output "$out") ;;
        casewiki-base) CMD=("$SITE_BASE" build --root "$src" --output "$out") ;;
        hugo) CMD=(hugo --quiet --source "$src" --destination "$out" --cacheDir "$WORK/hugo-cache") ;;
        zola) CMD=("$ZOLA" --root "$src" --config "$src/$(zola_config)" build --output-dir "$out") ;;
    esac
}

# warm_up TOOL: one unmeasured build; records the label and HTML file count.
declare -A LABEL FILES
warm_up() {
    local tool=$1 label=$2 out=$WORK/out/$1
    build_cmd "$tool" "$out"
    log "$label: ${CMD[*]}"
    rm -rf "$out"
    "${CMD[@]}" >/dev/null || { log "$label: build failed"; return 1; }
    LABEL[$tool]=$label
    FILES[$tool]=$(find "$out/" -name '*.html' | wc -l)
}

# measure_once TOOL: one measured build, appended to RESULTS.
measure_once() {
    local tool=$1 out=$WORK/out/$1
    build_cmd "$tool" "$out"
    rm -rf "$out"
    measure "$WORK/m.txt" "${CMD[@]}" || { log "${LABEL[$tool]}: build failed"; return 1; }
    printf '%s\t%s\t%s\n' "${LABEL[$tool]}" "${FILES[$tool]}" "$(tr ' ' '\t' <"$WORK/m.txt")" >>"$RESULTS"
}

# Every tool is warmed up, then the measured builds take turns (casewiki,
# Hugo, Zola, casewiki, …) so a change in the machine's speed during the
# run (common on shared VMs) weighs on every tool alike.
run_tools() {
    local ready=() tool i
    for tool in $TOOLS; do
        case $tool in
            casewiki) warm_up casewiki casewiki && ready+=(casewiki) ;;
            casewiki-pgo) [ -n "$SITE_PGO" ] && warm_up casewiki-pgo "casewiki (PGO)" && ready+=(casewiki-pgo) ;;
            casewiki-base) [ -n "$SITE_BASE" ] && warm_up casewiki-base "casewiki (base)" && ready+=(casewiki-base) ;;
            hugo) ensure_hugo && warm_up hugo "hugo $(hugo version | awk '{print $2}' | cut -d+ -f1)" && ready+=(hugo) ;;
            zola) if [ -n "${ZOLA:-}" ]; then warm_up zola zola && ready+=(zola); else log "ZOLA not set; skipping zola"; fi ;;
        esac
    done
    for i in $(seq 1 "$RUNS"); do
        for tool in "${ready[@]}"; do
            measure_once "$tool" || true
        done
    done
}

# Cold build of the repository's own site (seeds → wiki), copied to tmpfs each run.
run_seed_site() {
    local bin=$1 label=$2 src=$WORK/seed-site i
    log "$label: cold builds of $ROOT (copied to $src)"
    for i in $(seq 1 "$RUNS"); do
        rm -rf "$src"
        copy_repo_site "$ROOT" "$src"
        measure "$WORK/m.txt" "$bin" build --root "$src" --output "$src/public" ||
            { log "$label: build failed"; return 1; }
        local files
        files=$(find "$src/public/" -name '*.html' | wc -l)
        printf '%s\t%s\t%s\n' "$label" "$files" "$(tr ' ' '\t' <"$WORK/m.txt")" >>"$RESULTS"
    done
}

# Medians per tool and the ratios against casewiki, as an aligned table.
report() {
    awk -F'\t' '
    function median(list,   n, a, i, j, t) {
        n = split(list, a, " ")
        for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] + 0 > t + 0; j--) a[j + 1] = a[j]; a[j + 1] = t }
        return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    {
        if (!($1 in files)) order[++count] = $1
        files[$1] = $2; wall[$1] = wall[$1] " " $3; cpu[$1] = cpu[$1] " " ($4 + $5)
        util[$1] = util[$1] " " (($3 > 0) ? ($4 + $5) / $3 : 0); rss[$1] = rss[$1] " " $6
        runs[$1]++
    }
    END {
        printf "%-28s %6s %5s %10s %10s %6s %10s\n", "tool", "html", "runs", "wall s", "cpu s", "cores", "rss MiB"
        for (k = 1; k <= count; k++) {
            t = order[k]
            W[t] = median(wall[t]); C[t] = median(cpu[t]); R[t] = median(rss[t]) / 1024
            printf "%-28s %6d %5d %10.2f %10.2f %6.2f %10.1f\n", t, files[t], runs[t], W[t], C[t], median(util[t]), R[t]
        }
        print ""
        printf "%-34s %10s %10s %10s\n", "ratio", "wall", "cpu", "rss"
        for (m = 1; m <= count; m++) {
            c = order[m]
            if (c !~ /^casewiki/) continue
            for (k = 1; k <= count; k++) {
                t = order[k]
                # Against the other generators, and against the baseline casewiki.
                if (t == c || (t ~ /^casewiki/ && t != "casewiki (base)") || t ~ /seed/ || W[t] * C[t] * R[t] == 0) continue
                printf "%-34s %10.2f %10.2f %10.2f\n", c " / " t, W[c] / W[t], C[c] / C[t], R[c] / R[t]
            }
        }
    }' "$RESULTS"
}

main() {
    mkdir -p "$WORK"
    : >"$RESULTS"
    log "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
    log "corpus: $PAGES pages, shape $SHAPE, seed $SEED"
    ensure_site
    generate_corpus
    run_tools
    if [ -z "${SKIP_SEED_SITE:-}" ]; then
        run_seed_site "$SITE" "seed site (cold)" || true
        [ -z "$SITE_PGO" ] || run_seed_site "$SITE_PGO" "seed site (cold, PGO)" || true
        [ -z "$SITE_BASE" ] || run_seed_site "$SITE_BASE" "seed site (cold, base)" || true
    fi
    log "raw results: $RESULTS"
    report
}

main "$@"
