//! Which candidates an article is about: its main company (the ingest's
//! main-company finder, `meta::names`), its founder or leader (the person
//! named most with a founder cue near them), and other names it comes back
//! to. Each gets an English name where one is known (`identity`) and a
//! sentence of the article that says what it is.

use super::identity::{self, simplified};
use super::lexicon::lexicon;
use super::{Candidate, Kind};
use crate::content::front_matter::EntityMention;
use crate::ingest::meta::names::main_company_titled;
use crate::text::fold::name_key;
use crate::text::sentences;

/// Mentions another name needs to be recorded at all.
const MIN_OTHER: usize = 2;
/// Score (`Candidate::score`) that makes another name central to the article.
const CENTRAL: usize = 8;
/// Mentions that make the most-named person the article's leader without a founder cue.
const LEADER_MENTIONS: usize = 3;
/// At most this many other names per article.
const MAX_OTHERS: usize = 8;
/// Longest describing sentence, in characters.
const MAX_SENTENCE: usize = 320;

/// The article the candidates come from.
pub struct Article<'a> {
    pub title: &'a str,
    pub paragraphs: &'a [String],
    pub chinese: bool,
}

/// The main company, the founder and the recurring names, in that order.
pub fn choose(mut all: Vec<Candidate>, article: &Article) -> Vec<EntityMention> {
    all.sort_by(|a, b| b.score().cmp(&a.score()).then(a.name.cmp(&b.name)));
    let main = main_index(&mut all, article);
    let founder = all
        .iter()
        .enumerate()
        .filter(|(i, c)| Some(*i) != main && could_be_founder(c, article))
        .max_by_key(|(_, c)| (c.votes.founding > 0, c.votes.founder.min(3), c.score()))
        .map(|(i, _)| i)
        .or_else(|| leading_person(&all, main, article));
    let mut out = Vec::new();
    let mut others = 0;
    for (i, c) in all.iter().enumerate() {
        let role = if Some(i) == main {
            "main"
        } else if Some(i) == founder {
            "founder"
        } else if c.score() >= CENTRAL && c.count >= MIN_OTHER {
            "central"
        } else if c.count >= MIN_OTHER && others < MAX_OTHERS {
            "other"
        } else {
            continue;
        };
        others += usize::from(matches!(role, "central" | "other"));
        out.push(mention(c, role, article));
    }
    out.sort_by_key(|m| match m.role.as_str() {
        "main" => 0,
        "founder" => 1,
        "central" => 2,
        _ => 3,
    });
    out
}

/// A person named with a founder cue, more than once, in the title or lead,
/// or with two person cues; in English a full name (a lone capitalised word is no name to trust).
fn could_be_founder(c: &Candidate, article: &Article) -> bool {
    // Named once is enough beside a founder cue when the name is surely a person's.
    let sure = c.votes.person >= 2;
    let named = c.count >= MIN_OTHER || c.in_title || c.in_lead || sure;
    let full = article.chinese || c.name.contains(' ');
    c.votes.kind() == Kind::Person && c.votes.founder > 0 && named && full
}

/// Without a founder cue, the leader is the person the article names most,
/// when it names them often (a full name, `LEADER_MENTIONS` times).
fn leading_person(all: &[Candidate], main: Option<usize>, article: &Article) -> Option<usize> {
    all.iter()
        .enumerate()
        .filter(|(i, c)| {
            Some(*i) != main
                && c.votes.kind() == Kind::Person
                && c.count >= LEADER_MENTIONS
                && (article.chinese || c.name.contains(' '))
        })
        .max_by_key(|(_, c)| c.score())
        .map(|(i, _)| i)
}

