//! Markdown → HTML in one pulldown-cmark pass per page or section intro:
//! the one Markdown path of the site.
//!
//! The same pass that writes the HTML also collects everything later stages
//! need from the body, so no page is parsed twice: heading ids and the table
//! of contents, outgoing links (wikilinks, `.md` links, automatic entity
//! mentions) with their lines, broken links, mention snippets for entity
//! pages, and the plain text the search index and related pages use.

use pulldown_cmark::{CodeBlockKind, CowStr, Event, Options, Parser, Tag, TagEnd};

pub mod highlight;
pub mod safe_events;
pub mod sanitize;

mod links;
use crate::content::links::{LinkKind, LinkTargets, OutLink};
use crate::content::slug::{slugify, SlugSet};

/// What one page's body turned into.
#[derive(Debug, Clone, Default)]
pub struct RenderedBody {
    pub html: String,
    pub toc: Vec<TocEntry>,
    /// Ids of headings and footnotes, for `#anchor` checks.
    pub anchors: Vec<String>,
    pub links: Vec<OutLink>,
    /// Internal links that point nowhere: (destination, file line).
    pub broken: Vec<(String, usize)>,
    /// First mention of each entity: (page, snippet around it).
    pub mentions: Vec<(usize, String)>,
    /// Plain text, for search, snippets and similarity.
    pub text: String,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct TocEntry {
    pub level: u8,
    pub id: String,
    pub title: String,
}

/// Everything the pass needs to know about the site.
pub struct MarkdownContext<'a> {
    pub targets: &'a LinkTargets,
    /// Index of the page being rendered (`None` for a section intro).
    pub page: Option<usize>,
    /// Folder of the file under `content/`, for relative `.md` links.
    pub dir: &'a str,
    /// Base path of the site (`/` or `/repo/`).
    pub base_path: &'a str,
    /// Each page's URL (base path included, percent-encoded), by index.
    pub urls: &'a [String],
    /// Link first mentions of entities automatically.
    pub auto_link: bool,
    /// Pass raw HTML through uncleaned (`[markdown] unsafe_html`, a trusted author).
    pub unsafe_html: bool,
    /// `Analyse` collects links, anchors and text but writes no HTML (cheaper,
    /// and nothing large is kept per page); `Html` does both.
    pub mode: Mode,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Analyse,
    Html,
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_WIKILINKS
}

/// Renders `markdown` (the body of page `ctx.page` or a section intro,
/// whose first line is file line `body_line`).
pub fn render(ctx: &MarkdownContext, markdown: &str, body_line: usize) -> RenderedBody {
    let mut pass = Pass::new(ctx, markdown, body_line);
    let mut events: Vec<Event> = Vec::with_capacity(markdown.len() / 16);
    for (event, range) in Parser::new_ext(markdown, options()).into_offset_iter() {
        pass.handle(event, range.start, &mut events);
        if ctx.mode == Mode::Analyse {
            events.clear();
        }
    }
    if ctx.mode == Mode::Html {
        let mut html = String::with_capacity(markdown.len() * 3 / 2);
        let events = events.into_iter().map(safe_events::filter);
        pulldown_cmark::html::push_html(&mut html, events);
        if pass.needs_cleaning && !ctx.unsafe_html {
            html = sanitize::clean(&html);
        }
        html.shrink_to_fit(); // kept until the page is written: no slack
        pass.out.html = html;
    }
    pass.out.links.shrink_to_fit();
    pass.out.anchors.shrink_to_fit();
    pass.out
}

/// State of one pass over a page's events.
struct Pass<'c, 'a> {
    ctx: &'c MarkdownContext<'a>,
    lines: Lines<'c>,
    out: RenderedBody,
    ids: SlugSet,
    /// Events of the heading being read (its id needs its full text).
    heading: Option<Vec<Event<'c>>>,
    code: Option<(String, String)>,
    link_depth: usize,
    /// Entities already linked in the current section.
    linked_here: Vec<usize>,
    mentioned: Vec<usize>,
    /// Raw HTML was seen: the HTML gets cleaned.
    needs_cleaning: bool,
}

/// File lines of byte offsets in a body.
struct Lines<'c> {
    source: &'c str,
    /// File line of the body's first line.
    body_line: usize,
    /// (byte offset, newlines before it) of the last lookup.
    cursor: (usize, usize),
}

impl Lines<'_> {
    /// File line of byte `offset`. Links come in source order, so the count
    /// of newlines continues from the previous lookup instead of rescanning.
    fn at(&mut self, offset: usize) -> usize {
        let (from, line) = self.cursor;
        let (from, line) = if offset >= from { (from, line) } else { (0, 0) };
        let end = offset.min(self.source.len());
        let newlines = self.source.as_bytes()[from..end]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        self.cursor = (end, line + newlines);
        self.body_line + line + newlines
    }
}

impl<'c, 'a> Pass<'c, 'a> {
    fn new(ctx: &'c MarkdownContext<'a>, source: &'c str, body_line: usize) -> Self {
        Pass {
            ctx,
            lines: Lines {
                source,
                body_line,
                cursor: (0, 0),
            },
            out: RenderedBody::default(),
            ids: SlugSet::default(),
            heading: None,
            code: None,
            link_depth: 0,
            linked_here: Vec::new(),
            mentioned: Vec::new(),
            needs_cleaning: false,
        }
    }

    fn line(&mut self, offset: usize) -> usize {
        self.lines.at(offset)
    }

