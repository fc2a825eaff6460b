//! Glued paragraphs and headings in English walls of text. A page saved
//! without line breaks runs its paragraphs together at a sentence end with
//! no space (`…its course.Fifteen years later…`), and a heading between two
//! paragraphs is glued to both (`…run its course.The shoe everyone loved to
//! hateThe first thing…`). A glue point opens a paragraph; a heading after it
//! ends where a lower-case letter runs into the capital of the next sentence.
//! Camel-case names (`TikTok`, `YouTube`, `iPhone`) are not such a join: the
//! word before the capital must start in lower case, or the capital must open
//! a function word (`…Ad BreakThe…`).

use std::collections::HashSet;
use std::sync::OnceLock;

const STOPWORDS_EN: &str = include_str!("../../../data/ingest/stopwords_en.txt");
/// Most words a glued heading has.
const MAX_HEADING_WORDS: usize = 14;
/// Most characters a glued heading has.
const MAX_HEADING_CHARS: usize = 100;

/// A part of a wall: its text, and whether it is a heading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment<'a> {
    pub text: &'a str,
    pub heading: bool,
}

fn function_words() -> &'static HashSet<&'static str> {
    static WORDS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| {
        STOPWORDS_EN
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    })
}

/// A wall cut at its glue points into paragraphs and the headings glued
/// between them. Text without glue points is one segment.
pub fn segments(wall: &str) -> Vec<Segment<'_>> {
    let mut out = Vec::new();
    let mut starts = glue_points(wall);
    starts.insert(0, 0);
    starts.push(wall.len());
    for pair in starts.windows(2) {
        let part = &wall[pair[0]..pair[1]];
        let heading_end = if pair[0] == 0 {
            None
        } else {
            glued_heading_end(part)
        };
        let rest = match heading_end {
            Some(end) => {
                push(&mut out, &part[..end], true);
                &part[end..]
            }
            None => part,
        };
        spaced_headings(rest, &mut out);
    }
    out
}

/// The headings a wall's field (a part between cut-out fields) opens with,
/// parted from the text by single spaces.
pub fn field_segments(field: &str) -> Vec<Segment<'_>> {
    let mut out = Vec::new();
    spaced_headings(field, &mut out);
    out
}

fn push<'a>(out: &mut Vec<Segment<'a>>, text: &'a str, heading: bool) {
    let text = text.trim();
    if !text.is_empty() {
        out.push(Segment { text, heading });
    }
}

/// A paragraph with headings that the wall parted from the text by single
/// spaces only: a short run after a sentence end that runs into a capitalised
/// function word opening the next sentence (`…the money. Owning the moment,
/// not the ad break The decisive choice was…`).
fn spaced_headings<'a>(part: &'a str, out: &mut Vec<Segment<'a>>) {
    let mut from = 0;
    for (start, end) in spaced_joins(part) {
        if start < from {
            continue;
        }
        push(out, &part[from..start], false);
        push(out, &part[start..end], true);
        from = end;
    }
    push(out, &part[from..], false);
}

