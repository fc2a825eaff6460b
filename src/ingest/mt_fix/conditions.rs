//! The conditions of one match in its line: cue words nearby, vetoing words
//! right before or after; and keeping the matched text's capitalisation.

use crate::text::on_word_boundaries;

/// What must (not) stand around a match.
pub struct Context {
    cues: Vec<String>,
    within: usize,
    not_before: Vec<String>,
    not_after: Vec<String>,
}

impl Context {
    pub fn new(
        cues: Vec<String>,
        within: usize,
        not_before: Vec<String>,
        not_after: Vec<String>,
    ) -> Context {
        let lower = |v: Vec<String>| v.into_iter().map(|s| s.to_lowercase()).collect();
        Context {
            cues: lower(cues),
            within,
            not_before: lower(not_before),
            not_after: lower(not_after),
        }
    }

    /// Whether the match at `range` of `line` meets the conditions; with
    /// `confirmed` (the rule's cue was met elsewhere in the article) a match
    /// needs no cue of its own unless it is a single word opening a sentence,
    /// where an ordinary word is capitalised too.
    pub fn allows(&self, line: &str, range: std::ops::Range<usize>, confirmed: bool) -> bool {
        if self.vetoed(line, range.clone()) {
            return false;
        }
        if self.cues.is_empty() {
            return true;
        }
        let before = line[..range.start].to_lowercase();
        let after = line[range.end..].to_lowercase();
        let one_word = !line[range.clone()].contains(' ');
        let lone_opening_word = opens_sentence(&line[..range.start]) && one_word;
        // One word inside a longer capitalised name (`Research Association`)
        // is that name's, unless a cue stands by it.
        let in_name = one_word && in_capitalised_run(line, range);
        let ok = confirmed && !lone_opening_word && !in_name;
        ok || self.cue_near(&before, &after)
    }

    /// Whether the match at `range` meets its cue on its own (not vetoed and
    /// a cue nearby): the rule is then confirmed for the whole article.
    pub fn confirms(&self, line: &str, range: std::ops::Range<usize>) -> bool {
        !self.cues.is_empty()
            && !self.vetoed(line, range.clone())
            && self.cue_near(
                &line[..range.start].to_lowercase(),
                &line[range.end..].to_lowercase(),
            )
    }

    /// Whether one of the cues stands anywhere in `text`.
    pub fn cue_anywhere(&self, text: &str) -> bool {
        let lower = format!(" {} ", text.to_lowercase());
        self.cues.iter().any(|cue| contains_word(&lower, cue))
    }

    fn vetoed(&self, line: &str, range: std::ops::Range<usize>) -> bool {
        let before = line[..range.start].to_lowercase();
        let after = line[range.end..].to_lowercase();
        self.not_before.iter().any(|w| starts_with_word(&after, w))
            || self.not_after.iter().any(|w| ends_with_word(&before, w))
    }

    fn cue_near(&self, before: &str, after: &str) -> bool {
        let words_before: Vec<&str> = before.split_whitespace().collect();
        let words_after: Vec<&str> = after.split_whitespace().collect();
        let start = words_before.len().saturating_sub(self.within);
        let window = format!(
            " {} | {} ",
            words_before[start..].join(" "),
            words_after[..words_after.len().min(self.within)].join(" ")
        );
        self.cues.iter().any(|cue| contains_word(&window, cue))
    }
}

/// The word right before or after `range`, one space away, is capitalised.
fn in_capitalised_run(line: &str, range: std::ops::Range<usize>) -> bool {
    let capital = |w: Option<&str>| w.is_some_and(|w| w.starts_with(char::is_uppercase));
    let (before, after) = (&line[..range.start], &line[range.end..]);
    before
        .strip_suffix(' ')
        .is_some_and(|b| capital(b.rsplit(' ').next()))
        || after
            .strip_prefix(' ')
            .is_some_and(|a| capital(a.split(' ').next()))
}

/// The text before a match ends a sentence (or is empty).
fn opens_sentence(before: &str) -> bool {
    let t = before.trim_end_matches(|c: char| c.is_whitespace() || "\"“‘'(".contains(c));
    t.is_empty() || t.ends_with(['.', '!', '?', ':', '。', '！', '？', '：'])
}

/// `text` contains `word` on word boundaries.
fn contains_word(text: &str, word: &str) -> bool {
    text.match_indices(word)
        .any(|(i, m)| on_word_boundaries(text, i, i + m.len()))
}

fn starts_with_word(text: &str, word: &str) -> bool {
    let text = text.trim_start();
    text.starts_with(word) && on_word_boundaries(text, 0, word.len())
}

fn ends_with_word(text: &str, word: &str) -> bool {
    let text = text.trim_end();
    text.ends_with(word) && on_word_boundaries(text, text.len() - word.len(), text.len())
}

/// Words Title Case writes lower-case inside a title.
const TITLE_SMALL_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "but", "by", "for", "in", "of", "on", "or", "the", "to", "via",
];

/// Gives `replacement` the capitalisation of `matched`.
pub fn keep_case(matched: &str, replacement: &str) -> String {
    let words: Vec<&str> = matched.split_whitespace().collect();
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let small = |w: &&str| TITLE_SMALL_WORDS.contains(w);
    let title_case = words.iter().filter(|w| !small(w)).count() > 1
        && words.iter().all(|w| capitalised(w) || small(w));
    if title_case {
        // Title Case leaves short function words lower-case (`Ten Years of Miniso`).
        replacement
            .split(' ')
            .enumerate()
            .map(|(i, w)| {
                if i > 0 && TITLE_SMALL_WORDS.contains(&w) {
                    w.to_string()
                } else {
                    capitalise(w)
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    } else if capitalised(matched) {
        capitalise(replacement)
    } else {
        replacement.to_string()
    }
}

/// `word` with a capital first letter, unless it has capitals of its own.
fn capitalise(word: &str) -> String {
    if word.chars().any(char::is_uppercase) {
        return word.to_string();
    }
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
