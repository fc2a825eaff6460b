//! Machine-translation artefacts in English articles translated from
//! Chinese: brand and platform names translated word by word ("Shake Sound"
//! → Douyin), internet slang translated literally ("net red" → influencer),
//! product terms, and debris (`* * *` redactions, split or garbled numbers,
//! doubled words). The rules are data, `data/ingest/mt/*.toml` (embedded);
//! each change is counted in the report under the rule's name. Chinese
//! articles are left alone.
//!
//! The condition language of a `[[fix]]` entry:
//! - `name`: the report's rule name; `replace`: the replacement (`${1}` for
//!   a group of `pattern`);
//! - `pattern` (a regex) or `phrases` (literal phrases on word boundaries,
//!   a space in a phrase also matching a hyphen) or `doubled` (words whose
//!   doubling, `the the`, is removed);
//! - `${value}` in `replace`: group 1 read as a number, times `value_scale`
//!   (default 1), written in English (`600 million`, `300,000`);
//! - `case_sensitive` (default false): match only as written;
//! - `requires_cue` + `cue_within` (default 10): one of these words or
//!   phrases must stand within that many words of the match;
//! - `not_before` / `not_after`: words that veto a match when they come
//!   right after / right before it;
//! - `when` / `unless`: regexes over the whole article that must all match /
//!   must not match.
//!
//! Case is kept: a capitalised match gets a capitalised replacement, a Title
//! Case match a Title Case one (words with capitals of their own, `iQiyi`,
//! are left as written).

mod conditions;
mod literal;
mod numbers;

use std::sync::OnceLock;

use regex::{Captures, Regex};
use serde::Deserialize;

use super::report::Report;
use conditions::{keep_case, Context};

/// The rule tables, by theme.
const TABLES: &[(&str, &str)] = &[
    (
        "companies.toml",
        include_str!("../../data/ingest/mt/companies.toml"),
    ),
    (
        "products.toml",
        include_str!("../../data/ingest/mt/products.toml"),
    ),
    (
        "slang.toml",
        include_str!("../../data/ingest/mt/slang.toml"),
    ),
    (
        "debris.toml",
        include_str!("../../data/ingest/mt/debris.toml"),
    ),
];
const DEFAULT_CUE_WITHIN: usize = 10;
/// The number of group 1, scaled (`value_scale`), in a replacement.
const VALUE: &str = "${value}";

#[derive(Debug, Deserialize)]
struct FixesFile {
    #[serde(default)]
    fix: Vec<FixDef>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FixDef {
    name: String,
    #[serde(default)]
    pattern: Option<String>,
    #[serde(default)]
    phrases: Vec<String>,
    #[serde(default)]
    doubled: Vec<String>,
    #[serde(default)]
    replace: String,
    #[serde(default)]
    value_scale: Option<u128>,
    #[serde(default)]
    case_sensitive: bool,
    #[serde(default)]
    requires_cue: Vec<String>,
    #[serde(default)]
    cue_within: Option<usize>,
    #[serde(default)]
    not_before: Vec<String>,
    #[serde(default)]
    not_after: Vec<String>,
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
    /// `${value}` in `replace` is group 1 read as a number times this.
    value_scale: u128,
    /// Groups 1 and 2 must be the same word (a doubled word).
    doubled: bool,
    context: Context,
    when: Vec<Regex>,
    unless: Vec<Regex>,
}

/// The embedded corrections, compiled once.
pub fn fixes() -> Result<&'static [Fix], String> {
    static FIXES: OnceLock<Result<Vec<Fix>, String>> = OnceLock::new();
    FIXES
        .get_or_init(|| {
            let mut all = Vec::new();
            for (file, src) in TABLES {
                all.extend(compile_file(file, src)?);
            }
            Ok(all)
        })
        .as_ref()
        .map(Vec::as_slice)
        .map_err(Clone::clone)
}

