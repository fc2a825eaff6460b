//! Chinese names that a machine translation rendered word by word: `Fast
//! Hand` for 快手 (Kuaishou), `Sky Cat` for 天猫 (Tmall), `Horse Huateng` for
//! 马化腾 (Ma Huateng). The rule tables can only list the literals someone has
//! seen; this finds new ones by translating back. Every known Chinese name
//! (the CC-CEDICT companies and people, and `data/ingest/mt/names_zh.txt`) is
//! read as a row of units, each a character or a two-character word, and each
//! unit as either one of its dictionary senses (`data/cedict/glosses.u8`) or
//! its pinyin. A Title Case run of an English line whose words spell such a
//! row, with at least one unit translated rather than romanised, is that
//! name: it becomes the name's English form.
//!
//! Not searched: lines that are all Title Case (headlines), runs that are
//! only part of a longer capitalised name, accepted English names (`Little
//! Red Book`), names a dictionary knows in English, and articles with no
//! sign of China; where two names fit one run and neither is named elsewhere
//! in the article, the run stays. A literal found in running text is then
//! replaced wherever else it stands, headlines included.

mod names;

use std::sync::LazyLock;

use super::super::meta::keywords_en::is_stopword;
use super::super::report::Report;
use crate::text::names::NameMatcher;
use names::{index, stem, Index, Name};

/// Report rule name.
const RULE: &str = "mt:literal-name";
/// Words a literal may leave after it inside one capitalised run (`Fast Hand
/// App`): they are the translator's own, not part of the name.
const TRAILING: &[&str] = &[
    "app",
    "apps",
    "group",
    "company",
    "inc",
    "co",
    "corp",
    "platform",
    "mall",
    "store",
    "video",
    "live",
    "ceo",
    "founder",
    "chairman",
    "food",
    "foods",
    "beverage",
    "beverages",
    "technology",
    "technologies",
    "tech",
    "holdings",
    "motors",
    "electronics",
    "brand",
    "official",
    "stores",
];
/// Words a capitalised run may start with before a literal (`The Sky Cat`).
const LEADING: &[&str] = &["the", "a", "an", "and", "but", "on", "in", "at", "of", "by"];
/// Words of an article that show it is about China.
const CHINA_CUES: &[&str] = &[
    "china",
    "chinese",
    "beijing",
    "shanghai",
    "shenzhen",
    "hangzhou",
    "guangzhou",
    "yuan",
    "rmb",
    "weibo",
    "wechat",
    "taobao",
    "alibaba",
    "tencent",
];

/// A word of a line: its byte range, where it ends with a possessive
/// (`Today's`), and its stem.
struct Word {
    start: usize,
    end: usize,
    tail: usize,
    stem: String,
    capital: bool,
}

