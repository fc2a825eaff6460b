//! The text of a generated entity page: a YAML header (`---`, which
//! casewiki, GitHub and Obsidian all read) that marks it generated with a
//! content hash, then its names in both languages, kind, a short description
//! made of case-study sentences with the source named, and the case studies
//! it appears in, linked as relative Markdown paths
//! (`[Title](../case-studies/slug.md)`) that casewiki, GitHub and Obsidian
//! resolve alike.

use serde::Serialize;

use crate::ingest::markdown::escape_inline;

/// Where a generated entity page says it came from (`ingest.source`).
pub const SOURCE: &str = "entities";

/// A case study an entity appears in.
#[derive(Debug, Clone, PartialEq)]
pub struct Appearance {
    pub slug: String,
    pub title: String,
}

/// A sentence that describes the entity and the case study it is from.
#[derive(Debug, Clone, PartialEq)]
pub struct Described {
    pub sentence: String,
    pub from: Appearance,
}

/// Everything a generated entity page shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EntityPage {
    pub title: String,
    pub english: Option<String>,
    pub chinese: Option<String>,
    pub kind: String,
    pub aliases: Vec<String>,
    pub english_description: Option<Described>,
    pub chinese_description: Option<Described>,
    pub appearances: Vec<Appearance>,
}

#[derive(Serialize)]
struct Header<'a> {
    title: &'a str,
    kind: &'a str,
    lang: &'a str,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    aliases: &'a [String],
    #[serde(skip_serializing_if = "str::is_empty")]
    description: &'a str,
    ingest: Ingest<'a>,
}

#[derive(Serialize)]
struct Ingest<'a> {
    source: &'a str,
    engine: &'a str,
}

/// The page's file text with an empty content hash (`write::with_hash` fills it).
pub fn blank_text(page: &EntityPage) -> Result<String, String> {
    let description = page
        .english_description
        .as_ref()
        .or(page.chinese_description.as_ref())
        .map_or("", |d| d.sentence.as_str());
    let header = Header {
        title: &page.title,
        kind: &page.kind,
        lang: if page.english.is_some() { "en" } else { "zh" },
        aliases: &page.aliases,
        description,
        ingest: Ingest {
            source: SOURCE,
            engine: crate::ingest::write::ENGINE,
        },
    };
    let yaml =
        serde_yaml::to_string(&header).map_err(|e| format!("cannot write front matter: {e}"))?;
    Ok(format!(
        "---\n{yaml}  content_hash: \"\"\n---\n\n{}",
        body(page)
    ))
}

fn body(page: &EntityPage) -> String {
    let mut out = String::new();
    let names: Vec<String> = [&page.english, &page.chinese]
        .into_iter()
        .flatten()
        .map(|n| format!("**{}**", escape_inline(n)))
        .collect();
    out.push_str(&format!("{} · {}\n", names.join(" · "), page.kind));
    // The first description is the page's `description`, which the theme
    // shows as its lead: the body only names its source.
    if let Some(d) = &page.english_description {
        out.push_str(&format!("\n— from {}\n", link(&d.from)));
    }
    if let Some(d) = &page.chinese_description {
        if page.english_description.is_some() {
            out.push_str(&format!(
                "\n## 简介\n\n> {}\n>\n> ——摘自{}\n",
                escape_inline(&d.sentence),
                link(&d.from)
            ));
        } else {
            out.push_str(&format!("\n——摘自{}\n", link(&d.from)));
        }
    }
    out.push_str("\n## Case studies · 案例\n\n");
    for a in &page.appearances {
        out.push_str(&format!("- {}\n", link(a)));
    }
    out
}

/// `[Title](../case-studies/slug.md)`.
pub fn link(a: &Appearance) -> String {
    format!(
        "[{}](../case-studies/{}.md)",
        escape_inline(&a.title),
        a.slug
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_reads_back_and_links_are_relative_paths() {
        let from = Appearance {
            slug: "haier-story".into(),
            title: "The [hammer] story".into(),
        };
        let page = EntityPage {
            title: "Haier".into(),
            english: Some("Haier".into()),
            chinese: Some("海尔".into()),
            kind: "company".into(),
            aliases: vec!["海尔".into(), "Haier Group".into()],
            english_description: Some(Described {
                sentence: "Haier is a *big* maker.".into(),
                from: from.clone(),
            }),
            chinese_description: None,
            appearances: vec![from],
        };
        let text = crate::ingest::write::with_hash(&blank_text(&page).unwrap()).unwrap();
        let split = crate::content::front_matter::split(&text).unwrap();
        let fm = split.front_matter;
        assert_eq!(
            (fm.title.as_str(), fm.kind.as_deref()),
            ("Haier", Some("company"))
        );
        assert_eq!(fm.aliases, vec!["海尔", "Haier Group"]);
        assert_eq!(fm.ingest.unwrap().source, SOURCE);
        assert!(split.body.contains("**Haier** · **海尔** · company"));
        assert!(split
            .body
            .contains("- [The \\[hammer\\] story](../case-studies/haier-story.md)"));
        // The description is the page's lead; the body names its source once.
        assert_eq!(fm.description, "Haier is a *big* maker.");
        assert!(!split.body.contains("big"));
        assert!(split
            .body
            .contains("— from [The \\[hammer\\] story](../case-studies/haier-story.md)"));
        assert!(!crate::ingest::write::is_edited(&text));
    }
}
