//! Postings: for each term, the pages that contain it, assembled in parallel
//! (one task per term-table shard) from the per-page term lists of `analyse`.
//!
//! A posting is two numbers: the gap to the previous doc id, and
//! `TermStat::value` (body count and title/tag flags).

use rayon::prelude::*;

use super::codec::{fnv1a, push_number, shard_key};
use super::page_terms::PageTerms;
use super::terms::{first_id, split, Names, TABLE_SHARDS};

/// Aim for term shards of about this size; a small site gets one shard.
const TARGET_SHARD_BYTES: usize = 64 * 1024;

/// Every term that occurs in `pages`, with its encoded postings, split into
/// output shards by `fnv1a(shard_key(term))` and sorted by term in each.
pub fn build_shards(pages: &[&PageTerms], names: &Names) -> Vec<Vec<(String, String)>> {
    let lists: Vec<(u32, String, String)> = (0..TABLE_SHARDS)
        .into_par_iter()
        .flat_map_iter(|s| table_shard(pages, names, s))
        .map(|(term, postings)| (fnv1a(shard_key(&term)), term, postings))
        .collect();
    let bytes: usize = lists.iter().map(|(_, t, p)| t.len() + p.len() + 6).sum();
    let count = bytes.div_ceil(TARGET_SHARD_BYTES).max(1);
    let mut shards: Vec<Vec<(String, String)>> = vec![Vec::new(); count];
    for (key, term, postings) in lists {
        shards[key as usize % count].push((term, postings));
    }
    shards.par_iter_mut().for_each(|s| s.sort_unstable());
    shards
}

/// Postings of the terms in table shard `s` (each page keeps its terms
/// grouped by shard, so this reads only the page's run for `s`).
fn table_shard(pages: &[&PageTerms], names: &Names, s: usize) -> Vec<(String, String)> {
    let mut lists: Vec<(String, u32)> = vec![(String::new(), 0); names.shard_len(s)];
    let lo = first_id(s);
    for (doc, page) in pages.iter().enumerate() {
        let doc = doc as u32;
        for (id, value) in page.shard(s) {
            if let Some((out, last)) = lists.get_mut(split(id).1) {
                push_number(out, doc - *last);
                push_number(out, value);
                *last = doc;
            }
        }
    }
    lists
        .into_iter()
        .enumerate()
        .filter(|(_, (p, _))| !p.is_empty())
        .map(|(pos, (p, _))| {
            let id = lo | pos as u32;
            (names.get(id).to_string(), p)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::aliases::AliasMatcher;
    use super::super::analyse::{analyse_page, Fields};
    use super::super::codec::decode;
    use super::super::terms::TermTable;
    use super::*;

    #[test]
    fn shards_hold_gap_encoded_postings() {
        let m = AliasMatcher::new(&[]);
        let table = TermTable::default();
        let docs: Vec<PageTerms> = ["xiaomi", "other", "xiaomi xiaomi"]
            .iter()
            .map(|t| {
                let fields = Fields {
                    text: t,
                    title: "",
                    tags: &[],
                };
                analyse_page(&table, &m, fields, 0)
            })
            .collect();
        let refs: Vec<&PageTerms> = docs.iter().collect();
        let shards = build_shards(&refs, &table.names());
        let all: Vec<&(String, String)> = shards.iter().flatten().collect();
        let (_, p) = all.iter().find(|(t, _)| t == "xiaomi").unwrap();
        assert_eq!(decode(p).unwrap(), vec![0, 4, 2, 8]);
        assert_eq!(all.len(), 2);
    }
}
