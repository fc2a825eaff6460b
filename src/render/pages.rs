//! Every HTML file of the site as a `Job`, rendered with Tera in parallel.
//!
//! A job names one output file (a page, a list, a taxonomy term, home,
//! search, timeline, graph, 404). Full builds render all jobs; `serve`
//! renders only the jobs an edit affects.

use rayon::prelude::*;

use super::batch::Batch;
use super::Model;

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

impl Model<'_> {
    /// How many list entries `job` shows (0 for a page of its own).
    pub fn list_len(&self, job: &Job) -> usize {
        let lists = &self.analysis.lists;
        match job {
            Job::Section(dir) => (self.library.pages.iter())
                .filter(|p| p.dir() == dir)
                .count(),
            Job::Tag(slug) => lists.tags.get(slug).map_or(0, |t| t.pages.len()),
            Job::Category(slug) => lists.categories.get(slug).map_or(0, |t| t.pages.len()),
            Job::Timeline => lists.timeline.len(),
            _ => 0,
        }
    }

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
        let (path, template) = self.job_context(job, batch, content, &mut ctx);
        let html = self.templates.render(&template, &ctx)?;
        Ok((path, html))
    }
}
