//! The allocator and peak memory.
//!
//! With the default `jemalloc` feature the crate's global allocator is
//! jemalloc: a build makes and frees millions of small strings and maps
//! (template contexts, search terms, jieba tokens) on both cores, and
//! jemalloc's per-thread caches take about 11% of the CPU time of a build
//! off glibc's malloc (`bench/compare.sh`). It also serves the C code's
//! `malloc` (Oniguruma allocates on every regex search while syntect
//! highlights), so one allocator holds all the memory.
//!
//! A one-shot build frees large things between its steps (each page's
//! Markdown after its pass, jieba after the last page is segmented, each
//! page's HTML once the page is written). Allocators keep freed pages for
//! reuse, so the next step would grow the process on top of them;
//! `return_free_memory` hands them back to the system.

#[cfg(all(feature = "jemalloc", not(target_env = "msvc")))]
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// jemalloc's options, read when it starts (`MALLOC_CONF` adds to them):
/// - `narenas:1`: one arena for every thread. The per-thread caches take
///   the allocations of the hot loops, so the two cores do not wait on each
///   other, and one arena leaves less memory spread over half-used pages
///   (about 9 MB less at the peak of a 10,000-page build).
/// - `thp:always`: the heap in transparent huge pages where the system
///   allows them on request (`madvise`): fewer page faults and TLB misses
///   for the millions of small objects a build touches once (about 4% off
///   the wall time of that build, for about 14 MB more at its peak).
#[cfg(all(feature = "jemalloc", not(target_env = "msvc")))]
#[export_name = "malloc_conf"]
#[allow(non_upper_case_globals)]
pub static malloc_conf: &[u8; 21] = b"narenas:1,thp:always\0";

/// Returns the allocator's free pages to the system.
pub fn return_free_memory() {
    #[cfg(all(feature = "jemalloc", not(target_env = "msvc")))]
    // SAFETY: "arena.<MALLCTL_ARENAS_ALL>.purge" takes and returns nothing;
    // the name is a NUL-terminated string.
    unsafe {
        tikv_jemalloc_sys::mallctl(
            c"arena.4096.purge".as_ptr(),
            std::ptr::null_mut(),
            std::ptr::null_mut(),
            std::ptr::null_mut(),
            0,
        );
    }
    #[cfg(all(not(feature = "jemalloc"), target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only releases free pages of the allocator's heaps.
    unsafe {
        libc::malloc_trim(0);
    }
}
