//! Published versions of the output folder. `public` is a symlink to
//! `.public-versions/<id>`, a complete site; a build writes a new version
//! beside it and swaps the link with one `rename` of a new symlink over the
//! old, so at every moment `public` is the whole old site or the whole new
//! one. A lock file (`.public.lock`, `flock`) lets one build at a time write;
//! while it is held, every version but the published one is the staging
//! folder of a dead build and is removed. Each version carries the marker
//! file `.casewiki-output`: a folder that is not empty and carries no marker
//! (and is no link into the versions folder) is not ours and is never
//! replaced.

use std::fs::{File, TryLockError};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The file in every folder casewiki writes as output.
pub const MARKER: &str = ".casewiki-output";
const MARKER_TEXT: &str = "Written by casewiki (`site build`), which replaces this folder.\n";

/// The paths that belong to one output folder `parent/name`.
#[derive(Debug, Clone)]
pub struct Layout {
    pub target: PathBuf,
    parent: PathBuf,
    name: String,
}

impl Layout {
    pub fn of(target: &Path) -> Layout {
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "public".into());
        let parent = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        Layout {
            target: target.to_path_buf(),
            parent,
            name,
        }
    }

    /// `.public-versions`, relative to the parent (what the link holds).
    fn versions_name(&self) -> String {
        format!(".{}-versions", self.name)
    }

    pub fn versions(&self) -> PathBuf {
        self.parent.join(self.versions_name())
    }

    pub fn lock_file(&self) -> PathBuf {
        self.parent.join(format!(".{}.lock", self.name))
    }

    /// Where a new link is made before it is renamed over `target`.
    fn new_link(&self) -> PathBuf {
        self.parent
            .join(format!(".{}.new-{}", self.name, std::process::id()))
    }

    /// The version `target` links to now (its folder name), if it is a link of ours.
    fn published(&self) -> Option<String> {
        let link = std::fs::read_link(&self.target).ok()?;
        let mut parts = link.components();
        let first = parts.next()?.as_os_str().to_string_lossy().into_owned();
        let id = parts.next()?.as_os_str().to_string_lossy().into_owned();
        (first == self.versions_name() && parts.next().is_none()).then_some(id)
    }

    /// Refuses a `target` that casewiki did not write and that is not empty.
    pub fn check_ours(&self) -> io::Result<()> {
        let meta = match std::fs::symlink_metadata(&self.target) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
            other => other?,
        };
        let ours = if meta.file_type().is_symlink() {
            self.published().is_some()
        } else if meta.is_dir() {
            self.target.join(MARKER).is_file() || std::fs::read_dir(&self.target)?.next().is_none()
        } else {
            false
        };
        if ours {
            return Ok(());
        }
        Err(io::Error::other(format!(
            "refusing to replace `{}`: it is not empty and has no `{MARKER}` marker, so casewiki \
             did not write it; remove it or choose an empty or new folder with --output",
            self.target.display()
        )))
    }

    /// Takes the lock, or says which build holds it.
    pub fn lock(&self) -> io::Result<File> {
        std::fs::create_dir_all(&self.parent)?;
        let path = self.lock_file();
        let mut file = File::options()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                let holder = std::fs::read_to_string(&path).unwrap_or_default();
                let holder = holder.trim();
                let who = if holder.is_empty() {
                    String::new()
                } else {
                    format!(" (process {holder})")
                };
                return Err(io::Error::other(format!(
                    "another build is writing `{}`{who}: wait for it to finish (lock `{}`)",
                    self.target.display(),
                    path.display()
                )));
            }
            Err(TryLockError::Error(e)) => return Err(e),
        }
        file.set_len(0)?;
        writeln!(file, "{}", std::process::id())?;
        Ok(file)
    }

    /// With the lock held: removes every version but the published one and
    /// the links and folders dead builds left beside `target`.
    pub fn remove_stale(&self) -> io::Result<()> {
        let keep = self.published();
        if let Ok(entries) = std::fs::read_dir(self.versions()) {
            for e in entries.filter_map(Result::ok) {
                if keep.as_deref() != Some(&*e.file_name().to_string_lossy()) {
                    remove_any(&e.path())?;
                }
            }
        }
        let prefixes = [
            format!(".{}.new-", self.name),
            format!(".{}.old-", self.name),
            format!(".{}.staging-", self.name),
        ];
        for e in std::fs::read_dir(&self.parent)?.filter_map(Result::ok) {
            let n = e.file_name().to_string_lossy().into_owned();
            if prefixes.iter().any(|p| n.starts_with(p.as_str())) {
                remove_any(&e.path())?;
            }
        }
        Ok(())
    }

    /// A fresh, marked version folder to write into.
    pub fn new_version(&self) -> io::Result<PathBuf> {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default();
        let dir = self
            .versions()
            .join(format!("{nanos:x}-{}", std::process::id()));
        std::fs::create_dir_all(&dir)?;
        mark(&dir)?;
        Ok(dir)
    }

    /// Makes `version` the published site in one step, then removes the old one.
    pub fn publish(&self, version: &Path) -> io::Result<()> {
        let id = version
            .file_name()
            .ok_or_else(|| io::Error::other("version folder without a name"))?;
        let relative = Path::new(&self.versions_name()).join(id);
        let link = self.new_link();
        remove_any(&link)?;
        super::swap::symlink_dir(&relative, &link)?;
        super::swap::replace(&link, &self.target)?;
        self.remove_stale()
    }
}

/// Writes the marker into `dir`.
pub fn mark(dir: &Path) -> io::Result<()> {
    std::fs::write(dir.join(MARKER), MARKER_TEXT)
}

/// Removes a file, a symlink or a folder; a missing path is fine.
pub fn remove_any(path: &Path) -> io::Result<()> {
    let result = match std::fs::symlink_metadata(path) {
        Ok(m) if m.is_dir() => std::fs::remove_dir_all(path),
        Ok(_) => std::fs::remove_file(path),
        Err(e) => Err(e),
    };
    match result {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        other => other,
    }
}
