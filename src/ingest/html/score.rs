//! The main content of a page: its `<article>` (or `<main>`, `role="main"`,
//! `itemprop="articleBody"`) when that holds the text, else the element that
//! scores best, with the siblings that score nearly as well.
//!
//! Scoring follows Readability's idea: every paragraph-like element (a `<p>`,
//! `<pre>`, `<td>`, `<blockquote>`, or a `<div>` holding text of its own) of
//! some length gives its parent a score of 1 + its commas and full stops
//! (`,` `，` `、` `。`) + one per 100 characters (at most 3), half of that to
//! the grandparent and a third to the one above. A candidate's score is
//! discounted by its link density. A fragment (no `<html>`/`<body>`) is its
//! own content.

use std::collections::HashMap;

use ego_tree::NodeId;
use scraper::{ElementRef, Html, Node};

use super::prune::Dropped;

/// A paragraph shorter than this (in weighted characters, a CJK character
/// counting two) gives no score.
const MIN_PARAGRAPH: usize = 25;
/// A semantic container is the content when it holds at least this share of
/// the best-scoring candidate's text.
const MIN_SEMANTIC_SHARE: f64 = 0.5;
/// Siblings of the best candidate scoring at least this share of it join it.
const SIBLING_SHARE: f64 = 0.2;
const MIN_SIBLING_SCORE: f64 = 10.0;
/// A sibling paragraph joins when at least this long with few links.
const SIBLING_PARAGRAPH: usize = 80;
const SIBLING_MAX_LINKS: f64 = 0.25;

/// The roots of the main content, in document order.
pub fn main_content<'a>(doc: &'a Html, dropped: &Dropped, fragment: bool) -> Vec<ElementRef<'a>> {
    let body = body(doc);
    if fragment {
        return vec![body];
    }
    let scores = score(body, dropped);
    let best = scores
        .iter()
        .filter_map(|(id, s)| Some((element(doc, *id)?, *s)))
        .max_by(|a, b| final_score(a.0, a.1, dropped).total_cmp(&final_score(b.0, b.1, dropped)));
    let best_chars = best.map_or(0, |(e, _)| visible_chars(e, dropped));
    if let Some(semantic) = semantic(body, dropped) {
        if visible_chars(semantic, dropped) as f64 >= MIN_SEMANTIC_SHARE * best_chars as f64 {
            return vec![semantic];
        }
    }
    match best {
        Some((el, s)) => with_siblings(el, final_score(el, s, dropped), &scores, dropped),
        None => vec![body],
    }
}

fn body(doc: &Html) -> ElementRef<'_> {
    let root = doc.root_element();
    root.child_elements()
        .find(|e| e.value().name() == "body")
        .unwrap_or(root)
}

fn element(doc: &Html, id: NodeId) -> Option<ElementRef<'_>> {
    doc.tree.get(id).and_then(ElementRef::wrap)
}

/// The longest `articleBody`, else `<article>`, else `<main>`/`role="main"`.
fn semantic<'a>(body: ElementRef<'a>, dropped: &Dropped) -> Option<ElementRef<'a>> {
    let visible: Vec<ElementRef> = body
        .descendent_elements()
        .filter(|e| !is_dropped(*e, dropped))
        .collect();
    let kinds: [&dyn Fn(&ElementRef) -> bool; 3] = [
        &|e| e.value().attr("itemprop") == Some("articleBody"),
        &|e| e.value().name() == "article",
        &|e| e.value().name() == "main" || e.value().attr("role") == Some("main"),
    ];
    kinds.iter().find_map(|kind| {
        visible
            .iter()
            .filter(|e| kind(e))
            .max_by_key(|e| visible_chars(**e, dropped))
            .copied()
    })
}

pub fn is_dropped(el: ElementRef, dropped: &Dropped) -> bool {
    dropped.contains(el.id()) || el.ancestors().any(|a| dropped.contains(a.id()))
}

/// Scores of candidate containers.
fn score(body: ElementRef, dropped: &Dropped) -> HashMap<NodeId, f64> {
    let mut scores: HashMap<NodeId, f64> = HashMap::new();
    for el in body.descendent_elements() {
        if !is_paragraph(el) || is_dropped(el, dropped) {
            continue;
        }
        let text = visible_text(el, dropped);
        if weighted_len(&text) < MIN_PARAGRAPH {
            continue;
        }
        let points = paragraph_points(&text);
        for (level, ancestor) in el
            .ancestors()
            .filter_map(ElementRef::wrap)
            .take(3)
            .enumerate()
        {
            let entry = scores
                .entry(ancestor.id())
                .or_insert_with(|| tag_bonus(ancestor));
            *entry += points / (level + 1) as f64;
        }
    }
    scores
}

