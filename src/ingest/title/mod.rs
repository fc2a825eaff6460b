//! Titles a person would choose. Candidates are the lines above the article
//! (before its first paragraph of prose), the breadcrumb's last segment and,
//! for HTML pages, `<title>`, `og:title` and `<h1>`. Each loses its site-name
//! and section segments, then is scored by where it stands, whether another
//! source repeats it, its shape (a headline, not a label, a sentence, a
//! prompt or markup) and whether it names what the article is about (one of
//! the body's most frequent terms). When no candidate is good enough the
//! article has no headline and `None` is returned: the title is generated
//! from its metadata later (`generated`).

mod generated;
mod head;

use super::chrome::Chrome;
use head::{byline_heads, inside_prose, join_second_sentence, ABOVE_BYLINE};

pub use generated::generate;

/// Where a title candidate comes from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Source {
    /// A line of the text, by index.
    Line(usize),
    /// The breadcrumb trail's last segment.
    Trail,
    HtmlTitle,
    OgTitle,
    H1,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub text: String,
    pub source: Source,
}

/// The chosen title and the lines it was taken from.
#[derive(Debug, Clone, PartialEq)]
pub struct Chosen {
    pub text: String,
    /// Site names split off the candidates (they are chrome wherever they stand alone).
    pub site_names: Vec<String>,
}

/// How many lines above the article are looked at.
const HEAD_LINES: usize = 16;
/// The score a candidate needs.
const MIN_SCORE: f64 = 1.0;

/// Separators between a headline and site or section names.
const SEPARATORS: &[&str] = &[
    " - ", " – ", " — ", " | ", "｜", "|", "_", " :: ", " · ", " » ", "丨",
];

/// Chooses the title among the head lines of `lines` and `extra` candidates.
pub fn choose(lines: &[String], extra: &[Candidate], chrome: &Chrome) -> Option<Chosen> {
    let body_terms = frequent_terms(lines);
    let first_prose = lines
        .iter()
        .position(|l| chrome.is_anchor(l))
        .unwrap_or(lines.len());
    // The first paragraph of prose may itself be a long headline line.
    let mut cands: Vec<Candidate> = lines[..(first_prose + 1).min(lines.len())]
        .iter()
        .enumerate()
        // Menus and datelines a wall was cut into do not use up the window.
        .filter(|(_, l)| !l.is_empty() && !chrome.is_chrome_line(l, true))
        .take(HEAD_LINES)
        .map(|(i, l)| Candidate {
            text: l.clone(),
            source: Source::Line(i),
        })
        .collect();
    join_second_sentence(&mut cands, lines, chrome);
    cands.extend(extra.iter().cloned());
    let mut site_names = Vec::new();
    let cleaned: Vec<(Candidate, Option<String>)> = cands
        .iter()
        .map(|c| {
            let (text, sites) = strip_sites(&c.text, lines, chrome);
            site_names.extend(sites);
            (c.clone(), text)
        })
        .collect();
    let mut scored: Vec<(Source, String, f64)> = Vec::new();
    for (i, (c, text)) in cleaned.iter().enumerate() {
        let Some(text) = text else { continue };
        let repeated = cleaned.iter().enumerate().any(|(j, (o, t))| {
            j != i && o.source != c.source && t.as_ref().is_some_and(|t| same(t, text))
        }) || lines
            .iter()
            .enumerate()
            .any(|(j, l)| Source::Line(j) != c.source && same(l, text));
        if matches!(c.source, Source::Line(_)) && inside_prose(text, lines) {
            continue;
        }
        if let Some(score) = score(text, c.source, repeated, &body_terms, chrome) {
            scored.push((c.source, text.clone(), score));
        }
    }
    let valid: Vec<usize> = scored
        .iter()
        .filter_map(|(source, _, _)| match source {
            Source::Line(i) => Some(*i),
            _ => None,
        })
        .collect();
    // Bylines stand above the first paragraph of prose, or just below a
    // first paragraph that is itself the headline.
    let head = &lines[..(first_prose + 4).min(lines.len())];
    let heads = byline_heads(head, &valid, chrome);
    let mut best: Option<(f64, String)> = None;
    for (source, text, mut score) in scored {
        if matches!(source, Source::Line(i) if heads.contains(&i)) {
            score += ABOVE_BYLINE;
        }
        if best.as_ref().is_none_or(|(s, _)| score > *s) {
            best = Some((score, text));
        }
    }
    site_names.sort();
    site_names.dedup();
    best.filter(|(s, _)| *s >= MIN_SCORE).map(|(_, text)| {
        // A headline that another candidate set beside the site's name is no site name.
        site_names.retain(|n| !same(n, &text));
        Chosen { text, site_names }
    })
}

