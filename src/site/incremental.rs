//! Incremental rebuilds for `serve`: the `Site` stays in memory and an edit
//! re-renders only what it affects.
//!
//! `apply` re-parses the changed files, re-renders the bodies of the changed
//! pages (all bodies when a page's names, path or the page set changed, since
//! link targets move), derives graph and taxonomies again, and then renders
//! exactly the HTML jobs whose input fingerprint changed (see `fingerprint`).
//! Files are written only when their bytes differ; outputs that no longer
//! exist (a deleted page, an emptied tag) are removed. Problems are kept per
//! source file until that file is fixed, so the browser overlay shows every
//! open problem while the last good version of each page keeps being served.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::hash::{BuildHasher, Hash, Hasher};

use foldhash::quality::FixedState;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::publish::count_write;

use super::changes::{classify, Change};
use super::fingerprint::PageHashes;
use super::Site;
use crate::analysis::graph::PageFeatures;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::output::Output;
use crate::render::templates::Templates;

/// What `serve` remembers between rebuilds.
#[derive(Debug, Default)]
pub(super) struct LiveState {
    pub(super) hashes: PageHashes,
    /// Output path → fingerprint, for every HTML file written and current.
    pub(super) prints: HashMap<String, u64>,
    pub(super) support_paths: HashSet<String>,
    /// Open problems, by source file or stage; cleared when fixed.
    problems: BTreeMap<String, Vec<Diagnostic>>,
    /// Whole-site pages left for `settle` (see `publish`).
    pub(super) deferred: bool,
    /// The search index is out of date (rewritten by `settle`).
    pub(super) search_stale: bool,
    /// `shape` and `list_inputs` as of the last rebuild.
    shape: Option<(u64, u64)>,
    /// Pages whose related list is still to be re-ranked (see `related`).
    pub(super) pending_related: BTreeSet<usize>,
}

/// What one rebuild did.
#[derive(Debug, Default)]
pub struct RebuildReport {
    /// What caused the rebuild, for the terminal line.
    pub what: String,
    /// Changed source files, relative to the site root.
    pub changed: Vec<PathBuf>,
    /// HTML jobs rendered (their inputs changed).
    pub rendered: usize,
    /// Files whose bytes changed on disk, plus files removed.
    pub written: usize,
    pub removed: usize,
    /// URL paths of the HTML pages written or removed.
    pub pages: Vec<String>,
    /// Every open tab should reload (templates or scripts changed).
    pub reload_all: bool,
    /// Every body was rendered again (names, paths or the page set changed).
    pub full_analyse: bool,
    /// URL paths of stylesheets, when only stylesheets changed.
    pub stylesheets: Vec<String>,
    /// Every open problem (also older ones not fixed yet).
    pub problems: Vec<Diagnostic>,
    pub duration: Duration,
    /// Time per phase, for profiling (`CASEWIKI_TIMINGS=1 site serve`).
    pub phases: Vec<(&'static str, Duration)>,
}

impl RebuildReport {
    /// Records the time since the previous lap (or `started`).
    fn lap(&mut self, phase: &'static str, started: Instant) {
        let before: Duration = self.phases.iter().map(|(_, d)| *d).sum();
        self.phases
            .push((phase, started.elapsed().saturating_sub(before)));
    }

