//! Integration tests: ingest. The five real seeds plus noisy fixtures of our
//! own (`tests/fixtures/ingest-noisy/seeds`: GBK Chinese with 责任编辑/来源/
//! 扫码关注, UTF-16LE+BOM+CRLF English with HTML, entities and mojibake,
//! cp1252 English, an empty and a binary file) are ingested into a temporary
//! site; the pages are snapshot-tested and the regeneration rules checked.
//! Ten unseen articles (`tests/fixtures/ingest-unseen`, written by `make.py`:
//! other companies, news/WeChat/portal chrome, GB18030, Big5, UTF-16 without
//! BOM, cp1252 with CR, single and double mojibake, HTML) are checked for
//! title, category, headings, planted chrome, paragraph length and tags.

use std::path::{Path, PathBuf};

use casewiki::content::front_matter;
use casewiki::diagnostics::{Diagnostic, Diagnostics};
use casewiki::ingest::{run, IngestOptions, IngestSummary};

pub(crate) fn manifest() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A temporary site whose `seeds/` holds the real seeds and the noisy fixtures.
fn site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let seeds = dir.path().join("seeds");
    std::fs::create_dir_all(&seeds).unwrap();
    for from in [
        manifest().join("seeds"),
        manifest().join("tests/fixtures/ingest-noisy/seeds"),
    ] {
        for entry in std::fs::read_dir(from).unwrap() {
            let path = entry.unwrap().path();
            std::fs::copy(&path, seeds.join(path.file_name().unwrap())).unwrap();
        }
    }
    dir
}

pub(crate) fn ingest(root: &Path, force: bool) -> (IngestSummary, Vec<Diagnostic>) {
    let diags = Diagnostics::default();
    let summary = run(
        &IngestOptions {
            root: root.to_path_buf(),
            force,
        },
        &diags,
    );
    (summary, diags.into_sorted())
}

