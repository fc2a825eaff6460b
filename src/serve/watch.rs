//! Watching the site's sources: `content/`, `seeds/`, `themes/`,
//! `templates/`, `static/` (recursively) and `site.toml`, with a short
//! debounce so one save (often several events) becomes one batch. Editors'
//! temporary and swap files are dropped here; the rest is sent on as paths.

use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::time::Duration;

use notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{
    new_debouncer, DebounceEventResult, DebouncedEvent, Debouncer, RecommendedCache,
};

use crate::site::changes::is_editor_temp;

/// Quiet time after the last event before a batch is sent.
pub const DEBOUNCE: Duration = Duration::from_millis(30);

/// Folders watched recursively (when they exist).
pub const WATCHED_DIRS: [&str; 5] = ["content", "seeds", "themes", "templates", "static"];

/// A running watcher; dropping it stops watching.
pub type Watcher = Debouncer<notify::RecommendedWatcher, RecommendedCache>;

/// Watches `root` and sends each debounced batch of changed paths to `tx`.
pub fn start(root: &Path, tx: Sender<Vec<PathBuf>>) -> notify::Result<Watcher> {
    let mut debouncer =
        new_debouncer(
            DEBOUNCE,
            None,
            move |result: DebounceEventResult| match result {
                Ok(events) => {
                    let paths = changed_paths(&events);
                    if !paths.is_empty() {
                        let _ = tx.send(paths);
                    }
                }
                Err(errors) => {
                    for e in errors {
                        eprintln!("watch error: {e}");
                    }
                }
            },
        )?;
    for dir in WATCHED_DIRS {
        let path = root.join(dir);
        if path.is_dir() {
            debouncer.watch(&path, RecursiveMode::Recursive)?;
        }
    }
    // The root itself, not recursively: `site.toml` (and folders appearing).
    debouncer.watch(root, RecursiveMode::NonRecursive)?;
    Ok(debouncer)
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
