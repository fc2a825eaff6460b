//! Integration tests: Markdown syntax itself cannot emit script — heading
//! attributes are limited to `id` and `class` with cleaned values, and link,
//! autolink, reference-link and image URLs keep only `http`, `https`,
//! `mailto`, relative and fragment URLs, whatever the case, whitespace,
//! entities or percent escapes.

use std::path::Path;

use crate::support::{build_ok, read};

fn write(path: &Path, text: &str) {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).expect("mkdir");
    }
    std::fs::write(path, text).expect("write");
}

/// Builds a site (`config` added to `site.toml`) with one page per
/// `(name, body)` and returns each page's HTML.
fn build_pages(config: &str, pages: &[(&str, &str)]) -> Vec<String> {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    write(
        &root.join("site.toml"),
        &format!("title = \"Md\"\n{config}"),
    );
    for (name, body) in pages {
        write(
            &root.join(format!("content/blog/{name}.md")),
            &format!("+++\ntitle = \"{name}\"\ndate = 2024-01-02\n+++\n{body}\n"),
        );
    }
    build_ok(root, &[]);
    pages
        .iter()
        .map(|(name, _)| read(root.join(format!("public/blog/{name}/index.html"))))
        .collect()
}

/// The body of a page: what lies inside `<article …>…</article>` (or all of it).
fn article(html: &str) -> &str {
    let start = html.find("<article").unwrap_or(0);
    let end = html[start..]
        .find("</article>")
        .map_or(html.len(), |e| start + e);
    &html[start..end]
}

/// Every `href` and `src` value in `html`, entities decoded.
fn urls(html: &str) -> Vec<String> {
    let re = regex::Regex::new(r#"(?i)\s(?:href|src)\s*=\s*"([^"]*)""#).expect("regex");
    re.captures_iter(html)
        .map(|c| html_escape::decode_html_entities(&c[1]).into_owned())
        .collect()
}

/// Whether a browser would run `url` as script or open it as an HTML document.
fn dangerous(url: &str) -> bool {
    let squeezed: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    ["javascript:", "vbscript:", "data:"]
        .iter()
        .any(|s| squeezed.starts_with(s))
}

#[test]
fn heading_attributes_are_limited_to_id_and_class() {
    let pages = build_pages(
        "",
        &[(
            "headings",
            "# Title {#intro onfocus=alert(2) tabindex=0 autofocus}\n\n\
         Text.\n\n\
         ## T {onmouseover=alert(1) style=position:fixed;inset:0 .note}\n\n\
         ## Odd {#we!i(r)d .cl@a$ss}\n\nMore.\n",
        )],
    );
    let body = article(&pages[0]);
    let handler = regex::Regex::new(r"(?i)<[^>]*\son[a-z]+\s*=").expect("regex");
    assert!(!handler.is_match(body), "event handler attribute: {body}");
    for attr in ["tabindex", "autofocus", "style="] {
        assert!(!body.contains(attr), "`{attr}` kept: {body}");
    }
    assert!(body.contains("<h1 id=\"intro\">"), "{body}");
    assert!(body.contains("class=\"note\""), "class kept: {body}");
    assert!(
        body.contains("<h2 id=\"weird\" class=\"class\">Odd</h2>"),
        "id and class values cleaned: {body}"
    );
}

/// Links whose URL would run script or open an HTML document.
const BAD_LINKS: &str =
    "[a](javascript:alert(3)) [b]( JavaScript:alert(4)) [c](VBScript:msgbox(5)) \
     [d](data:text/html,alert(6)) [e](java&#x73;cript:alert(7)) \
     [f](java&#9;script:alert(8)) [g](&#106;avascript:alert(9)) \
     [h](javascript%3Aalert(10)) [i](%6Aavascript:alert(11))\n\n\
     <javascript:alert(12)> <VBSCRIPT:x>\n\n\
     [ref one][r1] and [ref two][r2]\n\n\
     [r1]: javascript:alert(13)\n\
     [r2]: <data:text/html;base64,PHNjcmlwdD4=>\n\n\
     ![img](javascript:alert(14)) ![img2](data:text/html,x)\n";

/// Every link of `BAD_LINKS` is still a link, none with a dangerous URL.
fn assert_harmless(html: &str) {
    let bad = article(html);
    let found = urls(bad);
    assert!(
        found.iter().filter(|u| *u == "#").count() >= 14,
        "links kept as links to `#`: {bad}"
    );
    for url in &found {
        assert!(!dangerous(url), "live dangerous URL `{url}` in {bad}");
    }
}

#[test]
fn markdown_links_are_filtered_even_when_raw_html_is_trusted() {
    let pages = build_pages(
        "[markdown]\nunsafe_html = true\n",
        &[("trusted", BAD_LINKS)],
    );
    assert_harmless(&pages[0]);
}

#[test]
fn link_and_image_urls_keep_only_safe_schemes() {
    let pages = build_pages(
        "",
        &[
            ("inline", BAD_LINKS),
            (
                "good",
                "[web](https://example.org/a?b=c#d) [plain](HTTP://example.org/) \
             [mail](mailto:a@example.org) [rel](../inline/) [frag](#top) [q](?x=a:b)\n\n\
             <https://example.com/auto> ![pic](/static/pic.png)\n\n# Top\n",
            ),
        ],
    );
    assert_harmless(&pages[0]);
    let good = article(&pages[1]);
    let found = urls(good);
    for want in [
        "https://example.org/a?b=c#d",
        "HTTP://example.org/",
        "mailto:a@example.org",
        "../inline/",
        "#top",
        "?x=a:b",
        "https://example.com/auto",
        "/static/pic.png",
    ] {
        assert!(found.iter().any(|u| u == want), "`{want}` kept: {found:?}");
    }
}
