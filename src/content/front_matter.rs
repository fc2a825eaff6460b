//! Front matter: the TOML (`+++`) or YAML (`---`) header of a content file.
//!
//! Accepts the Zola and Hugo conventions (`title`, `date`, `description`,
//! `draft`, `slug`, `aliases`, `tags`, `category`, `lang`, `weight`, `[extra]`,
//! Zola's `[taxonomies] tags = [...]`) plus the fields ingest writes (summary,
//! key points, dates, source, cleaning report) and the wiki's `kind`. Errors
//! carry the line in the *file*, not in the header.

use serde::{Deserialize, Serialize};

use super::date::{de_date, PageDate, INVALID_DATE};
use crate::diagnostics::line_of;

/// What ingest recorded about a generated case study.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
pub struct IngestInfo {
    /// The seed file this page was generated from (relative to the site root).
    #[serde(default)]
    pub source: String,
    /// SHA-256 of the seed's bytes.
    #[serde(default)]
    pub seed_hash: String,
    /// Fingerprint of the ingest engine that wrote the page (empty before it
    /// was recorded): another engine's page is regenerated.
    #[serde(default)]
    pub engine: String,
    /// Hash of the generated file; a mismatch means a person edited it.
    #[serde(default)]
    pub content_hash: String,
    /// Fingerprint of the entity pages whose links the page was written with.
    #[serde(default)]
    pub links: String,
    #[serde(default)]
    pub encoding: String,
    /// The article had no headline; ingest made the title from its metadata.
    #[serde(default)]
    pub title_generated: bool,
    /// Cleaning report lines: `what` and how many times.
    #[serde(default)]
    pub report: Vec<ReportLine>,
    /// Entities the article is about, found at ingest (case studies only).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entities: Vec<EntityMention>,
}

/// An entity an article names, as ingest found it: what generated entity
/// pages are made from.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
pub struct EntityMention {
    /// The name as the article writes it (Chinese in Simplified script).
    pub name: String,
    /// `person`, `company`, `brand` or `product`.
    pub kind: String,
    /// `main` (the article's company), `founder` (its founder or leader), `central` or `other`.
    pub role: String,
    /// How often the article names it.
    #[serde(default)]
    pub mentions: usize,
    /// Its English name, when known (for a Chinese name).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub english: String,
    /// Other forms the article uses (`Mr Zhang`, `Haier Group`, Traditional script).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub forms: Vec<String>,
    /// A sentence of the article that says what it is.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub sentence: String,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
pub struct ReportLine {
    pub rule: String,
    pub count: usize,
    #[serde(default)]
    pub detail: String,
}

/// A year or date found in a text, with the sentence it came from.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
pub struct DateMention {
    /// `2012`, `2012-05` or `2012-05-18`.
    pub date: String,
    pub sentence: String,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
pub struct Taxonomies {
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub categories: Vec<String>,
}

/// Every field a page header may have. Unknown top-level keys are kept in `extra`.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
pub struct FrontMatter {
    #[serde(default)]
    pub title: String,
    #[serde(default, deserialize_with = "de_date")]
    pub date: Option<PageDate>,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub draft: bool,
    #[serde(default)]
    pub slug: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub category: Option<String>,
    #[serde(default)]
    pub lang: Option<String>,
    #[serde(default)]
    pub weight: Option<i64>,
    #[serde(default)]
    pub taxonomies: Taxonomies,
    /// Entity pages: person, company, product, concept, event.
    #[serde(default)]
    pub kind: Option<String>,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub key_points: Vec<String>,
    #[serde(default)]
    pub dates: Vec<DateMention>,
    #[serde(default)]
    pub ingest: Option<IngestInfo>,
    #[serde(default)]
    pub template: Option<String>,
    #[serde(default)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

impl FrontMatter {
    /// Tags from `tags` and Zola's `[taxonomies] tags`, in order, without repeats.
    pub fn all_tags(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for t in self.tags.iter().chain(&self.taxonomies.tags) {
            let t = t.trim();
            if !t.is_empty() && !out.iter().any(|o| o == t) {
                out.push(t.to_string());
            }
        }
        out
    }

