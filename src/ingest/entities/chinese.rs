//! Name candidates in Chinese text, read in Simplified script: jieba's
//! person (`nr`), organisation (`nt`) and proper-noun (`nz`) tags, grown to
//! the whole name the text always writes (`冰城` → `蜜雪冰城`); a name right
//! before a company or brand word (`…公司`, `…品牌`); and the known names of
//! `data/ingest/entity_names_zh.txt` and CC-CEDICT's company names of three
//! characters or more, found whole before jieba can cut them; and the
//! names no dictionary knows that the text itself shows (`recurring`).
//! A person needs a common surname first; a name that is part of a longer
//! candidate named about as often is a fragment of it. A Traditional
//! article's own forms are kept as forms of the Simplified name.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::identity::simplified;
use super::lexicon::{known_names_zh, lexicon};
use super::{Candidate, Votes};
use crate::ingest::meta::names::{is_site_or_label, whole_name_zh};
use crate::text::is_cjk;
use crate::text::names::NameMatcher;

/// Characters each side of a mention whose cues count.
const WINDOW: usize = 8;
/// Shortest CC-CEDICT company name found as a known name (two-character
/// ones are everyday words too often: `美的`, `联想`).
const MIN_DICTIONARY_NAME: usize = 3;
/// jieba dictionary frequency above which a proper-noun word is everyday
/// language (`曝光` 423, tagged `nz`; brands it knows stay below or are
/// CC-CEDICT names: `华为` 373).
const COMMON_FREQ: usize = 300;
/// jieba dictionary frequency above which a two-character word tagged as a
/// person is an everyday word (`段子` 132; people's names stay below 70).
const COMMON_PERSON_FREQ: usize = 100;
/// Share of a shorter name's mentions a longer one must have to make it a fragment.
const FRAGMENT_SHARE: f64 = 0.7;

fn known() -> Option<&'static NameMatcher> {
    static MATCHER: LazyLock<Option<NameMatcher>> = LazyLock::new(|| {
        let mut names: Vec<&str> = known_names_zh().collect();
        names.extend(super::cedict::organisation_names(MIN_DICTIONARY_NAME));
        NameMatcher::literal(&names)
    });
    MATCHER.as_ref()
}

/// Every candidate name of a Chinese article.
pub fn candidates(title: &str, paragraphs: &[String]) -> Vec<Candidate> {
    let original = paragraphs.join("\n");
    let text = simplified(&original);
    let title_s = simplified(title);
    let lead = paragraphs
        .first()
        .map(|p| simplified(p))
        .unwrap_or_default();
    let outside = without_titles(&text);
    let mut names: HashMap<String, Votes> = HashMap::new();
    if let Some(m) = known() {
        for f in m.find(&text) {
            names.entry(text[f.start..f.end].to_string()).or_default();
        }
    }
    tagged_names(&text, &mut names);
    for name in latin_names(&text, &title_s) {
        names.entry(name).or_default();
    }
    for (name, _) in crate::ingest::meta::recurring::recurring_names(&text) {
        names.entry(name).or_default();
    }
    // The cue that found a person is theirs, however far it stands.
    for (person, founding) in super::cued_people::cued_people(&text) {
        let v = names.entry(person).or_default();
        v.person += 1;
        v.founder = v.founder.max(1);
        v.founding = v.founding.max(usize::from(founding));
    }
    let mut out: Vec<Candidate> = names
        .into_iter()
        .filter(|(name, _)| acceptable(name))
        .filter_map(|(name, person)| {
            // A name only ever inside 《…》 is a book's or a film's title.
            let count = outside.matches(name.as_str()).count();
            let mut votes = cues(&text, &name);
            votes.person += person.person;
            votes.founder = votes.founder.max(person.founder);
            votes.founding = votes.founding.max(person.founding);
            // A short name after a surname with a founder cue beside it is a person (`创始人叶国富`).
            let chars = name.chars().count();
            let surname = name
                .chars()
                .next()
                .is_some_and(|c| lexicon().is_surname_zh(c));
            if votes.founder > 0 && surname && (2..=3).contains(&chars) && votes.company == 0 {
                votes.person += votes.founder;
            }
            (count >= 1).then(|| Candidate {
                forms: traditional_forms(&original, &text, &name),
                in_title: title_s.contains(name.as_str()),
                in_lead: lead.contains(name.as_str()),
                votes,
                count,
                name,
            })
        })
        .collect();
    out.sort_by(|a, b| {
        b.name
            .chars()
            .count()
            .cmp(&a.name.chars().count())
            .then(a.name.cmp(&b.name))
    });
    drop_fragments(out)
}

