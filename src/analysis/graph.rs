//! The link graph: who links to whom, backlinks, and related case studies.
//!
//! Filled from the links the Markdown pass found in each page. Related pages
//! are scored from shared entities (which are bilingual, so an English and a
//! Chinese study of the same thing meet), shared tags and shared keywords,
//! each weighted by rarity; candidates come from posting lists, so the cost
//! stays near-linear at 10,000 pages.

use foldhash::{HashMap, HashSet};

use rayon::prelude::*;

use crate::content::links::{LinkKind, OutLink};
use crate::content::{Library, PageKind};

/// Features a page contributes to relatedness scoring.
#[derive(Debug, Clone, Default)]
pub struct PageFeatures {
    pub entities: Vec<usize>,
    pub tags: Vec<String>,
    /// The page's keywords, as numbers of the search index's term table.
    pub keywords: Vec<u32>,
}

#[derive(Debug, Clone, Default)]
pub struct LinkGraph {
    /// Distinct pages each page links to (no self links).
    pub outgoing: Vec<Vec<usize>>,
    /// Distinct pages linking to each page, sorted.
    pub backlinks: Vec<Vec<usize>>,
    /// 3–5 related case studies per page, best first.
    pub related: Vec<Vec<usize>>,
}

const RELATED_MAX: usize = 5;
/// How many postings one page may visit when looking for related pages.
const POSTING_BUDGET: usize = 4000;

impl LinkGraph {
    /// Outgoing links and backlinks of the library's pages; `related` left empty.
    pub fn from_links(lib: &Library, links: &[&[OutLink]]) -> LinkGraph {
        let n = lib.pages.len();
        let mut outgoing = vec![Vec::new(); n];
        let mut backlinks = vec![Vec::new(); n];
        for (from, ls) in links.iter().enumerate() {
            for l in ls.iter() {
                if l.target != from && l.target < n && !outgoing[from].contains(&l.target) {
                    outgoing[from].push(l.target);
                    backlinks[l.target].push(from);
                }
            }
        }
        // An entity page lists the case studies that mention it ("Mentioned in"),
        // so each mention is also a rendered link from the entity back to the study.
        for (from, ls) in links.iter().enumerate() {
            if lib.pages[from].kind != PageKind::CaseStudy {
                continue;
            }
            for l in ls.iter().filter(|l| l.kind == LinkKind::Mention) {
                if lib.pages[l.target].kind == PageKind::Entity
                    && !backlinks[from].contains(&l.target)
                {
                    backlinks[from].push(l.target);
                }
            }
        }
        for b in &mut backlinks {
            b.sort_unstable();
        }
        LinkGraph {
            outgoing,
            backlinks,
            related: vec![Vec::new(); n],
        }
    }
}

/// A feature key in one shared posting space.
#[derive(Hash, PartialEq, Eq, Clone)]
enum Feature<'a> {
    Entity(usize),
    Tag(&'a str),
    Word(u32),
}

fn weight(f: &Feature) -> f64 {
    match f {
        Feature::Entity(_) => 3.0,
        Feature::Tag(_) => 2.0,
        Feature::Word(_) => 0.5,
    }
}

fn features_of<'a>(f: &'a PageFeatures) -> Vec<Feature<'a>> {
    let mut out: Vec<Feature> = f.entities.iter().map(|&e| Feature::Entity(e)).collect();
    out.extend(f.tags.iter().map(|t| Feature::Tag(t.as_str())));
    out.extend(f.keywords.iter().map(|&w| Feature::Word(w)));
    out
}

/// Posting lists of case-study features, for ranking related pages. Built
/// once; `related` ranks any subset of pages (`serve` re-ranks only the pages
/// whose posting lists an edit touched).
pub struct RelatedIndex<'a> {
    features: &'a [PageFeatures],
    /// Page numbers as `u32`: ranking reads thousands of them per page.
    postings: HashMap<Feature<'a>, Vec<u32>>,
    total: f64,
}