/// The candidate without site and section segments, and the segments dropped.
fn strip_sites(text: &str, lines: &[String], chrome: &Chrome) -> (Option<String>, Vec<String>) {
    let text = text.trim();
    if text.starts_with('<') || text.to_lowercase().contains("doctype") {
        return (None, Vec::new());
    }
    let mut parts = vec![text.to_string()];
    for sep in SEPARATORS {
        parts = parts
            .iter()
            .flat_map(|p| {
                p.split(sep)
                    .map(|s| s.trim().to_string())
                    .collect::<Vec<_>>()
            })
            .filter(|p| !p.is_empty())
            .collect();
    }
    if parts.len() < 2 {
        return (Some(text.to_string()), Vec::new());
    }
    // A short part that stands alone as a line elsewhere is a site name (a long one is the headline repeated).
    let standalone = |p: &str| size(p) <= 5 && lines.iter().any(|l| same(l, p));
    let longest = parts.iter().map(|p| size(p)).max().unwrap_or(0);
    // Beside a headline of four words or more, a part of at most four is a site name.
    let minor = |p: &str| longest >= 4 && size(p) <= 4 && size(p) < longest;
    let (sites, rest): (Vec<String>, Vec<String>) = parts.into_iter().partition(|p| {
        chrome.is_site_segment(p) || chrome.is_chrome_line(p, true) || standalone(p) || minor(p)
    });
    if sites.is_empty() {
        return (Some(text.to_string()), Vec::new());
    }
    let title = rest.into_iter().max_by_key(|p| p.chars().count());
    // `Site Name | Subscribe`: what is left beside a prompt is the site's name, not a headline.
    let beside_prompt = sites
        .iter()
        .any(|p| chrome.is_chrome_line(p, true) && !chrome.is_site_segment(p));
    match title {
        Some(t) if beside_prompt && size(&t) < 4 => (None, vec![t]),
        t => (t, sites),
    }
}

/// `經濟 / 企業動態`: short parts between separators; `| Crisis
/// Communications`: the tail of one.
fn section_path(text: &str) -> bool {
    const PATH_SEPARATORS: &[char] = &['/', '／', '|', '｜', '>', '＞', '›', '»', '·'];
    let parts: Vec<&str> = text
        .split(PATH_SEPARATORS)
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    text.starts_with(PATH_SEPARATORS) || parts.len() >= 2 && parts.iter().all(|p| size(p) <= 3)
}

/// Words of a Latin text, or Chinese characters divided by two (about a word each).
fn size(text: &str) -> usize {
    let cjk = text.chars().filter(|&c| crate::text::is_cjk(c)).count();
    text.split_whitespace().count().max(cjk / 2)
}

