//! The `site` binary: parses the command line and hands over to the library.

mod cli;

fn main() {
    let code = cli::run();
    std::process::exit(code);
}
