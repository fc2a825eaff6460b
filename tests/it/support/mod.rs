//! Shared test helpers: running `site`, copying fixture sites.

pub mod browser;
