//! Links written into the generated Markdown itself, so a case study is
//! cross-linked where it is read as a file (GitHub's Markdown view, an
//! Obsidian vault) and not only on the built site: the first mention of each
//! entity in a section becomes a relative Markdown link to its page in
//! `content/wiki/` (`[小米](../wiki/xiaomi.md)`), and a short "See also"
//! list closes the page. A relative path to the file is the one link form
//! that casewiki, GitHub and Obsidian all resolve.
//!
//! Mentions are found with the one name matcher and kept to the same rules
//! as the site's automatic links (`content::mention_fit`). The entities'
//! names and files make a fingerprint recorded in each page's header, so
//! adding or renaming an entity page regenerates the case studies.

use std::collections::HashMap;
use std::path::Path;

use crate::content::front_matter;
use crate::content::links::auto_link_pattern;
use crate::content::mention_fit;
use crate::text::names::NameMatcher;

/// Where entity pages live, relative to the site root, and as seen from the
/// case-study folder.
const WIKI_DIR: &str = "content/wiki";
const FROM_CASE_STUDIES: &str = "../wiki/";
/// Entities listed under "See also" at most.
const SEE_ALSO: usize = 8;

/// One entity page: its title and its file name in `content/wiki/`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Entity {
    file: String,
    title: String,
    names: Vec<String>,
}

/// The entity pages a case study can link to.
#[derive(Debug, Default)]
pub struct EntityLinks {
    entities: Vec<Entity>,
    matcher: Option<NameMatcher>,
    /// Entity of each matcher pattern.
    pattern_entity: Vec<usize>,
    fingerprint: String,
}

impl EntityLinks {
    /// Reads the titles and aliases of `root/content/wiki/*.md`. Pages that
    /// do not parse are left out here; the build reports them.
    pub fn load(root: &Path) -> EntityLinks {
        let mut entities: Vec<Entity> = super::write::markdown_files(&root.join(WIKI_DIR))
            .iter()
            .filter_map(|p| entity(p))
            .collect();
        entities.sort();
        EntityLinks::new(entities)
    }

    fn new(entities: Vec<Entity>) -> EntityLinks {
        let mut patterns = Vec::new();
        let mut pattern_entity = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for (i, e) in entities.iter().enumerate() {
            for name in &e.names {
                if let Some(p) = auto_link_pattern(name).filter(|p| seen.insert(p.clone())) {
                    patterns.push(p);
                    pattern_entity.push(i);
                }
            }
        }
        let listing: String = entities
            .iter()
            .map(|e| format!("{}\t{}\n", e.file, e.names.join("\t")))
            .collect();
        let fingerprint = if entities.is_empty() {
            String::new()
        } else {
            super::write::sha256_hex(listing.as_bytes())[..16].to_string()
        };
        EntityLinks {
            matcher: NameMatcher::literal(&patterns),
            entities,
            pattern_entity,
            fingerprint,
        }
    }

    /// A hash of every entity's file and names.
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }

    /// `body` with its first mention of each entity per section linked, and a
    /// "See also" list of the entities it mentions, most mentioned first.
    pub fn link(&self, body: &str, lang: &str) -> String {
        let Some(matcher) = &self.matcher else {
            return body.to_string();
        };
        let mut out = String::with_capacity(body.len() + 256);
        let mut linked: Vec<usize> = Vec::new();
        let mut mentions: Vec<(usize, usize)> = Vec::new();
        // The article's own form of each entity (`八達通` in a Traditional page).
        let mut forms: HashMap<usize, &str> = HashMap::new();
        let mut in_code = false;
        for line in body.split_inclusive('\n') {
            let trimmed = line.trim_start();
            if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
                in_code = !in_code;
            }
            if trimmed.starts_with('#') {
                linked.clear();
            }
            if in_code || trimmed.starts_with('#') || line.contains("](") || line.contains('`') {
                out.push_str(line);
                continue;
            }
            let mut last = 0;
            for m in matcher.find(line) {
                if !mention_fit::fits(line, m.start, m.end) {
                    continue;
                }
                let entity = self.pattern_entity[m.pattern];
                count(&mut mentions, entity);
                forms.entry(entity).or_insert(&line[m.start..m.end]);
                if linked.contains(&entity) {
                    continue;
                }
                linked.push(entity);
                out.push_str(&line[last..m.start]);
                out.push_str(&self.markdown_link(&line[m.start..m.end], entity));
                last = m.end;
            }
            out.push_str(&line[last..]);
        }
        let heading = see_also_heading(body, lang);
        self.push_see_also(&mut out, mentions, &forms, lang, heading);
        out
    }

    fn markdown_link(&self, label: &str, entity: usize) -> String {
        let label: String = label
            .chars()
            .flat_map(|c| match c {
                '[' | ']' | '\\' | '*' | '_' => vec!['\\', c],
                c => vec![c],
            })
            .collect();
        let dest = format!("{FROM_CASE_STUDIES}{}", self.entities[entity].file);
        if dest.contains([' ', '(', ')', '<', '>']) {
            format!("[{label}](<{}>)", dest.replace(['<', '>'], ""))
        } else {
            format!("[{label}]({dest})")
        }
    }

    /// The "See also" list under `heading`, each entity named as the
    /// article writes it in a Chinese page (`八達通` in a Traditional one),
    /// else by its name in the page's language.
    fn push_see_also(
        &self,
        out: &mut String,
        mut mentions: Vec<(usize, usize)>,
        forms: &HashMap<usize, &str>,
        lang: &str,
        heading: &str,
    ) {
        if mentions.is_empty() {
            return;
        }
        mentions.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        if !out.ends_with('\n') {
            out.push('\n');
        }
        out.push_str(&format!("\n## {heading}\n\n"));
        for &(entity, _) in mentions.iter().take(SEE_ALSO) {
            let own = forms
                .get(&entity)
                .filter(|f| lang == "zh" && crate::text::has_cjk(f));
            let name = own
                .copied()
                .unwrap_or_else(|| self.entities[entity].name_in(lang));
            out.push_str(&format!("- {}\n", self.markdown_link(name, entity)));
        }
    }
}

