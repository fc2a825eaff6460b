//! Front matter reader and page dates on arbitrary bytes: never a panic;
//! a parsed body is the end of the file; an error points inside the file.
#![no_main]

use casewiki::content::date::PageDate;
use casewiki::content::front_matter::split;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = PageDate::parse(text);
    match split(text) {
        Ok(s) => assert!(text.ends_with(s.body)),
        Err(e) => assert!(e.line >= 1 && e.line <= text.lines().count() + 1),
    }
});
