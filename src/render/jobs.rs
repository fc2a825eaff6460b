//! The context of each job: what its template gets, built once for
//! rendering and for prints alike (see `batch::Parts`).

use serde::Serialize;

use super::batch::Parts;
use super::context::TermView;
use super::pages::Job;
use super::Model;
use crate::content::{PageKind, Section};

/// Most recent case studies on the home page.
const HOME_LATEST: usize = 12;
/// Tags in the home page's tag cloud.
const HOME_TAGS: usize = 60;

#[derive(Serialize)]
struct ListView<P> {
    title: String,
    description: String,
    content: String,
    url: String,
    /// `PageRef`s.
    pages: P,
}

/// One dated event of the timeline.
#[derive(Serialize)]
struct TimelineView<'a, P> {
    date: &'a str,
    year: &'a str,
    sentence: &'a str,
    page: P,
}

impl Model<'_> {
    /// Puts what `job`'s template gets into `sink` (with `content` as a
    /// page's body HTML when given); returns the output path (under
    /// `public/`) and the template.
    pub fn job_context<P: Parts>(
        &self,
        job: &Job,
        parts: &P,
        content: Option<&str>,
        sink: &mut P::Sink,
    ) -> (String, String) {
        let mut lang = self.config.language.as_str();
        let (path, template) = match job {
            Job::Page(i) => {
                lang = &self.library.pages[*i].lang;
                self.page_job(*i, content, parts, sink)
            }
            Job::Section(dir) => self.section_job(dir, parts, sink),
            Job::Home => self.home_job(parts, sink),
            Job::TagList => self.tag_list_job::<P>(sink),
            Job::Tag(slug) => self.term_job("tags", slug, parts, sink),
            Job::CategoryList => self.category_list_job::<P>(sink),
            Job::Category(slug) => self.term_job("categories", slug, parts, sink),
            Job::Search => ("search/index.html".into(), "search.html".into()),
            Job::Timeline => self.timeline_job(parts, sink),
            Job::Graph => {
                P::put_part(sink, "graph", parts.graph());
                ("graph/index.html".into(), "graph.html".into())
            }
            Job::NotFound => ("404.html".into(), "404.html".into()),
        };
        P::put_part(sink, "site", parts.site(&template));
        let current = path.trim_end_matches("index.html");
        P::put(sink, "current_path", current);
        P::put(sink, "current_url", &self.url(current));
        P::put(sink, "current_permalink", &self.permalink(current));
        P::put(sink, "lang", lang);
        (path, template)
    }

    fn page_job<P: Parts>(
        &self,
        i: usize,
        content: Option<&str>,
        parts: &P,
        sink: &mut P::Sink,
    ) -> (String, String) {
        let p = &self.library.pages[i];
        P::put(sink, "page", &self.page_view(i, content, parts));
        let template = p
            .meta
            .template
            .clone()
            .unwrap_or_else(|| "page.html".into());
        (format!("{}index.html", p.path), template)
    }

    fn section_job<P: Parts>(&self, dir: &str, parts: &P, sink: &mut P::Sink) -> (String, String) {
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
            pages: parts.page_refs(pages),
        };
        P::put(sink, "section", &view);
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

    fn home_job<P: Parts>(&self, parts: &P, sink: &mut P::Sink) -> (String, String) {
        let latest = parts.page_refs(
            self.analysis
                .lists
                .order
                .iter()
                .copied()
                .filter(|&i| self.library.pages[i].kind == PageKind::CaseStudy)
                .take(HOME_LATEST),
        );
        let mut cloud: Vec<TermView> = self.tag_term_views();
        cloud.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
        cloud.truncate(HOME_TAGS);
        cloud.sort_by_cached_key(|t| t.name.to_lowercase());
        P::put_part(sink, "latest", latest);
        P::put(sink, "tag_cloud", &cloud);
        P::put(sink, "intro", &self.section_content(""));
        ("index.html".into(), "index.html".into())
    }

    fn tag_list_job<P: Parts>(&self, sink: &mut P::Sink) -> (String, String) {
        let terms: Vec<TermView> = self.tag_term_views();
        P::put(
            sink,
            "taxonomy",
            &serde_json::json!({"name": "tags", "title": "Tags · 标签"}),
        );
        P::put(sink, "terms", &terms);
        ("tags/index.html".into(), "taxonomy_list.html".into())
    }

    fn category_list_job<P: Parts>(&self, sink: &mut P::Sink) -> (String, String) {
        let terms: Vec<TermView> = self.category_term_views();
        P::put(
            sink,
            "taxonomy",
            &serde_json::json!({"name": "categories", "title": "Categories · 分类"}),
        );
        P::put(sink, "terms", &terms);
        ("categories/index.html".into(), "taxonomy_list.html".into())
    }

    fn term_job<P: Parts>(
        &self,
        taxonomy: &str,
        slug: &str,
        parts: &P,
        sink: &mut P::Sink,
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
        let pages = parts.page_refs(
            term.map(|t| t.pages.as_slice())
                .unwrap_or_default()
                .iter()
                .copied(),
        );
        P::put(
            sink,
            "taxonomy",
            &serde_json::json!({"name": taxonomy, "title": title, "url": self.url(&format!("{taxonomy}/"))}),
        );
        P::put(sink, "term", &view);
        P::put_part(sink, "pages", pages);
        P::put(
            sink,
            "feed_url",
            &self.url(&format!("{taxonomy}/{slug}/atom.xml")),
        );
        (
            format!("{taxonomy}/{slug}/index.html"),
            "taxonomy_term.html".into(),
        )
    }

    fn timeline_job<P: Parts>(&self, parts: &P, sink: &mut P::Sink) -> (String, String) {
        let entries: Vec<TimelineView<P::Part>> = self
            .analysis
            .lists
            .timeline
            .iter()
            .map(|e| TimelineView {
                date: &e.date,
                year: &e.year,
                sentence: &e.sentence,
                page: parts.page_ref(e.page),
            })
            .collect();
        P::put(sink, "entries", &entries);
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
