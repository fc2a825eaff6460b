//! Incremental rebuilds against full ones: after each edit, `apply` must
//! leave `public/` as a fresh build would, while rendering only what the
//! edit affects.

use std::path::{Path, PathBuf};

use super::Site;
use crate::analysis::Pass;
use crate::config::Config;
use crate::diagnostics::Diagnostics;
use crate::output::Output;

pub(super) fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(path, text).expect("write");
}

pub(super) fn study(title: &str, tags: &[&str], body: &str) -> String {
    let tags: Vec<String> = tags.iter().map(|t| format!("{t:?}")).collect();
    format!(
        "+++\ntitle = \"{title}\"\ndate = 2024-01-02\ntags = [{}]\n+++\n{body}\n",
        tags.join(", ")
    )
}

fn site_at(root: &Path) -> Site {
    let config = Config::load(root).expect("config");
    Site::load(config, &Diagnostics::default(), Pass::Keep).expect("templates")
}

/// A fresh site with studies a..e (a links to b) and one entity.
pub(super) fn fixture() -> (tempfile::TempDir, Site) {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    write(&root.join("site.toml"), "title = \"T\"\n");
    let c = root.join("content");
    write(
        &c.join("case-studies/a.md"),
        &study("Study A", &["Red"], "A cites [[Study B]] and Acme."),
    );
    for (name, tag) in [("b", "Red"), ("c", "Blue"), ("d", "Blue"), ("e", "Green")] {
        let title = format!("Study {}", name.to_uppercase());
        write(
            &c.join(format!("case-studies/{name}.md")),
            &study(&title, &[tag], "Plain text."),
        );
    }
    write(
        &c.join("wiki/acme.md"),
        "+++\ntitle = \"Acme\"\n+++\nA company.\n",
    );
    let mut site = site_at(root);
    let out = Output::direct(&site.config.output_dir).expect("output");
    let report = site.publish_all(&out);
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    site.refresh_search().expect("search");
    (dir, site)
}

/// Every file under `dir`, relative, with its bytes.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<(PathBuf, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).expect("under").to_path_buf();
            (rel, std::fs::read(e.path()).expect("read"))
        })
        .collect();
    files.sort();
    files
}

/// `public/` after incremental rebuilds equals a fresh build of the same files.
pub(super) fn assert_same_as_fresh(site: &mut Site) {
    while site.settling() {
        site.settle(&|| false);
    }
    site.refresh_search().expect("search");
    let root = site.config.root.clone();
    let fresh_dir = root.join("fresh");
    let mut fresh = site_at(&root);
    fresh.config.output_dir = fresh_dir.clone();
    let out = Output::direct(&fresh_dir).expect("output");
    fresh.publish_all(&out);
    fresh.refresh_search().expect("search");
    let live = snapshot(&site.config.output_dir);
    let want = snapshot(&fresh_dir);
    let names = |s: &[(PathBuf, Vec<u8>)]| s.iter().map(|(p, _)| p.clone()).collect::<Vec<_>>();
    assert_eq!(names(&live), names(&want));
    for ((path, a), (_, b)) in live.iter().zip(&want) {
        assert!(a == b, "{} differs from a fresh build", path.display());
    }
    std::fs::remove_dir_all(&fresh_dir).expect("cleanup");
}

#[test]
fn a_body_edit_renders_only_what_depends_on_it() {
    let (dir, mut site) = fixture();
    let c = dir.path().join("content/case-studies/c.md");
    write(&c, &study("Study C", &["Blue"], "Now C cites [[Study E]]."));
    let report = site.apply(&[c]);
    assert!(!report.full_analyse);
    // C itself and E (new backlink); the graph waits for `settle`.
    assert_eq!(report.files.rendered, 2, "{:?}", report.pages);
    // A, B and Acme neither are C nor show it or E: they keep their prints.
    let pages = site.library.pages.len();
    let lists = site.model().all_jobs().len() - pages;
    assert!(
        report.files.printed <= lists + pages - 3,
        "{:?}",
        report.files
    );
    assert!(report.pages.contains(&"/case-studies/c/".to_string()));
    assert!(report.pages.contains(&"/case-studies/e/".to_string()));
    assert_same_as_fresh(&mut site);
}

