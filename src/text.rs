//! Shared text utilities: script detection and the one lazily loaded jieba.
//!
//! jieba's dictionary costs ~125 ms to load, so it is loaded once per process,
//! only when Chinese text is present, and can be warmed on a background
//! thread while other work goes on (`prewarm`). It also holds about 30 MB, so
//! a one-shot build lets go of it once every page is segmented (`release_jieba`).

use std::sync::{Arc, Mutex};

use jieba_rs::Jieba;

static JIEBA: Mutex<Option<Arc<Jieba>>> = Mutex::new(None);

/// The process-wide jieba segmenter, loaded on first use (callers arriving
/// while it loads wait for it).
pub fn jieba() -> Arc<Jieba> {
    let mut slot = JIEBA.lock().unwrap_or_else(|p| p.into_inner());
    slot.get_or_insert_with(|| Arc::new(Jieba::new())).clone()
}

/// Drops the process's hold on jieba; its memory is freed once the last user
/// is done, and a later `jieba()` loads it again.
pub fn release_jieba() {
    let taken = JIEBA.lock().unwrap_or_else(|p| p.into_inner()).take();
    drop(taken);
}

/// Starts loading jieba on a background thread (once per process); later
/// `jieba()` calls wait for it. Called as soon as any Chinese text is seen.
pub fn prewarm() {
    static START: std::sync::Once = std::sync::Once::new();
    START.call_once(|| {
        PREWARMED.store(true, std::sync::atomic::Ordering::Relaxed);
        std::thread::spawn(|| {
            jieba();
        });
    });
}

static PREWARMED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Whether `prewarm` was called: once it was, nobody needs to look for
/// Chinese text just to call it.
pub fn prewarm_started() -> bool {
    PREWARMED.load(std::sync::atomic::Ordering::Relaxed)
}

/// `String::from_utf8`, with the check done by SIMD (several times faster
/// on Chinese text, where the standard check goes byte by byte).
pub fn string_from_utf8(bytes: Vec<u8>) -> Result<String, std::string::FromUtf8Error> {
    if simdutf8::basic::from_utf8(&bytes).is_ok() {
        // SAFETY: simdutf8 has just checked that `bytes` is valid UTF-8.
        Ok(unsafe { String::from_utf8_unchecked(bytes) })
    } else {
        // The standard check says where the bad byte is.
        String::from_utf8(bytes)
    }
}

/// True for CJK ideographs (and the extension blocks).
pub fn is_cjk(c: char) -> bool {
    is_cjk_point(c as u32)
}

fn is_cjk_point(point: u32) -> bool {
    matches!(point,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2EBEF | 0x30000..=0x3134F)
}

const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// How many of the eight ASCII bytes in `w` are letters: each byte folded to
/// lower case, then tested for `a..=z` with byte-wise additions that set the
/// byte's high bit (no byte can carry into the next: all are below 0x80).
fn ascii_letters(w: u64) -> usize {
    let x = w | 0x2020_2020_2020_2020;
    let at_least_a = x.wrapping_add(0x1F1F_1F1F_1F1F_1F1F) & HIGH_BITS;
    let above_z = x.wrapping_add(0x0505_0505_0505_0505) & HIGH_BITS;
    (at_least_a & !above_z).count_ones() as usize
}

/// True when `s` contains at least one CJK ideograph.
pub fn has_cjk(s: &str) -> bool {
    s.chars().any(is_cjk)
}

/// `zh` when CJK ideographs make up a noticeable share of the letters, else `en`.
pub fn detect_lang(s: &str) -> &'static str {
    detect_lang_of(&[s])
}

