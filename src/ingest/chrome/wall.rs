//! One-line walls of text: a page saved without line breaks (the dateline,
//! the article, the related list and the licence number run together) is cut
//! into pieces before chrome is judged, at sentence ends and at the spaces
//! that separate fields in Chinese text (Chinese prose has no spaces; a space
//! between two Chinese characters or numbers parts a dateline's fields). The
//! pieces that stay are joined back into paragraphs afterwards.

use std::sync::OnceLock;

use regex::Regex;
use serde::Deserialize;

use super::lexicon::Lexicon;
use super::{glue, nav_run};
use crate::ingest::sentences;

const CHROME_TOML: &str = include_str!("../../../data/ingest/chrome.toml");

#[derive(Deserialize)]
struct WallFile {
    wall: WallDef,
}

#[derive(Deserialize)]
struct WallDef {
    fields: Vec<String>,
}

/// The `[wall] fields` patterns, compiled once; an error names the broken one.
pub fn field_patterns() -> Result<&'static [Regex], String> {
    static FIELDS: OnceLock<Result<Vec<Regex>, String>> = OnceLock::new();
    FIELDS
        .get_or_init(|| {
            let file: WallFile =
                toml::from_str(CHROME_TOML).map_err(|e| format!("chrome.toml: {e}"))?;
            file.wall
                .fields
                .iter()
                .map(|p| {
                    Regex::new(p).map_err(|e| format!("chrome.toml: bad wall field `{p}`: {e}"))
                })
                .collect()
        })
        .as_ref()
        .map(Vec::as_slice)
        .map_err(Clone::clone)
}

/// A line at least this long is cut into pieces.
const WALL_CHARS: usize = 600;

/// Most characters of a heading the wall parted from its paragraph by a space.
const MAX_SPACED_HEADING: usize = 30;
/// Punctuation a heading does not hold.
const CLAUSE_BREAKS: &[char] = &['，', '。', '；', '！', '？', ',', ';'];

/// What a line is after [`split`]: a line of the page, or a piece of a wall
/// that continues the paragraph before it or opens one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece {
    Line,
    Joined,
    Opens,
}

/// The lines, long ones cut into pieces; beside each, what it is. A heading
/// glued into an English wall becomes a line of its own, and so does a menu
/// run together with the headline (`nav_run`).
pub fn split(lines: Vec<String>, fields: &[Regex], lex: &Lexicon) -> (Vec<String>, Vec<Piece>) {
    let mut out = Vec::with_capacity(lines.len());
    let mut pieces = Vec::with_capacity(lines.len());
    for line in lines {
        if line.chars().count() < WALL_CHARS {
            out.push(line);
            pieces.push(Piece::Line);
            continue;
        }
        for segment in glue::segments(&line) {
            if segment.heading {
                out.push(segment.text.to_string());
                pieces.push(Piece::Line);
                continue;
            }
            let mut kind = Piece::Opens;
            for sentence in sentences::split(segment.text) {
                let parts = cut_fields(sentence, fields);
                let parts = parts.into_iter().flat_map(|p| nav_run::split(p, lex));
                for part in parts.flat_map(|p| glued_phrases(p, lex)) {
                    for field in spaced_fields(part) {
                        // A headline the cut fields had hidden inside a sentence.
                        for piece in glue::field_segments(field) {
                            out.push(piece.text.to_string());
                            pieces.push(if piece.heading { Piece::Line } else { kind });
                            kind = Piece::Joined;
                        }
                    }
                }
            }
        }
    }
    (out, pieces)
}

