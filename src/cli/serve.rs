//! `site serve`

use std::path::Path;

use casewiki::serve::{self, ServeOptions};

#[derive(clap::Args)]
pub struct Args {
    /// First port to try; the next free one is used when it is taken.
    #[arg(long, default_value_t = 1111)]
    port: u16,
    /// Interface to listen on.
    #[arg(long, default_value = "127.0.0.1")]
    interface: String,
    /// Open the site in the default browser.
    #[arg(long)]
    open: bool,
    /// Base URL of the served site (default: http://{interface}:{port}/).
    #[arg(long)]
    base_url: Option<String>,
}

pub fn run(root: &Path, args: Args) -> i32 {
    serve::run(&ServeOptions {
        root: root.to_path_buf(),
        interface: args.interface,
        port: args.port,
        open: args.open,
        base_url: args.base_url,
    })
}
