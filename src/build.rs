//! `site build`: the whole pipeline as a list of steps.
//!
//! Problems from every step are collected; if any is an error, the staging
//! folder is thrown away and the previous `public/` stays as it was.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::config::Config;
use crate::content::Library;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::ingest::{self, IngestOptions, IngestSummary};
use crate::output::{check_output_dir, Output};
use crate::render::templates::Templates;
use crate::search::{DocEntry, PageTerms, SearchIndex};
use crate::site::Site;

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
    let mut site = load_site(config, &diags, Pass::Build(opts.keep_sources))
        .map_err(|ds| fail(&diags, ds, &root))?;
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
        tags: site.tags.terms.len(),
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
    let jobs = site.all_jobs();
    let files = jobs.len();
    if site.one_shot {
        diags.extend(site.render_all_once(&jobs, out));
    } else {
        diags.extend(site.render_jobs(&jobs, out));
    }
    timing("render", t);
    if site.one_shot {
        crate::memory::return_free_memory();
    }
    // Feeds, sitemap and static files beside the search index: both only
    // read the site model.
    let site = &*site;
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

/// The site's own `static/` folder, copied to the output root (Zola's convention).
pub fn copy_static(root: &Path, diags: &Diagnostics) -> Vec<(String, Vec<u8>)> {
    let dir = root.join("static");
    crate::site_files::files_under(root, &dir, &mut |d| diags.push(d))
        .into_iter()
        .filter_map(|path| {
            let rel = path
                .strip_prefix(&dir)
                .ok()?
                .to_string_lossy()
                .replace('\\', "/");
            match std::fs::read(&path) {
                Ok(bytes) => Some((rel, bytes)),
                Err(err) => {
                    diags.push(Diagnostic::error(&path, None, err.to_string()));
                    None
                }
            }
        })
        .collect()
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

/// What a search result shows of every page (the index's doc table).
pub fn search_docs(site: &Site) -> Vec<DocEntry> {
    site.library
        .pages
        .iter()
        .zip(&site.search)
        .map(|(p, s)| DocEntry {
            path: p.path.clone(),
            title: p.meta.title.clone(),
            lang: p.lang.clone(),
            category: p
                .category
                .as_deref()
                .and_then(|slug| site.config.category_by_slug(slug))
                .map(|c| c.name.clone())
                .unwrap_or_default(),
            tags: p.tags.clone(),
            excerpt: s.excerpt.clone(),
        })
        .collect()
}

/// The search index files of the site.
pub fn build_search(site: &Site) -> SearchIndex {
    let pages: Vec<&PageTerms> = site.search.iter().map(|s| &s.terms).collect();
    site.indexer.write(&search_docs(site), &pages)
}

/// `site check`: loads and analyses the site without writing; returns every
/// broken link, unknown anchor and content error.
pub fn check(root: &Path) -> Vec<Diagnostic> {
    let diags = Diagnostics::default();
    match Config::load(root) {
        Ok(config) => {
            if let Err(ds) = load_site(config, &diags, Pass::Check) {
                diags.extend(ds);
            }
        }
        Err(d) => diags.push(d),
    }
    diags.into_sorted()
}

/// What the page pass is for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Pass {
    /// `site check`: links and anchors only.
    Check,
    /// A build; keep the Markdown sources afterwards?
    Build(bool),
}

/// Reads content and templates and analyses every page; content and link
/// problems go to `diags`, template problems are returned. A build's page
/// pass also renders HTML and search terms; `site check`'s does not. (jieba
/// starts loading as soon as the loader sees Chinese text.)
fn load_site(config: Config, diags: &Diagnostics, pass: Pass) -> Result<Site, Vec<Diagnostic>> {
    let started = Instant::now();
    let library = Library::load(&config, diags);
    timing("load", started);
    let templates_started = Instant::now();
    let mut templates = Templates::load(&config)?;
    diags.extend(std::mem::take(&mut templates.warnings));
    timing("templates", templates_started);
    let mut site = Site::new(config, library, templates);
    site.full_pass = pass != Pass::Check;
    site.one_shot = pass == Pass::Build(false);
    site.analyse();
    diags.extend(site.link_problems());
    diags.extend(site.output_problems());
    Ok(site)
}

/// Prints how long a step took when `CASEWIKI_TIMINGS` is set (for profiling),
/// and when it ended, counted from the first step's report.
pub fn timing(step: &str, since: Instant) {
    static FIRST: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
    let first = *FIRST.get_or_init(Instant::now);
    if std::env::var_os("CASEWIKI_TIMINGS").is_some() {
        let rss = std::fs::read_to_string("/proc/self/status")
            .ok()
            .and_then(|s| {
                s.lines()
                    .find(|l| l.starts_with("VmRSS"))
                    .map(|l| l.split_whitespace().nth(1).unwrap_or("").to_string())
            })
            .unwrap_or_default();
        eprintln!(
            "timing: {step}: {} ms (at {} ms), rss {rss} kB",
            since.elapsed().as_millis(),
            first.elapsed().as_millis()
        );
    }
}
