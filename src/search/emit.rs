//! Serialises the analysed pages into the files `search.js` reads: the small
//! `index.json`, the term shards and the doc chunks (layout in `search/mod.rs`).

use std::hash::{DefaultHasher, Hash, Hasher};

use rayon::prelude::*;
use serde_json::json;

use super::aliases::AliasMatcher;
use super::analyse::DocTerms;
use super::codec::encode;
use super::docs::{categories, chunks, DOCS_PER_CHUNK};
use super::postings::{build_shards, estimated_bytes};
use super::tokenize::STOP_WORDS;
use super::{SearchDoc, SearchIndex};

/// Aim for term shards of about this size; a small site gets one shard.
const TARGET_SHARD_BYTES: usize = 64 * 1024;

pub fn write(docs: &[SearchDoc], analysed: &mut [DocTerms], aliases: &AliasMatcher) -> SearchIndex {
    let shards = estimated_bytes(analysed)
        .div_ceil(TARGET_SHARD_BYTES)
        .max(1) as u32;
    let shard_terms = build_shards(analysed, shards);
    let terms = shard_terms.iter().map(Vec::len).sum();
    let mut files: Vec<(String, Vec<u8>)> = shard_terms
        .par_iter()
        .enumerate()
        .map(|(i, t)| (format!("search/t/{i}.json"), shard_json(t)))
        .collect();
    let cats = categories(docs);
    for (i, chunk) in chunks(docs, &cats).iter().enumerate() {
        files.push((format!("search/d/{i}.json"), chunk.to_string().into_bytes()));
    }
    let meta = json!({
        "version": 1,
        "build": build_id(&files),
        "docs": docs.len(),
        "avgdl": average_length(analysed),
        "lens": encode(analysed.iter().map(|d| d.len)),
        "shards": shards,
        "chunk": DOCS_PER_CHUNK,
        "cats": cats,
        "stop": STOP_WORDS,
        "groups": aliases.groups,
    });
    files.insert(
        0,
        (
            "search/index.json".to_string(),
            meta.to_string().into_bytes(),
        ),
    );
    SearchIndex {
        total_bytes: files.iter().map(|(_, b)| b.len()).sum(),
        pages: docs.len(),
        text_bytes: docs.iter().map(text_bytes).sum(),
        shards: shards as usize,
        terms,
        files,
    }
}

/// `{"term":"postings",…}`; keys are sorted, so output is deterministic.
fn shard_json(terms: &[(String, String)]) -> Vec<u8> {
    let mut out = String::with_capacity(terms.iter().map(|(t, p)| t.len() + p.len() + 6).sum());
    out.push('{');
    for (i, (term, postings)) in terms.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&serde_json::Value::from(term.as_str()).to_string());
        out.push(':');
        out.push('"');
        out.push_str(postings); // codec alphabet needs no escaping
        out.push('"');
    }
    out.push('}');
    out.into_bytes()
}

fn average_length(analysed: &[DocTerms]) -> f64 {
    let total: u64 = analysed.iter().map(|d| d.len as u64).sum();
    let avg = total as f64 / analysed.len().max(1) as f64;
    (avg * 100.0).round() / 100.0
}

/// A fingerprint of the files, appended to their URLs so a rebuilt index is
/// never mixed with a cached old shard.
fn build_id(files: &[(String, Vec<u8>)]) -> String {
    let mut h = DefaultHasher::new();
    files.hash(&mut h);
    format!("{:016x}", h.finish())
}

fn text_bytes(doc: &SearchDoc) -> usize {
    doc.title.len() + doc.text.len() + doc.tags.iter().map(String::len).sum::<usize>()
}
