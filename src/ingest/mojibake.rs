//! Mojibake repair: UTF-8 text that was once decoded as cp1252/latin-1.
//!
//! `â€œ` is the UTF-8 bytes of `“` read as cp1252. Runs of such characters
//! are mapped back to bytes and re-read as UTF-8 (ftfy's idea). Two context
//! rules cover what a byte-level fix cannot: `â€` followed by a character
//! that cannot continue the sequence lost its third byte (0x9D, undefined
//! in cp1252), so it is `”`; and `†` right after a word inside an open `“`
//! is `”` plus a swallowed space (the 0x9D was lost and the space became
//! 0xA0, which completes `E2 80 A0` = `†`).

use super::report::Report;

/// cp1252 characters 0x80–0x9F that are not C1 controls.
const CP1252_HIGH: [(char, u8); 27] = [
    ('€', 0x80),
    ('‚', 0x82),
    ('ƒ', 0x83),
    ('„', 0x84),
    ('…', 0x85),
    ('†', 0x86),
    ('‡', 0x87),
    ('ˆ', 0x88),
    ('‰', 0x89),
    ('Š', 0x8A),
    ('‹', 0x8B),
    ('Œ', 0x8C),
    ('Ž', 0x8E),
    ('‘', 0x91),
    ('’', 0x92),
    ('“', 0x93),
    ('”', 0x94),
    ('•', 0x95),
    ('–', 0x96),
    ('—', 0x97),
    ('˜', 0x98),
    ('™', 0x99),
    ('š', 0x9A),
    ('›', 0x9B),
    ('œ', 0x9C),
    ('ž', 0x9E),
    ('Ÿ', 0x9F),
];

/// The cp1252 (or latin-1) byte a character came from, if it is one.
fn byte_of(c: char) -> Option<u8> {
    let code = c as u32;
    if (0x80..=0xFF).contains(&code) {
        return Some(code as u8);
    }
    CP1252_HIGH.iter().find(|(ch, _)| *ch == c).map(|&(_, b)| b)
}

fn is_continuation(c: char) -> bool {
    byte_of(c).is_some_and(|b| (0x80..=0xBF).contains(&b))
}

/// How many bytes a UTF-8 sequence with this lead byte has.
fn sequence_len(lead: u8) -> Option<usize> {
    match lead {
        0xC2..=0xDF => Some(2),
        0xE0..=0xEF => Some(3),
        0xF0..=0xF4 => Some(4),
        _ => None,
    }
}

/// Repairs mojibake in `text`, counting each repaired sequence.
pub fn repair(text: &str, report: &mut Report) -> String {
    if !text
        .chars()
        .any(|c| byte_of(c).is_some_and(|b| sequence_len(b).is_some()))
    {
        return text.to_string();
    }
    // Twice: text can be mis-decoded twice over.
    let once = repair_pass(text, report);
    repair_pass(&once, report)
}

fn repair_pass(text: &str, report: &mut Report) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if let Some((fixed, used)) = fix_at(&chars, i) {
            let original: String = chars[i..i + used].iter().collect();
            report.add("mojibake", 1, format!("{original} → {fixed}"));
            out.push_str(&fixed);
            i += used;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

/// A repaired sequence starting at `i`, with the number of chars it replaces.
fn fix_at(chars: &[char], i: usize) -> Option<(String, usize)> {
    let lead = byte_of(chars[i])?;
    let len = sequence_len(lead)?;
    let tail = chars.get(i + 1..i + len);
    if let Some(tail) = tail.filter(|t| t.iter().all(|&c| is_continuation(c))) {
        let mut bytes = vec![lead];
        bytes.extend(tail.iter().filter_map(|&c| byte_of(c)));
        if let Ok(s) = String::from_utf8(bytes) {
            if !s.chars().any(|c| c.is_control()) {
                return Some((s, len));
            }
        }
    }
    // `â€` whose third byte (0x9D of `”`) was dropped.
    if chars[i] == 'â'
        && chars.get(i + 1) == Some(&'€')
        && !chars.get(i + 2).is_some_and(|&c| is_continuation(c))
    {
        return Some(("”".to_string(), 2));
    }
    None
}

/// `†` right after a word inside an open `“` → `”` (and the space it swallowed).
pub fn repair_dagger_quotes(text: &str, report: &mut Report) -> String {
    if !text.contains('†') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for (n, line) in text.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
        }
        out.push_str(&repair_dagger_line(line, report));
    }
    out
}

fn repair_dagger_line(line: &str, report: &mut Report) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len());
    let mut open = 0i32;
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '“' => open += 1,
            '”' => open -= 1,
            '†' if open > 0 && i > 0 && is_word_end(chars[i - 1]) => {
                open -= 1;
                out.push('”');
                if chars.get(i + 1).is_some_and(|n| n.is_alphanumeric()) {
                    out.push(' ');
                }
                report.add("dagger-quote", 1, "† → ” ");
                continue;
            }
            _ => {}
        }
        out.push(c);
    }
    out
}

fn is_word_end(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '.' | '!' | '?' | ',')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(s: &str) -> (String, Report) {
        let mut r = Report::default();
        let t = repair(s, &mut r);
        let t = repair_dagger_quotes(&t, &mut r);
        (t, r)
    }

    #[test]
    fn cp1252_sequences() {
        let (t, r) = fix("Xiaomiâ€™s â€œfanâ€\u{9d} â€” cafÃ© â€¦");
        assert_eq!(t, "Xiaomi’s “fan” — café …");
        assert_eq!(r.count("mojibake"), 6);
    }

    #[test]
    fn lost_third_byte_is_closing_quote() {
        assert_eq!(
            fix("“Privacy Gateâ€, the 1799").0,
            "“Privacy Gate”, the 1799"
        );
        assert_eq!(fix("said â€œnoâ€").0, "said “no”");
    }

    #[test]
    fn dagger_after_word_in_open_quote() {
        let (t, r) = fix("the vortex of “privacy door†and was in the “Privacy Gate†incident.");
        assert_eq!(
            t,
            "the vortex of “privacy door” and was in the “Privacy Gate” incident."
        );
        assert_eq!(r.count("dagger-quote"), 2);
    }

    #[test]
    fn real_daggers_stay() {
        let s = "Lei Jun† was there. † footnote. “quote” then A†";
        assert_eq!(fix(s).0, s);
    }

    #[test]
    fn chinese_mojibake() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode("x");
        assert_eq!(bytes.as_ref(), b"x");
        let (garbled, _, _) = encoding_rs::WINDOWS_1252.decode("小米".as_bytes());
        assert_eq!(fix(&garbled).0, "小米");
    }

    #[test]
    fn clean_text_untouched() {
        for s in [
            "Xiaomi’s “privacy door” – café naïve 360° résumé",
            "小米的“口碑”传播——法则。",
            "Ça va? À bientôt. Über straße",
        ] {
            let (t, r) = fix(s);
            assert_eq!(t, s);
            assert_eq!(r.count("mojibake"), 0);
        }
    }

    #[test]
    fn double_encoding() {
        assert_eq!(fix("cafÃƒÂ©").0, "café");
    }
}