    /// One terminal line: `rebuilt content/a.md → 7 files in 12 ms`.
    pub fn summary(&self) -> String {
        let mut names: Vec<String> = self
            .changed
            .iter()
            .take(3)
            .map(|p| p.display().to_string())
            .collect();
        if self.changed.len() > 3 {
            names.push(format!("+{} more", self.changed.len() - 3));
        }
        let what = match (self.what.as_str(), names.is_empty()) {
            ("", true) => "built the site".to_string(),
            ("", false) => format!("rebuilt {}", names.join(", ")),
            (what, _) => what.to_string(),
        };
        format!(
            "{what} → {} files in {} ms{}",
            self.written + self.removed,
            self.duration.as_millis(),
            if self.full_analyse {
                " (all pages)"
            } else {
                ""
            }
        )
    }
}

/// A snapshot to build the search index from, away from the `Site`.
pub struct SearchInput {
    pub docs: Vec<crate::search::DocEntry>,
    pub pages: Vec<crate::search::PageTerms>,
    pub indexer: std::sync::Arc<crate::search::Indexer>,
    pub output_dir: PathBuf,
}

impl SearchInput {
    /// The index files of the snapshot.
    pub fn build(&self) -> crate::search::SearchIndex {
        let pages: Vec<&crate::search::PageTerms> = self.pages.iter().collect();
        self.indexer.write(&self.docs, &pages)
    }
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
        batch
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
                self.keep_problems("templates", warnings);
            }
            Err(ds) => self.keep_problems("templates", ds),
        }
    }

    /// Re-reads content files; returns true when every body was re-rendered.
    fn apply_content(
        &mut self,
        files: &[PathBuf],
        report: &mut RebuildReport,
        started: Instant,
    ) -> bool {
        let (before, lists_before) = match self.live.shape {
            Some(known) => known,
            None => (self.shape(), self.list_inputs()),
        };
        let old_features: HashMap<&PathBuf, PageFeatures> = files
            .iter()
            .filter_map(|f| {
                Some((
                    f,
                    self.analysis
                        .features
                        .get(self.library.index_of(f)?)?
                        .clone(),
                ))
            })
            .collect();
        report.lap("snapshot", started);
        let mut touched = Vec::new();
        for file in files {
            touched.extend(self.reread(file));
        }
        report.lap("parse", started);
        let after = (self.shape(), self.list_inputs());
        self.live.shape = Some(after);
        let reshaped = after.0 != before;
        if reshaped {
            self.live.pending_related.clear();
            self.reanalyse();
            self.live.hashes = PageHashes::all(self);
        } else {
            let pages: Vec<usize> = touched
                .iter()
                .filter_map(|f| self.library.index_of(f))
                .collect();
            let old: Vec<PageFeatures> = pages
                .iter()
                .map(|&i| {
                    let file = &self.library.pages[i].file;
                    old_features.get(file).cloned().unwrap_or_default()
                })
                .collect();
            let lists_changed = after.1 != lists_before;
            report.lap("compare", started);
            self.reanalyse_edited(&pages, &old, lists_changed);
            report.lap("bodies+graph", started);
            let mut hashes = std::mem::take(&mut self.live.hashes);
            hashes.update(self, &pages);
            self.live.hashes = hashes;
        }
        report.lap("hashes", started);
        self.live
            .problems
            .insert("links".into(), self.link_problems());
        self.keep_problems("owners", self.output_problems());
        reshaped
    }

    /// Re-reads one path: a file (changed, added or deleted) or a folder.
    /// Returns the files now in the library.
    fn reread(&mut self, path: &Path) -> Vec<PathBuf> {
        if path.is_dir() {
            let files: Vec<PathBuf> = walkdir::WalkDir::new(path)
                .into_iter()
                .filter_map(Result::ok)
                .filter(|e| {
                    e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "md")
                })
                .map(|e| e.into_path())
                .collect();
            return files.iter().flat_map(|f| self.reread(f)).collect();
        }
        let key = path
            .strip_prefix(&self.config.root)
            .unwrap_or(path)
            .display()
            .to_string();
        if !path.exists() {
            self.live
                .problems
                .retain(|k, _| !Path::new(k).starts_with(&key));
            let gone: Vec<PathBuf> = (self.library.pages.iter().map(|p| p.file.clone()))
                .chain(self.library.sections.iter().filter_map(|s| s.file.clone()))
                .filter(|f| f.starts_with(path))
                .collect();
            for f in gone {
                self.library.remove(&f);
            }
            return Vec::new();
        }
        match self.library.upsert(&self.config, path) {
            Ok(warnings) => {
                self.keep_problems(&key, warnings);
                vec![path.to_path_buf()]
            }
            Err(d) => {
                self.live.problems.insert(key, vec![d]);
                Vec::new()
            }
        }
    }

    /// What link targets depend on: every page's file, path, kind and names.
    fn shape(&self) -> u64 {
        let mut h = FixedState::default().build_hasher();
        for p in &self.library.pages {
            (&p.rel, &p.path, p.kind as u8).hash(&mut h);
            p.names().for_each(|n| n.hash(&mut h));
        }
        h.finish()
    }

    /// What order, taxonomies and timeline depend on.
    fn list_inputs(&self) -> u64 {
        let mut h = FixedState::default().build_hasher();
        for p in &self.library.pages {
            (&p.meta.title, &p.meta.date, &p.tags, &p.category).hash(&mut h);
            for d in &p.meta.dates {
                (&d.date, &d.sentence).hash(&mut h);
            }
        }
        h.finish()
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
        report.duration = started.elapsed();
        report
    }
}
