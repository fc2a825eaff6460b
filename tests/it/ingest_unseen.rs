//! Integration tests: ingest on ten unseen articles (`tests/fixtures/ingest-unseen`,
//! written by `make.py`: other companies, news/WeChat/portal chrome, GB18030,
//! Big5, UTF-16 without BOM, cp1252 with CR, single and double mojibake, HTML),
//! checked for title, category, headings, planted chrome, paragraph length and tags.

use casewiki::content::front_matter;

use crate::ingest::{ingest, manifest, page_for};

/// An unseen article: its expected title, category, headings and the chrome
/// planted in it that must not survive.
struct Unseen {
    seed: &'static str,
    title: &'static str,
    category: &'static str,
    headings: &'static [&'static str],
    chrome: &'static [&'static str],
}

const UNSEEN: &[Unseen] = &[
    Unseen {
        seed: "nike_utf8bom_crlf.txt",
        title: "How Nike’s \"Dream Crazy\" ad turned a boycott into sales",
        category: "marketing-lessons",
        headings: &[
            "## A brand that knows its customers",
            "## What other brands can learn",
        ],
        chrome: &[
            "Home »",
            "Staff Writer",
            "Share",
            "Subscribe",
            "cookies",
            "1.2k",
            "Published",
            "Getty",
            "Advertisement",
            "Read more",
            "https://",
            "Related",
            "Gillette",
        ],
    },
    Unseen {
        seed: "luckin_gb18030.txt",
        title: "瑞幸咖啡财务造假始末",
        category: "brand-crises",
        headings: &["## 一、疯狂扩张的代价", "## 三、从丑闻中走出来"],
        chrome: &[
            "点击上方蓝字",
            "摘要",
            "关键词",
            "原标题",
            "作者：",
            "编辑：",
            "来源：",
            "在看",
            "点赞",
            "阅读原文",
            "推荐阅读",
            "蜜雪冰城",
            "END",
            "免责声明",
        ],
    },
    Unseen {
        seed: "haidilao_big5.txt",
        title: "海底撈的服務神話：把顧客變成傳播者",
        category: "marketing-lessons",
        headings: &["## （一）服務就是最好的廣告", "## （三）體驗可以被複製嗎"],
        chrome: &[
            "2019-06-18",
            "香港經濟觀察",
            "字號",
            "THE END",
            "版權聲明",
            "轉載",
        ],
    },
    Unseen {
        seed: "huawei_mt_utf16le_nobom.txt",
        title: "Ren Zhengfei: why the low-key founder is Huawei's strongest brand asset",
        category: "founder-ip",
        headings: &["A low-key personal image", "The limit of founder IP"],
        chrome: &[
            "Source:",
            "Technology Observation Network",
            "Editor:",
            "Abstract",
            "Recommended reading",
            "The secret of Huawei",
            "Click to follow",
        ],
    },
    Unseen {
        seed: "luckin_mt_utf16be_bom.txt",
        title: "Luckin Coffee fraud: the crisis lesson of a coffee giant from China",
        category: "brand-crises",
        headings: &[
            "## One, the price of crazy expansion",
            "## Three, walking out of the scandal",
        ],
        chrome: &[
            "Abstract",
            "keywords",
            "Original Title",
            "Author:",
            "Editor:",
            "Like |",
            "Watching",
            "Disclaimer",
            "THE END",
        ],
    },
    Unseen {
        seed: "pinduoduo_cp1252_cr.txt",
        title: "Pinduoduo’s group-buying playbook: how a latecomer won 700 million shoppers",
        category: "marketing-lessons",
        headings: &["## Social shopping, not search", "## The cost of the model"],
        chrome: &[
            "Asia Tech Weekly",
            "E-commerce >",
            "Emily Zhang",
            "842 shares",
            "6 min read",
            "Advertisement",
            "Credit: Reuters",
            "Tags:",
            "Share this story",
            "Comments (12)",
        ],
    },
    Unseen {
        seed: "tesla_html_mojibake.txt",
        title: "Elon Musk is Tesla’s marketing department",
        category: "founder-ip",
        headings: &[
            "## The founder as the brand",
            "## When the persona backfires",
        ],
        chrome: &[
            "<p",
            "<div",
            "<br",
            "&#8217;",
            "&nbsp;",
            "Staff Writer",
            "March 2, 2021",
            "Getty",
            "Read more",
            "https://",
            "©",
            "All rights reserved",
        ],
    },
    Unseen {
        seed: "starbucks_double_mojibake.txt",
        title: "Starbucks closes 8,000 stores for racial-bias training after Philadelphia arrests",
        category: "brand-crises",
        headings: &[
            "## A fast apology from the top",
            "## What the crisis changed",
        ],
        chrome: &[
            "Cookie",
            "cookies",
            "Staff Writer",
            "Subscribe",
            "Updated May",
            "Advertisement",
            "1.2k shares",
            "Related",
            "United Airlines",
        ],
    },
    Unseen {
        seed: "nongfu_portal_utf16be_nobom.txt",
        title: "农夫山泉的广告语为什么能记住二十年",
        category: "marketing-lessons",
        headings: &["## 一、一句话讲清楚产品", "## 三、包装也是营销"],
        chrome: &[
            "首页",
            "财经 >",
            "正文\n",
            "2021-03-05",
            "新消费观察网",
            "周航",
            "分享到",
            "QQ空间",
            "相关新闻",
            "怡宝",
            "责任编辑",
        ],
    },
    Unseen {
        seed: "dong_html_entities.txt",
        title: "董明珠的个人 IP：格力最好的代言人，也是最大的风险",
        category: "founder-ip",
        headings: &["## 一、企业家成为代言人", "## 二、个人 IP 的另一面"],
        chrome: &[
            "<p>",
            "&nbsp;",
            "&#8212;",
            "来源：",
            "商业人物",
            "王小禾",
            "点击阅读原文",
            "完 —",
        ],
    },
];

