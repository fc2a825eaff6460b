//! Generates a benchmark corpus: `cargo run --release --example gen_corpus -- PAGES OUT [SEED]`.
//! Stand-in for `site gen-corpus` until the CLI wires it.

use std::path::PathBuf;

use casewiki::corpus::{generate, CorpusOptions};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let pages = args.first().and_then(|s| s.parse().ok()).unwrap_or(10_000);
    let out = PathBuf::from(args.get(1).map(String::as_str).unwrap_or("/dev/shm/corpus"));
    let seed = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(42);
    match generate(&CorpusOptions { pages, out, seed }) {
        Ok(stats) => println!(
            "{} pages, {} bytes ({} body, {:.1}% Chinese), {} code blocks",
            stats.pages,
            stats.bytes,
            stats.body_bytes,
            100.0 * stats.chinese_bytes as f64 / stats.body_bytes.max(1) as f64,
            stats.code_blocks
        ),
        Err(e) => {
            eprintln!("gen_corpus: {e}");
            std::process::exit(1);
        }
    }
}
