use super::*;

fn set(s: &str) -> String {
    typeset(s).0
}

#[test]
fn punctuation_between_chinese_becomes_full_width() {
    assert_eq!(
        set("专注和极致,是产品目标;快,是行动准则.雷总说:好吗?好!"),
        "专注和极致，是产品目标；快，是行动准则。雷总说：好吗？好！"
    );
}

#[test]
fn numbers_keep_half_width_marks() {
    assert_eq!(
        set("增长了3.5倍,达到1,000万,12:30开始"),
        "增长了 3.5 倍，达到 1,000 万，12:30 开始"
    );
    assert_eq!(set("1.发动机:产品;2.加速器"), "1.发动机：产品；2.加速器");
}

#[test]
fn urls_emails_code_and_file_names_are_kept() {
    assert_eq!(
        set("访问https://example.com/a?b=1,c.d查看,或写信给li@example.com."),
        "访问 https://example.com/a?b=1,c.d 查看，或写信给 li@example.com。"
    );
    assert_eq!(
        set("运行`a, b: c`后打开配置.toml文件"),
        "运行`a, b: c`后打开配置.toml 文件"
    );
}

#[test]
fn latin_runs_keep_half_width_marks() {
    assert_eq!(
        set("蔚来(NYSE: NIO)宣布,Mr. Li和e.g.小米"),
        "蔚来(NYSE: NIO)宣布，Mr. Li 和 e.g.小米"
    );
    assert_eq!(
        set("乔布斯说过Stay hungry, stay foolish.这句话"),
        "乔布斯说过 Stay hungry, stay foolish.这句话"
    );
    assert_eq!(set("他用的是iPhone.后来换了"), "他用的是 iPhone。后来换了");
    assert_eq!(
        set("一种长期承诺.IP负责让人记住"),
        "一种长期承诺。IP 负责让人记住"
    );
}

#[test]
fn parentheses_around_chinese_become_a_full_width_pair() {
    assert_eq!(
        set("小米 (雷军创办) 成立, 发布(2011年)"),
        "小米（雷军创办）成立，发布（2011 年）"
    );
    assert_eq!(set("第(1)步"), "第(1)步");
}

#[test]
fn straight_quotes_around_chinese_become_curly() {
    assert_eq!(set("他说\"小米\"很好"), "他说“小米”很好");
    assert_eq!(set("他说\"OK\"很好"), "他说\"OK\"很好");
    assert_eq!(set("一个\"小米和\"两个\"号"), "一个\"小米和\"两个\"号");
}

#[test]
fn spacing_follows_the_guide() {
    assert_eq!(
        set("小米Note售价1999元,增长50%的用户,温度30 ℃"),
        "小米 Note 售价 1999 元，增长 50% 的用户，温度 30℃"
    );
    assert_eq!(set("小米 ， 雷军  MIUI"), "小米，雷军 MIUI");
    assert_eq!(set("雷军的“Are You OK”火了"), "雷军的“Are You OK”火了");
    assert_eq!(
        set("B站的用户买了A股和T恤,B 站UP主"),
        "B站的用户买了 A股和 T恤，B站 UP 主"
    );
    assert_eq!(set("ABC站"), "ABC 站");
}

#[test]
fn typesetting_is_idempotent() {
    for s in [
        "小米Note售价1999元,增长50%的用户。",
        "蔚来(NYSE: NIO)宣布,Mr. Li和e.g.小米",
        "小米 (雷军创办) 成立,\"口碑\"为王.",
    ] {
        let once = set(s);
        assert_eq!(set(&once), once, "{s}");
        assert_eq!(typeset(&once).1, Changes::default(), "{s}");
    }
}

#[test]
fn apply_skips_english_and_counts_changes() {
    let mut r = Report::default();
    let en = "Xiaomi (小米) grew, fast. \"Mi\" fans.";
    assert_eq!(apply(en, &mut r), en);
    assert_eq!(r.to_lines(), vec![]);
    let out = apply("小米,雷军\"口碑\"和MIUI.", &mut r);
    assert_eq!(out, "小米，雷军“口碑”和 MIUI。");
    assert_eq!(r.count("typography:punctuation"), 2);
    assert_eq!(r.count("typography:quotes"), 1);
    assert_eq!(r.count("typography:spacing"), 1);
}

#[test]
fn article_title_and_blocks_are_typeset() {
    let a = Article {
        title: Some("每天回复28000条".into()),
        blocks: vec![
            Block::Heading("一、口碑,为王".into()),
            Block::Ordered(1, "小米Note".into()),
            Block::Bullet("English, kept.".into()),
        ],
    };
    let a = apply_article(a, &mut Report::default());
    assert_eq!(a.title.as_deref(), Some("每天回复 28000 条"));
    assert_eq!(a.blocks[0], Block::Heading("一、口碑，为王".into()));
    assert_eq!(a.blocks[1], Block::Ordered(1, "小米 Note".into()));
    assert_eq!(a.blocks[2], Block::Bullet("English, kept.".into()));
}
