# Shared by the bench scripts (sourced, not run).

# copy_repo_site ROOT DEST: the repository's own site (content, seeds, themes,
# data, site.toml …) without build output and version control, into DEST.
copy_repo_site() {
    mkdir -p "$2"
    (cd "$1" && tar --exclude=./target --exclude=./.git --exclude=./public --exclude=./.public-versions --exclude=./.public.lock -cf - .) | tar -xf - -C "$2"
}
