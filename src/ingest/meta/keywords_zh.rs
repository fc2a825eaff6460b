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
    tfidf()
        .extract_keywords(&crate::text::jieba(), &text, top, allowed)
        .into_iter()
        .map(|k| Keyword {
            term: k.keyword,
            score: k.weight,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extracts_nouns_from_chinese_text() {
        let paragraphs = vec![
            "小米手机的红火，让其粉丝营销备受关注。互联网思维就是口碑为王，用户以口碑来选择产品。"
                .to_string(),
            "好产品就是口碑的发动机，社会化媒体是加速器，用户关系是关系链。".to_string(),
        ];
        let zones = Zones {
            title: "小米的口碑传播法则",
            headings: &[],
            paragraphs: &paragraphs,
        };
        let terms: Vec<String> = chinese_keywords(&zones, 8)
            .into_iter()
            .map(|k| k.term)
            .collect();
        assert_eq!(terms.first().map(String::as_str), Some("口碑"), "{terms:?}");
        assert!(terms.iter().any(|t| t == "小米"), "{terms:?}");
        assert!(!terms.iter().any(|t| t == "的" || t == "就是"), "{terms:?}");
    }
}
