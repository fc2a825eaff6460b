//! Related-page lists after an edit, without ranking every page again.
//!
//! A page's related list depends only on its own features and on the
//! posting lists of those features. An edit to page *i* changes the posting
//! lists of the features *i* gained or lost, so exactly the pages having one
//! of those features (and *i* itself) need ranking again. The edited pages
//! are ranked at once (from the posting lists of their own features only);
//! the other affected pages are ranked afterwards by `settle`, in small
//! chunks that give way to the next edit, so a save is never kept waiting.

use std::collections::HashSet;
use std::time::Instant;

use super::report::RebuildReport;
use super::Site;
use crate::analysis::graph::{PageFeatures, RelatedIndex};
use crate::analysis::lists::Lists;
use crate::content::PageKind;
use crate::diagnostics::Diagnostic;

use crate::output::Output;
use rayon::prelude::*;

/// Pages ranked between two checks for a new edit while settling.
const SETTLE_CHUNK: usize = 256;

/// Features some edited case study gained or lost.
#[derive(Default)]
struct Delta<'a> {
    entities: HashSet<usize>,
    tags: HashSet<&'a str>,
    words: HashSet<u32>,
}

fn same(a: &PageFeatures, b: &PageFeatures) -> bool {
    a.entities == b.entities && a.tags == b.tags && a.keywords == b.keywords
}

impl<'a> Delta<'a> {
    fn add(&mut self, old: &'a PageFeatures, new: &'a PageFeatures) {
        let diff_e = |a: &[usize], b: &[usize]| -> Vec<usize> {
            a.iter().filter(|x| !b.contains(x)).copied().collect()
        };
        self.entities.extend(diff_e(&old.entities, &new.entities));
        self.entities.extend(diff_e(&new.entities, &old.entities));
        for (a, b) in [(old, new), (new, old)] {
            self.tags.extend(
                a.tags
                    .iter()
                    .filter(|t| !b.tags.contains(t))
                    .map(String::as_str),
            );
            self.words
                .extend(a.keywords.iter().filter(|w| !b.keywords.contains(w)));
        }
    }

    fn is_empty(&self) -> bool {
        self.entities.is_empty() && self.tags.is_empty() && self.words.is_empty()
    }

    /// Does page `j` have one of the changed features?
    fn touches(&self, site: &Site, j: usize) -> bool {
        site.analysis.bodies[j]
            .mentions
            .iter()
            .any(|(e, _)| self.entities.contains(e))
            || site.analysis.features[j]
                .keywords
                .iter()
                .any(|w| self.words.contains(w))
            || site.analysis.features[j]
                .tags
                .iter()
                .any(|t| self.tags.contains(t.as_str()))
    }
}

impl Site {
    /// Re-renders the bodies of `pages` (same page set and names as before),
    /// derives links and taxonomies again and re-ranks related pages where
    /// needed; what is left for later goes to `settle`.
    /// `before` holds the features the pages had before the edit; with
    /// `lists_changed` false, order, taxonomies and timeline are kept.
    pub(super) fn reanalyse_edited(
        &mut self,
        pages: &[usize],
        before: &[PageFeatures],
        lists_changed: bool,
    ) {
        let src = crate::analysis::Sources {
            config: &self.config,
            library: &self.library,
        };
        self.analysis.rerender_bodies(&src, pages);
        self.analysis.render_sections(&src);
        let related = std::mem::take(&mut self.analysis.graph.related);
        self.analysis.graph = self.analysis.link_graph(&self.library);
        if lists_changed {
            self.analysis.lists = Lists::new(&self.config, &self.library);
        }
        self.analysis.graph.related = related;
        let after: Vec<&PageFeatures> = pages.iter().map(|&i| &self.analysis.features[i]).collect();
        let mut delta = Delta::default();
        for (k, &i) in pages.iter().enumerate() {
            if self.library.pages[i].kind == PageKind::CaseStudy {
                delta.add(&before[k], after[k]);
            }
        }
        // Same features, same posting lists: every related list still holds.
        if delta.is_empty() && before.iter().zip(&after).all(|(b, a)| same(b, a)) {
            return;
        }
        let affected: Vec<usize> = (0..self.library.pages.len())
            .into_par_iter()
            .filter(|j| !pages.contains(j) && delta.touches(self, *j))
            .collect();
        self.live.pending_related.extend(&affected);
        // The edited pages now, from the posting lists of their own features only.
        let index = RelatedIndex::for_pages(&self.library, &self.analysis.features, pages);
        for (i, list) in pages.iter().zip(index.related(pages)) {
            self.analysis.graph.related[*i] = list;
            self.live.pending_related.remove(i);
        }
    }

    /// True while related lists or the graph wait for `settle`.
    pub fn settling(&self) -> bool {
        !self.live.pending_related.is_empty() || self.live.deferred
    }

    /// The work an edit left for later, done between edits: re-ranks the
    /// pending related lists chunk by chunk, then renders the pages whose
    /// lists changed and the deferred ones. Stops
    /// early when `busy()` (a new edit came in); returns a report when pages
    /// were written.
    pub fn settle(&mut self, busy: &dyn Fn() -> bool) -> Option<RebuildReport> {
        let started = Instant::now();
        let pending: Vec<usize> = self.live.pending_related.iter().copied().collect();
        if !pending.is_empty() {
            let index = RelatedIndex::new(&self.library, &self.analysis.features);
            for chunk in pending.chunks(SETTLE_CHUNK) {
                if busy() {
                    return None;
                }
                for (i, list) in chunk.iter().zip(index.related(chunk)) {
                    if let Some(slot) = self.analysis.graph.related.get_mut(*i) {
                        *slot = list;
                    }
                    self.live.pending_related.remove(i);
                }
            }
        }
        let mut report = None;
        if !pending.is_empty() || self.live.deferred {
            if busy() {
                return None;
            }
            let mut r = RebuildReport {
                what: "updated related pages and the graph".into(),
                ..RebuildReport::default()
            };
            match Output::direct(&self.config.output_dir) {
                Ok(out) => self.publish_changed(&out, &mut r, false),
                Err(e) => r.problems.push(Diagnostic::error(
                    &self.config.output_dir,
                    None,
                    e.to_string(),
                )),
            }
            report = Some(self.finish_report(r, started));
        }
        report
    }
}
