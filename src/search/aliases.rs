//! Cross-language alias groups: every page that mentions any name of a group
//! (`口碑`, `word of mouth`) is indexed under one group term `~N`, and the
//! browser rewrites a query that contains a name into that term. That is how
//! `word of mouth` finds the Chinese 口碑 articles and `雷军` the English
//! Lei Jun article without storing any translation in the postings.

use std::collections::HashMap;

use aho_corasick::AhoCorasick;

use super::names::{Found, NameIndex};

use super::AliasGroup;
use crate::text::fold::search_key;
use crate::text::{cuts_word, has_cjk, on_word_boundaries, word_edges};

/// The index term standing for alias group `group`.
pub fn group_term(group: usize) -> String {
    format!("~{group}")
}

/// Finds alias names in page text.
pub struct AliasMatcher {
    /// Normalized names of each kept group, in group-term order.
    pub groups: Vec<Vec<String>>,
    /// The index term of each group (`group_term`), made once.
    pub terms: Vec<String>,
    names: NameIndex,
    /// For each pattern, the groups one match of it counts for:
    /// its own, and those of the names inside it (`小米` in `小米手机`).
    /// The scan reports only the longest name at a place; this puts the
    /// shorter ones back.
    credits: Vec<Vec<usize>>,
    /// For each pattern, whether it starts and whether it ends with a
    /// character of a Latin word: only then can a match cut a word.
    word_edges: Vec<(bool, bool)>,
}

impl AliasMatcher {
    /// Keeps groups with at least two distinct names, and single Chinese names
    /// (people, products) that jieba's dictionary would split into characters.
    pub fn new(input: &[AliasGroup]) -> AliasMatcher {
        let mut groups: Vec<Vec<String>> = Vec::new();
        for g in input {
            let mut names: Vec<String> = g.names.iter().map(|n| search_key(n)).collect();
            names.retain(|n| !n.is_empty());
            names.sort();
            names.dedup();
            let useful = names.len() >= 2 || names.first().is_some_and(|n| has_cjk(n));
            if useful && !groups.contains(&names) {
                groups.push(names);
            }
        }
        let mut index: HashMap<&str, usize> = HashMap::new();
        let mut patterns: Vec<&str> = Vec::new();
        let mut pattern_groups: Vec<Vec<usize>> = Vec::new();
        for (gi, names) in groups.iter().enumerate() {
            for name in names {
                let pi = *index.entry(name.as_str()).or_insert_with(|| {
                    patterns.push(name.as_str());
                    pattern_groups.push(Vec::new());
                    patterns.len() - 1
                });
                pattern_groups[pi].push(gi);
            }
        }
        let names = NameIndex::new(&patterns);
        let credits = credits(&patterns, &pattern_groups);
        let word_edges = patterns.iter().map(|p| word_edges(p)).collect();
        AliasMatcher {
            terms: (0..groups.len()).map(group_term).collect(),
            groups,
            names,
            credits,
            word_edges,
        }
    }

    /// Adds to `counts` (one slot per group) how often each group's names
    /// occur in `hay`, text already folded by `search_key`.
    pub fn count_in_normalized(&self, hay: &str, counts: &mut [u32]) {
        self.names.scan(hay, |m| self.count(hay, m, counts));
    }

    /// The names to look for (see `tokenize::scan_normalized`).
    pub fn names(&self) -> &NameIndex {
        &self.names
    }

    /// Adds a match of `names()` in `hay` to `counts`, unless it cuts a word.
    pub fn count(&self, hay: &str, m: Found, counts: &mut [u32]) {
        if !cuts_word(hay, m.start, m.end, self.word_edges[m.pattern]) {
            for &g in &self.credits[m.pattern] {
                counts[g] += 1;
            }
        }
    }
}

/// For each pattern, the groups of every pattern found inside it (itself
/// included), on word boundaries: one overlapping Aho-Corasick pass per
/// pattern instead of comparing every pair.
fn credits(patterns: &[&str], pattern_groups: &[Vec<usize>]) -> Vec<Vec<usize>> {
    let Ok(all) = AhoCorasick::new(patterns) else {
        return pattern_groups.to_vec();
    };
    patterns
        .iter()
        .map(|outer| {
            let mut groups = Vec::new();
            for m in all.find_overlapping_iter(outer) {
                if on_word_boundaries(outer, m.start(), m.end()) {
                    groups.extend(&pattern_groups[m.pattern().as_usize()]);
                }
            }
            groups
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(names: &[&str]) -> AliasGroup {
        AliasGroup {
            names: names.iter().map(|s| s.to_string()).collect(),
        }
    }

    fn counts(m: &AliasMatcher, text: &str) -> Vec<(usize, u32)> {
        let mut c = vec![0; m.groups.len()];
        m.count_in_normalized(&search_key(text), &mut c);
        c.into_iter().enumerate().filter(|&(_, n)| n > 0).collect()
    }

    #[test]
    fn counts_names_in_both_languages() {
        let m = AliasMatcher::new(&[
            group(&["口碑", "Word of mouth"]),
            group(&["雷军", "Lei Jun"]),
        ]);
        assert_eq!(counts(&m, "小米的口碑，口碑为王"), vec![(0, 2)]);
        assert_eq!(counts(&m, "Lei Jun on word-of-mouth"), vec![(0, 1), (1, 1)]);
    }

    #[test]
    fn latin_names_respect_word_boundaries() {
        let m = AliasMatcher::new(&[group(&["Mi", "小米"])]);
        assert_eq!(counts(&m, "Xiaomi minutes"), vec![]);
        assert_eq!(counts(&m, "the Mi 6 and 小米手机"), vec![(0, 2)]);
    }

    #[test]
    fn a_name_cut_inside_a_word_hides_nothing_after_it() {
        // `mi fan` inside `redmi fan club` is no mention, and must not
        // swallow the `fan` it overlaps.
        let m = AliasMatcher::new(&[group(&["mi fan", "米粉"]), group(&["fan", "粉丝"])]);
        assert_eq!(counts(&m, "Redmi fan club"), vec![(1, 1)]);
    }

    #[test]
    fn names_inside_longer_names_count_too() {
        let m = AliasMatcher::new(&[
            group(&["小米", "Xiaomi"]),
            group(&["小米手机", "Mi phone"]),
            group(&["Lei Jun", "雷军"]),
        ]);
        assert_eq!(counts(&m, "小米手机和小米"), vec![(0, 2), (1, 1)]);
        assert_eq!(counts(&m, "the xiaomi mi phone"), vec![(0, 1), (1, 1)]);
    }

    #[test]
    fn keeps_groups_with_two_names_or_a_chinese_name() {
        let m = AliasMatcher::new(&[group(&["Xiaomi", "xiaomi"]), group(&[]), group(&["黎万强"])]);
        assert_eq!(m.groups, vec![vec!["黎万强".to_string()]]);
        assert_eq!(counts(&m, "Xiaomi"), vec![]);
    }
}
