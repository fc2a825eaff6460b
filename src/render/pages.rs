//! Every HTML file of the site as a `Job`, rendered with Tera in parallel.
//!
//! A job names one output file (a page, a list, a taxonomy term, home,
//! search, timeline, graph, 404). Full builds render all jobs; `serve`
//! renders only the jobs an edit affects.

use std::borrow::Cow;
use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;

use super::context::{PageRef, TermView};
use crate::content::{PageKind, Section};
use crate::diagnostics::Diagnostic;
use crate::output::Output;
use crate::site::Site;

/// One output file.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Job {
    Page(usize),
    Section(String),
    Home,
    TagList,
    Tag(String),
    CategoryList,
    Category(String),
    Search,
    Timeline,
    Graph,
    NotFound,
}

/// Most recent case studies on the home page.
const HOME_LATEST: usize = 12;
/// Tags in the home page's tag cloud.
const HOME_TAGS: usize = 60;

#[derive(Serialize)]
struct ListView<'a> {
    title: String,
    description: String,
    content: String,
    url: String,
    pages: Vec<PageRef<'a>>,
}

impl Site {
    /// Every output file of the site, the longest first: a list of
    /// thousands of pages takes as long as hundreds of single pages, and
    /// started last it would leave the other cores idle at the end.
    pub fn all_jobs(&self) -> Vec<Job> {
        let mut jobs: Vec<Job> = self.section_dirs().into_iter().map(Job::Section).collect();
        jobs.extend(
            self.categories
                .terms
                .iter()
                .map(|t| Job::Category(t.slug.clone())),
        );
        let mut tags: Vec<&crate::content::taxonomy::Term> = self.tags.terms.iter().collect();
        tags.sort_by_key(|t| std::cmp::Reverse(t.pages.len()));
        jobs.extend(tags.into_iter().map(|t| Job::Tag(t.slug.clone())));
        jobs.extend([
            Job::Graph,
            Job::Timeline,
            Job::Home,
            Job::TagList,
            Job::CategoryList,
            Job::Search,
            Job::NotFound,
        ]);
        jobs.extend((0..self.library.pages.len()).map(Job::Page));
        jobs
    }

    /// Top-level folders with pages, plus folders with an `_index.md`.
    pub fn section_dirs(&self) -> Vec<String> {
        let mut dirs: std::collections::BTreeSet<&str> =
            self.library.pages.iter().map(|p| p.dir()).collect();
        dirs.extend(self.library.sections.iter().map(|s| s.dir.as_str()));
        dirs.into_iter()
            .filter(|d| !d.is_empty())
            .map(str::to_string)
            .collect()
    }

    /// Renders and writes `jobs` in parallel; returns the problems.
    pub fn render_jobs(&self, jobs: &[Job], out: &Output) -> Vec<Diagnostic> {
        let base = self.base_context();
        jobs.par_iter()
            .filter_map(|job| self.write_job(job, &base, None, out))
            .collect()
    }

    /// `jobs` (all of them) in a one-shot build. Each page's HTML moves into
    /// its own page job and is freed once the page is written, so rendering
    /// never holds every body and the output together; afterwards the bodies
    /// have no HTML. Lists and pages are rendered side by side.
    pub fn render_all_once(&mut self, jobs: &[Job], out: &Output) -> Vec<Diagnostic> {
        let html: Vec<String> = self
            .bodies
            .iter_mut()
            .map(|b| std::mem::take(&mut b.html))
            .collect();
        let site = &*self;
        let lists: Vec<Job> = jobs
            .iter()
            .filter(|j| !matches!(j, Job::Page(_)))
            .cloned()
            .collect();
        let base = site.base_context();
        let (mut problems, pages) = rayon::join(
            || site.render_jobs(&lists, out),
            || {
                html.into_par_iter()
                    .enumerate()
                    .filter_map(|(i, h)| site.write_job(&Job::Page(i), &base, Some(h), out))
                    .collect::<Vec<_>>()
            },
        );
        problems.extend(pages);
        problems
    }

