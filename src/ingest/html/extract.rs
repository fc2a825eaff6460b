//! The DOM walk: the main content's elements → blocks in document order.
//!
//! `<h1>`–`<h3>` become headings (`<h4>`–`<h6>` too when short and without
//! final punctuation), `<li>` list items (numbered inside `<ol>`, from its
//! `start`), everything else paragraphs. Inline elements are flattened to
//! their text with the page's own spacing; whitespace collapses as in a
//! browser, and a line break in the source between two CJK characters
//! vanishes. `<br>` ends a line and a blank line (two `<br>`, or an empty line
//! in the source text) a paragraph; a line that is plainly a wrapped sentence
//! (long, no final punctuation, next line starts in lower case) is joined again.
//! In a fragment (text with tags, as scrapers save it), a line of text
//! directly inside a container such as `<body>` or `<div>` is a line.

use scraper::{ElementRef, Node};

use super::plain;
use super::prune::Dropped;
use super::Removed;
use crate::ingest::structure::Block;

/// A line break (`<br>`) in the text being collected.
const BREAK: char = '\u{1}';
/// Headings `<h4>`–`<h6>` longer than this (weighted characters) are paragraphs.
const MAX_MINOR_HEADING: usize = 80;
/// Any heading longer than this is a paragraph marked up as one.
const MAX_HEADING: usize = 240;
/// A line shorter than this (weighted characters) is not a wrapped sentence.
const MIN_WRAPPED_LINE: usize = 30;
const FINAL_PUNCTUATION: &[char] = &[
    '.', '。', '!', '！', '?', '？', ':', '：', ';', '；', ',', '，',
];

/// Elements that start and end a block.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "address",
    "blockquote",
    "pre",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "td",
    "th",
    "caption",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "center",
    "details",
    "summary",
    "fieldset",
    "body",
];

/// Blocks that hold other blocks: in a fragment, text lines directly inside
/// them are the scraper's lines, not wrapped text.
const CONTAINERS: &[&str] = &["body", "div", "section", "article", "main", "td", "center"];

#[derive(Clone, Copy)]
enum Kind {
    Heading(u8),
    Item(Option<u32>),
}

struct Walker<'a> {
    dropped: &'a Dropped,
    removed: &'a mut Removed,
    blocks: Vec<Block>,
    buf: String,
    /// The kind of the next block flushed (a heading or list item being read).
    pending: Option<Kind>,
    /// Open lists: the next number of each, `None` for `<ul>`.
    lists: Vec<Option<u32>>,
    /// A fragment (text with tags): its lines between blocks are lines.
    fragment: bool,
}

/// The blocks of the content roots.
pub fn blocks(
    roots: &[ElementRef],
    dropped: &Dropped,
    fragment: bool,
    removed: &mut Removed,
) -> Vec<Block> {
    let mut w = Walker {
        fragment,
        dropped,
        removed,
        blocks: Vec::new(),
        buf: String::new(),
        pending: None,
        lists: Vec::new(),
    };
    for root in roots {
        w.element(*root);
        w.flush();
    }
    w.blocks
}

