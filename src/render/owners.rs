//! One owner per output path, checked before anything is written: every
//! file the site would write (generated pages and feeds, section lists,
//! pages, copied static files, redirects for URL aliases) is claimed by one
//! source, and a second claim — an alias onto a page, a page where a
//! generated file goes, two pages with one slug, a file where another needs
//! a folder — is an error at the later source naming both. An alias that
//! leaves the output folder, and a `template` that does not exist, are
//! errors at the content file's line too.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::templates::THEME_STATIC;
use super::Model;
use crate::content::front_matter::line_of_key;
use crate::diagnostics::Diagnostic;

/// Who writes an output path, as the user is told.
#[derive(Debug, Clone)]
struct Owner {
    /// `content/wiki/lei-jun.md`, `the home page (generated)`…
    name: String,
    /// Where an error about this claim is reported (relative to the root).
    file: PathBuf,
    /// The front-matter key whose line the error points at, read from
    /// `source` only when there is an error.
    key: Option<(&'static str, PathBuf)>,
}

impl Owner {
    fn line(&self) -> Option<usize> {
        let (key, source) = self.key.as_ref()?;
        key_line(source, key)
    }
}

/// An alias's redirect: the page it points to and the file it is written as.
pub(crate) struct AliasFile {
    pub page: usize,
    pub file: String,
}

impl Model<'_> {
    /// Every conflict between output paths, alias outside the output and
    /// missing template, each with file and line.
    pub fn output_problems(&self) -> Vec<Diagnostic> {
        let mut problems = self.template_problems();
        problems.extend(self.claims().1);
        problems
    }

    /// The redirects to write: aliases that leave the output or meet
    /// another claim are left out (they are errors).
    pub(crate) fn alias_files(&self) -> Vec<AliasFile> {
        self.claims().0
    }

    /// Claims every output path in order (generated files, section lists,
    /// pages, static files, aliases); returns the aliases that own theirs
    /// and the problems.
    fn claims(&self) -> (Vec<AliasFile>, Vec<Diagnostic>) {
        let mut owners: HashMap<String, Owner> = HashMap::new();
        let mut problems = Vec::new();
        let mut claim = |path: String, owner: Owner, problems: &mut Vec<Diagnostic>| -> bool {
            let (taken, above) = match owners.get(&path) {
                Some(first) => (Some(first), None),
                None => match file_above(&owners, &path) {
                    Some((file, first)) => (Some(first), Some(file)),
                    None => (None, None),
                },
            };
            match taken {
                Some(first) => {
                    let clash = match above {
                        None => format!("would be written by {} and by {}", owner.name, first.name),
                        Some(file) => format!(
                            "would be written by {}, but `{file}` is a file written by {}",
                            owner.name, first.name
                        ),
                    };
                    problems.push(Diagnostic::error(
                        &owner.file,
                        owner.line(),
                        format!("`{path}` {clash}: one output path has one owner"),
                    ));
                    false
                }
                None => {
                    owners.insert(path, owner);
                    true
                }
            }
        };
        for (path, what) in self.generated_paths() {
            let owner = generated(&what);
            claim(path, owner, &mut problems);
        }
        for dir in self.section_dirs() {
            let file = self.library.section(&dir).and_then(|s| s.file.clone());
            let owner = match file {
                Some(f) => self.content_owner(&f, None, format!("the list of section `{dir}`")),
                None => generated(&format!("the list of section `{dir}`")),
            };
            claim(format!("{dir}/index.html"), owner, &mut problems);
        }
        let clashed: Vec<&PathBuf> = self
            .library
            .slug_clashes
            .iter()
            .map(|c| &c.second)
            .collect();
        for p in &self.library.pages {
            if clashed.contains(&&p.file) {
                continue; // reported below, with the slug
            }
            let owner = self.content_owner(&p.file, None, String::new());
            claim(format!("{}index.html", p.path), owner, &mut problems);
        }
        for c in &self.library.slug_clashes {
            let line = c.explicit.then(|| key_line(&c.second, "slug")).flatten();
            problems.push(Diagnostic::error(
                self.relative(&c.second),
                line.or(Some(1)),
                format!(
                    "`{}` is the URL of both {} and {}: give one of them another `slug`",
                    c.path,
                    self.relative(&c.first).display(),
                    self.relative(&c.second).display()
                ),
            ));
        }
        for rel in self.static_paths() {
            let owner = Owner {
                name: format!("static/{rel}"),
                file: PathBuf::from(format!("static/{rel}")),
                key: None,
            };
            claim(rel, owner, &mut problems);
        }
        let mut aliases = Vec::new();
        for (i, p) in self.library.pages.iter().enumerate() {
            for alias in p.redirect_aliases() {
                let key = Some("aliases");
                let owner = self.content_owner(&p.file, key, format!("alias `{alias}` of"));
                let file = alias_file(alias);
                if crate::output::safe_relative(&file).is_err() {
                    problems.push(Diagnostic::error(
                        &owner.file,
                        owner.line(),
                        format!("alias `{alias}` points outside the output folder"),
                    ));
                } else if claim(file.clone(), owner, &mut problems) {
                    aliases.push(AliasFile { page: i, file });
                }
            }
        }
        (aliases, problems)
    }

