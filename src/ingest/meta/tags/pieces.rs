//! Tags that are pieces of something longer: a word of a longer name or of
//! a Title Case headline, a word of a quoted slogan. They are no tags of
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
}
