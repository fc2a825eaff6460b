//! Text folding: the keys under which text is compared, so that spellings
//! that differ only in case, width, typographic punctuation or separators
//! meet. Each key is made for one kind of comparison:
//! - `search_key`: index terms and the names found among them (the browser's
//!   `search.js` folds queries the same way);
//! - `name_key`: names looked up as a whole (aliases, tags, `[[wikilinks]]`);
//! - `fold_punctuation`: running text searched for listed terms and names.

use super::{is_cjk, is_word_char};

/// Typographic quotes and hyphens as ASCII, so `entrepreneur’s IP` matches
/// `entrepreneur's IP`; every other character unchanged.
pub fn fold_punctuation(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{02BC}' => '\'',
            '\u{201C}' | '\u{201D}' => '"',
            '\u{2010}' | '\u{2011}' => '-',
            _ => c,
        })
        .collect()
}

/// The key a name is looked up by: punctuation folded (`fold_punctuation`),
/// lower case, and runs of spaces and hyphens one space, so `Word-of-Mouth`,
/// `word of  mouth` and `word of mouth` are one name.
pub fn name_key(name: &str) -> String {
    fold_punctuation(name)
        .to_lowercase()
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Full-width ASCII variants (`ＳＵ７`) to ASCII; everything else unchanged.
pub fn fold_width(c: char) -> char {
    match c as u32 {
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        0x3000 => ' ',
        _ => c,
    }
}

/// The key search compares text by (`search.js` folds queries the same
/// way): lower case, full-width forms folded, and every run of characters
/// that are neither letters, digits nor ideographs one space. One pass over a
/// page's text that both the word split and the alias names read, so
/// `Word-of-Mouth` is `word of mouth` for each of them. ASCII goes byte by
/// byte, runs of ideographs are copied whole, only other characters are
/// folded.
pub fn search_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    // A separator seen since the last kept character: written as one space
    // before the next kept character, so there is none at either end.
    let mut gap = false;
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            if b.is_ascii_alphanumeric() {
                keep(&mut out, &mut gap);
                out.push(char::from(b.to_ascii_lowercase()));
            } else {
                gap = true;
            }
            i += 1;
            continue;
        }
        let start = i;
        let mut chars = s[i..].chars();
        let c = chars.next().unwrap_or(' ');
        i += c.len_utf8();
        if is_cjk(c) {
            i += chars
                .take_while(|&c| is_cjk(c))
                .map(char::len_utf8)
                .sum::<usize>();
            keep(&mut out, &mut gap);
            out.push_str(&s[start..i]);
            continue;
        }
        let c = fold_width(c);
        if is_word_char(c) {
            keep(&mut out, &mut gap);
            out.extend(c.to_lowercase());
        } else {
            gap = true;
        }
    }
    out
}

/// Before a kept character: the pending separator as one space.
fn keep(out: &mut String, gap: &mut bool) {
    if *gap && !out.is_empty() {
        out.push(' ');
    }
    *gap = false;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_meet_across_case_hyphens_spaces_and_quotes() {
        assert_eq!(name_key(" Word-of-Mouth "), "word of mouth");
        assert_eq!(name_key("word of  mouth"), "word of mouth");
        assert_eq!(name_key("Entrepreneur’s IP"), "entrepreneur's ip");
        assert_eq!(name_key("Ünïcode 小米"), "ünïcode 小米");
    }

    #[test]
    fn punctuation_folds_to_ascii() {
        assert_eq!(fold_punctuation("“a” ‘b’ c‐d"), "\"a\" 'b' c-d");
    }

    #[test]
    fn normalizes_separators_case_and_width() {
        assert_eq!(search_key("  Word-of-Mouth!"), "word of mouth");
        assert_eq!(search_key("雷军（Lei Jun）"), "雷军 lei jun");
        assert_eq!(search_key("ＳＵ７ Ultra, Café"), "su7 ultra café");
        assert_eq!(
            search_key("...Mi-6...小米手机,  口碑"),
            "mi 6 小米手机 口碑"
        );
    }

    #[test]
    fn full_width_forms_fold() {
        assert_eq!(fold_width('Ｓ'), 'S');
        assert_eq!(fold_width('７'), '7');
        assert_eq!(fold_width('米'), '米');
    }
}
