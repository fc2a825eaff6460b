//! Live reload: what the rebuild loop tells open browser tabs, carried as
//! Server-Sent Events on `/__livereload`, and the small script that listens.
//!
//! The script is injected into HTML responses by the HTTP layer only, so
//! `public/` on disk stays exactly what `site build` would write.

use std::sync::Mutex;

use tokio::sync::broadcast;

use crate::diagnostics::Diagnostic;

/// The listening script, served at `/__livereload.js`.
pub const SCRIPT: &str = include_str!("livereload.js");
/// The tag inserted before `</body>`.
pub const SCRIPT_TAG: &str = "<script src=\"/__livereload.js\"></script>";

/// One message to every open tab.
#[derive(Debug, Clone, PartialEq)]
pub enum Signal {
    /// Reload tabs showing one of these URL paths (`None`: every tab).
    Reload(Option<Vec<String>>),
    /// Swap these stylesheets (URL paths) without reloading.
    Css(Vec<String>),
    /// Show these problems in the overlay.
    Problems(Vec<Diagnostic>),
}

impl Signal {
    /// SSE event name and JSON data.
    pub fn event(&self) -> (&'static str, String) {
        match self {
            Signal::Reload(paths) => ("reload", serde_json::json!({ "paths": paths }).to_string()),
            Signal::Css(urls) => ("css", serde_json::to_string(urls).unwrap_or_default()),
            Signal::Problems(ds) => ("problems", problems_json(ds)),
        }
    }
}

fn problems_json(ds: &[Diagnostic]) -> String {
    let items: Vec<serde_json::Value> = ds
        .iter()
        .map(|d| {
            serde_json::json!({
                "severity": d.severity,
                "file": d.file.display().to_string(),
                "line": d.line,
                "message": d.message,
            })
        })
        .collect();
    serde_json::Value::Array(items).to_string()
}

/// The channel between the rebuild loop and the SSE connections, plus the
/// problems still open (sent to every tab that connects).
pub struct Hub {
    tx: broadcast::Sender<Signal>,
    problems: Mutex<Vec<Diagnostic>>,
}

impl Default for Hub {
    fn default() -> Self {
        Hub {
            tx: broadcast::channel(64).0,
            problems: Mutex::new(Vec::new()),
        }
    }
}

impl Hub {
    pub fn send(&self, signal: Signal) {
        // No receivers (no tab open) is fine.
        let _ = self.tx.send(signal);
    }

    pub fn subscribe(&self) -> broadcast::Receiver<Signal> {
        self.tx.subscribe()
    }

    /// Records the open problems; returns the previous ones.
    pub fn set_problems(&self, problems: Vec<Diagnostic>) -> Vec<Diagnostic> {
        match self.problems.lock() {
            Ok(mut p) => std::mem::replace(&mut *p, problems),
            Err(_) => Vec::new(),
        }
    }

    pub fn problems(&self) -> Vec<Diagnostic> {
        self.problems.lock().map(|p| p.clone()).unwrap_or_default()
    }
}

/// Inserts the script tag before the last `</body>` (case-insensitive), or
/// appends it when the page has none.
pub fn inject(html: &[u8]) -> Vec<u8> {
    let tag = SCRIPT_TAG.as_bytes();
    let mut out = Vec::with_capacity(html.len() + tag.len());
    let at = html
        .windows(7)
        .rposition(|w| w.eq_ignore_ascii_case(b"</body>"));
    match at {
        Some(i) => {
            out.extend_from_slice(&html[..i]);
            out.extend_from_slice(tag);
            out.extend_from_slice(&html[i..]);
        }
        None => {
            out.extend_from_slice(html);
            out.extend_from_slice(tag);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_goes_before_the_last_body_end() {
        let html = b"<p>&lt;/body&gt;</p><BODY>x</Body></html>";
        let out = String::from_utf8(inject(html)).expect("utf-8");
        assert_eq!(
            out,
            format!("<p>&lt;/body&gt;</p><BODY>x{SCRIPT_TAG}</Body></html>")
        );
        let bare = String::from_utf8(inject(b"<p>hi")).expect("utf-8");
        assert_eq!(bare, format!("<p>hi{SCRIPT_TAG}"));
    }

    #[test]
    fn problems_are_json_with_file_line_message() {
        let d = Diagnostic::error("content/a.md", Some(3), "bad <key>");
        let (name, data) = Signal::Problems(vec![d]).event();
        assert_eq!(name, "problems");
        let v: serde_json::Value = serde_json::from_str(&data).expect("json");
        assert_eq!(v[0]["file"], "content/a.md");
        assert_eq!(v[0]["line"], 3);
        assert_eq!(v[0]["message"], "bad <key>");
    }

    #[test]
    fn reloads_name_their_pages() {
        let (_, some) = Signal::Reload(Some(vec!["/a/".into()])).event();
        assert_eq!(some, r#"{"paths":["/a/"]}"#);
        let (_, all) = Signal::Reload(None).event();
        assert_eq!(all, r#"{"paths":null}"#);
    }
}
