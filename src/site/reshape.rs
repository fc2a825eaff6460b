//! Page-set changes in `serve` without analysing every page again.
//!
//! When a page is added, deleted or renamed, or its names, path or kind
//! change, link targets move. Pages keep their place in path order, so the
//! stored results of every other page are moved to the page's new place
//! (`Moves`) and the page pass runs again only where a link or a mention can
//! resolve differently:
//! - the added, edited and moved pages themselves;
//! - pages linking to or mentioning a page that is gone or whose path,
//!   names or kind changed, or a page that loses one of its names to a new
//!   page;
//! - pages with broken links (a new page, path or name may be what they
//!   meant).
//!
//! A page's text reaches other pages only through these: a `[[name]]` or a
//! path either resolved (to a page whose change is seen above, including the
//! page that owned a name a new page now takes) or was broken. Mentions in
//! running text link entity pages only; when the names of entity pages
//! change, the automatic mention links and the search index's alias groups
//! change for every page that contains one, and the site is analysed again
//! whole (`edits`).

use std::collections::BTreeSet;
use std::hash::{BuildHasher, Hash, Hasher};
use std::path::PathBuf;

use foldhash::quality::FixedState;

use super::Site;
use crate::analysis::graph::PageFeatures;
use crate::content::{Page, PageKind};

/// The page set as it was before an edit: what linking depends on.
pub(super) struct Before {
    files: Vec<PathBuf>,
    /// Per page: hash of its path, kind and names.
    keys: Vec<u64>,
    /// The entity pages' names, in order (see `entity_names`).
    entities: u64,
}

/// Where each page's stored results move when the page set changes.
pub(super) struct Moves {
    /// New place of each old page (`None`: gone).
    pub new_of: Vec<Option<usize>>,
    /// Old place of each new page (`None`: added).
    pub old_of: Vec<Option<usize>>,
}

impl Moves {
    /// Old index → new index, `usize::MAX` for a page that is gone.
    pub fn index(&self, old: usize) -> usize {
        self.new_of
            .get(old)
            .copied()
            .flatten()
            .unwrap_or(usize::MAX)
    }

    /// Moves `items` (indexed by old place) to their new places, filling
    /// added pages with `Default`.
    pub fn apply<T: Default>(&self, items: Vec<T>) -> Vec<T> {
        let mut old: Vec<Option<T>> = items.into_iter().map(Some).collect();
        self.old_of
            .iter()
            .map(|j| j.and_then(|j| old.get_mut(j)?.take()).unwrap_or_default())
            .collect()
    }
}

fn key_of(page: &Page) -> u64 {
    let mut h = FixedState::default().build_hasher();
    (&page.path, page.kind as u8).hash(&mut h);
    page.names().for_each(|n| n.hash(&mut h));
    h.finish()
}

impl Site {
    /// What `reshape` compares against: taken before files are re-read.
    pub(super) fn before_edit(&self) -> Before {
        Before {
            files: self.library.pages.iter().map(|p| p.file.clone()).collect(),
            keys: self.library.pages.iter().map(key_of).collect(),
            entities: self.entity_names(),
        }
    }

    /// Every entity page's names, in path order: what the search index's
    /// alias groups and the automatic mention links are made of.
    pub(super) fn entity_names(&self) -> u64 {
        let mut h = FixedState::default().build_hasher();
        for p in self
            .library
            .pages
            .iter()
            .filter(|p| p.kind == PageKind::Entity)
        {
            p.names().for_each(|n| n.hash(&mut h));
            0xffu8.hash(&mut h);
        }
        h.finish()
    }

    /// Whether the page set changed in a way `reshape` can follow (the
    /// sources are kept and no entity's names changed).
    pub(super) fn can_reshape(&self, before: &Before) -> bool {
        self.analysis.pass == crate::analysis::Pass::Keep && before.entities == self.entity_names()
    }

