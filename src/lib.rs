//! casewiki: a static site generator that turns raw, noisy articles into a
//! cross-linked, bilingual case-study wiki.
//!
//! The pipeline, in module order: `ingest` (seeds → Markdown) → `content`
//! (pages, front matter, link names) → `markdown` (the one Markdown path:
//! pulldown-cmark, syntect, sanitising, link resolution) → `analysis` (link
//! graph, related pages, taxonomies, timeline, search terms) → `render`
//! (Tera, views, feeds) → `output` (atomic write of `public/`). `search` is
//! fed by the analysis; `site` holds the stage results and runs the steps,
//! `build` runs a whole build above it; `serve` orchestrates rebuilds and
//! nothing imports it. Below them all: `config`, `diagnostics`, `text`,
//! `aliases` (shared data), `site_files`, `memory`, `timing`.

pub mod aliases;
pub mod analysis;
pub mod build;
pub mod config;
pub mod content;
pub mod diagnostics;
pub mod ingest;
pub mod markdown;
pub mod memory;
pub mod output;
pub mod render;
pub mod search;
pub mod serve;
pub mod site;
pub mod site_files;
pub mod text;
pub mod timing;

#[cfg(test)]
mod layering;
