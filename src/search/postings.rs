//! Postings: for each term, the pages that contain it, assembled into shards
//! in parallel from the per-page term lists of `analyse`.
//!
//! A posting is two numbers: the gap to the previous doc id, and
//! `TermStat::value` (body count and title/tag flags).

use rayon::prelude::*;

use super::analyse::DocTerms;
use super::codec::push_number;
use super::fxhash::FxHashMap;

/// Rough encoded size, to choose the number of shards before building them.
pub fn estimated_bytes(docs: &[DocTerms]) -> usize {
    docs.iter()
        .map(|d| {
            d.terms
                .iter()
                .map(|t| 3 + d.text(t).len() / 4)
                .sum::<usize>()
        })
        .sum()
}

/// Builds every shard: a sorted map from term to encoded postings.
///
/// Shards are built in groups: each group walks the pages once and takes the
/// contiguous run of each page's terms that falls in its shards, so memory is
/// read sequentially however many shards there are.
pub fn build_shards(docs: &mut [DocTerms], shards: u32) -> Vec<Vec<(String, String)>> {
    let shards = shards.max(1);
    docs.par_iter_mut().for_each(|d| {
        d.terms.iter_mut().for_each(|t| t.shard %= shards);
        d.terms.sort_unstable_by_key(|t| t.shard);
    });
    let groups = shards.min(rayon::current_num_threads() as u32 * 4).max(1);
    let bounds: Vec<(u32, u32)> = (0..groups)
        .map(|g| (g * shards / groups, (g + 1) * shards / groups))
        .collect();
    let docs = &*docs;
    let built: Vec<Vec<Vec<(String, String)>>> = bounds
        .into_par_iter()
        .map(|(lo, hi)| build_group(docs, lo, hi))
        .collect();
    built.into_iter().flatten().collect()
}

/// Shards `lo..hi`, once every page's terms are sorted by shard.
fn build_group(docs: &[DocTerms], lo: u32, hi: u32) -> Vec<Vec<(String, String)>> {
    // per shard: term -> (encoded postings, last doc id)
    let mut lists: Vec<FxHashMap<&str, (String, u32)>> =
        (lo..hi).map(|_| FxHashMap::default()).collect();
    for (id, doc) in docs.iter().enumerate() {
        let id = id as u32;
        let from = doc.terms.partition_point(|t| t.shard < lo);
        let to = doc.terms.partition_point(|t| t.shard < hi);
        for term in &doc.terms[from..to] {
            let list = &mut lists[(term.shard - lo) as usize];
            let (out, last) = list
                .entry(doc.text(term))
                .or_insert_with(|| (String::new(), 0));
            push_number(out, id - *last);
            push_number(out, term.stat.value());
            *last = id;
        }
    }
    lists.into_iter().map(sorted_shard).collect()
}

fn sorted_shard(lists: FxHashMap<&str, (String, u32)>) -> Vec<(String, String)> {
    let mut terms: Vec<(String, String)> = lists
        .into_iter()
        .map(|(t, (p, _))| (t.to_string(), p))
        .collect();
    terms.sort_unstable();
    terms
}

#[cfg(test)]
mod tests {
    use super::super::aliases::AliasMatcher;
    use super::super::analyse::doc_terms;
    use super::super::codec::decode;
    use super::*;
    use crate::search::SearchDoc;

    #[test]
    fn shards_hold_gap_encoded_postings() {
        let m = AliasMatcher::new(&[]);
        let mut docs: Vec<DocTerms> = ["xiaomi", "other", "xiaomi xiaomi"]
            .iter()
            .map(|t| {
                doc_terms(
                    &SearchDoc {
                        text: t.to_string(),
                        ..Default::default()
                    },
                    &m,
                )
            })
            .collect();
        let shards = build_shards(&mut docs, 3);
        let all: Vec<&(String, String)> = shards.iter().flatten().collect();
        let (_, p) = all.iter().find(|(t, _)| t == "xiaomi").unwrap();
        assert_eq!(decode(p).unwrap(), vec![0, 4, 2, 8]);
        assert_eq!(all.len(), 2);
    }
}
