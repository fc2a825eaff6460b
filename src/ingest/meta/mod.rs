//! Metadata of a cleaned article: category, tags, summary, key points, dates.
//!
//! Interface used by `ingest` (keep these signatures): `extract(&MetaInput) -> Metadata`.

use crate::content::front_matter::DateMention;

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

pub fn extract(_input: &MetaInput) -> Metadata {
    Metadata {
        category: "marketing-lessons".into(),
        ..Default::default()
    }
}
