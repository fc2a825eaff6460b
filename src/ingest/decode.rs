//! Decoding: seed bytes → text, whatever the encoding.
//!
//! BOMs win; then UTF-16 without a BOM is recognised by its zero bytes; then
//! valid UTF-8; else chardetng guesses (GBK/GB18030, Big5, windows-1252, …)
//! and encoding_rs decodes. Line endings become `\n`. Empty, binary and
//! undecodable inputs are refused with a reason, so the caller can warn.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, GB18030, GBK, UTF_16BE, UTF_16LE, UTF_8};

/// Decoded text and the name of the encoding it was in.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
}

/// Why a seed cannot be used.
#[derive(Debug, Clone, PartialEq)]
pub enum DecodeError {
    Empty,
    Binary,
    Undecodable(&'static str),
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::Empty => write!(f, "seed is empty; skipped"),
            DecodeError::Binary => write!(f, "seed looks like binary data, not text; skipped"),
            DecodeError::Undecodable(enc) => {
                write!(f, "seed cannot be decoded (best guess {enc}); skipped")
            }
        }
    }
}

/// Share of replacement characters above which a decode is refused.
const MAX_REPLACEMENT_SHARE: f64 = 0.01;
/// Share of control characters above which text is called binary.
const MAX_CONTROL_SHARE: f64 = 0.01;

/// Decodes seed bytes into `\n`-separated text.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(DecodeError::Empty);
    }
    let encoding = detect(bytes);
    let (text, _, had_errors) = encoding.decode(bytes);
    let text = normalise_newlines(text.strip_prefix('\u{feff}').unwrap_or(&text));
    if looks_binary(&text) {
        return Err(DecodeError::Binary);
    }
    if had_errors && replacement_share(&text) > MAX_REPLACEMENT_SHARE {
        return Err(DecodeError::Undecodable(encoding.name()));
    }
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    Ok(Decoded {
        text,
        encoding: display_name(encoding),
    })
}

/// The encoding of `bytes`: BOM, zero-byte pattern, UTF-8 validity, then chardetng.
pub fn detect(bytes: &[u8]) -> &'static Encoding {
    if let Some((enc, _)) = Encoding::for_bom(bytes) {
        return enc;
    }
    if let Some(enc) = utf16_without_bom(bytes) {
        return enc;
    }
    if std::str::from_utf8(bytes).is_ok() {
        return UTF_8;
    }
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(None, Utf8Detection::Allow);
    // GB18030 is a superset of GBK; decoding with it loses nothing.
    if guess == GBK {
        GB18030
    } else {
        guess
    }
}

/// UTF-16 text without a BOM. Latin text has zero bytes in every other
/// position; CJK text has few, but its ASCII (newlines, digits, spaces)
/// still puts zeros at one parity only — no 8-bit encoding has zero bytes —
/// and it decodes to plausible characters.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let pairs = bytes.len() / 2;
    let even_zero = bytes.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_zero = bytes.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    let mostly = |n: usize| n * 10 >= pairs * 3;
    let rarely = |n: usize| n * 20 <= pairs;
    if mostly(odd_zero) && rarely(even_zero) {
        return Some(UTF_16LE);
    }
    if mostly(even_zero) && rarely(odd_zero) {
        return Some(UTF_16BE);
    }
    // Some ideographs end in a zero byte (`一` is U+4E00), so the other
    // parity may have many too: both readings are decoded and the one that
    // reads as text wins.
    let reading = |enc: &'static Encoding, zeros: usize| {
        if zeros < MIN_UTF16_ZEROS {
            return 0.0;
        }
        let (text, had_errors) = enc.decode_without_bom_handling(bytes);
        if had_errors {
            0.0
        } else {
            plausible_share(&text)
        }
    };
    let le = reading(UTF_16LE, odd_zero);
    let be = reading(UTF_16BE, even_zero);
    let (best, share, other) = if le >= be {
        (UTF_16LE, le, be)
    } else {
        (UTF_16BE, be, le)
    };
    (share >= MIN_PLAUSIBLE_SHARE && share > other).then_some(best)
}

/// Zero bytes (ASCII characters) needed before CJK UTF-16 is considered.
const MIN_UTF16_ZEROS: usize = 4;
/// Share of characters that must be ordinary text for a UTF-16 guess.
const MIN_PLAUSIBLE_SHARE: f64 = 0.95;

/// Share of characters that are ASCII text, CJK or common punctuation.
fn plausible_share(text: &str) -> f64 {
    let total = text.chars().count().max(1);
    let plausible = text
        .chars()
        .filter(|&c| {
            matches!(c, ' '..='~' | '\n' | '\r' | '\t')
                || crate::text::is_cjk(c)
                || matches!(c as u32, 0x2000..=0x206F | 0x3000..=0x303F | 0xFF00..=0xFFEF | 0xA0..=0xFF)
        })
        .count();
    plausible as f64 / total as f64
}