#[test]
fn tag_changes_update_old_and_new_tag_pages() {
    let (dir, mut site) = fixture();
    let e = dir.path().join("content/case-studies/e.md");
    write(&e, &study("Study E", &["Blue", "Violet"], "Plain text."));
    site.apply(&[e]);
    let public = dir.path().join("public");
    assert!(!public.join("tags/green").exists(), "emptied tag removed");
    assert!(public.join("tags/violet/index.html").is_file());
    assert_same_as_fresh(&mut site);
}

#[test]
fn add_delete_and_rename_match_a_fresh_build() {
    let (dir, mut site) = fixture();
    let studies = dir.path().join("content/case-studies");
    let f = studies.join("f.md");
    write(&f, &study("Study F", &["Red"], "F cites [[Study A]]."));
    assert!(!site.apply(std::slice::from_ref(&f)).full_analyse);
    assert_same_as_fresh(&mut site);
    std::fs::remove_file(&f).expect("delete");
    site.apply(&[f]);
    assert!(!dir.path().join("public/case-studies/f").exists());
    assert_same_as_fresh(&mut site);
    let (b, b2) = (studies.join("b.md"), studies.join("b2.md"));
    std::fs::rename(&b, &b2).expect("rename");
    site.apply(&[b, b2]);
    assert_same_as_fresh(&mut site);
}

#[test]
fn renaming_an_entity_relinks_every_page() {
    let (dir, mut site) = fixture();
    let acme = dir.path().join("content/wiki/acme.md");
    write(
        &acme,
        "+++\ntitle = \"Acme Corp\"\naliases = [\"Plain\"]\n+++\nA company.\n",
    );
    let report = site.apply(&[acme]);
    assert!(report.full_analyse);
    assert_same_as_fresh(&mut site);
}

#[test]
fn broken_front_matter_keeps_the_old_page_until_fixed() {
    let (dir, mut site) = fixture();
    let a = dir.path().join("content/case-studies/a.md");
    write(&a, "+++\ntitle = \"Study A\"\n");
    let report = site.apply(std::slice::from_ref(&a));
    assert_eq!(report.problems.len(), 1);
    assert_eq!(
        report.problems[0].file,
        Path::new("content/case-studies/a.md")
    );
    assert_eq!(report.files.written, 0);
    let other = dir.path().join("content/case-studies/c.md");
    write(&other, &study("Study C", &["Blue"], "Changed."));
    assert_eq!(site.apply(&[other]).problems.len(), 1, "still open");
    write(&a, &study("Study A", &["Red"], "Fixed."));
    assert!(site.apply(&[a]).problems.is_empty());
    assert_same_as_fresh(&mut site);
}

#[test]
fn templates_re_render_pages_without_reparsing() {
    let (dir, mut site) = fixture();
    let tpl = dir.path().join("templates/page.html");
    write(&tpl, "{% extends \"base.html\" %}{% block content %}<h1 class=\"x\">{{ page.title }}</h1>{% endblock content %}");
    let report = site.apply(&[tpl]);
    assert!(report.reload_all);
    assert!(!report.full_analyse);
    let html =
        std::fs::read_to_string(dir.path().join("public/case-studies/a/index.html")).expect("page");
    assert!(html.contains("<h1 class=\"x\">Study A</h1>"));
    assert_same_as_fresh(&mut site);
}

