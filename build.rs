//! The ingest engine's fingerprint: a hash of everything compiled into the
//! binary that decides what ingest writes (its code and its rule and alias
//! tables). Ingest records it in each generated case study, so a seed whose
//! bytes did not change is cleaned again when the engine did (a new casewiki
//! version, an edited rule file), instead of keeping a page made by old rules.

use std::fs;
use std::path::{Path, PathBuf};

/// What ingest's output depends on, relative to the crate root.
const INPUTS: &[&str] = &[
    "src/ingest",
    "src/text",
    "data/ingest",
    "data/text",
    "data/aliases.toml",
    "data/cedict",
];

fn main() {
    let mut files = Vec::new();
    for input in INPUTS {
        println!("cargo:rerun-if-changed={input}");
        collect(Path::new(input), &mut files);
    }
    files.sort();
    let mut hash = Fnv::default();
    for file in &files {
        hash.write(file.to_string_lossy().replace('\\', "/").as_bytes());
        hash.write(&[0]);
        // Line endings normalised, so a checkout with CRLF gives the same value.
        let bytes = fs::read(file).unwrap_or_default();
        let text = String::from_utf8_lossy(&bytes).replace("\r\n", "\n");
        hash.write(text.as_bytes());
        hash.write(&[0]);
    }
    println!("cargo:rustc-env=CASEWIKI_INGEST_ENGINE={:016x}", hash.0);
}

/// Every file under `path` (or `path` itself).
fn collect(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_file() {
        out.push(path.to_path_buf());
        return;
    }
    let Ok(entries) = fs::read_dir(path) else {
        return;
    };
    for entry in entries.flatten() {
        collect(&entry.path(), out);
    }
}

/// 64-bit FNV-1a: stable across Rust versions (std's hashers are not).
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}
