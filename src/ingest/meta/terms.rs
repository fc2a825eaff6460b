//! Counting keyword terms in text, for category scoring, alias hits and
//! sentence scoring.
//!
//! One Aho-Corasick automaton per term list (leftmost-longest, ASCII
//! case-insensitive). Latin terms only count on word boundaries; a trailing `*`
//! makes a term a word prefix (`apologi*`). Chinese terms count as substrings.

use aho_corasick::{AhoCorasick, MatchKind};

use crate::text::fold::fold_punctuation;
use crate::text::{cuts_word, word_edges};

/// How one term matches.
#[derive(Debug, Clone)]
struct TermShape {
    /// Ends with `*`: any word starting with the term.
    prefix: bool,
}

/// A compiled list of terms; hits report the term's index in the list.
#[derive(Debug, Clone)]
pub struct TermMatcher {
    automaton: AhoCorasick,
    shapes: Vec<TermShape>,
}

impl TermMatcher {
    /// Compiles `terms`. `None` only if the automaton cannot be built.
    pub fn new<S: AsRef<str>>(terms: &[S]) -> Option<TermMatcher> {
        let mut patterns = Vec::with_capacity(terms.len());
        let mut shapes = Vec::with_capacity(terms.len());
        for term in terms {
            let term = fold_punctuation(term.as_ref().trim());
            let prefix = term.ends_with('*');
            patterns.push(term.trim_end_matches('*').to_lowercase());
            shapes.push(TermShape { prefix });
        }
        let automaton = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .ok()?;
        Some(TermMatcher { automaton, shapes })
    }

    /// Indexes of the terms found in `text`, one per occurrence, in text order.
    /// `text` should already be folded by `fold_punctuation`.
    pub fn hits(&self, text: &str) -> Vec<usize> {
        self.automaton
            .find_iter(text)
            .filter(|m| {
                let shape = &self.shapes[m.pattern().as_usize()];
                // A prefix term may run on into a longer word.
                let (starts, ends) = word_edges(&text[m.start()..m.end()]);
                !cuts_word(text, m.start(), m.end(), (starts, ends && !shape.prefix))
            })
            .map(|m| m.pattern().as_usize())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count(terms: &[&str], text: &str) -> Vec<usize> {
        TermMatcher::new(terms)
            .map(|m| m.hits(&fold_punctuation(text)))
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
}
