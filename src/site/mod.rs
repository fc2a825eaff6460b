//! The in-memory site: the library plus everything derived from it.
//!
//! `analyse` runs the Markdown pass over every page and derives the link
//! graph, taxonomies and timeline. `serve` keeps one `Site` alive and
//! re-analyses only what an edit touches (see `incremental`).

pub mod changes;
mod fingerprint;
mod incremental;
mod owners;
mod publish;
mod related;
#[cfg(test)]
mod tests;

pub use incremental::{RebuildReport, SearchInput};

use foldhash::HashMap;
use std::sync::Arc;

use rayon::prelude::*;

use crate::config::Config;
use crate::content::graph::{LinkGraph, OutLink, PageFeatures, RelatedIndex};
use crate::content::links::LinkTargets;
use crate::content::taxonomy::Taxonomy;
use crate::content::timeline::{timeline, TimelineEntry};
use crate::content::{Library, PageKind};
use crate::diagnostics::Diagnostic;
use crate::render::markdown::{self, MarkdownContext, Mode, RenderedBody};
use crate::render::templates::Templates;
use crate::search::{AliasGroup, Fields, Indexer, PageTerms};

pub struct Site {
    pub config: Config,
    pub library: Library,
    pub templates: Templates,
    pub targets: LinkTargets,
    /// Rendered body of each page (same index as `library.pages`).
    pub bodies: Vec<RenderedBody>,
    /// Search terms and excerpt of each page (same index).
    pub search: Vec<PageSearch>,
    /// The search index's term table and alias groups.
    pub indexer: Arc<Indexer>,
    /// Render HTML and search terms in the page pass (`site check` needs
    /// neither: only links and anchors).
    pub full_pass: bool,
    /// A one-shot build: each page's Markdown is freed once its pass is done,
    /// jieba once the last page is segmented, each page's HTML once the page
    /// is written.
    /// `serve` keeps all of them to re-render edited pages.
    pub one_shot: bool,
    pub graph: LinkGraph,
    pub tags: Taxonomy,
    pub categories: Taxonomy,
    /// Every configured category as templates see it (with its page count),
    /// made once per change of the lists rather than for every page link.
    pub category_views: Vec<crate::render::context::TermView>,
    /// Each tag name pages use, as templates see it (made with the lists).
    pub tag_views: HashMap<String, crate::render::context::TermView>,
    /// Each page's URL (same index as `library.pages`), made by `analyse`.
    pub urls: Vec<String>,
    /// Page indices, newest first.
    pub order: Vec<usize>,
    pub timeline: Vec<TimelineEntry>,
    /// What each page contributes to relatedness (same index), kept so a
    /// rebuild only re-reads the bodies it re-rendered.
    features: Vec<PageFeatures>,
    /// What `serve` remembers between rebuilds (see `incremental`).
    live: incremental::LiveState,
}

/// The site's lists: page order, taxonomies, timeline.
struct Lists {
    order: Vec<usize>,
    tags: Taxonomy,
    categories: Taxonomy,
    timeline: Vec<TimelineEntry>,
}

/// What the page pass yields for one page.
struct PagePass {
    body: RenderedBody,
    search: PageSearch,
    features: PageFeatures,
}

/// What the search index keeps of one page.
#[derive(Debug, Clone, Default)]
pub struct PageSearch {
    pub terms: PageTerms,
    pub excerpt: String,
}

impl Site {
    pub fn new(config: Config, library: Library, templates: Templates) -> Site {
        Site {
            config,
            library,
            templates,
            targets: LinkTargets::default(),
            bodies: Vec::new(),
            search: Vec::new(),
            indexer: Arc::new(Indexer::new(&[])),
            full_pass: true,
            one_shot: false,
            graph: LinkGraph::default(),
            tags: Taxonomy::default(),
            categories: Taxonomy::default(),
            category_views: Vec::new(),
            tag_views: HashMap::default(),
            urls: Vec::new(),
            order: Vec::new(),
            timeline: Vec::new(),
            features: Vec::new(),
            live: incremental::LiveState::default(),
        }
    }

    /// The page pass over every page, then graph, taxonomies and timeline.
    pub fn analyse(&mut self) {
        let started = std::time::Instant::now();
        // Paths only change here (an edit that moves a page analyses anew),
        // so URLs are made once, before the Markdown pass links to them.
        self.urls = self
            .library
            .pages
            .iter()
            .map(|p| self.url(&p.path))
            .collect();
        let (targets, indexer) = rayon::join(
            || LinkTargets::new(&self.library),
            || Indexer::new(&self.search_aliases()),
        );
        self.targets = targets;
        self.indexer = Arc::new(indexer);
        crate::build::timing("link targets and names", started);
        let passes: Vec<PagePass> = if self.one_shot {
            // Each source is dropped as soon as its pass is done, so sources
            // and HTML are never all held at once.
            self.library
                .release_sources()
                .into_par_iter()
                .enumerate()
                .map(|(i, source)| self.page_pass(i, &source))
                .collect()
        } else {
            (0..self.library.pages.len())
                .into_par_iter()
                .map(|i| self.page_pass(i, &self.library.pages[i].body))
                .collect()
        };
        self.bodies = Vec::with_capacity(passes.len());
        self.search = Vec::with_capacity(passes.len());
        self.features = Vec::with_capacity(passes.len());
        crate::build::timing("page pass", started);
        if self.one_shot {
            // Every page is segmented. Freeing jieba's many small
            // allocations takes a while, so it happens beside `derive`.
            std::thread::spawn(|| {
                crate::text::release_jieba();
                crate::memory::return_free_memory();
            });
        }
        for p in passes {
            self.bodies.push(p.body);
            self.search.push(p.search);
            self.features.push(p.features);
        }
        self.derive();
    }

