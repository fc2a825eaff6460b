//! Character classes of typesetting and the spans it must not touch: URLs,
//! e-mail addresses and `code`.

/// A Latin letter (ASCII or accented) or an ASCII digit.
pub fn is_latin(c: char) -> bool {
    c.is_ascii_alphanumeric() || ('\u{C0}'..='\u{24F}').contains(&c) && c.is_alphabetic()
}

/// A Chinese character or a full-width (CJK) punctuation mark.
pub fn is_zh_side(c: char) -> bool {
    crate::text::is_cjk(c)
        || ('\u{3000}'..='\u{303F}').contains(&c)
        || ('\u{FF00}'..='\u{FFEF}').contains(&c)
        || matches!(c, '“' | '”' | '‘' | '’' | '…' | '—' | '·')
}

/// URL starts.
const URL_STARTS: &[&str] = &["https://", "http://", "ftp://", "www."];
/// Marks that end a sentence after a URL rather than belong to it.
const URL_TRAILERS: &[char] = &['.', ',', ';', ':', '!', '?', ')', '\'', '"'];

/// For each char, whether it lies in a URL, an e-mail address or a `code` span.
pub fn protected(chars: &[char]) -> Vec<bool> {
    let mut guard = vec![false; chars.len()];
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '`' {
            if let Some(end) = (i + 1..chars.len()).find(|&j| chars[j] == '`') {
                guard[i..=end].iter_mut().for_each(|g| *g = true);
                i = end + 1;
                continue;
            }
        }
        if let Some(end) = url_end(chars, i) {
            guard[i..end].iter_mut().for_each(|g| *g = true);
            i = end;
            continue;
        }
        i += 1;
    }
    for (start, end) in emails(chars) {
        guard[start..end].iter_mut().for_each(|g| *g = true);
    }
    guard
}

/// The end of a URL starting at `i`, if one starts there.
fn url_end(chars: &[char], i: usize) -> Option<usize> {
    if i > 0 && chars[i - 1].is_ascii_alphanumeric() {
        return None;
    }
    let starts = URL_STARTS.iter().any(|s| {
        let n = s.chars().count();
        chars.len() >= i + n
            && chars[i..i + n]
                .iter()
                .zip(s.chars())
                .all(|(a, b)| a.eq_ignore_ascii_case(&b))
    });
    if !starts {
        return None;
    }
    let mut end = (i..chars.len())
        .find(|&j| !chars[j].is_ascii_graphic())
        .unwrap_or(chars.len());
    while end > i && URL_TRAILERS.contains(&chars[end - 1]) {
        end -= 1;
    }
    Some(end)
}

/// `(start, end)` of each e-mail address.
fn emails(chars: &[char]) -> Vec<(usize, usize)> {
    let local = |c: char| c.is_ascii_alphanumeric() || "._%+-".contains(c);
    let domain = |c: char| c.is_ascii_alphanumeric() || ".-".contains(c);
    let mut out = Vec::new();
    for at in (1..chars.len().saturating_sub(1)).filter(|&i| chars[i] == '@') {
        let start = (0..at)
            .rev()
            .take_while(|&j| local(chars[j]))
            .last()
            .unwrap_or(at);
        let mut end = (at + 1..chars.len())
            .take_while(|&j| domain(chars[j]))
            .last()
            .map_or(at + 1, |j| j + 1);
        while end > at + 1 && chars[end - 1] == '.' {
            end -= 1;
        }
        let dotted = chars[at + 1..end].contains(&'.');
        if start < at && dotted {
            out.push((start, end));
        }
    }
    out
}
