//! Extractive summary (1–2 sentences) and key points (3 more sentences, in
//! text order).
//!
//! A sentence scores by its centrality across the text (TextRank over
//! sentence similarity, `centrality`), raised by how many tag concepts it
//! names (any spelling from the alias table); its position does not count.
//! The summary is the two best sentences that read alone: questions,
//! fragments (a lower-case start), run-ons, sentences opening with a
//! reference to the one before (`data/ingest/dangling_openings.txt`) and
//! near-duplicates are skipped.

use std::collections::HashSet;
use std::sync::OnceLock;

use super::aliases::expand;
use super::centrality::centrality;
use super::keywords_en::word_list;
use super::sentences::Sentence;
use crate::text::names::NameMatcher;

const KEY_POINTS: usize = 3;
/// The mark of words the source redacted (`mt_fix`): such a sentence has a hole.
const REDACTED: &str = "[…]";
/// Longest run-in label, in words.
const MAX_LABEL_WORDS: usize = 3;
/// How much naming the article's tag concepts raises a sentence's centrality.
const CONCEPT_WEIGHT: f64 = 1.0;

/// Length limits in characters, per language.
struct Bounds {
    min: usize,
    max: usize,
    /// Longest summary when it has two sentences.
    pair_max: usize,
}

fn bounds(chinese: bool) -> Bounds {
    if chinese {
        Bounds {
            min: 12,
            max: 120,
            pair_max: 160,
        }
    } else {
        Bounds {
            min: 20,
            max: 220,
            pair_max: 320,
        }
    }
}

const DANGLING_OPENINGS: &str = include_str!("../../../data/ingest/dangling_openings.txt");

fn dangling_openings() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| word_list(DANGLING_OPENINGS))
}

/// Whether `text` starts with a reference or connective to the sentence
/// before (`Its answer…`, `They…`, `此外…`).
pub fn starts_dangling(text: &str) -> bool {
    let openings = dangling_openings();
    if crate::text::has_cjk(
        text.chars()
            .next()
            .map(String::from)
            .as_deref()
            .unwrap_or(""),
    ) {
        return openings.iter().any(|o| text.starts_with(o));
    }
    let words: Vec<String> = text
        .split_whitespace()
        .take(4)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
                .replace('’', "'")
                .to_lowercase()
        })
        .collect();
    (1..=words.len()).any(|n| openings.contains(words[..n].join(" ").as_str()))
}

/// Summary and key points chosen from `sentences`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Digest {
    pub summary: String,
    pub key_points: Vec<String>,
}

/// Picks the summary and key points, using `tags` as the article's concepts.
/// When too few sentences pass the strict checks, fragments and run-ons are
/// allowed so short articles still get key points.
pub fn digest(sentences: &[Sentence], tags: &[String], chinese: bool) -> Digest {
    let bounds = bounds(chinese);
    let mut chosen: Vec<(&Sentence, bool)> = Vec::new();
    for strict in [true, false] {
        for i in rank(sentences, tags, &bounds, strict) {
            let sentence = &sentences[i];
            if chosen.len() < 2 + KEY_POINTS
                && !chosen.iter().any(|c| similar(&c.0.text, &sentence.text))
            {
                chosen.push((sentence, strict));
            }
        }
        if chosen.len() > KEY_POINTS {
            break;
        }
    }
    let summary_len = summary_length(&chosen, &bounds);
    let mut summary: Vec<&Sentence> = chosen[..summary_len].iter().map(|c| c.0).collect();
    summary.sort_by_key(|s| s.order);
    let mut points: Vec<&Sentence> = chosen[summary_len..]
        .iter()
        .take(KEY_POINTS)
        .map(|c| c.0)
        .collect();
    points.sort_by_key(|s| s.order);
    let joiner = if chinese { "" } else { " " };
    Digest {
        summary: summary
            .iter()
            .map(|s| s.text.as_str())
            .collect::<Vec<_>>()
            .join(joiner),
        key_points: points.iter().map(|s| s.text.clone()).collect(),
    }
}

/// 2 when the two best sentences both read alone, are not too long together
/// and enough sentences remain for the key points; else 1 (or 0).
fn summary_length(chosen: &[(&Sentence, bool)], bounds: &Bounds) -> usize {
    if chosen.len() <= KEY_POINTS + 1 || !chosen[1].1 {
        return chosen.len().min(1);
    }
    let pair = chosen[0].0.text.chars().count() + chosen[1].0.text.chars().count();
    if pair <= bounds.pair_max {
        2
    } else {
        1
    }
}

