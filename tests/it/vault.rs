//! The Markdown in `content/` read as files, the way GitHub's Markdown view
//! and an Obsidian vault read it: every relative `.md` link names a file
//! that exists relative to the linking file, and its file name is unique in
//! the folder tree, so Obsidian's file-name lookup finds the same file.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::support::repo_root;

/// `(file, destination)` of every inline Markdown link to a `.md` file.
fn md_links(root: &Path) -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(root)
        .into_iter()
        .filter_map(Result::ok)
    {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "md") {
            continue;
        }
        let text = std::fs::read_to_string(path).expect("read");
        for (i, _) in text.match_indices("](") {
            let rest = &text[i + 2..];
            let Some(end) = rest.find(')') else { continue };
            let dest = rest[..end].trim_matches(['<', '>']);
            let file = dest.split('#').next().unwrap_or("");
            if file.ends_with(".md") && !file.contains("://") {
                out.push((path.to_path_buf(), file.to_string()));
            }
        }
    }
    out
}

#[test]
fn generated_markdown_links_resolve_as_files_in_github_and_obsidian() {
    let content = repo_root().join("content");
    let links = md_links(&content);
    assert!(
        links.len() >= 20,
        "the generated case studies carry their entity links: {} links",
        links.len()
    );
    let mut names: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    for entry in walkdir::WalkDir::new(&content)
        .into_iter()
        .filter_map(Result::ok)
    {
        if entry.path().extension().is_some_and(|e| e == "md") {
            let name = entry.file_name().to_string_lossy().to_lowercase();
            names
                .entry(name)
                .or_default()
                .push(entry.path().to_path_buf());
        }
    }
    for (file, dest) in &links {
        let target = file.parent().expect("folder").join(dest);
        assert!(target.is_file(), "{}: {dest} is not a file", file.display());
        let name = Path::new(dest)
            .file_name()
            .map(|n| n.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        assert_eq!(
            names.get(&name).map(Vec::len),
            Some(1),
            "{}: file name {name} is not unique in the vault",
            file.display()
        );
    }
}
