//! People named in English text: the common given names of
//! `data/ingest/given_names_en.txt` and the person an article names most.

use std::collections::HashSet;
use std::sync::LazyLock;

use super::names::{bare, ends_clause, occurrences};

const GIVEN_NAMES_EN: &str = include_str!("../../../data/ingest/given_names_en.txt");

/// Whether `word` is a common English given name (`Jason`).
pub fn is_given_name_en(word: &str) -> bool {
    static NAMES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
        GIVEN_NAMES_EN
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    });
    NAMES.contains(word)
}

/// The person an English article names most (`Jason Fried`, then `Fried`):
/// the surname of a given name and surname the text writes, with how often
/// the surname stands in it.
pub fn main_person_en(paragraphs: &[String]) -> Option<(String, usize)> {
    let text = paragraphs.join("\n");
    let mut surnames: Vec<String> = Vec::new();
    for p in paragraphs {
        let words: Vec<&str> = p.split_whitespace().collect();
        for pair in words.windows(2) {
            let (given, surname) = (bare(pair[0]), bare(pair[1]));
            let named = is_given_name_en(given) && !ends_clause(pair[0]);
            if named && surname.len() > 1 && surname.starts_with(char::is_uppercase) {
                surnames.push(surname.to_string());
            }
        }
    }
    surnames.sort();
    surnames.dedup();
    surnames
        .into_iter()
        .map(|s| {
            let n = occurrences(&text, &s);
            (s, n)
        })
        .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
}
