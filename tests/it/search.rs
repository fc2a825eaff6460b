//! Integration tests: search, end to end in headless Chromium.
//!
//! Until the build pipeline writes the real site, the site under test is a
//! hand-made fixture: `casewiki::search::build_index` over a few English and
//! Chinese pages on the seed topics, the theme's `search.js`/`search.css`, and
//! minimal HTML pages following the theme contract, served under `/repo/`.

use std::path::Path;
use std::time::Duration;

use casewiki::search::{build_index, AliasGroup, SearchDoc};
use serde_json::{json, Value};

use crate::support::browser::{keys, Browser, StaticServer};

const BASE: &str = "/repo/";

fn doc(
    path: &str,
    lang: &str,
    category: &str,
    title: &str,
    tags: &[&str],
    text: &str,
) -> SearchDoc {
    SearchDoc {
        path: path.into(),
        lang: lang.into(),
        category: category.into(),
        title: title.into(),
        tags: tags.iter().map(|t| t.to_string()).collect(),
        text: text.into(),
    }
}

fn fixture_docs() -> Vec<SearchDoc> {
    vec![
        doc("case-studies/word-of-mouth/", "zh", "案例", "小米的口碑传播法则", &["口碑", "营销"],
            "小米手机的红火，让其粉丝营销备受关注。在小米科技联合创始人黎万强的书《参与感》中，披露了小米的口碑传播法则。互联网思维就是口碑为王，因为今天用户主要以口碑来选择产品。口碑营销的核心是让用户参与。"),
        doc("case-studies/viral-marketing/", "zh", "案例", "小米的病毒营销", &["营销"],
            "小米专门建了一个庞大的内容营销团队，病毒营销的本质就是脑洞大开。最有影响的事件则是小米手机青春版。2012年5月18日，小米发布简配版手机，售价1499元，限量15万台，主打校园人群。"),
        doc("wiki/participation-book/", "zh", "书籍", "参与感（书）", &["参与感", "黎万强"],
            "《参与感》是黎万强写的书，讲述小米如何让用户参与产品开发和品牌传播。"),
        doc("wiki/lei-jun/", "en", "People", "Lei Jun", &["Xiaomi", "founder"],
            "Lei Jun is the founder of Xiaomi. In an interview he said the only mistake in four years was to underestimate Xiaomi by a zero. Later he launched the Xiaomi SU7 electric car."),
        doc("case-studies/community-marketing/", "en", "Case studies", "Community marketing at Xiaomi", &["fans", "participation"],
            "The rapid rise of Xiaomi is inseparable from community marketing. Fans take part in product development; participation turns users into promoters, and word of mouth spreads through the MIUI forum. Xiaomi was founded in April 2010."),
        doc("case-studies/valuation/", "en", "Case studies", "Xiaomi's valuation of 50 billion dollars", &["valuation"],
            "After the valuation, regulators in Taiwan investigated a privacy complaint. The story of the company goes back to a software shop founded in 1999."),
        doc("misc/evil/", "en", "<b>Cat</b>", "<img src=x onerror=\"window.__xss=1\">Evil title", &["<script>"],
            "<script>window.__xss=2</script> evil body with <img src=y onerror=\"window.__xss=3\"> markup"),
    ]
}

fn fixture_aliases() -> Vec<AliasGroup> {
    let group = |names: &[&str]| AliasGroup {
        names: names.iter().map(|n| n.to_string()).collect(),
    };
    vec![
        group(&["口碑", "word of mouth"]),
        group(&["雷军", "Lei Jun"]),
        group(&["小米", "Xiaomi"]),
    ]
}

/// The contract `themes/default/templates/base.html` follows.
fn page_html(title: &str, search_page: bool) -> String {
    let title = html_escape::encode_text(title);
    let results = if search_page {
        r#"<div id="search-page-results"></div>"#
    } else {
        ""
    };
    format!(
        r#"<!doctype html><html><head><meta charset="utf-8"><title>{title}</title>
<script>window.CASEWIKI = {{ base: "{BASE}" }};</script>
<link rel="stylesheet" href="{BASE}static/search.css">
<script src="{BASE}static/search.js" defer></script></head>
<body><form class="search" role="search" action="{BASE}search/"><input id="search-input" type="search" name="q" autocomplete="off" placeholder="Search · 搜索" aria-label="Search"><div id="search-results" role="listbox" hidden></div></form>
<h1>{title}</h1>{results}</body></html>"#
    )
}

/// Writes the fixture site into `public`.
fn write_fixture_site(public: &Path) {
    let docs = fixture_docs();
    let index = build_index(&docs, &fixture_aliases());
    let write = |rel: &str, bytes: &[u8]| {
        let path = public.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    };
    for (rel, bytes) in &index.files {
        write(rel, bytes);
    }
    let theme = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/static");
    for file in ["search.js", "search.css"] {
        write(
            &format!("static/{file}"),
            &std::fs::read(theme.join(file)).unwrap(),
        );
    }
    write("index.html", page_html("Home", false).as_bytes());
    write("search/index.html", page_html("Search", true).as_bytes());
    for d in &docs {
        write(
            &format!("{}index.html", d.path),
            page_html(&d.title, false).as_bytes(),
        );
    }
}

