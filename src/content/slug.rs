//! Slugs for URLs and heading ids.
//!
//! Chinese stays Chinese (no guessed pinyin, which is often wrong for names),
//! Latin text is lower-cased and joined with `-`, and nothing that could walk
//! out of `public/` (`/`, `\`, `..`, control characters) survives.

use std::collections::HashMap;

/// `"Xiaomi's Privacy Gate"` → `xiaomis-privacy-gate`; `"小米 口碑"` → `小米-口碑`.
pub fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_dash = false;
    for c in text.chars() {
        if c == '\'' || c == '’' {
            continue;
        }
        if c.is_alphanumeric() {
            if pending_dash && !out.is_empty() {
                out.push('-');
            }
            pending_dash = false;
            out.extend(c.to_lowercase());
        } else {
            pending_dash = true;
        }
    }
    truncate_chars(&out, 80).trim_end_matches('-').to_string()
}

fn truncate_chars(s: &str, max: usize) -> &str {
    match s.char_indices().nth(max) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// Hands out unique slugs: the second `intro` becomes `intro-1`, then `intro-2`.
#[derive(Debug, Default, Clone)]
pub struct SlugSet {
    seen: HashMap<String, usize>,
}

impl SlugSet {
    pub fn unique(&mut self, base: &str) -> String {
        let base = if base.is_empty() { "section" } else { base };
        let mut n = self.seen.get(base).copied().unwrap_or(0);
        let mut candidate = if n == 0 {
            base.to_string()
        } else {
            format!("{base}-{n}")
        };
        while self.seen.contains_key(&candidate) {
            n += 1;
            candidate = format!("{base}-{n}");
        }
        self.seen.insert(base.to_string(), n + 1);
        self.seen.entry(candidate.clone()).or_insert(1);
        candidate
    }
}

/// Percent-encodes a URL path, keeping `/` and unreserved ASCII.
pub fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Decodes `%XX` escapes; invalid escapes are kept as they are.
pub fn decode_path(path: &str) -> String {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() && path.is_char_boundary(i + 3) {
            if let Ok(v) = u8::from_str_radix(&path[i + 1..i + 3], 16) {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin() {
        assert_eq!(slugify("Xiaomi's Privacy Gate!"), "xiaomis-privacy-gate");
        assert_eq!(slugify("  Hello,   World  "), "hello-world");
    }

    #[test]
    fn chinese_stays_readable() {
        assert_eq!(slugify("小米的口碑传播法则"), "小米的口碑传播法则");
        assert_eq!(slugify("雷军 与 小米SU7"), "雷军-与-小米su7");
    }

    #[test]
    fn cannot_escape() {
        assert_eq!(slugify("../../etc/passwd"), "etc-passwd");
        assert_eq!(slugify(".."), "");
        assert!(!slugify("a\\b/c").contains(['/', '\\']));
    }

    #[test]
    fn unique_slugs() {
        let mut s = SlugSet::default();
        assert_eq!(s.unique("intro"), "intro");
        assert_eq!(s.unique("intro"), "intro-1");
        assert_eq!(s.unique("intro-1"), "intro-1-1");
        assert_eq!(s.unique("intro"), "intro-2");
        assert_eq!(s.unique(""), "section");
    }

    #[test]
    fn percent_encoding_round_trips() {
        let p = "/repo/case-studies/小米/";
        let e = encode_path(p);
        assert!(e.is_ascii());
        assert_eq!(decode_path(&e), p);
    }
}
