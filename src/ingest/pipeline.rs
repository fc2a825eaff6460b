//! One seed through the cleaning stages: decode → repair (mojibake, broken
//! quotes, HTML: a page goes through the HTML extractor) → boilerplate → machine-translation fixes → structure →
//! Markdown and metadata. Pure: bytes in, a finished page out.

use super::boilerplate;
use super::chrome;
use super::decode::{self, DecodeError};
use super::markdown;
use super::meta::{self, MetaInput, Metadata};
use super::mt_fix;
use super::report::{snippet, Report};
use super::structure::{self, Block};
use super::title::{self, Candidate, Source};
use super::{html, mojibake, quotes};

/// A cleaned seed, ready to be written.
#[derive(Debug, Clone)]
pub struct Page {
    pub title: String,
    /// The article had no headline: the title was made from its metadata.
    pub title_generated: bool,
    pub lang: &'static str,
    pub encoding: &'static str,
    pub body: String,
    pub meta: Metadata,
    pub report: Report,
    /// Old URLs of this case study (set when its slug changed).
    pub aliases: Vec<String>,
    /// Fingerprint of the entity pages its links were written against.
    pub links: String,
    /// The entities the article is about.
    pub entities: Vec<crate::content::front_matter::EntityMention>,
}

/// Why a seed produced no page.
#[derive(Debug)]
pub enum Skip {
    Decode(DecodeError),
    NothingLeft,
    Rules(String),
}

impl std::fmt::Display for Skip {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Skip::Decode(e) => write!(f, "{e}"),
            Skip::NothingLeft => write!(f, "nothing is left after removing boilerplate; skipped"),
            Skip::Rules(e) => write!(f, "ingest rules are broken: {e}"),
        }
    }
}

/// Cleans one seed.
pub fn prepare(bytes: &[u8]) -> Result<Page, Skip> {
    let decoded = decode::decode(bytes).map_err(Skip::Decode)?;
    let mut report = Report::default();
    let repaired = repair(&decoded.text, &mut report);
    let cleaned = remove_chrome(repaired, &mut report)?;
    // The title line goes through the same fixes as the text it heads.
    let titled = cleaned.title.is_some();
    let mut lines = mt_fix::apply(
        cleaned.title.into_iter().chain(cleaned.lines).collect(),
        mt_fix::fixes().map_err(Skip::Rules)?,
        &mut report,
    );
    let title = titled.then(|| lines.remove(0));
    let lang = crate::text::detect_lang(&lines.join("\n"));
    let article = structure::build(&lines, title.as_deref(), lang, &mut report);
    let article = super::typography::apply_article(article, &mut report);
    if article.blocks.is_empty() {
        return Err(Skip::NothingLeft);
    }
    let provisional = article.title.clone().unwrap_or_default();
    let meta = metadata(&provisional, lang, &article.blocks);
    let (title, title_generated) = match article.title {
        Some(t) => (t, false),
        None => {
            let t = generated_title(&meta, lang, &article.blocks);
            (super::typography::apply(&t, &mut report), true)
        }
    };
    let entities = entities(&title, lang, &article.blocks);
    Ok(Page {
        title,
        title_generated,
        lang,
        encoding: decoded.encoding,
        body: markdown::render(&article.blocks),
        meta,
        report,
        aliases: Vec::new(),
        links: String::new(),
        entities,
    })
}

fn entities(
    title: &str,
    lang: &str,
    blocks: &[Block],
) -> Vec<crate::content::front_matter::EntityMention> {
    let paragraphs: Vec<String> = blocks
        .iter()
        .filter(|b| !matches!(b, Block::Heading(_)))
        .map(|b| b.text().to_string())
        .collect();
    super::entities::discover(title, &paragraphs, lang == "zh")
}

/// Lines without chrome, and the title when the page has a headline.
struct Cleaned {
    lines: Vec<String>,
    title: Option<String>,
}

