//! The block above the article that holds the headline: the byline or
//! dateline under it, a headline a wall of text cut in two, and lines that
//! only repeat a clause of the text.

use super::{section_path, title_case, Candidate, Source};
use crate::ingest::chrome::Chrome;

/// A line that stands again inside a paragraph, continuing a sentence there,
/// is a clause the scraper copied out of it (`每天后台自动回复量是28000条`
/// above `…，每天后台自动回复量是28000条，…`), not a headline; a headline
/// the article quotes (`said “Don't buy this jacket.”`) stays one.
pub(super) fn inside_prose(text: &str, lines: &[String]) -> bool {
    let n = text.chars().count();
    lines.iter().any(|l| {
        l.chars().count() > 2 * n
            && l.match_indices(text).any(|(at, _)| {
                l[..at]
                    .trim_end()
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_alphanumeric() || "，,、；;".contains(c))
            })
    })
}

/// `Red Bull Doesn’t Sell a Drink.` / `It Sells the Jump` above the byline:
/// a headline of two sentences that a wall of text was cut into. The second
/// is short, capitalised and unpunctuated, and the byline or the article
/// follows it; the first ends a sentence.
pub(super) fn join_second_sentence(cands: &mut [Candidate], lines: &[String], chrome: &Chrome) {
    for c in cands.iter_mut() {
        let Source::Line(i) = c.source else { continue };
        let (Some(second), Some(after)) = (lines.get(i + 1), lines.get(i + 2)) else {
            continue;
        };
        let words: Vec<&str> = second.split_whitespace().collect();
        let capitalised = words.iter().all(|w| {
            w.chars().filter(|c| c.is_alphabetic()).count() < 4 || w.starts_with(char::is_uppercase)
        });
        let joins = c.text.ends_with(['.', '?', '!'])
            && title_case(&c.text)
            && (2..=8).contains(&words.len())
            && capitalised
            && !second.ends_with(['.', '?', '!', ',', ':', ';'])
            && (chrome.is_byline(after) || chrome.is_anchor(after));
        if joins {
            c.text = format!("{} {second}", c.text);
        }
    }
}

/// What a headline gains by standing right above the byline or dateline.
pub(super) const ABOVE_BYLINE: f64 = 1.5;

/// The lines that head a byline: walking up from a byline or dateline over
/// the lines of its block (the headline, its dek, the writer's name; at most
/// three, up to chrome or a section path), the top one, when it can be a
/// title (`valid`). A bio under the writer's name is not at the top.
pub(super) fn byline_heads(lines: &[String], valid: &[usize], chrome: &Chrome) -> Vec<usize> {
    let filled: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].is_empty()).collect();
    let stop = |l: &str| chrome.is_chrome_line(l, true) || section_path(l);
    let mut heads = Vec::new();
    for (k, &j) in filled.iter().enumerate() {
        if !chrome.is_byline(&lines[j]) {
            continue;
        }
        let top = filled[..k]
            .iter()
            .rev()
            .take(3)
            .take_while(|&&i| !stop(&lines[i]))
            .last();
        heads.extend(top.filter(|i| valid.contains(i)));
    }
    heads
}
