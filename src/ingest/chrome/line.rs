//! One line judged on its own: what share of it chrome phrases, dates and
//! counters cover, whether what is left reads as prose, and its separators.
//! Prose (a sentence of some length) is chrome only when chrome phrases
//! cover most of it; a short line is chrome when a phrase or a date leaves
//! nothing but a name, a number or separators behind.

use std::sync::LazyLock;

use regex::Regex;

use super::lexicon::{Hit, Lexicon};

/// Dates, times, counters and handles: page furniture that carries no prose.
static FURNITURE: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::fixed::regex(concat!(
        r"(?i)\b\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?",
        r"|\d{4}年\d{1,2}月(\d{1,2}日)?|\d{1,2}月\d{1,2}日",
        r"|\b\d{1,2}:\d{2}(:\d{2})?(\s*[ap]\.?m\.?)?\b",
        r"|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(st|nd|rd|th)?,?\s+\d{4}\b",
        r"|\b\d{1,2}\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+\d{4}\b",
        r"|\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\b,?",
        r"|\b(gmt|utc|bst|edt|est|pst|pdt|cst|hkt)\b",
        r"|@\w+|#\S+",
        r"|\d[\d.,]*\s*[kmw万千]?\+?",
    ))
});

/// A day's date or a time of day.
static FULL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::fixed::regex(r"\d{4}\s*[年/.-]\s*\d{1,2}\s*[月/.-]\s*\d{1,2}|\b\d{1,2}:\d{2}\b")
});

/// Most characters of a field of a Chinese byline row.
const MAX_FIELD_CHARS: usize = 12;

/// What a line is made of.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Features {
    /// Characters other than whitespace.
    pub chars: usize,
    pub words: usize,
    pub cjk: usize,
    /// Ends like a sentence (or holds a Chinese full stop).
    pub sentence: bool,
    /// Weighted share of the characters that chrome phrases cover.
    pub coverage: f64,
    /// Phrases found, and how many of them are head-only (navigation) words.
    pub hits: usize,
    pub head_hits: usize,
    pub tail_hits: usize,
    /// Phrases of comment threads (`Reply`, `3 hours ago`).
    pub comment_hits: usize,
    /// Image credits (`Photo:`, `图片来源`).
    pub credit_hits: usize,
    /// Bylines (`By`, `senior editor`, `记者`).
    pub byline_hits: usize,
    /// The line opens with a phrase followed by a colon (`Read more:`, `来源：`).
    pub label: bool,
    /// A call-to-action phrase opens or closes the line (`… Sign up`).
    pub prompt: bool,
    /// The call to action is a phrase of several words (`Download our`, `Sign up now`).
    pub long_prompt: bool,
    /// No letter or digit at all (`-----`, `* * *`).
    pub rule: bool,
    /// A phrase opens the line (a navigation word only in a short line).
    pub opens_with_hit: bool,
    /// A copyright or reprint phrase opens a line of Chinese
    /// (`本文授權轉載自…`, `版权所有…`).
    pub opens_notice_zh: bool,
    /// Phrases of classes weighted above 1 (share, newsletter, credit, copyright…).
    pub strong_hits: usize,
    /// Dates, times or counters found.
    pub furniture: bool,
    /// Separators such as `|`, `·`, `»`, `/` between parts.
    pub separators: usize,
    /// Words (or CJK characters) left after phrases, furniture and punctuation.
    pub rest_words: usize,
    pub rest_cjk: usize,
    /// Every word left starts with a capital (a name, a site).
    pub rest_capitalised: bool,
    /// In a line with Chinese, dates or counters, and a full date or a time:
    /// how many short parts
    /// spaces part it into (`原创 周小满 新消费观察 2025年04月12日 08:30 广东`),
    /// 0 when a part is long.
    pub short_fields: usize,
}

impl Features {
    /// A sentence of some length.
    pub fn prose(&self) -> bool {
        self.sentence && (self.words >= 8 || self.cjk >= 15)
    }
}

const SEPARATORS: &[char] = &[
    '|', '｜', '·', '•', '»', '›', '>', '/', '丨', '—', '–', '　', '/',
];

