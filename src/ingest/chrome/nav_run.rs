//! Navigation run together with the headline in a wall of text. A page
//! saved on one line puts its site name, menu and section label right before
//! the headline, all capitalised (`Logo & Line Home Analysis Case Files
//! Events Search Case Files One Week in October: …`). The menu is the run of
//! capitalised words, at the start of a part, dense with navigation phrases
//! of the chrome lexicon; a section label repeated from the menu right after
//! it is parted too. Each comes out as a part of its own, so the line judge
//! weighs the menu and the headline apart.

use super::lexicon::Lexicon;

/// Navigation phrases the menu holds at least.
const MIN_NAV: usize = 2;
/// Other words the menu may hold between two navigation phrases (two
/// menu items the lexicon does not know).
const MAX_GAP: usize = 4;
/// Words of a site name before the first navigation phrase, at most.
const MAX_LEAD: usize = 4;

/// `part` with its leading menu (and a section label repeating one of its
/// words) cut off as parts of their own; the part itself when it has none.
pub fn split<'a>(part: &'a str, lex: &Lexicon) -> Vec<&'a str> {
    if let Some((start, end)) = trail(part) {
        let mut out = if start > 0 {
            split(part[..start].trim_end(), lex)
        } else {
            Vec::new()
        };
        out.push(part[start..end].trim());
        out.push(part[end..].trim_start());
        return out;
    }
    let lead = leading_phrase(part, lex);
    if lead > 0 {
        let mut out = vec![part[..lead].trim_end()];
        out.extend(split(part[lead..].trim_start(), lex));
        return out;
    }
    let Some(end) = menu_end(part, lex) else {
        return vec![part];
    };
    let (menu, rest) = part.split_at(end);
    let rest = rest.trim_start();
    let label = repeated_label(menu, rest);
    let mut out = vec![menu.trim_end()];
    if label > 0 {
        out.push(rest[..label].trim_end());
    }
    let rest = rest[label..].trim_start();
    let sub = sub_label(rest);
    if sub > 0 {
        out.push(rest[..sub].trim_end());
    }
    let rest = rest[sub..].trim_start();
    if !rest.is_empty() {
        out.push(rest);
    }
    out
}

/// Bytes of a navigation phrase of the lexicon that opens `part` (`Skip to
/// main content` before the site name and its menu): three words or more,
/// some in lower case (a capitalised menu is `menu_end`'s), with a
/// capitalised word after it; 0 when none does.
fn leading_phrase(part: &str, lex: &Lexicon) -> usize {
    lex.hits(part)
        .into_iter()
        .filter(|h| h.start == 0 && (lex.class(h.class).head || lex.class(h.class).prompt))
        .map(|h| h.end)
        .filter(|&end| {
            let phrase: Vec<&str> = part[..end].split_whitespace().collect();
            let rest = &part[end..];
            phrase.len() >= 3
                && phrase.iter().any(|w| w.starts_with(char::is_lowercase))
                && rest.starts_with(char::is_whitespace)
                && rest.trim_start().starts_with(char::is_uppercase)
        })
        .max()
        .unwrap_or(0)
}

/// Separators of a breadcrumb trail.
const TRAIL_SEPARATORS: &[&str] = &["»", ">", "›", "/", "→"];

/// Where a breadcrumb trail run together with the headline starts and ends (`Home »
/// Security » Incident Response What CrowdStrike’s …`): its last segment is
/// capitalised words up to a capitalised function word, which opens the
/// headline.
fn trail(part: &str) -> Option<(usize, usize)> {
    let ws = words(part);
    let home = ws
        .iter()
        .take(MAX_MENU_WORDS)
        .position(|(_, w)| matches!(*w, "Home" | "Homepage" | "首页" | "首頁"))?;
    let ws = &ws[home..];
    if !ws.get(1).is_some_and(|(_, w)| TRAIL_SEPARATORS.contains(w)) {
        return None;
    }
    let last_sep = ws
        .iter()
        .take(12)
        .rposition(|(_, w)| TRAIL_SEPARATORS.contains(w))?;
    let segment = &ws[last_sep + 1..];
    let stop = segment.iter().enumerate().skip(1).find(|(_, (_, w))| {
        w.starts_with(char::is_uppercase)
            && crate::ingest::meta::keywords_en::is_stopword(&w.to_lowercase())
    });
    let (k, _) = stop?;
    let end = segment[k - 1].0 + segment[k - 1].1.len();
    (segment.len() > k + 2).then_some((ws[0].0, end))
}

/// Words of a menu before a trail, at most.
const MAX_MENU_WORDS: usize = 30;

/// Words with their byte offsets.
fn words(text: &str) -> Vec<(usize, &str)> {
    text.split_whitespace()
        .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
        .collect()
}

fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase) || matches!(word, "&" | "|" | "·" | "/")
}

