//! Chrome by mechanism: which lines of a page are web furniture rather than
//! article, judged by what each line is (`line`: the share of it that chrome
//! phrases of `data/ingest/chrome.toml`, dates and counters cover, what is
//! left, separators) and where it stands (`zones`: above the first paragraph
//! of prose, in a box between chrome lines, in the run of chrome at the end,
//! in a comment thread or a related list). It runs after the fixed rules of
//! `boilerplate` and before structure; a one-line wall of text is split into
//! sentences first (`wall`).

mod authors;
mod boxes;
mod brackets;
mod glue;
pub mod lexicon;
mod line;
mod nav_run;
mod site_boxes;
pub mod wall;
mod zones;

use regex::Regex;

use super::report::{snippet, Report};
use lexicon::Lexicon;
pub use line::Why;

/// A line of a heading's length opening with a section marker (`一、`, `01 `)
/// and holding no clause break or separator.
fn section_heading(line: &str) -> bool {
    crate::ingest::structure::is_section_marker(line)
        && !line.contains(['，', '。', ',', '|', '｜'])
}

/// The site a dateline's source field names (`来源：餐饮经理人`), when it is
/// a short name (not `网络`, the web, nor a sentence).
fn source_field(line: &str) -> Option<String> {
    let rest = ["来源：", "来源:", "來源：", "來源:"]
        .iter()
        .find_map(|p| line.trim().strip_prefix(p))?
        .trim();
    let n = rest.chars().count();
    let plain = rest.chars().all(crate::text::is_cjk);
    (plain && (3..=10).contains(&n) && !matches!(rest, "网络" | "網絡" | "互联网" | "網路"))
        .then(|| rest.to_string())
}

/// A capitalised name of two words or more after `The` (`THE LEDGER POST`,
/// `The Northern Ledger`): the name without it.
fn the_name(line: &str) -> Option<&str> {
    let rest = line
        .strip_prefix("The ")
        .or_else(|| line.strip_prefix("THE "))?;
    let words: Vec<&str> = rest.split_whitespace().collect();
    (words.len() >= 2 && words.iter().all(|w| w.starts_with(char::is_uppercase))).then_some(rest)
}

/// How many lines from the top may name the site.
const SITE_NAME_LINES: usize = 15;

/// The judge, with the site names this page revealed.
pub struct Chrome {
    lexicon: &'static Lexicon,
    site_segments: &'static [Regex],
    site_names: Vec<String>,
}

impl Chrome {
    /// A judge over `lexicon`; `site_segments` recognise a site or section
    /// name in a title line (`… News`, `…网`).
    pub fn new(lexicon: &'static Lexicon, site_segments: &'static [Regex]) -> Chrome {
        Chrome {
            lexicon,
            site_segments,
            site_names: Vec::new(),
        }
    }

    /// Names of the site found on this page (title segments, `og:site_name`).
    pub fn learn_site_names(&mut self, names: &[String]) {
        for n in names {
            let n = n.trim();
            if n.chars().count() >= 2 && !self.site_names.iter().any(|s| s == n) {
                self.site_names.push(n.to_string());
            }
        }
    }

    /// Short lines near the top that recur inside chrome lines elsewhere
    /// (`© 2023 Startup Chronicle`, `Photo: Startup Chronicle archive`) are
    /// the site's name.
    pub fn discover_site_names(&mut self, lines: &[String]) {
        let chrome_lines: Vec<String> = lines
            .iter()
            .filter(|l| {
                let f = self.features(l);
                f.strong_hits > 0 && line::judge(&f, false).is_some()
            })
            .map(|l| l.to_lowercase())
            .collect();
        let found: Vec<String> = lines
            .iter()
            .filter(|l| !l.is_empty())
            .take(SITE_NAME_LINES)
            .flat_map(|l| {
                l.split([' ', '|', '｜', '·', '丨'])
                    .fold(vec![String::new()], segments)
            })
            .filter(|l| {
                let f = self.features(l);
                let short =
                    (2..=5).contains(&f.words) || (f.cjk >= 3 && f.cjk <= 12 && f.words <= 1);
                let name = l.to_lowercase();
                // `THE LEDGER POST` above, `© 2025 Ledger Post Media Ltd.` below.
                let bare = the_name(l).map_or(name.clone(), |b| b.to_lowercase());
                short
                    && !f.sentence
                    && f.strong_hits == 0
                    && f.hits < f.words.max(1)
                    && chrome_lines
                        .iter()
                        .any(|c| c != &name && (c.contains(&name) || c.contains(&bare)))
            })
            .map(|l| the_name(&l).map_or(l.clone(), str::to_string))
            .chain(lines.iter().filter_map(|l| source_field(l)))
            .collect();
        self.learn_site_names(&found);
    }

