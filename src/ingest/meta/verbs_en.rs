//! English verb forms that are not tags: `keeps`, `built`, `selling`,
//! `taught`. The base forms and irregular forms are in
//! `data/ingest/verbs_en.txt`; the regular forms are derived here.

use std::collections::HashSet;
use std::sync::OnceLock;

const VERBS_EN: &str = include_str!("../../../data/ingest/verbs_en.txt");

struct Verbs {
    base: HashSet<&'static str>,
    irregular: HashSet<&'static str>,
}

fn verbs() -> &'static Verbs {
    static VERBS: OnceLock<Verbs> = OnceLock::new();
    VERBS.get_or_init(|| {
        let mut verbs = Verbs {
            base: HashSet::new(),
            irregular: HashSet::new(),
        };
        let mut irregular = false;
        for line in VERBS_EN.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if line == "[irregular]" {
                irregular = true;
            } else if irregular {
                verbs.irregular.insert(line);
            } else {
                verbs.base.insert(line);
            }
        }
        verbs
    })
}

/// Whether a lower-case word is a form of a listed verb.
pub fn is_verb_form(word: &str) -> bool {
    let v = verbs();
    if v.base.contains(word) || v.irregular.contains(word) {
        return true;
    }
    let base = |stem: &str| v.base.contains(stem);
    let doubled = |stem: &str| {
        let b = stem.as_bytes();
        b.len() > 2 && b[b.len() - 1] == b[b.len() - 2] && base(&stem[..stem.len() - 1])
    };
    let with_e = |stem: &str| base(&format!("{stem}e"));
    let with_y = |stem: &str| base(&format!("{stem}y"));
    if let Some(stem) = word.strip_suffix("ing") {
        return base(stem) || with_e(stem) || doubled(stem);
    }
    if let Some(stem) = word
        .strip_suffix("ied")
        .or_else(|| word.strip_suffix("ies"))
    {
        if with_y(stem) {
            return true;
        }
    }
    if let Some(stem) = word.strip_suffix("ed") {
        return base(stem) || with_e(stem) || doubled(stem);
    }
    if let Some(stem) = word.strip_suffix("es") {
        if base(stem) {
            return true;
        }
    }
    word.strip_suffix('s').is_some_and(base)
}

/// A phrase that starts or ends with a verb form (`bud light lost`,
/// `selling fax machines`) is a clause, not a name or concept.
pub fn has_verb_edge(phrase: &str) -> bool {
    let lower = phrase.to_lowercase();
    let mut words = lower.split(' ');
    let first = words.next().unwrap_or("");
    let last = words.next_back().unwrap_or(first);
    is_verb_form(first) || is_verb_form(last)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regular_and_irregular_forms_are_verbs() {
        for w in [
            "keeps", "teaches", "selling", "giving", "built", "taught", "happens", "arrived",
            "bleeding", "applied", "tell",
        ] {
            assert!(is_verb_form(w), "{w}");
        }
        for w in [
            "brand",
            "design",
            "launch",
            "fans",
            "catalogue",
            "refrigerator",
            "king",
        ] {
            assert!(!is_verb_form(w), "{w}");
        }
    }

    #[test]
    fn clauses_are_not_phrases() {
        assert!(has_verb_edge("bud light lost"));
        assert!(has_verb_edge("selling fax machines"));
        assert!(has_verb_edge("Building"));
        assert!(!has_verb_edge("fax machines"));
        assert!(!has_verb_edge("Home Try-On"));
    }
}