impl<'a> RelatedIndex<'a> {
    pub fn new(lib: &Library, features: &'a [PageFeatures]) -> RelatedIndex<'a> {
        RelatedIndex::with_postings(lib, features, |_| true)
    }

    /// An index holding only the posting lists `pages` need: ranking them
    /// gives the same lists as the full index, at a fraction of the cost.
    pub fn for_pages(
        lib: &Library,
        features: &'a [PageFeatures],
        pages: &[usize],
    ) -> RelatedIndex<'a> {
        let wanted: HashSet<Feature> = pages
            .iter()
            .filter_map(|&i| features.get(i))
            .flat_map(features_of)
            .collect();
        RelatedIndex::with_postings(lib, features, |f| wanted.contains(f))
    }

    /// Posting lists of the case studies' features that `keep` accepts.
    fn with_postings(
        lib: &Library,
        features: &'a [PageFeatures],
        keep: impl Fn(&Feature) -> bool,
    ) -> RelatedIndex<'a> {
        let mut postings: HashMap<Feature, Vec<u32>> = HashMap::default();
        for (i, f) in features.iter().enumerate() {
            if lib
                .pages
                .get(i)
                .is_some_and(|p| p.kind == PageKind::CaseStudy)
            {
                for feat in features_of(f).into_iter().filter(|x| keep(x)) {
                    postings.entry(feat).or_default().push(i as u32);
                }
            }
        }
        RelatedIndex {
            features,
            postings,
            total: lib.pages.len().max(1) as f64,
        }
    }

    /// Related pages of each of `pages`, in the same order.
    pub fn related(&self, pages: &[usize]) -> Vec<Vec<usize>> {
        let n = self.features.len();
        pages
            .par_iter()
            .with_min_len(128)
            .map_init(
                || (vec![0f64; n], Vec::new()),
                |(scores, touched), &i| {
                    let f = &self.features[i];
                    rank_for(i, f, &self.postings, self.total, scores, touched)
                },
            )
            .collect()
    }
}

/// Scores the pages sharing rare features with page `i`, within a fixed budget of postings.
fn rank_for(
    i: usize,
    f: &PageFeatures,
    postings: &HashMap<Feature, Vec<u32>>,
    total: f64,
    scores: &mut [f64],
    touched: &mut Vec<usize>,
) -> Vec<usize> {
    let mut lists: Vec<(&Feature, &Vec<u32>)> = features_of(f)
        .iter()
        .filter_map(|feat| postings.get_key_value(feat))
        .collect();
    lists.sort_by_key(|(_, l)| l.len());
    let mut budget = POSTING_BUDGET;
    for (feat, list) in lists {
        if list.len() > budget {
            break;
        }
        budget -= list.len();
        let gain = weight(feat) * ((total / list.len() as f64).ln() + 1.0);
        for j in list.iter().map(|&j| j as usize).filter(|&j| j != i) {
            if scores[j] == 0.0 {
                touched.push(j);
            }
            scores[j] += gain;
        }
    }
    // The best few by a single scan (a full sort of every candidate cost
    // more than the scoring): higher score first, then lower page index.
    let better = |a: (usize, f64), b: (usize, f64)| a.1 > b.1 || (a.1 == b.1 && a.0 < b.0);
    let mut best: Vec<(usize, f64)> = Vec::with_capacity(RELATED_MAX + 1);
    for &j in touched.iter() {
        let cand = (j, scores[j]);
        scores[j] = 0.0;
        if best.len() == RELATED_MAX && !better(cand, best[RELATED_MAX - 1]) {
            continue;
        }
        let at = best
            .iter()
            .position(|&b| better(cand, b))
            .unwrap_or(best.len());
        best.insert(at, cand);
        best.truncate(RELATED_MAX);
    }
    touched.clear();
    best.into_iter().map(|(j, _)| j).collect()
}
