//! The module map as a test: reads every `crate::…` reference in `src/`
//! and fails on a cycle between top-level modules, on a module importing
//! `serve` (which only orchestrates) and on the site model reaching into
//! ingest's rule tables.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Top-level module → the top-level modules it names, with one file that does.
type Graph = BTreeMap<String, BTreeMap<String, PathBuf>>;

/// The top-level module a file under `src/` belongs to (`site` for
/// `src/site/tests.rs`, `text` for `src/text.rs`); `None` for the crate root
/// and this test (whose examples name made-up modules).
fn module_of(src: &Path, file: &Path) -> Option<String> {
    let rel = file.strip_prefix(src).ok()?;
    let first = rel.components().next()?.as_os_str().to_string_lossy();
    let name = first.trim_end_matches(".rs").to_string();
    (!matches!(name.as_str(), "lib" | "main" | "layering")).then_some(name)
}

/// Every `crate::a::b` path in `code` (comments left out), `crate::{a, b::c}`
/// groups included, as full paths.
fn crate_paths(code: &str) -> Vec<String> {
    let code: String = code
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    let mut out = Vec::new();
    let mut rest = code.as_str();
    while let Some(at) = rest.find("crate::") {
        let before = rest[..at].chars().next_back();
        rest = &rest[at + "crate::".len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue; // `mycrate::`, not `crate::`
        }
        if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            out.extend(group[..end].split(',').map(|p| p.trim().to_string()));
        } else {
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .unwrap_or(rest.len());
            out.push(rest[..end].to_string());
        }
    }
    out.retain(|p| !p.is_empty());
    out
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "rs"))
        .map(|e| e.into_path())
        .collect()
}

/// The references of `files` (all under `src`), by top-level module;
/// references to the module's own parts are left out.
fn graph(src: &Path, files: &[(PathBuf, String)]) -> (Graph, Vec<(String, String)>) {
    let mut graph = Graph::new();
    let mut paths = Vec::new();
    for (file, code) in files {
        let Some(from) = module_of(src, file) else {
            continue;
        };
        graph.entry(from.clone()).or_default();
        for path in crate_paths(code) {
            let to = path.split("::").next().unwrap_or("").to_string();
            if to != from && !to.is_empty() {
                paths.push((from.clone(), path));
                graph
                    .entry(from.clone())
                    .or_default()
                    .entry(to)
                    .or_insert_with(|| file.clone());
            }
        }
    }
    (graph, paths)
}

/// One cycle of `graph`, as the modules on it (first repeated at the end).
fn find_cycle(graph: &Graph) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &Graph,
        done: &mut BTreeSet<String>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = stack.iter().position(|n| n == node) {
            let mut cycle = stack[at..].to_vec();
            cycle.push(node.to_string());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        stack.push(node.to_string());
        for next in graph.get(node).into_iter().flat_map(|e| e.keys()) {
            if let Some(c) = visit(next, graph, done, stack) {
                return Some(c);
            }
        }
        stack.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|n| visit(n, graph, &mut done, &mut Vec::new()))
}

fn read_src() -> (PathBuf, Vec<(PathBuf, String)>) {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let files = rust_files(&src)
        .into_iter()
        .map(|f| {
            let code = std::fs::read_to_string(&f).expect("read source");
            (f, code)
        })
        .collect();
    (src, files)
}

#[test]
fn top_level_modules_have_no_cycle() {
    let (src, files) = read_src();
    let (graph, _) = graph(&src, &files);
    assert!(graph.len() > 5, "the scan found the modules: {graph:?}");
    if let Some(cycle) = find_cycle(&graph) {
        let steps: Vec<String> = cycle
            .windows(2)
            .map(|w| format!("{} → {} ({})", w[0], w[1], graph[&w[0]][&w[1]].display()))
            .collect();
        panic!("module cycle: {}", steps.join(", "));
    }
}

#[test]
fn nothing_imports_serve_and_the_site_model_reads_no_ingest_rules() {
    let (src, files) = read_src();
    let (_, paths) = graph(&src, &files);
    let bad: Vec<&(String, String)> = paths
        .iter()
        .filter(|(from, path)| {
            path.starts_with("serve")
                || (from != "ingest" && from != "corpus" && path.starts_with("ingest::meta"))
        })
        .collect();
    assert!(bad.is_empty(), "{bad:?}");
}

#[test]
fn the_scan_sees_cycles_and_groups() {
    let src = Path::new("/src");
    let files = vec![
        (src.join("a/mod.rs"), "use crate::{b::X, c};".to_string()),
        (
            src.join("b.rs"),
            "// crate::a in a comment\nfn f() { crate::c::g() }".to_string(),
        ),
        (
            src.join("c/x.rs"),
            "use crate::a::Y; use mycrate::b;".to_string(),
        ),
    ];
    let (g, _) = graph(src, &files);
    assert_eq!(g["a"].keys().collect::<Vec<_>>(), ["b", "c"]);
    assert_eq!(g["b"].keys().collect::<Vec<_>>(), ["c"]);
    assert_eq!(g["c"].keys().collect::<Vec<_>>(), ["a"]);
    assert_eq!(
        find_cycle(&g),
        Some(vec!["a".into(), "b".into(), "c".into(), "a".into()])
    );
    let acyclic: Graph = g
        .into_iter()
        .map(|(k, v)| {
            (
                k.clone(),
                v.into_iter()
                    .filter(|(t, _)| k != "c" || t != "a")
                    .collect(),
            )
        })
        .collect();
    assert_eq!(find_cycle(&acyclic), None);
}
