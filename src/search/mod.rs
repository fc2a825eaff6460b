//! Search: a compact bilingual index written at build time, read by the
//! theme's `search.js` in the browser.
//!
//! Interface used by the build (keep these signatures):
//! `build_index(&[SearchDoc], &[AliasGroup]) -> SearchIndex`.

/// One page as the index sees it.
#[derive(Debug, Clone, Default)]
pub struct SearchDoc {
    /// Site-root-relative URL path of the page, e.g. `case-studies/a/` (no base path).
    pub path: String,
    pub title: String,
    /// `en` or `zh`.
    pub lang: String,
    /// Category display name, may be empty.
    pub category: String,
    pub tags: Vec<String>,
    /// Plain text of the body (Markdown already rendered and stripped).
    pub text: String,
}

/// Names that mean the same thing across languages: an entity's title and
/// aliases, or a tag and its aliases (`口碑`, `word of mouth`).
#[derive(Debug, Clone, Default)]
pub struct AliasGroup {
    pub names: Vec<String>,
}

/// Files to write under `public/` (paths relative to it) and size figures.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    pub files: Vec<(String, Vec<u8>)>,
    pub total_bytes: usize,
    pub pages: usize,
}

pub fn build_index(docs: &[SearchDoc], _aliases: &[AliasGroup]) -> SearchIndex {
    SearchIndex {
        pages: docs.len(),
        ..Default::default()
    }
}
