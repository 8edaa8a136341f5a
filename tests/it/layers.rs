//! The house plan, checked: no import cycle between pantau's modules, and the
//! layers point one way (plan ← i18n ← store ← report ← tui ← command ← cli).
//!
//! Reads `src/` as text: every `crate::…`, `super::…` and `pantau::…` path
//! names a module a file depends on (`pantau::` is how `main.rs`, a crate of
//! its own, sees the library, as the tests do). Checked twice: module by
//! module, and folder by folder (`plan/`, `i18n/`, … each taken whole, as a
//! reader of the tree sees the layers). `cargo test --test it layers --
//! --nocapture` prints the graphs' figures (modules per layer, largest file,
//! cycles).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Modules by path prefix (the longest prefix decides), lowest layer first. A
/// module may use its own layer and those before it, never one after it. The
/// domain returns values (problems, conflicts, logged changes, refusals) and
/// the strings, above it, put them in words: plan never imports i18n.
const LAYERS: &[(&str, &[&str])] = &[
    ("text", &["text"]),
    ("plan", &["plan"]),
    ("strings", &["i18n"]),
    ("store", &["store"]),
    ("report", &["report"]),
    ("input", &["import"]),
    // The configuration file holds names only: the interface's types stay above it.
    ("config", &["config"]),
    ("tui", &["tui"]),
    ("command", &["command"]),
    ("edge", &["cli", "main", "lib"]),
];

struct Module {
    file: PathBuf,
    lines: usize,
    uses: BTreeSet<String>,
}

fn module_name(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts.join("::")
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Strips comments and string literals, so a path named in a doc comment or
/// a message is not taken for a use.
fn code_only(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    let b = source.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'/' && b.get(i + 1) == Some(&b'/') {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
        } else if b[i] == b'"' {
            i += 1;
            while i < b.len() && b[i] != b'"' {
                i += if b[i] == b'\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("\"\"");
        } else if b[i] == b'\'' && b.get(i + 2) == Some(&b'\'') {
            // A char literal such as '"' or '{'.
            i += 3;
            out.push_str("' '");
        } else {
            out.push(b[i] as char);
            i += 1;
        }
    }
    out
}

/// Every path that follows `prefix` (`crate::` or `super::`), with `{…}`
/// groups expanded: `crate::{a, b::{c, d}}` gives `a`, `b::c`, `b::d`.
fn paths_after(code: &str, prefix: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find(prefix) {
        let before = rest[..at].chars().next_back();
        rest = &rest[at + prefix.len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let (paths, _) = parse_tree(rest);
        out.extend(paths);
    }
    out
}

fn parse_tree(s: &str) -> (Vec<String>, usize) {
    let s_trim = s.trim_start();
    let skipped = s.len() - s_trim.len();
    if let Some(inner) = s_trim.strip_prefix('{') {
        let mut out = Vec::new();
        let mut used = 1;
        let mut rest = inner;
        loop {
            let trimmed = rest.trim_start_matches([' ', '\n', '\r', '\t', ',']);
            used += rest.len() - trimmed.len();
            rest = trimmed;
            if let Some(after) = rest.strip_prefix('}') {
                used += 1;
                let _ = after;
                break;
            }
            if rest.is_empty() {
                break;
            }
            let (paths, n) = parse_tree(rest);
            if n == 0 {
                break;
            }
            out.extend(paths);
            used += n;
            rest = &rest[n..];
        }
        return (out, skipped + used);
    }
    let ident: String = s_trim
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    if ident.is_empty() {
        return (Vec::new(), skipped);
    }
    let after = &s_trim[ident.len()..];
    if let Some(tail) = after.strip_prefix("::") {
        let (paths, n) = parse_tree(tail);
        let paths = if paths.is_empty() {
            vec![ident.clone()]
        } else {
            paths
                .into_iter()
                .map(|p| {
                    if p == "self" {
                        ident.clone()
                    } else {
                        format!("{ident}::{p}")
                    }
                })
                .collect()
        };
        return (paths, skipped + ident.len() + 2 + n);
    }
    (vec![ident.clone()], skipped + ident.len())
}

/// The longest known module that `path` starts with.
fn owner<'a>(path: &str, modules: &'a BTreeMap<String, Module>) -> Option<&'a str> {
    let parts: Vec<&str> = path.split("::").collect();
    (1..=parts.len())
        .rev()
        .map(|n| parts[..n].join("::"))
        .find_map(|m| modules.get_key_value(&m).map(|(k, _)| k.as_str()))
}

