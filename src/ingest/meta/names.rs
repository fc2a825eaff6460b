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
use crate::text::sentences;
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
/// Where a Chinese title's subject ends.
const TITLE_BREAKS: &[char] = &['的', '：', ':', '，', ',', ' ', '｜', '|', '—', '-', '为'];
/// Longest title subject, in characters, and how often the body must name it.
const MAX_SUBJECT: usize = 6;
const MIN_SUBJECT_MENTIONS: usize = 3;
/// jieba tags of organisations and other proper nouns.
const ORG_TAGS: &[&str] = &["nt", "nz"];

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

/// The article's main company: the most frequent organisation-like name.
pub fn main_company(paragraphs: &[String], chinese: bool) -> Option<String> {
    let lex = lexicons();
    if chinese {
        main_company_zh(paragraphs, lex)
    } else {
        main_company_en(paragraphs, lex)
    }
}

/// `main_company`, or for Chinese the name a title starts with (`喜茶的…`)
/// when the body names it again and again and it is not a person.
pub fn main_company_titled(paragraphs: &[String], title: &str, chinese: bool) -> Option<String> {
    main_company(paragraphs, chinese)
        .or_else(|| chinese.then(|| title_subject(paragraphs, title)).flatten())
}

fn title_subject(paragraphs: &[String], title: &str) -> Option<String> {
    let head = title
        .split(|c: char| TITLE_BREAKS.contains(&c) || c.is_whitespace())
        .next()?
        .trim();
    if !head.chars().all(is_cjk) {
        return None;
    }
    let text = paragraphs.join("\n");
    let jieba = crate::text::jieba();
    let chars: Vec<char> = head.chars().collect();
    // The head itself, or the longest start of it the body names again and
    // again (`鼎泰豐排隊文化` → `鼎泰豐`); a start of two characters only when
    // it is no everyday word.
    let len = (2..=chars.len().min(MAX_SUBJECT)).rev().find(|&len| {
        let start: String = chars[..len].iter().collect();
        text.matches(start.as_str()).count() >= MIN_SUBJECT_MENTIONS
    })?;
    let subject: String = chars[..len].iter().collect();
    let tags = jieba.tag(&subject, true);
    let person = tags.len() == 1 && tags[0].tag.starts_with("nr");
    let everyday = len < chars.len() && len == 2 && jieba.has_word(&subject);
    let ok = !person && !everyday && !super::tags::is_junk(&subject) && !is_site_or_label(&subject);
    ok.then_some(subject)
}

#[derive(Default)]
struct Evidence {
    count: usize,
    company: usize,
    person: usize,
}

