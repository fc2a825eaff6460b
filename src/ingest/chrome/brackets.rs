//! Bracketed notes at the edges of a paragraph: wire credits, bylines and
//! editor lines (`（中央社記者…電）`, `（編輯：…）1111124`) are cut off the
//! line they open or close; a short caption that ends in a credit goes whole.

use super::Chrome;

impl Chrome {
    /// A bracketed credit, byline or note at the start or end of a line
    /// (`（中央社記者…電）`, `（編輯：…）1111124`), cut off; a line that held
    /// nothing else goes, and so does a short caption ending in a credit.
    pub fn trim_brackets(&self, line: &str) -> Option<String> {
        let mut text = line.trim().to_string();
        let mut credit = false;
        if let Some((inner, rest)) = bracketed_start(&text) {
            if self.is_bracket_chrome(inner) {
                text = rest.trim().to_string();
                credit = true;
            }
        }
        if let Some((rest, inner)) = bracketed_end(&text) {
            if self.is_bracket_chrome(inner) {
                let short = rest.chars().count() <= 20 && rest.split_whitespace().count() <= 12;
                text = if short {
                    String::new()
                } else {
                    rest.trim().to_string()
                };
                credit = true;
            }
        }
        credit.then_some(text)
    }

    fn is_bracket_chrome(&self, inner: &str) -> bool {
        let hits = self.lexicon.hits(inner);
        inner.chars().count() <= 40
            && hits.iter().any(|h| {
                matches!(
                    self.lexicon.class(h.class).name.as_str(),
                    "byline" | "credit" | "copyright"
                )
            })
    }
}

/// `（…）rest` → (inner, rest).
fn bracketed_start(text: &str) -> Option<(&str, &str)> {
    let rest = text.strip_prefix(['（', '(', '【', '['])?;
    let end = rest.find(['）', ')', '】', ']'])?;
    let close = rest[end..].chars().next()?.len_utf8();
    Some((&rest[..end], &rest[end + close..]))
}

/// `rest（…）123` → (rest, inner); digits after the bracket go with it.
fn bracketed_end(text: &str) -> Option<(&str, &str)> {
    let t = text
        .trim_end_matches(|c: char| c.is_ascii_digit())
        .trim_end();
    let body = t.strip_suffix(['）', ')', '】', ']'])?;
    let open = body.rfind(['（', '(', '【', '['])?;
    let open_len = body[open..].chars().next()?.len_utf8();
    Some((&body[..open], &body[open + open_len..]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::chrome::lexicon::Lexicon;

    #[test]
    fn bracketed_credits_are_cut() {
        let lexicon = Lexicon::embedded().unwrap();
        let judge = Chrome::new(lexicon, &[]);
        assert_eq!(judge.trim_brackets("（中央社記者吳欣宜台北24日電）鴻海今天公布財報，營收創新高，市場反應熱烈，股價上漲。").as_deref(), Some("鴻海今天公布財報，營收創新高，市場反應熱烈，股價上漲。"));
        assert_eq!(
            judge.trim_brackets("工廠外觀。（中央社）").as_deref(),
            Some("")
        );
        assert_eq!(judge.trim_brackets("他說，這是長期的挑戰，公司會持續投資研發，也會照顧員工權益。（編輯：楊凱翔）1111124").as_deref(), Some("他說，這是長期的挑戰，公司會持續投資研發，也會照顧員工權益。"));
        assert_eq!(judge.trim_brackets("营收增长（同比）很快。"), None);
    }
}
