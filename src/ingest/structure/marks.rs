//! Decorations of heading lines: WeChat and blog editors mark a section
//! heading with a bar or an arrow (`▍一场意外的走红`, `► The turn`) or set the
//! whole line in bold (`**The turn**`). The marks go, so the line is judged
//! (and written) by its text.

/// Bars and arrows that open a decorated heading.
const HEADING_BARS: &[char] = &['▍', '▎', '▌', '▋', '▐', '┃', '▶', '►', '▷'];
/// Most characters a decorated line has to count as a heading line.
const MAX_DECORATED: usize = 120;

/// `line` without a leading heading bar or a bold wrap around all of it.
pub(super) fn undecorate(line: &str) -> String {
    let t = line.trim();
    if t.chars().count() > MAX_DECORATED {
        return t.to_string();
    }
    let t = t.trim_start_matches(HEADING_BARS).trim_start();
    for wrap in ["**", "__"] {
        if let Some(inner) = t.strip_prefix(wrap).and_then(|r| r.strip_suffix(wrap)) {
            if !inner.contains(wrap) && !inner.trim().is_empty() {
                return inner.trim().to_string();
            }
        }
    }
    t.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_and_bold_wraps_go() {
        assert_eq!(undecorate("▍一场意外的走红"), "一场意外的走红");
        assert_eq!(undecorate("► The turn"), "The turn");
        assert_eq!(undecorate("**加粗的小标题**"), "加粗的小标题");
        assert_eq!(undecorate("**Bold** and plain"), "**Bold** and plain");
        assert_eq!(undecorate("**a** b **c**"), "**a** b **c**");
    }
}
