//! What Markdown syntax itself may emit, applied to pulldown-cmark events
//! before they become HTML (raw HTML is `sanitize`'s part).
//!
//! - Heading attributes (`# T {#id .class key=value}`): only the id and the
//!   classes are kept, each reduced to letters, digits, `-`, `_`, `.` and
//!   `:`; any other attribute (`onfocus=…`, `style=…`, `tabindex`) is dropped.
//! - Link, autolink, reference-link and image URLs: relative and fragment
//!   URLs and the schemes `http`, `https` and `mailto` are kept; any other
//!   scheme becomes `#`. The scheme is read as a browser reads it — tabs and
//!   newlines anywhere and leading spaces and controls ignored, any case,
//!   percent escapes decoded (entities are already decoded by the parser) —
//!   so `javascript:`, ` JavaScript:`, `java&#9;script:`, `%6Aavascript:`,
//!   `vbscript:` and `data:text/html,…` all become `#`.

use pulldown_cmark::{CowStr, Event, Tag};

use crate::content::slug::decode_path;

/// URL schemes a link or image may use.
const ALLOWED_SCHEMES: [&str; 3] = ["http", "https", "mailto"];

/// `event` with its heading attributes and URL made safe (see the module
/// comment); every other event passes unchanged.
pub fn filter(event: Event<'_>) -> Event<'_> {
    match event {
        Event::Start(tag @ Tag::Heading { .. }) => Event::Start(heading(tag)),
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Link {
            link_type,
            dest_url: url(dest_url),
            title,
            id,
        }),
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Image {
            link_type,
            dest_url: url(dest_url),
            title,
            id,
        }),
        other => other,
    }
}

/// A heading tag with only its cleaned id and classes; other tags pass.
pub fn heading(tag: Tag<'_>) -> Tag<'_> {
    match tag {
        Tag::Heading {
            level, id, classes, ..
        } => Tag::Heading {
            level,
            id: id.and_then(|i| token(&i)),
            classes: classes.iter().filter_map(|c| token(c)).collect(),
            attrs: Vec::new(),
        },
        other => other,
    }
}

/// `a"b<c` → `abc`; `None` when nothing is left.
fn token<'a>(value: &str) -> Option<CowStr<'a>> {
    let kept: String = value
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | ':'))
        .collect();
    (!kept.is_empty()).then(|| kept.into())
}

/// `dest` when it is relative or uses an allowed scheme, else `#`.
pub fn url(dest: CowStr<'_>) -> CowStr<'_> {
    match allowed(&dest) {
        true => dest,
        false => CowStr::Borrowed("#"),
    }
}

/// Whether `url` is relative (no scheme before the first `/`, `?` or `#`)
/// or has an allowed scheme.
fn allowed(url: &str) -> bool {
    let squeezed: String = url
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let head = squeezed
        .split(['/', '?', '#', '\\'])
        .next()
        .unwrap_or_default();
    let decoded = decode_path(head);
    match decoded.split_once(':') {
        None => true,
        Some((scheme, _)) => ALLOWED_SCHEMES
            .iter()
            .any(|s| s.eq_ignore_ascii_case(scheme)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schemes() {
        for bad in [
            "javascript:alert(1)",
            " JavaScript:x",
            "\u{1}javascript:x",
            "data:text/html,x",
            "vbscript:x",
            "java\tscript:x",
            "java\nscript:x",
            "%6Aavascript:x",
            "javascript%3Ax:y",
            "javascript%3Ax",
            "ftp://x.org/",
        ] {
            assert!(!allowed(bad), "{bad}");
        }
        for ok in [
            "https://x.org/",
            "HTTP://x",
            "mailto:a@b",
            "//x.org/a",
            "/a/b",
            "b.md",
            "#top",
            "a/b:c",
            "?q=a:b",
            "",
        ] {
            assert!(allowed(ok), "{ok}");
        }
    }

    #[test]
    fn tokens_keep_word_characters() {
        assert_eq!(token("we\"ird'").as_deref(), Some("weird"));
        assert_eq!(token("小米-1_a.b:c").as_deref(), Some("小米-1_a.b:c"));
        assert_eq!(token("\"<>").as_deref(), None);
    }
}
