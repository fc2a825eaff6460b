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
    i32::from(errors > 0)
}
