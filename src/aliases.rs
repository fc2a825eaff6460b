//! The bilingual alias table (`data/aliases.toml`): groups of names for one
//! concept (`口碑`, `word-of-mouth`, `word of mouth`).
//!
//! Plain data, read by two stages: ingest canonicalises tags with it and the
//! analysis stage gives its groups to the search index for cross-language
//! queries. Neither reaches into the other for it.

use std::sync::OnceLock;

use serde::Deserialize;

const ALIASES_TOML: &str = include_str!("../data/aliases.toml");

/// One concept: its display form and every other spelling.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct AliasGroup {
    /// The tag shown on pages (usually English).
    pub canonical: String,
    /// Other spellings: Chinese, variants, plurals. Excludes `canonical`.
    #[serde(default)]
    pub names: Vec<String>,
    /// How strongly mentions make this group a tag (broad concepts < 1).
    #[serde(default = "default_weight")]
    pub weight: f64,
}

fn default_weight() -> f64 {
    1.0
}

impl AliasGroup {
    /// The canonical form followed by all names.
    pub fn all_names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.canonical.as_str()).chain(self.names.iter().map(String::as_str))
    }
}

#[derive(Debug, Deserialize)]
struct AliasFile {
    #[serde(default)]
    group: Vec<AliasGroup>,
}

/// Parses an alias TOML document (`[[group]]` entries).
pub fn parse_groups(toml_text: &str) -> Result<Vec<AliasGroup>, String> {
    toml::from_str::<AliasFile>(toml_text)
        .map(|f| f.group)
        .map_err(|e| e.to_string())
}

/// Every group of the built-in table, in file order (the table is part of
/// the binary; a test checks that it parses).
pub fn groups() -> &'static [AliasGroup] {
    static GROUPS: OnceLock<Vec<AliasGroup>> = OnceLock::new();
    GROUPS.get_or_init(|| crate::text::fixed::rules("aliases.toml", parse_groups(ALIASES_TOML)))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_built_in_table_parses() {
        let groups = super::parse_groups(super::ALIASES_TOML).expect("data/aliases.toml parses");
        assert!(groups.len() > 10);
        assert_eq!(super::groups(), groups.as_slice());
    }
}
