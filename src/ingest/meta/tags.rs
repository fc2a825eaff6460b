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
    let mut tags: Vec<ScoredTag> = Vec::new();
    let best_keyword = keywords.iter().map(|k| k.score).fold(0.0, f64::max);
    for keyword in &keywords {
        let group = group_of(&keyword.term);
        let tag = group.map_or_else(|| keyword.term.clone(), |g| g.canonical.clone());
        let weight = group.map_or(1.0, |g| g.weight);
        add(
            &mut tags,
            tag,
            EXTRACTED_WEIGHT * weight * (keyword.score / best_keyword).sqrt(),
        );
    }
    let hits = weighted_alias_hits(&zones);
    let best_hits = hits.iter().map(|h| h.1).fold(0.0, f64::max);
    for (group, count) in hits {
        add(
            &mut tags,
            group.canonical.clone(),
            ALIAS_WEIGHT * group.weight * (count / best_hits).sqrt(),
        );
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
        || generic_words().contains(lower.as_str())
        || generic_words().contains(stem(&lower).as_str())
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
        let paragraphs: Vec<String> = body.iter().map(|s| s.to_string()).collect();
        let input = MetaInput {
            title,
            lang,
            paragraphs: &paragraphs,
            headings: &[],
        };
        extract_tags(&input, lang == "zh")
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
