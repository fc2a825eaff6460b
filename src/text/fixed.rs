//! Fixed rules compiled into the binary: regular expressions written in the
//! code and rule files under `data/` read with `include_str!`. They are
//! built once, on first use. A fixed rule that does not build is a defect of
//! casewiki itself, never bad input, so it must not quietly turn a stage
//! off: these helpers panic naming the rule and the error, and unit tests
//! force every static built with them, so such a defect fails `cargo test`.

use std::fmt::Display;

use regex::Regex;

/// A fixed pattern, compiled.
///
/// # Panics
/// When `pattern` does not compile (a test forces every fixed pattern).
pub fn regex(pattern: &str) -> Regex {
    Regex::new(pattern)
        .unwrap_or_else(|e| panic!("fixed pattern `{pattern}` does not compile: {e}"))
}

/// What a compiled-in rule file parsed into.
///
/// # Panics
/// When it did not parse (a test loads every rule file).
pub fn rules<T, E: Display>(file: &str, parsed: Result<T, E>) -> T {
    parsed.unwrap_or_else(|e| panic!("compiled-in rule file {file} is broken: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_good_pattern_compiles() {
        assert!(regex(r"^\d{4}年$").is_match("2024年"));
        assert_eq!(rules::<u8, String>("x.toml", Ok(3)), 3);
    }

    #[test]
    #[should_panic(expected = "fixed pattern `(unclosed` does not compile")]
    fn a_broken_pattern_panics_naming_it() {
        regex("(unclosed");
    }

    #[test]
    #[should_panic(expected = "compiled-in rule file data/x.toml is broken: bad key")]
    fn a_broken_rule_file_panics_naming_it() {
        rules::<u8, &str>("data/x.toml", Err("bad key"));
    }
}