/// `detect_lang` of several strings taken together (no copy is made).
pub fn detect_lang_of(parts: &[&str]) -> &'static str {
    let (mut cjk, mut latin) = (0usize, 0usize);
    for s in parts {
        let bytes = s.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // Eight ASCII bytes at a time (most of an English page).
            if let Some(word) = bytes.get(i..i + 8) {
                let w = u64::from_le_bytes(word.try_into().unwrap_or([0x80; 8]));
                if w & HIGH_BITS == 0 {
                    latin += ascii_letters(w);
                    i += 8;
                    continue;
                }
            }
            let b = bytes[i];
            if b < 0x80 {
                latin += usize::from(b.is_ascii_alphabetic());
                i += 1;
                continue;
            }
            // Outside ASCII (valid UTF-8, so the lead byte gives the width):
            // only three- and four-byte characters can be ideographs, and
            // their code point comes straight from the bytes.
            match b {
                0xC0..=0xDF => i += 2,
                0xE0..=0xEF => {
                    let tail = bytes.get(i + 1..i + 3).unwrap_or(&[0x80, 0x80]);
                    let point = u32::from(b & 0x0F) << 12
                        | u32::from(tail[0] & 0x3F) << 6
                        | u32::from(tail[1] & 0x3F);
                    cjk += usize::from(is_cjk_point(point));
                    i += 3;
                }
                _ => {
                    let tail = bytes.get(i + 1..i + 4).unwrap_or(&[0x80, 0x80, 0x80]);
                    let point = u32::from(b & 0x07) << 18
                        | u32::from(tail[0] & 0x3F) << 12
                        | u32::from(tail[1] & 0x3F) << 6
                        | u32::from(tail[2] & 0x3F);
                    cjk += usize::from(is_cjk_point(point));
                    i += 4;
                }
            }
        }
    }
    // One ideograph carries about as much as a 3-4 letter word.
    if cjk * 4 >= latin && cjk > 0 {
        "zh"
    } else {
        "en"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_language() {
        assert_eq!(detect_lang("小米的口碑传播法则 MIUI"), "zh");
        assert_eq!(detect_lang("Xiaomi and Lei Jun (雷军)"), "en");
        assert_eq!(detect_lang("1234"), "en");
        assert_eq!(detect_lang("Ünïcödé café résumé, 𠀀 é"), "en");
        assert_eq!(detect_lang("𠀀𠀁𠀂 ok"), "zh");
        assert_eq!(detect_lang("日本語、かな"), "zh");
    }

    #[test]
    fn utf8_check_agrees_with_the_standard_one() {
        let cases: [&[u8]; 6] = [
            b"plain",
            "小米 MIUI 𠀀".as_bytes(),
            b"",
            b"bad \xff byte",
            b"\xe5\xb0",
            b"ok\xc3",
        ];
        for bytes in cases {
            let ours = string_from_utf8(bytes.to_vec()).map_err(|e| e.utf8_error());
            let std = String::from_utf8(bytes.to_vec()).map_err(|e| e.utf8_error());
            assert_eq!(ours, std);
        }
    }

    #[test]
    fn byte_wise_counting_agrees_with_decoded_characters() {
        // The same decision as counting decoded characters, on text whose
        // share of ideographs sits near the threshold, in every script width.
        let pieces = [
            "ab", "é", "小", "𠀀", "﨑", "ㄅ", "䷀", "㐀", "😀", "Ω", " ", "9",
        ];
        for n in 0..400usize {
            let text: String = (0..(n % 37))
                .map(|k| pieces[(n * 7 + k * k) % pieces.len()])
                .collect();
            let cjk = text.chars().filter(|&c| is_cjk(c)).count();
            let latin = text.chars().filter(char::is_ascii_alphabetic).count();
            let want = if cjk * 4 >= latin && cjk > 0 {
                "zh"
            } else {
                "en"
            };
            assert_eq!(detect_lang(&text), want, "{text}");
        }
    }

    #[test]
    fn counts_ascii_letters_eight_at_a_time() {
        let all: Vec<u8> = (0u8..128).collect();
        for chunk in all.chunks(8) {
            let w = u64::from_le_bytes(chunk.try_into().unwrap());
            let want = chunk.iter().filter(|b| b.is_ascii_alphabetic()).count();
            assert_eq!(ascii_letters(w), want, "{chunk:?}");
        }
    }

    #[test]
    fn ideographs_only() {
        // Full-width letters, bopomofo, kana and emoji are not ideographs.
        assert!(!has_cjk("ＳＵ７ ㄅㄆ かな 😀 café"));
        for s in ["小", "㐀", "鿿", "豈", "𠀀", "𰀀", "a口b"] {
            assert!(has_cjk(s), "{s}");
        }
    }
}
