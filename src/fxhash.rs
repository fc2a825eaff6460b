//! A fast non-cryptographic hasher for the build's maps (the FxHash scheme
//! used by rustc): search terms, link targets, relatedness postings.
//! SipHash, std's default, took a third of index build time; the keys come
//! from the site's own pages, so flooding resistance buys nothing.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes([
                c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7],
            ]));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            // The last 1–7 bytes as one word (with the length, so `a\0` ≠ `a`).
            let word = rest.iter().rev().fold(0u64, |acc, &b| acc << 8 | b as u64);
            self.add(word ^ (rest.len() as u64) << 56);
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

pub type FxHashMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
pub type FxHashSet<T> = HashSet<T, BuildHasherDefault<FxHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn map_works_with_string_keys() {
        let mut m: FxHashMap<String, u32> = FxHashMap::default();
        m.insert("口碑".into(), 1);
        m.insert("word".into(), 2);
        assert_eq!(m.get("口碑"), Some(&1));
        assert_eq!(m.get("word"), Some(&2));
        assert_eq!(m.get("mouth"), None);
    }
}