/// Generated pages: (file name, text), sorted.
pub(crate) fn pages(root: &Path) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = std::fs::read_dir(root.join("content/case-studies"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

pub(crate) fn page_for(root: &Path, source: &str) -> (PathBuf, String) {
    for (name, text) in pages(root) {
        let fm = front_matter::split(&text).unwrap().front_matter;
        if fm.ingest.is_some_and(|i| i.source == source) {
            return (root.join("content/case-studies").join(name), text);
        }
    }
    panic!("no page for {source}");
}

/// Characters a reader sees in a Markdown paragraph: link targets and
/// brackets left out (`[瑞幸](../wiki/x.md)` counts as `瑞幸`).
pub fn visible_chars(paragraph: &str) -> usize {
    let mut n = 0;
    let mut rest = paragraph;
    while let Some(at) = rest.find("](") {
        let end = rest[at..].find(')').map_or(rest.len(), |e| at + e + 1);
        n += rest[..at].chars().filter(|&c| c != '[').count();
        rest = &rest[end..];
    }
    n + rest.chars().filter(|&c| c != '[').count()
}

#[test]
fn seeds_become_clean_case_studies() {
    let dir = site();
    let (summary, diags) = ingest(dir.path(), false);
    assert_eq!(summary.written.len(), 8, "{summary:?}");
    assert_eq!(summary.skipped.len(), 2);
    for bad in ["empty.txt", "image.txt"] {
        assert!(
            diags.iter().any(|d| !d.is_error() && d.file.ends_with(bad)),
            "no warning for {bad}: {diags:?}"
        );
    }
    assert!(!diags.iter().any(Diagnostic::is_error), "{diags:?}");
    let boilerplate = [
        "â€",
        "†",
        "Ã",
        "Joke Collection Website",
        "_小米论文",
        "Download:",
        "View details",
        "Every time you read",
        "Thank you for your attention",
        "标签",
        "下载Doc文档",
        "猜你喜欢",
        "本文主要内容关键词",
        "责任编辑",
        "来源:",
        "扫码关注",
        "阅读原文",
        "版权声明",
        "Share this article",
        "Subscribe",
        "Source:",
        "Copyright",
        "Editor:",
        "Related articles",
        "http://",
        "<p>",
        "&rsquo;",
        "&amp;",
        "millet",
        "yellow cattle",
        "20 10",
        "rice noodle",
    ];
    for (name, text) in pages(dir.path()) {
        for b in boilerplate {
            assert!(
                !front_matter::split(&text).unwrap().body.contains(b),
                "{name} still contains {b:?}"
            );
        }
        let split = front_matter::split(&text).unwrap();
        let fm = split.front_matter;
        assert!(!fm.title.is_empty(), "{name}");
        assert!(
            !split.body.contains(&format!("\n{}\n", fm.title)),
            "{name} repeats its title"
        );
        insta::assert_snapshot!(name.clone(), redacted(&text));
    }
    let total = |rule: &str| {
        summary
            .totals
            .iter()
            .find(|(r, _)| r == rule)
            .map_or(0, |(_, n)| *n)
    };
    assert!(
        total("mojibake") >= 1 && total("dagger-quote") >= 2 && total("quote-semicolon") >= 10,
        "{:?}",
        summary.totals
    );
}

#[test]
fn chinese_quotes_and_wall_of_text() {
    let dir = site();
    ingest(dir.path(), false);
    let (_, text) = page_for(dir.path(), "seeds/003_86cf8cf39fa06793.txt");
    for fixed in [
        "“小米手机青春版”",
        "“荣组儿”",
        "“150克青春”",
        "“All In”",
        "“爆品研发金三角法则”",
    ] {
        assert!(text.contains(fixed), "missing {fixed}");
    }
    let body = front_matter::split(&text).unwrap().body;
    assert!(body.split("\n\n").count() >= 8);
    // Reading length: written entity links count by their label only.
    let read = crate::support::without_link_targets(body);
    assert!(
        read.split("\n\n").all(|p| p.chars().count() <= 320),
        "a paragraph is too long"
    );
}

#[test]
fn encodings_are_recorded() {
    let dir = site();
    ingest(dir.path(), false);
    let encoding = |src: &str| {
        let (_, text) = page_for(dir.path(), src);
        front_matter::split(&text)
            .unwrap()
            .front_matter
            .ingest
            .unwrap()
            .encoding
    };
    assert!(["GBK", "GB18030"].contains(&encoding("seeds/heytea_gbk.txt").as_str()));
    assert_eq!(encoding("seeds/oatly_utf16.txt"), "UTF-16LE");
    assert_eq!(encoding("seeds/patagonia_cp1252.txt"), "windows-1252");
}

#[test]
fn rerun_is_idempotent() {
    let dir = site();
    ingest(dir.path(), false);
    let first = pages(dir.path());
    let (summary, diags) = ingest(dir.path(), false);
    assert_eq!(pages(dir.path()), first);
    assert!(summary.written.is_empty(), "{:?}", summary.written);
    assert_eq!(summary.unchanged, 8);
    assert!(
        diags
            .iter()
            .all(|d| d.file.ends_with("empty.txt") || d.file.ends_with("image.txt")),
        "{diags:?}"
    );
}

#[test]
fn edited_pages_are_kept_unless_forced() {
    let dir = site();
    ingest(dir.path(), false);
    let (path, text) = page_for(dir.path(), "seeds/001_e74bd68084698f2f.txt");
    let edited = text.replace("## Core fans", "## Core fans (edited)");
    assert_ne!(edited, text);
    std::fs::write(&path, &edited).unwrap();
    let (summary, diags) = ingest(dir.path(), false);
    assert_eq!(summary.kept_edited, vec![path.clone()]);
    assert!(
        diags.iter().any(|d| !d.is_error() && d.file == path),
        "{diags:?}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), edited);
    let (summary, _) = ingest(dir.path(), true);
    assert_eq!(summary.written, vec![path.clone()]);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

/// A generated page for a snapshot: the engine fingerprint (a hash of the
/// ingest code, so it changes with every edit of it) and the content hash
/// (which covers the fingerprint) are replaced by placeholders.
pub(crate) fn redacted(text: &str) -> String {
    with_header_value(
        &with_header_value(text, "engine", "[engine]"),
        "content_hash",
        "[hash]",
    )
}

/// `text` with the value of `key: …` (YAML, maybe indented, maybe quoted)
/// in its header set to `value`.
fn with_header_value(text: &str, key: &str, value: &str) -> String {
    let open = format!("{key}: ");
    let at = text
        .match_indices(&open)
        .find(|(i, _)| text[..*i].ends_with(['\n', ' ']))
        .map(|(i, _)| i + open.len())
        .expect(key);
    let line_end = at + text[at..].find('\n').expect("line end");
    let (start, end) = if text[at..].starts_with('"') {
        (
            at + 1,
            at + 1 + text[at + 1..].find('"').expect("closing quote"),
        )
    } else {
        (at, line_end)
    };
    format!("{}{value}{}", &text[..start], &text[end..])
}

/// `text` as another ingest engine would have written it: its `engine`
/// replaced and its content hash made to match again (not edited by hand).
fn as_written_by_engine(text: &str, engine: &str) -> String {
    use sha2::{Digest, Sha256};
    let blank = with_header_value(
        &with_header_value(text, "engine", engine),
        "content_hash",
        "",
    );
    let hash: String = Sha256::digest(blank.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    with_header_value(&blank, "content_hash", &hash)
}

/// A page made by another version of the cleaning code or rules is made
/// again although its seed did not change; a hand-edited one stays.
#[test]
fn pages_of_another_ingest_engine_are_regenerated_unless_edited() {
    let dir = site();
    ingest(dir.path(), false);
    let (path, text) = page_for(dir.path(), "seeds/001_e74bd68084698f2f.txt");
    let engine = |t: &str| {
        front_matter::split(t)
            .unwrap()
            .front_matter
            .ingest
            .unwrap()
            .engine
    };
    assert_eq!(
        engine(&text).len(),
        16,
        "engine recorded: {}",
        engine(&text)
    );
    let old = as_written_by_engine(
        &text.replace("## Core fans", "## Old rules"),
        "0123456789abcdef",
    );
    assert!(
        old.contains("## Old rules"),
        "the old body differs from the new"
    );
    std::fs::write(&path, &old).unwrap();
    let (summary, _) = ingest(dir.path(), false);
    assert_eq!(summary.written, vec![path.clone()], "{summary:?}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);

    let edited = old.replace("## Old rules", "## Old rules, edited");
    std::fs::write(&path, &edited).unwrap();
    let (summary, _) = ingest(dir.path(), false);
    assert_eq!(summary.kept_edited, vec![path.clone()]);
    assert!(summary.written.is_empty(), "{summary:?}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), edited);
}

#[test]
fn changed_and_new_seeds_are_picked_up() {
    let dir = site();
    ingest(dir.path(), false);
    let seed = dir.path().join("seeds/000_e78c8e209e4cad39.txt");
    let mut bytes = std::fs::read(&seed).unwrap();
    bytes.extend_from_slice(b"\nThe brand is still sold today.\n");
    std::fs::write(&seed, bytes).unwrap();
    std::fs::write(
        dir.path().join("seeds/zz_new.txt"),
        "A brand new story\n\nIt appeared later. Then it was ingested.\n",
    )
    .unwrap();
    let (summary, _) = ingest(dir.path(), false);
    assert_eq!(summary.written.len(), 2, "{:?}", summary.written);
    let (_, text) = page_for(dir.path(), "seeds/000_e78c8e209e4cad39.txt");
    assert!(text.contains("still sold today"));
    page_for(dir.path(), "seeds/zz_new.txt");
}

#[test]
fn seeds_get_the_category_a_careful_reader_would_give() {
    let dir = site();
    ingest(dir.path(), false);
    let category_of = |seed: &str| -> String {
        let (_, text) = page_for(dir.path(), &format!("seeds/{seed}"));
        front_matter::split(&text)
            .unwrap()
            .front_matter
            .category
            .unwrap_or_else(|| panic!("{seed} has no category"))
    };
    assert_eq!(
        category_of("000_e78c8e209e4cad39.txt"),
        "brand-crises",
        "privacy-gate article"
    );
    assert_eq!(
        category_of("002_d3cdcafac3b70313.txt"),
        "founder-ip",
        "Lei Jun article"
    );
    assert_eq!(category_of("001_e74bd68084698f2f.txt"), "marketing-lessons");
    assert_eq!(category_of("003_86cf8cf39fa06793.txt"), "marketing-lessons");
    assert_eq!(category_of("004_2fa4a090ef9f2c2d.txt"), "marketing-lessons");
    for (_, text) in pages(dir.path()) {
        let fm = front_matter::split(&text).unwrap().front_matter;
        assert!(
            (5..=10).contains(&fm.tags.len()),
            "{}: {} tags",
            fm.title,
            fm.tags.len()
        );
        assert!(!fm.summary.is_empty(), "{} has a summary", fm.title);
        assert_eq!(fm.key_points.len(), 3, "{} has 3 key points", fm.title);
    }
}

#[test]
fn a_case_study_whose_title_changes_keeps_its_old_url_as_an_alias() {
    let dir = tempfile::tempdir().unwrap();
    let seeds = dir.path().join("seeds");
    std::fs::create_dir_all(&seeds).unwrap();
    let body = "Haier smashed 76 faulty refrigerators in 1985 to show its workers what quality meant. The story became the company's founding myth and is still told to every new employee today.\n\nHaier later grew into the world's largest appliance maker, and the hammer now sits in a museum in Qingdao.\n";
    std::fs::write(
        seeds.join("a.txt"),
        format!("How Haier's hammer built a brand\n\n{body}"),
    )
    .unwrap();
    ingest(dir.path(), false);
    let (old, _) = page_for(dir.path(), "seeds/a.txt");
    assert!(
        old.ends_with("how-haiers-hammer-built-a-brand.md"),
        "{old:?}"
    );
    std::fs::write(
        seeds.join("a.txt"),
        format!("Haier's hammer and the founder's story\n\n{body}"),
    )
    .unwrap();
    ingest(dir.path(), false);
    let (new, text) = page_for(dir.path(), "seeds/a.txt");
    assert_ne!(new, old);
    assert!(!old.exists(), "the old page is gone");
    let fm = front_matter::split(&text).unwrap().front_matter;
    assert_eq!(
        fm.aliases,
        vec!["/case-studies/how-haiers-hammer-built-a-brand/".to_string()]
    );
}
