//! Precision and recall of automatic entity links, on the labelled sample in
//! `tests/fixtures/autolink/sample.toml` (its header says what is labelled
//! and which part is held out). The sample becomes a small site: one wiki
//! page per entity and one case study with each sentence in its own section;
//! the links of the built page are compared with the labels.

use std::collections::BTreeSet;
use std::path::Path;

use crate::support::{build_ok, read};

#[derive(serde::Deserialize)]
struct Sample {
    entity: Vec<Entity>,
    sentence: Vec<Sentence>,
}

#[derive(serde::Deserialize)]
struct Entity {
    title: String,
    kind: String,
    #[serde(default)]
    aliases: Vec<String>,
}

#[derive(serde::Deserialize)]
struct Sentence {
    split: String,
    text: String,
}

/// A linked span: sentence number, start (in characters of the plain
/// sentence) and its text.
type Span = (usize, usize, String);

fn slug(title: &str) -> String {
    title.to_lowercase().replace(' ', "-")
}

/// The plain sentence and its `{…}` spans, keeping only the first span of
/// each entity (links go on the first mention in a section).
fn gold(n: usize, text: &str, name_of: &dyn Fn(&str) -> String) -> (String, Vec<Span>) {
    let mut plain = String::new();
    let mut spans = Vec::new();
    let mut seen = BTreeSet::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        plain.push_str(&rest[..open]);
        let close = rest[open..].find('}').expect("closing brace") + open;
        let name = &rest[open + 1..close];
        if seen.insert(name_of(name)) {
            spans.push((n, plain.chars().count(), name.to_string()));
        }
        plain.push_str(name);
        rest = &rest[close + 1..];
    }
    plain.push_str(rest);
    (plain, spans)
}

/// The entity links of one section's HTML, as spans of its plain text.
fn linked(n: usize, html: &str) -> (String, Vec<Span>) {
    let para = html
        .split_once("<p>")
        .and_then(|(_, p)| p.split_once("</p>"))
        .map(|(p, _)| p)
        .unwrap_or("");
    let mut plain = String::new();
    let mut spans = Vec::new();
    let mut rest = para;
    while let Some(tag) = rest.find('<') {
        plain.push_str(&html_escape::decode_html_entities(&rest[..tag]));
        let end = rest[tag..].find('>').expect("tag end") + tag;
        let is_link = rest[tag..end].contains("entity-link");
        rest = &rest[end + 1..];
        if is_link {
            let close = rest.find("</a>").expect("link end");
            let text = html_escape::decode_html_entities(&rest[..close]).into_owned();
            spans.push((n, plain.chars().count(), text.clone()));
            plain.push_str(&text);
            rest = &rest[close + 4..];
        }
    }
    plain.push_str(&html_escape::decode_html_entities(rest));
    (plain, spans)
}

fn write_site(root: &Path, sample: &Sample) {
    std::fs::create_dir_all(root.join("content/wiki")).expect("mkdir");
    std::fs::create_dir_all(root.join("content/case-studies")).expect("mkdir");
    std::fs::write(
        root.join("site.toml"),
        "title = \"Autolink sample\"\nbase_url = \"https://example.com/\"\n",
    )
    .expect("site.toml");
    for e in &sample.entity {
        let aliases: Vec<String> = e.aliases.iter().map(|a| format!("{a:?}")).collect();
        let page = format!(
            "+++\ntitle = {:?}\nkind = {:?}\naliases = [{}]\n+++\nAn entity.\n",
            e.title,
            e.kind,
            aliases.join(", ")
        );
        std::fs::write(
            root.join(format!("content/wiki/{}.md", slug(&e.title))),
            page,
        )
        .expect("entity page");
    }
    let mut body = String::from("+++\ntitle = \"Sample\"\n+++\n");
    for (n, s) in sample.sentence.iter().enumerate() {
        let plain: String = s.text.chars().filter(|c| *c != '{' && *c != '}').collect();
        body.push_str(&format!("\n## S{n}\n\n{plain}\n"));
    }
    std::fs::write(root.join("content/case-studies/sample.md"), body).expect("sample page");
}

struct Score {
    right: usize,
    linked: usize,
    expected: usize,
}

impl Score {
    fn line(&self, split: &str) -> String {
        let p = 100.0 * self.right as f64 / self.linked.max(1) as f64;
        let r = 100.0 * self.right as f64 / self.expected.max(1) as f64;
        format!(
            "{split:8} precision {p:5.1}% ({}/{}), recall {r:5.1}% ({}/{})",
            self.right, self.linked, self.right, self.expected
        )
    }
}

#[test]
fn automatic_links_are_precise_on_the_labelled_sample() {
    let text =
        read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/autolink/sample.toml"));
    let sample: Sample = toml::from_str(&text).expect("sample.toml");
    let site = tempfile::tempdir().expect("tempdir");
    write_site(site.path(), &sample);
    build_ok(site.path(), &[]);
    let html = read(site.path().join("public/case-studies/sample/index.html"));
    let body = html
        .split_once("<div class=\"content\">")
        .map(|(_, b)| b)
        .expect("content div");
    let sections: Vec<&str> = body.split("<h2").skip(1).collect();
    assert!(
        sections.len() >= sample.sentence.len(),
        "one section per sentence"
    );
    let entity_of = |name: &str| {
        let key = name.to_lowercase();
        let found = sample.entity.iter().find(|e| {
            e.title.to_lowercase() == key || e.aliases.iter().any(|a| a.to_lowercase() == key)
        });
        found
            .map(|e| e.title.clone())
            .unwrap_or_else(|| key.clone())
    };
    let mut report = Vec::new();
    let mut misses = Vec::new();
    for split in ["tune", "heldout"] {
        let mut score = Score {
            right: 0,
            linked: 0,
            expected: 0,
        };
        for (n, s) in sample
            .sentence
            .iter()
            .enumerate()
            .filter(|(_, s)| s.split == split)
        {
            let (plain, want) = gold(n, &s.text, &entity_of);
            let (seen, got) = linked(n, sections[n]);
            assert_eq!(seen, plain, "sentence {n} renders as written");
            let want: BTreeSet<Span> = want.into_iter().collect();
            let got: BTreeSet<Span> = got.into_iter().collect();
            score.right += want.intersection(&got).count();
            score.linked += got.len();
            score.expected += want.len();
            for wrong in got.symmetric_difference(&want) {
                let what = if got.contains(wrong) {
                    "wrong link"
                } else {
                    "missed"
                };
                misses.push(format!("{split} {what}: {:?} in {plain}", wrong.2));
            }
        }
        report.push((split, score));
    }
    for (split, score) in &report {
        println!("autolink {}", score.line(split));
    }
    for m in &misses {
        println!("  {m}");
    }
    let tune = &report[0].1;
    assert!(
        tune.right * 100 >= tune.linked * 98 && tune.right * 100 >= tune.expected * 95,
        "tune precision ≥ 98%, recall ≥ 95%: {}",
        tune.line("tune")
    );
}
