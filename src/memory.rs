//! Peak memory: a one-shot build frees large things between its steps (each
//! page's Markdown after its pass, jieba after the last page is segmented,
//! each page's HTML once the page is written). glibc keeps freed pages in
//! its heaps, so the next step would grow the process on top of them;
//! `return_free_memory` hands them back. Other allocators need no help.

/// Returns the allocator's free pages to the system.
pub fn return_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only releases free pages of the allocator's heaps.
    unsafe {
        libc::malloc_trim(0);
    }
}
