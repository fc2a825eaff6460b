//! Site configuration: `site.toml` at the project root.
//!
//! Owns the few settings a site has (title, base URL, language, theme, output
//! directory, categories) and the derived values every stage needs, such as the
//! base *path* used to prefix internal links when the site lives under a
//! project subpath (`https://user.github.io/repo/`).

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::diagnostics::Diagnostic;

/// One of the site's fixed categories (marketing lessons, brand crises, founder IP).
#[derive(Debug, Clone, Deserialize, serde::Serialize)]
pub struct Category {
    pub slug: String,
    pub name: String,
    #[serde(default)]
    pub name_zh: String,
    /// Other spellings accepted in front matter (`category = "品牌危机"`).
    #[serde(default)]
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default = "default_title")]
    title: String,
    #[serde(default)]
    description: String,
    #[serde(default = "default_base_url")]
    base_url: String,
    #[serde(default = "default_language")]
    language: String,
    #[serde(default = "default_theme")]
    theme: String,
    #[serde(default = "default_output")]
    output_dir: String,
    #[serde(default)]
    categories: Option<Vec<Category>>,
    #[serde(default)]
    author: String,
    #[serde(default)]
    markdown: MarkdownConfig,
}

/// `[markdown]` in `site.toml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct MarkdownConfig {
    /// Pass raw HTML in content through uncleaned (a trusted author only).
    #[serde(default)]
    unsafe_html: bool,
}

fn default_title() -> String {
    "casewiki".into()
}
fn default_base_url() -> String {
    "http://127.0.0.1:1111/".into()
}
fn default_language() -> String {
    "en".into()
}
fn default_theme() -> String {
    "default".into()
}
fn default_output() -> String {
    "public".into()
}

/// The loaded, validated configuration of one site.
#[derive(Debug, Clone)]
pub struct Config {
    pub root: PathBuf,
    pub title: String,
    pub description: String,
    pub author: String,
    /// Absolute base URL, always ending in `/`.
    pub base_url: String,
    /// Path part of the base URL, always starting and ending in `/` (`/` or `/repo/`).
    pub base_path: String,
    pub language: String,
    pub theme: String,
    pub output_dir: PathBuf,
    pub categories: Vec<Category>,
    /// Render pages marked `draft = true` (off by default, as in Zola and Hugo).
    pub drafts: bool,
    /// Raw HTML in content passes uncleaned (`[markdown] unsafe_html = true`).
    pub unsafe_html: bool,
}

impl Config {
    /// Reads `site.toml` under `root`; a missing file yields the defaults.
    pub fn load(root: &Path) -> Result<Config, Diagnostic> {
        let file = root.join("site.toml");
        let raw: RawConfig = match std::fs::read_to_string(&file) {
            Ok(text) => toml::from_str(&text).map_err(|e| {
                let line = e
                    .span()
                    .map(|s| crate::diagnostics::line_of(&text, s.start));
                Diagnostic::error(&file, line, e.message().to_string())
            })?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                toml::from_str("").map_err(|e| Diagnostic::error(&file, None, e.to_string()))?
            }
            Err(e) => return Err(Diagnostic::error(&file, None, e.to_string())),
        };
        let mut config = Config {
            root: root.to_path_buf(),
            title: raw.title,
            description: raw.description,
            author: raw.author,
            base_url: String::new(),
            base_path: String::new(),
            language: raw.language,
            theme: raw.theme,
            output_dir: root.join(&raw.output_dir),
            categories: raw.categories.unwrap_or_else(default_categories),
            drafts: false,
            unsafe_html: raw.markdown.unsafe_html,
        };
        config.set_base_url(&raw.base_url);
        Ok(config)
    }

    /// Overrides the base URL (`--base-url`), normalising the trailing slash.
    pub fn set_base_url(&mut self, url: &str) {
        let mut url = url.trim().to_string();
        if !url.ends_with('/') {
            url.push('/');
        }
        self.base_path = base_path_of(&url);
        self.base_url = url;
    }

    /// The category with this slug (what pages hold once loaded).
    pub fn category_by_slug(&self, slug: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.slug == slug)
    }

    /// Finds a category by slug, name or alias (case-insensitive).
    pub fn category(&self, value: &str) -> Option<&Category> {
        let wanted = value.trim().to_lowercase();
        self.categories.iter().find(|c| {
            c.slug == wanted
                || c.name.to_lowercase() == wanted
                || c.name_zh == value.trim()
                || c.aliases.iter().any(|a| a.to_lowercase() == wanted)
        })
    }
}

/// `https://user.github.io/repo/` → `/repo/`; `http://host/` → `/`.
pub fn base_path_of(url: &str) -> String {
    let after_scheme = url.split_once("://").map(|(_, rest)| rest).unwrap_or(url);
    let path = match after_scheme.find('/') {
        Some(i) if url.contains("://") => &after_scheme[i..],
        Some(_) => after_scheme,
        None => "/",
    };
    let mut path = path.to_string();
    if !path.starts_with('/') {
        path.insert(0, '/');
    }
    if !path.ends_with('/') {
        path.push('/');
    }
    path
}

/// The three categories of a case-study wiki.
pub fn default_categories() -> Vec<Category> {
    let cat = |slug: &str, name: &str, zh: &str, aliases: &[&str]| Category {
        slug: slug.into(),
        name: name.into(),
        name_zh: zh.into(),
        aliases: aliases.iter().map(|s| s.to_string()).collect(),
    };
    vec![
        cat(
            "marketing-lessons",
            "Marketing lessons",
            "营销案例",
            &["marketing", "营销", "营销启示"],
        ),
        cat(
            "brand-crises",
            "Brand crises",
            "品牌危机",
            &["crisis", "brand crisis", "危机"],
        ),
        cat(
            "founder-ip",
            "Founder IP",
            "创始人IP",
            &["founder", "企业家IP", "创始人"],
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_path_from_urls() {
        assert_eq!(base_path_of("https://user.github.io/repo/"), "/repo/");
        assert_eq!(base_path_of("https://user.github.io/repo"), "/repo/");
        assert_eq!(base_path_of("http://127.0.0.1:1111/"), "/");
        assert_eq!(base_path_of("https://example.com"), "/");
        assert_eq!(base_path_of("/sub/"), "/sub/");
    }

    #[test]
    fn category_lookup_by_any_name() {
        let dir = std::env::temp_dir();
        let mut c = Config::load(&dir.join("no-such-site-dir")).expect("defaults");
        c.set_base_url("https://x.io/r");
        assert_eq!(c.base_url, "https://x.io/r/");
        assert_eq!(
            c.category("Brand crises").map(|c| c.slug.as_str()),
            Some("brand-crises")
        );
        assert_eq!(
            c.category("品牌危机").map(|c| c.slug.as_str()),
            Some("brand-crises")
        );
        assert!(c.category("recipes").is_none());
    }
}
