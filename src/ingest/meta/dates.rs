//! Years and dates mentioned in an article, normalised to `YYYY`, `YYYY-MM`
//! or `YYYY-MM-DD`, each with its sentence.
//!
//! Full dates (`2012年5月18日`, `May 18, 2012`, `2012-05-18`) win over
//! year-months (`April, 2010`, `2010年4月`), which win over bare years. A bare
//! year counts only when it looks like one: Chinese `年` after it, or English
//! context before it (`in 2014`, `of 2025`, `since 2011`, `2010 and 2012`),
//! and never next to a currency or unit (`RMB 1999`, `1999 yuan`) or inside a
//! larger number (`28000`).

use std::sync::LazyLock;

use regex::Regex;

use super::sentences::Sentence;
use crate::content::front_matter::DateMention;
use crate::text::fixed;

const MONTHS: &str =
    "January|February|March|April|May|June|July|August|September|October|November|December|\
                      Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";

/// Words before a bare year that mark it as a year.
const YEAR_CUES: &[&str] = &[
    "in",
    "of",
    "since",
    "from",
    "by",
    "until",
    "till",
    "through",
    "during",
    "before",
    "after",
    "around",
    "circa",
    "early",
    "late",
    "mid",
    "year",
    "fiscal",
    "between",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "end",
    "beginning",
    "start",
    "q1",
    "q2",
    "q3",
    "q4",
    "h1",
    "h2",
];

/// Words right before or after a number that make it an amount, not a year.
const AMOUNT_CUES: &[&str] = &[
    "rmb", "yuan", "cny", "usd", "us$", "hk$", "$", "¥", "￥", "€", "£", "dollars", "dollar", "元",
    "块", "美元", "units", "pieces", "people", "points", "meters", "km", "kg", "yen", "euros",
    "pounds", "mah", "mm", "copies", "sets",
];

struct Patterns {
    full: Vec<(Regex, [usize; 3])>,
    year_month: Vec<(Regex, [usize; 2])>,
    zh_year: Regex,
    bare_year: Regex,
    year_before: Regex,
}

static PATTERNS: LazyLock<Patterns> = LazyLock::new(build_patterns);

fn build_patterns() -> Patterns {
    let m = MONTHS;
    Patterns {
        // [year, month, day] capture groups.
        full: vec![
            (
                fixed::regex(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]"),
                [1, 2, 3],
            ),
            (
                fixed::regex(&format!(
                    r"\b({m})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})"
                )),
                [3, 1, 2],
            ),
            (
                fixed::regex(&format!(
                    r"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({m})\.?,?\s+(\d{{4}})"
                )),
                [3, 2, 1],
            ),
            (
                fixed::regex(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})"),
                [1, 2, 3],
            ),
        ],
        // [year, month].
        year_month: vec![
            (fixed::regex(r"(\d{4})\s*年\s*(\d{1,2})\s*月"), [1, 2]),
            (
                fixed::regex(&format!(r"\b({m})\.?,?\s+(?:of\s+)?(\d{{4}})")),
                [2, 1],
            ),
        ],
        zh_year: fixed::regex(r"(\d{4})\s*年"),
        bare_year: fixed::regex(r"\d{4}"),
        year_before: fixed::regex(r"\d{4}\s*(?:and|or|to|through|-|–|—|~|、)\s*$"),
    }
}

/// A date found at a byte range of a sentence.
#[derive(Debug, Clone, PartialEq)]
struct Found {
    start: usize,
    end: usize,
    date: String,
}

/// Dates in `sentences`, in text order, without repeated (date, sentence).
pub fn extract_dates(sentences: &[Sentence]) -> Vec<DateMention> {
    let mut out: Vec<DateMention> = Vec::new();
    for sentence in sentences {
        for found in dates_in(&sentence.text) {
            let mention = DateMention {
                date: found.date,
                sentence: sentence.text.clone(),
            };
            if !out.contains(&mention) {
                out.push(mention);
            }
        }
    }
    out
}

