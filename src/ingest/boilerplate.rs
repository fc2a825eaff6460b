//! Boilerplate: web chrome around the article, removed by data-driven rules.
//!
//! The rules (`data/ingest/boilerplate.toml`, embedded) are regexes with a
//! scope: a line, a block ending at a line (inserted ads), or the rest of the
//! text (related-links lists). The title line loses its site/channel name
//! segments, and later copies of the title line are dropped.

use std::sync::OnceLock;

use regex::Regex;
use serde::Deserialize;

use super::report::{snippet, Report};

const RULES_TOML: &str = include_str!("../../data/ingest/boilerplate.toml");
/// Separators between a title and site/channel names in a page title.
const TITLE_SEPARATORS: &[&str] = &[" - ", " – ", " — ", " | ", "｜", "_", " :: "];

#[derive(Debug, Deserialize)]
struct RulesFile {
    #[serde(default)]
    site_segment: Vec<PatternDef>,
    #[serde(default)]
    rule: Vec<RuleDef>,
}

#[derive(Debug, Deserialize)]
struct PatternDef {
    pattern: String,
}

#[derive(Debug, Deserialize)]
struct RuleDef {
    name: String,
    scope: Scope,
    pattern: String,
    #[serde(default)]
    max_chars: Option<usize>,
    #[serde(default)]
    before: usize,
    #[serde(default)]
    before_stop: Option<String>,
}

#[derive(Debug, Deserialize, Clone, Copy, PartialEq)]
#[serde(rename_all = "lowercase")]
enum Scope {
    Line,
    Block,
    Rest,
}

struct Rule {
    name: String,
    scope: Scope,
    pattern: Regex,
    max_chars: Option<usize>,
    before: usize,
    before_stop: Option<Regex>,
}

/// The compiled boilerplate rules.
pub struct Rules {
    site_segments: Vec<Regex>,
    rules: Vec<Rule>,
}

/// The embedded rules, compiled once; an error names the broken rule.
pub fn rules() -> Result<&'static Rules, String> {
    static RULES: OnceLock<Result<Rules, String>> = OnceLock::new();
    RULES
        .get_or_init(|| compile(RULES_TOML))
        .as_ref()
        .map_err(Clone::clone)
}

fn compile(src: &str) -> Result<Rules, String> {
    let file: RulesFile = toml::from_str(src).map_err(|e| format!("boilerplate.toml: {e}"))?;
    let re =
        |p: &str| Regex::new(p).map_err(|e| format!("boilerplate.toml: bad pattern `{p}`: {e}"));
    let site_segments = file
        .site_segment
        .iter()
        .map(|s| re(&s.pattern))
        .collect::<Result<_, _>>()?;
    let rules = file
        .rule
        .into_iter()
        .map(|r| {
            Ok(Rule {
                pattern: re(&r.pattern)?,
                before_stop: r.before_stop.as_deref().map(re).transpose()?,
                name: r.name,
                scope: r.scope,
                max_chars: r.max_chars,
                before: r.before,
            })
        })
        .collect::<Result<_, String>>()?;
    Ok(Rules {
        site_segments,
        rules,
    })
}

/// The text without chrome, and the title line when the page had one.
#[derive(Debug, Clone, PartialEq)]
pub struct Cleaned {
    pub lines: Vec<String>,
    /// The title, when the first line was recognisably one (site name or repeats).
    pub title: Option<String>,
}

/// Removes chrome from `lines` (already trimmed), counting per rule.
pub fn remove(lines: Vec<String>, rules: &Rules, report: &mut Report) -> Cleaned {
    let lines = remove_by_rules(lines, rules, report);
    dedupe_title(lines, rules, report)
}

fn matches(rule: &Rule, line: &str) -> bool {
    !line.is_empty()
        && rule.max_chars.is_none_or(|m| line.chars().count() <= m)
        && rule.pattern.is_match(line)
}

fn remove_by_rules(mut lines: Vec<String>, rules: &Rules, report: &mut Report) -> Vec<String> {
    let mut keep = vec![true; lines.len()];
    'lines: for i in 0..lines.len() {
        for rule in &rules.rules {
            if !keep[i] || !matches(rule, &lines[i]) {
                continue;
            }
            let removed = match rule.scope {
                Scope::Line => vec![i],
                Scope::Block => block_above(&lines, &keep, i, rule),
                Scope::Rest => (i..lines.len()).collect(),
            };
            let count = removed.iter().filter(|&&j| !lines[j].is_empty()).count();
            report.add(
                &format!("boilerplate:{}", rule.name),
                count,
                snippet(&lines[i], 40),
            );
            for j in removed {
                keep[j] = false;
            }
            if rule.scope == Scope::Rest {
                break 'lines;
            }
        }
    }
    let mut k = keep.into_iter();
    lines.retain(|_| k.next().unwrap_or(true));
    lines
}

/// Line `i` and up to `before` lines above it, reaching as far up as the
/// farthest line that matches `before_stop` (the ad's title).
fn block_above(lines: &[String], keep: &[bool], i: usize, rule: &Rule) -> Vec<usize> {
    let mut seen = Vec::new();
    let mut j = i;
    while j > 0 && seen.len() < rule.before {
        j -= 1;
        if !lines[j].is_empty() && keep[j] {
            seen.push(j);
        }
    }
    let top = match &rule.before_stop {
        Some(stop) => seen
            .iter()
            .rev()
            .find(|&&k| stop.is_match(&lines[k]))
            .copied(),
        None => seen.last().copied(),
    };
    match top {
        Some(top) => (top..=i).filter(|&k| keep[k]).collect(),
        None => vec![i],
    }
}