/// (start, end) of the headings of [`spaced_headings`]: `end` is a
/// capitalised function word after a lower-case word and before one or a
/// number (`break The decisive`, `story In 2008`, not `read The Economist`), `start` the sentence
/// start (or wide gap) before it, with a heading's length between them.
fn spaced_joins(part: &str) -> Vec<(usize, usize)> {
    let words: Vec<(usize, &str)> = part
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - part.as_ptr() as usize, w))
        .collect();
    let mut out = Vec::new();
    for i in 1..words.len().saturating_sub(1) {
        let (prev, word, next) = (words[i - 1].1, words[i].1, words[i + 1].1);
        let capital_function = word.chars().next().is_some_and(|c| c.is_ascii_uppercase())
            && word.len() > 1
            && word.chars().all(|c| c.is_ascii_alphabetic())
            && function_words().contains(word.to_lowercase().as_str());
        let lower = |w: &str| w.chars().all(|c| c.is_ascii_lowercase());
        let opens_clause = lower(next) || next.chars().all(|c| c.is_ascii_digit() || c == ',');
        if !capital_function || !opens_clause {
            continue;
        }
        // A sentence starts after a sentence end or a wide gap (a field break).
        let opens = |k: usize| {
            k == 0 || words[k - 1].1.ends_with(['.', '!', '?', '"', '”']) || {
                let gap_from = words[k - 1].0 + words[k - 1].1.len();
                part[gap_from..words[k].0].chars().count() >= 2
            }
        };
        let Some(first) = (0..i).rev().find(|&k| opens(k)) else {
            continue;
        };
        let count = i - first;
        let head = &part[words[first].0..words[i].0];
        // Before the function word, a lower-case word ends a heading in
        // sentence case; a capitalised one only ends a Title Case headline
        // (`How Lego Rebuilt Itself After Near Collapse In 2003 the…`).
        let title_case = count >= 3
            && words[first..i].iter().all(|(_, w)| {
                w.starts_with(|c: char| c.is_uppercase()) || function_words().contains(*w)
            });
        if !lower(prev) && !title_case {
            continue;
        }
        if (2..=MAX_HEADING_WORDS).contains(&count)
            && words[first]
                .1
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
            && !head.contains(['.', '!', '?', ';'])
            && colon_ok(head)
        {
            out.push((words[first].0, words[i].0));
        }
    }
    out
}

/// A heading holds no colon, unless it opens with a label of a word or two
/// (`Related: The hidden cost of a failure`, a link inside the article).
fn colon_ok(head: &str) -> bool {
    match head.split_once(':') {
        None => true,
        Some((label, rest)) => label.split_whitespace().count() <= 2 && !rest.contains(':'),
    }
}

/// Byte offsets where a capital follows a sentence end with no space
/// (`course.Fifteen`, `said.”The`), after a lower-case word, not inside an
/// abbreviation (`U.S.`).
fn glue_points(text: &str) -> Vec<usize> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    for i in 2..chars.len() {
        if !chars[i].1.is_ascii_uppercase() {
            continue;
        }
        let mut j = i - 1;
        if matches!(chars[j].1, '"' | '”' | '’' | ')') && j > 1 {
            j -= 1;
        }
        if !matches!(chars[j].1, '.' | '!' | '?') {
            continue;
        }
        let before = chars[j - 1].1;
        if before.is_ascii_lowercase() || before.is_ascii_digit() || before == ')' {
            out.push(chars[i].0);
        }
    }
    out
}

/// Where a heading at the start of `part` ends: the last camel join before
/// the first sentence end, when what comes before it reads as a heading.
fn glued_heading_end(part: &str) -> Option<usize> {
    let sentence_end = part
        .char_indices()
        .find(|&(b, c)| {
            matches!(c, '.' | '!' | '?')
                && part[b + 1..]
                    .chars()
                    .next()
                    .is_none_or(|n| n.is_whitespace() || n.is_ascii_uppercase())
        })
        .map_or(part.len(), |(b, _)| b);
    let span = &part[..sentence_end];
    let join = camel_joins(span).into_iter().rev().find(|&k| {
        let head = part[..k].trim();
        let words = head.split_whitespace().count();
        (1..=MAX_HEADING_WORDS).contains(&words)
            && head.chars().count() <= MAX_HEADING_CHARS
            && !head.ends_with(',')
    })?;
    // The rest must hold a sentence of its own (at least three words).
    (part[join..sentence_end].split_whitespace().count() >= 3).then_some(join)
}

