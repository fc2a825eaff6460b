//! One page's terms, packed: at 10,000 pages the (term, value) pairs are
//! millions of postings, held from the page pass until the index is written,
//! so they are stored as variable-length numbers (about 2–3 bytes a pair
//! instead of 8).
//!
//! Pairs are sorted by term id and grouped by term-table shard; `runs[s]` is
//! where shard `s`'s pairs begin, so the index writer, which works shard by
//! shard, reads only its part. Inside a run a pair is the gap to the previous
//! position in the shard, then the value, each as LEB128.

use super::terms::{first_id, split, TermId, TABLE_SHARDS};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageTerms {
    bytes: Box<[u8]>,
    /// Start of each shard's run in `bytes`, and the end.
    runs: Box<[u32]>,
    /// Body length in terms (BM25 length normalisation).
    pub len: u32,
    /// The page's most frequent content words, for related pages.
    pub keywords: Box<[TermId]>,
    /// Bytes of text indexed (title, tags, body).
    pub text_bytes: u32,
}

impl PageTerms {
    /// Packs `pairs` (term, value), which must be sorted by term id.
    pub fn pack(pairs: &[(TermId, u32)], len: u32, keywords: Vec<TermId>, text_bytes: u32) -> Self {
        let mut bytes = Vec::with_capacity(pairs.len() * 3);
        let mut runs = Vec::with_capacity(TABLE_SHARDS + 1);
        let mut k = 0;
        for s in 0..TABLE_SHARDS {
            runs.push(bytes.len() as u32);
            let mut prev = 0;
            while k < pairs.len() && split(pairs[k].0).0 == s {
                let (_, pos) = split(pairs[k].0);
                push_varint(&mut bytes, pos as u32 - prev);
                push_varint(&mut bytes, pairs[k].1);
                prev = pos as u32;
                k += 1;
            }
        }
        runs.push(bytes.len() as u32);
        PageTerms {
            bytes: bytes.into_boxed_slice(),
            runs: runs.into_boxed_slice(),
            len,
            keywords: keywords.into_boxed_slice(),
            text_bytes,
        }
    }

    /// The (term, value) pairs of table shard `s`, by term id.
    pub fn shard(&self, s: usize) -> impl Iterator<Item = (TermId, u32)> + '_ {
        let (from, to) = match (self.runs.get(s), self.runs.get(s + 1)) {
            (Some(&a), Some(&b)) => (a as usize, b as usize),
            _ => (0, 0),
        };
        let mut at = from;
        let mut pos = 0u32;
        std::iter::from_fn(move || {
            if at >= to {
                return None;
            }
            pos += read_varint(&self.bytes, &mut at);
            let value = read_varint(&self.bytes, &mut at);
            Some((first_id(s) | pos, value))
        })
    }

    /// Every (term, value) pair, by term id.
    pub fn pairs(&self) -> impl Iterator<Item = (TermId, u32)> + '_ {
        (0..TABLE_SHARDS).flat_map(|s| self.shard(s))
    }
}

fn push_varint(out: &mut Vec<u8>, mut n: u32) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

fn read_varint(bytes: &[u8], at: &mut usize) -> u32 {
    let (mut n, mut shift) = (0u32, 0u32);
    while let Some(&b) = bytes.get(*at) {
        *at += 1;
        n |= ((b & 0x7f) as u32) << shift;
        if b < 0x80 {
            break;
        }
        shift += 7;
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_round_trip_across_shards() {
        let pairs = vec![
            (first_id(0) | 3, 4),
            (first_id(0) | 300, 1),
            (first_id(2), 70_000),
            (first_id(15) | 1_000_000, 9),
        ];
        let p = PageTerms::pack(&pairs, 7, vec![first_id(2)], 11);
        assert_eq!(p.pairs().collect::<Vec<_>>(), pairs);
        assert_eq!(p.shard(2).collect::<Vec<_>>(), vec![(first_id(2), 70_000)]);
        assert_eq!(p.shard(1).count(), 0);
        assert!(p.bytes.len() < pairs.len() * 8);
    }
}
