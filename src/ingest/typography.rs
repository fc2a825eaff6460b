//! Chinese typography of the finished article: the title, headings, list
//! items and paragraphs that are Chinese (`detect_lang`) are set after the
//! style guide 中文文案排版指北 (sparanoid/chinese-copywriting-guidelines):
//!
//! - punctuation: half-width `, . : ; ? !` next to Chinese text become
//!   `，。：；？！`, a `(`…`)` pair around Chinese content becomes `（`…`）`
//!   and a straight `"`…`"` pair around Chinese content becomes `“`…`”`;
//!   numbers (`3.5`, `1,000`, `12:30`), URLs, e-mail addresses, `code`,
//!   file names, ellipses and Latin runs (`Mr. Li`, `(NYSE: NIO)`) keep
//!   their half-width marks. A mark is judged by the characters on both
//!   sides of it;
//! - spacing: one space between Chinese characters and Latin letters or
//!   digits (`花了 5000 元`, `小米 Note`), none between full-width
//!   punctuation and anything, none between a number and `%`, `‰`, `°`,
//!   `℃` (`15% 的`).
//!
//! Pure functions; `apply` counts the changes into the report.

use super::report::{snippet, Report};
use super::structure::{Article, Block};

mod scan;

use scan::{is_latin, is_zh_side, protected};

/// Units written right after a number, without a space.
const UNITS: &[char] = &['%', '‰', '°', '℃', '℉'];
/// Half-width marks and their full-width forms.
const MARKS: &[(char, char)] = &[
    (',', '，'),
    ('.', '。'),
    (':', '：'),
    (';', '；'),
    ('?', '？'),
    ('!', '！'),
];
/// Latin words a name inside Chinese text has at most (`Are You OK`).
const MAX_TAIL_WORDS: usize = 3;
/// How many marks and spaces typesetting changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Changes {
    /// Half-width punctuation made full-width (a pair counts as one).
    pub punctuation: usize,
    /// Straight quote pairs made `“”`.
    pub quotes: usize,
    /// Spaces added between Chinese and Latin, or removed where none belongs.
    pub spacing: usize,
}

/// Whether a block of text is Chinese enough to be typeset.
pub fn is_chinese(text: &str) -> bool {
    crate::text::detect_lang(text) == "zh"
}

/// Typesets one Chinese text (punctuation, quotes, spacing).
pub fn typeset(text: &str) -> (String, Changes) {
    let (text, punctuation) = punctuation(text);
    let (text, quotes) = quotes(&text);
    let (text, spacing) = spacing(&text);
    let changes = Changes {
        punctuation,
        quotes,
        spacing,
    };
    (text, changes)
}

/// Typesets `text` when it is Chinese, counting the changes into `report`.
pub fn apply(text: &str, report: &mut Report) -> String {
    if !is_chinese(text) {
        return text.to_string();
    }
    let (out, c) = typeset(text);
    let example = || format!("{} → {}", snippet(text, 12), snippet(&out, 12));
    report.add("typography:punctuation", c.punctuation, example());
    report.add("typography:quotes", c.quotes, example());
    report.add("typography:spacing", c.spacing, example());
    out
}

/// The title and every block of `article`, typeset where Chinese.
pub fn apply_article(article: Article, report: &mut Report) -> Article {
    let title = article.title.as_deref().map(|t| apply(t, report));
    let blocks = article
        .blocks
        .into_iter()
        .map(|b| match b {
            Block::Heading(t) => Block::Heading(apply(&t, report)),
            Block::Ordered(n, t) => Block::Ordered(n, apply(&t, report)),
            Block::Bullet(t) => Block::Bullet(apply(&t, report)),
            Block::Paragraph(t) => Block::Paragraph(apply(&t, report)),
        })
        .collect();
    Article { title, blocks }
}

/// Nearest index left of `i` that is not a space.
fn left_of(chars: &[char], i: usize) -> Option<usize> {
    (0..i).rev().find(|&j| chars[j] != ' ')
}

/// Nearest index right of `i` that is not a space.
fn right_of(chars: &[char], i: usize) -> Option<usize> {
    (i + 1..chars.len()).find(|&j| chars[j] != ' ')
}

