//! Property tests (proptest, bounded so they run in seconds): the front
//! matter reader on arbitrary text and on generated headers, and ingest on
//! arbitrary seed text through the public `ingest::run`.

use casewiki::content::front_matter::split;
use casewiki::diagnostics::Diagnostics;
use casewiki::ingest::{self, IngestOptions};
use proptest::prelude::*;

/// Text that often looks like a header: fences, keys, quotes, newlines.
fn headerish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("+++\n".to_string()),
        Just("---\n".to_string()),
        Just("title = \"x\"\n".to_string()),
        Just("date = 2024-01-02\n".to_string()),
        Just("date: \"2024-13-01\"\n".to_string()),
        Just("tags = [\"a\", 1]\n".to_string()),
        Just("\u{feff}".to_string()),
        "[a-z =:\"\\[\\]{}#\n-]{0,12}",
        "\\PC{0,8}",
    ];
    proptest::collection::vec(piece, 0..12).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn front_matter_never_panics_and_keeps_the_body(text in headerish()) {
        match split(&text) {
            Ok(s) => {
                prop_assert!(text.ends_with(s.body), "the body is the end of the file");
                prop_assert!(s.body_line >= 1 && s.body_line <= text.lines().count() + 1);
            }
            Err(e) => {
                prop_assert!(e.line >= 1 && e.line <= text.lines().count().max(1) + 1,
                    "line {} of {} lines", e.line, text.lines().count());
            }
        }
    }

    #[test]
    fn generated_headers_round_trip(
        title in "\\PC{0,40}",
        tags in proptest::collection::vec("[a-z口碑小米]{1,8}", 0..4),
        (y, m, d) in (1970i32..2100, 1u8..=12, 1u8..=28),
        body in "[a-z \n#*]{0,60}",
    ) {
        let quoted = |s: &str| toml::Value::String(s.to_string()).to_string();
        let tags: Vec<String> = tags.iter().map(|t| quoted(t)).collect();
        let date = format!("{y:04}-{m:02}-{d:02}");
        let text = format!(
            "+++\ntitle = {}\ndate = {date}\ntags = [{}]\n+++\n{body}",
            quoted(&title),
            tags.join(", ")
        );
        let s = split(&text).map_err(|e| TestCaseError::fail(format!("{e:?}\n{text}")))?;
        prop_assert_eq!(&s.front_matter.title, &title);
        prop_assert_eq!(s.front_matter.date.map(|d| d.to_string()), Some(date));
        prop_assert_eq!(s.body, body.as_str());
        prop_assert_eq!(s.body_line, 6);
    }
}

/// Seed-like text: words, Chinese, punctuation, markup debris, blank lines.
fn seedish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[A-Za-z]{1,10} ",
        "[小米雷军口碑营销品牌危机，。！“”]{1,6}",
        Just("\n\n".to_string()),
        Just("<p>".to_string()),
        Just("&amp; ".to_string()),
        Just("Ã©".to_string()),
        Just("2012年5月18日".to_string()),
        "\\PC{0,6}",
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn ingest_never_panics_and_is_idempotent(seeds in proptest::collection::vec(seedish(), 1..3)) {
        let site = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir_all(site.path().join("seeds")).expect("mkdir");
        for (i, text) in seeds.iter().enumerate() {
            std::fs::write(site.path().join(format!("seeds/s{i}.txt")), text).expect("write");
        }
        let opts = IngestOptions { root: site.path().to_path_buf(), force: false };
        let first = ingest::run(&opts, &Diagnostics::default());
        for page in &first.written {
            let text = std::fs::read_to_string(page).expect("page");
            prop_assert!(split(&text).is_ok(), "{} parses:\n{text}", page.display());
        }
        let second = ingest::run(&opts, &Diagnostics::default());
        prop_assert!(second.written.is_empty(), "nothing to redo: {:?}", second.written);
        prop_assert_eq!(second.unchanged, first.written.len());
    }
}
