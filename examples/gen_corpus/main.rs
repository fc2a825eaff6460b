//! Writes a deterministic benchmark corpus for `bench/compare.sh`,
//! `bench/serve_latency.sh`, `bench/pgo.sh` and `bench/kill_test.sh`:
//!
//! ```sh
//! cargo run --release --example gen_corpus -- --pages 10000 --out DIR [--seed 42] [--shape wiki]
//! ```
//!
//! A benchmark tool, not part of `site`: the generator lives here with its
//! vocabulary (`vocab.toml`) and is built only with the examples.

mod corpus;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

use corpus::{generate, CorpusOptions, Shape};

#[derive(Parser)]
#[command(name = "gen_corpus", about = "Write a deterministic benchmark corpus")]
struct Args {
    /// Number of pages.
    #[arg(long, default_value_t = 10_000)]
    pages: usize,
    /// Folder to write the corpus into (DIR/casewiki, DIR/zola, DIR/hugo).
    #[arg(long)]
    out: PathBuf,
    /// Seed of the generator (same seed, page count and shape: same bytes).
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// Corpus shape: `mixed` (half Chinese, 3–5 KB pages, 200 skewed tags) or
    /// `wiki` (mostly Chinese, 12–20 KB pages, dense links, 2,000 flat tags).
    #[arg(long, default_value_t = Shape::MIXED)]
    shape: Shape,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let opts = CorpusOptions {
        pages: args.pages,
        out: args.out.clone(),
        seed: args.seed,
        shape: args.shape,
    };
    match generate(&opts) {
        Ok(stats) => {
            println!(
                "Wrote {} pages ({} bytes; {} body, {:.1}% Chinese; {} code blocks; shape {}) to {}",
                stats.pages,
                stats.bytes,
                stats.body_bytes,
                100.0 * stats.chinese_bytes as f64 / stats.body_bytes.max(1) as f64,
                stats.code_blocks,
                opts.shape,
                args.out.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {}: {e}", args.out.display());
            ExitCode::FAILURE
        }
    }
}
