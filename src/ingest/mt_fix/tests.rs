use super::*;

fn fix(text: &str) -> (String, Report) {
    let mut r = Report::default();
    let lines = text.split('\n').map(str::to_string).collect();
    (apply(lines, fixes().unwrap(), &mut r).join("\n"), r)
}

fn unchanged(text: &str) {
    let (t, r) = fix(text);
    assert_eq!(t, text);
    assert_eq!(r.to_lines(), vec![], "{text}");
}

/// A table of one or more fixes, compiled from TOML (tests of the condition language).
fn table(src: &str) -> Vec<Fix> {
    compile_file("test.toml", src).unwrap()
}

fn run(fixes: &[Fix], text: &str) -> String {
    apply(vec![text.to_string()], fixes, &mut Report::default()).join("\n")
}

#[test]
fn every_table_compiles() {
    assert!(fixes().is_ok(), "{:?}", fixes().err());
    assert!(fixes().unwrap().len() > 60);
}

#[test]
fn millet_only_with_xiaomi() {
    let (t, r) = fix("Millet 4 and millet's fans. Xiaomi grew.");
    assert_eq!(t, "Xiaomi 4 and Xiaomi's fans. Xiaomi grew.");
    assert_eq!(r.count("mt:millet"), 2);
    unchanged("Millet is a grain. Farmers grow millet.");
}

#[test]
fn mi_fans_keep_case() {
    let (t, _) = fix("Xiaomi held a Rice Noodle Festival; rice noodles came, \"rice flour\" too, a rice noodle culture.");
    assert_eq!(
        t,
        "Xiaomi held a Mi Fan Festival; Mi fans came, \"Mi fans\" too, a Mi fan culture."
    );
}

#[test]
fn split_years() {
    let (t, r) = fix("It was founded in April, 20 10. At the end of 20 10, and from 20 1 1, it grew 20 10 times.");
    assert_eq!(
        t,
        "It was founded in April, 2010. At the end of 2010, and from 2011, it grew 20 10 times."
    );
    assert_eq!(r.count("mt:split-year"), 3);
    assert_eq!(fix("in 2010").1.count("mt:split-year"), 0);
}

#[test]
fn scalpers_and_o2o() {
    assert_eq!(
        fix("blind eye to the yellow cattle in the Huangnimen Incident").0,
        "blind eye to the scalpers in the Scalper-gate Incident"
    );
    assert_eq!(
        fix("Community O20 marketing joins online and offline.").0,
        "Community O2O marketing joins online and offline."
    );
    unchanged("Call 020 now, online.");
}

#[test]
fn fan_circle_needs_context() {
    assert_eq!(
        fix("the fan circle is poisonous, the rice circle is poisonous").0,
        "the fan circle is poisonous, the fan circle is poisonous"
    );
    unchanged("a rice circle on the plate");
}

#[test]
fn case_sensitive_phrases_need_their_capitals() {
    let fixes = table(
        "[[fix]]\nname = \"t\"\nphrases = [\"Fast Hand\"]\nreplace = \"Kuaishou\"\ncase_sensitive = true\n",
    );
    assert_eq!(
        run(&fixes, "users of Fast Hand grew"),
        "users of Kuaishou grew"
    );
    assert_eq!(run(&fixes, "a fast hand at cards"), "a fast hand at cards");
    let loose = table("[[fix]]\nname = \"t\"\nphrases = [\"Shake Sound\"]\nreplace = \"Douyin\"\n");
    assert_eq!(run(&loose, "on shake-sound today"), "on Douyin today");
}

#[test]
fn cues_must_be_near() {
    let fixes = table(
        "[[fix]]\nname = \"t\"\nphrases = [\"Station B\"]\nreplace = \"Bilibili\"\ncase_sensitive = true\nrequires_cue = [\"video\", \"up master\"]\ncue_within = 4\n",
    );
    assert_eq!(
        run(&fixes, "Station B is a video site"),
        "Bilibili is a video site"
    );
    assert_eq!(
        run(&fixes, "the UP master of Station B"),
        "the UP master of Bilibili"
    );
    let far = "Station B is far from the town where one two three video";
    assert_eq!(run(&fixes, far), far);
    assert_eq!(
        run(&fixes, "from Station A to Station B by train"),
        "from Station A to Station B by train"
    );
    assert_eq!(run(&fixes, "Station B videos"), "Station B videos"); // whole words only
}

#[test]
fn not_before_and_not_after_veto_a_match() {
    let fixes = table(
        "[[fix]]\nname = \"t\"\nphrases = [\"Association\"]\nreplace = \"Lenovo\"\ncase_sensitive = true\nnot_before = [\"of\", \"for\"]\nnot_after = [\"the\", \"trade\"]\n",
    );
    assert_eq!(run(&fixes, "Association sold PCs"), "Lenovo sold PCs");
    for s in [
        "the Association sold PCs",
        "a Trade Association said",
        "Association of Banks",
        "Association  for Computing",
    ] {
        assert_eq!(run(&fixes, s), s);
    }
}

