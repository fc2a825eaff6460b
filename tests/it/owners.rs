//! Integration tests: one owner per output path — a URL alias, a slug or a
//! generated file that would write where another page writes fails the build
//! with an error naming both sources, and the published site stays as it was.

use std::path::Path;

use crate::support::{build_ok, read, run_site, stderr};

fn write(path: &Path, text: &str) {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).expect("mkdir");
    }
    std::fs::write(path, text).expect("write");
}

/// A site with `site.toml` and the given `content/` files.
fn site(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    write(&dir.path().join("site.toml"), "title = \"Owners\"\n");
    for (rel, text) in files {
        write(&dir.path().join("content").join(rel), text);
    }
    dir
}

fn page(title: &str, extra: &str) -> String {
    format!("+++\ntitle = \"{title}\"\n{extra}+++\n{title} body text.\n")
}

/// Builds, expects failure, returns stderr.
fn build_fails(root: &Path) -> String {
    let out = run_site(root, &["build"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "build must fail: {err}");
    err
}

/// The error lines of `err` that mention `needle`.
fn errors_with<'a>(err: &'a str, needle: &str) -> Vec<&'a str> {
    err.lines()
        .filter(|l| l.starts_with("error:") && l.contains(needle))
        .collect()
}

#[test]
fn an_alias_onto_a_page_is_an_error_naming_both() {
    let s = site(&[
        ("wiki/lei-jun.md", &page("Lei Jun", "")),
        (
            "wiki/other.md",
            &page("Other", "aliases = [\"/wiki/lei-jun/\"]\n"),
        ),
    ]);
    let err = build_fails(s.path());
    let lines = errors_with(&err, "content/wiki/other.md:3:");
    assert!(
        lines.iter().any(|l| l.contains("content/wiki/lei-jun.md")),
        "names the alias's file and line and the page it would replace: {err}"
    );
    assert!(!s.path().join("public/wiki/lei-jun/index.html").exists());
}

#[test]
fn an_alias_onto_the_home_page_is_an_error() {
    let s = site(&[("blog/a.md", &page("A", "")), ("blog/b.md", &page("B", ""))]);
    build_ok(s.path(), &[]);
    let home = read(s.path().join("public/index.html"));
    write(
        &s.path().join("content/blog/b.md"),
        &page("B", "aliases = [\"/index.html\"]\n"),
    );
    let err = build_fails(s.path());
    let lines = errors_with(&err, "content/blog/b.md:3:");
    assert!(
        lines
            .iter()
            .any(|l| l.contains("index.html") && l.contains("home page")),
        "{err}"
    );
    assert_eq!(read(s.path().join("public/index.html")), home, "home kept");
}

#[test]
fn duplicate_slugs_are_an_error_naming_both_files() {
    let s = site(&[
        ("blog/first.md", &page("First", "slug = \"same\"\n")),
        ("blog/second.md", &page("Second", "slug = \"same\"\n")),
        ("blog/a b.md", &page("Spaced", "")),
        ("blog/A-B.md", &page("Dashed", "")),
    ]);
    let err = build_fails(s.path());
    let same = errors_with(&err, "blog/same/");
    assert!(
        same.iter()
            .any(|l| l.contains("content/blog/first.md") && l.contains("content/blog/second.md")),
        "{err}"
    );
    let ab = errors_with(&err, "blog/a-b/");
    assert!(
        ab.iter()
            .any(|l| l.contains("content/blog/a b.md") && l.contains("content/blog/A-B.md")),
        "{err}"
    );
}

#[test]
fn a_page_where_a_generated_file_goes_is_an_error() {
    let s = site(&[
        ("tags.md", &page("My tags", "tags = [\"x\"]\n")),
        ("blog/a.md", &page("A", "aliases = [\"/atom.xml\"]\n")),
    ]);
    let err = build_fails(s.path());
    assert!(
        errors_with(&err, "content/tags.md")
            .iter()
            .any(|l| l.contains("tags/index.html") && l.contains("tag list")),
        "{err}"
    );
    assert!(
        errors_with(&err, "content/blog/a.md:3:")
            .iter()
            .any(|l| l.contains("atom.xml") && l.contains("feed")),
        "{err}"
    );
}

#[test]
fn an_alias_leaving_the_output_names_the_content_file() {
    let s = site(&[("blog/a.md", &page("A", "aliases = [\"/../../escape/\"]\n"))]);
    let err = build_fails(s.path());
    assert!(
        !errors_with(&err, "content/blog/a.md:3:").is_empty(),
        "names the .md file and the aliases line: {err}"
    );
    assert!(!err.contains(".public-versions"), "no staging path: {err}");
    assert!(!s.path().join("../escape").exists());
}
