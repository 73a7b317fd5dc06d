//! Checks on the page's sources rather than its behaviour, run by plain `cargo test`: the words
//! of index.html and startup/early.js are the catalog's (`locales/en/page.ftl`), no two
//! modules of `src/ui` import each other, and its components stay short.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use anyhow::Context;

fn project_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The modules under `src/ui` that each one imports (`use super::x`, `crate::ui::x`), by file
/// name; `mod.rs` only declares them and is left out.
fn ui_imports(root: &Path) -> anyhow::Result<BTreeMap<String, Vec<String>>> {
    let dir = root.join("src/ui");
    let mut imports = BTreeMap::new();
    for entry in
        std::fs::read_dir(&dir).with_context(|| format!("cannot list {}", dir.display()))?
    {
        let path = entry?.path();
        let Some(name) = path.file_stem().and_then(|stem| stem.to_str()) else {
            continue;
        };
        if name == "mod" || path.extension().is_none_or(|ext| ext != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(&path)?;
        let mut used: Vec<String> = ["super::", "crate::ui::"]
            .iter()
            .flat_map(|prefix| {
                text.match_indices(prefix)
                    .map(move |(at, _)| at + prefix.len())
            })
            .map(|start| {
                text[start..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect::<String>()
            })
            .filter(|module| !module.is_empty() && module != name)
            .collect();
        used.sort();
        used.dedup();
        imports.insert(name.to_owned(), used);
    }
    Ok(imports)
}

/// A cycle in `imports` (a → … → a), if there is one.
fn find_cycle(imports: &BTreeMap<String, Vec<String>>) -> Option<Vec<String>> {
    fn visit(
        module: &str,
        imports: &BTreeMap<String, Vec<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|m| m == module) {
            let mut cycle = path[at..].to_vec();
            cycle.push(module.to_owned());
            return Some(cycle);
        }
        if done.contains(module) {
            return None;
        }
        path.push(module.to_owned());
        for next in imports.get(module).into_iter().flatten() {
            if let Some(cycle) = visit(next, imports, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(module.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    imports
        .keys()
        .find_map(|module| visit(module, imports, &mut Vec::new(), &mut done))
}

#[test]
fn no_two_ui_modules_import_each_other() -> anyhow::Result<()> {
    let imports = ui_imports(&project_root())?;
    assert!(imports.len() > 10, "src/ui has only {:?}", imports.keys());
    if let Some(cycle) = find_cycle(&imports) {
        anyhow::bail!("src/ui modules import each other: {}", cycle.join(" → "));
    }
    Ok(())
}

#[test]
fn a_cycle_is_found() {
    let graph = |edges: &[(&str, &[&str])]| {
        edges
            .iter()
            .map(|(from, to)| {
                (
                    (*from).to_owned(),
                    to.iter().map(|t| (*t).to_owned()).collect(),
                )
            })
            .collect()
    };
    assert_eq!(
        find_cycle(&graph(&[("a", &["b"]), ("b", &["c"]), ("c", &[])])),
        None
    );
    assert_eq!(
        find_cycle(&graph(&[("a", &["b"]), ("b", &["c"]), ("c", &["a"])])),
        Some(vec![
            "a".to_owned(),
            "b".to_owned(),
            "c".to_owned(),
            "a".to_owned()
        ])
    );
}

/// The catalog's messages as their English reads, `{name}` for each variable (build.rs writes
/// them beside the functions it makes of them).
fn catalog_texts() -> BTreeMap<&'static str, &'static str> {
    commandcenter_email::words::catalog::ENGLISH
        .iter()
        .copied()
        .collect()
}

/// Runs of white space as one space, as a browser shows them.
fn collapsed(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Each `#[component]` of a source file with its length in lines, from its `fn` line to the
/// closing brace at the start of a line.
fn component_lengths(source: &str) -> Vec<(String, usize)> {
    let lines: Vec<&str> = source.lines().collect();
    let mut lengths = Vec::new();
    for (at, line) in lines.iter().enumerate() {
        if line.trim() != "#[component]" {
            continue;
        }
        let Some((start, signature)) = lines
            .iter()
            .enumerate()
            .skip(at + 1)
            .find(|(_, l)| l.starts_with("pub fn ") || l.starts_with("fn "))
        else {
            continue;
        };
        let name = signature
            .trim_start_matches("pub ")
            .trim_start_matches("fn ")
            .split(['(', '<'])
            .next()
            .unwrap_or_default()
            .to_owned();
        if let Some(end) = lines.iter().skip(start).position(|l| *l == "}") {
            lengths.push((name, end + 1));
        }
    }
    lengths
}

/// The settings page at most 100 lines and every other component at most 120: past that, a
/// part of it becomes a component of its own.
#[test]
fn components_stay_short() -> anyhow::Result<()> {
    let dir = project_root().join("src/ui");
    let mut found = 0;
    let mut too_long = Vec::new();
    for entry in std::fs::read_dir(&dir)? {
        let path = entry?.path();
        if path.extension().is_none_or(|ext| ext != "rs") {
            continue;
        }
        for (name, length) in component_lengths(&std::fs::read_to_string(&path)?) {
            found += 1;
            let limit = if name == "EmailServerPage" { 100 } else { 120 };
            if length > limit {
                too_long.push(format!("{name}: {length} lines, at most {limit}"));
            }
        }
    }
    assert!(found > 10, "only {found} components found in src/ui");
    assert!(too_long.is_empty(), "{}", too_long.join("\n"));
    Ok(())
}

#[test]
fn a_long_component_is_measured() {
    let body = "    view! {}\n".repeat(130);
    let source = format!("#[component]\npub fn Long() -> impl IntoView {{\n{body}}}\n");
    assert_eq!(component_lengths(&source), [("Long".to_owned(), 132)]);
}

#[test]
fn index_html_says_what_the_catalog_says() -> anyhow::Result<()> {
    let root = project_root();
    let catalog = catalog_texts();
    let html = std::fs::read_to_string(root.join("index.html"))?;
    let found = std::cell::RefCell::new(Vec::<(String, String)>::new());
    let settings = lol_html::RewriteStrSettings::new()
        .append_element_content_handler(lol_html::element!("[data-l10n-id]", |element| {
            let id = element.get_attribute("data-l10n-id").unwrap_or_default();
            found.borrow_mut().push((id, String::new()));
            Ok(())
        }))
        .append_element_content_handler(lol_html::text!("[data-l10n-id]", |chunk| {
            if let Some((_, text)) = found.borrow_mut().last_mut() {
                text.push_str(chunk.as_str());
            }
            Ok(())
        }));
    lol_html::rewrite_str(&html, settings)?;
    let found = found.into_inner();
    assert!(
        found.len() > 15,
        "index.html names only {} messages",
        found.len()
    );
    for (id, text) in found {
        let expected = catalog
            .get(id.as_str())
            .unwrap_or_else(|| panic!("index.html names `{id}`, which locales/en/page.ftl lacks"));
        assert_eq!(collapsed(&text), collapsed(expected), "index.html's `{id}`");
    }
    Ok(())
}

#[test]
fn early_js_says_what_the_catalog_says() -> anyhow::Result<()> {
    let root = project_root();
    let catalog = catalog_texts();
    let script = std::fs::read_to_string(root.join("startup/early.js"))?;
    let start = script
        .find("var MESSAGES = {")
        .context("startup/early.js has no `var MESSAGES = {`")?
        + "var MESSAGES = ".len();
    let end = start
        + script[start..]
            .find("};")
            .context("MESSAGES does not end")?
        + 1;
    let messages: BTreeMap<String, String> =
        serde_json::from_str(&script[start..end]).context("MESSAGES is not plain JSON")?;
    assert!(
        messages.len() > 10,
        "early.js has only {} messages",
        messages.len()
    );
    for (id, text) in messages {
        let expected = catalog
            .get(id.as_str())
            .unwrap_or_else(|| panic!("early.js says `{id}`, which locales/en/page.ftl lacks"));
        assert_eq!(&text, expected, "early.js's `{id}`");
    }
    Ok(())
}
