//! Search: a compact bilingual index written at build time, read by the
//! theme's `search.js` in the browser.
//!
//! The build feeds it page by page: `Indexer::analyse` runs inside the
//! parallel page pass (right after a page's Markdown pass, so its plain text
//! is never kept) and returns the page's `PageTerms`; `Indexer::write` turns
//! every page's terms and `DocEntry` into files. `build_index` does both for
//! a list of `SearchDoc`s (tests, small tools).
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

pub mod aliases;
mod analyse;
mod codec;
mod docs;
mod emit;
mod names;
mod page_terms;
mod postings;
#[cfg(test)]
mod query;
mod terms;
pub mod tokenize;

pub use analyse::Fields;
pub use docs::excerpt;
pub use page_terms::PageTerms;
pub use terms::{TermId, TermTable};

use rayon::prelude::*;

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

/// What a result shows of a page (the doc table of the index).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocEntry {
    pub path: String,
    pub title: String,
    pub lang: String,
    pub category: String,
    pub tags: Vec<String>,
    /// The start of the body (see `excerpt`).
    pub excerpt: String,
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
    /// The content of one written file, by path relative to `public/`.
    pub fn file(&self, path: &str) -> Option<&[u8]> {
        self.files
            .iter()
            .find(|(p, _)| p == path)
            .map(|(_, b)| b.as_slice())
    }
}

/// Analyses pages into terms of one shared table and writes the index files.
pub struct Indexer {
    table: TermTable,
    aliases: aliases::AliasMatcher,
}

/// How many keywords per page feed related pages.
pub const KEYWORDS_PER_PAGE: usize = 12;

impl Indexer {
    pub fn new(aliases: &[AliasGroup]) -> Indexer {
        Indexer {
            table: TermTable::default(),
            aliases: aliases::AliasMatcher::new(aliases),
        }
    }

    /// The terms of one page; safe to call from many threads at once.
    pub fn analyse(&self, fields: Fields) -> PageTerms {
        analyse::analyse_page(&self.table, &self.aliases, fields, KEYWORDS_PER_PAGE)
    }

    /// The index files of `docs`, whose terms are `pages` (same order).
    pub fn write(&self, docs: &[DocEntry], pages: &[&PageTerms]) -> SearchIndex {
        emit::write(&emit::Sources {
            docs,
            pages,
            table: &self.table,
            aliases: &self.aliases,
        })
    }
}

/// Builds the search index of a list of pages in one go.
pub fn build_index(docs: &[SearchDoc], aliases: &[AliasGroup]) -> SearchIndex {
    let indexer = Indexer::new(aliases);
    let pages: Vec<PageTerms> = docs
        .par_iter()
        .map(|d| {
            indexer.analyse(Fields {
                text: &d.text,
                title: &d.title,
                tags: &d.tags,
            })
        })
        .collect();
    let entries: Vec<DocEntry> = docs.iter().map(SearchDoc::entry).collect();
    let refs: Vec<&PageTerms> = pages.iter().collect();
    indexer.write(&entries, &refs)
}

impl SearchDoc {
    /// The doc-table entry of this page.
    pub fn entry(&self) -> DocEntry {
        DocEntry {
            path: self.path.clone(),
            title: self.title.clone(),
            lang: self.lang.clone(),
            category: self.category.clone(),
            tags: self.tags.clone(),
            excerpt: excerpt(&self.text, &self.title, &self.lang),
        }
    }
}
