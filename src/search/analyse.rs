//! Per-page analysis: every term of a page with its body count (tf) and
//! whether it occurs in the title or a tag, plus the alias groups it mentions,
//! and the page's keywords for related pages.
//!
//! It runs inside the page pass, right after the Markdown pass made the
//! page's plain text, so the text is never kept. A page's term occurrences
//! are folded into distinct terms as they come (an open-addressing table over
//! one arena string: no allocation per term), then grouped by shard and
//! interned into the site's term table in one go.

use super::aliases::AliasMatcher;
use super::names::word_hash;
use super::page_terms::PageTerms;
use super::terms::{shard_of, split, TermId, TermTable, TABLE_SHARDS};
use super::tokenize::{normalize, scan_normalized};
use crate::text::is_cjk;

pub const FLAG_TAG: u32 = 1;
pub const FLAG_TITLE: u32 = 2;
const MAX_TF: u32 = 1023;

/// Body term count (tf) and field flags of one term in one page.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TermStat {
    pub tf: u32,
    pub flags: u32,
}

impl TermStat {
    /// The number stored in a posting: `min(tf, MAX_TF) * 4 + flags`.
    pub fn value(self) -> u32 {
        self.tf.min(MAX_TF) * 4 + self.flags
    }
}

/// The text of one page the index reads.
#[derive(Debug, Clone, Copy)]
pub struct Fields<'a> {
    pub text: &'a str,
    pub title: &'a str,
    pub tags: &'a [String],
}

/// Terms of one page (body, title, tags, alias groups), interned into `table`.
pub fn analyse_page(
    table: &TermTable,
    aliases: &AliasMatcher,
    fields: Fields,
    keywords: usize,
) -> PageTerms {
    let mut c = Collector::default();
    let mut found = vec![0u32; aliases.groups.len()];
    let len = add_field(&mut c, aliases, &mut found, fields.text, BODY);
    add_found(&mut found, aliases, &mut c, |n| TermStat {
        tf: n,
        flags: 0,
    });
    add_field(&mut c, aliases, &mut found, fields.title, TITLE);
    add_found(&mut found, aliases, &mut c, |_| TITLE);
    for tag in fields.tags {
        add_field(&mut c, aliases, &mut found, tag, TAG);
    }
    add_found(&mut found, aliases, &mut c, |_| TAG);
    let distinct = c.distinct();
    let keyed: Vec<(u64, &str)> = distinct.iter().map(|o| (o.hash, c.term(o))).collect();
    let ids = table.intern_sorted(&keyed, len as usize);
    let best = c.keywords(&distinct, keywords);
    let mut terms: Vec<(TermId, u32)> = ids
        .iter()
        .zip(&distinct)
        .map(|(&id, o)| (id, o.stat.value()))
        .collect();
    // Grouped by table shard already (`distinct`): only each group needs sorting.
    for group in terms.chunk_by_mut(|a, b| split(a.0).0 == split(b.0).0) {
        group.sort_unstable_by_key(|t| t.0);
    }
    let bytes =
        fields.text.len() + fields.title.len() + fields.tags.iter().map(String::len).sum::<usize>();
    let keywords = best.into_iter().map(|k| ids[k]).collect();
    PageTerms::pack(&terms, len, keywords, bytes as u32)
}

/// One distinct term of a page: where its text sits in the arena, and its
/// summed stats.
#[derive(Clone, Copy)]
struct Occurrence {
    hash: u64,
    start: u32,
    end: u32,
    stat: TermStat,
}

/// Folds a page's term occurrences into distinct terms as they come: an
/// open-addressing table of positions in `terms`, probed by the term's hash,
/// so a repeated word costs one hash and one comparison, and only a new
/// term is copied into the arena.
struct Collector {
    arena: String,
    terms: Vec<Occurrence>,
    /// `1 + position in terms`, or 0 for an empty slot; a power of two long.
    slots: Vec<u32>,
}

impl Default for Collector {
    fn default() -> Self {
        Collector {
            arena: String::with_capacity(4096),
            terms: Vec::with_capacity(512),
            slots: vec![0; 1024],
        }
    }
}

impl Collector {
    fn add(&mut self, term: &str, stat: TermStat) {
        self.add_hashed(term, word_hash(term), stat);
    }

    /// `add` of a term whose `word_hash` is known.
    fn add_hashed(&mut self, term: &str, hash: u64, stat: TermStat) {
        if self.terms.len() * 2 >= self.slots.len() {
            self.grow();
        }
        let mask = self.slots.len() - 1;
        let mut i = slot_of(hash, mask);
        loop {
            match self.slots[i] {
                0 => break,
                s => {
                    let t = &self.terms[s as usize - 1];
                    if t.hash == hash && same_bytes(self.term(t).as_bytes(), term.as_bytes()) {
                        let t = &mut self.terms[s as usize - 1];
                        t.stat.tf += stat.tf;
                        t.stat.flags |= stat.flags;
                        return;
                    }
                }
            }
            i = (i + 1) & mask;
        }
        let start = self.arena.len() as u32;
        self.arena.push_str(term);
        self.terms.push(Occurrence {
            hash,
            start,
            end: self.arena.len() as u32,
            stat,
        });
        self.slots[i] = self.terms.len() as u32;
    }

