//! Analysis: what is derived from the library, keyed by page.
//!
//! One parallel page pass runs the Markdown path over every body (HTML,
//! links, anchors, mentions, plain text), turns the text into search terms
//! and relatedness features, and is then followed by the whole-site
//! derivations: link graph, related pages, taxonomies and timeline. Section
//! intros go through the same Markdown path. The pass also owns the Chinese
//! segmenter's lifetime: loading starts when the loader first meets Chinese
//! text (`Library::load` tells the caller), and a one-shot build lets go of it
//! once every page is segmented.

pub mod graph;
pub mod lists;
pub mod taxonomy;
pub mod timeline;

use std::sync::Arc;

use rayon::prelude::*;

use crate::config::Config;
use crate::content::links::{LinkTargets, OutLink};
use crate::content::{Library, PageKind};
use crate::diagnostics::Diagnostic;
use crate::markdown::{self, MarkdownContext, Mode, RenderedBody};
use crate::search::{AliasGroup, Fields, Indexer, PageTerms};
use crate::timing::timing;
use graph::{LinkGraph, PageFeatures, RelatedIndex};
use lists::Lists;

/// What the page pass is for; given when the analysis is made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pass {
    /// `site check`: links and anchors only, no HTML or search terms.
    Check,
    /// A one-shot build: each page's Markdown is freed once its pass is
    /// done, jieba once the last page is segmented, each page's HTML once
    /// the page is written.
    Once,
    /// Everything kept, to re-render after edits (`serve`).
    Keep,
}

/// What the analysis reads.
#[derive(Clone, Copy)]
pub struct Sources<'a> {
    pub config: &'a Config,
    pub library: &'a Library,
}

/// Everything derived from the library. Per-page vectors share the index
/// of `library.pages`.
pub struct Analysis {
    pub pass: Pass,
    pub targets: LinkTargets,
    /// Each page's URL (base path included, percent-encoded).
    pub urls: Vec<String>,
    /// Rendered body of each page.
    pub bodies: Vec<RenderedBody>,
    /// Rendered intro of each section (same index as `library.sections`).
    pub sections: Vec<RenderedBody>,
    /// Search terms and excerpt of each page.
    pub search: Vec<PageSearch>,
    /// What each page contributes to relatedness, kept so a rebuild only
    /// re-reads the bodies it re-rendered.
    pub features: Vec<PageFeatures>,
    /// The search index's term table and alias groups.
    pub indexer: Arc<Indexer>,
    pub graph: LinkGraph,
    pub lists: Lists,
}

/// What the search index keeps of one page.
#[derive(Debug, Clone, Default)]
pub struct PageSearch {
    pub terms: PageTerms,
    pub excerpt: String,
}

/// What the page pass yields for one page.
pub struct PagePass {
    body: RenderedBody,
    search: PageSearch,
    features: PageFeatures,
}

impl Analysis {
    /// The page pass over every page, then graph, taxonomies and timeline.
    /// A one-shot pass takes the Markdown sources out of `library`.
    pub fn new(config: &Config, library: &mut Library, pass: Pass) -> Analysis {
        let started = std::time::Instant::now();
        let src = Sources { config, library };
        let urls: Vec<String> = library
            .pages
            .iter()
            .map(|p| lists::url(config, &p.path))
            .collect();
        let (targets, indexer) = rayon::join(
            || LinkTargets::new(library),
            || Indexer::new(&search_aliases(library)),
        );
        let mut analysis = Analysis {
            pass,
            targets,
            urls,
            bodies: Vec::new(),
            sections: Vec::new(),
            search: Vec::new(),
            features: Vec::new(),
            indexer: Arc::new(indexer),
            graph: LinkGraph::default(),
            lists: Lists::default(),
        };
        timing("link targets and names", started);
        let passes: Vec<PagePass> = if pass == Pass::Once {
            // Each source is dropped as soon as its pass is done, so sources
            // and HTML are never all held at once.
            let sources = library.release_sources();
            let src = Sources { config, library };
            sources
                .into_par_iter()
                .enumerate()
                .map(|(i, source)| analysis.page_pass(&src, i, &source))
                .collect()
        } else {
            (0..library.pages.len())
                .into_par_iter()
                .map(|i| analysis.page_pass(&src, i, &library.pages[i].body))
                .collect()
        };
        timing("page pass", started);
        if pass == Pass::Once {
            // Every page is segmented. Freeing jieba's many small
            // allocations takes a while, so it happens beside `derive`.
            std::thread::spawn(|| {
                crate::text::release_jieba();
                crate::memory::return_free_memory();
            });
        }
        let src = Sources { config, library };
        analysis.take_passes(passes);
        analysis.render_sections(&src);
        analysis.derive(&src);
        analysis
    }

    fn take_passes(&mut self, passes: Vec<PagePass>) {
        self.bodies = Vec::with_capacity(passes.len());
        self.search = Vec::with_capacity(passes.len());
        self.features = Vec::with_capacity(passes.len());
        for p in passes {
            self.bodies.push(p.body);
            self.search.push(p.search);
            self.features.push(p.features);
        }
    }

