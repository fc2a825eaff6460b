//! The shared text tools, each the one tool for its job across ingest,
//! content, render and search: sentence splitting (`sentences`), folding
//! text into comparison keys (`fold`), finding names in running text
//! (`names`), HTML/XML escaping (`escape`) and fixed patterns and rule files
//! compiled in (`fixed`); here, script detection, word boundaries and the
//! one lazily loaded jieba.
//!
//! jieba's dictionary costs ~125 ms to load, so it is loaded once per process,
//! only when Chinese text is present, and can be warmed on a background
//! thread while other work goes on (`prewarm`). It also holds about 30 MB, so
//! a one-shot build lets go of it once every page is segmented (`release_jieba`).

pub mod escape;
pub mod fixed;
pub mod fold;
pub mod names;
pub mod sentences;

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

/// Starts loading jieba in the background (once per process); later
/// `jieba()` calls wait for it. Called as soon as any Chinese text is seen.
///
/// Called from a rayon worker (loading pages), the load becomes that
/// worker's next job instead of a third thread: on two cores a third thread
/// got a third of the machine, so the load outlasted the reading and both
/// workers then waited for it with one core idle. As a job it has a core to
/// itself while the other worker reads on. Nothing waits for the job as
/// such: the first `jieba()` caller loads the dictionary itself if the job
/// has not started yet.
pub fn prewarm() {
    static START: std::sync::Once = std::sync::Once::new();
    START.call_once(|| {
        let load = || {
            jieba();
        };
        if rayon::current_thread_index().is_some() {
            rayon::spawn(load);
        } else {
            std::thread::spawn(load);
        }
    });
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

/// A character of a Latin-script word: a letter or digit of any script but
/// the ideographs (which have no word boundaries).
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        !is_cjk(c) && c.is_alphanumeric()
    }
}

/// Whether `name` starts, and whether it ends, with a word character: only
/// such an edge of a name can cut a longer word.
pub fn word_edges(name: &str) -> (bool, bool) {
    let first = name.chars().next().is_some_and(is_word_char);
    let last = name.chars().next_back().is_some_and(is_word_char);
    (first, last)
}

/// Whether a name with these `edges` (`word_edges`), found at `start..end`
/// of `text`, starts or ends inside a longer Latin word: `lei jun` is not in
/// `lei juns`, `MIUI` not in `MIUIs`; a Chinese name never cuts anything.
pub fn cuts_word(text: &str, start: usize, end: usize, edges: (bool, bool)) -> bool {
    let (starts_word, ends_word) = edges;
    let before = || text[..start].chars().next_back().is_some_and(is_word_char);
    let after = || text[end..].chars().next().is_some_and(is_word_char);
    (starts_word && before()) || (ends_word && after())
}

/// Whether the match `start..end` of `text` stands on word boundaries.
pub fn on_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    !cuts_word(text, start, end, word_edges(&text[start..end]))
}

fn is_cjk_point(point: u32) -> bool {
    matches!(point,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2EBEF | 0x30000..=0x3134F)
}

/// 1 for an ASCII letter, else 0.
fn ascii_letter(b: u8) -> u8 {
    u8::from((b | 0x20).wrapping_sub(b'a') < 26)
}

/// 1 when lead byte `b`, followed by `n`, starts an ideograph of three
/// bytes, else 0: U+3400–U+3FFF (E3 90–BF), U+4000–U+4DBF and U+4E00–U+4FFF
/// (E4 but not E4 B7, the Yijing symbols), U+5000–U+9FFF (E5–E9) and
/// U+F900–U+FAFF (EF A4–AB). Bit operations, no branches.
fn starts_3_byte_ideograph(b: u8, n: u8) -> u8 {
    u8::from(b.wrapping_sub(0xE5) < 5)
        | u8::from(b == 0xE4) & u8::from(n != 0xB7)
        | u8::from(b == 0xE3) & u8::from(n >= 0x90)
        | u8::from(b == 0xEF) & u8::from(n.wrapping_sub(0xA4) < 8)
}

/// Ideographs of four bytes (the extension planes) in `bytes`, decoded.
fn four_byte_ideographs(bytes: &[u8]) -> usize {
    let mut count = 0;
    for (i, _) in bytes.iter().enumerate().filter(|(_, &b)| b >= 0xF0) {
        let point = bytes
            .get(i + 1..i + 4)
            .unwrap_or(&[])
            .iter()
            .fold(u32::from(bytes[i] & 0x07), |p, &t| {
                p << 6 | u32::from(t & 0x3F)
            });
        count += usize::from(is_cjk_point(point));
    }
    count
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
    ScriptCounts::of(parts).lang()
}