    /// Follows a change of the page set: moves every page's results to its
    /// new place and runs the page pass for the pages whose links may
    /// resolve differently. Returns the pages whose view may have changed.
    pub(super) fn reshape(&mut self, before: &Before, touched: &[PathBuf]) -> Vec<usize> {
        let moves = self.moves(before);
        let changed = self.changed_targets(before, &moves);
        let rerun = self.rerun_set(before, &moves, &changed, touched);
        self.move_results(&moves);
        let old: Vec<PageFeatures> = rerun
            .iter()
            .map(|&i| self.analysis.features[i].clone())
            .collect();
        let count_changed = before.files.len() != self.library.pages.len();
        self.reanalyse_edited(&rerun, &old, true);
        if count_changed || moves.old_of.iter().any(Option::is_none) {
            // Rarity weights depend on the number of pages, and ties on
            // their order: every related list is ranked again in `settle`.
            let all = (0..self.library.pages.len()).filter(|i| !rerun.contains(i));
            self.live.pending_related.extend(all);
        }
        rerun
    }

    fn moves(&self, before: &Before) -> Moves {
        let new_of: Vec<Option<usize>> = before
            .files
            .iter()
            .map(|f| self.library.index_of(f))
            .collect();
        let mut old_of = vec![None; self.library.pages.len()];
        for (j, i) in new_of.iter().enumerate() {
            if let Some(i) = i {
                old_of[*i] = Some(j);
            }
        }
        Moves { new_of, old_of }
    }

    /// Old pages a link to which may now mean something else: gone, moved,
    /// renamed, of another kind, or losing a name to a new page.
    fn changed_targets(&self, before: &Before, moves: &Moves) -> Vec<bool> {
        let pages = &self.library.pages;
        let mut changed: Vec<bool> = (0..before.files.len())
            .map(|j| match moves.new_of[j] {
                Some(i) => key_of(&pages[i]) != before.keys[j],
                None => true,
            })
            .collect();
        for name in self.fresh_names(before, moves) {
            if let Some(j) = self.analysis.targets.by_name(&name) {
                changed[j] = true;
            }
        }
        changed
    }

    /// Names of pages that are new or whose key changed.
    fn fresh_names(&self, before: &Before, moves: &Moves) -> Vec<String> {
        let pages = &self.library.pages;
        (0..pages.len())
            .filter(|&i| match moves.old_of[i] {
                Some(j) => key_of(&pages[i]) != before.keys[j],
                None => true,
            })
            .flat_map(|i| pages[i].names().map(str::to_string))
            .collect()
    }

    /// New indices of the pages whose page pass runs again.
    fn rerun_set(
        &self,
        before: &Before,
        moves: &Moves,
        changed: &[bool],
        touched: &[PathBuf],
    ) -> Vec<usize> {
        let mut rerun: BTreeSet<usize> = touched
            .iter()
            .filter_map(|f| self.library.index_of(f))
            .collect();
        let pages = &self.library.pages;
        for (i, page) in pages.iter().enumerate() {
            match moves.old_of[i] {
                Some(j) if key_of(page) == before.keys[j] => {}
                _ => {
                    rerun.insert(i);
                }
            }
        }
        let bodies = &self.analysis.bodies;
        rerun.extend((0..before.files.len()).filter_map(|j| {
            let i = moves.new_of[j]?;
            let body = bodies.get(j)?;
            let affected = !body.broken.is_empty()
                || body
                    .links
                    .iter()
                    .any(|l| changed.get(l.target) != Some(&false));
            affected.then_some(i)
        }));
        rerun.into_iter().collect()
    }

    /// Moves every stored per-page result to the page's new place and
    /// renumbers the pages they point at; link targets and URLs are made
    /// again for the new page set.
    fn move_results(&mut self, moves: &Moves) {
        let a = &mut self.analysis;
        a.bodies = moves.apply(std::mem::take(&mut a.bodies));
        for body in &mut a.bodies {
            for l in &mut body.links {
                l.target = moves.index(l.target);
            }
            for (e, _) in &mut body.mentions {
                *e = moves.index(*e);
            }
        }
        a.search = moves.apply(std::mem::take(&mut a.search));
        a.features = moves.apply(std::mem::take(&mut a.features));
        for f in &mut a.features {
            for e in &mut f.entities {
                *e = moves.index(*e);
            }
        }
        let related = moves.apply(std::mem::take(&mut a.graph.related));
        a.graph.related = related
            .into_iter()
            .map(|list| {
                list.into_iter()
                    .map(|j| moves.index(j))
                    .filter(|&i| i != usize::MAX)
                    .collect()
            })
            .collect();
        let pending = std::mem::take(&mut self.live.pending_related);
        self.live.pending_related = pending
            .into_iter()
            .filter_map(|j| moves.new_of.get(j).copied().flatten())
            .collect();
        self.live.hashes.move_to(moves);
        let (targets, urls) = rayon::join(
            || crate::content::links::LinkTargets::new(&self.library),
            || {
                (self.library.pages.iter())
                    .map(|p| crate::analysis::lists::url(&self.config, &p.path))
                    .collect()
            },
        );
        self.analysis.targets = targets;
        self.analysis.urls = urls;
    }
}

