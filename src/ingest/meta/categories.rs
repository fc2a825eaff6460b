//! Category of an article: `marketing-lessons`, `brand-crises` or
//! `founder-ip`, scored from the weighted bilingual keyword lists in
//! `data/ingest/categories.toml`.
//!
//! Score = Σ weight × saturated hits (title ×3, headings ×2) per 1000 words:
//! a term's hits beyond `saturation` grow logarithmically, so the range of cues
//! counts more than one word repeated; the default category wins low scores
//! and near-ties.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use serde::Deserialize;

use super::MetaInput;
use crate::text::names::NameMatcher;

const CATEGORIES_TOML: &str = include_str!("../../../data/ingest/categories.toml");

#[derive(Debug, Clone, Deserialize)]
struct Settings {
    default: String,
    title_factor: f64,
    heading_factor: f64,
    min_score: f64,
    margin: f64,
    /// Weighted hits of one term beyond this count grow logarithmically, so
    /// one word repeated does not outweigh a range of cues.
    saturation: f64,
    /// An article about a person: the person its text names most, at least
    /// `person_mentions` times, is named in its title. Then `person_category`
    /// gains `person_bonus`.
    person_category: String,
    person_mentions: usize,
    person_bonus: f64,
}

#[derive(Debug, Deserialize)]
struct CategoryFile {
    settings: Settings,
    category: BTreeMap<String, BTreeMap<String, f64>>,
}

/// Compiled keyword lists: one matcher over every distinct term, and per term
/// the categories it counts for.
struct CategoryModel {
    settings: Settings,
    slugs: Vec<String>,
    matcher: NameMatcher,
    /// Term index → (category index, weight).
    term_weights: Vec<Vec<(usize, f64)>>,
}

static MODEL: LazyLock<CategoryModel> =
    LazyLock::new(|| crate::text::fixed::rules("categories.toml", build_model(CATEGORIES_TOML)));

fn build_model(toml_text: &str) -> Result<CategoryModel, String> {
    let file: CategoryFile = toml::from_str(toml_text).map_err(|e| e.to_string())?;
    let slugs: Vec<String> = file.category.keys().cloned().collect();
    let mut terms: Vec<String> = Vec::new();
    let mut term_weights: Vec<Vec<(usize, f64)>> = Vec::new();
    for (cat, list) in file.category.values().enumerate() {
        for (term, &weight) in list {
            let key = term.to_lowercase();
            let slot = match terms.iter().position(|t| *t == key) {
                Some(i) => i,
                None => {
                    terms.push(key);
                    term_weights.push(Vec::new());
                    terms.len() - 1
                }
            };
            term_weights[slot].push((cat, weight));
        }
    }
    let matcher = NameMatcher::terms(&terms).ok_or("cannot compile category terms")?;
    Ok(CategoryModel {
        settings: file.settings,
        slugs,
        matcher,
        term_weights,
    })
}

/// Length of a text in word units: Latin words plus CJK characters / 1.6
/// (an average Chinese word).
pub fn word_units(text: &str) -> f64 {
    let cjk = text.chars().filter(|&c| crate::text::is_cjk(c)).count() as f64;
    let latin = text
        .split(|c: char| !c.is_alphanumeric() || crate::text::is_cjk(c))
        .filter(|w| !w.is_empty())
        .count() as f64;
    latin + cjk / 1.6
}

impl CategoryModel {
    fn add_hits(&self, text: &str, factor: f64, counts: &mut [f64]) {
        for term in self.matcher.hits(text) {
            counts[term] += factor;
        }
    }

    /// A term's weighted hit count after saturation.
    fn saturated(&self, count: f64) -> f64 {
        let s = self.settings.saturation;
        if count <= s {
            count
        } else {
            s + (1.0 + count - s).ln()
        }
    }

    fn scores(&self, input: &MetaInput) -> Vec<(String, f64)> {
        let mut counts = vec![0.0; self.term_weights.len()];
        self.add_hits(input.title, self.settings.title_factor, &mut counts);
        let mut units = word_units(input.title);
        for heading in input.headings {
            self.add_hits(heading, self.settings.heading_factor, &mut counts);
            units += word_units(heading);
        }
        for paragraph in input.paragraphs {
            self.add_hits(paragraph, 1.0, &mut counts);
            units += word_units(paragraph);
        }
        let mut totals = vec![0.0; self.slugs.len()];
        for (term, &count) in counts.iter().enumerate() {
            if count > 0.0 {
                for &(cat, weight) in &self.term_weights[term] {
                    totals[cat] += weight * self.saturated(count);
                }
            }
        }
        let per_thousand = 1000.0 / units.max(150.0);
        let about_person = self.about_person(input);
        self.slugs
            .iter()
            .zip(totals)
            .map(|(slug, total)| {
                let bonus = if about_person && *slug == self.settings.person_category {
                    self.settings.person_bonus
                } else {
                    0.0
                };
                (slug.clone(), round2(total * per_thousand + bonus))
            })
            .collect()
    }