    /// Renders one job (with `content` as a page's body HTML when given)
    /// and writes it; returns the problem, if any.
    fn write_job(
        &self,
        job: &Job,
        base: &Arc<tera::Context>,
        content: Option<String>,
        out: &Output,
    ) -> Option<Diagnostic> {
        let (path, html) = match self.render_job_with(job, base, content) {
            Ok(r) => r,
            Err(d) => return Some(d),
        };
        out.write(&path, &html)
            .err()
            .map(|e| Diagnostic::error(out.dir().join(&path), None, e.to_string()))
    }

    /// What every job's context falls back to (`site`), made once per batch
    /// and shared, not copied, by the jobs' contexts.
    pub fn base_context(&self) -> Arc<tera::Context> {
        let mut ctx = tera::Context::new();
        ctx.insert("site", &self.site_view());
        Arc::new(ctx)
    }

    /// The output path (under `public/`) and HTML of one job.
    pub fn render_job(
        &self,
        job: &Job,
        base: &Arc<tera::Context>,
    ) -> Result<(String, Vec<u8>), Diagnostic> {
        self.render_job_with(job, base, None)
    }

    fn render_job_with(
        &self,
        job: &Job,
        base: &Arc<tera::Context>,
        content: Option<String>,
    ) -> Result<(String, Vec<u8>), Diagnostic> {
        let mut ctx = tera::Context::with_shared(Arc::clone(base));
        let (path, template) = match job {
            Job::Page(i) => {
                let content = content.map_or_else(|| Cow::Borrowed(self.body_html(*i)), Cow::Owned);
                self.page_job(*i, content, &mut ctx)?
            }
            Job::Section(dir) => self.section_job(dir, &mut ctx),
            Job::Home => self.home_job(&mut ctx),
            Job::TagList => self.tag_list_job(&mut ctx),
            Job::Tag(slug) => self.term_job("tags", slug, &mut ctx),
            Job::CategoryList => self.category_list_job(&mut ctx),
            Job::Category(slug) => self.term_job("categories", slug, &mut ctx),
            Job::Search => ("search/index.html".into(), "search.html".into()),
            Job::Timeline => self.timeline_job(&mut ctx),
            Job::Graph => {
                ctx.insert("graph", &self.graph_svg());
                ("graph/index.html".into(), "graph.html".into())
            }
            Job::NotFound => ("404.html".into(), "404.html".into()),
        };
        let current = path.trim_end_matches("index.html");
        ctx.insert("current_path", current);
        ctx.insert("current_url", &self.url(current));
        ctx.insert("current_permalink", &self.permalink(current));
        if !ctx.contains_key("lang") {
            ctx.insert("lang", &self.config.language);
        }
        let html = self.templates.render(&template, &ctx)?;
        Ok((path, html))
    }

    fn page_job(
        &self,
        i: usize,
        content: Cow<'_, str>,
        ctx: &mut tera::Context,
    ) -> Result<(String, String), Diagnostic> {
        let p = &self.library.pages[i];
        let view = self.page_view_with(i, content).into_value().map_err(|e| {
            Diagnostic::error(&p.file, None, format!("cannot make the template view: {e}"))
        })?;
        ctx.insert_value("page", view);
        ctx.insert("lang", &p.lang);
        let template = p
            .meta
            .template
            .clone()
            .unwrap_or_else(|| "page.html".into());
        Ok((format!("{}index.html", p.path), template))
    }

    fn section_job(&self, dir: &str, ctx: &mut tera::Context) -> (String, String) {
        let sec = self
            .library
            .section(dir)
            .cloned()
            .unwrap_or_else(|| Section {
                dir: dir.into(),
                ..Default::default()
            });
        let mut pages: Vec<usize> = self
            .order
            .iter()
            .copied()
            .filter(|&i| self.library.pages[i].dir() == dir)
            .collect();
        if self
            .library
            .pages
            .iter()
            .any(|p| p.dir() == dir && p.meta.weight.is_some())
        {
            pages.sort_by_key(|&i| self.library.pages[i].meta.weight.unwrap_or(i64::MAX));
        }
        let title = self.section_title(dir);
        let view = ListView {
            title,
            description: sec.meta.description.clone(),
            content: self.section_content(&sec),
            url: self.url(&format!("{dir}/")),
            pages: pages.iter().map(|&i| self.page_ref(i)).collect(),
        };
        ctx.insert("section", &view);
        (
            format!("{dir}/index.html"),
            sec.meta.template.unwrap_or_else(|| "section.html".into()),
        )
    }

