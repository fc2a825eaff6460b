//! Prints of what each output file's template gets.
//!
//! A job's print is the hash of the context its template receives, built by
//! the same code that builds it for rendering (`render::jobs`), with the
//! shared parts given as hashes (`Prints`, the print side of
//! `render::batch::Parts`): each page's list entry, bare link, what its
//! view holds of the page alone and its body's HTML are hashed when the page
//! is analysed and kept (`PageHashes`), and reused by every output that
//! shows them; the pictures are hashed from what
//! they show (the pages in them, as links, and their edges). So an output is
//! rendered again exactly when something its template gets changed, and a
//! field added to a view is in the print without further ado.

use std::collections::HashMap;
use std::hash::{BuildHasher, Hash, Hasher};
use std::sync::Mutex;

use foldhash::quality::{FixedState, FoldHasher};
use rayon::prelude::*;
use serde::ser::{Serialize, SerializeMap, Serializer};

use super::Site;
use crate::render::batch::{Parts, Tags};
use crate::render::pages::Job;
use crate::render::reads::SiteReads;
use crate::render::Model;

/// Per-page hashes kept between rebuilds (same index as `library.pages`).
#[derive(Debug, Default, Clone)]
pub(super) struct PageHashes {
    /// What each page's view holds of the page alone (`PageOwn`).
    own: Vec<u64>,
    /// Each page's body HTML.
    body: Vec<u64>,
    /// Each page as lists show it (`PageRef`) and as a bare link (`LinkRef`).
    page_ref: Vec<u64>,
    link_ref: Vec<u64>,
}

/// One HTML output file and the print of its context.
pub(super) struct JobPrint {
    pub job: Job,
    pub path: String,
    pub print: u64,
    /// The print was kept from the last pass, not computed.
    pub kept: bool,
}

fn hasher() -> FoldHasher<'static> {
    FixedState::default().build_hasher()
}

#[cfg(test)]
pub(super) fn hash_of(value: impl Hash) -> u64 {
    FixedState::default().hash_one(value)
}

/// A shared part as a print. It serialises as a one-entry map, so a part
/// flattened into a view and a nested one hash alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) struct Printed(u64);

impl Serialize for Printed {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(1))?;
        map.serialize_entry("print", &self.0)?;
        map.end()
    }
}

/// A hasher taking serialised bytes.
struct HashWriter<'h, 'a>(&'h mut FoldHasher<'a>);

