//! Boilerplate: web chrome around the article, removed by data-driven rules.
//!
//! The rules (`data/ingest/boilerplate.toml`, embedded) are regexes with a
//! scope: a line, a block ending at a line (inserted ads), or the rest of the
//! text (related-links lists), or a label at the start of a line (`摘要：`).
//! Navigation trails go (`breadcrumb`). The site/channel name patterns of
//! title lines live here too; `title` applies them.

use std::sync::OnceLock;

use regex::Regex;
use serde::Deserialize;

use super::breadcrumb::{self, BreadcrumbDef, Breadcrumbs};
use super::report::{snippet, Report};

const RULES_TOML: &str = include_str!("../../data/ingest/boilerplate.toml");

#[derive(Debug, Deserialize)]
struct RulesFile {
    breadcrumb: Option<BreadcrumbDef>,
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
    Prefix,
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
    breadcrumbs: Option<Breadcrumbs>,
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
        breadcrumbs: file.breadcrumb.map(BreadcrumbDef::compile).transpose()?,
        site_segments,
        rules,
    })
}

impl Rules {
    /// Patterns that recognise a site, channel or section name in a title line.
    pub fn site_segments(&self) -> &[Regex] {
        &self.site_segments
    }
}

/// Removes the navigation trail near the top of `lines`; its last segment,
/// when it can be the title.
pub fn remove_trail(lines: &mut Vec<String>, rules: &Rules, report: &mut Report) -> Option<String> {
    rules
        .breadcrumbs
        .as_ref()
        .and_then(|b| breadcrumb::remove(lines, b, report))
}

fn matches(rule: &Rule, line: &str) -> bool {
    !line.is_empty()
        && rule.max_chars.is_none_or(|m| line.chars().count() <= m)
        && rule.pattern.is_match(line)
}