/// The score of a cleaned candidate, `None` when it cannot be a title.
fn score(
    text: &str,
    source: Source,
    repeated: bool,
    terms: &[String],
    chrome: &Chrome,
) -> Option<f64> {
    let chars = text.chars().count();
    let cjk = text.chars().filter(|&c| crate::text::is_cjk(c)).count();
    let words = text.split_whitespace().count();
    let zh = cjk * 2 > chars;
    let (min_ok, max_ok) = if zh {
        (cjk >= 5, chars <= 50)
    } else {
        (words >= 3, chars <= 160)
    };
    // A repeated name is the author's, not a headline: length counts even then.
    if !max_ok || !min_ok || chrome.is_chrome_line(text, true) || chrome.is_site_segment(text) {
        return None;
    }
    if section_path(text) {
        return None;
    }
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    if !zh && letters.len() > 3 && letters.iter().all(|c| c.is_uppercase()) && words <= 3 {
        return None;
    }
    let full_stop = text.ends_with('。')
        || text.ends_with('.') && {
            // `…U.S.` ends an abbreviation, not a sentence.
            let last = text.split_whitespace().last().unwrap_or("");
            last.chars().filter(|&c| c == '.').count() == 1
        };
    // A line of the text that ends like a sentence, or holds several and is long, is prose.
    let line = matches!(source, Source::Line(_));
    let long = words > 25 || cjk > 40;
    // A Title Case line is a headline even with full stops (`IKEA’s Catalogue
    // Is Gone. Its Marketing Machine Isn’t.`).
    let headline = !zh && words <= 16 && title_case(text);
    if line
        && (full_stop && !repeated && !headline || long && super::sentences::split(text).len() > 1)
    {
        return None;
    }
    let sentence = text.ends_with(['。', ';', '；', ',', '，', ':', '：'])
        || text.ends_with('.') && !headline
        || text.contains('。');
    let mut s = match source {
        Source::Line(i) => 2.0 - 0.25 * i.min(6) as f64,
        Source::Trail => 2.0,
        Source::HtmlTitle => 1.5,
        Source::OgTitle => 2.5,
        Source::H1 => 3.0,
    };
    // A headline said twice is the page's; a short name said twice is the site's.
    if repeated && (zh && cjk >= 8 || !zh && words >= 4) {
        s += 3.0;
    }
    if sentence {
        s -= 2.0;
    }
    if zh && cjk > 32 || !zh && words > 22 {
        s -= 1.5;
    } else if zh && cjk >= 8 || !zh && words >= 5 {
        s += 0.75;
    }
    let folded = text.to_lowercase();
    if terms.iter().any(|t| folded.contains(t.as_str())) {
        s += 1.0;
    } else if !repeated {
        s -= 3.0;
    }
    Some(s)
}

/// Most words of four letters or more start with a capital (at least three
/// such words, four in five capitalised).
fn title_case(text: &str) -> bool {
    let long: Vec<&str> = text
        .split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .collect();
    let caps = long
        .iter()
        .filter(|w| {
            w.chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(char::is_uppercase)
        })
        .count();
    long.len() >= 3 && caps * 5 >= long.len() * 4
}

/// Equal up to case, spacing and quote style.
pub fn same(a: &str, b: &str) -> bool {
    fn key(s: &str) -> String {
        s.chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| match c {
                '’' | '‘' | '`' | '´' => '\'',
                '“' | '”' | '„' => '"',
                c => c,
            })
            .flat_map(char::to_lowercase)
            .collect()
    }
    a == b || key(a) == key(b)
}

/// How many of the body's most frequent terms a title is checked against.
const FREQUENT_TERMS: usize = 30;

/// The body's most frequent content terms: Latin words of four letters or
/// more outside the stop words, and Chinese character pairs, lower-cased.
fn frequent_terms(lines: &[String]) -> Vec<String> {
    let mut counts: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let stop = super::meta::keywords_en::stopwords();
    for line in lines {
        for w in line.split(|c: char| !c.is_alphanumeric() || crate::text::is_cjk(c)) {
            let w = w.to_lowercase();
            if w.chars().count() >= 4
                && !w.chars().all(|c| c.is_ascii_digit())
                && !stop.contains(w.as_str())
            {
                *counts.entry(w).or_default() += 1;
            }
        }
        let cjk: Vec<char> = line.chars().collect();
        for pair in cjk.windows(2) {
            if pair
                .iter()
                .all(|&c| crate::text::is_cjk(c) && !FUNCTION_CHARS.contains(c))
            {
                *counts.entry(pair.iter().collect()).or_default() += 1;
            }
        }
    }
    let mut terms: Vec<(String, usize)> = counts.into_iter().filter(|(_, n)| *n >= 3).collect();
    terms.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    terms
        .into_iter()
        .take(FREQUENT_TERMS)
        .map(|(t, _)| t)
        .collect()
}

