//! Author boxes. Profile-style pages (Medium, Substack, LinkedIn, Zhihu)
//! print the writer's name on a line of its own, often twice (the avatar's
//! caption and the name), and again in `Written by …` or `More from …`; next
//! to it stands a one-line bio or headline (`Founder coach | Ex-P&G`,
//! `前美妆品牌公关，现为…`). A name is known when it stands alone on two lines
//! or alone on one and after a byline phrase on another; its lines go, and
//! so does the first short line after it that reads as a bio: parts between
//! `|`, a bio phrase of `[authors] bio_cues` in `data/ingest/chrome.toml`, or
//! any short line when it is above the article.

use std::sync::OnceLock;

use serde::Deserialize;

use super::line::Features;
use super::zones::Verdicts;

const CHROME_TOML: &str = include_str!("../../../data/ingest/chrome.toml");

#[derive(Deserialize)]
struct AuthorsFile {
    authors: AuthorsDef,
}

#[derive(Deserialize)]
struct AuthorsDef {
    bio_cues: Vec<String>,
    name_prefixes: Vec<String>,
    roles: Vec<String>,
}

/// The `[authors]` lists, lower-cased.
pub struct Lists {
    pub bio_cues: Vec<String>,
    pub name_prefixes: Vec<String>,
    pub roles: Vec<String>,
}

/// The `[authors]` lists of `data/ingest/chrome.toml`, lower-cased.
pub fn lists() -> Result<&'static Lists, String> {
    static LISTS: OnceLock<Result<Lists, String>> = OnceLock::new();
    LISTS
        .get_or_init(|| {
            let file: AuthorsFile =
                toml::from_str(CHROME_TOML).map_err(|e| format!("chrome.toml: {e}"))?;
            let lower = |v: Vec<String>| v.into_iter().map(|s| s.to_lowercase()).collect();
            Ok(Lists {
                bio_cues: lower(file.authors.bio_cues),
                name_prefixes: lower(file.authors.name_prefixes),
                roles: lower(file.authors.roles),
            })
        })
        .as_ref()
        .map_err(Clone::clone)
}

/// Most lines of chrome (counters, follow buttons) between a name and its bio.
const BIO_GAP: usize = 3;

/// Marks author names and their bios.
pub fn author_boxes(lines: &[String], feats: &[Features], first: usize, v: &mut Verdicts) {
    let Ok(lists) = lists() else {
        return;
    };
    let (cues, prefixes) = (&lists.bio_cues, &lists.name_prefixes);
    role_sentences(lines, feats, &lists.roles, v);
    let mut names = known_names(lines, prefixes);
    names.extend(named_above_bio(lines, feats, (cues, &lists.roles), first));
    if names.is_empty() {
        return;
    }
    let is_name = |i: usize| {
        let l = lines[i].trim();
        names
            .iter()
            .any(|n| n == l || names_after_prefix(l, prefixes, n))
    };
    for i in 0..lines.len() {
        if !is_name(i) {
            continue;
        }
        v[i] = Some("author");
        if i + 1 < lines.len() && is_name(i + 1) {
            continue;
        }
        let mut gap = 0;
        for j in i + 1..lines.len() {
            // `·` between a follower count and the bio is as good as blank.
            if !lines[j].chars().any(char::is_alphanumeric) {
                continue;
            }
            if v[j].is_some() {
                gap += 1;
                if gap > BIO_GAP {
                    break;
                }
                continue;
            }
            if reads_as_bio(&lines[j], &feats[j], cues, j < first) {
                v[j] = Some("author");
            }
            break;
        }
    }
}

/// Names that stand alone on a line twice, or alone once and after a
/// byline phrase (`Written by`, `More from`, `作者：`) on another line.
fn known_names(lines: &[String], prefixes: &[String]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let l = line.trim();
        if !name_shaped(l) || names.iter().any(|n| n == l) {
            continue;
        }
        let alone_again = lines.iter().skip(i + 1).any(|o| o.trim() == l);
        let after_prefix = lines.iter().any(|o| {
            let o = o.trim();
            o != l && (names_after_prefix(o, prefixes, l) || copyright_of(o, l))
        });
        if alone_again || after_prefix {
            names.push(l.to_string());
        }
    }
    names
}

/// Above the article, a name directly over a line with a bio phrase
/// (Zhihu: `林间小鹿` / `前快消品牌经理，现做饮料行业咨询`).
fn named_above_bio(
    lines: &[String],
    feats: &[Features],
    (cues, roles): (&[String], &[String]),
    first: usize,
) -> Vec<String> {
    let mut out = Vec::new();
    for i in 0..(first + ROLE_LINES).min(lines.len()).saturating_sub(1) {
        let l = lines[i].trim();
        let next = &lines[i + 1];
        let f = &feats[i + 1];
        let lower = next.trim().to_lowercase();
        let cue = i < first && cues.iter().any(|c| lower.contains(c.as_str()));
        // `Harriet Cole` / `Motoring correspondent`, also just below the standfirst.
        let role = f.words <= 4 && roles.iter().any(|r| lower.ends_with(r.as_str()));
        if name_shaped(l) && (cue || role) && f.words <= 30 && f.cjk <= 60 && !f.prose() {
            out.push(l.to_string());
        }
    }
    out
}

