//! `site serve`

use std::path::Path;

#[derive(clap::Args)]
pub struct Args {
    #[arg(long, default_value_t = 1111)]
    port: u16,
    #[arg(long, default_value = "127.0.0.1")]
    interface: String,
    #[arg(long)]
    open: bool,
    #[arg(long)]
    base_url: Option<String>,
}

pub fn run(_root: &Path, _args: Args) -> i32 {
    eprintln!("error: `site serve` is not available yet");
    2
}
