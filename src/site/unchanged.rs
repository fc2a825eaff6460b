//! Which pages' outputs keep their print without computing it again.
//!
//! A page's output is made of the page's own parts (kept as hashes in
//! `PageHashes`), the list entries and links of the pages around it (its
//! backlinks, related pages and links, with the bodies' mention snippets),
//! its tags and `site`. When an edit changed only some pages and kept the
//! lists and the site view, a page's print can move only if the page is one
//! of them, if the pages around it changed, or if one of those is one of
//! them. Every other page keeps the print it had, and only the outputs of
//! the others are printed again. After a change of the page set, the lists
//! or the site view every print is computed.

use std::hash::BuildHasher;

use foldhash::quality::FixedState;
use rayon::prelude::*;

use super::Site;
use crate::analysis::graph::LinkGraph;

/// What the last print pass saw, to tell what moved since.
#[derive(Debug, Default)]
pub(super) struct LastPass {
    /// The pages around each page.
    graph: LinkGraph,
    /// Print of the whole site view.
    site: u64,
}

impl Site {
    /// Per page, whether its output keeps its last print: none when every
    /// print must be computed.
    pub(super) fn unchanged_pages(&self) -> Option<Vec<bool>> {
        let changed = self.live.changed_pages.as_ref()?;
        let last = self.live.last_pass.as_ref()?;
        let graph = &self.analysis.graph;
        let n = self.library.pages.len();
        if last.graph.backlinks.len() != n || last.site != self.site_print() {
            return None;
        }
        let mut dirty = vec![false; n];
        for &i in changed.iter().filter(|&&i| i < n) {
            dirty[i] = true;
        }
        let old = &last.graph;
        let keep = (0..n)
            .into_par_iter()
            .map(|i| {
                let near = graph.backlinks[i]
                    .iter()
                    .chain(&graph.related[i])
                    .chain(&graph.outgoing[i]);
                !dirty[i]
                    && old.backlinks.get(i) == graph.backlinks.get(i)
                    && old.related.get(i) == graph.related.get(i)
                    && old.outgoing.get(i) == graph.outgoing.get(i)
                    && !near.into_iter().any(|&j| dirty.get(j) != Some(&false))
            })
            .collect();
        Some(keep)
    }

    /// Remembers what this print pass saw; the next one compares against it.
    pub(super) fn remember_pass(&mut self) {
        let g = &self.analysis.graph;
        self.live.last_pass = Some(LastPass {
            graph: LinkGraph {
                outgoing: g.outgoing.clone(),
                backlinks: g.backlinks.clone(),
                related: g.related.clone(),
            },
            site: self.site_print(),
        });
        self.live.changed_pages = Some(Vec::new());
    }

    fn site_print(&self) -> u64 {
        let view = self.model().site_view();
        FixedState::default().hash_one(serde_json::to_string(&view).unwrap_or_default())
    }
}