impl std::io::Write for HashWriter<'_, '_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.write(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Feeds `value`, serialised, into `h`. (Views serialise to JSON without
/// fail: their maps have string keys.)
fn feed<T: Serialize + ?Sized>(h: &mut FoldHasher, value: &T) {
    if serde_json::to_writer(HashWriter(h), value).is_err() {
        h.write_u8(0xff);
    }
}

fn print_of<T: Serialize + ?Sized>(value: &T) -> u64 {
    let mut h = hasher();
    feed(&mut h, value);
    h.finish()
}

/// Where a job's print is collected.
pub(super) struct PrintSink(FoldHasher<'static>);

impl Default for PrintSink {
    fn default() -> Self {
        PrintSink(hasher())
    }
}

impl PageHashes {
    /// Hashes of every page.
    pub fn all(site: &Site) -> PageHashes {
        let model = site.model();
        let n = site.library.pages.len();
        let each = |f: &(dyn Fn(usize) -> u64 + Sync)| (0..n).into_par_iter().map(f).collect();
        PageHashes {
            own: each(&|i| print_of(&model.page_own(i))),
            body: each(&|i| hash_str(model.analysis.body_html(i))),
            page_ref: each(&|i| print_of(&model.page_ref(i))),
            link_ref: each(&|i| print_of(&model.link_ref(i))),
        }
    }

    /// Moves every page's hashes to its new place (see `reshape`).
    pub fn move_to(&mut self, moves: &super::reshape::Moves) {
        for v in [
            &mut self.own,
            &mut self.body,
            &mut self.page_ref,
            &mut self.link_ref,
        ] {
            *v = moves.apply(std::mem::take(v));
        }
    }

    /// Refreshes the hashes of `pages` only (the others' pages, URLs and
    /// bodies are as they were).
    pub fn update(&mut self, site: &Site, pages: &[usize]) {
        let model = site.model();
        let n = self.own.len();
        for &i in pages.iter().filter(|&&i| i < n) {
            self.own[i] = print_of(&model.page_own(i));
            self.body[i] = hash_str(model.analysis.body_html(i));
            self.page_ref[i] = print_of(&model.page_ref(i));
            self.link_ref[i] = print_of(&model.link_ref(i));
        }
    }
}

fn hash_str(s: &str) -> u64 {
    let mut h = hasher();
    h.write(s.as_bytes());
    h.finish()
}

/// The shared parts of one print pass, as hashes.
struct Prints<'a> {
    model: Model<'a>,
    hashes: &'a PageHashes,
    site: serde_json::Value,
    /// Print of what each template reads of `site`.
    site_prints: Mutex<HashMap<String, u64>>,
    tags: Tags<'a, u64>,
}

impl<'a> Prints<'a> {
    fn new(model: Model<'a>, hashes: &'a PageHashes) -> Prints<'a> {
        Prints {
            model,
            hashes,
            site: serde_json::to_value(model.site_view()).unwrap_or_default(),
            site_prints: Mutex::default(),
            tags: Tags::new(model),
        }
    }

    /// The fields of `site` that `template` reads, as a print.
    fn site_for(&self, template: &str) -> u64 {
        let make = || match (self.model.templates.site_reads(template), &self.site) {
            (SiteReads::Fields(read), serde_json::Value::Object(all)) => {
                let part: serde_json::Map<String, serde_json::Value> = (all.iter())
                    .filter(|(k, _)| read.contains(k.as_str()))
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
                print_of(&part)
            }
            _ => print_of(&self.site),
        };
        match self.site_prints.lock() {
            Ok(mut known) => *known.entry(template.to_string()).or_insert_with(make),
            Err(_) => make(),
        }
    }

    fn links(&self, pages: &[usize]) -> Vec<Printed> {
        pages.iter().map(|&p| self.link_ref(p)).collect()
    }
}

impl Parts for Prints<'_> {
    type Part = Printed;
    type Sink = PrintSink;

    fn put<T: Serialize + ?Sized>(sink: &mut PrintSink, key: &'static str, value: &T) {
        key.hash(&mut sink.0);
        feed(&mut sink.0, value);
    }

    fn put_part(sink: &mut PrintSink, key: &'static str, part: Printed) {
        key.hash(&mut sink.0);
        part.hash(&mut sink.0);
    }

    fn site(&self, template: &str) -> Printed {
        Printed(self.site_for(template))
    }

    fn page_ref(&self, i: usize) -> Printed {
        Printed(self.hashes.page_ref.get(i).copied().unwrap_or_default())
    }

    fn link_ref(&self, i: usize) -> Printed {
        Printed(self.hashes.link_ref.get(i).copied().unwrap_or_default())
    }

    fn tag(&self, name: &str) -> Printed {
        Printed((self.tags).get(name, || print_of(&self.model.page_tag(name))))
    }

    fn own(&self, i: usize) -> Printed {
        Printed(self.hashes.own.get(i).copied().unwrap_or_default())
    }

    fn body(&self, i: usize, _content: Option<&str>) -> Printed {
        Printed(self.hashes.body.get(i).copied().unwrap_or_default())
    }

    fn neighbourhood(&self, i: usize) -> Printed {
        let around = self.model.neighbours(i);
        Printed(match around.is_empty() {
            true => 0,
            false => FixedState::default().hash_one((self.link_ref(i), self.links(&around))),
        })
    }

    fn graph(&self) -> Printed {
        let (pages, edges) = self.model.graph_nodes();
        Printed(FixedState::default().hash_one((self.links(&pages), edges)))
    }

    fn list(&self, parts: Vec<Printed>) -> Printed {
        Printed(FixedState::default().hash_one(parts))
    }
}

impl Site {
    /// Prints of every HTML job of the site; a page marked in `keep` keeps
    /// the print its output has (see `unchanged`).
    pub(super) fn job_prints(&self, hashes: &PageHashes, keep: Option<&[bool]>) -> Vec<JobPrint> {
        let model = self.model();
        let prints = Prints::new(model, hashes);
        model
            .all_jobs()
            .into_par_iter()
            .map(|job| {
                if let Some(kept) = self.kept_print(&job, keep) {
                    return kept;
                }
                let mut sink = PrintSink::default();
                let (path, template) = model.job_context(&job, &prints, None, &mut sink);
                template.hash(&mut sink.0);
                JobPrint {
                    job,
                    path,
                    print: sink.0.finish(),
                    kept: false,
                }
            })
            .collect()
    }

    /// The print page `job` has, when `keep` says it holds.
    fn kept_print(&self, job: &Job, keep: Option<&[bool]>) -> Option<JobPrint> {
        let Job::Page(i) = job else {
            return None;
        };
        if !*keep?.get(*i)? {
            return None;
        }
        let path = format!("{}index.html", self.library.pages[*i].path);
        let print = *self.live.prints.get(&path)?;
        Some(JobPrint {
            job: job.clone(),
            path,
            print,
            kept: true,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::{hash_of, print_of, Printed};

    #[test]
    fn prints_tell_small_differences_apart() {
        assert_ne!(hash_of(("ab", "c")), hash_of(("a", "bc")));
        assert_ne!(hash_of(vec![0u64, 1]), hash_of(vec![1u64, 0]));
        assert_ne!(print_of(&["ab", "c"]), print_of(&["a", "bc"]));
        assert_ne!(print_of(&Printed(1)), print_of(&Printed(2)));
        assert_eq!(print_of(&("same", 1u64)), print_of(&("same", 1u64)));
        let many: std::collections::HashSet<u64> = (0..100_000u64).map(hash_of).collect();
        assert_eq!(many.len(), 100_000);
    }
}