    /// The title names the person the text names most (`Jason Fried Never
    /// Bought an Ad` over a text that says `Fried` again and again).
    fn about_person(&self, input: &MetaInput) -> bool {
        super::people::main_person_en(input.paragraphs).is_some_and(|(surname, count)| {
            count >= self.settings.person_mentions
                && super::names::occurrences(input.title, &surname) > 0
        })
    }

    fn choose(&self, scores: &[(String, f64)]) -> String {
        let default = &self.settings.default;
        let default_score = scores
            .iter()
            .find(|(s, _)| s == default)
            .map_or(0.0, |(_, v)| *v);
        let best = scores
            .iter()
            .filter(|(slug, _)| slug != default)
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .filter(|(_, score)| {
                *score >= self.settings.min_score && *score > default_score * self.settings.margin
            });
        best.map_or_else(|| default.clone(), |(slug, _)| slug.clone())
    }
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Per-category scores (weighted hits per 1000 words), in slug order.
pub fn score(input: &MetaInput) -> Vec<(String, f64)> {
    MODEL.scores(input)
}

/// The winning category for `scores`; the default on low scores and ties.
pub fn choose(scores: &[(String, f64)]) -> String {
    MODEL.choose(scores)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn categorise(title: &str, lang: &str, body: &[&str]) -> (String, Vec<(String, f64)>) {
        let scores = MetaInput::with(title, lang, body, score);
        (choose(&scores), scores)
    }

    #[test]
    fn data_file_parses_with_three_categories() {
        let model = &*MODEL;
        assert_eq!(
            model.slugs,
            vec!["brand-crises", "founder-ip", "marketing-lessons"]
        );
    }

    #[test]
    fn one_word_repeated_does_not_outweigh_a_range_of_cues() {
        let body = [
            "The marketing team loved the marketing plan, the marketing budget, the marketing \
             calendar and the marketing slogans; marketing was everything, marketing led, \
             marketing decided and marketing paid, so marketing grew.",
            "Then came a boycott, an apology, a lawsuit and a warning from the regulator.",
        ];
        let (cat, scores) = categorise("The week it went wrong", "en", &body);
        assert_eq!(cat, "brand-crises", "{scores:?}");
    }

    #[test]
    fn a_title_naming_the_person_the_text_names_most_is_about_that_person() {
        let body = [
            "Jason Fried wrote essays, and Fried's essays built the company.",
            "Fried kept writing; readers came for Fried and stayed for the product.",
            "The company grew as Fried wrote on, year after year, about the way it works.",
        ];
        let (cat, scores) = categorise("Fried Kept Writing", "en", &body);
        assert_eq!(cat, "founder-ip", "{scores:?}");
        let (cat, scores) = categorise("A Company That Kept Writing", "en", &body);
        assert_eq!(cat, "marketing-lessons", "{scores:?}");
    }

    #[test]
    fn english_crisis_article_is_a_brand_crisis() {
        let (cat, scores) = categorise(
            "Airline fined for privacy violations",
            "en",
            &["Regulators fined the airline after a data breach exposed passenger records. The company apologized, \
               but negative headlines and a boycott followed. It must review itself and rebuild trust."],
        );
        assert_eq!(cat, "brand-crises", "{scores:?}");
    }

    #[test]
    fn english_founder_article_is_founder_ip() {
        let (cat, scores) = categorise(
            "The founder as the brand",
            "en",
            &["The entrepreneur's IP strategy made the CEO an idol. Fans deified him, a fan circle formed, and his \
               personal image became the company's image. Personal charm sells cars, but deification is risky."],
        );
        assert_eq!(cat, "founder-ip", "{scores:?}");
    }

    #[test]
    fn english_marketing_article_is_a_marketing_lesson() {
        let (cat, scores) = categorise(
            "How a tea brand grew through community marketing",
            "en",
            &["The brand built communities of fans on Weibo and WeChat. Word of mouth and viral campaigns did the rest; \
               its marketing strategy turned users into promoters."],
        );
        assert_eq!(cat, "marketing-lessons", "{scores:?}");
    }

    #[test]
    fn chinese_articles_are_categorised() {
        let crisis = categorise(
            "某品牌隐私泄露危机",
            "zh",
            &["监管部门对其罚款，公司公开道歉，负面舆论持续发酵，品牌信任受损。"],
        );
        assert_eq!(crisis.0, "brand-crises", "{:?}", crisis.1);
        let founder = categorise(
            "企业家IP的双刃剑",
            "zh",
            &["创始人的个人形象被粉丝神化，饭圈化的偶像崇拜让企业家IP反噬品牌。"],
        );
        assert_eq!(founder.0, "founder-ip", "{:?}", founder.1);
        let lesson = categorise(
            "口碑传播法则",
            "zh",
            &["好产品是口碑的发动机，社会化媒体是加速器，用户关系是关系链。社群营销让用户参与。"],
        );
        assert_eq!(lesson.0, "marketing-lessons", "{:?}", lesson.1);
    }

    #[test]
    fn low_scores_default_to_marketing_lessons() {
        let (cat, _) = categorise(
            "A walk in the park",
            "en",
            &["We walked and talked about the weather all day."],
        );
        assert_eq!(cat, "marketing-lessons");
    }
}
