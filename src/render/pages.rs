//! Every HTML file of the site as a `Job`, rendered with Tera in parallel.
//!
//! A job names one output file (a page, a list, a taxonomy term, home,
//! search, timeline, graph, 404). Full builds render all jobs; `serve`
//! renders only the jobs an edit affects.

use rayon::prelude::*;
use serde::Serialize;

use super::batch::Batch;
use super::context::TermView;
use super::Model;
use crate::content::{PageKind, Section};
use crate::diagnostics::Diagnostic;
use crate::output::Output;

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
struct ListView {
    title: String,
    description: String,
    content: String,
    url: String,
    /// `PageRef`s.
    pages: tera::Value,
}

/// One dated event of the timeline.
#[derive(Serialize)]
struct TimelineView<'a> {
    date: &'a str,
    year: &'a str,
    sentence: &'a str,
    page: tera::Value,
}

impl Model<'_> {
    /// Every output file of the site, the longest first: a list of
    /// thousands of pages takes as long as hundreds of single pages, and
    /// started last it would leave the other cores idle at the end.
    pub fn all_jobs(&self) -> Vec<Job> {
        let mut jobs: Vec<Job> = self.section_dirs().into_iter().map(Job::Section).collect();
        jobs.extend(
            self.analysis
                .lists
                .categories
                .terms
                .iter()
                .map(|t| Job::Category(t.slug.clone())),
        );
        let mut tags: Vec<&crate::analysis::taxonomy::Term> =
            self.analysis.lists.tags.terms.iter().collect();
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
        self.render_batch(jobs, &Batch::new(*self), out)
    }

    fn render_batch(&self, jobs: &[Job], batch: &Batch, out: &Output) -> Vec<Diagnostic> {
        jobs.par_iter()
            .filter_map(|job| self.write_job(job, batch, None, out))
            .collect()
    }

    /// `jobs` (all of them) in a one-shot build, with `html` the bodies'
    /// HTML taken out of the analysis. Each page's HTML moves into its own
    /// page job and is freed once the page is written, so rendering never
    /// holds every body and the output together. Lists and pages are
    /// rendered side by side.
    pub fn render_all_once(
        &self,
        jobs: &[Job],
        html: Vec<String>,
        out: &Output,
    ) -> Vec<Diagnostic> {
        let lists: Vec<Job> = jobs
            .iter()
            .filter(|j| !matches!(j, Job::Page(_)))
            .cloned()
            .collect();
        let batch = Batch::new(*self);
        let (mut problems, pages) = rayon::join(
            || self.render_batch(&lists, &batch, out),
            || {
                html.into_par_iter()
                    .enumerate()
                    .filter_map(|(i, h)| self.write_job(&Job::Page(i), &batch, Some(&h), out))
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
        batch: &Batch,
        content: Option<&str>,
        out: &Output,
    ) -> Option<Diagnostic> {
        let (path, html) = match self.render_job_with(job, batch, content) {
            Ok(r) => r,
            Err(d) => return Some(d),
        };
        out.write(&path, &html)
            .err()
            .map(|e| Diagnostic::error(out.dir().join(&path), None, e.to_string()))
    }

    /// The output path (under `public/`) and HTML of one job.
    pub fn render_job(&self, job: &Job, batch: &Batch) -> Result<(String, Vec<u8>), Diagnostic> {
        self.render_job_with(job, batch, None)
    }

    fn render_job_with(
        &self,
        job: &Job,
        batch: &Batch,
        content: Option<&str>,
    ) -> Result<(String, Vec<u8>), Diagnostic> {
        let mut ctx = tera::Context::new();
        ctx.insert_value("site", batch.site_value.clone());
        let (path, template) = match job {
            Job::Page(i) => {
                let content = content.unwrap_or_else(|| self.analysis.body_html(*i));
                self.page_job(*i, content, batch, &mut ctx)
            }
            Job::Section(dir) => self.section_job(dir, batch, &mut ctx),
            Job::Home => self.home_job(batch, &mut ctx),
            Job::TagList => self.tag_list_job(&mut ctx),
            Job::Tag(slug) => self.term_job("tags", slug, batch, &mut ctx),
            Job::CategoryList => self.category_list_job(&mut ctx),
            Job::Category(slug) => self.term_job("categories", slug, batch, &mut ctx),
            Job::Search => ("search/index.html".into(), "search.html".into()),
            Job::Timeline => self.timeline_job(batch, &mut ctx),
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
        content: &str,
        batch: &Batch,
        ctx: &mut tera::Context,
    ) -> (String, String) {
        let p = &self.library.pages[i];
        ctx.insert("page", &self.page_view(i, content, batch));
        ctx.insert("lang", &p.lang);
        let template = p
            .meta
            .template
            .clone()
            .unwrap_or_else(|| "page.html".into());
        (format!("{}index.html", p.path), template)
    }

    fn section_job(&self, dir: &str, batch: &Batch, ctx: &mut tera::Context) -> (String, String) {
        let sec = self
            .library
            .section(dir)
            .cloned()
            .unwrap_or_else(|| Section {
                dir: dir.into(),
                ..Default::default()
            });
        let mut pages: Vec<usize> = self
            .analysis
            .lists
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
            content: self.section_content(dir),
            url: self.url(&format!("{dir}/")),
            pages: batch.page_refs(pages),
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

    /// The intro of the section in `dir` (its `_index.md` body, through
    /// the Markdown path in the analysis).
    fn section_content(&self, dir: &str) -> String {
        self.library
            .sections
            .iter()
            .position(|s| s.dir == dir)
            .and_then(|k| self.analysis.sections.get(k))
            .map(|b| b.html.clone())
            .unwrap_or_default()
    }

    fn home_job(&self, batch: &Batch, ctx: &mut tera::Context) -> (String, String) {
        let latest = batch.page_refs(
            self.analysis
                .lists
                .order
                .iter()
                .copied()
                .filter(|&i| self.library.pages[i].kind == PageKind::CaseStudy)
                .take(HOME_LATEST),
        );
        let mut cloud: Vec<TermView> = self
            .analysis
            .lists
            .tags
            .terms
            .iter()
            .map(|t| self.tag_view(&t.name))
            .collect();
        cloud.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
        cloud.truncate(HOME_TAGS);
        cloud.sort_by_cached_key(|t| t.name.to_lowercase());
        ctx.insert_value("latest", latest);
        ctx.insert("tag_cloud", &cloud);
        ctx.insert("intro", &self.section_content(""));
        ("index.html".into(), "index.html".into())
    }

    fn tag_list_job(&self, ctx: &mut tera::Context) -> (String, String) {
        let terms: Vec<TermView> = self
            .analysis
            .lists
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
            .analysis
            .lists
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

    fn term_job(
        &self,
        taxonomy: &str,
        slug: &str,
        batch: &Batch,
        ctx: &mut tera::Context,
    ) -> (String, String) {
        let (tax, title) = if taxonomy == "tags" {
            (&self.analysis.lists.tags, "Tags · 标签")
        } else {
            (&self.analysis.lists.categories, "Categories · 分类")
        };
        let term = tax.get(slug);
        let view = if taxonomy == "tags" {
            term.map(|t| self.tag_view(&t.name))
        } else {
            self.category_view(slug)
        };
        let pages = batch.page_refs(
            term.map(|t| t.pages.as_slice())
                .unwrap_or_default()
                .iter()
                .copied(),
        );
        ctx.insert("taxonomy", &serde_json::json!({"name": taxonomy, "title": title, "url": self.url(&format!("{taxonomy}/"))}));
        ctx.insert("term", &view);
        ctx.insert_value("pages", pages);
        ctx.insert(
            "feed_url",
            &self.url(&format!("{taxonomy}/{slug}/atom.xml")),
        );
        (
            format!("{taxonomy}/{slug}/index.html"),
            "taxonomy_term.html".into(),
        )
    }

    fn timeline_job(&self, batch: &Batch, ctx: &mut tera::Context) -> (String, String) {
        let entries: Vec<TimelineView> = self
            .analysis
            .lists
            .timeline
            .iter()
            .map(|e| TimelineView {
                date: &e.date,
                year: &e.year,
                sentence: &e.sentence,
                page: batch.page_ref(e.page),
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
