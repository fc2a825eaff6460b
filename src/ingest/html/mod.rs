//! HTML seeds: a seed that is an HTML page (or a fragment with enough markup)
//! goes through a real HTML parser; its article body comes out as [`Block`]s
//! with the page's title candidates, site name and publication date.
//!
//! Owns: detection ([`is_html`]), the extracted article type, and the plain-text
//! fallback for stray tags and entity leftovers in text that is not HTML
//! ([`plain`]). `prune` marks site chrome (the lexicon is
//! `data/ingest/html_chrome.toml`), `score` chooses the main content, `extract`
//! walks it into blocks, `title` reads `<title>`, meta tags and `<h1>`.
//!
//! Parser: `scraper` (html5ever, the Servo HTML5 parser, with an `ego_tree`
//! DOM) and our own scoring. `dom_smoothie` (a Readability port) was tried on
//! the same pages: its body choice was as good, but it returns HTML that has to
//! be walked again anyway, keeps figure captions and "Advertisement"/newsletter
//! boxes (its chrome patterns are fixed English regexes, not our lexicon, and
//! know none of Chinese sites' class names), drops an `<h2>` that repeats the
//! title, and reads neither `application-name` nor `pubdate` meta. With
//! scraper the chrome lexicon is data, blocks come straight from the DOM walk,
//! and the parser never fails: malformed markup is repaired as a browser would.

mod extract;
pub mod plain;
mod prune;
mod score;
mod title;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_inline;

use std::sync::LazyLock;

use regex::Regex;
use scraper::Html;

use super::report::Report;
use super::structure::Block;
use crate::text::fixed;

pub use plain::strip_html;

/// Where a title candidate was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TitleSource {
    /// `<title>`.
    Title,
    /// `og:title` or `twitter:title` meta.
    OgTitle,
    /// An `<h1>` outside site chrome.
    H1,
}

/// One possible title of the page, trimmed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TitleCandidate {
    pub text: String,
    pub source: TitleSource,
}

/// What the extractor removed, for the cleaning report.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Removed {
    /// Elements whose markup was dropped (every element of the page).
    pub tags: usize,
    pub tag_example: String,
    /// Elements dropped with their content as site chrome.
    pub chrome: usize,
    pub chrome_example: String,
    /// Entities decoded (by the parser, and double-escaped leftovers).
    pub entities: usize,
    pub entity_example: String,
}

impl Removed {
    /// Adds the counts to the report (`html-tag`, `html-chrome`, `html-entity`).
    pub fn record(&self, report: &mut Report) {
        report.add("html-tag", self.tags, self.tag_example.clone());
        report.add("html-chrome", self.chrome, self.chrome_example.clone());
        report.add("html-entity", self.entities, self.entity_example.clone());
    }
}

/// The article of an HTML page.
#[derive(Debug, Clone, PartialEq)]
pub struct HtmlArticle {
    /// The main content, in document order.
    pub blocks: Vec<Block>,
    pub title_candidates: Vec<TitleCandidate>,
    /// `og:site_name` or `application-name`.
    pub site_name: Option<String>,
    /// The raw publication date (`article:published_time`, `pubdate`/`date`
    /// meta, `<time datetime>`).
    pub published: Option<String>,
    pub removed: Removed,
}

/// Block tags counted by detection.
const MIN_BLOCK_TAGS: usize = 3;
/// Share of non-empty lines holding a tag, or of characters inside tags, that
/// makes text with enough block tags HTML rather than text with stray tags.
const MIN_TAGGED_LINES: f64 = 0.3;
const MIN_MARKUP_SHARE: f64 = 0.02;

struct Detect {
    document: Regex,
    block: Regex,
    tag: Regex,
}

/// A tag, opening or closing (also the stray tags of plain text).
const TAG: &str = r"</?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?>";

static DETECT: LazyLock<Detect> = LazyLock::new(|| Detect {
    document: fixed::regex(r"(?i)<!doctype\s+html|<html[\s>]|<body[\s>]"),
    block: fixed::regex(
        r"(?i)</?(p|div|br|h[1-6]|li|ul|ol|table|tr|td|section|article|blockquote)\b[^<>]*>",
    ),
    tag: fixed::regex(TAG),
});

/// True when the text is an HTML document, or text with enough markup that
/// its tags, not its lines, give its structure.
pub fn is_html(text: &str) -> bool {
    let d = &*DETECT;
    if is_document(text, d) {
        return true;
    }
    if d.block.find_iter(text).take(MIN_BLOCK_TAGS).count() < MIN_BLOCK_TAGS {
        return false;
    }
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let tagged = lines.iter().filter(|l| d.tag.is_match(l)).count();
    let markup: usize = d.tag.find_iter(text).map(|m| m.len()).sum();
    tagged as f64 >= MIN_TAGGED_LINES * lines.len() as f64
        || markup as f64 >= MIN_MARKUP_SHARE * text.len() as f64
}

fn is_document(text: &str, d: &Detect) -> bool {
    d.document.is_match(text)
}

/// The article of an HTML page; `None` when the text is not HTML.
pub fn extract(text: &str) -> Option<HtmlArticle> {
    if !is_html(text) {
        return None;
    }
    let lexicon = prune::lexicon();
    let doc = Html::parse_document(text);
    let dropped = prune::mark(&doc, lexicon);
    let fragment = !is_document(text, &DETECT);
    let roots = score::main_content(&doc, &dropped, fragment);
    let mut removed = Removed::default();
    let blocks = extract::blocks(&roots, &dropped, fragment, &mut removed);
    let meta = title::read(&doc, &dropped, &roots);
    removed.tags = dropped.elements;
    removed.tag_example = dropped.first_tag.clone();
    removed.chrome = dropped.ids.len();
    removed.chrome_example = dropped.example.clone();
    let (n, example) = plain::count_entities(text);
    removed.entities += n;
    if removed.entity_example.is_empty() {
        removed.entity_example = example;
    }
    Some(HtmlArticle {
        blocks,
        title_candidates: meta.candidates,
        site_name: meta.site_name,
        published: meta.published,
        removed,
    })
}
