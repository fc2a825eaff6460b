//! What templates see: small serialisable views of the site model.
//!
//! Views hold URLs already prefixed with the base path (`url`) and absolute
//! permalinks (`permalink`), so a theme never builds a URL by hand and the
//! site works under a project subpath.

use serde::Serialize;

use crate::content::front_matter::{DateMention, ReportLine};
use crate::content::slug::encode_path;
use crate::content::PageKind;
use crate::site::Site;

use super::markdown::TocEntry;

#[derive(Debug, Clone, Serialize)]
pub struct SiteView {
    pub title: String,
    pub description: String,
    pub base_url: String,
    pub base_path: String,
    pub language: String,
    pub categories: Vec<TermView>,
    pub sections: Vec<SectionLink>,
    pub page_count: usize,
}

/// A top-level section in the navigation.
#[derive(Debug, Clone, Serialize)]
pub struct SectionLink {
    pub title: String,
    pub url: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct TermView {
    pub name: String,
    pub name_zh: String,
    pub slug: String,
    pub url: String,
    pub count: usize,
}

/// A link to a page, as lists show it.
#[derive(Debug, Clone, Serialize)]
pub struct PageRef {
    pub title: String,
    pub url: String,
    pub lang: String,
    pub kind: PageKind,
    pub date: Option<String>,
    pub summary: String,
    pub category: Option<TermView>,
}

/// A bare link to a page (backlink lists show no more).
#[derive(Debug, Clone, Serialize)]
pub struct LinkRef {
    pub title: String,
    pub url: String,
    pub lang: String,
    pub kind: PageKind,
}

#[derive(Debug, Clone, Serialize)]
pub struct MentionView {
    pub page: PageRef,
    pub snippet: String,
}

/// Everything `page.html` gets as `page`.
#[derive(Debug, Clone, Serialize)]
pub struct PageView<'a> {
    #[serde(flatten)]
    pub head: PageRef,
    pub permalink: String,
    pub path: String,
    pub description: String,
    /// The whole summary (lists show it cut short).
    pub lead: String,
    pub content: &'a str,
    pub toc: Vec<TocEntry>,
    pub tags: Vec<TermView>,
    pub key_points: Vec<String>,
    pub dates: Vec<DateMention>,
    pub entity_kind: Option<String>,
    pub aliases: Vec<String>,
    pub backlinks: Vec<LinkRef>,
    pub related: Vec<PageRef>,
    pub mentioned_in: Vec<MentionView>,
    pub report: Vec<ReportLine>,
    pub source: Option<String>,
    pub neighbourhood: String,
    pub extra: serde_json::Map<String, serde_json::Value>,
}

