//! Markdown output of a structured article, with every character that would
//! change the meaning of plain text (emphasis, links, HTML, headings, list
//! markers at line start) escaped.

use super::structure::Block;

/// The body: blocks separated by blank lines, consecutive items as one list.
pub fn render(blocks: &[Block]) -> String {
    let mut out = String::new();
    let mut prev: Option<&Block> = None;
    for b in blocks {
        if let Some(p) = prev {
            let same_list = matches!(
                (p, b),
                (Block::Bullet(_), Block::Bullet(_)) | (Block::Ordered(..), Block::Ordered(..))
            );
            out.push_str(if same_list { "\n" } else { "\n\n" });
        }
        match b {
            Block::Heading(t) => {
                out.push_str("## ");
                out.push_str(&escape_inline(t).replace('#', "\\#"));
            }
            Block::Ordered(n, t) => out.push_str(&format!("{n}. {}", escape_inline(t))),
            Block::Bullet(t) => out.push_str(&format!("- {}", escape_inline(t))),
            Block::Paragraph(t) => out.push_str(&escape_paragraph(t)),
        }
        prev = Some(b);
    }
    out.push('\n');
    out
}

/// Escapes inline Markdown syntax.
pub fn escape_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let entity_like = c == '&'
            && chars
                .get(i + 1)
                .is_some_and(|n| n.is_ascii_alphanumeric() || *n == '#');
        if matches!(c, '\\' | '*' | '_' | '`' | '<' | '[' | ']') || entity_like {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Escapes a paragraph, including what would start a block at line start.
pub fn escape_paragraph(text: &str) -> String {
    let body = escape_inline(text);
    let first = body.chars().next().unwrap_or(' ');
    let second = body.chars().nth(1).unwrap_or(' ');
    if matches!(first, '#' | '>' | '=' | '|')
        || (matches!(first, '-' | '+') && (second == ' ' || second == first))
    {
        return format!("\\{body}");
    }
    let digits = body.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && digits <= 9 {
        let marker = body[digits..].chars().next();
        let after = body[digits..].chars().nth(1);
        if matches!(marker, Some('.') | Some(')')) && after.is_none_or(char::is_whitespace) {
            return format!("{}\\{}", &body[..digits], &body[digits..]);
        }
    }
    body
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_render() {
        let blocks = vec![
            Block::Paragraph("Intro.".into()),
            Block::Heading("Brutal growth".into()),
            Block::Bullet("a".into()),
            Block::Bullet("b".into()),
            Block::Ordered(3, "extreme".into()),
            Block::Ordered(4, "quick".into()),
            Block::Paragraph("End.".into()),
        ];
        assert_eq!(
            render(&blocks),
            "Intro.\n\n## Brutal growth\n\n- a\n- b\n\n3. extreme\n4. quick\n\nEnd.\n"
        );
    }

    #[test]
    fn special_characters_are_escaped() {
        assert_eq!(
            escape_inline("users * * * developed [x](y) <b> a_b `c` &amp; 1 & 2"),
            "users \\* \\* \\* developed \\[x\\](y) \\<b> a\\_b \\`c\\` \\&amp; 1 & 2"
        );
        assert_eq!(escape_paragraph("# not a heading"), "\\# not a heading");
        assert_eq!(escape_paragraph("1. not a list"), "1\\. not a list");
        assert_eq!(escape_paragraph("- dash"), "\\- dash");
        assert_eq!(escape_paragraph("1.81 meters"), "1.81 meters");
        assert_eq!(escape_paragraph("> quote"), "\\> quote");
    }

    #[test]
    fn rendered_markdown_keeps_text() {
        let text = "a*b*c [link](x) <i>no</i> # 1. _u_";
        let html = {
            let mut s = String::new();
            pulldown_cmark::html::push_html(
                &mut s,
                pulldown_cmark::Parser::new(&escape_paragraph(text)),
            );
            s
        };
        assert_eq!(
            html,
            "<p>a*b*c [link](x) &lt;i&gt;no&lt;/i&gt; # 1. _u_</p>\n"
        );
    }
}