#[test]
fn section_intros_resolve_wikilinks_and_report_broken_ones() {
    let (dir, mut site) = fixture();
    let intro = dir.path().join("content/wiki/_index.md");
    write(
        &intro,
        "+++\ntitle = \"Wiki\"\n+++\nSee [[Acme]] and [[Nobody Here]].\n",
    );
    let report = site.apply(std::slice::from_ref(&intro));
    let html = std::fs::read_to_string(dir.path().join("public/wiki/index.html")).expect("list");
    assert!(html.contains("href=\"/wiki/acme/\""), "{html}");
    assert!(!html.contains("[[Acme]]"));
    let broken: Vec<_> = report
        .problems
        .iter()
        .filter(|d| d.file == Path::new("content/wiki/_index.md"))
        .collect();
    assert_eq!(broken.len(), 1, "{:?}", report.problems);
    assert_eq!(broken[0].line, Some(4));
    assert!(broken[0].message.contains("Nobody Here"));
    assert_same_as_fresh(&mut site);
}

/// One step of a random editing session.
#[derive(Debug, Clone)]
enum Step {
    /// Rewrites file `file` (by position among the current files).
    Edit {
        file: usize,
        page: Vec<usize>,
    },
    /// Writes a new study named `name` from the pool.
    Add {
        name: usize,
        page: Vec<usize>,
    },
    Delete {
        file: usize,
    },
    /// Moves a file to a new name from the pool.
    Rename {
        file: usize,
        name: usize,
    },
}

/// Pieces a body or header is made of: links that resolve or not, mentions,
/// an entity rename, tags and dates that move pages between lists.
const PIECES: &[&str] = &[
    "Plain words.",
    "Cites [[Study A]].",
    "Cites [[Study F]].",
    "See [b](b.md).",
    "Acme again.",
    "Globex rises.",
    "A [[Missing Page]].",
    "## A heading\n\nmore text",
    "See [the rival](../wiki/globex.md).",
];
const TAGS: &[&str] = &["Red", "Blue", "Green", "Violet"];
const NAMES: &[&str] = &["a", "b", "f", "g", "h"];

/// A page of `pieces`; some pieces also change the title, the summary, the
/// date and the tag, which other pages show in their lists and pictures.
fn page_text(title: &str, pieces: &[usize]) -> String {
    let tag = TAGS[pieces.first().copied().unwrap_or(0) % TAGS.len()];
    let day = 1 + pieces.len() % 3;
    let body: Vec<&str> = pieces.iter().map(|&p| PIECES[p % PIECES.len()]).collect();
    let revised = pieces.iter().any(|&p| p % PIECES.len() == 3);
    let title = match revised {
        true => format!("{title} (revised)"),
        false => title.to_string(),
    };
    let summary = pieces.iter().sum::<usize>() % 3;
    format!(
        "+++\ntitle = \"{title}\"\nsummary = \"Summary {summary}\"\ndate = 2024-01-0{day}\ntags = [\"{tag}\"]\n+++\n{}\n",
        body.join("\n\n")
    )
}

fn step() -> impl proptest::strategy::Strategy<Value = Step> {
    use proptest::prelude::*;
    let page = proptest::collection::vec(0..PIECES.len() * 4, 0..4);
    prop_oneof![
        (0..8usize, page.clone()).prop_map(|(file, page)| Step::Edit { file, page }),
        (0..NAMES.len(), page).prop_map(|(name, page)| Step::Add { name, page }),
        (0..8usize).prop_map(|file| Step::Delete { file }),
        (0..8usize, 0..NAMES.len()).prop_map(|(file, name)| Step::Rename { file, name }),
    ]
}

