//! Which fields of `site` each template reads, counting the templates it
//! extends, includes and imports.
//!
//! `site` is in every template's context, and some of its fields change
//! with the page set (`page_count`, the categories' counts). An output's
//! print takes only the fields its template can read, so adding a page does
//! not re-render every page of the site when only the home page shows the
//! counts. The scan is conservative: `site` used otherwise than as
//! `site.field` (passed whole, indexed, set to a variable), or a template
//! pulled in by a name that is not a literal, counts as reading every field.

use std::collections::{BTreeSet, HashMap};
use std::sync::LazyLock;

/// Tera tags: `{{ … }}` and `{% … %}`.
static TAG: LazyLock<regex::Regex> =
    LazyLock::new(|| crate::text::fixed::regex(r"(?s)\{\{.*?\}\}|\{%.*?%\}"));
/// `site` not after a dot or a word character, with the field it names.
static SITE: LazyLock<regex::Regex> =
    LazyLock::new(|| crate::text::fixed::regex(r"(?:^|[^.\w])site\b(?:\s*\.\s*([A-Za-z_]\w*))?"));
/// A tag pulling in another template.
static PULL: LazyLock<regex::Regex> =
    LazyLock::new(|| crate::text::fixed::regex(r"^\{%-?\s*(?:include|extends|import)\b"));
static QUOTED: LazyLock<regex::Regex> =
    LazyLock::new(|| crate::text::fixed::regex(r#""([^"]*)"|'([^']*)'"#));

/// What a template reads of `site`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SiteReads {
    All,
    Fields(BTreeSet<String>),
}

/// One template on its own: the fields it names and the templates it pulls in.
struct Own {
    reads: SiteReads,
    pulls: Vec<String>,
}

fn own(text: &str) -> Own {
    let mut fields = BTreeSet::new();
    let mut all = false;
    let mut pulls = Vec::new();
    for tag in TAG.find_iter(text).map(|m| m.as_str()) {
        if PULL.is_match(tag) {
            let names: Vec<String> = QUOTED
                .captures_iter(tag)
                .filter_map(|c| c.get(1).or(c.get(2)).map(|m| m.as_str().to_string()))
                .collect();
            all |= names.is_empty();
            pulls.extend(names);
        }
        for c in SITE.captures_iter(tag) {
            match c.get(1) {
                Some(f) => {
                    fields.insert(f.as_str().to_string());
                }
                None => all = true,
            }
        }
    }
    Own {
        reads: if all {
            SiteReads::All
        } else {
            SiteReads::Fields(fields)
        },
        pulls,
    }
}

/// What each of `files` (name, text) reads, with what it pulls in.
pub fn site_reads<'a>(
    files: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> HashMap<String, SiteReads> {
    let owns: HashMap<&str, Own> = files.into_iter().map(|(n, t)| (n, own(t))).collect();
    owns.keys()
        .map(|&name| (name.to_string(), closure(name, &owns)))
        .collect()
}

fn closure(name: &str, owns: &HashMap<&str, Own>) -> SiteReads {
    let mut fields = BTreeSet::new();
    let mut seen: BTreeSet<&str> = BTreeSet::new();
    let mut todo = vec![name];
    while let Some(n) = todo.pop() {
        if !seen.insert(n) {
            continue;
        }
        let Some(o) = owns.get(n) else {
            return SiteReads::All;
        };
        match &o.reads {
            SiteReads::All => return SiteReads::All,
            SiteReads::Fields(f) => fields.extend(f.iter().cloned()),
        }
        todo.extend(o.pulls.iter().map(String::as_str));
    }
    SiteReads::Fields(fields)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(list: &[&str]) -> SiteReads {
        SiteReads::Fields(list.iter().map(|s| s.to_string()).collect())
    }

    #[test]
    fn fields_are_collected_through_parents_and_includes() {
        let files = [
            (
                "base.html",
                "<p class=\"site-x\">{{ site.title }}</p>{% block b %}{% endblock b %}",
            ),
            (
                "list.html",
                "{% for c in site.categories %}{{ c.count }}{% endfor %}",
            ),
            (
                "home.html",
                "{% extends \"base.html\" %}{% include 'list.html' %}",
            ),
            ("page.html", "{% extends \"base.html\" %}{{ page.site }}"),
        ];
        let reads = site_reads(files);
        assert_eq!(reads["home.html"], fields(&["categories", "title"]));
        assert_eq!(reads["base.html"], fields(&["title"]));
        // `page.site` is not the site.
        assert_eq!(reads["page.html"], fields(&["title"]));
    }

    #[test]
    fn whole_or_unknown_uses_read_everything() {
        let files = [
            ("a.html", "{% set s = site %}{{ s.page_count }}"),
            ("b.html", "{{ site['page_count'] }}"),
            ("c.html", "{% include \"missing.html\" %}"),
            ("d.html", "{% include name %}"),
            ("e.html", "{{ site | json_encode }}"),
        ];
        let reads = site_reads(files);
        for name in ["a.html", "b.html", "c.html", "d.html", "e.html"] {
            assert_eq!(reads[name], SiteReads::All, "{name}");
        }
    }
}
