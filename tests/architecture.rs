//! The shape of the house, checked: no source file over 400 lines, no import circle between
//! the crate's files, and the core (`game/`, `pack/`) never reaching for what a person sees
//! or touches. Imports are read from `use` lines and inline `crate::`/`super::` paths; a
//! module naming its own children (`mod.rs` re-exports, `child::plugin`) is structure, not
//! an import, and is left out.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::support::root;

/// Module path of every source file (`["game", "flow"]`), with its text.
fn modules() -> BTreeMap<Vec<String>, String> {
    fn walk(dir: &Path, prefix: &[String], out: &mut BTreeMap<Vec<String>, String>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir).expect("src/").filter_map(Result::ok).collect();
        entries.sort_by_key(|e| e.path());
        for entry in entries {
            let path = entry.path();
            let name = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_owned();
            if path.is_dir() {
                walk(&path, &[prefix, &[name]].concat(), out);
            } else if path.extension().is_some_and(|e| e == "rs") && name != "main" {
                let module = if name == "mod" || name == "lib" { prefix.to_vec() } else { [prefix, &[name]].concat() };
                out.insert(module, std::fs::read_to_string(&path).expect("source"));
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(&root().join("src"), &[], &mut out);
    out
}

/// Every path a `use` tree names: `a::{b, c::{d, e}}` gives `a::b`, `a::c::d`, `a::c::e`.
fn expand(tree: &str) -> Vec<String> {
    let tree: String = tree.chars().filter(|c| !c.is_whitespace()).collect();
    let Some(open) = tree.find('{') else { return vec![tree] };
    let (prefix, inner) = (&tree[..open], &tree[open + 1..tree.len().saturating_sub(1)]);
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[start..]);
    parts.into_iter().filter(|p| !p.is_empty()).flat_map(expand).map(|p| format!("{prefix}{p}")).collect()
}

/// The paths a file names: its `use` trees, and `crate::`/`super::` paths in its code
/// (comments, doc links included, are not code).
fn named_paths(text: &str) -> Vec<String> {
    let code: String = text.lines().filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n");
    let mut paths = Vec::new();
    let mut from = 0;
    while let Some(found) = code[from..].find("use ") {
        let at = from + found;
        let line_start = code[..at].rfind('\n').map_or(0, |i| i + 1);
        let before = code[line_start..at].trim();
        from = at + 4;
        if before.is_empty() || before == "pub" || before.starts_with("pub(") {
            let end = code[at..].find(';').map_or(code.len(), |e| at + e);
            paths.extend(expand(&code[at + 4..end]));
            from = end;
        }
    }
    for prefix in ["crate::", "super::"] {
        for (at, _) in code.match_indices(prefix) {
            let before = code[..at].chars().next_back().unwrap_or(' ');
            if before.is_alphanumeric() || before == '_' || before == ':' {
                continue;
            }
            let path: String =
                code[at..].chars().take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':').collect();
            paths.push(path);
        }
    }
    paths
}

/// The paths a `mod.rs` re-exports with `pub use`.
fn reexports(text: &str) -> Vec<String> {
    text.split(';').filter_map(|statement| statement.trim_start().strip_prefix("pub use ")).flat_map(expand).collect()
}

