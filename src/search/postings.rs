//! Postings: which pages contain each term, how often in the body, and whether
//! in the title or a tag. Pages are analysed in parallel (rayon); the shards
//! are then assembled in parallel, one per thread, from per-page term lists.
//!
//! A posting is two numbers: the gap to the previous doc id, and
//! `min(tf, MAX_TF) * 4 + flags` (`FLAG_TAG`, `FLAG_TITLE`).

use std::collections::HashMap;

use rayon::prelude::*;

use super::aliases::{group_term, AliasMatcher};
use super::codec::{fnv1a, push_number, shard_key};
use super::tokenize::for_each_term;
use super::SearchDoc;

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
    pub fn value(self) -> u32 {
        self.tf.min(MAX_TF) * 4 + self.flags
    }
}

/// One page's terms, with the hash of each term's shard key.
#[derive(Debug, Default)]
pub struct DocTerms {
    pub terms: Vec<(u32, String, TermStat)>,
    /// Body length in terms (BM25 length normalisation).
    pub len: u32,
}

/// Analyses every page in parallel.
pub fn analyse(docs: &[SearchDoc], aliases: &AliasMatcher) -> Vec<DocTerms> {
    docs.par_iter().map(|d| doc_terms(d, aliases)).collect()
}

/// Term statistics of one page: body, title and tags, plus alias groups.
pub fn doc_terms(doc: &SearchDoc, aliases: &AliasMatcher) -> DocTerms {
    let mut stats: HashMap<String, TermStat> = HashMap::new();
    let mut len = 0u32;
    for_each_term(&doc.text, |t| {
        len += 1;
        bump(&mut stats, t, |s| s.tf += 1);
    });
    for_each_term(&doc.title, |t| {
        bump(&mut stats, t, |s| s.flags |= FLAG_TITLE)
    });
    for tag in &doc.tags {
        for_each_term(tag, |t| bump(&mut stats, t, |s| s.flags |= FLAG_TAG));
    }
    add_alias_groups(doc, aliases, &mut stats);
    let terms = stats
        .into_iter()
        .map(|(t, s)| (fnv1a(shard_key(&t)), t, s))
        .collect();
    DocTerms { terms, len }
}

/// Updates a term's statistics, allocating its key only the first time.
fn bump(stats: &mut HashMap<String, TermStat>, term: &str, update: impl FnOnce(&mut TermStat)) {
    match stats.get_mut(term) {
        Some(s) => update(s),
        None => {
            let mut s = TermStat::default();
            update(&mut s);
            stats.insert(term.to_string(), s);
        }
    }
}

fn add_alias_groups(
    doc: &SearchDoc,
    aliases: &AliasMatcher,
    stats: &mut HashMap<String, TermStat>,
) {
    if aliases.groups.is_empty() {
        return;
    }
    let mut found = HashMap::new();
    aliases.count_in(&doc.text, &mut found);
    for (g, n) in found {
        bump(stats, &group_term(g), |s| s.tf += n);
    }
    let mut found = HashMap::new();
    aliases.count_in(&doc.title, &mut found);
    for g in found.into_keys() {
        bump(stats, &group_term(g), |s| s.flags |= FLAG_TITLE);
    }
    let mut found = HashMap::new();
    for tag in &doc.tags {
        aliases.count_in(tag, &mut found);
    }
    for g in found.into_keys() {
        bump(stats, &group_term(g), |s| s.flags |= FLAG_TAG);
    }
}

/// Rough encoded size, to choose the number of shards before building them.
pub fn estimated_bytes(docs: &[DocTerms]) -> usize {
    docs.iter()
        .flat_map(|d| &d.terms)
        .map(|(_, t, _)| 3 + t.len() / 4)
        .sum()
}

/// Builds every shard: a sorted map from term to encoded postings.
pub fn build_shards(docs: &[DocTerms], shards: u32) -> Vec<Vec<(String, String)>> {
    (0..shards.max(1))
        .into_par_iter()
        .map(|s| build_shard(docs, s, shards.max(1)))
        .collect()
}

fn build_shard(docs: &[DocTerms], shard: u32, shards: u32) -> Vec<(String, String)> {
    // term -> (encoded postings, last doc id)
    let mut lists: HashMap<&str, (String, u32)> = HashMap::new();
    for (id, doc) in docs.iter().enumerate() {
        let id = id as u32;
        for (hash, term, stat) in &doc.terms {
            if hash % shards != shard {
                continue;
            }
            let (out, last) = lists
                .entry(term.as_str())
                .or_insert_with(|| (String::new(), 0));
            push_number(out, id - *last);
            push_number(out, stat.value());
            *last = id;
        }
    }
    let mut terms: Vec<(String, String)> = lists
        .into_iter()
        .map(|(t, (p, _))| (t.to_string(), p))
        .collect();
    terms.sort_unstable();
    terms
}

#[cfg(test)]
mod tests {
    use super::super::codec::decode;
    use super::*;
    use crate::search::AliasGroup;

    fn doc(title: &str, tags: &[&str], text: &str) -> SearchDoc {
        SearchDoc {
            title: title.into(),
            tags: tags.iter().map(|s| s.to_string()).collect(),
            text: text.into(),
            ..Default::default()
        }
    }

    fn stat(d: &DocTerms, term: &str) -> Option<TermStat> {
        d.terms
            .iter()
            .find(|(_, t, _)| t == term)
            .map(|(_, _, s)| *s)
    }

    #[test]
    fn counts_body_and_flags_fields() {
        let m = AliasMatcher::new(&[]);
        let d = doc_terms(
            &doc("Fan Marketing", &["community"], "marketing marketing fans"),
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
        assert_eq!(d.len, 3);
    }

    #[test]
    fn alias_groups_become_terms() {
        let m = AliasMatcher::new(&[AliasGroup {
            names: vec!["口碑".into(), "word of mouth".into()],
        }]);
        let d = doc_terms(&doc("Word of mouth", &[], "口碑为王，口碑"), &m);
        assert_eq!(
            stat(&d, "~0"),
            Some(TermStat {
                tf: 2,
                flags: FLAG_TITLE
            })
        );
    }

    #[test]
    fn shards_hold_gap_encoded_postings() {
        let m = AliasMatcher::new(&[]);
        let docs: Vec<DocTerms> = ["xiaomi", "other", "xiaomi xiaomi"]
            .iter()
            .map(|t| doc_terms(&doc("", &[], t), &m))
            .collect();
        let shards = build_shards(&docs, 1);
        let (_, p) = shards[0].iter().find(|(t, _)| t == "xiaomi").unwrap();
        assert_eq!(decode(p).unwrap(), vec![0, 4, 2, 8]);
    }
}
