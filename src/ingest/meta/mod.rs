//! Metadata of a cleaned article: category, tags, summary, key points, dates.
//!
//! Interface used by `ingest` (keep these signatures): `extract(&MetaInput) -> Metadata`.
//! The bilingual alias table behind tags is public (`aliases`) so search can
//! expand queries across languages.

pub mod aliases;
pub mod categories;
pub mod centrality;
pub mod dates;
pub mod keywords_en;
pub mod keywords_zh;
pub mod names;
pub mod people;
pub mod recurring;
pub mod sentences;
pub mod summary;
pub mod tags;
pub(crate) mod verbs_en;

use crate::content::front_matter::DateMention;

pub use aliases::{alias_groups, canonical_of, AliasGroup};

/// A cleaned article, as plain text.
#[derive(Debug, Clone, Copy)]
pub struct MetaInput<'a> {
    pub title: &'a str,
    /// `en` or `zh`.
    pub lang: &'a str,
    /// Clean paragraphs (plain text, no Markdown), in order, headings excluded.
    pub paragraphs: &'a [String],
    /// Clean headings (plain text), in order.
    pub headings: &'a [String],
}

impl MetaInput<'_> {
    /// Calls `f` with an article made of `title`, `lang` and `body`
    /// paragraphs and no headings (unit tests of the metadata steps).
    #[cfg(test)]
    pub(crate) fn with<R>(
        title: &str,
        lang: &str,
        body: &[&str],
        f: impl FnOnce(&MetaInput) -> R,
    ) -> R {
        let paragraphs: Vec<String> = body.iter().map(|s| s.to_string()).collect();
        f(&MetaInput {
            title,
            lang,
            paragraphs: &paragraphs,
            headings: &[],
        })
    }
}

/// What `extract` finds.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Metadata {
    /// One of `marketing-lessons`, `brand-crises`, `founder-ip`.
    pub category: String,
    /// Score per category slug, for the cleaning report.
    pub category_scores: Vec<(String, f64)>,
    /// 5–10 canonical tags.
    pub tags: Vec<String>,
    /// 1–2 extractive sentences.
    pub summary: String,
    /// 3 extractive sentences.
    pub key_points: Vec<String>,
    /// Years and dates mentioned, in text order, with their sentence.
    pub dates: Vec<DateMention>,
}

/// A keyword candidate from an extractor, before canonicalisation.
#[derive(Debug, Clone, PartialEq)]
pub struct Keyword {
    pub term: String,
    pub score: f64,
}

/// Category, tags, summary, key points and dates of one article.
pub fn extract(input: &MetaInput) -> Metadata {
    let chinese = is_chinese(input);
    let sentences = sentences::article_sentences(input.paragraphs);
    let category_scores = categories::score(input);
    let category = categories::choose(&category_scores);
    let tags = tags::extract_tags(input, chinese);
    let digest = summary::digest(&sentences, &tags, chinese);
    Metadata {
        category,
        category_scores,
        tags,
        summary: digest.summary,
        key_points: digest.key_points,
        dates: dates::extract_dates(&sentences),
    }
}

/// Chinese extraction when the article says `zh`, or says nothing and looks Chinese.
fn is_chinese(input: &MetaInput) -> bool {
    match input.lang {
        "zh" => true,
        "en" => false,
        _ => input
            .paragraphs
            .iter()
            .any(|p| crate::text::detect_lang(p) == "zh"),
    }
}
