//! The shape of the house, checked: no source file over 400 lines and no function over 80, no
//! import circle between the crate's files, and the core (`game/`, `pack/`) never reaching for what a person sees
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

/// The text with its comments, strings and character literals blanked (line breaks kept), so
/// that braces in them are not counted.
fn code_only(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let blank = |out: &mut String, run: &[char]| out.extend(run.iter().map(|c| if *c == '\n' { '\n' } else { ' ' }));
    let mut i = 0;
    while i < chars.len() {
        let rest = &chars[i..];
        let ident_before = i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_');
        let hashes = rest.iter().skip(1).take_while(|c| **c == '#').count();
        let end = if rest.starts_with(&['/', '/']) {
            rest.iter().position(|c| *c == '\n').unwrap_or(rest.len())
        } else if rest.starts_with(&['/', '*']) {
            rest.windows(2).position(|w| w == ['*', '/']).map_or(rest.len(), |p| p + 2)
        } else if rest[0] == 'r' && !ident_before && rest.get(1 + hashes) == Some(&'"') {
            let close: Vec<char> = std::iter::once('"').chain(std::iter::repeat_n('#', hashes)).collect();
            let body = 2 + hashes;
            rest[body..]
                .windows(close.len())
                .position(|w| w == close.as_slice())
                .map_or(rest.len(), |p| body + p + close.len())
        } else if rest[0] == '"' {
            let mut j = 1;
            while j < rest.len() && rest[j] != '"' {
                j += if rest[j] == '\\' { 2 } else { 1 };
            }
            j + 1
        } else if rest[0] == '\'' && rest.get(1) == Some(&'\\') {
            rest.iter().skip(2).position(|c| *c == '\'').map_or(rest.len(), |p| p + 3)
        } else if rest[0] == '\'' && rest.get(2) == Some(&'\'') {
            3
        } else {
            out.push(rest[0]);
            i += 1;
            continue;
        };
        let end = end.min(rest.len());
        blank(&mut out, &rest[..end]);
        i += end;
    }
    out
}

/// Each function with a body: its name, the line it starts on and how many lines it takes.
fn functions(text: &str) -> Vec<(String, usize, usize)> {
    let code = code_only(text);
    let lines: Vec<&str> = code.lines().collect();
    let mut found = Vec::new();
    for (start, line) in lines.iter().enumerate() {
        let mut head = line.trim_start();
        if head.starts_with("pub") {
            head = head.split_once(' ').map_or("", |(_, rest)| rest);
        }
        for qualifier in ["const ", "async ", "unsafe "] {
            head = head.strip_prefix(qualifier).unwrap_or(head);
        }
        let Some(name) = head.strip_prefix("fn ") else { continue };
        let name: String = name.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
        let mut depth = 0usize;
        let mut opened = false;
        'scan: for (at, line) in lines.iter().enumerate().skip(start) {
            for c in line.chars() {
                match c {
                    ';' if !opened => break 'scan,
                    '{' => (depth, opened) = (depth + 1, true),
                    '}' => depth = depth.saturating_sub(1),
                    _ => {}
                }
                if opened && depth == 0 {
                    found.push((name.clone(), start + 1, at - start + 1));
                    break 'scan;
                }
            }
        }
    }
    found
}

#[test]
fn the_function_reader_counts_bodies_not_braces_in_strings_or_comments() {
    let text =
        "fn a() {\n    let s = \"}\";\n    // }\n    let c = '}';\n}\nfn b<'x>(v: &'x str);\npub(crate) fn c() {}\n";
    let found = functions(text);
    assert_eq!(found, vec![("a".to_owned(), 1, 5), ("c".to_owned(), 7, 1)]);
}

#[test]
fn no_function_in_src_is_over_80_lines() {
    for (module, text) in modules() {
        for (name, line, lines) in functions(&text) {
            assert!(
                lines <= 80,
                "{}: fn {name} (line {line}) has {lines} lines: split it into small builders",
                module.join("/")
            );
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
    let ui = [
        "screens",
        "theme",
        "audio",
        "input",
        "app",
        "cli",
        "frame_limit",
        "script",
        "window",
        "words",
        "persist",
        "loading",
    ];
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