    fn rerender_bodies(&mut self, pages: &[usize]) {
        let fresh: Vec<(usize, PagePass)> = pages
            .par_iter()
            .map(|&i| (i, self.page_pass(i, &self.library.pages[i].body)))
            .collect();
        for (i, p) in fresh {
            self.bodies[i] = p.body;
            self.search[i] = p.search;
            self.features[i] = p.features;
        }
    }

    /// Everything one page yields on its own: its body's HTML, links,
    /// anchors and mentions, its search terms and its relatedness features.
    /// The body's plain text lives only inside this pass.
    fn page_pass(&self, i: usize, source: &str) -> PagePass {
        let page = &self.library.pages[i];
        let mut body = self.markdown_of(i, source);
        let text = std::mem::take(&mut body.text);
        let search = if self.full_pass {
            PageSearch {
                terms: self.indexer.analyse(Fields {
                    text: &text,
                    title: &page.meta.title,
                    tags: &page.tags,
                }),
                excerpt: crate::search::excerpt(&text, &page.meta.title, &page.lang),
            }
        } else {
            PageSearch::default()
        };
        let features = PageFeatures {
            entities: body.mentions.iter().map(|(e, _)| *e).collect(),
            tags: page
                .tags
                .iter()
                .map(|t| crate::content::slug::slugify(t))
                .collect(),
            keywords: search.terms.keywords.to_vec(),
        };
        PagePass {
            body,
            search,
            features,
        }
    }

    /// The Markdown pass of page `i`: HTML (unless only checking), links,
    /// anchors, mentions and plain text.
    pub fn render_markdown(&self, i: usize) -> RenderedBody {
        self.markdown_of(i, &self.library.pages[i].body)
    }

    fn markdown_of(&self, i: usize, source: &str) -> RenderedBody {
        let page = &self.library.pages[i];
        let ctx = MarkdownContext {
            library: &self.library,
            targets: &self.targets,
            page: i,
            base_path: &self.config.base_path,
            urls: &self.urls,
            auto_link: page.kind != PageKind::Page,
            unsafe_html: self.config.unsafe_html,
            mode: if self.full_pass {
                Mode::Html
            } else {
                Mode::Analyse
            },
        };
        markdown::render(&ctx, source, page.body_line)
    }

    /// Names that mean the same thing, for the search index: every entity's
    /// names (jieba splits names like 雷军 into characters), plus the
    /// bilingual tag aliases ingest canonicalises with.
    pub fn search_aliases(&self) -> Vec<AliasGroup> {
        let mut aliases: Vec<AliasGroup> = self
            .library
            .pages
            .iter()
            .filter(|p| p.kind == PageKind::Entity)
            .map(|p| AliasGroup {
                names: p.names().map(str::to_string).collect(),
            })
            .collect();
        aliases.extend(
            crate::ingest::meta::alias_groups()
                .iter()
                .map(|g| AliasGroup {
                    names: g.all_names().map(str::to_string).collect(),
                }),
        );
        aliases
    }

    /// Everything computed from all bodies together.
    fn derive(&mut self) {
        let started = std::time::Instant::now();
        let all: Vec<usize> = (0..self.library.pages.len()).collect();
        let ((graph, lists), related) = rayon::join(
            || rayon::join(|| self.link_graph(), || self.lists()),
            || RelatedIndex::new(&self.library, &self.features).related(&all),
        );
        self.graph = graph;
        self.graph.related = related;
        self.set_lists(lists);
        crate::build::timing("graph", started);
    }

    fn derive_graph_links(&mut self) {
        self.graph = self.link_graph();
    }

    /// Outgoing links and backlinks of the current bodies (related left empty).
    fn link_graph(&self) -> LinkGraph {
        let links: Vec<&[OutLink]> = self.bodies.iter().map(|b| b.links.as_slice()).collect();
        LinkGraph::from_links(&self.library, &links)
    }

    fn derive_lists(&mut self) {
        let lists = self.lists();
        self.set_lists(lists);
    }

    /// Order, taxonomies and timeline, from the library alone.
    fn lists(&self) -> Lists {
        let order = self.library.by_date();
        Lists {
            tags: Taxonomy::tags(&self.library, &order),
            categories: Taxonomy::categories(&self.library, &self.config, &order),
            timeline: timeline(&self.library),
            order,
        }
    }

    /// Takes `lists` in and makes the views templates show of them.
    fn set_lists(&mut self, lists: Lists) {
        self.order = lists.order;
        self.tags = lists.tags;
        self.categories = lists.categories;
        self.timeline = lists.timeline;
        self.category_views = self
            .config
            .categories
            .iter()
            .filter_map(|c| self.category_view(&c.slug))
            .collect();
        let mut tag_views = HashMap::default();
        for name in self.library.pages.iter().flat_map(|p| &p.tags) {
            if !tag_views.contains_key(name) {
                tag_views.insert(name.clone(), self.tag_view(name));
            }
        }
        self.tag_views = tag_views;
    }

    /// The HTML of page `i`'s body.
    pub fn body_html(&self, i: usize) -> &str {
        &self.bodies[i].html
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
