//! The one name matcher: finds listed names and terms in running text with
//! one Aho-Corasick automaton (leftmost-longest, ASCII case-insensitive).
//! Latin names only count on word boundaries (`MIUI` is not in `MIUIs`);
//! Chinese ones count anywhere (Chinese has no word boundaries).
//!
//! Two kinds, as callers need them:
//! - `literal`: names compared as written (a page's title and aliases
//!   linked where running text mentions them); matches are byte ranges of
//!   the text searched;
//! - `terms`: rule-list terms, compared after `fold_punctuation` (so
//!   `entrepreneur’s IP` matches `entrepreneur's IP`), where a trailing `*`
//!   makes a term a word prefix (`apologi*`).
//!
//! (The search index finds its alias names inside its own word split:
//! `search::names`.)

use aho_corasick::{AhoCorasick, MatchKind};

use super::fold::fold_punctuation;
use super::{cuts_word, word_edges};

/// A match: pattern number and its byte range in the text searched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub pattern: usize,
    pub start: usize,
    pub end: usize,
}

/// A compiled list of names; matches report the name's index in the list.
#[derive(Debug, Clone)]
pub struct NameMatcher {
    automaton: AhoCorasick,
    /// Per name: it may run on into a longer word (`apologi*`).
    prefix: Vec<bool>,
    /// Names were folded by `fold_punctuation`, so `hits` folds the text too.
    folded: bool,
}

impl NameMatcher {
    /// Names compared as written, ASCII case aside. `None` only when the
    /// automaton cannot be built.
    pub fn literal<S: AsRef<str>>(names: &[S]) -> Option<NameMatcher> {
        let patterns: Vec<&str> = names.iter().map(AsRef::as_ref).collect();
        NameMatcher::build(&patterns, vec![false; patterns.len()], false)
    }

    /// Rule-list terms: folded by `fold_punctuation`, a trailing `*` for a
    /// word prefix. `None` only when the automaton cannot be built.
    pub fn terms<S: AsRef<str>>(terms: &[S]) -> Option<NameMatcher> {
        let folded: Vec<String> = terms
            .iter()
            .map(|t| fold_punctuation(t.as_ref().trim()))
            .collect();
        let prefix = folded.iter().map(|t| t.ends_with('*')).collect();
        let patterns: Vec<&str> = folded.iter().map(|t| t.trim_end_matches('*')).collect();
        NameMatcher::build(&patterns, prefix, true)
    }

    fn build(patterns: &[&str], prefix: Vec<bool>, folded: bool) -> Option<NameMatcher> {
        let automaton = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(patterns)
            .ok()?;
        Some(NameMatcher {
            automaton,
            prefix,
            folded,
        })
    }

    /// Every match in `text` (as given), in text order, leftmost-longest,
    /// none cutting a Latin word.
    pub fn find(&self, text: &str) -> Vec<Found> {
        self.automaton
            .find_iter(text)
            .filter(|m| {
                let (starts, ends) = word_edges(&text[m.start()..m.end()]);
                let prefix = self.prefix[m.pattern().as_usize()];
                !cuts_word(text, m.start(), m.end(), (starts, ends && !prefix))
            })
            .map(|m| Found {
                pattern: m.pattern().as_usize(),
                start: m.start(),
                end: m.end(),
            })
            .collect()
    }

    /// The index of the name of every match in `text`, in text order; the
    /// text is folded first as the names were.
    pub fn hits(&self, text: &str) -> Vec<usize> {
        let found = if self.folded {
            self.find(&fold_punctuation(text))
        } else {
            self.find(text)
        };
        found.into_iter().map(|f| f.pattern).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count(terms: &[&str], text: &str) -> Vec<usize> {
        NameMatcher::terms(terms)
            .map(|m| m.hits(text))
            .unwrap_or_default()
    }

    #[test]
    fn latin_terms_match_whole_words_case_insensitively() {
        assert_eq!(
            count(&["crisis"], "A Crisis, then crises and crisisX."),
            vec![0]
        );
        assert_eq!(
            count(&["fan circle", "fans"], "The fan circle and fans; fansite."),
            vec![0, 1]
        );
    }

    #[test]
    fn prefix_terms_match_word_starts() {
        assert_eq!(
            count(&["apologi*"], "It apologized; the apologies; unapologetic."),
            vec![0, 0]
        );
    }

    #[test]
    fn chinese_terms_match_substrings_and_typographic_quotes_fold() {
        assert_eq!(
            count(&["口碑", "企业家IP"], "小米的口碑和企业家ip战略"),
            vec![0, 1]
        );
        assert_eq!(
            count(&["entrepreneur's IP"], "the entrepreneur’s IP strategy"),
            vec![0]
        );
    }

    #[test]
    fn leftmost_longest_prefers_longer_names() {
        // 小米粉丝 is 小米 + 粉丝, not 米粉.
        assert_eq!(count(&["小米", "米粉", "粉丝"], "小米粉丝"), vec![0, 2]);
    }

    #[test]
    fn literal_names_report_where_they_are_in_the_text() {
        let m = NameMatcher::literal(&["MIUI", "Entrepreneur’s IP", "小米"]).unwrap();
        let text = "miui, MIUIs, 小米 and the entrepreneur’s IP";
        let found: Vec<(usize, &str)> = m
            .find(text)
            .into_iter()
            .map(|f| (f.pattern, &text[f.start..f.end]))
            .collect();
        assert_eq!(
            found,
            vec![(0, "miui"), (2, "小米"), (1, "entrepreneur’s IP")]
        );
        // A literal name is no prefix and is not folded.
        assert!(NameMatcher::literal(&["apologi*"])
            .unwrap()
            .hits("apologies")
            .is_empty());
        assert!(NameMatcher::literal(&["it's"])
            .unwrap()
            .hits("it’s")
            .is_empty());
    }
}
