//! Tags: keywords from the language's extractor plus alias-table concepts
//! named in the text, canonicalised through `data/aliases.toml`, with junk
//! (numbers, single letters, generic words), site and section names and
//! fragments of longer names removed (`names`), and the article's main
//! company always among them.
//!
//! Canonical display form: an alias group's `canonical` field (English, so
//! English and Chinese articles share tags); terms outside every group keep
//! their own form (Chinese stays Chinese).

use std::collections::HashSet;
use std::sync::OnceLock;

use super::aliases::{group_hits, group_of, AliasGroup};
use super::keywords_en::{english_keywords, stem, word_list, Zones};
use super::keywords_zh::chinese_keywords;
use super::names::{
    is_fragment_of, is_site_or_label, main_company_titled, occurrences, whole_name_zh,
};
use super::MetaInput;
use crate::text::fold::name_key;
use pieces::{counted_piece_zh, name_piece_en, quote_piece};

const GENERIC_WORDS: &str = include_str!("../../../data/ingest/generic_words.txt");

pub const MIN_TAGS: usize = 5;
pub const MAX_TAGS: usize = 10;
/// Tags scoring below this share of the best tag are dropped (beyond MIN_TAGS).
const CUTOFF: f64 = 0.12;
/// Weight of alias-table concepts relative to extracted keywords.
const ALIAS_WEIGHT: f64 = 1.0;
const EXTRACTED_WEIGHT: f64 = 0.8;
/// The least share of the best tag's score the main company gets.
const MAIN_COMPANY_SHARE: f64 = 0.9;
/// Weight of a Chinese keyword named only once (often a segmentation accident).
const SINGLE_MENTION: f64 = 0.3;

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
    let text = zone_text(&zones);
    for keyword in keywords.iter().filter(|k| !is_redundant(&k.term, &hits)) {
        let term = whole_name(&keyword.term, &text);
        let group = group_of(&term);
        let tag = group.map_or_else(|| term.clone(), |g| g.canonical.clone());
        let mut weight = group.map_or(1.0, |g| g.weight);
        if group.is_none() && crate::text::has_cjk(&term) && text.matches(term.as_str()).count() < 2
        {
            weight *= SINGLE_MENTION;
        }
        let score = EXTRACTED_WEIGHT * weight * (keyword.score / best_keyword).sqrt();
        add(&mut tags, tag, score);
    }
    let best_hits = hits.iter().map(|h| h.1).fold(0.0, f64::max);
    for (group, count) in hits {
        let score = ALIAS_WEIGHT * group.weight * (1.0 + count).ln() / (1.0 + best_hits).ln();
        add(&mut tags, group.canonical.clone(), score);
    }
    tags.retain(|t| !is_junk(&t.tag) && !is_site_or_label(&t.tag));
    drop_fragments(&mut tags, &text);
    drop_overlaps(&mut tags, &text);
    tags.retain(|t| {
        group_of(&t.tag).is_some()
            || !name_piece_en(&t.tag, &text)
                && !quote_piece(&t.tag, &text)
                && !counted_piece_zh(&t.tag, &text)
    });
    let straddlers: Vec<bool> = tags
        .iter()
        .map(|t| straddles_zh(&t.tag, &tags, &text))
        .collect();
    let mut flags = straddlers.into_iter();
    tags.retain(|_| !flags.next().unwrap_or(false));
    // The main company, and in Chinese the name no dictionary knows that the
    // text comes back to most (often the brand jieba cannot read).
    let company = main_company_titled(input.paragraphs, input.title, chinese);
    let unknown = chinese
        .then(|| super::names::unknown_subject_zh(input.paragraphs))
        .flatten();
    for subject in company.into_iter().chain(unknown) {
        include(&mut tags, &subject);
    }
    tags.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.tag.cmp(&b.tag)));
    cut(tags)
}

/// Title, headings and paragraphs as one text.
fn zone_text(zones: &Zones) -> String {
    let mut parts = vec![zones.title];
    parts.extend(zones.headings.iter().map(String::as_str));
    parts.extend(zones.paragraphs.iter().map(String::as_str));
    parts.join("\n")
}

/// A Chinese keyword outside the alias table grown into the name it is
/// always part of (`冰城` → `蜜雪冰城`), an English surname into the full
/// name the text gives (`Petersson` → `Toni Petersson`); other terms as they
/// are.
fn whole_name(term: &str, text: &str) -> String {
    if group_of(term).is_some() {
        return term.to_string();
    }
    let grown = if crate::text::has_cjk(term) {
        whole_name_zh(term, text)
    } else {
        super::people::full_name_en(term, text)
    };
    grown.unwrap_or_else(|| term.to_string())
}

