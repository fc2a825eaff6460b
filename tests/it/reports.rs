//! Integration tests: how problems are reported — control characters in
//! front matter stripped with a warning naming file and line, invalid UTF-8
//! as line:column, a template runtime error once, mutually recursive
//! includes as recursion, a missing `template` against the content file.

use std::path::Path;

use crate::support::{build_ok, read, run_site, stderr};

fn write(path: &Path, bytes: &[u8]) {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).expect("mkdir");
    }
    std::fs::write(path, bytes).expect("write");
}

/// A site with `site.toml` and the given files (paths from the site root).
fn site(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    write(&dir.path().join("site.toml"), b"title = \"Reports\"\n");
    for (rel, bytes) in files {
        write(&dir.path().join(rel), bytes);
    }
    dir
}

fn build_fails(root: &Path) -> String {
    let out = run_site(root, &["build"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "build must fail: {err}");
    err
}

#[test]
fn control_characters_in_front_matter_are_stripped_with_a_warning() {
    let s = site(&[
        (
            "content/blog/nul.md",
            b"+++\ntitle = \"Nul\\u0000Title\\u0007\"\ndate = 2024-01-02\ndescription = \"ok\"\ntags = [\"t\\u001b1\"]\n+++\nBody.\n",
        ),
        (
            "content/blog/yaml.md",
            b"---\ntitle: \"Y\\0aml\"\n---\nBody.\n",
        ),
    ]);
    let out = run_site(s.path(), &["build"]);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    let warned = |prefix: &str| {
        err.lines().any(|l| {
            l.starts_with(&format!("warning: {prefix}")) && l.contains("control character")
        })
    };
    assert!(warned("content/blog/nul.md:2:"), "title line: {err}");
    assert!(warned("content/blog/nul.md:5:"), "tags line: {err}");
    assert!(warned("content/blog/yaml.md:2:"), "{err}");
    let html = read(s.path().join("public/blog/nul/index.html"));
    assert!(html.contains("NulTitle"), "stripped, not escaped");
    let feed = read(s.path().join("public/atom.xml"));
    assert!(feed.contains("<title>NulTitle</title>"), "{feed}");
    assert!(!feed.chars().any(|c| c < ' ' && !"\t\n\r".contains(c)));
    assert!(s.path().join("public/tags/t1/index.html").is_file());
}

#[test]
fn invalid_utf8_is_reported_as_line_and_column() {
    let s = site(&[(
        "content/blog/bad.md",
        b"+++\ntitle = \"Bad\"\n+++\nline one\n\xe5\xb0\x8fab\xffcd\n",
    )]);
    let err = build_fails(s.path());
    assert!(
        err.contains("error: content/blog/bad.md:5:4: "),
        "line 5, column 4 (characters, not bytes): {err}"
    );
    assert!(err.contains("UTF-8"), "{err}");
    assert!(!err.contains("from index"), "no byte index: {err}");
}

#[test]
fn a_template_runtime_error_is_reported_once() {
    let mut files: Vec<(String, Vec<u8>)> = vec![(
        "templates/page.html".into(),
        b"<html>{{ page.title | round }}</html>\n".to_vec(),
    )];
    for i in 0..12 {
        files.push((
            format!("content/blog/p{i}.md"),
            format!("+++\ntitle = \"P{i}\"\n+++\nBody {i}.\n").into_bytes(),
        ));
    }
    let refs: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(p, b)| (p.as_str(), b.as_slice()))
        .collect();
    let s = site(&refs);
    let err = build_fails(s.path());
    let lines: Vec<&str> = err
        .lines()
        .filter(|l| l.starts_with("error: templates/page.html"))
        .collect();
    assert_eq!(lines.len(), 1, "one line for the template: {err}");
}

#[test]
fn mutually_recursive_includes_are_reported_as_recursion() {
    let s = site(&[
        ("content/blog/a.md", b"+++\ntitle = \"A\"\n+++\nBody.\n"),
        ("templates/a.html", b"A {% include \"b.html\" %}\n"),
        ("templates/b.html", b"B\n{% include \"a.html\" %}\n"),
        (
            "templates/page.html",
            b"<html>{% include \"a.html\" %}</html>\n",
        ),
    ]);
    let err = build_fails(s.path());
    assert!(!err.contains("Unknown template"), "{err}");
    let line = err
        .lines()
        .find(|l| l.starts_with("error: templates/"))
        .unwrap_or_default();
    assert!(line.contains("a.html") && line.contains("b.html"), "{err}");
    assert!(
        line.contains("recursi") || line.contains("each other"),
        "{err}"
    );
}

#[test]
fn a_missing_template_is_reported_against_the_content_file() {
    let s = site(&[(
        "content/blog/a.md",
        b"+++\ntitle = \"A\"\ntemplate = \"nope.html\"\n+++\nBody.\n",
    )]);
    let err = build_fails(s.path());
    assert!(
        err.lines()
            .any(|l| l.starts_with("error: content/blog/a.md:3:") && l.contains("nope.html")),
        "{err}"
    );
    assert!(!err.contains("error: nope.html"), "{err}");
}

#[test]
fn a_good_site_still_builds() {
    let s = site(&[("content/blog/a.md", b"+++\ntitle = \"A\"\n+++\nBody.\n")]);
    build_ok(s.path(), &[]);
}
