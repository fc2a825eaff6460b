//! Deterministic benchmark corpus generator (`site gen-corpus`).
//!
//! Interface (keep): `generate(&CorpusOptions) -> std::io::Result<CorpusStats>`.

use std::path::PathBuf;

#[derive(Debug, Clone)]
pub struct CorpusOptions {
    pub pages: usize,
    pub out: PathBuf,
    pub seed: u64,
}

#[derive(Debug, Clone, Default)]
pub struct CorpusStats {
    pub pages: usize,
    pub bytes: u64,
}

pub fn generate(opts: &CorpusOptions) -> std::io::Result<CorpusStats> {
    Ok(CorpusStats {
        pages: opts.pages,
        bytes: 0,
    })
}
