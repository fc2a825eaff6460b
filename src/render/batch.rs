//! What the jobs of one render share: the site view and every page's list
//! entry as template values.
//!
//! Tera keeps lists and maps behind reference counts, so a value made once
//! is handed to any number of page contexts without copying. A page appears
//! in related lists, backlinks, tag, category and section lists; its entry
//! is serialised the first time one of them needs it and shared after that.
//! (Entries are made on demand, so a `serve` rebuild of one page pays for
//! the few entries that page shows, not for the whole site.)

use std::sync::OnceLock;

use serde::Serialize;
use tera::Value;

use super::Model;

/// Values shared by the jobs of one render.
pub struct Batch<'a> {
    model: Model<'a>,
    /// `site` in every template.
    pub site_value: Value,
    page_refs: Vec<OnceLock<Value>>,
    link_refs: Vec<OnceLock<Value>>,
}

impl<'a> Batch<'a> {
    pub fn new(model: Model<'a>) -> Batch<'a> {
        let pages = model.library.pages.len();
        Batch {
            model,
            site_value: Value::from_serializable(&model.site_view()),
            page_refs: (0..pages).map(|_| OnceLock::new()).collect(),
            link_refs: (0..pages).map(|_| OnceLock::new()).collect(),
        }
    }

    /// Page `i` as lists show it (`PageRef`).
    pub fn page_ref(&self, i: usize) -> Value {
        cached(&self.page_refs[i], || self.model.page_ref(i))
    }

    /// Page `i` as a bare link (`LinkRef`, as backlink lists show it).
    pub fn link_ref(&self, i: usize) -> Value {
        cached(&self.link_refs[i], || self.model.link_ref(i))
    }

    /// The list entries of `pages`, in order.
    pub fn page_refs(&self, pages: impl IntoIterator<Item = usize>) -> Value {
        list(pages, |i| self.page_ref(i))
    }

    /// The bare links of `pages`, in order.
    pub fn link_refs(&self, pages: impl IntoIterator<Item = usize>) -> Value {
        list(pages, |i| self.link_ref(i))
    }
}

/// The value in `cell`, serialised from `view()` the first time.
fn cached<T: Serialize>(cell: &OnceLock<Value>, view: impl FnOnce() -> T) -> Value {
    cell.get_or_init(|| Value::from_serializable(&view()))
        .clone()
}

fn list(pages: impl IntoIterator<Item = usize>, entry: impl Fn(usize) -> Value) -> Value {
    Value::from(pages.into_iter().map(entry).collect::<Vec<_>>())
}