fn graph() -> BTreeMap<String, Module> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut list = Vec::new();
    files(&src, &mut list);
    let mut modules: BTreeMap<String, Module> = list
        .iter()
        .map(|f| {
            let name = module_name(&src, f);
            let name = if name.is_empty() { "lib".into() } else { name };
            let text = std::fs::read_to_string(f).unwrap();
            (
                name,
                Module {
                    file: f.clone(),
                    lines: text.lines().count(),
                    uses: BTreeSet::new(),
                },
            )
        })
        .collect();
    let names: Vec<String> = modules.keys().cloned().collect();
    for name in names {
        let file = modules[&name].file.clone();
        let code = code_only(&std::fs::read_to_string(&file).unwrap());
        // Inline test modules use what they test and more; they are not the layout.
        let code = match code.find("#[cfg(test)]") {
            Some(at) => code[..at].to_string(),
            None => code,
        };
        let mut targets = BTreeSet::new();
        let absolute = paths_after(&code, "crate::");
        for p in absolute.into_iter().chain(paths_after(&code, "pantau::")) {
            if let Some(m) = owner(&p, &modules) {
                targets.insert(m.to_string());
            }
        }
        // `super::` in module `a::b` is `a`, whether `a::b` is `a/b.rs` or `a/b/mod.rs`.
        let parent: Vec<&str> = name.split("::").collect();
        let base = parent[..parent.len().saturating_sub(1)].join("::");
        for p in paths_after(&code, "super::") {
            let full = if base.is_empty() {
                p
            } else {
                format!("{base}::{p}")
            };
            if let Some(m) = owner(&full, &modules) {
                targets.insert(m.to_string());
            }
        }
        targets.remove(&name);
        // A module's use of its own parent (`super::Thing` from a child) is
        // the normal shape of a folder module, not a cycle-maker on its own;
        // it is kept, so that a parent that also uses the child shows up.
        modules.get_mut(&name).unwrap().uses = targets;
    }
    modules
}

/// Strongly connected components of more than one module (Tarjan).
fn cycles(modules: &BTreeMap<String, Module>) -> Vec<Vec<String>> {
    struct State<'a> {
        modules: &'a BTreeMap<String, Module>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on: BTreeSet<&'a str>,
        next: usize,
        out: Vec<Vec<String>>,
    }
    fn visit<'a>(s: &mut State<'a>, v: &'a str) {
        s.index.insert(v, s.next);
        s.low.insert(v, s.next);
        s.next += 1;
        s.stack.push(v);
        s.on.insert(v);
        for w in &s.modules[v].uses {
            let w = w.as_str();
            if !s.index.contains_key(w) {
                visit(s, w);
                let lw = s.low[w];
                let lv = s.low[v];
                s.low.insert(v, lv.min(lw));
            } else if s.on.contains(w) {
                let iw = s.index[w];
                let lv = s.low[v];
                s.low.insert(v, lv.min(iw));
            }
        }
        if s.low[v] == s.index[v] {
            let mut scc = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on.remove(w);
                scc.push(w.to_string());
                if w == v {
                    break;
                }
            }
            if scc.len() > 1 {
                scc.sort();
                s.out.push(scc);
            }
        }
    }
    let mut s = State {
        modules,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on: BTreeSet::new(),
        next: 0,
        out: Vec::new(),
    };
    for v in modules.keys() {
        if !s.index.contains_key(v.as_str()) {
            visit(&mut s, v);
        }
    }
    s.out
}

fn layer_of(module: &str) -> Option<usize> {
    let covers = |prefix: &str| {
        module == prefix
            || module
                .strip_prefix(prefix)
                .is_some_and(|r| r.starts_with("::"))
    };
    LAYERS
        .iter()
        .enumerate()
        .flat_map(|(i, (_, prefixes))| prefixes.iter().map(move |p| (i, *p)))
        .filter(|(_, p)| covers(p))
        .max_by_key(|(_, p)| p.len())
        .map(|(i, _)| i)
}

