//! Sections inside paragraphs: Chinese section markers (`一、`, `（一）`,
//! `第二章`) at sentence starts become headings of their own, also when a
//! scraper glued the heading to the paragraph after it; a machine
//! translation's ordinal headings (`Second, …`) become headings too.

use std::sync::{LazyLock, OnceLock};

use regex::Regex;

use super::super::report::Report;
use super::super::sentences;
use super::{Block, MAX_ZH_HEADING};

/// Section markers at the start of a line: `一、`, `（一）`, `第二章`, and the
/// two-digit numbers WeChat editors set before a heading (`01 不甩锅`).
pub(super) static SECTION_START: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::fixed::regex(
        r"^([一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]\s*|第[一二三四五六七八九十\d]{1,3}[章节部分]|0[1-9](?:\s+|$))",
    )
});

/// English ordinals that open a machine translation's section heading
/// (`一、` → `First,` or `One,`).
static ORDINAL_START: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::fixed::regex(
        r"^(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|One|Two|Three|Four|Five|Six|Seven|Eight)[,，] \S",
    )
});

/// Words of a translated ordinal heading, at most (the translation runs
/// longer than the Chinese heading it renders).
const MAX_ORDINAL_HEADING_WORDS: usize = 20;

/// Lines opening with an English ordinal and a comma, without final
/// punctuation, each before a paragraph (`Second, the subsidy reached the
/// big cities`), twice or more in an article: its translated section headings.
pub fn ordinal_headings(blocks: &mut [Block]) {
    let candidate = |i: usize| match (&blocks[i], blocks.get(i + 1)) {
        (Block::Paragraph(t) | Block::Heading(t), Some(Block::Paragraph(_))) => {
            ORDINAL_START.is_match(t)
                && t.split_whitespace().count() <= MAX_ORDINAL_HEADING_WORDS
                && !t.trim_end().ends_with(['.', '!', ';', ':', ','])
        }
        _ => false,
    };
    let found: Vec<usize> = (0..blocks.len()).filter(|&i| candidate(i)).collect();
    if found.len() < 2 {
        return;
    }
    for i in found {
        if let Block::Paragraph(t) = &blocks[i] {
            blocks[i] = Block::Heading(t.clone());
        }
    }
}

/// A line that starts a section: `一、`, `（一）`, `第二章` and the like.
pub fn starts_section(line: &str) -> bool {
    SECTION_START.is_match(line)
}

