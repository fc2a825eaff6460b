//! Per-page analysis: every term of a page with its body count (tf) and
//! whether it occurs in the title or a tag, plus the alias groups it mentions,
//! and the page's keywords for related pages.
//!
//! It runs inside the page pass, right after the Markdown pass made the
//! page's plain text, so the text is never kept. A page's term occurrences
//! are folded into distinct terms as they come, then grouped by shard and
//! interned into the site's term table in one go.

use foldhash::fast::FixedState;
use hashbrown::HashMap;

use super::aliases::AliasMatcher;
use super::page_terms::PageTerms;
use super::terms::{shard_of, split, term_hash, TermId, TermTable, TABLE_SHARDS};
use super::tokenize::scan_normalized;
use crate::text::fold::search_key;
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
    let keyed: Vec<(u64, &str)> = distinct.iter().map(|o| (o.hash, &*o.term)).collect();
    let ids = table.intern_sorted(&keyed, len as usize);
    let best = best_keywords(&distinct, keywords);
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

/// One distinct term of a page with its hash (`term_hash`) and summed stats.
struct Distinct {
    hash: u64,
    term: String,
    stat: TermStat,
}

/// Folds a page's term occurrences into distinct terms as they come (a
/// fixed hasher, so the same page gives its terms in the same order).
struct Collector {
    terms: HashMap<String, TermStat, FixedState>,
}

impl Default for Collector {
    fn default() -> Self {
        // About the distinct terms of a page of a few thousand words.
        Collector {
            terms: HashMap::with_capacity_and_hasher(512, FixedState::default()),
        }
    }
}

impl Collector {
    /// One hash per occurrence; only a new term is copied.
    fn add(&mut self, term: &str, stat: TermStat) {
        let t = self.terms.entry_ref(term).or_default();
        t.tf += stat.tf;
        t.flags |= stat.flags;
    }

    /// The distinct terms grouped by term-table shard, in shard order (what
    /// the table interns in).
    fn distinct(&mut self) -> Vec<Distinct> {
        let mut shards: Vec<Vec<Distinct>> = (0..TABLE_SHARDS).map(|_| Vec::new()).collect();
        for (term, stat) in self.terms.drain() {
            let hash = term_hash(&term);
            shards[shard_of(hash)].push(Distinct { hash, term, stat });
        }
        shards.into_iter().flatten().collect()
    }
}

/// Positions in `terms` of the `max` most frequent content words: body
/// count at least 2, Chinese words of two characters or more, Latin words of
/// five letters or more; ties broken by the word.
fn best_keywords(terms: &[Distinct], max: usize) -> Vec<usize> {
    let mut ranked: Vec<usize> = (0..terms.len())
        .filter(|&k| terms[k].stat.tf >= 2 && is_keyword(&terms[k].term))
        .collect();
    let order = |a: &usize, b: &usize| {
        let (a, b) = (&terms[*a], &terms[*b]);
        b.stat.tf.cmp(&a.stat.tf).then_with(|| a.term.cmp(&b.term))
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
    let hay = search_key(text);
    let mut words = 0u32;
    scan_normalized(
        &hay,
        aliases.names(),
        &mut |t| {
            words += 1;
            c.add(t, stat);
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
    fn collector_folds_repeats_in_shard_order() {
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
        let mut texts: Vec<&str> = distinct.iter().map(|o| &*o.term).collect();
        texts.sort_unstable();
        texts.dedup();
        assert_eq!(texts.len(), 3000);
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