fn is_paragraph(el: ElementRef) -> bool {
    match el.value().name() {
        "p" | "pre" | "td" | "blockquote" => true,
        "div" | "section" => el.children().any(|c| {
            c.value()
                .as_text()
                .is_some_and(|t| weighted_len(t.trim()) >= MIN_PARAGRAPH)
        }),
        _ => false,
    }
}

fn paragraph_points(text: &str) -> f64 {
    let commas = text
        .chars()
        .filter(|c| matches!(c, ',' | '，' | '、' | '。'))
        .count();
    1.0 + commas as f64 + (weighted_len(text) as f64 / 100.0).min(3.0)
}

fn tag_bonus(el: ElementRef) -> f64 {
    match el.value().name() {
        "div" | "article" | "section" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" | "address" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    }
}

fn final_score(el: ElementRef, score: f64, dropped: &Dropped) -> f64 {
    score * (1.0 - link_density(el, dropped))
}

/// The best candidate and the siblings that score nearly as well (or are
/// long paragraphs with few links), in document order.
fn with_siblings<'a>(
    best: ElementRef<'a>,
    best_score: f64,
    scores: &HashMap<NodeId, f64>,
    dropped: &Dropped,
) -> Vec<ElementRef<'a>> {
    let Some(parent) = best.parent().and_then(ElementRef::wrap) else {
        return vec![best];
    };
    let threshold = MIN_SIBLING_SCORE.max(best_score * SIBLING_SHARE);
    let children: Vec<ElementRef> = parent
        .child_elements()
        .filter(|s| !is_dropped(*s, dropped))
        .collect();
    let kept: Vec<bool> = children
        .iter()
        .map(|s| {
            s.id() == best.id()
                || scores
                    .get(&s.id())
                    .is_some_and(|v| final_score(*s, *v, dropped) >= threshold)
                || (s.value().name() == "p"
                    && weighted_len(&visible_text(*s, dropped)) >= SIBLING_PARAGRAPH
                    && link_density(*s, dropped) < SIBLING_MAX_LINKS)
        })
        .collect();
    // A heading between two kept siblings heads the part after it.
    let inside = |i: usize| kept[..i].contains(&true) && kept[i + 1..].contains(&true);
    children
        .iter()
        .enumerate()
        .filter(|(i, s)| kept[*i] || is_heading(**s) && inside(*i))
        .map(|(_, s)| *s)
        .collect()
}

fn is_heading(el: ElementRef) -> bool {
    matches!(el.value().name(), "h1" | "h2" | "h3" | "h4")
}

/// Share of the visible text inside links.
fn link_density(el: ElementRef, dropped: &Dropped) -> f64 {
    let total = visible_chars(el, dropped);
    if total == 0 {
        return 0.0;
    }
    let linked: usize = el
        .descendent_elements()
        .filter(|a| a.value().name() == "a" && !is_dropped(*a, dropped))
        .map(|a| visible_chars(a, dropped))
        .sum();
    (linked as f64 / total as f64).min(1.0)
}

/// The text of `el` outside dropped elements.
pub fn visible_text(el: ElementRef, dropped: &Dropped) -> String {
    let mut out = String::new();
    collect_text(el, dropped, &mut out);
    out
}

fn collect_text(el: ElementRef, dropped: &Dropped, out: &mut String) {
    for child in el.children() {
        match child.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(_) if !dropped.contains(child.id()) => {
                if let Some(e) = ElementRef::wrap(child) {
                    collect_text(e, dropped, out);
                }
            }
            _ => {}
        }
    }
}

fn visible_chars(el: ElementRef, dropped: &Dropped) -> usize {
    visible_text(el, dropped)
        .chars()
        .filter(|c| !c.is_whitespace())
        .count()
}

/// Characters, a CJK one counting two (it carries about a word).
pub fn weighted_len(text: &str) -> usize {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if crate::text::is_cjk(c) { 2 } else { 1 })
        .sum()
}
