//! Integration test: ingest scored on the ingest test corpus
//! (`tests/fixtures/ingest-corpus`, see its README): raw articles of many
//! companies and sites with gold labels. `gold.toml` is the **tune** split (the
//! rules were tuned on it); `gold-heldout.toml` is the **held-out** split (only
//! scored). Every check is scored per split and printed; the test fails when
//! the whole corpus falls below the thresholds. Details of failed checks are
//! printed for the tune split only, and for the held-out split with
//! `INGEST_CORPUS_HELDOUT_DETAILS=ho,ho2` (the batches named).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use casewiki::content::front_matter;
use serde::Deserialize;
use unicode_normalization::UnicodeNormalization;

use crate::ingest::{ingest, manifest, pages};

#[derive(Debug, Deserialize)]
struct GoldFile {
    article: Vec<Gold>,
}

#[derive(Debug, Deserialize)]
struct Gold {
    file: String,
    lang: String,
    category: String,
    title: String,
    #[serde(default)]
    titles: Vec<String>,
    #[serde(default)]
    generated_title: bool,
    #[serde(default)]
    title_must_contain: Vec<String>,
    #[serde(default)]
    headings: Vec<String>,
    #[serde(default)]
    keep: Vec<String>,
    #[serde(default)]
    noise: Vec<String>,
    #[serde(default)]
    mt: Vec<(String, String)>,
}

/// Hits and trials of one check.
#[derive(Debug, Default, Clone, Copy)]
struct Score {
    hit: usize,
    all: usize,
}

impl Score {
    fn add(&mut self, ok: bool) {
        self.hit += ok as usize;
        self.all += 1;
    }
    fn pct(&self) -> f64 {
        if self.all == 0 {
            100.0
        } else {
            100.0 * self.hit as f64 / self.all as f64
        }
    }
}

/// Scores per check name.
type Scores = BTreeMap<&'static str, Score>;

const CHECKS: &[&str] = &[
    "title",
    "category",
    "lang",
    "noise removed",
    "survivors kept",
    "headings",
    "mt terms",
    "no mojibake",
    "no html",
    "zh paragraphs <= 300",
];

