//! Whole names for tags: a Chinese keyword cut out of a longer name is
//! grown back to the name (`冰城` → `蜜雪冰城`), an English phrase inside a
//! longer one is a fragment of it (`chief customer` of `chief customer
//! officer`), a site, column or byline name is no tag (`Campaign Desk`,
//! `中央社`, `责编`), and the article's main company is found: the most
//! frequent organisation-like name (English: a capitalised name near
//! company words rather than person words; Chinese: jieba's organisation and
//! proper-noun tags, or a name followed by 公司/集团/品牌…). Lexicons in
//! `data/ingest/tag_names.toml`.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use serde::Deserialize;

use super::aliases::group_of;
use crate::text::{is_cjk, on_word_boundaries};

const TAG_NAMES_TOML: &str = include_str!("../../../data/ingest/tag_names.toml");
/// Longest Chinese name a keyword grows into, in characters.
const MAX_ZH_NAME: usize = 8;
/// Share of a term's occurrences that must have the same neighbour to grow.
const GROW_SHARE: f64 = 0.8;
/// Characters a Chinese name does not grow over.
const FUNCTION_CHARS: &str =
    "的了着过得地是在和与及等也都就把被对从向为以而或但并之其这那个们我你他她它有说将会要让给吗呢吧啊";
/// Locatives that follow a noun (`平台上`, `店里`) and so never end a name;
/// before a name they may start one (`上海`, `中兴`).
const LOCATIVE_CHARS: &str = "上中里内下外后前";
/// Occurrences a Chinese keyword needs before it grows into a longer name.
const MIN_GROW_COUNT: usize = 2;
#[derive(Debug, Default, Deserialize)]
struct Lexicons {
    site_suffixes_en: Vec<String>,
    site_suffixes_zh: Vec<String>,
    not_sites_zh: HashSet<String>,
    byline_words: HashSet<String>,
    company_cues_en: HashSet<String>,
    person_cues_en: HashSet<String>,
    roles_after_company_en: HashSet<String>,
    not_names_en: HashSet<String>,
    surnames_pinyin: HashSet<String>,
    company_suffixes_zh: Vec<String>,
}

fn lexicons() -> &'static Lexicons {
    static LEX: LazyLock<Lexicons> = LazyLock::new(|| {
        crate::text::fixed::rules("tag_names.toml", toml::from_str(TAG_NAMES_TOML))
    });
    &LEX
}

/// A site, column, section label or byline word rather than a tag.
pub fn is_site_or_label(tag: &str) -> bool {
    let lex = lexicons();
    if group_of(tag).is_some() {
        return false;
    }
    if crate::text::has_cjk(tag) {
        return lex.byline_words.contains(tag)
            || (!lex.not_sites_zh.contains(tag)
                && lex
                    .site_suffixes_zh
                    .iter()
                    .any(|s| tag.ends_with(s.as_str())));
    }
    let letters: Vec<char> = tag.chars().filter(|c| c.is_alphabetic()).collect();
    let shouting = letters.len() > 5 && letters.iter().all(|c| c.is_uppercase());
    let words: Vec<&str> = tag.split_whitespace().collect();
    let title_case = words.len() > 1 && words.iter().all(|w| w.starts_with(char::is_uppercase));
    let site_word = words.last().is_some_and(|w| {
        lex.site_suffixes_en
            .iter()
            .any(|s| s.eq_ignore_ascii_case(w))
    });
    let domain = tag.contains("www.") || tag.ends_with(".com") || tag.ends_with(".cn");
    shouting || (title_case && site_word) || domain
}

/// Whether the words of `term` stand, in order, inside the longer `phrase`.
pub fn is_fragment_of(term: &str, phrase: &str) -> bool {
    let fold = |s: &str| -> Vec<String> { s.split_whitespace().map(str::to_lowercase).collect() };
    let (short, long) = (fold(term), fold(phrase));
    short.len() < long.len() && long.windows(short.len()).any(|w| w == short.as_slice())
}

/// Occurrences of `term` in `text` on word boundaries, case-insensitive.
pub fn occurrences(text: &str, term: &str) -> usize {
    let (text, term) = (text.to_lowercase(), term.to_lowercase());
    if term.is_empty() {
        return 0;
    }
    text.match_indices(&term)
        .filter(|(i, m)| on_word_boundaries(&text, *i, i + m.len()))
        .count()
}