    fn features(&self, line: &str) -> line::Features {
        line::features(line, self.lexicon)
    }

    /// A paragraph of prose that is not chrome: the article is around it.
    pub fn is_anchor(&self, line: &str) -> bool {
        let f = self.features(line);
        let long = f.words >= 12 || f.cjk >= 30;
        long && f.sentence && line::judge(&f, false).is_none()
    }

    /// A byline or dateline above the article (`By Dana Whitcombe`, `文｜许嘉言`,
    /// `March 4, 2024 | 7 min read`): the headline stands right above it.
    pub fn is_byline(&self, line: &str) -> bool {
        let f = self.features(line);
        let short = f.words <= 12 && f.cjk <= 30;
        short && (f.byline_hits > 0 || f.furniture) && self.is_chrome_line(line, true)
    }

    /// The line is chrome by itself (`head`: it stands above the article).
    pub fn is_chrome_line(&self, line: &str, head: bool) -> bool {
        self.verdict(line, head).is_some()
    }

    fn verdict(&self, line: &str, head: bool) -> Option<Why> {
        if self.is_site_name(line) {
            return Some(Why::Phrases);
        }
        // A numbered section heading in the article (`03 把广告拍成纪录片`) is
        // structure, whatever words it holds.
        if !head && section_heading(line) {
            return None;
        }
        let f = self.features(line);
        line::judge(&f, head)
            .or_else(|| self.author_bio(line, &f).then_some(Why::Phrases))
            .or_else(|| hashtag_row(line, &f).then_some(Why::Row))
            .or_else(|| credited_caption(line, &f).then_some(Why::Phrases))
    }

    /// `Dana Whitcombe is senior editor at Beverage Business Review, …`: a
    /// short text naming the site beside a byline word is the author's box.
    fn author_bio(&self, line: &str, f: &line::Features) -> bool {
        let lower = line.to_lowercase();
        f.byline_hits > 0
            && f.words <= 45
            && self
                .site_names
                .iter()
                .any(|s| lower.contains(&s.to_lowercase()))
    }

    /// A part of a title line that names a site or a section.
    pub fn is_site_segment(&self, part: &str) -> bool {
        let part = part.trim();
        self.site_segments.iter().any(|r| r.is_match(part))
            || self.is_site_name(part)
            || is_domain(part)
    }

    /// The line is one of the site's names, nothing more.
    fn is_exact_site_name(&self, line: &str) -> bool {
        let l = line.trim().to_lowercase();
        self.site_names.iter().any(|s| s.to_lowercase() == l)
    }

    /// The line is a known site name, alone or with chrome words around it.
    fn is_site_name(&self, line: &str) -> bool {
        let l = line.trim().to_lowercase();
        self.site_names.iter().any(|s| {
            let s = s.to_lowercase();
            l == s
                || l.strip_prefix(&s)
                    .or_else(|| l.strip_suffix(&s))
                    .is_some_and(|rest| {
                        let rest = rest.trim_matches(|c: char| !c.is_alphanumeric());
                        // Nothing, chrome, or one short token (the site's abbreviation).
                        rest.is_empty()
                            || !rest.contains(' ') && rest.chars().count() <= 6
                            || line::judge(&self.features(rest), true).is_some()
                    })
        })
    }

    /// Which of `lines` to keep; `title` is the chosen title's text (its
    /// copies go). Counts every removal in `report`.
    /// `removed` marks the lines the fixed rules already took out: they count as
    /// chrome for the lines around them.
    pub fn sweep(
        &self,
        lines: &[String],
        removed: &[bool],
        title: Option<&str>,
        report: &mut Report,
    ) -> Vec<bool> {
        let verdicts = zones::judge_all(self, lines, removed, title);
        let mut keep = Vec::with_capacity(lines.len());
        for ((line, v), gone) in lines.iter().zip(&verdicts).zip(removed) {
            match v {
                _ if *gone => keep.push(false),
                Some(reason) if !line.is_empty() => {
                    report.add(&format!("chrome:{reason}"), 1, snippet(line, 40));
                    keep.push(false);
                }
                _ => keep.push(true),
            }
        }
        keep
    }
}

