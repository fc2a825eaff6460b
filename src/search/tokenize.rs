//! Turning text into index terms, with rules `search.js` mirrors for queries.
//!
//! Latin script and digits: full-width forms folded to ASCII, lower-cased,
//! split on anything that is not a letter or digit; one-character words and
//! stop words are dropped. Chinese: jieba's search mode (no HMM, so it stays
//! fast and never invents words) on the raw text, keeping only the CJK part of
//! each word, so `小米手机` is indexed as `小米手机`, `小米` and `手机`. The
//! browser segments a Chinese query by longest match against the vocabulary,
//! which is why the index only needs to agree on *which* strings are terms.

use crate::text::{is_cjk, jieba};

/// Words longer than this (in chars) are noise: URLs, hashes, base64.
pub const MAX_TERM_CHARS: usize = 32;

/// English function words and single Chinese particles that carry no meaning
/// for search. Shipped to the browser in `index.json` so queries drop them too.
pub const STOP_WORDS: &[&str] = &[
    "the", "of", "and", "to", "in", "is", "it", "that", "for", "on", "as", "with", "was", "are",
    "be", "by", "at", "this", "an", "or", "from", "has", "have", "had", "not", "but", "its", "his",
    "her", "their", "they", "he", "she", "we", "you", "were", "been", "which", "will", "would",
    "there", "can", "also", "so", "if", "into", "than", "then", "them", "our", "your", "的", "了",
    "在", "是", "和", "与", "也", "就", "都", "而", "及", "着", "或", "之", "其",
];

pub fn is_stop_word(term: &str) -> bool {
    STOP_WORDS.contains(&term)
}

/// Full-width ASCII variants (`ＳＵ７`) to ASCII; everything else unchanged.
pub fn fold_width(c: char) -> char {
    match c as u32 {
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        0x3000 => ' ',
        _ => c,
    }
}

/// A character that belongs to a Latin-script (non-CJK) word, after folding.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() && !is_cjk(c)
}

/// Calls `emit` for every term of `text`, in no particular order.
pub fn for_each_term(text: &str, mut emit: impl FnMut(&str)) {
    for_each_word(text, &mut emit);
    for_each_cjk_word(text, &mut emit);
}

/// All terms of `text` in a vector (tests and small inputs).
pub fn terms(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_term(text, |t| out.push(t.to_string()));
    out
}

/// Latin-script and numeric words, folded and lower-cased.
fn for_each_word(text: &str, emit: &mut impl FnMut(&str)) {
    let mut word = String::new();
    let mut chars = 0usize;
    for c in text.chars().map(fold_width) {
        if is_word_char(c) {
            word.extend(c.to_lowercase());
            chars += 1;
        } else if !word.is_empty() {
            emit_word(&word, chars, emit);
            word.clear();
            chars = 0;
        }
    }
    emit_word(&word, chars, emit);
}

fn emit_word(word: &str, chars: usize, emit: &mut impl FnMut(&str)) {
    if (2..=MAX_TERM_CHARS).contains(&chars) && !is_stop_word(word) {
        emit(word);
    }
}

/// Chinese words from jieba's search mode, reduced to their CJK runs.
fn for_each_cjk_word(text: &str, emit: &mut impl FnMut(&str)) {
    if !text.chars().any(is_cjk) {
        return;
    }
    for token in jieba().cut_for_search(text, false) {
        for run in cjk_runs(token.word) {
            if run.chars().count() <= MAX_TERM_CHARS && !is_stop_word(run) {
                emit(run);
            }
        }
    }
}

/// Maximal substrings of CJK ideographs.
fn cjk_runs(word: &str) -> impl Iterator<Item = &str> {
    word.split(|c: char| !is_cjk(c)).filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(text: &str) -> Vec<String> {
        let mut t = terms(text);
        t.sort();
        t
    }

    #[test]
    fn english_is_folded_and_split() {
        assert_eq!(
            sorted("Participation: the Word-of-Mouth LAW"),
            vec!["law", "mouth", "participation", "word"]
        );
    }

    #[test]
    fn numbers_and_model_names_are_terms() {
        let t = sorted("In 2012, Xiaomi sold the SU7 for 1999 yuan; ＭＩＵＩ Ｖ5 3 x");
        assert_eq!(
            t,
            vec!["1999", "2012", "miui", "sold", "su7", "v5", "xiaomi", "yuan"]
        );
    }

    #[test]
    fn chinese_is_segmented_with_search_mode() {
        let t = terms("小米手机的口碑传播法则");
        for want in ["小米", "手机", "口碑", "传播", "法则"] {
            assert!(t.iter().any(|x| x == want), "{want} missing from {t:?}");
        }
        assert!(!t.iter().any(|x| x == "的"), "stop word kept: {t:?}");
    }

    #[test]
    fn mixed_text_keeps_both_scripts() {
        let t = terms("小米发布SU7，售价1499元");
        for want in ["小米", "发布", "su7", "1499", "售价"] {
            assert!(t.iter().any(|x| x == want), "{want} missing from {t:?}");
        }
        assert!(t.iter().all(|x| !x.contains('7') || x == "su7"), "{t:?}");
    }

    #[test]
    fn cjk_runs_drop_latin_parts() {
        assert_eq!(cjk_runs("T恤衫").collect::<Vec<_>>(), vec!["恤衫"]);
        assert_eq!(cjk_runs("a小b米").collect::<Vec<_>>(), vec!["小", "米"]);
    }

    #[test]
    fn full_width_forms_fold() {
        assert_eq!(fold_width('Ｓ'), 'S');
        assert_eq!(fold_width('７'), '7');
        assert_eq!(fold_width('米'), '米');
    }
}