fn words(line: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start = None;
    let mut skip_to = 0;
    for (i, c) in line
        .char_indices()
        .chain(std::iter::once((line.len(), ' ')))
    {
        if i < skip_to {
            continue;
        }
        match (c.is_ascii_alphabetic(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                let w = &line[s..i];
                let tail = ["'s", "’s"]
                    .iter()
                    .find(|p| {
                        line[i..].starts_with(**p)
                            && !line[i + p.len()..].starts_with(|c: char| c.is_alphanumeric())
                    })
                    .map_or(i, |p| i + p.len());
                out.push(Word {
                    start: s,
                    end: i,
                    tail,
                    stem: stem(w),
                    capital: w.starts_with(|c: char| c.is_ascii_uppercase()),
                });
                skip_to = tail;
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// Capitalised runs: words joined by one space or hyphen.
fn runs(line: &str, words: &[Word]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if !words[i].capital {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < words.len()
            && words[j].capital
            && matches!(&line[words[j - 1].tail..words[j].start], " " | "-")
        {
            j += 1;
        }
        out.push(i..j);
        i = j;
    }
    out
}

/// How a name was read so far: units translated, units romanised and the
/// letters of the romanised words.
#[derive(Clone, Copy, Default)]
struct Reading {
    translated: usize,
    romanised: usize,
    pinyin_letters: usize,
}

impl Reading {
    /// A literal translates a unit, and is not mostly short romanised words
    /// (`Many Mi` is Xiaomi's fans, not 几米).
    fn is_literal(self) -> bool {
        self.translated > 0 && (self.translated > self.romanised || self.pinyin_letters >= 4)
    }
}

impl Index {
    /// Where name `n` read from unit `unit` on can end, starting at word `at`.
    fn ends(&self, n: &Name, unit: usize, words: &[Word], at: usize, read: Reading) -> Vec<usize> {
        if unit == n.chars.len() {
            return if read.is_literal() {
                vec![at]
            } else {
                Vec::new()
            };
        }
        let Some(word) = words.get(at) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for len in 1..=(n.chars.len() - unit).min(3) {
            let pinyin = n.syllables[unit..unit + len].concat();
            if word.stem == stem(&pinyin) {
                let next = Reading {
                    romanised: read.romanised + 1,
                    pinyin_letters: read.pinyin_letters + pinyin.len(),
                    ..read
                };
                out.extend(self.ends(n, unit + len, words, at + 1, next));
            }
        }
        for len in 1..=(n.chars.len() - unit).min(2) {
            let head = n.chars[unit..unit + len].concat();
            for sense in self.glosses.get(head.as_str()).into_iter().flatten() {
                if let Some(used) = spelled(sense, &words[at..]) {
                    let next = Reading {
                        translated: read.translated + 1,
                        ..read
                    };
                    out.extend(self.ends(n, unit + len, words, at + used, next));
                }
            }
        }
        if unit > 0 && self.particles.contains(&n.chars[unit].as_str()) {
            out.extend(self.ends(n, unit + 1, words, at, read));
        }
        out
    }
}

/// How many of `words` spell `sense`: word for word, or a one-word sense
/// written as two (`Micro Blog` for `microblog`).
fn spelled(sense: &[String], words: &[Word]) -> Option<usize> {
    if words.len() >= sense.len() && sense.iter().zip(words).all(|(s, w)| *s == w.stem) {
        return Some(sense.len());
    }
    let [one] = sense else { return None };
    let [a, b, ..] = words else { return None };
    let joined = stem(&format!("{}{}", a.stem, b.stem));
    (a.stem.len() > 1 && joined == *one).then_some(2)
}

/// The English name for the literal at `words[at..end]`, if one name fits.
fn english_for<'a>(ix: &Index, found: &[&'a Name], literal: &str, whole: &str) -> Option<&'a str> {
    let lower = literal.to_lowercase();
    if ix.known.contains(&lower) {
        return None;
    }
    // The run is (part of) an accepted English name of one of them.
    if found
        .iter()
        .any(|n| n.accepted.iter().any(|a| a.contains(&lower)))
    {
        return None;
    }
    let mut english: Vec<&str> = found.iter().map(|n| n.english.as_str()).collect();
    english.sort_unstable();
    english.dedup();
    if english.len() > 1 {
        english.retain(|e| names_word(whole, e));
    }
    (english.len() == 1).then(|| english[0])
}

/// Replaces the literal names of the article's lines; `whole` is the
/// article. Headline lines (Title Case, where every word is capitalised) are
/// not searched, and a capitalised run is only searched whole; a literal
/// found in the running text is then replaced wherever else it stands (in
/// the headline, inside a longer run).
pub fn fix_lines(lines: Vec<String>, whole: &str, report: &mut Report) -> Vec<String> {
    let ix = index();
    let mut found: Vec<(String, &str)> = Vec::new();
    let mut out: Vec<Option<String>> = Vec::with_capacity(lines.len());
    for line in &lines {
        let words = words(line);
        if is_headline(line, &words) {
            out.push(None);
            continue;
        }
        let mut fixed = String::new();
        let mut copied = 0;
        for run in runs(line, &words) {
            let Some((at, end, english)) = literal_in(ix, line, &words, run, whole) else {
                continue;
            };
            let literal = &line[words[at].start..words[end - 1].end];
            fixed.push_str(&line[copied..words[at].start]);
            fixed.push_str(english);
            copied = words[end - 1].end;
            report.add(RULE, 1, format!("{literal} → {english}"));
            found.push((literal.to_string(), english));
        }
        fixed.push_str(&line[copied..]);
        out.push(Some(fixed));
    }
    let literals: Vec<&str> = found.iter().map(|(l, _)| l.as_str()).collect();
    let matcher = NameMatcher::literal(&literals).filter(|_| !found.is_empty());
    lines
        .into_iter()
        .zip(out)
        .map(|(line, fixed)| {
            let line = fixed.unwrap_or(line);
            match &matcher {
                Some(m) => replace_found(&line, m, &found, report),
                None => line,
            }
        })
        .collect()
}

/// A line whose every lower-case word is a function word (`How Fast Hand
/// Won The Market`, `Lessons of the Sky Cat`): Title Case, where a capital
/// says nothing of a name.
fn is_headline(line: &str, words: &[Word]) -> bool {
    words
        .iter()
        .filter(|w| !w.capital)
        .all(|w| is_stopword(&line[w.start..w.end]))
}

/// `line` with every literal of `found` that `m` finds replaced.
fn replace_found(
    line: &str,
    m: &NameMatcher,
    found: &[(String, &str)],
    report: &mut Report,
) -> String {
    let mut out = String::new();
    let mut copied = 0;
    for f in m.find(line) {
        let english = found[f.pattern].1;
        out.push_str(&line[copied..f.start]);
        out.push_str(english);
        copied = f.end;
        report.add(RULE, 1, format!("{} → {english}", &line[f.start..f.end]));
    }
    out.push_str(&line[copied..]);
    out
}

fn literal_in<'a>(
    ix: &'a Index,
    line: &str,
    words: &[Word],
    run: std::ops::Range<usize>,
    whole: &str,
) -> Option<(usize, usize, &'a str)> {
    let first = &words[run.start];
    let skippable = LEADING.contains(&first.stem.as_str()) || opens_sentence(&line[..first.start]);
    let start_ok = |at: usize| at == run.start || (at == run.start + 1 && skippable);
    let end_ok = |end: usize| {
        words[end..run.end]
            .iter()
            .all(|w| TRAILING.contains(&w.stem.as_str()))
    };
    for at in run.clone().filter(|&a| start_ok(a)) {
        let mut best: Option<(usize, Vec<&Name>)> = None;
        for &i in ix.by_first.get(&words[at].stem).into_iter().flatten() {
            let n = &ix.names[i];
            for end in ix.ends(n, 0, &words[..run.end], at, Reading::default()) {
                if end - at < 2 || !end_ok(end) {
                    continue;
                }
                match &mut best {
                    Some((e, list)) if *e == end => list.push(n),
                    Some((e, _)) if *e > end => {}
                    _ => best = Some((end, vec![n])),
                }
            }
        }
        if let Some((end, found)) = best {
            let literal = &line[words[at].start..words[end - 1].end];
            return english_for(ix, &found, literal, whole).map(|e| (at, end, e));
        }
    }
    None
}