/// `part` cut before and after each chrome phrase of two words or more
/// that a wall glued between unpunctuated headlines (`… that actually
/// worked Leave a comment Your email address …`): the phrase opens with a
/// capital after a lower-case word without punctuation, and is cut off its
/// end too when a capital follows it.
fn glued_phrases<'a>(part: &'a str, lex: &Lexicon) -> Vec<&'a str> {
    // The word before ends a headline: lower case, unpunctuated (a menu's
    // capitalised words run on into `Log in`).
    let glued_before = |at: usize| {
        let before = part[..at].split_whitespace().next_back().unwrap_or("");
        part[..at].ends_with(char::is_whitespace)
            && before.ends_with(char::is_alphanumeric)
            && before.starts_with(char::is_lowercase)
    };
    let capital_after = |at: usize| {
        part[at..].starts_with(char::is_whitespace)
            && part[at..].trim_start().starts_with(char::is_uppercase)
    };
    let mut cuts = Vec::new();
    for h in lex.hits(part) {
        let phrase = &part[h.start..h.end];
        let long = phrase.split_whitespace().count() >= 2;
        if long && phrase.starts_with(char::is_uppercase) && h.start > 0 && glued_before(h.start) {
            cuts.push(h.start);
            if capital_after(h.end) {
                cuts.push(h.end);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = Vec::new();
    let mut at = 0;
    for cut in cuts.into_iter().filter(|&c| c > 0) {
        if cut > at {
            out.push(part[at..cut].trim());
            at = cut;
        }
    }
    out.push(part[at..].trim());
    out.retain(|p| !p.is_empty());
    out
}

/// A sentence with the matches of `fields` (or their `field` groups) cut
/// out as parts of their own.
fn cut_fields<'a>(sentence: &'a str, fields: &[Regex]) -> Vec<&'a str> {
    // A pattern's `field` group, when it has one, is the field; the rest of
    // the match only says where it stands (`(?P<field>Advertisement) [A-Z]`).
    let mut cuts: Vec<(usize, usize)> = fields
        .iter()
        .flat_map(|r| {
            r.captures_iter(sentence).filter_map(|c| {
                let m = c.name("field").or_else(|| c.get(0))?;
                Some((m.start(), m.end()))
            })
        })
        .collect();
    cuts.sort();
    let mut out = Vec::new();
    let mut at = 0;
    for (start, end) in cuts {
        // A match running on past the one before adds its rest as a field.
        // A date that runs straight into Chinese text opens a sentence
        // (`2017年8月25日上午，…`): it is no dateline.
        if end <= at || opens_prose(sentence, start, end) {
            continue;
        }
        let start = start.max(at);
        out.push(&sentence[at..start]);
        out.push(&sentence[start..end]);
        at = end;
    }
    out.push(&sentence[at..]);
    out.into_iter()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

/// A match starting with a digit that is followed, with no space, by a
/// Chinese character or comma.
fn opens_prose(sentence: &str, start: usize, end: usize) -> bool {
    let after = &sentence[end..];
    sentence[start..].starts_with(|c: char| c.is_ascii_digit())
        && after
            .chars()
            .next()
            .is_some_and(|c| crate::text::is_cjk(c) || matches!(c, '，' | ','))
        && !FIELD_LABELS.iter().any(|l| after.starts_with(l))
}

/// Words that open the next field of a dateline (`…09:12来源：…`).
const FIELD_LABELS: &[&str] = &[
    "来源",
    "來源",
    "作者",
    "编辑",
    "編輯",
    "责任编辑",
    "責任編輯",
    "记者",
    "記者",
    "发布",
    "發佈",
    "浏览",
    "瀏覽",
    "阅读",
    "閱讀",
    "点击",
    "點擊",
    "字号",
    "字號",
    "分享",
    "更新",
];

/// A sentence cut at the spaces between fields.
fn spaced_fields(sentence: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = sentence.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].1.is_whitespace() {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < chars.len() && chars[j].1.is_whitespace() {
            j += 1;
        }
        let before = i.checked_sub(1).map(|k| chars[k].1);
        let after = chars.get(j).map(|&(_, c)| c);
        let wide = j - i >= 2 || chars[i..j].iter().any(|&(_, c)| c == '\u{3000}');
        if wide || (before.is_some_and(separates) && after.is_some_and(separates)) {
            let piece = sentence[start..chars[i].0].trim();
            if !piece.is_empty() {
                out.push(piece);
            }
            start = chars.get(j).map_or(sentence.len(), |&(b, _)| b);
        }
        i = j;
    }
    let rest = sentence[start..].trim();
    if !rest.is_empty() {
        out.push(rest);
    }
    out
}

/// A character on whose sides a space parts fields rather than words.
fn separates(c: char) -> bool {
    crate::text::is_cjk(c)
        || c.is_ascii_digit()
        || matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}' | '“' | '”' | '‘' | '’')
}

