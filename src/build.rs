//! `site build`: the whole pipeline as a list of steps.
//!
//! Problems from every step are collected; if any is an error, the staging
//! folder is thrown away and the previous `public/` stays as it was.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::analysis::Pass;
use crate::config::Config;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::ingest::{self, IngestOptions, IngestSummary};
use crate::output::{check_output_dir, Output};
use crate::site::{build_search, Site};
use crate::site_files::copy_static;
use crate::timing::timing;

/// What the user asked for.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    pub root: PathBuf,
    pub base_url: Option<String>,
    pub output_dir: Option<PathBuf>,
    /// Skip turning seeds into case studies.
    pub skip_ingest: bool,
    /// Include pages marked `draft = true`.
    pub drafts: bool,
    /// Keep every page's Markdown source in the returned `Site` (it is freed
    /// after the page pass otherwise, to keep peak memory down).
    pub keep_sources: bool,
}

/// What a successful build did.
#[derive(Debug)]
pub struct BuildReport {
    pub pages: usize,
    pub tags: usize,
    pub files: usize,
    pub search_bytes: usize,
    pub ingest: IngestSummary,
    pub warnings: Vec<Diagnostic>,
    pub duration: Duration,
}

/// Why a build failed: every problem found, errors and warnings.
#[derive(Debug)]
pub struct BuildFailure {
    pub diagnostics: Vec<Diagnostic>,
}

impl BuildFailure {
    fn one(d: Diagnostic) -> BuildFailure {
        BuildFailure {
            diagnostics: vec![d],
        }
    }
}

/// Builds the site at `opts.root` into its output folder.
pub fn build(opts: &BuildOptions) -> Result<(Site, BuildReport), BuildFailure> {
    let started = Instant::now();
    timing("start", started);
    let diags = Diagnostics::default();
    let config = load_config(opts)?;
    check_output_dir(&config).map_err(BuildFailure::one)?;
    let ingest = run_ingest(opts, &diags);
    timing("ingest", started);
    let root = config.root.clone();
    let pass = if opts.keep_sources {
        Pass::Keep
    } else {
        Pass::Once
    };
    let mut site = Site::load(config, &diags, pass).map_err(|ds| fail(&diags, ds, &root))?;
    diags.extend(site.problems());
    timing("analyse", started);
    if diags.has_errors() {
        return Err(fail(&diags, Vec::new(), &root));
    }
    let out = Output::staging(&site.config.output_dir)
        .map_err(|e| io_failure(&site.config.output_dir, e))?;
    let (files, search_bytes) = write_site(&mut site, &out, &diags);
    if diags.has_errors() {
        out.abort();
        return Err(fail(&diags, Vec::new(), &root));
    }
    out.commit()
        .map_err(|e| io_failure(&site.config.output_dir, e))?;
    let report = BuildReport {
        pages: site.library.pages.len(),
        tags: site.analysis.lists.tags.terms.len(),
        files,
        search_bytes,
        ingest,
        warnings: diags.report(&root),
        duration: started.elapsed(),
    };
    Ok((site, report))
}

/// Writes every page, then the support files beside the search index, into
/// `out`; returns (files, search index bytes). In a one-shot build each
/// page's HTML is freed as soon as the page is written, so the HTML and the
/// index are never held together.
fn write_site(site: &mut Site, out: &Output, diags: &Diagnostics) -> (usize, usize) {
    let t = Instant::now();
    let jobs = site.model().all_jobs();
    let files = jobs.len();
    let one_shot = site.analysis.pass == Pass::Once;
    if one_shot {
        let html: Vec<String> = (site.analysis.bodies.iter_mut())
            .map(|b| std::mem::take(&mut b.html))
            .collect();
        diags.extend(site.model().render_all_once(&jobs, html, out));
    } else {
        diags.extend(site.model().render_jobs(&jobs, out));
    }
    timing("render", t);
    if one_shot {
        crate::memory::return_free_memory();
    }
    // Feeds, sitemap and static files beside the search index: both only
    // read the site model.
    let site = site.model();
    let (support_files, (search_files, search_bytes)) = rayon::join(
        || {
            let mut support = site.support_files().unwrap_or_else(|d| {
                diags.push(d);
                Vec::new()
            });
            support.extend(copy_static(&site.config.root, diags));
            write_all(out, &support, diags)
        },
        || {
            let search = build_search(site);
            (write_all(out, &search.files, diags), search.total_bytes)
        },
    );
    timing("search", t);
    (files + support_files + search_files, search_bytes)
}

/// Writes `files` (paths relative to `out`); returns how many were given.
fn write_all(out: &Output, files: &[(String, Vec<u8>)], diags: &Diagnostics) -> usize {
    files.par_iter().for_each(|(path, bytes)| {
        if let Err(e) = out.write(path, bytes) {
            diags.push(Diagnostic::error(out.dir().join(path), None, e.to_string()));
        }
    });
    files.len()
}

fn load_config(opts: &BuildOptions) -> Result<Config, BuildFailure> {
    let mut config = Config::load(&opts.root).map_err(BuildFailure::one)?;
    if let Some(url) = &opts.base_url {
        config.set_base_url(url);
    }
    config.drafts = opts.drafts;
    if let Some(out) = &opts.output_dir {
        config.output_dir = if out.is_absolute() {
            out.clone()
        } else {
            opts.root.join(out)
        };
    }
    Ok(config)
}

fn run_ingest(opts: &BuildOptions, diags: &Diagnostics) -> IngestSummary {
    if opts.skip_ingest || !opts.root.join("seeds").is_dir() {
        return IngestSummary::default();
    }
    ingest::run(
        &IngestOptions {
            root: opts.root.clone(),
            force: false,
        },
        diags,
    )
}

fn fail(diags: &Diagnostics, more: Vec<Diagnostic>, root: &Path) -> BuildFailure {
    diags.extend(more);
    BuildFailure {
        diagnostics: diags.report(root),
    }
}

fn io_failure(path: &Path, e: std::io::Error) -> BuildFailure {
    BuildFailure::one(Diagnostic::error(path, None, e.to_string()))
}

/// `site check`: loads and analyses the site without writing; returns every
/// broken link, unknown anchor and content error.
pub fn check(root: &Path) -> Vec<Diagnostic> {
    let diags = Diagnostics::default();
    match Config::load(root) {
        Ok(config) => match Site::load(config, &diags, Pass::Check) {
            Ok(site) => diags.extend(site.problems()),
            Err(ds) => diags.extend(ds),
        },
        Err(d) => diags.push(d),
    }
    diags.into_sorted()
}
