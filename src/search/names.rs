//! Finding names (alias patterns) in normalized text without an automaton
//! over every byte.
//!
//! An Aho-Corasick DFA over a few hundred names is a table of about a
//! megabyte; walking it byte by byte over every page evicted the caches the
//! rest of the page pass works from (jieba's dictionary, the term table), and
//! made the whole build about a tenth slower than its own share of the
//! profile showed. Normalized text has only two places a name can start, and
//! both can be looked up in small maps instead:
//! - a name led by a Latin word starts at a word start (it may not cut a
//!   word), so each word of the text is looked up once, by its text;
//! - a name led by an ideograph starts at any ideograph (Chinese has no word
//!   boundaries), so each ideograph is looked up by itself.
//!
//! Matches are leftmost-longest and do not overlap, as with the automaton:
//! at each start, the longest name that is there wins and the scan goes on
//! after it, whether or not its end then cuts a word. Unlike the automaton, a
//! Latin name cannot start inside a word, so it never hides a name after it.
//!
//! This is performance code kept apart from the one name matcher
//! (`text::names`); a property test checks it against a plain scan that tries
//! every pattern at every place a name may start.

use foldhash::HashMap;

use crate::text::{is_cjk, is_word_char};

/// A match: pattern number and its byte range in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub pattern: usize,
    pub start: usize,
    pub end: usize,
}

/// Patterns by how they start, longest first within each key.
#[derive(Debug, Default)]
pub struct NameIndex {
    patterns: Vec<Box<str>>,
    /// Patterns led by a Latin word, by that word.
    by_word: HashMap<Box<str>, Box<[u32]>>,
    /// Patterns led by an ideograph, by that ideograph.
    by_char: HashMap<char, Box<[u32]>>,
}

impl NameIndex {
    /// Indexes normalized `patterns` (pattern `k` is reported as `k`).
    pub fn new(patterns: &[&str]) -> NameIndex {
        let mut by_word: HashMap<Box<str>, Vec<u32>> = HashMap::default();
        let mut by_char: HashMap<char, Vec<u32>> = HashMap::default();
        for (k, p) in patterns.iter().enumerate() {
            let Some(first) = p.chars().next() else {
                continue;
            };
            if is_cjk(first) {
                by_char.entry(first).or_default().push(k as u32);
            } else if is_word_char(first) {
                by_word
                    .entry(p[..word_end(p, 0)].into())
                    .or_default()
                    .push(k as u32);
            }
        }
        let longest_first = |mut v: Vec<u32>| {
            v.sort_by_key(|&k| std::cmp::Reverse(patterns[k as usize].len()));
            v.into_boxed_slice()
        };
        NameIndex {
            patterns: patterns.iter().map(|p| Box::from(*p)).collect(),
            by_word: by_word
                .into_iter()
                .map(|(w, v)| (w, longest_first(v)))
                .collect(),
            by_char: by_char
                .into_iter()
                .map(|(c, v)| (c, longest_first(v)))
                .collect(),
        }
    }

    /// Calls `found` for every leftmost-longest match in `hay`, in order.
    /// (The search index's field scan does the same inside its word split.)
    pub fn scan(&self, hay: &str, mut found: impl FnMut(Found)) {
        let bytes = hay.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b == b' ' {
                i += 1;
                continue;
            }
            let c = if b.is_ascii() {
                char::from(b)
            } else {
                hay[i..].chars().next().unwrap_or(' ')
            };
            let (hit, next) = if is_cjk(c) {
                (self.at_ideograph(hay, i, c), i + c.len_utf8())
            } else {
                let end = word_end(hay, i).max(i + c.len_utf8());
                (self.at_word(hay, i, &hay[i..end]), end)
            };
            match hit {
                Some(f) => {
                    found(f);
                    i = self.resume_after(hay, f.end);
                }
                None => i = next,
            }
        }
    }

    /// Whether any name starts with a Latin word.
    pub fn has_words(&self) -> bool {
        !self.by_word.is_empty()
    }

    /// The longest name starting with the Latin word `word` at byte `at` of
    /// `hay`.
    pub fn at_word(&self, hay: &str, at: usize, word: &str) -> Option<Found> {
        let candidates = self.by_word.get(word)?;
        self.longest_at(hay, at, candidates)
    }

    /// The longest name starting with ideograph `c` at byte `at` of `hay`.
    pub fn at_ideograph(&self, hay: &str, at: usize, c: char) -> Option<Found> {
        let candidates = self.by_char.get(&c)?;
        self.longest_at(hay, at, candidates)
    }

    /// The longest of `candidates` (longest first) that `hay` has at `at`.
    fn longest_at(&self, hay: &str, at: usize, candidates: &[u32]) -> Option<Found> {
        let rest = &hay.as_bytes()[at..];
        candidates.iter().find_map(|&k| {
            let p = self.patterns[k as usize].as_bytes();
            rest.starts_with(p).then_some(Found {
                pattern: k as usize,
                start: at,
                end: at + p.len(),
            })
        })
    }

    /// Where the scan goes on after a match ending at `end`: there, unless
    /// that is inside a word, which no name can start in; then after it.
    pub fn resume_after(&self, hay: &str, end: usize) -> usize {
        let inside = |at: usize| {
            let before = hay[..at].chars().next_back().is_some_and(is_word_char);
            let here = hay[at..].chars().next().is_some_and(is_word_char);
            before && here
        };
        if end < hay.len() && inside(end) {
            word_end(hay, end)
        } else {
            end
        }
    }
}

