//! Tera templates: the embedded default theme, overridden file by file by the
//! theme folder on disk (`themes/<name>/templates/`) and then by the site's
//! own `templates/`. The default theme is compiled into the binary so
//! `site build` works anywhere.

use std::path::{Path, PathBuf};

use tera::Tera;

use crate::config::Config;
use crate::diagnostics::Diagnostic;

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
        let theme_dir = config
            .root
            .join("themes")
            .join(&config.theme)
            .join("templates");
        for dir in [theme_dir, config.root.join("templates")] {
            for (name, path) in html_files(&dir) {
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
        let mut tera = Tera::default();
        tera.autoescape_on(vec![".html", ".xml"]);
        tera.set_escape_fns(escape_html, escape_html_into);
        // After an unreadable file, only the per-file check below runs.
        let added = if problems.is_empty() {
            let raw = files.iter().map(|(n, t, _)| (n.as_str(), t.as_str()));
            tera.add_raw_templates(raw).map_err(Some)
        } else {
            Err(None)
        };
        if let Err(whole) = added {
            // Parse one by one so every broken file is named, not only the
            // first (only on failure: each parse costs more than rendering a page).
            for (name, text, path) in &files {
                if let Err(e) = tera::Template::new(name, None, text) {
                    problems.push(template_error(path, &e));
                }
            }
            if let (true, Some(e)) = (problems.is_empty(), whole) {
                problems.push(Diagnostic::error("templates", None, error_chain(&e)));
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(Templates { tera, sources })
    }

    /// Renders `name` into bytes ready to write (Tera writes UTF-8, so
    /// checking it again would only cost time); a failure names the
    /// template file.
    pub fn render(&self, name: &str, ctx: &tera::Context) -> Result<Vec<u8>, Diagnostic> {
        let mut out = Vec::with_capacity(16 * 1024);
        self.tera.render_to(name, ctx, &mut out).map_err(|e| {
            let path = self.source_of(name);
            template_error(&path, &e)
        })?;
        Ok(out)
    }

    fn source_of(&self, name: &str) -> PathBuf {
        self.sources
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, p)| p.clone())
            .unwrap_or_else(|| PathBuf::from(name))
    }
}

fn html_files(dir: &Path) -> Vec<(String, PathBuf)> {
    if !dir.is_dir() {
        return Vec::new();
    }
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter(|e| {
            e.path()
                .extension()
                .is_some_and(|x| x == "html" || x == "xml")
        })
        .filter_map(|e| {
            let name = e
                .path()
                .strip_prefix(dir)
                .ok()?
                .to_string_lossy()
                .replace('\\', "/");
            Some((name, e.into_path()))
        })
        .collect()
}

/// A Tera error as one line, with the file line when Tera gave one (`--> 3:5`).
fn template_error(path: &Path, e: &tera::Error) -> Diagnostic {
    let text = error_chain(e);
    let line = text
        .split("--> ")
        .nth(1)
        .and_then(|rest| rest.split(':').next())
        .and_then(|n| n.trim().parse().ok());
    Diagnostic::error(path, line, text)
}

fn error_chain(e: &tera::Error) -> String {
    let mut parts = vec![e.to_string()];
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        parts.push(s.to_string());
        source = s.source();
    }
    parts
        .join(": ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Escapes the five characters that matter in HTML text and attributes, and
/// leaves `/` alone so URLs stay readable. Every variable a template prints
/// goes through here.
fn escape_html(input: &str) -> String {
    let mut out = String::new();
    push_escaped(&mut out, input);
    out
}

/// Appends `input` to `out` with `&<>"'` escaped, for HTML text and quoted
/// attributes alike.
pub fn push_escaped(out: &mut String, input: &str) {
    out.reserve(input.len());
    escape_runs(input, |run| out.push_str(run));
}

/// `escape_html` writing straight into a template's output (no `String` per
/// printed variable).
fn escape_html_into(input: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut result = Ok(());
    escape_runs(input, |run| {
        if result.is_ok() {
            result = out.write_all(run.as_bytes());
        }
    });
    result
}

/// Hands `input` to `push` as runs of plain text and entities for the
/// special bytes. The scan is a table lookup per byte; the special bytes are
/// ASCII, so byte positions between runs are char boundaries.
fn escape_runs(input: &str, mut push: impl FnMut(&str)) {
    let mut last = 0;
    for (i, &b) in input.as_bytes().iter().enumerate() {
        if !SPECIAL[b as usize] {
            continue;
        }
        if i > last {
            push(&input[last..i]);
        }
        push(match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            _ => "&#39;",
        });
        last = i + 1;
    }
    if last < input.len() {
        push(&input[last..]);
    }
}

/// The bytes `push_escaped` replaces.
const SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    t[b'&' as usize] = true;
    t[b'<' as usize] = true;
    t[b'>' as usize] = true;
    t[b'"' as usize] = true;
    t[b'\'' as usize] = true;
    t
};

#[cfg(test)]
mod tests {
    use super::{escape_html, escape_html_into};

    #[test]
    fn escapes_markup_and_keeps_other_text() {
        assert_eq!(
            escape_html(r#"<a href="x">'小米' & Co</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&#39;小米&#39; &amp; Co&lt;/a&gt;"
        );
        assert_eq!(escape_html("口碑"), "口碑");
        assert_eq!(escape_html(""), "");
    }

    #[test]
    fn escaping_into_a_writer_matches_escaping_to_a_string() {
        for input in [r#"<a href="x">'小米' & Co</a>"#, "口碑", "", "&", "a<b"] {
            let mut out = Vec::new();
            escape_html_into(input, &mut out).unwrap();
            assert_eq!(String::from_utf8(out).unwrap(), escape_html(input));
        }
    }
}
