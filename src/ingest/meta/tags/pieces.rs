//! Tags that are pieces of something longer: a word of a longer name or of
//! a Title Case headline, a word of a quoted slogan, a measure word and its
//! noun cut off their number (`张照片` of `一张照片`). They are no tags of
//! their own.

/// A one-word English tag the text only ever writes capitalised beside
/// another capitalised word: a piece of a longer name (`Gen` of `Gen Z`) or
/// a word of a Title Case headline (`Favourite Villain`), no tag of its own.
pub(super) fn name_piece_en(tag: &str, text: &str) -> bool {
    if tag.contains(' ') || crate::text::has_cjk(tag) || tag.is_empty() {
        return false;
    }
    let capital = |w: &str| w.starts_with(|c: char| c.is_uppercase());
    let mut seen = false;
    for line in text.lines() {
        let words: Vec<&str> = line.split(' ').collect();
        for (i, w) in words.iter().enumerate() {
            if !super::super::names::bare(w).eq_ignore_ascii_case(tag) {
                continue;
            }
            seen = true;
            let joined = |j: Option<usize>| {
                j.and_then(|j| words.get(j))
                    .is_some_and(|n| capital(super::super::names::bare(n)))
            };
            let before = i
                .checked_sub(1)
                .filter(|&j| !super::super::names::ends_clause(words[j]));
            let after = (!super::super::names::ends_clause(w)).then_some(i + 1);
            if !capital(w) || !(joined(before) || joined(after)) {
                return false;
            }
        }
    }
    seen
}

/// A capitalised one-word English tag the text only ever writes inside a
/// quoted phrase of several words (`‘Copy Nothing’`): a piece of a slogan,
/// no tag.
pub(super) fn quote_piece(tag: &str, text: &str) -> bool {
    static QUOTED: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        crate::text::fixed::regex(
            r#"[“‘"]([^”’"
]{3,80})[”’"]"#,
        )
    });
    if tag.contains(' ') || crate::text::has_cjk(tag) || !tag.starts_with(char::is_uppercase) {
        return false;
    }
    let word = |w: &str| super::super::names::bare(w).eq_ignore_ascii_case(tag);
    let all = text.split_whitespace().filter(|w| word(w)).count();
    let quoted: usize = QUOTED
        .captures_iter(text)
        .filter_map(|c| c.get(1))
        .filter(|q| q.as_str().split_whitespace().count() >= 2)
        .map(|q| q.as_str().split_whitespace().filter(|w| word(w)).count())
        .sum();
    all > 0 && quoted >= all
}

/// Measure words that open a counted noun (`张照片`, `家门店`).
const MEASURE_WORDS: &str = "张个位家条件只款种次篇部台辆支份间座";
/// Numbers and demonstratives that stand before a measure word.
const COUNTERS: &str = "一二两三四五六七八九十百千几这那每某哪半整";

/// A Chinese tag that opens with a measure word the text always writes
/// after a number or a demonstrative (`一张照片`, `这张照片`).
pub(super) fn counted_piece_zh(tag: &str, text: &str) -> bool {
    if !tag.starts_with(|c| MEASURE_WORDS.contains(c)) {
        return false;
    }
    let mut seen = false;
    for (at, _) in text.match_indices(tag) {
        seen = true;
        if !text[..at].ends_with(|c| COUNTERS.contains(c)) {
            return false;
        }
    }
    seen
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_of_a_quoted_slogan_is_no_tag() {
        let text =
            "The slogan ‘Copy Nothing’ ran everywhere. Critics mocked “Copy nothing” at once.";
        assert!(quote_piece("Copy", text));
        assert!(!quote_piece("Copy", "Its ad copy said ‘Copy Nothing’."));
        assert!(!quote_piece("slogan", text));
    }

    #[test]
    fn a_measure_word_cut_off_its_number_is_no_tag() {
        let text = "他是通过一张照片出名的。这张照片传遍全网。张照是一位摄影师。";
        assert!(counted_piece_zh("张照片", text));
        assert!(
            !counted_piece_zh("张照", text),
            "a name after no number stays"
        );
        assert!(!counted_piece_zh("照片", text));
    }
}