/// The longer name a Chinese `term` is always part of in `text`, grown one
/// character at a time while nearly all its occurrences share the neighbour.
pub fn whole_name_zh(term: &str, text: &str) -> Option<String> {
    let mut name = term.to_string();
    loop {
        let starts: Vec<usize> = text.match_indices(&name).map(|(i, _)| i).collect();
        if starts.len() < MIN_GROW_COUNT || name.chars().count() >= MAX_ZH_NAME {
            break;
        }
        let left = common_neighbour(starts.iter().map(|&i| text[..i].chars().next_back()));
        let right = common_neighbour(
            starts
                .iter()
                .map(|&i| text[i + name.len()..].chars().next()),
        );
        match (left, right) {
            (Some(l), _) => name.insert(0, l),
            (None, Some(r)) if !LOCATIVE_CHARS.contains(r) => name.push(r),
            (None, next) => {
                // Grown into the first half of a word (`轻量化户` before `外`): no name.
                let cut = next.zip(name.chars().next_back()).is_some_and(|(n, last)| {
                    name.chars().count() > term.chars().count()
                        && crate::text::jieba().has_word(&format!("{last}{n}"))
                });
                if cut {
                    return None;
                }
                break;
            }
        }
    }
    (name != term).then_some(name)
}

/// The Chinese character most neighbours are, when they nearly all are.
fn common_neighbour(neighbours: impl Iterator<Item = Option<char>>) -> Option<char> {
    let mut counts: HashMap<char, usize> = HashMap::new();
    let mut total = 0;
    for n in neighbours {
        total += 1;
        if let Some(c) = n.filter(|&c| is_cjk(c) && !FUNCTION_CHARS.contains(c)) {
            *counts.entry(c).or_default() += 1;
        }
    }
    let (c, n) = counts.into_iter().max_by_key(|&(c, n)| (n, c))?;
    (n as f64 >= GROW_SHARE * total as f64).then_some(c)
}

/// Whether `word` (as written in running text) can be part of an English
/// name: capitalised, not a sentence-start word of the lexicon.
pub fn is_name_word_en(word: &str) -> bool {
    is_name_word(word, lexicons())
}

/// `Wang Xing`: an English name that reads as a Chinese person's (pinyin surname first).
pub fn looks_like_person_en(name: &str) -> bool {
    looks_like_person(name, lexicons())
}

/// Whether a lower-case word near a name says it is a person (`he`, `founder`).
pub fn is_person_cue_en(word: &str) -> bool {
    lexicons().person_cues_en.contains(word)
}

/// Whether a lower-case word near a name says it is an organisation (`company`, `its`).
pub fn is_company_cue_en(word: &str) -> bool {
    lexicons().company_cues_en.contains(word)
}

/// A word without surrounding punctuation or a possessive.
pub fn bare(word: &str) -> &str {
    let w = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '&' && c != '-');
    w.strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .unwrap_or(w)
}

/// A word that ends a clause (`said,`, `year.`).
pub fn ends_clause(word: &str) -> bool {
    word.ends_with(['.', ',', ';', ':', '!', '?'])
}

fn is_name_word(word: &str, lex: &Lexicons) -> bool {
    let w = bare(word);
    w.chars().next().is_some_and(char::is_uppercase)
        && w.chars().count() > 1
        && !lex.not_names_en.contains(w)
        && !w.chars().all(|c| c.is_uppercase() && w.chars().count() > 5)
}

/// A one-word name that is a stop word capitalised (`Among`, `Within`
/// opening a sentence) names nothing; in a longer name it may (`Old Spice`).
pub fn is_stop_name(name: &str) -> bool {
    !name.contains(' ') && super::keywords_en::is_stopword(&name.to_lowercase())
}

/// `Wang Xing`, `Zhang Yiming`, `Li`: a pinyin surname (and a given name).
fn looks_like_person(name: &str, lex: &Lexicons) -> bool {
    let words: Vec<&str> = name.split(' ').collect();
    words.len() <= 3 && lex.surnames_pinyin.contains(words[0])
}

mod main_company;

pub use main_company::{
    is_known_company_en, main_company, main_company_titled, unknown_subject_zh,
    KNOWN_COMPANY_MENTIONS,
};

#[cfg(test)]
mod tests;
