//! The known Chinese names and what their characters can be translated as,
//! read once from the embedded dictionaries: the CC-CEDICT companies and
//! people, `data/ingest/mt/names_zh.txt`, the CC-CEDICT senses of their
//! characters (`data/cedict/glosses.u8`) and the senses translation engines
//! use beside them (`data/ingest/mt/senses.txt`).

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use super::super::super::entities::cedict;
use super::super::super::meta::keywords_en::is_stopword;

const GLOSSES: &str = include_str!("../../../../data/cedict/glosses.u8");
const NAMES: &str = include_str!("../../../../data/ingest/mt/names_zh.txt");
const SENSES: &str = include_str!("../../../../data/ingest/mt/senses.txt");

/// One known Chinese name.
pub struct Name {
    pub chars: Vec<String>,
    /// Toneless pinyin of each character.
    pub syllables: Vec<String>,
    /// The English name a literal becomes.
    pub english: String,
    /// Every accepted English spelling, lower case.
    pub accepted: Vec<String>,
}

pub struct Index {
    pub names: Vec<Name>,
    /// Senses of characters and two-character words, each a row of stems.
    pub glosses: HashMap<&'static str, Vec<Vec<String>>>,
    /// Names by the stem of a word their first unit can be.
    pub by_first: HashMap<String, Vec<usize>>,
    /// Grammatical particles (`的`, `了`): a translation may leave them out.
    pub particles: Vec<&'static str>,
    /// Every English name the dictionaries know, lower case: a run that is
    /// one (`United States`) is that name, not a literal.
    pub known: HashSet<String>,
}

pub fn index() -> &'static Index {
    static INDEX: LazyLock<Index> = LazyLock::new(build_index);
    &INDEX
}

fn build_index() -> Index {
    let (mut glosses, particles) = parse_glosses(GLOSSES);
    for (head, senses) in SENSES
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once(" = "))
    {
        let entry = glosses.entry(head.trim()).or_default();
        for sense in senses.split('|').filter_map(sense_words) {
            if !entry.contains(&sense) {
                entry.push(sense);
            }
        }
    }
    let mut names = table_names(NAMES);
    let listed: HashSet<String> = names.iter().map(|n| n.chars.concat()).collect();
    names.extend(
        cedict::entries()
            .filter(|(head, e)| (e.person || e.organisation) && !listed.contains(*head))
            .filter_map(|(head, e)| {
                let mut accepted = e.aka.clone();
                accepted.push(e.english.clone());
                name(head, e.english.clone(), accepted)
            }),
    );
    let mut by_first: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, n) in names.iter().enumerate() {
        let mut firsts: Vec<String> = Vec::new();
        for len in 1..=n.chars.len().min(3) {
            firsts.push(stem(&n.syllables[..len].concat()));
        }
        for len in 1..=2.min(n.chars.len()) {
            let unit = n.chars[..len].concat();
            for sense in glosses.get(unit.as_str()).into_iter().flatten() {
                firsts.push(sense[0].clone());
            }
        }
        firsts.sort_unstable();
        firsts.dedup();
        for f in firsts {
            by_first.entry(f).or_default().push(i);
        }
    }
    let known = names
        .iter()
        .flat_map(|n| n.accepted.iter().cloned())
        .chain(cedict::entries().flat_map(|(_, e)| {
            std::iter::once(e.english.to_lowercase()).chain(e.aka.iter().map(|a| a.to_lowercase()))
        }))
        .collect();
    Index {
        names,
        glosses,
        by_first,
        particles,
        known,
    }
}

/// `中文 = English | other English` lines.
fn table_names(src: &str) -> Vec<Name> {
    src.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once(" = "))
        .filter_map(|(head, english)| {
            let accepted: Vec<String> = english.split('|').map(|s| s.trim().to_string()).collect();
            name(head.trim(), accepted.first()?.clone(), accepted)
        })
        .collect()
}

fn name(head: &str, english: String, accepted: Vec<String>) -> Option<Name> {
    let chars: Vec<String> = head.chars().map(String::from).collect();
    let plain = (2..=4).contains(&chars.len()) && head.chars().all(crate::text::is_cjk);
    if !plain {
        return None;
    }
    use pinyin::ToPinyin;
    let syllables: Vec<String> = head
        .to_pinyin()
        .map(|p| p.map(|p| p.plain().to_string()))
        .collect::<Option<_>>()?;
    Some(Name {
        chars,
        syllables,
        english,
        accepted: accepted.iter().map(|a| a.to_lowercase()).collect(),
    })
}

