//! Turning text into index terms, with rules `search.js` mirrors for queries.
//!
//! Latin script and digits: full-width forms folded to ASCII, lower-cased,
//! split on anything that is not a letter or digit; one-character words and
//! stop words are dropped. Chinese: jieba's search mode (no HMM, so it stays
//! fast and never invents words) on the raw text, keeping only the CJK part of
//! each word, so `小米手机` is indexed as `小米手机`, `小米` and `手机`. The
//! browser segments a Chinese query by longest match against the vocabulary,
//! which is why the index only needs to agree on *which* strings are terms.

use std::sync::LazyLock;

use foldhash::HashSet;

use super::names::{Found, NameIndex};
use crate::text::fold::search_key;
use crate::text::{is_cjk, jieba};

/// Words longer than this (in chars) are noise: URLs, hashes, base64.
pub const MAX_TERM_CHARS: usize = 32;

/// English function words and single Chinese particles that carry no meaning
/// for search, sorted. Shipped to the browser in `index.json` so queries
/// drop them too.
pub const STOP_WORDS: &[&str] = &[
    "also", "an", "and", "are", "as", "at", "be", "been", "but", "by", "can", "for", "from", "had",
    "has", "have", "he", "her", "his", "if", "in", "into", "is", "it", "its", "not", "of", "on",
    "or", "our", "she", "so", "than", "that", "the", "their", "them", "then", "there", "they",
    "this", "to", "was", "we", "were", "which", "will", "with", "would", "you", "your", "与", "之",
    "也", "了", "其", "及", "和", "在", "就", "或", "是", "的", "着", "而", "都",
];

/// Bytes of the longest stop word: most terms are longer, and need no lookup.
const MAX_STOP_WORD_BYTES: usize = 5;

pub fn is_stop_word(term: &str) -> bool {
    static SET: LazyLock<HashSet<&str>> = LazyLock::new(|| STOP_WORDS.iter().copied().collect());
    term.len() <= MAX_STOP_WORD_BYTES && SET.contains(term)
}

pub use crate::text::is_word_char;

/// Calls `emit` for every term of `text`, in no particular order.
pub fn for_each_term(text: &str, mut emit: impl FnMut(&str)) {
    for_each_normalized_term(&search_key(text), &mut emit);
}

/// All terms of `text` in a vector (tests and small inputs).
pub fn terms(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_term(text, |t| out.push(t.to_string()));
    out
}

/// The terms of text already folded by `search_key`: Latin-script words are the runs
/// between spaces and ideographs (already folded, so each is a slice of
/// `hay`); the runs of ideographs go to jieba together. ASCII bytes are
/// taken a byte at a time; only other characters are decoded.
pub fn for_each_normalized_term(hay: &str, emit: &mut impl FnMut(&str)) {
    scan_normalized(hay, &NameIndex::default(), emit, &mut |_| {});
}

/// `for_each_normalized_term` that also finds the names of `names` on the
/// way (as `NameIndex::scan` would, leftmost-longest), so a field is walked
/// once: names can only start at the word starts and ideographs the split
/// visits anyway. `terms` gets each term.
pub fn scan_normalized(
    hay: &str,
    names: &NameIndex,
    terms: &mut impl FnMut(&str),
    found: &mut impl FnMut(Found),
) {
    let bytes = hay.as_bytes();
    let mut runs = String::new();
    // No name starts before this: the end of the last one found.
    let mut names_from = 0;
    let mut hit = |f: Option<Found>, names_from: &mut usize| {
        if let Some(f) = f {
            found(f);
            *names_from = names.resume_after(hay, f.end);
        }
    };
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b' ' {
            i += 1;
            continue;
        }
        let start = i;
        if char_at(hay, i).is_some_and(is_cjk) {
            while let Some(c) = char_at(hay, i).filter(|&c| is_cjk(c)) {
                if i >= names_from {
                    hit(names.at_ideograph(hay, i, c), &mut names_from);
                }
                i += c.len_utf8();
            }
            runs.push_str(&hay[start..i]);
            runs.push('\n');
            continue;
        }
        let mut chars = 0usize;
        while i < bytes.len() && bytes[i] != b' ' {
            if bytes[i].is_ascii() {
                i += 1;
            } else {
                match char_at(hay, i) {
                    Some(c) if !is_cjk(c) => i += c.len_utf8(),
                    _ => break,
                }
            }
            chars += 1;
        }
        let word = &hay[start..i];
        let is_term = (2..=MAX_TERM_CHARS).contains(&chars) && !is_stop_word(word);
        let look_up = start >= names_from && names.has_words();
        if look_up {
            hit(names.at_word(hay, start, word), &mut names_from);
        }
        if is_term {
            terms(word);
        }
    }
    for_each_cjk_word(&runs, terms);
}

/// The character starting at byte `i` of `s` (a char boundary), if any; ASCII
/// without decoding.
fn char_at(s: &str, i: usize) -> Option<char> {
    match s.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => s[i..].chars().next(),
        None => None,
    }
}

