//! What the page says about itself: title candidates (`<title>`, `og:title`
//! and `twitter:title` meta, `<h1>` outside chrome), the site name
//! (`og:site_name`, `application-name`) and the publication date
//! (`article:published_time`, `pubdate`/`date` meta, else the first
//! `<time datetime>` of the content, else of the page, else the text of an
//! element whose class names a date).

use scraper::{ElementRef, Html};

use super::plain;
use super::prune::{words, Dropped};
use super::score::is_dropped;
use super::{Removed, TitleCandidate, TitleSource};

/// Meta names (or properties) of each kind, lowercase.
const TITLE_META: &[&str] = &["og:title", "twitter:title"];
const SITE_META: &[&str] = &["og:site_name", "application-name"];
const DATE_META: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "pubdate",
    "publishdate",
    "date",
    "dc.date",
    "dc.date.issued",
];

/// Class/id words of an element holding the publication date as text.
const DATE_WORDS: &[&str] = &[
    "date",
    "time",
    "pubdate",
    "pubtime",
    "publish",
    "published",
    "posted",
];
const MAX_DATE_CHARS: usize = 40;
const MIN_DATE_DIGITS: usize = 4;

/// Title candidates, site name and date of a page.
#[derive(Debug, Default)]
pub struct PageMeta {
    pub candidates: Vec<TitleCandidate>,
    pub site_name: Option<String>,
    pub published: Option<String>,
}

/// Reads the page's meta data; `content` is the main content (for `<time>`).
pub fn read(doc: &Html, dropped: &Dropped, content: &[ElementRef]) -> PageMeta {
    let mut meta = PageMeta::default();
    let root = doc.root_element();
    let mut dates: Vec<(usize, String)> = Vec::new();
    for el in root.descendent_elements() {
        let v = el.value();
        match v.name() {
            "title" => push(&mut meta.candidates, TitleSource::Title, &text_of(el)),
            "h1" if !is_dropped(el, dropped) => {
                push(&mut meta.candidates, TitleSource::H1, &text_of(el))
            }
            "meta" => {
                let key = v
                    .attr("property")
                    .or_else(|| v.attr("name"))
                    .unwrap_or_default()
                    .to_ascii_lowercase();
                let content = clean(v.attr("content").unwrap_or_default());
                if content.is_empty() {
                    continue;
                }
                if TITLE_META.contains(&key.as_str()) {
                    push(&mut meta.candidates, TitleSource::OgTitle, &content);
                } else if SITE_META.contains(&key.as_str()) && meta.site_name.is_none() {
                    meta.site_name = Some(content);
                } else if let Some(rank) = DATE_META.iter().position(|k| *k == key) {
                    dates.push((rank, content));
                }
            }
            _ => {}
        }
    }
    dates.sort_by_key(|(rank, _)| *rank);
    meta.published = dates
        .into_iter()
        .next()
        .map(|(_, d)| d)
        .or_else(|| first_time(content.iter().copied()))
        .or_else(|| first_time(std::iter::once(root)))
        .or_else(|| dated_element(root));
    meta
}

/// The text of the first short element whose class or id names a date
/// (`<span class="pub-time">2022-08-19 10:05</span>`).
fn dated_element(root: ElementRef) -> Option<String> {
    root.descendent_elements().find_map(|e| {
        let v = e.value();
        let named = [v.attr("class"), v.id()]
            .into_iter()
            .flatten()
            .flat_map(words)
            .any(|w| DATE_WORDS.contains(&w.as_str()));
        let text = clean(&text_of(e));
        (named
            && text.chars().count() <= MAX_DATE_CHARS
            && text.chars().filter(char::is_ascii_digit).count() >= MIN_DATE_DIGITS)
            .then_some(text)
    })
}

fn push(candidates: &mut Vec<TitleCandidate>, source: TitleSource, text: &str) {
    let text = clean(text);
    if text.is_empty()
        || candidates
            .iter()
            .any(|c| c.source == source && c.text == text)
    {
        return;
    }
    candidates.push(TitleCandidate { text, source });
}

fn text_of(el: ElementRef) -> String {
    el.text().collect()
}

/// Whitespace collapsed, trimmed, entity leftovers decoded.
fn clean(text: &str) -> String {
    let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    plain::decode_leftovers(&collapsed, &mut Removed::default())
}

/// The `datetime` of the first `<time>` under the roots (a `pubdate` one first).
fn first_time<'a>(roots: impl Iterator<Item = ElementRef<'a>>) -> Option<String> {
    let times: Vec<ElementRef> = roots
        .flat_map(|r| {
            r.descendent_elements()
                .filter(|e| e.value().name() == "time")
        })
        .filter(|e| {
            e.value()
                .attr("datetime")
                .is_some_and(|d| !d.trim().is_empty())
        })
        .collect();
    times
        .iter()
        .find(|e| e.value().attr("pubdate").is_some())
        .or(times.first())
        .and_then(|e| e.value().attr("datetime"))
        .map(|d| d.trim().to_string())
}
