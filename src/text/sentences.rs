//! The one sentence splitter, for English and Chinese text.
//!
//! Chinese sentences end after `。！？`; `!`, `?`, `.` and `…` end one when
//! the next word starts a sentence (a capital, a digit, an opening quote or
//! an ideograph), and a period never after an abbreviation
//! (`data/text/abbreviations.toml`), an initial (`J. Smith`), a word with a
//! period inside (`U.S.`, `p.m.`) or a number before an ideograph (`1.国产`). Closing quotes and brackets, and repeated
//! marks (`?!`, `...`), stay with the sentence they close.

use std::collections::HashSet;
use std::sync::LazyLock;

use serde::Deserialize;

use super::{fixed, is_cjk};

const ABBREVIATIONS_TOML: &str = include_str!("../../data/text/abbreviations.toml");

/// `data/text/abbreviations.toml`.
#[derive(Deserialize)]
struct Abbreviations {
    always: HashSet<String>,
    before_number: HashSet<String>,
}

static ABBREVIATIONS: LazyLock<Abbreviations> =
    LazyLock::new(|| fixed::rules("abbreviations.toml", toml::from_str(ABBREVIATIONS_TOML)));

/// Marks that close the sentence before them.
const CLOSERS: &[char] = &[
    '"', '\'', '\u{201D}', '\u{2019}', '」', '』', ')', '）', ']', '】',
];

/// Marks that end a Chinese sentence whatever follows.
fn is_full_stop(c: char) -> bool {
    matches!(c, '。' | '！' | '？')
}

/// The sentences of `text`, trimmed and non-empty, in order.
pub fn split(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !(is_full_stop(c) || matches!(c, '!' | '?' | '.' | '…')) {
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, next)) = chars.peek() {
            let repeated = (next == '.' && c == '.') || matches!(next, '!' | '?' | '！' | '？');
            if CLOSERS.contains(&next) || repeated || (is_full_stop(c) && is_full_stop(next)) {
                end = j + next.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        if ends_sentence(text, start, i, c, end) {
            push_trimmed(&mut out, &text[start..end]);
            start = end;
        }
    }
    push_trimmed(&mut out, &text[start..]);
    out
}

fn push_trimmed<'a>(out: &mut Vec<&'a str>, piece: &'a str) {
    let piece = piece.trim();
    if !piece.is_empty() {
        out.push(piece);
    }
}

/// Whether the `mark` at byte `at` (its run of marks and closers ending at
/// `end`) closes the sentence that began at `start`.
fn ends_sentence(text: &str, start: usize, at: usize, mark: char, end: usize) -> bool {
    if is_full_stop(mark) {
        return true;
    }
    let rest = &text[end..];
    let before_number = rest.trim_start().starts_with(|c: char| c.is_ascii_digit());
    let not_abbreviation =
        || mark != '.' || !ends_with_abbreviation(&text[start..at], before_number);
    match rest.chars().next() {
        None => return true,
        // `1.国产…`: a number's period before an ideograph numbers a list item.
        Some(n) if is_cjk(n) => {
            let numbered = mark == '.' && text[..at].ends_with(|c: char| c.is_ascii_digit());
            return !numbered && not_abbreviation();
        }
        Some(n) if !n.is_whitespace() => return false,
        _ => {}
    }
    let starts_sentence = rest.trim_start().chars().next().is_some_and(|n| {
        n.is_uppercase() || n.is_ascii_digit() || is_cjk(n) || "\"'\u{201C}\u{2018}(「".contains(n)
    });
    starts_sentence && not_abbreviation()
}

/// Whether `before` (the text up to a period) ends with an abbreviation, an
/// initial or a word with a period inside; `before_number` when a number
/// follows the period.
fn ends_with_abbreviation(before: &str, before_number: bool) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    let word = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    let is_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    let inner_period =
        word.trim_matches('.').contains('.') && word.chars().all(|c| c.is_alphabetic() || c == '.');
    let month = || before_number && ABBREVIATIONS.before_number.contains(&word.to_lowercase());
    is_initial || inner_period || is_abbreviation(word) || month()
}