/// Strips site names from the first line and drops later copies of it.
fn dedupe_title(lines: Vec<String>, rules: &Rules, report: &mut Report) -> Cleaned {
    let Some(first) = lines.iter().position(|l| !l.is_empty()) else {
        return Cleaned { lines, title: None };
    };
    let raw = lines[first].clone();
    let parts = title_parts(&raw);
    let later: Vec<&String> = lines[first + 1..]
        .iter()
        .filter(|l| !l.is_empty())
        .collect();
    let stripped = strip_site_segments(&parts, rules);
    // A later line equal to one part of the title line names the real title.
    let repeated_part = parts
        .iter()
        .find(|p| later.iter().any(|l| l.as_str() == p.as_str()));
    let title = repeated_part
        .cloned()
        .or(stripped.clone())
        .unwrap_or_else(|| raw.clone());
    if title != raw {
        let dropped: Vec<&str> = parts
            .iter()
            .filter(|p| **p != title)
            .map(String::as_str)
            .collect();
        report.add("site-name", 1, dropped.join(" / "));
    }
    let repeated = later.iter().any(|l| **l == raw || **l == title);
    let mut out = Vec::with_capacity(lines.len());
    for (i, line) in lines.into_iter().enumerate() {
        if i > first && (line == raw || line == title) {
            report.add("repeated-title", 1, snippet(&line, 40));
            continue;
        }
        out.push(if i == first { title.clone() } else { line });
    }
    let known = repeated || title != raw;
    Cleaned {
        lines: out,
        title: known.then_some(title),
    }
}

/// The title line split at separators (one part when there is none).
fn title_parts(line: &str) -> Vec<String> {
    let mut parts = vec![line.to_string()];
    for sep in TITLE_SEPARATORS {
        parts = parts
            .iter()
            .flat_map(|p| p.split(sep).map(str::to_string).collect::<Vec<_>>())
            .collect();
    }
    parts
        .into_iter()
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

/// The longest part, when another part is a site name.
fn strip_site_segments(parts: &[String], rules: &Rules) -> Option<String> {
    if parts.len() < 2 {
        return None;
    }
    let is_site = |p: &String| rules.site_segments.iter().any(|r| r.is_match(p));
    if !parts.iter().any(is_site) {
        return None;
    }
    parts
        .iter()
        .filter(|p| !is_site(p))
        .max_by_key(|p| p.chars().count())
        .cloned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(text: &str) -> (Cleaned, Report) {
        let mut r = Report::default();
        let lines = text.lines().map(|l| l.trim().to_string()).collect();
        (remove(lines, rules().unwrap(), &mut r), r)
    }

    fn body(text: &str) -> String {
        clean(text).0.lines.join("\n")
    }

    #[test]
    fn rules_compile() {
        assert!(rules().is_ok(), "{:?}", rules().err());
    }

    #[test]
    fn site_name_in_title_line() {
        let (c, r) = clean("Joke Collection Website - Talk about mood - A dark horse named Xiaomi\n\nA dark horse named Xiaomi\n\nText.");
        assert_eq!(c.title.as_deref(), Some("A dark horse named Xiaomi"));
        assert_eq!(c.lines, vec!["A dark horse named Xiaomi", "", "", "Text."]);
        assert_eq!(r.count("site-name"), 1);
        assert_eq!(r.count("repeated-title"), 1);
        let (c, _) = clean("小米口碑传播规律_小米论文\n\n小米口碑传播规律_小米论文\n正文。\n小米口碑传播规律_小米论文");
        assert_eq!(c.title.as_deref(), Some("小米口碑传播规律"));
        assert_eq!(c.lines, vec!["小米口碑传播规律", "", "正文。"]);
    }

    #[test]
    fn plain_titles_are_not_split() {
        let (c, _) = clean("Xiaomi - The Untold Story\nBody text.");
        assert_eq!(c.title, None);
        assert_eq!(c.lines[0], "Xiaomi - The Untold Story");
    }

    #[test]
    fn prompts_and_signoffs() {
        let text = "Title line\nBody.\nRecommended installation sofa butler Download: http://app.example.com/\nhttp://example.com/x\nEvery time you read,\nThis is my motivation. Thank you for your attention.\nShare this article\nSubscribe to our newsletter\nEnd.";
        assert_eq!(body(text), "Title line\nBody.\nEnd.");
    }

    #[test]
    fn inserted_ad_block() {
        let text = "T\nPara one.\nHow can product managers do B-end work?\nAll walks of life rode the wave.\nView details >\nPara two.";
        let (c, r) = clean(text);
        assert_eq!(c.lines, vec!["T", "Para one.", "Para two."]);
        assert_eq!(r.count("boilerplate:inserted-ad"), 3);
    }

    #[test]
    fn chinese_chrome() {
        let text = "茶的故事\n本文主要内容关键词为:茶论文,此文献不代表本站观点。\n正文一。\n责任编辑:王五\n来源:某某日报\n扫码关注我们的公众号\n点击阅读原文\n标签:; ; ;\n版权声明:本文为原创\n下载Doc文档\n猜你喜欢\n别的文章\n更多";
        assert_eq!(body(text), "茶的故事\n正文一。");
    }

    #[test]
    fn article_lines_survive() {
        let text = "Title\nThe source of growth is community.\nCopyright law matters less than fans.\n小米的公众号有一百万粉丝,来源于论坛。\nSubscribers grew fast.";
        assert_eq!(body(text), text);
    }
}
