//! `site gen-corpus`

use std::io::Write;
use std::path::PathBuf;

use casewiki::corpus::{generate, CorpusOptions};

#[derive(clap::Args)]
pub struct Args {
    /// Number of pages.
    #[arg(long, default_value_t = 10_000)]
    pages: usize,
    /// Folder to write the corpus into.
    #[arg(long)]
    out: PathBuf,
    /// Seed of the generator (same seed, same bytes).
    #[arg(long, default_value_t = 42)]
    seed: u64,
}

pub fn run(args: Args) -> i32 {
    match generate(&CorpusOptions {
        pages: args.pages,
        out: args.out.clone(),
        seed: args.seed,
    }) {
        Ok(stats) => {
            let _ = writeln!(
                std::io::stdout(),
                "Wrote {} pages ({} bytes) to {}",
                stats.pages,
                stats.bytes,
                args.out.display()
            );
            0
        }
        Err(e) => {
            eprintln!("error: {}: {e}", args.out.display());
            1
        }
    }
}
