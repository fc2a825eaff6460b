//! Integration tests: entity links, wikilinks, backlinks, related pages,
//! timeline, graph and `site check`.

use crate::support::{build_ok, fixture, read, run_site, stderr, stdout};

fn built_wiki() -> (tempfile::TempDir, std::path::PathBuf) {
    let site = fixture(&["wiki"]);
    build_ok(site.path(), &[]);
    let public = site.path().join("public");
    (site, public)
}

/// The article body of a built page (between `<div class="content">` and its end).
fn content(html: &str) -> &str {
    let start = html.find("<div class=\"content\">").expect("content div");
    let end = html[start..]
        .find("</div>")
        .map(|e| start + e)
        .expect("content end");
    &html[start..end]
}

#[test]
fn first_mention_per_section_links_to_entity() {
    let (_site, public) = built_wiki();
    let html = read(public.join("case-studies/english/index.html"));
    let body = content(&html);
    assert_eq!(
        body.matches("class=\"entity-link\" href=\"/wiki/lei-jun/\"")
            .count(),
        1,
        "once per section: {body}"
    );
    assert!(body.contains("class=\"entity-link\" href=\"/wiki/word-of-mouth/\">word of mouth</a>"));
    assert_eq!(
        body.matches("class=\"entity-link\" href=\"/wiki/miui/\">MIUI</a>")
            .count(),
        2,
        "first mention in each of the two sections: {body}"
    );
}

#[test]
fn a_written_link_is_the_sections_mention() {
    let site = fixture(&["wiki"]);
    std::fs::write(
        site.path().join("content/case-studies/written.md"),
        "+++\ntitle = \"Written\"\n+++\n[Lei Jun](../wiki/lei-jun.md) founded it; Lei Jun said so.\n\n## Later\n\nLei Jun again.\n",
    )
    .expect("write page");
    build_ok(site.path(), &[]);
    let html = read(site.path().join("public/case-studies/written/index.html"));
    let body = content(&html);
    assert_eq!(
        body.matches("href=\"/wiki/lei-jun/\"").count(),
        2,
        "the written link, then one automatic link in the next section: {body}"
    );
}

#[test]
fn no_links_inside_headings_code_or_word_parts() {
    let (_site, public) = built_wiki();
    let html = read(public.join("case-studies/english/index.html"));
    let body = content(&html);
    assert!(body.contains("MIUIs are not"), "MIUIs is no link: {body}");
    assert!(!body.contains(">MIUI</a>s"));
    let heading = body
        .split("<h2")
        .nth(1)
        .and_then(|h| h.split("</h2>").next())
        .expect("h2");
    assert!(!heading.contains("<a"), "no links in headings: {heading}");
    assert!(body.contains("<code>MIUI</code>"), "inline code untouched");
    assert!(body.contains("MIUI inside a code block"));
    assert!(!body.contains("<a class=\"entity-link\" href=\"/wiki/miui/\">MIUI</a> inside"));
}

#[test]
fn never_links_a_page_to_itself() {
    let (_site, public) = built_wiki();
    let html = read(public.join("wiki/miui/index.html"));
    assert!(!content(&html).contains("href=\"/wiki/miui/\""));
}

#[test]
fn chinese_mentions_link_without_spaces_leftmost_longest() {
    let (_site, public) = built_wiki();
    let html = read(public.join("case-studies/chinese/index.html"));
    let body = content(&html);
    assert!(body.contains("href=\"/wiki/lei-jun/\">雷军</a>"), "{body}");
    assert!(
        body.contains("href=\"/wiki/word-of-mouth/\">口碑营销</a>"),
        "longest alias wins: {body}"
    );
    assert!(body.contains("href=\"/wiki/miui/\">米柚</a>"));
}

#[test]
fn wikilinks_and_markdown_links_resolve() {
    let (_site, public) = built_wiki();
    let html = read(public.join("case-studies/english/index.html"));
    assert!(
        html.contains("href=\"/wiki/lei-jun/#career\""),
        "wikilink with an anchor"
    );
    assert!(
        html.contains("<a href=\"/wiki/lei-jun/\">the founder</a>"),
        "alias + label"
    );
    assert!(
        html.contains("<a href=\"/wiki/miui/\">plain link to MIUI</a>"),
        "relative .md link"
    );
}