/// Measures `line` against the lexicon.
pub fn features(line: &str, lex: &Lexicon) -> Features {
    let hits = lex.hits(line);
    let mut covered = vec![0.0f64; line.len()];
    for h in &hits {
        let w = lex.class(h.class).weight;
        for c in &mut covered[h.start..h.end] {
            *c = w;
        }
    }
    let mut furniture_found = false;
    for m in FURNITURE.find_iter(line) {
        // A small bare number (`3.` of a list item) is no date or counter.
        let t = m.as_str().trim().trim_end_matches(['.', ',']);
        furniture_found |= !(t.len() <= 3 && t.chars().all(|c| c.is_ascii_digit()));
        for c in &mut covered[m.start()..m.end()] {
            *c = c.max(1.0);
        }
    }
    let mut f = Features {
        hits: hits.len(),
        head_hits: count(&hits, |h| lex.class(h.class).head),
        tail_hits: count(&hits, |h| lex.class(h.class).tail),
        comment_hits: count(&hits, |h| lex.class(h.class).name == "comments"),
        credit_hits: count(&hits, |h| lex.class(h.class).name == "credit"),
        byline_hits: count(&hits, |h| lex.class(h.class).name == "byline"),
        label: opens_label(line, &hits) && !hits.first().is_some_and(|h| lex.class(h.class).head),
        prompt: prompt_hit(line, &hits, lex).is_some(),
        long_prompt: prompt_hit(line, &hits, lex)
            .is_some_and(|h| line[h.start..h.end].contains(' ')),
        opens_with_hit: hits.first().is_some_and(|h| {
            at_start(line, h.start)
                && (!lex.class(h.class).head || line.split_whitespace().count() <= 4)
        }),
        strong_hits: count(&hits, |h| lex.class(h.class).weight > 1.0),
        opens_notice_zh: crate::text::has_cjk(line)
            && hits
                .first()
                .is_some_and(|h| at_start(line, h.start) && lex.class(h.class).name == "copyright"),
        rule: line.chars().count() >= 3 && !line.chars().any(char::is_alphanumeric),
        furniture: furniture_found,
        sentence: ends_sentence(line),
        ..Features::default()
    };
    let mut weighted = 0.0;
    let mut rest = String::new();
    for (i, c) in line.char_indices() {
        if c.is_whitespace() {
            // An ideographic space parts the items of a Chinese navigation row.
            f.separators += usize::from(c == '\u{3000}');
            rest.push(' ');
            continue;
        }
        f.chars += 1;
        f.cjk += usize::from(crate::text::is_cjk(c));
        f.separators += usize::from(SEPARATORS.contains(&c));
        f.separators +=
            usize::from(line[i + c.len_utf8()..].starts_with("  ") && !line[..i].ends_with(' '));
        weighted += covered[i];
        rest.push(if covered[i] > 0.0 { ' ' } else { c });
    }
    f.words = line
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count();
    f.coverage = if f.chars == 0 {
        0.0
    } else {
        weighted / f.chars as f64
    };
    let rest_words: Vec<&str> = rest
        .split(|c: char| {
            c.is_whitespace() || (c.is_ascii_punctuation() && c != '\'') || SEPARATORS.contains(&c)
        })
        .filter(|w| {
            w.chars()
                .any(|c| c.is_alphanumeric() && !crate::text::is_cjk(c))
        })
        .collect();
    f.rest_words = rest_words.len();
    f.rest_cjk = rest.chars().filter(|&c| crate::text::is_cjk(c)).count();
    if f.cjk > 0 && f.furniture {
        let parts: Vec<&str> = line.split_whitespace().collect();
        let short = parts.iter().all(|p| p.chars().count() <= MAX_FIELD_CHARS);
        if short && FULL_DATE.is_match(line) {
            f.short_fields = parts.len();
        }
    }
    f.rest_capitalised = rest_words.iter().all(|w| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    });
    f
}

/// A call-to-action phrase opening or closing the line.
fn prompt_hit<'h>(line: &str, hits: &'h [Hit], lex: &Lexicon) -> Option<&'h Hit> {
    hits.iter()
        .find(|h| lex.class(h.class).prompt && (at_start(line, h.start) || at_end(line, h.end)))
}

/// Only brackets, quotes and spaces stand before byte `start`.
fn at_start(line: &str, start: usize) -> bool {
    line[..start]
        .chars()
        .all(|c| c.is_whitespace() || "[【(（「“\"'-—–•·|".contains(c))
}

/// Only punctuation and spaces stand after byte `end`.
fn at_end(line: &str, end: usize) -> bool {
    line[end..].chars().all(|c| !c.is_alphanumeric())
}

/// The first phrase opens the line and a colon follows it.
fn opens_label(line: &str, hits: &[Hit]) -> bool {
    hits.first().is_some_and(|h| {
        at_start(line, h.start) && {
            let after = line[h.end..].trim_start_matches([' ', '】', ']', ')', '）']);
            after.starts_with([':', '：'])
        }
    })
}

fn count(hits: &[Hit], pred: impl Fn(&Hit) -> bool) -> usize {
    hits.iter().filter(|h| pred(h)).count()
}

fn ends_sentence(line: &str) -> bool {
    let trimmed = line.trim_end_matches(['”', '’', '"', '\'', ')', '）', '」', '』']);
    trimmed.ends_with(['.', '!', '?', '。', '！', '？', '…', ';', '；'])
        || line.contains(['。', '！', '？'])
}

/// Why a line is chrome.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    /// Chrome phrases cover most of it.
    Phrases,
    /// A phrase or date, and only a name or number besides.
    Furniture,
    /// A row of short parts between separators (share row, navigation).
    Row,
    /// A chrome label and what it labels (`Read more: …`, `Topics: …`).
    Label,
    /// A call to action (`… Sign up`, `Subscribe now`).
    Prompt,
    /// A line of dashes or stars.
    Rule,
}

