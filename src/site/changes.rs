//! What a changed file means for the site: content, a template, a static
//! file, a seed or the configuration. Pure path logic, so `serve` and the
//! incremental rebuild agree on it and it can be tested without a disk.

use std::path::{Path, PathBuf};

use crate::config::Config;

/// One changed path, by what it feeds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// A Markdown file (or a folder of them) under `content/`.
    Content(PathBuf),
    /// A template of the site or its theme.
    Template,
    /// A file copied as is: `src` on disk, `dest` relative to the output.
    Static { src: PathBuf, dest: String },
    /// A raw article under `seeds/`.
    Seed,
    /// `site.toml`.
    Config,
    /// Anything else (editor droppings, other folders).
    Ignored,
}

/// Editors' temporary, backup and swap files (vim, emacs, JetBrains, VS Code…).
pub fn is_editor_temp(path: &Path) -> bool {
    let Some(name) = path.file_name().map(|n| n.to_string_lossy()) else {
        return true;
    };
    let lower = name.to_ascii_lowercase();
    name == "4913"
        || name.ends_with('~')
        || name.starts_with(".#")
        || (name.starts_with('#') && name.ends_with('#'))
        || name.contains("___jb_tmp___")
        || name.contains("___jb_old___")
        || [".swp", ".swo", ".swx", ".tmp", ".bak", ".crswap", ".part"]
            .iter()
            .any(|ext| lower.ends_with(ext))
        || name == ".DS_Store"
}

/// Classifies `path` (absolute, under `config.root`).
pub fn classify(config: &Config, path: &Path) -> Change {
    if is_editor_temp(path) {
        return Change::Ignored;
    }
    let Ok(rel) = path.strip_prefix(&config.root) else {
        return Change::Ignored;
    };
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.iter().any(|p| p.starts_with('.')) {
        return Change::Ignored;
    }
    match parts
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["site.toml"] => Change::Config,
        ["content", ..] if is_content(path) => Change::Content(path.to_path_buf()),
        ["seeds", _, ..] => Change::Seed,
        ["templates", _, ..] => Change::Template,
        ["static", rest @ ..] if !rest.is_empty() => Change::Static {
            src: path.to_path_buf(),
            dest: rest.join("/"),
        },
        ["themes", theme, "templates", _, ..] if *theme == config.theme => Change::Template,
        ["themes", theme, "static", rest @ ..] if *theme == config.theme && !rest.is_empty() => {
            Change::Static {
                src: path.to_path_buf(),
                dest: format!("static/{}", rest.join("/")),
            }
        }
        _ => Change::Ignored,
    }
}

/// A Markdown file, or something without an extension (a folder, maybe gone).
fn is_content(path: &Path) -> bool {
    match path.extension() {
        Some(ext) => ext == "md",
        None => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> Config {
        let mut c = Config::load(Path::new("/nonexistent-site")).expect("defaults");
        c.root = PathBuf::from("/site");
        c
    }

    fn at(rel: &str) -> Change {
        classify(&config(), &Path::new("/site").join(rel))
    }

    #[test]
    fn editor_droppings_are_ignored() {
        for name in [
            "content/.a.md.swp",
            "content/a.md~",
            "content/.#a.md",
            "content/4913",
            "content/a.md.tmp",
            "content/a.md___jb_tmp___",
            "content/#a.md#",
        ] {
            assert_eq!(at(name), Change::Ignored, "{name}");
        }
    }

    #[test]
    fn paths_are_classified() {
        let c = at("content/case-studies/a.md");
        assert_eq!(
            c,
            Change::Content(PathBuf::from("/site/content/case-studies/a.md"))
        );
        assert_eq!(
            at("content/wiki"),
            Change::Content(PathBuf::from("/site/content/wiki"))
        );
        assert_eq!(at("content/image.png"), Change::Ignored);
        assert_eq!(at("site.toml"), Change::Config);
        assert_eq!(at("seeds/a.txt"), Change::Seed);
        assert_eq!(at("templates/page.html"), Change::Template);
        assert_eq!(at("themes/default/templates/base.html"), Change::Template);
        assert_eq!(at("themes/other/templates/base.html"), Change::Ignored);
        assert_eq!(
            at("static/css/x.css"),
            Change::Static {
                src: PathBuf::from("/site/static/css/x.css"),
                dest: "css/x.css".into()
            }
        );
        assert_eq!(
            at("themes/default/static/style.css"),
            Change::Static {
                src: PathBuf::from("/site/themes/default/static/style.css"),
                dest: "static/style.css".into()
            }
        );
        assert_eq!(at("public/index.html"), Change::Ignored);
        assert_eq!(at(".git/index"), Change::Ignored);
    }
}