impl Site {
    /// `base_path + path`, percent-encoded: the URL templates put in `href`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.config.base_path, encode_path(path))
    }

    pub fn permalink(&self, path: &str) -> String {
        format!("{}{}", self.config.base_url, encode_path(path))
    }

    pub fn site_view(&self) -> SiteView {
        SiteView {
            title: self.config.title.clone(),
            description: self.config.description.clone(),
            base_url: self.config.base_url.clone(),
            base_path: self.config.base_path.clone(),
            language: self.config.language.clone(),
            categories: self
                .categories
                .terms
                .iter()
                .filter_map(|t| self.category_view(&t.slug))
                .collect(),
            sections: self.section_links(),
            page_count: self.library.pages.len(),
        }
    }

    fn section_links(&self) -> Vec<SectionLink> {
        self.section_dirs()
            .into_iter()
            .filter(|d| !d.contains('/'))
            .map(|d| SectionLink {
                title: self.section_title(&d),
                url: self.url(&format!("{d}/")),
            })
            .collect()
    }

    pub fn category_view(&self, slug: &str) -> Option<TermView> {
        let cat = self.config.categories.iter().find(|c| c.slug == slug)?;
        let count = self
            .categories
            .get(slug)
            .map(|t| t.pages.len())
            .unwrap_or(0);
        Some(TermView {
            name: cat.name.clone(),
            name_zh: cat.name_zh.clone(),
            slug: cat.slug.clone(),
            url: self.url(&format!("categories/{}/", cat.slug)),
            count,
        })
    }

    pub fn tag_view(&self, name: &str) -> TermView {
        let slug = crate::content::slug::slugify(name);
        let term = self.tags.get(&slug);
        TermView {
            name: term
                .map(|t| t.name.clone())
                .unwrap_or_else(|| name.to_string()),
            name_zh: String::new(),
            url: self.url(&format!("tags/{slug}/")),
            count: term.map(|t| t.pages.len()).unwrap_or(0),
            slug,
        }
    }

    pub fn link_ref(&self, i: usize) -> LinkRef {
        let p = &self.library.pages[i];
        LinkRef {
            title: p.meta.title.clone(),
            url: self.url(&p.path),
            lang: p.lang.clone(),
            kind: p.kind,
        }
    }

    pub fn page_ref(&self, i: usize) -> PageRef {
        let p = &self.library.pages[i];
        let summary = if !p.meta.summary.is_empty() {
            &p.meta.summary
        } else {
            &p.meta.description
        };
        PageRef {
            title: p.meta.title.clone(),
            url: self.url(&p.path),
            lang: p.lang.clone(),
            kind: p.kind,
            date: p.meta.date.as_deref().map(|d| d.chars().take(10).collect()),
            summary: truncate_chars(summary, SUMMARY_CHARS),
            category: p
                .category
                .as_deref()
                .and_then(|c| self.category_views.iter().find(|t| t.slug == c))
                .cloned(),
        }
    }

    pub fn page_view(&self, i: usize) -> PageView<'_> {
        let p = &self.library.pages[i];
        let body = &self.bodies[i];
        let refs = |list: &[usize]| list.iter().map(|&j| self.page_ref(j)).collect::<Vec<_>>();
        PageView {
            head: self.page_ref(i),
            permalink: self.permalink(&p.path),
            path: p.path.clone(),
            description: p.meta.description.clone(),
            lead: if p.meta.summary.is_empty() {
                p.meta.description.clone()
            } else {
                p.meta.summary.clone()
            },
            content: self.body_html(i),
            toc: body.toc.clone(),
            tags: p.tags.iter().map(|t| self.tag_view(t)).collect(),
            key_points: p.meta.key_points.clone(),
            dates: p.meta.dates.clone(),
            entity_kind: p.meta.kind.clone(),
            aliases: p.names().skip(1).map(str::to_string).collect(),
            backlinks: self.graph.backlinks[i]
                .iter()
                .map(|&j| self.link_ref(j))
                .collect(),
            related: refs(&self.graph.related[i]),
            mentioned_in: self.mentioned_in(i),
            report: p
                .meta
                .ingest
                .as_ref()
                .map(|g| g.report.clone())
                .unwrap_or_default(),
            source: p
                .meta
                .ingest
                .as_ref()
                .map(|g| g.source.clone())
                .filter(|s| !s.is_empty()),
            neighbourhood: self.neighbourhood_svg(i),
            extra: p.meta.extra.clone(),
        }
    }

    /// Case studies mentioning page `i`, with the snippet around the mention.
    fn mentioned_in(&self, i: usize) -> Vec<MentionView> {
        if self.library.pages[i].kind != PageKind::Entity {
            return Vec::new();
        }
        self.graph.backlinks[i]
            .iter()
            .filter(|&&j| self.library.pages[j].kind == PageKind::CaseStudy)
            .filter_map(|&j| {
                let snippet = self.bodies[j]
                    .mentions
                    .iter()
                    .find(|(t, _)| *t == i)
                    .map(|(_, s)| s.clone())?;
                Some(MentionView {
                    page: self.page_ref(j),
                    snippet,
                })
            })
            .collect()
    }
}

/// Longest summary shown in page lists, in characters.
const SUMMARY_CHARS: usize = 180;

/// `text` cut to `max` characters at a character boundary, with `…` when cut.
fn truncate_chars(text: &str, max: usize) -> String {
    if text.len() <= max {
        return text.to_string(); // no more chars than bytes
    }
    match text.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", text[..i].trim_end()),
        None => text.to_string(),
    }
}
