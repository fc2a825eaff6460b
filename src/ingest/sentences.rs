//! Sentences: splitting text at sentence ends (Chinese and English), packing
//! sentences into paragraphs of readable length, and shortening a sentence
//! into a headline.

/// Closing marks that belong to the sentence before them.
const CLOSERS: &[char] = &['”', '’', '」', '』', '）', ')', '"', '\''];
/// Abbreviations whose period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Inc", "Ltd", "Co", "Corp", "vs", "etc", "No", "Jr",
    "Sr",
];

/// Byte offsets just after each sentence end.
fn sentence_ends(text: &str) -> Vec<usize> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut ends = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (_, c) = chars[i];
        let next = chars.get(i + 1).map(|&(_, n)| n);
        if is_end(text, &chars, i, c, next) {
            let mut j = i + 1;
            while j < chars.len()
                && (CLOSERS.contains(&chars[j].1)
                    || matches!(chars[j].1, '。' | '！' | '？' | '!' | '?'))
            {
                j += 1;
            }
            let end = chars.get(j).map_or(text.len(), |&(b, _)| b);
            ends.push(end);
            i = j;
            continue;
        }
        i += 1;
    }
    ends
}

fn is_end(text: &str, chars: &[(usize, char)], i: usize, c: char, next: Option<char>) -> bool {
    match c {
        '。' | '！' | '？' => true,
        '!' | '?' => {
            next.is_none_or(|n| n.is_whitespace() || crate::text::is_cjk(n) || CLOSERS.contains(&n))
        }
        '.' => period_ends(text, chars, i),
        _ => false,
    }
}

/// A period ends a sentence before whitespace and a capital, unless it ends an abbreviation.
fn period_ends(text: &str, chars: &[(usize, char)], i: usize) -> bool {
    let mut j = i + 1;
    while j < chars.len() && CLOSERS.contains(&chars[j].1) {
        j += 1;
    }
    if j >= chars.len() {
        return true;
    }
    if !chars[j].1.is_whitespace() {
        return false;
    }
    let after = chars[j..]
        .iter()
        .map(|&(_, c)| c)
        .find(|c| !c.is_whitespace());
    if !after.is_some_and(|a| {
        a.is_uppercase() || a.is_ascii_digit() || "“\"‘(".contains(a) || crate::text::is_cjk(a)
    }) {
        return false;
    }
    let word: String = text[..chars[i].0]
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric() || *c == '.')
        .collect();
    let word: String = word.chars().rev().collect();
    let single_letter = word.chars().filter(|c| c.is_alphabetic()).count() == 1
        && word.chars().next().is_some_and(char::is_uppercase);
    !(single_letter || ABBREVIATIONS.contains(&word.as_str()) || word.contains('.'))
}

/// The sentences of `text`, trimmed, in order.
pub fn split(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for end in sentence_ends(text) {
        let s = text[start..end].trim();
        if !s.is_empty() {
            out.push(s);
        }
        start = end;
    }
    let rest = text[start..].trim();
    if !rest.is_empty() {
        out.push(rest);
    }
    out
}

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
    fn english_sentences_respect_abbreviations() {
        let t = "Xiaomi was worth 50 billion U.S. dollars. Mr. Lei said so! Was it? Yes.";
        assert_eq!(
            split(t),
            vec![
                "Xiaomi was worth 50 billion U.S. dollars.",
                "Mr. Lei said so!",
                "Was it?",
                "Yes."
            ]
        );
        assert_eq!(
            split("He is 1.81 meters tall. Fine."),
            vec!["He is 1.81 meters tall.", "Fine."]
        );
    }

    #[test]
    fn chinese_sentences_keep_closing_quotes() {
        let t = "他说:“好。”然后走了。真的吗?是的!";
        assert_eq!(
            split(t),
            vec!["他说:“好。”", "然后走了。", "真的吗?", "是的!"]
        );
    }

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
