//! Chinese keyword extraction with jieba-rs TF-IDF.
//!
//! The TF-IDF dictionary costs about as much as jieba itself to load, so it
//! lives in a `OnceLock` and is only built when an article has Chinese text.
//! Title and headings are repeated so their words weigh more.

use std::sync::OnceLock;

use jieba_rs::{KeywordExtract, TfIdf};

use super::keywords_en::Zones;
use super::Keyword;

/// Parts of speech worth tagging: nouns, names, places, organisations, other
/// proper nouns, verbal nouns, Latin words.
const TAG_POS: &[&str] = &["n", "nr", "nrt", "nrfg", "ns", "nt", "nz", "vn", "eng", "j"];

fn tfidf() -> &'static TfIdf {
    static TFIDF: OnceLock<TfIdf> = OnceLock::new();
    TFIDF.get_or_init(TfIdf::default)
}

/// The `top` best keywords of a Chinese article, best first.
pub fn chinese_keywords(zones: &Zones, top: usize) -> Vec<Keyword> {
    let mut text = String::new();
    for _ in 0..3 {
        text.push_str(zones.title);
        text.push('\n');
    }
    for heading in zones.headings {
        text.push_str(heading);
        text.push('\n');
        text.push_str(heading);
        text.push('\n');
    }
    for paragraph in zones.paragraphs {
        text.push_str(paragraph);
        text.push('\n');
    }
    let allowed: Vec<String> = TAG_POS.iter().map(|p| p.to_string()).collect();
    let jieba = crate::text::jieba();
    let mut keywords: Vec<Keyword> = tfidf()
        .extract_keywords(&jieba, &text, top, allowed)
        .into_iter()
        .map(|k| Keyword {
            term: k.keyword,
            score: k.weight,
        })
        .collect();
    add_compounds(&mut keywords, &jieba, &text);
    keywords
}

/// How often a compound stands in the text, at least.
const MIN_COMPOUND: usize = 3;

/// Compounds jieba cuts into a word and a one-character noun (预制/v 菜/n):
/// when the word never stands without that noun after it, the pair is one
/// term, scored like the best keyword for as often as it stands.
fn add_compounds(keywords: &mut Vec<Keyword>, jieba: &jieba_rs::Jieba, text: &str) {
    let Some(best) = keywords.first() else {
        return;
    };
    let best_count = text.matches(best.term.as_str()).count().max(1);
    let best_score = best.score;
    let tags = jieba.tag(text, true);
    let mut pairs: Vec<String> = Vec::new();
    for pair in tags.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let cjk = |w: &str| w.chars().all(crate::text::is_cjk);
        if a.word.chars().count() == 2
            && b.word.chars().count() == 1
            && b.tag == "n"
            && cjk(a.word)
            && cjk(b.word)
        {
            pairs.push(format!("{}{}", a.word, b.word));
        }
    }
    pairs.sort();
    pairs.dedup();
    for compound in pairs {
        let count = text.matches(compound.as_str()).count();
        let head: String = compound.chars().take(2).collect();
        let alone = text.matches(head.as_str()).count() > count;
        if count < MIN_COMPOUND || alone || keywords.iter().any(|k| k.term == compound) {
            continue;
        }
        let score = best_score * count as f64 / best_count as f64;
        keywords.push(Keyword {
            term: compound,
            score,
        });
    }
    keywords.sort_by(|a, b| b.score.total_cmp(&a.score));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(title: &str, paragraphs: &[&str]) -> Vec<String> {
        let paragraphs: Vec<String> = paragraphs.iter().map(|p| p.to_string()).collect();
        let zones = Zones {
            title,
            headings: &[],
            paragraphs: &paragraphs,
        };
        chinese_keywords(&zones, 8)
            .into_iter()
            .map(|k| k.term)
            .collect()
    }

    #[test]
    fn extracts_nouns_from_chinese_text() {
        let terms = terms(
            "小米的口碑传播法则",
            &[
                "小米手机的红火，让其粉丝营销备受关注。互联网思维就是口碑为王，用户以口碑来选择产品。",
                "好产品就是口碑的发动机，社会化媒体是加速器，用户关系是关系链。",
            ],
        );
        assert_eq!(terms.first().map(String::as_str), Some("口碑"), "{terms:?}");
        assert!(terms.iter().any(|t| t == "小米"), "{terms:?}");
        assert!(!terms.iter().any(|t| t == "的" || t == "就是"), "{terms:?}");
    }

    #[test]
    fn a_word_always_followed_by_its_noun_makes_one_term() {
        let terms = terms(
            "西贝风波",
            &["西贝被指使用预制菜。消费者讨论预制菜的标准。餐厅说预制菜不等于不新鲜。西贝的口碑受损。"],
        );
        assert!(terms.iter().any(|t| t == "预制菜"), "{terms:?}");
    }
}
