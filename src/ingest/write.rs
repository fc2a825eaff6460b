//! Writing case studies: the YAML header, the edit-detecting content hash,
//! finding the page a seed already produced, and atomic writes.
//!
//! The header is YAML (`---`): GitHub shows it as a table and Obsidian reads
//! it as properties, where a TOML (`+++`) header shows as raw text. Pages
//! written with a TOML header by earlier versions are still read.
//!
//! `content_hash` is the SHA-256 of the file text with the hash's own value
//! blanked, so a person's edit anywhere in the file shows as a mismatch.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Serialize;
use sha2::{Digest, Sha256};

use super::pipeline::Page;
use crate::content::front_matter::{self, DateMention, EntityMention, ReportLine};

#[derive(Serialize)]
struct Header<'a> {
    title: &'a str,
    lang: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    category: &'a str,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    tags: &'a [String],
    #[serde(skip_serializing_if = "str::is_empty")]
    summary: &'a str,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    key_points: &'a [String],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    aliases: &'a [String],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    dates: &'a [DateMention],
    ingest: IngestHeader<'a>,
}

#[derive(Serialize)]
struct IngestHeader<'a> {
    source: &'a str,
    seed_hash: &'a str,
    engine: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    links: &'a str,
    content_hash: &'a str,
    encoding: &'a str,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    title_generated: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    report: Vec<ReportLine>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    entities: &'a [EntityMention],
}

/// Fingerprint of the ingest code and rule tables in this binary (`build.rs`):
/// a page made by another engine is regenerated even if its seed is unchanged.
pub const ENGINE: &str = env!("CASEWIKI_INGEST_ENGINE");

/// SHA-256 hex of bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// How the hash is written: `content_hash: "…"` in a YAML header (indented
/// under `ingest:`), `content_hash = "…"` in a TOML one (pages of earlier
/// versions).
const HASH_KEYS: [&str; 2] = ["content_hash: \"", "content_hash = \""];

/// Where the hash's value starts: after its key at the start of a line.
fn hash_start(text: &str) -> Option<usize> {
    HASH_KEYS.iter().find_map(|key| {
        text.match_indices(key)
            .find(|(i, _)| text[..*i].ends_with(['\n', ' ']))
            .map(|(i, k)| i + k.len())
    })
}

/// `text` with the content_hash value blanked, and the value that was there.
fn blank_hash(text: &str) -> Option<(String, &str)> {
    let start = hash_start(text)?;
    let end = start + text[start..].find('"')?;
    Some((
        format!("{}{}", &text[..start], &text[end..]),
        &text[start..end],
    ))
}

/// `blank` (a file whose content_hash is empty) with its hash filled in.
pub fn with_hash(blank: &str) -> Result<String, String> {
    let Some((_, "")) = blank_hash(blank) else {
        return Err("front matter has no empty content_hash".to_string());
    };
    let hash = sha256_hex(blank.as_bytes());
    let start = hash_start(blank).unwrap_or(0);
    Ok(format!("{}{hash}{}", &blank[..start], &blank[start..]))
}

/// The file text of a page, with its content hash filled in.
pub fn page_file(page: &Page, source: &str, seed_hash: &str) -> Result<String, String> {
    let header = Header {
        title: &page.title,
        lang: page.lang,
        category: &page.meta.category,
        tags: &page.meta.tags,
        summary: &page.meta.summary,
        key_points: &page.meta.key_points,
        dates: &page.meta.dates,
        aliases: &page.aliases,
        ingest: IngestHeader {
            source,
            seed_hash,
            engine: ENGINE,
            links: &page.links,
            content_hash: "",
            encoding: page.encoding,
            title_generated: page.title_generated,
            report: page.report.to_lines(),
            entities: &page.entities,
        },
    };
    let yaml =
        serde_yaml::to_string(&header).map_err(|e| format!("cannot write front matter: {e}"))?;
    // The hash is the one value written in double quotes, so it can be found again.
    let yaml = yaml.replacen("content_hash: ''", "content_hash: \"\"", 1);
    with_hash(&format!("---\n{yaml}---\n\n{}", page.body))
}

/// True when the file's content hash no longer matches its text (a person edited it).
pub fn is_edited(text: &str) -> bool {
    match blank_hash(text) {
        Some((blank, stored)) => sha256_hex(blank.as_bytes()) != stored,
        None => true,
    }
}

/// An existing case study generated from a seed.
#[derive(Debug, Clone)]
pub struct Existing {
    pub path: PathBuf,
    pub text: String,
}

