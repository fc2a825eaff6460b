//! The search index, rebuilt off the rebuild loop: at 10,000 pages it takes
//! longer than a save may wait, so once edits pause it is built on a thread
//! of its own from a snapshot of the documents, and written only if no newer
//! snapshot started meanwhile.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use crate::output::Output;
use crate::site::SearchInput;

/// Starts background index builds; the newest one wins.
#[derive(Default, Clone)]
pub struct SearchRunner {
    latest: Arc<AtomicU64>,
    writing: Arc<Mutex<()>>,
}

impl SearchRunner {
    pub fn spawn(&self, input: SearchInput) {
        let generation = self.latest.fetch_add(1, Ordering::SeqCst) + 1;
        let runner = self.clone();
        std::thread::spawn(move || runner.build(generation, input));
    }

    fn build(&self, generation: u64, input: SearchInput) {
        // One thread of its own, so a save arriving meanwhile still finds a
        // free core and the shared pool idle.
        let build = || input.build();
        let index = match rayon::ThreadPoolBuilder::new().num_threads(1).build() {
            Ok(pool) => pool.install(build),
            Err(_) => build(),
        };
        let Ok(_guard) = self.writing.lock() else {
            return;
        };
        if self.latest.load(Ordering::SeqCst) != generation {
            return; // A newer snapshot is being built.
        }
        let out = match Output::direct(&input.output_dir) {
            Ok(out) => out,
            Err(e) => return eprintln!("error: search index: {e}"),
        };
        for (path, bytes) in &index.files {
            if let Err(e) = out.write_if_changed(path, bytes) {
                eprintln!("error: {}: {e}", out.dir().join(path).display());
            }
        }
    }
}