/// The end of the Latin word starting at byte `i` of `s`: the next space or
/// ideograph.
fn word_end(s: &str, i: usize) -> usize {
    let bytes = s.as_bytes();
    let mut j = i;
    while j < bytes.len() {
        let b = bytes[j];
        if b == b' ' {
            break;
        }
        if b.is_ascii() {
            j += 1;
            continue;
        }
        match s[j..].chars().next() {
            Some(c) if !is_cjk(c) => j += c.len_utf8(),
            _ => break,
        }
    }
    j
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(patterns: &[&str], hay: &str) -> Vec<(usize, &'static str)> {
        let index = NameIndex::new(patterns);
        let mut out = Vec::new();
        index.scan(hay, |f| {
            out.push((
                f.pattern,
                &*Box::leak(hay[f.start..f.end].to_string().into_boxed_str()),
            ));
        });
        out
    }

    #[test]
    fn latin_names_start_at_words_and_the_longest_wins() {
        let pats = ["lei jun", "lei", "mi phone", "mi"];
        assert_eq!(
            scan(&pats, "lei jun and lei"),
            vec![(0, "lei jun"), (1, "lei")]
        );
        assert_eq!(scan(&pats, "xmi mi phone"), vec![(2, "mi phone")]);
        // A match that runs into a word is reported (the caller rejects it)
        // and the rest of that word is skipped.
        assert_eq!(scan(&pats, "lei juns mi"), vec![(0, "lei jun"), (3, "mi")]);
    }

    #[test]
    fn chinese_names_start_anywhere_and_do_not_overlap() {
        let pats = ["小米", "小米手机", "米手", "su7"];
        assert_eq!(
            scan(&pats, "买小米手机和小米su7"),
            vec![(1, "小米手机"), (0, "小米"), (3, "su7")]
        );
    }

    #[test]
    fn mixed_names_and_names_outside_the_bitmap() {
        let pats = ["小米su7", "𠀀𠀁", "iphone手机"];
        assert_eq!(
            scan(&pats, "新款小米su7 𠀀𠀁 iphone手机"),
            vec![(0, "小米su7"), (1, "𠀀𠀁"), (2, "iphone手机")]
        );
        assert_eq!(scan(&pats, "小米su7x"), vec![(0, "小米su7")]);
    }

    /// The plain reference: at every place a name may start (an ideograph,
    /// or the start of a Latin word), every pattern is tried in turn; the
    /// longest one there whose first word is the text's whole word wins.
    fn reference(patterns: &[&str], hay: &str) -> Vec<Found> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < hay.len() {
            let Some(c) = hay[i..].chars().next() else {
                break;
            };
            if c == ' ' {
                i += 1;
                continue;
            }
            let next = if is_cjk(c) {
                i + c.len_utf8()
            } else {
                word_end(hay, i).max(i + c.len_utf8())
            };
            let whole_first_word = |p: &str| is_cjk(c) || word_end(p, 0) == next - i;
            let best = (0..patterns.len())
                .filter(|&k| hay[i..].starts_with(patterns[k]) && whole_first_word(patterns[k]))
                .max_by_key(|&k| (patterns[k].len(), std::cmp::Reverse(k)));
            match best {
                Some(k) => {
                    let end = i + patterns[k].len();
                    out.push(Found {
                        pattern: k,
                        start: i,
                        end,
                    });
                    let inside = end < hay.len()
                        && hay[..end].chars().next_back().is_some_and(is_word_char)
                        && hay[end..].chars().next().is_some_and(is_word_char);
                    i = if inside { word_end(hay, end) } else { end };
                }
                None => i = next,
            }
        }
        out
    }

    const PIECES: &[&str] = &[
        "lei", " ", "jun", "mi", "小", "米", "手", "su7", "x", " ", "机",
    ];

    proptest::proptest! {
        #[test]
        fn the_index_finds_what_the_plain_scan_finds(
            pats in proptest::collection::vec(proptest::collection::vec(0..PIECES.len(), 1..4), 1..8),
            hay in proptest::collection::vec(0..PIECES.len(), 0..24),
        ) {
            let patterns: Vec<String> = pats
                .iter()
                .map(|p| p.iter().map(|&k| PIECES[k]).collect::<String>().trim().to_string())
                .filter(|p| !p.is_empty())
                .collect();
            let patterns: Vec<&str> = patterns.iter().map(String::as_str).collect();
            let hay: String = hay.iter().map(|&k| PIECES[k]).collect();
            let index = NameIndex::new(&patterns);
            let mut got = Vec::new();
            index.scan(&hay, |f| got.push(f));
            let want = reference(&patterns, &hay);
            // Equal patterns are one name: compare the spans matched.
            let spans = |v: &[Found]| -> Vec<(usize, usize)> { v.iter().map(|f| (f.start, f.end)).collect() };
            proptest::prop_assert_eq!(spans(&got), spans(&want), "patterns {:?} in {:?}", patterns, hay);
        }
    }
}
