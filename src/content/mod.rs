//! The content model: pages, sections, front matter and the names pages
//! are linked by.
//!
//! Everything here is plain data built from `content/**/*.md`; no rendering
//! crates. The `Library` is what `build` loads once and `serve` updates one
//! file at a time (`upsert`, `remove`, then `finish`).

pub mod controls;
pub mod date;
pub mod front_matter;
pub mod links;
pub mod mention_fit;
pub mod page;
mod parse;
pub mod slug;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::config::Config;
use crate::diagnostics::{Diagnostic, Diagnostics};
pub use page::{Page, PageKind, Section};
pub use parse::ChineseWatch;
use parse::{parse_file, Parsed};

/// All pages and sections of a site, sorted by source path.
#[derive(Debug, Default, Clone)]
pub struct Library {
    pub pages: Vec<Page>,
    pub sections: Vec<Section>,
    /// Pages whose slug another page of their folder already has (they get
    /// a `-1` suffix so analysis goes on; a build refuses them).
    pub slug_clashes: Vec<SlugClash>,
    by_file: HashMap<PathBuf, usize>,
}

/// Two pages asking for one URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlugClash {
    /// The page that has the URL.
    pub first: PathBuf,
    /// The page that asked for it too.
    pub second: PathBuf,
    /// Whether `second`'s slug comes from a `slug` key (else its file name or title).
    pub explicit: bool,
    /// The URL path both asked for (`blog/same/`).
    pub path: String,
}

impl Library {
    /// Takes every page's Markdown source out of the library (same order as
    /// `pages`). A one-shot build needs it only for the page pass; `serve`
    /// keeps it to re-render after edits.
    pub fn release_sources(&mut self) -> Vec<String> {
        self.pages
            .iter_mut()
            .map(|p| std::mem::take(&mut p.body))
            .collect()
    }

    /// Reads every `.md` file under `content/` in parallel; per-file problems
    /// go to `diags` and the file is left out.
    pub fn load(config: &Config, diags: &Diagnostics) -> Library {
        Library::load_watching(config, diags, &ChineseWatch::new(&|| {}))
    }

    /// `load`, telling `watch` as soon as a page with Chinese text is read
    /// (so whoever segments Chinese can start loading its dictionary while
    /// the rest is read).
    pub fn load_watching(config: &Config, diags: &Diagnostics, watch: &ChineseWatch) -> Library {
        let dir = config.root.join("content");
        let files: Vec<PathBuf> =
            crate::site_files::files_under(&config.root, &dir, &mut |d| diags.push(d))
                .into_iter()
                .filter(|f| is_markdown(f))
                .collect();
        let parsed: Vec<Parsed> = files
            .par_iter()
            .filter_map(|f| {
                let mut warnings = Vec::new();
                let parsed = parse_file(config, &dir, f, &mut warnings, Some(watch));
                diags.extend(warnings);
                match parsed {
                    Ok(p) => Some(p),
                    Err(d) => {
                        diags.push(d);
                        None
                    }
                }
            })
            .collect();
        let mut lib = Library::default();
        let mut pages: Vec<Box<Page>> = Vec::with_capacity(parsed.len());
        for p in parsed {
            match p {
                Parsed::Page(page) => pages.push(page),
                Parsed::Section(s) => lib.sections.push(*s),
                Parsed::Draft => {}
            }
        }
        // Unboxing writes every page into fresh memory, which the kernel
        // zeroes on first touch: both cores share that instead of one.
        lib.pages = pages.into_par_iter().map(|p| *p).collect();
        lib.finish();
        lib
    }