#[test]
fn wikilinks_find_names_across_case_hyphens_and_spaces() {
    let (_site, public) = built_wiki();
    let html = read(public.join("case-studies/unrelated/index.html"));
    assert!(
        html.contains("<a href=\"/wiki/word-of-mouth/\">neighbours talking</a>"),
        "[[Word-Of-Mouth]] is the page titled Word of mouth"
    );
}

#[test]
fn backlinks_from_every_kind_of_link() {
    let (_site, public) = built_wiki();
    let lei = read(public.join("wiki/lei-jun/index.html"));
    let backlinks = lei
        .split("class=\"backlinks\"")
        .nth(1)
        .expect("backlinks section");
    assert!(
        backlinks.contains("/case-studies/english/"),
        "wikilink + mention"
    );
    assert!(
        backlinks.contains("/case-studies/chinese/"),
        "automatic mention"
    );
    let miui = read(public.join("wiki/miui/index.html"));
    let backlinks = miui
        .split("class=\"backlinks\"")
        .nth(1)
        .expect("backlinks section");
    assert!(
        backlinks.contains("/case-studies/english/"),
        "markdown link"
    );
}

#[test]
fn entity_pages_list_mentions_in_both_languages() {
    let (_site, public) = built_wiki();
    let html = read(public.join("wiki/word-of-mouth/index.html"));
    let mentions = html
        .split("class=\"mentions\"")
        .nth(1)
        .expect("mentions section");
    assert!(mentions.contains("Lei Jun and word of mouth"));
    assert!(mentions.contains("雷军与口碑营销"));
    assert!(
        mentions.contains("口碑营销是核心"),
        "snippet around the mention"
    );
}

#[test]
fn related_pages_cross_languages() {
    let (_site, public) = built_wiki();
    let html = read(public.join("case-studies/english/index.html"));
    let related = html
        .split("class=\"related\"")
        .nth(1)
        .expect("related section");
    let first = related
        .find("/case-studies/chinese/")
        .expect("Chinese study is related");
    if let Some(other) = related.find("/case-studies/unrelated/") {
        assert!(first < other, "the shared-entity study ranks first");
    }
}

#[test]
fn timeline_is_in_date_order() {
    let (_site, public) = built_wiki();
    let html = read(public.join("timeline/index.html"));
    let pos = |s: &str| {
        html.find(s)
            .unwrap_or_else(|| panic!("{s} on the timeline"))
    };
    assert!(pos("datetime=\"1999\"") < pos("datetime=\"2010-04-06\""));
    assert!(pos("datetime=\"2010-04-06\"") < pos("datetime=\"2012-05-18\""));
    assert!(pos("datetime=\"2012-05-18\"") < pos("datetime=\"2014\""));
    assert!(
        html.contains("2012年5月18日发布。"),
        "the sentence it came from"
    );
}

#[test]
fn graph_is_static_svg_with_links() {
    let (_site, public) = built_wiki();
    let html = read(public.join("graph/index.html"));
    assert!(html.contains("<svg class=\"graph\""));
    assert!(html.contains("<a href=\"/wiki/lei-jun/\">"));
    assert!(html.contains(">雷军与口碑营销</text>"), "Chinese labels");
    assert!(!html.contains("<script>alert"), "no injected script");
    let page = read(public.join("case-studies/english/index.html"));
    assert!(page.contains("class=\"neighbourhood\""));
}

#[test]
fn check_passes_on_a_clean_site() {
    let site = fixture(&["wiki"]);
    let out = run_site(site.path(), &["check"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("All internal links"));
}

#[test]
fn check_and_build_report_broken_links_and_anchors_with_lines() {
    let site = fixture(&["wiki", "wiki-broken"]);
    let out = run_site(site.path(), &["check"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("content/broken.md:6: broken link `No Such Page`"),
        "{err}"
    );
    assert!(
        err.contains("content/broken.md:8: broken link `missing.md`"),
        "{err}"
    );
    assert!(
        err.contains("content/broken.md:8: link to unknown anchor `#no-such-anchor`"),
        "{err}"
    );
    let build = run_site(site.path(), &["build"]);
    assert!(!build.status.success(), "build fails on broken links too");
    assert!(stderr(&build).contains("content/broken.md:6"));
}
