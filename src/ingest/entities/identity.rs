//! One entity across languages and scripts: the key under which its
//! mentions meet. Chinese is compared in Simplified script (`fast2s`,
//! Traditional → Simplified); a Chinese name gets its English name from the
//! alias table (`data/aliases.toml`), then CC-CEDICT (`cedict`), then, for a
//! person, romanisation (`pinyin`: `张瑞敏` → `Zhang Ruimin`); an English
//! name from the alias table. A name none of these resolves keeps its own
//! key, so what cannot be matched with confidence stays apart.

use pinyin::ToPinyin;

use super::cedict;
use super::lexicon::lexicon;
use crate::ingest::meta::aliases::group_of;
use crate::text::fold::name_key;
use crate::text::has_cjk;

/// `text` in Simplified script (a character for a character).
pub fn simplified(text: &str) -> String {
    fast2s::convert(text)
}

/// The English name of a Chinese name and other English names it goes by.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct English {
    pub name: String,
    pub aka: Vec<String>,
}

/// The English name of the Chinese (Simplified) `name`, when one is known
/// with confidence; `person` allows romanisation.
pub fn english_of_zh(name: &str, person: bool) -> Option<English> {
    // A concept's group (`顾客` → `consumers`) names no entity.
    let named = |c: &str| !has_cjk(c) && c.starts_with(|ch: char| ch.is_uppercase());
    if let Some(group) = group_of(name).filter(|g| named(&g.canonical)) {
        return Some(English {
            name: group.canonical.clone(),
            aka: Vec::new(),
        });
    }
    if let Some(entry) = cedict::lookup(name).filter(|e| e.person == person || !person) {
        return Some(English {
            name: entry.english.clone(),
            aka: entry.aka.clone(),
        });
    }
    person
        .then(|| romanised(name))
        .flatten()
        .map(|name| English {
            name,
            aka: Vec::new(),
        })
}

/// A Chinese person's name in pinyin, surname first (`Zhang Ruimin`).
pub fn romanised(name: &str) -> Option<String> {
    let lex = lexicon();
    let chars: Vec<char> = name.chars().collect();
    if !(2..=4).contains(&chars.len()) {
        return None;
    }
    let two: String = chars.iter().take(2).collect();
    let (surname, given) = match lex.surname_readings.get(&two) {
        Some(reading) if chars.len() > 2 => (reading.clone(), &chars[2..]),
        _ => {
            let first = chars[0].to_string();
            let reading = match lex.surname_readings.get(&first) {
                Some(r) => r.clone(),
                None => capitalised(&plain(&first)?),
            };
            (reading, &chars[1..])
        }
    };
    let given: String = given.iter().collect();
    Some(format!("{surname} {}", capitalised(&plain(&given)?)))
}

/// Toneless pinyin of every character, run together (`ruimin`).
fn plain(text: &str) -> Option<String> {
    text.to_pinyin()
        .map(|p| p.map(|p| p.plain()))
        .collect::<Option<Vec<&str>>>()
        .map(|v| v.concat())
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The canonical English name of an English `name`: its alias group's, or itself.
pub fn canonical_en(name: &str) -> String {
    match group_of(name).filter(|g| !has_cjk(&g.canonical)) {
        Some(group) => group.canonical.clone(),
        None => name.to_string(),
    }
}

/// `Haier Group` → `Haier`: a company suffix off the end of a name of two or more words.
pub fn without_company_suffix(name: &str) -> &str {
    let lex = lexicon();
    match name.rsplit_once(' ') {
        Some((head, last)) if lex.company_suffixes_en.contains(last) && !head.is_empty() => {
            without_company_suffix(head.trim_end_matches(','))
        }
        _ => name,
    }
}

/// The key mentions of one entity share: its English name when known
/// (company suffix off, folded), else its Simplified name.
pub fn key(name: &str, english: &str) -> String {
    let base = if english.is_empty() { name } else { english };
    let base = simplified(base);
    name_key(without_company_suffix(&canonical_en(&base)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_people_are_romanised_surname_first() {
        assert_eq!(romanised("张瑞敏").as_deref(), Some("Zhang Ruimin"));
        assert_eq!(romanised("曾毓群").as_deref(), Some("Zeng Yuqun"));
        assert_eq!(romanised("欧阳夏丹").as_deref(), Some("Ouyang Xiadan"));
        assert_eq!(romanised("张"), None);
    }

    #[test]
    fn traditional_and_simplified_meet() {
        assert_eq!(simplified("雷軍"), "雷军");
        assert_eq!(key("雷軍", ""), key("雷军", ""));
        assert_eq!(simplified("海爾集團"), "海尔集团");
    }

    #[test]
    fn english_names_of_chinese_names() {
        assert_eq!(english_of_zh("海尔", false).unwrap().name, "Haier");
        assert_eq!(english_of_zh("雷军", true).unwrap().name, "Lei Jun");
        assert_eq!(english_of_zh("张瑞敏", true).unwrap().name, "Zhang Ruimin");
        // A concept's alias group gives no entity name; nor is a company name romanised.
        assert_eq!(english_of_zh("顾客", false), None);
        assert_eq!(english_of_zh("茶叶蛋铺", false), None);
    }

    #[test]
    fn one_key_across_languages_and_suffixes() {
        assert_eq!(key("Haier Group", ""), key("海尔", "Haier"));
        assert_eq!(key("张瑞敏", "Zhang Ruimin"), key("Zhang Ruimin", ""));
        assert_ne!(key("Haier", ""), key("Hisense", ""));
    }
}
