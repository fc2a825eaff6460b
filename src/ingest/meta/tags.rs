//! Tags: keywords from the language's extractor plus alias-table concepts
//! named in the text, canonicalised through `data/aliases.toml`, with junk
//! (numbers, single letters, generic words) removed.
//!
//! Canonical display form: an alias group's `canonical` field (English, so
//! English and Chinese articles share tags); terms outside every group keep
//! their own form (Chinese stays Chinese).

use std::collections::HashSet;
use std::sync::OnceLock;

use super::aliases::{fold, group_hits, group_of, AliasGroup};
use super::keywords_en::{english_keywords, stem, word_list, Zones};
use super::keywords_zh::chinese_keywords;
use super::MetaInput;

const GENERIC_WORDS: &str = include_str!("../../../data/ingest/generic_words.txt");

pub const MIN_TAGS: usize = 5;
pub const MAX_TAGS: usize = 10;
/// Tags scoring below this share of the best tag are dropped (beyond MIN_TAGS).
const CUTOFF: f64 = 0.12;
/// Weight of alias-table concepts relative to extracted keywords.
const ALIAS_WEIGHT: f64 = 1.0;
const EXTRACTED_WEIGHT: f64 = 0.8;

/// A tag with its combined score.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoredTag {
    pub tag: String,
    pub score: f64,
}

fn generic_words() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| word_list(GENERIC_WORDS))
}

/// The article's 5–10 tags, best first.
pub fn extract_tags(input: &MetaInput, chinese: bool) -> Vec<String> {
    scored_tags(input, chinese)
        .into_iter()
        .map(|t| t.tag)
        .collect()
}

/// Tags with scores, best first, already cut to 5–10.
pub fn scored_tags(input: &MetaInput, chinese: bool) -> Vec<ScoredTag> {
    let zones = Zones {
        title: input.title,
        headings: input.headings,
        paragraphs: input.paragraphs,
    };
    let keywords = if chinese {
        chinese_keywords(&zones, 30)
    } else {
        english_keywords(&zones, 30)
    };
    let hits = weighted_alias_hits(&zones);
    let mut tags: Vec<ScoredTag> = Vec::new();
    let best_keyword = keywords.iter().map(|k| k.score).fold(0.0, f64::max);
    for keyword in keywords.iter().filter(|k| !is_redundant(&k.term, &hits)) {
        let group = group_of(&keyword.term);
        let tag = group.map_or_else(|| keyword.term.clone(), |g| g.canonical.clone());
        let weight = group.map_or(1.0, |g| g.weight);
        let score = EXTRACTED_WEIGHT * weight * (keyword.score / best_keyword).sqrt();
        add(&mut tags, tag, score);
    }
    let best_hits = hits.iter().map(|h| h.1).fold(0.0, f64::max);
    for (group, count) in hits {
        let score = ALIAS_WEIGHT * group.weight * (1.0 + count).ln() / (1.0 + best_hits).ln();
        add(&mut tags, group.canonical.clone(), score);
    }
    tags.retain(|t| !is_junk(&t.tag));
    tags.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.tag.cmp(&b.tag)));
    cut(tags)
}

/// Alias-group mentions, title ×3 and headings ×2.
fn weighted_alias_hits(zones: &Zones) -> Vec<(&'static AliasGroup, f64)> {
    let mut out: Vec<(&'static AliasGroup, f64)> = Vec::new();
    let mut count = |text: &str, factor: f64| {
        for (group, n) in group_hits(text) {
            match out.iter_mut().find(|(g, _)| std::ptr::eq(*g, group)) {
                Some(entry) => entry.1 += n as f64 * factor,
                None => out.push((group, n as f64 * factor)),
            }
        }
    };
    count(zones.title, 3.0);
    zones.headings.iter().for_each(|h| count(h, 2.0));
    zones.paragraphs.iter().for_each(|p| count(p, 1.0));
    out
}

/// An extracted keyword that only restates alias concepts: an English phrase
/// made of alias names and generic words (`xiaomi brand`), or a Chinese
/// fragment of a longer alias name named in the text (`社会化` of `社会化媒体`).
fn is_redundant(term: &str, hits: &[(&AliasGroup, f64)]) -> bool {
    if group_of(term).is_some() {
        return false;
    }
    if crate::text::has_cjk(term) {
        return hits.iter().any(|(g, _)| {
            g.all_names()
                .any(|n| n.len() > term.len() && n.contains(term))
        });
    }
    let folded = fold(term);
    let words: Vec<&str> = folded.split(' ').collect();
    words.len() > 1 && covered_by_names(&words)
}

/// Whether `words` split entirely into alias names (up to 3 words) and
/// generic words.
fn covered_by_names(words: &[&str]) -> bool {
    let mut i = 0;
    while i < words.len() {
        let longest = (words.len() - i).min(3);
        let step = (1..=longest).rev().find(|&n| {
            let piece = words[i..i + n].join(" ");
            group_of(&piece).is_some() || is_generic(&piece)
        });
        match step {
            Some(n) => i += n,
            None => return false,
        }
    }
    true
}

fn is_generic(word: &str) -> bool {
    generic_words().contains(word) || generic_words().contains(stem(word).as_str())
}

/// Adds `score` to `tag`, merging spellings that fold or stem to the same key.
fn add(tags: &mut Vec<ScoredTag>, tag: String, score: f64) {
    let key = tag_key(&tag);
    match tags.iter_mut().find(|t| tag_key(&t.tag) == key) {
        Some(existing) => existing.score += score,
        None => tags.push(ScoredTag { tag, score }),
    }
}

fn tag_key(tag: &str) -> String {
    fold(tag).split(' ').map(stem).collect::<Vec<_>>().join(" ")
}

/// Numbers, single characters, stop words and generic words.
pub fn is_junk(tag: &str) -> bool {
    let lower = tag.to_lowercase();
    let chars = lower.chars().count();
    let cjk = crate::text::has_cjk(&lower);
    let too_short = if cjk {
        chars < 2
    } else {
        chars < 3 && !is_acronym(tag)
    };
    too_short
        || lower
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_ascii_punctuation() || c.is_whitespace())
        || lower.chars().any(|c| c.is_ascii_digit()) && chars <= 4
        || is_generic(&lower)
}