/// Normalised dates in one sentence, in order.
fn dates_in(text: &str) -> Vec<Found> {
    let p = &*PATTERNS;
    let mut found: Vec<Found> = Vec::new();
    for (re, [y, mo, d]) in &p.full {
        collect(text, re, &mut found, |c| {
            ymd(
                c.get(*y)?.as_str(),
                c.get(*mo)?.as_str(),
                Some(c.get(*d)?.as_str()),
            )
        });
    }
    for (re, [y, mo]) in &p.year_month {
        collect(text, re, &mut found, |c| {
            ymd(c.get(*y)?.as_str(), c.get(*mo)?.as_str(), None)
        });
    }
    collect(text, &p.zh_year, &mut found, |c| year(c.get(1)?.as_str()));
    for m in p.bare_year.find_iter(text) {
        if !overlaps(&found, m.start(), m.end())
            && looks_like_english_year(text, m.start(), m.end(), p)
        {
            if let Some(date) = year(m.as_str()) {
                found.push(Found {
                    start: m.start(),
                    end: m.end(),
                    date,
                });
            }
        }
    }
    found.sort_by_key(|f| f.start);
    found
}

fn collect(
    text: &str,
    re: &Regex,
    found: &mut Vec<Found>,
    date: impl Fn(&regex::Captures) -> Option<String>,
) {
    for caps in re.captures_iter(text) {
        let Some(whole) = caps.get(0) else { continue };
        let (start, end) = (whole.start(), whole.end());
        if overlaps(found, start, end) || !digit_bounded(text, start, end) {
            continue;
        }
        if let Some(date) = date(&caps) {
            found.push(Found { start, end, date });
        }
    }
}

fn overlaps(found: &[Found], start: usize, end: usize) -> bool {
    found.iter().any(|f| start < f.end && f.start < end)
}

/// The match is not part of a larger number (`28000`, `1,2014`, `3.2014`).
fn digit_bounded(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let number_like = |c: Option<char>| {
        c.is_some_and(|c| c.is_ascii_digit() || c.is_alphabetic() && c.is_ascii())
    };
    let glued_separator = |s: &str| {
        let mut cs = s.chars().rev();
        matches!((cs.next(), cs.next()), (Some('.' | ','), Some(d)) if d.is_ascii_digit())
    };
    !number_like(before)
        && !after.is_some_and(|c| c.is_ascii_digit())
        && !glued_separator(&text[..start])
}

fn year(y: &str) -> Option<String> {
    let n: u32 = y.parse().ok()?;
    (1900..=2099).contains(&n).then(|| n.to_string())
}

fn ymd(y: &str, month: &str, day: Option<&str>) -> Option<String> {
    let y = year(y)?;
    let m = month_number(month)?;
    match day {
        None => Some(format!("{y}-{m:02}")),
        Some(d) => {
            let d: u32 = d.parse().ok()?;
            (1..=31).contains(&d).then(|| format!("{y}-{m:02}-{d:02}"))
        }
    }
}

fn month_number(month: &str) -> Option<u32> {
    if let Ok(n) = month.parse::<u32>() {
        return (1..=12).contains(&n).then_some(n);
    }
    let prefix: String = month.chars().take(3).collect::<String>().to_lowercase();
    let names = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    names
        .iter()
        .position(|n| *n == prefix)
        .map(|i| i as u32 + 1)
}

/// English context for a bare 4-digit number at `start..end`.
fn looks_like_english_year(text: &str, start: usize, end: usize, p: &Patterns) -> bool {
    if !digit_bounded(text, start, end) || amount_around(text, start, end) {
        return false;
    }
    let before = &text[..start];
    let cue = before
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .rev()
        .find(|w| !w.is_empty())
        .map(|w| w.trim_end_matches('-').to_lowercase());
    let cued = cue.is_some_and(|w| YEAR_CUES.contains(&w.as_str()));
    cued || p.year_before.is_match(before)
}

/// A currency or unit right before or after the number, or after a range
/// partner (`from 1999 to 2299 yuan`).
fn amount_around(text: &str, start: usize, end: usize) -> bool {
    let prev = last_token(&text[..start]);
    if AMOUNT_CUES.contains(&prev.as_str()) {
        return true;
    }
    let after = &text[end..];
    let mut tokens = tokens(after).into_iter();
    let next = tokens.next().unwrap_or_default();
    if AMOUNT_CUES.contains(&next.as_str()) {
        return true;
    }
    let is_range = matches!(next.as_str(), "to" | "-" | "–" | "and" | "or");
    let partner_is_number = tokens
        .next()
        .is_some_and(|t| t.chars().all(|c| c.is_ascii_digit()) && !t.is_empty());
    is_range
        && partner_is_number
        && tokens
            .next()
            .is_some_and(|t| AMOUNT_CUES.contains(&t.as_str()))
}

