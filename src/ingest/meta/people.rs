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

/// A surname the text also writes after a given name, as that full name
/// (`Petersson` → `Toni Petersson` when the text says `Toni Petersson`
/// once); `None` for any other term.
pub fn full_name_en(surname: &str, text: &str) -> Option<String> {
    let capitalised = surname.chars().next().is_some_and(char::is_uppercase);
    if !capitalised || surname.contains(char::is_whitespace) {
        return None;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    words.windows(2).find_map(|w| {
        let given = w[0];
        (!ends_clause(given) && is_given_name_en(bare(given)) && bare(w[1]) == surname)
            .then(|| format!("{} {surname}", bare(given)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_surname_grows_into_the_full_name_the_text_gives_once() {
        let text =
            "Toni Petersson arrived in 2012. Petersson hired a writer. Petersson’s jokes sold.";
        assert_eq!(
            full_name_en("Petersson", text).as_deref(),
            Some("Toni Petersson")
        );
        assert_eq!(
            full_name_en("Oatly", "Oatly grew. Toni Petersson ran it."),
            None
        );
        assert_eq!(
            full_name_en("Petersson", "Said Toni, Petersson smiled."),
            None
        );
    }
}