struct Site {
    _dir: tempfile::TempDir,
    server: StaticServer,
    browser: Browser,
}

fn open_site(page: &str) -> Option<Site> {
    let browser = Browser::start()?;
    let dir = tempfile::tempdir().unwrap();
    write_fixture_site(dir.path());
    let server = StaticServer::start(dir.path(), BASE);
    browser.goto(&server.url(page));
    Some(Site {
        _dir: dir,
        server,
        browser,
    })
}

const WAIT: Duration = Duration::from_secs(10);

/// Types `query` into the search box and returns the dropdown's result paths.
fn dropdown(b: &Browser, query: &str) -> Vec<String> {
    b.execute(
        "document.getElementById('search-input').value = '';",
        vec![],
    );
    b.send_keys(&b.find("#search-input"), query);
    b.wait_until(WAIT, &format!("results for {query}"), |b| {
        let v = b.execute(
            "const box = document.getElementById('search-results');
             if (box.hidden || box.dataset.query !== arguments[0]) return null;
             return Array.from(box.querySelectorAll('.search-hit')).map(a => a.dataset.path);",
            vec![json!(query)],
        );
        v.as_array().map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(String::from)
                .collect()
        })
    })
}

fn resource_loaded(b: &Browser, needle: &str) -> bool {
    let v = b.execute(
        "return performance.getEntriesByType('resource').some(e => e.name.includes(arguments[0]));",
        vec![json!(needle)],
    );
    v == json!(true)
}

#[test]
fn queries_find_the_right_pages_in_both_languages() {
    let Some(site) = open_site("") else { return };
    let b = &site.browser;
    assert!(
        !resource_loaded(b, "search/index.json"),
        "index loaded before focus"
    );
    b.click(&b.find("#search-input"));
    b.wait_until(WAIT, "index.json on focus", |b| {
        resource_loaded(b, "search/index.json").then_some(())
    });

    let first = |q: &str| dropdown(b, q).first().cloned().unwrap_or_default();
    assert_eq!(first("参与感"), "wiki/participation-book/");
    assert_eq!(first("口碑营销"), "case-studies/word-of-mouth/");
    assert_eq!(first("小米手机青春版"), "case-studies/viral-marketing/");
    assert_eq!(first("口碑传播法则"), "case-studies/word-of-mouth/");
    assert_eq!(first("parti"), "case-studies/community-marketing/");
    assert_eq!(first("雷军"), "wiki/lei-jun/");
    assert_eq!(first("2012"), "case-studies/viral-marketing/");
    assert_eq!(first("1999"), "case-studies/valuation/");
    assert_eq!(first("SU7"), "wiki/lei-jun/");

    let wom = dropdown(b, "word of mouth");
    assert!(
        wom.contains(&"case-studies/word-of-mouth/".to_string()),
        "{wom:?}"
    );
    let label = b.execute(
        "return document.querySelector('#search-results [data-path=\"case-studies/word-of-mouth/\"] .search-hit-lang').textContent;",
        vec![],
    );
    assert_eq!(label, json!("中文"));
    let marks = b.execute(
        "return Array.from(document.querySelectorAll('#search-results mark')).map(m => m.textContent);",
        vec![],
    );
    assert!(
        marks
            .as_array()
            .is_some_and(|m| m.iter().any(|x| x == "口碑")),
        "{marks}"
    );
    let ms: f64 = b
        .execute(
            "return +document.getElementById('search-results').dataset.ms;",
            vec![],
        )
        .as_f64()
        .unwrap();
    assert!(ms < 50.0, "query took {ms} ms");
}

#[test]
fn keyboard_navigation_and_escaping() {
    let Some(site) = open_site("") else { return };
    let b = &site.browser;
    let hits = dropdown(b, "evil");
    assert_eq!(hits, vec!["misc/evil/"]);
    let title = b.text(&b.find("#search-results .search-hit-title"));
    assert!(
        title.contains("<img src=x"),
        "title not shown as text: {title}"
    );
    assert_eq!(b.execute("return document.querySelectorAll('#search-results img, #search-results script, #search-results b').length;", vec![]), json!(0));
    assert_eq!(
        b.execute("return window.__xss === undefined;", vec![]),
        json!(true)
    );

    let input = b.find("#search-input");
    b.send_keys(&input, keys::ESCAPE);
    assert_eq!(
        b.execute(
            "return document.getElementById('search-results').hidden;",
            vec![]
        ),
        json!(true)
    );

    dropdown(b, "雷军");
    b.send_keys(&input, keys::ARROW_DOWN);
    let selected = b.attr(&b.find("#search-results .search-hit"), "aria-selected");
    assert_eq!(selected.as_deref(), Some("true"));
    b.send_keys(&input, keys::ENTER);
    let want = site.server.url("wiki/lei-jun/");
    b.wait_until(WAIT, "navigation to the first hit", |b| {
        (b.current_url() == want).then_some(())
    });
}

