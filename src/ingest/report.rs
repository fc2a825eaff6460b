//! The cleaning report: which rule changed what, and how often.
//!
//! Every stage of ingest counts its changes into one `Report` per seed; the
//! report ends up in the page header (`[[ingest.report]]`) and its counts are
//! summed over all seeds for the build summary.

use crate::content::front_matter::ReportLine;

/// How many examples a report line's detail shows.
const MAX_EXAMPLES: usize = 3;

/// Counts per rule, in the order rules first fired.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Report {
    lines: Vec<Entry>,
}

#[derive(Debug, Clone, PartialEq)]
struct Entry {
    rule: String,
    count: usize,
    examples: Vec<String>,
}

impl Report {
    /// Adds `count` changes under `rule`, remembering `example` (e.g. `â€œ → “`).
    pub fn add(&mut self, rule: &str, count: usize, example: impl Into<String>) {
        if count == 0 {
            return;
        }
        let example = example.into();
        let idx = match self.lines.iter().position(|e| e.rule == rule) {
            Some(i) => i,
            None => {
                self.lines.push(Entry {
                    rule: rule.to_string(),
                    count: 0,
                    examples: Vec::new(),
                });
                self.lines.len() - 1
            }
        };
        let entry = &mut self.lines[idx];
        entry.count += count;
        if !example.is_empty()
            && entry.examples.len() < MAX_EXAMPLES
            && !entry.examples.contains(&example)
        {
            entry.examples.push(example);
        }
    }

    /// Count for one rule (0 when it never fired).
    pub fn count(&self, rule: &str) -> usize {
        self.lines
            .iter()
            .find(|e| e.rule == rule)
            .map_or(0, |e| e.count)
    }

    /// The report as header lines.
    pub fn to_lines(&self) -> Vec<ReportLine> {
        self.lines
            .iter()
            .map(|e| ReportLine {
                rule: e.rule.clone(),
                count: e.count,
                detail: e.examples.join("; "),
            })
            .collect()
    }

    /// `(rule, count)` pairs.
    pub fn counts(&self) -> impl Iterator<Item = (&str, usize)> {
        self.lines.iter().map(|e| (e.rule.as_str(), e.count))
    }
}

/// Shortens a snippet for a report detail, on a char boundary.
pub fn snippet(s: &str, max_chars: usize) -> String {
    let s = s.trim();
    match s.char_indices().nth(max_chars) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_examples_accumulate() {
        let mut r = Report::default();
        r.add("mojibake", 2, "â€œ → “");
        r.add("mojibake", 1, "â€œ → “");
        r.add("mojibake", 1, "Ã© → é");
        r.add("never", 0, "x");
        assert_eq!(r.count("mojibake"), 4);
        assert_eq!(r.count("never"), 0);
        let lines = r.to_lines();
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].detail, "â€œ → “; Ã© → é");
    }

    #[test]
    fn snippets_are_shortened() {
        assert_eq!(snippet("小米口碑传播规律", 4), "小米口碑…");
        assert_eq!(snippet(" ok ", 4), "ok");
    }
}
