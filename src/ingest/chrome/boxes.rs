//! Boxes inside the page: the lines between two chrome lines (a newsletter
//! sign-up, a share bar) and the name and pitch above a box's call to
//! action. What they hold passes as prose on its own; its place says it is
//! the box's.

use super::line::Features;
use super::zones::Verdicts;

/// Marks the boxes after the article's first paragraph (`first`):
/// `anchors` are the paragraphs of prose.
pub fn boxes(
    lines: &[String],
    feats: &[Features],
    anchors: &[usize],
    first: usize,
    v: &mut Verdicts,
) {
    let filled: Vec<usize> = (first..lines.len())
        .filter(|&i| !lines[i].is_empty())
        .collect();
    between_chrome(&filled, feats, anchors, v);
    box_heads(&filled, feats, anchors, v);
}

/// Up to three lines between chrome lines (blank lines skipped), none of
/// them a paragraph of prose: the inside of a box (newsletter sign-up).
fn between_chrome(filled: &[usize], feats: &[Features], anchors: &[usize], v: &mut Verdicts) {
    let fits = |i: usize| small(&feats[i]);
    // A rule or a call to action marks a box's edge firmly: then a sentence inside it goes too.
    let firm = |r: Option<&str>| matches!(r, Some("rule" | "prompt"));
    let mut k = 0;
    while k < filled.len() {
        if v[filled[k]].is_none() {
            k += 1;
            continue;
        }
        let run: Vec<usize> = filled[k + 1..]
            .iter()
            .copied()
            .take_while(|&i| v[i].is_none())
            .collect();
        let close = filled.get(k + 1 + run.len()).copied();
        let firm_edge = firm(v[filled[k]]) || close.is_some_and(|c| firm(v[c]));
        let boxed = |i: usize| fits(i) && (firm_edge || !anchors.contains(&i));
        if close.is_some() && !run.is_empty() && run.len() <= 3 && run.iter().all(|&i| boxed(i)) {
            for i in &run {
                v[*i] = Some("box");
            }
        }
        k += 1 + run.len();
    }
}

/// The name and pitch of a sign-up box right above its call to action (`The
/// Brand Brief` / `One campaign, taken apart, every Tuesday.` / `Enter your
/// email`): one or two short lines, none a paragraph of prose, the first
/// no sentence.
fn box_heads(filled: &[usize], feats: &[Features], anchors: &[usize], v: &mut Verdicts) {
    for k in 0..filled.len() {
        if v[filled[k]] != Some("prompt") {
            continue;
        }
        let run: Vec<usize> = filled[..k]
            .iter()
            .rev()
            .copied()
            .take_while(|&i| v[i].is_none() && !anchors.contains(&i))
            .take(MAX_BOX_HEAD + 1)
            .collect();
        let fits = |i: usize| small(&feats[i]);
        // The box opens with its name, not a sentence (an article's last
        // short lines before a sign-up box stay).
        let named = run.last().is_some_and(|&i| !feats[i].sentence);
        if named && (1..=MAX_BOX_HEAD).contains(&run.len()) && run.iter().all(|&i| fits(i)) {
            for i in run {
                v[i] = Some("box");
            }
        }
    }
}

/// Lines of a box's name and pitch above its call to action, at most.
const MAX_BOX_HEAD: usize = 2;

/// A line short enough to be part of a box.
fn small(f: &Features) -> bool {
    f.words <= 20 && f.cjk <= 40
}