#[test]
fn search_page_runs_the_query_from_the_url() {
    let Some(site) = open_site("search/?q=word%20of%20mouth") else {
        return;
    };
    let b = &site.browser;
    let paths = b.wait_until(WAIT, "search page results", |b| {
        let v = b.execute(
            "const p = document.getElementById('search-page-results');
             return p.dataset.query ? Array.from(p.querySelectorAll('.search-hit')).map(a => a.dataset.path) : null;",
            vec![],
        );
        v.as_array().map(|a| a.iter().filter_map(Value::as_str).map(String::from).collect::<Vec<_>>())
    });
    assert!(
        paths.contains(&"case-studies/word-of-mouth/".to_string()),
        "{paths:?}"
    );
    assert!(
        paths.contains(&"case-studies/community-marketing/".to_string()),
        "{paths:?}"
    );
    let value = b.execute(
        "return document.getElementById('search-input').value;",
        vec![],
    );
    assert_eq!(value, json!("word of mouth"));
    let href = b
        .attr(&b.find("#search-page-results .search-hit"), "href")
        .unwrap_or_default();
    assert!(href.starts_with(BASE), "links keep the base path: {href}");
}

/// The real seed site, built by `site build` and served under `/repo/`.
struct SeedSite {
    _dir: tempfile::TempDir,
    server: StaticServer,
    browser: Browser,
}

fn open_seed_site() -> Option<SeedSite> {
    let browser = Browser::start()?;
    let dir = tempfile::tempdir().expect("tempdir");
    let root = crate::support::repo_root();
    for part in ["content", "seeds"] {
        crate::support::copy_dir(&root.join(part), &dir.path().join(part));
    }
    std::fs::copy(root.join("site.toml"), dir.path().join("site.toml")).expect("site.toml");
    crate::support::build_ok(dir.path(), &["--base-url", "http://127.0.0.1/repo/"]);
    let server = StaticServer::start(&dir.path().join("public"), BASE);
    browser.goto(&server.url(""));
    Some(SeedSite {
        _dir: dir,
        server,
        browser,
    })
}

/// Path of the case study generated from the seed named `needle`.
fn study_path(site: &SeedSite, needle: &str) -> String {
    let dir = site._dir.path().join("content/case-studies");
    for entry in std::fs::read_dir(&dir)
        .expect("case studies")
        .filter_map(Result::ok)
    {
        let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
        let source = format!("source: seeds/{needle}");
        if text.lines().any(|l| l.trim() == source) {
            let stem = entry
                .path()
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            return format!("case-studies/{stem}/");
        }
    }
    panic!("no case study from seed {needle}");
}

#[test]
fn seed_site_every_article_is_found_in_a_real_browser() {
    let Some(site) = open_seed_site() else { return };
    let b = &site.browser;
    b.click(&b.find("#search-input"));
    let word_of_mouth = study_path(&site, "004_2fa4a090ef9f2c2d.txt");
    let viral = study_path(&site, "003_86cf8cf39fa06793.txt");
    let community = study_path(&site, "001_e74bd68084698f2f.txt");
    let lei_jun = study_path(&site, "002_d3cdcafac3b70313.txt");
    let privacy = study_path(&site, "000_e78c8e209e4cad39.txt");
    let first = |q: &str| dropdown(b, q).first().cloned().unwrap_or_default();
    let studies = |q: &str| -> Vec<String> {
        dropdown(b, q)
            .into_iter()
            .filter(|p| p.starts_with("case-studies/"))
            .collect()
    };
    // Chinese words, typed with and without spaces.
    // Entity pages may rank above studies; among case studies the right one comes first.
    assert_eq!(
        studies("口碑营销").first(),
        Some(&word_of_mouth),
        "口碑营销"
    );
    assert_eq!(
        studies("口碑传播法则").first(),
        Some(&word_of_mouth),
        "口碑传播法则"
    );
    assert_eq!(
        studies("小米手机青春版").first(),
        Some(&viral),
        "小米手机青春版"
    );
    assert!(
        first("雷军").starts_with("wiki/lei-jun/") || first("雷军") == lei_jun,
        "雷军"
    );
    assert!(studies("参与感").contains(&word_of_mouth), "参与感");
    // English prefixes and words.
    assert_eq!(studies("parti").first(), Some(&community), "parti");
    assert_eq!(studies("privacy").first(), Some(&privacy), "privacy");
    // Numbers.
    assert_eq!(studies("2012").first(), Some(&viral), "2012");
    assert!(studies("1999").contains(&privacy), "1999");
    assert!(studies("SU7").contains(&lei_jun), "SU7");
    // The other language.
    assert!(
        studies("word of mouth").contains(&word_of_mouth),
        "word of mouth finds the Chinese article"
    );
    assert!(
        studies("雷军").contains(&lei_jun),
        "雷军 finds the English Lei Jun article"
    );
    let ms: f64 = b
        .execute(
            "return +document.getElementById('search-results').dataset.ms;",
            vec![],
        )
        .as_f64()
        .unwrap_or(f64::MAX);
    eprintln!("seed site: last query answered in {ms} ms");
    assert!(ms < 50.0, "query took {ms} ms");
    drop(site.server);
}
