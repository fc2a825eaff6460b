//! A reference implementation of the query side of `search.js`, reading the
//! same files: alias phrases → group terms, Latin words with prefix expansion,
//! Chinese by longest match against the vocabulary, BM25 with title and tag
//! bonuses. Test code only: unit tests rank queries against a built index
//! with it; the browser does not depend on it.

use std::collections::HashMap;

use serde_json::Value;

use super::aliases::group_term;
use super::analyse::{FLAG_TAG, FLAG_TITLE};
use super::codec::decode;
use super::tokenize::{is_word_char, MAX_TERM_CHARS};
use super::SearchIndex;
use crate::text::fold::search_key;
use crate::text::is_cjk;

pub const K1: f64 = 1.2;
pub const B: f64 = 0.75;
pub const TITLE_BONUS: f64 = 3.0;
pub const TAG_BONUS: f64 = 2.0;
pub const PREFIX_WEIGHT: f64 = 0.6;
pub const MAX_EXPANSIONS: usize = 40;

/// One ranked result.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub doc: usize,
    pub path: String,
    pub score: f64,
}

/// The whole index in memory (fine for tests and small sites).
pub struct Loaded {
    meta: Value,
    vocab: HashMap<String, Vec<(usize, u32)>>,
    lens: Vec<u32>,
    paths: Vec<String>,
}

/// Parses the files of `index`; `None` if they are malformed.
pub fn load(index: &SearchIndex) -> Option<Loaded> {
    let json = |p: &str| serde_json::from_slice::<Value>(index.file(p)?).ok();
    let meta = json("search/index.json")?;
    let mut vocab = HashMap::new();
    for s in 0..meta["shards"].as_u64()? {
        for (term, enc) in json(&format!("search/t/{s}.json"))?.as_object()? {
            vocab.insert(term.clone(), postings(enc.as_str()?)?);
        }
    }
    let lens = decode(meta["lens"].as_str()?)?;
    let mut paths = Vec::new();
    for c in 0..lens.len().div_ceil(meta["chunk"].as_u64()?.max(1) as usize) {
        for entry in json(&format!("search/d/{c}.json"))?.as_array()? {
            paths.push(entry[0].as_str()?.to_string());
        }
    }
    Some(Loaded {
        meta,
        vocab,
        lens,
        paths,
    })
}

fn postings(enc: &str) -> Option<Vec<(usize, u32)>> {
    let nums = decode(enc)?;
    let mut doc = 0usize;
    Some(
        nums.chunks(2)
            .filter(|p| p.len() == 2)
            .map(|p| {
                doc += p[0] as usize;
                (doc, p[1])
            })
            .collect(),
    )
}

/// Alternatives for one query word: index terms and their weights.
type Token = Vec<(String, f64)>;

