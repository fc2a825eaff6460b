//! The term table: every distinct index term of the site, interned once, so a
//! page keeps its terms as small numbers instead of strings.
//!
//! Pages are analysed in parallel, so the table is split into shards, each
//! behind its own lock; a page locks each shard at most once (its terms come
//! grouped by shard, and the shard is taken from the hash's top bits). A term's
//! id is `shard << SHARD_SHIFT | position in the shard`. Ids depend on the
//! order pages were analysed in, so nothing written to disk uses them.

use std::sync::{Mutex, MutexGuard};

use foldhash::HashMap;

const SHARD_BITS: u32 = 4;
const SHARDS: usize = 1 << SHARD_BITS;
/// Position bits of an id; the shard number sits above them.
const SHARD_SHIFT: u32 = 32 - SHARD_BITS;

/// A term's number in its table.
pub type TermId = u32;

#[derive(Default)]
struct Shard {
    ids: HashMap<Box<str>, u32>,
    names: Vec<Box<str>>,
}

/// Interned terms, shared by the threads that analyse pages.
pub struct TermTable {
    shards: Vec<Mutex<Shard>>,
}

impl Default for TermTable {
    fn default() -> Self {
        TermTable {
            shards: (0..SHARDS).map(|_| Mutex::default()).collect(),
        }
    }
}

/// The hash a term is sharded by (`shard_of`): the same in every run, so
/// term ids come out the same for the same pages in the same order.
pub fn term_hash(term: &str) -> u64 {
    use std::hash::BuildHasher;
    foldhash::fast::FixedState::default().hash_one(term)
}

/// The shard of a term with hash `hash` (`term_hash`), from its top bits.
pub fn shard_of(hash: u64) -> usize {
    (hash >> (64 - SHARD_BITS)) as usize
}

impl TermTable {
    /// Ids of `terms`, given as (hash, text) and grouped by shard in shard
    /// order (`shard_of`); new terms
    /// are added. Callers running at the same time should pass different
    /// `start` shards: each walks the shards from its own, so two threads
    /// rarely queue for the same lock.
    pub fn intern_sorted(&self, terms: &[(u64, &str)], start: usize) -> Vec<TermId> {
        let mut out = vec![0; terms.len()];
        let split = terms.partition_point(|(h, _)| shard_of(*h) < start % SHARDS);
        let order = (split..terms.len()).chain(0..split);
        let mut held: Option<(usize, MutexGuard<Shard>)> = None;
        for k in order {
            let (hash, text) = terms[k];
            let s = shard_of(hash);
            if held.as_ref().map(|(h, _)| *h) != Some(s) {
                drop(held.take()); // release before taking the next shard
                held = Some((s, lock(&self.shards[s])));
            }
            if let Some((_, shard)) = held.as_mut() {
                out[k] = (s as u32) << SHARD_SHIFT | shard.intern(text);
            }
        }
        out
    }

    /// Locks every shard for reading names by id (used when the index is written).
    pub fn names(&self) -> Names<'_> {
        Names {
            shards: self.shards.iter().map(lock).collect(),
        }
    }

    /// Number of terms in the table.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.shards.iter().map(|s| lock(s).names.len()).sum()
    }
}

impl Shard {
    fn intern(&mut self, text: &str) -> u32 {
        if let Some(&id) = self.ids.get(text) {
            return id;
        }
        let id = self.names.len() as u32;
        self.names.push(text.into());
        self.ids.insert(text.into(), id);
        id
    }
}

/// A poisoned lock still holds a usable table: a panic elsewhere only means
/// some page's terms may be missing, not that the table is corrupt.
fn lock(m: &Mutex<Shard>) -> MutexGuard<'_, Shard> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// Read access to every term's text.
pub struct Names<'a> {
    shards: Vec<MutexGuard<'a, Shard>>,
}

impl Names<'_> {
    pub fn get(&self, id: TermId) -> &str {
        let (shard, pos) = split(id);
        self.shards
            .get(shard)
            .and_then(|s| s.names.get(pos))
            .map_or("", |n| n)
    }

    /// Terms in shard `shard` of the table.
    pub fn shard_len(&self, shard: usize) -> usize {
        self.shards.get(shard).map_or(0, |s| s.names.len())
    }
}

/// (table shard, position in it) of an id.
pub fn split(id: TermId) -> (usize, usize) {
    (
        (id >> SHARD_SHIFT) as usize,
        (id & ((1 << SHARD_SHIFT) - 1)) as usize,
    )
}

/// The smallest id in table shard `shard`.
pub fn first_id(shard: usize) -> TermId {
    (shard as u32) << SHARD_SHIFT
}

/// Number of table shards.
pub const TABLE_SHARDS: usize = SHARDS;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interning_is_stable_and_names_come_back() {
        let t = TermTable::default();
        let words = [(1u64 << 60, "口碑"), (1u64 << 60, "word"), (u64::MAX, "z")];
        let a = t.intern_sorted(&words, 0);
        let b = t.intern_sorted(&words, 15);
        assert_eq!(a, b);
        assert_eq!(t.len(), 3);
        let names = t.names();
        assert_eq!(names.get(a[0]), "口碑");
        assert_eq!(names.get(a[2]), "z");
        assert_eq!(split(a[2]).0, 15);
    }
}
