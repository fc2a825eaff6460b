//! Machine-read files: Atom feeds (site and per tag), `sitemap.xml`,
//! `robots.txt`, `.nojekyll`, redirects for URL aliases, theme assets and the
//! generated syntax stylesheets. All URLs are absolute (base URL included).

use std::fmt::Write;

use rayon::prelude::*;

use super::highlight;
use super::templates::THEME_STATIC;
use crate::site::Site;

/// Entries in a feed.
const FEED_ENTRIES: usize = 30;
/// Date used for pages without one, so builds stay byte-identical.
const EPOCH: &str = "1970-01-01T00:00:00Z";

fn xml(s: &str) -> String {
    html_escape::encode_quoted_attribute(s).to_string()
}

/// `2024-01-02` → `2024-01-02T00:00:00Z`; datetimes pass through.
fn rfc3339(date: Option<&str>) -> String {
    match date {
        Some(d) if d.len() == 10 => format!("{d}T00:00:00Z"),
        Some(d) if !d.is_empty() => d.to_string(),
        _ => EPOCH.to_string(),
    }
}

impl Site {
    /// Every non-HTML file: `(path under public/, bytes)`. The tag feeds and
    /// the stylesheets (syntect's themes to load) are made in parallel.
    pub fn support_files(&self) -> Vec<(String, Vec<u8>)> {
        let ((light, dark), tag_feeds) = rayon::join(highlight::stylesheets, || {
            self.tags
                .terms
                .par_iter()
                .map(|t| {
                    let path = format!("tags/{}/", t.slug);
                    (
                        format!("{path}atom.xml"),
                        self.atom(&path, &t.pages).into_bytes(),
                    )
                })
                .collect::<Vec<_>>()
        });
        let mut files = vec![
            (
                "atom.xml".to_string(),
                self.atom("", &self.order).into_bytes(),
            ),
            ("sitemap.xml".to_string(), self.sitemap().into_bytes()),
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
        for (name, bytes) in THEME_STATIC {
            files.push((format!("static/{name}"), bytes.to_vec()));
        }
        files.push(("static/syntax-light.css".into(), light.into_bytes()));
        files.push(("static/syntax-dark.css".into(), dark.into_bytes()));
        files.extend(self.redirects());
        files
    }

    fn atom(&self, path: &str, pages: &[usize]) -> String {
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
            .filter_map(|&i| self.library.pages[i].meta.date.as_deref())
            .max();
        let mut s = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
        let _ = writeln!(s, "<title>{}</title>", xml(&title));
        let _ = writeln!(
            s,
            "<link rel=\"self\" href=\"{}\"/>",
            xml(&self.permalink(&format!("{path}atom.xml")))
        );
        let _ = writeln!(s, "<link href=\"{}\"/>", xml(&self.permalink(path)));
        let _ = writeln!(s, "<id>{}</id>", xml(&self.permalink(path)));
        let _ = writeln!(s, "<updated>{}</updated>", rfc3339(updated));
        for i in entries {
            let p = &self.library.pages[i];
            let link = self.permalink(&p.path);
            let summary = if p.meta.summary.is_empty() {
                &p.meta.description
            } else {
                &p.meta.summary
            };
            let _ = writeln!(
                s,
                "<entry xml:lang=\"{}\"><title>{}</title><link href=\"{}\"/><id>{}</id><updated>{}</updated><summary>{}</summary></entry>",
                xml(&p.lang),
                xml(&p.meta.title),
                xml(&link),
                xml(&link),
                rfc3339(p.meta.date.as_deref()),
                xml(summary)
            );
        }
        s.push_str("</feed>\n");
        s
    }

    fn sitemap(&self) -> String {
        let mut s = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        let mut paths: Vec<String> = vec![
            String::new(),
            "tags/".into(),
            "categories/".into(),
            "timeline/".into(),
            "graph/".into(),
        ];
        paths.extend(self.library.pages.iter().map(|p| p.path.clone()));
        paths.extend(self.section_dirs().into_iter().map(|d| format!("{d}/")));
        paths.extend(self.tags.terms.iter().map(|t| format!("tags/{}/", t.slug)));
        paths.extend(
            self.categories
                .terms
                .iter()
                .map(|t| format!("categories/{}/", t.slug)),
        );
        for p in paths {
            let _ = writeln!(s, "<url><loc>{}</loc></url>", xml(&self.permalink(&p)));
        }
        s.push_str("</urlset>\n");
        s
    }

    /// Zola/Hugo `aliases = ["/old/url/"]`: small redirect pages at old URLs.
    fn redirects(&self) -> Vec<(String, Vec<u8>)> {
        let mut out = Vec::new();
        for p in &self.library.pages {
            for alias in p.redirect_aliases() {
                let rel: String = alias.trim_start_matches('/').to_string();
                let file = if rel.ends_with(".html") {
                    rel
                } else {
                    format!("{}/index.html", rel.trim_end_matches('/'))
                };
                let target = xml(&self.url(&p.path));
                let html = format!(
                    "<!doctype html><meta charset=\"utf-8\"><title>Redirect</title><link rel=\"canonical\" href=\"{target}\"><meta http-equiv=\"refresh\" content=\"0; url={target}\"><a href=\"{target}\">{target}</a>\n"
                );
                out.push((file.trim_start_matches('/').to_string(), html.into_bytes()));
            }
        }
        out
    }
}
