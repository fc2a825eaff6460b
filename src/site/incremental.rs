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
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use super::changes::{classify, Change};
use super::fingerprint::PageHashes;
use super::Site;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::output::Output;
use crate::render::templates::Templates;

/// What `serve` remembers between rebuilds.
#[derive(Debug, Default)]
pub(super) struct LiveState {
    hashes: PageHashes,
    /// Output path → fingerprint, for every HTML file written and current.
    prints: HashMap<String, u64>,
    support_print: Option<u64>,
    support_paths: HashSet<String>,
    /// Open problems, by source file or stage; cleared when fixed.
    problems: BTreeMap<String, Vec<Diagnostic>>,
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
    /// The search index is out of date (`refresh_search`).
    pub search_stale: bool,
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
        self.live.support_print = None;
        self.live
            .problems
            .insert("links".into(), self.link_problems());
        let mut report = RebuildReport::default();
        self.render_changed(out, &mut report);
        self.write_support(out, &mut report);
        let diags = Diagnostics::default();
        for (path, bytes) in crate::build::copy_static(&self.config.root.join("static"), &diags) {
            count_write(out.write_if_changed(&path, &bytes), &path, &mut report);
        }
        self.keep_problems("static", diags.into_sorted());
        report.search_stale = true;
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
            report.full_analyse = self.apply_content(&content);
            report.search_stale = true;
            report.lap("content", started);
        }
        if pages_changed {
            self.render_changed(&out, &mut report);
            report.lap("render", started);
            self.write_support(&out, &mut report);
            report.lap("support", started);
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

    /// Rewrites the search index when pages changed; returns the bytes written.
    pub fn refresh_search(&self) -> Result<usize, Diagnostic> {
        let out = Output::direct(&self.config.output_dir)
            .map_err(|e| Diagnostic::error(&self.config.output_dir, None, e.to_string()))?;
        let index = crate::build::search_index(self);
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
            Ok(t) => {
                self.templates = t;
                self.live.prints.clear();
                self.keep_problems("templates", Vec::new());
            }
            Err(ds) => self.keep_problems("templates", ds),
        }
    }

    /// Re-reads content files; returns true when every body was re-rendered.
    fn apply_content(&mut self, files: &[PathBuf]) -> bool {
        let before = self.shape();
        let mut touched = Vec::new();
        for file in files {
            touched.extend(self.reread(file));
        }
        let t = Instant::now();
        let reshaped = self.shape() != before;
        if reshaped {
            self.live.pending_related.clear();
            self.analyse();
            self.live.hashes = PageHashes::all(self);
        } else {
            let pages: Vec<usize> = touched
                .iter()
                .filter_map(|f| self.library.index_of(f))
                .collect();
            self.reanalyse_edited(&pages);
            eprintln!("TEMP reanalyse {:?}", t.elapsed());
            let mut hashes = std::mem::take(&mut self.live.hashes);
            hashes.update(self, &pages);
            self.live.hashes = hashes;
        }
        self.live
            .problems
            .insert("links".into(), self.link_problems());
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
            Ok(()) => {
                self.live.problems.remove(&key);
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
        let mut h = DefaultHasher::new();
        for p in &self.library.pages {
            (&p.file, &p.path, p.kind as u8).hash(&mut h);
            p.names().for_each(|n| n.hash(&mut h));
        }
        h.finish()
    }

    /// Renders the HTML jobs whose fingerprint changed; removes vanished ones.
    pub(super) fn render_changed(&mut self, out: &Output, report: &mut RebuildReport) {
        let t = Instant::now();
        let prints = self.job_prints(&self.live.hashes);
        report.phases.push(("fingerprints", t.elapsed()));
        let todo: Vec<usize> = (0..prints.len())
            .filter(|&k| self.live.prints.get(&prints[k].path) != Some(&prints[k].print))
            .collect();
        let site = tera::to_value(self.site_view()).unwrap_or_default();
        let results: Vec<(usize, Result<bool, Diagnostic>)> = todo
            .par_iter()
            .map(|&k| {
                let written = self
                    .render_job(&prints[k].job, &site)
                    .and_then(|(path, html)| {
                        out.write_if_changed(&path, html.as_bytes()).map_err(|e| {
                            Diagnostic::error(out.dir().join(&path), None, e.to_string())
                        })
                    });
                (k, written)
            })
            .collect();
        report.rendered = results.len();
        let mut failed = HashSet::new();
        let mut problems = Vec::new();
        for (k, result) in results {
            match result {
                Ok(changed) => {
                    report.written += usize::from(changed);
                    if changed {
                        report.pages.push(self.url_of_output(&prints[k].path));
                    }
                }
                Err(d) => {
                    failed.insert(k);
                    problems.push(d.relative_to(&self.config.root));
                }
            }
        }
        problems.dedup();
        self.keep_problems("render", problems);
        let fresh: HashMap<String, u64> = prints
            .into_iter()
            .enumerate()
            .filter(|(k, _)| !failed.contains(k))
            .map(|(_, p)| (p.path, p.print))
            .collect();
        let old = std::mem::replace(&mut self.live.prints, fresh);
        let stale: Vec<&String> = old
            .keys()
            .filter(|p| !self.live.prints.contains_key(*p))
            .collect();
        for path in stale {
            report.pages.push(self.url_of_output(path));
            remove_output(out, path, report);
        }
    }

    /// `case-studies/a/index.html` → `/case-studies/a/` (not percent-encoded).
    fn url_of_output(&self, path: &str) -> String {
        let page = path.strip_suffix("index.html").unwrap_or(path);
        format!("{}{page}", self.config.base_path)
    }

    /// Rewrites feeds, sitemap and redirects when what they list changed.
    fn write_support(&mut self, out: &Output, report: &mut RebuildReport) {
        let print = self.support_print(&self.live.hashes);
        if self.live.support_print == Some(print) {
            return;
        }
        let files = self.support_files();
        let paths: HashSet<String> = files.iter().map(|(p, _)| p.clone()).collect();
        for (path, bytes) in &files {
            count_write(out.write_if_changed(path, bytes), path, report);
        }
        let old = std::mem::replace(&mut self.live.support_paths, paths);
        for path in old.iter().filter(|p| !self.live.support_paths.contains(*p)) {
            remove_output(out, path, report);
        }
        self.live.support_print = Some(print);
    }

    fn copy_one(&mut self, src: &Path, dest: &str, out: &Output, report: &mut RebuildReport) {
        let key = format!("static:{dest}");
        if src.is_file() {
            match std::fs::read(src) {
                Ok(bytes) => count_write(out.write_if_changed(dest, &bytes), dest, report),
                Err(e) => {
                    let d =
                        Diagnostic::error(src, None, e.to_string()).relative_to(&self.config.root);
                    self.keep_problems(&key, vec![d]);
                    return;
                }
            }
        } else if !src.exists() {
            remove_output(out, dest, report);
        }
        self.keep_problems(&key, Vec::new());
    }

    fn keep_problems(&mut self, key: &str, problems: Vec<Diagnostic>) {
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

fn count_write(result: std::io::Result<bool>, path: &str, report: &mut RebuildReport) {
    match result {
        Ok(changed) => report.written += usize::from(changed),
        Err(e) => report
            .problems
            .push(Diagnostic::error(path, None, e.to_string())),
    }
}

/// Removes an output file and its folder when that became empty.
fn remove_output(out: &Output, rel: &str, report: &mut RebuildReport) {
    if out.remove(rel).is_ok() {
        report.removed += 1;
    }
    let mut dir = Path::new(rel).parent();
    while let Some(d) = dir.filter(|d| !d.as_os_str().is_empty()) {
        if std::fs::remove_dir(out.dir().join(d)).is_err() {
            break;
        }
        dir = d.parent();
    }
}
