//! Per-page analysis: every term of a page with its body count (tf) and
//! whether it occurs in the title or a tag, plus the alias groups it mentions,
//! and the page's keywords for related pages.
//!
//! It runs inside the page pass, right after the Markdown pass made the
//! page's plain text, so the text is never kept. A page's term occurrences
//! are appended to one arena string, sorted by hash and folded into distinct
//! terms (no allocation per term, no hash map), then interned into the
//! site's term table in one go.

use std::collections::HashMap;
use std::hash::{BuildHasher, BuildHasherDefault};

use super::aliases::{group_term, AliasMatcher};
use super::fxhash::FxHasher;
use super::page_terms::PageTerms;
use super::terms::{TermId, TermTable};
use super::tokenize::for_each_term;
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
    let mut len = 0u32;
    for_each_term(fields.text, |t| {
        len += 1;
        c.add(t, BODY);
    });
    for_each_term(fields.title, |t| c.add(t, TITLE));
    for tag in fields.tags {
        for_each_term(tag, |t| c.add(t, TAG));
    }
    add_alias_groups(fields, aliases, &mut c);
    let distinct = c.distinct();
    let keyed: Vec<(u64, &str)> = distinct.iter().map(|o| (o.hash, c.term(o))).collect();
    let ids = table.intern_sorted(&keyed, len as usize);
    let best = c.keywords(&distinct, keywords);
    let mut terms: Vec<(TermId, u32)> = ids
        .iter()
        .zip(&distinct)
        .map(|(&id, o)| (id, o.stat.value()))
        .collect();
    terms.sort_unstable_by_key(|t| t.0);
    let bytes =
        fields.text.len() + fields.title.len() + fields.tags.iter().map(String::len).sum::<usize>();
    let keywords = best.into_iter().map(|k| ids[k]).collect();
    PageTerms::pack(&terms, len, keywords, bytes as u32)
}

/// One occurrence of a term in a field of a page.
struct Occurrence {
    hash: u64,
    start: u32,
    end: u32,
    stat: TermStat,
}

/// Collects occurrences into an arena.
#[derive(Default)]
struct Collector {
    arena: String,
    found: Vec<Occurrence>,
}

impl Collector {
    fn add(&mut self, term: &str, stat: TermStat) {
        let start = self.arena.len() as u32;
        self.arena.push_str(term);
        let hash = BuildHasherDefault::<FxHasher>::default().hash_one(term);
        self.found.push(Occurrence {
            hash,
            start,
            end: self.arena.len() as u32,
            stat,
        });
    }

    fn term(&self, o: &Occurrence) -> &str {
        &self.arena[o.start as usize..o.end as usize]
    }

    /// The distinct terms, sorted by hash, with their stats summed. Sorting
    /// by the hash alone is cheap; texts are compared only within a run of
    /// equal hashes, where two different terms are told apart.
    fn distinct(&mut self) -> Vec<Occurrence> {
        let mut found = std::mem::take(&mut self.found);
        found.sort_unstable_by_key(|o| o.hash);
        let mut terms: Vec<Occurrence> = Vec::with_capacity(found.len() / 2);
        let mut run_start = 0;
        for o in found {
            if terms.last().is_none_or(|t| t.hash != o.hash) {
                run_start = terms.len();
            }
            let same = terms[run_start..]
                .iter()
                .position(|t| self.term(t) == self.term(&o));
            match same {
                Some(k) => {
                    let t = &mut terms[run_start + k];
                    t.stat.tf += o.stat.tf;
                    t.stat.flags |= o.stat.flags;
                }
                None => terms.push(o),
            }
        }
        terms
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

fn add_alias_groups(doc: Fields, aliases: &AliasMatcher, c: &mut Collector) {
    if aliases.groups.is_empty() {
        return;
    }
    let mut found = HashMap::new();
    aliases.count_in(doc.text, &mut found);
    for (g, n) in found {
        c.add(&group_term(g), TermStat { tf: n, flags: 0 });
    }
    let mut found = HashMap::new();
    aliases.count_in(doc.title, &mut found);
    for g in found.into_keys() {
        c.add(&group_term(g), TITLE);
    }
    let mut found = HashMap::new();
    for tag in doc.tags {
        aliases.count_in(tag, &mut found);
    }
    for g in found.into_keys() {
        c.add(&group_term(g), TAG);
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