#[test]
fn platforms_in_machine_translation() {
    let (t, r) = fix("Shake Sound and Fast Hand are short video apps; Tmall is Sky Cat, paid with Pay Treasure and Micro Letter.");
    assert_eq!(
        t,
        "Douyin and Kuaishou are short video apps; Tmall is Tmall, paid with Alipay and WeChat."
    );
    assert_eq!(r.count("mt:douyin"), 1);
    assert_eq!(r.count("mt:kuaishou"), 1);
    assert_eq!(
        fix("Spell Duoduo beat Beautiful Group and Station B in video.").0,
        "Pinduoduo beat Meituan and Bilibili in video."
    );
}

#[test]
fn ordinary_english_is_left_alone() {
    for s in [
        "She said in a trembling voice that the association had fast hands.",
        "He played with vibrato. Today's headlines were grim.",
        "The US Mission to the UN met. A beautiful group of trees.",
        "We took the train to Beijing East Railway Station.",
        "Planting grass in spring keeps the lawn green.",
        "The explosive products were stored in a bunker.",
        "Farmers bring goods to the market on Sundays.",
        "A microblog is a short blog, like a micro letter.",
    ] {
        unchanged(s);
    }
}

#[test]
fn internet_slang() {
    assert_eq!(
        fix("Brands grow grass on Xiaohongshu with net red bloggers; net red shops sell explosive models to melon eaters and the wool party.").0,
        "Brands do product seeding on Xiaohongshu with influencer bloggers; internet-famous shops sell hit products to onlookers and the bargain hunters."
    );
    assert_eq!(
        fix("The anchor was bringing goods in a live broadcast on Douyin.").0,
        "The anchor was selling products in a live broadcast on Douyin."
    );
    assert_eq!(
        fix("Pinduoduo grew in the sinking market of third-line cities.").0,
        "Pinduoduo grew in the lower-tier market of third-tier cities."
    );
}

#[test]
fn debris() {
    let (t, r) = fix("Xiaomi and users * * * developed it; sales of *** rose.\n* * *\nIt sold 1 000 000 units and 25 000 more, up 3. 5 percent in 2 0 1 9.");
    assert_eq!(
        t,
        "Xiaomi and users […] developed it; sales of […] rose.\n\nIt sold 1,000,000 units and 25,000 more, up 3.5 percent in 2019."
    );
    assert_eq!(r.count("mt:redaction"), 2);
    assert_eq!(r.count("mt:redaction-line"), 1);
    assert_eq!(r.count("mt:digit-groups"), 2);
    unchanged("On May 5 100 people came. Chapter 3 200 pages. ***bold*** text.");
    unchanged("He bought 3 100-yuan phones in 2019. 5 ways to grow.");
}

#[test]
fn doubled_words() {
    let (t, r) = fix("It is the the best of of all, and that that was it.");
    assert_eq!(t, "It is the best of all, and that that was it.");
    assert_eq!(r.count("mt:doubled-word"), 2);
}

#[test]
fn chinese_articles_are_left_alone() {
    unchanged("小米的 Millet 和 Rice noodles，这是一段中文文章，讲述小米的故事。\n雷军说：1 000。");
}

#[test]
fn chinese_number_units_become_english_numbers() {
    let (t, r) = fix("Users exceeded 6 0000 0000, with 745,0000 riders; it lost 1,000 hundred million dollars, 2.5 hundred million yuan and 30 ten thousand fans.");
    assert_eq!(
        t,
        "Users exceeded 600 million, with 7.45 million riders; it lost 100 billion dollars, 250 million yuan and 300,000 fans."
    );
    assert_eq!(r.count("mt:wan-groups"), 2);
    assert_eq!(r.count("mt:chinese-units"), 3);
    unchanged("In 2019,2020 and 2021 sales of 2019 2020 rose; five hundred million people.");
}

#[test]
fn platform_names_written_as_names_need_no_cue() {
    assert_eq!(
        fix("He wrote on Micro Blog about reading.").0,
        "He wrote on Weibo about reading."
    );
    unchanged("Microblog posts are short.");
    assert_eq!(
        fix("the eat melon masses and eating melon netizens, explode models sold").0,
        "the onlookers and onlookers, hit products sold"
    );
}

#[test]
fn a_cue_met_once_holds_for_the_whole_article() {
    let t = table(
        r#"
[[fix]]
name = "t:kuaishou"
phrases = ["Fast Hand"]
case_sensitive = true
replace = "Kuaishou"
requires_cue = ["app"]
cue_within = 3
"#,
    );
    let lines = vec![
        "The first app is Fast Hand.".to_string(),
        "Years later, how Fast Hand turned trust into sales is well known.".to_string(),
    ];
    let out = apply(lines, &t, &mut Report::default());
    assert_eq!(
        out[1],
        "Years later, how Kuaishou turned trust into sales is well known."
    );
    // Without a confirmed cue the far match stays.
    assert_eq!(
        run(
            &t,
            "Years later, how Fast Hand turned trust into sales is well known."
        ),
        "Years later, how Fast Hand turned trust into sales is well known."
    );
}

