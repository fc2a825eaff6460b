//! Integration tests: generated entity pages. Two tune articles of the
//! ingest corpus about one company, one English and one Chinese
//! (`haier_en_news_comments`, `haier_zh_wechat`), are ingested into a
//! temporary site: their company and founder meet on one page each across
//! languages; the pages follow the case-study rules (regenerated, kept when
//! edited, `--force`), a hand-written page wins and gets suggestions, and
//! every Markdown link of the generated pages resolves to a file, as
//! casewiki, GitHub and Obsidian resolve relative paths.

use std::path::Path;

use casewiki::content::front_matter;

use crate::ingest::{ingest, manifest};

const SEEDS: &[&str] = &["haier_en_news_comments.txt", "haier_zh_wechat.txt"];

fn site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let seeds = dir.path().join("seeds");
    std::fs::create_dir_all(&seeds).unwrap();
    for s in SEEDS {
        let from = manifest()
            .join("tests/fixtures/ingest-corpus/seeds")
            .join(s);
        std::fs::copy(from, seeds.join(s)).unwrap();
    }
    dir
}

fn wiki(root: &Path) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = std::fs::read_dir(root.join("content/wiki"))
        .map(|d| {
            d.map(|e| e.unwrap().path())
                .map(|p| {
                    let name = p.file_name().unwrap().to_string_lossy().into_owned();
                    (name, std::fs::read_to_string(&p).unwrap())
                })
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

fn names_of(text: &str) -> Vec<String> {
    let fm = front_matter::split(text).unwrap().front_matter;
    std::iter::once(fm.title).chain(fm.aliases).collect()
}

fn page_naming<'a>(pages: &'a [(String, String)], name: &str) -> Vec<&'a str> {
    pages
        .iter()
        .filter(|(_, t)| names_of(t).iter().any(|n| n == name))
        .map(|(f, _)| f.as_str())
        .collect()
}

#[test]
fn one_page_per_entity_across_languages() {
    let dir = site();
    ingest(dir.path(), false);
    let pages = wiki(dir.path());
    for (en, zh) in [("Haier", "海尔"), ("Zhang Ruimin", "张瑞敏")] {
        let a = page_naming(&pages, en);
        let b = page_naming(&pages, zh);
        assert_eq!(
            a.len(),
            1,
            "{en}: {a:?} of {:?}",
            pages.iter().map(|p| &p.0).collect::<Vec<_>>()
        );
        assert_eq!(a, b, "{en} and {zh} are one page");
    }
    let (_, haier) = pages.iter().find(|(f, _)| f == "haier.md").unwrap();
    let fm = front_matter::split(haier).unwrap().front_matter;
    assert_eq!(fm.kind.as_deref(), Some("company"));
    assert!(haier.starts_with("---\n"), "YAML front matter");
    // Both case studies are listed, as relative Markdown links that resolve.
    assert!(haier.matches("](../case-studies/").count() >= 2, "{haier}");
    for (file, text) in &pages {
        for link in text.split("](").skip(1) {
            let target = link.split(')').next().unwrap();
            let path = dir.path().join("content/wiki").join(target);
            assert!(path.is_file(), "{file}: link {target} does not resolve");
        }
    }
}

#[test]
fn edited_pages_are_kept_and_hand_written_pages_win() {
    let dir = site();
    ingest(dir.path(), false);
    let path = dir.path().join("content/wiki/haier.md");
    let edited = std::fs::read_to_string(&path)
        .unwrap()
        .replace("## Case studies", "## Our case studies");
    std::fs::write(&path, &edited).unwrap();
    let (summary, diags) = ingest(dir.path(), false);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), edited);
    assert!(summary.entity_pages.kept_edited.contains(&path));
    assert!(diags
        .iter()
        .any(|d| d.file == path && d.message.contains("--force")));
    ingest(dir.path(), true);
    assert_ne!(
        std::fs::read_to_string(&path).unwrap(),
        edited,
        "--force regenerates"
    );

    // A hand-written page named like the entity wins; the discovered names become suggestions.
    let hand = "+++\ntitle = \"Haier\"\nkind = \"company\"\n+++\n\nWritten by hand.\n";
    std::fs::write(&path, hand).unwrap();
    let (summary, _) = ingest(dir.path(), false);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), hand);
    assert_eq!(
        wiki(dir.path())
            .iter()
            .filter(|(f, _)| f.starts_with("haier"))
            .count(),
        1
    );
    let s = &summary.entity_pages.suggestions;
    assert!(
        s.iter()
            .any(|s| s.page == path && s.aliases.iter().any(|a| a == "海尔")),
        "{s:?}"
    );
}

#[test]
fn pages_of_entities_no_longer_found_are_removed() {
    let dir = site();
    ingest(dir.path(), false);
    assert!(dir.path().join("content/wiki/haier.md").is_file());
    for s in SEEDS {
        std::fs::remove_file(dir.path().join("seeds").join(s)).unwrap();
    }
    std::fs::write(
        dir.path().join("seeds/other.txt"),
        "A short note about nothing in particular.\n",
    )
    .unwrap();
    for e in std::fs::read_dir(dir.path().join("content/case-studies")).unwrap() {
        std::fs::remove_file(e.unwrap().path()).unwrap();
    }
    let (summary, _) = ingest(dir.path(), false);
    assert!(!dir.path().join("content/wiki/haier.md").exists());
    assert!(!summary.entity_pages.removed.is_empty());
}

/// A founder the English article names by an English given name and the
/// Chinese one by his Chinese name: one person (same company, same surname).
#[test]
fn a_founder_named_in_english_and_chinese_meets_on_one_page() {
    let dir = tempfile::tempdir().unwrap();
    let seeds = dir.path().join("seeds");
    std::fs::create_dir_all(&seeds).unwrap();
    std::fs::write(
        seeds.join("en.txt"),
        "How Colin Huang Built Pinduoduo\n\nColin Huang founded Pinduoduo in 2015 after selling an earlier business. \
         The former engineer saw shoppers in smaller cities that Alibaba ignored.\n\nPinduoduo let friends team up \
         to buy goods at lower prices. Colin Huang said the company wanted to be a place to have fun.\n\n\
         In 2020 Colin Huang stepped down as chairman, but Pinduoduo kept growing.\n",
    )
    .unwrap();
    std::fs::write(
        seeds.join("zh.txt"),
        "黄峥和拼多多：一个工程师的电商实验\n\n2015年，黄峥创办了拼多多。这位前工程师发现，三四线城市的大量用户被传统电商平台忽视了。\n\n\
         拼多多通过拼团的方式，让用户邀请朋友一起购买。\n\n黄峥曾表示，拼多多想成为一个好玩的地方。2020年，黄峥辞去董事长职务，但拼多多依然保持增长。\n",
    )
    .unwrap();
    ingest(dir.path(), false);
    let pages = wiki(dir.path());
    let a = page_naming(&pages, "Colin Huang");
    assert_eq!(
        a.len(),
        1,
        "{:?}",
        pages.iter().map(|p| &p.0).collect::<Vec<_>>()
    );
    assert_eq!(a, page_naming(&pages, "黄峥"));
}