    /// A section's `_index.md` title, else its folder name in title case.
    pub fn section_title(&self, dir: &str) -> String {
        match self.library.section(dir) {
            Some(s) if !s.meta.title.is_empty() => s.meta.title.clone(),
            _ => title_case(dir),
        }
    }

    fn section_content(&self, sec: &Section) -> String {
        let mut html = String::new();
        let parser = pulldown_cmark::Parser::new(&sec.body).map(super::markdown::escape_raw_html);
        pulldown_cmark::html::push_html(&mut html, parser);
        html
    }

    fn home_job(&self, ctx: &mut tera::Context) -> (String, String) {
        let latest: Vec<PageRef> = self
            .order
            .iter()
            .filter(|&&i| self.library.pages[i].kind == PageKind::CaseStudy)
            .take(HOME_LATEST)
            .map(|&i| self.page_ref(i))
            .collect();
        let mut cloud: Vec<TermView> = self
            .tags
            .terms
            .iter()
            .map(|t| self.tag_view(&t.name))
            .collect();
        cloud.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
        cloud.truncate(HOME_TAGS);
        cloud.sort_by_cached_key(|t| t.name.to_lowercase());
        let home = self.library.section("");
        ctx.insert("latest", &latest);
        ctx.insert("tag_cloud", &cloud);
        ctx.insert(
            "intro",
            &home.map(|s| self.section_content(s)).unwrap_or_default(),
        );
        ("index.html".into(), "index.html".into())
    }

    fn tag_list_job(&self, ctx: &mut tera::Context) -> (String, String) {
        let terms: Vec<TermView> = self
            .tags
            .terms
            .iter()
            .map(|t| self.tag_view(&t.name))
            .collect();
        ctx.insert(
            "taxonomy",
            &serde_json::json!({"name": "tags", "title": "Tags · 标签"}),
        );
        ctx.insert("terms", &terms);
        ("tags/index.html".into(), "taxonomy_list.html".into())
    }

    fn category_list_job(&self, ctx: &mut tera::Context) -> (String, String) {
        let terms: Vec<TermView> = self
            .categories
            .terms
            .iter()
            .filter_map(|t| self.category_view(&t.slug))
            .collect();
        ctx.insert(
            "taxonomy",
            &serde_json::json!({"name": "categories", "title": "Categories · 分类"}),
        );
        ctx.insert("terms", &terms);
        ("categories/index.html".into(), "taxonomy_list.html".into())
    }

    fn term_job(&self, taxonomy: &str, slug: &str, ctx: &mut tera::Context) -> (String, String) {
        let (tax, title) = if taxonomy == "tags" {
            (&self.tags, "Tags · 标签")
        } else {
            (&self.categories, "Categories · 分类")
        };
        let term = tax.get(slug);
        let view = if taxonomy == "tags" {
            term.map(|t| self.tag_view(&t.name))
        } else {
            self.category_view(slug)
        };
        let pages: Vec<PageRef> = term
            .map(|t| t.pages.iter().map(|&i| self.page_ref(i)).collect())
            .unwrap_or_default();
        ctx.insert("taxonomy", &serde_json::json!({"name": taxonomy, "title": title, "url": self.url(&format!("{taxonomy}/"))}));
        ctx.insert("term", &view);
        ctx.insert("pages", &pages);
        ctx.insert(
            "feed_url",
            &self.url(&format!("{taxonomy}/{slug}/atom.xml")),
        );
        (
            format!("{taxonomy}/{slug}/index.html"),
            "taxonomy_term.html".into(),
        )
    }

    fn timeline_job(&self, ctx: &mut tera::Context) -> (String, String) {
        let entries: Vec<serde_json::Value> = self
            .timeline
            .iter()
            .map(|e| {
                serde_json::json!({"date": e.date, "year": e.year, "sentence": e.sentence, "page": self.page_ref(e.page)})
            })
            .collect();
        ctx.insert("entries", &entries);
        ("timeline/index.html".into(), "timeline.html".into())
    }
}

fn title_case(dir: &str) -> String {
    let last = dir.rsplit('/').next().unwrap_or(dir).replace('-', " ");
    let mut c = last.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}
