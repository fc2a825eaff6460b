//! Control characters in front matter: TOML (`\u0000`) and YAML (`\0`)
//! escapes can put NUL, ESC or other C0/C1 controls into a title, a tag or
//! any other value, where they would reach HTML, feeds and the search index.
//! They are stripped at load (tab, newline and carriage return stay), and
//! each key that held one is reported as a warning with its line.

use super::front_matter::{line_of_key, FrontMatter};
use crate::diagnostics::Diagnostic;

/// Whether `c` is stripped: C0 and C1 controls and DEL, but tab and line ends.
fn is_stripped(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

/// Removes stripped characters from `s`; true when there were any.
fn strip(s: &mut String) -> bool {
    if !s.chars().any(is_stripped) {
        return false;
    }
    s.retain(|c| !is_stripped(c));
    true
}

fn strip_all<'a>(values: impl IntoIterator<Item = &'a mut String>) -> bool {
    values.into_iter().fold(false, |any, s| strip(s) | any)
}

/// Strips every value in `extra` (strings nested in tables and arrays too).
fn strip_json(value: &mut serde_json::Value) -> bool {
    match value {
        serde_json::Value::String(s) => strip(s),
        serde_json::Value::Array(items) => items.iter_mut().fold(false, |a, v| strip_json(v) | a),
        serde_json::Value::Object(map) => map.values_mut().fold(false, |a, v| strip_json(v) | a),
        _ => false,
    }
}

/// Strips control characters from the values of `fm`; returns the keys that
/// held any.
pub fn strip_front_matter(fm: &mut FrontMatter) -> Vec<&'static str> {
    let mut keys = Vec::new();
    let mut check = |key: &'static str, found: bool| {
        if found && !keys.contains(&key) {
            keys.push(key);
        }
    };
    check("title", strip(&mut fm.title));
    check("description", strip(&mut fm.description));
    check("summary", strip(&mut fm.summary));
    check("slug", fm.slug.as_mut().is_some_and(strip));
    check("category", fm.category.as_mut().is_some_and(strip));
    check("lang", fm.lang.as_mut().is_some_and(strip));
    check("kind", fm.kind.as_mut().is_some_and(strip));
    check("template", fm.template.as_mut().is_some_and(strip));
    check("aliases", strip_all(&mut fm.aliases));
    check("tags", strip_all(&mut fm.tags));
    check("key_points", strip_all(&mut fm.key_points));
    check(
        "tags",
        strip_all(
            fm.taxonomies
                .tags
                .iter_mut()
                .chain(&mut fm.taxonomies.categories),
        ),
    );
    check(
        "dates",
        strip_all(
            fm.dates
                .iter_mut()
                .flat_map(|d| [&mut d.date, &mut d.sentence]),
        ),
    );
    let extra = fm.extra.values_mut().fold(false, |a, v| strip_json(v) | a);
    check("extra", extra);
    keys
}

/// Strips `fm` and returns one warning per key that held control
/// characters, at the key's line in `text` (the whole file).
pub fn strip_with_warnings(
    fm: &mut FrontMatter,
    text: &str,
    file: &std::path::Path,
) -> Vec<Diagnostic> {
    strip_front_matter(fm)
        .into_iter()
        .map(|key| {
            Diagnostic::warning(
                file,
                line_of_key(text, key).or(Some(1)),
                format!("control character removed from `{key}`"),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_controls_and_names_keys() {
        let mut fm = FrontMatter {
            title: "A\u{0}B\u{7}".into(),
            description: "tab\tand\nnewline".into(),
            tags: vec!["t\u{1b}1".into(), "ok".into()],
            slug: Some("s\u{85}".into()),
            ..Default::default()
        };
        let keys = strip_front_matter(&mut fm);
        assert_eq!(fm.title, "AB");
        assert_eq!(fm.description, "tab\tand\nnewline");
        assert_eq!(fm.tags, vec!["t1", "ok"]);
        assert_eq!(fm.slug.as_deref(), Some("s"));
        assert_eq!(keys, vec!["title", "slug", "tags"]);
    }
}
