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
        PREWARMED.store(true, std::sync::atomic::Ordering::Relaxed);
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
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2EBEF | 0x30000..=0x3134F)
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
            counts.add(s);
        }
        counts
    }

    fn add(&mut self, text: &str) {
        for c in text.chars() {
            if c.is_ascii_alphabetic() {
                self.latin += 1;
            } else if is_cjk(c) {
                self.cjk += 1;
            }
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
    fn ideographs_only() {
        // Full-width letters, bopomofo, kana and emoji are not ideographs.
        assert!(!has_cjk("ＳＵ７ ㄅㄆ かな 😀 café"));
        for s in ["小", "㐀", "鿿", "豈", "𠀀", "𰀀", "a口b"] {
            assert!(has_cjk(s), "{s}");
        }
    }
}
