//! Fragments and inline markup: paragraphs without `<html>`, lists, `<br>`,
//! nested inline tags, entities, plain text that is not HTML, broken markup.

use super::*;
use Block::{Bullet, Ordered, Paragraph};

fn blocks(html: &str) -> Vec<Block> {
    extract(html).unwrap().blocks
}

fn paras(texts: &[&str]) -> Vec<Block> {
    texts.iter().map(|t| Paragraph(t.to_string())).collect()
}

#[test]
fn fragment_of_paragraphs() {
    let html = "<p>Para one, with text.</p>\n<p>Para two &amp; more.</p>\n<p>Chinese \
                小米的\n口碑 wraps.</p>";
    let a = extract(html).unwrap();
    assert_eq!(
        a.blocks,
        paras(&[
            "Para one, with text.",
            "Para two & more.",
            "Chinese 小米的口碑 wraps."
        ])
    );
    assert_eq!(a.title_candidates, vec![]);
    assert_eq!(a.removed.tags, 3);
    assert_eq!(a.removed.entities, 1);
}

#[test]
fn fragment_lines_between_tags_stay_lines() {
    let html = "<h1>Title here</h1>\r\nShare this article\r\n<p>Body one, long.</p>\r\n\
                Source: Brand Weekly\r\nCopyright © 2023 Brand Weekly.\r\n";
    assert_eq!(
        blocks(html),
        vec![
            Block::Heading("Title here".into()),
            Paragraph("Share this article".into()),
            Paragraph("Body one, long.".into()),
            Paragraph("Source: Brand Weekly".into()),
            Paragraph("Copyright © 2023 Brand Weekly.".into()),
        ]
    );
}

#[test]
fn lists_bullets_and_numbers() {
    let html = "<ul><li>One</li><li>Two <b>bold</b></li></ul>\
                <ol start=\"3\"><li>Three</li><li>Four<ul><li>Nested</li></ul></li></ol>\
                <p>After the list.</p>";
    assert_eq!(
        blocks(html),
        vec![
            Bullet("One".into()),
            Bullet("Two bold".into()),
            Ordered(3, "Three".into()),
            Ordered(4, "Four".into()),
            Bullet("Nested".into()),
            Paragraph("After the list.".into()),
        ]
    );
}

#[test]
fn line_breaks_split_paragraphs() {
    let html = "<div>First paragraph, before a blank line.<br><br>Second one.<br />\
                Name: Acme<br>City: Berlin<br>this is a sentence that the editor wrapped<br>by hand in the middle.</div>\
                <p>x</p><p>y</p>";
    assert_eq!(
        blocks(html),
        paras(&[
            "First paragraph, before a blank line.",
            "Second one.",
            "Name: Acme",
            "City: Berlin",
            "this is a sentence that the editor wrapped by hand in the middle.",
            "x",
            "y",
        ])
    );
}

#[test]
fn nested_inline_tags_keep_their_spacing() {
    let html = "<p>The <a href=\"#\"><strong>new</strong> <em>brand</em></a>’s \
                <span>launch</span>,<b>bold</b>and<i> italic </i>text.</p>\
                <p><span>小米</span><a>手机</a> <b>Mi</b>\n<em>粉丝</em></p><p>z</p>";
    assert_eq!(
        blocks(html),
        paras(&[
            "The new brand’s launch,boldand italic text.",
            "小米手机 Mi 粉丝",
            "z"
        ])
    );
}

#[test]
fn entities_are_decoded_double_escaped_too() {
    let html = "<p>Tea &amp; milk &ldquo;brand&rdquo;&nbsp;wins &#8212; &#x4E2D;文</p>\
                <p>&amp;ldquo;twice&amp;rdquo; &amp;amp; more</p><p>&nbsp;</p><p>end</p>";
    let a = extract(html).unwrap();
    assert_eq!(
        a.blocks,
        paras(&["Tea & milk “brand” wins — 中文", "“twice” & more", "end"])
    );
    assert_eq!(a.removed.entities, 13);
}

#[test]
fn plain_text_with_angle_brackets_is_not_html() {
    for text in [
        "Growth was < 5% in 2020 <3 and a<b, x > y.\nWrite to <ceo@example.com>.",
        "Leaf &amp; Co grows fast\n<p>Leaf &amp; Co’s tea fans love it.</p>\nShare this",
        "One <b>bold</b> word\nand a line\nand another line\nand more\nplain text\n<br>",
    ] {
        assert!(extract(text).is_none(), "{text}");
    }
}

#[test]
fn documents_and_markup_heavy_text_are_html() {
    assert!(is_html("<!DOCTYPE html><title>x</title>"));
    assert!(is_html("Some text\n<body><p>x</p></body>"));
    assert!(is_html("<h2>A</h2>\n<p>b</p>\nplain line\n<p>c</p>"));
}

#[test]
fn malformed_markup_does_not_panic() {
    let html = "<div><p>Unclosed paragraph <b>bold <i>both</div><p>Next</p>\
                <ul><li>item<li>item two</ul></table></span><p";
    assert_eq!(
        blocks(html),
        vec![
            Paragraph("Unclosed paragraph bold both".into()),
            Paragraph("Next".into()),
            Bullet("item".into()),
            Bullet("item two".into()),
        ]
    );
    for broken in [
        "<p><<<>>></p><div>",
        "<div><div><div>",
        "</p></p><li>x",
        "<p>&#99999999;</p><p>a</p><p>b</p>",
    ] {
        let _ = extract(broken);
    }
}

#[test]
fn hidden_and_chrome_elements_are_dropped() {
    let html = "<p>Kept text.</p><p hidden>hidden</p><div aria-hidden=\"true\">aria</div>\
                <div style=\"display: none\">styled</div><div class=\"head shadow download\">\
                Kept too.</div><div class=\"ad-slot\">ad</div><div id=\"relatedPosts\">rel</div>\
                <div class=\"xgyd\">相关阅读</div><section class=\"comments\"><p>c</p></section>";
    assert_eq!(blocks(html), paras(&["Kept text.", "Kept too."]));
}

#[test]
fn publication_date_from_meta_or_time() {
    let meta = "<html><head><meta name=\"pubdate\" content=\" 2021-01-02 \"></head>\
                <body><time datetime=\"2020-05-05\">May 5</time><p>a</p></body></html>";
    assert_eq!(
        extract(meta).unwrap().published.as_deref(),
        Some("2021-01-02")
    );
    let time = "<html><body><p>a <time datetime=\"2020-05-05\">May 5</time></p></body></html>";
    assert_eq!(
        extract(time).unwrap().published.as_deref(),
        Some("2020-05-05")
    );
}