/// Whether `word` (without its period) never ends a sentence (`Mr`, `Inc`),
/// in any case.
pub fn is_abbreviation(word: &str) -> bool {
    ABBREVIATIONS.always.contains(&word.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_abbreviation_lists_load_in_lower_case() {
        let a = &*ABBREVIATIONS;
        assert!(a.always.len() > 10 && a.before_number.len() > 10);
        let words = a.always.iter().chain(&a.before_number);
        assert!(words.clone().all(|w| *w == w.to_lowercase()));
        assert!(is_abbreviation("Mr") && is_abbreviation("CORP") && !is_abbreviation("Lei"));
    }

    #[test]
    fn month_names_hold_a_period_only_before_a_number() {
        assert_eq!(
            split("It opened on Jan. 5 in Beijing."),
            vec!["It opened on Jan. 5 in Beijing."]
        );
        assert_eq!(
            split("That person is Lei Jun. Lei Jun is simple."),
            vec!["That person is Lei Jun.", "Lei Jun is simple."]
        );
    }

    #[test]
    fn splits_english_sentences() {
        let text =
            "Xiaomi was founded in April 2010. It sold phones online! Why did it work? Fans.";
        assert_eq!(
            split(text),
            vec![
                "Xiaomi was founded in April 2010.",
                "It sold phones online!",
                "Why did it work?",
                "Fans."
            ]
        );
    }

    #[test]
    fn keeps_abbreviations_initials_and_decimals_inside_sentences() {
        let text = "Mr. Lei met J. Smith in the U.S. market. Its value was US$1.4 trillion. Next came cars.";
        assert_eq!(
            split(text),
            vec![
                "Mr. Lei met J. Smith in the U.S. market.",
                "Its value was US$1.4 trillion.",
                "Next came cars."
            ]
        );
        let t = "Xiaomi was worth 50 billion U.S. dollars. Mr. Lei said so! Was it? Yes.";
        assert_eq!(
            split(t),
            vec![
                "Xiaomi was worth 50 billion U.S. dollars.",
                "Mr. Lei said so!",
                "Was it?",
                "Yes."
            ]
        );
        assert_eq!(
            split("He is 1.81 meters tall. Fine. It opened at 9 a.m. Sharp."),
            vec![
                "He is 1.81 meters tall.",
                "Fine.",
                "It opened at 9 a.m. Sharp."
            ]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        let text = "He said: \u{201C}Be fast.\u{201D} Then he left. \"Really?\" she asked.";
        assert_eq!(
            split(text),
            vec![
                "He said: \u{201C}Be fast.\u{201D}",
                "Then he left.",
                "\"Really?\" she asked."
            ]
        );
    }

    #[test]
    fn splits_chinese_sentences() {
        let text =
            "小米手机的红火，让其粉丝营销备受关注。如何把产品做到极致？改！再改！“口碑为王。”好";
        assert_eq!(
            split(text),
            vec![
                "小米手机的红火，让其粉丝营销备受关注。",
                "如何把产品做到极致？",
                "改！",
                "再改！",
                "“口碑为王。”",
                "好"
            ]
        );
        assert_eq!(
            split("1.国产品牌 2.老字号。MIUI.小米"),
            vec!["1.国产品牌 2.老字号。", "MIUI.", "小米"]
        );
        let t = "他说:“好。”然后走了。真的吗?是的!";
        assert_eq!(
            split(t),
            vec!["他说:“好。”", "然后走了。", "真的吗?", "是的!"]
        );
    }

    #[test]
    fn repeated_marks_stay_together() {
        assert_eq!(
            split("真的吗？！不是。。好"),
            vec!["真的吗？！", "不是。。", "好"]
        );
        assert_eq!(
            split("Wait... What?! Yes"),
            vec!["Wait...", "What?!", "Yes"]
        );
    }
}
