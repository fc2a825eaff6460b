//! Tera templates: the embedded default theme, overridden file by file by the
//! theme folder on disk (`themes/<name>/templates/`) and then by the site's
//! own `templates/`. The default theme is compiled into the binary so
//! `site build` works anywhere.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use tera::{ErrorKind, Tera};

use super::reads::SiteReads;
use crate::config::Config;
use crate::diagnostics::Diagnostic;
/// Feeds and the graph write through the one escaper too.
pub use crate::text::escape::push_escaped;

macro_rules! embedded {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../../themes/default/templates/", $name)))),*]
    };
}

/// The default theme's templates, embedded at compile time.
pub const THEME_TEMPLATES: &[(&str, &str)] = embedded!(
    "base.html",
    "index.html",
    "page.html",
    "section.html",
    "taxonomy_list.html",
    "taxonomy_term.html",
    "search.html",
    "timeline.html",
    "graph.html",
    "404.html",
    "page_list.html",
);

macro_rules! embedded_static {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_bytes!(concat!("../../themes/default/static/", $name)) as &[u8])),*]
    };
}

/// The default theme's static files (written under `public/static/`).
pub const THEME_STATIC: &[(&str, &[u8])] =
    embedded_static!("style.css", "search.js", "search.css", "theme.js");

/// Loaded templates plus where each came from (for error messages).
pub struct Templates {
    pub tera: Tera,
    sources: Vec<(String, PathBuf)>,
    /// What each template reads of `site` (see `reads`).
    site_reads: HashMap<String, SiteReads>,
    /// Template files skipped (symlinks out of the site).
    pub warnings: Vec<Diagnostic>,
}

impl Templates {
    /// Loads theme and site templates; every broken template is reported.
    pub fn load(config: &Config) -> Result<Templates, Vec<Diagnostic>> {
        let mut files: Vec<(String, String, PathBuf)> = THEME_TEMPLATES
            .iter()
            .map(|(n, t)| {
                (
                    n.to_string(),
                    t.to_string(),
                    PathBuf::from(format!("themes/default/templates/{n} (built in)")),
                )
            })
            .collect();
        let mut problems = Vec::new();
        let mut warnings = Vec::new();
        let theme_dir = config
            .root
            .join("themes")
            .join(&config.theme)
            .join("templates");
        for dir in [theme_dir, config.root.join("templates")] {
            for (name, path) in html_files(&config.root, &dir, &mut warnings) {
                match std::fs::read_to_string(&path) {
                    Ok(text) => {
                        files.retain(|(n, _, _)| n != &name);
                        files.push((name, text, path));
                    }
                    Err(e) => problems.push(Diagnostic::error(&path, None, e.to_string())),
                }
            }
        }
        let sources: Vec<(String, PathBuf)> = files
            .iter()
            .map(|(n, _, p)| (n.clone(), p.clone()))
            .collect();
        problems.extend(super::includes::loops(&files));
        let mut tera = Tera::new();
        tera.autoescape_on([".html", ".xml"]);
        tera.set_escape_fn(crate::text::escape::escape_into);
        // After an unreadable file or an include loop, only the per-file
        // check below runs.
        let added = if problems.is_empty() {
            let raw = files.iter().map(|(n, t, _)| (n.as_str(), t.as_str()));
            tera.add_raw_templates(raw).map_err(Some)
        } else {
            Err(None)
        };
        if let Err(whole) = added {
            // Check each file on its own, beside the built-in theme, so every
            // broken one is named, not only the first (only on failure). A
            // parent that is another site template is missing there, so
            // that error only counts for the whole set.
            for (name, text, _) in &files {
                if let Err(e) = check_alone(name, text) {
                    if !matches!(e.kind(), ErrorKind::MissingParent { .. })
                        && !is_unknown_include(&e, &files)
                    {
                        problems.push(template_error(&sources, name, &e));
                    }
                }
            }
            if let (true, Some(e)) = (problems.is_empty(), whole) {
                problems.push(template_error(&sources, "templates", &e));
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let site_reads =
            super::reads::site_reads(files.iter().map(|(n, t, _)| (n.as_str(), t.as_str())));
        Ok(Templates {
            tera,
            sources,
            site_reads,
            warnings,
        })
    }

    /// What template `name` reads of `site` (everything, when unknown).
    pub fn site_reads(&self, name: &str) -> &SiteReads {
        self.site_reads.get(name).unwrap_or(&SiteReads::All)
    }

    /// Whether a template called `name` is loaded.
    pub fn has(&self, name: &str) -> bool {
        self.tera.contains_template(name)
    }

    /// Renders `name` into bytes ready to write (Tera writes UTF-8, so
    /// checking it again would only cost time); a failure names the
    /// template file.
    pub fn render(&self, name: &str, ctx: &tera::Context) -> Result<Vec<u8>, Diagnostic> {
        let mut out = Vec::with_capacity(16 * 1024);
        self.tera
            .render_to(name, ctx, &mut out)
            .map_err(|e| template_error(&self.sources, name, &e))?;
        Ok(out)
    }
}

/// Parses template `name` with the built-in theme around it (the parents
/// it may extend and the templates it may include).
fn check_alone(name: &str, text: &str) -> Result<(), tera::Error> {
    let mut tera = Tera::new();
    tera.add_raw_templates(THEME_TEMPLATES.iter().copied())?;
    tera.add_raw_template(name, text)
}

/// Whether `e` says a template is unknown that is in fact one of `files`
/// (checked alone, a template misses the site templates it includes).
fn is_unknown_include(e: &tera::Error, files: &[(String, String, PathBuf)]) -> bool {
    let text = error_text(e);
    text.contains("Unknown template")
        && files
            .iter()
            .any(|(n, _, _)| text.contains(&format!("`{n}`")))
}

/// Where template `name` came from (for messages).
fn source_of(sources: &[(String, PathBuf)], name: &str) -> PathBuf {
    sources
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, p)| p.clone())
        .unwrap_or_else(|| PathBuf::from(name))
}