impl Walker<'_> {
    fn element(&mut self, el: ElementRef) {
        if self.dropped.contains(el.id()) {
            return;
        }
        let name = el.value().name();
        if name == "br" {
            self.buf.push(BREAK);
            return;
        }
        if !BLOCK_TAGS.contains(&name) {
            self.children(el);
            return;
        }
        self.flush();
        match name {
            "ul" | "ol" => {
                let start = el.value().attr("start").and_then(|s| s.trim().parse().ok());
                self.lists.push((name == "ol").then(|| start.unwrap_or(1)));
                self.children(el);
                self.flush();
                self.lists.pop();
                return;
            }
            "li" => self.pending = Some(Kind::Item(self.next_number(el))),
            _ => {
                if let Some(level) = heading_level(name) {
                    self.pending = Some(Kind::Heading(level));
                }
            }
        }
        self.children(el);
        self.flush();
    }

    fn children(&mut self, el: ElementRef) {
        let lines_are_lines = self.fragment && CONTAINERS.contains(&el.value().name());
        for child in el.children() {
            match child.value() {
                Node::Text(t) if lines_are_lines => {
                    self.buf
                        .extend(t.chars().map(|c| if c == '\n' { BREAK } else { c }))
                }
                Node::Text(t) => self.buf.push_str(t),
                Node::Element(_) => {
                    if let Some(e) = ElementRef::wrap(child) {
                        self.element(e);
                    }
                }
                _ => {}
            }
        }
    }

    /// The number of an `<li>` in an `<ol>` (its `value`, else the list's next).
    fn next_number(&mut self, el: ElementRef) -> Option<u32> {
        let next = self.lists.last_mut()?.as_mut()?;
        if let Some(v) = el.value().attr("value").and_then(|v| v.trim().parse().ok()) {
            *next = v;
        }
        let n = *next;
        *next += 1;
        Some(n)
    }

    /// Turns the collected text into blocks.
    fn flush(&mut self) {
        let raw = std::mem::take(&mut self.buf);
        let lines: Vec<String> = lines(&raw)
            .into_iter()
            .map(|l| plain::decode_leftovers(&l, self.removed))
            .collect();
        if lines.iter().all(|l| l.is_empty()) {
            return;
        }
        match self.pending.take() {
            Some(Kind::Heading(level)) => self.blocks.push(heading(level, joined(&lines))),
            Some(Kind::Item(n)) => {
                let text = joined(&lines);
                self.blocks.push(match n {
                    Some(n) => Block::Ordered(n, text),
                    None => Block::Bullet(text),
                });
            }
            None => self
                .blocks
                .extend(paragraphs(&lines).into_iter().map(Block::Paragraph)),
        }
    }
}

fn heading_level(name: &str) -> Option<u8> {
    let level = name.strip_prefix('h')?.parse().ok()?;
    (1..=6).contains(&level).then_some(level)
}

fn heading(level: u8, text: String) -> Block {
    let len = super::score::weighted_len(&text);
    let minor = level > 3;
    let reads_as_heading = len <= MAX_HEADING
        && !(minor && (len > MAX_MINOR_HEADING || text.ends_with(FINAL_PUNCTUATION)));
    if reads_as_heading {
        Block::Heading(text)
    } else {
        Block::Paragraph(text)
    }
}

fn joined(lines: &[String]) -> String {
    let parts: Vec<&str> = lines
        .iter()
        .map(String::as_str)
        .filter(|l| !l.is_empty())
        .collect();
    parts.join(" ")
}

/// The collected text split at line breaks (a blank line in the source
/// counts as two), each line with its whitespace collapsed; empty lines kept
/// as paragraph separators.
fn lines(raw: &str) -> Vec<String> {
    let mut marked = String::with_capacity(raw.len());
    let mut newlines = 0;
    for c in raw.chars() {
        if c == '\n' {
            newlines += 1;
            if newlines == 2 {
                marked.push(BREAK);
                marked.push(BREAK);
            }
        } else if !c.is_whitespace() {
            newlines = 0;
        }
        marked.push(c);
    }
    marked.split(BREAK).map(collapse).collect()
}

/// Collapses whitespace runs to one space; a run holding a line break between
/// two CJK characters goes entirely.
fn collapse(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut run: Option<bool> = None; // Some(has_newline) while inside whitespace
    for c in line.chars() {
        if c.is_whitespace() {
            let nl = run.unwrap_or(false) || c == '\n';
            run = Some(nl);
            continue;
        }
        if let Some(nl) = run.take() {
            let prev_cjk = out.chars().last().is_some_and(crate::text::is_cjk);
            if !(out.is_empty() || nl && prev_cjk && crate::text::is_cjk(c)) {
                out.push(' ');
            }
        }
        out.push(c);
    }
    out
}

/// Lines grouped into paragraphs: empty lines separate them; a line that
/// continues a wrapped sentence joins the previous one.
fn paragraphs(lines: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut open = false;
    for line in lines {
        if line.is_empty() {
            open = false;
            continue;
        }
        match out.last_mut() {
            Some(prev) if open && continues(prev, line) => {
                prev.push(' ');
                prev.push_str(line);
            }
            _ => out.push(line.clone()),
        }
        open = true;
    }
    out
}

fn continues(prev: &str, next: &str) -> bool {
    let ends_open = super::score::weighted_len(prev) >= MIN_WRAPPED_LINE
        && prev
            .chars()
            .last()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == ',');
    ends_open && next.chars().next().is_some_and(|c| c.is_ascii_lowercase())
}
