//! Entity discovery and generated entity pages: the people, companies,
//! brands and products each article is about, found at ingest and recorded
//! in its case study's header (`ingest.entities`), then gathered across all
//! case studies into one page per entity under `content/wiki/`.
//!
//! Jobs, one file each: candidates in English text (`english`: capitalised
//! names, titles and possessives folded) and in Chinese text (`chinese`:
//! jieba's name tags, a dictionary of known names); the main company,
//! founder and other recurring names chosen from them (`roles`); one key per
//! entity across languages and scripts (`identity`, with CC-CEDICT in
//! `cedict`); the pages (`gather` groups the mentions of all case studies into entities, `pages` writes, `page_text` formats).
//! Rule data lives in `data/ingest/entities.toml` (`lexicon`).

pub mod cedict;
mod chinese;
mod cued_people;
mod english;
mod gather;
pub mod identity;
mod lexicon;
mod page_text;
pub mod pages;
mod roles;

use crate::content::front_matter::EntityMention;

/// What a name is, from the cues around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Person,
    Company,
    Brand,
    Product,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Company => "company",
            Kind::Brand => "brand",
            Kind::Product => "product",
        }
    }
}

/// Cue counts per kind around a name's mentions.
#[derive(Debug, Clone, Copy, Default)]
pub struct Votes {
    pub person: usize,
    pub company: usize,
    pub brand: usize,
    pub product: usize,
    /// `founder`, `CEO`, `创始人` near a person.
    pub founder: usize,
    /// Of those, cues that they started the company (`founder`, `创办`).
    pub founding: usize,
}

impl Votes {
    fn add(&mut self, other: &Votes) {
        self.person += other.person;
        self.company += other.company;
        self.brand += other.brand;
        self.product += other.product;
        self.founder += other.founder;
        self.founding += other.founding;
    }

    /// The kind most cues point to; a tie goes to the company.
    pub fn kind(&self) -> Kind {
        let organisation = self.company.max(self.brand).max(self.product);
        if self.person > organisation {
            Kind::Person
        } else if self.brand > self.company && self.brand >= self.product {
            Kind::Brand
        } else if self.product > self.company {
            Kind::Product
        } else {
            Kind::Company
        }
    }
}

/// A name found in one article, with its evidence.
#[derive(Debug, Clone, Default)]
pub struct Candidate {
    /// As the article writes it (Chinese in Simplified script).
    pub name: String,
    /// Other forms seen (`Mr Zhang`, `Haier Group`, Traditional script).
    pub forms: Vec<String>,
    pub votes: Votes,
    /// Mentions in the body.
    pub count: usize,
    pub in_title: bool,
    /// Named in the first paragraph (the dek or lead).
    pub in_lead: bool,
}

impl Candidate {
    /// Frequency and position: title and lead count extra, and so does a
    /// name of the known-company list (a company over its product).
    pub fn score(&self) -> usize {
        use crate::ingest::meta::names::{is_known_company_en, KNOWN_COMPANY_MENTIONS};
        let known = is_known_company_en(&self.name);
        self.count
            + 3 * usize::from(self.in_title)
            + 2 * usize::from(self.in_lead)
            + KNOWN_COMPANY_MENTIONS * usize::from(known)
    }

    fn absorb(&mut self, other: Candidate) {
        self.count += other.count;
        self.in_title |= other.in_title;
        self.in_lead |= other.in_lead;
        self.votes.add(&other.votes);
        for form in std::iter::once(other.name).chain(other.forms) {
            if form != self.name && !self.forms.contains(&form) {
                self.forms.push(form);
            }
        }
    }
}

/// The entities one cleaned article is about: its main company, its founder
/// or leader, and other names it keeps coming back to.
pub fn discover(title: &str, paragraphs: &[String], chinese: bool) -> Vec<EntityMention> {
    let candidates = if chinese {
        chinese::candidates(title, paragraphs)
    } else {
        english::candidates(title, paragraphs)
    };
    roles::choose(
        candidates,
        &roles::Article {
            title,
            paragraphs,
            chinese,
        },
    )
}

/// Prints the candidates of the case study named by `CASEWIKI_EXPLAIN`
/// (a generated Markdown file) with their evidence:
/// `cargo test --lib explain_entities -- --ignored --nocapture`.
#[cfg(test)]
#[test]
#[ignore]
fn explain_entities() {
    let Ok(path) = std::env::var("CASEWIKI_EXPLAIN") else {
        return;
    };
    let text = std::fs::read_to_string(path).unwrap();
    let split = crate::content::front_matter::split(&text).unwrap();
    let paragraphs: Vec<String> = split
        .body
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty() && !p.starts_with('#'))
        .map(str::to_string)
        .collect();
    let chinese = split.front_matter.lang.as_deref() == Some("zh");
    let title = &split.front_matter.title;
    let mut all = if chinese {
        chinese::candidates(title, &paragraphs)
    } else {
        english::candidates(title, &paragraphs)
    };
    all.sort_by_key(|c| std::cmp::Reverse(c.score()));
    for c in &all {
        println!(
            "{:30} score {:3} count {:3} title {} lead {} {:?} {:?} forms {:?}",
            c.name,
            c.score(),
            c.count,
            c.in_title,
            c.in_lead,
            c.votes.kind(),
            c.votes,
            c.forms
        );
    }
    for m in discover(title, &paragraphs, chinese) {
        println!("{m:?}");
    }
}
