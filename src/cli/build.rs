//! `site build`

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

use casewiki::build::{build, BuildOptions, BuildReport};

#[derive(clap::Args)]
pub struct Args {
    /// Absolute base URL, e.g. https://user.github.io/repo/ (overrides site.toml).
    #[arg(long)]
    base_url: Option<String>,
    /// Output folder (overrides site.toml's output_dir).
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// Do not ingest seeds/ first.
    #[arg(long)]
    no_ingest: bool,
    /// Also render pages marked `draft = true`.
    #[arg(long)]
    drafts: bool,
}

pub fn run(root: &Path, args: Args) -> i32 {
    let opts = BuildOptions {
        root: root.to_path_buf(),
        base_url: args.base_url,
        output_dir: args.output,
        skip_ingest: args.no_ingest,
        drafts: args.drafts,
        keep_sources: false,
    };
    let progress = indicatif::ProgressBar::new_spinner();
    let ticker = {
        let progress = progress.clone();
        std::thread::spawn(move || {
            std::thread::sleep(Duration::from_secs(1));
            if !progress.is_finished() {
                progress.set_message("building…");
                progress.enable_steady_tick(Duration::from_millis(120));
            }
        })
    };
    let result = build(&opts);
    progress.finish_and_clear();
    drop(ticker);
    match result {
        Ok((site, report)) => {
            super::print_diagnostics(&report.warnings);
            let _ = writeln!(std::io::stdout(), "{}", summary(&report));
            // The process ends here: freeing the site model's many small
            // allocations one by one would only delay the exit (about 0.1 s
            // at 10,000 pages), so the system takes the memory back instead.
            std::mem::forget(site);
            0
        }
        Err(failure) => {
            let errors = super::print_diagnostics(&failure.diagnostics);
            eprintln!(
                "Build failed with {errors} error(s); the previous output was left untouched."
            );
            1
        }
    }
}

fn summary(r: &BuildReport) -> String {
    let mut s = format!(
        "Built {} pages, {} tags, {} files in {} ms (search index {:.1} KB, {:.0} B/page)",
        r.pages,
        r.tags,
        r.files,
        r.duration.as_millis(),
        r.search_bytes as f64 / 1024.0,
        r.search_bytes as f64 / r.pages.max(1) as f64,
    );
    let i = &r.ingest;
    if !i.written.is_empty() || i.unchanged > 0 || !i.kept_edited.is_empty() {
        s.push_str(&format!(
            "\nIngest: {} written, {} unchanged, {} kept (edited by hand), {} skipped",
            i.written.len(),
            i.unchanged,
            i.kept_edited.len(),
            i.skipped.len()
        ));
        let totals: Vec<String> = i
            .totals
            .iter()
            .map(|(rule, n)| format!("{rule} {n}"))
            .collect();
        if !totals.is_empty() {
            s.push_str(&format!("\nCleaning: {}", totals.join(", ")));
        }
    }
    s.push_str(&super::ingest::entity_lines(&i.entity_pages));
    s
}
