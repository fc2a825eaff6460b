//! Site chrome in the DOM: elements dropped with everything inside them
//! before the main content is chosen (navigation, sidebars, footers, share
//! rows, comment threads, cookie banners, scripts, hidden elements…).
//!
//! The lexicon of tags, roles and class/id words is
//! `data/ingest/html_chrome.toml`. A marked element is kept when it holds the
//! page's headline (an `<h1>` that is not a link) or most of the page's text:
//! a wrapper such as `<div class="page has-sidebar">` is not chrome.

use std::collections::HashSet;
use std::sync::LazyLock;

use ego_tree::NodeId;
use scraper::{ElementRef, Html};
use serde::Deserialize;

use super::super::report::snippet;
use crate::text::fixed;

const LEXICON_TOML: &str = include_str!("../../../data/ingest/html_chrome.toml");

/// A marked element holding more than this share of the page's text is kept.
const MAX_CHROME_SHARE: f64 = 0.5;

/// The chrome lexicon.
#[derive(Debug, Deserialize)]
pub struct Lexicon {
    drop_tags: Vec<String>,
    roles: Vec<String>,
    class_tokens: Vec<String>,
    class_substrings: Vec<String>,
}

/// `html_chrome.toml`, loaded once.
pub fn lexicon() -> &'static Lexicon {
    static L: LazyLock<Lexicon> =
        LazyLock::new(|| fixed::rules("html_chrome.toml", toml::from_str(LEXICON_TOML)));
    &L
}

/// The dropped elements of a page.
#[derive(Debug, Default)]
pub struct Dropped {
    /// Roots of dropped subtrees.
    pub ids: HashSet<NodeId>,
    /// The first dropped element's opening tag, for the report.
    pub example: String,
    /// All elements of the page (their markup is gone either way).
    pub elements: usize,
    pub first_tag: String,
}

impl Dropped {
    pub fn contains(&self, id: NodeId) -> bool {
        self.ids.contains(&id)
    }
}

/// Marks the chrome of `doc`.
pub fn mark(doc: &Html, lexicon: &Lexicon) -> Dropped {
    let mut dropped = Dropped::default();
    let root = doc.root_element();
    let page_chars = text_chars(root);
    for el in root.descendent_elements() {
        let name = el.value().name();
        if !matches!(name, "html" | "head" | "body") {
            dropped.elements += 1;
            if dropped.first_tag.is_empty() {
                dropped.first_tag = opening_tag(el);
            }
        }
        if el.ancestors().any(|a| dropped.contains(a.id())) {
            continue;
        }
        if is_chrome(el, lexicon, page_chars) {
            if dropped.example.is_empty() && name != "head" {
                dropped.example = opening_tag(el);
            }
            dropped.ids.insert(el.id());
        }
    }
    dropped
}

fn is_chrome(el: ElementRef, lexicon: &Lexicon, page_chars: usize) -> bool {
    let name = el.value().name();
    if matches!(name, "html" | "body" | "article" | "main") {
        return false;
    }
    if is_hidden(el) {
        return true;
    }
    let by_tag = lexicon.drop_tags.iter().any(|t| t == name);
    let marked = by_tag || has_chrome_role(el, lexicon) || has_chrome_name(el, lexicon);
    if !marked {
        return false;
    }
    if name == "header" && el.ancestors().any(|a| is_tag(a, &["article", "main"])) {
        return false;
    }
    let frame = name == "header" || !by_tag;
    !(frame && (holds_headline(el) || holds_most_text(el, page_chars)))
}

fn is_tag(node: ego_tree::NodeRef<scraper::Node>, names: &[&str]) -> bool {
    node.value()
        .as_element()
        .is_some_and(|e| names.contains(&e.name()))
}

fn is_hidden(el: ElementRef) -> bool {
    let v = el.value();
    if v.attr("hidden").is_some() || v.attr("aria-hidden") == Some("true") {
        return true;
    }
    v.attr("style").is_some_and(|s| {
        let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
        let s = s.to_ascii_lowercase();
        s.contains("display:none") || s.contains("visibility:hidden")
    })
}

fn has_chrome_role(el: ElementRef, lexicon: &Lexicon) -> bool {
    el.value()
        .attr("role")
        .is_some_and(|r| lexicon.roles.iter().any(|x| r.eq_ignore_ascii_case(x)))
}

fn has_chrome_name(el: ElementRef, lexicon: &Lexicon) -> bool {
    let v = el.value();
    [v.attr("class"), v.id()].into_iter().flatten().any(|name| {
        let lower = name.to_lowercase();
        lexicon
            .class_substrings
            .iter()
            .any(|s| lower.contains(s.as_str()))
            || words(name)
                .iter()
                .any(|w| lexicon.class_tokens.iter().any(|t| t == w))
    })
}

/// Class or id words: split at non-alphanumerics and camelCase humps, lowercased.
pub fn words(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut prev_lower = false;
    for c in name.chars() {
        if !c.is_alphanumeric() || (c.is_uppercase() && prev_lower) {
            push_word(&mut out, &mut current);
        }
        if c.is_alphanumeric() {
            current.extend(c.to_lowercase());
        }
        prev_lower = c.is_lowercase() || c.is_ascii_digit();
    }
    push_word(&mut out, &mut current);
    out
}

fn push_word(out: &mut Vec<String>, current: &mut String) {
    if !current.is_empty() {
        out.push(std::mem::take(current));
    }
}

/// An `<h1>` with text that is not the site's logo (an image, or a link to
/// the home page).
fn holds_headline(el: ElementRef) -> bool {
    el.descendent_elements().any(|d| {
        d.value().name() == "h1"
            && !d.text().collect::<String>().trim().is_empty()
            && !d.descendent_elements().any(|x| {
                x.value().name() == "img" || x.value().attr("href").is_some_and(is_home_link)
            })
    })
}

fn is_home_link(href: &str) -> bool {
    let path = href
        .split_once("://")
        .map_or(href, |(_, rest)| rest.find('/').map_or("/", |i| &rest[i..]));
    matches!(path, "/" | "" | "./" | "/index.html")
}

fn holds_most_text(el: ElementRef, page_chars: usize) -> bool {
    page_chars > 0 && text_chars(el) as f64 > MAX_CHROME_SHARE * page_chars as f64
}

/// Characters of text (whitespace excluded) under `el`.
pub fn text_chars(el: ElementRef) -> usize {
    el.text()
        .map(|t| t.chars().filter(|c| !c.is_whitespace()).count())
        .sum()
}

fn opening_tag(el: ElementRef) -> String {
    let v = el.value();
    let mut tag = format!("<{}", v.name());
    for (k, val) in v
        .attrs()
        .filter(|(k, _)| matches!(*k, "class" | "id" | "role"))
    {
        tag.push_str(&format!(" {k}=\"{val}\""));
    }
    tag.push('>');
    snippet(&tag, 40)
}
