//! Names no dictionary knows, found by how the text uses them: a run of two
//! to four Chinese characters that the article writes again and again, in
//! varied surroundings (several different characters before and after it),
//! that jieba neither knows as a word nor reads as words it knows put
//! together (`小米手机`), and that no longer such run contains (`蕉下`, `库迪`,
//! `珀莱雅`, `汪滔`). Brand names jieba cuts into common words
//! are the case this is for; the kind of name is left to the cues around it.

use std::collections::{HashMap, HashSet};

use crate::text::is_cjk;

/// Occurrences a run needs.
const MIN_COUNT: usize = 4;
/// Different neighbours a run needs on each side.
const MIN_NEIGHBOURS: usize = 3;
/// Longest and shortest run, in characters.
const MAX_CHARS: usize = 4;
const MIN_CHARS: usize = 2;
/// Share of a run's occurrences a longer run must have to contain it.
const CONTAINED_SHARE: f64 = 0.7;
/// Characters a name neither starts nor ends with: particles, pronouns,
/// adverbs and measure words (`次选择` of `这次选择`).
const EDGE_CHARS: &str =
    "的了是在和与或被把让给对从到为以于之也就都而及这那其个一不有很更最又还将并但次句位种些款条件只";

/// Counts and neighbours of one run.
#[derive(Default)]
struct Uses {
    count: usize,
    before: HashSet<char>,
    after: HashSet<char>,
    /// Occurrences at the start or end of a run of Chinese: each is a
    /// different neighbour (punctuation, Latin, a line break).
    open_before: usize,
    open_after: usize,
}

impl Uses {
    fn neighbours(&self) -> (usize, usize) {
        (
            self.before.len() + self.open_before,
            self.after.len() + self.open_after,
        )
    }
}

/// Every name-like run of `text` (Simplified) with how often it stands
/// there, most frequent first.
pub fn recurring_names(text: &str) -> Vec<(String, usize)> {
    let mut uses: HashMap<String, Uses> = HashMap::new();
    for run in text.split(|c: char| !is_cjk(c)).filter(|r| !r.is_empty()) {
        let chars: Vec<char> = run.chars().collect();
        for n in MIN_CHARS..=MAX_CHARS {
            for (i, w) in chars.windows(n).enumerate() {
                let u = uses.entry(w.iter().collect()).or_default();
                u.count += 1;
                match i.checked_sub(1).map(|k| chars[k]) {
                    Some(c) => _ = u.before.insert(c),
                    None => u.open_before += 1,
                }
                match chars.get(i + n) {
                    Some(&c) => _ = u.after.insert(c),
                    None => u.open_after += 1,
                }
            }
        }
    }
    let jieba = crate::text::jieba();
    let found: Vec<(String, usize)> = uses
        .into_iter()
        .filter(|(run, u)| {
            let (before, after) = u.neighbours();
            u.count >= MIN_COUNT
                && before >= MIN_NEIGHBOURS
                && after >= MIN_NEIGHBOURS
                && !run.starts_with(|c| EDGE_CHARS.contains(c))
                && !run.ends_with(|c| EDGE_CHARS.contains(c))
                && !jieba.has_word(run)
                && !phrase_of_known_words(&jieba, run)
        })
        .map(|(run, u)| (run, u.count))
        .collect();
    let mut names: Vec<(String, usize)> = found
        .iter()
        .filter(|(run, count)| {
            !found.iter().any(|(other, n)| {
                other.len() > run.len()
                    && other.contains(run.as_str())
                    && *n as f64 >= CONTAINED_SHARE * *count as f64
            })
        })
        .cloned()
        .collect();
    names.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    names
}

/// jieba frequency above which a word is everyday language.
const COMMON_FREQ: usize = 1000;

/// A phrase of words jieba knows, no name: known words of two characters or
/// more put together (`小米手机`), or one character before an everyday word
/// (`好产品`, `要做`). A new name has a piece jieba cannot read (`蕉`+`下`).
fn phrase_of_known_words(jieba: &jieba_rs::Jieba, run: &str) -> bool {
    let words = jieba.cut(run, false);
    let compound = words.len() > 1
        && words
            .iter()
            .all(|w| w.word.chars().count() >= 2 && jieba.has_word(w.word));
    let modified = matches!(words.as_slice(), [head, tail]
        if head.word.chars().count() == 1
            && tail.word.chars().count() >= 2
            && jieba.suggest_freq(tail.word) > COMMON_FREQ);
    compound || modified
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_brand_jieba_does_not_know_is_found_by_its_uses() {
        let text = "十年前，蕉下只是一把小黑伞。后来蕉下开始做防晒衣，蕉下的门店越开越多。\
                    有人说蕉下会上市，也有人说，蕉下靠的是营销。品牌的故事还在继续。";
        let names = recurring_names(text);
        assert_eq!(
            names.first().map(|(n, _)| n.as_str()),
            Some("蕉下"),
            "{names:?}"
        );
        assert!(
            !names.iter().any(|(n, _)| n == "品牌" || n == "营销"),
            "{names:?}"
        );
        let phone = "小米手机卖得好，买小米手机的人多，小米手机便宜，人人都说小米手机。";
        assert!(
            recurring_names(phone).is_empty(),
            "{:?}",
            recurring_names(phone)
        );
        let good =
            "好产品是口碑的发动机。没有好产品，就没有口碑；有了好产品，用户自然来，好产品会说话。";
        assert!(
            recurring_names(good).is_empty(),
            "{:?}",
            recurring_names(good)
        );
    }

    #[test]
    fn a_run_always_in_the_same_words_is_no_name() {
        let text = "这次选择很难。这次选择很难。这次选择很难。这次选择很难。";
        assert!(recurring_names(text).is_empty());
    }
}
