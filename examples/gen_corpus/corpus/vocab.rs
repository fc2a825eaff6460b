//! The generator's vocabulary: business words, Chinese phrases, entity names,
//! sentence and title templates and the 200-tag pool (or a larger pool of
//! Chinese compound tags on top of it), from
//! `examples/gen_corpus/vocab.toml` (embedded so the binary works anywhere).

use std::io;

use serde::Deserialize;

use super::rng::Rng;
use super::shape::TagPool;

const VOCAB_TOML: &str = include_str!("../vocab.toml");

/// Words for one language; templates use `{E} {N} {A} {V} {Y} {P}` slots.
#[derive(Debug, Clone, Default)]
pub struct Words {
    pub entities: Vec<String>,
    pub nouns: Vec<String>,
    pub adjs: Vec<String>,
    pub verbs: Vec<String>,
    pub templates: Vec<String>,
    pub headings: Vec<String>,
    pub titles: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Vocab {
    pub en: Words,
    pub zh: Words,
    /// All tag names; rank order (index 0 = most popular) depends on the seed.
    pub tags: Vec<String>,
}

#[derive(Deserialize)]
struct RawVocab {
    entities: Vec<[String; 2]>,
    en_nouns: Vec<String>,
    en_adjs: Vec<String>,
    en_verbs: Vec<String>,
    en_templates: Vec<String>,
    zh_nouns: Vec<String>,
    zh_adjs: Vec<String>,
    zh_verbs: Vec<String>,
    zh_templates: Vec<String>,
    en_headings: Vec<String>,
    zh_headings: Vec<String>,
    en_titles: Vec<String>,
    zh_titles: Vec<String>,
    tags_en: Vec<String>,
    tags_zh: Vec<String>,
}

impl Vocab {
    /// Loads the embedded vocabulary; the tag ranking is shuffled by `seed`.
    pub fn load(seed: u64) -> io::Result<Vocab> {
        let raw: RawVocab = toml::from_str(VOCAB_TOML).map_err(|e| {
            io::Error::new(
                io::ErrorKind::InvalidData,
                format!("examples/gen_corpus/vocab.toml: {e}"),
            )
        })?;
        let en = Words {
            entities: raw.entities.iter().map(|[en, _]| en.clone()).collect(),
            nouns: raw.en_nouns,
            adjs: raw.en_adjs,
            verbs: raw.en_verbs,
            templates: raw.en_templates,
            headings: raw.en_headings,
            titles: raw.en_titles,
        };
        let zh = Words {
            entities: raw.entities.iter().map(|[_, zh]| zh.clone()).collect(),
            nouns: raw.zh_nouns,
            adjs: raw.zh_adjs,
            verbs: raw.zh_verbs,
            templates: raw.zh_templates,
            headings: raw.zh_headings,
            titles: raw.zh_titles,
        };
        let mut tags: Vec<String> = raw.tags_en.into_iter().chain(raw.tags_zh).collect();
        shuffle(&mut tags, &mut Rng::for_item(seed, 0x7A65, 0));
        Ok(Vocab { en, zh, tags })
    }

    /// Grows the tag pool to what `pool` asks for: `Compound(n)` appends
    /// `名词与名词` tags of the Chinese nouns, in an order shuffled by `seed`,
    /// until there are `n` (at most every ordered pair of distinct nouns).
    pub fn extend_tags(&mut self, pool: TagPool, seed: u64) {
        let TagPool::Compound(n) = pool else {
            return;
        };
        let nouns = &self.zh.nouns;
        let mut compounds: Vec<String> = nouns
            .iter()
            .flat_map(|a| {
                nouns
                    .iter()
                    .filter(move |b| *b != a)
                    .map(move |b| format!("{a}与{b}"))
            })
            .filter(|t| !self.tags.contains(t))
            .collect();
        shuffle(&mut compounds, &mut Rng::for_item(seed, 0x7A65, 1));
        let room = n.saturating_sub(self.tags.len());
        self.tags.extend(compounds.into_iter().take(room));
    }

    pub fn words(&self, zh: bool) -> &Words {
        if zh {
            &self.zh
        } else {
            &self.en
        }
    }
}

/// Fisher–Yates with the corpus PRNG.
fn shuffle<T>(items: &mut [T], rng: &mut Rng) {
    for i in (1..items.len()).rev() {
        let j = rng.below(i + 1);
        items.swap(i, j);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vocabulary_loads_with_200_distinct_tags() {
        let v = Vocab::load(1).expect("vocab parses");
        let mut tags = v.tags.clone();
        tags.sort();
        tags.dedup();
        assert_eq!(tags.len(), 200);
        assert!(v.tags.iter().any(|t| casewiki::text::has_cjk(t)));
        assert!(v.tags.iter().any(|t| !casewiki::text::has_cjk(t)));
        assert!(v.en.entities.iter().any(|e| e == "Xiaomi"));
        assert!(v.zh.entities.iter().any(|e| e == "雷军"));
    }

    #[test]
    fn no_entry_breaks_toml_or_links() {
        let v = Vocab::load(1).expect("vocab parses");
        let all = [&v.en, &v.zh]
            .into_iter()
            .flat_map(|w| {
                [
                    &w.entities,
                    &w.nouns,
                    &w.adjs,
                    &w.verbs,
                    &w.templates,
                    &w.headings,
                    &w.titles,
                ]
            })
            .flatten()
            .chain(&v.tags);
        for s in all {
            assert!(!s.contains(['"', '\\', '[', ']']), "bad entry {s:?}");
        }
    }

    #[test]
    fn compound_pool_has_the_asked_number_of_distinct_tags() {
        let mut v = Vocab::load(3).expect("vocab parses");
        let first: Vec<String> = v.tags.clone();
        v.extend_tags(TagPool::Compound(2000), 3);
        assert_eq!(v.tags.len(), 2000);
        assert_eq!(v.tags[..200], first[..]);
        let mut sorted = v.tags.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), 2000);
        assert!(v.tags[200..].iter().all(|t| t.contains('与')));
        let mut plain = Vocab::load(3).expect("vocab parses");
        plain.extend_tags(TagPool::Vocab, 3);
        assert_eq!(plain.tags, first);
    }

    #[test]
    fn tag_rank_depends_on_seed() {
        assert_ne!(
            Vocab::load(1).map(|v| v.tags).ok(),
            Vocab::load(2).map(|v| v.tags).ok()
        );
    }
}
