//! Generated entity pages under `content/wiki/`, made from the entities
//! recorded in every case study's header: mentions meet under one key
//! (`identity::key`, through the names and forms each mention carries); an
//! entity gets a page when some article is about it (main company,
//! founder, central) or when two or more case studies name it. A
//! hand-written page with one of its names wins: no page is generated and
//! the names it lacks become alias suggestions. Generated pages follow the
//! case-study rules: rewritten when their text changes, removed when their
//! entity is gone, never overwritten or removed once edited by hand (a
//! warning; `force` overrides).

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use super::gather::{gather, CaseStudy, Gathered};
use super::identity;
use super::page_text::{self, Appearance, Described, EntityPage};
use crate::content::front_matter::{self, EntityMention};
use crate::content::slug::{slugify, SlugSet};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::ingest::write;
use crate::text::fold::name_key;
use crate::text::has_cjk;

/// Where entity pages go, relative to the site root.
pub const WIKI_DIR: &str = "content/wiki";
const CASE_DIR: &str = "content/case-studies";

/// A hand-written page that could take more aliases.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    pub page: PathBuf,
    pub aliases: Vec<String>,
}

/// What one update of the entity pages did.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    pub written: Vec<PathBuf>,
    pub unchanged: usize,
    pub removed: Vec<PathBuf>,
    pub kept_edited: Vec<PathBuf>,
    pub suggestions: Vec<Suggestion>,
}

/// Brings `root/content/wiki/` in line with the case studies.
pub fn update(root: &Path, force: bool, diags: &Diagnostics) -> Outcome {
    let studies = case_studies(&root.join(CASE_DIR));
    let wiki = root.join(WIKI_DIR);
    let existing = WikiScan::read(&wiki);
    let mut slugs = SlugSet::default();
    for s in &existing.hand_slugs {
        slugs.unique(s);
    }
    let mut out = Outcome::default();
    let mut wanted: BTreeMap<PathBuf, String> = BTreeMap::new();
    for entity in gather(&studies).iter().filter(|g| deserves_page(g)) {
        let page = assemble(entity);
        if let Some((path, aliases)) = existing.hand_written_for(&page) {
            if !aliases.is_empty() {
                out.suggestions.push(Suggestion {
                    page: path,
                    aliases,
                });
            }
            continue;
        }
        let slug = slugs.unique(&slugify(&page.title));
        match page_text::blank_text(&page).and_then(|t| write::with_hash(&t)) {
            Ok(text) => {
                wanted.insert(wiki.join(format!("{slug}.md")), text);
            }
            Err(e) => diags.push(Diagnostic::error(&wiki, None, e)),
        }
    }
    place(&wanted, &existing, force, diags, &mut out);
    out
}

/// Writes the wanted pages and removes generated pages no entity wants.
fn place(
    wanted: &BTreeMap<PathBuf, String>,
    existing: &WikiScan,
    force: bool,
    diags: &Diagnostics,
    out: &mut Outcome,
) {
    for (path, old) in &existing.generated {
        if wanted.contains_key(path) {
            continue;
        }
        if write::is_edited(old) && !force {
            keep_edited(path, diags, out);
        } else if std::fs::remove_file(path).is_ok() {
            out.removed.push(path.clone());
        }
    }
    for (path, text) in wanted {
        match existing.generated.get(path) {
            Some(old) if old == text => {
                out.unchanged += 1;
                continue;
            }
            Some(old) if write::is_edited(old) && !force => {
                keep_edited(path, diags, out);
                continue;
            }
            _ => {}
        }
        match write::write_atomic(path, text) {
            Ok(()) => out.written.push(path.clone()),
            Err(e) => diags.push(Diagnostic::error(
                path,
                None,
                format!("cannot write entity page: {e}"),
            )),
        }
    }
}

fn keep_edited(path: &Path, diags: &Diagnostics, out: &mut Outcome) {
    diags.push(Diagnostic::warning(
        path,
        None,
        "edited by hand since it was generated; kept (use --force to regenerate)",
    ));
    out.kept_edited.push(path.to_path_buf());
}

/// The case studies of `dir` whose header records entities, in file order.
fn case_studies(dir: &Path) -> Vec<CaseStudy> {
    let scan = write::scan(dir);
    let mut out: Vec<CaseStudy> = scan
        .by_source
        .values()
        .filter_map(|e| {
            let fm = front_matter::split(&e.text).ok()?.front_matter;
            let slug = e.path.file_stem()?.to_string_lossy().into_owned();
            Some(CaseStudy {
                chinese: fm.lang.as_deref() == Some("zh"),
                appearance: Appearance {
                    slug,
                    title: fm.title.clone(),
                },
                entities: fm.ingest.map(|i| i.entities).unwrap_or_default(),
            })
        })
        .collect();
    out.sort_by(|a, b| a.appearance.slug.cmp(&b.appearance.slug));
    out
}

