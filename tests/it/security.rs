//! Integration tests: untrusted content — raw HTML sanitised (or passed
//! through for a trusted author), feeds and sitemap well-formed XML whatever
//! the titles hold, `date` values validated with file and line, symlinks out
//! of the site never read.

use std::path::Path;

use crate::support::{build_ok, read, run_site, stderr};

fn write(path: &Path, text: &str) {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).expect("mkdir");
    }
    std::fs::write(path, text).expect("write");
}

/// A one-page site with `site.toml` holding `config` and the page `page`.
fn site_with(config: &str, page: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    write(
        &dir.path().join("site.toml"),
        &format!("title = \"Sec\"\nbase_url = \"https://example.com/\"\n{config}"),
    );
    write(&dir.path().join("content/blog/page.md"), page);
    dir
}

const RAW_HTML_PAGE: &str = "+++\ntitle = \"Raw\"\ndate = 2024-01-02\n+++\n\
<details><summary>More</summary>Hidden part</details>\n\n\
Inline <kbd>Ctrl</kbd> and <script>alert(1)</script> and <img src=\"x.png\" onerror=\"alert(2)\">.\n\n\
A [bad link](javascript:alert(3)) and <a href=\"javascript:alert(4)\">another</a>, \
a [good one](https://example.org/) and an ![image](data:text/html,alert(5)).\n\n\
```rust\nfn main() {}\n```\n";

#[test]
fn raw_html_in_content_is_sanitised() {
    let site = site_with("", RAW_HTML_PAGE);
    build_ok(site.path(), &[]);
    let html = read(site.path().join("public/blog/page/index.html"));
    let body = &html;
    assert!(
        body.contains("<details><summary>More</summary>Hidden part</details>"),
        "harmless HTML kept as HTML: {body}"
    );
    assert!(body.contains("<kbd>Ctrl</kbd>"), "{body}");
    assert!(!body.contains("alert(1)"), "script removed with its text");
    assert!(!body.contains("onerror"), "event handlers removed");
    assert!(!body.contains("javascript:"), "javascript: URLs removed");
    assert!(!body.contains("data:text/html"), "data: URLs removed");
    assert!(body.contains("href=\"https://example.org/\""));
    assert!(body.contains("<pre class=\"code\" data-lang=\"rust\">"));
    assert!(body.contains("class=\"hl-"), "highlighting kept");
}

#[test]
fn unsafe_html_option_passes_raw_html_through() {
    let site = site_with("[markdown]\nunsafe_html = true\n", RAW_HTML_PAGE);
    build_ok(site.path(), &[]);
    let html = read(site.path().join("public/blog/page/index.html"));
    assert!(html.contains("<script>alert(1)</script>"), "{html}");
    assert!(html.contains("onerror=\"alert(2)\""));
}

/// Every character of `text` is one XML 1.0 allows.
fn xml_chars_only(text: &str) -> bool {
    text.chars().all(|c| {
        matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}')
            || c >= '\u{10000}'
    })
}

/// Parses `xml` to the end; returns the text of every `<title>`.
fn titles_of(xml: &str) -> Vec<String> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    let (mut titles, mut in_title) = (Vec::new(), false);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => {
                in_title = e.name().as_ref() == "title";
                if in_title {
                    titles.push(String::new());
                }
            }
            Ok(Event::Text(t)) if in_title => {
                if let Some(last) = titles.last_mut() {
                    last.push_str(&t.xml10_content());
                }
            }
            Ok(Event::GeneralRef(r)) if in_title => {
                let name = r.xml10_content();
                let c = quick_xml::escape::resolve_xml_entity(&name).expect("known entity");
                if let Some(last) = titles.last_mut() {
                    last.push_str(c);
                }
            }
            Ok(Event::End(_)) => in_title = false,
            Ok(Event::Eof) => return titles,
            Ok(_) => {}
            Err(e) => panic!(
                "not well-formed at {}: {e}\n{xml}",
                reader.buffer_position()
            ),
        }
    }
}

