//! English keyword extraction: RAKE-like candidate phrases (runs of content
//! words between stop words and punctuation), scored by weighted frequency.
//!
//! Words are case-folded and lightly stemmed (plural `s`/`ies`); repeated
//! bigrams and trigrams are kept as phrases and their occurrences are taken
//! away from the single words inside them, so `hunger marketing` does not also
//! produce `hunger`.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use super::verbs_en::has_verb_edge;
use super::Keyword;
use crate::text::sentences;

const STOPWORDS_EN: &str = include_str!("../../../data/ingest/stopwords_en.txt");

/// Plural-looking words that are not plurals.
const NOT_PLURAL: &[&str] = &[
    "news", "series", "species", "status", "campus", "analysis", "basis", "crisis", "bus",
];

/// Adverbs ending in -ly that are nouns.
const LY_NOUNS: &[&str] = &["supply", "family", "monopoly", "italy", "ally", "assembly"];

pub fn stopwords() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| word_list(STOPWORDS_EN))
}

/// An English stop word (lower case).
pub fn is_stopword(word: &str) -> bool {
    stopwords().contains(word)
}

/// Lines of a word-list file, without comments and blanks.
pub fn word_list(text: &'static str) -> HashSet<&'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}

/// Text zones and how much a hit in each counts.
pub struct Zones<'a> {
    pub title: &'a str,
    pub headings: &'a [String],
    pub paragraphs: &'a [String],
}

/// Counts of one candidate phrase.
#[derive(Default)]
struct Candidate {
    weight: f64,
    /// Occurrences, whatever the zone.
    count: usize,
    /// Surface form → count, for the display form.
    surfaces: HashMap<String, usize>,
    /// Seen in running text, not only in the title or headings (whose
    /// Title Case says nothing about names).
    in_body: bool,
}

/// The `top` best keywords of an English article, best first.
pub fn english_keywords(zones: &Zones, top: usize) -> Vec<Keyword> {
    let mut grams: [HashMap<String, Candidate>; 3] = Default::default();
    add_zone(zones.title, 3.0, false, &mut grams);
    for heading in zones.headings {
        add_zone(heading, 2.0, false, &mut grams);
    }
    // A paragraph repeating the title would make every title phrase look repeated.
    let repeats_title = |p: &str| p.trim().eq_ignore_ascii_case(zones.title.trim());
    for paragraph in zones.paragraphs.iter().filter(|p| !repeats_title(p)) {
        add_zone(paragraph, 1.0, true, &mut grams);
    }
    let [unigrams, bigrams, trigrams] = grams;
    let mut scored: Vec<Keyword> = Vec::new();
    let phrases: Vec<(String, Candidate, f64)> = trigrams
        .into_iter()
        .map(|(k, c)| (k, c, 2.5))
        .chain(bigrams.into_iter().map(|(k, c)| (k, c, 2.0)))
        .filter(|(_, c, _)| c.count >= 2)
        .collect();
    let mut unigram_weight: HashMap<String, f64> = unigrams
        .iter()
        .map(|(k, c)| (k.clone(), c.weight))
        .collect();
    for (key, candidate, boost) in &phrases {
        for word in key.split(' ') {
            if let Some(w) = unigram_weight.get_mut(word) {
                *w -= candidate.weight;
            }
        }
        scored.push(Keyword {
            term: display_form(candidate),
            score: candidate.weight * boost,
        });
    }
    for (key, candidate) in &unigrams {
        let weight = unigram_weight.get(key).copied().unwrap_or(0.0);
        if weight >= 1.0 {
            scored.push(Keyword {
                term: display_form(candidate),
                score: weight,
            });
        }
    }
    scored.retain(|k| !ends_in_participle(&k.term) && !has_verb_edge(&k.term));
    scored.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.term.cmp(&b.term))
    });
    scored.truncate(top);
    scored
}

fn add_zone(text: &str, factor: f64, body: bool, grams: &mut [HashMap<String, Candidate>; 3]) {
    for sentence in sentences::split(text) {
        for run in content_runs(sentence) {
            for n in 1..=3 {
                for window in run.windows(n) {
                    let key: Vec<&str> = window.iter().map(|w| w.stem.as_str()).collect();
                    let surface: Vec<&str> = window.iter().map(|w| w.surface.as_str()).collect();
                    let entry = grams[n - 1].entry(key.join(" ")).or_default();
                    entry.weight += factor;
                    entry.count += 1;
                    entry.in_body |= body;
                    *entry.surfaces.entry(surface.join(" ")).or_default() += 1;
                }
            }
        }
    }
}

/// A content word: its surface form (possessive removed) and its stem.
#[derive(Debug, Clone, PartialEq)]
struct Word {
    surface: String,
    stem: String,
}

/// Runs of consecutive content words in a sentence.
fn content_runs(sentence: &str) -> Vec<Vec<Word>> {
    let mut runs = Vec::new();
    let mut run: Vec<Word> = Vec::new();
    let mut token = String::new();
    let mut flush_run = |run: &mut Vec<Word>| {
        if !run.is_empty() {
            runs.push(std::mem::take(run));
        }
    };
    for c in sentence.chars().chain(std::iter::once(' ')) {
        if c.is_alphanumeric() && !crate::text::is_cjk(c) || matches!(c, '\'' | '\u{2019}' | '-') {
            token.push(if c == '\u{2019}' { '\'' } else { c });
            continue;
        }
        if !token.is_empty() {
            match content_word(&token) {
                Some(word) => run.push(word),
                None => flush_run(&mut run),
            }
            token.clear();
        }
        if !c.is_whitespace() {
            flush_run(&mut run);
        }
    }
    flush_run(&mut run);
    runs
}