/// `text` with every `《…》` title blanked.
fn without_titles(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '《' => depth += 1,
            '》' => depth = depth.saturating_sub(1),
            _ if depth > 0 => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// jieba's person, organisation and proper-noun words, and words before a
/// company or brand cue; a person's entry carries one person vote.
fn tagged_names(text: &str, names: &mut HashMap<String, Votes>) {
    let lex = lexicon();
    let jieba = crate::text::jieba();
    let tags = jieba.tag(text, true);
    for (k, tag) in tags.iter().enumerate() {
        let word = tag.word;
        let chars = word.chars().count();
        if chars < 2 || !word.chars().all(is_cjk) {
            continue;
        }
        let known = super::cedict::lookup(word);
        let person = tag.tag.starts_with("nr")
            && chars <= 4
            && word.chars().next().is_some_and(|c| lex.is_surname_zh(c))
            && known.is_none_or(|e| e.person)
            && !(chars == 2 && known.is_none() && jieba.suggest_freq(word) > COMMON_PERSON_FREQ);
        let next = tags.get(k + 1).map_or("", |t| t.word);
        let before_cue = (tag.tag.starts_with('n') || matches!(tag.tag, "x" | "j"))
            && lex
                .company_cues_zh
                .iter()
                .chain(&lex.brand_cues_zh)
                .any(|c| next.starts_with(c.as_str()));
        // A common noun before a cue is no name (`全球门店`): only words jieba
        // does not know, or knows as proper nouns.
        let proper = !jieba.has_word(word) || matches!(tag.tag, "nt" | "nz" | "x" | "j" | "eng");
        // jieba tags names it knows as people's too (`华为/nr`): the
        // dictionary says which are companies.
        let dictionary_company = tag.tag.starts_with("nr") && known.is_some_and(|e| !e.person);
        let organisation = (matches!(tag.tag, "nt" | "nz") && !common(&jieba, word))
            || (before_cue && proper)
            || dictionary_company;
        if person {
            names.entry(word.to_string()).or_default().person += 1;
        } else if organisation {
            let name = whole_name_zh(word, text).unwrap_or_else(|| word.to_string());
            names
                .entry(without_company_word(&name).to_string())
                .or_default();
        }
    }
}

/// Latin names a Chinese text writes again and again (`Dior`, `Lady
/// Dior`, `Apple`): capitalised words, up to three, between Chinese
/// characters or punctuation, named three times or more (twice when the title
/// names them too); acronyms of four letters or fewer (`IP`, `KOL`, `GMV`)
/// are words, not names.
fn latin_names(text: &str, title: &str) -> Vec<String> {
    static NAME: LazyLock<regex::Regex> = LazyLock::new(|| {
        crate::text::fixed::regex(
            r"[A-Z][A-Za-z&'’-]*[a-z][A-Za-z&'’-]*(?: [A-Z][A-Za-z&'’-]+){0,2}",
        )
    });
    let mut counts: HashMap<&str, usize> = HashMap::new();
    // Whole words only: Chinese characters are word characters to `\b`.
    let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    for m in NAME.find_iter(text) {
        if !latin(text[..m.start()].chars().next_back()) && !latin(text[m.end()..].chars().next()) {
            *counts.entry(m.as_str()).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .filter(|&(name, n)| {
            n >= MIN_LATIN_MENTIONS || (n + 1 >= MIN_LATIN_MENTIONS && title.contains(name))
        })
        .filter(|(name, _)| !crate::ingest::meta::names::is_stop_name(name))
        .map(|(name, _)| name.to_string())
        .collect()
}

/// Mentions a Latin name in Chinese text needs.
const MIN_LATIN_MENTIONS: usize = 3;

/// A word jieba's dictionary counts as everyday language (`英语`), unless a
/// name table knows it as a name (`联想` is Lenovo).
fn common(jieba: &jieba_rs::Jieba, word: &str) -> bool {
    jieba.suggest_freq(word) > COMMON_FREQ
        && super::cedict::lookup(word).is_none()
        && crate::ingest::meta::aliases::group_of(word).is_none()
}

/// `海尔集团` → `海尔`: a company word off the end of a name that stays two characters or more.
fn without_company_word(name: &str) -> &str {
    lexicon()
        .company_cues_zh
        .iter()
        .filter_map(|cue| name.strip_suffix(cue.as_str()))
        .find(|rest| rest.chars().count() >= 2)
        .unwrap_or(name)
}

pub(super) fn acceptable(name: &str) -> bool {
    let lex = lexicon();
    let title_word = lex
        .founder_cues_zh
        .iter()
        .any(|c| name.ends_with(c.as_str()));
    name.chars().count() >= 2
        && !title_word
        && !lex.not_entities_zh.contains(name)
        && !is_site_or_label(name)
        && !crate::ingest::meta::tags::is_junk(name)
        && !lex.founder_cues_zh.iter().any(|c| c == name)
        && !is_concept(name)
}

/// A word of a concept's alias group (`顾客` of `consumers`): no entity.
fn is_concept(name: &str) -> bool {
    crate::ingest::meta::aliases::group_of(name).is_some_and(|g| {
        !crate::text::has_cjk(&g.canonical) && g.canonical.starts_with(|c: char| c.is_lowercase())
    })
}

/// Cue words near each mention of `name`.
fn cues(text: &str, name: &str) -> Votes {
    let lex = lexicon();
    let mut v = Votes::default();
    for (i, _) in text.match_indices(name) {
        let before: String = {
            let mut c: Vec<char> = text[..i].chars().rev().take(WINDOW).collect();
            c.reverse();
            c.into_iter().collect()
        };
        let after: String = text[i + name.len()..].chars().take(WINDOW).collect();
        let has = |list: &[String], s: &str| list.iter().any(|c| s.contains(c.as_str()));
        v.founder +=
            usize::from(has(&lex.founder_cues_zh, &before) || has(&lex.founder_cues_zh, &after));
        v.founding +=
            usize::from(has(&lex.founding_cues_zh, &before) || has(&lex.founding_verbs_zh, &after));
        let right_after = |list: &[String]| list.iter().any(|c| after.starts_with(c.as_str()));
        v.company += usize::from(right_after(&lex.company_cues_zh));
        v.brand += usize::from(right_after(&lex.brand_cues_zh));
    }
    v
}

/// The article's own forms of `name` when the article is not in Simplified
/// script (the conversion keeps one character for one).
fn traditional_forms(original: &str, text: &str, name: &str) -> Vec<String> {
    if original == text {
        return Vec::new();
    }
    let Some(at) = text.find(name) else {
        return Vec::new();
    };
    let skip = text[..at].chars().count();
    let form: String = original
        .chars()
        .skip(skip)
        .take(name.chars().count())
        .collect();
    if form != name {
        vec![form]
    } else {
        Vec::new()
    }
}

/// Drops a name that is part of a longer candidate named nearly as often
/// (`瑞敏` of `张瑞敏`); `all` is sorted longest first.
fn drop_fragments(all: Vec<Candidate>) -> Vec<Candidate> {
    let mut kept: Vec<Candidate> = Vec::new();
    for c in all {
        let fragment = kept.iter().any(|k| {
            k.name.contains(c.name.as_str()) && k.count as f64 >= FRAGMENT_SHARE * c.count as f64
        });
        if !fragment {
            kept.push(c);
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(title: &str, body: &[&str]) -> Vec<(String, usize)> {
        let paragraphs: Vec<String> = body.iter().map(|s| s.to_string()).collect();
        let mut out: Vec<(String, usize)> = candidates(title, &paragraphs)
            .into_iter()
            .map(|c| (c.name, c.count))
            .collect();
        out.sort();
        out
    }

    #[test]
    fn latin_names_a_chinese_text_repeats_are_candidates() {
        let got = found(
            "Dior展览照引争议",
            &["法国品牌Dior在上海办展。Dior的IP形象很强，Dior随后道歉。KOL和GMV都是词。Apple只出现一次。"],
        );
        let names: Vec<&str> = got.iter().map(|(n, _)| n.as_str()).collect();
        assert!(names.contains(&"Dior"), "{got:?}");
        assert!(
            !names
                .iter()
                .any(|n| ["IP", "KOL", "GMV", "Apple"].contains(n)),
            "{got:?}"
        );
    }

    #[test]
    fn people_and_companies_are_found_whole() {
        let got = found(
            "海尔的故事",
            &["1985年，海尔创始人张瑞敏砸毁了76台冰箱。张瑞敏说，海尔集团要做名牌。蜜雪冰城品牌也在学海尔。"],
        );
        let names: Vec<&str> = got.iter().map(|(n, _)| n.as_str()).collect();
        assert!(names.contains(&"张瑞敏"), "{got:?}");
        assert!(names.contains(&"海尔"), "{got:?}");
        assert!(names.contains(&"蜜雪冰城"), "{got:?}");
        assert!(
            !names.contains(&"冰城") && !names.contains(&"瑞敏"),
            "{got:?}"
        );
    }

    #[test]
    fn concepts_of_the_alias_table_are_no_candidates() {
        assert!(is_concept("顾客") && !is_concept("海尔") && !is_concept("小米"));
    }

    #[test]
    fn names_inside_book_and_film_titles_are_no_candidates() {
        let got = found(
            "",
            &["他写了一本书叫《喜茶》。《喜茶》卖得很好，海尔集团也来学习。"],
        );
        assert!(got.iter().all(|(n, _)| n != "喜茶"), "{got:?}");
        assert!(got.iter().any(|(n, _)| n == "海尔"), "{got:?}");
    }

    #[test]
    fn traditional_text_is_read_in_simplified_script() {
        let paragraphs =
            vec!["鴻海創辦人郭台銘表示，鴻海集團將擴大投資。郭台銘說鴻海不會停。".to_string()];
        let all = candidates("", &paragraphs);
        let guo = all.iter().find(|c| c.name == "郭台铭").unwrap();
        assert_eq!(guo.forms, vec!["郭台銘"]);
        assert!(guo.votes.founder >= 1);
    }
}
