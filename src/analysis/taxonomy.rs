//! Taxonomies: tags and categories, with the pages in each term.
//!
//! Tags that differ only in case or punctuation (`Word of mouth`,
//! `word-of-mouth`) share a slug and are one term, shown with the first
//! spelling met. Categories are the fixed set from the configuration, so the
//! category pages exist even when empty.

use foldhash::HashMap;

use serde::Serialize;

use crate::config::Config;
use crate::content::slug::slugify;
use crate::content::Library;

/// One tag or category and its pages (indices into the library, newest first).
#[derive(Debug, Clone, Serialize)]
pub struct Term {
    pub name: String,
    pub slug: String,
    #[serde(skip)]
    pub pages: Vec<usize>,
}

#[derive(Debug, Clone, Default)]
pub struct Taxonomy {
    pub terms: Vec<Term>,
    by_slug: HashMap<String, usize>,
}

impl Taxonomy {
    /// Tags of all pages, sorted by name.
    pub fn tags(lib: &Library, order: &[usize]) -> Taxonomy {
        let mut tax = Taxonomy::default();
        for &i in order {
            for tag in &lib.pages[i].tags {
                tax.add(tag, i);
            }
        }
        tax.terms.sort_by_cached_key(|t| t.name.to_lowercase());
        tax.reindex();
        tax
    }

    /// The configured categories, in configuration order.
    pub fn categories(lib: &Library, config: &Config, order: &[usize]) -> Taxonomy {
        let mut tax = Taxonomy::default();
        for c in &config.categories {
            tax.terms.push(Term {
                name: c.name.clone(),
                slug: c.slug.clone(),
                pages: Vec::new(),
            });
        }
        tax.reindex();
        for &i in order {
            if let Some(slug) = &lib.pages[i].category {
                if let Some(&t) = tax.by_slug.get(slug) {
                    tax.terms[t].pages.push(i);
                }
            }
        }
        tax
    }

    fn add(&mut self, name: &str, page: usize) {
        let slug = slugify(name);
        if slug.is_empty() {
            return;
        }
        let t = match self.by_slug.get(&slug) {
            Some(&t) => t,
            None => {
                self.terms.push(Term {
                    name: name.to_string(),
                    slug: slug.clone(),
                    pages: Vec::new(),
                });
                self.by_slug.insert(slug, self.terms.len() - 1);
                self.terms.len() - 1
            }
        };
        if !self.terms[t].pages.contains(&page) {
            self.terms[t].pages.push(page);
        }
    }

    fn reindex(&mut self) {
        self.by_slug = self
            .terms
            .iter()
            .enumerate()
            .map(|(i, t)| (t.slug.clone(), i))
            .collect();
    }

    pub fn get(&self, slug: &str) -> Option<&Term> {
        self.by_slug.get(slug).map(|&i| &self.terms[i])
    }
}