/// Generated pages by seed source, and the slugs of all other pages.
#[derive(Debug, Default)]
pub struct Scan {
    pub by_source: BTreeMap<String, Existing>,
    pub other_slugs: Vec<String>,
}

/// The `*.md` files directly in `dir`, sorted (none when it cannot be read).
pub fn markdown_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "md"))
        .collect();
    paths.sort();
    paths
}

/// Reads the headers of `dir/*.md`.
pub fn scan(dir: &Path) -> Scan {
    let mut out = Scan::default();
    for path in markdown_files(dir) {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let source = front_matter::split(&text)
            .ok()
            .and_then(|s| s.front_matter.ingest)
            .map(|i| i.source)
            .filter(|s| !s.is_empty());
        match source {
            Some(source) => {
                out.by_source.insert(source, Existing { path, text });
            }
            None => out
                .other_slugs
                .extend(path.file_stem().map(|s| s.to_string_lossy().into_owned())),
        }
    }
    out
}

/// Writes `text` to `path` via a temporary file in the same folder and a rename.
pub fn write_atomic(path: &Path, text: &str) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.tmp"));
    std::fs::write(&tmp, text)?;
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::meta::Metadata;
    use crate::ingest::report::Report;

    fn page() -> Page {
        let mut report = Report::default();
        report.add("mojibake", 2, "â€œ → “");
        Page {
            title_generated: false,
            aliases: Vec::new(),
            links: String::new(),
            entities: Vec::new(),
            title: "Xiaomi’s \"privacy\" gate".into(),
            lang: "en",
            encoding: "UTF-8",
            body: "Body.\n".into(),
            meta: Metadata {
                category: "brand-crises".into(),
                tags: vec!["xiaomi".into()],
                summary: "S.".into(),
                key_points: vec!["a".into(), "b".into(), "c".into()],
                dates: vec![DateMention {
                    date: "2012-05-18".into(),
                    sentence: "On 18 May 2012.".into(),
                }],
                ..Default::default()
            },
            report,
        }
    }

    #[test]
    fn header_parses_back() {
        let text = page_file(&page(), "seeds/a.txt", "abc").unwrap();
        let split = front_matter::split(&text).unwrap();
        let fm = split.front_matter;
        assert_eq!(fm.title, "Xiaomi’s \"privacy\" gate");
        assert_eq!(fm.lang.as_deref(), Some("en"));
        assert_eq!(fm.category.as_deref(), Some("brand-crises"));
        assert_eq!(fm.key_points.len(), 3);
        assert_eq!(fm.dates[0].date, "2012-05-18");
        let ingest = fm.ingest.unwrap();
        assert_eq!(ingest.source, "seeds/a.txt");
        assert_eq!(ingest.report[0].count, 2);
        assert_eq!(ingest.content_hash.len(), 64);
        assert_eq!(split.body, "\nBody.\n");
    }

    #[test]
    fn edits_are_detected() {
        let text = page_file(&page(), "seeds/a.txt", "abc").unwrap();
        assert!(!is_edited(&text));
        assert!(is_edited(&text.replace("Body.", "Body, edited.")));
        assert!(is_edited("no header"));
    }

    #[test]
    fn the_header_is_yaml_and_toml_pages_of_earlier_versions_still_check() {
        let text = page_file(&page(), "seeds/a.txt", "abc").unwrap();
        assert!(text.starts_with("---\ntitle: "), "{text}");
        let blank = "+++\ntitle = \"A\"\n\n[ingest]\ncontent_hash = \"\"\n+++\nBody.\n";
        let toml = blank.replace(
            "content_hash = \"\"",
            &format!("content_hash = \"{}\"", sha256_hex(blank.as_bytes())),
        );
        assert!(!is_edited(&toml));
        assert!(is_edited(&toml.replace("Body.", "Body, edited.")));
    }

    #[test]
    fn yaml_headers_carry_the_hash_too() {
        let text =
            with_hash("---\ntitle: A\ningest:\n  content_hash: \"\"\n---\n\nBody.\n").unwrap();
        assert!(!is_edited(&text));
        assert_eq!(
            front_matter::split(&text)
                .unwrap()
                .front_matter
                .ingest
                .unwrap()
                .content_hash
                .len(),
            64
        );
        assert!(is_edited(&text.replace("Body.", "Body!")));
        assert!(with_hash("---\ntitle: A\n---\n").is_err());
    }

    #[test]
    fn atomic_write_replaces() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("x.md");
        write_atomic(&p, "one").unwrap();
        write_atomic(&p, "two").unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "two");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