    /// Doubles the table and puts every term back.
    fn grow(&mut self) {
        let mask = self.slots.len() * 2 - 1;
        self.slots = vec![0; mask + 1];
        for (k, t) in self.terms.iter().enumerate() {
            let mut i = slot_of(t.hash, mask);
            while self.slots[i] != 0 {
                i = (i + 1) & mask;
            }
            self.slots[i] = k as u32 + 1;
        }
    }

    fn term(&self, o: &Occurrence) -> &str {
        &self.arena[o.start as usize..o.end as usize]
    }

    /// The distinct terms grouped by term-table shard, in shard order (what
    /// the table interns in): a counting sort, as there are only a few shards.
    fn distinct(&mut self) -> Vec<Occurrence> {
        let terms = std::mem::take(&mut self.terms);
        let mut starts = [0usize; TABLE_SHARDS + 1];
        for t in &terms {
            starts[shard_of(t.hash) + 1] += 1;
        }
        for s in 0..TABLE_SHARDS {
            starts[s + 1] += starts[s];
        }
        let mut slots: Vec<Option<Occurrence>> = vec![None; terms.len()];
        for t in terms {
            let s = shard_of(t.hash);
            slots[starts[s]] = Some(t);
            starts[s] += 1;
        }
        slots.into_iter().flatten().collect()
    }

    /// Positions in `terms` of the `max` most frequent content words: body
    /// count at least 2, Chinese words of two characters or more, Latin
    /// words of five letters or more; ties broken by the word.
    fn keywords(&self, terms: &[Occurrence], max: usize) -> Vec<usize> {
        let mut ranked: Vec<usize> = (0..terms.len())
            .filter(|&k| terms[k].stat.tf >= 2 && is_keyword(self.term(&terms[k])))
            .collect();
        let order = |a: &usize, b: &usize| {
            terms[*b]
                .stat
                .tf
                .cmp(&terms[*a].stat.tf)
                .then_with(|| self.term(&terms[*a]).cmp(self.term(&terms[*b])))
        };
        // Only the best `max` need sorting.
        if ranked.len() > max && max > 0 {
            ranked.select_nth_unstable_by(max - 1, order);
            ranked.truncate(max);
        }
        ranked.sort_unstable_by(order);
        ranked.truncate(max);
        ranked
    }
}

/// Whether `a` and `b` hold the same bytes: terms are short, so up to 16
/// bytes are compared as two overlapping words each rather than by a call to
/// `memcmp`.
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    fn word4(s: &[u8], at: usize) -> u32 {
        u32::from_le_bytes([s[at], s[at + 1], s[at + 2], s[at + 3]])
    }
    fn word8(s: &[u8], at: usize) -> u64 {
        let mut w = [0u8; 8];
        w.copy_from_slice(&s[at..at + 8]);
        u64::from_le_bytes(w)
    }
    let n = a.len();
    n == b.len()
        && match n {
            0..=3 => a.iter().zip(b).all(|(x, y)| x == y),
            4..=8 => word4(a, 0) == word4(b, 0) && word4(a, n - 4) == word4(b, n - 4),
            9..=16 => word8(a, 0) == word8(b, 0) && word8(a, n - 8) == word8(b, n - 8),
            _ => a == b,
        }
}

/// A table slot from the hash's high half (an FxHash's low bits are weak).
fn slot_of(hash: u64, mask: usize) -> usize {
    (hash >> 32) as usize & mask
}

fn is_keyword(term: &str) -> bool {
    match term.chars().next() {
        Some(c) if is_cjk(c) => term.chars().nth(1).is_some(),
        Some('~') | None => false,
        Some(_) => term.len() >= 5,
    }
}

const BODY: TermStat = TermStat { tf: 1, flags: 0 };
const TITLE: TermStat = TermStat {
    tf: 0,
    flags: FLAG_TITLE,
};
const TAG: TermStat = TermStat {
    tf: 0,
    flags: FLAG_TAG,
};

/// Adds the words of one field with `stat` and counts its alias names into
/// `found`; returns how many words it has. The field is normalised once and
/// both read that.
fn add_field(
    c: &mut Collector,
    aliases: &AliasMatcher,
    found: &mut [u32],
    text: &str,
    stat: TermStat,
) -> u32 {
    let hay = normalize(text);
    let mut words = 0u32;
    scan_normalized(
        &hay,
        aliases.names(),
        &mut |t, hash| {
            words += 1;
            c.add_hashed(t, hash, stat);
        },
        &mut |m| aliases.count(&hay, m, found),
    );
    words
}

