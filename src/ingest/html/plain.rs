//! Stray HTML in plain text (a seed that `is_html` does not take for a
//! page): tags are dropped (block tags become line breaks, script/style
//! bodies and comments vanish) and entities decoded, twice for double-escaped
//! ones (`&amp;ldquo;`). The entity decoder also serves the HTML extractor for
//! leftovers the parser left escaped.

use std::sync::LazyLock;

use regex::Regex;

use crate::ingest::report::Report;
use crate::text::fixed;

use super::Removed;

struct Patterns {
    hidden: Regex,
    block: Regex,
    tag: Regex,
    entity: Regex,
}

static PATTERNS: LazyLock<Patterns> = LazyLock::new(|| Patterns {
    hidden: fixed::regex(r"(?is)<!--.*?-->|<(script|style)\b[^>]*>.*?</(script|style)\s*>"),
    block: fixed::regex(
        r"(?i)</?(br|p|div|li|ul|ol|h[1-6]|tr|table|blockquote|section|article)\b[^<>]*>",
    ),
    tag: fixed::regex(super::TAG),
    entity: fixed::regex(r"&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});"),
});

/// Drops tags and decodes entities, counting both.
pub fn strip_html(text: &str, report: &mut Report) -> String {
    let p = &*PATTERNS;
    let mut out = text.to_string();
    if out.contains('<') {
        out = strip_tags(&out, p, report);
    }
    // Twice: `&amp;ldquo;` is a double-escaped `“`.
    for _ in 0..2 {
        if !p.entity.is_match(&out) {
            break;
        }
        out = decode_entities(&out, p, report);
    }
    out
}

fn strip_tags(text: &str, p: &Patterns, report: &mut Report) -> String {
    let mut count = 0;
    let mut example = String::new();
    let mut note = |m: &str| {
        count += 1;
        if example.is_empty() {
            example = crate::ingest::report::snippet(m, 30);
        }
    };
    let text = p.hidden.replace_all(text, |c: &regex::Captures| {
        note(&c[0]);
        String::new()
    });
    let text = p.block.replace_all(&text, |c: &regex::Captures| {
        note(&c[0]);
        "\n".to_string()
    });
    let text = p.tag.replace_all(&text, |c: &regex::Captures| {
        note(&c[0]);
        String::new()
    });
    report.add("html-tag", count, example);
    text.into_owned()
}

/// Decodes entities left in text the parser already decoded once
/// (`&amp;ldquo;` in the page → `&ldquo;` → `“`), counting them.
pub fn decode_leftovers(text: &str, removed: &mut Removed) -> String {
    let p = &*PATTERNS;
    if !p.entity.is_match(text) {
        return text.to_string();
    }
    let mut out = text.to_string();
    for _ in 0..2 {
        let (decoded, n, example) = decode_counting(&out, p);
        if n == 0 {
            break;
        }
        if removed.entity_example.is_empty() {
            removed.entity_example = example;
        }
        removed.entities += n;
        out = decoded;
    }
    out
}

/// Entities in the page source that decode to something, and an example.
pub fn count_entities(text: &str) -> (usize, String) {
    let p = &*PATTERNS;
    let mut example = String::new();
    let n = p
        .entity
        .find_iter(text)
        .filter(|m| {
            let decoded = html_escape::decode_html_entities(m.as_str());
            let changed = decoded != m.as_str();
            if changed && example.is_empty() {
                example = format!("{} → {decoded}", m.as_str());
            }
            changed
        })
        .count();
    (n, example)
}

fn decode_entities(text: &str, p: &Patterns, report: &mut Report) -> String {
    let (out, count, example) = decode_counting(text, p);
    report.add("html-entity", count, example);
    out
}

/// The text with its entities decoded, how many changed, and an example.
fn decode_counting(text: &str, p: &Patterns) -> (String, usize, String) {
    let mut count = 0;
    let mut example = String::new();
    let out = p.entity.replace_all(text, |c: &regex::Captures| {
        let decoded = html_escape::decode_html_entities(&c[0]).into_owned();
        if decoded != c[0] {
            count += 1;
            if example.is_empty() {
                example = format!("{} → {decoded}", &c[0]);
            }
        }
        decoded
    });
    (out.into_owned(), count, example)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strip(s: &str) -> (String, Report) {
        let mut r = Report::default();
        (strip_html(s, &mut r), r)
    }

    #[test]
    fn tags_and_entities() {
        let (t, r) =
            strip("<p>Tea &amp; <b>milk</b> &ldquo;brand&rdquo;&nbsp;wins</p><script>x()</script>");
        assert_eq!(t, "\nTea & milk “brand”\u{a0}wins\n");
        assert_eq!(r.count("html-tag"), 5);
        assert_eq!(r.count("html-entity"), 4);
    }

    #[test]
    fn double_escaped_entities() {
        assert_eq!(strip("&amp;ldquo;hi&amp;rdquo;").0, "“hi”");
    }

    #[test]
    fn comparisons_are_not_tags() {
        let s = "growth < 5% and a<b, x > y, &unknown; 1 & 2";
        assert_eq!(strip(s).0, s);
    }

    #[test]
    fn fixed_patterns_compile() {
        LazyLock::force(&PATTERNS);
    }

    #[test]
    fn clean_text_untouched() {
        for s in ["Plain English, nothing to see.", "小米的口碑传播法则。"] {
            assert_eq!(strip(s).0, s);
        }
    }
}
