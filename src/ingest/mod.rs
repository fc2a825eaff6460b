//! Ingest: raw seed articles (`seeds/*.txt`) → clean Markdown case studies
//! under `content/case-studies/`.
//!
//! Interface used by the build (keep these signatures):
//! `run(&IngestOptions, &Diagnostics) -> IngestSummary`.
//!
//! Seeds are cleaned in parallel (`pipeline`), then written in file-name order
//! so slugs and output are deterministic. A seed is cleaned again when its
//! bytes changed or its page was written by another ingest engine (the
//! `engine` fingerprint of this binary's ingest code and rules, `build.rs`).
//! A page a person edited (its `content_hash` no longer matches) is kept
//! unless `force` is set.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

pub mod entities;
pub mod meta;

mod boilerplate;
mod breadcrumb;
mod chrome;
mod crosslink;
mod decode;
mod html;
mod markdown;
mod mojibake;
mod mt_fix;
mod pipeline;
mod quotes;
mod report;
mod sentences;
mod structure;
mod title;
mod typography;
mod write;

use crate::content::front_matter;
use crate::content::slug::{slugify, SlugSet};
use crate::diagnostics::{Diagnostic, Diagnostics};

/// Where case studies go, relative to the site root.
const OUTPUT_DIR: &str = "content/case-studies";
const SEED_DIR: &str = "seeds";

/// Where to read seeds and write case studies.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// Site root: seeds are read from `root/seeds`, pages written to `root/content/case-studies`.
    pub root: PathBuf,
    /// Overwrite case studies a person has edited.
    pub force: bool,
}

/// What one ingest run did.
#[derive(Debug, Clone, Default)]
pub struct IngestSummary {
    /// Case studies written (new or regenerated).
    pub written: Vec<PathBuf>,
    /// Case studies already up to date.
    pub unchanged: usize,
    /// Case studies kept because a person edited them.
    pub kept_edited: Vec<PathBuf>,
    /// Seeds skipped (empty, binary, undecodable).
    pub skipped: Vec<PathBuf>,
    /// Total changes per cleaning rule over all seeds, for the build summary.
    pub totals: Vec<(String, usize)>,
    /// What happened to the generated entity pages of `content/wiki/`.
    pub entity_pages: entities::pages::Outcome,
}

/// A seed file: its path, its name in page headers, and its hash.
struct Seed {
    path: PathBuf,
    source: String,
    seed_hash: String,
}

/// A seed and what cleaning made of it.
struct Cleaned {
    seed: Seed,
    page: Result<pipeline::Page, pipeline::Skip>,
}

/// Everything needed to decide what happens to one case study.
struct Placement<'a> {
    force: bool,
    seed: &'a Seed,
    page: &'a pipeline::Page,
    target: &'a Path,
    previous: Option<&'a write::Existing>,
}

/// Ingests every seed. Per-seed problems are reported to `diags` and the run goes on.
///
/// Case studies link the entity pages, and entity pages are made from the
/// case studies: when writing the entity pages changed the set of entities,
/// the case studies are written once more against it (`crosslink`), so one
/// run leaves both up to date.
pub fn run(opts: &IngestOptions, diags: &Diagnostics) -> IngestSummary {
    let links = crosslink::EntityLinks::load(&opts.root);
    let first = Diagnostics::default();
    let mut summary = case_studies(opts, &first, &links);
    let entity_pages = entities::pages::update(&opts.root, opts.force, diags);
    let after = crosslink::EntityLinks::load(&opts.root);
    if after.fingerprint() != links.fingerprint() {
        let again = case_studies(opts, diags, &after);
        let rewritten: Vec<PathBuf> = summary
            .written
            .iter()
            .filter(|p| !again.written.contains(p))
            .cloned()
            .collect();
        summary = IngestSummary {
            unchanged: again.unchanged.saturating_sub(rewritten.len()),
            written: rewritten.into_iter().chain(again.written).collect(),
            ..again
        };
    } else {
        diags.extend(first.into_sorted());
    }
    summary.entity_pages = entity_pages;
    summary
}

/// Writes the case study of every seed, linked against `links`.
fn case_studies(
    opts: &IngestOptions,
    diags: &Diagnostics,
    links: &crosslink::EntityLinks,
) -> IngestSummary {
    let mut summary = IngestSummary::default();
    let seeds = list_seeds(&opts.root.join(SEED_DIR), diags);
    let out_dir = opts.root.join(OUTPUT_DIR);
    let existing = write::scan(&out_dir);
    let mut slugs = SlugSet::default();
    for other in &existing.other_slugs {
        slugs.unique(other);
    }
    let mut totals: BTreeMap<String, usize> = BTreeMap::new();
    // Seeds whose case study is up to date are not cleaned again (no jieba, no rules).
    let (current, stale): (Vec<PathBuf>, Vec<PathBuf>) = seeds
        .into_iter()
        .partition(|p| !opts.force && up_to_date(&opts.root, p, &existing, links.fingerprint()));
    for path in &current {
        let source = source_of(&opts.root, path);
        if let Some(prev) = existing.by_source.get(&source) {
            slugs.unique(
                &prev
                    .path
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default(),
            );
            for line in report_of(&prev.text) {
                *totals.entry(line.rule).or_default() += line.count;
            }
            if write::is_edited(&prev.text) {
                diags.push(Diagnostic::warning(
                    &prev.path,
                    None,
                    "edited by hand since it was generated; kept (use --force to regenerate)",
                ));
                summary.kept_edited.push(prev.path.clone());
                continue;
            }
        }
        summary.unchanged += 1;
    }
    let cleaned: Vec<Cleaned> = stale
        .par_iter()
        .filter_map(|p| clean_seed(&opts.root, p, diags))
        .collect();
    for Cleaned { seed, page } in cleaned {
        let mut page = match page {
            Ok(page) => page,
            Err(skip) => {
                diags.push(Diagnostic::warning(&seed.path, None, skip.to_string()));
                summary.skipped.push(seed.path);
                continue;
            }
        };
        for (rule, n) in page.report.counts() {
            *totals.entry(rule.to_string()).or_default() += n;
        }
        let slug = slugs.unique(&slug_for(&page.title));
        let target = out_dir.join(format!("{slug}.md"));
        let previous = existing.by_source.get(&seed.source);
        if let Some(prev) = previous {
            page.aliases = moved_aliases(prev, &slug);
        }
        page.body = links.link(&page.body, page.lang);
        page.links = links.fingerprint().to_string();
        let placement = Placement {
            force: opts.force,
            seed: &seed,
            page: &page,
            target: &target,
            previous,
        };
        place(&placement, diags, &mut summary);
    }
    summary.totals = totals.into_iter().collect();
    summary
}

