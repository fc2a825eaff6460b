//! A `Page`: one Markdown file under `content/`, its header and its place in the site.

use std::path::PathBuf;

use super::front_matter::FrontMatter;

/// What a page is, from the folder it lives in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PageKind {
    /// `content/case-studies/…`
    CaseStudy,
    /// `content/wiki/…`: people, companies, products, concepts, events.
    Entity,
    /// Anything else (`content/about.md`, a Zola site's `blog/…`).
    Page,
}

impl PageKind {
    pub fn of_section(section: &str) -> PageKind {
        match section {
            "case-studies" => PageKind::CaseStudy,
            "wiki" => PageKind::Entity,
            _ => PageKind::Page,
        }
    }
}

/// One content file, parsed.
#[derive(Debug, Clone)]
pub struct Page {
    /// Absolute path of the source file.
    pub file: PathBuf,
    /// Path under `content/`, `/`-separated (`case-studies/a.md`).
    pub rel: String,
    pub meta: FrontMatter,
    /// The Markdown body, without its header.
    pub body: String,
    /// 1-based file line of the body's first line.
    pub body_line: usize,
    pub kind: PageKind,
    /// Output path relative to the site root, ending in `/` (`case-studies/a/`).
    pub path: String,
    /// `en` or `zh` (front matter, else detected).
    pub lang: String,
    /// Category slug, when the page has a known category.
    pub category: Option<String>,
    /// Tags, as written (deduplicated).
    pub tags: Vec<String>,
}

impl Page {
    /// The folder part of `rel` (`case-studies` for `case-studies/a.md`).
    pub fn dir(&self) -> &str {
        self.rel.rsplit_once('/').map(|(d, _)| d).unwrap_or("")
    }

    /// Names this page can be linked by: title and aliases.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.meta.title.as_str())
            .chain(
                self.meta
                    .aliases
                    .iter()
                    .map(String::as_str)
                    .filter(|a| !is_url_alias(a)),
            )
            .filter(|s| !s.trim().is_empty())
    }

    /// Zola/Hugo-style aliases that are old URLs (`/old/path/`): redirects, not names.
    pub fn redirect_aliases(&self) -> impl Iterator<Item = &str> {
        self.meta
            .aliases
            .iter()
            .map(String::as_str)
            .filter(|a| is_url_alias(a))
    }
}

/// A folder's `_index.md`: title and description of a list page.
#[derive(Debug, Clone, Default)]
pub struct Section {
    /// Folder under `content/` (`case-studies`); empty for the home page.
    pub dir: String,
    pub meta: FrontMatter,
    pub body: String,
    /// 1-based file line of the body's first line.
    pub body_line: usize,
    pub file: Option<PathBuf>,
}

/// An alias starting with `/` or ending in `.html` is an old URL, not a name.
pub fn is_url_alias(alias: &str) -> bool {
    alias.starts_with('/') || alias.ends_with(".html")
}
