//! The raw-HTML cleaner on arbitrary text: never a panic, never a script,
//! an `onerror` handler or a `javascript:` attribute in what it keeps.
#![no_main]

use casewiki::render::sanitize::clean;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(html) = std::str::from_utf8(data) else {
        return;
    };
    let out = clean(html).to_ascii_lowercase();
    assert!(!out.contains("<script"), "{out}");
    assert!(!out.contains("=\"javascript:"), "{out}");
    assert!(!out.contains(" onerror="), "{out}");
});