/// The old URLs of a case study whose slug changed (its title did): the
/// aliases it had, and its old address when that differs from `slug`, so
/// links to it keep working through a redirect.
fn moved_aliases(prev: &write::Existing, slug: &str) -> Vec<String> {
    let mut aliases = front_matter::split(&prev.text)
        .map(|s| s.front_matter.aliases)
        .unwrap_or_default();
    let old = prev
        .path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let url = format!(
        "/{}/{}/",
        OUTPUT_DIR.trim_start_matches("content/"),
        crate::content::slug::slugify(&old)
    );
    if old != slug && !aliases.contains(&url) {
        aliases.push(url);
    }
    aliases.retain(|a| a != &format!("/{}/{slug}/", OUTPUT_DIR.trim_start_matches("content/")));
    aliases
}

fn slug_for(title: &str) -> String {
    let slug = slugify(title);
    if slug.is_empty() {
        "case-study".to_string()
    } else {
        slug
    }
}

/// `root/seeds/*.txt`, sorted.
fn list_seeds(dir: &Path, diags: &Diagnostics) -> Vec<PathBuf> {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Vec::new(),
        Err(e) => {
            diags.push(Diagnostic::warning(
                dir,
                None,
                format!("cannot list seeds: {e}"),
            ));
            return Vec::new();
        }
    };
    let root = crate::site_files::real_root(dir.parent().unwrap_or(dir));
    let mut seeds: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "txt"))
        .filter(|p| match crate::site_files::outside(&root, p) {
            Some(d) => {
                diags.push(d);
                false
            }
            None => true,
        })
        .collect();
    seeds.sort();
    seeds
}

fn clean_seed(root: &Path, path: &Path, diags: &Diagnostics) -> Option<Cleaned> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            diags.push(Diagnostic::warning(
                path,
                None,
                format!("cannot read seed: {e}"),
            ));
            return None;
        }
    };
    let source = source_of(root, path);
    let seed = Seed {
        path: path.to_path_buf(),
        source,
        seed_hash: write::sha256_hex(&bytes),
    };
    Some(Cleaned {
        seed,
        page: pipeline::prepare(&bytes),
    })
}

/// Writes, keeps or leaves one case study.
fn place(p: &Placement, diags: &Diagnostics, summary: &mut IngestSummary) {
    let Placement {
        force,
        seed,
        page,
        target,
        previous,
    } = *p;
    let text = match write::page_file(page, &seed.source, &seed.seed_hash) {
        Ok(t) => t,
        Err(e) => {
            diags.push(Diagnostic::error(&seed.path, None, e));
            return;
        }
    };
    if let Some(prev) = previous {
        if write::is_edited(&prev.text) && !force {
            diags.push(Diagnostic::warning(
                &prev.path,
                None,
                "edited by hand since it was generated; kept (use --force to regenerate)",
            ));
            summary.kept_edited.push(prev.path.clone());
            return;
        }
        if prev.path == target && prev.text == text {
            summary.unchanged += 1;
            return;
        }
    }
    if let Err(e) = write::write_atomic(target, &text) {
        diags.push(Diagnostic::error(
            target,
            None,
            format!("cannot write case study: {e}"),
        ));
        return;
    }
    if let Some(prev) = previous.filter(|p| p.path != target) {
        if let Err(e) = std::fs::remove_file(&prev.path) {
            diags.push(Diagnostic::warning(
                &prev.path,
                None,
                format!("cannot remove the old page of this seed: {e}"),
            ));
        }
    }
    summary.written.push(target.to_path_buf());
}

/// The seed's path as recorded in front matter (`seeds/a.txt`).
fn source_of(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

/// True when the case study generated from `path` exists and was made from
/// these very bytes by this ingest engine against these entity pages
/// (`links`, their fingerprint), or was edited by hand since (it is kept
/// then, so cleaning the seed again would be wasted).
fn up_to_date(root: &Path, path: &Path, existing: &write::Scan, links: &str) -> bool {
    let Some(prev) = existing.by_source.get(&source_of(root, path)) else {
        return false;
    };
    let Ok(bytes) = std::fs::read(path) else {
        return false;
    };
    let Some(recorded) = front_matter::split(&prev.text)
        .ok()
        .and_then(|s| s.front_matter.ingest)
    else {
        return false;
    };
    recorded.seed_hash == write::sha256_hex(&bytes)
        && ((recorded.engine == write::ENGINE && recorded.links == links)
            || write::is_edited(&prev.text))
}

/// The cleaning report recorded in a generated page's header.
fn report_of(text: &str) -> Vec<crate::content::front_matter::ReportLine> {
    front_matter::split(text)
        .ok()
        .and_then(|s| s.front_matter.ingest)
        .map(|i| i.report)
        .unwrap_or_default()
}
