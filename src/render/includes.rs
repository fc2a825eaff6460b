//! Include loops among templates: `a.html` including `b.html` including
//! `a.html` would recurse forever, and Tera only says that one of them is
//! unknown. The loaded set is scanned for `{% include "…" %}` before Tera
//! sees it, and every loop is reported as recursion at the include that
//! closes it.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::LazyLock;

use crate::diagnostics::{line_of, Diagnostic};

/// `{% include "name" %}` (also `{%-` and single quotes).
static INCLUDE: LazyLock<regex::Regex> =
    LazyLock::new(|| crate::text::fixed::regex(r#"\{%-?\s*include\s+["']([^"']+)["']"#));

/// One include: the included name and the line it is on.
struct Include {
    target: String,
    line: usize,
}

/// Every include loop among `files` (name, text, path), one error each,
/// named at the file and line of the include that closes the loop.
pub fn loops(files: &[(String, String, PathBuf)]) -> Vec<Diagnostic> {
    let graph: HashMap<&str, Vec<Include>> = files
        .iter()
        .map(|(name, text, _)| {
            let includes = INCLUDE
                .captures_iter(text)
                .filter_map(|c| {
                    let m = c.get(1)?;
                    Some(Include {
                        target: m.as_str().to_string(),
                        line: line_of(text, m.start()),
                    })
                })
                .collect();
            (name.as_str(), includes)
        })
        .collect();
    let mut state: HashMap<&str, Visit> = HashMap::new();
    let mut out = Vec::new();
    let mut names: Vec<&str> = graph.keys().copied().collect();
    names.sort_unstable();
    for name in names {
        let mut stack = Vec::new();
        visit(name, &graph, &mut state, &mut stack, &mut |cycle, line| {
            let path = files
                .iter()
                .find(|(n, _, _)| n == cycle[cycle.len() - 2])
                .map(|(_, _, p)| p.clone())
                .unwrap_or_default();
            out.push(Diagnostic::error(
                path,
                Some(line),
                format!(
                    "recursive include: {} (templates that include each other never finish)",
                    cycle.join(" → ")
                ),
            ));
        });
    }
    out
}

#[derive(Clone, Copy, PartialEq)]
enum Visit {
    Open,
    Done,
}

/// Depth-first walk; `report(cycle, line)` gets each loop as the names from
/// its first template back to it, and the line of the closing include.
fn visit<'a>(
    name: &'a str,
    graph: &'a HashMap<&'a str, Vec<Include>>,
    state: &mut HashMap<&'a str, Visit>,
    stack: &mut Vec<&'a str>,
    report: &mut dyn FnMut(Vec<&'a str>, usize),
) {
    if state.contains_key(name) {
        return;
    }
    state.insert(name, Visit::Open);
    stack.push(name);
    for inc in graph.get(name).into_iter().flatten() {
        let Some((target, _)) = graph.get_key_value(inc.target.as_str()) else {
            continue; // an unknown template: Tera reports it
        };
        match state.get(target) {
            Some(Visit::Open) => {
                let from = stack.iter().position(|n| n == target).unwrap_or(0);
                let mut cycle: Vec<&str> = stack[from..].to_vec();
                cycle.push(target);
                report(cycle, inc.line);
            }
            Some(Visit::Done) => {}
            None => visit(target, graph, state, stack, report),
        }
    }
    stack.pop();
    state.insert(name, Visit::Done);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_patterns_compile() {
        std::sync::LazyLock::force(&INCLUDE);
    }

    fn file(name: &str, text: &str) -> (String, String, PathBuf) {
        (name.into(), text.into(), PathBuf::from(format!("t/{name}")))
    }

    #[test]
    fn finds_mutual_and_self_includes() {
        let files = [
            file("a.html", "{% include \"b.html\" %}"),
            file("b.html", "x\n{%- include 'a.html' %}"),
            file("c.html", "{% include \"c.html\" %}"),
            file(
                "d.html",
                "{% include \"a.html\" %}{% include \"nope.html\" %}",
            ),
        ];
        let found = loops(&files);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[0].message.contains("a.html → b.html → a.html"));
        assert_eq!(found[0].file, PathBuf::from("t/b.html"));
        assert_eq!(found[0].line, Some(2));
        assert!(found[1].message.contains("c.html → c.html"));
    }

    #[test]
    fn no_loop_no_error() {
        let files = [
            file("a.html", "{% include \"b.html\" %}{% include \"b.html\" %}"),
            file("b.html", "leaf"),
        ];
        assert!(loops(&files).is_empty());
    }
}
