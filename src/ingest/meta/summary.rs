//! Extractive summary (1–2 sentences) and key points (3 more sentences, in
//! text order).
//!
//! A sentence scores by how many tag concepts it names (any spelling from the
//! alias table), divided by the square root of its length, plus a bonus for
//! coming early. Questions, fragments, run-ons and near-duplicates are skipped.

use std::collections::HashSet;

use super::aliases::expand;
use super::categories::word_units;
use super::sentences::Sentence;
use super::terms::{normalise, TermMatcher};

const KEY_POINTS: usize = 3;

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

/// Openings that lean on the sentence before and read badly alone.
const DANGLING_OPENINGS: &[&str] = &[
    "but ",
    "and ",
    "however",
    "so ",
    "this ",
    "that ",
    "these ",
    "it ",
    "also ",
    "therefore",
    "because ",
    "or ",
    "但",
    "而",
    "所以",
    "因此",
    "这",
    "那",
    "其",
    "它",
    "他们",
];

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
    let mut chosen: Vec<(&Sentence, f64)> = Vec::new();
    for strict in [true, false] {
        for (i, score) in rank(sentences, tags, &bounds, strict) {
            let sentence = &sentences[i];
            if chosen.len() < 2 + KEY_POINTS
                && !chosen.iter().any(|c| similar(&c.0.text, &sentence.text))
            {
                chosen.push((sentence, score));
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

/// 1 or 2: a second sentence joins when it scores nearly as well, the pair is
/// not too long, and enough sentences remain for the key points.
fn summary_length(chosen: &[(&Sentence, f64)], bounds: &Bounds) -> usize {
    if chosen.len() < 2 {
        return chosen.len();
    }
    let strong = chosen[1].1 >= chosen[0].1 * 0.8;
    let short =
        chosen[0].0.text.chars().count() + chosen[1].0.text.chars().count() <= bounds.pair_max;
    if strong && short && chosen.len() > KEY_POINTS + 1 {
        2
    } else {
        1
    }
}

/// Eligible sentence indexes with scores, best first.
fn rank(
    sentences: &[Sentence],
    tags: &[String],
    bounds: &Bounds,
    strict: bool,
) -> Vec<(usize, f64)> {
    let concepts = ConceptMatcher::new(tags);
    let total = sentences.len().max(1) as f64;
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
        .map(|(i, s)| {
            let coverage = concepts.coverage(&s.text);
            let length = word_units(&s.text).max(4.0).sqrt();
            let position =
                1.0 + 0.5 * (1.0 - s.order as f64 / total) + if s.order < 2 { 0.3 } else { 0.0 };
            (i, (0.2 + coverage) / length * position)
        })
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    ranked
}

/// Not a question, a fragment, a run-on, or a sentence leaning on the last.
fn eligible(text: &str, bounds: &Bounds) -> bool {
    let chars = text.chars().count();
    let lower = text.to_lowercase();
    let is_question = text.contains(['?', '？']);
    let complete = text.ends_with(['.', '!', '。', '！', '"', '\u{201D}', '」']);
    chars >= bounds.min
        && chars <= bounds.max
        && !is_question
        && complete
        && !DANGLING_OPENINGS.iter().any(|o| lower.starts_with(o))
}

/// The relaxed check: any statement of a few words.
fn acceptable(text: &str) -> bool {
    text.chars().count() >= 8 && !text.contains(['?', '？'])
}

/// Counts the distinct tags a sentence names, weighting earlier tags more.
struct ConceptMatcher {
    matcher: Option<TermMatcher>,
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
            matcher: TermMatcher::new(&patterns),
            pattern_tag,
            tag_count: tags.len(),
        }
    }

    fn coverage(&self, text: &str) -> f64 {
        let Some(matcher) = &self.matcher else {
            return 0.0;
        };
        let named: HashSet<usize> = matcher
            .hits(&normalise(text))
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
mod tests {
    use super::*;
    use crate::ingest::meta::sentences::article_sentences;

    fn digest_of(paragraphs: &[&str], tags: &[&str], chinese: bool) -> Digest {
        let paragraphs: Vec<String> = paragraphs.iter().map(|s| s.to_string()).collect();
        let tags: Vec<String> = tags.iter().map(|s| s.to_string()).collect();
        digest(&article_sentences(&paragraphs), &tags, chinese)
    }

    #[test]
    fn summary_names_the_main_concepts_and_key_points_follow_text_order() {
        let d = digest_of(
            &[
                "Xiaomi built its brand on word of mouth among Mi fans.",
                "The weather was nice that year.",
                "Why did it work? Fans felt a sense of participation in MIUI.",
                "Lei Jun also used hunger marketing on Weibo.",
                "Later, Weibo campaigns spread the word of mouth further.",
                "Short one.",
            ],
            &[
                "Xiaomi",
                "word of mouth",
                "Mi fans",
                "hunger marketing",
                "Weibo",
                "sense of participation",
            ],
            false,
        );
        assert!(
            d.summary
                .starts_with("Xiaomi built its brand on word of mouth"),
            "{d:?}"
        );
        assert_eq!(d.key_points.len(), 3, "{d:?}");
        assert!(
            !d.key_points.iter().any(|p| d.summary.contains(p.as_str())),
            "{d:?}"
        );
        assert!(
            !d.key_points
                .iter()
                .any(|p| p.contains('?') || p == "Short one."),
            "{d:?}"
        );
        let mut sorted = d.key_points.clone();
        sorted.sort_by_key(|p| {
            ["Xiaomi", "The weather", "Fans", "Lei Jun", "Later"]
                .iter()
                .position(|s| p.starts_with(s))
        });
        assert_eq!(sorted, d.key_points);
    }

    #[test]
    fn short_articles_fall_back_to_fragments() {
        let d = digest_of(
            &["Xiaomi grew fast. Mi fans helped Xiaomi. Weibo too. Why? Fans."],
            &["Xiaomi", "Mi fans"],
            false,
        );
        assert!(!d.summary.is_empty(), "{d:?}");
        assert_eq!(d.key_points.len(), 2, "{d:?}");
    }

    #[test]
    fn chinese_sentences_are_joined_without_spaces_and_near_duplicates_skipped() {
        let d = digest_of(
            &[
                "互联网思维就是口碑为王，用户主要以口碑来选择产品。",
                "互联网思维就是口碑为王，用户以口碑来选择产品。",
                "好产品就是口碑的发动机，社会化媒体是加速器。",
                "小米做手机，开创了一个全新的品类：互联网手机。",
                "如何把产品做到极致？",
                "米粉的参与感来自论坛和微博上的互动。",
            ],
            &[
                "word of mouth",
                "social media",
                "Xiaomi",
                "Mi fans",
                "sense of participation",
            ],
            true,
        );
        let all: Vec<&str> = std::iter::once(d.summary.as_str())
            .chain(d.key_points.iter().map(String::as_str))
            .collect();
        assert!(!d.summary.contains(' '), "{d:?}");
        let duplicates = all.iter().filter(|s| s.contains("口碑为王")).count();
        assert_eq!(duplicates, 1, "{d:?}");
        assert!(!all.iter().any(|s| s.contains('？')), "{d:?}");
    }
}
