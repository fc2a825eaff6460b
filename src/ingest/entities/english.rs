//! Name candidates in English text: runs of capitalised words (up to four,
//! `&` and particles such as `von` allowed inside), with a title in front folded off (`CEO Jeff Bezos`,
//! `Mr Zhang`) and possessives off (`Bezos's`). A run that starts a sentence
//! loses its first word when the article never capitalises that word inside a
//! sentence, or writes it in lower case somewhere (`Under Zhang, …`).
//! Mentions of one name meet under its key (company suffix off: `Haier Group`
//! is `Haier`), and a single word that is part of a longer name (`Zhang` of
//! `Zhang Ruimin`, `Mr Zhang`) is folded into it.

use std::collections::{HashMap, HashSet};

use super::identity::without_company_suffix;
use super::lexicon::{is_given_name_en, lexicon};
use super::{Candidate, Votes};
use crate::ingest::meta::aliases::group_of;
use crate::ingest::meta::names::{
    bare, is_company_cue_en, is_name_word_en, is_person_cue_en, is_site_or_label, is_stop_name,
    looks_like_person_en,
};
use crate::text::sentences;

/// Longest name, in words.
const MAX_WORDS: usize = 4;
/// Lower-case words inside a name between capitalised ones (`Luis von Ahn`).
const NAME_PARTICLES: &[&str] = &[
    "von", "van", "der", "den", "de", "da", "di", "du", "la", "le", "bin", "al", "dos", "del",
];
/// Words each side of a mention whose cues count.
const WINDOW: usize = 4;

/// One mention of a name.
struct Mention {
    words: Vec<String>,
    /// It starts its sentence.
    initial: bool,
    /// A title such as `Mr` stood before it.
    person_title: bool,
    title: bool,
    lead: bool,
    votes: Votes,
}

/// Sentences a run of several capitalised words must open to keep its first
/// word (a common word when written in lower case elsewhere).
const MIN_INITIAL_RUNS: usize = 3;

/// Every candidate name of an English article.
pub fn candidates(title: &str, paragraphs: &[String]) -> Vec<Candidate> {
    let mut mentions = Vec::new();
    let mut capitalised_inside: HashSet<String> = HashSet::new();
    let mut lower: HashSet<String> = HashSet::new();
    // A headline capitalises every word: it only says which names are in the title.
    let units = paragraphs
        .iter()
        .enumerate()
        .map(|(i, p)| (p.as_str(), false, i == 0));
    for (text, in_title, lead) in units {
        for sentence in sentences::split(text) {
            let words = words_of(sentence);
            for (i, w) in words.iter().enumerate() {
                let b = bare(w);
                if b.starts_with(char::is_lowercase) {
                    lower.insert(b.to_string());
                } else if i > 0 {
                    capitalised_inside.insert(b.to_string());
                }
            }
            scan(&words, (in_title, lead), &mut mentions);
        }
    }
    // A run that opens sentence after sentence, or stands in the headline,
    // is a name as written (`Liquid Death did…`, `Liquid Death took…`).
    let mut initial_runs: HashMap<String, usize> = HashMap::new();
    for m in mentions.iter().filter(|m| m.initial && m.words.len() > 1) {
        *initial_runs.entry(m.words.join(" ")).or_default() += 1;
    }
    let named_as_written = |words: &[String]| {
        let run = words.join(" ");
        initial_runs
            .get(&run)
            .is_some_and(|&n| n >= MIN_INITIAL_RUNS)
            || crate::ingest::meta::names::occurrences(title, &run) > 0
    };
    let mut by_key: HashMap<String, Candidate> = HashMap::new();
    for m in mentions {
        let initial = m.initial && !(m.words.len() > 1 && named_as_written(&m.words));
        let Some(words) = trimmed(m.words.clone(), initial, &capitalised_inside, &lower) else {
            continue;
        };
        let name = words.join(" ");
        if !acceptable(&name) {
            continue;
        }
        let key = without_company_suffix(&name).to_string();
        let c = by_key.entry(key.clone()).or_insert_with(|| Candidate {
            name: key.clone(),
            ..Candidate::default()
        });
        if name != key && !c.forms.contains(&name) {
            c.forms.push(name);
        }
        record(c, &m);
    }
    let mut all = fold_single_words(by_key.into_values().collect());
    let text = paragraphs.join("\n");
    for c in &mut all {
        if let Some(owned) = possessive_name(&c.name, &text) {
            c.name = owned;
        }
        // A lone word left unfolded is no person's name (`Meituan`, `he founded Meituan`).
        if !c.name.contains(' ') && !c.forms.iter().any(|f| f.starts_with("Mr ")) {
            c.votes.person = 0;
        }
        c.in_title = std::iter::once(&c.name)
            .chain(&c.forms)
            .any(|n| crate::ingest::meta::names::occurrences(title, n) > 0);
    }
    all
}

