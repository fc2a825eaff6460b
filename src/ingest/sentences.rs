//! Sentences in article structure: packing sentences (split by
//! `text::sentences`) into paragraphs of readable length, and shortening a
//! sentence into a headline.

pub use crate::text::sentences::split;

/// Splits a long paragraph into paragraphs of at most `max_chars` (a longer
/// single sentence stays whole). Chinese sentences are joined without spaces.
pub fn pack(text: &str, max_chars: usize) -> Vec<String> {
    if text.chars().count() <= max_chars {
        return vec![text.to_string()];
    }
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    for sentence in split(text) {
        let fits = current.chars().count() + sentence.chars().count() < max_chars;
        if !current.is_empty() && !fits {
            out.push(std::mem::take(&mut current));
        }
        if !current.is_empty() && needs_space(&current, sentence) {
            current.push(' ');
        }
        current.push_str(sentence);
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// Whether two pieces of text are joined with a space (not after or before Chinese).
pub fn needs_space(before: &str, after: &str) -> bool {
    // A closing quote belongs to the text inside it: `jacket.”` is Latin, `好。”` Chinese.
    let last = before
        .trim_end_matches(['”', '’', '"', '」', '』'])
        .chars()
        .last()
        .unwrap_or(' ');
    let first = after.chars().next().unwrap_or(' ');
    !(crate::text::is_cjk(first)
        || matches!(last, '。' | '！' | '？' | '」')
        || crate::text::is_cjk(last))
}

/// A headline from a sentence: final punctuation dropped, cut at a clause
/// boundary (or word, or char) to at most `max_chars`.
pub fn headline(sentence: &str, max_chars: usize) -> String {
    let s = sentence
        .trim()
        .trim_end_matches(|c: char| ".。!！?？;；,，:：…".contains(c))
        .trim();
    if s.chars().count() <= max_chars {
        return s.to_string();
    }
    let limit = s.char_indices().nth(max_chars).map_or(s.len(), |(b, _)| b);
    let head = &s[..limit];
    let clause_cut = [
        " – ", " — ", ", ", "; ", ": ", "，", ",", "；", "：", "、", "——",
    ]
    .iter()
    .filter_map(|sep| head.rfind(sep))
    .filter(|&p| s[..p].chars().count() >= max_chars / 3)
    .max();
    if let Some(p) = clause_cut {
        return s[..p].trim_end().to_string();
    }
    let word_cut = head
        .rfind(' ')
        .filter(|&p| p > 0 && !crate::text::has_cjk(head));
    format!("{}…", head[..word_cut.unwrap_or(head.len())].trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wall_of_text_is_packed() {
        let sentence = "小米手机的红火让其粉丝营销备受关注。";
        let wall = sentence.repeat(40);
        let paras = pack(&wall, 300);
        assert!(paras.len() >= 3);
        assert!(paras
            .iter()
            .all(|p| p.chars().count() <= 300 && p.ends_with('。')));
        assert_eq!(paras.concat(), wall);
    }

    #[test]
    fn short_text_is_one_paragraph() {
        assert_eq!(pack("Short. Text.", 300), vec!["Short. Text."]);
    }

    #[test]
    fn headlines() {
        assert_eq!(headline("Xiaomi grew fast.", 80), "Xiaomi grew fast");
        let long = "This muddy moment is also an opportunity for Lei Jun – a time to reflect on the entrepreneur’s IP strategy, and the time to change";
        assert_eq!(
            headline(long, 90),
            "This muddy moment is also an opportunity for Lei Jun"
        );
        assert_eq!(headline("小米手机的红火,让其粉丝营销备受关注,在小米科技联合创始人黎万强新出的书中披露了法则。", 20), "小米手机的红火,让其粉丝营销备受关注");
        assert_eq!(headline("aaaa bbbb cccc dddd", 12), "aaaa bbbb…");
    }
}