#[test]
fn feeds_and_sitemap_are_well_formed_xml() {
    let page = "+++\ntitle = \"A \\u0001 & B <b> ]]> \\u001b end\"\n\
                description = \"x < y\\u0008\"\ndate = 2024-01-02T10:00:00+08:00\n\
                tags = [\"t<1>\\u0002\"]\n+++\nBody.\n";
    let site = site_with("", page);
    build_ok(site.path(), &[]);
    let public = site.path().join("public");
    let mut feeds = vec![public.join("atom.xml"), public.join("sitemap.xml")];
    for entry in std::fs::read_dir(public.join("tags")).expect("tags") {
        let dir = entry.expect("entry").path();
        if dir.join("atom.xml").is_file() {
            feeds.push(dir.join("atom.xml"));
        }
    }
    assert!(feeds.len() >= 3, "a tag feed: {feeds:?}");
    for f in &feeds {
        let xml = read(f);
        assert!(
            xml_chars_only(&xml),
            "{} has a character XML forbids",
            f.display()
        );
        titles_of(&xml);
    }
    let feed = read(public.join("atom.xml"));
    let titles = titles_of(&feed);
    assert!(
        titles.iter().any(|t| t == "A  & B <b> ]]>  end"),
        "entry title kept, control characters dropped: {titles:?}"
    );
    assert!(
        feed.contains("<updated>2024-01-02T10:00:00+08:00</updated>"),
        "{feed}"
    );
}

#[test]
fn invalid_dates_are_errors_with_file_and_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    write(&root.join("site.toml"), "title = \"Dates\"\n");
    for (name, text) in [
        (
            "a",
            "+++\ntitle = \"A\"\ndate = \"2024-13-45\"\n+++\nBody\n",
        ),
        (
            "b",
            "---\ntitle: B\ndraft: false\ndate: \"2024-01-02</updated><x/>\"\n---\nBody\n",
        ),
        ("c", "+++\ntitle = \"C\"\ndate = \"yesterday\"\n+++\nBody\n"),
        (
            "ok",
            "+++\ntitle = \"Ok\"\ndate = \"2024-02-29 08:30:00\"\n+++\nBody\n",
        ),
    ] {
        write(&root.join(format!("content/{name}.md")), text);
    }
    let out = run_site(root, &["build"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("content/a.md:3:"), "{err}");
    assert!(err.contains("content/b.md:4:"), "{err}");
    assert!(err.contains("content/c.md:3:"), "{err}");
    assert!(err.contains("date"), "{err}");
    assert!(
        !err.contains("content/ok.md"),
        "a valid datetime passes: {err}"
    );
}

/// A file outside the site whose text must never reach the output.
fn outside_secret() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("secret.md");
    write(
        &file,
        "+++\ntitle = \"Leaked\"\n+++\nSECRET-TOKEN-7731 lives here. SECRET-TOKEN-7731 again.\n",
    );
    (dir, file)
}

#[cfg(unix)]
#[test]
fn symlinks_out_of_the_site_are_not_read() {
    use std::os::unix::fs::symlink;
    let (_outside, secret) = outside_secret();
    let site = site_with("", "+++\ntitle = \"Home page\"\n+++\nHello.\n");
    let root = site.path();
    for (dir, name) in [
        ("seeds", "leak.txt"),
        ("content/wiki", "leak.md"),
        ("static", "leak.txt"),
        ("templates", "leak.html"),
        ("themes/default/templates", "page_list.html"),
    ] {
        std::fs::create_dir_all(root.join(dir)).expect("mkdir");
        symlink(&secret, root.join(dir).join(name)).expect("symlink");
    }
    symlink(secret.parent().expect("dir"), root.join("content/outside")).expect("dir symlink");
    // A symlink that stays inside the site is followed.
    write(&root.join("assets/logo.txt"), "LOGO\n");
    symlink(root.join("assets/logo.txt"), root.join("static/logo.txt")).expect("symlink");
    let out = run_site(root, &["build"]);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    for f in walkdir::WalkDir::new(root)
        .into_iter()
        .filter_map(Result::ok)
    {
        if f.file_type().is_file() {
            let text =
                String::from_utf8_lossy(&std::fs::read(f.path()).expect("read")).into_owned();
            assert!(
                !text.contains("SECRET-TOKEN-7731"),
                "{} holds the secret",
                f.path().display()
            );
        }
    }
    assert!(err.contains("seeds/leak.txt"), "warned: {err}");
    assert!(err.contains("content/wiki/leak.md"), "warned: {err}");
    assert!(err.contains("outside the site"), "{err}");
    assert_eq!(read(root.join("public/logo.txt")), "LOGO\n");
}
