//! Watching the site's sources: `content/`, `seeds/`, `themes/`,
//! `templates/`, `static/` (recursively) and `site.toml`, with a short
//! debounce so one save (often several events) becomes one batch. Editors'
//! temporary and swap files are dropped here; the rest is sent on as paths.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::time::Duration;

use notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{new_debouncer, DebounceEventResult, DebouncedEvent};

use crate::site::changes::is_editor_temp;

/// Quiet time after the last event before a batch is sent.
pub const DEBOUNCE: Duration = Duration::from_millis(25);

/// Folders watched recursively (when they exist).
pub const WATCHED_DIRS: [&str; 5] = ["content", "seeds", "themes", "templates", "static"];

/// Watches `root` and sends each debounced batch of changed paths to `tx`.
/// A watched folder created later (say `templates/`) is watched from then on,
/// and the files already in it are reported.
pub fn start(root: &Path, tx: Sender<Vec<PathBuf>>) -> notify::Result<()> {
    let (raw_tx, raw_rx) = std::sync::mpsc::channel::<Vec<PathBuf>>();
    let mut debouncer =
        new_debouncer(
            DEBOUNCE,
            None,
            move |result: DebounceEventResult| match result {
                Ok(events) => {
                    let paths = changed_paths(&events);
                    if !paths.is_empty() {
                        let _ = raw_tx.send(paths);
                    }
                }
                Err(errors) => {
                    for e in errors {
                        eprintln!("watch error: {e}");
                    }
                }
            },
        )?;
    let mut watched = HashSet::new();
    for dir in WATCHED_DIRS {
        let path = root.join(dir);
        if path.is_dir() {
            debouncer.watch(&path, RecursiveMode::Recursive)?;
            watched.insert(path);
        }
    }
    // The root itself, not recursively: `site.toml` and folders appearing.
    debouncer.watch(root, RecursiveMode::NonRecursive)?;
    let root = root.to_path_buf();
    std::thread::spawn(move || {
        while let Ok(mut paths) = raw_rx.recv() {
            let mut found = Vec::new();
            for dir in WATCHED_DIRS.iter().map(|d| root.join(d)) {
                if !paths.contains(&dir) {
                    continue;
                }
                if dir.is_dir() && !watched.contains(&dir) {
                    if let Err(e) = debouncer.watch(&dir, RecursiveMode::Recursive) {
                        eprintln!("watch error: {}: {e}", dir.display());
                        continue;
                    }
                    found.extend(files_in(&dir));
                    watched.insert(dir);
                } else if !dir.is_dir() {
                    // Gone; a new folder of that name gets a new watch.
                    let _ = debouncer.unwatch(&dir);
                    watched.remove(&dir);
                }
            }
            paths.extend(found);
            if tx.send(paths).is_err() {
                break;
            }
        }
    });
    Ok(())
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect()
}

/// Paths touched by writes, creations, removals and renames; no editor droppings.
fn changed_paths(events: &[DebouncedEvent]) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = events
        .iter()
        .filter(|e| !matches!(e.kind, EventKind::Access(_)))
        .flat_map(|e| e.paths.iter().cloned())
        .filter(|p| !is_editor_temp(p))
        .collect();
    paths.sort();
    paths.dedup();
    paths
}
