//! The in-memory site: the library plus everything derived from it.
//!
//! `analyse` runs the Markdown pass over every page and derives the link
//! graph, taxonomies and timeline. `serve` keeps one `Site` alive and
//! re-analyses only what an edit touches (see `incremental`).

pub mod changes;
mod fingerprint;
mod incremental;
mod publish;
mod related;
#[cfg(test)]
mod tests;

pub use incremental::{RebuildReport, SearchInput};

use rayon::prelude::*;

use crate::config::Config;
use crate::content::graph::{keywords, LinkGraph, PageFeatures, RelatedIndex};
use crate::content::links::LinkTargets;
use crate::content::taxonomy::Taxonomy;
use crate::content::timeline::{timeline, TimelineEntry};
use crate::content::{Library, PageKind};
use crate::diagnostics::Diagnostic;
use crate::render::markdown::{self, MarkdownContext, Mode, RenderedBody};
use crate::render::templates::Templates;

pub struct Site {
    pub config: Config,
    pub library: Library,
    pub templates: Templates,
    pub targets: LinkTargets,
    /// Rendered body of each page (same index as `library.pages`).
    pub bodies: Vec<RenderedBody>,
    pub graph: LinkGraph,
    pub tags: Taxonomy,
    pub categories: Taxonomy,
    /// Page indices, newest first.
    pub order: Vec<usize>,
    pub timeline: Vec<TimelineEntry>,
    /// What each page contributes to relatedness (same index), kept so a
    /// rebuild only re-reads the bodies it re-rendered.
    features: Vec<PageFeatures>,
    /// What `serve` remembers between rebuilds (see `incremental`).
    live: incremental::LiveState,
}

/// How many keywords per page feed relatedness.
const KEYWORDS_PER_PAGE: usize = 12;

impl Site {
    pub fn new(config: Config, library: Library, templates: Templates) -> Site {
        Site {
            config,
            library,
            templates,
            targets: LinkTargets::default(),
            bodies: Vec::new(),
            graph: LinkGraph::default(),
            tags: Taxonomy::default(),
            categories: Taxonomy::default(),
            order: Vec::new(),
            timeline: Vec::new(),
            features: Vec::new(),
            live: incremental::LiveState::default(),
        }
    }

    /// Renders every body and derives graph, taxonomies and timeline.
    pub fn analyse(&mut self) {
        self.targets = LinkTargets::new(&self.library);
        self.bodies = (0..self.library.pages.len())
            .into_par_iter()
            .map(|i| self.render_body(i))
            .collect();
        self.features = (0..self.library.pages.len())
            .into_par_iter()
            .map(|i| self.page_features(i))
            .collect();
        self.derive();
    }

    fn rerender_bodies(&mut self, pages: &[usize]) {
        let fresh: Vec<(usize, RenderedBody)> = pages
            .par_iter()
            .map(|&i| (i, self.render_body(i)))
            .collect();
        for (i, body) in fresh {
            self.bodies[i] = body;
            self.features[i] = self.page_features(i);
        }
    }

    /// Links, anchors, mentions and text of page `i` (no HTML).
    pub fn render_body(&self, i: usize) -> RenderedBody {
        self.markdown_pass(i, Mode::Analyse)
    }

    /// The HTML of page `i`'s body, rendered when its page is written.
    pub fn body_html(&self, i: usize) -> String {
        self.markdown_pass(i, Mode::Html).html
    }

    fn markdown_pass(&self, i: usize, mode: Mode) -> RenderedBody {
        let page = &self.library.pages[i];
        let ctx = MarkdownContext {
            library: &self.library,
            targets: &self.targets,
            page: i,
            base_path: &self.config.base_path,
            auto_link: page.kind != PageKind::Page,
            mode,
        };
        markdown::render(&ctx, &page.body, page.body_line)
    }

    /// Everything computed from all bodies together.
    fn derive(&mut self) {
        let started = std::time::Instant::now();
        self.derive_links();
        let all: Vec<usize> = (0..self.library.pages.len()).collect();
        self.graph.related = RelatedIndex::new(&self.library, &self.features).related(&all);
        crate::build::timing("graph", started);
    }

    /// What page `i` contributes to relatedness, from its current body and tags.
    fn page_features(&self, i: usize) -> PageFeatures {
        PageFeatures {
            entities: self.bodies[i].mentions.iter().map(|(e, _)| *e).collect(),
            tags: self.library.pages[i]
                .tags
                .iter()
                .map(|t| crate::content::slug::slugify(t))
                .collect(),
            keywords: keywords(&self.bodies[i].text, KEYWORDS_PER_PAGE),
        }
    }

    /// Links, backlinks, order, taxonomies and timeline; related lists empty.
    fn derive_links(&mut self) {
        self.derive_graph_links();
        self.derive_lists();
    }

    fn derive_graph_links(&mut self) {
        let links: Vec<_> = self.bodies.iter().map(|b| b.links.clone()).collect();
        self.graph = LinkGraph::from_links(&self.library, &links);
    }

    fn derive_lists(&mut self) {
        self.order = self.library.by_date();
        self.tags = Taxonomy::tags(&self.library, &self.order);
        self.categories = Taxonomy::categories(&self.library, &self.config, &self.order);
        self.timeline = timeline(&self.library);
    }

    /// Broken links and unknown `#anchors`, each with file and line.
    pub fn link_problems(&self) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        for (i, body) in self.bodies.iter().enumerate() {
            let file = || self.display_path(i);
            for (dest, line) in &body.broken {
                out.push(Diagnostic::error(
                    file(),
                    Some(*line),
                    format!("broken link `{dest}`: no such page"),
                ));
            }
            for l in body.links.iter().filter(|l| l.anchor.is_some()) {
                let anchor = l.anchor.as_deref().unwrap_or("");
                if !anchor.is_empty() && !self.bodies[l.target].anchors.iter().any(|a| a == anchor)
                {
                    let target = &self.library.pages[l.target].rel;
                    out.push(Diagnostic::error(
                        file(),
                        Some(l.line),
                        format!("link to unknown anchor `#{anchor}` in {target}"),
                    ));
                }
            }
        }
        out
    }

    /// A page's source path relative to the site root, for messages.
    pub fn display_path(&self, i: usize) -> std::path::PathBuf {
        let f = &self.library.pages[i].file;
        f.strip_prefix(&self.config.root).unwrap_or(f).to_path_buf()
    }
}