/// Characters that make a Chinese pair grammar rather than a term.
const FUNCTION_CHARS: &str = "的了是在和有我们这个一不也就都而及与或被把让给对从到为以于之其中上下来去说要会能可没很还更最又";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::chrome::lexicon::Lexicon;

    fn pick(text: &str) -> Option<String> {
        let rules = crate::ingest::boilerplate::rules().unwrap();
        let judge = Chrome::new(Lexicon::embedded().unwrap(), rules.site_segments());
        let lines: Vec<String> = text.lines().map(String::from).collect();
        choose(&lines, &[], &judge).map(|c| c.text)
    }

    const BODY: &str = "Haier smashed 76 faulty refrigerators in 1985, and Haier still tells the story to every new employee. The hammer made Haier famous for quality across China.";

    #[test]
    fn a_headline_cut_into_two_sentences_is_joined() {
        let text = format!("STRATEGY\nHaier Doesn’t Sell a Fridge.\nIt Sells the Hammer\n{BODY}");
        assert_eq!(
            pick(&text).as_deref(),
            Some("Haier Doesn’t Sell a Fridge. It Sells the Hammer")
        );
    }

    #[test]
    fn a_headline_above_the_byline_wins_over_the_sites_slogan() {
        let text = format!("Haier Weekly | Haier Stories and Quality Notes\nHaier Weekly / News\nHow Haier Made Quality a Story\nBy Jane Doe\n{BODY}");
        assert_eq!(
            pick(&text).as_deref(),
            Some("How Haier Made Quality a Story")
        );
    }

    #[test]
    fn a_title_case_headline_may_hold_full_stops() {
        let text = "IKEA’s Catalogue Is Gone. Its Marketing Machine Isn’t.\nThe IKEA catalogue was once a cultural event, and the IKEA catalogue sold a lifestyle to millions of readers across Europe every year.\nIKEA moved the catalogue online.";
        assert_eq!(
            pick(text).as_deref(),
            Some("IKEA’s Catalogue Is Gone. Its Marketing Machine Isn’t.")
        );
        assert!(!title_case(
            "The company said it was gone. Its shares fell."
        ));
    }

    #[test]
    fn site_names_and_prompts_are_not_titles() {
        let t = pick(&format!("The Daily Ledger | Subscribe\nBUSINESS\nHow Haier's hammer built a brand\nBy Jane Doe\n{BODY}"));
        assert_eq!(t.as_deref(), Some("How Haier's hammer built a brand"));
    }

    #[test]
    fn site_segments_are_split_off() {
        let t = pick(&format!(
            "How Haier's hammer built a brand - Daily Ledger\n{BODY}"
        ));
        assert_eq!(t.as_deref(), Some("How Haier's hammer built a brand"));
    }

    #[test]
    fn a_stray_fragment_is_no_title() {
        assert_eq!(pick(&format!("was the answer they gave\n{BODY}")), None);
        assert_eq!(pick(&format!("經濟 / 企業動態\n{BODY}")), None);
        let wall = "小米微信每天接收的信息量是30000条，每天后台自动回复量是28000条，每天人工处理消息量是2000条。小米还专门开发了一个技术后台，一些重要的问题反馈会转到人工客服，后台自动回复量很大，自动回复量也在涨，后台很忙。";
        assert_eq!(pick(&format!("每天后台自动回复量是28000条\n{wall}")), None);
    }
}
