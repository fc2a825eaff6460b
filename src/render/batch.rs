//! The parts views share, and the two ways of giving them.
//!
//! A job's context is built by one piece of code (`jobs`) over `Parts`:
//! rendering (`Batch`) gives each shared part as a template value; a print
//! pass (in `site`) gives the same parts as hashes, so an output's print is
//! derived from the very context its template gets.
//!
//! Tera keeps lists and maps behind reference counts, so a value made once
//! is handed to any number of page contexts without copying. A page appears
//! in related lists, backlinks, tag, category and section lists; its entry
//! is serialised the first time one of them needs it and shared after that.
//! (Entries are made on demand, so a `serve` rebuild of one page pays for
//! the few entries that page shows, not for the whole site.)

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Serialize;
use tera::Value;

use super::Model;

/// What the views of one render share, and where the context goes.
pub trait Parts: Sync {
    /// A shared part: a template value, or the print of one.
    type Part: Serialize + Clone;
    /// Where a job's context is collected.
    type Sink: Default;

    fn put<T: Serialize + ?Sized>(sink: &mut Self::Sink, key: &'static str, value: &T);
    fn put_part(sink: &mut Self::Sink, key: &'static str, part: Self::Part);

    /// `site` in every template (`SiteView`), for a job rendered with
    /// `template` (a print takes only the fields that template reads).
    fn site(&self, template: &str) -> Self::Part;
    /// Page `i` as lists show it (`PageRef`).
    fn page_ref(&self, i: usize) -> Self::Part;
    /// Page `i` as a bare link (`LinkRef`, as backlink lists show it).
    fn link_ref(&self, i: usize) -> Self::Part;
    /// Tag `name` as pages show it (`TermLink`).
    fn tag(&self, name: &str) -> Self::Part;
    /// What page `i`'s view holds of the page alone (`PageOwn`).
    fn own(&self, i: usize) -> Self::Part;
    /// Page `i`'s body HTML (`content` when given).
    fn body(&self, i: usize, content: Option<&str>) -> Self::Part;
    /// The picture of page `i` and its neighbours.
    fn neighbourhood(&self, i: usize) -> Self::Part;
    /// The picture of the whole link graph.
    fn graph(&self) -> Self::Part;
    fn list(&self, parts: Vec<Self::Part>) -> Self::Part;

    /// The list entries of `pages`, in order.
    fn page_refs(&self, pages: impl IntoIterator<Item = usize>) -> Self::Part {
        self.list(pages.into_iter().map(|i| self.page_ref(i)).collect())
    }

    /// The bare links of `pages`, in order.
    fn link_refs(&self, pages: impl IntoIterator<Item = usize>) -> Self::Part {
        self.list(pages.into_iter().map(|i| self.link_ref(i)).collect())
    }
}

/// Values shared by the jobs of one render.
pub struct Batch<'a> {
    model: Model<'a>,
    site_value: Value,
    page_refs: Vec<OnceLock<Value>>,
    link_refs: Vec<OnceLock<Value>>,
    tags: Tags<'a, Value>,
}

/// One cell per tag name pages use, filled the first time a page shows it.
pub struct Tags<'a, T>(HashMap<&'a str, OnceLock<T>>);

impl<'a, T: Clone> Tags<'a, T> {
    /// Cells for the tag names of `model`'s pages.
    pub fn new(model: Model<'a>) -> Tags<'a, T> {
        let names = model.analysis.lists.tag_links.keys();
        Tags(names.map(|k| (k.as_str(), OnceLock::new())).collect())
    }

    /// The value for tag `name`, made by `make` the first time.
    pub fn get(&self, name: &str, make: impl FnOnce() -> T) -> T {
        match self.0.get(name) {
            Some(cell) => cell.get_or_init(make).clone(),
            None => make(),
        }
    }
}

impl<'a> Batch<'a> {
    pub fn new(model: Model<'a>) -> Batch<'a> {
        let pages = model.library.pages.len();
        Batch {
            model,
            site_value: Value::from_serializable(&model.site_view()),
            page_refs: (0..pages).map(|_| OnceLock::new()).collect(),
            link_refs: (0..pages).map(|_| OnceLock::new()).collect(),
            tags: Tags::new(model),
        }
    }
}

impl Parts for Batch<'_> {
    type Part = Value;
    type Sink = tera::Context;

    fn put<T: Serialize + ?Sized>(sink: &mut tera::Context, key: &'static str, value: &T) {
        sink.insert(key, value);
    }

    fn put_part(sink: &mut tera::Context, key: &'static str, part: Value) {
        sink.insert_value(key, part);
    }

    fn site(&self, _template: &str) -> Value {
        self.site_value.clone()
    }

    fn page_ref(&self, i: usize) -> Value {
        cached(&self.page_refs[i], || self.model.page_ref(i))
    }

    fn link_ref(&self, i: usize) -> Value {
        cached(&self.link_refs[i], || self.model.link_ref(i))
    }

    fn tag(&self, name: &str) -> Value {
        (self.tags).get(name, || {
            Value::from_serializable(&self.model.page_tag(name))
        })
    }

    fn own(&self, i: usize) -> Value {
        Value::from_serializable(&self.model.page_own(i))
    }

    fn body(&self, i: usize, content: Option<&str>) -> Value {
        Value::from(content.unwrap_or_else(|| self.model.analysis.body_html(i)))
    }

    fn neighbourhood(&self, i: usize) -> Value {
        Value::from(self.model.neighbourhood_svg(i))
    }

    fn graph(&self) -> Value {
        Value::from_serializable(&self.model.graph_svg())
    }

    fn list(&self, parts: Vec<Value>) -> Value {
        Value::from(parts)
    }
}

/// The value in `cell`, serialised from `view()` the first time.
fn cached<T: Serialize>(cell: &OnceLock<Value>, view: impl FnOnce() -> T) -> Value {
    cell.get_or_init(|| Value::from_serializable(&view()))
        .clone()
}
