//! The site: the stage results side by side, and the steps that make them.
//!
//! `Site::load` reads as the pipeline: content → templates → analysis →
//! output checks. Rendering reads the results through `model()`; `serve`
//! keeps one `Site` alive and applies edits to it (see `incremental`).

pub mod changes;
mod edits;
mod incremental;
mod prints;
mod publish;
mod related;
mod report;
mod reshape;
mod search;
#[cfg(test)]
mod tests;
mod unchanged;

pub use report::{FileCounts, RebuildReport, SearchInput, Timing};
pub use search::{build_search, search_docs};

use std::time::Instant;

use crate::analysis::{Analysis, Pass, Sources};
use crate::config::Config;
use crate::content::{ChineseWatch, Library};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::markdown::RenderedBody;
use crate::render::templates::Templates;
use crate::render::Model;
use crate::search::AliasGroup;
use crate::timing::timing;

pub struct Site {
    pub config: Config,
    pub library: Library,
    pub templates: Templates,
    pub analysis: Analysis,
    /// What `serve` remembers between rebuilds (see `incremental`).
    live: incremental::LiveState,
}

impl Site {
    /// Reads content and templates and analyses every page; content
    /// problems go to `diags`, template problems are returned (link and
    /// output problems are the caller's to ask for: `problems`).
    pub fn load(config: Config, diags: &Diagnostics, pass: Pass) -> Result<Site, Vec<Diagnostic>> {
        let started = Instant::now();
        // The page pass segments Chinese text: jieba starts loading in the
        // background as soon as the loader meets some.
        let mut library =
            Library::load_watching(&config, diags, &ChineseWatch::new(&crate::text::prewarm));
        timing("load", started);
        let templates_started = Instant::now();
        let mut templates = Templates::load(&config)?;
        diags.extend(std::mem::take(&mut templates.warnings));
        timing("templates", templates_started);
        let analysis = Analysis::new(&config, &mut library, pass);
        Ok(Site::from_parts(config, library, templates, analysis))
    }

    /// Analyses `library` with `pass` (no problems reported).
    pub fn new(config: Config, mut library: Library, templates: Templates, pass: Pass) -> Site {
        let analysis = Analysis::new(&config, &mut library, pass);
        Site::from_parts(config, library, templates, analysis)
    }

    fn from_parts(
        config: Config,
        library: Library,
        templates: Templates,
        analysis: Analysis,
    ) -> Site {
        Site {
            config,
            library,
            templates,
            analysis,
            live: incremental::LiveState::default(),
        }
    }

    /// What rendering reads.
    pub fn model(&self) -> Model<'_> {
        Model {
            config: &self.config,
            library: &self.library,
            analysis: &self.analysis,
            templates: &self.templates,
        }
    }

    /// What the analysis reads.
    pub fn sources(&self) -> Sources<'_> {
        Sources {
            config: &self.config,
            library: &self.library,
        }
    }

    /// Analyses every page again (the page set or names changed).
    fn reanalyse(&mut self) {
        self.analysis = Analysis::new(&self.config, &mut self.library, self.analysis.pass);
    }

    /// The Markdown pass of page `i`.
    pub fn render_markdown(&self, i: usize) -> RenderedBody {
        self.analysis
            .markdown_of(&self.sources(), i, &self.library.pages[i].body)
    }

    /// The search index's alias groups for this library.
    pub fn search_aliases(&self) -> Vec<AliasGroup> {
        crate::analysis::search_aliases(&self.library)
    }

    /// Broken links and unknown `#anchors`, each with file and line.
    pub fn link_problems(&self) -> Vec<Diagnostic> {
        self.analysis.link_problems(&self.sources())
    }

    /// Conflicts between output paths, bad aliases, missing templates.
    pub fn output_problems(&self) -> Vec<Diagnostic> {
        self.model().output_problems()
    }

    /// Link and output problems together.
    pub fn problems(&self) -> Vec<Diagnostic> {
        let mut out = self.link_problems();
        out.extend(self.output_problems());
        out
    }
}
