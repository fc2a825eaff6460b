//! Turning text into index terms, with rules `search.js` mirrors for queries.
//!
//! Latin script and digits: full-width forms folded to ASCII, lower-cased,
//! split on anything that is not a letter or digit; one-character words and
//! stop words are dropped. Chinese: jieba's search mode (no HMM, so it stays
//! fast and never invents words) on the raw text, keeping only the CJK part of
//! each word, so `小米手机` is indexed as `小米手机`, `小米` and `手机`. The
//! browser segments a Chinese query by longest match against the vocabulary,
//! which is why the index only needs to agree on *which* strings are terms.

use std::sync::OnceLock;

use crate::text::{is_cjk, jieba};

/// Words longer than this (in chars) are noise: URLs, hashes, base64.
pub const MAX_TERM_CHARS: usize = 32;

/// English function words and single Chinese particles that carry no meaning
/// for search, sorted (binary search). Shipped to the browser in
/// `index.json` so queries drop them too.
pub const STOP_WORDS: &[&str] = &[
    "also", "an", "and", "are", "as", "at", "be", "been", "but", "by", "can", "for", "from", "had",
    "has", "have", "he", "her", "his", "if", "in", "into", "is", "it", "its", "not", "of", "on",
    "or", "our", "she", "so", "than", "that", "the", "their", "them", "then", "there", "they",
    "this", "to", "was", "we", "were", "which", "will", "with", "would", "you", "your", "与", "之",
    "也", "了", "其", "及", "和", "在", "就", "或", "是", "的", "着", "而", "都",
];

pub fn is_stop_word(term: &str) -> bool {
    // The longest stop word has five bytes; most terms are longer.
    if term.len() > 5 {
        return false;
    }
    static PACKED: OnceLock<Vec<u64>> = OnceLock::new();
    let packed = PACKED.get_or_init(|| {
        let mut p: Vec<u64> = STOP_WORDS.iter().filter_map(|w| pack(w)).collect();
        p.sort_unstable();
        p
    });
    pack(term).is_some_and(|t| packed.binary_search(&t).is_ok())
}

/// A string of at most 8 bytes as one number, for comparisons without memcmp.
fn pack(s: &str) -> Option<u64> {
    let b = s.as_bytes();
    (b.len() <= 8).then(|| b.iter().rev().fold(0u64, |acc, &x| acc << 8 | x as u64))
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
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        !is_cjk(c) && c.is_alphanumeric()
    }
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

/// Latin-script and numeric words, folded and lower-cased. This loop sees
/// every byte of every page: a word of lower-case ASCII (most of them) is
/// emitted as a slice of `text` without copying; only words with capitals or
/// non-ASCII letters are built in a buffer.
fn for_each_word(text: &str, emit: &mut impl FnMut(&str)) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_lowercase() || b.is_ascii_digit() {
            let start = i;
            while i < bytes.len() && (bytes[i].is_ascii_lowercase() || bytes[i].is_ascii_digit()) {
                i += 1;
            }
            if i == bytes.len() || !continues_word(text, i) {
                emit_word(&text[start..i], i - start, emit);
                continue;
            }
            i = mixed_word(text, start, emit);
        } else if b.is_ascii() && !b.is_ascii_uppercase() {
            i += 1;
        } else if b.is_ascii() || continues_word(text, i) {
            i = mixed_word(text, i, emit);
        } else {
            // Ideographs and punctuation: skip the whole character.
            i += text[i..].chars().next().map_or(1, char::len_utf8);
        }
    }
}

/// Does a word go on at byte `i` (an upper-case or non-ASCII word character)?
fn continues_word(text: &str, i: usize) -> bool {
    let b = text.as_bytes()[i];
    if b.is_ascii() {
        return b.is_ascii_alphanumeric();
    }
    text[i..]
        .chars()
        .next()
        .is_some_and(|c| is_word_char(fold_width(c)))
}

/// The word starting at byte `start`, folded into a buffer; returns the byte
/// after it. Characters that are not word characters end it (and are skipped
/// when the word is empty, so the caller always moves on).
fn mixed_word(text: &str, start: usize, emit: &mut impl FnMut(&str)) -> usize {
    let (mut word, mut chars) = (String::new(), 0usize);
    let mut i = start;
    for c in text[start..].chars() {
        let f = fold_width(c);
        if f.is_ascii_alphanumeric() {
            word.push(f.to_ascii_lowercase());
        } else if !f.is_ascii() && is_word_char(f) {
            word.extend(f.to_lowercase());
        } else if word.is_empty() {
            return i + c.len_utf8();
        } else {
            break;
        }
        chars += 1;
        i += c.len_utf8();
    }
    emit_word(&word, chars, emit);
    i
}

fn emit_word(word: &str, chars: usize, emit: &mut impl FnMut(&str)) {
    if (2..=MAX_TERM_CHARS).contains(&chars) && !is_stop_word(word) {
        emit(word);
    }
}

/// Chinese words from jieba's search mode. Only the ideographs go to jieba
/// (each run of other characters becomes one line break), so it never walks
/// its dictionary over the Latin half of a bilingual page.
fn for_each_cjk_word(text: &str, emit: &mut impl FnMut(&str)) {
    let Some(first) = text.find(is_cjk) else {
        return;
    };
    let mut runs = String::with_capacity(text.len() - first);
    let mut start: Option<usize> = None;
    for (i, c) in text[first..].char_indices() {
        match (is_cjk(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                runs.push_str(&text[first + s..first + i]);
                runs.push('\n');
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        runs.push_str(&text[first + s..]);
    }
    let jieba = jieba();
    for token in jieba.cut_for_search(&runs, false) {
        let word = token.word;
        if word != "\n" && word.chars().count() <= MAX_TERM_CHARS && !is_stop_word(word) {
            emit(word);
        }
    }
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
    fn latin_between_ideographs_keeps_words_apart() {
        let t = terms("口碑abc传播");
        assert!(t.contains(&"口碑".to_string()), "{t:?}");
        assert!(t.contains(&"传播".to_string()), "{t:?}");
        assert!(
            !t.iter().any(|x| x == "口碑传播" || x.contains('\n')),
            "{t:?}"
        );
        assert!(t.contains(&"abc".to_string()), "{t:?}");
    }

    #[test]
    fn stop_words_are_sorted_and_found() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(STOP_WORDS.iter().all(|w| is_stop_word(w)));
        assert!(!is_stop_word("xiaomi"));
    }

    #[test]
    fn capitals_accents_and_width_join_words_like_plain_ones() {
        assert_eq!(
            sorted("xiaoMI Café ｍｉｕｉ2 abc-def"),
            vec!["abc", "café", "def", "miui2", "xiaomi"]
        );
        assert_eq!(sorted("12ab 中文x y"), vec!["12ab", "中文"]);
    }

    #[test]
    fn stop_word_lengths_fit_the_shortcut() {
        assert!(STOP_WORDS.iter().all(|w| w.len() <= 5));
    }

    #[test]
    fn full_width_forms_fold() {
        assert_eq!(fold_width('Ｓ'), 'S');
        assert_eq!(fold_width('７'), '7');
        assert_eq!(fold_width('米'), '米');
    }
}