    fn handle(&mut self, event: Event<'c>, offset: usize, events: &mut Vec<Event<'c>>) {
        self.needs_cleaning = self.needs_cleaning || sanitize::needs_cleaning(&event);
        if let Some((lang, buf)) = &mut self.code {
            match event {
                Event::Text(t) => buf.push_str(&t),
                Event::End(TagEnd::CodeBlock) => {
                    self.out.text.push_str(buf);
                    self.out.text.push('\n');
                    if self.ctx.mode == Mode::Html {
                        events.push(Event::Html(highlight::highlight(buf, lang).into()));
                    }
                    self.code = None;
                }
                _ => {}
            }
            return;
        }
        match event {
            Event::Start(Tag::CodeBlock(kind)) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(l) => l.to_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                self.code = Some((lang, String::new()));
            }
            Event::Start(tag @ Tag::Heading { .. }) => {
                self.linked_here.clear();
                self.heading = Some(vec![Event::Start(safe_events::heading(tag))]);
            }
            Event::End(TagEnd::Heading(_)) => self.finish_heading(event, events),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                self.link_depth += 1;
                let dest = self.resolve_link(link_type, dest_url, offset);
                self.emit(
                    Event::Start(Tag::Link {
                        link_type,
                        dest_url: dest,
                        title,
                        id,
                    }),
                    events,
                );
            }
            Event::End(TagEnd::Link) => {
                self.link_depth = self.link_depth.saturating_sub(1);
                self.emit(event, events);
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest = self.prefix_root_relative(dest_url);
                self.emit(
                    Event::Start(Tag::Image {
                        link_type,
                        dest_url: dest,
                        title,
                        id,
                    }),
                    events,
                );
            }
            Event::Start(Tag::FootnoteDefinition(ref name)) => {
                self.out.anchors.push(name.to_string());
                self.emit(event, events);
            }
            Event::Text(text) => self.text(text, events),
            Event::Code(ref code) => {
                self.out.text.push_str(code);
                self.emit(event, events);
            }
            Event::End(
                TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell | TagEnd::BlockQuote(_),
            ) => {
                self.out.text.push('\n');
                self.emit(event, events);
            }
            other => self.emit(other, events),
        }
    }

    fn emit(&mut self, event: Event<'c>, events: &mut Vec<Event<'c>>) {
        match &mut self.heading {
            Some(buf) => buf.push(event),
            None => events.push(event),
        }
    }

    fn text(&mut self, text: CowStr<'c>, events: &mut Vec<Event<'c>>) {
        self.out.text.push_str(&text);
        if self.heading.is_some() || self.link_depth > 0 || !self.ctx.auto_link {
            self.emit(Event::Text(text), events);
            return;
        }
        let mut last = 0;
        for m in self.ctx.targets.mentions(&text) {
            if Some(m.page) == self.ctx.page || self.linked_here.contains(&m.page) {
                continue;
            }
            self.linked_here.push(m.page);
            self.record_mention(m.page, &text, m.start, m.end);
            if m.start > last {
                self.emit(Event::Text(text[last..m.start].to_string().into()), events);
            }
            let href = self.page_url(m.page, None);
            let open = format!(
                "<a class=\"entity-link\" href=\"{}\">",
                crate::text::escape::escaped(&href)
            );
            self.emit(Event::InlineHtml(open.into()), events);
            self.emit(Event::Text(text[m.start..m.end].to_string().into()), events);
            self.emit(Event::InlineHtml("</a>".into()), events);
            last = m.end;
        }
        if last == 0 {
            self.emit(Event::Text(text), events);
        } else if last < text.len() {
            self.emit(Event::Text(text[last..].to_string().into()), events);
        }
    }

    fn record_mention(&mut self, page: usize, text: &str, start: usize, end: usize) {
        self.out.links.push(OutLink {
            target: page,
            kind: LinkKind::Mention,
            anchor: None,
            line: 0,
        });
        if !self.mentioned.contains(&page) {
            self.mentioned.push(page);
            self.out.mentions.push((page, snippet(text, start, end)));
        }
    }

    fn finish_heading(&mut self, end: Event<'c>, events: &mut Vec<Event<'c>>) {
        let Some(mut buf) = self.heading.take() else {
            return;
        };
        let title: String = buf
            .iter()
            .filter_map(|e| match e {
                Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
                _ => None,
            })
            .collect();
        if let Some(Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        })) = buf.first().cloned()
        {
            let id = match id {
                Some(given) => self.ids.unique(&given),
                None => self.ids.unique(&slugify(&title)),
            };
            self.out.toc.push(TocEntry {
                level: level as u8,
                id: id.clone(),
                title: title.clone(),
            });
            self.out.anchors.push(id.clone());
            buf[0] = Event::Start(Tag::Heading {
                level,
                id: Some(id.into()),
                classes,
                attrs,
            });
        }
        self.out.text.push('\n');
        events.extend(buf);
        events.push(end);
    }
}

/// About 40 characters either side of a mention, cut at character boundaries.
pub fn snippet(text: &str, start: usize, end: usize) -> String {
    const SIDE: usize = 40;
    let before: String = text[..start]
        .chars()
        .rev()
        .take(SIDE)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let after: String = text[end..].chars().take(SIDE).collect();
    let lead = if before.chars().count() == SIDE {
        "…"
    } else {
        ""
    };
    let tail = if after.chars().count() == SIDE {
        "…"
    } else {
        ""
    };
    format!(
        "{lead}{}{}{}{tail}",
        before.trim_start(),
        &text[start..end],
        after.trim_end()
    )
}
