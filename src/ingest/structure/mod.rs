//! Structure: clean lines → title and blocks (headings, list items,
//! paragraphs).
//!
//! Headings are short standalone lines without final punctuation, number-only
//! section markers (`01`) and Chinese ordinal markers (`一、`). Ordered items
//! are `1、`/`1.`/`1)` lines; an unnumbered line between items n-1 and n+1 is
//! item n (the translator dropped its number). Three or more short lines in a
//! row are a bullet list, except the last, which heads what follows. Bullet
//! markers (`◎`, `●`, `•`) inside a line start new items; heading bars and
//! bold wraps are taken off first (`marks`). Long paragraphs,
//! like a Chinese wall of text, are split at sentence ends.

use std::sync::LazyLock;

use regex::Regex;

mod marks;
mod sections;

use super::report::Report;
use super::sentences;
pub use sections::starts_section;
use sections::{split_inline_sections, SECTION_START};

/// One block of the article body.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Heading(String),
    Ordered(u32, String),
    Bullet(String),
    Paragraph(String),
}

impl Block {
    pub fn text(&self) -> &str {
        match self {
            Block::Heading(t) | Block::Ordered(_, t) | Block::Bullet(t) | Block::Paragraph(t) => t,
        }
    }
}

/// A structured article.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// The headline, `None` when the article has none.
    pub title: Option<String>,
    pub blocks: Vec<Block>,
}

/// Paragraph length limits, in characters.
const MAX_ZH_PARAGRAPH: usize = 300;
const MAX_EN_PARAGRAPH: usize = 900;
pub(super) const MAX_ZH_HEADING: usize = 25;
const MAX_EN_HEADING: usize = 80;
const MAX_EN_HEADING_WORDS: usize = 12;
const MAX_ZH_TITLE: usize = 30;
const MAX_EN_TITLE: usize = 90;
const BULLETS: &[char] = &['◎', '●', '•', '■', '◆', '▪', '★', '☆'];
const FINAL_PUNCTUATION: &str = ".,;:!?。，；：！？…、”’\"–—-";

static ORDERED_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::fixed::regex(r"^(\d{1,2})\s*(?:、|[.．](?:\s+|[^\d\s.])|\)\s*|）\s*)")
});

/// Builds the article from clean, trimmed lines; `title` is the headline
/// chosen for it, `None` when it has none.
pub fn build(lines: &[String], title: Option<&str>, lang: &str, report: &mut Report) -> Article {
    let lines: Vec<String> = lines.iter().map(|l| marks::undecorate(l)).collect();
    let lines: Vec<String> = split_bullets(&lines)
        .into_iter()
        .filter(|l| !l.is_empty() && Some(l.as_str()) != title)
        .flat_map(|l| split_inline_sections(&l, report))
        .collect();
    let mut blocks = classify(&lines, lang);
    restore_list_numbers(&mut blocks, report);
    numbered_headings(&mut blocks, lang);
    sections::ordinal_headings(&mut blocks);
    bullet_runs(&mut blocks);
    lone_bullets(&mut blocks, lang);
    // Without a headline the first line was judged no title: it opens the
    // text mid-way (a fragment of a cut sentence), not a section.
    if title.is_none() {
        if let Some(Block::Heading(first)) = blocks.first() {
            blocks[0] = Block::Paragraph(first.clone());
        }
    } else {
        leading_labels(&mut blocks, lang, report);
    }
    let blocks = split_long_paragraphs(blocks, lang, report);
    let title = title.map(|t| {
        // A headline of two sentences keeps its full stop (`… an Ad. He Wrote Instead.`).
        let two_sentences = t.trim_end_matches('.').contains(". ");
        let ends: &[char] = if two_sentences {
            &[',', '，', ';', '；', ':', '：']
        } else {
            &['.', '。', ',', '，', ';', '；', ':', '：']
        };
        t.trim_end_matches(ends).trim().to_string()
    });
    let blocks = blocks
        .into_iter()
        .filter(|b| Some(b.text()) != title.as_deref())
        .collect();
    Article { title, blocks }
}