/// The main company or founder of some article, central to one, or named by two case studies.
fn deserves_page(g: &Gathered) -> bool {
    let about = g
        .mentions
        .iter()
        .any(|(_, m)| matches!(m.role.as_str(), "main" | "founder" | "central"));
    let mut studies: Vec<&str> = g
        .mentions
        .iter()
        .map(|(s, _)| s.appearance.slug.as_str())
        .collect();
    studies.dedup();
    about || studies.len() >= 2
}

/// Rank of a role: the article is most about its main company.
fn role_rank(m: &EntityMention) -> usize {
    match m.role.as_str() {
        "main" => 0,
        "founder" => 1,
        "central" => 2,
        _ => 3,
    }
}

/// The page of one entity: names, kind, aliases, descriptions, case studies.
fn assemble(g: &Gathered) -> EntityPage {
    let mut ranked = g.mentions.clone();
    ranked.sort_by_key(|(s, m)| {
        (
            role_rank(m),
            std::cmp::Reverse(m.mentions),
            s.appearance.slug.clone(),
        )
    });
    let english = ranked.iter().find_map(|(s, m)| {
        if !s.chinese {
            Some(identity::canonical_en(&m.name))
        } else {
            (!m.english.is_empty()).then(|| m.english.clone())
        }
    });
    let chinese = ranked
        .iter()
        .find(|(s, m)| s.chinese && has_cjk(&m.name))
        .map(|(_, m)| m.name.clone());
    let title = english
        .clone()
        .or_else(|| chinese.clone())
        .unwrap_or_default();
    let kind = ranked
        .first()
        .map(|(_, m)| m.kind.clone())
        .unwrap_or_default();
    let describe = |chinese: bool| {
        ranked
            .iter()
            .find(|(s, m)| s.chinese == chinese && !m.sentence.is_empty())
            .map(|(s, m)| Described {
                sentence: m.sentence.clone(),
                from: s.appearance.clone(),
            })
    };
    let mut appearances: Vec<Appearance> = Vec::new();
    for (s, _) in &ranked {
        if !appearances.contains(&s.appearance) {
            appearances.push(s.appearance.clone());
        }
    }
    appearances.sort_by(|a, b| a.slug.cmp(&b.slug));
    EntityPage {
        aliases: aliases(&ranked, &title),
        english_description: describe(false),
        chinese_description: describe(true),
        appearances,
        english,
        chinese,
        kind,
        title,
    }
}

/// Every other name the mentions use, once each (folded), in rank order.
/// A person's lone surname (`Zhang`) is no alias: it names many people.
fn aliases(ranked: &[(&CaseStudy, &EntityMention)], title: &str) -> Vec<String> {
    let mut seen = vec![name_key(title)];
    let mut out = Vec::new();
    for (_, m) in ranked {
        let names = [&m.name, &m.english].into_iter().chain(&m.forms);
        let surname = |n: &str| m.kind == "person" && !n.contains(' ') && !has_cjk(n);
        for n in names.filter(|n| !n.is_empty() && !surname(n)) {
            let k = name_key(n);
            if !seen.contains(&k) {
                seen.push(k);
                out.push(n.clone());
            }
        }
    }
    out
}

/// The wiki folder as it is: generated pages by path, hand-written pages' names.
#[derive(Default)]
struct WikiScan {
    generated: BTreeMap<PathBuf, String>,
    /// Folded name → (page, its folded names).
    hand_names: HashMap<String, (PathBuf, Vec<String>)>,
    hand_slugs: Vec<String>,
}

impl WikiScan {
    fn read(dir: &Path) -> WikiScan {
        let mut scan = WikiScan::default();
        for path in write::markdown_files(dir) {
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            let Ok(split) = front_matter::split(&text) else {
                scan.hand_slugs
                    .extend(path.file_stem().map(|s| s.to_string_lossy().into_owned()));
                continue;
            };
            let fm = split.front_matter;
            if fm
                .ingest
                .as_ref()
                .is_some_and(|i| i.source == page_text::SOURCE)
            {
                scan.generated.insert(path, text);
                continue;
            }
            scan.hand_slugs
                .extend(path.file_stem().map(|s| s.to_string_lossy().into_owned()));
            let names: Vec<String> = std::iter::once(&fm.title)
                .chain(&fm.aliases)
                .map(|n| name_key(n))
                .collect();
            for n in &names {
                scan.hand_names
                    .entry(n.clone())
                    .or_insert_with(|| (path.clone(), names.clone()));
            }
        }
        scan
    }

    /// The hand-written page that has one of `page`'s names, and the names it lacks.
    fn hand_written_for(&self, page: &EntityPage) -> Option<(PathBuf, Vec<String>)> {
        let all: Vec<&String> = std::iter::once(&page.title).chain(&page.aliases).collect();
        let (path, names) = all.iter().find_map(|n| self.hand_names.get(&name_key(n)))?;
        let missing = all
            .into_iter()
            .filter(|n| !names.contains(&name_key(n)))
            .cloned()
            .collect();
        Some((path.clone(), missing))
    }
}
