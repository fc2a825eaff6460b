//! Chinese people named beside a founder cue or a founding verb
//! (`创始人张俊杰表示`, `林敏雄创办`, `由张红超在1997年创办`), which jieba
//! tags as common words when it does not know them: read character by
//! character around the cue.

use std::sync::LazyLock;

use super::lexicon::lexicon;
use crate::text::is_cjk;
use crate::text::names::NameMatcher;

/// People named right after a founder cue (`创始人张俊杰表示`), right
/// before a founding verb (`林敏雄创办`) or after the `由` that leads to one
/// (`由张红超在1997年创办`): a common surname and one or two more
/// characters, the name ending where a character that follows names in a
/// sentence (`表`, `说`, `在`) or a word (`相信`) starts. jieba tags such
/// names as common words when it does not know them.
pub fn cued_people(text: &str) -> Vec<(String, bool)> {
    static CUES: LazyLock<Option<(NameMatcher, NameMatcher)>> = LazyLock::new(|| {
        let lex = lexicon();
        Some((
            NameMatcher::literal(&lex.founder_cues_zh)?,
            NameMatcher::literal(&lex.founding_verbs_zh)?,
        ))
    });
    let Some((cues, verbs)) = CUES.as_ref() else {
        return Vec::new();
    };
    let scan = Scan {
        text,
        chars: text.chars().collect(),
        lex: lexicon(),
    };
    let char_at = |byte: usize| text[..byte].chars().count();
    // (where the cue stands, name, founding cue), in text order.
    let mut found = Vec::new();
    for f in cues.find(text) {
        let cue = &text[f.start..f.end];
        let founding = scan
            .lex
            .founding_cues_zh
            .iter()
            .any(|c| cue.starts_with(c.as_str()));
        found.extend(
            scan.name_from(char_at(f.end))
                .map(|n| (f.start, n, founding)),
        );
    }
    for f in verbs.find(text) {
        let at = char_at(f.start);
        found.extend(scan.name_before(at).map(|n| (f.start, n, true)));
        let agent = scan.agent_before(at).and_then(|by| scan.name_from(by + 1));
        found.extend(agent.map(|n| (f.start, n, true)));
    }
    found.sort_by_key(|(at, _, _)| *at);
    found
        .into_iter()
        .filter(|(_, n, _)| super::chinese::acceptable(n))
        .map(|(_, n, founding)| (n, founding))
        .collect()
}

/// jieba dictionary frequency of a word that a name's third character
/// would start (`相信`) above which the name has two characters.
const EVERYDAY_WORD_FREQ: usize = 5000;
/// Characters before a founding verb searched for its `由`.
const AGENT_WINDOW: usize = 14;

/// A Chinese text read character by character around its cues.
struct Scan<'a> {
    text: &'a str,
    chars: Vec<char>,
    lex: &'static super::lexicon::Lexicon,
}

impl Scan<'_> {
    fn inner(&self, at: usize) -> bool {
        self.chars
            .get(at)
            .is_some_and(|&c| is_cjk(c) && !self.lex.never_in_name_zh.contains(c))
    }

    fn last(&self, at: usize) -> bool {
        self.inner(at) && !self.lex.after_name_zh.contains(self.chars[at])
    }

    fn surname(&self, at: usize) -> bool {
        self.chars
            .get(at)
            .is_some_and(|&c| self.lex.is_surname_zh(c))
    }

    fn name_from(&self, from: usize) -> Option<String> {
        if !self.surname(from) || !self.inner(from + 1) {
            return None;
        }
        let end = if self.three_characters(from) {
            from + 3
        } else {
            from + 2
        };
        Some(self.chars[from..end].iter().collect())
    }

    /// Whether the name at `from` has three characters: a known name of
    /// two or three decides; else the text's other mentions (the three
    /// written again, or the two written before another character); else
    /// two when the third character follows names (`王兴在`) or starts an
    /// everyday word (`张勇相信`); else three, as most names have.
    fn three_characters(&self, from: usize) -> bool {
        let two: String = self.chars[from..from + 2].iter().collect();
        let Some(third) = self.chars.get(from + 2).copied() else {
            return false;
        };
        let three = format!("{two}{third}");
        let known = |n: &str| super::cedict::lookup(n).is_some_and(|e| e.person);
        if known(&three) || known(&two) {
            return known(&three);
        }
        let threes = self.text.matches(three.as_str()).count();
        let twos_apart = self.text.matches(two.as_str()).count() - threes;
        if threes >= 2 || twos_apart > 0 {
            return threes >= 2;
        }
        let word: String = self.chars.iter().skip(from + 2).take(2).collect();
        let everyday = word.chars().count() == 2
            && crate::text::jieba().suggest_freq(&word) >= EVERYDAY_WORD_FREQ;
        self.last(from + 2) && !everyday
    }

    fn name_before(&self, at: usize) -> Option<String> {
        if at < 2 {
            return None;
        }
        let three = at >= 3 && self.surname(at - 3) && self.inner(at - 2);
        let from = if three { at - 3 } else { at - 2 };
        let whole = self.chars[from..at].iter().all(|&c| is_cjk(c));
        (whole && self.surname(from) && self.last(at - 1))
            .then(|| self.chars[from..at].iter().collect())
    }

    /// The `由` of the clause that ends in the founding verb at `at`.
    fn agent_before(&self, at: usize) -> Option<usize> {
        (at.saturating_sub(AGENT_WINDOW)..at)
            .rev()
            .take_while(|&i| !"。，,；;！？".contains(self.chars[i]))
            .find(|&i| self.chars[i] == '由')
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn people_beside_founder_cues_are_found_without_jieba() {
        let got: Vec<String> = cued_people(
            "创始人束从轩表示，门店还会增加。2003年由林敏雄创办的公司，董事长王兴在会上说。创始人张勇相信员工。这家公司由张红超在1997年创办。创办人郭少明早前表示。",
        )
        .into_iter()
        .map(|(n, _)| n)
        .collect();
        assert_eq!(
            got,
            vec![
                "束从轩",
                "林敏雄",
                "林敏雄",
                "王兴",
                "张勇",
                "张红超",
                "郭少明"
            ]
        );
        assert!(cued_people("公司创立于1990年，于是创办了工厂。").is_empty());
    }
}
