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
use super::terms::{normalise, TermMatcher};

const KEY_POINTS: usize = 3;
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
    #[test]
    fn summary_is_two_central_sentences_not_the_first() {
        let d = digest_of(
            &[
                "On a rainy Tuesday in Shenzhen, a queue formed outside a small shop.",
                "Nayuki built its brand on fruit tea and soft bread served in large stores.",
                "Its answer was to pair fruit tea with soft bread in every Nayuki store.",
                "Fruit tea with soft bread made Nayuki stores a place to stay, not only to buy.",
                "The company listed in Hong Kong in 2021.",
                "Large stores cost more, but soft bread and fruit tea brought customers back to Nayuki.",
                "Critics said the stores were too big.",
            ],
            &["Nayuki", "fruit tea", "soft bread", "stores"],
            false,
        );
        assert!(!d.summary.starts_with("On a rainy Tuesday"), "{d:?}");
        assert!(!d.summary.contains("Its answer"), "{d:?}");
        let sentences = article_sentences(&[d.summary.clone()]);
        assert_eq!(sentences.len(), 2, "{d:?}");
        assert!(sentences.iter().all(|s| s.text.contains("Nayuki")), "{d:?}");
        assert!(!d.summary.contains("Critics said"), "{d:?}");
    }

    #[test]
    fn dangling_openings_never_start_a_summary_sentence() {
        let d = digest_of(
            &[
                "Li-Ning sells sportswear across China.",
                "They turned Li-Ning sportswear into China-chic fashion for young buyers.",
                "This made Li-Ning sportswear a fashion brand for young buyers in China.",
                "Li-Ning showed China-chic sportswear at New York Fashion Week for young buyers.",
                "However, Li-Ning sportswear stayed cheap for young buyers.",
                "Young buyers in China paid more for Li-Ning fashion after the show.",
            ],
            &["Li-Ning", "sportswear", "China-chic", "young buyers"],
            false,
        );
        for s in article_sentences(&[d.summary.clone()]) {
            for opening in ["They ", "This ", "However"] {
                assert!(!s.text.starts_with(opening), "{d:?}");
            }
        }
        let zh = digest_of(
            &[
                "安踏收购了斐乐，把高端运动品牌带进中国商场。",
                "他们认为高端运动品牌在中国商场有很大空间。",
                "此外，安踏还收购了始祖鸟等高端运动品牌。",
                "但是高端运动品牌的门店成本很高。",
                "安踏的多品牌战略让高端运动品牌在中国商场站稳了脚跟。",
                "这让安踏成为中国最大的运动品牌集团。",
            ],
            &["安踏", "高端运动品牌", "多品牌战略"],
            true,
        );
        for opening in ["他们", "此外", "但是", "这"] {
            assert!(!zh.summary.starts_with(opening), "{zh:?}");
            assert!(!zh.summary.contains(&format!("。{opening}")), "{zh:?}");
        }
        assert!(zh.summary.contains("多品牌战略"), "{zh:?}");
    }

    #[test]
    fn fragments_cut_mid_sentence_are_not_summaries() {
        let d = digest_of(
            &[
                "s holiday advert, and by Tuesday Peloton had lost value on the stock market.",
                "Peloton's holiday advert was criticised as sexist on social media.",
                "The holiday advert cost Peloton value on the stock market.",
                "Peloton defended the holiday advert at first.",
            ],
            &["Peloton", "holiday advert", "stock market"],
            false,
        );
        assert!(!d.summary.starts_with("s holiday"), "{d:?}");
    }
}
