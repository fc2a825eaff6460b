//! Sentence splitting for English and Chinese paragraphs.
//!
//! Chinese splits after 。！？ (and !? ); English after . ! ? when the next
//! word starts a sentence, skipping abbreviations (`Mr.`, `U.S.`) and
//! initials. Closing quotes stay with the sentence they close.

/// One sentence of the article, with where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    pub text: String,
    /// Index of its paragraph.
    pub paragraph: usize,
    /// Position in the whole article (0-based).
    pub order: usize,
}

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "inc", "ltd", "co", "corp", "vs", "etc",
    "e.g", "i.e", "no", "u.s", "u.k", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "approx",
];

const CLOSERS: &[char] = &[
    '"', '\'', '\u{201D}', '\u{2019}', '」', '』', ')', '）', ']', '】',
];

/// All sentences of `paragraphs`, in order.
pub fn article_sentences(paragraphs: &[String]) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (paragraph, text) in paragraphs.iter().enumerate() {
        for sentence in split_sentences(text) {
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

/// Splits one paragraph into trimmed, non-empty sentences.
pub fn split_sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !matches!(c, '。' | '！' | '？' | '!' | '?' | '.' | '…') {
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, next)) = chars.peek() {
            if CLOSERS.contains(&next)
                || (next == '.' && c == '.')
                || matches!(next, '!' | '?' | '！' | '？')
            {
                end = j + next.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        if ends_sentence(text, start, i, c, end) {
            push_trimmed(&mut out, &text[start..end]);
            start = end;
        }
    }
    push_trimmed(&mut out, &text[start..]);
    out
}

fn push_trimmed<'a>(out: &mut Vec<&'a str>, piece: &'a str) {
    let piece = piece.trim();
    if !piece.is_empty() {
        out.push(piece);
    }
}

/// Whether the terminal `mark` at `at` (punctuation run ending at `end`) closes
/// the sentence that began at `start`.
fn ends_sentence(text: &str, start: usize, at: usize, mark: char, end: usize) -> bool {
    if matches!(mark, '。' | '！' | '？') {
        return true;
    }
    let rest = &text[end..];
    let next = rest.chars().next();
    match next {
        None => return true,
        Some(n) if crate::text::is_cjk(n) => {
            return mark != '.' || !is_abbreviation(&text[start..at])
        }
        Some(n) if !n.is_whitespace() => return false,
        _ => {}
    }
    let next_word = rest.trim_start().chars().next();
    let starts_sentence = next_word.is_some_and(|n| {
        n.is_uppercase()
            || n.is_ascii_digit()
            || crate::text::is_cjk(n)
            || "\"'\u{201C}\u{2018}(「".contains(n)
    });
    starts_sentence && (mark != '.' || !is_abbreviation(&text[start..at]))
}

/// True when the text before a period ends with an abbreviation or an initial.
fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    let word = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    let is_initial = word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase());
    is_initial || ABBREVIATIONS.contains(&word.to_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_english_sentences() {
        let text =
            "Xiaomi was founded in April 2010. It sold phones online! Why did it work? Fans.";
        assert_eq!(
            split_sentences(text),
            vec![
                "Xiaomi was founded in April 2010.",
                "It sold phones online!",
                "Why did it work?",
                "Fans."
            ]
        );
    }

    #[test]
    fn keeps_abbreviations_initials_and_decimals_inside_sentences() {
        let text = "Mr. Lei met J. Smith in the U.S. market. Its value was US$1.4 trillion. Next came cars.";
        assert_eq!(
            split_sentences(text),
            vec![
                "Mr. Lei met J. Smith in the U.S. market.",
                "Its value was US$1.4 trillion.",
                "Next came cars."
            ]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        let text = "He said: \u{201C}Be fast.\u{201D} Then he left. \"Really?\" she asked.";
        assert_eq!(
            split_sentences(text),
            vec![
                "He said: \u{201C}Be fast.\u{201D}",
                "Then he left.",
                "\"Really?\" she asked."
            ]
        );
    }

    #[test]
    fn splits_chinese_sentences() {
        let text =
            "小米手机的红火，让其粉丝营销备受关注。如何把产品做到极致？改！再改！“口碑为王。”好";
        assert_eq!(
            split_sentences(text),
            vec![
                "小米手机的红火，让其粉丝营销备受关注。",
                "如何把产品做到极致？",
                "改！",
                "再改！",
                "“口碑为王。”",
                "好"
            ]
        );
    }

    #[test]
    fn numbers_sentences_across_paragraphs() {
        let paragraphs = vec!["One. Two.".to_string(), "三。".to_string()];
        let sentences = article_sentences(&paragraphs);
        let orders: Vec<(usize, usize)> =
            sentences.iter().map(|s| (s.paragraph, s.order)).collect();
        assert_eq!(orders, vec![(0, 0), (0, 1), (1, 2)]);
    }
}
