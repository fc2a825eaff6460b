//! Where a line stands: above the article (the head zone, before the first
//! paragraph of prose), between two chrome lines (a box: newsletter sign-up,
//! share bar), in a comment thread, after a related-list header, or in the
//! run of short and chrome lines that ends the page. Each place turns lines
//! that would pass on their own into chrome.

use super::line::{Features, Why};
use super::Chrome;

/// A reason per line (`None`: article).
pub type Verdicts = Vec<Option<&'static str>>;

fn name(why: Why) -> &'static str {
    match why {
        Why::Phrases => "phrases",
        Why::Furniture => "furniture",
        Why::Row => "row",
        Why::Label => "label",
        Why::Prompt => "prompt",
        Why::Rule => "rule",
    }
}

/// Judges every line of a page.
pub fn judge_all(
    chrome: &Chrome,
    lines: &[String],
    removed: &[bool],
    title: Option<&str>,
) -> Verdicts {
    let feats: Vec<Features> = lines.iter().map(|l| chrome.features(l)).collect();
    // A line the rules removed (a cookie banner's sentence) anchors nothing.
    let anchors: Vec<usize> = (0..lines.len())
        .filter(|&i| !removed.get(i).is_some_and(|&r| r) && chrome.is_anchor(&lines[i]))
        .collect();
    let first = anchors.first().copied().unwrap_or(lines.len());
    let mut v: Verdicts = lines
        .iter()
        .enumerate()
        .map(|(i, l)| match removed.get(i) {
            Some(true) => Some("rules"),
            _ => chrome.verdict(l, i < first).map(name),
        })
        .collect();
    headings_between_prose(lines, &feats, &anchors, first, &mut v);
    if let Some(t) = title {
        title_copies(lines, t, first, &mut v);
    }
    section_labels(chrome, lines, &feats, first, &mut v);
    head_lines(lines, &feats, first, &mut v);
    super::authors::author_boxes(lines, &feats, first, &mut v);
    super::boxes::boxes(lines, &feats, &anchors, first, &mut v);
    captions(lines, &feats, &anchors, &mut v);
    comments(lines, &feats, first, &mut v);
    related_lists(lines, &feats, &anchors, first, &mut v);
    super::site_boxes::about_boxes(lines, &feats, first, &mut v);
    super::site_boxes::slogans(chrome, lines, &feats, &mut v);
    tail_run(lines, &feats, &mut v);
    v
}

/// A heading between two paragraphs of prose that names a chrome word in a
/// phrase of its own, most of its words none (`A newsletter written like a magazine`): a section
/// of the article, not a box. A call to action, a label or a line of names
/// stays chrome.
fn headings_between_prose(
    lines: &[String],
    feats: &[Features],
    anchors: &[usize],
    first: usize,
    v: &mut Verdicts,
) {
    let filled: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].is_empty()).collect();
    for k in 1..filled.len().saturating_sub(1) {
        let (i, f) = (filled[k], &feats[filled[k]]);
        let heading = f.hits <= 2
            && f.rest_words * 2 >= f.words
            && !f.prompt
            && !f.label
            && !f.sentence
            && f.words <= 12
            && f.rest_words >= 3
            && !f.rest_capitalised;
        // Lines the rules removed (an image credit) may stand between.
        let prev = filled[..k].iter().rev().find(|&&j| v[j] != Some("rules"));
        let between = prev.is_some_and(|j| anchors.contains(j)) && anchors.contains(&filled[k + 1]);
        if i > first && v[i] == Some("phrases") && heading && between {
            v[i] = None;
        }
    }
}

/// Copies of the title, and title lines with site names around it.
fn title_copies(lines: &[String], title: &str, first: usize, v: &mut Verdicts) {
    let title = title.trim();
    for (i, l) in lines.iter().enumerate() {
        let near =
            i <= first && l.contains(title) && l.chars().count() <= title.chars().count() + 60;
        // A piece of a title a wall of text was cut into (`It Sells the Jump`).
        let part = l.trim();
        let piece = i <= first
            && part.split_whitespace().count() >= 3
            && (title.starts_with(part) || title.ends_with(part));
        if crate::ingest::title::same(l, title) || near || piece {
            v[i] = Some("title-copy");
        }
    }
}

