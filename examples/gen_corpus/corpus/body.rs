//! A page body: headings, English and Chinese paragraphs balanced by bytes,
//! lists, links to other pages (root-relative URLs), an optional code block
//! and a related-pages list, sized within the shape's bounds.

use super::code;
use super::page::PageHead;
use super::prose;
use super::rng::Rng;
use super::shape::Shape;
use super::vocab::Vocab;

/// Everything a body needs besides its own PRNG.
pub struct BodyContext<'a> {
    pub vocab: &'a Vocab,
    pub heads: &'a [PageHead],
    pub shape: &'a Shape,
}

/// Builds the body of page `head.index`.
pub fn body(ctx: &BodyContext, head: &PageHead, rng: &mut Rng) -> String {
    let (min_bytes, max_bytes) = ctx.shape.body_bytes;
    let related = related_list(ctx, head, rng);
    let budget = max_bytes - 50 - related.len();
    let target = rng.range(min_bytes + 300, max_bytes - 400) - related.len().min(min_bytes / 2);
    let mut out = Body {
        text: String::with_capacity(max_bytes),
        budget,
        zh_share: ctx.shape.zh_share,
    };
    let mut section = 0;
    while out.text.len() < target {
        let zh = if out.text.is_empty() {
            head.zh
        } else {
            out.wants_chinese()
        };
        let words = ctx.vocab.words(zh);
        let heading = rng.pick(&words.headings).cloned().unwrap_or_default();
        if !out.push(format!("## {heading}")) {
            break;
        }
        if section == 1 && ctx.shape.has_code_block(head.index) {
            let nth = head.index / ctx.shape.code_every;
            out.push(code::block(nth, &head.slug, rng.range(2, 9)));
        }
        out.push(paragraph_with_link(ctx, zh, rng));
        let zh = out.wants_chinese();
        if rng.chance(0.5) {
            out.push(list(ctx, zh, rng));
        }
        out.push(paragraph_with_link(ctx, zh, rng));
        section += 1;
    }
    fill_to_minimum(&mut out, ctx, rng);
    out.text.push_str(&related);
    out.text
}

struct Body {
    text: String,
    budget: usize,
    /// Share of Chinese bytes the text keeps to.
    zh_share: f64,
}

impl Body {
    /// Appends a block if it fits the budget.
    fn push(&mut self, block: String) -> bool {
        if self.text.len() + block.len() + 2 > self.budget {
            return false;
        }
        self.text.push_str(&block);
        self.text.push_str("\n\n");
        true
    }

    fn wants_chinese(&self) -> bool {
        (chinese_bytes(&self.text) as f64) < self.zh_share * self.text.len() as f64
    }
}

/// Short single-sentence paragraphs until the body reaches the minimum.
fn fill_to_minimum(out: &mut Body, ctx: &BodyContext, rng: &mut Rng) {
    while out.text.len() < ctx.shape.body_bytes.0 {
        let zh = out.wants_chinese();
        if !out.push(prose::sentence(ctx.vocab.words(zh), rng)) {
            break;
        }
    }
}

fn paragraph_with_link(ctx: &BodyContext, zh: bool, rng: &mut Rng) -> String {
    let n = rng.range(2, 3);
    let mut p = prose::paragraph(ctx.vocab.words(zh), zh, n, rng);
    if rng.chance(ctx.shape.link_chance) {
        let links: Vec<String> = (0..ctx.shape.links_per_paragraph)
            .map(|_| {
                let target = &ctx.heads[rng.below(ctx.heads.len())];
                format!("[{}]({})", target.title, target.url())
            })
            .collect();
        p.push_str(&if zh {
            format!("参见{}。", links.join("、"))
        } else {
            format!(" See also {}.", links.join(", "))
        });
    }
    p
}

fn list(ctx: &BodyContext, zh: bool, rng: &mut Rng) -> String {
    let words = ctx.vocab.words(zh);
    let items: Vec<String> = (0..rng.range(3, 4))
        .map(|_| {
            let entity = rng.pick(&words.entities).cloned().unwrap_or_default();
            let noun = rng.pick(&words.nouns).cloned().unwrap_or_default();
            if zh {
                format!("- **{entity}**：{noun}")
            } else {
                format!("- **{entity}**: {noun}")
            }
        })
        .collect();
    items.join("\n")
}

/// `## Related` with links to the next page and random pages.
fn related_list(ctx: &BodyContext, head: &PageHead, rng: &mut Rng) -> String {
    let n = ctx.heads.len();
    let heading = if head.zh {
        "## 相关案例"
    } else {
        "## Related"
    };
    if n < 2 {
        return format!("{heading}\n\n- [{}]({})\n", head.title, head.url());
    }
    let near = (head.index + 1) % n;
    let picks: Vec<usize> = std::iter::once(near)
        .chain((1..ctx.shape.related).map(|_| rng.below(n)))
        .collect();
    let items: Vec<String> = picks
        .iter()
        .map(|&i| format!("- [{}]({})", ctx.heads[i].title, ctx.heads[i].url()))
        .collect();
    format!("{heading}\n\n{}\n", items.join("\n"))
}

/// Bytes of Chinese ideographs and CJK punctuation in `s`.
pub fn chinese_bytes(s: &str) -> usize {
    s.chars()
        .filter(|&c| {
            casewiki::text::is_cjk(c) || matches!(c as u32, 0x3000..=0x303F | 0xFF00..=0xFFEF)
        })
        .map(char::len_utf8)
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_chinese_bytes() {
        assert_eq!(chinese_bytes("ab小米，c"), 9);
        assert_eq!(chinese_bytes("plain"), 0);
    }
}