/// How many ideographs and how many ASCII letters some text holds.
#[derive(Debug, Clone, Copy, Default)]
pub struct ScriptCounts {
    pub cjk: usize,
    pub latin: usize,
}

impl ScriptCounts {
    /// The counts of `parts` taken together (no copy is made).
    pub fn of(parts: &[&str]) -> ScriptCounts {
        let mut counts = ScriptCounts::default();
        for s in parts {
            counts.add(s.as_bytes());
        }
        counts
    }

    /// Counts by looking at each byte and the one after it, never decoding:
    /// a three-byte ideograph is told by its lead byte (and for the blocks
    /// that share a lead byte with other characters, the second byte). The
    /// loop has no branches and counts into bytes, 255 pairs at a time, so
    /// the compiler runs it on vectors; the rare four-byte characters are
    /// decoded in a second pass. Kept over a loop over decoded characters,
    /// which cost 3.7% of a build's instructions (valgrind, 1,000-page
    /// corpus); `byte_wise_counting_agrees_with_decoded_characters` holds it
    /// to that plain reference.
    fn add(&mut self, bytes: &[u8]) {
        let Some((&last, _)) = bytes.split_last() else {
            return;
        };
        let pairs = bytes.len() - 1;
        let mut wide = 0u8;
        for (leads, nexts) in bytes[..pairs].chunks(255).zip(bytes[1..].chunks(255)) {
            let (mut latin, mut cjk) = (0u8, 0u8);
            for (&b, &n) in leads.iter().zip(nexts) {
                latin += ascii_letter(b);
                cjk += starts_3_byte_ideograph(b, n);
                wide |= u8::from(b >= 0xF0);
            }
            self.latin += usize::from(latin);
            self.cjk += usize::from(cjk);
        }
        self.latin += usize::from(ascii_letter(last));
        if wide > 0 {
            self.cjk += four_byte_ideographs(bytes);
        }
    }

    /// `zh` when ideographs make up a noticeable share of the letters (one
    /// carries about as much as a 3-4 letter word), else `en`.
    pub fn lang(self) -> &'static str {
        if self.cjk * 4 >= self.latin && self.cjk > 0 {
            "zh"
        } else {
            "en"
        }
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
    fn latin_names_stay_on_word_boundaries_and_chinese_ones_do_not_care() {
        assert!(on_word_boundaries("lei jun said", 0, 7));
        assert!(!on_word_boundaries("lei juns", 0, 7));
        assert!(!on_word_boundaries("xmiui", 1, 5));
        assert!(on_word_boundaries("买小米手机", 3, 9));
        assert!(on_word_boundaries("小米MIUI", 6, 10));
        assert!(on_word_boundaries("use MIUI now", 4, 8));
        assert!(!on_word_boundaries("two MIUIs", 4, 8));
        assert!(on_word_boundaries("Xiaomi's brand", 0, 6));
        assert!(on_word_boundaries("我们的小米手机", 9, 15));
        assert!(!on_word_boundaries("unMIUI", 2, 6));
        // A name that may run on (a word prefix) only checks its start.
        let (starts, _) = word_edges("apologi");
        assert!(!cuts_word("apologises", 0, 7, (starts, false)));
        assert!(cuts_word("reapologise", 2, 9, (starts, false)));
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
            "ab", "é", "小", "𠀀", "﨑", "ㄅ", "䷀", "㐀", "😀", "Ω", " ", "9", "。", "ａ", "鿿",
            "豈",
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
    fn letters_and_lead_bytes_agree_with_decoding() {
        for b in 0u8..=255 {
            assert_eq!(ascii_letter(b) == 1, b.is_ascii_alphabetic(), "{b}");
        }
        // Every character of the planes that hold ideographs, alone and
        // inside a text long enough to cross the counting chunks.
        let mut long = String::new();
        for point in (0x2000..0x10000).chain(0x1F000..0x32000) {
            let Some(c) = char::from_u32(point) else {
                continue;
            };
            let counts = ScriptCounts::of(&[c.encode_utf8(&mut [0; 4])]);
            assert_eq!(counts.cjk, usize::from(is_cjk(c)), "U+{point:X}");
            long.push(c);
            long.push('a');
        }
        let counts = ScriptCounts::of(&[&long]);
        assert_eq!(counts.cjk, long.chars().filter(|&c| is_cjk(c)).count());
        assert_eq!(
            counts.latin,
            long.chars().filter(char::is_ascii_alphabetic).count()
        );
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
