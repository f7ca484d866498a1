//! The core's modules depend on each other in one direction only: a module
//! never uses, directly or through others, a module that uses it back.
//!
//! This test reads the source of `core/src` (the CLI in `src/bin` aside),
//! finds each module's references to other modules of the crate (`use
//! crate::…`, `super::…`, inline `crate::…` paths and `use child::…`;
//! re-exports, `mod` lines, comments and `#[cfg(test)]` code are not
//! dependencies, nor is a submodule's use of its own ancestors, which it is
//! part of) and fails with the cycle when the graph has one.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Module path (`search::index`; the crate root is `""`) → source file.
fn modules(src: &Path) -> BTreeMap<String, PathBuf> {
    fn walk(dir: &Path, src: &Path, out: &mut BTreeMap<String, PathBuf>) {
        for entry in fs::read_dir(dir).expect("core/src is readable") {
            let path = entry.expect("directory entry").path();
            if path.is_dir() {
                if path.file_name().is_some_and(|n| n != "bin") {
                    walk(&path, src, out);
                }
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let rel = path
                .strip_prefix(src)
                .expect("under src")
                .with_extension("");
            let mut parts: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
                parts.pop();
            }
            out.insert(parts.join("::"), path);
        }
    }
    let mut out = BTreeMap::new();
    walk(src, src, &mut out);
    out
}

/// The code that counts: comments and the trailing `#[cfg(test)]` part cut.
fn code(source: &str) -> String {
    let source = source.split("#[cfg(test)]").next().unwrap_or("");
    source
        .lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The longest module of `mods` that `path` (segments from the crate root)
/// names.
fn resolve(mods: &BTreeMap<String, PathBuf>, path: &[&str]) -> Option<String> {
    (0..=path.len())
        .rev()
        .map(|k| path[..k].join("::"))
        .find(|m| mods.contains_key(m))
}

fn dependencies(mods: &BTreeMap<String, PathBuf>) -> BTreeMap<String, BTreeSet<String>> {
    let mut graph = BTreeMap::new();
    for (module, file) in mods {
        let own: Vec<&str> = module.split("::").filter(|s| !s.is_empty()).collect();
        let parent = &own[..own.len().saturating_sub(1)];
        let mut deps = BTreeSet::new();
        let source = fs::read_to_string(file).expect("source is readable");
        for line in code(&source).lines() {
            let t = line.trim_start();
            if t.starts_with("pub use")
                || t.starts_with("pub(crate) use")
                || t.starts_with("pub mod")
                || t.starts_with("pub(crate) mod")
                || t.starts_with("mod ")
            {
                continue;
            }
            // `use child::Item;` in a module with children.
            if let Some(rest) = t.strip_prefix("use ") {
                let first = rest.split("::").next().unwrap_or("");
                let mut path = own.clone();
                path.push(first);
                if let Some(m) = mods.get_key_value(&path.join("::")).map(|(k, _)| k) {
                    deps.insert(m.clone());
                }
            }
            for (at, _) in line.match_indices("::") {
                let head_start = line[..at]
                    .rfind(|c: char| !(c.is_alphanumeric() || c == '_'))
                    .map_or(0, |i| i + 1);
                let head = &line[head_start..at];
                let base: Vec<&str> = match head {
                    "crate" => Vec::new(),
                    "super" => parent.to_vec(),
                    "self" => own.clone(),
                    _ => continue,
                };
                // A `crate::` right after `::` is part of a longer path.
                if line[..head_start].ends_with("::") {
                    continue;
                }
                let tail: Vec<&str> = line[at + 2..]
                    .split("::")
                    .map(|s| {
                        let end = s
                            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                            .unwrap_or(s.len());
                        &s[..end]
                    })
                    .take_while(|s| !s.is_empty())
                    .collect();
                let path: Vec<&str> = base.iter().copied().chain(tail).collect();
                if let Some(m) = resolve(mods, &path) {
                    if !is_ancestor(&m, module) {
                        deps.insert(m);
                    }
                }
            }
        }
        graph.insert(module.clone(), deps);
    }
    graph
}

/// True when `a` is `b` or contains it. A submodule is part of its parent
/// (it sees the parent's private items, and `score/bm25f.rs` is a piece of
/// `score`), so using an ancestor is not a dependency between layers.
fn is_ancestor(a: &str, b: &str) -> bool {
    a.is_empty() || a == b || b.strip_prefix(a).is_some_and(|rest| rest.starts_with("::"))
}

/// A cycle of the graph, if it has one (depth-first search).
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    fn visit(
        v: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        marks: &mut BTreeMap<String, Mark>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        marks.insert(v.to_owned(), Mark::Open);
        stack.push(v.to_owned());
        for w in &graph[v] {
            match marks[w.as_str()] {
                Mark::Open => {
                    let from = stack
                        .iter()
                        .position(|s| s == w)
                        .expect("open is on the stack");
                    let mut cycle = stack[from..].to_vec();
                    cycle.push(w.clone());
                    return Some(cycle);
                }
                Mark::New => {
                    if let Some(c) = visit(w, graph, marks, stack) {
                        return Some(c);
                    }
                }
                Mark::Done => {}
            }
        }
        stack.pop();
        marks.insert(v.to_owned(), Mark::Done);
        None
    }
    let mut marks: BTreeMap<String, Mark> = graph.keys().map(|k| (k.clone(), Mark::New)).collect();
    for v in graph.keys() {
        if marks[v.as_str()] == Mark::New {
            if let Some(c) = visit(v, graph, &mut marks, &mut Vec::new()) {
                return Some(c);
            }
        }
    }
    None
}

