//! Integration tests: `site build` on small fixture sites.

use crate::support::links::broken_links;
use crate::support::{build_ok, fixture, read, run_site, stderr};

#[test]
fn builds_pages_from_toml_yaml_and_zola_front_matter() {
    let site = fixture(&["basic"]);
    let out = build_ok(site.path(), &[]);
    assert!(out.contains("Built 5 pages, 4 tags"), "{out}");
    let public = site.path().join("public");
    let toml = read(public.join("case-studies/toml-page/index.html"));
    assert!(toml.contains("<h1>A TOML page about Acme</h1>"));
    let yaml = read(public.join("case-studies/yaml-page/index.html"));
    assert!(yaml.contains("YAML 页面：口碑传播"));
    assert!(
        yaml.contains("<html lang=\"zh\""),
        "lang attribute per page"
    );
    let zola = read(public.join("blog/zola-style/index.html"));
    assert!(zola.contains("Zola style page"));
    assert!(
        zola.contains("href=\"/case-studies/toml-page/\""),
        "@/ links resolve"
    );
}

#[test]
fn markdown_extensions_and_heading_ids() {
    let site = fixture(&["basic"]);
    build_ok(site.path(), &[]);
    let public = site.path().join("public");
    let html = read(public.join("case-studies/toml-page/index.html"));
    assert!(html.contains("<table>"), "tables");
    assert!(html.contains("<del>strike</del>"), "strikethrough");
    assert!(html.contains("type=\"checkbox\""), "task lists");
    assert!(html.contains("class=\"footnote-definition\""), "footnotes");
    assert!(html.contains("id=\"custom-id\""), "heading attributes");
    assert!(html.contains("<h1 id=\"overview\">"), "heading ids");
    let zh = read(public.join("case-studies/yaml-page/index.html"));
    assert!(
        zh.contains("id=\"第一部分\""),
        "Chinese heading ids stay readable"
    );
    assert!(zh.contains("id=\"第一部分-1\""), "heading ids are unique");
}

#[test]
fn code_is_highlighted_with_classes_and_both_stylesheets_exist() {
    let site = fixture(&["basic"]);
    build_ok(site.path(), &[]);
    let public = site.path().join("public");
    let html = read(public.join("case-studies/toml-page/index.html"));
    assert!(html.contains("data-lang=\"python\""));
    assert!(html.contains("<span class=\"hl-"), "syntect classes");
    assert!(!html.contains("style=\"color"), "no inline colours");
    let light = read(public.join("static/syntax-light.css"));
    let dark = read(public.join("static/syntax-dark.css"));
    assert!(light.contains(".hl-") && dark.contains(".hl-"));
    assert_ne!(light, dark);
}

#[test]
fn tags_categories_feeds_and_support_files() {
    let site = fixture(&["basic"]);
    build_ok(site.path(), &[]);
    let p = site.path().join("public");
    let tags = read(p.join("tags/index.html"));
    assert!(tags.contains("href=\"/tags/community/\""));
    let community = read(p.join("tags/community/index.html"));
    for title in [
        "A TOML page about Acme",
        "YAML 页面：口碑传播",
        "Zola style page",
    ] {
        assert!(community.contains(title), "tag page lists {title}");
    }
    assert!(
        p.join("tags/口碑/index.html").is_file(),
        "Chinese tag slug stays readable"
    );
    assert!(p.join("tags/community/atom.xml").is_file());
    let crises = read(p.join("categories/brand-crises/index.html"));
    assert!(crises.contains("YAML 页面"));
    let lessons = read(p.join("categories/marketing-lessons/index.html"));
    assert!(
        lessons.contains("A TOML page about Acme"),
        "category by display name"
    );
    for f in [
        "sitemap.xml",
        "atom.xml",
        "robots.txt",
        "404.html",
        ".nojekyll",
        "index.html",
        "search/index.html",
    ] {
        assert!(p.join(f).exists(), "{f} exists");
    }
    let sitemap = read(p.join("sitemap.xml"));
    assert!(sitemap.contains("<loc>https://example.com/case-studies/toml-page/</loc>"));
    assert!(
        read(p.join("old/acme/index.html")).contains("/wiki/acme-tea/"),
        "URL aliases redirect"
    );
}

#[test]
fn content_html_is_escaped() {
    let site = fixture(&["basic"]);
    build_ok(site.path(), &[]);
    let about = read(site.path().join("public/about/index.html"));
    assert!(!about.contains("<script>alert(1)</script>"));
    assert!(
        !about.contains("alert(1)"),
        "a script is removed with its text"
    );
    assert!(about.contains("About this fixture."));
}

