//! The three site skeletons around the generated content: casewiki's
//! `site.toml`, Zola's configs and templates, Hugo's config and layouts.
//! The files live under `bench/` and are embedded so the binary works anywhere.

use std::fs;
use std::io;
use std::path::Path;

/// The generator a site root is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tool {
    Casewiki,
    Zola,
    Hugo,
}

impl Tool {
    pub const ALL: [Tool; 3] = [Tool::Casewiki, Tool::Zola, Tool::Hugo];

    /// Folder name under the corpus output directory.
    pub fn dir(self) -> &'static str {
        match self {
            Tool::Casewiki => "casewiki",
            Tool::Zola => "zola",
            Tool::Hugo => "hugo",
        }
    }

    /// Config and template files, as (path under the site root, contents).
    pub fn files(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Tool::Casewiki => CASEWIKI_FILES,
            Tool::Zola => ZOLA_FILES,
            Tool::Hugo => HUGO_FILES,
        }
    }
}

macro_rules! site_files {
    ($tool:literal; $($path:literal),* $(,)?) => {
        &[$((($path), include_str!(concat!("../../../bench/", $tool, "/", $path)))),*]
    };
}

const CASEWIKI_FILES: &[(&str, &str)] = site_files!("casewiki"; "site.toml");

const ZOLA_FILES: &[(&str, &str)] = site_files!("zola";
    "config.toml",
    "config-legacy.toml",
    "templates/base.html",
    "templates/index.html",
    "templates/page.html",
    "templates/section.html",
    "templates/taxonomy_list.html",
    "templates/taxonomy_single.html",
);

const HUGO_FILES: &[(&str, &str)] = site_files!("hugo";
    "hugo.toml",
    "layouts/index.html",
    "layouts/_default/baseof.html",
    "layouts/_default/single.html",
    "layouts/_default/list.html",
    "layouts/_default/term.html",
    "layouts/_default/terms.html",
);

/// Section headers: only keys Zola's strict section front matter accepts.
pub const ROOT_INDEX: &str = "+++\ntitle = \"casewiki benchmark\"\n+++\n";
pub const SECTION_INDEX: &str = "+++\ntitle = \"Case studies\"\nsort_by = \"date\"\n+++\n";

/// Writes `tool`'s config and template files under `root`.
pub fn write_skeleton(tool: Tool, root: &Path) -> io::Result<u64> {
    let mut bytes = 0;
    for (rel, text) in tool.files() {
        let path = root.join(rel);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir)?;
        }
        fs::write(&path, text)?;
        bytes += text.len() as u64;
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn casewiki_site_toml_loads() {
        let dir = tempfile::tempdir().expect("tempdir");
        write_skeleton(Tool::Casewiki, dir.path()).expect("write");
        let config = casewiki::config::Config::load(dir.path()).expect("site.toml is valid");
        assert_eq!(config.title, "casewiki benchmark");
    }

    #[test]
    fn zola_configs_are_valid_toml_with_taxonomies() {
        for name in ["config.toml", "config-legacy.toml"] {
            let text = ZOLA_FILES
                .iter()
                .find(|(p, _)| *p == name)
                .map(|(_, t)| *t)
                .unwrap_or("");
            let value: toml::Value = toml::from_str(text).expect("valid TOML");
            let taxonomies = value
                .get("taxonomies")
                .and_then(|t| t.as_array())
                .map(Vec::len);
            assert_eq!(taxonomies, Some(2), "{name}");
        }
    }

    #[test]
    fn section_headers_parse() {
        for text in [ROOT_INDEX, SECTION_INDEX] {
            let split = casewiki::content::front_matter::split(text).expect("parses");
            assert!(!split.front_matter.title.is_empty());
        }
    }
}
