//! The bilingual alias table (`data/aliases.toml`): groups of names for one
//! concept, so `口碑`, `word-of-mouth` and `word of mouth` become one tag.
//!
//! Public because search reuses it for cross-language queries. The canonical
//! form of a group is its `canonical` field (English for concepts shared by
//! English and Chinese articles); terms outside every group keep their own form.

use std::collections::HashMap;
use std::sync::OnceLock;

pub use crate::aliases::AliasGroup;

use crate::text::fold::{fold_punctuation, name_key};
use crate::text::names::NameMatcher;

/// The parsed table, a lookup by folded name, and a matcher over all names.
struct AliasTable {
    groups: Vec<AliasGroup>,
    by_name: HashMap<String, usize>,
    /// Pattern index → group index.
    pattern_group: Vec<usize>,
    matcher: Option<NameMatcher>,
}

static TABLE: OnceLock<AliasTable> = OnceLock::new();

fn table() -> &'static AliasTable {
    TABLE.get_or_init(|| build_table(crate::aliases::groups().to_vec()))
}

fn build_table(groups: Vec<AliasGroup>) -> AliasTable {
    let mut by_name = HashMap::new();
    let mut patterns: Vec<String> = Vec::new();
    let mut pattern_group = Vec::new();
    for (index, group) in groups.iter().enumerate() {
        for name in group.all_names() {
            let key = name_key(name);
            if key.is_empty() {
                continue;
            }
            by_name.entry(key).or_insert(index);
            // Spellings that fold alike (`word-of-mouth`) still need their own pattern.
            let pattern = fold_punctuation(name).to_lowercase();
            if !patterns.contains(&pattern) {
                patterns.push(pattern);
                pattern_group.push(index);
            }
        }
    }
    let matcher = NameMatcher::terms(&patterns);
    AliasTable {
        groups,
        by_name,
        pattern_group,
        matcher,
    }
}

/// Every alias group, in file order.
pub fn alias_groups() -> &'static [AliasGroup] {
    &table().groups
}

/// The group a name belongs to (any spelling, case-insensitive).
pub fn group_of(name: &str) -> Option<&'static AliasGroup> {
    let t = table();
    t.by_name.get(&name_key(name)).map(|&i| &t.groups[i])
}

/// The canonical form of `term`, or `None` when no group names it.
pub fn canonical_of(term: &str) -> Option<&'static str> {
    group_of(term).map(|g| g.canonical.as_str())
}

/// Every spelling of the concept `term` names (itself included when unknown),
/// for expanding a search query across languages.
pub fn expand(term: &str) -> Vec<&str> {
    match group_of(term) {
        Some(group) => group.all_names().collect(),
        None => vec![term],
    }
}

/// How often each alias group is named in `text`, in order of first appearance.
pub fn group_hits(text: &str) -> Vec<(&'static AliasGroup, usize)> {
    let t = table();
    let Some(matcher) = &t.matcher else {
        return Vec::new();
    };
    let mut counts: Vec<(&'static AliasGroup, usize)> = Vec::new();
    for pattern in matcher.hits(text) {
        let group = &t.groups[t.pattern_group[pattern]];
        match counts.iter_mut().find(|(g, _)| std::ptr::eq(*g, group)) {
            Some(entry) => entry.1 += 1,
            None => counts.push((group, 1)),
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_file_parses_and_names_are_unique() {
        let groups = crate::aliases::groups();
        assert!(groups.len() > 50);
        let mut seen = std::collections::HashSet::new();
        for name in groups.iter().flat_map(|g| g.all_names()) {
            assert!(
                seen.insert(fold_punctuation(name).to_lowercase()),
                "name listed twice: {name}"
            );
        }
    }

    #[test]
    fn chinese_and_english_names_share_a_canonical_tag() {
        assert_eq!(canonical_of("口碑"), Some("word of mouth"));
        assert_eq!(canonical_of("Word-of-Mouth"), Some("word of mouth"));
        assert_eq!(canonical_of("饥饿营销"), Some("hunger marketing"));
        assert_eq!(canonical_of("雷军"), Some("Lei Jun"));
        assert_eq!(canonical_of("millet"), Some("Xiaomi"));
        assert_eq!(canonical_of("米粉"), Some("Mi fans"));
        assert_eq!(canonical_of("企业家IP"), Some("entrepreneur IP"));
        assert_eq!(canonical_of("entrepreneur’s IP"), Some("entrepreneur IP"));
        assert_eq!(canonical_of("茶叶蛋"), None);
    }

    #[test]
    fn expand_lists_all_spellings() {
        let names = expand("word of mouth");
        assert!(names.contains(&"口碑") && names.contains(&"word-of-mouth"));
        assert_eq!(expand("unknown thing"), vec!["unknown thing"]);
    }

    #[test]
    fn group_hits_count_names_in_both_languages() {
        let hits = group_hits("小米的口碑。Xiaomi relies on word-of-mouth and Weibo; 微博 too.");
        let hits: Vec<(&str, usize)> = hits
            .iter()
            .map(|(g, n)| (g.canonical.as_str(), *n))
            .collect();
        assert_eq!(
            hits,
            vec![("Xiaomi", 2), ("word of mouth", 2), ("Weibo", 2)]
        );
    }
}
