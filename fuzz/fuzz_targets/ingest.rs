//! Ingest on an arbitrary seed (any bytes: encodings are guessed): never a
//! panic, and every page it writes has front matter that parses.
#![no_main]

use casewiki::content::front_matter::split;
use casewiki::diagnostics::Diagnostics;
use casewiki::ingest::{run, IngestOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(site) = tempfile::tempdir() else {
        return;
    };
    let seeds = site.path().join("seeds");
    if std::fs::create_dir_all(&seeds).is_err()
        || std::fs::write(seeds.join("s.txt"), data).is_err()
    {
        return;
    }
    let opts = IngestOptions {
        root: site.path().to_path_buf(),
        force: false,
    };
    let summary = run(&opts, &Diagnostics::default());
    for page in summary.written {
        let text = std::fs::read_to_string(&page).unwrap_or_default();
        assert!(split(&text).is_ok(), "{text}");
    }
});