/// Chinese words from jieba's search mode, over runs of ideographs one per
/// line, so it never walks its dictionary over the Latin half of a
/// bilingual page.
fn for_each_cjk_word(runs: &str, emit: &mut impl FnMut(&str)) {
    if runs.is_empty() {
        return;
    }
    let jieba = jieba();
    for token in jieba.cut_for_search(runs, false) {
        let word = token.word;
        // `start..end` counts characters.
        let chars = token.end - token.start;
        if word != "\n" && chars <= MAX_TERM_CHARS && !is_stop_word(word) {
            emit(word);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The split as it was written first, a character at a time: the
    /// byte-wise one must cut every text the same way.
    fn reference_split(hay: &str) -> Vec<(String, bool)> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < hay.len() {
            if hay.as_bytes()[i] == b' ' {
                i += 1;
                continue;
            }
            let start = i;
            let (mut chars, mut cjk) = (0usize, false);
            for c in hay[start..].chars() {
                let ideograph = !c.is_ascii() && is_cjk(c);
                if c == ' ' || (chars > 0 && ideograph != cjk) {
                    break;
                }
                cjk = ideograph;
                chars += 1;
                i += c.len_utf8();
            }
            out.push((hay[start..i].to_string(), cjk));
        }
        out
    }

    #[test]
    fn the_split_finds_names_as_the_name_scan_does() {
        let patterns = [
            "lei jun",
            "lei",
            "mi fan",
            "fan",
            "小米",
            "小米手机",
            "米手",
            "小米su7",
            "su7",
            "iphone手机",
            "𠀀𠀁",
            "word of mouth",
            "of",
        ];
        let names = NameIndex::new(&patterns);
        let pieces = [
            "lei", "jun", "juns", "redmi", "fan", "club", "小米", "手机", "su7", "x", "iphone",
            "𠀀𠀁", "word", "of", "mouth", "口碑", "的",
        ];
        for n in 0..3000usize {
            let text: String = (0..(n % 13))
                .map(|k| pieces[(n * 7 + k * k + 3 * k) % pieces.len()])
                .enumerate()
                .map(|(k, p)| {
                    if (n >> k) & 1 == 1 {
                        format!("{p} ")
                    } else {
                        p.to_string()
                    }
                })
                .collect();
            let hay = search_key(&text);
            let mut want = Vec::new();
            names.scan(&hay, |f| want.push(f));
            let mut got = Vec::new();
            let mut terms = Vec::new();
            scan_normalized(&hay, &names, &mut |t| terms.push(t.to_string()), &mut |f| {
                got.push(f)
            });
            assert_eq!(got, want, "{hay}");
            let mut plain = Vec::new();
            for_each_normalized_term(&hay, &mut |t| plain.push(t.to_string()));
            assert_eq!(plain, terms);
        }
    }

    #[test]
    fn byte_wise_split_matches_the_char_wise_reference() {
        for text in [
            "Café 小米手机 launch ＳＵ７ über-fast 雷军说 a 口碑为王 naïve x",
            "小米2024年 iphone15 ß straße 東京 é",
            "",
            "   ",
            "𠀀𠀁 ok",
        ] {
            let hay = search_key(text);
            let mut words = Vec::new();
            let mut runs = Vec::new();
            for (w, cjk) in reference_split(&hay) {
                if cjk {
                    runs.push(w);
                } else if (2..=MAX_TERM_CHARS).contains(&w.chars().count()) && !is_stop_word(&w) {
                    words.push(w);
                }
            }
            let mut expected = words;
            if !runs.is_empty() {
                let joined: String = runs.iter().map(|r| format!("{r}\n")).collect();
                for_each_cjk_word(&joined, &mut |w| expected.push(w.to_string()));
            }
            let mut got = Vec::new();
            for_each_normalized_term(&hay, &mut |w| got.push(w.to_string()));
            assert_eq!(got, expected, "{text}");
        }
    }

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
        assert!(!is_stop_word(""));
        // Every string of one to three letters agrees with the list.
        let letters: Vec<char> = ('a'..='z').collect();
        let mut words: Vec<String> = letters.iter().map(|c| c.to_string()).collect();
        for _ in 0..2 {
            let longer: Vec<String> = words
                .iter()
                .flat_map(|w| letters.iter().map(move |c| format!("{w}{c}")))
                .collect();
            words.extend(longer);
        }
        for w in &words {
            assert_eq!(is_stop_word(w), STOP_WORDS.contains(&w.as_str()), "{w}");
        }
    }

    #[test]
    fn stop_word_lengths_fit_the_shortcut() {
        assert!(STOP_WORDS.iter().all(|w| w.len() <= MAX_STOP_WORD_BYTES));
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
    fn words_next_to_ideographs_are_cut_at_the_script_change() {
        assert_eq!(sorted("小米SU7发布"), vec!["su7", "发布", "小米"]);
    }
}