    /// Runs the page pass again for `pages` (same page set and names).
    pub fn rerender_bodies(&mut self, src: &Sources, pages: &[usize]) {
        let fresh: Vec<(usize, PagePass)> = pages
            .par_iter()
            .map(|&i| (i, self.page_pass(src, i, &src.library.pages[i].body)))
            .collect();
        for (i, p) in fresh {
            self.bodies[i] = p.body;
            self.search[i] = p.search;
            self.features[i] = p.features;
        }
    }

    /// Every section intro through the Markdown path (there are few).
    pub fn render_sections(&mut self, src: &Sources) {
        self.sections = src
            .library
            .sections
            .iter()
            .map(|s| {
                let ctx = self.markdown_context(src, None, &s.dir, false);
                markdown::render(&ctx, &s.body, s.body_line)
            })
            .collect();
    }

    /// Everything one page yields on its own: its body's HTML, links,
    /// anchors and mentions, its search terms and its relatedness features.
    /// The body's plain text lives only inside this pass.
    fn page_pass(&self, src: &Sources, i: usize, source: &str) -> PagePass {
        let page = &src.library.pages[i];
        let mut body = self.markdown_of(src, i, source);
        let text = std::mem::take(&mut body.text);
        let search = if self.pass != Pass::Check {
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

    /// The Markdown pass of page `i` over `source`.
    pub fn markdown_of(&self, src: &Sources, i: usize, source: &str) -> RenderedBody {
        let page = &src.library.pages[i];
        let ctx = self.markdown_context(src, Some(i), page.dir(), page.kind != PageKind::Page);
        markdown::render(&ctx, source, page.body_line)
    }

    fn markdown_context<'a>(
        &'a self,
        src: &Sources<'a>,
        page: Option<usize>,
        dir: &'a str,
        auto_link: bool,
    ) -> MarkdownContext<'a> {
        MarkdownContext {
            targets: &self.targets,
            page,
            dir,
            base_path: &src.config.base_path,
            urls: &self.urls,
            auto_link,
            unsafe_html: src.config.unsafe_html,
            mode: if self.pass == Pass::Check {
                Mode::Analyse
            } else {
                Mode::Html
            },
        }
    }

    /// Everything computed from all bodies together.
    fn derive(&mut self, src: &Sources) {
        let started = std::time::Instant::now();
        let all: Vec<usize> = (0..src.library.pages.len()).collect();
        let ((graph, lists), related) = rayon::join(
            || {
                rayon::join(
                    || self.link_graph(src.library),
                    || Lists::new(src.config, src.library),
                )
            },
            || RelatedIndex::new(src.library, &self.features).related(&all),
        );
        self.graph = graph;
        self.graph.related = related;
        self.lists = lists;
        timing("graph", started);
    }

    /// Outgoing links and backlinks of the current bodies (related left empty).
    pub fn link_graph(&self, library: &Library) -> LinkGraph {
        let links: Vec<&[OutLink]> = self.bodies.iter().map(|b| b.links.as_slice()).collect();
        LinkGraph::from_links(library, &links)
    }

    /// The HTML of page `i`'s body.
    pub fn body_html(&self, i: usize) -> &str {
        &self.bodies[i].html
    }

    /// Broken links and unknown `#anchors` of pages and section intros,
    /// each with file and line.
    pub fn link_problems(&self, src: &Sources) -> Vec<Diagnostic> {
        let display =
            |f: &std::path::Path| f.strip_prefix(&src.config.root).unwrap_or(f).to_path_buf();
        let pages = src.library.pages.iter().map(|p| Some(&p.file));
        let sections = src.library.sections.iter().map(|s| s.file.as_ref());
        let mut out = Vec::new();
        for (file, body) in pages.zip(&self.bodies).chain(sections.zip(&self.sections)) {
            let Some(file) = file.map(|f| display(f)) else {
                continue;
            };
            for (dest, line) in &body.broken {
                out.push(Diagnostic::error(
                    &file,
                    Some(*line),
                    format!("broken link `{dest}`: no such page"),
                ));
            }
            for l in body.links.iter().filter(|l| l.anchor.is_some()) {
                let anchor = l.anchor.as_deref().unwrap_or("");
                if !anchor.is_empty() && !self.bodies[l.target].anchors.iter().any(|a| a == anchor)
                {
                    let target = &src.library.pages[l.target].rel;
                    out.push(Diagnostic::error(
                        &file,
                        Some(l.line),
                        format!("link to unknown anchor `#{anchor}` in {target}"),
                    ));
                }
            }
        }
        out
    }
}

/// Starts loading the Chinese segmenter in the background, once: the page
/// pass segments Chinese text. The loader calls it when it first meets some.
pub fn start_segmenter() {
    crate::text::prewarm();
}

/// Names that mean the same thing, for the search index: every entity's
/// names (jieba splits names like 雷军 into characters), plus the bilingual
/// alias table ingest canonicalises tags with.
pub fn search_aliases(library: &Library) -> Vec<AliasGroup> {
    let mut aliases: Vec<AliasGroup> = library
        .pages
        .iter()
        .filter(|p| p.kind == PageKind::Entity)
        .map(|p| AliasGroup {
            names: p.names().map(str::to_string).collect(),
        })
        .collect();
    aliases.extend(crate::aliases::groups().iter().map(|g| AliasGroup {
        names: g.all_names().map(str::to_string).collect(),
    }));
    aliases
}
