//! Serialises the analysed pages into the files `search.js` reads: the small
//! `index.json`, the term shards and the doc chunks (layout in `search/mod.rs`).

use std::hash::{DefaultHasher, Hash, Hasher};

use rayon::prelude::*;
use serde_json::json;

use super::aliases::AliasMatcher;
use super::codec::encode;
use super::docs::{categories, chunks, DOCS_PER_CHUNK};
use super::page_terms::PageTerms;
use super::postings::build_shards;
use super::terms::TermTable;
use super::tokenize::STOP_WORDS;
use super::{DocEntry, SearchIndex};

/// What the index files are made from.
pub struct Sources<'a> {
    pub docs: &'a [DocEntry],
    pub pages: &'a [&'a PageTerms],
    pub table: &'a TermTable,
    pub aliases: &'a AliasMatcher,
}

pub fn write(src: &Sources) -> SearchIndex {
    let cats = categories(src.docs);
    // The term shards and the doc table are independent: built side by side.
    let (shard_terms, doc_files) = rayon::join(
        || build_shards(src.pages, &src.table.names()),
        || doc_files(src.docs, &cats),
    );
    let shards = shard_terms.len();
    let terms = shard_terms.iter().map(Vec::len).sum();
    let mut files: Vec<(String, Vec<u8>)> = shard_terms
        .par_iter()
        .enumerate()
        .map(|(i, t)| (format!("search/t/{i}.json"), shard_json(t)))
        .collect();
    files.extend(doc_files);
    let meta = json!({
        "version": 1,
        "build": build_id(&files),
        "docs": src.docs.len(),
        "avgdl": average_length(src.pages),
        "lens": encode(src.pages.iter().map(|d| d.len)),
        "shards": shards,
        "chunk": DOCS_PER_CHUNK,
        "cats": cats,
        "stop": STOP_WORDS,
        "groups": src.aliases.groups,
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
        pages: src.docs.len(),
        text_bytes: src.pages.iter().map(|p| p.text_bytes as usize).sum(),
        shards,
        terms,
        files,
    }
}

/// The doc table's chunk files.
fn doc_files(docs: &[DocEntry], cats: &[String]) -> Vec<(String, Vec<u8>)> {
    chunks(docs, cats)
        .par_iter()
        .enumerate()
        .map(|(i, chunk)| (format!("search/d/{i}.json"), chunk.to_string().into_bytes()))
        .collect()
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

fn average_length(pages: &[&PageTerms]) -> f64 {
    let total: u64 = pages.iter().map(|d| d.len as u64).sum();
    let avg = total as f64 / pages.len().max(1) as f64;
    (avg * 100.0).round() / 100.0
}

/// A fingerprint of the files, appended to their URLs so a rebuilt index is
/// never mixed with a cached old shard.
fn build_id(files: &[(String, Vec<u8>)]) -> String {
    let each: Vec<u64> = files
        .par_iter()
        .map(|file| {
            let mut h = DefaultHasher::new();
            file.hash(&mut h);
            h.finish()
        })
        .collect();
    let mut h = DefaultHasher::new();
    each.hash(&mut h);
    format!("{:016x}", h.finish())
}
