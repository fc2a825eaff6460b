//! `site check`

use std::io::Write;
use std::path::Path;

#[derive(clap::Args)]
pub struct Args {}

pub fn run(root: &Path, _args: Args) -> i32 {
    let diags = casewiki::build::check(root);
    let errors = super::print_diagnostics(&diags);
    if errors == 0 {
        let _ = writeln!(std::io::stdout(), "All internal links and anchors resolve.");
        0
    } else {
        eprintln!("{errors} broken link(s) or other error(s).");
        1
    }
}
