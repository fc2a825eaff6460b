//! Tests of the whole generator: determinism, sizes, tag skew, language mix,
//! links and the three site roots.

use std::collections::HashMap;
use std::fs;
use std::path::Path;

use super::page::CATEGORIES;
use super::*;

fn read_tree(root: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(root)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(root)
                .unwrap_or(e.path())
                .display()
                .to_string();
            (rel, fs::read(e.path()).unwrap_or_default())
        })
        .collect();
    files.sort();
    files
}

fn generate_into(dir: &Path, pages: usize, seed: u64) -> CorpusStats {
    generate(&CorpusOptions {
        pages,
        out: dir.to_path_buf(),
        seed,
        shape: Shape::MIXED,
    })
    .expect("generate")
}

#[test]
fn same_seed_gives_identical_bytes() {
    let (a, b) = (
        tempfile::tempdir().expect("tmp"),
        tempfile::tempdir().expect("tmp"),
    );
    let sa = generate_into(a.path(), 40, 9);
    generate_into(b.path(), 40, 9);
    let (ta, tb) = (read_tree(a.path()), read_tree(b.path()));
    assert_eq!(ta.len(), 1 + 3 * 42 + 1 + 8 + 7);
    assert!(ta == tb, "trees differ");
    assert_eq!(sa.pages, 40);
    assert!(sa.bytes > 40 * 3000);
}

#[test]
fn different_seed_gives_different_pages() {
    let a = Corpus::new(20, 1, &Shape::MIXED).expect("corpus");
    let b = Corpus::new(20, 2, &Shape::MIXED).expect("corpus");
    let same = (0..20)
        .filter(|&i| a.page_text(i) == b.page_text(i))
        .count();
    assert_eq!(same, 0);
}

#[test]
fn regenerating_replaces_old_content() {
    let dir = tempfile::tempdir().expect("tmp");
    generate_into(dir.path(), 30, 1);
    generate_into(dir.path(), 10, 1);
    let pages = fs::read_dir(dir.path().join("hugo/content").join(SECTION))
        .expect("dir")
        .count();
    assert_eq!(pages, 11);
}

#[test]
fn refuses_foreign_non_empty_folder() {
    let dir = tempfile::tempdir().expect("tmp");
    fs::write(dir.path().join("notes.txt"), "mine").expect("write");
    let err = generate(&CorpusOptions {
        pages: 3,
        out: dir.path().to_path_buf(),
        seed: 1,
        shape: Shape::MIXED,
    });
    assert!(err.is_err());
    assert!(dir.path().join("notes.txt").exists());
}

#[test]
fn bodies_are_three_to_five_kilobytes() {
    let corpus = Corpus::new(400, 11, &Shape::MIXED).expect("corpus");
    for i in 0..corpus.len() {
        let len = corpus.body(i).len();
        assert!((3000..=5000).contains(&len), "page {i}: {len} bytes");
    }
}

#[test]
fn about_half_chinese_by_bytes() {
    let corpus = Corpus::new(300, 5, &Shape::MIXED).expect("corpus");
    let (mut zh, mut total) = (0usize, 0usize);
    for i in 0..corpus.len() {
        let body = corpus.body(i);
        let share = chinese_bytes(&body) as f64 / body.len() as f64;
        assert!((0.3..=0.7).contains(&share), "page {i}: {share:.2}");
        zh += chinese_bytes(&body);
        total += body.len();
    }
    let share = zh as f64 / total as f64;
    assert!((0.42..=0.58).contains(&share), "corpus share {share:.3}");
}

/// Pages per tag, and those counts largest first; checks each page's tag count.
fn tag_counts(
    corpus: &Corpus,
    per_page: std::ops::RangeInclusive<usize>,
) -> (HashMap<&str, usize>, Vec<usize>) {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for i in 0..corpus.len() {
        let tags = corpus.tags(i);
        assert!(per_page.contains(&tags.len()), "page {i}: {tags:?}");
        for t in tags {
            *counts.entry(t.as_str()).or_default() += 1;
        }
    }
    let mut sorted: Vec<usize> = counts.values().copied().collect();
    sorted.sort_unstable_by(|a, b| b.cmp(a));
    (counts, sorted)
}

#[test]
fn tags_follow_a_skewed_distribution() {
    let corpus = Corpus::new(3000, 3, &Shape::MIXED).expect("corpus");
    let (counts, sorted) = tag_counts(&corpus, 1..=5);
    let total: usize = sorted.iter().sum();
    let top10: usize = sorted.iter().take(10).sum();
    assert!(
        sorted[0] > 8 * sorted[sorted.len() / 2],
        "head {} vs median {}",
        sorted[0],
        sorted[sorted.len() / 2]
    );
    assert!(top10 * 4 > total, "top 10 tags carry {top10} of {total}");
    assert!(
        counts.keys().any(|t| casewiki::text::has_cjk(t))
            && counts.keys().any(|t| !casewiki::text::has_cjk(t))
    );
}

