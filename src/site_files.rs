//! Which files under the site's source folders (`seeds/`, `content/`,
//! `static/`, `templates/`, `themes/`) are read. Symlinks are followed only
//! when they resolve inside the site root: a link out of the site (to a key,
//! another project, `/etc`) is skipped with a warning naming it, so nothing
//! outside the site can be published by a link dropped into it.

use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnostic, Diagnostics};

/// The site root with every symlink resolved (or as given when it cannot be).
pub fn real_root(root: &Path) -> PathBuf {
    std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf())
}

/// `None` when `path` may be read: it is no symlink, or it and every link on
/// the way resolve inside `real_root`; otherwise the warning to give.
pub fn outside(real_root: &Path, path: &Path) -> Option<Diagnostic> {
    let real = std::fs::canonicalize(path).ok()?;
    if real.starts_with(real_root) {
        return None;
    }
    Some(Diagnostic::warning(
        path,
        None,
        format!(
            "skipped: a symlink to `{}`, outside the site",
            real.display()
        ),
    ))
}

/// Every file under `dir` (sorted by name, folder by folder), symlinks into
/// the site followed, symlinks out of it reported to `warn` and skipped.
pub fn files_under(root: &Path, dir: &Path, warn: &mut dyn FnMut(Diagnostic)) -> Vec<PathBuf> {
    if !dir.is_dir() {
        return Vec::new();
    }
    let real_root = real_root(root);
    if let Some(d) = outside(&real_root, dir) {
        warn(d);
        return Vec::new();
    }
    let mut skipped = Vec::new();
    let files = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| match e.path_is_symlink() {
            true => match outside(&real_root, e.path()) {
                Some(d) => {
                    skipped.push(d);
                    false
                }
                None => true,
            },
            false => true,
        })
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect();
    for d in skipped {
        warn(d);
    }
    files
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn links_out_of_the_root_are_skipped() {
        let site = tempfile::tempdir().expect("site");
        let away = tempfile::tempdir().expect("away");
        let dir = site.path().join("static");
        std::fs::create_dir_all(dir.join("sub")).expect("mkdir");
        std::fs::write(dir.join("sub/a.txt"), "a").expect("write");
        std::fs::write(away.path().join("b.txt"), "b").expect("write");
        std::os::unix::fs::symlink(away.path().join("b.txt"), dir.join("b.txt")).expect("link");
        std::os::unix::fs::symlink(away.path(), dir.join("away")).expect("link");
        std::os::unix::fs::symlink(dir.join("sub/a.txt"), dir.join("c.txt")).expect("link");
        let mut warnings = Vec::new();
        let files = files_under(site.path(), &dir, &mut |d| warnings.push(d));
        let names: Vec<String> = files
            .iter()
            .map(|f| f.strip_prefix(&dir).expect("under").display().to_string())
            .collect();
        assert_eq!(names, ["c.txt", "sub/a.txt"]);
        assert_eq!(warnings.len(), 2, "{warnings:?}");
    }
}

/// The site's own `static/` folder, copied to the output root (Zola's convention).
pub fn copy_static(root: &Path, diags: &Diagnostics) -> Vec<(String, Vec<u8>)> {
    let dir = root.join("static");
    files_under(root, &dir, &mut |d| diags.push(d))
        .into_iter()
        .filter_map(|path| {
            let rel = path
                .strip_prefix(&dir)
                .ok()?
                .to_string_lossy()
                .replace('\\', "/");
            match std::fs::read(&path) {
                Ok(bytes) => Some((rel, bytes)),
                Err(err) => {
                    diags.push(Diagnostic::error(&path, None, err.to_string()));
                    None
                }
            }
        })
        .collect()
}