/// Lines below the first paragraph of prose where a byline may still stand.
const ROLE_LINES: usize = 4;

/// In the second half of the page, `Hannah Weissmann is the Review’s
/// European business editor.`: a short sentence that gives a name a
/// writer's role.
fn role_sentences(lines: &[String], feats: &[Features], roles: &[String], v: &mut Verdicts) {
    for i in lines.len() / 2..lines.len() {
        let l = lines[i].trim();
        if writes_about(l) && v[i].is_none() && feats[i].words <= 40 {
            v[i] = Some("author");
            continue;
        }
        let Some((name, rest)) = l.split_once(" is ") else {
            continue;
        };
        let rest = rest.trim_end_matches('.').to_lowercase();
        let role = roles
            .iter()
            .any(|r| rest.ends_with(r.as_str()) || rest.contains(&format!("{r} at")));
        if v[i].is_none() && name_shaped(name) && role && feats[i].words <= 25 {
            v[i] = Some("author");
        }
    }
}

/// `Nadia Okafor writes about consumer brands …`: a writer's one-line bio.
fn writes_about(line: &str) -> bool {
    ["writes about", "covers", "reports on", "writes on"]
        .iter()
        .any(|verb| {
            line.split_once(&format!(" {verb} "))
                .is_some_and(|(name, _)| name_shaped(name))
        })
}

/// `line` is a byline phrase and `name` (`Written by Nadia Whitfield`,
/// `More from Marcus Lindqvist and The Brand Ledger`).
fn names_after_prefix(line: &str, prefixes: &[String], name: &str) -> bool {
    let lower = line.to_lowercase();
    let name = name.to_lowercase();
    prefixes.iter().any(|p| {
        lower.strip_prefix(p.as_str()).is_some_and(|rest| {
            let rest = rest.trim_start();
            rest == name || rest.starts_with(&format!("{name} and ")) || rest == format!("{name}.")
        })
    })
}

/// `© 2024 Nadia Whitfield`: a copyright line that ends with the name.
fn copyright_of(line: &str, name: &str) -> bool {
    (line.starts_with('©') || line.to_lowercase().starts_with("copyright"))
        && line.ends_with(name)
        && line.len() <= name.len() + 20
}

/// A person's name: two to four capitalised Latin words (initials allowed),
/// or two to four Chinese characters.
fn name_shaped(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    let latin = (2..=4).contains(&words.len())
        && line.chars().count() <= 40
        && words.iter().all(|w| {
            let mut c = w.chars();
            c.next().is_some_and(|f| f.is_uppercase())
                && c.all(|ch| ch.is_alphabetic() || matches!(ch, '.' | '-' | '\'' | '’'))
        });
    let cjk = line.chars().count();
    let chinese = (2..=4).contains(&cjk) && line.chars().all(crate::text::is_cjk);
    latin || chinese
}

/// A short line beside a name that reads as its bio.
fn reads_as_bio(line: &str, f: &Features, cues: &[String], above_article: bool) -> bool {
    if f.words > 30 || f.cjk > 60 {
        return false;
    }
    let lower = line.to_lowercase();
    let parts = line.split(" | ").count();
    parts >= 3 || cues.iter().any(|c| lower.contains(c.as_str())) || above_article && !f.prose()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn author_lists_parse() {
        let l = lists().unwrap();
        assert!(!l.bio_cues.is_empty() && !l.name_prefixes.is_empty() && !l.roles.is_empty());
    }

    #[test]
    fn names_twice_or_after_a_byline_phrase() {
        let lines: Vec<String> = [
            "Marcus Lindqvist",
            "Marcus Lindqvist",
            "Text of the article, which goes on.",
            "Nadia Whitfield",
            "Written by Nadia Whitfield",
            "United States",
        ]
        .map(String::from)
        .to_vec();
        let names = known_names(&lines, &lists().unwrap().name_prefixes);
        assert_eq!(names, vec!["Marcus Lindqvist", "Nadia Whitfield"]);
        assert!(name_shaped("林晚舟"));
        assert!(writes_about(
            "Nadia Okafor writes about retail. She lives in Leeds."
        ));
        assert!(!writes_about("The company covers three markets."));
        assert!(!name_shaped("The shoe everyone loved to hate"));
    }
}
