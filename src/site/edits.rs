//! Content edits in `serve`: re-reading changed files, then re-running the
//! page pass for the edited pages only (same page set and names), for the
//! pages whose links may resolve differently (the page set or a page's
//! names changed: `reshape`), or for every page (an entity's names changed,
//! which every page's mentions and search terms depend on).

use std::collections::HashMap;
use std::hash::{BuildHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
use std::time::Instant;

use foldhash::quality::FixedState;

use super::prints::PageHashes;
use super::report::RebuildReport;
use super::Site;
use crate::analysis::graph::PageFeatures;

impl Site {
    /// Re-reads content files; returns true when every body was re-rendered
    /// (the names of entity pages changed).
    pub(super) fn apply_content(
        &mut self,
        files: &[PathBuf],
        report: &mut RebuildReport,
        started: Instant,
    ) -> bool {
        let (before, lists_before) = match self.live.shape {
            Some(known) => known,
            None => (self.shape(), self.list_inputs()),
        };
        let old_features: HashMap<&PathBuf, PageFeatures> = files
            .iter()
            .filter_map(|f| {
                Some((
                    f,
                    self.analysis
                        .features
                        .get(self.library.index_of(f)?)?
                        .clone(),
                ))
            })
            .collect();
        let page_set = self.before_edit();
        report.lap("snapshot", started);
        let mut touched = Vec::new();
        for file in files {
            touched.extend(self.reread(file));
        }
        report.lap("parse", started);
        let after = (self.shape(), self.list_inputs());
        self.live.shape = Some(after);
        let reshaped = after.0 != before;
        let whole = reshaped && !self.can_reshape(&page_set);
        if reshaped || after.1 != lists_before {
            self.live.changed_pages = None;
        }
        if whole {
            self.live.pending_related.clear();
            self.reanalyse();
            self.live.hashes = PageHashes::all(self);
        } else if reshaped {
            report.lap("compare", started);
            let pages = self.reshape(&page_set, &touched);
            report.lap("bodies+graph", started);
            let mut hashes = std::mem::take(&mut self.live.hashes);
            hashes.update(self, &pages);
            self.live.hashes = hashes;
        } else {
            let pages: Vec<usize> = touched
                .iter()
                .filter_map(|f| self.library.index_of(f))
                .collect();
            let old: Vec<PageFeatures> = pages
                .iter()
                .map(|&i| {
                    let file = &self.library.pages[i].file;
                    old_features.get(file).cloned().unwrap_or_default()
                })
                .collect();
            let lists_changed = after.1 != lists_before;
            report.lap("compare", started);
            self.reanalyse_edited(&pages, &old, lists_changed);
            report.lap("bodies+graph", started);
            let mut hashes = std::mem::take(&mut self.live.hashes);
            hashes.update(self, &pages);
            self.live.hashes = hashes;
            if let Some(changed) = &mut self.live.changed_pages {
                changed.extend(&pages);
            }
        }
        report.lap("hashes", started);
        self.live
            .problems
            .insert("links".into(), self.link_problems());
        self.keep_problems("owners", self.output_problems());
        whole
    }

    /// Re-reads one path: a file (changed, added or deleted) or a folder.
    /// Returns the files now in the library.
    fn reread(&mut self, path: &Path) -> Vec<PathBuf> {
        if path.is_dir() {
            let files: Vec<PathBuf> = walkdir::WalkDir::new(path)
                .into_iter()
                .filter_map(Result::ok)
                .filter(|e| {
                    e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "md")
                })
                .map(|e| e.into_path())
                .collect();
            return files.iter().flat_map(|f| self.reread(f)).collect();
        }
        let key = path
            .strip_prefix(&self.config.root)
            .unwrap_or(path)
            .display()
            .to_string();
        if !path.exists() {
            self.live
                .problems
                .retain(|k, _| !Path::new(k).starts_with(&key));
            let gone: Vec<PathBuf> = (self.library.pages.iter().map(|p| p.file.clone()))
                .chain(self.library.sections.iter().filter_map(|s| s.file.clone()))
                .filter(|f| f.starts_with(path))
                .collect();
            for f in gone {
                self.library.remove(&f);
            }
            return Vec::new();
        }
        match self.library.upsert(&self.config, path) {
            Ok(warnings) => {
                self.keep_problems(&key, warnings);
                vec![path.to_path_buf()]
            }
            Err(d) => {
                self.live.problems.insert(key, vec![d]);
                Vec::new()
            }
        }
    }

    /// What link targets depend on: every page's file, path, kind and names.
    fn shape(&self) -> u64 {
        let mut h = FixedState::default().build_hasher();
        for p in &self.library.pages {
            (&p.rel, &p.path, p.kind as u8).hash(&mut h);
            p.names().for_each(|n| n.hash(&mut h));
        }
        h.finish()
    }

    /// What order, taxonomies and timeline depend on.
    fn list_inputs(&self) -> u64 {
        let mut h = FixedState::default().build_hasher();
        for p in &self.library.pages {
            (&p.meta.title, &p.meta.date, &p.tags, &p.category).hash(&mut h);
            for d in &p.meta.dates {
                (&d.date, &d.sentence).hash(&mut h);
            }
        }
        h.finish()
    }
}
