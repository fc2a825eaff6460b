//! Broken quotation marks.
//!
//! Chinese: some scrapers turn `“…”` into a stray `;` after the phrase (the
//! opening mark vanishes), or into `&…&r` debris of `&ldquo;`/`&rdquo;`. In
//! a document without any real Chinese quotes where such `;` are certain
//! (a `;` right before other punctuation, or right after a sentence end), a
//! `;` closes a quote when the phrase before it can be delimited: after a
//! naming verb (叫, 是, 称为…), a preposition (按照…) or the first 的, or the
//! whole clause when it is short and noun-like. Ambiguous `;` stay.
//! English: a lone ` ”` at the end of a line with more closing than opening
//! marks is a stray left by re-wrapped quotations.

use std::sync::LazyLock;

use regex::Regex;

use crate::text::fixed;

use super::report::Report;

/// Characters that end the clause a quoted phrase sits in.
const CLAUSE_BOUNDARY: &[char] = &[
    '。', '！', '？', '!', '?', ',', '，', ':', '：', ';', '；', '、', '“', '”', '"', '◎', '(',
    ')', '（', '）', '《', '》',
];
/// Punctuation that cannot follow a real semicolon.
const AFTER_CLOSING: &[char] = &['。', '，', ',', ':', '：', '、', '!', '！', '?', '？'];
const SENTENCE_END: &[char] = &['。', '！', '？', '!', '?'];
/// Naming verbs: the quoted phrase starts after the last one.
const NAMING: &[&str] = &["叫做", "称为", "名为", "叫", "是"];
/// Prepositions: the phrase starts after the first one.
const PREPOSITIONS: &[&str] = &["按照", "根据", "借势"];
/// Characters that mark a clause rather than a name.
const CLAUSE_MARKERS: &[char] = &[
    '就', '要', '才', '能', '会', '把', '被', '不', '没', '也', '都', '还', '已',
];
/// Conjunctions that start the clause after a real semicolon.
const CONJUNCTIONS: &[char] = &['而', '但', '且', '并', '或', '则', '却', '只'];
const SHORT_PHRASE: usize = 6;
const MAX_PHRASE: usize = 12;

/// Repairs broken quotes; clean text comes back unchanged.
pub fn repair(text: &str, report: &mut Report) -> String {
    let damaged = crate::text::has_cjk(text) && is_quote_damaged(text);
    let mut out = repair_entity_debris(text, report);
    if damaged {
        out = out
            .split('\n')
            .map(|l| repair_semicolons(l, report))
            .collect::<Vec<_>>()
            .join("\n");
    }
    out.split('\n')
        .map(|l| drop_stray_closing(l, report))
        .collect::<Vec<_>>()
        .join("\n")
}

static DEBRIS: LazyLock<Regex> =
    LazyLock::new(|| fixed::regex(r"&(?:l|ldquo)?;?([^&;\s<>]{1,20}?)&r(?:dquo)?;?"));

/// `&150克青春&r` → `“150克青春”` (only around Chinese text).
fn repair_entity_debris(text: &str, report: &mut Report) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    DEBRIS
        .replace_all(text, |c: &regex::Captures| {
            if crate::text::has_cjk(&c[1]) {
                report.add("quote-entity-debris", 1, format!("{} → “{}”", &c[0], &c[1]));
                format!("“{}”", &c[1])
            } else {
                c[0].to_string()
            }
        })
        .into_owned()
}

/// No real Chinese quotes, but `;` where no semicolon can be.
fn is_quote_damaged(text: &str) -> bool {
    if text.contains(['“', '”', '「', '」']) {
        return false;
    }
    let chars: Vec<char> = text.chars().collect();
    chars.windows(2).any(|w| {
        (is_semicolon(w[0]) && AFTER_CLOSING.contains(&w[1]))
            || (SENTENCE_END.contains(&w[0]) && is_semicolon(w[1]))
    })
}

fn is_semicolon(c: char) -> bool {
    c == ';' || c == '；'
}

fn repair_semicolons(line: &str, report: &mut Report) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut opens: Vec<usize> = Vec::new();
    let mut closes: Vec<(usize, Option<char>)> = Vec::new();
    for i in 0..chars.len() {
        if !is_semicolon(chars[i]) {
            continue;
        }
        let prev = i.checked_sub(1).map(|p| chars[p]);
        let next = chars.get(i + 1).copied();
        if prev.is_some_and(|p| SENTENCE_END.contains(&p) || p == '”') {
            closes.push((i, None));
            report.add("quote-semicolon", 1, "。; → 。");
            continue;
        }
        let certain = next.is_none_or(|n| AFTER_CLOSING.contains(&n));
        match find_opening(&chars, i) {
            Some(start) if certain || is_name_like(&chars[start..i], next) => {
                opens.push(start);
                closes.push((i, Some('”')));
                let phrase: String = chars[start..i].iter().collect();
                report.add("quote-semicolon", 1, format!("{phrase}; → “{phrase}”"));
            }
            None if certain => {
                closes.push((i, None));
                report.add("quote-semicolon", 1, "; → (dropped)");
            }
            _ => {}
        }
    }
    rebuild(&chars, &opens, &closes)
}