fn compile_file(file: &str, src: &str) -> Result<Vec<Fix>, String> {
    let parsed: FixesFile = toml::from_str(src).map_err(|e| format!("mt/{file}: {e}"))?;
    let re = |p: &str| Regex::new(p).map_err(|e| format!("mt/{file}: bad pattern `{p}`: {e}"));
    parsed
        .fix
        .into_iter()
        .map(|f| {
            let flags = if f.case_sensitive { "" } else { "(?i)" };
            let source = match (&f.pattern, f.phrases.is_empty(), f.doubled.is_empty()) {
                (Some(p), true, true) => format!("{flags}{p}"),
                (None, false, true) => format!(r"{flags}\b(?:{})\b", phrases(&f.phrases)),
                (None, true, false) => {
                    let words = phrases(&f.doubled);
                    format!(r"(?i)\b({words})\s+({words})\b")
                }
                _ => {
                    return Err(format!(
                        "mt/{file}: fix `{}` needs exactly one of pattern, phrases, doubled",
                        f.name
                    ))
                }
            };
            Ok(Fix {
                pattern: re(&source)?,
                doubled: !f.doubled.is_empty(),
                context: Context::new(
                    f.requires_cue,
                    f.cue_within.unwrap_or(DEFAULT_CUE_WITHIN),
                    f.not_before,
                    f.not_after,
                ),
                when: f.when.iter().map(|p| re(p)).collect::<Result<_, _>>()?,
                unless: f.unless.iter().map(|p| re(p)).collect::<Result<_, _>>()?,
                name: f.name,
                replace: f.replace,
                value_scale: f.value_scale.unwrap_or(1),
            })
        })
        .collect()
}

/// Literal phrases as one alternation; a space matches a space or a hyphen.
fn phrases(list: &[String]) -> String {
    list.iter()
        .map(|p| {
            p.split(' ')
                .map(regex::escape)
                .collect::<Vec<_>>()
                .join(r"[\s-]+")
        })
        .collect::<Vec<_>>()
        .join("|")
}

/// The boilerplate rule that removes a page's machine-translation notice
/// (`data/ingest/boilerplate.toml`).
const TRANSLATION_NOTICE: &str = "boilerplate:mt-notice";

/// Applies every fix whose conditions hold in `text` to each line.
pub fn apply(lines: Vec<String>, fixes: &[Fix], report: &mut Report) -> Vec<String> {
    let whole = lines.join("\n");
    if crate::text::detect_lang(&whole) == "zh" {
        return lines;
    }
    // A translation notice the boilerplate rules removed says so too.
    let china = report.count(TRANSLATION_NOTICE) > 0 || literal::about_china(&whole);
    // Names translated back first: the rules' conditions then see them
    // (`Thunder Army` is Lei Jun, so `Little Rice` is Xiaomi).
    let (lines, whole) = if china {
        let fixed = literal::fix_lines(lines, &whole, report);
        let whole = fixed.join("\n");
        (fixed, whole)
    } else {
        (lines, whole)
    };
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
    // One sense per article: a rule whose cue is met at one match holds for
    // the other matches of the article. In an article about China (a
    // translation, most likely) a cue anywhere in it will do.
    let confirmed: Vec<bool> = active
        .iter()
        .map(|f| {
            (china && f.context.cue_anywhere(&whole))
                || lines.iter().any(|l| {
                    f.pattern
                        .find_iter(l)
                        .any(|m| f.context.confirms(l, m.range()))
                })
        })
        .collect();
    lines
        .into_iter()
        .map(|line| {
            active
                .iter()
                .zip(&confirmed)
                .fold(line, |l, (f, &c)| apply_one(&l, f, c, report))
        })
        .collect()
}

fn apply_one(line: &str, fix: &Fix, confirmed: bool, report: &mut Report) -> String {
    if !fix.pattern.is_match(line) {
        return line.to_string();
    }
    fix.pattern
        .replace_all(line, |c: &Captures| {
            let whole = c.get(0).map_or(0..0, |m| m.range());
            let matched = &line[whole.clone()];
            let same_word = || c[1].eq_ignore_ascii_case(&c[2]);
            if (fix.doubled && !same_word()) || !fix.context.allows(line, whole, confirmed) {
                return matched.to_string();
            }
            let mut expanded = String::new();
            if fix.doubled {
                expanded.push_str(&c[1]);
            } else if fix.replace.contains(VALUE) {
                match c
                    .get(1)
                    .and_then(|g| numbers::scaled(g.as_str(), fix.value_scale))
                {
                    Some(v) => c.expand(&fix.replace.replace(VALUE, &v), &mut expanded),
                    None => return matched.to_string(),
                }
            } else {
                c.expand(&fix.replace, &mut expanded);
            }
            let fixed = keep_case(matched, &expanded);
            if fixed != matched {
                report.add(&fix.name, 1, format!("{matched} → {fixed}"));
            }
            fixed
        })
        .into_owned()
}

#[cfg(test)]
mod tests;