/// The candidate that is the article's main company (added when no
/// candidate is): the ingest's main-company finder, else the best-scored
/// organisation named in the title.
fn main_index(all: &mut Vec<Candidate>, article: &Article) -> Option<usize> {
    let paragraphs: Vec<String> = if article.chinese {
        article.paragraphs.iter().map(|p| simplified(p)).collect()
    } else {
        article.paragraphs.to_vec()
    };
    let title = simplified(article.title);
    let titled = all
        .iter()
        .enumerate()
        .filter(|(_, c)| c.in_title && c.votes.kind() != Kind::Person && c.count >= MIN_OTHER)
        .max_by_key(|(_, c)| c.score())
        .map(|(i, _)| i);
    if titled.is_some() {
        return titled;
    }
    let best = all
        .iter()
        .enumerate()
        .filter(|(_, c)| {
            c.votes.kind() != Kind::Person && c.count >= MIN_OTHER && !c.name.contains(' ')
        })
        // On a tie, the name with more company cues (a company over its product).
        .max_by_key(|(_, c)| (c.score(), c.votes.company))
        .map(|(i, _)| i);
    if !article.chinese && best.is_some() {
        return best;
    }
    let text = paragraphs.join("\n");
    let named = main_company_titled(&paragraphs, &title, article.chinese);
    // A candidate named more often than the finder's pick is the main company
    // (the finder reads `国货彩妆品牌` as a company named 彩妆).
    let more = |name: &str| {
        best.filter(|&i| all[i].count > text.matches(name).count())
            .is_some()
    };
    if let Some(name) = named.filter(|n| !more(n)) {
        let key = identity::key(&name, "");
        let found = all.iter().position(|c| {
            identity::key(&c.name, "") == key
                || c.forms.iter().any(|f| name_key(f) == name_key(&name))
        });
        return Some(found.unwrap_or_else(|| {
            all.push(Candidate {
                count: text.matches(name.as_str()).count(),
                in_title: title.contains(name.as_str()),
                name,
                ..Candidate::default()
            });
            all.len() - 1
        }));
    }
    best
}

fn mention(c: &Candidate, role: &str, article: &Article) -> EntityMention {
    let kind = match (role, c.votes.kind()) {
        ("main", Kind::Person) => Kind::Company,
        ("founder", _) => Kind::Person,
        (_, k) => k,
    };
    let english = if article.chinese {
        identity::english_of_zh(&c.name, kind == Kind::Person)
    } else {
        None
    };
    let mut forms = c.forms.clone();
    if let Some(e) = &english {
        for aka in &e.aka {
            if !forms.contains(aka) {
                forms.push(aka.clone());
            }
        }
    }
    EntityMention {
        name: c.name.clone(),
        kind: kind.as_str().to_string(),
        role: role.to_string(),
        mentions: c.count,
        english: english.map(|e| e.name).unwrap_or_default(),
        sentence: describing_sentence(c, kind, article),
        forms,
    }
}

/// The first sentence naming the entity with a cue of its kind (`founder`,
/// `company`, `创始人`, `品牌`), else the first naming it; not too long.
fn describing_sentence(c: &Candidate, kind: Kind, article: &Article) -> String {
    let lex = lexicon();
    let cues: Vec<&str> = match (kind, article.chinese) {
        (Kind::Person, true) => lex.founder_cues_zh.iter().map(String::as_str).collect(),
        (Kind::Person, false) => lex.founder_cues_en.iter().map(String::as_str).collect(),
        (_, true) => lex
            .company_cues_zh
            .iter()
            .chain(&lex.brand_cues_zh)
            .map(String::as_str)
            .collect(),
        (_, false) => vec![
            "company", "brand", "firm", "maker", "founded", "is a", "was a",
        ],
    };
    let names_it = |s: &str| {
        let s = if article.chinese {
            simplified(s)
        } else {
            s.to_string()
        };
        s.contains(c.name.as_str())
    };
    let all: Vec<&str> = article
        .paragraphs
        .iter()
        .flat_map(|p| sentences::split(p))
        .filter(|s| s.chars().count() <= MAX_SENTENCE && names_it(s))
        .collect();
    let lower = |s: &str| s.to_lowercase();
    all.iter()
        .find(|s| cues.iter().any(|cue| lower(s).contains(cue)))
        .or(all.first())
        .map(|s| s.to_string())
        .unwrap_or_default()
}
