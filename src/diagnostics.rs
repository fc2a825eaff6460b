//! Problems found while building, each naming a file and, where known, a line.
//!
//! Every stage reports into a `Diagnostics` list instead of stopping at the
//! first problem, so one build shows the user everything that is wrong. Errors
//! fail the build (and leave the previous `public/` untouched); warnings do not.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

/// One problem: severity, file, optional 1-based line, message.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub file: PathBuf,
    pub line: Option<usize>,
    pub message: String,
}

impl Diagnostic {
    pub fn error(file: impl AsRef<Path>, line: Option<usize>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: file.as_ref().to_path_buf(),
            line,
            message: message.into(),
        }
    }

    pub fn warning(
        file: impl AsRef<Path>,
        line: Option<usize>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(file, line, message)
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The file path shown to the user: relative to `root` when possible.
    pub fn relative_to(mut self, root: &Path) -> Self {
        if let Ok(rel) = self.file.strip_prefix(root) {
            self.file = rel.to_path_buf();
        }
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        match self.line {
            Some(line) => write!(
                f,
                "{kind}: {}:{line}: {}",
                self.file.display(),
                self.message
            ),
            None => write!(f, "{kind}: {}: {}", self.file.display(), self.message),
        }
    }
}

/// A thread-safe collection of diagnostics, shared by the stages of one build.
#[derive(Debug, Default)]
pub struct Diagnostics {
    items: Mutex<Vec<Diagnostic>>,
}

impl Diagnostics {
    pub fn push(&self, d: Diagnostic) {
        if let Ok(mut items) = self.items.lock() {
            items.push(d);
        }
    }

    pub fn extend(&self, ds: impl IntoIterator<Item = Diagnostic>) {
        if let Ok(mut items) = self.items.lock() {
            items.extend(ds);
        }
    }

    pub fn has_errors(&self) -> bool {
        self.items
            .lock()
            .map(|items| items.iter().any(Diagnostic::is_error))
            .unwrap_or(false)
    }

    /// All diagnostics, errors last, each group sorted by file and line.
    pub fn into_sorted(self) -> Vec<Diagnostic> {
        let mut items = self.items.into_inner().unwrap_or_default();
        items.sort_by(|a, b| {
            (a.severity, &a.file, a.line, &a.message)
                .cmp(&(b.severity, &b.file, b.line, &b.message))
        });
        items.dedup();
        items
    }

    pub fn snapshot(&self) -> Vec<Diagnostic> {
        self.items.lock().map(|i| i.clone()).unwrap_or_default()
    }
}

/// 1-based line number of byte offset `pos` in `text`.
pub fn line_of(text: &str, pos: usize) -> usize {
    let pos = pos.min(text.len());
    text.as_bytes()[..pos]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_numbers_are_one_based() {
        assert_eq!(line_of("a\nb\nc", 0), 1);
        assert_eq!(line_of("a\nb\nc", 2), 2);
        assert_eq!(line_of("a\nb\nc", 99), 3);
    }

    #[test]
    fn display_names_file_and_line() {
        let d = Diagnostic::error("content/a.md", Some(3), "bad");
        assert_eq!(d.to_string(), "error: content/a.md:3: bad");
    }

    #[test]
    fn errors_sort_after_warnings() {
        let ds = Diagnostics::default();
        ds.push(Diagnostic::error("b.md", Some(1), "e"));
        ds.push(Diagnostic::warning("a.md", None, "w"));
        ds.push(Diagnostic::error("b.md", Some(1), "e"));
        let sorted = ds.into_sorted();
        assert_eq!(sorted.len(), 2);
        assert!(!sorted[0].is_error());
    }
}