/// Where the leading menu of `part` ends (byte offset), when it has one and
/// something follows it.
fn menu_end(part: &str, lex: &Lexicon) -> Option<usize> {
    let ws = words(part);
    let hits: Vec<(usize, usize)> = lex
        .hits(part)
        .into_iter()
        .filter(|h| lex.class(h.class).head || lex.class(h.class).prompt)
        .map(|h| (h.start, h.end))
        .collect();
    // The capitalised run: words up to the first lower-case one (not inside
    // a navigation phrase opened by a capital: `Log in`) or one ending in
    // sentence or clause punctuation.
    let in_phrase = |b: usize| {
        hits.iter()
            .any(|&(s, e)| s < b && b < e && part[s..].starts_with(char::is_uppercase))
    };
    let run = ws
        .iter()
        .position(|&(b, w)| {
            !(capitalised(w) || in_phrase(b)) || w.ends_with([':', ',', '.', '?', '!', ';'])
        })
        .unwrap_or(ws.len());
    if run < MIN_NAV + 1 || run == ws.len() {
        return None;
    }
    let run_end = ws[run - 1].0 + ws[run - 1].1.len();
    let nav = hits.into_iter().filter(|&(_, e)| e <= run_end);
    let word_at = |byte: usize| ws.iter().position(|&(b, w)| byte < b + w.len());
    let mut count = 0;
    let mut last_word = None;
    let mut end = None;
    for (start, stop) in nav {
        let (Some(first), Some(last)) = (word_at(start), word_at(stop - 1)) else {
            continue;
        };
        let gap = match last_word {
            None => first,
            Some(prev) => first - prev - 1,
        };
        if gap
            > if last_word.is_none() {
                MAX_LEAD
            } else {
                MAX_GAP
            }
        {
            break;
        }
        count += 1;
        last_word = Some(last);
        end = Some(stop);
    }
    // The headline after the menu keeps at least two words of the run.
    let last = last_word?;
    (count >= MIN_NAV && last + 1 < ws.len()).then_some(end?)
}

/// Bytes of `rest` that open with a section label the menu also holds
/// (`Case Files` after `… Case Files Events Search`): one to three
/// capitalised words, when the headline keeps at least three after them.
fn repeated_label(menu: &str, rest: &str) -> usize {
    let ws = words(rest);
    (1..=3)
        .rev()
        .filter(|&n| ws.len() >= n + 3 && ws[..n].iter().all(|(_, w)| capitalised(w)))
        .find_map(|n| {
            let end = ws[n - 1].0 + ws[n - 1].1.len();
            let label = &rest[..end];
            let (menu, label) = (menu.to_lowercase(), label.to_lowercase());
            let inside = menu
                .match_indices(&label)
                .any(|(at, _)| menu[at + label.len()..].starts_with(char::is_whitespace));
            inside.then_some(end)
        })
        .unwrap_or(0)
}

/// Bytes of `rest` that continue the section path after the menu (`|
/// Crisis Communications` before `Ryanair's Meltdown: …`): a separator and
/// one to three capitalised words, ended by the headline's first word, a
/// capitalised function word or a possessive name (a section label has
/// neither), when the headline keeps at least three words.
fn sub_label(rest: &str) -> usize {
    let ws = words(rest);
    let separator = |w: &str| TRAIL_SEPARATORS.contains(&w) || matches!(w, "|" | "·");
    if !ws.first().is_some_and(|(_, w)| separator(w)) {
        return 0;
    }
    let opens_headline = |w: &str| {
        w.starts_with(char::is_uppercase)
            && (crate::ingest::meta::keywords_en::is_stopword(&w.to_lowercase())
                || w.ends_with("'s")
                || w.ends_with("’s"))
    };
    (2..=4)
        .find(|&k| {
            ws.len() >= k + 3
                && ws[1..k]
                    .iter()
                    .all(|(_, w)| capitalised(w) && !opens_headline(w))
                && opens_headline(ws[k].1)
        })
        .map_or(0, |k| ws[k - 1].0 + ws[k - 1].1.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(part: &str) -> Vec<&str> {
        split(part, Lexicon::embedded().unwrap())
    }

    #[test]
    fn a_menu_and_its_repeated_label_part_from_the_headline() {
        assert_eq!(
            cut("Logo & Line Home Analysis Case Files Events Newsletter Search Case Files One Week in October: What a Logo Teaches"),
            vec![
                "Logo & Line Home Analysis Case Files Events Newsletter Search",
                "Case Files",
                "One Week in October: What a Logo Teaches"
            ]
        );
    }

    #[test]
    fn a_section_path_after_the_menu_parts_at_the_headlines_first_word() {
        assert_eq!(
            cut("AIR DESK Home News Airlines Opinion Newsletter Opinion | Crisis Desk Acme's Long Week: How a Roster Broke"),
            vec![
                "AIR DESK Home News Airlines Opinion Newsletter Opinion",
                "| Crisis Desk",
                "Acme's Long Week: How a Roster Broke"
            ]
        );
    }

    #[test]
    fn a_skip_link_before_the_menu_parts_first() {
        assert_eq!(
            cut("Skip to main content Logo & Line Home Case Files Brand Crises Events Search Case Files One Week in October: What a Logo Teaches"),
            vec![
                "Skip to main content",
                "Logo & Line Home Case Files Brand Crises Events Search",
                "Case Files",
                "One Week in October: What a Logo Teaches"
            ]
        );
    }

    #[test]
    fn a_lower_case_word_of_a_menu_phrase_stays_in_the_menu() {
        assert_eq!(
            cut("BrandWire Strategy Campaigns Media Jobs Log in Subscribe STRATEGY Red Bull Sells the Jump"),
            vec![
                "BrandWire Strategy Campaigns Media Jobs Log in Subscribe",
                "STRATEGY",
                "Red Bull Sells the Jump"
            ]
        );
    }

    #[test]
    fn a_trail_run_into_the_headline_parts_from_it() {
        assert_eq!(
            cut("Newsletters Events Log in Subscribe Home » Security » Incident Response What a bad update teaches about failure"),
            vec![
                "Newsletters Events Log in Subscribe",
                "Home » Security » Incident Response",
                "What a bad update teaches about failure"
            ]
        );
    }

    #[test]
    fn prose_and_lone_navigation_words_stay_whole() {
        for part in [
            "Apple News and Apple Music grew fast in the year after the launch.",
            "Home Depot opened three stores in the spring of that year.",
            "Business Insider said the company would cut prices.",
        ] {
            assert_eq!(cut(part), vec![part]);
        }
    }
}