#[test]
fn links_point_at_generated_pages() {
    let corpus = Corpus::new(50, 4, &Shape::MIXED).expect("corpus");
    let re = regex::Regex::new(r"\]\((/[^)]*)\)").expect("regex");
    let mut links = 0;
    for i in 0..corpus.len() {
        for cap in re.captures_iter(&corpus.body(i)) {
            let url = &cap[1];
            let slug = url
                .trim_start_matches(&format!("/{SECTION}/"))
                .trim_end_matches('/');
            assert!(
                slug.starts_with('p')
                    && slug[1..].parse::<usize>().map(|n| n < 50).unwrap_or(false),
                "{url}"
            );
            links += 1;
        }
    }
    assert!(links >= 50 * 2);
}

#[test]
fn every_fifth_page_has_a_code_block() {
    let corpus = Corpus::new(40, 8, &Shape::MIXED).expect("corpus");
    for i in 0..corpus.len() {
        assert_eq!(corpus.body(i).contains("\n```"), i % 5 == 0, "page {i}");
    }
    let langs: Vec<bool> = code::LANGS
        .iter()
        .map(|l| corpus.body(5).contains(&format!("```{l}\n")))
        .collect();
    assert_eq!(langs, [false, true, false, false]);
}

#[test]
fn pages_mention_entities_and_parse_in_casewiki() {
    let corpus = Corpus::new(30, 6, &Shape::MIXED).expect("corpus");
    let all: String = (0..30).map(|i| corpus.page_text(i)).collect();
    for name in ["Xiaomi", "小米"] {
        assert!(all.contains(name), "{name} never mentioned");
    }
    for i in 0..30 {
        let text = corpus.page_text(i);
        let split = casewiki::content::front_matter::split(&text).expect("front matter parses");
        assert!(CATEGORIES.contains(&split.front_matter.category_value().unwrap_or("")));
        assert!(split.body.contains("\n## "));
    }
}

/// Markdown links in a body.
fn link_count(body: &str) -> usize {
    body.matches("](/").count()
}

#[test]
fn wiki_shape_is_long_chinese_and_densely_linked() {
    let (wiki, mixed) = (
        Corpus::new(200, 12, &Shape::WIKI).expect("corpus"),
        Corpus::new(200, 12, &Shape::MIXED).expect("corpus"),
    );
    let (mut zh, mut total, mut links) = (0, 0, 0);
    let (mut mixed_total, mut mixed_links) = (0, 0);
    for i in 0..wiki.len() {
        let body = wiki.body(i);
        assert!(
            (12_000..=20_000).contains(&body.len()),
            "page {i}: {} bytes",
            body.len()
        );
        zh += chinese_bytes(&body);
        total += body.len();
        links += link_count(&body);
        assert_eq!(body.contains("\n```"), i % 20 == 0, "page {i}");
        let other = mixed.body(i);
        mixed_total += other.len();
        mixed_links += link_count(&other);
    }
    let share = zh as f64 / total as f64;
    assert!((0.7..=0.85).contains(&share), "Chinese share {share:.3}");
    // Ten times the links per page, over twice as many per byte.
    assert!(links > 10 * mixed_links, "{links} against {mixed_links}");
    assert!(
        links * mixed_total > 2 * mixed_links * total,
        "{links} links in {total} bytes against {mixed_links} in {mixed_total}"
    );
}

#[test]
fn wiki_shape_spreads_many_tags_evenly() {
    let corpus = Corpus::new(3000, 3, &Shape::WIKI).expect("corpus");
    let (counts, sorted) = tag_counts(&corpus, 3..=8);
    assert!(counts.len() > 1800, "{} distinct tags", counts.len());
    let total: usize = sorted.iter().sum();
    let top10: usize = sorted.iter().take(10).sum();
    assert!(sorted[0] < 5 * sorted[sorted.len() / 2], "{sorted:?}");
    assert!(top10 * 50 < total, "top 10 tags carry {top10} of {total}");
}

#[test]
fn wiki_pages_parse_in_casewiki() {
    let corpus = Corpus::new(20, 6, &Shape::WIKI).expect("corpus");
    for i in 0..corpus.len() {
        let text = corpus.page_text(i);
        let split = casewiki::content::front_matter::split(&text).expect("front matter parses");
        assert_eq!(split.front_matter.all_tags(), corpus.tags(i));
    }
}
