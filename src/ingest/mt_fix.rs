//! Machine-translation artefacts in English articles, fixed by conditional
//! rules from `data/ingest/mt_fixes.toml` (embedded): "millet" → Xiaomi only
//! where Xiaomi is mentioned, split years, literal translations of slang.
//! Case is kept and every change is counted.

use std::sync::OnceLock;

use regex::{Captures, Regex};
use serde::Deserialize;

use super::report::Report;

const FIXES_TOML: &str = include_str!("../../data/ingest/mt_fixes.toml");

#[derive(Debug, Deserialize)]
struct FixesFile {
    #[serde(default)]
    fix: Vec<FixDef>,
}

#[derive(Debug, Deserialize)]
struct FixDef {
    name: String,
    pattern: String,
    replace: String,
    #[serde(default)]
    when: Vec<String>,
    #[serde(default)]
    unless: Vec<String>,
}

/// One compiled correction.
pub struct Fix {
    name: String,
    pattern: Regex,
    replace: String,
    when: Vec<Regex>,
    unless: Vec<Regex>,
}

/// The embedded corrections, compiled once.
pub fn fixes() -> Result<&'static [Fix], String> {
    static FIXES: OnceLock<Result<Vec<Fix>, String>> = OnceLock::new();
    FIXES
        .get_or_init(|| compile(FIXES_TOML))
        .as_ref()
        .map(Vec::as_slice)
        .map_err(Clone::clone)
}

fn compile(src: &str) -> Result<Vec<Fix>, String> {
    let file: FixesFile = toml::from_str(src).map_err(|e| format!("mt_fixes.toml: {e}"))?;
    let re =
        |p: &String| Regex::new(p).map_err(|e| format!("mt_fixes.toml: bad pattern `{p}`: {e}"));
    file.fix
        .into_iter()
        .map(|f| {
            Ok(Fix {
                pattern: re(&f.pattern)?,
                when: f.when.iter().map(re).collect::<Result<_, _>>()?,
                unless: f.unless.iter().map(re).collect::<Result<_, _>>()?,
                name: f.name,
                replace: f.replace,
            })
        })
        .collect()
}

/// Applies every fix whose conditions hold in `text` to each line.
pub fn apply(lines: Vec<String>, fixes: &[Fix], report: &mut Report) -> Vec<String> {
    let whole = lines.join("\n");
    let active: Vec<&Fix> = fixes
        .iter()
        .filter(|f| {
            f.when.iter().all(|r| r.is_match(&whole))
                && !f.unless.iter().any(|r| r.is_match(&whole))
        })
        .collect();
    if active.is_empty() {
        return lines;
    }
    lines
        .into_iter()
        .map(|line| active.iter().fold(line, |l, f| apply_one(&l, f, report)))
        .collect()
}

fn apply_one(line: &str, fix: &Fix, report: &mut Report) -> String {
    if !fix.pattern.is_match(line) {
        return line.to_string();
    }
    fix.pattern
        .replace_all(line, |c: &Captures| {
            let mut expanded = String::new();
            c.expand(&fix.replace, &mut expanded);
            let fixed = keep_case(&c[0], &expanded);
            if fixed != c[0] {
                report.add(&fix.name, 1, format!("{} → {fixed}", &c[0]));
            }
            fixed
        })
        .into_owned()
}

/// Gives `replacement` the capitalisation of `matched`.
fn keep_case(matched: &str, replacement: &str) -> String {
    let words: Vec<&str> = matched.split_whitespace().collect();
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    if words.len() > 1 && words.iter().all(|w| capitalised(w)) {
        replacement
            .split(' ')
            .map(capitalise)
            .collect::<Vec<_>>()
            .join(" ")
    } else if capitalised(matched) {
        capitalise(replacement)
    } else {
        replacement.to_string()
    }
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(text: &str) -> (String, Report) {
        let mut r = Report::default();
        let lines = text.split('\n').map(str::to_string).collect();
        (apply(lines, fixes().unwrap(), &mut r).join("\n"), r)
    }

    #[test]
    fn millet_only_with_xiaomi() {
        let (t, r) = fix("Millet 4 and millet's fans. Xiaomi grew.");
        assert_eq!(t, "Xiaomi 4 and Xiaomi's fans. Xiaomi grew.");
        assert_eq!(r.count("mt:millet"), 2);
        let s = "Millet is a grain. Farmers grow millet.";
        assert_eq!(fix(s).0, s);
    }

    #[test]
    fn mi_fans_keep_case() {
        let (t, _) = fix("Xiaomi held a Rice Noodle Festival; rice noodles came, \"rice flour\" too, a rice noodle culture.");
        assert_eq!(
            t,
            "Xiaomi held a Mi Fan Festival; Mi fans came, \"Mi fans\" too, a Mi fan culture."
        );
    }

    #[test]
    fn split_years() {
        let (t, r) = fix("It was founded in April, 20 10. At the end of 20 10, and from 20 1 1, it grew 20 10 times.");
        assert_eq!(t, "It was founded in April, 2010. At the end of 2010, and from 2011, it grew 20 10 times.");
        assert_eq!(r.count("mt:split-year"), 3);
        assert_eq!(fix("in 2010").1.count("mt:split-year"), 0);
    }

    #[test]
    fn scalpers_and_o2o() {
        assert_eq!(
            fix("blind eye to the yellow cattle in the Huangnimen Incident").0,
            "blind eye to the scalpers in the Scalper-gate Incident"
        );
        assert_eq!(
            fix("Community O20 marketing joins online and offline.").0,
            "Community O2O marketing joins online and offline."
        );
        assert_eq!(fix("Call 020 now, online.").0, "Call 020 now, online.");
    }

    #[test]
    fn fan_circle_needs_context() {
        assert_eq!(
            fix("the fan circle is poisonous, the rice circle is poisonous").0,
            "the fan circle is poisonous, the fan circle is poisonous"
        );
        assert_eq!(
            fix("a rice circle on the plate").0,
            "a rice circle on the plate"
        );
    }
}
