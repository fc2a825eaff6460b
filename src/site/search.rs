//! What the search index is built from: every page's result entry (the
//! index's doc table) beside the terms the analysis found.

use crate::render::Model;
use crate::search::{DocEntry, PageTerms, SearchIndex};

/// What a search result shows of every page (the index's doc table).
pub fn search_docs(model: Model) -> Vec<DocEntry> {
    model
        .library
        .pages
        .iter()
        .zip(&model.analysis.search)
        .map(|(p, s)| DocEntry {
            path: p.path.clone(),
            title: p.meta.title.clone(),
            lang: p.lang.clone(),
            category: p
                .category
                .as_deref()
                .and_then(|slug| model.config.category_by_slug(slug))
                .map(|c| c.name.clone())
                .unwrap_or_default(),
            tags: p.tags.clone(),
            excerpt: s.excerpt.clone(),
        })
        .collect()
}

/// The search index files of the site.
pub fn build_search(model: Model) -> SearchIndex {
    let pages: Vec<&PageTerms> = model.analysis.search.iter().map(|s| &s.terms).collect();
    model.analysis.indexer.write(&search_docs(model), &pages)
}
