//! What a site says about itself beside the article: the `About …` box
//! that closes a page and the slogan under the site's name.

use super::line::Features;
use super::zones::Verdicts;
use super::Chrome;

/// `About Halvorsen Retail Institute` after the article: a press release's or
/// a site's description of a company, up to the next chrome line or the end,
/// when it is no longer than three lines, in the second half of the page.
pub fn about_boxes(lines: &[String], feats: &[Features], first: usize, v: &mut Verdicts) {
    for i in first..lines.len() {
        let line = lines[i].trim();
        let name = line
            .strip_prefix("About ")
            .or_else(|| line.strip_prefix("关于"))
            .or_else(|| line.strip_prefix("關於"));
        let header = name.is_some_and(|n| {
            let words: Vec<&str> = n.split_whitespace().collect();
            (1..=6).contains(&words.len())
                && words
                    .iter()
                    .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase()))
                || crate::text::has_cjk(n) && n.chars().count() <= 12
        });
        // Such a box closes a page: only its second half is looked at.
        if !header || feats[i].sentence || i * 2 < lines.len() {
            continue;
        }
        let body: Vec<usize> = (i + 1..lines.len())
            .take_while(|&j| v[j].is_none())
            .filter(|&j| !lines[j].is_empty())
            .collect();
        let ends = body.last().map_or(i, |&j| j) + 1;
        let closed = ends >= lines.len() || (ends..lines.len()).any(|k| v[k].is_some());
        if body.len() <= 3
            && closed
            && body
                .iter()
                .all(|&j| feats[j].words <= 60 && feats[j].cjk <= 120)
        {
            v[i] = Some("about");
            for j in body {
                v[j] = Some("about");
            }
        }
    }
}

/// What opens a line that names the site (`Discover more from Brand Autopsy`).
const SITE_LINE_OPENERS: &[&str] = &[
    "Discover more from ",
    "More from ",
    "About ",
    "关于",
    "關於",
];

/// `The Shelf Notes` / `Brands, shelves and the stories that sell them`: a
/// short line (not prose) right below a line that names the site is its
/// slogan.
pub fn slogans(chrome: &Chrome, lines: &[String], feats: &[Features], v: &mut Verdicts) {
    let filled: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].is_empty()).collect();
    for pair in filled.windows(2) {
        let (site, next) = (pair[0], pair[1]);
        let line = lines[site].trim();
        let name = SITE_LINE_OPENERS
            .iter()
            .find_map(|o| line.strip_prefix(o))
            .unwrap_or(line);
        let f = &feats[next];
        let short = f.words <= 15 && f.cjk <= 30 && !chrome.is_anchor(&lines[next]);
        if v[next].is_none() && short && chrome.is_exact_site_name(name) {
            v[next] = Some("slogan");
        }
    }
}
