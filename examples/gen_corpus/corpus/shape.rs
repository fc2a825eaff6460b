//! Corpus shapes: the knobs that make one generated site unlike another —
//! share of Chinese, page length, link density, code blocks and the tag
//! distribution. `mixed` is the default benchmark corpus; `wiki` is a second
//! corpus of another shape for the same benchmarks.

use std::fmt;
use std::str::FromStr;

/// Where the tag pool comes from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum TagPool {
    /// The 200 tags of the vocabulary (half English, half Chinese).
    Vocab,
    /// The vocabulary's tags followed by generated Chinese compound tags
    /// (`品牌与渠道`), `n` in all.
    Compound(usize),
}

/// How pages are tagged.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tags {
    pub pool: TagPool,
    /// Zipf exponent of the tag ranking: 1.0 skewed, 0.0 flat.
    pub skew: f64,
    /// Tags per page, inclusive bounds.
    pub per_page: (usize, usize),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Shape {
    pub name: &'static str,
    /// Chance that a page's title and first paragraph are Chinese.
    pub zh_title: f64,
    /// Share of the body's bytes kept Chinese (each new block is Chinese while below it).
    pub zh_share: f64,
    /// Body size bounds in bytes.
    pub body_bytes: (usize, usize),
    pub tags: Tags,
    /// Chance that a paragraph links to other pages, and how many it then links.
    pub link_chance: f64,
    pub links_per_paragraph: usize,
    /// Entries of the closing related list (the next page, then random pages).
    pub related: usize,
    /// Every `code_every`-th page has a fenced code block (0: none).
    pub code_every: usize,
}

impl Shape {
    /// About half Chinese by bytes, 3–5 KB bodies, about one link per two
    /// paragraphs, a code block on every fifth page, 1–5 tags from a pool of
    /// 200 with a Zipf (s = 1) skew.
    pub const MIXED: Shape = Shape {
        name: "mixed",
        zh_title: 0.5,
        zh_share: 0.5,
        body_bytes: (3000, 5000),
        tags: Tags {
            pool: TagPool::Vocab,
            skew: 1.0,
            per_page: (1, 5),
        },
        link_chance: 0.6,
        links_per_paragraph: 1,
        related: 2,
        code_every: 5,
    };

    /// Mostly Chinese (nine titles in ten; blocks are Chinese while it is
    /// under 85% of the bytes, which link URLs and Markdown keep it under:
    /// about three quarters of all bytes), 12–20 KB bodies,
    /// three links in every paragraph and six related pages, a code block on
    /// every twentieth page, 3–8 tags drawn evenly from a pool of 2,000.
    pub const WIKI: Shape = Shape {
        name: "wiki",
        zh_title: 0.9,
        zh_share: 0.85,
        body_bytes: (12_000, 20_000),
        tags: Tags {
            pool: TagPool::Compound(2000),
            skew: 0.0,
            per_page: (3, 8),
        },
        link_chance: 1.0,
        links_per_paragraph: 3,
        related: 6,
        code_every: 20,
    };

    pub const ALL: [&'static Shape; 2] = [&Shape::MIXED, &Shape::WIKI];

    pub fn has_code_block(&self, index: usize) -> bool {
        self.code_every > 0 && index.is_multiple_of(self.code_every)
    }
}

impl Default for Shape {
    fn default() -> Shape {
        Shape::MIXED
    }
}

impl fmt::Display for Shape {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name)
    }
}

impl FromStr for Shape {
    type Err = String;

    fn from_str(s: &str) -> Result<Shape, String> {
        Shape::ALL
            .iter()
            .find(|shape| shape.name == s)
            .map(|shape| (*shape).clone())
            .ok_or_else(|| {
                let names: Vec<&str> = Shape::ALL.iter().map(|shape| shape.name).collect();
                format!("unknown shape `{s}` (one of: {})", names.join(", "))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_parse_by_name() {
        assert_eq!("wiki".parse::<Shape>(), Ok(Shape::WIKI));
        assert_eq!("mixed".parse::<Shape>(), Ok(Shape::MIXED));
        let err = "blog".parse::<Shape>().expect_err("unknown");
        assert!(err.contains("mixed, wiki"), "{err}");
    }

    #[test]
    fn code_blocks_follow_the_period() {
        assert!(Shape::MIXED.has_code_block(0) && Shape::MIXED.has_code_block(5));
        assert!(!Shape::MIXED.has_code_block(4));
        let none = Shape {
            code_every: 0,
            ..Shape::MIXED
        };
        assert!(!none.has_code_block(0));
    }
}