/// Folds the words of a line into segments between separator words (`|`,
/// `-`, `–`, `·`): `The Daily Ledger | Subscribe` → both parts.
fn segments(mut acc: Vec<String>, word: &str) -> Vec<String> {
    if word.is_empty() || matches!(word, "-" | "–" | "—" | "::") {
        if acc.last().is_some_and(|s| !s.is_empty()) {
            acc.push(String::new());
        }
    } else if let Some(last) = acc.last_mut() {
        if !last.is_empty() {
            last.push(' ');
        }
        last.push_str(word);
    }
    acc
}

/// `example.com`, `www.example.com.cn`.
fn is_domain(part: &str) -> bool {
    let p = part.trim().trim_start_matches("www.");
    let labels: Vec<&str> = p.split('.').collect();
    labels.len() >= 2
        && !p.contains(' ')
        && labels
            .iter()
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        && labels
            .last()
            .is_some_and(|t| t.len() >= 2 && t.chars().all(|c| c.is_ascii_alphabetic()))
}

/// Labels that open the credit at the end of an image caption.
const CREDIT_LABELS: &[&str] = &[
    "Photograph:",
    "Photo:",
    "Photos:",
    "Picture:",
    "Image:",
    "Images:",
    "Illustration:",
    "Credit:",
    "Photo credit:",
    "Image credit:",
    "Video:",
];

/// `A customer browses … in a Stockholm store. Photograph: Anna Lind/Courier`:
/// a caption that ends in a credit label and a few words of names.
fn credited_caption(line: &str, f: &line::Features) -> bool {
    if f.words > 45 || f.cjk > 0 {
        return false;
    }
    CREDIT_LABELS.iter().any(|label| {
        line.rfind(label).is_some_and(|at| {
            let credit = line[at + label.len()..].trim();
            let before = line[..at].trim_end();
            !credit.is_empty()
                && credit.split_whitespace().count() <= 8
                && !credit.trim_end_matches('.').contains(['.', '!', '?'])
                && (before.is_empty() || before.ends_with(['.', '!', '?', ')', '”', '"']))
        })
    })
}

/// A short line of two or more hashtags (`Collection #Platform economy 12
/// #Brand crisis 7`, `#品牌 #营销`): a collection or topic row.
fn hashtag_row(line: &str, f: &line::Features) -> bool {
    let tags = line
        .match_indices('#')
        .filter(|(b, _)| {
            let next = line[b + 1..].chars().next();
            let prev = line[..*b].chars().next_back();
            next.is_some_and(|c| c.is_alphanumeric()) && prev.is_none_or(char::is_whitespace)
        })
        .count();
    tags >= 2 && f.words <= 15 && f.cjk <= 40
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domains() {
        assert!(is_domain("www.example-news.com"));
        assert!(is_domain("sina.com.cn"));
        assert!(!is_domain("Mr. Li"));
        assert!(!is_domain("3.5"));
    }

    #[test]
    fn captions_ending_in_a_credit() {
        let lex = lexicon::Lexicon::embedded().unwrap();
        let chrome = Chrome::new(lex, &[]);
        let caption = "A customer browses the catalogue in a Stockholm store. Photograph: Anna Lind/Northern Courier";
        assert!(credited_caption(caption, &chrome.features(caption)));
        let prose = "The photo: a family in a kitchen, which the company printed in every edition for years.";
        assert!(!credited_caption(prose, &chrome.features(prose)));
    }

    #[test]
    fn hashtag_rows() {
        let lex = lexicon::Lexicon::embedded().unwrap();
        let chrome = Chrome::new(lex, &[]);
        let row = "Collection #Platform economy 12  #Brand crisis 7";
        assert!(hashtag_row(row, &chrome.features(row)));
        let prose = "The campaign used the hashtag #MeToo in 2018 and was praised for it.";
        assert!(!hashtag_row(prose, &chrome.features(prose)));
    }
}