fn name(m: &str) -> &str {
    if m.is_empty() {
        "crate"
    } else {
        m
    }
}

/// The graph seen `depth` levels down: every module stands for itself and
/// its submodules (`search::score::bm25f` is `search::score` at depth 2 and
/// `search` at depth 1), so `parse` ↔ `extract` is a cycle even when no two
/// files of theirs use each other.
fn collapsed(
    graph: &BTreeMap<String, BTreeSet<String>>,
    depth: usize,
) -> BTreeMap<String, BTreeSet<String>> {
    let cut = |m: &str| m.split("::").take(depth).collect::<Vec<_>>().join("::");
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (m, deps) in graph {
        let from = cut(m);
        let entry = out.entry(from.clone()).or_default();
        for d in deps {
            let to = cut(d);
            if !is_ancestor(&to, &from) && !is_ancestor(&from, &to) {
                entry.insert(to.clone());
            }
        }
    }
    for deps in out.clone().values() {
        for d in deps {
            out.entry(d.clone()).or_default();
        }
    }
    out
}

#[test]
fn modules_depend_on_each_other_one_way() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mods = modules(&src);
    assert!(
        mods.contains_key("search"),
        "the module walk found the crate's modules"
    );
    let graph = dependencies(&mods);
    let deepest = mods
        .keys()
        .map(|m| m.split("::").count())
        .max()
        .unwrap_or(1);
    for depth in 1..=deepest {
        if let Some(cycle) = find_cycle(&collapsed(&graph, depth)) {
            let shown: Vec<&str> = cycle.iter().map(|m| name(m)).collect();
            panic!("import cycle among core modules: {}", shown.join(" -> "));
        }
    }
}

#[test]
fn the_checker_sees_a_cycle() {
    let mut graph = BTreeMap::new();
    graph.insert("a".to_owned(), BTreeSet::from(["b".to_owned()]));
    graph.insert("b".to_owned(), BTreeSet::from(["c".to_owned()]));
    graph.insert("c".to_owned(), BTreeSet::from(["a".to_owned()]));
    assert_eq!(find_cycle(&graph).map(|c| c.len()), Some(4));
    graph.insert("c".to_owned(), BTreeSet::new());
    assert_eq!(find_cycle(&graph), None);
    // Files that never use each other still make their parents a cycle.
    let mut files = BTreeMap::new();
    files.insert("p::x".to_owned(), BTreeSet::from(["e::y".to_owned()]));
    files.insert("e::z".to_owned(), BTreeSet::from(["p::w".to_owned()]));
    files.insert("e::y".to_owned(), BTreeSet::new());
    files.insert("p::w".to_owned(), BTreeSet::new());
    assert_eq!(find_cycle(&files), None);
    assert!(find_cycle(&collapsed(&files, 1)).is_some());
}

#[test]
fn the_checker_reads_paths_the_ways_code_writes_them() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let graph = dependencies(&modules(&src));
    // The bundle sits on top: it uses the search index and the comparison.
    assert!(graph["bundle"].contains("search::index") || graph["bundle"].contains("search"));
    assert!(graph["bundle"].iter().any(|m| m.starts_with("compare")));
}