/// The Markdown files under `content/`, sorted.
fn content_files(root: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(root.join("content"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        .map(|e| e.into_path())
        .collect();
    files.sort();
    files
}

/// Applies `step` on disk and to `site`.
fn run_step(site: &mut Site, step: &Step) {
    let root = site.config.root.clone();
    let studies = root.join("content/case-studies");
    let files = content_files(&root);
    let pick = |k: usize| files[k % files.len()].clone();
    let title_of = |f: &Path| {
        let stem = f.file_stem().map(|s| s.to_string_lossy().to_string());
        let stem = stem.unwrap_or_default();
        match f.parent().and_then(|p| p.file_name()) {
            Some(d) if d == "wiki" => stem[..1].to_uppercase() + &stem[1..],
            _ => format!("Study {}", stem.to_uppercase()),
        }
    };
    let changed = match step {
        Step::Edit { file, page } => {
            let f = pick(*file);
            write(&f, &page_text(&title_of(&f), page));
            vec![f]
        }
        Step::Add { name, page } => {
            let f = studies.join(format!("{}.md", NAMES[*name]));
            write(&f, &page_text(&title_of(&f), page));
            vec![f]
        }
        Step::Delete { file } => {
            let f = pick(*file);
            std::fs::remove_file(&f).expect("delete");
            vec![f]
        }
        Step::Rename { file, name } => {
            let (from, to) = (pick(*file), studies.join(format!("{}.md", NAMES[*name])));
            std::fs::rename(&from, &to).expect("rename");
            vec![from, to]
        }
    };
    site.apply(&changed);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig {
        cases: 16,
        max_shrink_iters: 64,
        ..Default::default()
    })]

    /// Any sequence of edits, additions, deletions and renames leaves
    /// `public/` as a fresh build of the same files would.
    #[test]
    fn random_edit_sequences_match_a_fresh_build(
        steps in proptest::collection::vec(step(), 1..6),
    ) {
        let (dir, mut site) = fixture();
        write(
            &dir.path().join("content/wiki/globex.md"),
            "+++\ntitle = \"Globex\"\n+++\nAnother company.\n",
        );
        site.apply(&[dir.path().join("content/wiki/globex.md")]);
        for step in &steps {
            run_step(&mut site, step);
            assert_same_as_fresh(&mut site);
        }
    }
}

#[test]
fn a_neighbours_new_title_reaches_the_pages_that_picture_it() {
    let (dir, mut site) = fixture();
    let c = dir.path().join("content");
    write(
        &c.join("case-studies/c.md"),
        &study("Study C", &["Blue"], "See [the firm](../wiki/acme.md)."),
    );
    site.apply(&[c.join("case-studies/c.md")]);
    assert_same_as_fresh(&mut site);
    // C's body stays as it was; its picture shows the new title.
    write(
        &c.join("wiki/acme.md"),
        "+++\ntitle = \"Acme Works\"\naliases = [\"Acme\"]\n+++\nA company.\n",
    );
    let report = site.apply(&[c.join("wiki/acme.md")]);
    assert!(report.pages.contains(&"/case-studies/c/".to_string()));
    let html = std::fs::read_to_string(dir.path().join("public/case-studies/c/index.html"));
    assert!(html.expect("page").contains("Acme Works"));
    assert_same_as_fresh(&mut site);
}

#[test]
fn a_new_entity_page_links_the_generated_case_studies_that_mention_it() {
    let (dir, mut site) = fixture();
    let seed = dir.path().join("seeds/globex.txt");
    write(
        &seed,
        "Globex learns to listen\n\nGlobex sold vacuum cleaners for twenty years before it asked its customers anything. \
         When sales fell in 2019, the company opened a forum and read every complaint. \
         Within a year Globex had changed its filters, its prices and its tone. \
         Customers noticed, and the forum became the brand's best advertisement.\n",
    );
    site.apply(std::slice::from_ref(&seed));
    let study = |dir: &Path| -> String {
        let folder = dir.join("content/case-studies");
        std::fs::read_dir(folder)
            .expect("case studies")
            .filter_map(Result::ok)
            .map(|e| std::fs::read_to_string(e.path()).unwrap_or_default())
            .find(|t| t.contains("source: seeds/globex.txt"))
            .expect("generated case study")
    };
    assert!(!study(dir.path()).contains("](../wiki/customer-forum.md)"));
    let entity = dir.path().join("content/wiki/customer-forum.md");
    let page = "+++\ntitle = \"Customer forum\"\nkind = \"concept\"\naliases = [\"forum\"]\n+++\nA place.\n";
    write(&entity, page);
    site.apply(&[entity]);
    assert!(
        study(dir.path()).contains("[forum](../wiki/customer-forum.md)"),
        "{}",
        study(dir.path())
    );
}
