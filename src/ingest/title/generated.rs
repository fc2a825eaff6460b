//! Titles for articles without a headline: the main entity and the top key
//! phrases, in the article's language.

use crate::ingest::meta::Metadata;

/// A generated title: the article's main entity and its two top key phrases,
/// in the article's language (`小米：病毒营销与爆品`, `Haier: quality and service`).
///
/// `company` is the article's main company when it is known (a Chinese tag
/// has no capital to tell a name); `text`, the article's, tells its script.
pub fn generate(meta: &Metadata, lang: &str, company: Option<&str>, text: &str) -> String {
    let zh = lang == "zh";
    let sample = text;
    let names: Vec<String> = meta.tags.iter().map(|t| display(t, zh, sample)).collect();
    let is_name = |t: &str| {
        t.chars().next().is_some_and(|c| c.is_uppercase()) || crate::text::has_cjk(t) && zh
    };
    // A founder case is named after its most prominent name (the founder);
    // other cases after the company.
    // An acronym (`IP`, `KOL`, `CEO`) is a concept, not the case's name.
    let named = |t: &str| {
        t.chars().next().is_some_and(char::is_uppercase)
            && !(t.len() <= 4 && t.chars().all(|c| c.is_ascii_uppercase()))
    };
    let founder_case = meta.category == "founder-ip";
    // A Chinese tag has no capital to tell a name: a Chinese case is named
    // after its company, else the name the text repeats most, before any
    // Latin tag (a platform the article mentions).
    let most_named = || zh.then(|| most_named_tag(&meta.tags, sample)).flatten();
    let entity = company
        .filter(|_| !founder_case || zh)
        .map(|c| display(c, zh, sample))
        .or_else(|| (zh && founder_case).then(most_named).flatten())
        .or_else(|| {
            meta.tags
                .iter()
                .zip(&names)
                .find(|(t, _)| named(t))
                .map(|(_, n)| n.clone())
        })
        .or_else(|| company.map(|c| display(c, zh, sample)))
        .or_else(most_named);
    let topics: Vec<&String> = meta
        .tags
        .iter()
        .zip(&names)
        .filter(|(t, n)| {
            !named(t)
                && Some(*n) != entity.as_ref()
                && !entity
                    .as_ref()
                    .is_some_and(|e| e.contains(n.as_str()) || n.contains(e.as_str()))
                && (is_name(n) || !zh)
        })
        .map(|(_, n)| n)
        .take(2)
        .collect();
    let joined = match (zh, topics.as_slice()) {
        (_, []) => String::new(),
        (_, [a]) => a.to_string(),
        (true, [a, b, ..]) => format!("{a}与{b}"),
        (false, [a, b, ..]) => format!("{a} and {b}"),
    };
    match (entity, joined.is_empty()) {
        (Some(e), false) if zh => format!("{e}：{joined}"),
        (Some(e), false) => format!("{e}: {joined}"),
        (Some(e), true) => e,
        (None, _) => joined,
    }
}

/// The Chinese tag the article names most often, at least three times: the
/// case's name when no company was found (`老乡鸡`).
fn most_named_tag(tags: &[String], text: &str) -> Option<String> {
    tags.iter()
        .filter(|t| t.chars().all(crate::text::is_cjk))
        .map(|t| (text.matches(t.as_str()).count(), t))
        .filter(|(n, _)| *n >= 3)
        .max_by_key(|(n, _)| *n)
        .map(|(_, t)| t.clone())
}

/// A tag in the article's language: for a Chinese article, a Latin tag becomes
/// the Chinese name of its alias group written in the article's script (the
/// name whose characters `sample`, text of the article, uses most; the
/// group's first Chinese name on a tie).
fn display(tag: &str, zh: bool, sample: &str) -> String {
    // A Chinese tag was taken from the article: it is in the article's script.
    if !zh || crate::text::has_cjk(tag) {
        return tag.to_string();
    }
    let Some(group) = crate::ingest::meta::aliases::group_of(tag) else {
        return tag.to_string();
    };
    // The share of a name's characters the text uses; the first name wins ties.
    let used = |n: &str| {
        let chars: Vec<char> = n.chars().collect();
        let found = chars.iter().filter(|&&c| sample.contains(c)).count();
        found as f64 / chars.len().max(1) as f64
    };
    let mut best: Option<&str> = None;
    for name in group.all_names().filter(|n| crate::text::has_cjk(n)) {
        if best.is_none_or(|b| used(name) > used(b)) {
            best = Some(name);
        }
    }
    best.map_or_else(|| tag.to_string(), str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_acronym_tag_does_not_name_a_generated_title() {
        let meta = Metadata {
            category: "founder-ip".into(),
            tags: vec!["IP".into(), "老乡鸡".into(), "董事长".into(), "土味".into()],
            ..Metadata::default()
        };
        let t = generate(&meta, "zh", Some("老乡鸡"), "");
        assert!(t.starts_with("老乡鸡："), "{t}");
        // Without a known company, the tag the text names most.
        let text = "老乡鸡的董事长说，老乡鸡不裁员。老乡鸡后来开遍全国。";
        let t = generate(&meta, "zh", None, text);
        assert!(t.starts_with("老乡鸡："), "{t}");
    }

    #[test]
    fn a_chinese_founder_case_is_named_after_its_name_not_a_platform() {
        let meta = Metadata {
            category: "founder-ip".into(),
            tags: vec![
                "Weibo".into(),
                "发布会".into(),
                "小鹏".into(),
                "老板".into(),
            ],
            ..Metadata::default()
        };
        let text =
            "何小鹏在微博上发文。小鹏汽车的发布会上，何小鹏亲自出镜。小鹏的用户说老板很真实。";
        let t = generate(&meta, "zh", None, text);
        assert!(t.starts_with("小鹏："), "{t}");
    }

    #[test]
    fn a_latin_tag_is_shown_in_the_articles_script() {
        assert_eq!(
            display("word of mouth", true, "这次传播靠的是口碑，用户自发传播。"),
            "口碑"
        );
        assert_eq!(
            display("word of mouth", true, "這次傳播靠的是口碑，用戶自發傳播。"),
            "口碑傳播"
        );
        assert_eq!(display("word of mouth", false, ""), "word of mouth");
    }

    #[test]
    fn generated_titles_name_the_entity_and_two_topics() {
        let meta = Metadata {
            tags: vec!["Haier".into(), "quality".into(), "founder myth".into()],
            ..Metadata::default()
        };
        assert_eq!(
            generate(&meta, "en", None, ""),
            "Haier: quality and founder myth"
        );
    }
}