/// Whether `text` names `name` as whole words.
fn names_word(text: &str, name: &str) -> bool {
    NameMatcher::literal(&[name]).is_some_and(|m| !m.find(text).is_empty())
}

/// Whether a word after `before` opens a sentence (`Today Fast Hand is…`).
fn opens_sentence(before: &str) -> bool {
    let before = before
        .trim_end_matches(['"', '“', '\'', '‘', '('])
        .trim_end();
    before.is_empty() || before.ends_with(['.', '!', '?', ':', ';'])
}

/// Whether the article says anything of China.
pub fn about_china(whole: &str) -> bool {
    static CUES: LazyLock<Option<NameMatcher>> = LazyLock::new(|| NameMatcher::literal(CHINA_CUES));
    whole.chars().any(crate::text::is_cjk)
        || CUES.as_ref().is_some_and(|m| !m.find(whole).is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(line: &str) -> String {
        let whole = format!("{line} China");
        fix_lines(vec![line.to_string()], &whole, &mut Report::default()).remove(0)
    }

    #[test]
    fn a_literal_found_in_the_text_is_replaced_in_the_headline_too() {
        let lines = vec![
            "How Spell Many Many Won The Market".to_string(),
            "In 2015 Huang Zheng founded Spell Many Many in Shanghai.".to_string(),
        ];
        let got = fix_lines(lines, "China", &mut Report::default());
        assert_eq!(got[0], "How Pinduoduo Won The Market");
        assert_eq!(got[1], "In 2015 Huang Zheng founded Pinduoduo in Shanghai.");
    }

    #[test]
    fn literal_names_are_translated_back() {
        assert_eq!(
            fixed("Users of Fast Hand and Trembling Sound spend hours a day on the apps."),
            "Users of Kuaishou and Douyin spend hours a day on the apps."
        );
        assert_eq!(
            fixed("Shoppers on Sky Cat bought more than ever, said Horse Huateng."),
            "Shoppers on Tmall bought more than ever, said Ma Huateng."
        );
    }

    #[test]
    fn accepted_names_headlines_and_longer_names_stay() {
        for line in [
            "Many young women post reviews on Little Red Book every week.",
            "Fast Hand And Trembling Sound Fight For Users",
            "Lessons of the Sky Cat",
            "They met at the Fast Hand Steakhouse Grill near the station.",
        ] {
            assert_eq!(fixed(line), line);
        }
    }

    #[test]
    fn dictionary_senses_particles_and_split_words_count() {
        for (line, want) in [
            // 出行 "travel", a sense beside the dictionary's.
            (
                "Drip Drip Travel was founded in Beijing in 2012.",
                "DiDi was founded in Beijing in 2012.",
            ),
            // 微博 "microblog" written as two words.
            (
                "He posted it on Micro Blog late at night.",
                "He posted it on Weibo late at night.",
            ),
            // A sentence's first capital is not part of the name.
            (
                "Today Fast Hand is no longer a rural app.",
                "Today Kuaishou is no longer a rural app.",
            ),
            // The translated given name, the romanised surname.
            (
                "The founder He Enjoys Health built it up.",
                "The founder He Xiangjian built it up.",
            ),
        ] {
            assert_eq!(fixed(line), want);
        }
    }

    #[test]
    fn real_english_names_and_short_romanisations_stay() {
        for line in [
            "The company sells more in the United States than at home.",
            "Many Mi fans queued for the phone in the rain.",
            "In June the company cut prices again.",
        ] {
            assert_eq!(fixed(line), line);
        }
    }

    #[test]
    fn articles_without_china_are_left_alone() {
        assert!(!about_china("The Fast Hand diner in Ohio opened in 1962."));
        assert!(about_china("Its users in China spend hours on it."));
    }
}