    /// Re-reads one file (added or changed); returns its warnings, or the
    /// problem if it does not parse (the previous version of the page then
    /// stays in the library).
    pub fn upsert(&mut self, config: &Config, file: &Path) -> Result<Vec<Diagnostic>, Diagnostic> {
        let dir = config.root.join("content");
        let root = crate::site_files::real_root(&config.root);
        if let Some(d) = crate::site_files::outside(&root, file) {
            return Err(d);
        }
        let mut warnings = Vec::new();
        match parse_file(config, &dir, file, &mut warnings, None)? {
            Parsed::Page(mut page) => match self.by_file.get(file) {
                // An edit that keeps the slug keeps the page's place: no re-slugging.
                Some(&i) if page_slug_base(&page) == page_slug_base(&self.pages[i]) => {
                    page.path = std::mem::take(&mut self.pages[i].path);
                    self.pages[i] = *page;
                    return Ok(warnings);
                }
                Some(&i) => self.pages[i] = *page,
                None => self.pages.push(*page),
            },
            Parsed::Section(s) => {
                self.sections.retain(|x| x.dir != s.dir);
                self.sections.push(*s);
            }
            Parsed::Draft => {
                self.pages.retain(|p| p.file != file);
            }
        }
        self.finish();
        Ok(warnings)
    }

    /// Forgets a deleted file. Returns true when it was known.
    pub fn remove(&mut self, file: &Path) -> bool {
        let before = self.pages.len() + self.sections.len();
        self.pages.retain(|p| p.file != file);
        self.sections.retain(|s| s.file.as_deref() != Some(file));
        self.finish();
        before != self.pages.len() + self.sections.len()
    }

    /// Sorts pages, drops drafts' duplicates, assigns unique slugs and paths.
    fn finish(&mut self) {
        self.pages.sort_by(|a, b| a.rel.cmp(&b.rel));
        self.sections.sort_by(|a, b| a.dir.cmp(&b.dir));
        // Slugging is per page (in parallel); only making them unique is not.
        let bases: Vec<String> = self.pages.par_iter().map(page_slug_base).collect();
        let mut used: HashMap<String, slug::SlugSet> = HashMap::new();
        let mut owner: HashMap<String, PathBuf> = HashMap::new();
        self.slug_clashes.clear();
        for (page, base) in self.pages.iter_mut().zip(bases) {
            let dir = page.dir().to_string();
            let wanted = page_path(&dir, &base);
            if let Some(first) = owner.get(&wanted) {
                self.slug_clashes.push(SlugClash {
                    first: first.clone(),
                    second: page.file.clone(),
                    explicit: page.meta.slug.is_some(),
                    path: wanted,
                });
            }
            let slug = used.entry(dir.clone()).or_default().unique(&base);
            page.path = page_path(&dir, &slug);
            owner.insert(page.path.clone(), page.file.clone());
        }
        self.by_file = self
            .pages
            .iter()
            .enumerate()
            .map(|(i, p)| (p.file.clone(), i))
            .collect();
    }

    pub fn index_of(&self, file: &Path) -> Option<usize> {
        self.by_file.get(file).copied()
    }

    pub fn section(&self, dir: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.dir == dir)
    }

    /// Indices of pages, newest first (by date, then title).
    pub fn by_date(&self) -> Vec<usize> {
        let mut idx: Vec<usize> = (0..self.pages.len()).collect();
        idx.sort_by(|&a, &b| {
            let (pa, pb) = (&self.pages[a], &self.pages[b]);
            pb.meta
                .date
                .cmp(&pa.meta.date)
                .then_with(|| pa.meta.title.cmp(&pb.meta.title))
        });
        idx
    }
}

/// `blog` + `a` → `blog/a/`; `` + `a` → `a/`.
fn page_path(dir: &str, slug: &str) -> String {
    if dir.is_empty() {
        format!("{slug}/")
    } else {
        format!("{dir}/{slug}/")
    }
}

fn is_markdown(p: &Path) -> bool {
    p.extension().is_some_and(|e| e == "md")
        && !p
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'))
}

/// The slug a page asks for: `slug` in front matter, else its file name
/// (a Chinese file name stays Chinese), else its title.
fn page_slug_base(page: &Page) -> String {
    if let Some(s) = page.meta.slug.as_deref() {
        let s = slug::slugify(s);
        if !s.is_empty() {
            return s;
        }
    }
    let stem = page
        .rel
        .rsplit('/')
        .next()
        .unwrap_or("")
        .trim_end_matches(".md");
    let stem = if stem == "index" {
        page.dir().rsplit('/').next().unwrap_or("")
    } else {
        stem
    };
    let s = slug::slugify(stem);
    if !s.is_empty() {
        return s;
    }
    slug::slugify(&page.meta.title)
}