const MOJIBAKE: &[&str] = &["â€", "Ã", "Â", "†", "\u{FFFD}", "\u{9d}"];
/// Words of page furniture that must never become tags.
const CHROME_TAGS: &[&str] = &[
    "home",
    "read",
    "share",
    "shares",
    "staff",
    "writer",
    "subscribe",
    "newsletter",
    "cookie",
    "cookies",
    "advertisement",
    "abstract",
    "comments",
    "photo",
    "related",
    "editor",
    "摘要",
    "关键词",
    "阅读",
    "分享",
    "点赞",
    "在看",
];

/// A temporary site whose `seeds/` holds only the unseen-article fixtures.
fn unseen_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let seeds = dir.path().join("seeds");
    std::fs::create_dir_all(&seeds).unwrap();
    for entry in std::fs::read_dir(manifest().join("tests/fixtures/ingest-unseen/seeds")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, seeds.join(path.file_name().unwrap())).unwrap();
    }
    dir
}

#[test]
fn unseen_articles_become_clean_case_studies() {
    let dir = unseen_site();
    let (summary, diags) = ingest(dir.path(), false);
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(summary.written.len(), UNSEEN.len(), "{summary:?}");
    for case in UNSEEN {
        let source = format!("seeds/{}", case.seed);
        let (path, text) = page_for(dir.path(), &source);
        let split = front_matter::split(&text).unwrap();
        let fm = split.front_matter;
        let body = split.body;
        let seed = case.seed;
        assert!(
            fm.title.contains(case.title),
            "{seed}: title {:?}",
            fm.title
        );
        assert_eq!(fm.category.as_deref(), Some(case.category), "{seed}");
        for chrome in case.chrome.iter().chain(MOJIBAKE) {
            assert!(
                !body.contains(chrome),
                "{seed}: body still has {chrome:?}\n{body}"
            );
            assert!(!fm.title.contains(chrome), "{seed}: title has {chrome:?}");
        }
        for heading in case.headings {
            assert!(
                body.lines()
                    .any(|l| l.starts_with(heading) || l.ends_with(heading)),
                "{seed}: no heading {heading:?}\n{body}"
            );
        }
        if fm.lang.as_deref() == Some("zh") {
            for p in body.split("\n\n") {
                let n = crate::ingest::visible_chars(p);
                assert!(n <= 320, "{seed}: long paragraph ({n}) {p}");
            }
        }
        assert!((5..=10).contains(&fm.tags.len()), "{seed}: {:?}", fm.tags);
        for tag in &fm.tags {
            assert!(
                !CHROME_TAGS.contains(&tag.to_lowercase().as_str()),
                "{seed}: chrome tag {tag}"
            );
        }
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        insta::assert_snapshot!(format!("unseen__{name}"), crate::ingest::redacted(&text));
    }
}
