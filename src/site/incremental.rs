//! Incremental rebuilds for `serve`: the `Site` stays in memory and an edit
//! re-renders only what it affects.
//!
//! `apply` re-parses the changed files, re-renders the bodies of the changed
//! pages (all bodies when a page's names, path or the page set changed, since
//! link targets move), derives graph and taxonomies again, and then renders
//! exactly the HTML jobs whose print changed: the hash of the context their
//! template gets (see `prints`).
//! Files are written only when their bytes differ; outputs that no longer
//! exist (a deleted page, an emptied tag) are removed. Problems are kept per
//! source file until that file is fixed, so the browser overlay shows every
//! open problem while the last good version of each page keeps being served.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::PathBuf;
use std::time::Instant;

use super::publish::count_write;

use super::changes::{classify, Change};
use super::prints::PageHashes;
use super::report::{RebuildReport, SearchInput};
use super::Site;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::output::Output;
use crate::render::templates::Templates;

/// What `serve` remembers between rebuilds.
#[derive(Debug, Default)]
pub(super) struct LiveState {
    pub(super) hashes: PageHashes,
    /// Output path → print, for every HTML file written and current.
    pub(super) prints: HashMap<String, u64>,
    pub(super) support_paths: HashSet<String>,
    /// Pages changed since the last print pass (`None`: print every page).
    pub(super) changed_pages: Option<Vec<usize>>,
    /// What the last print pass saw (see `unchanged`).
    pub(super) last_pass: Option<super::unchanged::LastPass>,
    /// What the support files were last made of (see `publish`).
    pub(super) support_inputs: Option<u64>,
    /// Open problems, by source file or stage; cleared when fixed.
    pub(super) problems: BTreeMap<String, Vec<Diagnostic>>,
    /// Whole-site pages left for `settle` (see `publish`).
    pub(super) deferred: bool,
    /// The search index is out of date (rewritten by `settle`).
    pub(super) search_stale: bool,
    /// `shape` and `list_inputs` as of the last rebuild.
    pub(super) shape: Option<(u64, u64)>,
    /// Pages whose related list is still to be re-ranked (see `related`).
    pub(super) pending_related: BTreeSet<usize>,
}

/// The changes of one batch, sorted by kind.
#[derive(Default)]
struct Batch {
    content: Vec<PathBuf>,
    statics: Vec<(PathBuf, String)>,
    templates: bool,
    seeds: bool,
}

impl Site {
    /// Writes the whole site into `out` and remembers what was written.
    pub fn publish_all(&mut self, out: &Output) -> RebuildReport {
        let started = Instant::now();
        self.live.hashes = PageHashes::all(self);
        self.live.prints.clear();
        self.live.support_inputs = None;
        self.live.changed_pages = None;
        self.live
            .problems
            .insert("links".into(), self.link_problems());
        self.keep_problems("owners", self.output_problems());
        let mut report = RebuildReport::default();
        self.publish_changed(out, &mut report, false);
        let diags = Diagnostics::default();
        let assets = crate::render::feeds::assets();
        for (path, bytes) in assets
            .into_iter()
            .chain(crate::site_files::copy_static(&self.config.root, &diags))
        {
            count_write(out.write_if_changed(&path, &bytes), &path, &mut report);
        }
        self.keep_problems("static", diags.into_sorted());
        self.finish_report(report, started)
    }

    /// Problems found before the site existed (content that did not parse).
    pub fn add_problems(&mut self, problems: Vec<Diagnostic>) {
        for d in problems {
            let key = d.file.display().to_string();
            self.live.problems.entry(key).or_default().push(d);
        }
    }

    /// Applies changed files (absolute paths) and rewrites what they affect.
    pub fn apply(&mut self, paths: &[PathBuf]) -> RebuildReport {
        let started = Instant::now();
        let mut report = RebuildReport::default();
        let batch = self.sort_changes(paths, &mut report);
        let out = match Output::direct(&self.config.output_dir) {
            Ok(out) => out,
            Err(e) => {
                let d = Diagnostic::error(&self.config.output_dir, None, e.to_string());
                self.keep_problems("output", vec![d]);
                return self.finish_report(report, started);
            }
        };
        self.keep_problems("output", Vec::new());
        let mut content = batch.content;
        if batch.seeds {
            content.extend(self.ingest_seeds());
        }
        if batch.templates {
            self.reload_templates();
            report.reload_all = true;
        }
        let pages_changed = !content.is_empty() || batch.templates;
        if !content.is_empty() {
            report.full_analyse = self.apply_content(&content, &mut report, started);
            self.live.search_stale = true;
            report.lap("content", started);
        }
        if pages_changed {
            self.publish_changed(&out, &mut report, true);
            report.lap("render", started);
        }
        for (src, dest) in &batch.statics {
            self.copy_one(src, dest, &out, &mut report);
        }
        if !pages_changed && !batch.statics.is_empty() {
            report.stylesheets = batch
                .statics
                .iter()
                .filter(|(_, dest)| dest.ends_with(".css"))
                .map(|(_, dest)| format!("{}{}", self.config.base_path, dest))
                .collect();
            if report.stylesheets.len() != batch.statics.len() {
                report.stylesheets.clear();
                report.reload_all = true;
            }
        }
        self.finish_report(report, started)
    }

