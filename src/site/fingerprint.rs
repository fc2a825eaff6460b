//! Fingerprints of what each output file's template sees.
//!
//! `serve` re-renders an HTML file only when the hash of its inputs changed:
//! a page's own source and body, the heads (title, URL, date, summary,
//! category) of the pages it lists, its tags with their counts, its
//! backlinks, related pages and mentions, and the site-wide view. The hashes
//! are conservative (anything in the template context counts) and cheap:
//! per-page source and body hashes are cached and recomputed only for the
//! pages an edit touched, so a fingerprint pass over 10,000 pages stays in
//! the low milliseconds.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use rayon::prelude::*;

use super::Site;
use crate::content::PageKind;
use crate::render::pages::Job;

/// Most recent case studies on the home page (as in `render::pages`).
const HOME_LATEST: usize = 12;

/// Cached per-page hashes (same index as `library.pages`).
#[derive(Debug, Default, Clone)]
pub(super) struct PageHashes {
    /// Front matter, file, language, template: what the file says.
    pub source: Vec<u64>,
    /// Rendered body: HTML, table of contents, mention snippets.
    pub body: Vec<u64>,
    /// Entities each page mentions, with the hash of the snippet around it.
    pub mentions: Vec<Vec<(usize, u64)>>,
}

/// One HTML output file and the fingerprint of its inputs.
pub(super) struct JobPrint {
    pub job: Job,
    pub path: String,
    pub print: u64,
}

pub(super) fn hash_of(value: impl Hash) -> u64 {
    let mut h = FastHasher::default();
    value.hash(&mut h);
    h.finish()
}

/// A fast 64-bit hasher for change detection (not for untrusted hash-map
/// keys): each 8-byte word is folded in with a 128-bit multiply, which mixes
/// well enough that different inputs practically never share a value.
pub(super) struct FastHasher(u64);

const SEED: u64 = 0x243f_6a88_85a3_08d3;
const MULTIPLIER: u64 = 0x9e37_79b9_7f4a_7c15;

impl Default for FastHasher {
    fn default() -> Self {
        FastHasher(SEED)
    }
}