#[test]
fn no_import_cycle_between_modules() {
    let modules = graph();
    let found = cycles(&modules);
    // The figures for a closing note.
    let mut per_layer: BTreeMap<&str, usize> = BTreeMap::new();
    for name in modules.keys() {
        let layer = layer_of(name).map_or("(no layer)", |l| LAYERS[l].0);
        *per_layer.entry(layer).or_default() += 1;
    }
    let largest = modules.iter().max_by_key(|(_, m)| m.lines).unwrap();
    println!(
        "{} modules; per layer: {per_layer:?}; largest: {} ({} lines); cycles: {}",
        modules.len(),
        largest.0,
        largest.1.lines,
        found.len()
    );
    for cycle in &found {
        println!("cycle of {}: {}", cycle.len(), cycle.join(", "));
    }
    assert!(found.is_empty(), "import cycles: {found:?}");
}

#[test]
fn layers_point_one_way() {
    let modules = graph();
    let mut wrong = Vec::new();
    for (name, module) in &modules {
        let Some(from) = layer_of(name) else {
            wrong.push(format!(
                "{name} is in no layer: add it to LAYERS in tests/it/layers.rs"
            ));
            continue;
        };
        for used in &module.uses {
            if let Some(to) = layer_of(used)
                && to > from
            {
                wrong.push(format!(
                    "{name} ({}) uses {used} ({})",
                    LAYERS[from].0, LAYERS[to].0
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_checker_sees_a_cycle_and_a_grouped_use() {
    let (paths, _) = parse_tree("{a, b::{c, self}, d::e}");
    assert_eq!(paths, ["a", "b::c", "b", "d::e"]);
    let code = code_only("use crate::x::y; // crate::z\nlet s = \"crate::w\";");
    assert_eq!(paths_after(&code, "crate::"), ["x::y"]);
    let mut modules = BTreeMap::new();
    for (name, uses) in [
        ("a", vec!["b"]),
        ("b", vec!["c"]),
        ("c", vec!["a"]),
        ("d", vec!["a"]),
    ] {
        modules.insert(
            name.to_string(),
            Module {
                file: PathBuf::new(),
                lines: 0,
                uses: uses.into_iter().map(String::from).collect(),
            },
        );
    }
    assert_eq!(cycles(&modules), [vec!["a", "b", "c"]]);
}

/// Cycles between folders that issue 22 is breaking, each sorted: the test
/// fails when one appears that is not here, and when one here is gone (then
/// strike it, so it cannot come back unnoticed).
const FOLDER_CYCLES_TO_BREAK: &[&[&str]] = &[];

/// The graph of folders: `plan::merge` and `plan::model` are both `plan`;
/// a file at the top of `src/` is its own folder.
fn folders(modules: &BTreeMap<String, Module>) -> BTreeMap<String, Module> {
    let folder = |module: &str| module.split("::").next().unwrap_or(module).to_string();
    let mut out: BTreeMap<String, Module> = BTreeMap::new();
    for (name, module) in modules {
        let entry = out.entry(folder(name)).or_insert_with(|| Module {
            file: module.file.clone(),
            lines: 0,
            uses: BTreeSet::new(),
        });
        entry.lines += module.lines;
        entry.uses.extend(module.uses.iter().map(|u| folder(u)));
    }
    for (name, module) in &mut out {
        module.uses.remove(name);
    }
    out
}

#[test]
fn no_import_cycle_between_folders_but_the_known_ones() {
    let found = cycles(&folders(&graph()));
    println!("{} folder cycle(s): {found:?}", found.len());
    let known: Vec<Vec<String>> = FOLDER_CYCLES_TO_BREAK
        .iter()
        .map(|c| c.iter().map(|f| f.to_string()).collect())
        .collect();
    let new: Vec<&Vec<String>> = found.iter().filter(|c| !known.contains(c)).collect();
    let gone: Vec<&Vec<String>> = known.iter().filter(|c| !found.contains(c)).collect();
    assert!(new.is_empty(), "new import cycles between folders: {new:?}");
    assert!(
        gone.is_empty(),
        "broken, well done: strike {gone:?} from FOLDER_CYCLES_TO_BREAK"
    );
}

#[test]
fn main_is_read_through_the_paths_it_imports_the_library_by() {
    let modules = graph();
    let main = &modules["main"].uses;
    assert!(
        main.iter().any(|m| m == "cli" || m.starts_with("cli::")),
        "main.rs parses its command line through `pantau::cli`: {main:?}"
    );
    let code = code_only("use pantau::{cli::Cli, store};\nlet x = mypantau::y;");
    assert_eq!(paths_after(&code, "pantau::"), ["cli::Cli", "store"]);
}