/// Joins the kept pieces of a wall back into paragraphs; `starts` says which
/// pieces must begin a line of their own (a heading marker).
pub fn join(lines: Vec<String>, pieces: Vec<Piece>, starts: impl Fn(&str) -> bool) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut open = false;
    for (line, piece) in lines.into_iter().zip(pieces) {
        // A marker the wall parted by a space from its heading (`01 不甩锅
        // 很多企业…`): the piece after it is the heading, a line of its own;
        // a heading after its marker, parted by a space from the paragraph
        // (`（一）价格降到最低 茅台酒…`), ends there.
        if let Some(last) = out.last_mut().filter(|l| starts(l)) {
            if piece == Piece::Joined && open && last.chars().count() <= 4 {
                last.push(' ');
                last.push_str(&line);
                open = false;
                continue;
            }
            if last.chars().count() <= MAX_SPACED_HEADING && !last.contains(CLAUSE_BREAKS) {
                open = false;
            }
        }
        if piece == Piece::Joined && open && !starts(&line) {
            if let Some(last) = out.last_mut() {
                if sentences::needs_space(last, &line) {
                    last.push(' ');
                }
                last.push_str(&line);
                continue;
            }
        }
        open = piece != Piece::Line;
        out.push(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dateline_fields_part_but_latin_words_stay() {
        assert_eq!(
            spaced_fields("2023-05-12 10:30 来源：财经网 作者：李明 小米 Note 的发布会"),
            vec![
                "2023-05-12",
                "10:30",
                "来源：财经网",
                "作者：李明",
                "小米 Note 的发布会"
            ]
        );
    }

    #[test]
    fn a_date_opening_a_sentence_stays_and_a_glued_dateline_goes() {
        let fields = field_patterns().unwrap();
        assert_eq!(
            cut_fields("2017年8月25日上午，一篇报道发布了。", fields),
            vec!["2017年8月25日上午，一篇报道发布了。"]
        );
        assert_eq!(
            cut_fields("标题在这里2024-09-05 09:12来源：某网", fields),
            vec!["标题在这里", "2024-09-05 09:12", "来源：某网"]
        );
    }

    #[test]
    fn a_quote_opening_a_headline_parts_it_from_the_trail() {
        assert_eq!(
            spaced_fields("当前位置：首页 > 品牌 > 危机公关 “这锅我背”之后：管理课"),
            vec!["当前位置：首页 > 品牌 > 危机公关", "“这锅我背”之后：管理课"]
        );
    }

    #[test]
    fn chrome_phrases_glued_between_headlines_part_them() {
        let lex = Lexicon::embedded().unwrap();
        assert_eq!(
            glued_phrases(
                "Five rebrands that worked Leave a comment Your email stays private.",
                lex
            ),
            vec![
                "Five rebrands that worked",
                "Leave a comment",
                "Your email stays private."
            ]
        );
        let prose = "Readers were asked to leave a comment and most did.";
        assert_eq!(glued_phrases(prose, lex), vec![prose]);
    }

    #[test]
    fn an_ad_label_between_sentences_is_cut_out_but_prose_keeps_the_word() {
        let fields = field_patterns().unwrap();
        assert_eq!(
            cut_fields("Advertisement By October 11, the logo was back.", fields),
            vec!["Advertisement", "By October 11, the logo was back."]
        );
        let prose = "Advertisement spending rose by a third.";
        assert_eq!(cut_fields(prose, fields), vec![prose]);
    }

    #[test]
    fn glued_fields_are_cut_out() {
        let parts = cut_fields("风波复盘：国潮品牌为什么更输不起2022-04-18 08:56:12 来源：潮商网 字号：大 中 小4月中旬，一组照片", field_patterns().unwrap());
        assert_eq!(
            parts,
            vec![
                "风波复盘：国潮品牌为什么更输不起",
                "2022-04-18 08:56:12",
                "来源：潮商网",
                "字号：大 中 小",
                "4月中旬，一组照片"
            ]
        );
    }

    #[test]
    fn walls_split_and_join() {
        let wall = format!(
            "来源：某网 作者：王五 {}相关阅读：别的文章",
            "小米做了很多营销。".repeat(80)
        );
        let (lines, pieces) = split(
            vec!["标题".into(), wall],
            field_patterns().unwrap(),
            Lexicon::embedded().unwrap(),
        );
        assert_eq!(lines[0], "标题");
        assert!(lines.contains(&"来源：某网".to_string()));
        assert!(pieces[1..].iter().all(|p| *p != Piece::Line));
        let kept: Vec<(String, Piece)> = lines
            .into_iter()
            .zip(pieces)
            .filter(|(l, _)| !l.contains('：'))
            .collect();
        let (l, p): (Vec<String>, Vec<Piece>) = kept.into_iter().unzip();
        let joined = join(l, p, |_| false);
        assert_eq!(joined.len(), 2);
        assert_eq!(joined[1], "小米做了很多营销。".repeat(80));
    }
}