#[cfg(test)]
mod tests {
    use crate::site::tests::{assert_same_as_fresh, fixture, study, write};

    #[test]
    fn adding_a_study_renders_only_what_shows_it() {
        let (dir, mut site) = fixture();
        let f = dir.path().join("content/case-studies/f.md");
        write(&f, &study("Study F", &["Red"], "F cites [[Study A]]."));
        let report = site.apply(std::slice::from_ref(&f));
        assert!(!report.full_analyse);
        // F, A (its backlinks), Red's tag page, the tag list, the home page,
        // the section list and the timeline; pages that neither list nor
        // link F wait for nothing.
        for url in ["/case-studies/f/", "/case-studies/a/", "/tags/red/", "/"] {
            assert!(
                report.pages.contains(&url.to_string()),
                "{url}: {:?}",
                report.pages
            );
        }
        for url in ["/case-studies/c/", "/wiki/acme/", "/tags/blue/", "/search/"] {
            assert!(
                !report.pages.contains(&url.to_string()),
                "{url}: {:?}",
                report.pages
            );
        }
        assert!(report.files.rendered <= 8, "{:?}", report.pages);
        assert_same_as_fresh(&mut site);
    }

    #[test]
    fn a_page_naming_a_new_page_links_it() {
        let (dir, mut site) = fixture();
        let c = dir.path().join("content/case-studies/c.md");
        write(&c, &study("Study C", &["Blue"], "C awaits [[Study F]]."));
        site.apply(std::slice::from_ref(&c));
        let f = dir.path().join("content/case-studies/f.md");
        write(&f, &study("Study F", &["Green"], "Plain text."));
        let report = site.apply(std::slice::from_ref(&f));
        assert!(!report.full_analyse);
        let html = std::fs::read_to_string(dir.path().join("public/case-studies/c/index.html"));
        assert!(html.expect("page").contains("href=\"/case-studies/f/\""));
        assert!(report.problems.is_empty(), "{:?}", report.problems);
        assert_same_as_fresh(&mut site);
    }

    #[test]
    fn a_new_page_taking_a_name_takes_its_links() {
        let (dir, mut site) = fixture();
        let e = dir.path().join("content/case-studies/e.md");
        let aliased =
            "+++\ntitle = \"Study E\"\naliases = [\"Study F\"]\ndate = 2024-01-02\n+++\nPlain.\n";
        write(&e, aliased);
        let c = dir.path().join("content/case-studies/c.md");
        write(&c, &study("Study C", &["Blue"], "C cites [[Study F]]."));
        site.apply(&[e, c]);
        assert_same_as_fresh(&mut site);
        // `a0.md` comes before `e.md`, so its title wins the name.
        let a0 = dir.path().join("content/case-studies/a0.md");
        write(&a0, &study("Study F", &["Green"], "Plain text."));
        assert!(!site.apply(std::slice::from_ref(&a0)).full_analyse);
        let html = std::fs::read_to_string(dir.path().join("public/case-studies/c/index.html"));
        assert!(html.expect("page").contains("href=\"/case-studies/a0/\""));
        assert_same_as_fresh(&mut site);
    }

    #[test]
    fn a_template_showing_the_page_count_gets_it_on_every_page() {
        let (dir, mut site) = fixture();
        let tpl = dir.path().join("templates/page.html");
        let text = "{% extends \"base.html\" %}{% block content %}<p id=\"n\">{{ site.page_count }}</p>{% endblock content %}";
        write(&tpl, text);
        site.apply(std::slice::from_ref(&tpl));
        let f = dir.path().join("content/case-studies/f.md");
        write(&f, &study("Study F", &["Red"], "Plain text."));
        site.apply(std::slice::from_ref(&f));
        let html = std::fs::read_to_string(dir.path().join("public/case-studies/c/index.html"));
        assert!(html.expect("page").contains("<p id=\"n\">7</p>"));
        assert_same_as_fresh(&mut site);
    }
}
