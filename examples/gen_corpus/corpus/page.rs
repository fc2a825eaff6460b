//! One generated page: its head (slug, title, date, category, tags) and the
//! TOML front matter that casewiki, Zola and Hugo all accept.
//!
//! Heads come from their own PRNG stream per page, so any page can name any
//! other page's title in a link without generating that page first.

use super::rng::{Rng, Zipf};
use super::shape::Shape;
use super::vocab::Vocab;
use super::{prose, STREAM_HEAD};

/// The content folder all generated pages live in.
pub const SECTION: &str = "case-studies";

/// The three categories of the wiki (slugs).
pub const CATEGORIES: [&str; 3] = ["marketing-lessons", "brand-crises", "founder-ip"];

/// Days from 1970-01-01 to 2010-01-01; page dates fall in 2010..2025.
const EPOCH_2010: i64 = 14_610;
const DATE_SPAN_DAYS: usize = 15 * 365;

/// What every page head is drawn from.
pub struct HeadContext<'a> {
    pub seed: u64,
    /// Digits of the slug's number.
    pub width: usize,
    pub vocab: &'a Vocab,
    /// The tag ranking's distribution.
    pub zipf: &'a Zipf,
    pub shape: &'a Shape,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PageHead {
    pub index: usize,
    pub slug: String,
    pub title: String,
    /// Whether the title (and first paragraph) is Chinese.
    pub zh: bool,
    pub date: String,
    pub description: String,
    pub category: &'static str,
    pub tags: Vec<String>,
}

impl PageHead {
    pub fn new(ctx: &HeadContext, index: usize) -> PageHead {
        let mut rng = Rng::for_item(ctx.seed, STREAM_HEAD, index as u64);
        let zh = rng.chance(ctx.shape.zh_title);
        let words = ctx.vocab.words(zh);
        let title = prose::title(words, &mut rng);
        let description = prose::sentence(words, &mut rng);
        let date = civil_date(EPOCH_2010 + rng.below(DATE_SPAN_DAYS) as i64);
        let category = CATEGORIES[rng.below(CATEGORIES.len())];
        let tags = pick_tags(&mut rng, ctx);
        PageHead {
            index,
            slug: slug(index, ctx.width),
            title,
            zh,
            date,
            description,
            category,
            tags,
        }
    }

    /// Root-relative URL, written the same for all three generators.
    pub fn url(&self) -> String {
        format!("/{SECTION}/{}/", self.slug)
    }

    /// The header: Hugo reads top-level `tags`/`categories`, Zola reads
    /// `[taxonomies]` (and ignores unknown page keys), casewiki reads both.
    pub fn front_matter(&self) -> String {
        let tags = toml_list(&self.tags);
        let cat = toml_list(&[self.category]);
        format!(
            "+++\ntitle = {}\ndate = {}\ndescription = {}\ntags = {tags}\ncategories = {cat}\n\n\
             [taxonomies]\ntags = {tags}\ncategories = {cat}\n+++\n",
            toml_string(&self.title),
            self.date,
            toml_string(&self.description),
        )
    }
}

/// `p00042`; at least five digits, more when the corpus needs them.
pub fn slug(index: usize, width: usize) -> String {
    format!("p{index:0width$}")
}

/// Distinct tags (as many as the shape asks) drawn from the ranked pool.
fn pick_tags(rng: &mut Rng, ctx: &HeadContext) -> Vec<String> {
    let (lo, hi) = ctx.shape.tags.per_page;
    let want = rng.range(lo, hi).min(ctx.vocab.tags.len());
    let mut ranks: Vec<usize> = Vec::with_capacity(want);
    while ranks.len() < want {
        let r = ctx.zipf.sample(rng);
        if !ranks.contains(&r) {
            ranks.push(r);
        }
    }
    ranks
        .iter()
        .filter_map(|&r| ctx.vocab.tags.get(r).cloned())
        .collect()
}

/// A TOML basic string.
pub fn toml_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn toml_list<S: AsRef<str>>(items: &[S]) -> String {
    let parts: Vec<String> = items.iter().map(|s| toml_string(s.as_ref())).collect();
    format!("[{}]", parts.join(", "))
}

/// `YYYY-MM-DD` for a day count since 1970-01-01 (proleptic Gregorian).
pub fn civil_date(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates() {
        assert_eq!(civil_date(0), "1970-01-01");
        assert_eq!(civil_date(EPOCH_2010), "2010-01-01");
        assert_eq!(civil_date(EPOCH_2010 + 59), "2010-03-01");
        assert_eq!(civil_date(19_782), "2024-02-29");
    }

    #[test]
    fn toml_strings_escape() {
        assert_eq!(toml_string(r#"a"b\c"#), r#""a\"b\\c""#);
    }

    #[test]
    fn front_matter_is_valid_for_casewiki() {
        let vocab = Vocab::load(5).expect("vocab");
        let ctx = HeadContext {
            seed: 5,
            width: 5,
            vocab: &vocab,
            zipf: &Zipf::new(vocab.tags.len(), 1.0),
            shape: &Shape::MIXED,
        };
        let head = PageHead::new(&ctx, 42);
        let text = format!("{}\nbody\n", head.front_matter());
        let split = casewiki::content::front_matter::split(&text).expect("parses");
        assert_eq!(split.front_matter.title, head.title);
        assert_eq!(split.front_matter.all_tags(), head.tags);
        assert_eq!(split.front_matter.category_value(), Some(head.category));
        assert_eq!(
            split.front_matter.date.map(|d| d.to_string()),
            Some(head.date.clone())
        );
        assert_eq!(head.url(), "/case-studies/p00042/");
        assert!((1..=5).contains(&head.tags.len()));
    }
}
