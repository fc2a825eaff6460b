//! Whether a name found in running text may become an automatic link: the
//! name matcher already keeps Latin names on word boundaries; a link must
//! also not cut a hyphenated compound (`Scalper-gate`), a number
//! (`Xiaomi 1 1`, `Mi 3.5`), a web address or hashtag (`ikea.com`,
//! `#Xiaomi`), a Chinese word (`小米粥` is millet porridge) or stand inside
//! the title of a book or film (`《参与感》` names the book, not the idea).
//!
//! Chinese word edges come from jieba (without its HMM, so an unknown name
//! is never glued to its neighbours): a name is a word of its own when the
//! segmentation of a few characters around it has a cut at both its ends.

use crate::text::{has_cjk, is_word_char};

/// Characters either side of a Chinese name that jieba looks at.
const WINDOW: usize = 6;

/// Whether the name at `start..end` of `text` may be linked.
pub fn fits(text: &str, start: usize, end: usize) -> bool {
    let before = &text[..start];
    let after = &text[end..];
    let name = &text[start..end];
    let cut = joins_compound(before, after)
        || splits_number(name, before, after)
        || in_address(before, after)
        || in_title_marks(before)
        || (has_cjk(name) && cuts_chinese_word(before, name, after));
    !cut
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑')
}

/// `Scalper-gate`, `anti-scalper`, `Xiaomi-made`: a hyphen joins the name
/// to a word.
fn joins_compound(before: &str, after: &str) -> bool {
    let mut next = after.chars();
    let joined_after = next.next().is_some_and(is_hyphen) && next.next().is_some_and(is_word_char);
    let mut prev = before.chars().rev();
    let joined_before = prev.next().is_some_and(is_hyphen) && prev.next().is_some_and(is_word_char);
    joined_after || joined_before
}

/// A name that ends (or starts) with a digit, followed (or preceded) by more
/// digits: `Xiaomi 1 1`, `Mi 3.5`, `Mi 3 4G`, `2 Mi 3`.
fn splits_number(name: &str, before: &str, after: &str) -> bool {
    let digit_then = |s: &mut dyn Iterator<Item = char>| match s.next() {
        Some(c) if c.is_ascii_digit() => true,
        Some(' ' | '\u{a0}' | '.' | ',') => s.next().is_some_and(|c| c.is_ascii_digit()),
        _ => false,
    };
    let ends_digit = name.chars().next_back().is_some_and(|c| c.is_ascii_digit());
    let starts_digit = name.chars().next().is_some_and(|c| c.is_ascii_digit());
    (ends_digit && digit_then(&mut after.chars()))
        || (starts_digit && digit_then(&mut before.chars().rev()))
}

/// `ikea.com`, `xiaomi.cn/forum`, `@Xiaomi`, `#Xiaomi`, `mi_fans`.
fn in_address(before: &str, after: &str) -> bool {
    let mut next = after.chars();
    let dotted = match next.next() {
        Some('.') => next.next().is_some_and(|c| c.is_ascii_alphanumeric()),
        Some('/' | '@' | '_') => true,
        _ => false,
    };
    let marked = before
        .chars()
        .next_back()
        .is_some_and(|c| matches!(c, '#' | '@' | '/' | '.' | '_' | '＃'));
    dotted || marked
}

/// Inside `《…》` or `〈…〉`: an opening mark before the name that is not
/// closed before it.
fn in_title_marks(before: &str) -> bool {
    let open = before.rfind(['《', '〈']);
    let close = before.rfind(['》', '〉']);
    match (open, close) {
        (Some(o), Some(c)) => o > c,
        (Some(_), None) => true,
        _ => false,
    }
}

/// Whether jieba, reading a few characters around the name, puts a word
/// across either of its ends (`小米粥`, `小米椒`).
fn cuts_chinese_word(before: &str, name: &str, after: &str) -> bool {
    let cjk_before = before.chars().next_back().is_some_and(crate::text::is_cjk);
    let cjk_after = after.chars().next().is_some_and(crate::text::is_cjk);
    if !cjk_before && !cjk_after {
        return false;
    }
    let left: String = {
        let mut chars: Vec<char> = before.chars().rev().take(WINDOW).collect();
        chars.reverse();
        chars.into_iter().collect()
    };
    let right: String = after.chars().take(WINDOW).collect();
    let window = format!("{left}{name}{right}");
    let (from, to) = (left.len(), left.len() + name.len());
    let jieba = crate::text::jieba();
    let mut cuts = vec![0];
    cuts.extend(jieba.cut(&window, false).iter().map(|t| t.byte_end));
    !(cuts.contains(&from) && cuts.contains(&to))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fits_name(text: &str, name: &str) -> bool {
        let start = text.find(name).expect("name in text");
        fits(text, start, start + name.len())
    }

    #[test]
    fn hyphenated_compounds_and_numbers_are_not_cut() {
        assert!(!fits_name("the Scalper-gate incident", "Scalper"));
        assert!(!fits_name("anti-scalper rules", "scalper"));
        assert!(!fits_name("Xiaomi 1 1 was released", "Xiaomi 1"));
        assert!(!fits_name("Mi 3.5 was never made", "Mi 3"));
        assert!(fits_name("the Mi 3 was, and it sold", "Mi 3"));
        assert!(fits_name("Xiaomi's software", "Xiaomi"));
        assert!(fits_name("Xiaomi - the company", "Xiaomi"));
    }

    #[test]
    fn addresses_hashtags_and_titles_are_not_linked() {
        assert!(!fits_name("visit ikea.com today", "ikea"));
        assert!(!fits_name("posts tagged #Xiaomi", "Xiaomi"));
        assert!(fits_name("IKEA. Then", "IKEA"));
        assert!(!fits_name("书《参与感》中", "参与感"));
        let text = "《参与感》一书之后，参与感成了口号";
        let second = text.rfind("参与感").expect("second");
        assert!(fits(text, second, second + "参与感".len()));
    }

    #[test]
    fn chinese_names_keep_to_word_edges() {
        assert!(!fits_name("他喝了一碗小米粥。", "小米"));
        assert!(fits_name("小米随后调整了规则。", "小米"));
        assert!(fits_name("下午就去了华为的门店。", "华为"));
    }
}
