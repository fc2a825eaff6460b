//! What a rebuild reports (one terminal line, the reload signal, the open
//! problems) and the snapshot the search index is built from.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::diagnostics::Diagnostic;

/// What one rebuild did.
#[derive(Debug, Default)]
pub struct RebuildReport {
    /// What caused the rebuild, for the terminal line.
    pub what: String,
    /// Changed source files, relative to the site root.
    pub changed: Vec<PathBuf>,
    /// What was rendered, written and removed.
    pub files: FileCounts,
    /// URL paths of the HTML pages written or removed.
    pub pages: Vec<String>,
    /// Every open tab should reload (templates or scripts changed).
    pub reload_all: bool,
    /// Every body was rendered again (the names of entity pages changed).
    pub full_analyse: bool,
    /// URL paths of stylesheets, when only stylesheets changed.
    pub stylesheets: Vec<String>,
    /// Every open problem (also older ones not fixed yet).
    pub problems: Vec<Diagnostic>,
    pub timing: Timing,
}

/// Files one rebuild touched.
#[derive(Debug, Default, Clone, Copy)]
pub struct FileCounts {
    /// HTML jobs whose print was computed (the others kept theirs).
    pub printed: usize,
    /// HTML jobs rendered (their context changed).
    pub rendered: usize,
    /// Files whose bytes changed on disk.
    pub written: usize,
    pub removed: usize,
}

/// How long a rebuild took, in all and per phase.
#[derive(Debug, Default, Clone)]
pub struct Timing {
    pub total: Duration,
    /// Time per phase, for profiling (`CASEWIKI_TIMINGS=1 site serve`).
    pub phases: Vec<(&'static str, Duration)>,
}

impl RebuildReport {
    /// Records the time since the previous lap (or `started`).
    pub(super) fn lap(&mut self, phase: &'static str, started: Instant) {
        let before: Duration = self.timing.phases.iter().map(|(_, d)| *d).sum();
        self.timing
            .phases
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
            self.files.written + self.files.removed,
            self.timing.total.as_millis(),
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