/// Lines with mid-line bullet markers split into one line per item.
fn split_bullets(lines: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for line in lines {
        let mut current = String::new();
        for c in line.chars() {
            if BULLETS.contains(&c) && !current.trim().is_empty() {
                out.push(current.trim().to_string());
                current.clear();
            }
            current.push(c);
        }
        out.push(current.trim().to_string());
    }
    out
}

fn is_zh(lang: &str) -> bool {
    lang == "zh"
}

/// A short standalone line without final punctuation.
pub fn is_heading_like(line: &str, lang: &str) -> bool {
    let chars = line.chars().count();
    // A closing quote ends a quoted name (`“后浪”`); a question can be a heading.
    let core = line.trim_end_matches(['”', '’', '"', '」', '』', '?', '？']);
    let last = core.chars().last().unwrap_or('.');
    let short = if crate::text::has_cjk(line) || is_zh(lang) {
        chars <= MAX_ZH_HEADING
    } else {
        chars <= MAX_EN_HEADING && line.split_whitespace().count() <= MAX_EN_HEADING_WORDS
    };
    short
        && !FINAL_PUNCTUATION.contains(last)
        && !line.starts_with(BULLETS)
        && !core.contains(['。', '！', '？'])
}

/// A bullet line standing alone between paragraphs, short and without final
/// punctuation, is a decorated heading (`■一次不同於以往的危機`).
fn lone_bullets(blocks: &mut [Block], lang: &str) {
    let is_item = |b: Option<&Block>| matches!(b, Some(Block::Bullet(_) | Block::Ordered(..)));
    for i in 0..blocks.len() {
        let alone =
            !is_item(i.checked_sub(1).and_then(|j| blocks.get(j))) && !is_item(blocks.get(i + 1));
        if let Block::Bullet(t) = &blocks[i] {
            if alone && is_heading_like(t, lang) {
                blocks[i] = Block::Heading(t.clone());
            }
        }
    }
}

fn classify(lines: &[String], lang: &str) -> Vec<Block> {
    let mut blocks = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i].as_str();
        if let Some(rest) = line.strip_prefix(BULLETS) {
            blocks.push(Block::Bullet(rest.trim().to_string()));
        } else if line.chars().all(|c| c.is_ascii_digit()) && line.len() <= 2 {
            let next = lines
                .get(i + 1)
                .filter(|n| is_heading_like(n, lang) && !is_ordered(n));
            match next {
                Some(n) => {
                    blocks.push(Block::Heading(format!("{line} {n}")));
                    i += 1;
                }
                None => blocks.push(Block::Heading(line.to_string())),
            }
        } else if let Some((n, rest)) = ordered_item(line) {
            blocks.push(Block::Ordered(n, rest));
        } else if is_section_marker(line) || is_heading_like(line, lang) {
            blocks.push(Block::Heading(line.to_string()));
        } else {
            blocks.push(Block::Paragraph(line.to_string()));
        }
        i += 1;
    }
    blocks
}

/// `一、…` / `第二章…` lines of heading length.
pub fn is_section_marker(line: &str) -> bool {
    SECTION_START.is_match(line) && line.chars().count() <= MAX_ZH_HEADING + 5
}

fn is_ordered(line: &str) -> bool {
    ordered_item(line).is_some()
}

/// `1、text`, `1. text`, `1.text`, `1) text` → (1, text).
fn ordered_item(line: &str) -> Option<(u32, String)> {
    let caps = ORDERED_MARKER.captures(line)?;
    let n: u32 = caps[1].parse().ok()?;
    let marker = caps.get(0)?;
    // The marker regex may have eaten the item's first character.
    let rest_start = line[..marker.end()]
        .trim_end()
        .char_indices()
        .last()
        .map(|(b, c)| {
            if c.is_alphanumeric() || crate::text::is_cjk(c) || "“\"(（".contains(c) {
                b
            } else {
                marker.end()
            }
        })?;
    let rest = line[rest_start..].trim();
    (!rest.is_empty() && n > 0).then(|| (n, rest.to_string()))
}