/// Byte offsets of capitals glued to the word before them that start a new
/// sentence rather than continue a camel-case name.
fn camel_joins(span: &str) -> Vec<usize> {
    let chars: Vec<(usize, char)> = span.char_indices().collect();
    let mut out = Vec::new();
    for i in 1..chars.len() {
        let (b, c) = chars[i];
        if !c.is_ascii_uppercase() || !chars[i - 1].1.is_ascii_lowercase() {
            continue;
        }
        let left_start = chars[..i]
            .iter()
            .rposition(|&(_, ch)| !ch.is_alphabetic())
            .map_or(0, |p| p + 1);
        let left: String = chars[left_start..i].iter().map(|&(_, ch)| ch).collect();
        let right: String = chars[i..]
            .iter()
            .map(|&(_, ch)| ch)
            .take_while(|ch| ch.is_alphabetic())
            .collect();
        let lower_left = left.chars().next().is_some_and(char::is_lowercase) && left.len() >= 2;
        // `MattersThe company`, not `LinkedIn How`: the function word opens
        // a sentence, so the word after it is not capitalised.
        let after: String = chars[i + right.chars().count()..]
            .iter()
            .map(|&(_, ch)| ch)
            .skip_while(|ch| ch.is_whitespace())
            .take(1)
            .collect();
        let function_right = function_words().contains(right.to_lowercase().as_str())
            && !after.starts_with(|ch: char| ch.is_uppercase());
        if lower_left || function_right {
            out.push(b);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(wall: &str) -> Vec<(String, bool)> {
        segments(wall)
            .into_iter()
            .map(|s| (s.text.to_string(), s.heading))
            .collect()
    }

    #[test]
    fn glued_paragraphs_and_headings_part() {
        let wall = "It had run its course.Fifteen years later it sells well. How?The shoe everyone loved to hateThe first thing it did was simple.Charms, TikTok and the personal touchThe third step was small but powerful.";
        assert_eq!(
            texts(wall),
            vec![
                ("It had run its course.".to_string(), false),
                ("Fifteen years later it sells well. How?".to_string(), false),
                ("The shoe everyone loved to hate".to_string(), true),
                ("The first thing it did was simple.".to_string(), false),
                ("Charms, TikTok and the personal touch".to_string(), true),
                ("The third step was small but powerful.".to_string(), false),
            ]
        );
    }

    #[test]
    fn title_case_headings_end_before_a_function_word() {
        let wall = "They paid for it.Owning the Moment, Not the Ad BreakThe brand sponsored athletes for years.";
        assert_eq!(
            texts(wall)[1],
            ("Owning the Moment, Not the Ad Break".to_string(), true)
        );
    }

    #[test]
    fn title_case_headlines_parted_by_single_spaces_end_before_a_function_word() {
        let got = texts("Read more. How Lego Rebuilt Itself After Near Collapse In 2003 the toy maker was close to bankruptcy.");
        assert!(
            got.contains(&(
                "How Lego Rebuilt Itself After Near Collapse".to_string(),
                true
            )),
            "{got:?}"
        );
    }

    #[test]
    fn headings_parted_by_single_spaces_end_before_a_function_word() {
        let wall = "It spent the money. Owning the moment, not the ad break The decisive choice was where. Many founders read The Economist every week.";
        assert_eq!(
            texts(wall),
            vec![
                ("It spent the money.".to_string(), false),
                ("Owning the moment, not the ad break".to_string(), true),
                (
                    "The decisive choice was where. Many founders read The Economist every week."
                        .to_string(),
                    false
                ),
            ]
        );
    }

    #[test]
    fn a_link_label_inside_a_wall_parts_from_the_next_sentence() {
        let got = texts("It was sorry. Related: The hidden cost of a single point of failure Not every gesture landed. Some partners got vouchers.");
        assert!(
            got.contains(&(
                "Related: The hidden cost of a single point of failure".to_string(),
                true
            )),
            "{got:?}"
        );
    }

    #[test]
    fn camel_case_names_and_abbreviations_are_no_joins() {
        assert!(camel_joins("Share on LinkedIn How Lego Rebuilt Itself").is_empty());
        let wall =
            "It grew in the U.S. It is big.YouTube and iPhone users like PayPal and WeChat a lot.";
        assert_eq!(
            texts(wall),
            vec![
                ("It grew in the U.S. It is big.".to_string(), false),
                (
                    "YouTube and iPhone users like PayPal and WeChat a lot.".to_string(),
                    false
                ),
            ]
        );
    }
}