/// `Wendy's` for `Wendy` when the article never names it without its `'s`
/// and the `'s` form is followed by a verb or punctuation somewhere
/// (`Wendy's was`, `at Wendy's.`): the name itself ends in `'s`.
fn possessive_name(name: &str, text: &str) -> Option<String> {
    let mut owned = 0;
    let mut verb_after = false;
    let mut apostrophe = String::from("'");
    for (at, _) in text.match_indices(name) {
        let before_ok = text[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let rest = &text[at + name.len()..];
        if !before_ok || rest.starts_with(|c: char| c.is_alphanumeric()) {
            continue;
        }
        let after = rest
            .strip_prefix("'s")
            .or_else(|| rest.strip_prefix("’s"))?;
        apostrophe = rest[..rest.len() - after.len() - 1].to_string();
        owned += 1;
        let next = after.trim_start();
        let word: String = next.chars().take_while(|c| c.is_alphabetic()).collect();
        verb_after |= !after.starts_with(char::is_alphanumeric)
            && (next.starts_with([',', '.', ';', ':', ')'])
                || crate::ingest::meta::verbs_en::is_verb_form(&word)
                || matches!(
                    word.as_str(),
                    "is" | "was"
                        | "has"
                        | "had"
                        | "said"
                        | "says"
                        | "will"
                        | "would"
                        | "did"
                        | "does"
                ));
    }
    (owned >= 2 && verb_after).then(|| format!("{name}{apostrophe}s"))
}

fn record(c: &mut Candidate, m: &Mention) {
    if m.title {
        c.in_title = true;
    } else {
        c.count += 1;
    }
    c.in_lead |= m.lead;
    c.votes.add(&m.votes);
    // A founder cue by a full name says it is a person (`founder Travis Kalanick`).
    if m.words.len() > 1 && m.votes.company == 0 {
        c.votes.person += m.votes.founder;
    }
    if m.person_title {
        c.votes.person += 2;
        let form = format!("Mr {}", m.words.join(" "));
        if !c.forms.contains(&form) && m.words.len() == 1 {
            c.forms.push(form);
        }
    }
}

/// Words of a sentence, split at spaces and clause punctuation inside words kept.
fn words_of(sentence: &str) -> Vec<&str> {
    sentence
        .split(|c: char| c.is_whitespace() || matches!(c, ';' | '(' | ')' | '“' | '”' | '"'))
        .filter(|w| !w.is_empty())
        .collect()
}

fn ends_clause(word: &str) -> bool {
    word.ends_with(['.', ',', ';', ':', '!', '?', '—'])
}

/// Finds the runs of capitalised words in one sentence.
fn scan(words: &[&str], (title, lead): (bool, bool), out: &mut Vec<Mention>) {
    let lex = lexicon();
    let mut i = 0;
    let mut person_title = false;
    while i < words.len() {
        let b = bare(words[i]);
        if lex.titles_en.contains(b) || lex.titles_en.contains(words[i]) {
            person_title =
                lex.person_titles_en.contains(b) || lex.person_titles_en.contains(words[i]);
            i += 1;
            continue;
        }
        let run = run_length(words, i);
        if run == 0 {
            person_title = false;
            i += 1;
            continue;
        }
        let name: Vec<String> = words[i..i + run]
            .iter()
            .map(|w| bare(w).to_string())
            .collect();
        for (offset, part) in known_parts(name) {
            let at = i + offset;
            out.push(Mention {
                initial: at == 0,
                person_title,
                title,
                lead,
                votes: votes_around(words, at, at + part.len()),
                words: part,
            });
        }
        person_title = false;
        i += run;
    }
}

/// A run made of two names the alias table knows, one after the other
/// (`Weibo Lei Jun`), as the two names with their offsets; any other run whole.
fn known_parts(words: Vec<String>) -> Vec<(usize, Vec<String>)> {
    let known = |w: &[String]| group_of(&w.join(" ")).is_some();
    let cut = (1..words.len()).find(|&k| known(&words[..k]) && known(&words[k..]));
    match cut {
        Some(k) => {
            let tail = words[k..].to_vec();
            vec![(0, words[..k].to_vec()), (k, tail)]
        }
        None => vec![(0, words)],
    }
}

/// How many words from `i` make one name.
fn run_length(words: &[&str], i: usize) -> usize {
    let mut n = 0;
    while i + n < words.len() && n < MAX_WORDS {
        let w = words[i + n];
        let inside = n > 0 && words.get(i + n + 1).is_some_and(|x| is_name_word_en(x));
        let joins = inside && (w == "&" || NAME_PARTICLES.contains(&w));
        if !(is_name_word_en(w) || joins) || (n > 0 && ends_clause(words[i + n - 1])) {
            break;
        }
        n += 1;
        // A possessive ends the name (`Gap’s North American business`).
        if w.ends_with("'s") || w.ends_with("’s") {
            break;
        }
    }
    n
}

/// Cue words around a mention. A founder cue counts before the name
/// (`founder Wang Ning`) or after it unless the name is a possessive
/// (`Pop Mart's founder` makes Pop Mart no founder).
fn votes_around(words: &[&str], start: usize, end: usize) -> Votes {
    let lex = lexicon();
    let mut v = Votes::default();
    let before = &words[start.saturating_sub(WINDOW)..start];
    let after = &words[end..(end + WINDOW).min(words.len())];
    let possessive = words[end - 1].ends_with("'s") || words[end - 1].ends_with("’s");
    for (k, w) in before.iter().chain(after).enumerate() {
        let w = bare(w).to_lowercase();
        v.person += usize::from(is_person_cue_en(&w));
        v.company += usize::from(is_company_cue_en(&w));
        v.brand += usize::from(lex.brand_cues_en.contains(&w));
        v.product += usize::from(lex.product_cues_en.contains(&w));
        let counts = k < before.len() || !possessive;
        v.founder += usize::from(counts && lex.founder_cues_en.contains(&w));
        v.founding += usize::from(counts && lex.founding_cues_en.contains(&w));
    }
    v
}

/// A sentence-initial run without a first word that is no name.
fn trimmed(
    mut words: Vec<String>,
    initial: bool,
    capitalised_inside: &HashSet<String>,
    lower: &HashSet<String>,
) -> Option<Vec<String>> {
    if initial {
        let first = &words[0];
        // A given name opens a full name (`Jason Fried, the co-founder`).
        let common = lower.contains(&first.to_lowercase())
            || !capitalised_inside.contains(first) && !is_given_name_en(first);
        if common {
            words.remove(0);
        }
    }
    (!words.is_empty()).then_some(words)
}

/// Not a publication, site, label or lone generic word.
fn acceptable(name: &str) -> bool {
    let lex = lexicon();
    // Two letters are an abbreviation (`IP`, `AI`) more often than a name.
    name.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && !lex.not_entities_en.contains(name)
        && !is_site_or_label(name)
        && !is_stop_name(name)
        && !crate::ingest::meta::tags::is_junk(name)
}

/// Folds each one-word candidate that is a word of a longer one into the
/// longer one: always into a person (`Zhang` → `Zhang Ruimin`), into an
/// organisation when that is named at least as often. A word shared by
/// several longer names is kept when named on its own at least as often as
/// any of them, else dropped as a fragment.
fn fold_single_words(mut all: Vec<Candidate>) -> Vec<Candidate> {
    all.sort_by(|a, b| b.count.cmp(&a.count).then(a.name.cmp(&b.name)));
    let (singles, mut longer): (Vec<Candidate>, Vec<Candidate>) =
        all.into_iter().partition(|c| !c.name.contains(' '));
    let mut kept = Vec::new();
    for single in singles {
        let holders: Vec<usize> = longer
            .iter()
            .enumerate()
            .filter(|(_, l)| l.name.split(' ').any(|w| w == single.name))
            .map(|(i, _)| i)
            .collect();
        match holders.as_slice() {
            [] => kept.push(single),
            [i] => {
                let l = &mut longer[*i];
                let words: Vec<&str> = l.name.split(' ').collect();
                // A surname: the last word of a short name, or the first of a Chinese one.
                let surname = (words.len() <= 3 && words.last() == Some(&single.name.as_str()))
                    || (looks_like_person_en(&l.name) && words[0] == single.name);
                let person = surname || l.votes.kind() == super::Kind::Person;
                if person || l.count >= single.count {
                    l.absorb(single);
                } else {
                    kept.push(single);
                }
            }
            many => {
                // A surname goes to the most named full name it ends; the
                // company in front of its products (`NIO` of `NIO Day`) stays.
                let ends = many
                    .iter()
                    .copied()
                    .filter(|&i| {
                        let words: Vec<&str> = longer[i].name.split(' ').collect();
                        words.len() <= 3 && words.last() == Some(&single.name.as_str())
                    })
                    .max_by_key(|&i| longer[i].count);
                let most = many.iter().map(|&i| longer[i].count).max().unwrap_or(0);
                match ends {
                    Some(i) => longer[i].absorb(single),
                    None if single.count >= most => kept.push(single),
                    None => {}
                }
            }
        }
    }
    kept.extend(longer);
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(title: &str, body: &[&str]) -> Vec<(String, usize, Vec<String>)> {
        let paragraphs: Vec<String> = body.iter().map(|s| s.to_string()).collect();
        let mut out: Vec<(String, usize, Vec<String>)> = candidates(title, &paragraphs)
            .into_iter()
            .map(|c| (c.name, c.count, c.forms))
            .collect();
        out.sort();
        out
    }

    #[test]
    fn a_name_that_opens_sentences_keeps_its_common_first_word() {
        let body = ["Liquid Death sells water in cans. It is only liquid. Liquid Death did not invent this. Liquid Death took the idea further."];
        let found = names("", &body);
        assert!(
            found.iter().any(|(n, c, _)| n == "Liquid Death" && *c == 3),
            "{found:?}"
        );
        // Once, it is a common word opening a sentence before a name.
        let found = names("", &["Liquid Death sells water. It is only liquid."]);
        assert!(
            found.iter().all(|(n, _, _)| n != "Liquid Death"),
            "{found:?}"
        );
        // The headline names it.
        let found = names(
            "What Liquid Death Learned",
            &["Liquid Death sells water. It is only liquid."],
        );
        assert!(
            found.iter().any(|(n, _, _)| n == "Liquid Death"),
            "{found:?}"
        );
    }

    #[test]
    fn a_name_ending_in_s_keeps_it() {
        assert_eq!(
            possessive_name(
                "Wendy",
                "Wendy's was first. Fans of Wendy's gave it a voice. It ate at Wendy's."
            ),
            Some("Wendy's".into())
        );
        assert_eq!(
            possessive_name("Amazon", "Amazon's sales grew. Amazon's founder left."),
            None
        );
        assert_eq!(
            possessive_name("Amazon", "Amazon grew. Amazon's founder was there."),
            None
        );
    }

    #[test]
    fn titles_and_possessives_are_folded() {
        let found = names(
            "",
            &["Amazon grew fast. Its founder, CEO Jeff Bezos, said so. Bezos's letters were read by Mr Bezos's staff at Amazon."],
        );
        let bezos = found.iter().find(|(n, _, _)| n == "Jeff Bezos").unwrap();
        assert_eq!(bezos.1, 3, "{found:?}");
        assert!(found
            .iter()
            .all(|(n, _, _)| n != "CEO Jeff Bezos" && n != "Bezos"));
    }

    #[test]
    fn a_possessive_ends_a_name() {
        let found = names(
            "",
            &["Gap changed its logo. The head of Gap’s North American business said so. Gap went back."],
        );
        assert!(found.iter().any(|(n, _, _)| n == "Gap"), "{found:?}");
        assert!(
            found.iter().all(|(n, _, _)| !n.starts_with("Gap N")),
            "{found:?}"
        );
    }

    #[test]
    fn a_given_name_opening_a_sentence_stays_in_the_name() {
        let found = names(
            "",
            &["Jason Fried, the co-founder, wrote a book. Fried later said sorry. Basecamp grew."],
        );
        assert!(
            found.iter().any(|(n, _, _)| n == "Jason Fried"),
            "{found:?}"
        );
    }

    #[test]
    fn sentence_initial_words_are_not_names_alone() {
        let found = names(
            "",
            &["Under pressure, the firm moved. Under Zhang Ruimin, Haier Group grew. Smashing fridges worked for Haier."],
        );
        let got: Vec<&str> = found.iter().map(|(n, _, _)| n.as_str()).collect();
        assert_eq!(got, vec!["Haier", "Zhang Ruimin"], "{found:?}");
        let haier = &found[0];
        assert_eq!(haier.1, 2);
        assert_eq!(haier.2, vec!["Haier Group"]);
    }

    #[test]
    fn publications_are_no_names() {
        let found = names(
            "",
            &["The deal, Reuters reported, was big for Nike and Nike fans."],
        );
        let got: Vec<&str> = found.iter().map(|(n, _, _)| n.as_str()).collect();
        assert_eq!(got, vec!["Nike"]);
    }
}