/// A heading-like line between items n-1 and n+1 is item n.
fn restore_list_numbers(blocks: &mut [Block], report: &mut Report) {
    let mut last: Option<u32> = None;
    for i in 0..blocks.len() {
        match &blocks[i] {
            Block::Ordered(n, _) => last = Some(*n),
            Block::Heading(h) => {
                let next = blocks[i + 1..].iter().find_map(|b| match b {
                    Block::Ordered(n, _) => Some(*n),
                    Block::Heading(_) => Some(0),
                    _ => None,
                });
                if let (Some(prev), Some(next)) = (last, next) {
                    if next == prev + 2 {
                        report.add("list-number-restored", 1, format!("{}. {h}", prev + 1));
                        blocks[i] = Block::Ordered(prev + 1, h.clone());
                        last = Some(prev + 1);
                    }
                }
            }
            _ => {}
        }
    }
}

/// Numbered lines that each head a paragraph of prose (`1. Know your
/// audience` followed by its paragraph, twice or more) are numbered section
/// headings, not a list.
fn numbered_headings(blocks: &mut [Block], lang: &str) {
    let heads = |i: usize| match (&blocks[i], blocks.get(i + 1)) {
        (Block::Ordered(_, t), Some(Block::Paragraph(p))) => {
            is_heading_like(t, lang) && p.chars().count() >= NUMBERED_SECTION_PROSE
        }
        _ => false,
    };
    let found: Vec<usize> = (0..blocks.len()).filter(|&i| heads(i)).collect();
    if found.len() < 2 {
        return;
    }
    for i in found {
        if let Block::Ordered(n, t) = &blocks[i] {
            let sep = if crate::text::has_cjk(t) { "、" } else { ". " };
            blocks[i] = Block::Heading(format!("{n}{sep}{t}"));
        }
    }
}

/// Longest line before the first paragraph that is a label, not a dek:
/// characters of Chinese, words of English.
const LEAD_LABEL_ZH: usize = 16;
const LEAD_LABEL_WORDS: usize = 6;

/// In an article whose sections are all numbered (`一、`, `2.`), unnumbered
/// heading-like lines between the headline and the first paragraph are not
/// among its sections: a short one is a label of the page (an account's
/// tagline, a kicker) and goes, a longer one is the dek and stays as a
/// paragraph.
fn leading_labels(blocks: &mut Vec<Block>, lang: &str, report: &mut Report) {
    let numbered = |h: &str| starts_section(h) || h.starts_with(|c: char| c.is_ascii_digit());
    let lead = blocks
        .iter()
        .take_while(|b| matches!(b, Block::Heading(h) if !numbered(h)))
        .count();
    let later: Vec<bool> = blocks[lead..]
        .iter()
        .filter_map(|b| match b {
            Block::Heading(h) => Some(numbered(h)),
            _ => None,
        })
        .collect();
    // Every later heading numbered, and at least two.
    let numbered_sections = later.len() >= 2 && later.iter().all(|&n| n);
    if lead == 0 || !numbered_sections || !matches!(blocks.get(lead), Some(Block::Paragraph(_))) {
        return;
    }
    let labels: Vec<Block> = blocks.drain(..lead).collect();
    let deks: Vec<Block> = labels
        .into_iter()
        .filter_map(|label| {
            let text = label.text().to_string();
            let short = if crate::text::has_cjk(&text) || is_zh(lang) {
                text.chars().count() <= LEAD_LABEL_ZH
            } else {
                text.split_whitespace().count() <= LEAD_LABEL_WORDS
            };
            if short {
                report.add("structure:lead-label", 1, super::report::snippet(&text, 40));
                return None;
            }
            Some(Block::Paragraph(text))
        })
        .collect();
    blocks.splice(0..0, deks);
}

/// The paragraph a numbered heading heads is at least this long.
const NUMBERED_SECTION_PROSE: usize = 80;