#[test]
fn subpath_base_url_has_no_broken_links() {
    let site = fixture(&["basic"]);
    build_ok(site.path(), &["--base-url", "https://user.github.io/repo/"]);
    let public = site.path().join("public");
    let broken = broken_links(&public, "/repo/");
    assert!(broken.is_empty(), "broken links: {broken:#?}");
    let page = read(public.join("case-studies/toml-page/index.html"));
    assert!(page.contains("href=\"/repo/static/style.css\""));
    assert!(page.contains("href=\"/repo/case-studies/yaml-page/\""));
    let feed = read(public.join("atom.xml"));
    assert!(feed.contains("https://user.github.io/repo/case-studies/toml-page/"));
    let sitemap = read(public.join("sitemap.xml"));
    assert!(sitemap.contains("<loc>https://user.github.io/repo/</loc>"));
    let not_found = read(public.join("404.html"));
    assert!(
        not_found.contains("href=\"/repo/\""),
        "404 works from any depth"
    );
}

#[test]
fn root_base_url_has_no_broken_links() {
    let site = fixture(&["basic"]);
    build_ok(site.path(), &[]);
    let broken = broken_links(&site.path().join("public"), "/");
    assert!(broken.is_empty(), "broken links: {broken:#?}");
}

#[test]
fn site_templates_override_the_theme() {
    let site = fixture(&["basic", "override"]);
    build_ok(site.path(), &[]);
    let html = read(site.path().join("public/case-studies/toml-page/index.html"));
    assert!(html.contains("OVERRIDDEN A TOML page about Acme"));
    assert!(
        html.contains("static/style.css"),
        "base.html still comes from the theme"
    );
}

#[test]
fn failed_build_leaves_previous_output_untouched() {
    let site = fixture(&["basic"]);
    build_ok(site.path(), &[]);
    let index = site.path().join("public/case-studies/toml-page/index.html");
    let before = read(&index);
    std::fs::write(
        site.path().join("content/case-studies/toml-page.md"),
        "+++\ntitle = \"Changed\"\n+++\nNew body\n",
    )
    .expect("write");
    std::fs::write(
        site.path().join("content/broken.md"),
        "+++\ntitle = = 1\n+++\n",
    )
    .expect("write");
    let out = run_site(site.path(), &["build"]);
    assert!(!out.status.success());
    assert_eq!(read(&index), before, "old page kept");
    let leftovers: Vec<_> = std::fs::read_dir(site.path())
        .expect("read dir")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().contains("staging"))
        .collect();
    assert!(leftovers.is_empty(), "no staging folder left behind");
}

#[test]
fn malformed_front_matter_is_reported_with_file_and_line() {
    let site = fixture(&["bad-front-matter"]);
    let out = run_site(site.path(), &["build"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("error: content/bad-toml.md:3:"), "{err}");
    assert!(
        err.contains("content/bad-yaml.md:"),
        "all problems listed, not only the first: {err}"
    );
    assert!(
        err.contains("content/bad-category.md:3: unknown category `recipes`"),
        "{err}"
    );
    assert!(!site.path().join("public").exists(), "nothing written");
}

#[test]
fn template_errors_name_the_file() {
    let site = fixture(&["bad-template"]);
    let out = run_site(site.path(), &["build"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("templates/page.html"), "{err}");
    assert!(err.contains(":5:"), "line of the error: {err}");
}

#[test]
fn every_broken_template_is_named() {
    let site = fixture(&["bad-template"]);
    let second = site.path().join("templates/section.html");
    std::fs::write(
        &second,
        "{% extends \"base.html\" %}\n{% block content %}{{ oops }\n",
    )
    .unwrap();
    let out = run_site(site.path(), &["build"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("templates/page.html"), "{err}");
    assert!(err.contains("templates/section.html"), "{err}");
    assert!(!site.path().join("public").exists(), "nothing written");
}

#[test]
fn refuses_dangerous_output_directories() {
    let site = fixture(&["basic"]);
    for bad in [".", "content", "seeds", ".."] {
        let out = run_site(site.path(), &["build", "--output", bad]);
        assert!(!out.status.success(), "--output {bad} must be refused");
        assert!(stderr(&out).contains("refusing"), "{}", stderr(&out));
    }
    assert!(site
        .path()
        .join("content/case-studies/toml-page.md")
        .is_file());
}

#[test]
fn builds_are_reproducible() {
    let site = fixture(&["basic"]);
    build_ok(site.path(), &[]);
    let first =
        read(site.path().join("public/index.html")) + &read(site.path().join("public/atom.xml"));
    build_ok(site.path(), &[]);
    let second =
        read(site.path().join("public/index.html")) + &read(site.path().join("public/atom.xml"));
    assert_eq!(first, second);
}

#[test]
fn drafts_are_left_out_unless_asked_for() {
    let site = fixture(&["basic"]);
    build_ok(site.path(), &[]);
    assert!(!site
        .path()
        .join("public/blog/unfinished/index.html")
        .exists());
    assert!(!read(site.path().join("public/sitemap.xml")).contains("unfinished"));
    build_ok(site.path(), &["--drafts"]);
    assert!(site
        .path()
        .join("public/blog/unfinished/index.html")
        .is_file());
}