/// The verdict on one line, when it is chrome; `head` says whether it stands
/// above the article, where navigation words alone make chrome.
pub fn judge(f: &Features, head: bool) -> Option<Why> {
    if f.chars == 0 {
        return None;
    }
    let nav_only = f.hits > 0 && f.hits == f.head_hits;
    if nav_only && !head && f.hits < 3 {
        return None;
    }
    if f.rule {
        return Some(Why::Rule);
    }
    if f.prose() {
        let long_label = f.label && f.words <= 40 && f.cjk <= 80;
        // A reprint or copyright notice reads as a sentence.
        let notice = f.opens_notice_zh && f.cjk <= 80;
        return if f.coverage >= 0.6 || notice {
            Some(Why::Phrases)
        } else if long_label {
            Some(Why::Label)
        } else {
            (f.long_prompt && f.words <= 30 && f.cjk <= 60).then_some(Why::Prompt)
        };
    }
    if f.label && f.words <= 25 && f.cjk <= 60 {
        return Some(Why::Label);
    }
    if f.prompt && f.words <= 25 && f.cjk <= 40 {
        return Some(Why::Prompt);
    }
    if f.hits >= 1 && f.coverage >= 0.5 && (f.hits >= 2 || trivial_rest(f)) {
        return Some(Why::Phrases);
    }
    if (f.hits >= 1 || f.furniture) && trivial_rest(f) && !f.sentence {
        return Some(Why::Furniture);
    }
    // A Chinese byline row: a date among four or more short fields.
    if f.furniture && f.short_fields >= 4 && !f.sentence {
        return Some(Why::Row);
    }
    if f.separators >= 2
        && (f.hits >= 1 || f.furniture)
        && !f.sentence
        && f.words <= 3 * (f.separators + 1)
    {
        return Some(Why::Row);
    }
    None
}

/// What is left is nothing, a number, or a short name.
fn trivial_rest(f: &Features) -> bool {
    // Capitalised words left beside a byline or share phrase are a name; beside
    // navigation words only (`More`, `Money`) they are a Title Case headline.
    let names_ok = f.hits > f.head_hits;
    let latin = f.rest_words <= 1 || (f.rest_words <= 4 && f.rest_capitalised && names_ok);
    let cjk_limit = if f.hits >= 2 || f.coverage >= 0.45 {
        6
    } else {
        3
    };
    latin && f.rest_cjk <= cjk_limit
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chrome(line: &str) -> Option<Why> {
        let lex = Lexicon::embedded().unwrap();
        judge(&features(line, lex), false)
    }

    #[test]
    fn fixed_patterns_compile() {
        LazyLock::force(&FURNITURE);
        LazyLock::force(&FULL_DATE);
    }

    #[test]
    fn chrome_lines() {
        for line in [
            "By Staff Writer | Share this article | Subscribe to our newsletter",
            "By Jane Doe",
            "jdoe42 · 3 hours ago",
            "Reply",
            "Sign up for our daily newsletter",
            "Facebook Twitter LinkedIn Email",
            "Photo: Reuters",
            "图片来源：视觉中国",
            "2023-05-12 10:30 来源：财经网 作者：李明",
            "分享 Facebook LINE",
            "字級：小 中 大",
            "记者王小明／台北报导",
            "We use cookies to improve your experience on our site. By continuing to browse, you agree to our Cookie Policy.",
            "Published September 14, 2018",
            "上一篇：某某文章",
            "About the author: Rachel Omondi writes about retail and consumer brands.",
            "Download our 2024 Challenger Brands Report",
            "Read more: Why brand mascots are having a moment",
            "Topics: Haier · China · Management · Consumer goods",
            "原创 周小满 新消费观察 2025年04月12日 08:30 广东",
            "本文授權轉載自《航空產業評論》，原文標題〈長榮罷工四年後的品牌啟示〉。",
            "Statement: This article is original by the author and does not represent the position of this website.",
        ] {
            assert!(chrome(line).is_some(), "{line}");
        }
    }

    #[test]
    fn article_lines_are_kept() {
        for line in [
            "By Friday, Xiaomi had sold out.",
            "Subscribers grew fast after the launch of the paid tier.",
            "What other brands can learn",
            "2018年7月9日 小米在港交所上市",
            "The company shared its results on Twitter and in an email to staff.",
            "一、疯狂扩张的代价",
            "服务就是最好的广告",
            "Bottom line",
            "2020年 疫情之下 门店 关闭",
            "Dieselgate Cost Volkswagen More Than Money",
            "Business",
            "廣告推出後，不少文案在網路上被改寫、模仿，全聯的形象也從「媽媽的超市」慢慢年輕化。",
            "The company issued a statement on Monday and apologised to its customers.",
        ] {
            assert_eq!(chrome(line), None, "{line}");
        }
    }
}