type Glosses = HashMap<&'static str, Vec<Vec<String>>>;

/// `trad simp [pinyin] /sense/sense/` lines → senses of one or two words
/// (each word of a longer sense counts alone: `to shake out` → `shake`), and
/// the headwords that are particles.
fn parse_glosses(src: &'static str) -> (Glosses, Vec<&'static str>) {
    let mut out: Glosses = HashMap::new();
    let mut particles = Vec::new();
    for line in src.lines().filter(|l| !l.starts_with('#')) {
        let Some((head, senses)) = line.split_once(" /") else {
            continue;
        };
        let Some(simplified) = head.split(' ').nth(1) else {
            continue;
        };
        if simplified.chars().count() == 1 && senses.contains("particle") {
            particles.push(simplified);
        }
        // A proper-noun entry (`京 [Jing1]`) lends only its abbreviations.
        let proper = head
            .split('[')
            .nth(1)
            .is_some_and(|p| p.starts_with(|c: char| c.is_uppercase()));
        let max_words = if simplified.chars().count() == 1 {
            1
        } else {
            2
        };
        let entry = out.entry(simplified).or_default();
        let senses = senses
            .split(['/', ';', ','])
            .filter(|s| !proper || s.starts_with("abbr. for "));
        for sense in senses.filter_map(sense_words) {
            let mut forms = Vec::new();
            if sense.len() <= max_words {
                forms.push(sense.clone());
            }
            if (2..=3).contains(&sense.len()) {
                let content = sense.iter().filter(|w| w.len() > 2 && !is_stopword(w));
                forms.extend(content.map(|w| vec![w.clone()]));
            }
            for form in forms {
                if !entry.contains(&form) {
                    entry.push(form);
                }
            }
        }
    }
    (out, particles)
}

/// One dictionary sense as stems, if it is plain English words: comments in
/// brackets dropped, `to `/`be ` dropped, `abbr. for Beijing` read as `Beijing`.
fn sense_words(sense: &str) -> Option<Vec<String>> {
    let mut text = String::new();
    let mut depth = 0usize;
    for c in sense.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => text.push(c),
            _ => {}
        }
    }
    let mut text = text.trim().to_lowercase();
    for skip in [
        "variant of",
        "old variant",
        "cl:",
        "surname",
        "classifier",
        "used in",
        "see ",
    ] {
        if text.starts_with(skip) {
            return None;
        }
    }
    for prefix in ["abbr. for ", "to ", "be ", "a ", "an ", "the "] {
        if let Some(rest) = text.strip_prefix(prefix) {
            text = rest.to_string();
        }
    }
    let words: Vec<String> = text
        .split([' ', '-'])
        .filter(|w| !w.is_empty())
        .map(stem)
        .collect();
    let plain = !words.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphabetic() || " -".contains(c));
    plain.then_some(words)
}

/// A light stem for comparing a translation with a sense: `trembling`,
/// `trembles` and `tremble` are one.
pub fn stem(word: &str) -> String {
    let mut w = word.to_lowercase();
    if w.len() > 4 && w.ends_with("ies") {
        w.truncate(w.len() - 3);
        w.push('y');
    } else if w.len() > 5 && w.ends_with("ing") {
        w.truncate(w.len() - 3);
    } else if w.len() > 4 && w.ends_with("ed") {
        w.truncate(w.len() - 2);
    } else if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") {
        w.truncate(w.len() - 1);
    }
    if w.len() > 6 && w.ends_with("ment") {
        w.truncate(w.len() - 4);
    } else if w.len() > 5 && w.ends_with('y') {
        w.truncate(w.len() - 1);
    }
    if w.len() > 3 && w.ends_with('e') {
        w.truncate(w.len() - 1);
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn senses_are_plain_words() {
        assert_eq!(sense_words("to tremble"), Some(vec!["trembl".to_string()]));
        assert_eq!(
            sense_words("abbr. for Beijing"),
            Some(vec![stem("beijing")])
        );
        assert_eq!(
            sense_words("(bound form) multi-"),
            Some(vec!["multi".to_string()])
        );
        assert_eq!(sense_words("surname Ma"), None);
        assert_eq!(sense_words("CL:本[ben3]"), None);
    }
}
