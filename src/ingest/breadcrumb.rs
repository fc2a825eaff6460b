//! Breadcrumbs: navigation trails near the top of a page
//! (`Home » Business » Title`, `首页 > 财经 > 正文`).
//!
//! A trail never belongs in the article. Its last segment is often the title:
//! when another line repeats it, that line is the title; when nothing does
//! and the segment is long enough, the trail's line becomes the title. The
//! separators and the home words come from `data/ingest/boilerplate.toml`.

use regex::Regex;
use serde::Deserialize;

use super::report::{snippet, Report};

/// `[breadcrumb]` in the rules file.
#[derive(Debug, Deserialize)]
pub struct BreadcrumbDef {
    strong: Vec<String>,
    weak: Vec<String>,
    home: String,
    max_segment_chars: usize,
    min_title_chars: usize,
    max_lines: usize,
}

/// Compiled breadcrumb settings.
pub struct Breadcrumbs {
    strong: Vec<String>,
    weak: Vec<String>,
    home: Regex,
    max_segment_chars: usize,
    min_title_chars: usize,
    max_lines: usize,
}

/// Characters of a crumb above which it is a menu run together, not a section.
const MENU_CHARS: usize = 12;
/// Characters of a section label glued to the headline, at most.
const MAX_LABEL_CHARS: usize = 4;

impl BreadcrumbDef {
    pub fn compile(self) -> Result<Breadcrumbs, String> {
        let home = Regex::new(&self.home)
            .map_err(|e| format!("boilerplate.toml: bad breadcrumb home `{}`: {e}", self.home))?;
        Ok(Breadcrumbs {
            strong: self.strong,
            weak: self.weak,
            home,
            max_segment_chars: self.max_segment_chars,
            min_title_chars: self.min_title_chars,
            max_lines: self.max_lines,
        })
    }
}

impl Breadcrumbs {
    /// The trail's last segment when `line` is a trail.
    fn tail(&self, line: &str) -> Option<String> {
        let strong = self.strong.iter().map(|s| (s, true));
        let weak = self.weak.iter().map(|s| (s, false));
        strong.chain(weak).find_map(|(sep, strong)| {
            let parts: Vec<&str> = line.split(sep.as_str()).map(str::trim).collect();
            let (last, crumbs) = parts.split_last()?;
            let short = crumbs
                .iter()
                .all(|c| !c.is_empty() && c.chars().count() <= self.max_segment_chars);
            let home = crumbs.first().is_some_and(|c| self.home.is_match(c));
            let trail = short && ((strong && crumbs.len() >= 2) || (home && !crumbs.is_empty()));
            trail.then(|| self.unglued(last, crumbs).to_string())
        })
    }

    /// A Chinese last segment without its section label: a page saved on one
    /// line glues the trail's section to the headline (`首页 > 资讯 >
    /// 品牌酱香拿铁…`). The label is the longest opening run of two to four
    /// Chinese characters that the menu run together before the trail (a
    /// crumb longer than a section name) also holds.
    fn unglued<'a>(&self, last: &'a str, crumbs: &[&str]) -> &'a str {
        let menus: Vec<&&str> = crumbs
            .iter()
            .filter(|c| c.chars().count() > MENU_CHARS)
            .collect();
        let opening: Vec<(usize, char)> = last
            .char_indices()
            .take_while(|&(_, c)| crate::text::is_cjk(c))
            .take(MAX_LABEL_CHARS + 1)
            .collect();
        (2..=MAX_LABEL_CHARS.min(opening.len().saturating_sub(1)))
            .rev()
            .map(|n| opening[n].0)
            .find(|&end| {
                let label = &last[..end];
                menus.iter().any(|m| m.contains(label)) && self.is_title(&last[end..])
            })
            .map_or(last, |end| &last[end..])
    }

    fn is_title(&self, segment: &str) -> bool {
        segment.chars().count() >= self.min_title_chars
    }
}

