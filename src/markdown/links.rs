//! Links in a page's Markdown: internal links (wikilinks, `.md` paths,
//! root-relative URLs) rewritten to the target page's final URL and recorded
//! with their line for the link graph and broken-link checks; external and
//! relative links pass unchanged (their safety is `safe_events`' part).

use pulldown_cmark::{CowStr, LinkType};

use super::Pass;
use crate::content::links::{LinkKind, OutLink};

impl<'c> Pass<'c, '_> {
    /// Rewrites an internal link to its final URL and records it; external links pass.
    pub(super) fn resolve_link(
        &mut self,
        link_type: LinkType,
        dest: CowStr<'c>,
        offset: usize,
    ) -> CowStr<'c> {
        let (path, anchor) = match dest.split_once('#') {
            Some((p, a)) => (p.to_string(), Some(a.to_string())),
            None => (dest.to_string(), None),
        };
        let wiki = matches!(link_type, LinkType::WikiLink { .. });
        if !wiki && (is_external(&path) || (!path.ends_with(".md") && !path.starts_with('/'))) {
            if let (true, Some(a), Some(page)) = (path.is_empty(), &anchor, self.ctx.page) {
                self.push_link(page, LinkKind::Markdown, Some(a.clone()), offset);
            }
            return dest;
        }
        let target = if wiki {
            self.ctx.targets.by_name(&path)
        } else if path.ends_with(".md") {
            self.ctx.targets.by_markdown_path(self.ctx.dir, &path)
        } else {
            self.ctx
                .targets
                .by_output_path(&strip_base(&path, self.ctx.base_path))
        };
        match target {
            Some(t) => {
                let kind = if wiki {
                    LinkKind::Wiki
                } else {
                    LinkKind::Markdown
                };
                self.push_link(t, kind, anchor.clone(), offset);
                // A written link is the section's mention: no automatic one follows.
                self.linked_here.push(t);
                self.page_url(t, anchor.as_deref()).into()
            }
            None if wiki || path.ends_with(".md") => {
                let line = self.line(offset);
                self.out.broken.push((dest.to_string(), line));
                dest
            }
            None => self.prefix_root_relative(dest),
        }
    }

    pub(super) fn push_link(
        &mut self,
        target: usize,
        kind: LinkKind,
        anchor: Option<String>,
        offset: usize,
    ) {
        let line = self.line(offset);
        self.out.links.push(OutLink {
            target,
            kind,
            anchor,
            line,
        });
    }

    pub(super) fn page_url(&self, page: usize, anchor: Option<&str>) -> String {
        let mut url = self.ctx.urls[page].clone();
        if let Some(a) = anchor.filter(|a| !a.is_empty()) {
            url.push('#');
            url.push_str(a);
        }
        url
    }

    /// `/static/x.png` → `/repo/static/x.png` when the site lives under a subpath.
    pub(super) fn prefix_root_relative(&self, dest: CowStr<'c>) -> CowStr<'c> {
        if dest.starts_with('/') && !dest.starts_with("//") && !dest.starts_with(self.ctx.base_path)
        {
            format!("{}{}", self.ctx.base_path, &dest[1..]).into()
        } else {
            dest
        }
    }
}

fn is_external(dest: &str) -> bool {
    dest.starts_with("//")
        || dest.split_once(':').is_some_and(|(scheme, _)| {
            !scheme.is_empty()
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        })
}

fn strip_base(path: &str, base: &str) -> String {
    path.strip_prefix(base)
        .map(|p| format!("/{p}"))
        .unwrap_or_else(|| path.to_string())
}
