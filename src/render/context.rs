//! What templates see: small serialisable views of the site model.
//!
//! Views hold URLs already prefixed with the base path (`url`) and absolute
//! permalinks (`permalink`), so a theme never builds a URL by hand and the
//! site works under a project subpath.

use std::borrow::Cow;

use serde::Serialize;

use crate::content::front_matter::{DateMention, ReportLine};

use super::Model;
use crate::content::PageKind;

use super::batch::Parts;
use crate::markdown::TocEntry;

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

pub use crate::analysis::lists::{TermLink, TermView};

/// A link to a page, as lists show it. Views borrow from the site model, so
/// serialising one into a template context is the only copy of its text.
#[derive(Debug, Clone, Serialize)]
pub struct PageRef<'a> {
    pub title: &'a str,
    pub url: &'a str,
    pub lang: &'a str,
    pub kind: PageKind,
    pub date: Option<&'a str>,
    pub summary: Cow<'a, str>,
    pub category: Option<&'a TermLink>,
}

/// A bare link to a page (backlink lists show no more).
#[derive(Debug, Clone, Serialize)]
pub struct LinkRef<'a> {
    pub title: &'a str,
    pub url: &'a str,
    pub lang: &'a str,
    pub kind: PageKind,
}

/// A case study mentioning an entity page.
#[derive(Debug, Clone, Serialize)]
pub struct MentionView<'a, P> {
    /// The mentioning page's list entry (`PageRef`).
    pub page: P,
    pub snippet: &'a str,
}

/// Everything `page.html` gets as `page`. `P` is a shared part (see
/// `batch::Parts`): the page's list entry, what it holds of the page alone,
/// its body and the lists it shows.
#[derive(Debug, Clone, Serialize)]
pub struct PageView<'a, P> {
    /// The page's list entry (`PageRef`).
    #[serde(flatten)]
    pub head: P,
    /// What the page says itself (`PageOwn`).
    #[serde(flatten)]
    pub own: P,
    /// The body's HTML.
    pub content: P,
    /// `TermLink`s, shared with every other page showing them.
    pub tags: Vec<P>,
    /// `LinkRef`s and `PageRef`s, shared with every other list showing them.
    pub backlinks: P,
    pub related: P,
    pub mentioned_in: Vec<MentionView<'a, P>>,
    pub neighbourhood: P,
}

/// The part of `page` that comes from the page's own file and body.
#[derive(Debug, Clone, Serialize)]
pub struct PageOwn<'a> {
    pub permalink: String,
    pub path: &'a str,
    pub description: &'a str,
    /// The whole summary (lists show it cut short).
    pub lead: &'a str,
    pub toc: &'a [TocEntry],
    pub key_points: &'a [String],
    pub dates: &'a [DateMention],
    pub entity_kind: Option<&'a str>,
    pub aliases: Vec<&'a str>,
    pub report: &'a [ReportLine],
    pub source: Option<&'a str>,
    pub extra: &'a serde_json::Map<String, serde_json::Value>,
}