fn last_token(before: &str) -> String {
    let trimmed = before.trim_end();
    let token = trimmed.rsplit(char::is_whitespace).next().unwrap_or("");
    let token = if token.is_empty() { trimmed } else { token };
    let symbol_tail: String = token
        .chars()
        .rev()
        .take_while(|c| !c.is_ascii_digit())
        .collect();
    if token.ends_with(['$', '¥', '￥', '€', '£']) {
        return symbol_tail.chars().rev().collect::<String>().to_lowercase();
    }
    token
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '$')
        .to_lowercase()
}

/// Leading tokens of `after`: words, numbers, CJK characters, dashes.
fn tokens(after: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for c in after.chars().take(40) {
        if c.is_ascii_alphanumeric() || c == '$' {
            current.push(c.to_ascii_lowercase());
            continue;
        }
        if !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
        if crate::text::is_cjk(c) || matches!(c, '-' | '–' | '¥' | '€' | '£') {
            out.push(c.to_string());
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_patterns_compile() {
        LazyLock::force(&PATTERNS);
    }

    fn dates(text: &str) -> Vec<String> {
        dates_in(text).into_iter().map(|f| f.date).collect()
    }

    #[test]
    fn chinese_dates_and_years() {
        assert_eq!(
            dates("2012年5月18日，小米发布简配版手机"),
            vec!["2012-05-18"]
        );
        assert_eq!(dates("这个组织自2011年下半年成立以来"), vec!["2011"]);
        assert_eq!(
            dates("2010年4月，小米成立；2013年《100个梦想的赞助商》"),
            vec!["2010-04", "2013"]
        );
        assert_eq!(
            dates("售价1999元，每天回复28000条，5月18日"),
            Vec::<String>::new()
        );
    }

    #[test]
    fn english_full_dates_and_year_months() {
        assert_eq!(
            dates("On May 18, 2012, Xiaomi launched a phone."),
            vec!["2012-05-18"]
        );
        assert_eq!(dates("It was founded on 6 April 2010."), vec!["2010-04-06"]);
        assert_eq!(
            dates("Xiaomi was established in April, 2010."),
            vec!["2010-04"]
        );
        assert_eq!(
            dates("released in August 2011 and on 2013-07-31"),
            vec!["2011-08", "2013-07-31"]
        );
    }

    #[test]
    fn english_bare_years_need_context() {
        assert_eq!(dates("In 2014, sales grew."), vec!["2014"]);
        assert_eq!(
            dates("the first quarter of 2025 and since 2011"),
            vec!["2025", "2011"]
        );
        assert_eq!(
            dates("between 2010 and 2012, by mid-2014"),
            vec!["2010", "2012", "2014"]
        );
        assert_eq!(
            dates("a phone of RMB 1999 and the 1799 Battle Incident"),
            Vec::<String>::new()
        );
        assert_eq!(
            dates("it sold for 1999 yuan, in 1999 yuan terms, at US$2000"),
            Vec::<String>::new()
        );
        assert_eq!(dates("prices from 1999 to 2299 yuan"), Vec::<String>::new());
        assert_eq!(
            dates("in 28000 cases, by 20145 users, in 3.2014"),
            Vec::<String>::new()
        );
        assert_eq!(dates("in 1850 and in 2150"), Vec::<String>::new());
    }

    #[test]
    fn mentions_are_deduplicated_per_sentence_in_text_order() {
        let sentence = |text: &str, order| Sentence {
            text: text.into(),
            paragraph: 0,
            order,
        };
        let sentences = vec![
            sentence("In 2012 and in 2012 again.", 0),
            sentence("Since 2010, fans grew; by 2012 they ruled.", 1),
        ];
        let found: Vec<(String, usize)> = extract_dates(&sentences)
            .into_iter()
            .map(|d| (d.date, d.sentence.len()))
            .collect();
        assert_eq!(
            found,
            vec![
                ("2012".into(), 26),
                ("2010".into(), 42),
                ("2012".into(), 42)
            ]
        );
    }
}
