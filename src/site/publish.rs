//! Writing what an edit changed: the HTML jobs whose print moved, the
//! support files (feeds, sitemap, redirects) when what they are made of
//! moved (only files whose bytes moved reach the disk), a copied
//! static file; outputs that no longer exist are removed, along with
//! folders they leave empty. Whole-site pages that are slow to draw and not
//! what one looks at while editing (the link graph, lists of more than
//! `LARGE_LIST` pages) may be deferred to `settle`, which runs once the
//! browser has been told to reload.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasher, Hash, Hasher};
use std::path::Path;
use std::time::Instant;

use foldhash::quality::FixedState;
use rayon::prelude::*;

use super::report::RebuildReport;
use super::Site;
use crate::diagnostics::Diagnostic;
use crate::output::Output;
use crate::render::pages::Job;

/// Lists longer than this are drawn by `settle`, after the reload: a
/// list of thousands of pages takes as long to draw as the rest of an edit.
const LARGE_LIST: usize = 1000;

impl Site {
    /// Renders the HTML jobs whose print changed; removes vanished ones.
    pub(super) fn publish_changed(
        &mut self,
        out: &Output,
        report: &mut RebuildReport,
        defer: bool,
    ) {
        let t = Instant::now();
        let keep = self.unchanged_pages();
        let prints = self.job_prints(&self.live.hashes, keep.as_deref());
        report.timing.phases.push(("prints", t.elapsed()));
        report.files.printed = prints.iter().filter(|p| !p.kept).count();
        let mut todo: Vec<usize> = (0..prints.len())
            .filter(|&k| self.live.prints.get(&prints[k].path) != Some(&prints[k].print))
            .collect();
        let model = self.model();
        let slow = |k: &usize| {
            let job = &prints[*k].job;
            defer && (*job == Job::Graph || model.list_len(job) > LARGE_LIST)
        };
        let deferred: HashSet<usize> = todo.iter().copied().filter(slow).collect();
        todo.retain(|k| !deferred.contains(k));
        let batch = crate::render::batch::Batch::new(model);
        let results: Vec<(usize, Result<bool, Diagnostic>)> = todo
            .par_iter()
            .map(|&k| {
                let written = model
                    .render_job(&prints[k].job, &batch)
                    .and_then(|(path, html)| {
                        out.write_if_changed(&path, &html).map_err(|e| {
                            Diagnostic::error(out.dir().join(&path), None, e.to_string())
                        })
                    });
                (k, written)
            })
            .collect();
        self.live.deferred = !deferred.is_empty();
        report.files.rendered = results.len();
        let mut failed = HashSet::new();
        let mut problems = Vec::new();
        for (k, result) in results {
            match result {
                Ok(changed) => {
                    report.files.written += usize::from(changed);
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
        let deferred_paths: Vec<String> =
            deferred.iter().map(|&k| prints[k].path.clone()).collect();
        self.keep_problems("render", problems);
        let mut fresh: HashMap<String, u64> = prints
            .into_iter()
            .enumerate()
            .filter(|(k, _)| !failed.contains(k) && !deferred.contains(k))
            .map(|(_, p)| (p.path, p.print))
            .collect();
        // A deferred page keeps its old output (and print) until `settle`.
        for p in deferred_paths {
            if let Some(old) = self.live.prints.get(&p) {
                fresh.insert(p, *old);
            }
        }
        let old = std::mem::replace(&mut self.live.prints, fresh);
        let stale: Vec<&String> = old
            .keys()
            .filter(|p| !self.live.prints.contains_key(*p))
            .collect();
        for path in stale {
            report.pages.push(self.url_of_output(path));
            remove_output(out, path, report);
        }
        self.write_support(out, report);
        self.remember_pass();
    }

    /// `case-studies/a/index.html` → `/case-studies/a/` (not percent-encoded).
    fn url_of_output(&self, path: &str) -> String {
        let page = path.strip_suffix("index.html").unwrap_or(path);
        format!("{}{page}", self.config.base_path)
    }

    /// Writes feeds, sitemap and redirects again (only files whose bytes
    /// changed reach the disk); removes those that are gone.
    fn write_support(&mut self, out: &Output, report: &mut RebuildReport) {
        let inputs = self.support_inputs();
        if self.live.support_inputs == Some(inputs) {
            return;
        }
        let files = match self.model().generated_files() {
            Ok(files) => files,
            Err(d) => {
                report.problems.push(d);
                return;
            }
        };
        let paths: HashSet<String> = files.iter().map(|(p, _)| p.clone()).collect();
        for (path, bytes) in &files {
            count_write(out.write_if_changed(path, bytes), path, report);
        }
        let old = std::mem::replace(&mut self.live.support_paths, paths);
        for path in old.iter().filter(|p| !self.live.support_paths.contains(*p)) {
            remove_output(out, path, report);
        }
        self.live.support_inputs = Some(inputs);
    }

    /// What feeds, sitemap and redirects are made of: every page's path,
    /// language, title, summary, description, date, tags, category and
    /// aliases, and the sections (not the bodies).
    fn support_inputs(&self) -> u64 {
        let mut h = FixedState::default().build_hasher();
        for p in &self.library.pages {
            (&p.rel, &p.path, &p.lang, p.kind as u8, &p.tags, &p.category).hash(&mut h);
            let m = &p.meta;
            (&m.title, &m.summary, &m.description, &m.date, &m.aliases).hash(&mut h);
        }
        for s in &self.library.sections {
            (&s.dir, &s.file).hash(&mut h);
        }
        h.finish()
    }

    pub(super) fn copy_one(
        &mut self,
        src: &Path,
        dest: &str,
        out: &Output,
        report: &mut RebuildReport,
    ) {
        // A copied file may take a path a redirect wanted.
        self.live.support_inputs = None;
        let key = format!("static:{dest}");
        let root = crate::site_files::real_root(&self.config.root);
        if let Some(d) = crate::site_files::outside(&root, src) {
            self.keep_problems(&key, vec![d.relative_to(&self.config.root)]);
            return;
        }
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
}

pub(super) fn count_write(result: std::io::Result<bool>, path: &str, report: &mut RebuildReport) {
    match result {
        Ok(changed) => report.files.written += usize::from(changed),
        Err(e) => report
            .problems
            .push(Diagnostic::error(path, None, e.to_string())),
    }
}

/// Removes an output file and its folder when that became empty.
fn remove_output(out: &Output, rel: &str, report: &mut RebuildReport) {
    if out.remove(rel).is_ok() {
        report.files.removed += 1;
    }
    let mut dir = Path::new(rel).parent();
    while let Some(d) = dir.filter(|d| !d.as_os_str().is_empty()) {
        if std::fs::remove_dir(out.dir().join(d)).is_err() {
            break;
        }
        dir = d.parent();
    }
}