/// Drops trails among the first lines; returns the title a trail named, if any.
pub fn remove(
    lines: &mut Vec<String>,
    crumbs: &Breadcrumbs,
    report: &mut Report,
) -> Option<String> {
    let top: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].is_empty())
        .take(crumbs.max_lines)
        .collect();
    let first = top.first().copied();
    let mut title = None;
    let mut drop = Vec::new();
    for &i in &top {
        let Some(tail) = crumbs.tail(&lines[i]) else {
            continue;
        };
        report.add("boilerplate:breadcrumb", 1, snippet(&lines[i], 40));
        let repeated = lines.iter().enumerate().any(|(j, l)| j != i && *l == tail);
        if repeated || !crumbs.is_title(&tail) {
            drop.push(i);
        } else if Some(i) == first {
            lines[i] = tail.clone();
        } else {
            drop.push(i);
            continue;
        }
        if Some(i) == first && crumbs.is_title(&tail) {
            title = Some(tail);
        }
    }
    for i in drop.into_iter().rev() {
        lines.remove(i);
    }
    title
}

#[cfg(test)]
mod tests {
    use super::*;

    fn crumbs() -> Breadcrumbs {
        BreadcrumbDef {
            strong: vec!["»".into(), ">".into()],
            weak: vec!["|".into(), "/".into()],
            home: "(?i)^(home|首页)$".into(),
            max_segment_chars: 40,
            min_title_chars: 8,
            max_lines: 8,
        }
        .compile()
        .unwrap()
    }

    fn run(text: &str) -> (Vec<String>, Option<String>) {
        let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
        let title = remove(&mut lines, &crumbs(), &mut Report::default());
        (lines, title)
    }

    #[test]
    fn trail_before_the_repeated_title() {
        let (lines, title) =
            run("Home » Business » How a boycott sold shoes\nHow a boycott sold shoes\nBody.");
        assert_eq!(lines, vec!["How a boycott sold shoes", "Body."]);
        assert_eq!(title.as_deref(), Some("How a boycott sold shoes"));
    }

    #[test]
    fn trail_after_the_title_and_navigation_only() {
        let (lines, _) = run("A long title here\nTech Weekly > Retail > A long title here\nBody.");
        assert_eq!(lines, vec!["A long title here", "Body."]);
        let (lines, title) = run("首页 > 财经 > 正文\n农夫山泉的广告语\n正文。");
        assert_eq!(lines, vec!["农夫山泉的广告语", "正文。"]);
        assert_eq!(title, None);
    }

    #[test]
    fn lone_trail_becomes_the_title() {
        let (lines, title) = run("Home | Why the founder matters\nBody.");
        assert_eq!(lines, vec!["Why the founder matters", "Body."]);
        assert_eq!(title.as_deref(), Some("Why the founder matters"));
    }

    #[test]
    fn a_section_label_glued_to_the_headline_is_parted() {
        let menu = "观察网首页资讯财经酒企品牌消费专题视频登录注册当前位置：首页";
        let (lines, title) = run(&format!(
            "{menu} > 资讯 > 品牌酱香拿铁刷屏一周年：谁赢了\n正文。"
        ));
        assert_eq!(title.as_deref(), Some("酱香拿铁刷屏一周年：谁赢了"));
        assert_eq!(lines[0], "酱香拿铁刷屏一周年：谁赢了");
        // A headline whose first word the menu does not hold keeps it.
        let (_, title) = run(&format!(
            "{menu} > 资讯 > 瑞幸拿铁刷屏一周年：谁赢了\n正文。"
        ));
        assert_eq!(title.as_deref(), Some("瑞幸拿铁刷屏一周年：谁赢了"));
    }

    #[test]
    fn prose_is_not_a_trail() {
        for s in [
            "Sales > costs, so the model works.",
            "Price / value | a ratio",
            "小米 > 华为",
        ] {
            assert_eq!(run(s).0, vec![s]);
        }
    }
}
