//! Ingest: raw seed articles (`seeds/*.txt`) → clean Markdown case studies
//! under `content/case-studies/`.
//!
//! Interface used by the build (keep these signatures):
//! `run(&IngestOptions, &Diagnostics) -> IngestSummary`.

use std::path::PathBuf;

pub mod meta;

mod boilerplate;
mod decode;
mod html;
mod mt_fix;
mod mojibake;
mod quotes;
mod report;
mod sentences;

use crate::diagnostics::Diagnostics;

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
}

/// Ingests every seed. Per-seed problems are reported to `diags` and the run goes on.
pub fn run(_opts: &IngestOptions, _diags: &Diagnostics) -> IngestSummary {
    IngestSummary::default()
}
