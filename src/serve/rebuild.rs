//! The rebuild loop: the first build, then one rebuild per batch of changed
//! files, each announced to the browser and printed as one terminal line.
//!
//! Bad input never stops the loop: problems go to the overlay and the
//! terminal while the last good output keeps being served, and even a panic
//! in a rebuild is caught and answered with a fresh full build.

use std::cell::RefCell;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::sync::Arc;
use std::time::Duration;
use std::time::Instant;

use super::reload::{Hub, Signal};
use super::search::SearchRunner;
use crate::analysis::Pass;
use crate::config::Config;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::ingest::{self, IngestOptions};
use crate::output::{check_output_dir, Output};
use crate::site::changes::{classify, Change};
use crate::site::{RebuildReport, Site};

/// Where the site is and the base URL it is served under.
#[derive(Debug, Clone)]
pub struct SiteSource {
    pub root: PathBuf,
    pub base_url: String,
}

/// Quiet time after the last rebuild before the search index is rebuilt.
const SEARCH_AFTER: Duration = Duration::from_millis(1000);

/// Above this many changed pages a reload names no pages (every tab reloads).
const MAX_RELOAD_PATHS: usize = 500;

/// A full build into a fresh `public/`; `None` when there is nothing to serve
/// (configuration or templates broken), with the reasons.
pub fn full_build(src: &SiteSource) -> (Option<Site>, RebuildReport) {
    let started = Instant::now();
    let mut report = RebuildReport::default();
    let (site, problems) = load(src);
    let Some(mut site) = site else {
        report.problems = problems;
        report.timing.total = started.elapsed();
        return (None, report);
    };
    site.add_problems(problems);
    let out = match Output::staging(&site.config.output_dir) {
        Ok(out) => out,
        Err(e) => {
            report.problems = vec![Diagnostic::error(
                &site.config.output_dir,
                None,
                e.to_string(),
            )];
            return (None, report);
        }
    };
    let mut report = site.publish_all(&out);
    if let Err(e) = out.commit() {
        let d = Diagnostic::error(&site.config.output_dir, None, e.to_string());
        report.problems.push(d);
    }
    refresh_search(&mut site, &mut report);
    report.timing.total = started.elapsed();
    (Some(site), report)
}

/// Config, ingest, content, templates and the Markdown pass.
fn load(src: &SiteSource) -> (Option<Site>, Vec<Diagnostic>) {
    let mut config = match Config::load(&src.root) {
        Ok(c) => c,
        Err(d) => return (None, vec![d.relative_to(&src.root)]),
    };
    config.set_base_url(&src.base_url);
    if let Err(d) = check_output_dir(&config) {
        return (None, vec![d]);
    }
    let diags = Diagnostics::default();
    if src.root.join("seeds").is_dir() {
        let opts = IngestOptions {
            root: src.root.clone(),
            force: false,
        };
        ingest::run(&opts, &diags);
    }
    match Site::load(config, &diags, Pass::Keep) {
        Ok(site) => (Some(site), relative(diags.into_sorted(), &src.root)),
        Err(ds) => {
            diags.extend(ds);
            (None, relative(diags.into_sorted(), &src.root))
        }
    }
}

fn relative(ds: Vec<Diagnostic>, root: &Path) -> Vec<Diagnostic> {
    ds.into_iter().map(|d| d.relative_to(root)).collect()
}

fn refresh_search(site: &mut Site, report: &mut RebuildReport) {
    if let Err(d) = site.refresh_search() {
        report.problems.push(d);
    }
}