/// Eligible sentence indexes, best first.
fn rank(sentences: &[Sentence], tags: &[String], bounds: &Bounds, strict: bool) -> Vec<usize> {
    let concepts = ConceptMatcher::new(tags);
    let texts: Vec<&str> = sentences.iter().map(|s| s.text.as_str()).collect();
    let central = centrality(&texts);
    let coverage: Vec<f64> = texts.iter().map(|t| concepts.coverage(t)).collect();
    let best_coverage = coverage.iter().copied().fold(0.0, f64::max).max(1.0);
    let mut ranked: Vec<(usize, f64)> = sentences
        .iter()
        .enumerate()
        .filter(|(_, s)| {
            if strict {
                eligible(&s.text, bounds)
            } else {
                acceptable(&s.text)
            }
        })
        .map(|(i, _)| {
            let named = coverage[i] / best_coverage;
            (i, (0.05 + central[i]) * (1.0 + CONCEPT_WEIGHT * named))
        })
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    ranked.into_iter().map(|(i, _)| i).collect()
}

/// Not a question, a fragment, a run-on, or a sentence leaning on the last.
fn eligible(text: &str, bounds: &Bounds) -> bool {
    let chars = text.chars().count();
    let is_question = text.contains(['?', '？']);
    let complete = text.ends_with(['.', '!', '。', '！', '"', '\u{201D}', '」']);
    chars >= bounds.min
        && chars <= bounds.max
        && !is_question
        && complete
        && !text.starts_with(char::is_lowercase)
        && !starts_dangling(text)
        && !starts_with_label(text)
        && !text.contains(REDACTED)
}

/// `Marketing participation: …`: an English sentence led by a run-in label
/// of a few capitalised words and a colon (a heading glued to its text).
fn starts_with_label(text: &str) -> bool {
    let Some((label, _)) = text.split_once(':') else {
        return false;
    };
    let words: Vec<&str> = label.split_whitespace().collect();
    !crate::text::has_cjk(label)
        && (1..=MAX_LABEL_WORDS).contains(&words.len())
        && words[0].starts_with(char::is_uppercase)
        && !words
            .iter()
            .any(|w| w.chars().all(char::is_lowercase) && is_verb_like(w))
}

/// Words that make `X said:` a sentence, not a label.
fn is_verb_like(word: &str) -> bool {
    matches!(
        word,
        "said" | "says" | "wrote" | "writes" | "added" | "explained" | "is" | "was" | "are"
    )
}

/// The relaxed check: any statement of a few words.
fn acceptable(text: &str) -> bool {
    text.chars().count() >= 8 && !text.contains(['?', '？'])
}

/// Counts the distinct tags a sentence names, weighting earlier tags more.
struct ConceptMatcher {
    matcher: Option<NameMatcher>,
    /// Pattern index → tag index.
    pattern_tag: Vec<usize>,
    tag_count: usize,
}

impl ConceptMatcher {
    fn new(tags: &[String]) -> ConceptMatcher {
        let mut patterns = Vec::new();
        let mut pattern_tag = Vec::new();
        for (index, tag) in tags.iter().enumerate() {
            for name in expand(tag) {
                patterns.push(name.to_string());
                pattern_tag.push(index);
            }
        }
        ConceptMatcher {
            matcher: NameMatcher::terms(&patterns),
            pattern_tag,
            tag_count: tags.len(),
        }
    }

    fn coverage(&self, text: &str) -> f64 {
        let Some(matcher) = &self.matcher else {
            return 0.0;
        };
        let named: HashSet<usize> = matcher
            .hits(text)
            .into_iter()
            .map(|p| self.pattern_tag[p])
            .collect();
        named
            .iter()
            .map(|&tag| 1.0 - 0.5 * tag as f64 / self.tag_count.max(1) as f64)
            .sum()
    }
}

/// Word-set (English) or character-bigram (Chinese) overlap above one half.
fn similar(a: &str, b: &str) -> bool {
    let (sa, sb) = (shingles(a), shingles(b));
    let smaller = sa.len().min(sb.len()).max(1) as f64;
    sa.intersection(&sb).count() as f64 / smaller > 0.6
}

fn shingles(text: &str) -> HashSet<String> {
    let lower = text.to_lowercase();
    if crate::text::has_cjk(&lower) {
        let chars: Vec<char> = lower.chars().filter(|&c| crate::text::is_cjk(c)).collect();
        chars.windows(2).map(|w| w.iter().collect()).collect()
    } else {
        lower
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.len() > 2)
            .map(str::to_string)
            .collect()
    }
}

#[cfg(test)]
mod tests;
