//! Article-like prose: fills sentence and title templates with vocabulary.
//!
//! Slots: `{E}` entity, `{N}` noun, `{A}` adjective, `{V}` verb, `{Y}` year,
//! `{P}` small number. Each slot draws a fresh word.

use super::rng::Rng;
use super::vocab::Words;

/// Fills every slot in `template`.
pub fn fill(template: &str, words: &Words, rng: &mut Rng) -> String {
    let mut out = String::with_capacity(template.len() + 64);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let slot = rest[start..].get(..3).unwrap_or("");
        match slot {
            "{E}" => out.push_str(pick(&words.entities, rng)),
            "{N}" => out.push_str(pick(&words.nouns, rng)),
            "{A}" => out.push_str(pick(&words.adjs, rng)),
            "{V}" => out.push_str(pick(&words.verbs, rng)),
            "{Y}" => out.push_str(&rng.range(2008, 2024).to_string()),
            "{P}" => out.push_str(&rng.range(3, 90).to_string()),
            _ => {
                out.push('{');
                rest = &rest[start + 1..];
                continue;
            }
        }
        rest = &rest[start + 3..];
    }
    out.push_str(rest);
    capitalise_first(out)
}

fn pick<'a>(items: &'a [String], rng: &mut Rng) -> &'a str {
    rng.pick(items).map(String::as_str).unwrap_or("")
}

fn capitalise_first(s: String) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c.is_ascii_lowercase() => c.to_ascii_uppercase().to_string() + chars.as_str(),
        _ => s,
    }
}

/// One sentence in the language of `words`.
pub fn sentence(words: &Words, rng: &mut Rng) -> String {
    let template = pick(&words.templates, rng).to_string();
    fill(&template, words, rng)
}

/// A paragraph of `n` sentences (English sentences are space-separated).
pub fn paragraph(words: &Words, zh: bool, n: usize, rng: &mut Rng) -> String {
    let sentences: Vec<String> = (0..n).map(|_| sentence(words, rng)).collect();
    sentences.join(if zh { "" } else { " " })
}

pub fn title(words: &Words, rng: &mut Rng) -> String {
    let template = pick(&words.titles, rng).to_string();
    fill(&template, words, rng)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words() -> Words {
        Words {
            entities: vec!["Xiaomi".into()],
            nouns: vec!["brand".into()],
            adjs: vec!["bold".into()],
            verbs: vec!["launched".into()],
            templates: vec!["{E} {V} a {A} {N}.".into()],
            headings: vec![],
            titles: vec!["{N} at {E}".into()],
        }
    }

    #[test]
    fn fills_all_slots() {
        let mut rng = Rng::new(1);
        assert_eq!(
            sentence(&words(), &mut rng),
            "Xiaomi launched a bold brand."
        );
        assert_eq!(title(&words(), &mut rng), "Brand at Xiaomi");
        let year = fill("in {Y}", &words(), &mut rng);
        let y: usize = year.trim_start_matches("In ").parse().expect("a year");
        assert!((2008..=2024).contains(&y));
    }

    #[test]
    fn unknown_braces_are_kept() {
        let mut rng = Rng::new(1);
        assert_eq!(fill("{x} {", &words(), &mut rng), "{x} {");
    }
}
