//! One seed through the cleaning stages: decode → repair (mojibake, broken
//! quotes, HTML) → boilerplate → machine-translation fixes → structure →
//! Markdown and metadata. Pure: bytes in, a finished page out.

use super::boilerplate;
use super::decode::{self, DecodeError};
use super::markdown;
use super::meta::{self, MetaInput, Metadata};
use super::mt_fix;
use super::report::Report;
use super::structure::{self, Block};
use super::{html, mojibake, quotes};

/// A cleaned seed, ready to be written.
#[derive(Debug, Clone)]
pub struct Page {
    pub title: String,
    pub lang: &'static str,
    pub encoding: &'static str,
    pub body: String,
    pub meta: Metadata,
    pub report: Report,
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
    let text = repair(&decoded.text, &mut report);
    let lines: Vec<String> = text.split('\n').map(|l| l.trim().to_string()).collect();
    let cleaned = boilerplate::remove(
        lines,
        boilerplate::rules().map_err(Skip::Rules)?,
        &mut report,
    );
    let lines = mt_fix::apply(
        cleaned.lines,
        mt_fix::fixes().map_err(Skip::Rules)?,
        &mut report,
    );
    let lang = crate::text::detect_lang(&lines.join("\n"));
    let article = structure::build(&lines, cleaned.title.as_deref(), lang, &mut report);
    let article = super::typography::apply_article(article, &mut report);
    if article.blocks.is_empty() {
        return Err(Skip::NothingLeft);
    }
    let meta = metadata(&article.title, lang, &article.blocks);
    Ok(Page {
        title: article.title,
        lang,
        encoding: decoded.encoding,
        body: markdown::render(&article.blocks),
        meta,
        report,
    })
}

/// The character-level repairs, in order.
pub fn repair(text: &str, report: &mut Report) -> String {
    let text = mojibake::repair(text, report);
    let text = mojibake::repair_dagger_quotes(&text, report);
    let text = html::strip_html(&text, report);
    quotes::repair(&text, report)
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
            assert_eq!(repair(s, &mut r), s);
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
