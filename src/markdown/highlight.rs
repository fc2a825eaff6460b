//! Syntax highlighting of fenced code with syntect, as CSS classes.
//!
//! Classes (not inline colours) keep pages small and let one light and one
//! dark stylesheet, generated from syntect themes, follow the reader's colour
//! scheme. The syntax set is loaded lazily: a site without code never pays.

use std::sync::OnceLock;

use syntect::highlighting::ThemeSet;
use syntect::html::{css_for_theme_with_class_style, ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

use crate::text::escape::push_escaped;

const CLASS_STYLE: ClassStyle = ClassStyle::SpacedPrefixed { prefix: "hl-" };
const LIGHT_THEME: &str = "InspiredGitHub";
const DARK_THEME: &str = "base16-ocean.dark";

static SYNTAXES: OnceLock<SyntaxSet> = OnceLock::new();

fn syntaxes() -> &'static SyntaxSet {
    SYNTAXES.get_or_init(SyntaxSet::load_defaults_newlines)
}

/// Highlights `code` written in `lang` (a fence token such as `rust`, `py`,
/// `toml`); unknown languages come out escaped but uncoloured.
pub fn highlight(code: &str, lang: &str) -> String {
    let lang = lang.split([',', ' ', '{']).next().unwrap_or("").trim();
    let mut out = String::with_capacity(code.len() * 2 + 64);
    out.push_str("<pre class=\"code\"");
    if !lang.is_empty() {
        out.push_str(" data-lang=\"");
        push_escaped(&mut out, lang);
        out.push('"');
    }
    out.push_str("><code>");
    match classed_html(code, lang) {
        Some(html) => out.push_str(&html),
        None => push_escaped(&mut out, code),
    }
    out.push_str("</code></pre>\n");
    out
}

fn classed_html(code: &str, lang: &str) -> Option<String> {
    if lang.is_empty() {
        return None;
    }
    let set = syntaxes();
    let syntax = set.find_syntax_by_token(lang)?;
    let mut gen = ClassedHTMLGenerator::new_with_class_style(syntax, set, CLASS_STYLE);
    for line in LinesWithEndings::from(code) {
        gen.parse_html_for_line_which_includes_newline(line).ok()?;
    }
    Some(gen.finalize())
}

/// The light and dark stylesheets for highlighted code: `(light, dark)`.
pub fn stylesheets() -> (String, String) {
    let themes = ThemeSet::load_defaults();
    let css = |name: &str| {
        themes
            .themes
            .get(name)
            .and_then(|t| css_for_theme_with_class_style(t, CLASS_STYLE).ok())
            .unwrap_or_default()
    };
    (css(LIGHT_THEME), css(DARK_THEME))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_known_language_with_classes() {
        let html = highlight("fn main() {}\n", "rust");
        assert!(html.contains("data-lang=\"rust\""));
        assert!(html.contains("class=\"hl-"), "{html}");
    }

    #[test]
    fn unknown_language_is_escaped() {
        let html = highlight("<script>x</script>", "nosuchlang");
        assert!(html.contains("&lt;script&gt;"));
        assert!(!html.contains("<script>"));
    }

    #[test]
    fn stylesheets_differ() {
        let (light, dark) = stylesheets();
        assert!(light.contains(".hl-"));
        assert_ne!(light, dark);
    }
}
