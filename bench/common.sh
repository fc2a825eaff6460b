# Shared by the bench scripts (sourced, not run).

# copy_repo_site ROOT DEST: the repository's own site (content, seeds, themes,
# data, site.toml …) without build output and version control, into DEST.
copy_repo_site() {
    mkdir -p "$2"
    (cd "$1" && tar --exclude=./target --exclude=./.git --exclude=./public --exclude=./.public-versions --exclude=./.public.lock -cf - .) | tar -xf - -C "$2"
}

# gen_corpus ROOT ARGS...: runs the benchmark corpus generator
# (examples/gen_corpus, built with the release profile) with ARGS
# (`--pages N --out DIR [--seed S] [--shape mixed|wiki]`).
gen_corpus() {
    local root=$1
    shift
    (cd "$root" && cargo build --quiet --release --example gen_corpus) >&2
    "$root/target/release/examples/gen_corpus" "$@"
}
