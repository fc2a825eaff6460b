//! English names of Chinese companies, brands and people from the CC-CEDICT
//! subset in `data/cedict/names.u8` (CC BY-SA 4.0, see its LICENSE.md):
//! `海尔` → `Haier`, `马云` → `Ma Yun` (aka `Jack Ma`). Parsed on first use,
//! keyed by the simplified headword.

use std::collections::HashMap;
use std::sync::LazyLock;

const NAMES: &str = include_str!("../../../data/cedict/names.u8");
/// Words of a gloss that make the headword a company or brand.
const ORGANISATION_WORDS: &[&str] = &[
    "brand",
    "company",
    "Company",
    "Group",
    "Corporation",
    "Inc",
    "manufacturer",
    "maker",
    "chain",
    "retailer",
    "airline",
    "bank",
    "platform",
    "e-commerce",
];

/// What the dictionary says of one headword.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The English name: the first sense up to its first comment.
    pub english: String,
    /// Other English names (`aka Jack Ma`, `(TSMC)`).
    pub aka: Vec<String>,
    /// The traditional headword.
    pub traditional: String,
    /// The entry dates a life (`(1964-)`): a person.
    pub person: bool,
    /// The entry says it is a company or brand, or its name is capitalised
    /// throughout (`Lenovo`, not `Swiss roll`).
    pub organisation: bool,
}

fn table() -> &'static HashMap<&'static str, Entry> {
    static TABLE: LazyLock<HashMap<&'static str, Entry>> = LazyLock::new(|| parse(NAMES));
    &TABLE
}

/// The entry of a simplified headword.
pub fn lookup(simplified: &str) -> Option<&'static Entry> {
    table().get(simplified)
}

/// Every entry, by simplified headword.
pub fn entries() -> impl Iterator<Item = (&'static str, &'static Entry)> {
    table().iter().map(|(k, e)| (*k, e))
}

/// Simplified headwords of companies and brands at least `min_chars` long,
/// sorted: names long enough not to be everyday words too.
pub fn organisation_names(min_chars: usize) -> Vec<&'static str> {
    let mut names: Vec<&'static str> = table()
        .iter()
        .filter(|(k, e)| {
            !e.person && k.chars().count() >= min_chars && k.chars().all(crate::text::is_cjk)
        })
        .map(|(k, _)| *k)
        .collect();
    names.sort_unstable();
    names
}

fn parse(text: &'static str) -> HashMap<&'static str, Entry> {
    let mut out = HashMap::new();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let Some((head, gloss)) = line.split_once(" /") else {
            continue;
        };
        let mut words = head.split(' ');
        let (Some(traditional), Some(simplified)) = (words.next(), words.next()) else {
            continue;
        };
        if let Some(entry) = entry(traditional, gloss.trim_end_matches('/')) {
            out.entry(simplified).or_insert(entry);
        }
    }
    out
}

/// The first sense that is a name (not `see …` or `abbr. …`), read as
/// `Name (comment), more` with `aka` names and an upper-case abbreviation.
fn entry(traditional: &str, gloss: &str) -> Option<Entry> {
    let sense = gloss
        .split('/')
        .find(|s| !s.starts_with("see ") && !s.starts_with("abbr") && !s.starts_with("(dialect"))?;
    let head = sense.split([',', '(', ';']).next()?.trim();
    let (english, aka_head) = match head.split_once(" aka ") {
        Some((a, b)) => (a.trim(), Some(b.trim())),
        None => (head, None),
    };
    // A name is capitalised at both ends (`Bank of China`); a demonym
    // opening a common noun (`Chinese person`, `Cantonese cuisine`) is none.
    let last_word = english.split_whitespace().next_back().unwrap_or("");
    let capitalised =
        |w: &str| w.starts_with(|c: char| c.is_ascii_uppercase() || c.is_ascii_digit());
    if english.is_empty()
        || !english.starts_with(|c: char| c.is_ascii_uppercase())
        || !capitalised(last_word)
    {
        return None;
    }
    let mut aka: Vec<String> = aka_head.map(str::to_string).into_iter().collect();
    for part in sense.split(", ").skip(1) {
        if let Some(name) = part.strip_prefix("aka ") {
            aka.push(name.trim().to_string());
        }
    }
    if let Some(abbr) = sense
        .split('(')
        .nth(1)
        .and_then(|p| p.split(')').next())
        .filter(|p| p.len() >= 2 && p.chars().all(|c| c.is_ascii_uppercase()))
    {
        aka.push(abbr.to_string());
    }
    let person = sense.contains("(19") || sense.contains("(b. 19") || sense.contains("(20");
    let cue = ORGANISATION_WORDS.iter().any(|w| gloss.contains(w));
    let capitalised = english
        .split(' ')
        .all(|w| w.starts_with(|c: char| c.is_uppercase()));
    Some(Entry {
        organisation: !person && (cue || capitalised),
        english: english.to_string(),
        aka,
        traditional: traditional.to_string(),
        person,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn companies_and_people_get_their_english_names() {
        let haier = lookup("海尔").unwrap();
        assert_eq!((haier.english.as_str(), haier.person), ("Haier", false));
        assert_eq!(haier.traditional, "海爾");
        let ma = lookup("马云").unwrap();
        assert_eq!(ma.english, "Ma Yun");
        assert!(ma.aka.contains(&"Jack Ma".to_string()) && ma.person);
        let tsmc = lookup("台积电").unwrap();
        assert!(tsmc.aka.contains(&"TSMC".to_string()));
        assert_eq!(lookup("联想").unwrap().english, "Lenovo");
        assert!(lookup("茶叶蛋").is_none());
        assert!(
            lookup("中国人").is_none(),
            "a demonym and a noun is no name"
        );
    }
}