impl FastHasher {
    fn mix(&mut self, word: u64) {
        let m = u128::from(self.0 ^ word) * u128::from(MULTIPLIER);
        self.0 = (m as u64) ^ ((m >> 64) as u64) ^ SEED;
    }
}

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.mix(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        let mut w = [0u8; 8];
        w[..rest.len()].copy_from_slice(rest);
        // The length keeps `ab` + `c` apart from `a` + `bc`.
        self.mix(u64::from_le_bytes(w) ^ ((bytes.len() as u64) << 56));
    }

    fn write_u64(&mut self, n: u64) {
        self.mix(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.mix(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl PageHashes {
    /// Hashes of every page.
    pub fn all(site: &Site) -> PageHashes {
        let n = site.library.pages.len();
        PageHashes {
            source: (0..n)
                .into_par_iter()
                .map(|i| source_hash(site, i))
                .collect(),
            body: (0..n).into_par_iter().map(|i| body_hash(site, i)).collect(),
            mentions: (0..n)
                .into_par_iter()
                .map(|i| mention_hashes(site, i))
                .collect(),
        }
    }

    /// Refreshes the hashes of `pages` only (the page set did not change).
    pub fn update(&mut self, site: &Site, pages: &[usize]) {
        for &i in pages {
            if let (Some(s), Some(b), Some(m)) = (
                self.source.get_mut(i),
                self.body.get_mut(i),
                self.mentions.get_mut(i),
            ) {
                *s = source_hash(site, i);
                *b = body_hash(site, i);
                *m = mention_hashes(site, i);
            }
        }
    }
}

fn source_hash(site: &Site, i: usize) -> u64 {
    let p = &site.library.pages[i];
    // FrontMatter has no Hash; its Debug form covers every field, `extra` included.
    hash_of((
        format!("{:?}", p.meta),
        &p.rel,
        &p.lang,
        &p.tags,
        &p.category,
    ))
}

fn mention_hashes(site: &Site, i: usize) -> Vec<(usize, u64)> {
    site.analysis.bodies[i]
        .mentions
        .iter()
        .map(|(e, snippet)| (*e, hash_of(snippet)))
        .collect()
}

/// The body HTML is rendered only when the page is written, from the page's
/// Markdown and the pages it links to (whose heads the page print holds), so
/// the Markdown, its table of contents and its mentions stand for it.
fn body_hash(site: &Site, i: usize) -> u64 {
    let p = &site.library.pages[i];
    let b = &site.analysis.bodies[i];
    let toc: Vec<(u8, &str, &str)> = b
        .toc
        .iter()
        .map(|t| (t.level, t.id.as_str(), t.title.as_str()))
        .collect();
    let links: Vec<(usize, Option<&str>)> = b
        .links
        .iter()
        .map(|l| (l.target, l.anchor.as_deref()))
        .collect();
    hash_of((&p.body, p.body_line, &b.html, toc, &b.mentions, links))
}

impl Site {
    /// The output path of a job under `public/` (as `render_job` writes it).
    pub fn job_path(&self, job: &Job) -> String {
        match job {
            Job::Page(i) => format!("{}index.html", self.library.pages[*i].path),
            Job::Section(dir) => format!("{dir}/index.html"),
            Job::Home => "index.html".into(),
            Job::TagList => "tags/index.html".into(),
            Job::Tag(slug) => format!("tags/{slug}/index.html"),
            Job::CategoryList => "categories/index.html".into(),
            Job::Category(slug) => format!("categories/{slug}/index.html"),
            Job::Search => "search/index.html".into(),
            Job::Timeline => "timeline/index.html".into(),
            Job::Graph => "graph/index.html".into(),
            Job::NotFound => "404.html".into(),
        }
    }

    /// Fingerprints of every HTML job of the site, and of the support files
    /// (feeds, sitemap, redirects).
    pub(super) fn job_prints(&self, hashes: &PageHashes) -> (Vec<JobPrint>, u64) {
        let prints = Prints::new(self, hashes);
        let jobs = self
            .model()
            .all_jobs()
            .into_par_iter()
            .map(|job| JobPrint {
                path: self.job_path(&job),
                print: prints.job(&job),
                job,
            })
            .collect();
        (jobs, prints.support())
    }
}

/// Everything needed to fingerprint jobs, computed once per rebuild.
struct Prints<'a> {
    site_ref: &'a Site,
    hashes: &'a PageHashes,
    /// Hash of each page as other pages list it (`PageRef`).
    head: Vec<u64>,
    /// Hash of each tag term as pages show it (name, count), by slug.
    tags: HashMap<&'a str, u64>,
    /// Hash of the site-wide view every template gets.
    site: u64,
    /// Pages of each folder, newest first: (head, weight).
    sections: HashMap<&'a str, Vec<(u64, Option<i64>)>>,
}

impl<'a> Prints<'a> {
    fn new(site: &'a Site, hashes: &'a PageHashes) -> Prints<'a> {
        let head: Vec<u64> = (0..site.library.pages.len())
            .into_par_iter()
            .map(|i| head_hash(site, i))
            .collect();
        let tags = site
            .analysis
            .lists
            .tags
            .terms
            .iter()
            .map(|t| (t.slug.as_str(), hash_of((&t.name, t.pages.len()))))
            .collect();
        let view = site.model().site_view();
        let categories: Vec<(&str, usize)> = view
            .categories
            .iter()
            .map(|c| (c.slug.as_str(), c.count))
            .collect();
        let sections: Vec<(&str, &str)> = view
            .sections
            .iter()
            .map(|s| (s.title.as_str(), s.url.as_str()))
            .collect();
        let site_hash = hash_of((
            &view.title,
            &view.description,
            &view.base_url,
            &view.language,
            categories,
            sections,
            view.page_count,
        ));
        let mut sections: HashMap<&str, Vec<(u64, Option<i64>)>> = HashMap::new();
        for &i in &site.analysis.lists.order {
            let p = &site.library.pages[i];
            sections
                .entry(p.dir())
                .or_default()
                .push((head[i], p.meta.weight));
        }
        Prints {
            site_ref: site,
            hashes,
            head,
            tags,
            site: site_hash,
            sections,
        }
    }

    fn support(&self) -> u64 {
        let s = self.site_ref;
        let heads: Vec<u64> = s
            .analysis
            .lists
            .order
            .iter()
            .map(|&i| self.head[i])
            .collect();
        let tags: Vec<(&str, Vec<u64>)> = s
            .analysis
            .lists
            .tags
            .terms
            .iter()
            .map(|t| (t.slug.as_str(), self.heads(&t.pages)))
            .collect();
        let sections: Vec<&&str> = self.sections.keys().collect();
        let mut sections = sections;
        sections.sort();
        hash_of((self.site, heads, &self.hashes.source, tags, sections))
    }

    fn heads(&self, pages: &[usize]) -> Vec<u64> {
        pages.iter().map(|&i| self.head[i]).collect()
    }

    fn job(&self, job: &Job) -> u64 {
        let s = self.site_ref;
        let own = match job {
            Job::Page(i) => self.page(*i),
            Job::Section(dir) => self.section(dir),
            Job::Home => self.home(),
            Job::TagList => hash_of(self.all_tags()),
            Job::Tag(slug) => hash_of(
                s.analysis
                    .lists
                    .tags
                    .get(slug)
                    .map(|t| (&t.name, self.heads(&t.pages))),
            ),
            Job::CategoryList => 0,
            Job::Category(slug) => hash_of(
                s.analysis
                    .lists
                    .categories
                    .get(slug)
                    .map(|t| self.heads(&t.pages)),
            ),
            Job::Search | Job::NotFound => 0,
            Job::Timeline => hash_of(
                s.analysis
                    .lists
                    .timeline
                    .iter()
                    .map(|e| (&e.date, &e.sentence, self.head[e.page]))
                    .collect::<Vec<_>>(),
            ),
            Job::Graph => self.graph(),
        };
        hash_of((job, self.site, own))
    }

    /// Page `i`'s inputs, fed straight into one hasher (no allocation: this
    /// runs for every page on every rebuild). Lists are separated by their
    /// lengths so that moving an item from one list to the next counts.
    fn page(&self, i: usize) -> u64 {
        let s = self.site_ref;
        let mut h = FastHasher::default();
        h.write_u64(self.hashes.source[i]);
        h.write_u64(self.hashes.body[i]);
        h.write_u64(self.head[i]);
        let tags = &s.analysis.features[i].tags;
        h.write_usize(tags.len());
        for t in tags {
            h.write_u64(self.tags.get(t.as_str()).copied().unwrap_or(0));
        }
        for list in [
            &s.analysis.graph.backlinks[i],
            &s.analysis.graph.related[i],
            &s.analysis.graph.outgoing[i],
        ] {
            h.write_usize(list.len());
            for &j in list {
                h.write_u64(self.head[j]);
            }
        }
        if s.library.pages[i].kind == PageKind::Entity {
            for &j in &s.analysis.graph.backlinks[i] {
                if let Some((_, snippet)) = self.hashes.mentions[j].iter().find(|(t, _)| *t == i) {
                    h.write_u64(self.head[j]);
                    h.write_u64(*snippet);
                }
            }
        }
        h.finish()
    }

    fn section(&self, dir: &str) -> u64 {
        let s = self.site_ref;
        let pages = self.sections.get(dir);
        let sec = s
            .library
            .sections
            .iter()
            .zip(&s.analysis.sections)
            .find(|(sec, _)| sec.dir == dir)
            .map(|(sec, body)| (format!("{:?}", sec.meta), &body.html));
        hash_of((sec, pages))
    }

    fn home(&self) -> u64 {
        let s = self.site_ref;
        let latest: Vec<u64> = s
            .analysis
            .lists
            .order
            .iter()
            .filter(|&&i| s.library.pages[i].kind == PageKind::CaseStudy)
            .take(HOME_LATEST)
            .map(|&i| self.head[i])
            .collect();
        let intro = s
            .library
            .sections
            .iter()
            .zip(&s.analysis.sections)
            .find(|(sec, _)| sec.dir.is_empty())
            .map(|(_, body)| &body.html);
        hash_of((latest, self.all_tags(), intro))
    }

    fn all_tags(&self) -> Vec<(&str, u64)> {
        self.site_ref
            .analysis
            .lists
            .tags
            .terms
            .iter()
            .map(|t| {
                (
                    t.slug.as_str(),
                    self.tags.get(t.slug.as_str()).copied().unwrap_or(0),
                )
            })
            .collect()
    }

    fn graph(&self) -> u64 {
        let s = self.site_ref;
        let nodes: Vec<(u64, &Vec<usize>, usize)> = (0..s.library.pages.len())
            .map(|i| {
                (
                    self.head[i],
                    &s.analysis.graph.outgoing[i],
                    s.analysis.graph.backlinks[i].len(),
                )
            })
            .collect();
        hash_of(nodes)
    }
}

/// What a list shows of a page: title, URL, language, kind, date, summary, category.
fn head_hash(site: &Site, i: usize) -> u64 {
    let p = &site.library.pages[i];
    let category = p.category.as_deref().map(|c| {
        let count = site
            .analysis
            .lists
            .categories
            .get(c)
            .map(|t| t.pages.len())
            .unwrap_or(0);
        (c, count)
    });
    hash_of((
        &p.meta.title,
        &p.path,
        &p.lang,
        p.kind as u8,
        &p.meta.date,
        &p.meta.summary,
        &p.meta.description,
        category,
    ))
}

#[cfg(test)]
mod tests {
    use super::hash_of;

    #[test]
    fn fast_hash_tells_small_differences_apart() {
        assert_ne!(hash_of(("ab", "c")), hash_of(("a", "bc")));
        assert_ne!(hash_of(vec![0u64, 1]), hash_of(vec![1u64, 0]));
        assert_ne!(hash_of(vec![0u64]), hash_of(vec![0u64, 0]));
        assert_ne!(hash_of("x".repeat(9)), hash_of("x".repeat(10)));
        assert_eq!(hash_of(("same", 1u64)), hash_of(("same", 1u64)));
        let many: std::collections::HashSet<u64> = (0..100_000u64).map(hash_of).collect();
        assert_eq!(many.len(), 100_000);
    }
}
