//! The article as numbered sentences (split by `text::sentences`), each
//! with the paragraph it came from.

use crate::text::sentences::split;

/// One sentence of the article, with where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    pub text: String,
    /// Index of its paragraph.
    pub paragraph: usize,
    /// Position in the whole article (0-based).
    pub order: usize,
}

/// All sentences of `paragraphs`, in order.
pub fn article_sentences(paragraphs: &[String]) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (paragraph, text) in paragraphs.iter().enumerate() {
        for sentence in split(text) {
            let order = out.len();
            out.push(Sentence {
                text: sentence.to_string(),
                paragraph,
                order,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_sentences_across_paragraphs() {
        let paragraphs = vec!["One. Two.".to_string(), "三。".to_string()];
        let sentences = article_sentences(&paragraphs);
        let orders: Vec<(usize, usize)> =
            sentences.iter().map(|s| (s.paragraph, s.order)).collect();
        assert_eq!(orders, vec![(0, 0), (0, 1), (1, 2)]);
    }
}
