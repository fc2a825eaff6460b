//! Search: a compact bilingual index written at build time, read by the
//! theme's `search.js` in the browser.
//!
//! Interface used by the build (keep these signatures):
//! `build_index(&[SearchDoc], &[AliasGroup]) -> SearchIndex`.
//!
//! Files (under `public/`), the contract with `search.js`:
//! - `search/index.json`: `{version, build, docs, avgdl, lens, shards, chunk,
//!   cats, stop, groups}`. `lens` is the encoded body length of every doc;
//!   `groups[i]` are the normalized names of alias group `i` (term `~i`).
//! - `search/t/{shard}.json`: `{term: postings}`; a term lives in shard
//!   `fnv1a(first two chars) % shards`; postings are encoded pairs
//!   `(doc-id gap, tf * 4 + flags)` (see `codec`, `postings`).
//! - `search/d/{chunk}.json`: doc `i` is entry `i % chunk` of chunk
//!   `i / chunk`: `[path, title, lang, category index, excerpt, tags]`.

mod aliases;
mod analyse;
mod codec;
mod docs;
mod emit;
mod fxhash;
mod postings;
pub mod query;
pub mod tokenize;

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
    /// Sum of the sizes of `files`.
    pub total_bytes: usize,
    pub pages: usize,
    /// Bytes of page text indexed (titles, tags, bodies), to compare with `total_bytes`.
    pub text_bytes: usize,
    /// Number of term shards (`search/t/*.json`).
    pub shards: usize,
    /// Number of distinct terms.
    pub terms: usize,
}

impl SearchIndex {
    /// Index size per page, in bytes.
    pub fn bytes_per_page(&self) -> usize {
        self.total_bytes / self.pages.max(1)
    }

    /// The content of one written file, by path relative to `public/`.
    pub fn file(&self, path: &str) -> Option<&[u8]> {
        self.files
            .iter()
            .find(|(p, _)| p == path)
            .map(|(_, b)| b.as_slice())
    }
}

/// Builds the search index of a site's pages.
pub fn build_index(docs: &[SearchDoc], aliases: &[AliasGroup]) -> SearchIndex {
    let matcher = aliases::AliasMatcher::new(aliases);
    let mut analysed = analyse::analyse(docs, &matcher);
    emit::write(docs, &mut analysed, &matcher)
}
