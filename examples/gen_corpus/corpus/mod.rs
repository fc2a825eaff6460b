//! Deterministic benchmark corpus generator (`examples/gen_corpus`).
//!
//! Writes the same bilingual case-study pages into three site roots under
//! `out/` — `casewiki/`, `zola/` and `hugo/` — each with its generator's
//! config and templates, so `bench/compare.sh` can build one site three ways.
//! Output is byte-identical for the same seed, page count and shape.
//!
//! Interface: `generate(&CorpusOptions) -> std::io::Result<CorpusStats>`.

mod body;
mod code;
mod page;
mod prose;
mod rng;
mod shape;
mod sites;
mod vocab;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

pub use body::chinese_bytes;
pub use page::SECTION;
pub use shape::Shape;
pub use sites::Tool;

use body::BodyContext;
use page::{HeadContext, PageHead};
use rng::{Rng, Zipf};
use vocab::Vocab;

/// PRNG stream ids: page heads and page bodies draw from separate streams.
const STREAM_HEAD: u64 = 1;
const STREAM_BODY: u64 = 2;
/// Written at `out/` so a later run knows it may replace the content folders.
const MARKER: &str = ".casewiki-corpus";

#[derive(Debug, Clone)]
pub struct CorpusOptions {
    pub pages: usize,
    pub out: PathBuf,
    pub seed: u64,
    pub shape: Shape,
}

#[derive(Debug, Clone, Default)]
pub struct CorpusStats {
    pub pages: usize,
    /// Bytes of one copy of the content (front matter + bodies).
    pub bytes: u64,
    /// Bytes of page bodies only.
    pub body_bytes: u64,
    /// Bytes of Chinese characters in the bodies.
    pub chinese_bytes: u64,
    /// Pages with a fenced code block.
    pub code_blocks: usize,
    /// Site roots written, one per tool (`out/casewiki`, `out/zola`, `out/hugo`).
    pub roots: Vec<PathBuf>,
}

/// Everything needed to produce any page's text.
pub struct Corpus {
    seed: u64,
    shape: Shape,
    vocab: Vocab,
    heads: Vec<PageHead>,
}

impl Corpus {
    pub fn new(pages: usize, seed: u64, shape: &Shape) -> io::Result<Corpus> {
        let mut vocab = Vocab::load(seed)?;
        vocab.extend_tags(shape.tags.pool, seed);
        let zipf = Zipf::new(vocab.tags.len(), shape.tags.skew);
        let ctx = HeadContext {
            seed,
            width: pages.saturating_sub(1).to_string().len().max(5),
            vocab: &vocab,
            zipf: &zipf,
            shape,
        };
        let heads = (0..pages).map(|i| PageHead::new(&ctx, i)).collect();
        Ok(Corpus {
            seed,
            shape: shape.clone(),
            vocab,
            heads,
        })
    }

    pub fn len(&self) -> usize {
        self.heads.len()
    }

    /// Path under `content/` of page `index` (`case-studies/p00042.md`).
    pub fn rel_path(&self, index: usize) -> String {
        format!("{SECTION}/{}.md", self.heads[index].slug)
    }

    #[cfg(test)]
    pub fn tags(&self, index: usize) -> &[String] {
        &self.heads[index].tags
    }

    /// The Markdown body of page `index`.
    pub fn body(&self, index: usize) -> String {
        let ctx = BodyContext {
            vocab: &self.vocab,
            heads: &self.heads,
            shape: &self.shape,
        };
        let mut rng = Rng::for_item(self.seed, STREAM_BODY, index as u64);
        body::body(&ctx, &self.heads[index], &mut rng)
    }

    /// The whole file: front matter, a blank line, the body.
    #[cfg(test)]
    pub fn page_text(&self, index: usize) -> String {
        format!("{}\n{}", self.heads[index].front_matter(), self.body(index))
    }
}

pub fn generate(opts: &CorpusOptions) -> io::Result<CorpusStats> {
    let corpus = Corpus::new(opts.pages, opts.seed, &opts.shape)?;
    prepare_out(&opts.out)?;
    let mut stats = CorpusStats {
        pages: corpus.len(),
        ..CorpusStats::default()
    };
    let roots: Vec<PathBuf> = Tool::ALL.iter().map(|t| opts.out.join(t.dir())).collect();
    for (tool, root) in Tool::ALL.iter().zip(&roots) {
        sites::write_skeleton(*tool, root)?;
        write_file(&root.join("content/_index.md"), sites::ROOT_INDEX)?;
        write_file(
            &root.join("content").join(SECTION).join("_index.md"),
            sites::SECTION_INDEX,
        )?;
    }
    for index in 0..corpus.len() {
        let body = corpus.body(index);
        let text = format!("{}\n{}", corpus.heads[index].front_matter(), body);
        let rel = corpus.rel_path(index);
        let first = roots[0].join("content").join(&rel);
        write_file(&first, &text)?;
        for root in &roots[1..] {
            link_or_copy(&first, &root.join("content").join(&rel))?;
        }
        stats.bytes += text.len() as u64;
        stats.body_bytes += body.len() as u64;
        stats.chinese_bytes += chinese_bytes(&body) as u64;
        stats.code_blocks += usize::from(body.contains("```"));
    }
    stats.roots = roots;
    Ok(stats)
}

/// Creates `out/`, or clears the content folders of an earlier corpus there.
/// Refuses to touch a non-empty folder this generator did not create.
fn prepare_out(out: &Path) -> io::Result<()> {
    let marker = out.join(MARKER);
    let is_ours = marker.exists();
    if out.exists() && !is_ours && fs::read_dir(out)?.next().is_some() {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!(
                "{} is not empty and holds no generated corpus; pick a new folder",
                out.display()
            ),
        ));
    }
    fs::create_dir_all(out)?;
    for tool in Tool::ALL {
        let content = out.join(tool.dir()).join("content");
        if content.exists() {
            fs::remove_dir_all(&content)?;
        }
    }
    fs::write(marker, "generated by examples/gen_corpus; safe to delete\n")
}

fn write_file(path: &Path, text: &str) -> io::Result<()> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir)?;
    }
    fs::write(path, text)
}

/// Hard-links `from` to `to` (same bytes, no extra space), copying if linking fails.
fn link_or_copy(from: &Path, to: &Path) -> io::Result<()> {
    if let Some(dir) = to.parent() {
        fs::create_dir_all(dir)?;
    }
    fs::hard_link(from, to).or_else(|_| fs::copy(from, to).map(|_| ()))
}

#[cfg(test)]
mod tests;