fn rebuild(chars: &[char], opens: &[usize], closes: &[(usize, Option<char>)]) -> String {
    let mut out = String::with_capacity(chars.len() * 3);
    for (i, &c) in chars.iter().enumerate() {
        if opens.contains(&i) {
            out.push('“');
        }
        match closes.iter().find(|(p, _)| *p == i) {
            Some((_, Some(r))) => out.push(*r),
            Some((_, None)) => {}
            None => out.push(c),
        }
    }
    out
}

/// Where the quoted phrase ending at `end` starts, when that is clear.
fn find_opening(chars: &[char], end: usize) -> Option<usize> {
    let mut start = end;
    while start > 0 && !CLAUSE_BOUNDARY.contains(&chars[start - 1]) {
        start -= 1;
    }
    while start < end && chars[start].is_whitespace() {
        start += 1;
    }
    let clause: String = chars[start..end].iter().collect();
    let len = end - start;
    if len == 0 {
        return None;
    }
    let after = |byte_pos: usize| start + clause[..byte_pos].chars().count();
    let naming = NAMING
        .iter()
        .filter_map(|w| clause.rfind(w).map(|p| p + w.len()))
        .max();
    let preposition = PREPOSITIONS
        .iter()
        .filter_map(|w| clause.find(w).map(|p| p + w.len()))
        .min();
    let possessive = clause
        .find('的')
        .map(|p| p + '的'.len_utf8())
        .filter(|_| len > SHORT_PHRASE);
    match naming.or(preposition).or(possessive) {
        Some(p) if after(p) < end => Some(after(p)),
        _ if len <= MAX_PHRASE => Some(start),
        _ => None,
    }
}

/// A short name-like phrase followed by a continuation, not by a new clause.
fn is_name_like(phrase: &[char], next: Option<char>) -> bool {
    let next_starts_clause = next.is_some_and(|n| CONJUNCTIONS.contains(&n) || n.is_ascii_digit());
    phrase.len() <= MAX_PHRASE
        && !phrase.iter().any(|c| CLAUSE_MARKERS.contains(c))
        && !next_starts_clause
}

/// `… he said. ”` → `… he said.` when the line has more `”` than `“`.
fn drop_stray_closing(line: &str, report: &mut Report) -> String {
    let trimmed = line.trim_end();
    let Some(rest) = trimmed.strip_suffix('”') else {
        return line.to_string();
    };
    if !rest.ends_with(char::is_whitespace)
        || line.matches('”').count() <= line.matches('“').count()
    {
        return line.to_string();
    }
    report.add("stray-quote", 1, "trailing ” removed");
    rest.trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_patterns_compile() {
        LazyLock::force(&DEBRIS);
    }

    fn fix(s: &str) -> (String, Report) {
        let mut r = Report::default();
        (repair(s, &mut r), r)
    }

    #[test]
    fn semicolon_before_punctuation_closes_a_quote() {
        assert_eq!(
            fix("最有影响的事件则是小米手机青春版;。").0,
            "最有影响的事件则是“小米手机青春版”。"
        );
        assert_eq!(
            fix("他们说的主题叫我们的150克青春;。").0,
            "他们说的主题叫“我们的150克青春”。"
        );
        assert_eq!(
            fix("我们做的是海鲜生意;,就是说").0,
            "我们做的是“海鲜生意”,就是说"
        );
    }

    #[test]
    fn semicolon_after_sentence_end_is_dropped() {
        assert_eq!(fix("见众生。;不管如何,好。").0, "见众生。不管如何,好。");
    }

    #[test]
    fn name_like_phrases_in_damaged_text() {
        let (t, r) = fix("荣组儿;甚至会参与。雷军的Are You OK;频繁上头条。按照爆品法则;来看,好;。");
        assert_eq!(
            t,
            "“荣组儿”甚至会参与。雷军的“Are You OK”频繁上头条。按照“爆品法则”来看,“好”。"
        );
        assert_eq!(r.count("quote-semicolon"), 4);
    }

    #[test]
    fn real_semicolons_stay() {
        let s = "不是机海战术,靠规模取胜;而是单品绝杀。提前1年半就要做产品定义;小米移动电源是好的;2013年,好;。";
        let (t, _) = fix(s);
        assert!(t.starts_with("不是机海战术,靠规模取胜;而是单品绝杀。提前1年半就要做产品定义;小米移动电源是好的;2013年"), "{t}");
    }

    #[test]
    fn undamaged_text_keeps_semicolons() {
        let s = "专注和极致,是产品目标;快,是行动准则;而口碑,则是“核心”。";
        assert_eq!(fix(s).0, s);
    }

    #[test]
    fn entity_debris() {
        assert_eq!(fix("为什么叫&150克青春&r。好").0, "为什么叫“150克青春”。好");
        assert_eq!(fix("Tom &amp; Jerry &r").0, "Tom &amp; Jerry &r");
    }

    #[test]
    fn stray_closing_quote() {
        let (t, r) = fix("“The past month,” he said. ”\nHe said “hi” ”x”");
        assert_eq!(t, "“The past month,” he said.\nHe said “hi” ”x”");
        assert_eq!(r.count("stray-quote"), 1);
    }

    #[test]
    fn clean_text_untouched() {
        for s in [
            "小米的“口碑”传播——法则;快。",
            "He said: “yes; no.”",
            "a; b, c",
        ] {
            assert_eq!(fix(s).0, s);
        }
    }
}
