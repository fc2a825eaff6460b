use super::*;

fn tags_of(title: &str, lang: &str, body: &[&str]) -> Vec<String> {
    MetaInput::with(title, lang, body, |input| extract_tags(input, lang == "zh"))
}

#[test]
fn junk_is_filtered() {
    assert!(is_junk("2012"));
    assert!(is_junk("x"));
    assert!(is_junk("米"));
    assert!(is_junk("Company"));
    assert!(is_junk("people"));
    assert!(is_junk("公司"));
    assert!(!is_junk("IP"));
    assert!(!is_junk("word of mouth"));
    assert!(!is_junk("口碑"));
}

#[test]
fn phrases_restating_alias_concepts_are_redundant() {
    assert!(is_redundant("xiaomi brand", &[]));
    assert!(is_redundant("Xiaomi mobile phone", &[]));
    assert!(!is_redundant("brutal growth", &[]));
    assert!(!is_redundant("community marketing", &[]));
    let social_media = group_of("社会化媒体").map(|g| (g, 1.0));
    assert!(is_redundant(
        "社会化",
        &social_media.into_iter().collect::<Vec<_>>()
    ));
    assert!(!is_redundant("青春", &[]));
}

#[test]
fn english_tags_are_canonical() {
    let tags = tags_of(
        "Word-of-mouth lessons from a coffee chain",
        "en",
        &[
            "Luckin grew through word of mouth and WeChat coupons. Its Weibo posts went viral.",
            "Word-of-mouth marketing needs a hit product; Luckin's hit products were cheap lattes.",
            "Microblog fans shared coupons, and coupons brought friends.",
        ],
    );
    assert_eq!(
        tags.first().map(String::as_str),
        Some("word of mouth"),
        "{tags:?}"
    );
    for expected in [
        "Luckin Coffee",
        "WeChat",
        "Weibo",
        "hit products",
        "coupons",
    ] {
        assert!(
            tags.iter().any(|t| t == expected),
            "missing {expected}: {tags:?}"
        );
    }
    assert!(tags.len() >= MIN_TAGS && tags.len() <= MAX_TAGS, "{tags:?}");
}

#[test]
fn chinese_and_english_articles_share_tags() {
    let zh = tags_of(
        "小米的口碑传播法则",
        "zh",
        &["小米手机的红火，让其粉丝营销备受关注。互联网思维就是口碑为王。雷军提出专注、极致、口碑、快。饥饿营销和微博让米粉参与。"],
    );
    let en = tags_of(
        "Xiaomi's word of mouth",
        "en",
        &["Lei Jun says word of mouth is king. Millet used hunger marketing and Weibo so Mi fans could take part."],
    );
    for shared in [
        "word of mouth",
        "Xiaomi",
        "Lei Jun",
        "hunger marketing",
        "Weibo",
    ] {
        assert!(zh.iter().any(|t| t == shared), "zh lacks {shared}: {zh:?}");
        assert!(en.iter().any(|t| t == shared), "en lacks {shared}: {en:?}");
    }
}
#[test]
fn tags_are_whole_names_and_the_main_company_is_one() {
    let tags = tags_of(
        "How a tea chain won shoppers",
        "en",
        &[
            "Campaign Desk",
            "Peng Xin founded Nayuki in Shenzhen. Peng Xin hired a chief customer officer.",
            "The chief customer officer reports to Peng Xin. Nayuki's stores sell fruit tea and soft bread.",
            "Fruit tea and soft bread made the stores busy. The company listed in Hong Kong.",
            "Peng Xin said the chief customer officer changed how stores greet guests. Campaign Desk",
        ],
    );
    assert!(tags.iter().any(|t| t == "Nayuki"), "{tags:?}");
    assert!(
        tags.iter().any(|t| t == "chief customer officer"),
        "{tags:?}"
    );
    for bad in ["Campaign Desk", "chief customer", "customer officer"] {
        assert!(!tags.iter().any(|t| t == bad), "{bad}: {tags:?}");
    }
}

#[test]
fn chinese_tags_are_whole_names() {
    let tags = tags_of(
        "一杯柠檬水的生意",
        "zh",
        &[
            "蜜雪冰城从郑州的一个小摊起步。蜜雪冰城品牌以低价闻名，创始人张红超坚持薄利多销。",
            "蜜雪冰城的雪人形象和主题曲在短视频平台走红。蜜雪冰城公司自建了供应链和工厂。",
            "低价、供应链和加盟让蜜雪冰城的门店超过三万家。责编 中央社",
        ],
    );
    // The whole name, or its alias group's canonical form.
    let whole = crate::ingest::meta::canonical_of("蜜雪冰城").unwrap_or("蜜雪冰城");
    assert!(tags.iter().any(|t| t == whole), "{tags:?}");
    for bad in ["冰城", "蜜雪", "责编", "中央社"] {
        assert!(!tags.iter().any(|t| t == bad), "{bad}: {tags:?}");
    }
}

#[test]
fn pieces_of_a_longer_name_are_not_tags() {
    let tags = tags_of(
        "How Warby Parker Home Try-On Built a Brand",
        "en",
        &[
            "Warby Parker sold glasses online. The Warby Parker Home Try-On programme mailed five frames.",
            "Customers liked Home Try-On because Warby Parker paid the postage. Warby Parker kept it.",
            "Home Try-On boxes went to many homes, and Warby Parker later opened stores.",
        ],
    );
    assert!(tags.iter().any(|t| t == "Warby Parker"), "{tags:?}");
    assert!(tags.iter().any(|t| t == "Home Try-On"), "{tags:?}");
    for piece in [
        "Parker Home",
        "Warby Parker Home",
        "Parker Home Try-On",
        "Built",
        "built",
    ] {
        assert!(!tags.iter().any(|t| t == piece), "{piece} in {tags:?}");
    }
}

#[test]
fn a_word_capitalised_only_by_the_headline_is_lower_case() {
    let tags = tags_of(
        "The Myth Behind the Hammer",
        "en",
        &[
            "Zhang Ruimin took a hammer to 76 refrigerators. Haier still shows the hammer.",
            "Visitors ask about the hammer, and Haier tells the hammer story on every tour.",
        ],
    );
    assert!(tags.iter().any(|t| t == "hammer"), "{tags:?}");
    assert!(
        !tags.iter().any(|t| t == "Myth" || t == "Behind"),
        "{tags:?}"
    );
}

#[test]
fn chinese_tags_do_not_straddle_other_tags() {
    let scored = |t: &str, score: f64| ScoredTag {
        tag: t.to_string(),
        score,
    };
    let text = "味全食品道歉。味全食品的声明没有平息舆论，味全食品再次道歉。";
    let tags = vec![
        scored("味全", 2.0),
        scored("全食", 1.0),
        scored("声明", 1.0),
    ];
    assert!(straddles_zh("全食", &tags, text));
    assert!(!straddles_zh("味全", &tags, text));
    assert!(!straddles_zh("声明", &tags, text));
}

#[test]
fn pieces_of_names_and_headline_words_are_no_tags() {
    let text = "Why Gen Z Loves The Villain\nGen Z shoppers buy less. The villain of the story is the owl.";
    assert!(super::name_piece_en("gen", text));
    assert!(!super::name_piece_en("villain", text));
    assert!(!super::name_piece_en("owl", text));
}