impl Loaded {
    /// Ranked results for `query`, best first.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        let tokens = self.tokens(query);
        let mut scores: HashMap<usize, (f64, usize)> = HashMap::new();
        for token in &tokens {
            for (doc, s) in self.token_scores(token) {
                let e = scores.entry(doc).or_insert((0.0, 0));
                (e.0, e.1) = (e.0 + s, e.1 + 1);
            }
        }
        let n = tokens.len().max(1) as f64;
        let mut hits: Vec<Hit> = scores
            .into_iter()
            .map(|(doc, (s, m))| Hit {
                doc,
                path: self.paths[doc].clone(),
                score: s * (m as f64 / n).powi(2),
            })
            .collect();
        hits.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.doc.cmp(&b.doc)));
        hits.truncate(limit);
        hits
    }

    /// Best score of each doc over the token's alternatives.
    fn token_scores(&self, token: &Token) -> HashMap<usize, f64> {
        let n = self.lens.len() as f64;
        let avgdl = self.meta["avgdl"].as_f64().unwrap_or(1.0).max(1.0);
        let mut best: HashMap<usize, f64> = HashMap::new();
        for (term, weight) in token {
            let Some(list) = self.vocab.get(term) else {
                continue;
            };
            let df = list.len() as f64;
            let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
            for &(doc, v) in list {
                let (tf, flags) = ((v >> 2) as f64, v & 3);
                let dl = self.lens.get(doc).copied().unwrap_or(0) as f64;
                let mut s = tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * dl / avgdl));
                s += if flags & FLAG_TITLE != 0 {
                    TITLE_BONUS
                } else {
                    0.0
                };
                s += if flags & FLAG_TAG != 0 {
                    TAG_BONUS
                } else {
                    0.0
                };
                let e = best.entry(doc).or_insert(0.0);
                *e = e.max(weight * idf * s);
            }
        }
        best
    }

    /// Splits a query into tokens: alias groups first, then words and Chinese runs.
    pub fn tokens(&self, query: &str) -> Vec<Token> {
        let mut rest = search_key(query);
        let mut tokens = Vec::new();
        for (g, name) in self.names_longest_first() {
            while let Some(at) = find_name(&rest, &name) {
                rest.replace_range(at..at + name.len(), &" ".repeat(name.len()));
                tokens.push(vec![(group_term(g), 1.0)]);
            }
        }
        let stop: Vec<&str> = self.meta["stop"]
            .as_array()
            .map_or(vec![], |a| a.iter().filter_map(Value::as_str).collect());
        for part in rest.split(' ').filter(|p| !p.is_empty()) {
            let chars: Vec<char> = part.chars().collect();
            let mut i = 0;
            while i < chars.len() {
                let cjk = is_cjk(chars[i]);
                let j = (i..chars.len())
                    .find(|&k| is_cjk(chars[k]) != cjk)
                    .unwrap_or(chars.len());
                let run: String = chars[i..j].iter().collect();
                if cjk {
                    self.segment(&chars[i..j], &stop, &mut tokens);
                } else if run.chars().count() >= 2
                    && !stop.contains(&run.as_str())
                    && run.chars().all(is_word_char)
                {
                    tokens.push(self.expand(&run));
                }
                i = j;
            }
        }
        tokens
    }

    fn names_longest_first(&self) -> Vec<(usize, String)> {
        let mut names: Vec<(usize, String)> = self.meta["groups"]
            .as_array()
            .into_iter()
            .flatten()
            .enumerate()
            .flat_map(|(g, names)| {
                names
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(Value::as_str)
                    .map(move |n| (g, n.to_string()))
            })
            .collect();
        names.sort_by(|a, b| b.1.chars().count().cmp(&a.1.chars().count()).then(a.cmp(b)));
        names
    }

    /// The word itself and up to `MAX_EXPANSIONS` longer terms it starts.
    fn expand(&self, word: &str) -> Token {
        let mut token = Vec::new();
        if self.vocab.contains_key(word) {
            token.push((word.to_string(), 1.0));
        }
        let mut longer: Vec<&String> = self
            .vocab
            .keys()
            .filter(|t| t.len() > word.len() && t.starts_with(word))
            .collect();
        longer.sort_by(|a, b| a.chars().count().cmp(&b.chars().count()).then(a.cmp(b)));
        token.extend(
            longer
                .into_iter()
                .take(MAX_EXPANSIONS)
                .map(|t| (t.clone(), PREFIX_WEIGHT)),
        );
        token
    }

    /// Longest vocabulary match at each position; else the longest prefix of
    /// some term (expanded); stop words and unknown single chars are skipped.
    fn segment(&self, run: &[char], stop: &[&str], tokens: &mut Vec<Token>) {
        let mut i = 0;
        while i < run.len() {
            let max = (i + MAX_TERM_CHARS).min(run.len());
            let word = |j: usize| run[i..j].iter().collect::<String>();
            if let Some(j) = (i + 1..=max)
                .rev()
                .find(|&j| self.vocab.contains_key(&word(j)))
            {
                tokens.push(vec![(word(j), 1.0)]);
                i = j;
            } else if stop.contains(&word(i + 1).as_str()) {
                i += 1;
            } else if let Some(j) = (i + 2..=max)
                .rev()
                .find(|&j| self.vocab.keys().any(|t| t.starts_with(&word(j))))
            {
                tokens.push(self.expand(&word(j)));
                i = j;
            } else {
                tokens.push(Vec::new());
                i += 1;
            }
        }
    }
}

/// Byte offset of `name` in `hay` on word boundaries (see `aliases`).
fn find_name(hay: &str, name: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(off) = hay[from..].find(name) {
        let at = from + off;
        let before = hay[..at].chars().next_back();
        let after = hay[at + name.len()..].chars().next();
        let first = name.chars().next();
        let last = name.chars().next_back();
        let cut = |e: Option<char>, o: Option<char>| {
            e.is_some_and(is_word_char) && o.is_some_and(is_word_char)
        };
        if !cut(first, before) && !cut(last, after) {
            return Some(at);
        }
        from = at + name.chars().next().map_or(1, char::len_utf8);
    }
    None
}

#[cfg(test)]
#[path = "query_tests.rs"]
mod tests;