/// Adds the group term of every group counted in `found`, and clears it.
fn add_found(
    found: &mut [u32],
    aliases: &AliasMatcher,
    c: &mut Collector,
    stat: impl Fn(u32) -> TermStat,
) {
    for (g, n) in found.iter_mut().enumerate() {
        if *n > 0 {
            c.add(&aliases.terms[g], stat(*n));
            *n = 0;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::AliasGroup;

    struct Doc {
        table: TermTable,
        terms: PageTerms,
    }

    fn doc_terms(title: &str, tags: &[&str], text: &str, m: &AliasMatcher) -> Doc {
        let table = TermTable::default();
        let tags: Vec<String> = tags.iter().map(|s| s.to_string()).collect();
        let fields = Fields {
            text,
            title,
            tags: &tags,
        };
        let terms = analyse_page(&table, m, fields, 3);
        Doc { table, terms }
    }

    fn stat(d: &Doc, term: &str) -> Option<TermStat> {
        let names = d.table.names();
        d.terms
            .pairs()
            .find(|(id, _)| names.get(*id) == term)
            .map(|(_, v)| TermStat {
                tf: v >> 2,
                flags: v & 3,
            })
    }

    #[test]
    fn counts_body_and_flags_fields() {
        let m = AliasMatcher::new(&[]);
        let d = doc_terms(
            "Fan Marketing",
            &["community"],
            "marketing marketing fans",
            &m,
        );
        assert_eq!(
            stat(&d, "marketing"),
            Some(TermStat {
                tf: 2,
                flags: FLAG_TITLE
            })
        );
        assert_eq!(
            stat(&d, "community"),
            Some(TermStat {
                tf: 0,
                flags: FLAG_TAG
            })
        );
        assert_eq!(
            stat(&d, "fan"),
            Some(TermStat {
                tf: 0,
                flags: FLAG_TITLE
            })
        );
        assert_eq!(d.terms.len, 3);
        assert_eq!(d.terms.pairs().count(), 4);
    }

    #[test]
    fn alias_groups_become_terms() {
        let m = AliasMatcher::new(&[AliasGroup {
            names: vec!["口碑".into(), "word of mouth".into()],
        }]);
        let d = doc_terms("Word of mouth", &[], "口碑为王，口碑", &m);
        assert_eq!(
            stat(&d, "~0"),
            Some(TermStat {
                tf: 2,
                flags: FLAG_TITLE
            })
        );
    }

    #[test]
    fn keywords_are_frequent_content_words() {
        let m = AliasMatcher::new(&[]);
        let d = doc_terms(
            "",
            &[],
            "marketing marketing brand brand brand 口碑 口碑 口碑 口碑 fans",
            &m,
        );
        let names = d.table.names();
        let k: Vec<&str> = d.terms.keywords.iter().map(|&id| names.get(id)).collect();
        assert_eq!(k, vec!["口碑", "brand", "marketing"]);
    }

    #[test]
    fn collector_folds_repeats_and_grows() {
        let mut c = Collector::default();
        let words: Vec<String> = (0..3000).map(|i| format!("w{i}")).collect();
        for round in 0..3 {
            for w in &words {
                c.add(w, if round == 2 { TITLE } else { BODY });
            }
        }
        let distinct = c.distinct();
        assert_eq!(distinct.len(), 3000);
        assert!(distinct
            .windows(2)
            .all(|w| shard_of(w[0].hash) <= shard_of(w[1].hash)));
        assert!(distinct.iter().all(|o| o.stat
            == TermStat {
                tf: 2,
                flags: FLAG_TITLE
            }));
        let mut texts: Vec<&str> = distinct.iter().map(|o| c.term(o)).collect();
        texts.sort_unstable();
        texts.dedup();
        assert_eq!(texts.len(), 3000);
    }

    #[test]
    fn same_bytes_agrees_with_equality() {
        let words = [
            "",
            "a",
            "ab",
            "abc",
            "abcd",
            "abce",
            "小米",
            "小米手机",
            "口碑传播法则",
            "abcdefghijklmnopq",
            "abcdefghijklmnopr",
            "abcdefgh",
            "abcdefgi",
            "xbcdefgh",
        ];
        for a in words {
            for b in words {
                assert_eq!(same_bytes(a.as_bytes(), b.as_bytes()), a == b, "{a} {b}");
            }
        }
    }

    #[test]
    fn value_packs_tf_and_flags() {
        assert_eq!(
            TermStat {
                tf: 3,
                flags: FLAG_TITLE | FLAG_TAG
            }
            .value(),
            15
        );
        assert_eq!(TermStat { tf: 5000, flags: 0 }.value(), MAX_TF * 4);
    }
}
