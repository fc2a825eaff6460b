//! Writing `public/`: a build writes a new version of the site beside the
//! published one and swaps it in only when the whole build succeeded
//! (`versions`, `swap`), so a failed or killed build leaves the previous
//! site intact. Paths are checked so nothing lands outside the output.

mod swap;
pub mod versions;

use std::fs::File;
use std::io;
use std::path::{Component, Path, PathBuf};

use crate::config::Config;
use crate::diagnostics::Diagnostic;
use versions::Layout;

/// Where a build writes.
#[derive(Debug)]
pub struct Output {
    /// Folder files are written into now.
    dir: PathBuf,
    /// The output folder's paths; `None` when writing straight into it.
    staged: Option<Layout>,
    /// Held from the start of a staged build to its swap.
    _lock: Option<File>,
}

impl Output {
    /// Takes the output's lock, removes what dead builds left, and makes a
    /// fresh version folder; `commit` publishes it. Refuses an output folder
    /// casewiki did not write and a second build of the same output.
    pub fn staging(target: &Path) -> io::Result<Output> {
        let layout = Layout::of(target);
        layout.check_ours()?;
        let lock = layout.lock()?;
        layout.remove_stale()?;
        let dir = layout.new_version()?;
        Ok(Output {
            dir,
            staged: Some(layout),
            _lock: Some(lock),
        })
    }

    /// Writes straight into `target` (incremental rebuilds in `serve`),
    /// through its symlink when it is one.
    pub fn direct(target: &Path) -> io::Result<Output> {
        if !target.exists() {
            std::fs::create_dir_all(target)?;
            versions::mark(target)?;
        }
        Ok(Output {
            dir: target.to_path_buf(),
            staged: None,
            _lock: None,
        })
    }

    /// Writes `bytes` at `rel` (`case-studies/a/index.html`) under the output.
    pub fn write(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        let path = self.dir.join(safe_relative(rel)?);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(path, bytes)
    }

    /// Writes only when the content differs (keeps mtimes for incremental
    /// serving). A file that exists is replaced whole (written beside it,
    /// then renamed over it), so a reader never sees it half-written.
    pub fn write_if_changed(&self, rel: &str, bytes: &[u8]) -> io::Result<bool> {
        let path = self.dir.join(safe_relative(rel)?);
        match std::fs::read(&path) {
            Ok(old) if old == bytes => Ok(false),
            Ok(_) => {
                let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
                let temp = path.with_file_name(format!(".{}.partial", name.unwrap_or_default()));
                std::fs::write(&temp, bytes)?;
                std::fs::rename(&temp, &path).inspect_err(|_| {
                    let _ = std::fs::remove_file(&temp);
                })?;
                Ok(true)
            }
            Err(_) => self.write(rel, bytes).map(|_| true),
        }
    }

    /// Removes a file written by an earlier build (a deleted page).
    pub fn remove(&self, rel: &str) -> io::Result<()> {
        let path = self.dir.join(safe_relative(rel)?);
        match std::fs::remove_file(&path) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }

    /// Publishes the new version in one step (see `versions`).
    pub fn commit(self) -> io::Result<()> {
        match &self.staged {
            Some(layout) => layout.publish(&self.dir),
            None => Ok(()),
        }
    }

    /// Throws the new version away; the previous site stays.
    pub fn abort(self) {
        if self.staged.is_some() {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }
}

/// Rejects absolute paths and `..`, so a slug can never escape the output.
pub(crate) fn safe_relative(rel: &str) -> io::Result<PathBuf> {
    let path = Path::new(rel);
    let ok = path
        .components()
        .all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
    if ok && !rel.is_empty() {
        Ok(path.to_path_buf())
    } else {
        Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("refusing to write outside the output: {rel}"),
        ))
    }
}

/// The output folder may not be the site itself, `content/`, `seeds/`, or hold them.
pub fn check_output_dir(config: &Config) -> Result<(), Diagnostic> {
    let root = absolute(&config.root);
    let out = absolute(&config.output_dir);
    let protected = [
        root.clone(),
        root.join("content"),
        root.join("seeds"),
        root.join("templates"),
        root.join("themes"),
    ];
    if let Some(p) = protected
        .iter()
        .find(|p| p.starts_with(&out) || out.starts_with(p.as_path()) && *p != &root)
    {
        return Err(Diagnostic::error(
            config.root.join("site.toml"),
            None,
            format!(
                "refusing to use `{}` as the output directory: it is or contains `{}`",
                out.display(),
                p.display()
            ),
        ));
    }
    Ok(())
}

/// An absolute, `..`-free version of `p` (without touching the file system).
fn absolute(p: &Path) -> PathBuf {
    let base = if p.is_absolute() {
        PathBuf::new()
    } else {
        std::env::current_dir().unwrap_or_default()
    };
    let mut out = PathBuf::new();
    for c in base.join(p).components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_only() {
        assert!(safe_relative("a/b/index.html").is_ok());
        assert!(safe_relative("../x").is_err());
        assert!(safe_relative("/etc/passwd").is_err());
        assert!(safe_relative("a/../../x").is_err());
    }

    fn config_with_output(out: &str) -> Config {
        let mut c = Config::load(Path::new("/nonexistent-site")).expect("defaults");
        c.output_dir = c.root.join(out);
        c
    }

    #[test]
    fn output_dir_guard() {
        assert!(check_output_dir(&config_with_output("public")).is_ok());
        assert!(check_output_dir(&config_with_output("dist/site")).is_ok());
        assert!(check_output_dir(&config_with_output(".")).is_err());
        assert!(check_output_dir(&config_with_output("content")).is_err());
        assert!(check_output_dir(&config_with_output("seeds")).is_err());
        assert!(check_output_dir(&config_with_output("..")).is_err());
        assert!(check_output_dir(&config_with_output("content/x")).is_err());
    }

    #[test]
    fn a_changed_file_is_replaced_whole_under_an_open_reader() {
        use std::io::Read;
        let dir = tempfile::tempdir().expect("tempdir");
        let out = Output::direct(dir.path()).expect("output");
        out.write("a/index.html", b"old page").expect("write");
        let mut reader = std::fs::File::open(dir.path().join("a/index.html")).expect("open");
        assert!(!out
            .write_if_changed("a/index.html", b"old page")
            .expect("same"));
        assert!(out
            .write_if_changed("a/index.html", b"new")
            .expect("changed"));
        let mut seen = String::new();
        reader.read_to_string(&mut seen).expect("read");
        assert_eq!(seen, "old page", "the open reader keeps the whole old file");
        let now = std::fs::read_to_string(dir.path().join("a/index.html")).expect("read");
        assert_eq!(now, "new");
        let names: Vec<_> = std::fs::read_dir(dir.path().join("a"))
            .expect("ls")
            .collect();
        assert_eq!(names.len(), 1, "no temporary file left");
    }
}