/// Half-width `, . : ; ? ! ( )` next to Chinese text made full-width.
pub fn punctuation(text: &str) -> (String, usize) {
    let mut chars: Vec<char> = text.chars().collect();
    let guard = protected(&chars);
    let mut count = 0;
    let mut full = vec![false; chars.len()];
    for i in 0..chars.len() {
        if guard[i] {
            continue;
        }
        let Some(&(_, wide)) = MARKS.iter().find(|(half, _)| *half == chars[i]) else {
            continue;
        };
        if becomes_full_width(&chars, &guard, i) {
            chars[i] = wide;
            full[i] = true;
            count += 1;
        }
    }
    count += parentheses(&mut chars, &guard, &mut full);
    (drop_spaces_around(&chars, &full), count)
}

/// Whether the half-width mark at `i` sits in Chinese text.
fn becomes_full_width(chars: &[char], guard: &[bool], i: usize) -> bool {
    let c = chars[i];
    let before = i.checked_sub(1).map(|j| chars[j]);
    let after = chars.get(i + 1).copied();
    let digit = |x: Option<char>| x.is_some_and(|x| x.is_ascii_digit());
    if matches!(c, ',' | '.' | ':') && digit(before) && digit(after) {
        return false; // 1,000 3.5 12:30
    }
    if c == ':' && after == Some('/') {
        return false;
    }
    let left = left_of(chars, i).map(|j| chars[j]);
    let right = right_of(chars, i).map(|j| chars[j]);
    let zh = |x: Option<char>| x.is_some_and(is_zh_side);
    let ends_latin_tail = || right.is_none() && latin_tail(chars, guard, i);
    if c != '.' {
        return zh(left) || (zh(right) && !matches!(left, Some(x) if x == c)) || ends_latin_tail();
    }
    if before == Some('.') || after == Some('.') {
        return false; // an ellipsis, or e.g.
    }
    if after.is_some_and(|a| a.is_ascii_lowercase() || a.is_ascii_digit()) {
        return false; // a file name or a domain
    }
    if zh(left) {
        return true;
    }
    (zh(right) || right.is_none())
        && before.is_some_and(is_latin)
        && !ends_abbreviation(chars, i)
        && latin_tail(chars, guard, i)
}

/// The Latin text right before `i` is a short name inside Chinese text
/// (`iPhone`, `Are You OK`), not a Latin sentence with its own punctuation.
fn latin_tail(chars: &[char], guard: &[bool], i: usize) -> bool {
    let Some(start) = (0..i).rev().find(|&j| is_zh_side(chars[j])) else {
        return false;
    };
    let tail = &chars[start + 1..i];
    let own_marks = tail
        .iter()
        .zip(&guard[start + 1..i])
        .any(|(c, g)| !g && MARKS.iter().any(|(half, _)| half == c));
    let words = tail.split(|c| *c == ' ').filter(|w| !w.is_empty()).count();
    !own_marks && words <= MAX_TAIL_WORDS
}

/// The word before the period at `i` is a number, an initial or an abbreviation.
fn ends_abbreviation(chars: &[char], i: usize) -> bool {
    let word: String = chars[..i]
        .iter()
        .rev()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    word.chars().all(|c| c.is_ascii_digit())
        || word.chars().count() == 1
        || crate::text::sentences::is_abbreviation(&word)
}

/// Matching `(`…`)` pairs around Chinese content made `（`…`）`.
fn parentheses(chars: &mut [char], guard: &[bool], full: &mut [bool]) -> usize {
    let mut open: Vec<usize> = Vec::new();
    let mut count = 0;
    for i in 0..chars.len() {
        if guard[i] {
            continue;
        }
        match chars[i] {
            '(' | '（' => open.push(i),
            ')' | '）' => {
                let Some(start) = open.pop() else { continue };
                let inside = &chars[start + 1..i];
                let half = chars[start] == '(' || chars[i] == ')';
                if half && inside.iter().copied().any(crate::text::is_cjk) {
                    chars[start] = '（';
                    chars[i] = '）';
                    full[start] = true;
                    full[i] = true;
                    count += 1;
                }
            }
            _ => {}
        }
    }
    count
}