/// The chrome stages: navigation trail, one-line walls, fixed rules, the
/// title, then chrome by mechanism.
fn remove_chrome(page: Repaired, report: &mut Report) -> Result<Cleaned, Skip> {
    let rules = boilerplate::rules().map_err(Skip::Rules)?;
    let lexicon = chrome::lexicon::Lexicon::embedded().map_err(Skip::Rules)?;
    let mut judge = chrome::Chrome::new(lexicon, rules.site_segments());
    judge.learn_site_names(&page.site_name.into_iter().collect::<Vec<_>>());
    let mut lines: Vec<String> = page
        .text
        .split('\n')
        .map(|l| l.trim().to_string())
        .collect();
    let trail = boilerplate::remove_trail(&mut lines, rules, report);
    let fields = chrome::wall::field_patterns().map_err(Skip::Rules)?;
    let (mut lines, pieces) = chrome::wall::split(lines, fields, lexicon);
    // Site names are read off the whole page, the lines the rules take out
    // (`© 2025 Ledger Post Media Ltd.`) included.
    judge.discover_site_names(&lines);
    let rule_keep = boilerplate::rule_mask(&mut lines, rules, report);
    let removed: Vec<bool> = rule_keep.iter().map(|k| !k).collect();
    for (line, gone) in lines.iter_mut().zip(&removed) {
        if let Some(trimmed) = judge.trim_brackets(line).filter(|_| !gone) {
            report.add("chrome:bracketed", 1, snippet(line, 40));
            *line = trimmed;
        }
    }
    let (kept, _) = retain(lines.clone(), pieces.clone(), &rule_keep);
    let mut extra: Vec<Candidate> = trail
        .map(|text| Candidate {
            text,
            source: Source::Trail,
        })
        .into_iter()
        .collect();
    extra.extend(page.candidates);
    let chosen = title::choose(&kept, &extra, &judge);
    if let Some(c) = &chosen {
        judge.learn_site_names(&c.site_names);
    }
    let title = chosen.map(|c| c.text);
    let keep = judge.sweep(&lines, &removed, title.as_deref(), report);
    let (lines, pieces) = retain(lines, pieces, &keep);
    let lines = chrome::wall::join(lines, pieces, structure::starts_section);
    Ok(Cleaned { lines, title })
}

/// `lines` and their `pieces` flags where `keep` is true.
fn retain(
    lines: Vec<String>,
    pieces: Vec<chrome::wall::Piece>,
    keep: &[bool],
) -> (Vec<String>, Vec<chrome::wall::Piece>) {
    lines
        .into_iter()
        .zip(pieces)
        .zip(keep.iter().chain(std::iter::repeat(&true)))
        .filter(|(_, k)| **k)
        .map(|(lp, _)| lp)
        .unzip()
}

/// How often a generated title's entity is named in the text, at least.
const MIN_TITLE_ENTITY_MENTIONS: usize = 3;

/// A title for an article without a headline: its main entity and key
/// phrases, or, without tags, its first sentence shortened.
fn generated_title(meta: &Metadata, lang: &str, blocks: &[Block]) -> String {
    let paragraphs: Vec<String> = blocks
        .iter()
        .filter(|b| matches!(b, Block::Paragraph(_)))
        .map(|b| b.text().to_string())
        .collect();
    // The main entity entity discovery finds (with no title to go by), as
    // the article writes it, or the most frequent company-like name: of the
    // two, the one the text names more often.
    let text = paragraphs.join("\n");
    let discovered = entities("", lang, blocks)
        .into_iter()
        .find(|e| e.role == "main")
        .and_then(|e| {
            std::iter::once(e.name)
                .chain(e.forms)
                .find(|n| text.contains(n.as_str()))
        });
    // On a tie the discovered one (`Wendy's` over `Wendy`), the later of the two.
    let company = meta::names::main_company(&paragraphs, lang == "zh")
        .into_iter()
        .chain(discovered)
        .map(|n| (meta::names::occurrences(&text, &n), n))
        .filter(|(count, _)| *count >= MIN_TITLE_ENTITY_MENTIONS)
        .max_by_key(|(count, _)| *count)
        .map(|(_, n)| n);
    let t = title::generate(meta, lang, company.as_deref(), &paragraphs.join("\n"));
    if t.is_empty() {
        structure::derived_title(blocks, lang)
    } else {
        t
    }
}

/// Repaired text, and what an HTML page says of its title and site.
pub struct Repaired {
    pub text: String,
    /// `<title>`, `og:title` and `<h1>`.
    candidates: Vec<Candidate>,
    /// `og:site_name` and the like.
    site_name: Option<String>,
}

