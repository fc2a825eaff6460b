//! Ranking and query-segmentation tests against a small bilingual index.

use super::*;
use crate::search::{build_index, AliasGroup, SearchDoc};

fn doc(path: &str, lang: &str, title: &str, tags: &[&str], text: &str) -> SearchDoc {
    SearchDoc {
        path: path.into(),
        title: title.into(),
        lang: lang.into(),
        category: "Case studies".into(),
        tags: tags.iter().map(|s| s.to_string()).collect(),
        text: text.into(),
    }
}

fn site() -> Loaded {
    let docs = vec![
        doc("a/", "en", "Lei Jun and the valuation", &["Xiaomi"], "Lei Jun said the only mistake was to underestimate Xiaomi. In 2012 the phone sold for 1999 yuan."),
        doc("b/", "en", "Community marketing", &["fans"], "Xiaomi fans and participation: marketing through word of mouth and the MIUI forum. Participation matters."),
        doc("c/", "zh", "小米的口碑传播法则", &["口碑"], "小米手机的红火，让其粉丝营销备受关注。黎万强在《参与感》中披露了小米的口碑传播法则。互联网思维就是口碑为王。"),
        doc("d/", "zh", "小米的病毒营销", &["营销"], "最有影响的事件则是小米手机青春版。2012年5月18日，小米发布简配版手机，售价1499元。雷军说。"),
        doc("e/", "en", "Unrelated", &[], "A page about participation in something else entirely, participation and more participation."),
        doc("f/", "en", "Electric cars", &[], "The SU7 is a car."),
    ];
    let aliases = vec![
        AliasGroup {
            names: vec!["口碑".into(), "word of mouth".into()],
        },
        AliasGroup {
            names: vec!["雷军".into(), "Lei Jun".into()],
        },
    ];
    load(&build_index(&docs, &aliases)).unwrap()
}

fn first(l: &Loaded, q: &str) -> String {
    l.search(q, 10)
        .first()
        .map(|h| h.path.clone())
        .unwrap_or_default()
}

fn paths(l: &Loaded, q: &str) -> Vec<String> {
    l.search(q, 10).into_iter().map(|h| h.path).collect()
}

#[test]
fn chinese_queries_find_their_pages() {
    let l = site();
    assert_eq!(first(&l, "参与感"), "c/");
    assert_eq!(first(&l, "口碑营销"), "c/");
    assert_eq!(first(&l, "小米手机青春版"), "d/");
    assert_eq!(first(&l, "口碑传播法则"), "c/");
}

#[test]
fn english_prefix_matches_while_typing() {
    let l = site();
    let hits = paths(&l, "parti");
    assert!(
        hits.contains(&"b/".to_string()) && hits.contains(&"e/".to_string()),
        "{hits:?}"
    );
    assert_eq!(first(&l, "PARTICIPATION marketing"), "b/");
}

#[test]
fn title_and_tag_matches_rank_above_body_matches() {
    let l = site();
    // "e/" says participation three times in its body; "b/" has marketing in its title.
    assert_eq!(first(&l, "marketing"), "b/");
    // Tag match: "fans" is a tag of b/ and only body text elsewhere.
    assert_eq!(first(&l, "fans"), "b/");
}

#[test]
fn numbers_are_searchable() {
    let l = site();
    let hits = paths(&l, "2012");
    assert!(
        hits.contains(&"a/".to_string()) && hits.contains(&"d/".to_string()),
        "{hits:?}"
    );
    assert_eq!(first(&l, "1999"), "a/");
    assert_eq!(first(&l, "su7"), "f/");
}

#[test]
fn aliases_cross_languages() {
    let l = site();
    let hits = paths(&l, "word of mouth");
    assert!(hits.contains(&"c/".to_string()), "{hits:?}");
    assert_eq!(first(&l, "雷军"), "a/");
    assert!(paths(&l, "lei jun").contains(&"d/".to_string()));
}

#[test]
fn chinese_query_segments_by_longest_match() {
    let l = site();
    let words: Vec<String> = l
        .tokens("口碑传播法则")
        .iter()
        .filter_map(|t| t.first().map(|a| a.0.clone()))
        .collect();
    assert!(words.iter().all(|w| w.chars().count() >= 2), "{words:?}");
    assert_eq!(words.concat().replace("~0", "口碑"), "口碑传播法则");
}

#[test]
fn unknown_words_give_no_results() {
    let l = site();
    assert!(l.search("zzzz", 10).is_empty());
}