impl Model<'_> {
    /// `base_path + path`, percent-encoded: the URL templates put in `href`.
    pub fn url(&self, path: &str) -> String {
        crate::analysis::lists::url(self.config, path)
    }

    pub fn permalink(&self, path: &str) -> String {
        format!(
            "{}{}",
            self.config.base_url,
            crate::content::slug::encode_path(path)
        )
    }

    pub fn site_view(&self) -> SiteView {
        SiteView {
            title: self.config.title.clone(),
            description: self.config.description.clone(),
            base_url: self.config.base_url.clone(),
            base_path: self.config.base_path.clone(),
            language: self.config.language.clone(),
            categories: self.category_term_views(),
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
        self.analysis.lists.category_view(self.config, slug)
    }

    pub fn tag_view(&self, name: &str) -> TermView {
        self.analysis.lists.tag_view(self.config, name)
    }

    /// Every tag of the site as templates see it, in taxonomy order.
    pub fn tag_term_views(&self) -> Vec<TermView> {
        let tags = &self.analysis.lists.tags.terms;
        tags.iter().map(|t| self.tag_view(&t.name)).collect()
    }

    /// Every category with pages as templates see it, in taxonomy order.
    pub fn category_term_views(&self) -> Vec<TermView> {
        let categories = &self.analysis.lists.categories.terms;
        categories
            .iter()
            .filter_map(|t| self.category_view(&t.slug))
            .collect()
    }

    /// Tag `name` as pages link it: made once per list change for known tags.
    pub fn page_tag(&self, name: &str) -> Cow<'_, TermLink> {
        match self.analysis.lists.tag_links.get(name) {
            Some(link) => Cow::Borrowed(link),
            None => Cow::Owned(TermLink::from(self.tag_view(name))),
        }
    }

    /// Page `i`'s URL (base path included, percent-encoded), made by the
    /// analysis (the only place paths change).
    pub fn page_url(&self, i: usize) -> &str {
        &self.analysis.urls[i]
    }

    pub fn link_ref(&self, i: usize) -> LinkRef<'_> {
        let p = &self.library.pages[i];
        LinkRef {
            title: &p.meta.title,
            url: self.page_url(i),
            lang: &p.lang,
            kind: p.kind,
        }
    }

    pub fn page_ref(&self, i: usize) -> PageRef<'_> {
        let p = &self.library.pages[i];
        let summary = if !p.meta.summary.is_empty() {
            &p.meta.summary
        } else {
            &p.meta.description
        };
        PageRef {
            title: &p.meta.title,
            url: self.page_url(i),
            lang: &p.lang,
            kind: p.kind,
            date: p.meta.date.as_ref().map(|d| d.day()),
            summary: truncate_chars(summary, SUMMARY_CHARS),
            category: p.category.as_deref().and_then(|c| {
                self.analysis
                    .lists
                    .category_links
                    .iter()
                    .find(|t| t.slug == c)
            }),
        }
    }

    /// What page `i`'s view holds of the page alone.
    pub fn page_own(&self, i: usize) -> PageOwn<'_> {
        let p = &self.library.pages[i];
        let ingest = p.meta.ingest.as_ref();
        PageOwn {
            permalink: self.permalink(&p.path),
            path: &p.path,
            description: &p.meta.description,
            lead: if p.meta.summary.is_empty() {
                &p.meta.description
            } else {
                &p.meta.summary
            },
            toc: &self.analysis.bodies[i].toc,
            key_points: &p.meta.key_points,
            dates: &p.meta.dates,
            entity_kind: p.meta.kind.as_deref(),
            aliases: p.names().skip(1).collect(),
            report: ingest.map_or(&[], |g| g.report.as_slice()),
            source: ingest.map(|g| g.source.as_str()).filter(|s| !s.is_empty()),
            extra: &p.meta.extra,
        }
    }

    /// Everything `page.html` gets as `page`, with `content` as the body's
    /// HTML when given and shared parts from `parts`.
    pub fn page_view<P: Parts>(
        &self,
        i: usize,
        content: Option<&str>,
        parts: &P,
    ) -> PageView<'_, P::Part> {
        let p = &self.library.pages[i];
        let graph = &self.analysis.graph;
        PageView {
            head: parts.page_ref(i),
            own: parts.own(i),
            content: parts.body(i, content),
            tags: p.tags.iter().map(|t| parts.tag(t)).collect(),
            backlinks: parts.link_refs(graph.backlinks[i].iter().copied()),
            related: parts.page_refs(graph.related[i].iter().copied()),
            mentioned_in: self.mentioned_in(i, parts),
            neighbourhood: parts.neighbourhood(i),
        }
    }

    /// Case studies mentioning page `i`, with the snippet around the mention.
    fn mentioned_in<P: Parts>(&self, i: usize, parts: &P) -> Vec<MentionView<'_, P::Part>> {
        if self.library.pages[i].kind != PageKind::Entity {
            return Vec::new();
        }
        self.analysis.graph.backlinks[i]
            .iter()
            .filter(|&&j| self.library.pages[j].kind == PageKind::CaseStudy)
            .filter_map(|&j| {
                let snippet = self.analysis.bodies[j]
                    .mentions
                    .iter()
                    .find(|(t, _)| *t == i)
                    .map(|(_, s)| s.as_str())?;
                Some(MentionView {
                    page: parts.page_ref(j),
                    snippet,
                })
            })
            .collect()
    }
}

/// Longest summary shown in page lists, in characters.
const SUMMARY_CHARS: usize = 180;

/// `text` cut to `max` characters at a character boundary, with `…` when cut.
fn truncate_chars(text: &str, max: usize) -> Cow<'_, str> {
    let head = first_chars(text, max);
    if head.len() == text.len() {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(format!("{}…", head.trim_end()))
    }
}

/// The first `max` characters of `text`.
fn first_chars(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text; // no more chars than bytes
    }
    match text.char_indices().nth(max) {
        Some((i, _)) => &text[..i],
        None => text,
    }
}