fn html_files(root: &Path, dir: &Path, warnings: &mut Vec<Diagnostic>) -> Vec<(String, PathBuf)> {
    crate::site_files::files_under(root, dir, &mut |d| warnings.push(d))
        .into_iter()
        .filter(|p| p.extension().is_some_and(|x| x == "html" || x == "xml"))
        .filter_map(|path| {
            let name = path
                .strip_prefix(dir)
                .ok()?
                .to_string_lossy()
                .replace('\\', "/");
            Some((name, path))
        })
        .collect()
}

/// A Tera error as a diagnostic: for syntax and rendering errors, the file
/// and line Tera points at (an error inside `base.html` while rendering
/// `page.html` names `base.html`); for inheritance errors, the template
/// that extends; otherwise the file of template `name`.
fn template_error(sources: &[(String, PathBuf)], name: &str, e: &tera::Error) -> Diagnostic {
    match e.kind() {
        ErrorKind::MissingParent { current: tpl, .. } | ErrorKind::CircularExtend { tpl, .. } => {
            Diagnostic::error(source_of(sources, tpl), None, error_text(e))
        }
        ErrorKind::SyntaxError(report) | ErrorKind::RenderingError(report) => {
            let file = if report.filename().is_empty() {
                name
            } else {
                report.filename()
            };
            Diagnostic::error(
                source_of(sources, file),
                Some(report.span().start_line),
                one_line(report.message()),
            )
        }
        _ => {
            // Reference checks (unknown filters, tests, functions) come as
            // text with Tera's `--> name:line:col` pointer.
            let text = error_text(e);
            Diagnostic::error(source_of(sources, name), pointed_line(&text), text)
        }
    }
}

/// The line of the first `--> name:line:col` pointer in `text`.
fn pointed_line(text: &str) -> Option<usize> {
    let pointer = text.split("--> ").nth(1)?.split_whitespace().next()?;
    let mut parts = pointer.rsplitn(3, ':');
    let _col = parts.next()?;
    parts.next()?.parse().ok()
}

/// An error and its causes on one line.
fn error_text(e: &tera::Error) -> String {
    let mut parts = vec![e.to_string()];
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        parts.push(s.to_string());
        source = s.source();
    }
    one_line(&parts.join(": "))
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    #[test]
    fn finds_the_line_tera_points_at() {
        let text = "error: Unknown filter `x` --> section.html:2:27 | 2 | {{ a | x }}";
        assert_eq!(super::pointed_line(text), Some(2));
        assert_eq!(super::pointed_line("no pointer here"), None);
    }
}