fn is_acronym(tag: &str) -> bool {
    tag.len() >= 2 && tag.chars().all(|c| c.is_ascii_uppercase())
}

/// Keeps the best `MAX_TAGS`, dropping weak ones while more than `MIN_TAGS`
/// remain.
fn cut(mut tags: Vec<ScoredTag>) -> Vec<ScoredTag> {
    tags.truncate(MAX_TAGS);
    let top = tags.first().map_or(0.0, |t| t.score);
    while tags.len() > MIN_TAGS && tags.last().is_some_and(|t| t.score < top * CUTOFF) {
        tags.pop();
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags_of(title: &str, lang: &str, body: &[&str]) -> Vec<String> {
        MetaInput::with(title, lang, body, |input| extract_tags(input, lang == "zh"))
    }

    #[test]
    fn junk_is_filtered() {
        assert!(is_junk("2012"));
        assert!(is_junk("x"));
        assert!(is_junk("米"));
        assert!(is_junk("Company"));
        assert!(is_junk("people"));
        assert!(is_junk("公司"));
        assert!(!is_junk("IP"));
        assert!(!is_junk("word of mouth"));
        assert!(!is_junk("口碑"));
    }

    #[test]
    fn phrases_restating_alias_concepts_are_redundant() {
        assert!(is_redundant("xiaomi brand", &[]));
        assert!(is_redundant("Xiaomi mobile phone", &[]));
        assert!(!is_redundant("brutal growth", &[]));
        assert!(!is_redundant("community marketing", &[]));
        let social_media = group_of("社会化媒体").map(|g| (g, 1.0));
        assert!(is_redundant(
            "社会化",
            &social_media.into_iter().collect::<Vec<_>>()
        ));
        assert!(!is_redundant("青春", &[]));
    }

    #[test]
    fn english_tags_are_canonical() {
        let tags = tags_of(
            "Word-of-mouth lessons from a coffee chain",
            "en",
            &[
                "Luckin grew through word of mouth and WeChat coupons. Its Weibo posts went viral.",
                "Word-of-mouth marketing needs a hit product; Luckin's hit products were cheap lattes.",
                "Microblog fans shared coupons, and coupons brought friends.",
            ],
        );
        assert_eq!(
            tags.first().map(String::as_str),
            Some("word of mouth"),
            "{tags:?}"
        );
        for expected in [
            "Luckin Coffee",
            "WeChat",
            "Weibo",
            "hit products",
            "coupons",
        ] {
            assert!(
                tags.iter().any(|t| t == expected),
                "missing {expected}: {tags:?}"
            );
        }
        assert!(tags.len() >= MIN_TAGS && tags.len() <= MAX_TAGS, "{tags:?}");
    }

    #[test]
    fn chinese_and_english_articles_share_tags() {
        let zh = tags_of(
            "小米的口碑传播法则",
            "zh",
            &["小米手机的红火，让其粉丝营销备受关注。互联网思维就是口碑为王。雷军提出专注、极致、口碑、快。饥饿营销和微博让米粉参与。"],
        );
        let en = tags_of(
            "Xiaomi's word of mouth",
            "en",
            &["Lei Jun says word of mouth is king. Millet used hunger marketing and Weibo so Mi fans could take part."],
        );
        for shared in [
            "word of mouth",
            "Xiaomi",
            "Lei Jun",
            "hunger marketing",
            "Weibo",
        ] {
            assert!(zh.iter().any(|t| t == shared), "zh lacks {shared}: {zh:?}");
            assert!(en.iter().any(|t| t == shared), "en lacks {shared}: {en:?}");
        }
    }
}