/// Which lines the rules keep (labels such as `摘要：` are cut from their
/// line in place), counting per rule.
pub fn rule_mask(lines: &mut [String], rules: &Rules, report: &mut Report) -> Vec<bool> {
    let mut keep = vec![true; lines.len()];
    'lines: for i in 0..lines.len() {
        for rule in &rules.rules {
            if !keep[i] || !matches(rule, &lines[i]) {
                continue;
            }
            if rule.scope == Scope::Prefix {
                strip_label(&mut lines[i], rule, report);
                keep[i] = !lines[i].is_empty();
                continue;
            }
            let removed = match rule.scope {
                Scope::Line | Scope::Prefix => vec![i],
                Scope::Block => block_above(lines, &keep, i, rule),
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
    keep
}

/// Removes the label `rule` matches at the start of `line`.
fn strip_label(line: &mut String, rule: &Rule, report: &mut Report) {
    let Some(end) = rule.pattern.find(line).map(|m| m.end()) else {
        return;
    };
    report.add(
        &format!("boilerplate:{}", rule.name),
        1,
        snippet(&line[..end], 40),
    );
    *line = line[end..].trim().to_string();
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

#[cfg(test)]
mod tests {
    use super::*;

    fn body(text: &str) -> String {
        let mut r = Report::default();
        let mut lines: Vec<String> = text.lines().map(|l| l.trim().to_string()).collect();
        remove_trail(&mut lines, rules().unwrap(), &mut r);
        let keep = rule_mask(&mut lines, rules().unwrap(), &mut r);
        let mut k = keep.into_iter();
        lines.retain(|_| k.next().unwrap_or(true));
        lines.join("\n")
    }

    #[test]
    fn rules_compile() {
        assert!(rules().is_ok(), "{:?}", rules().err());
    }

    #[test]
    fn prompts_and_signoffs() {
        let text = "Title line\nBody.\nRecommended installation sofa butler Download: http://app.example.com/\nhttp://example.com/x\nEvery time you read,\nThis is my motivation. Thank you for your attention.\nShare this article\nSubscribe to our newsletter\nEnd.";
        assert_eq!(body(text), "Title line\nBody.\nEnd.");
    }

    #[test]
    fn inserted_ad_block() {
        let mut r = Report::default();
        let mut lines: Vec<String> = "T\nPara one.\nHow can product managers do B-end work?\nAll walks of life rode the wave.\nView details >\nPara two."
            .lines()
            .map(String::from)
            .collect();
        let keep = rule_mask(&mut lines, rules().unwrap(), &mut r);
        assert_eq!(keep, vec![true, true, false, false, false, true]);
        assert_eq!(r.count("boilerplate:inserted-ad"), 3);
    }

    #[test]
    fn located_comments_and_app_prompts() {
        let text = "T\n正文一。\n北京网友：先不喝了。\n广东省深圳市 网友 回复：都一样。\n不少网友表示：价格太高。\nBeijing netizen: I will wait.\nOne netizen wrote: it is fine.\n下載港聞快報App 即時新聞一手掌握\nDownload the Daily Brief app\n下载量超过一百万的App成为爆款。\nEnd.";
        assert_eq!(
            body(text),
            "T\n正文一。\n不少网友表示：价格太高。\nOne netizen wrote: it is fine.\n下载量超过一百万的App成为爆款。\nEnd."
        );
    }

    #[test]
    fn chinese_chrome() {
        let text = "茶的故事\n本文主要内容关键词为:茶论文,此文献不代表本站观点。\n正文一。\n责任编辑:王五\n来源:某某日报\n扫码关注我们的公众号\n点击阅读原文\n标签:; ; ;\n版权声明:本文为原创\n下载Doc文档\n猜你喜欢\n别的文章\n更多";
        // The related list after its header goes in the chrome stage (`chrome::zones`).
        assert_eq!(body(text), "茶的故事\n正文一。\n别的文章\n更多");
    }

    #[test]
    fn news_page_furniture() {
        let text = "Title line\nBy Staff Writer | Share this article | Subscribe to our newsletter\nWe use cookies to improve your experience. Accept\n1.2k shares\nPublished September 14, 2018\nBody one.\nAdvertisement\nA runner on the track. (Photo: Getty Images)\nRead more: https://example.com/a\nLike | Watching | Share\nComments (12)\nBody two.\n- THE END -\nDisclaimer: views are the author's.";
        assert_eq!(body(text), "Title line\nBody one.\nBody two.");
        let text =
            "快餐店的新形象\n本報記者 陳小明\n香江日報記者 鄭穎彤\n正文。\n他說記者不該只寫新聞。";
        assert_eq!(body(text), "快餐店的新形象\n正文。\n他說記者不該只寫新聞。");
        let text = "标题\n2021-03-05 10:23　来源：某某网\n【字號：大 中 小】\n摘要：本文关键词为：瑞幸,咖啡\n摘要：一句真正的摘要。\n正文。\n1.2万 阅读\nEND\n免责声明：与本平台无关。";
        assert_eq!(body(text), "标题\n一句真正的摘要。\n正文。");
    }

    #[test]
    fn trail_is_removed() {
        let mut r = Report::default();
        let mut lines: Vec<String> = vec![
            "Home » Business » How a boycott sold shoes".into(),
            "How a boycott sold shoes".into(),
            "Body.".into(),
        ];
        let title = remove_trail(&mut lines, rules().unwrap(), &mut r);
        assert_eq!(title.as_deref(), Some("How a boycott sold shoes"));
        assert_eq!(lines, vec!["How a boycott sold shoes", "Body."]);
        assert_eq!(r.count("boilerplate:breadcrumb"), 1);
    }

    #[test]
    fn dated_and_bylined_prose_survives() {
        let text = "Title\nBy Friday, Xiaomi had sold out.\n2018年7月9日 小米在港交所上市\nBy Lei Jun's own account, it was hard.\nThe ad ran on TV.";
        assert_eq!(body(text), text);
    }

    #[test]
    fn article_lines_survive() {
        let text = "Title\nThe source of growth is community.\nCopyright law matters less than fans.\n小米的公众号有一百万粉丝,来源于论坛。\nSubscribers grew fast.";
        assert_eq!(body(text), text);
    }
}