#[test]
fn a_confirmed_single_word_opening_a_sentence_still_needs_its_cue() {
    let t = table(
        r#"
[[fix]]
name = "t:honor"
phrases = ["Glory"]
case_sensitive = true
replace = "Honor"
requires_cue = ["phones"]
cue_within = 3
"#,
    );
    let lines = vec![
        "Huawei sold Glory phones in 2020.".to_string(),
        "Glory is not what the founders wanted, they said at length afterwards.".to_string(),
    ];
    let out = apply(lines, &t, &mut Report::default());
    assert_eq!(out[0], "Huawei sold Honor phones in 2020.");
    assert_eq!(
        out[1],
        "Glory is not what the founders wanted, they said at length afterwards."
    );
}

#[test]
fn slang_of_blame_crowds_and_shops() {
    assert_eq!(
        fix("The company let a water army post for it, then the manager had to carry the pot while others dump the pot.").0,
        "The company let paid posters post for it, then the manager had to carry the blame while others shift the blame."
    );
    assert_eq!(
        fix("The tea chain opened 300 joining stores and 20 direct camp stores, and its seckill prices drew shoppers.").0,
        "The tea chain opened 300 franchise stores and 20 company-owned stores, and its flash sale prices drew shoppers."
    );
    unchanged("The court overturned the ruling after the accident.");
    unchanged("The city rebuilt its drainage system after the floods.");
}

#[test]
fn literals_of_many_writers() {
    let text = "Netizens in China said they were \"broken defense\" after watching the clip. \
        The shop closed 8 7 stores and employed 5 00 workers. Tide play fans bought the hidden style of the blind box series. \
        Its cost-performance ratio won beat-work people, and travellers posted punch card photos at the store. \
        That night the 3 15 Evening Party of the central television named the supplier. \
        A fake Japanese wind in its store design drew criticism.";
    let (got, report) = fix(text);
    for want in [
        "they were \"moved\" after",
        "closed 87 stores and employed 500 workers",
        "Designer toys fans bought the secret edition",
        "Its value for money won workers",
        "posted check-in photos",
        "the 3·15 Gala of CCTV",
        "A fake Japanese style in its store design",
    ] {
        assert!(got.contains(want), "{want:?} not in {got:?}");
    }
    assert!(report.counts().count() >= 7, "{:?}", report.to_lines());
}

#[test]
fn literals_that_are_ordinary_english_stay() {
    for s in [
        "The striker broke the defense line twice and scored.",
        "A cold Japanese wind blew over the harbour.",
        "Between 3 15 and 4 20 the road was closed.",
    ] {
        unchanged(s);
    }
}

#[test]
fn a_page_wide_cue_leaves_a_word_of_a_longer_name() {
    let text = "In China, Zhou Hongyi joined the Leixue Research Association, a club of fans that meets in Beijing every spring and writes long essays about the founder. Association sold the most PCs that year, said the report.";
    let (got, _) = fix(text);
    assert!(got.contains("Leixue Research Association,"), "{got}");
    assert!(got.contains("Lenovo sold the most PCs"), "{got}");
}

#[test]
fn a_removed_translation_notice_marks_the_page_a_translation_from_chinese() {
    let text = "For many parents, the name of New East means a good teacher.".to_string();
    let mut plain = Report::default();
    let out = apply(vec![text.clone()], fixes().unwrap(), &mut plain).join("\n");
    assert!(out.contains("New East"), "{out}");
    let mut noticed = Report::default();
    noticed.add(
        TRANSLATION_NOTICE,
        1,
        "Machine translation, for reference only",
    );
    let out = apply(vec![text], fixes().unwrap(), &mut noticed).join("\n");
    assert!(out.contains("New Oriental"), "{out}");
}

#[test]
fn headline_patterns_of_chinese_titles() {
    let (t, r) =
        fix("Miniso Ten Years: From Ten Yuan Store to Giant, Ye Guofu Wants to Do China's Disney");
    assert_eq!(
        t,
        "Ten Years of Miniso: From Ten Yuan Store to Giant, Ye Guofu Wants to Become China's Disney"
    );
    assert_eq!(r.count("mt:years-of"), 1);
    assert_eq!(r.count("mt:become"), 1);
    // Mid-sentence years and doing things for China are ordinary English.
    unchanged("It took Miniso ten years: a long time. They want to do China proud.");
}

#[test]
fn overturned_car_is_a_slip_up() {
    let (t, _) = fix("Nayuki \"turned over the car\" again. Brands that turn over the car lose fans; no brand wants to turn over the car.");
    assert_eq!(
        t,
        "Nayuki \"slipped up\" again. Brands that slip up lose fans; no brand wants to slip up."
    );
    unchanged("The mechanic turned the car over to its owner.");
}

#[test]
fn three_digits_written_apart() {
    let (t, r) =
        fix("The reading quantity exceeded 5 0 0 million. The store number has exceeded 8 0 0.");
    assert_eq!(
        t,
        "The reading quantity exceeded 500 million. The store number has exceeded 800."
    );
    assert_eq!(r.count("mt:split-number"), 2);
    unchanged("Pages: 1 2 8 6 5 next. See page 1 2 3.");
}
