//! Rendering: pages (Tera), feeds, sitemap, static assets and the
//! link-graph pictures, each from the stages before it.
//!
//! Every renderer reads a `Model`: configuration, library, analysis and
//! templates, borrowed. Render never reaches back into the site that owns
//! them, so it can be called from a full build, `serve` or a test alike.

pub mod batch;
pub mod context;
pub mod feeds;
pub mod graph_svg;
pub mod includes;
pub mod jobs;
pub mod owners;
pub mod pages;
pub mod reads;
pub mod templates;
pub mod xml;

pub use crate::markdown::sanitize;

use crate::analysis::Analysis;
use crate::config::Config;
use crate::content::Library;
use templates::Templates;

/// What rendering reads: the results of the stages before it.
#[derive(Clone, Copy)]
pub struct Model<'a> {
    pub config: &'a Config,
    pub library: &'a Library,
    pub analysis: &'a Analysis,
    pub templates: &'a Templates,
}