/// Rebuilds on every batch from `rx` until the watcher goes away; between
/// edits, finishes the related-page lists the last edit left pending.
pub fn run_loop(
    src: SiteSource,
    mut site: Option<Site>,
    rx: Receiver<Vec<PathBuf>>,
    hub: Arc<Hub>,
) {
    let inbox: RefCell<Vec<PathBuf>> = RefCell::new(Vec::new());
    let search = SearchRunner::default();
    loop {
        let mut paths = inbox.take();
        if paths.is_empty() {
            if let Some(s) = site.as_mut().filter(|s| s.settling()) {
                let busy = || match rx.try_recv() {
                    Ok(more) => {
                        inbox.borrow_mut().extend(more);
                        true
                    }
                    Err(_) => !inbox.borrow().is_empty(),
                };
                match catch_unwind(AssertUnwindSafe(|| s.settle(&busy))) {
                    Ok(Some(report)) => announce(&report, &hub),
                    Ok(None) => {}
                    Err(_) => site = recover(&src, &hub),
                }
                continue;
            }
            // The search index waits for a quiet moment: it is slow to build.
            match rx.recv_timeout(SEARCH_AFTER) {
                Ok(p) => paths = p,
                Err(RecvTimeoutError::Timeout) => {
                    if let Some(input) = site.as_mut().and_then(|s| s.stale_search()) {
                        search.spawn(input);
                    }
                    continue;
                }
                Err(RecvTimeoutError::Disconnected) => return,
            }
        }
        while let Ok(more) = rx.try_recv() {
            paths.extend(more);
        }
        let Some(full) = needs_full_build(site.as_ref(), &src.root, &paths) else {
            continue;
        };
        let outcome = catch_unwind(AssertUnwindSafe(|| {
            rebuild(&src, site.take(), &paths, full)
        }));
        let Ok((next, report)) = outcome else {
            site = recover(&src, &hub);
            continue;
        };
        site = next;
        announce(&report, &hub);
    }
}

/// After a panic (a bug): build everything again from the files.
fn recover(src: &SiteSource, hub: &Hub) -> Option<Site> {
    eprintln!("error: a rebuild failed unexpectedly; building everything again");
    let (site, report) = full_build(src);
    let mut report = report;
    report.reload_all = true;
    announce(&report, hub);
    site
}

/// `None` when nothing relevant changed; else whether to rebuild everything.
fn needs_full_build(site: Option<&Site>, root: &Path, paths: &[PathBuf]) -> Option<bool> {
    let Some(site) = site else {
        let relevant = paths.iter().any(|p| {
            !crate::site::changes::is_editor_temp(p) && !p.starts_with(root.join("public"))
        });
        return relevant.then_some(true);
    };
    let changes: Vec<Change> = paths.iter().map(|p| classify(&site.config, p)).collect();
    if changes.iter().all(|c| *c == Change::Ignored) {
        return None;
    }
    Some(changes.contains(&Change::Config))
}

fn rebuild(
    src: &SiteSource,
    site: Option<Site>,
    paths: &[PathBuf],
    full: bool,
) -> (Option<Site>, RebuildReport) {
    match site {
        Some(mut s) if !full => {
            let report = s.apply(paths);
            (Some(s), report)
        }
        previous => {
            let (next, mut report) = full_build(src);
            report.changed = paths
                .iter()
                .map(|p| p.strip_prefix(&src.root).unwrap_or(p).to_path_buf())
                .collect();
            report.full_analyse = true;
            // A broken configuration keeps the last good site in memory.
            match next {
                Some(s) => (Some(s), report),
                None => (previous, report),
            }
        }
    }
}

/// Prints the rebuild line and tells the browser.
pub fn announce(report: &RebuildReport, hub: &Hub) {
    println!("{}", report.summary());
    if std::env::var_os("CASEWIKI_TIMINGS").is_some() {
        let phases: Vec<String> = report
            .timing
            .phases
            .iter()
            .map(|(name, d)| format!("{name} {:.1} ms", d.as_secs_f64() * 1000.0))
            .collect();
        println!(
            "  {} jobs rendered; {}",
            report.files.rendered,
            phases.join(", ")
        );
    }
    print_problems(&report.problems);
    let before = hub.set_problems(report.problems.clone());
    let cleared = report.problems.is_empty() && !before.is_empty();
    if !report.stylesheets.is_empty() {
        hub.send(Signal::Css(report.stylesheets.clone()));
    } else if report.reload_all || cleared || report.pages.len() > MAX_RELOAD_PATHS {
        // A reloaded tab asks for the open problems again when it reconnects.
        hub.send(Signal::Reload(None));
    } else if !report.pages.is_empty() {
        hub.send(Signal::Reload(Some(report.pages.clone())));
    }
    if !report.problems.is_empty() && before != report.problems {
        hub.send(Signal::Problems(report.problems.clone()));
    }
}

fn print_problems(problems: &[Diagnostic]) {
    for d in problems {
        eprintln!("{d}");
    }
}
