use super::*;

fn paras(texts: &[&str]) -> Vec<String> {
    texts.iter().map(|s| s.to_string()).collect()
}

#[test]
fn lexicons_parse() {
    lexicons();
}

#[test]
fn sites_columns_and_bylines_are_not_tags() {
    for t in [
        "Campaign Desk",
        "Startup Chronicle",
        "CRISIS DESK",
        "DOCTYPE",
        "中央社",
        "责编",
        "新消费观察网",
        "example.com",
    ] {
        assert!(is_site_or_label(t), "{t}");
    }
    for t in [
        "Liquid Death",
        "NIO",
        "IBM",
        "social media",
        "蜜雪冰城",
        "互联网",
        "Weibo",
        "brand crisis",
    ] {
        assert!(!is_site_or_label(t), "{t}");
    }
}

#[test]
fn english_fragments_of_longer_phrases() {
    assert!(is_fragment_of("chief customer", "chief customer officer"));
    assert!(is_fragment_of("customer officer", "chief customer officer"));
    assert!(is_fragment_of("Chouinard", "Yvon Chouinard"));
    assert!(!is_fragment_of("customer", "customers"));
    assert!(!is_fragment_of("chief officer", "chief customer officer"));
    assert_eq!(
        occurrences("Yvon Chouinard met Chouinards; chouinard.", "Chouinard"),
        2
    );
}

#[test]
fn chinese_fragments_grow_into_the_whole_name() {
    let text = "蜜雪冰城的雪人很出名。蜜雪冰城靠低价扩张，蜜雪冰城的主题曲也火了。那个雪人。";
    let twice = "他对着镜头说出一句话。她也对着镜头说出一句话。镜头很近。";
    assert_eq!(whole_name_zh("镜头", twice), None);
    assert_eq!(whole_name_zh("冰城", text).as_deref(), Some("蜜雪冰城"));
    let outdoors = "它把定位改成轻量化户外。轻量化户外是新的方向，轻量化户外也是口号。";
    assert_eq!(whole_name_zh("轻量化", outdoors), None);
    assert_eq!(whole_name_zh("蜜雪", text).as_deref(), Some("蜜雪冰城"));
    assert_eq!(whole_name_zh("雪人", text), None);
    assert_eq!(whole_name_zh("主题曲", text), None);
}

#[test]
fn the_main_company_is_an_organisation_not_its_founder() {
    let en = paras(&[
        "Peng Xin founded Nayuki in Shenzhen in 2015. Peng Xin said tea should be a treat.",
        "Nayuki's stores sell fruit tea and bread. The company listed in Hong Kong, and Peng Xin stayed on as chief executive.",
        "Peng Xin told reporters that Nayuki would open more stores. Rivals copied the brand.",
    ]);
    assert_eq!(main_company(&en, false).as_deref(), Some("Nayuki"));
    let founder_first = paras(&[
        "Yvon Chouinard started Patagonia as a climbing gear shop. Chouinard said he never wanted to be a businessman.",
        "Patagonia's stores repair old jackets. In 2022 Chouinard gave the company away; Patagonia's profits now fund climate groups.",
    ]);
    assert_eq!(
        main_company(&founder_first, false).as_deref(),
        Some("Patagonia")
    );
}

#[test]
fn the_main_chinese_company_is_found_by_jieba_and_suffixes() {
    let zh = paras(&[
        "蜜雪冰城从郑州的一个小摊起步。蜜雪冰城品牌以低价闻名，创始人张红超坚持薄利多销。",
        "如今蜜雪冰城门店超过三万家，张红超很少接受采访。蜜雪冰城公司还自建了供应链。",
    ]);
    assert_eq!(main_company(&zh, true).as_deref(), Some("蜜雪冰城"));
}

#[test]
fn a_chinese_title_names_the_company_jieba_does_not_know() {
    let body = paras(&[
        "几年之后，它改名为喜茶，成为新茶饮行业最受关注的品牌之一。喜茶每进入一个新城市都会排队。",
        "喜茶最早推出芝士奶盖茶。2018年，喜茶上线了小程序。",
    ]);
    assert_eq!(
        main_company_titled(&body, "喜茶的排队营销", true).as_deref(),
        Some("喜茶")
    );
    let person = paras(&["董明珠出演广告。董明珠直播带货。董明珠与格力绑定。"]);
    assert_eq!(main_company_titled(&person, "董明珠的个人IP", true), None);
}

#[test]
fn capitalised_stop_words_alone_are_no_names() {
    assert!(super::is_stop_name("Among") && super::is_stop_name("Within"));
    assert!(!super::is_stop_name("Old Spice") && !super::is_stop_name("Lego"));
}
