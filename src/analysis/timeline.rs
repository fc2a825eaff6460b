//! The timeline: dates found in case studies, in order, each with its page
//! and the sentence it came from.

use serde::Serialize;

use crate::content::{Library, PageKind};

#[derive(Debug, Clone, Serialize)]
pub struct TimelineEntry {
    /// `2012`, `2012-05` or `2012-05-18`.
    pub date: String,
    pub year: String,
    pub sentence: String,
    #[serde(skip)]
    pub page: usize,
}

/// All dates of all case studies, oldest first; same date keeps page order.
pub fn timeline(lib: &Library) -> Vec<TimelineEntry> {
    let mut out: Vec<TimelineEntry> = lib
        .pages
        .iter()
        .enumerate()
        .filter(|(_, p)| p.kind == PageKind::CaseStudy)
        .flat_map(|(i, p)| {
            p.meta.dates.iter().map(move |d| TimelineEntry {
                date: d.date.clone(),
                year: d.date.chars().take(4).collect(),
                sentence: d.sentence.clone(),
                page: i,
            })
        })
        .collect();
    out.sort_by(|a, b| a.date.cmp(&b.date).then(a.page.cmp(&b.page)));
    out
}