/// Removes a tag that is part of a longer tag (`chief customer` of `chief
/// customer officer`, `冰城` of `蜜雪冰城`) and hardly occurs outside it;
/// its score goes to the longer tag. Alias-table concepts stay.
fn drop_fragments(tags: &mut Vec<ScoredTag>, text: &str) {
    let count = |t: &str| {
        if crate::text::has_cjk(t) {
            text.matches(t).count()
        } else {
            occurrences(text, t)
        }
    };
    let mut i = 0;
    while i < tags.len() {
        let part = tags[i].tag.clone();
        let inside = |whole: &str| {
            if crate::text::has_cjk(&part) {
                whole.len() > part.len() && whole.contains(part.as_str())
            } else {
                is_fragment_of(&part, whole)
            }
        };
        let longer = (0..tags.len()).find(|&j| {
            j != i && inside(&tags[j].tag) && {
                let whole = count(&tags[j].tag);
                whole > 0 && count(&part) <= whole
            }
        });
        match longer {
            Some(j) if group_of(&part).is_none() => {
                let score = tags[i].score;
                tags[j].score += score;
                tags.remove(i);
            }
            _ => i += 1,
        }
    }
}

/// Removes a capitalised tag that overlaps a more frequent one at its edge
/// (`Parker Home` against `Warby Parker`, `Warby Parker Home` against
/// `Home Try-On`): both are pieces of one longer name, and only the piece
/// the text uses most is a name of its own.
fn drop_overlaps(tags: &mut Vec<ScoredTag>, text: &str) {
    let overlaps = |a: &[String], b: &[String]| {
        (1..a.len().min(b.len())).any(|n| a[a.len() - n..] == b[..n] || b[b.len() - n..] == a[..n])
    };
    // Per tag, computed once: its folded words when it is a capitalised
    // name, and how often the text has it. An alias-table tag may beat a
    // name but is never beaten.
    let mut names: Vec<Option<Vec<String>>> = tags
        .iter()
        .map(|t| {
            let capitalised = t
                .tag
                .split_whitespace()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase));
            capitalised.then(|| t.tag.split_whitespace().map(str::to_lowercase).collect())
        })
        .collect();
    let mut known: Vec<bool> = tags.iter().map(|t| group_of(&t.tag).is_some()).collect();
    let mut counts: Vec<usize> = tags.iter().map(|t| occurrences(text, &t.tag)).collect();
    let mut i = 0;
    while i < tags.len() {
        let beaten = !known[i]
            && names[i].as_ref().is_some_and(|part| {
                (0..tags.len()).any(|j| {
                    j != i
                        && names[j].as_ref().is_some_and(|w| {
                            overlaps(part, w)
                                && !is_fragment_of(&tags[i].tag, &tags[j].tag)
                                && !is_fragment_of(&tags[j].tag, &tags[i].tag)
                                && counts[j] > counts[i]
                        })
                })
            });
        if beaten {
            tags.remove(i);
            names.remove(i);
            known.remove(i);
            counts.remove(i);
        } else {
            i += 1;
        }
    }
}

/// A Chinese tag that exists only where it runs across the edge of a
/// better-scored tag (`全食` in `味全食品`, where `味全` is the tag): a
/// segmentation accident, not a word of the article.
fn straddles_zh(tag: &str, tags: &[ScoredTag], text: &str) -> bool {
    if !crate::text::has_cjk(tag) || group_of(tag).is_some() {
        return false;
    }
    let own = tags.iter().find(|t| t.tag == tag).map_or(0.0, |t| t.score);
    let spans = |t: &str| -> Vec<(usize, usize)> {
        text.match_indices(t)
            .map(|(i, m)| (i, i + m.len()))
            .collect()
    };
    let others: Vec<(usize, usize)> = tags
        .iter()
        .filter(|o| o.tag != tag && crate::text::has_cjk(&o.tag) && o.score >= own)
        .flat_map(|o| spans(&o.tag))
        .collect();
    let mine = spans(tag);
    !mine.is_empty()
        && mine.iter().all(|&(s, e)| {
            others
                .iter()
                .any(|&(os, oe)| (os < s && s < oe && oe < e) || (s < os && os < e && e < oe))
        })
}

/// Makes sure `name` (canonicalised) is among the best tags: a main company
/// the extractors missed comes in just below the best tag.
fn include(tags: &mut Vec<ScoredTag>, name: &str) {
    let tag = group_of(name).map_or_else(|| name.to_string(), |g| g.canonical.clone());
    let top = tags.iter().map(|t| t.score).fold(0.0, f64::max);
    let key = tag_key(&tag);
    let floor = top * MAIN_COMPANY_SHARE;
    match tags.iter_mut().find(|t| tag_key(&t.tag) == key) {
        Some(existing) => existing.score = existing.score.max(floor),
        None => tags.push(ScoredTag { tag, score: floor }),
    }
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
    let folded = name_key(term);
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
    name_key(tag)
        .split(' ')
        .map(stem)
        .collect::<Vec<_>>()
        .join(" ")
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

mod pieces;

#[cfg(test)]
mod tests;