/// Three or more headings in a row: all but the last are bullet items.
fn bullet_runs(blocks: &mut [Block]) {
    let mut i = 0;
    while i < blocks.len() {
        let run = blocks[i..]
            .iter()
            .take_while(|b| matches!(b, Block::Heading(_)))
            .count();
        if run >= 3 {
            for b in &mut blocks[i..i + run - 1] {
                *b = Block::Bullet(b.text().to_string());
            }
        }
        i += run.max(1);
    }
}

/// The length limit of one paragraph: Chinese by its own text, so a Chinese
/// paragraph in a mostly English article is still split.
fn paragraph_limit(paragraph: &str, lang: &str) -> usize {
    if is_zh(lang) || crate::text::detect_lang(paragraph) == "zh" {
        MAX_ZH_PARAGRAPH
    } else {
        MAX_EN_PARAGRAPH
    }
}

fn split_long_paragraphs(blocks: Vec<Block>, lang: &str, report: &mut Report) -> Vec<Block> {
    let mut out = Vec::with_capacity(blocks.len());
    for b in blocks {
        match b {
            Block::Paragraph(p) if p.chars().count() > paragraph_limit(&p, lang) => {
                let parts = sentences::pack(&p, paragraph_limit(&p, lang));
                report.add(
                    "paragraph-split",
                    parts.len().saturating_sub(1),
                    format!("{} chars → {} paragraphs", p.chars().count(), parts.len()),
                );
                out.extend(parts.into_iter().map(Block::Paragraph));
            }
            other => out.push(other),
        }
    }
    out
}

