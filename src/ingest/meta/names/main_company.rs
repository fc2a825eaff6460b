//! The article's main company. English: the most frequent capitalised name
//! near company words rather than person words, a name of the known-company
//! list (`data/ingest/companies_en.txt`) counting as a few more mentions, so
//! a product or campaign the article repeats does not outrank the company
//! behind it. Chinese: a name before 公司/集团/品牌…, jieba's organisation
//! tags, or the name a title starts with.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use super::{
    bare, ends_clause, is_name_word, is_site_or_label, is_stop_name, lexicons, looks_like_person,
    whole_name_zh, Lexicons,
};
use crate::text::is_cjk;
use crate::text::sentences;

/// Where a Chinese title's subject ends.
const TITLE_BREAKS: &[char] = &['的', '：', ':', '，', ',', ' ', '｜', '|', '—', '-', '为'];
/// Longest title subject, in characters, and how often the body must name it.
const MAX_SUBJECT: usize = 6;
const MIN_SUBJECT_MENTIONS: usize = 3;
/// jieba tags of organisations and other proper nouns.
const ORG_TAGS: &[&str] = &["nt", "nz"];

const COMPANIES_EN: &str = include_str!("../../../../data/ingest/companies_en.txt");
/// Mentions a name of the known-company list counts as beyond its own.
pub const KNOWN_COMPANY_MENTIONS: usize = 3;

fn known_companies() -> &'static HashSet<String> {
    static KNOWN: LazyLock<HashSet<String>> = LazyLock::new(|| {
        crate::ingest::meta::keywords_en::word_list(COMPANIES_EN)
            .into_iter()
            .map(str::to_lowercase)
            .collect()
    });
    &KNOWN
}

/// Whether `name` is on the known-company list (`DiDi` is `Didi`).
pub fn is_known_company_en(name: &str) -> bool {
    known_companies().contains(&name.to_lowercase())
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
    let ok = !person
        && !everyday
        && !crate::ingest::meta::tags::is_junk(&subject)
        && !is_site_or_label(&subject);
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
        .max_by_key(|(name, e)| {
            let known = if is_known_company_en(name) {
                KNOWN_COMPANY_MENTIONS
            } else {
                0
            };
            (e.count + known, e.company, std::cmp::Reverse(name.clone()))
        })
        .map(|(name, _)| name)
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
            || crate::ingest::meta::tags::is_junk(word)
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
    crate::ingest::meta::recurring::recurring_names(&text)
        .into_iter()
        .next()
        .filter(|(_, count)| *count >= MIN_UNKNOWN_MAIN)
        .map(|(name, _)| name)
}
