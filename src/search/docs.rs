//! The doc table: what a result shows (path, title, language, category, tags,
//! a short excerpt), split into chunks so the browser loads only the chunks of
//! the results it displays. The excerpt is the only body text stored, and it is
//! short, so the full text is never stored twice.

use serde_json::{json, Value};

use super::DocEntry;

/// Docs per `search/d/N.json` chunk.
pub const DOCS_PER_CHUNK: usize = 64;
/// Excerpt length in characters; Chinese carries about twice as much per char.
const EXCERPT_CHARS_EN: usize = 220;
const EXCERPT_CHARS_ZH: usize = 110;

/// The category names, deduplicated, in first-seen order.
pub fn categories(docs: &[DocEntry]) -> Vec<String> {
    let mut cats: Vec<String> = Vec::new();
    for d in docs {
        if !d.category.is_empty() && !cats.contains(&d.category) {
            cats.push(d.category.clone());
        }
    }
    cats
}

/// One chunk per `DOCS_PER_CHUNK` docs, each a JSON array of
/// `[path, title, lang, category index or -1, excerpt, tags]`.
pub fn chunks(docs: &[DocEntry], cats: &[String]) -> Vec<Value> {
    docs.chunks(DOCS_PER_CHUNK)
        .map(|chunk| Value::Array(chunk.iter().map(|d| entry(d, cats)).collect()))
        .collect()
}

fn entry(doc: &DocEntry, cats: &[String]) -> Value {
    let cat = cats
        .iter()
        .position(|c| *c == doc.category)
        .map_or(-1, |i| i as i64);
    json!([doc.path, doc.title, doc.lang, cat, doc.excerpt, doc.tags])
}

/// The start of the body, whitespace collapsed, without a leading copy of the
/// title, cut at a word boundary where the language has them.
pub fn excerpt(text: &str, title: &str, lang: &str) -> String {
    let limit = if lang == "zh" {
        EXCERPT_CHARS_ZH
    } else {
        EXCERPT_CHARS_EN
    };
    let mut flat = String::new();
    let mut chars = 0;
    for word in text.split_whitespace() {
        if chars > limit * 2 {
            break;
        }
        if !flat.is_empty() {
            flat.push(' ');
            chars += 1;
        }
        flat.push_str(word);
        chars += word.chars().count();
    }
    let title = title.trim();
    let mut body = flat.as_str();
    while !title.is_empty() && body.starts_with(title) {
        body = body[title.len()..].trim_start();
    }
    cut(body, limit)
}

fn cut(text: &str, limit: usize) -> String {
    let Some((end, _)) = text.char_indices().nth(limit) else {
        return text.to_string();
    };
    let head = &text[..end];
    let at_space = head.rfind(' ').filter(|&i| i > end / 2);
    format!("{}…", head[..at_space.unwrap_or(end)].trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn excerpt_of(lang: &str, title: &str, text: &str) -> String {
        excerpt(text, title, lang)
    }

    #[test]
    fn excerpt_drops_repeated_title_and_collapses_space() {
        let e = excerpt_of(
            "zh",
            "小米论文",
            "小米论文\n\n小米论文\n   小米的口碑传播法则",
        );
        assert_eq!(e, "小米的口碑传播法则");
    }

    #[test]
    fn long_english_is_cut_at_a_word() {
        let e = excerpt_of("en", "T", &"participation ".repeat(40));
        assert!(e.ends_with("participation…"), "{e}");
        assert!(e.chars().count() <= EXCERPT_CHARS_EN + 1);
    }

    #[test]
    fn long_chinese_is_cut_at_the_limit() {
        let e = excerpt_of("zh", "T", &"口碑".repeat(200));
        assert_eq!(e.chars().count(), EXCERPT_CHARS_ZH + 1);
    }

    #[test]
    fn chunk_entries_name_category_by_index() {
        let d = DocEntry {
            lang: "en".into(),
            title: "A".into(),
            category: "Marketing".into(),
            ..Default::default()
        };
        let cats = categories(std::slice::from_ref(&d));
        let c = chunks(&[d], &cats);
        assert_eq!(c[0][0][3], json!(0));
        assert_eq!(c[0][0][1], json!("A"));
    }
}