/// A headline from the first paragraph's first sentence.
pub fn derived_title(blocks: &[Block], lang: &str) -> String {
    let max = if is_zh(lang) {
        MAX_ZH_TITLE
    } else {
        MAX_EN_TITLE
    };
    blocks
        .iter()
        .find(|b| matches!(b, Block::Paragraph(_)))
        .or(blocks.first())
        .and_then(|b| {
            sentences::split(b.text())
                .first()
                .map(|s| sentences::headline(s, max))
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::sections::{paragraph_openers, section_heading, SECTION_START};
    use super::*;

    #[test]
    fn translated_ordinal_headings_become_headings_when_two_or_more() {
        let para = |t: &str| Block::Paragraph(t.to_string());
        let mut blocks = vec![
            para("First, the fruit box that started it all"),
            para("Body text of the first section, long enough."),
            para("Second, the ten billion subsidy let the first and second tier cities also start to use"),
            para("Body text of the second section."),
        ];
        sections::ordinal_headings(&mut blocks);
        assert!(matches!(&blocks[0], Block::Heading(_)));
        assert!(matches!(&blocks[2], Block::Heading(_)));
        let mut one = vec![
            para("First, we went to the market"),
            para("Then we came home."),
        ];
        sections::ordinal_headings(&mut one);
        assert!(matches!(&one[0], Block::Paragraph(_)));
    }

    fn headings_of(article: &Article) -> Vec<&str> {
        article
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Heading(h) => Some(h.as_str()),
                _ => None,
            })
            .collect()
    }

    fn build_text(text: &str, title: Option<&str>, lang: &str) -> (Article, Report) {
        let mut r = Report::default();
        let lines: Vec<String> = text.lines().map(|l| l.trim().to_string()).collect();
        (build(&lines, title, lang, &mut r), r)
    }

    #[test]
    fn numbered_lines_heading_paragraphs_are_headings() {
        let para = "The company learned that its customers wanted to be heard before they wanted a discount, and it changed how it answered them.";
        let text = format!("T\nIntro.\n1. Listen first\n{para}\n2. Answer in public\n{para}\nSteps:\n1. one\n2. two");
        let (a, _) = build_text(&text, Some("T"), "en");
        assert_eq!(a.blocks[1], Block::Heading("1. Listen first".into()));
        assert_eq!(a.blocks[3], Block::Heading("2. Answer in public".into()));
        assert!(a.blocks.contains(&Block::Ordered(1, "one".into())));
    }

    #[test]
    fn fixed_patterns_compile() {
        LazyLock::force(&SECTION_START);
        LazyLock::force(&ORDERED_MARKER);
        paragraph_openers().unwrap();
    }

    #[test]
    fn glued_headings_end_where_the_paragraph_starts() {
        let cases = [
            (
                "一、一场发布活动引发的争议争议源自一场秋冬新品发布活动，照片很快传开。",
                "一、一场发布活动引发的争议",
            ),
            (
                "二、国潮光环的另一面过去几年，李宁是国潮浪潮中最耀眼的品牌之一。",
                "二、国潮光环的另一面",
            ),
            (
                "（三）服務的邊界在哪裡這場爭議讓海底撈重新思考服務的尺度與成本。",
                "（三）服務的邊界在哪裡",
            ),
            (
                "二、为什么是一家老厂一家老厂创立于1990年，总部设在上海，门店遍布全国的三四线城市。",
                "二、为什么是一家老厂",
            ),
            (
                "三、品牌做对了什么面对突如其来的流量，这家公司的反应相当克制，没有涨价。",
                "三、品牌做对了什么",
            ),
            (
                "四、一年后的成绩单2022年，直播间的销量回落到了正常水平，门店客流也在下降。",
                "四、一年后的成绩单",
            ),
            (
                "（一）一段后厨视频和三家门店当天下午，视频在短视频平台上被转发了上万次。",
                "（一）一段后厨视频和三家门店",
            ),
            (
                "（二）迟到的道歉信次日凌晨，公司在官方账号上发出了第一封道歉信。",
                "（二）迟到的道歉信",
            ),
            (
                "二、工厂要的不是差价对这家工厂而言，订单带来了新客。",
                "二、工厂要的不是差价",
            ),
            ("三、合作的边界在哪里不过，热度并非无限。", "三、合作的边界在哪里"),
        ];
        for (sentence, heading) in cases {
            assert_eq!(section_heading(sentence).0, heading);
        }
    }

    #[test]
    fn a_heading_after_a_heading_and_two_digit_markers_part() {
        let (a, _) = build_text(
            "一、一杯饮料为什么能走红（一）价格把门槛降到最低过去，这类饮料都很贵，一杯要几十元。",
            Some("标题"),
            "zh",
        );
        let heads = headings_of(&a);
        assert_eq!(
            heads,
            vec!["一、一杯饮料为什么能走红", "（一）价格把门槛降到最低"],
            "{:?}",
            a.blocks
        );
        assert!(starts_section("01 不甩锅") && starts_section("01"));
        assert!(!starts_section("2019年") && !starts_section("010"));
    }

    #[test]
    fn inline_section_markers_become_headings() {
        let mut r = Report::default();
        let text = "瑞幸从创立之初就选择了烧钱换规模的打法。二、危机公关的得与失 丑闻曝光后，瑞幸在官方微博发布致歉声明。（三）从丑闻中走出来 令人意外的是，瑞幸并没有倒下。";
        let a = build(&[text.to_string()], Some("T"), "zh", &mut r);
        assert_eq!(
            a.blocks,
            vec![
                Block::Paragraph("瑞幸从创立之初就选择了烧钱换规模的打法。".into()),
                Block::Heading("二、危机公关的得与失".into()),
                Block::Paragraph("丑闻曝光后，瑞幸在官方微博发布致歉声明。".into()),
                Block::Heading("（三）从丑闻中走出来".into()),
                Block::Paragraph("令人意外的是，瑞幸并没有倒下。".into()),
            ]
        );
        assert_eq!(r.count("inline-heading"), 2);
    }

    #[test]
    fn headings_and_paragraphs() {
        let (a, _) = build_text(
            "Xiaomi is growing fast. It sells phones.\nBrutal growth\nThe growth was brutal.",
            None,
            "en",
        );
        assert_eq!(a.title, None);
        assert_eq!(a.blocks[1], Block::Heading("Brutal growth".into()));
        assert_eq!(
            a.blocks[2],
            Block::Paragraph("The growth was brutal.".into())
        );
    }

    #[test]
    fn a_label_before_numbered_sections_is_no_section() {
        let text = "专注新消费品牌研究\n在三四线城市的街头，红色招牌几乎成了一种地标。\n一、价格\n定价几乎不给对手留下空间。\n二、传播\n主题曲在短视频平台爆火。";
        let (article, _) = build_text(text, Some("蜜雪冰城的下沉市场密码"), "zh");
        let headings = headings_of(&article);
        assert_eq!(headings, vec!["一、价格", "二、传播"]);
        let (plain, _) = build_text(
            "Key takeaways\nThe persona helped it win early fights with regulators.\nBody text.",
            Some("T"),
            "en",
        );
        assert!(matches!(&plain.blocks[0], Block::Heading(h) if h == "Key takeaways"));
    }

    #[test]
    fn the_title_is_not_repeated() {
        let (a, _) = build_text(
            "小米口碑传播规律\n\n小米手机的红火。\n社会化媒体\n粉丝效应。",
            Some("小米口碑传播规律"),
            "zh",
        );
        assert_eq!(a.title.as_deref(), Some("小米口碑传播规律"));
        assert_eq!(
            a.blocks,
            vec![
                Block::Paragraph("小米手机的红火。".into()),
                Block::Heading("社会化媒体".into()),
                Block::Paragraph("粉丝效应。".into())
            ]
        );
    }

    #[test]
    fn ordered_items() {
        assert_eq!(
            ordered_item("1、互联网思维"),
            Some((1, "互联网思维".into()))
        );
        assert_eq!(
            ordered_item("12、1个靠谱的工程师"),
            Some((12, "1个靠谱的工程师".into()))
        );
        assert_eq!(ordered_item("3. extreme"), Some((3, "extreme".into())));
        assert_eq!(
            ordered_item("1.发动机:产品"),
            Some((1, "发动机:产品".into()))
        );
        assert_eq!(ordered_item("1.81 meters tall"), None);
        assert_eq!(ordered_item("2008年的事"), None);
    }

    #[test]
    fn lost_list_numbers_are_restored() {
        let (a, r) = build_text("T\nIntro text here.\n1. Word of mouth\nText one.\nbe concentrated\nText two.\n3. extreme\nText three.", Some("T"), "en");
        assert_eq!(a.blocks[3], Block::Ordered(2, "be concentrated".into()));
        assert_eq!(r.count("list-number-restored"), 1);
    }

    #[test]
    fn number_markers_and_bullet_runs() {
        let (a, _) = build_text("T\nIntro.\n01\nThese days, things.\nThree steps:\nPositioning\nCommunity action\nParticipation\nFan places\nText.", Some("T"), "en");
        assert_eq!(a.blocks[1], Block::Heading("01".into()));
        assert_eq!(a.blocks[4], Block::Bullet("Positioning".into()));
        assert_eq!(a.blocks[6], Block::Bullet("Participation".into()));
        assert_eq!(a.blocks[7], Block::Heading("Fan places".into()));
    }

    #[test]
    fn inline_bullets_and_walls() {
        let wall = format!(
            "{}关于案例◎ 不是机海战术。◎ 雷军身上有一个词。",
            "小米做了很多病毒营销。".repeat(40)
        );
        let (a, r) = build_text(&format!("标题\n{wall}"), Some("标题"), "zh");
        assert_eq!(a.title.as_deref(), Some("标题"));
        assert!(a.blocks.iter().all(|b| b.text().chars().count() <= 300));
        assert_eq!(
            a.blocks
                .iter()
                .filter(|b| matches!(b, Block::Bullet(_)))
                .count(),
            2
        );
        assert!(r.count("paragraph-split") >= 1);
    }

    #[test]
    fn title_not_repeated_in_body() {
        let (a, _) = build_text("Text one.\nText two.", Some("Text one"), "en");
        assert_eq!(a.title.as_deref(), Some("Text one"));
        assert_eq!(
            a.blocks,
            vec![
                Block::Paragraph("Text one.".into()),
                Block::Paragraph("Text two.".into())
            ]
        );
        let (a, _) = build_text("A title.\nBody.", Some("A title."), "en");
        assert_eq!(a.blocks, vec![Block::Paragraph("Body.".into())]);
    }
}
