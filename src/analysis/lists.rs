//! The site's lists: page order, tags, categories and timeline, plus the
//! term views templates show of them, made once per change of the lists
//! rather than for every page that links a term.

use foldhash::HashMap;

use serde::Serialize;

use super::taxonomy::Taxonomy;
use super::timeline::{timeline, TimelineEntry};
use crate::config::Config;
use crate::content::slug::{encode_path, slugify};
use crate::content::Library;

/// A tag or category as templates show it.
#[derive(Debug, Clone, Serialize)]
pub struct TermView {
    pub name: String,
    pub name_zh: String,
    pub slug: String,
    pub url: String,
    pub count: usize,
}

/// A tag or category as a page and its list entries show it: without the
/// page count, so a page's view does not change when another page joins or
/// leaves the term (only term lists and the home page show counts).
#[derive(Debug, Clone, Serialize)]
pub struct TermLink {
    pub name: String,
    pub name_zh: String,
    pub slug: String,
    pub url: String,
}

impl From<TermView> for TermLink {
    fn from(t: TermView) -> TermLink {
        TermLink {
            name: t.name,
            name_zh: t.name_zh,
            slug: t.slug,
            url: t.url,
        }
    }
}

/// Order, taxonomies and timeline, from the library alone.
#[derive(Debug, Default)]
pub struct Lists {
    /// Page indices, newest first.
    pub order: Vec<usize>,
    pub tags: Taxonomy,
    pub categories: Taxonomy,
    pub timeline: Vec<TimelineEntry>,
    /// Every configured category with pages, as pages link it.
    pub category_links: Vec<TermLink>,
    /// Each tag name pages use, as pages link it.
    pub tag_links: HashMap<String, TermLink>,
}

/// `base_path + path`, percent-encoded: the URL templates put in `href`.
pub fn url(config: &Config, path: &str) -> String {
    format!("{}{}", config.base_path, encode_path(path))
}

impl Lists {
    pub fn new(config: &Config, library: &Library) -> Lists {
        let order = library.by_date();
        let mut lists = Lists {
            tags: Taxonomy::tags(library, &order),
            categories: Taxonomy::categories(library, config, &order),
            timeline: timeline(library),
            order,
            ..Lists::default()
        };
        lists.category_links = config
            .categories
            .iter()
            .filter_map(|c| lists.category_view(config, &c.slug))
            .map(TermLink::from)
            .collect();
        let mut tag_links = HashMap::default();
        for name in library.pages.iter().flat_map(|p| &p.tags) {
            if !tag_links.contains_key(name) {
                let link = TermLink::from(lists.tag_view(config, name));
                tag_links.insert(name.clone(), link);
            }
        }
        lists.tag_links = tag_links;
        lists
    }

    pub fn category_view(&self, config: &Config, slug: &str) -> Option<TermView> {
        let cat = config.category_by_slug(slug)?;
        let count = self
            .categories
            .get(slug)
            .map(|t| t.pages.len())
            .unwrap_or(0);
        Some(TermView {
            name: cat.name.clone(),
            name_zh: cat.name_zh.clone(),
            slug: cat.slug.clone(),
            url: url(config, &format!("categories/{}/", cat.slug)),
            count,
        })
    }

    pub fn tag_view(&self, config: &Config, name: &str) -> TermView {
        let slug = slugify(name);
        let term = self.tags.get(&slug);
        TermView {
            name: term
                .map(|t| t.name.clone())
                .unwrap_or_else(|| name.to_string()),
            name_zh: String::new(),
            url: url(config, &format!("tags/{slug}/")),
            count: term.map(|t| t.pages.len()).unwrap_or(0),
            slug,
        }
    }
}