fn main_company_en(paragraphs: &[String], lex: &Lexicons) -> Option<String> {
    let mut names: HashMap<String, Evidence> = HashMap::new();
    for sentence in paragraphs.iter().flat_map(|p| sentences::split(p)) {
        let words: Vec<&str> = sentence
            // Commas stay on their words: a name does not run on past one
            // (`Instead, Oatly’s team` names Oatly).
            .split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '“' | '”' | '"'))
            .filter(|w| !w.is_empty())
            .collect();
        let lower: Vec<String> = words.iter().map(|w| bare(w).to_lowercase()).collect();
        let mut i = 0;
        while i < words.len() {
            let run = (i..words.len().min(i + 3))
                .take_while(|&j| {
                    is_name_word(words[j], lex) && (j == i || !ends_clause(words[j - 1]))
                })
                .count();
            if run == 0 {
                i += 1;
                continue;
            }
            let name: Vec<&str> = words[i..i + run].iter().map(|w| bare(w)).collect();
            let evidence = names.entry(name.join(" ")).or_default();
            evidence.count += 1;
            let near = |from: usize, to: usize| lower[from..to.min(lower.len())].to_vec();
            let around: Vec<String> = near(i.saturating_sub(3), i + run + 4);
            evidence.company += around
                .iter()
                .filter(|w| lex.company_cues_en.contains(*w))
                .count()
                + usize::from(
                    words[i + run - 1].ends_with("'s") || words[i + run - 1].ends_with("’s"),
                );
            // `Duolingo co-founder …`: a role right after the name is the
            // company's, and says nothing of the name being a person.
            let role_after = lower
                .get(i + run)
                .is_some_and(|w| lex.roles_after_company_en.contains(w))
                && !ends_clause(words[i + run - 1]);
            evidence.company += usize::from(role_after);
            evidence.person += around
                .iter()
                .filter(|w| lex.person_cues_en.contains(*w))
                .count()
                .saturating_sub(usize::from(role_after));
            i += run;
        }
    }
    // A single word that ends a longer name is a surname (`Chouinard` of `Yvon Chouinard`).
    let surnames: HashSet<String> = names
        .keys()
        .filter(|n| n.contains(' '))
        .filter_map(|n| n.rsplit(' ').next().map(str::to_string))
        .collect();
    names
        .into_iter()
        .filter(|(name, _)| !surnames.contains(name))
        .filter(|(name, e)| {
            e.count >= 2
                && !is_stop_name(name)
                && e.company > e.person
                && !looks_like_person(name, lex)
                && !is_site_or_label(name)
        })
        .max_by(|a, b| {
            (a.1.count, a.1.company)
                .cmp(&(b.1.count, b.1.company))
                .then(b.0.cmp(&a.0))
        })
        .map(|(name, _)| name)
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

/// Chinese: a name right before 公司/集团/品牌/创始人… (a noun or an unknown
/// word to jieba, not a generic word), twice, or once when jieba calls it an
/// organisation or does not know it; the most often named wins.
fn main_company_zh(paragraphs: &[String], lex: &Lexicons) -> Option<String> {
    let text = paragraphs.join("\n");
    let jieba = crate::text::jieba();
    let tags = jieba.tag(&text, true);
    let mut contexts: HashMap<String, (usize, bool)> = HashMap::new();
    for (k, tag) in tags.iter().enumerate() {
        let word = tag.word;
        let nouny = tag.tag.starts_with('n') || matches!(tag.tag, "x" | "j" | "eng");
        if word.chars().count() < 2 || !word.chars().all(is_cjk) || !nouny {
            continue;
        }
        let next = tags.get(k + 1).map_or("", |t| t.word);
        if !lex
            .company_suffixes_zh
            .iter()
            .any(|s| next.starts_with(s.as_str()))
            || super::tags::is_junk(word)
            || is_site_or_label(word)
        {
            continue;
        }
        let name = whole_name_zh(word, &text).unwrap_or_else(|| word.to_string());
        let entry = contexts.entry(name).or_default();
        entry.0 += 1;
        entry.1 |= ORG_TAGS.contains(&tag.tag) || matches!(tag.tag, "x" | "j");
    }
    contexts
        .into_iter()
        .filter(|(_, (n, org))| *n >= 2 || *org)
        .map(|(name, (n, _))| {
            let mentions = text.matches(name.as_str()).count();
            (name, n, mentions)
        })
        .filter(|(_, _, mentions)| *mentions >= 2)
        .max_by(|a, b| (a.2, a.1).cmp(&(b.2, b.1)).then(b.0.cmp(&a.0)))
        .map(|(name, _, _)| name)
}

/// Mentions a name no dictionary knows needs to be taken for the subject.
const MIN_UNKNOWN_MAIN: usize = 6;

/// The name no dictionary knows that a Chinese text comes back to most
/// (`蕉下`), when it does often: the article's likely subject, company or
/// person, for its tags.
pub fn unknown_subject_zh(paragraphs: &[String]) -> Option<String> {
    let text = paragraphs.join("\n");
    super::recurring::recurring_names(&text)
        .into_iter()
        .next()
        .filter(|(_, count)| *count >= MIN_UNKNOWN_MAIN)
        .map(|(name, _)| name)
}

#[cfg(test)]
mod tests;
