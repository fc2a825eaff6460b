//! Raw HTML in content is untrusted: a page whose Markdown holds raw HTML
//! has its rendered body cleaned with ammonia (what Markdown syntax itself
//! writes — heading attributes, link and image URLs — is made safe by
//! `safe_events`, whatever `unsafe_html` says). Ammonia's default
//! allow-list of tags and attributes is kept (formatting, tables, lists,
//! `details`/`summary`, `kbd`, images…); scripts, styles, forms, frames,
//! event handlers, comments and `javascript:`/`data:` URLs are removed. What
//! the renderer itself writes survives: heading and footnote ids, classes
//! (highlighting, entity links, footnotes), `data-lang` on code blocks, task
//! list checkboxes and table alignment. `[markdown] unsafe_html = true` in
//! `site.toml` passes raw HTML through unchanged, for a trusted author.

use std::collections::HashSet;
use std::sync::OnceLock;

use pulldown_cmark::Event;

fn cleaner() -> &'static ammonia::Builder<'static> {
    static CLEANER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    CLEANER.get_or_init(|| {
        let mut b = ammonia::Builder::default();
        b.add_generic_attributes(["id", "class"])
            .add_tags(["input"])
            .add_tag_attributes("pre", ["data-lang"])
            .add_tag_attributes("input", ["type", "checked", "disabled"])
            .add_tag_attributes("th", ["style"])
            .add_tag_attributes("td", ["style"])
            .filter_style_properties(HashSet::from(["text-align"]))
            .link_rel(None);
        b
    })
}

/// Cleans a rendered body (see the module comment for the policy).
pub fn clean(html: &str) -> String {
    cleaner().clean(html).to_string()
}

/// Whether `event` makes its page need cleaning: raw HTML.
pub fn needs_cleaning(event: &Event) -> bool {
    matches!(event, Event::Html(_) | Event::InlineHtml(_))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_what_the_renderer_writes() {
        let html = "<h2 id=\"intro\">Intro</h2><pre class=\"code\" data-lang=\"rust\"><code><span class=\"hl-source\">x</span></code></pre>\
                    <ul><li><input disabled=\"\" type=\"checkbox\" checked=\"\"> done</li></ul>\
                    <table><thead><tr><th style=\"text-align:right\">n</th></tr></thead></table>\
                    <a class=\"entity-link\" href=\"/wiki/x/\">X</a>";
        assert_eq!(clean(html), html);
    }

    #[test]
    fn removes_scripts_handlers_and_urls() {
        let out = clean("<p onclick=\"x()\">a<script>alert(1)</script><a href=\"javascript:y()\">b</a><img src=\"data:text/html,z\"></p>");
        assert_eq!(out, "<p>a<a>b</a><img></p>");
    }
}