fn display_name(enc: &'static Encoding) -> &'static str {
    match enc.name() {
        "gb18030" => "GB18030",
        name => name,
    }
}

/// CRLF and lone CR become LF.
pub fn normalise_newlines(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// Many C0 control characters, or a NUL. C1 controls (U+0080–U+009F) are not
/// counted: UTF-8 read as cp1252 keeps its undefined bytes as those, and the
/// mojibake repair turns them back.
fn looks_binary(text: &str) -> bool {
    let total = text.chars().count().max(1);
    let controls = text
        .chars()
        .filter(|&c| {
            c == '\0' || (c < '\u{80}' && c.is_control() && !matches!(c, '\n' | '\t' | '\u{c}'))
        })
        .count();
    text.contains('\0') || controls as f64 / total as f64 > MAX_CONTROL_SHARE
}

fn replacement_share(text: &str) -> f64 {
    let total = text.chars().count().max(1);
    text.chars().filter(|&c| c == '\u{fffd}').count() as f64 / total as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    const ZH: &str = "小米的口碑传播法则\r\n一年在小米科技联合创始人黎万强新出的书《参与感》中，披露了小米的口碑传播法则。互联网思维就是口碑为王。\r\n";
    const EN: &str = "Xiaomi’s “fan” marketing\r\nLei Jun said the café was open.\r\n";

    #[test]
    fn utf8_with_bom_and_crlf() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice(EN.as_bytes());
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(
            d.text,
            "Xiaomi’s “fan” marketing\nLei Jun said the café was open.\n"
        );
    }

    #[test]
    fn gb18030_chinese() {
        let (bytes, _, _) = GB18030.encode(ZH);
        let d = decode(&bytes).unwrap();
        assert!(
            d.encoding == "GB18030" || d.encoding == "GBK",
            "{}",
            d.encoding
        );
        assert_eq!(d.text, normalise_newlines(ZH));
    }

    #[test]
    fn gbk_chinese() {
        let (bytes, _, _) = GBK.encode(ZH);
        assert_eq!(decode(&bytes).unwrap().text, normalise_newlines(ZH));
    }

    fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        let units = if bom {
            std::iter::once(0xFEFF)
                .chain(text.encode_utf16())
                .collect::<Vec<u16>>()
        } else {
            text.encode_utf16().collect()
        };
        for u in units {
            out.extend_from_slice(&if big_endian {
                u.to_be_bytes()
            } else {
                u.to_le_bytes()
            });
        }
        out
    }

    #[test]
    fn utf16_all_variants() {
        for (be, bom) in [(false, true), (true, true), (false, false), (true, false)] {
            let d = decode(&utf16(EN, be, bom)).unwrap();
            assert_eq!(d.text, normalise_newlines(EN), "be={be} bom={bom}");
            assert_eq!(d.encoding, if be { "UTF-16BE" } else { "UTF-16LE" });
        }
        for (be, bom) in [(false, true), (true, true), (false, false), (true, false)] {
            let d = decode(&utf16(ZH, be, bom)).unwrap();
            assert_eq!(d.text, normalise_newlines(ZH), "be={be} bom={bom}");
        }
    }

    #[test]
    fn utf16_without_bom_with_many_ideographs_ending_in_zero() {
        // `一` (U+4E00) and `开` (U+5F00) put zeros at the parity opposite to
        // the ASCII zeros, as often as ASCII does.
        let zh =
            "第一，一定要统一口径。\n一开始一共开了一百家店，一年后一千家。\n2020年\n".repeat(4);
        for be in [false, true] {
            let d = decode(&utf16(&zh, be, false)).unwrap();
            assert_eq!(d.text, zh, "be={be}");
        }
    }

    #[test]
    fn lone_cr_is_a_newline() {
        assert_eq!(decode(b"a\rb\r\nc").unwrap().text, "a\nb\nc");
    }

    #[test]
    fn refuses_empty_and_binary() {
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        assert_eq!(decode(b" \r\n "), Err(DecodeError::Empty));
        let binary: Vec<u8> = (0u8..=255).cycle().take(2048).collect();
        assert!(decode(&binary).is_err());
        assert_eq!(
            decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10"),
            Err(DecodeError::Binary)
        );
    }

    #[test]
    fn windows_1252_english() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1252
            .encode("The caf\u{e9} said \u{201c}hello\u{201d} to everyone in the room today.");
        let d = decode(&bytes).unwrap();
        assert!(d.text.contains("café"), "{}", d.text);
    }
}
