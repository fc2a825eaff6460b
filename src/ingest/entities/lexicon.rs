//! The rule data of entity discovery, compiled in: the cues and lists of
//! `data/ingest/entities.toml` and the known Chinese names of
//! `data/ingest/entity_names_zh.txt`, which jieba would cut into common words,
//! and the English given names of `data/ingest/given_names_en.txt`.

use std::collections::HashSet;
use std::sync::LazyLock;

use serde::Deserialize;

const ENTITIES_TOML: &str = include_str!("../../../data/ingest/entities.toml");
const NAMES_ZH: &str = include_str!("../../../data/ingest/entity_names_zh.txt");

/// `data/ingest/entities.toml`.
#[derive(Debug, Default, Deserialize)]
pub struct Lexicon {
    pub titles_en: HashSet<String>,
    pub person_titles_en: HashSet<String>,
    pub company_suffixes_en: HashSet<String>,
    pub founder_cues_en: HashSet<String>,
    pub brand_cues_en: HashSet<String>,
    pub product_cues_en: HashSet<String>,
    pub not_entities_en: HashSet<String>,
    pub founder_cues_zh: Vec<String>,
    pub founding_cues_en: HashSet<String>,
    pub founding_cues_zh: Vec<String>,
    pub founding_verbs_zh: Vec<String>,
    pub after_name_zh: String,
    pub never_in_name_zh: String,
    pub company_cues_zh: Vec<String>,
    pub brand_cues_zh: Vec<String>,
    pub surnames_zh: String,
    pub not_entities_zh: HashSet<String>,
    pub surname_readings: std::collections::HashMap<String, String>,
}

impl Lexicon {
    /// Whether `c` is a common Chinese surname.
    pub fn is_surname_zh(&self, c: char) -> bool {
        self.surnames_zh.contains(c)
    }
}

/// The compiled-in lexicon (a test loads it).
pub fn lexicon() -> &'static Lexicon {
    static LEX: LazyLock<Lexicon> =
        LazyLock::new(|| crate::text::fixed::rules("entities.toml", toml::from_str(ENTITIES_TOML)));
    &LEX
}

/// Known Chinese company and brand names, one a line (`#` comments).
pub fn known_names_zh() -> impl Iterator<Item = &'static str> {
    NAMES_ZH
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

pub use crate::ingest::meta::people::is_given_name_en;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rule_files_load() {
        let lex = lexicon();
        assert!(lex.titles_en.contains("CEO") && lex.founder_cues_zh.len() > 5);
        assert!(lex.is_surname_zh('张') && !lex.is_surname_zh('的'));
        assert!(known_names_zh().any(|n| n == "蜜雪冰城"));
        assert!(is_given_name_en("Jason") && !is_given_name_en("Under"));
    }
}