/// A paragraph holding section markers at sentence starts (`…。二、危机公关
/// 丑闻曝光后…`) split there; a marker's heading ends at the first space or,
/// when the sentence is short, with the sentence.
pub(super) fn split_inline_sections(line: &str, report: &mut Report) -> Vec<String> {
    let parts = sentences::split(line);
    if !parts.iter().any(|p| starts_section(p)) {
        return vec![line.to_string()];
    }
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    for part in parts {
        if starts_section(part) {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            // A heading's rest may open with the next marker (`一、…（一）…`).
            let mut rest = part;
            while starts_section(rest) {
                let (heading, after) = section_heading(rest);
                if !after.is_empty() || heading.chars().count() < rest.chars().count() {
                    report.add(
                        "inline-heading",
                        1,
                        super::super::report::snippet(&heading, 30),
                    );
                }
                out.push(heading);
                if after.len() == rest.len() {
                    break;
                }
                rest = after;
            }
            current.push_str(rest);
            continue;
        }
        if !current.is_empty() && sentences::needs_space(&current, part) {
            current.push(' ');
        }
        current.push_str(part);
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// A sentence that starts with a section marker: its heading and the rest.
pub(super) fn section_heading(sentence: &str) -> (String, &str) {
    let limit = MAX_ZH_HEADING + 5;
    if let Some((b, c)) = sentence.char_indices().find(|(_, c)| c.is_whitespace()) {
        let head = &sentence[..b];
        if head.chars().count() <= limit && crate::text::has_cjk(head) {
            return (head.to_string(), sentence[b + c.len_utf8()..].trim());
        }
    }
    // A heading holds no clause break: a short sentence with one is a heading
    // glued to its paragraph too.
    let clause = sentence.contains(['，', '。', ',', '；', '！']);
    if sentence.chars().count() > limit || clause {
        if let Some(b) = glued_heading_end(sentence) {
            return (
                sentence[..b].trim_end().to_string(),
                sentence[b..].trim_start(),
            );
        }
    }
    (sentence.to_string(), "")
}

/// Where a heading glued to its paragraph ends: the first place, between
/// four and eighteen characters after the marker, where the paragraph
/// repeats the heading's last two to six characters (`…为什么是鸿星尔克鸿星尔克
/// 创立于…`), where a question heading ends on its question word (`…做对了
/// 什么面对…`), or where a paragraph opener, a point of view (`对瑞幸而言`),
/// a date (`2021年`) or the first subsection's marker (`（一）`) starts.
fn glued_heading_end(sentence: &str) -> Option<usize> {
    let marker = SECTION_START.find(sentence)?.end();
    let openers = paragraph_openers().ok()?;
    let starts: Vec<usize> = sentence[marker..]
        .char_indices()
        .map(|(b, _)| marker + b)
        .collect();
    let cut = |k: usize| -> bool {
        let (head, rest) = sentence.split_at(starts[k]);
        let body = &head[marker..];
        // A heading may hold a colon (`第一次选择：从代工转向品牌`), not a clause break.
        if body.contains(['，', '。', ',', '；']) || body.ends_with(['：', ':']) {
            return false;
        }
        let repeats = (2..=6.min(body.chars().count())).any(|n| {
            let tail: String = body.chars().skip(body.chars().count() - n).collect();
            rest.starts_with(&tail)
        });
        // `…为什么` opens a question (`回应为什么没能止损`); it does not end one.
        let question = QUESTION_ENDS.iter().any(|q| body.ends_with(q))
            && !body.ends_with("为什么")
            && !body.ends_with("為什麼");
        repeats
            || question
            || opens_with_viewpoint(rest)
            || rest.starts_with(['（', '(']) && starts_section(rest)
            || openers.iter().any(|o| rest.starts_with(o.as_str()))
            || opens_with_date(rest)
    };
    (4..=18.min(starts.len().saturating_sub(1)))
        .find(|&k| cut(k))
        .map(|k| starts[k])
}

/// Words a question heading ends on.
const QUESTION_ENDS: &[&str] = &[
    "什么",
    "什麼",
    "为何",
    "為何",
    "如何",
    "怎么办",
    "怎麼辦",
    "在哪里",
    "在哪裡",
    "吗",
    "嗎",
];

/// Text that opens with a point of view (`对瑞幸而言，`, `對品牌來說，`).
fn opens_with_viewpoint(text: &str) -> bool {
    let Some(rest) = text.strip_prefix('对').or_else(|| text.strip_prefix('對')) else {
        return false;
    };
    let window: String = rest.chars().take(12).collect();
    ["而言", "来说", "來說"]
        .iter()
        .filter_map(|w| window.find(w))
        .any(|at| at >= 3)
}

/// Text that opens with a year or a month (`2021年`, `7月`).
fn opens_with_date(text: &str) -> bool {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    (digits == 4 && text[4..].starts_with('年'))
        || ((1..=2).contains(&digits) && text[digits..].starts_with('月'))
}

const STRUCTURE_TOML: &str = include_str!("../../../data/ingest/structure.toml");

#[derive(serde::Deserialize)]
struct StructureFile {
    openers: Vec<String>,
}

/// The paragraph openers of `data/ingest/structure.toml`.
pub(super) fn paragraph_openers() -> Result<&'static [String], String> {
    static OPENERS: OnceLock<Result<Vec<String>, String>> = OnceLock::new();
    OPENERS
        .get_or_init(|| {
            toml::from_str::<StructureFile>(STRUCTURE_TOML)
                .map(|f| f.openers)
                .map_err(|e| format!("structure.toml: {e}"))
        })
        .as_ref()
        .map(Vec::as_slice)
        .map_err(Clone::clone)
}
