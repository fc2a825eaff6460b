//! Micro-benchmarks of the hot stages, on a generated bilingual corpus:
//! Markdown + highlighting per page, search terms, jieba segmentation,
//! template rendering, entity linking. Run with `cargo bench --bench stages`; prints the median
//! time per page of each stage over several rounds (no external harness, so
//! `cargo test` compiles nothing extra).

use std::time::{Duration, Instant};

use casewiki::build::{build, BuildOptions};
use casewiki::render::pages::Job;

/// The benchmark corpus generator of `examples/gen_corpus`.
#[path = "../examples/gen_corpus/corpus/mod.rs"]
#[allow(dead_code, unused_imports)]
mod corpus;

use corpus::{generate, CorpusOptions, Shape};

const PAGES: usize = 400;
const ROUNDS: usize = 7;

/// Median over `ROUNDS` of the time `f` takes for all pages, divided per page.
fn per_page(name: &str, pages: usize, mut f: impl FnMut()) {
    let mut times: Vec<Duration> = (0..ROUNDS)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    let median = times[ROUNDS / 2];
    println!(
        "{name:<32} {:>9.1} µs/page",
        median.as_secs_f64() * 1e6 / pages as f64
    );
}

fn main() {
    let dir = std::env::temp_dir().join(format!("casewiki-bench-{}", std::process::id()));
    let corpus = CorpusOptions {
        pages: PAGES,
        out: dir.clone(),
        seed: 7,
        shape: Shape::MIXED,
    };
    if let Err(e) = generate(&corpus) {
        eprintln!("cannot generate the corpus: {e}");
        return;
    }
    let root = dir.join("casewiki");
    let opts = BuildOptions {
        root: root.clone(),
        output_dir: Some(dir.join("out")),
        keep_sources: true,
        ..Default::default()
    };
    let site = match build(&opts) {
        Ok((site, _)) => site,
        Err(failure) => {
            eprintln!("build failed: {:?}", failure.diagnostics.first());
            return;
        }
    };
    let n = site.library.pages.len();
    println!("{n} generated pages (`examples/gen_corpus`), median of {ROUNDS} rounds, one thread");
    per_page("markdown + highlighting", n, || {
        for i in 0..n {
            std::hint::black_box(site.render_markdown(i));
        }
    });
    let texts: Vec<String> = (0..n).map(|i| site.render_markdown(i).text).collect();
    per_page("tokenising (jieba + Latin words)", n, || {
        for text in &texts {
            let mut count = 0usize;
            casewiki::search::tokenize::for_each_term(text, |_| count += 1);
            std::hint::black_box(count);
        }
    });
    per_page("search terms (all of the above + index)", n, || {
        for (p, text) in site.library.pages.iter().zip(&texts) {
            std::hint::black_box(site.analysis.indexer.analyse(casewiki::search::Fields {
                text,
                title: &p.meta.title,
                tags: &p.tags,
            }));
        }
    });
    let matcher = casewiki::search::aliases::AliasMatcher::new(&site.search_aliases());
    let normalized: Vec<String> = texts
        .iter()
        .map(|t| casewiki::text::fold::search_key(t))
        .collect();
    let mut counts = vec![0u32; matcher.groups.len()];
    per_page("alias names (search)", n, || {
        for text in &normalized {
            matcher.count_in_normalized(text, &mut counts);
        }
        std::hint::black_box(&counts);
    });
    let model = site.model();
    let batch = casewiki::render::batch::Batch::new(model);
    per_page("template rendering (page)", n, || {
        for i in 0..n {
            std::hint::black_box(model.render_job(&Job::Page(i), &batch).ok());
        }
    });
    let jieba = casewiki::text::jieba();
    per_page("jieba segmentation", n, || {
        for p in &site.library.pages {
            std::hint::black_box(jieba.cut(&p.body, false).len());
        }
    });
    // The corpus has no wiki pages: link against the repository's own entities.
    let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let config = match casewiki::config::Config::load(repo) {
        Ok(c) => c,
        Err(d) => {
            eprintln!("{d}");
            return;
        }
    };
    let entities =
        casewiki::content::Library::load(&config, &casewiki::diagnostics::Diagnostics::default());
    let targets = casewiki::content::links::LinkTargets::new(&entities);
    per_page("entity linking (mentions)", n, || {
        for p in &site.library.pages {
            std::hint::black_box(targets.mentions(&p.body).len());
        }
    });
    let _ = std::fs::remove_dir_all(&dir);
}
