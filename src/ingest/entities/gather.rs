//! Mentions gathered into entities across case studies: two mentions are
//! one entity when they share a key (`identity::key`, of their names and
//! forms), or when both are the founder of one company and share a surname
//! across languages (`Frank Wang` and `汪滔`).

use std::collections::{BTreeMap, HashMap};

use super::identity;
use super::page_text::Appearance;
use crate::content::front_matter::EntityMention;

/// A case study and the entities its header records.
pub(super) struct CaseStudy {
    pub appearance: Appearance,
    pub chinese: bool,
    pub entities: Vec<EntityMention>,
}

/// Everything the site's pages say of one entity.
#[derive(Default)]
pub(super) struct Gathered<'a> {
    pub mentions: Vec<(&'a CaseStudy, &'a EntityMention)>,
}

/// The keys a mention is known by: its own and those of its forms.
fn keys_of(m: &EntityMention) -> Vec<String> {
    let mut keys = vec![identity::key(&m.name, &m.english)];
    for form in &m.forms {
        let k = identity::key(form, "");
        if !keys.contains(&k) && !k.starts_with("mr ") {
            keys.push(k);
        }
    }
    keys
}

/// Mentions grouped into entities: two mentions are one entity when they share a key.
pub(super) fn gather(studies: &[CaseStudy]) -> Vec<Gathered<'_>> {
    let all: Vec<(&CaseStudy, &EntityMention)> = studies
        .iter()
        .flat_map(|s| s.entities.iter().map(move |m| (s, m)))
        .collect();
    let mut parent: Vec<usize> = (0..all.len()).collect();
    let mut owner: HashMap<String, usize> = HashMap::new();
    for (i, (_, m)) in all.iter().enumerate() {
        for key in keys_of(m) {
            match owner.get(&key) {
                Some(&j) => union(&mut parent, i, j),
                None => {
                    owner.insert(key, i);
                }
            }
        }
    }
    // The founders of one company with one surname are one person across
    // languages (`Frank Wang` and `汪滔` of DJI, `Colin Huang` and `黄峥`).
    let mut founders: HashMap<String, usize> = HashMap::new();
    for (i, (study, m)) in all.iter().enumerate() {
        let Some(key) = founder_key(study, m) else {
            continue;
        };
        match founders.get(&key) {
            Some(&j) => union(&mut parent, i, j),
            None => {
                founders.insert(key, i);
            }
        }
    }
    let mut groups: BTreeMap<usize, Gathered> = BTreeMap::new();
    for (i, mention) in all.into_iter().enumerate() {
        let root = find(&mut parent, i);
        groups.entry(root).or_default().mentions.push(mention);
    }
    groups.into_values().collect()
}

/// `company key + surname` of an article's founder: the surname is the last
/// word of an English name (the first of one in pinyin order), the first
/// syllable of a Chinese one.
fn founder_key(study: &CaseStudy, m: &EntityMention) -> Option<String> {
    if m.role != "founder" || m.kind != "person" {
        return None;
    }
    let company = study.entities.iter().find(|e| e.role == "main")?;
    let company = identity::key(&company.name, &company.english);
    let surname = if crate::text::has_cjk(&m.name) {
        let english = match m.english.is_empty() {
            true => identity::romanised(&identity::simplified(&m.name))?,
            false => m.english.clone(),
        };
        english.split(' ').next()?.to_lowercase()
    } else if crate::ingest::meta::names::looks_like_person_en(&m.name) {
        // Pinyin order, surname first (`Zhang Yiming`).
        m.name.split(' ').next()?.to_lowercase()
    } else {
        m.name.rsplit(' ').next()?.to_lowercase()
    };
    Some(format!("{company}\u{1f}{surname}"))
}

fn find(parent: &mut [usize], i: usize) -> usize {
    let mut r = i;
    while parent[r] != r {
        r = parent[r];
    }
    parent[i] = r;
    r
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb {
        parent[ra.max(rb)] = ra.min(rb);
    }
}
