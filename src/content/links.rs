//! Link targets: what a wikilink, a relative `.md` link or a plain mention of
//! a name points at.
//!
//! Every page's title and aliases are names. `[[name]]` looks them up
//! case-insensitively; automatic entity links find mentions in running text
//! with one Aho-Corasick automaton (leftmost-longest), requiring word
//! boundaries around Latin names (`MIUI` does not match inside `MIUIs`) and
//! none around Chinese ones.

use foldhash::{HashMap, HashSet};

use crate::text::fold::name_key;
use crate::text::names::NameMatcher;

use super::{Library, PageKind};

/// A name found in running text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub page: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LinkKind {
    /// `[[Title]]`
    Wiki,
    /// `[text](../x.md)` or a site path.
    Markdown,
    /// An automatic link on the first mention of an entity.
    Mention,
}

/// One link out of a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutLink {
    pub target: usize,
    pub kind: LinkKind,
    pub anchor: Option<String>,
    /// File line of the link (0 for automatic mentions).
    pub line: usize,
}

/// Every way of pointing at a page, built once per library.
#[derive(Debug, Default)]
pub struct LinkTargets {
    by_name: HashMap<String, usize>,
    by_rel: HashMap<String, usize>,
    by_path: HashMap<String, usize>,
    matcher: Option<NameMatcher>,
    /// Target page of each matcher pattern.
    pattern_page: Vec<usize>,
}

/// Shortest names that are linked automatically (in characters).
const MIN_LATIN_NAME: usize = 3;
const MIN_CJK_NAME: usize = 2;

impl LinkTargets {
    pub fn new(lib: &Library) -> LinkTargets {
        let mut targets = LinkTargets::default();
        let mut patterns: Vec<String> = Vec::new();
        let mut seen: HashSet<String> = HashSet::default();
        for (i, page) in lib.pages.iter().enumerate() {
            targets.by_rel.insert(page.rel.clone(), i);
            targets.by_path.insert(page.path.clone(), i);
            for name in page.names() {
                targets.by_name.entry(name_key(name)).or_insert(i);
                let pattern = auto_link_pattern(name).filter(|_| auto_linkable(page.kind));
                if let Some(pattern) = pattern.filter(|p| seen.insert(p.clone())) {
                    patterns.push(pattern);
                    targets.pattern_page.push(i);
                }
            }
        }
        if !patterns.is_empty() {
            targets.matcher = NameMatcher::literal(&patterns);
        }
        targets
    }

    /// The page a `[[name]]` wikilink means: a title or alias with the same
    /// `name_key` (case, spaces and hyphens aside).
    pub fn by_name(&self, name: &str) -> Option<usize> {
        self.by_name.get(&name_key(name)).copied()
    }

    /// The page a relative Markdown link (`../wiki/xiaomi.md`) written in a
    /// file in folder `from_dir` points at.
    pub fn by_markdown_path(&self, from_dir: &str, dest: &str) -> Option<usize> {
        let dest = dest
            .strip_prefix("@/")
            .map(|d| format!("/{d}"))
            .unwrap_or_else(|| dest.to_string());
        let joined = match dest.strip_prefix('/') {
            Some(abs) => abs.to_string(),
            None if from_dir.is_empty() => dest,
            None => format!("{from_dir}/{dest}"),
        };
        self.by_rel.get(&normalize(&joined)).copied()
    }

    /// The page at a site-relative output path (`case-studies/a/`).
    pub fn by_output_path(&self, path: &str) -> Option<usize> {
        let p = path.trim_start_matches('/');
        if p.ends_with('/') {
            self.by_path.get(p).copied()
        } else {
            self.by_path.get(&format!("{p}/")).copied()
        }
    }

    /// Mentions of linkable names in `text`, leftmost-longest, on word
    /// boundaries and never cutting a compound, number, address, Chinese
    /// word or book title (`mention_fit`).
    pub fn mentions(&self, text: &str) -> Vec<Mention> {
        let Some(matcher) = &self.matcher else {
            return Vec::new();
        };
        matcher
            .find(text)
            .into_iter()
            .filter(|m| super::mention_fit::fits(text, m.start, m.end))
            .map(|m| Mention {
                start: m.start,
                end: m.end,
                page: self.pattern_page[m.pattern],
            })
            .collect()
    }
}

/// The pattern an entity name is found by in running text, when it is long
/// enough to link automatically. The matcher ignores ASCII case, so names
/// equal but for it are one pattern.
pub fn auto_link_pattern(name: &str) -> Option<String> {
    long_enough(name).then(|| name.trim().to_ascii_lowercase())
}

/// Mentions link to entities (wiki pages); other pages are reached by `[[…]]`.
fn auto_linkable(kind: PageKind) -> bool {
    kind == PageKind::Entity
}

fn long_enough(name: &str) -> bool {
    let chars = name.chars().count();
    if crate::text::has_cjk(name) {
        chars >= MIN_CJK_NAME
    } else {
        chars >= MIN_LATIN_NAME
    }
}

/// Resolves `.` and `..` in a `/`-separated path, never above the root.
fn normalize(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for seg in path.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_normalise() {
        assert_eq!(
            normalize("case-studies/../wiki/./xiaomi.md"),
            "wiki/xiaomi.md"
        );
        assert_eq!(normalize("../../x.md"), "x.md");
    }
}
