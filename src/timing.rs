//! Step timings for profiling: printed when `CASEWIKI_TIMINGS` is set.

use std::time::Instant;

/// Prints how long a step took when `CASEWIKI_TIMINGS` is set (for profiling),
/// and when it ended, counted from the first step's report.
pub fn timing(step: &str, since: Instant) {
    static FIRST: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
    let first = *FIRST.get_or_init(Instant::now);
    if std::env::var_os("CASEWIKI_TIMINGS").is_some() {
        let rss = std::fs::read_to_string("/proc/self/status")
            .ok()
            .and_then(|s| {
                s.lines()
                    .find(|l| l.starts_with("VmRSS"))
                    .map(|l| l.split_whitespace().nth(1).unwrap_or("").to_string())
            })
            .unwrap_or_default();
        eprintln!(
            "timing: {step}: {} ms (at {} ms), rss {rss} kB",
            since.elapsed().as_millis(),
            first.elapsed().as_millis()
        );
    }
}