    /// What the search index is built from, when it is out of date (the
    /// flag is cleared): `serve` builds and writes it in the background.
    pub fn stale_search(&mut self) -> Option<SearchInput> {
        if !self.live.search_stale {
            return None;
        }
        self.live.search_stale = false;
        Some(SearchInput {
            docs: super::search_docs(self.model()),
            pages: self
                .analysis
                .search
                .iter()
                .map(|s| s.terms.clone())
                .collect(),
            indexer: self.analysis.indexer.clone(),
            output_dir: self.config.output_dir.clone(),
        })
    }

    /// Rewrites the search index; returns the bytes written.
    pub fn refresh_search(&mut self) -> Result<usize, Diagnostic> {
        let out = Output::direct(&self.config.output_dir)
            .map_err(|e| Diagnostic::error(&self.config.output_dir, None, e.to_string()))?;
        self.live.search_stale = false;
        let index = super::build_search(self.model());
        for (path, bytes) in &index.files {
            out.write_if_changed(path, bytes)
                .map_err(|e| Diagnostic::error(out.dir().join(path), None, e.to_string()))?;
        }
        Ok(index.total_bytes)
    }

    fn sort_changes(&self, paths: &[PathBuf], report: &mut RebuildReport) -> Batch {
        let mut batch = Batch::default();
        let mut seen = HashSet::new();
        for path in paths.iter().filter(|p| seen.insert(p.to_path_buf())) {
            let change = classify(&self.config, path);
            if change == Change::Ignored || change == Change::Config {
                continue;
            }
            let rel = path.strip_prefix(&self.config.root).unwrap_or(path);
            report.changed.push(rel.to_path_buf());
            match change {
                Change::Content(p) => batch.content.push(p),
                Change::Template => batch.templates = true,
                Change::Static { src, dest } => batch.statics.push((src, dest)),
                Change::Seed => batch.seeds = true,
                Change::Config | Change::Ignored => {}
            }
        }
        // Generated case studies link the entity pages: an edited entity page
        // may change their links, so ingest looks again (it rewrites only the
        // pages whose entity fingerprint is out of date).
        let wiki = self.config.root.join("content/wiki");
        if batch.content.iter().any(|p| p.starts_with(&wiki)) && self.has_seeds() {
            batch.seeds = true;
        }
        batch
    }

    fn has_seeds(&self) -> bool {
        std::fs::read_dir(self.config.root.join("seeds")).is_ok_and(|mut d| {
            d.any(|e| e.is_ok_and(|e| e.path().extension().is_some_and(|x| x == "txt")))
        })
    }

    fn ingest_seeds(&mut self) -> Vec<PathBuf> {
        let diags = Diagnostics::default();
        let opts = crate::ingest::IngestOptions {
            root: self.config.root.clone(),
            force: false,
        };
        let summary = crate::ingest::run(&opts, &diags);
        self.keep_problems("ingest", diags.into_sorted());
        summary
            .written
            .into_iter()
            .map(|p| {
                if p.is_absolute() {
                    p
                } else {
                    self.config.root.join(p)
                }
            })
            .collect()
    }

    fn reload_templates(&mut self) {
        match Templates::load(&self.config) {
            Ok(mut t) => {
                let warnings = std::mem::take(&mut t.warnings);
                self.templates = t;
                self.live.prints.clear();
                self.live.changed_pages = None;
                self.keep_problems("templates", warnings);
            }
            Err(ds) => self.keep_problems("templates", ds),
        }
    }

    pub(super) fn keep_problems(&mut self, key: &str, problems: Vec<Diagnostic>) {
        if problems.is_empty() {
            self.live.problems.remove(key);
        } else {
            self.live.problems.insert(key.to_string(), problems);
        }
    }

    pub(super) fn finish_report(
        &self,
        mut report: RebuildReport,
        started: Instant,
    ) -> RebuildReport {
        let transient = std::mem::take(&mut report.problems);
        report.problems = self
            .live
            .problems
            .values()
            .flatten()
            .chain(&transient)
            .map(|d| d.clone().relative_to(&self.config.root))
            .collect();
        report.timing.total = started.elapsed();
        report
    }
}
