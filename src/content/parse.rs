//! Reading one content file: bytes → UTF-8 → front matter and body → a
//! `Page` (or a section's `_index.md`, or a draft left out). Problems name
//! the file and line.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use super::{controls, front_matter, Page, PageKind, Section};
use crate::config::Config;
use crate::diagnostics::Diagnostic;

/// A parsed file, before slugs and paths are assigned.
pub(super) enum Parsed {
    Page(Box<Page>),
    Section(Box<Section>),
    /// A draft, left out of the site.
    Draft,
}

/// Told once when the loader first meets Chinese text.
pub struct ChineseWatch<'a> {
    seen: AtomicBool,
    on_first: &'a (dyn Fn() + Sync),
}

impl<'a> ChineseWatch<'a> {
    pub fn new(on_first: &'a (dyn Fn() + Sync)) -> ChineseWatch<'a> {
        ChineseWatch {
            seen: AtomicBool::new(false),
            on_first,
        }
    }

    fn seen(&self) -> bool {
        self.seen.load(Ordering::Relaxed)
    }

    fn saw_chinese(&self) {
        if !self.seen.swap(true, Ordering::Relaxed) {
            (self.on_first)();
        }
    }
}

/// Reads one content file; warnings (control characters stripped) go to
/// `warnings`, Chinese text to `watch`.
pub(super) fn parse_file(
    config: &Config,
    content_dir: &Path,
    file: &Path,
    warnings: &mut Vec<Diagnostic>,
    watch: Option<&ChineseWatch>,
) -> Result<Parsed, Diagnostic> {
    let display = file.strip_prefix(&config.root).unwrap_or(file);
    let bytes = std::fs::read(file).map_err(|e| Diagnostic::error(display, None, e.to_string()))?;
    let text = crate::text::string_from_utf8(bytes).map_err(|e| {
        let (line, column) =
            crate::diagnostics::line_column_of(e.as_bytes(), e.utf8_error().valid_up_to());
        Diagnostic::error(
            display,
            Some(line),
            "not valid UTF-8 (save the file as UTF-8)",
        )
        .at_column(column)
    })?;
    let mut split = front_matter::split(&text)
        .map_err(|e| Diagnostic::error(display, Some(e.line), e.message))?;
    warnings.extend(controls::strip_with_warnings(
        &mut split.front_matter,
        &text,
        display,
    ));
    let rel = file
        .strip_prefix(content_dir)
        .unwrap_or(file)
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/");
    let dir = rel
        .rsplit_once('/')
        .map(|(d, _)| d.to_string())
        .unwrap_or_default();
    if rel.ends_with("_index.md") {
        return Ok(Parsed::Section(Box::new(Section {
            dir,
            meta: split.front_matter,
            body: split.body.to_string(),
            body_line: split.body_line,
            file: Some(file.to_path_buf()),
        })));
    }
    let meta = split.front_matter;
    if meta.draft && !config.drafts {
        return Ok(Parsed::Draft);
    }
    let category = match meta.category_value() {
        Some(value) => match config.category(value) {
            Some(c) => Some(c.slug.clone()),
            None => {
                let names: Vec<&str> = config.categories.iter().map(|c| c.name.as_str()).collect();
                return Err(Diagnostic::error(
                    display,
                    front_matter::line_of_key(&text, "category").or(Some(1)),
                    format!(
                        "unknown category `{value}` (expected one of: {})",
                        names.join(", ")
                    ),
                ));
            }
        },
        None => None,
    };
    let section = rel
        .split('/')
        .next()
        .filter(|_| rel.contains('/'))
        .unwrap_or("")
        .to_string();
    // The scan that detects the language also says whether there is Chinese
    // text at all; a page with its own `lang` is only scanned until Chinese
    // was seen anyway.
    let watching = watch.is_some_and(|w| !w.seen());
    let (lang, chinese) = match &meta.lang {
        Some(lang) => (
            lang.clone(),
            lang == "zh" || (watching && crate::text::has_cjk(split.body)),
        ),
        None => {
            let counts = crate::text::ScriptCounts::of(&[&meta.title, split.body]);
            (counts.lang().to_string(), counts.cjk > 0)
        }
    };
    if let Some(w) = watch.filter(|_| chinese) {
        w.saw_chinese();
    }
    let mut meta = meta;
    if meta.title.trim().is_empty() {
        meta.title = fallback_title(split.body, &rel);
    }
    Ok(Parsed::Page(Box::new(Page {
        file: file.to_path_buf(),
        kind: PageKind::of_section(&section),
        tags: meta.all_tags(),
        body_line: split.body_line,
        body: {
            // The body is the end of the file's text: cut the front matter
            // off in place rather than copy the body into fresh memory.
            let start = split.body.as_ptr() as usize - text.as_ptr() as usize;
            let mut text = text;
            text.drain(..start);
            text
        },
        meta,
        rel,
        path: String::new(),
        lang,
        category,
    })))
}

/// A page without a title takes its first heading, else its file name.
fn fallback_title(body: &str, rel: &str) -> String {
    body.lines()
        .find_map(|l| l.strip_prefix("# ").map(|t| t.trim().to_string()))
        .unwrap_or_else(|| {
            rel.rsplit('/')
                .next()
                .unwrap_or(rel)
                .trim_end_matches(".md")
                .to_string()
        })
}
