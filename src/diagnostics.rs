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

/// One problem: severity, file, optional 1-based line (and column), message.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub file: PathBuf,
    pub line: Option<usize>,
    /// 1-based column in characters, when known (shown as `file:line:column`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    pub message: String,
}

impl Diagnostic {
    pub fn error(file: impl AsRef<Path>, line: Option<usize>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: file.as_ref().to_path_buf(),
            line,
            column: None,
            message: message.into(),
        }
    }

    /// The same problem at `column` of its line.
    pub fn at_column(mut self, column: usize) -> Self {
        self.column = Some(column);
        self
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
        match (self.line, self.column) {
            (Some(line), Some(column)) => write!(
                f,
                "{kind}: {}:{line}:{column}: {}",
                self.file.display(),
                self.message
            ),
            (Some(line), None) => write!(
                f,
                "{kind}: {}:{line}: {}",
                self.file.display(),
                self.message
            ),
            (None, _) => write!(f, "{kind}: {}: {}", self.file.display(), self.message),
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
        sorted(self.items.into_inner().unwrap_or_default())
    }

    /// All diagnostics so far as the user sees them: paths relative to
    /// `root`, sorted as `into_sorted`, each problem once (one template
    /// error met by every page that uses the template is one line).
    pub fn report(&self, root: &Path) -> Vec<Diagnostic> {
        sorted(
            self.snapshot()
                .into_iter()
                .map(|d| d.relative_to(root))
                .collect(),
        )
    }

    pub fn snapshot(&self) -> Vec<Diagnostic> {
        self.items.lock().map(|i| i.clone()).unwrap_or_default()
    }
}

/// `items` with errors last, each group sorted by file and line, repeats removed.
pub fn sorted(mut items: Vec<Diagnostic>) -> Vec<Diagnostic> {
    items.sort_by(|a, b| {
        (a.severity, &a.file, a.line, a.column, &a.message)
            .cmp(&(b.severity, &b.file, b.line, b.column, &b.message))
    });
    items.dedup();
    items
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

/// 1-based (line, column) of byte offset `pos` in `bytes`, the column
/// counted in characters (bytes that are not valid UTF-8 count one each).
pub fn line_column_of(bytes: &[u8], pos: usize) -> (usize, usize) {
    let pos = pos.min(bytes.len());
    let before = &bytes[..pos];
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line, column)
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
    fn columns_count_characters() {
        assert_eq!(line_column_of(b"a\nb", 0), (1, 1));
        assert_eq!(line_column_of(b"a\n\xe5\xb0\x8fb\xff", 6), (2, 3));
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
