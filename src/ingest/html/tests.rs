//! Whole pages: chrome around an article, in English and Chinese, and a page
//! whose body sits in a `<div class="content">` without `<article>`.

use super::*;
use Block::{Bullet, Heading, Ordered, Paragraph};

fn page(name: &str) -> HtmlArticle {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/ingest-html/");
    let text = std::fs::read_to_string(format!("{dir}{name}")).unwrap();
    extract(&text).unwrap()
}

fn p(s: &str) -> Block {
    Paragraph(s.to_string())
}

fn h(s: &str) -> Block {
    Heading(s.to_string())
}

fn candidate(source: TitleSource, text: &str) -> TitleCandidate {
    TitleCandidate {
        text: text.to_string(),
        source,
    }
}

#[test]
fn english_page_keeps_only_the_article() {
    let a = page("en_full.html");
    let title = "How Patagonia sold more by asking people to buy less";
    assert_eq!(
        a.blocks,
        vec![
            h(title),
            p("On Black Friday in 2011, Patagonia ran a full-page advertisement with a photo of its best-selling fleece and a blunt headline: “Don’t buy this jacket.” The copy explained how much water and carbon the jacket cost to make."),
            p("The campaign looked like it worked against the company’s own sales. In the two years after it, revenue grew by about 30 percent."),
            h("A brand that means what it says"),
            p("The advertisement was believable because the company had a record to point to: repair programmes, used-gear sales and a pledge of one percent of sales to environmental groups."),
            Bullet("Worn Wear, a programme for repairing and reselling old clothes".into()),
            Bullet("Organic cotton since 1996".into()),
            p("We wanted customers to think twice before they bought anything, including from us."),
            h("What other brands can learn"),
            Ordered(1, "Make the promise concrete.".into()),
            Ordered(2, "Back it with a programme customers can use.".into()),
        ]
    );
    assert_eq!(
        a.title_candidates,
        vec![
            candidate(
                TitleSource::Title,
                &format!("{title} | Outdoor Trade Review")
            ),
            candidate(TitleSource::OgTitle, title),
            candidate(TitleSource::OgTitle, "Patagonia: buy less, sell more"),
            candidate(TitleSource::H1, title),
        ]
    );
    assert_eq!(a.site_name.as_deref(), Some("Outdoor Trade Review"));
    assert_eq!(a.published.as_deref(), Some("2023-04-11T08:30:00Z"));
    assert!(a.removed.chrome >= 12, "{:?}", a.removed);
}

#[test]
fn chinese_portal_page_keeps_only_the_article() {
    let a = page("zh_full.html");
    let title = "喜茶的联名营销：一杯奶茶如何变成社交货币";
    assert_eq!(
        a.blocks,
        vec![
            p("2022年夏天，喜茶与一家老牌国货品牌推出联名饮品，上线当天多家门店排起长队，相关话题在社交平台上的阅读量超过两亿。"),
            p("这并不是喜茶第一次做联名。过去几年里，它与服装、游戏、文具等几十个品牌合作过，几乎每个月都有新的“联名款”。"),
            h("一、联名为什么有效"),
            p("对年轻消费者来说，一杯联名奶茶不只是饮料，更是可以拍照分享的“社交货币”。限量的杯套和纸袋，让购买本身变成了一种表达。"),
            h("二、联名的风险"),
            p("联名做多了，新鲜感也会下降。有分析人士指出，如果合作品牌与自身调性不符，反而会稀释品牌形象，品牌需要控制节奏。"),
        ]
    );
    assert_eq!(
        a.title_candidates,
        vec![
            candidate(TitleSource::Title, &format!("{title}_财经频道_东方商业网")),
            candidate(TitleSource::H1, title),
        ]
    );
    assert_eq!(a.site_name.as_deref(), Some("东方商业网"));
    assert_eq!(a.published.as_deref(), Some("2022-08-19 10:05"));
}

#[test]
fn body_in_a_content_div_is_chosen_by_score() {
    let a = page("div_content.html");
    assert_eq!(
        a.blocks,
        vec![
            h("Why Lego almost went bankrupt"),
            p("In 2003 Lego was losing money on almost every product it sold, and its debt had reached 800 million dollars. The company had spent years adding theme parks, clothing, video games and television shows."),
            p("Its new chief executive, Jørgen Vig Knudstorp, cut the number of parts, sold the theme parks and told designers to return to the brick. Sales recovered within three years, and profits followed."),
            p("The turnaround is now a standard business-school case about focus: a brand that tried to be everything, and grew again when it chose to be one thing."),
        ]
    );
    assert_eq!(
        a.title_candidates,
        vec![candidate(
            TitleSource::Title,
            "Why Lego almost went bankrupt - Brick Business"
        )]
    );
    assert_eq!((a.site_name, a.published), (None, None));
}

#[test]
fn lexicon_loads_and_splits_class_words() {
    prune::lexicon();
    std::sync::LazyLock::force(&DETECT);
    assert_eq!(
        prune::words("shareBar top_nav-2"),
        ["share", "bar", "top", "nav", "2"]
    );
}

/// Prints what the extractor makes of the corpus's HTML pages (tune split
/// only: `ho_*` files are held out). `CASEWIKI_HTML_DIR` overrides the folder.
#[test]
#[ignore]
fn print_corpus_html_pages() {
    let dir = std::env::var("CASEWIKI_HTML_DIR").unwrap_or_else(|_| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/ingest-corpus/articles"
        )
        .into()
    });
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| !p.file_name().unwrap().to_string_lossy().starts_with("ho_"))
        .collect();
    names.sort();
    for path in names {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let Some(a) = extract(&text) else { continue };
        println!("=== {}", path.display());
        println!(
            "{:?}\nsite {:?} published {:?}\n{:?}",
            a.title_candidates, a.site_name, a.published, a.removed
        );
        for b in &a.blocks {
            println!("  {b:?}");
        }
    }
}

#[test]
fn a_heading_between_kept_blocks_is_kept() {
    let para = "<p>Nintendo has spent decades refusing to follow the industry, and the habit has served it well, because its customers buy the experience it designs and not the specification sheet.</p>";
    let page = format!(
        "<html><body><div class=\"wrap\"><div class=\"a\">{para}{para}{para}{para}</div><h2>The cost of saying no</h2><div class=\"b\">{para}{para}{para}</div>{links}</div></body></html>",
        links = "<div><a href=\"/1\">One link to another story on this site</a> <a href=\"/2\">Another link to another story</a></div>".repeat(12)
    );
    let art = super::extract(&page).unwrap();
    assert!(
        art.blocks.iter().any(|b| *b == crate::ingest::structure::Block::Heading("The cost of saying no".into())),
        "{:?}",
        art.blocks
    );
}