/// "See also" in the page's language and script.
fn see_also_heading(body: &str, lang: &str) -> &'static str {
    match lang {
        "zh" if crate::ingest::entities::identity::simplified(body) != body => "另見",
        "zh" => "另见",
        _ => "See also",
    }
}

impl Entity {
    /// The entity's name in the page's language: its title, or for a Chinese
    /// page its first Chinese name (and for an English page its first Latin
    /// one) when the title is in the other script.
    fn name_in(&self, lang: &str) -> &str {
        let chinese = lang == "zh";
        if crate::text::has_cjk(&self.title) == chinese {
            return &self.title;
        }
        self.names
            .iter()
            .find(|n| crate::text::has_cjk(n) == chinese)
            .unwrap_or(&self.title)
    }
}

fn count(mentions: &mut Vec<(usize, usize)>, entity: usize) {
    match mentions.iter_mut().find(|(e, _)| *e == entity) {
        Some((_, n)) => *n += 1,
        None => mentions.push((entity, 1)),
    }
}

/// The entity a wiki file holds, unless it is a section intro, a draft or
/// does not parse.
fn entity(path: &Path) -> Option<Entity> {
    let file = path.file_name()?.to_str()?.to_string();
    if file.starts_with('_') || file.starts_with('.') {
        return None;
    }
    let text = std::fs::read_to_string(path).ok()?;
    let fm = front_matter::split(&text).ok()?.front_matter;
    if fm.draft || fm.title.trim().is_empty() {
        return None;
    }
    let mut names = vec![fm.title.clone()];
    names.extend(fm.aliases.iter().filter(|a| !a.starts_with('/')).cloned());
    Some(Entity {
        file,
        title: fm.title,
        names,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn links() -> EntityLinks {
        let e = |file: &str, names: &[&str]| Entity {
            file: file.into(),
            title: names[0].into(),
            names: names.iter().map(|n| n.to_string()).collect(),
        };
        EntityLinks::new(vec![
            e("xiaomi.md", &["Xiaomi", "小米"]),
            e("lei-jun.md", &["Lei Jun", "雷军", "雷軍"]),
        ])
    }

    #[test]
    fn first_mentions_per_section_become_relative_links() {
        let body = "Xiaomi grew. Lei Jun said Xiaomi would.\n\n## Later\n\nXiaomi again, not Xiaomi-made.\n";
        let out = links().link(body, "en");
        assert!(out.starts_with(
            "[Xiaomi](../wiki/xiaomi.md) grew. [Lei Jun](../wiki/lei-jun.md) said Xiaomi would.\n"
        ));
        assert!(out.contains("## Later\n\n[Xiaomi](../wiki/xiaomi.md) again, not Xiaomi-made.\n"));
        assert!(out.ends_with(
            "\n## See also\n\n- [Xiaomi](../wiki/xiaomi.md)\n- [Lei Jun](../wiki/lei-jun.md)\n"
        ));
    }

    #[test]
    fn a_traditional_page_lists_its_own_forms() {
        let out = links().link("雷軍說，雷軍的小米要做好產品。\n", "zh");
        assert!(
            out.ends_with("## 另見\n\n- [雷軍](../wiki/lei-jun.md)\n- [小米](../wiki/xiaomi.md)\n"),
            "{out}"
        );
    }

    #[test]
    fn headings_code_and_book_titles_stay_as_they_are() {
        let body = "## 小米的故事\n\n```\n小米\n```\n\n《小米》一书之后，雷军说。\n";
        let out = links().link(body, "zh");
        assert!(out.starts_with("## 小米的故事\n\n```\n小米\n```\n\n《小米》一书之后，[雷军](../wiki/lei-jun.md)说。\n"), "{out}");
        assert!(
            out.contains("## 另见\n\n- [雷军](../wiki/lei-jun.md)\n"),
            "{out}"
        );
    }

    #[test]
    fn the_fingerprint_follows_the_entities() {
        let one = links();
        let two = EntityLinks::new(vec![Entity {
            file: "xiaomi.md".into(),
            title: "Xiaomi".into(),
            names: vec!["Xiaomi".into()],
        }]);
        assert_ne!(one.fingerprint(), two.fingerprint());
        assert_eq!(one.fingerprint(), links().fingerprint());
    }
}
