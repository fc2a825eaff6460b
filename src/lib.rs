//! casewiki: a static site generator that turns raw, noisy articles into a
//! cross-linked, bilingual case-study wiki.
//!
//! The pipeline, in module order: `ingest` (seeds → Markdown) → `content`
//! (pages, front matter, link graph) → `render` (Markdown, highlighting,
//! templates) → `output` (atomic write of `public/`). `search` is fed by the
//! pipeline; `serve` orchestrates rebuilds and nothing imports it.

pub mod build;
pub mod config;
pub mod content;
pub mod corpus;
pub mod diagnostics;
pub mod ingest;
pub mod memory;
pub mod output;
pub mod render;
pub mod search;
pub mod serve;
pub mod site;
pub mod site_files;
pub mod text;