/// The character-level repairs, in order; an HTML page goes through the
/// HTML extractor.
pub fn repair(text: &str, report: &mut Report) -> Repaired {
    let text = mojibake::repair(text, report);
    let text = mojibake::repair_dagger_quotes(&text, report);
    let (text, candidates, site_name) = match html::extract(&text) {
        Some(article) => {
            article.removed.record(report);
            let candidates = article
                .title_candidates
                .iter()
                .map(|c| Candidate {
                    text: quotes::repair(&c.text, &mut Report::default()),
                    source: match c.source {
                        html::TitleSource::Title => Source::HtmlTitle,
                        html::TitleSource::OgTitle => Source::OgTitle,
                        html::TitleSource::H1 => Source::H1,
                    },
                })
                .collect();
            (html_text(&article), candidates, article.site_name.clone())
        }
        None => (html::strip_html(&text, report), Vec::new(), None),
    };
    Repaired {
        text: quotes::repair(&text, report),
        candidates,
        site_name,
    }
}

/// An HTML page's article as text lines for the line-based stages: its title
/// (`<h1>`, else `og:title`, else `<title>`) first, then one line per block.
fn html_text(article: &html::HtmlArticle) -> String {
    let title = [
        html::TitleSource::H1,
        html::TitleSource::OgTitle,
        html::TitleSource::Title,
    ]
    .iter()
    .find_map(|s| article.title_candidates.iter().find(|c| c.source == *s));
    let mut lines: Vec<String> = title.map(|t| t.text.clone()).into_iter().collect();
    lines.extend(article.blocks.iter().map(|b| match b {
        Block::Heading(t) | Block::Paragraph(t) => t.clone(),
        Block::Bullet(t) => format!("• {t}"),
        Block::Ordered(n, t) => format!("{n}. {t}"),
    }));
    lines.join("\n\n")
}

fn metadata(title: &str, lang: &str, blocks: &[Block]) -> Metadata {
    let (headings, paragraphs): (Vec<&Block>, Vec<&Block>) =
        blocks.iter().partition(|b| matches!(b, Block::Heading(_)));
    let paragraphs: Vec<String> = paragraphs.iter().map(|b| b.text().to_string()).collect();
    let headings: Vec<String> = headings.iter().map(|b| b.text().to_string()).collect();
    meta::extract(&MetaInput {
        title,
        lang,
        paragraphs: &paragraphs,
        headings: &headings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_text_passes_through() {
        for s in [
            "Xiaomi’s “fan” economy – 360° of café talk; naïve, but true.\nLei Jun said: “Hello.”",
            "小米的“口碑”传播法则。专注和极致,是产品目标;快,是行动准则。\n参与感是小米品牌理念中的灵魂!",
        ] {
            let mut r = Report::default();
            assert_eq!(repair(s, &mut r).text, s);
            assert_eq!(r.to_lines(), vec![]);
        }
    }

    #[test]
    fn noisy_english_page() {
        let raw = "Tea Daily - News - Leaf &amp; Co grows fast\r\n\r\nLeaf &amp; Co grows fast\r\n<p>Leaf &amp; Co’s â€œtea fansâ€ love it.</p>\r\nShare this article\r\n";
        let page = prepare(raw.as_bytes()).unwrap();
        assert_eq!(page.title, "Leaf & Co grows fast");
        assert_eq!(page.body, "Leaf & Co’s “tea fans” love it.\n");
        assert_eq!(page.lang, "en");
    }

    #[test]
    fn empty_and_chrome_only() {
        assert!(matches!(prepare(b""), Err(Skip::Decode(_))));
        assert!(matches!(
            prepare("Share this article\nhttp://x.com/".as_bytes()),
            Err(Skip::NothingLeft)
        ));
    }
}

/// Prints each line of the seed named by `CASEWIKI_EXPLAIN` with the chrome
/// verdict on it: `cargo test --lib explain_seed -- --ignored --nocapture`.
#[cfg(test)]
#[test]
#[ignore]
fn explain_seed() {
    let Ok(path) = std::env::var("CASEWIKI_EXPLAIN") else {
        return;
    };
    let bytes = std::fs::read(path).unwrap();
    let decoded = decode::decode(&bytes).unwrap();
    let mut report = Report::default();
    let repaired = repair(&decoded.text, &mut report);
    let cleaned = remove_chrome(repaired, &mut report).unwrap();
    println!("TITLE: {:?}", cleaned.title);
    for l in &cleaned.lines {
        println!("KEPT  {l}");
    }
    for line in report.to_lines() {
        println!("{} {} {}", line.rule, line.count, line.detail);
    }
}