/// The file module a path (named in `from`) leads to, through `mod.rs` re-exports.
fn resolve(
    from: &[String],
    is_mod_file: bool,
    path: &str,
    modules: &BTreeMap<Vec<String>, String>,
) -> Option<Vec<String>> {
    let segments: Vec<&str> = path.split("::").filter(|s| !s.is_empty() && *s != "self").collect();
    let mut here: Vec<String> = from.to_vec();
    let mut absolute: Vec<String> = Vec::new();
    let mut rest = segments.as_slice();
    match rest.first() {
        Some(&"crate") => rest = &rest[1..],
        Some(&"super") => {
            // `super` of a `mod.rs` is its parent; of `a/b.rs` it is `a`.
            if is_mod_file {
                here.pop();
            }
            while rest.first() == Some(&"super") {
                here.pop();
                rest = &rest[1..];
            }
            absolute = here;
        }
        _ => return None,
    }
    absolute.extend(rest.iter().map(|s| s.to_string()));
    let mut best = (0..=absolute.len()).rev().find(|n| modules.contains_key(&absolute[..*n]))?;
    // `crate::game::Game` is `game/model.rs`'s, re-exported by `game/mod.rs`.
    while let Some(item) = absolute.get(best) {
        let text = &modules[&absolute[..best]];
        let child = modules.keys().filter(|k| k.len() == best + 1 && k.starts_with(&absolute[..best])).find(|k| {
            let name = &k[best];
            reexports(text).iter().any(|p| p.starts_with(&format!("{name}::")) && p.ends_with(&format!("::{item}")))
        });
        match child {
            Some(child) => {
                absolute.splice(..=best, child.iter().cloned());
                best = child.len();
            }
            None => break,
        }
    }
    Some(absolute[..best].to_vec())
}

fn imports() -> BTreeMap<Vec<String>, BTreeSet<Vec<String>>> {
    let modules = modules();
    let mut graph = BTreeMap::new();
    for (module, text) in &modules {
        let is_mod_file = module.is_empty() || modules.keys().any(|k| k.len() > module.len() && k.starts_with(module));
        let targets: BTreeSet<Vec<String>> = named_paths(text)
            .iter()
            .filter_map(|path| resolve(module, is_mod_file, path, &modules))
            // Itself, or its own children: structure, not an import.
            .filter(|target| !target.starts_with(module))
            .collect();
        graph.insert(module.clone(), targets);
    }
    graph
}

#[test]
fn no_test_file_is_over_400_lines() {
    for entry in std::fs::read_dir(crate::support::root().join("tests")).expect("the tests folder").flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "rs") {
            let lines = std::fs::read_to_string(&path).expect("readable").lines().count();
            assert!(lines <= 400, "{} has {lines} lines: split it by concern", path.display());
        }
    }
}

#[test]
fn no_source_file_is_over_400_lines() {
    for (module, text) in modules() {
        let lines = text.lines().count();
        assert!(lines <= 400, "{} has {lines} lines: split it by concern", module.join("/"));
    }
}

#[test]
fn no_two_files_import_each_other_in_a_circle() {
    let graph = imports();
    assert!(graph[&vec!["game".to_owned(), "round".to_owned()]].contains(&vec!["game".to_owned(), "model".to_owned()]));
    // Depth-first search; a file met again on the current path closes a circle.
    fn visit(
        node: &Vec<String>,
        graph: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        path: &mut Vec<Vec<String>>,
        done: &mut BTreeSet<Vec<String>>,
    ) {
        if let Some(at) = path.iter().position(|n| n == node) {
            let circle: Vec<String> = path[at..].iter().chain([node]).map(|m| m.join("/")).collect();
            panic!("an import circle: {}", circle.join(" -> "));
        }
        if !done.insert(node.clone()) {
            return;
        }
        path.push(node.clone());
        for next in graph.get(node).into_iter().flatten() {
            visit(next, graph, path, done);
        }
        path.pop();
    }
    let mut done = BTreeSet::new();
    for node in graph.keys() {
        visit(node, &graph, &mut Vec::new(), &mut done);
    }
}

#[test]
fn the_core_never_imports_what_people_see_or_touch() {
    let ui = ["screens", "theme", "audio", "input", "app", "cli", "smoke", "window", "words", "persist", "loading"];
    for (module, targets) in imports() {
        if !matches!(module.first().map(String::as_str), Some("game" | "pack")) {
            continue;
        }
        for target in targets {
            let top = target.first().map(String::as_str).unwrap_or_default();
            assert!(
                !ui.contains(&top),
                "{} imports {}: the core must run headless",
                module.join("/"),
                target.join("/")
            );
        }
    }
}
