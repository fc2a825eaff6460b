//! Command-line interface: one small file per subcommand.

mod build;
mod check;
mod ingest;
mod serve;

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use casewiki::diagnostics::Diagnostic;

#[derive(Parser)]
#[command(
    name = "site",
    version,
    about = "casewiki: a bilingual case-study wiki generator"
)]
struct Cli {
    /// Site root (the folder with site.toml, content/, seeds/).
    #[arg(long, global = true, default_value = ".")]
    root: PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Ingest seeds and render the site into public/.
    Build(build::Args),
    /// Build, serve on 127.0.0.1 and rebuild on every save.
    Serve(serve::Args),
    /// Turn seeds/*.txt into Markdown case studies only.
    Ingest(ingest::Args),
    /// Check every internal link and #anchor; exit non-zero when one is broken.
    Check(check::Args),
}

/// Runs the command line; returns the process exit code.
pub fn run() -> i32 {
    let cli = Cli::parse();
    match cli.command {
        Command::Build(args) => build::run(&cli.root, args),
        Command::Serve(args) => serve::run(&cli.root, args),
        Command::Ingest(args) => ingest::run(&cli.root, args),
        Command::Check(args) => check::run(&cli.root, args),
    }
}

/// Prints diagnostics to stderr, one per line; returns how many were errors.
pub fn print_diagnostics(diags: &[Diagnostic]) -> usize {
    for d in diags {
        eprintln!("{d}");
    }
    diags.iter().filter(|d| d.is_error()).count()
}
