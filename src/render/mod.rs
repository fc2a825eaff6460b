//! Rendering: Markdown bodies (pulldown-cmark + syntect), pages (Tera),
//! feeds, sitemap, static assets and the link-graph pictures.

pub mod batch;
pub mod context;
pub mod feeds;
pub mod graph_svg;
pub mod highlight;
pub mod includes;
pub mod markdown;
pub mod pages;
pub mod safe_events;
pub mod sanitize;
pub mod templates;
pub mod xml;
