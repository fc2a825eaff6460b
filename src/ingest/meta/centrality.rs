//! Sentence centrality (LexRank, continuous): sentences are nodes, their
//! similarity is the IDF-weighted cosine of their content words (English
//! stems, Chinese character bigrams), and a sentence is central when
//! sentences central themselves resemble it. Ranks are scaled to a best of 1.

use std::collections::{HashMap, HashSet};

use super::keywords_en::{is_stopword, stem};

const DAMPING: f64 = 0.85;
const ITERATIONS: usize = 40;
/// Sentences compared (the graph is quadratic); later ones rank 0.
const MAX_SENTENCES: usize = 400;

/// The content-word set of one sentence.
pub fn features(text: &str) -> HashSet<String> {
    let lower = text.to_lowercase();
    if crate::text::has_cjk(&lower) {
        let chars: Vec<char> = lower
            .chars()
            .filter(|&c| crate::text::is_cjk(c) || c.is_ascii_alphanumeric())
            .collect();
        return chars.windows(2).map(|w| w.iter().collect()).collect();
    }
    lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() > 2 && !is_stopword(w))
        .map(stem)
        .collect()
}

/// IDF-weighted cosine of two feature sets.
pub fn similarity(a: &HashSet<String>, b: &HashSet<String>, idf: &HashMap<&str, f64>) -> f64 {
    let weight = |w: &String| idf.get(w.as_str()).copied().unwrap_or(0.0).powi(2);
    let norm = |s: &HashSet<String>| s.iter().map(weight).sum::<f64>().sqrt();
    let (na, nb) = (norm(a), norm(b));
    if na == 0.0 || nb == 0.0 {
        return 0.0;
    }
    a.intersection(b).map(weight).sum::<f64>() / (na * nb)
}

/// Inverse sentence frequency of each feature: `ln(1 + n / df)`.
fn inverse_frequencies(sets: &[HashSet<String>]) -> HashMap<&str, f64> {
    let mut df: HashMap<&str, usize> = HashMap::new();
    for set in sets {
        for w in set {
            *df.entry(w.as_str()).or_default() += 1;
        }
    }
    let n = sets.len() as f64;
    df.into_iter()
        .map(|(w, d)| (w, (1.0 + n / d as f64).ln().sqrt()))
        .collect()
}

/// The centrality of each sentence, in input order (best = 1, none = 0).
pub fn centrality(sentences: &[&str]) -> Vec<f64> {
    let total = sentences.len();
    let n = total.min(MAX_SENTENCES);
    let sentences = &sentences[..n];
    let sets: Vec<HashSet<String>> = sentences.iter().map(|s| features(s)).collect();
    let idf = inverse_frequencies(&sets);
    let mut weights = vec![vec![0.0; n]; n];
    for i in 0..n {
        for j in i + 1..n {
            let w = similarity(&sets[i], &sets[j], &idf);
            weights[i][j] = w;
            weights[j][i] = w;
        }
    }
    let out_sums: Vec<f64> = weights.iter().map(|row| row.iter().sum()).collect();
    let mut rank = vec![1.0; n];
    for _ in 0..ITERATIONS {
        rank = (0..n)
            .map(|i| {
                let incoming: f64 = (0..n)
                    .filter(|&j| out_sums[j] > 0.0)
                    .map(|j| weights[j][i] / out_sums[j] * rank[j])
                    .sum();
                (1.0 - DAMPING) + DAMPING * incoming
            })
            .collect();
    }
    // A sentence sharing nothing with the others is not central at all.
    for i in 0..n {
        if out_sums[i] == 0.0 {
            rank[i] = 0.0;
        }
    }
    let best = rank.iter().copied().fold(0.0, f64::max);
    if best > 0.0 {
        rank.iter_mut().for_each(|r| *r /= best);
    }
    rank.resize(total, 0.0);
    rank
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sentence_that_links_the_others_is_central() {
        let ranks = centrality(&[
            "The weather in Hangzhou was pleasant that spring.",
            "Nayuki opened tea shops in Shenzhen malls.",
            "Nayuki tea shops sold fruit tea and soft bread in Shenzhen malls and airports.",
            "Fruit tea and soft bread became Nayuki's signature.",
            "Airports gave the brand travellers as customers.",
        ]);
        let best = (0..ranks.len())
            .max_by(|&a, &b| ranks[a].total_cmp(&ranks[b]))
            .unwrap();
        assert_eq!(best, 2, "{ranks:?}");
        assert_eq!(ranks[0], 0.0, "{ranks:?}");
    }

    #[test]
    fn chinese_sentences_compare_by_bigrams() {
        let ranks = centrality(&[
            "今天天气很好。",
            "喜茶用排队营销吸引年轻人。",
            "排队营销让喜茶成为网红品牌，也吸引了更多年轻人。",
            "网红品牌需要持续创新。",
        ]);
        assert!(ranks[2] > ranks[1] && ranks[2] > ranks[3], "{ranks:?}");
        assert_eq!(ranks[0], 0.0, "{ranks:?}");
    }

    #[test]
    fn no_sentences_no_ranks() {
        assert!(centrality(&[]).is_empty());
        assert_eq!(centrality(&["Only one sentence here."]), vec![0.0]);
    }
}
