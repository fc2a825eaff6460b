//! The one HTML and XML escaper: every template variable, feed and sitemap
//! value, SVG label, code block and generated attribute goes through it.
//! `&<>"'` become entities, for HTML text and quoted attributes alike (XML
//! knows the same entities), and characters that neither XML 1.0 nor HTML
//! allow in text (C0 controls other than tab, newline and carriage return;
//! U+FFFE, U+FFFF) are dropped, so the output is well-formed in both. `/` is
//! left alone so URLs stay readable.
//!
//! (Writing Markdown that must read as literal text is another job:
//! `ingest::markdown`.)

/// What the character starting with byte `i` of `input` becomes: `None`
/// when it stays as it is, else its entity (empty when it is dropped) and
/// its length. Every character that changes is ASCII or U+FFFE/U+FFFF
/// (`EF BF BE`/`EF BF BF`), so the text is read a byte at a time.
fn replacement(input: &[u8], i: usize) -> Option<(&'static str, usize)> {
    match input[i] {
        b'&' => Some(("&amp;", 1)),
        b'<' => Some(("&lt;", 1)),
        b'>' => Some(("&gt;", 1)),
        b'"' => Some(("&quot;", 1)),
        b'\'' => Some(("&#39;", 1)),
        b'\t' | b'\n' | b'\r' => None,
        0..=0x1F => Some(("", 1)),
        0xEF => matches!(input.get(i + 1..i + 3), Some([0xBF, 0xBE | 0xBF])).then_some(("", 3)),
        _ => None,
    }
}

/// Whether byte `b` may start a character that `replacement` changes.
fn may_change(b: u8) -> bool {
    matches!(b, b'&' | b'<' | b'>' | b'"' | b'\'' | 0..=0x1F | 0xEF)
}

/// Hands `input` to `push` escaped, as runs of plain text and entities.
fn escape_runs(input: &str, mut push: impl FnMut(&str)) {
    let bytes = input.as_bytes();
    let mut last = 0;
    let mut i = 0;
    while let Some(k) = bytes[i..].iter().position(|&b| may_change(b)) {
        let at = i + k;
        i = at + 1;
        let Some((entity, len)) = replacement(bytes, at) else {
            continue;
        };
        if at > last {
            push(&input[last..at]);
        }
        push(entity);
        i = at + len;
        last = i;
    }
    if last < input.len() {
        push(&input[last..]);
    }
}

/// Appends `input` to `out`, escaped.
pub fn push_escaped(out: &mut String, input: &str) {
    out.reserve(input.len());
    escape_runs(input, |run| out.push_str(run));
}

/// `input`, escaped.
pub fn escaped(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    push_escaped(&mut out, input);
    out
}

/// Writes `input` to `out`, escaped (how templates print every variable).
pub fn escape_into(input: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut result = Ok(());
    escape_runs(input, |run| {
        if result.is_ok() {
            result = out.write_all(run.as_bytes());
        }
    });
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_keeps_other_text() {
        assert_eq!(
            escaped(r#"<a href="x">'小米' & Co</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&#39;小米&#39; &amp; Co&lt;/a&gt;"
        );
        assert_eq!(escaped("口碑 /a/b?c=1"), "口碑 /a/b?c=1");
        assert_eq!(escaped(""), "");
    }

    #[test]
    fn drops_characters_xml_forbids() {
        assert_eq!(escaped("a\u{1}b\u{1b}c\td\ne\r"), "abc\td\ne\r");
        assert_eq!(
            escaped("x\u{FFFE}y\u{FFFF}z\u{FFFD}，\u{EFFF}"),
            "xyz\u{FFFD}，\u{EFFF}"
        );
    }

    #[test]
    fn escaping_into_a_writer_matches_escaping_to_a_string() {
        for input in [
            r#"<a href="x">'小米' & Co</a>"#,
            "口碑",
            "",
            "&",
            "a<b",
            "\u{1}",
        ] {
            let mut out = Vec::new();
            escape_into(input, &mut out).unwrap();
            assert_eq!(String::from_utf8(out).unwrap(), escaped(input));
        }
    }
}