/// The content word a token stands for, or `None` for stop words, numbers
/// and adverbs.
fn content_word(token: &str) -> Option<Word> {
    let token = token.trim_matches(|c| c == '\'' || c == '-');
    let surface = token
        .strip_suffix("'s")
        .or_else(|| token.strip_suffix("s'"))
        .unwrap_or(token);
    let lower = surface.to_lowercase();
    let is_adverb = lower.len() > 4 && lower.ends_with("ly") && !LY_NOUNS.contains(&lower.as_str());
    if lower.chars().count() < 2
        || lower.chars().any(|c| c.is_ascii_digit())
        || stopwords().contains(lower.as_str())
        || is_adverb
    {
        return None;
    }
    Some(Word {
        surface: surface.to_string(),
        stem: stem(&lower),
    })
}

/// `dark horse named`, `established`: phrases ending in a past participle
/// are not noun phrases (`speed`, `seed` are spared).
fn ends_in_participle(term: &str) -> bool {
    let last = term.rsplit(' ').next().unwrap_or("").to_lowercase();
    last.len() > 4 && last.ends_with("ed") && !last.ends_with("eed")
}

/// Light plural stemming: `companies` → `company`, `users` → `user`.
pub fn stem(word: &str) -> String {
    if NOT_PLURAL.contains(&word) || word.len() <= 3 {
        return word.to_string();
    }
    if let Some(base) = word.strip_suffix("ies") {
        return format!("{base}y");
    }
    if word.ends_with("sses")
        || word.ends_with("xes")
        || word.ends_with("ches")
        || word.ends_with("shes")
    {
        return word[..word.len() - 2].to_string();
    }
    if word.ends_with('s')
        && !word.ends_with("ss")
        && !word.ends_with("us")
        && !word.ends_with("is")
    {
        return word[..word.len() - 1].to_string();
    }
    word.to_string()
}

/// The most common surface form, each word in lower case unless it is
/// capitalised wherever the phrase occurs and the phrase appears in running
/// text (a name like `Huawei`; a word capitalised only by a Title Case
/// headline is not one), or it is an acronym (`IKEA catalogue`).
fn display_form(candidate: &Candidate) -> String {
    let surfaces = &candidate.surfaces;
    let best = surfaces
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
        .map(|(s, _)| s.clone())
        .unwrap_or_default();
    let capitalised_everywhere = |k: usize| {
        candidate.in_body
            && surfaces.keys().all(|s| {
                s.split(' ')
                    .nth(k)
                    .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
            })
    };
    let words: Vec<String> = best
        .split(' ')
        .enumerate()
        .map(|(k, w)| {
            let acronym = w.chars().count() > 1 && w.chars().all(|c| !c.is_lowercase());
            if acronym || capitalised_everywhere(k) {
                w.to_string()
            } else {
                w.to_lowercase()
            }
        })
        .collect();
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keywords(title: &str, body: &str) -> Vec<String> {
        let paragraphs = vec![body.to_string()];
        let zones = Zones {
            title,
            headings: &[],
            paragraphs: &paragraphs,
        };
        english_keywords(&zones, 6)
            .into_iter()
            .map(|k| k.term)
            .collect()
    }

    #[test]
    fn participles_do_not_end_keywords() {
        assert!(ends_in_participle("dark horse named"));
        assert!(ends_in_participle("established"));
        assert!(!ends_in_participle("network speed"));
        assert!(!ends_in_participle("named brands"));
    }

    #[test]
    fn stems_plurals_lightly() {
        assert_eq!(stem("companies"), "company");
        assert_eq!(stem("users"), "user");
        assert_eq!(stem("boxes"), "box");
        assert_eq!(stem("business"), "business");
        assert_eq!(stem("crisis"), "crisis");
        assert_eq!(stem("news"), "news");
    }

    #[test]
    fn runs_break_at_stop_words_punctuation_and_numbers() {
        let runs = content_runs("Xiaomi's smart routers, sold in 2014 to loyal fans.");
        let stems: Vec<Vec<String>> = runs
            .iter()
            .map(|r| r.iter().map(|w| w.stem.clone()).collect())
            .collect();
        assert_eq!(
            stems,
            vec![
                vec!["xiaomi", "smart", "router"],
                vec!["sold"],
                vec!["loyal", "fan"]
            ]
        );
    }

    #[test]
    fn a_paragraph_repeating_the_title_does_not_make_phrases() {
        let found = keywords("A dark horse named Xiaomi", "A dark horse named Xiaomi");
        assert!(!found.iter().any(|k| k.contains(' ')), "{found:?}");
    }

    #[test]
    fn repeated_phrases_beat_their_words() {
        let found = keywords(
            "Hunger marketing and smart routers",
            "Hunger marketing sells smart routers. Critics say hunger marketing frustrates buyers of smart routers. \
             Huawei copied hunger marketing. Huawei sells routers too.",
        );
        assert_eq!(found[0], "hunger marketing");
        assert_eq!(found[1], "smart routers");
        assert!(found.contains(&"Huawei".to_string()), "{found:?}");
        assert!(!found.contains(&"hunger".to_string()), "{found:?}");
    }
}