    /// `category`, or the first of Zola's `[taxonomies] categories`.
    pub fn category_value(&self) -> Option<&str> {
        self.category
            .as_deref()
            .or_else(|| self.taxonomies.categories.first().map(String::as_str))
    }
}

/// A file split into its header and Markdown body.
#[derive(Debug)]
pub struct Split<'a> {
    pub front_matter: FrontMatter,
    pub body: &'a str,
    /// 1-based line of the first body line in the file.
    pub body_line: usize,
}

/// A front-matter problem with its 1-based line in the file.
#[derive(Debug, PartialEq)]
pub struct FrontMatterError {
    pub line: usize,
    pub message: String,
}

/// Splits `text` into front matter and body. A file without a header is all body.
pub fn split(text: &str) -> Result<Split<'_>, FrontMatterError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let fence = if text.starts_with("+++") {
        "+++"
    } else if text.starts_with("---") {
        "---"
    } else {
        return Ok(Split {
            front_matter: FrontMatter::default(),
            body: text,
            body_line: 1,
        });
    };
    let header_start = text.find('\n').map(|i| i + 1).unwrap_or(text.len());
    let (header_end, body_start) =
        find_closing(text, header_start, fence).ok_or_else(|| FrontMatterError {
            line: 1,
            message: format!("front matter opened with `{fence}` is never closed"),
        })?;
    let header = &text[header_start..header_end];
    let first_line = 2;
    let front_matter = if fence == "+++" {
        toml::from_str::<FrontMatter>(header).map_err(|e| FrontMatterError {
            line: first_line - 1 + e.span().map(|s| line_of(header, s.start)).unwrap_or(1),
            message: format!("invalid TOML front matter: {}", e.message()),
        })?
    } else if header.trim().is_empty() {
        FrontMatter::default()
    } else {
        serde_yaml::from_str::<FrontMatter>(header).map_err(|e| {
            let message = strip_yaml_location(&e.to_string());
            let line = match message.starts_with(INVALID_DATE) {
                true => line_of_key(header, "date"),
                false => e.location().map(|l| l.line()),
            };
            FrontMatterError {
                line: first_line - 1 + line.unwrap_or(1),
                message: format!("invalid YAML front matter: {message}"),
            }
        })?
    };
    Ok(Split {
        front_matter,
        body: &text[body_start..],
        body_line: line_of(text, body_start),
    })
}

/// Finds the closing fence line; returns (end of header, start of body).
fn find_closing(text: &str, from: usize, fence: &str) -> Option<(usize, usize)> {
    let mut pos = from;
    while pos < text.len() {
        let end = text[pos..]
            .find('\n')
            .map(|i| pos + i + 1)
            .unwrap_or(text.len());
        if text[pos..end].trim_end() == fence {
            return Some((pos, end));
        }
        pos = end;
    }
    None
}

fn strip_yaml_location(msg: &str) -> String {
    match msg.find(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg.to_string(),
    }
}

/// The 1-based file line on which `key` is set in the header, for messages
/// about a value (e.g. an unknown category).
pub fn line_of_key(text: &str, key: &str) -> Option<usize> {
    text.lines()
        .take(200)
        .position(|l| {
            let l = l.trim_start();
            l.strip_prefix(key).is_some_and(|rest| {
                let rest = rest.trim_start();
                rest.starts_with('=') || rest.starts_with(':')
            })
        })
        .map(|i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_header() {
        let s = split(
            "+++\ntitle = \"Hi\"\ndate = 2024-01-02\ntags = [\"a\"]\n[extra]\nx = 1\n+++\nBody\n",
        )
        .unwrap();
        assert_eq!(s.front_matter.title, "Hi");
        assert_eq!(
            s.front_matter.date.as_ref().map(PageDate::as_str),
            Some("2024-01-02")
        );
        assert_eq!(s.front_matter.tags, vec!["a"]);
        assert_eq!(s.body, "Body\n");
        assert_eq!(s.body_line, 8);
        assert_eq!(s.front_matter.extra["x"], 1);
    }

    #[test]
    fn yaml_header() {
        let s = split("---\ntitle: Hi\ndate: 2024-01-02\ntags: [a, b]\ndraft: true\n---\nBody")
            .unwrap();
        assert_eq!(s.front_matter.title, "Hi");
        assert_eq!(
            s.front_matter.date.as_ref().map(PageDate::as_str),
            Some("2024-01-02")
        );
        assert!(s.front_matter.draft);
        assert_eq!(s.front_matter.all_tags(), vec!["a", "b"]);
    }

    #[test]
    fn zola_taxonomies() {
        let s =
            split("+++\ntitle = \"Z\"\n[taxonomies]\ntags = [\"rust\", \"web\"]\n+++\n").unwrap();
        assert_eq!(s.front_matter.all_tags(), vec!["rust", "web"]);
    }

    #[test]
    fn toml_error_has_file_line() {
        let e = split("+++\ntitle = \"ok\"\ndate = = 3\n+++\n").unwrap_err();
        assert_eq!(e.line, 3);
    }

    #[test]
    fn yaml_error_has_file_line() {
        let e = split("---\ntitle: ok\ntags: [a, b\nfoo: 1\n---\n").unwrap_err();
        assert!(e.line >= 3, "line {}", e.line);
    }

    #[test]
    fn unclosed_header() {
        assert_eq!(split("+++\ntitle = 1\n").unwrap_err().line, 1);
    }

    #[test]
    fn no_header() {
        let s = split("# Just text").unwrap();
        assert_eq!(s.body, "# Just text");
    }

    #[test]
    fn key_line() {
        assert_eq!(
            line_of_key("+++\ntitle = 1\ncategory = \"x\"\n+++", "category"),
            Some(3)
        );
    }
}
