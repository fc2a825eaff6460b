//! `site ingest`

use std::io::Write;
use std::path::Path;

use casewiki::diagnostics::Diagnostics;
use casewiki::ingest::{self, IngestOptions};

#[derive(clap::Args)]
pub struct Args {
    /// Overwrite case studies that were edited by hand.
    #[arg(long)]
    force: bool,
}

pub fn run(root: &Path, args: Args) -> i32 {
    let diags = Diagnostics::default();
    let summary = ingest::run(
        &IngestOptions {
            root: root.to_path_buf(),
            force: args.force,
        },
        &diags,
    );
    let errors = super::print_diagnostics(&diags.into_sorted());
    let _ = writeln!(
        std::io::stdout(),
        "Ingest: {} written, {} unchanged, {} kept (edited by hand), {} skipped",
        summary.written.len(),
        summary.unchanged,
        summary.kept_edited.len(),
        summary.skipped.len()
    );
    let _ = write!(
        std::io::stdout(),
        "{}",
        entity_lines(&summary.entity_pages).trim_start()
    );
    i32::from(errors > 0)
}

/// The report lines of the generated entity pages: what was written, and
/// the aliases discovered for hand-written pages (suggestions, not edits).
pub fn entity_lines(e: &ingest::entities::pages::Outcome) -> String {
    let mut s = String::new();
    if !e.written.is_empty()
        || e.unchanged > 0
        || !e.removed.is_empty()
        || !e.kept_edited.is_empty()
    {
        s.push_str(&format!(
            "\nEntity pages: {} written, {} unchanged, {} removed, {} kept (edited by hand)",
            e.written.len(),
            e.unchanged,
            e.removed.len(),
            e.kept_edited.len()
        ));
    }
    for sug in &e.suggestions {
        let name = sug
            .page
            .file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default();
        s.push_str(&format!(
            "\nSuggested aliases for {name}: {}",
            sug.aliases.join(", ")
        ));
    }
    if !s.is_empty() {
        s.push('\n');
    }
    s
}