/// Above the article: short labels in capitals (`BUSINESS`, `OPINION`),
/// site names (`港島日報 ISLAND DAILY`) and section paths (`產業 / 人物`).
fn section_labels(
    chrome: &Chrome,
    lines: &[String],
    feats: &[Features],
    first: usize,
    v: &mut Verdicts,
) {
    for i in 0..first.min(lines.len()) {
        let f = &feats[i];
        if v[i].is_some() || lines[i].is_empty() || f.sentence {
            continue;
        }
        let letters: Vec<char> = lines[i].chars().filter(|c| c.is_alphabetic()).collect();
        let caps = letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase());
        let short = f.words <= 5 && f.cjk <= 12;
        let site = short && (site_line(chrome, &lines[i]) || section_path(&lines[i]));
        if (caps && f.words <= 3) || site || masthead(chrome, &lines[i], f) {
            v[i] = Some("section-label");
        }
    }
}

/// A site name, alone or beside its abbreviation (`港商日報 HKBD`).
fn site_line(chrome: &Chrome, line: &str) -> bool {
    chrome.is_site_segment(line)
        || line.split_whitespace().count() <= 3
            && line.split_whitespace().any(|p| chrome.is_site_segment(p))
}

/// `出海前哨 | 中国品牌全球化观察`: the site's name and its slogan on one
/// short line, the name first or last.
fn masthead(chrome: &Chrome, line: &str, f: &Features) -> bool {
    let parts: Vec<&str> = line
        .split(['|', '｜', '丨'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let ends = [parts.first(), parts.last()];
    f.words <= 12
        && f.cjk <= 30
        && parts.len() >= 2
        && ends.into_iter().flatten().any(|p| chrome.is_site_name(p))
}

/// `產業 / 人物`, `News › Business`: short parts between separators.
fn section_path(line: &str) -> bool {
    let parts: Vec<&str> = line
        .split(['/', '／', '|', '｜', '›', '»', '>', '＞', '·', '丨'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    parts.len() >= 2
        && parts.iter().all(|p| {
            let cjk = p.chars().filter(|&c| crate::text::is_cjk(c)).count();
            p.split_whitespace().count() <= 2 && cjk <= 4
        })
}

/// Above the article, lines that open with a chrome phrase (`By …`,
/// `Written by …`, `Home …`), bare names (the author's) and short labels
/// (`危机复盘`); the title is not among them (it was marked first).
fn head_lines(lines: &[String], feats: &[Features], first: usize, v: &mut Verdicts) {
    if first >= lines.len() {
        return;
    }
    for i in 0..first {
        let f = &feats[i];
        if v[i].is_some() || lines[i].is_empty() || f.prose() {
            continue;
        }
        let name = f.hits == 0 && f.words <= 3 && f.cjk == 0 && f.rest_capitalised;
        let label = f.cjk > 0 && f.cjk <= 6 && f.words <= 1;
        if f.opens_with_hit || (!f.sentence && (name || label)) {
            v[i] = Some("head");
        }
    }
}

/// A short sentence next to an image credit is the image's caption (a line
/// without final punctuation there is a heading the image follows).
fn captions(lines: &[String], feats: &[Features], anchors: &[usize], v: &mut Verdicts) {
    let filled: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].is_empty()).collect();
    for (k, &i) in filled.iter().enumerate() {
        if v[i].is_none() || feats[i].credit_hits == 0 || holds_caption(&lines[i], &feats[i]) {
            continue;
        }
        let near = [k.checked_sub(1), Some(k + 1)];
        for j in near
            .into_iter()
            .flatten()
            .filter_map(|k| filled.get(k).copied())
        {
            let f = &feats[j];
            if v[j].is_none()
                && f.sentence
                && !anchors.contains(&j)
                && f.words <= 25
                && f.cjk <= 40
                && !f.label
            {
                v[j] = Some("caption");
            }
        }
    }
}

/// A credit line that carries its own caption (`▲ 早年的运动盖瓶装水 图片来源：…`,
/// a long line): the sentence next to it is the article's.
fn holds_caption(line: &str, f: &Features) -> bool {
    line.trim_start().starts_with(['▲', '△', '▼', '↑', '↓']) || f.cjk > 18 || f.words > 12
}

fn short(f: &Features) -> bool {
    !f.prose() && (f.words <= 15 && f.cjk <= 30)
}

/// A comment thread: the last cluster of comment lines (`Reply`, `3 hours
/// ago`, `Write a comment…`, no more than six lines apart) near the end of
/// the page, from its first line (with the header just above it) to the end.
fn comments(lines: &[String], feats: &[Features], first: usize, v: &mut Verdicts) {
    let filled: Vec<usize> = (first..lines.len())
        .filter(|&i| !lines[i].is_empty())
        .collect();
    let signals: Vec<usize> = (0..filled.len())
        .filter(|&k| v[filled[k]].is_some() && feats[filled[k]].comment_hits > 0)
        .collect();
    let Some(&last) = signals.last() else {
        return;
    };
    if filled.len() - 1 - last > THREAD_TAIL {
        return;
    }
    let mut start = last;
    let mut size = 1;
    for &k in signals.iter().rev().skip(1) {
        if start - k > THREAD_GAP {
            break;
        }
        start = k;
        size += 1;
    }
    if size < 2 {
        return;
    }
    let mut from = filled[start];
    if let Some(&h) = start.checked_sub(1).and_then(|k| filled.get(k)) {
        if short(&feats[h]) && !feats[h].sentence {
            from = h;
        }
    }
    for slot in &mut v[from..] {
        slot.get_or_insert("comments");
    }
}

/// Lines between two comment lines of one thread, at most.
const THREAD_GAP: usize = 6;
/// Lines after a thread's last comment line (the page footer), at most.
const THREAD_TAIL: usize = 10;

/// A related-list header after the article starts: it and the headline-like
/// lines after it (up to the next sentence).
fn related_lists(
    lines: &[String],
    feats: &[Features],
    anchors: &[usize],
    first: usize,
    v: &mut Verdicts,
) {
    let mut i = first;
    while i < lines.len() {
        let f = &feats[i];
        let header = v[i].is_some()
            && f.tail_hits > 0
            && !f.sentence
            && !f.label
            && f.words <= 6
            && f.cjk <= 12;
        if !header {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < lines.len() && (lines[j].is_empty() || list_items_like(&lines[j], &feats[j])) {
            // A heading introduces prose; an item of the list does not.
            let next = (j + 1..lines.len()).find(|&k| !lines[k].is_empty());
            let heading = feats[j].hits == 0 && next.is_some_and(|k| anchors.contains(&k));
            if !lines[j].is_empty() && heading {
                break;
            }
            if !lines[j].is_empty() {
                v[j].get_or_insert("related");
            }
            j += 1;
        }
        i = j;
    }
}

/// A line that reads as a headline of a list: no sentence end (a question
/// mark allowed), not long.
fn headline_like(line: &str, f: &Features) -> bool {
    let question = line.trim_end().ends_with(['?', '？']);
    (!f.sentence || question && !f.prose() || question && f.words <= 14 && f.cjk <= 30)
        && f.words <= 20
        && f.cjk <= 40
}

/// A line of a related list: a headline, or (in a wall of text, where the
/// list's headlines run together) a run of them with no sentence break.
fn list_items_like(line: &str, f: &Features) -> bool {
    headline_like(line, f) || !f.sentence && f.words <= 60 && !line.contains(['.', ',', '。', '，'])
}

/// The run at the end of the page of chrome and short headline-like lines,
/// when it holds chrome; a closing question of the article is not part of it.
fn tail_run(lines: &[String], feats: &[Features], v: &mut Verdicts) {
    let mut start = lines.len();
    let mut chrome_seen = false;
    while start > 0 {
        let i = start - 1;
        let f = &feats[i];
        let fits = lines[i].is_empty()
            || v[i].is_some()
            || !lines[i].chars().any(char::is_alphanumeric)
            || (short(f) && headline_like(&lines[i], f));
        if !fits {
            break;
        }
        chrome_seen |= v[i].is_some();
        start = i;
    }
    // An article often closes on a question (`能否守住优势？`): a question
    // right after the prose, before any chrome, is the article's.
    while start < lines.len()
        && (lines[start].is_empty()
            || v[start].is_none() && lines[start].trim_end().ends_with(['?', '？']))
    {
        start += 1;
    }
    if chrome_seen {
        for i in start..lines.len() {
            if !lines[i].is_empty() {
                v[i].get_or_insert("tail");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::chrome::lexicon::Lexicon;

    /// A paragraph of prose the chrome around it is judged against.
    const PARA: &str = "The company said its sales grew by a third last year, helped by the new stores it opened in smaller cities.";

    fn verdicts(text: &str, title: Option<&str>) -> Verdicts {
        let judge = Chrome::new(Lexicon::embedded().unwrap(), &[]);
        let lines: Vec<String> = text.lines().map(String::from).collect();
        judge_all(&judge, &lines, &vec![false; lines.len()], title)
    }

    #[test]
    fn related_lists_and_comment_threads_go() {
        let para = PARA;
        let text = format!("{para}\n猜你喜欢\n别的文章\n更多\n{para}\nComments\nalice · 3 hours ago\nGreat read, thanks for writing it up so clearly for all of us.\nReply\nbob · 1 day ago\nI disagree with most of this, the numbers tell another story.\nReply");
        let v = verdicts(&text, None);
        assert_eq!(
            &v[1..4],
            &[Some("phrases"), Some("related"), Some("related")]
        );
        assert_eq!(v[4], None);
        assert!(v[5..].iter().all(Option::is_some), "{v:?}");
    }

    #[test]
    fn a_sign_up_boxs_name_and_pitch_go_but_an_articles_last_short_lines_stay() {
        let para = PARA;
        let text = format!("{para}\nThe Monday Memo\nOne case, taken apart, every week. Free.\nEnter your email\n{para}\nShe never needed a campaign.\nShe was the campaign.\nEnter your email");
        let v = verdicts(&text, None);
        assert_eq!(
            &v[1..4],
            &[Some("box"), Some("box"), Some("prompt")],
            "{v:?}"
        );
        assert_eq!(&v[5..7], &[None, None], "{v:?}");
    }

    #[test]
    fn a_line_the_rules_removed_does_not_open_the_article() {
        let judge = Chrome::new(Lexicon::embedded().unwrap(), &[]);
        // A banner's sentence that reads as prose, which the rules removed.
        let cookie = "The stories on this site were first printed in our weekly edition and have been updated with new figures since then.";
        let para = PARA;
        let head = [
            cookie,
            "Accept all",
            "THE LEDGER",
            "Retail",
            "Brands",
            "Media",
            "Opinion",
            "Sign in",
        ];
        let title = "A Headline About Oat Milk and Its Jokes";
        let lines: Vec<String> = head
            .iter()
            .chain(&[title, para])
            .map(|l| l.to_string())
            .collect();
        let mut removed = vec![false; lines.len()];
        removed[0] = true;
        let v = judge_all(&judge, &lines, &removed, Some(title));
        assert!(v[..8].iter().all(Option::is_some), "{v:?}");
        assert_eq!(v[9], None);
    }

    #[test]
    fn a_heading_naming_a_chrome_word_between_paragraphs_stays() {
        let para = PARA;
        let text = format!(
            "{para}\n\nA newsletter that reads like a magazine\n\n{para}\nNewsletter\n{para}"
        );
        let v = verdicts(&text, None);
        assert_eq!(v[2], None, "{v:?}");
        assert!(v[5].is_some(), "{v:?}");
    }

    #[test]
    fn a_closing_question_is_no_tail_chrome() {
        let para = PARA;
        let text = format!(
            "{para}\n这家公司能否守住自己的优势？\n责任编辑：周航\n上一篇：别的文章\n版权所有"
        );
        let v = verdicts(&text, None);
        assert_eq!(v[1], None, "{v:?}");
        assert!(v[2..].iter().all(Option::is_some), "{v:?}");
    }

    #[test]
    fn a_short_line_under_the_sites_name_is_its_slogan() {
        let mut judge = Chrome::new(Lexicon::embedded().unwrap(), &[]);
        judge.learn_site_names(&["The Shelf Notes".to_string()]);
        let para = PARA;
        let text = format!("The Shelf Notes\nBrands, shelves and the stories that sell them\n{para}\nDiscover more from The Shelf Notes\n{para}");
        let lines: Vec<String> = text.lines().map(String::from).collect();
        let v = judge_all(&judge, &lines, &vec![false; lines.len()], None);
        assert_eq!(v[1], Some("slogan"), "{v:?}");
        assert_eq!(v[2], None, "{v:?}");
        assert_eq!(v[4], None, "a paragraph under the name is prose: {v:?}");
    }

    #[test]
    fn about_boxes_at_the_end_go() {
        let para = "The study found that shoppers who tried five frames at home bought more often than those who visited a store, and returned fewer pairs.";
        let text = format!("{para}\n{para}\n{para}\n{para}\n{para}\n{para}\nAbout Halvorsen Retail Institute\nThe institute is an independent research organization that studies retail.\nContact:\nMaya Lindqvist");
        let v = verdicts(&text, None);
        assert_eq!(&v[6..8], &[Some("about"), Some("about")], "{v:?}");
        assert!(v[..6].iter().all(Option::is_none));
    }

    #[test]
    fn short_labels_above_the_article_go() {
        let text = "品牌研究所\n危机复盘\n风波之后,小红书如何修补人设\n\n2021年12月,一场关于滤镜景点的讨论让小红书站上了舆论的风口浪尖.不少网友发现,自己按照平台笔记打卡的网红景点,与照片中的样子相去甚远.";
        let v = verdicts(text, Some("风波之后,小红书如何修补人设"));
        assert_eq!(&v[..3], &[Some("head"), Some("head"), Some("title-copy")]);
        assert_eq!(v[4], None);
    }
}
