//! The chrome lexicon (`data/ingest/chrome.toml`): phrases that web pages put
//! around an article, by class. Matching a line gives the spans the phrases
//! cover, which the line judge weighs against the rest of the line.

use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

use crate::text::names::NameMatcher;

const LEXICON_TOML: &str = include_str!("../../../data/ingest/chrome.toml");

#[derive(Debug, Deserialize)]
struct LexiconFile {
    class: BTreeMap<String, ClassDef>,
}

#[derive(Debug, Deserialize)]
struct ClassDef {
    phrases: Vec<String>,
    #[serde(default = "one")]
    weight: f64,
    #[serde(default)]
    tail: bool,
    #[serde(default)]
    head: bool,
    #[serde(default)]
    prompt: bool,
}

fn one() -> f64 {
    1.0
}

/// What a class of chrome means for the judge.
#[derive(Debug, Clone)]
pub struct Class {
    pub name: String,
    pub weight: f64,
    /// A short line of this class starts a tail block (related list, comments).
    pub tail: bool,
    /// Chrome mainly above the article (navigation words are common words too).
    pub head: bool,
    /// A call to action (`Sign up`, `Download our app`).
    pub prompt: bool,
}

/// One phrase found in a line.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub class: usize,
}

/// The compiled lexicon.
pub struct Lexicon {
    classes: Vec<Class>,
    /// Pattern index → class index.
    pattern_class: Vec<usize>,
    matcher: NameMatcher,
}

impl Lexicon {
    /// Parses and compiles a lexicon; an error names what is wrong.
    pub fn parse(src: &str) -> Result<Lexicon, String> {
        let file: LexiconFile = toml::from_str(src).map_err(|e| format!("chrome.toml: {e}"))?;
        let mut classes = Vec::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut pattern_class = Vec::new();
        for (name, def) in file.class {
            for p in def.phrases {
                patterns.push(p.to_lowercase());
                pattern_class.push(classes.len());
            }
            classes.push(Class {
                name,
                weight: def.weight,
                tail: def.tail,
                head: def.head,
                prompt: def.prompt,
            });
        }
        let matcher =
            NameMatcher::literal(&patterns).ok_or("chrome.toml: the phrases do not compile")?;
        Ok(Lexicon {
            classes,
            pattern_class,
            matcher,
        })
    }

    /// The embedded lexicon, compiled once; an error names what is wrong.
    pub fn embedded() -> Result<&'static Lexicon, String> {
        static LEXICON: OnceLock<Result<Lexicon, String>> = OnceLock::new();
        LEXICON
            .get_or_init(|| Lexicon::parse(LEXICON_TOML))
            .as_ref()
            .map_err(Clone::clone)
    }

    pub fn class(&self, i: usize) -> &Class {
        &self.classes[i]
    }

    /// Phrases in `line`, leftmost-longest, a Latin phrase only on word boundaries.
    pub fn hits(&self, line: &str) -> Vec<Hit> {
        let lower = line.to_lowercase();
        // Lower-casing can change byte lengths (rare outside ASCII): then match the line as it is.
        let text = if lower.len() == line.len() {
            lower.as_str()
        } else {
            line
        };
        self.matcher
            .find(text)
            .into_iter()
            .map(|m| Hit {
                start: m.start,
                end: m.end,
                class: self.pattern_class[m.pattern],
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lexicon_compiles() {
        let lex = Lexicon::embedded().unwrap();
        assert!(lex.classes.len() >= 8);
    }

    #[test]
    fn phrases_match_on_word_boundaries() {
        let lex = Lexicon::parse(
            "[class.share]\nphrases = [\"share\", \"share this article\"]\n[class.nav]\nphrases = [\"首页\"]\n",
        )
        .unwrap();
        let hits = lex.hits("Share this article | shareholders 首页");
        let spans: Vec<(usize, usize)> = hits.iter().map(|h| (h.start, h.end)).collect();
        assert_eq!(spans, vec![(0, 18), (34, 40)]);
        assert_eq!(lex.class(hits[1].class).name, "nav");
    }
}
