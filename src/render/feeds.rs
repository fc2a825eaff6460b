//! Machine-read files: Atom feeds (site and per tag), `sitemap.xml`,
//! `robots.txt`, `.nojekyll`, redirects for URL aliases, theme assets and the
//! generated syntax stylesheets. All URLs are absolute (base URL included).

use std::io;

use rayon::prelude::*;

use super::templates::{push_escaped, THEME_STATIC};
use super::xml::XmlDoc;
use super::Model;
use crate::diagnostics::Diagnostic;
use crate::markdown::highlight;

/// Entries in a feed.
const FEED_ENTRIES: usize = 30;
/// Date used for pages without one, so builds stay byte-identical.
const EPOCH: &str = "1970-01-01T00:00:00Z";

impl Model<'_> {
    /// Every non-HTML file: `(path under public/, bytes)`: what the
    /// content makes (`generated_files`) and the theme's assets.
    pub fn support_files(&self) -> Result<Vec<(String, Vec<u8>)>, Diagnostic> {
        let (assets, generated) = rayon::join(assets, || self.generated_files());
        let mut files = generated?;
        files.extend(assets);
        Ok(files)
    }

    /// The feeds (site and per tag, in parallel), sitemap, `robots.txt`,
    /// `.nojekyll` and redirects.
    pub fn generated_files(&self) -> Result<Vec<(String, Vec<u8>)>, Diagnostic> {
        let failed = |e: io::Error| Diagnostic::error("atom.xml", None, e.to_string());
        let tag_feeds = (self.analysis.lists.tags.terms.par_iter())
            .map(|t| {
                let path = format!("tags/{}/", t.slug);
                Ok((format!("{path}atom.xml"), self.atom(&path, &t.pages)?))
            })
            .collect::<io::Result<Vec<_>>>()
            .map_err(failed)?;
        let mut files = vec![
            (
                "atom.xml".to_string(),
                self.atom("", &self.analysis.lists.order).map_err(failed)?,
            ),
            ("sitemap.xml".to_string(), self.sitemap().map_err(failed)?),
            (
                "robots.txt".to_string(),
                format!(
                    "User-agent: *\nAllow: /\nSitemap: {}sitemap.xml\n",
                    self.config.base_url
                )
                .into_bytes(),
            ),
            (".nojekyll".to_string(), Vec::new()),
        ];
        files.extend(tag_feeds);
        files.extend(self.redirects());
        Ok(files)
    }

    fn atom(&self, path: &str, pages: &[usize]) -> io::Result<Vec<u8>> {
        let title = match path {
            "" => self.config.title.clone(),
            p => format!(
                "{} · {}",
                self.config.title,
                p.trim_end_matches('/').rsplit('/').next().unwrap_or(p)
            ),
        };
        let entries: Vec<usize> = pages.iter().copied().take(FEED_ENTRIES).collect();
        let updated = entries
            .iter()
            .filter_map(|&i| self.library.pages[i].meta.date.as_ref())
            .max()
            .map_or(EPOCH, |d| d.rfc3339());
        let mut x = XmlDoc::new()?;
        x.open("feed", &[("xmlns", "http://www.w3.org/2005/Atom")])?;
        x.newline()?;
        x.element("title", &title)?;
        x.newline()?;
        let own = self.permalink(&format!("{path}atom.xml"));
        x.empty("link", &[("rel", "self"), ("href", &own)])?;
        x.newline()?;
        x.empty("link", &[("href", &self.permalink(path))])?;
        x.newline()?;
        x.element("id", &self.permalink(path))?;
        x.newline()?;
        x.element("updated", updated)?;
        x.newline()?;
        for i in entries {
            let p = &self.library.pages[i];
            let link = self.permalink(&p.path);
            let summary = if p.meta.summary.is_empty() {
                &p.meta.description
            } else {
                &p.meta.summary
            };
            x.open("entry", &[("xml:lang", &p.lang)])?;
            x.element("title", &p.meta.title)?;
            x.empty("link", &[("href", &link)])?;
            x.element("id", &link)?;
            x.element(
                "updated",
                p.meta.date.as_ref().map_or(EPOCH, |d| d.rfc3339()),
            )?;
            x.element("summary", summary)?;
            x.close("entry")?;
            x.newline()?;
        }
        x.close("feed")?;
        x.newline()?;
        Ok(x.finish())
    }

    fn sitemap(&self) -> io::Result<Vec<u8>> {
        let mut x = XmlDoc::new()?;
        x.open(
            "urlset",
            &[("xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9")],
        )?;
        x.newline()?;
        let mut paths: Vec<String> = vec![
            String::new(),
            "tags/".into(),
            "categories/".into(),
            "timeline/".into(),
            "graph/".into(),
        ];
        paths.extend(self.library.pages.iter().map(|p| p.path.clone()));
        paths.extend(self.section_dirs().into_iter().map(|d| format!("{d}/")));
        paths.extend(
            self.analysis
                .lists
                .tags
                .terms
                .iter()
                .map(|t| format!("tags/{}/", t.slug)),
        );
        paths.extend(
            self.analysis
                .lists
                .categories
                .terms
                .iter()
                .map(|t| format!("categories/{}/", t.slug)),
        );
        for p in paths {
            x.open("url", &[])?;
            x.element("loc", &self.permalink(&p))?;
            x.close("url")?;
            x.newline()?;
        }
        x.close("urlset")?;
        x.newline()?;
        Ok(x.finish())
    }

    /// Zola/Hugo `aliases = ["/old/url/"]`: small redirect pages at old URLs
    /// (only aliases that own their path: see `owners`).
    fn redirects(&self) -> Vec<(String, Vec<u8>)> {
        self.alias_files()
            .into_iter()
            .map(|a| {
                let mut target = String::new();
                push_escaped(&mut target, &self.url(&self.library.pages[a.page].path));
                let html = format!(
                    "<!doctype html><meta charset=\"utf-8\"><title>Redirect</title><link rel=\"canonical\" href=\"{target}\"><meta http-equiv=\"refresh\" content=\"0; url={target}\"><a href=\"{target}\">{target}</a>\n"
                );
                (a.file, html.into_bytes())
            })
            .collect()
    }
}

/// The theme's assets and the syntax stylesheets (syntect's themes to
/// load): the same for every site.
pub fn assets() -> Vec<(String, Vec<u8>)> {
    let (light, dark) = highlight::stylesheets();
    let mut files: Vec<(String, Vec<u8>)> = THEME_STATIC
        .iter()
        .map(|(name, bytes)| (format!("static/{name}"), bytes.to_vec()))
        .collect();
    files.push(("static/syntax-light.css".into(), light.into_bytes()));
    files.push(("static/syntax-dark.css".into(), dark.into_bytes()));
    files
}