/// Folds what typography and Markdown may change: compatibility forms,
/// quotes, case, markup and whitespace.
fn fold(s: &str) -> String {
    s.nfkc()
        .filter(|c| !c.is_whitespace() && !"*_`[]\\#".contains(*c))
        .map(|c| match c {
            '’' | '‘' | '`' | '´' | '"' | '“' | '”' | '「' | '」' | '『' | '』' => {
                '\''
            }
            '。' => '.',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Case- and compatibility-folded words parted by single spaces (any run of
/// spaces, punctuation or markup is one break), so a literal split into words (`Ali Baba`) is not found in the
/// term written as one (`Alibaba`).
fn fold_words(s: &str) -> String {
    let folded: String = s.nfkc().flat_map(char::to_lowercase).collect();
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    format!(" {} ", words.join(" "))
}

/// A heading's text without its ordinal marker (`一、`, `（一）`, `01`, `1.`).
fn without_marker(s: &str) -> String {
    let t = s.trim();
    let t = t.trim_start_matches(|c: char| {
        c.is_ascii_digit() || "一二三四五六七八九十第（）()、.．:：章节部分 ".contains(c)
    });
    if t.chars().count() >= 2 {
        t.to_string()
    } else {
        s.to_string()
    }
}

fn heading_found(gold: &str, body_headings: &[String]) -> bool {
    let want = fold(gold);
    let bare = fold(&without_marker(gold));
    body_headings.iter().any(|h| {
        let got = fold(h);
        got == want || got == bare || fold(&without_marker(h)) == bare
    })
}

fn has_mojibake(s: &str) -> bool {
    ["Ã", "â€", "Â", "�", "ï¼", "ã€", "å", "æ", "ç"]
        .iter()
        .any(|m| s.contains(m))
}

fn has_html(s: &str) -> bool {
    let tag =
        regex::Regex::new(r"</?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?>|<!|&(#\d+|[a-z]+);").unwrap();
    tag.is_match(s)
}

/// Paragraph texts of a Markdown body (headings excluded).
fn paragraphs(body: &str) -> Vec<&str> {
    body.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty() && !p.starts_with('#'))
        .collect()
}

/// The generated page for each seed: (title, body, front matter).
struct Out {
    title: String,
    lang: String,
    category: String,
    body: String,
    generated: bool,
}

/// The body without the "See also" list of entity links that ingest adds
/// at its end: that list is casewiki's, not the article's, and a noise entry
/// naming the company (`#捷安特`) would match it.
fn without_see_also(body: &str) -> &str {
    ["\n## See also\n", "\n## 另见\n", "\n## 另見\n"]
        .iter()
        .filter_map(|h| body.rfind(h))
        .max()
        .map_or(body, |at| &body[..at])
}

fn outputs(root: &Path) -> BTreeMap<String, Out> {
    let mut out = BTreeMap::new();
    for (_, text) in pages(root) {
        let split = front_matter::split(&text).unwrap();
        let fm = split.front_matter;
        let Some(info) = fm.ingest else { continue };
        let seed = info.source.trim_start_matches("seeds/").to_string();
        let generated = info.title_generated;
        out.insert(
            seed,
            Out {
                title: fm.title,
                lang: fm.lang.unwrap_or_default(),
                category: fm.category.unwrap_or_default(),
                body: crate::support::without_link_targets(without_see_also(split.body)),
                generated,
            },
        );
    }
    out
}

fn score_article(g: &Gold, o: Option<&Out>, scores: &mut Scores, log: &mut String) {
    let Some(o) = o else {
        for c in CHECKS {
            scores.entry(c).or_default().add(false);
        }
        let _ = writeln!(log, "  {}: no page", g.file);
        return;
    };
    let mut fail = |check: &'static str, ok: bool, what: &dyn Fn() -> String| {
        scores.entry(check).or_default().add(ok);
        if !ok {
            let _ = writeln!(log, "  {} [{check}] {}", g.file, what());
        }
    };
    let body_f = fold(&o.body);
    let title_ok = if g.generated_title {
        let t = fold(&o.title);
        o.generated
            && g.title_must_contain.iter().all(|m| t.contains(&fold(m)))
            && !body_f.contains(&t)
    } else {
        let t = fold(&o.title);
        std::iter::once(&g.title)
            .chain(&g.titles)
            .any(|w| fold(w) == t)
    };
    fail("title", title_ok, &|| {
        format!("{:?} (want {:?})", o.title, g.title)
    });
    fail("category", o.category == g.category, &|| {
        format!("{} (want {})", o.category, g.category)
    });
    fail("lang", o.lang == g.lang, &|| {
        format!("{} (want {})", o.lang, g.lang)
    });
    let all_f = format!("{}{}", fold(&o.title), body_f);
    // A short noise line (`About`, `分享`, `THE LEDGER POST`) is kept when a
    // line of the page is it, opens or ends with it: the same words inside a
    // sentence are no chrome left behind.
    let lines_f: Vec<String> = std::iter::once(o.title.as_str())
        .chain(o.body.lines())
        .map(|l| fold(l.trim_start_matches(['-', '*', ' '])))
        .collect();
    for n in &g.noise {
        let short = n.split_whitespace().count() <= 4 && n.chars().count() <= 30;
        let f = fold(n);
        let one_word = n.split_whitespace().count() == 1 && n.chars().count() <= 8;
        let kept = if one_word {
            lines_f.contains(&f)
        } else if short {
            lines_f.iter().any(|l| l.starts_with(&f) || l.ends_with(&f))
        } else {
            all_f.contains(&f)
        };
        fail("noise removed", !kept, &|| format!("kept {n:?}"));
    }
    for k in &g.keep {
        fail("survivors kept", body_f.contains(&fold(k)), &|| {
            format!("lost {k:?}")
        });
    }
    let heads: Vec<String> = o
        .body
        .lines()
        .filter(|l| l.starts_with('#'))
        .map(|l| l.trim_start_matches('#').trim().to_string())
        .collect();
    for h in &g.headings {
        fail("headings", heading_found(h, &heads), &|| {
            format!("missing {h:?}")
        });
    }
    let body_w = fold_words(&o.body);
    let has_words = |w: &str| body_w.contains(&fold_words(w));
    for (literal, term) in &g.mt {
        let ok = !has_words(literal) && term.split('|').any(|t| body_f.contains(&fold(t)));
        fail("mt terms", ok, &|| format!("{literal:?} -> {term:?}"));
    }
    fail(
        "no mojibake",
        !has_mojibake(&o.body) && !has_mojibake(&o.title),
        &|| "mojibake".into(),
    );
    fail("no html", !has_html(&o.body), &|| "html left".into());
    if o.lang == "zh" {
        for p in paragraphs(&o.body) {
            let n = crate::ingest::visible_chars(p);
            fail("zh paragraphs <= 300", n <= 320, &|| format!("{n} chars"));
        }
    }
}

fn load(name: &str) -> Vec<Gold> {
    let path = manifest().join("tests/fixtures/ingest-corpus").join(name);
    match std::fs::read_to_string(&path) {
        Ok(text) => toml::from_str::<GoldFile>(&text).unwrap().article,
        Err(_) => Vec::new(),
    }
}

fn table(splits: &[(&str, &Scores)]) -> String {
    let mut s = String::from("check                  ");
    for (name, _) in splits {
        let _ = write!(s, "| {name:>16} ");
    }
    s.push('\n');
    for c in CHECKS {
        let _ = write!(s, "{c:<23}");
        for (_, sc) in splits {
            let x = sc.get(c).copied().unwrap_or_default();
            let _ = write!(s, "| {:>6.1}% {:>4}/{:<4}", x.pct(), x.hit, x.all);
        }
        s.push('\n');
    }
    s
}

#[test]
fn ingest_corpus_scores() {
    let tune = load("gold.toml");
    let heldout = load("gold-heldout.toml");
    assert!(tune.len() >= 20, "tune split has {} articles", tune.len());
    let dir = tempfile::tempdir().unwrap();
    let seeds = dir.path().join("seeds");
    std::fs::create_dir_all(&seeds).unwrap();
    for g in tune.iter().chain(&heldout) {
        let from = manifest()
            .join("tests/fixtures/ingest-corpus/seeds")
            .join(&g.file);
        std::fs::copy(&from, seeds.join(&g.file)).unwrap();
    }
    ingest(dir.path(), false);
    let out = outputs(dir.path());
    let (mut st, mut sh, mut log, mut hidden) =
        (Scores::new(), Scores::new(), String::new(), String::new());
    for g in &tune {
        score_article(g, out.get(&g.file), &mut st, &mut log);
    }
    // Each held-out batch (`ho_`, `ho2_`, … by file name) is also scored
    // apart: the newest one was written after every rule it is scored on.
    let mut batches: Vec<(String, Scores, usize)> = Vec::new();
    for g in &heldout {
        score_article(g, out.get(&g.file), &mut sh, &mut hidden);
        let batch = g.file.split('_').next().unwrap_or("").to_string();
        if !batches.iter().any(|(b, _, _)| *b == batch) {
            batches.push((batch.clone(), Scores::new(), 0));
        }
        let entry = batches.iter_mut().find(|(b, _, _)| *b == batch).unwrap();
        score_article(g, out.get(&g.file), &mut entry.1, &mut String::new());
        entry.2 += 1;
    }
    let mut all = st.clone();
    for (k, v) in &sh {
        let e = all.entry(k).or_default();
        e.hit += v.hit;
        e.all += v.all;
    }
    let tune_name = format!("tune ({})", tune.len());
    let held_name = format!("held-out ({})", heldout.len());
    let all_name = format!("all ({})", tune.len() + heldout.len());
    let batch_names: Vec<String> = batches
        .iter()
        .map(|(b, _, n)| format!("{b} ({n})"))
        .collect();
    let batch_cols: Vec<(&str, &Scores)> = batch_names
        .iter()
        .zip(&batches)
        .map(|(name, (_, sc, _))| (name.as_str(), sc))
        .collect();
    println!(
        "ingest corpus scores\n{}\nheld-out batches:\n{}\nfailed checks (tune split):\n{log}",
        table(&[(&tune_name, &st), (&held_name, &sh), (&all_name, &all)]),
        table(&batch_cols)
    );
    // A held-out batch's details are for after it has been scored once: its
    // later figures are then post-hoc, like the tune split's.
    if let Ok(shown) = std::env::var("INGEST_CORPUS_HELDOUT_DETAILS") {
        let shown: Vec<&str> = shown.split(',').collect();
        let lines: Vec<&str> = hidden
            .lines()
            .filter(|l| {
                shown
                    .iter()
                    .any(|b| l.trim_start().starts_with(&format!("{b}_")))
            })
            .collect();
        println!("failed checks (held-out {shown:?}):\n{}", lines.join("\n"));
    }
    let pct = |c: &str| all.get(c).copied().unwrap_or_default().pct();
    // Floors under which the whole corpus must not fall (regression lines at
    // the scores reached; the README states the targets beside them).
    let thresholds: &[(&str, f64)] = &[
        ("title", 96.5),
        ("category", 98.0),
        ("lang", 100.0),
        ("noise removed", 99.0),
        ("survivors kept", 99.9),
        ("headings", 97.0),
        // Held-out literals are the open gap: neither the table nor the
        // back-translation of known names knows every new writer's literal
        // translation (the sixth held-out batch kept 10 of its 18 when first
        // scored).
        ("mt terms", 98.0),
        ("no mojibake", 100.0),
        ("no html", 100.0),
        ("zh paragraphs <= 300", 100.0),
    ];
    let below: Vec<String> = thresholds
        .iter()
        .filter(|(c, t)| pct(c) < *t)
        .map(|(c, t)| format!("{c}: {:.1}% < {t}%", pct(c)))
        .collect();
    assert!(below.is_empty(), "below threshold: {below:?}");
}