    /// A `template = "…"` that no theme or site template provides, at the
    /// content file's `template` line.
    fn template_problems(&self) -> Vec<Diagnostic> {
        let pages = self
            .library
            .pages
            .iter()
            .map(|p| (&p.meta.template, Some(&p.file)));
        let sections = self
            .library
            .sections
            .iter()
            .map(|s| (&s.meta.template, s.file.as_ref()));
        pages
            .chain(sections)
            .filter_map(|(template, file)| {
                let (name, file) = (template.as_deref()?, file?);
                (!self.templates.has(name)).then(|| {
                    Diagnostic::error(
                        self.relative(file),
                        key_line(file, "template"),
                        format!("template `{name}` does not exist (in templates/ or the theme)"),
                    )
                })
            })
            .collect()
    }

    /// What the site generates itself: (path, what it is).
    fn generated_paths(&self) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = [
            ("index.html", "the home page"),
            ("404.html", "the 404 page"),
            ("tags/index.html", "the tag list"),
            ("categories/index.html", "the category list"),
            ("search/index.html", "the search page"),
            ("search/index.json", "the search index"),
            ("timeline/index.html", "the timeline"),
            ("graph/index.html", "the link graph"),
            ("atom.xml", "the site feed"),
            ("sitemap.xml", "the sitemap"),
            ("robots.txt", "robots.txt"),
            (".nojekyll", ".nojekyll"),
            ("static/syntax-light.css", "the light syntax stylesheet"),
            ("static/syntax-dark.css", "the dark syntax stylesheet"),
        ]
        .iter()
        .map(|(p, w)| (p.to_string(), w.to_string()))
        .collect();
        for (name, _) in THEME_STATIC {
            out.push((format!("static/{name}"), format!("the theme's `{name}`")));
        }
        for t in &self.analysis.lists.tags.terms {
            let (page, feed) = (format!("tags/{}/", t.slug), &t.name);
            out.push((
                format!("{page}index.html"),
                format!("the page of tag `{feed}`"),
            ));
            out.push((
                format!("{page}atom.xml"),
                format!("the feed of tag `{feed}`"),
            ));
        }
        for t in &self.analysis.lists.categories.terms {
            out.push((
                format!("categories/{}/index.html", t.slug),
                format!("the page of category `{}`", t.name),
            ));
        }
        out
    }

    /// Paths under the output of the files copied from `static/`.
    fn static_paths(&self) -> Vec<String> {
        let dir = self.config.root.join("static");
        crate::site_files::files_under(&self.config.root, &dir, &mut |_| {})
            .into_iter()
            .filter_map(|p| {
                let rel = p.strip_prefix(&dir).ok()?;
                Some(rel.to_string_lossy().replace('\\', "/"))
            })
            .collect()
    }

    /// `file`'s claim (`what` says which part of it), its errors at `key`'s line.
    fn content_owner(&self, file: &Path, key: Option<&'static str>, what: String) -> Owner {
        let rel = self.relative(file);
        let name = match what.is_empty() {
            true => rel.display().to_string(),
            false if what.ends_with(" of") => format!("{what} {}", rel.display()),
            false => format!("{what} ({})", rel.display()),
        };
        Owner {
            name,
            file: rel,
            key: key.map(|k| (k, file.to_path_buf())),
        }
    }

    fn relative(&self, file: &Path) -> PathBuf {
        file.strip_prefix(&self.config.root)
            .unwrap_or(file)
            .to_path_buf()
    }
}

fn generated(what: &str) -> Owner {
    Owner {
        name: format!("{what} (generated)"),
        file: PathBuf::from("site.toml"),
        key: None,
    }
}

/// The claim on a file that `path` needs as a folder (`atom.xml` for
/// `atom.xml/index.html`), if any: (that file, its owner).
fn file_above<'a, 'p>(
    owners: &'a HashMap<String, Owner>,
    path: &'p str,
) -> Option<(&'p str, &'a Owner)> {
    path.match_indices('/')
        .find_map(|(i, _)| owners.get(&path[..i]).map(|o| (&path[..i], o)))
}

/// `/old/url/` → `old/url/index.html`; `/a.html` → `a.html`.
pub(crate) fn alias_file(alias: &str) -> String {
    let rel = alias.trim_start_matches('/');
    if rel.ends_with(".html") {
        rel.to_string()
    } else {
        format!("{}/index.html", rel.trim_end_matches('/'))
    }
}

/// The line of `key` in the header of `file` (read again: only on errors).
fn key_line(file: &Path, key: &str) -> Option<usize> {
    let text = std::fs::read_to_string(file).ok()?;
    line_of_key(&text, key)
}
