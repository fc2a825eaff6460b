use super::*;
use crate::ingest::meta::sentences::article_sentences;

fn digest_of(paragraphs: &[&str], tags: &[&str], chinese: bool) -> Digest {
    let paragraphs: Vec<String> = paragraphs.iter().map(|s| s.to_string()).collect();
    let tags: Vec<String> = tags.iter().map(|s| s.to_string()).collect();
    digest(&article_sentences(&paragraphs), &tags, chinese)
}

#[test]
fn summary_names_the_main_concepts_and_key_points_follow_text_order() {
    let d = digest_of(
        &[
            "Xiaomi built its brand on word of mouth among Mi fans.",
            "The weather was nice that year.",
            "Why did it work? Fans felt a sense of participation in MIUI.",
            "Lei Jun also used hunger marketing on Weibo.",
            "Later, Weibo campaigns spread the word of mouth further.",
            "Short one.",
        ],
        &[
            "Xiaomi",
            "word of mouth",
            "Mi fans",
            "hunger marketing",
            "Weibo",
            "sense of participation",
        ],
        false,
    );
    assert!(
        d.summary
            .starts_with("Xiaomi built its brand on word of mouth"),
        "{d:?}"
    );
    assert_eq!(d.key_points.len(), 3, "{d:?}");
    assert!(
        !d.key_points.iter().any(|p| d.summary.contains(p.as_str())),
        "{d:?}"
    );
    assert!(
        !d.key_points
            .iter()
            .any(|p| p.contains('?') || p == "Short one."),
        "{d:?}"
    );
    let mut sorted = d.key_points.clone();
    sorted.sort_by_key(|p| {
        ["Xiaomi", "The weather", "Fans", "Lei Jun", "Later"]
            .iter()
            .position(|s| p.starts_with(s))
    });
    assert_eq!(sorted, d.key_points);
}

#[test]
fn short_articles_fall_back_to_fragments() {
    let d = digest_of(
        &["Xiaomi grew fast. Mi fans helped Xiaomi. Weibo too. Why? Fans."],
        &["Xiaomi", "Mi fans"],
        false,
    );
    assert!(!d.summary.is_empty(), "{d:?}");
    assert_eq!(d.key_points.len(), 2, "{d:?}");
}

#[test]
fn chinese_sentences_are_joined_without_spaces_and_near_duplicates_skipped() {
    let d = digest_of(
        &[
            "互联网思维就是口碑为王，用户主要以口碑来选择产品。",
            "互联网思维就是口碑为王，用户以口碑来选择产品。",
            "好产品就是口碑的发动机，社会化媒体是加速器。",
            "小米做手机，开创了一个全新的品类：互联网手机。",
            "如何把产品做到极致？",
            "米粉的参与感来自论坛和微博上的互动。",
        ],
        &[
            "word of mouth",
            "social media",
            "Xiaomi",
            "Mi fans",
            "sense of participation",
        ],
        true,
    );
    let all: Vec<&str> = std::iter::once(d.summary.as_str())
        .chain(d.key_points.iter().map(String::as_str))
        .collect();
    assert!(!d.summary.contains(' '), "{d:?}");
    let duplicates = all.iter().filter(|s| s.contains("口碑为王")).count();
    assert_eq!(duplicates, 1, "{d:?}");
    assert!(!all.iter().any(|s| s.contains('？')), "{d:?}");
}
#[test]
fn summary_is_two_central_sentences_not_the_first() {
    let d = digest_of(
        &[
            "On a rainy Tuesday in Shenzhen, a queue formed outside a small shop.",
            "Nayuki built its brand on fruit tea and soft bread served in large stores.",
            "Its answer was to pair fruit tea with soft bread in every Nayuki store.",
            "Fruit tea with soft bread made Nayuki stores a place to stay, not only to buy.",
            "The company listed in Hong Kong in 2021.",
            "Large stores cost more, but soft bread and fruit tea brought customers back to Nayuki.",
            "Critics said the stores were too big.",
        ],
        &["Nayuki", "fruit tea", "soft bread", "stores"],
        false,
    );
    assert!(!d.summary.starts_with("On a rainy Tuesday"), "{d:?}");
    assert!(!d.summary.contains("Its answer"), "{d:?}");
    let sentences = article_sentences(std::slice::from_ref(&d.summary));
    assert_eq!(sentences.len(), 2, "{d:?}");
    assert!(sentences.iter().all(|s| s.text.contains("Nayuki")), "{d:?}");
    assert!(!d.summary.contains("Critics said"), "{d:?}");
}

#[test]
fn dangling_openings_never_start_a_summary_sentence() {
    let d = digest_of(
        &[
            "Li-Ning sells sportswear across China.",
            "They turned Li-Ning sportswear into China-chic fashion for young buyers.",
            "This made Li-Ning sportswear a fashion brand for young buyers in China.",
            "Li-Ning showed China-chic sportswear at New York Fashion Week for young buyers.",
            "However, Li-Ning sportswear stayed cheap for young buyers.",
            "Young buyers in China paid more for Li-Ning fashion after the show.",
        ],
        &["Li-Ning", "sportswear", "China-chic", "young buyers"],
        false,
    );
    for s in article_sentences(std::slice::from_ref(&d.summary)) {
        for opening in ["They ", "This ", "However"] {
            assert!(!s.text.starts_with(opening), "{d:?}");
        }
    }
    let zh = digest_of(
        &[
            "安踏收购了斐乐，把高端运动品牌带进中国商场。",
            "他们认为高端运动品牌在中国商场有很大空间。",
            "此外，安踏还收购了始祖鸟等高端运动品牌。",
            "但是高端运动品牌的门店成本很高。",
            "安踏的多品牌战略让高端运动品牌在中国商场站稳了脚跟。",
            "这让安踏成为中国最大的运动品牌集团。",
        ],
        &["安踏", "高端运动品牌", "多品牌战略"],
        true,
    );
    for opening in ["他们", "此外", "但是", "这"] {
        assert!(!zh.summary.starts_with(opening), "{zh:?}");
        assert!(!zh.summary.contains(&format!("。{opening}")), "{zh:?}");
    }
    assert!(zh.summary.contains("多品牌战略"), "{zh:?}");
}

#[test]
fn fragments_cut_mid_sentence_are_not_summaries() {
    let d = digest_of(
        &[
            "s holiday advert, and by Tuesday Peloton had lost value on the stock market.",
            "Peloton's holiday advert was criticised as sexist on social media.",
            "The holiday advert cost Peloton value on the stock market.",
            "Peloton defended the holiday advert at first.",
        ],
        &["Peloton", "holiday advert", "stock market"],
        false,
    );
    assert!(!d.summary.starts_with("s holiday"), "{d:?}");
    assert!(!d.summary.contains("[…]"), "{d:?}");
    assert!(!starts_with_label(
        "Peloton's holiday advert was criticised."
    ));
    assert!(starts_with_label(
        "Marketing participation: Peloton relies on fans."
    ));
    assert!(!starts_with_label("He said: it worked."));
}