/// `chars` without the spaces next to the marks flagged in `full`.
fn drop_spaces_around(chars: &[char], full: &[bool]) -> String {
    let mut keep = vec![true; chars.len()];
    for (i, _) in full.iter().enumerate().filter(|(_, &f)| f) {
        let mut j = i;
        while j > 0 && chars[j - 1] == ' ' {
            j -= 1;
            keep[j] = false;
        }
        let mut j = i + 1;
        while j < chars.len() && chars[j] == ' ' {
            keep[j] = false;
            j += 1;
        }
    }
    chars
        .iter()
        .zip(keep)
        .filter(|(_, k)| *k)
        .map(|(c, _)| c)
        .collect()
}

/// Straight `"`…`"` pairs around Chinese content made `“`…`”` (only when the
/// straight quotes of the text pair up).
pub fn quotes(text: &str) -> (String, usize) {
    let mut chars: Vec<char> = text.chars().collect();
    let guard = protected(&chars);
    let marks: Vec<usize> = (0..chars.len())
        .filter(|&i| chars[i] == '"' && !guard[i])
        .collect();
    if marks.is_empty() || marks.len() % 2 == 1 {
        return (text.to_string(), 0);
    }
    let mut full = vec![false; chars.len()];
    let mut count = 0;
    for pair in marks.chunks(2) {
        let (a, b) = (pair[0], pair[1]);
        if chars[a + 1..b].iter().copied().any(crate::text::is_cjk) {
            chars[a] = '“';
            chars[b] = '”';
            full[a] = true;
            full[b] = true;
            count += 1;
        }
    }
    (drop_spaces_around(&chars, &full), count)
}

/// One space between Chinese and Latin letters or digits; none around
/// full-width punctuation, none between a number and its `%`/`°`/`℃`.
pub fn spacing(text: &str) -> (String, usize) {
    let chars: Vec<char> = text.chars().collect();
    let guard = protected(&chars);
    let mut out = String::with_capacity(text.len() + 8);
    let mut count = 0;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == ' ' && !guard[i] {
            let end = (i..chars.len()).find(|&j| chars[j] != ' ');
            let prev = out.chars().next_back();
            let next = end.map(|j| chars[j]);
            match (prev, next) {
                (Some(_), Some(n)) if letter_word(&out, n) => count += 1,
                (Some(p), Some(n)) if wants_space(p, n) => {
                    count += usize::from(end != Some(i + 1));
                    out.push(' ');
                }
                (Some(p), Some(n)) if no_space(p, n) => count += 1,
                _ => out.extend(&chars[i..end.unwrap_or(chars.len())]),
            }
            i = end.unwrap_or(chars.len());
            continue;
        }
        if let Some(p) = out.chars().next_back() {
            if wants_space(p, c) && !letter_word(&out, c) {
                out.push(' ');
                count += 1;
            }
        }
        out.push(c);
        i += 1;
    }
    (out, count)
}

/// Words of one capital letter and one Chinese character, written as one
/// (`B站`, `A股`, `T恤`): the guide's space would part a word.
const LETTER_WORDS: &[&str] = &[
    "A股", "B股", "H股", "N股", "B站", "A站", "C位", "K歌", "T恤", "U盘", "X光", "Q版", "B端",
    "C端", "G端",
];

/// Whether the capital letter ending `out` (a word of its own) and `next`
/// make one of the [`LETTER_WORDS`].
fn letter_word(out: &str, next: char) -> bool {
    let mut back = out.chars().rev();
    let (Some(letter), before) = (back.next(), back.next()) else {
        return false;
    };
    let word: String = [letter, next].iter().collect();
    letter.is_ascii_uppercase()
        && !before.is_some_and(is_latin)
        && LETTER_WORDS.contains(&word.as_str())
}

/// Chinese on one side, a Latin letter, digit or unit on the other.
fn wants_space(prev: char, next: char) -> bool {
    let cjk = crate::text::is_cjk;
    (cjk(prev) && is_latin(next)) || ((is_latin(prev) || UNITS.contains(&prev)) && cjk(next))
}

/// A space that the guide forbids: next to full-width punctuation, or
/// between a number and its unit.
fn no_space(prev: char, next: char) -> bool {
    let full_width = |c: char| is_zh_side(c) && !crate::text::is_cjk(c);
    full_width(prev) || full_width(next) || (prev.is_ascii_digit() && UNITS.contains(&next))
}

#[cfg(test)]
mod tests;
