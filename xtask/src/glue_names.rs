//! Short names for the functions that the wasm and its JavaScript glue call across the boundary.
//!
//! wasm-bindgen names each import from its glue after the JS function plus a 16-digit hash
//! (`__wbg_setAttribute_3c2d...`) and each closure export after a Rust symbol hash. Every such
//! name is written twice, in the wasm's import or export section and in the glue, and the hex
//! digits do not compress: 2.7 KB of brotli in this page. The names mean nothing to the browser,
//! so the release bundle gets one or two letters instead, the same in both files.
//!
//! Only names that are safe to change are changed: imports from wasm-bindgen's own glue module
//! (`./<crate>_bg.js`), each of which the glue defines exactly once as a key of its import
//! object; and wasm-bindgen's own exports (`__wbindgen_*`, `__externref_*`, closure adapters with
//! a symbol hash), which only the glue calls. Anything else that looks different from what
//! wasm-bindgen writes stops the build instead of guessing.

use std::collections::{BTreeMap, BTreeSet};

use anyhow::{bail, ensure, Context};

/// What the glue's module is called inside the wasm once shortened.
const GLUE_MODULE: &str = "g";

/// The wasm and its glue with the short names, and how many names changed.
pub struct Shortened {
    pub wasm: Vec<u8>,
    pub js: String,
    pub imports: usize,
    pub exports: usize,
}

pub fn shorten(wasm: &[u8], js: &str) -> anyhow::Result<Shortened> {
    let mut out = HEADER.to_vec();
    let mut js = js.to_owned();
    let (mut imports, mut exports) = (0, 0);
    for (id, body) in sections(wasm)? {
        let body = match id {
            IMPORT_SECTION => {
                let (body, renamed) = shorten_imports(body, &mut js)?;
                imports = renamed;
                body
            }
            EXPORT_SECTION => {
                let (body, renamed) = shorten_exports(body, &mut js)?;
                exports = renamed;
                body
            }
            _ => body.to_vec(),
        };
        out.push(id);
        write_u32(&mut out, len_u32(body.len())?);
        out.extend_from_slice(&body);
    }
    Ok(Shortened {
        wasm: out,
        js,
        imports,
        exports,
    })
}

/// The names the wasm exports, in order.
pub fn export_names(wasm: &[u8]) -> anyhow::Result<Vec<String>> {
    let mut names = Vec::new();
    for (id, body) in sections(wasm)? {
        if id == EXPORT_SECTION {
            names.extend(read_exports(body)?.into_iter().map(|export| export.name));
        }
    }
    Ok(names)
}

const HEADER: &[u8] = b"\0asm\x01\0\0\0";
const IMPORT_SECTION: u8 = 2;
const EXPORT_SECTION: u8 = 7;
const FUNCTION_KIND: u8 = 0;

fn shorten_imports(section: &[u8], js: &mut String) -> anyhow::Result<(Vec<u8>, usize)> {
    let mut reader = Reader::new(section);
    let count = reader.u32()?;
    let mut out = Vec::new();
    write_u32(&mut out, count);
    let mut short_names: BTreeMap<String, String> = BTreeMap::new();
    let mut glue_module = None;
    for _ in 0..count {
        let module = reader.name()?;
        let field = reader.name()?;
        let kind = reader.byte()?;
        ensure!(
            kind == FUNCTION_KIND,
            "import {module}.{field} is not a function (kind {kind}): only function imports \
             are expected from wasm-bindgen"
        );
        let type_index = reader.u32()?;
        let (module, field) = if module.starts_with("./") && module.ends_with("_bg.js") {
            glue_module.get_or_insert_with(|| module.to_owned());
            let next = short_name(short_names.len());
            let short = short_names.entry(field.to_owned()).or_insert(next);
            (GLUE_MODULE, short.as_str())
        } else {
            (module, field)
        };
        write_name(&mut out, module)?;
        write_name(&mut out, field)?;
        out.push(kind);
        write_u32(&mut out, type_index);
    }
    ensure!(reader.is_empty(), "trailing bytes in the import section");
    for (long, short) in &short_names {
        replace_token(js, long, short, Occurrences::ExactlyOne)
            .with_context(|| format!("the glue's definition of import {long}"))?;
    }
    if let Some(module) = glue_module {
        let quoted = format!("\"{module}\"");
        ensure!(
            js.matches(&quoted).count() == 1,
            "the glue should name its module {quoted} exactly once"
        );
        *js = js.replacen(&quoted, &format!("\"{GLUE_MODULE}\""), 1);
    }
    Ok((out, short_names.len()))
}

fn shorten_exports(section: &[u8], js: &mut String) -> anyhow::Result<(Vec<u8>, usize)> {
    let exports = read_exports(section)?;
    let kept: BTreeSet<&str> = exports
        .iter()
        .map(|export| export.name.as_str())
        .filter(|name| !is_glue_only_export(name))
        .collect();
    let mut short_names = (0..).map(short_name).filter(|n| !kept.contains(n.as_str()));
    let mut renamed: BTreeMap<&str, String> = BTreeMap::new();
    for export in exports.iter().filter(|e| is_glue_only_export(&e.name)) {
        let short = short_names.next().context("ran out of short names")?;
        replace_token(js, &export.name, &short, Occurrences::Any)?;
        renamed.insert(&export.name, short);
    }
    let mut out = Vec::new();
    write_u32(&mut out, len_u32(exports.len())?);
    for export in &exports {
        let name = renamed.get(export.name.as_str()).unwrap_or(&export.name);
        write_name(&mut out, name)?;
        out.push(export.kind);
        write_u32(&mut out, export.index);
    }
    Ok((out, renamed.len()))
}

/// One entry of the export section: what is exported, and which of its kind.
struct Export {
    name: String,
    kind: u8,
    index: u32,
}

fn read_exports(section: &[u8]) -> anyhow::Result<Vec<Export>> {
    let mut reader = Reader::new(section);
    let mut exports = Vec::new();
    for _ in 0..reader.u32()? {
        exports.push(Export {
            name: reader.name()?.to_owned(),
            kind: reader.byte()?,
            index: reader.u32()?,
        });
    }
    ensure!(reader.is_empty(), "trailing bytes in the export section");
    Ok(exports)
}

/// The module's sections, as (id, body), after checking its header.
fn sections(wasm: &[u8]) -> anyhow::Result<Vec<(u8, &[u8])>> {
    let body = wasm
        .strip_prefix(HEADER)
        .context("not a version-1 WebAssembly module")?;
    let mut reader = Reader::new(body);
    let mut sections = Vec::new();
    while !reader.is_empty() {
        let id = reader.byte()?;
        sections.push((id, reader.bytes_with_length()?));
    }
    Ok(sections)
}

/// `a`..`z`, `A`..`Z`, then `aa`, `ba`, ...: valid JS property names, never a keyword that
/// would matter in property position.
fn short_name(mut index: usize) -> String {
    const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut name = String::new();
    loop {
        name.push(char::from(LETTERS[index % LETTERS.len()]));
        index /= LETTERS.len();
        if index == 0 {
            return name;
        }
        index -= 1;
    }
}

/// wasm-bindgen's own exports (allocator, externref table, closures, start), which only its glue
/// calls. `memory` keeps its name: the word is too common to find all of its uses in the glue.
fn is_glue_only_export(name: &str) -> bool {
    name.starts_with("__wbindgen_") || name.starts_with("__externref_") || has_symbol_hash(name)
}

/// rustc's legacy mangling ends a symbol in `h` and 16 hex digits; wasm-bindgen keeps it in the
/// names of the closure adapters it exports, sometimes with a `_<n>` suffix for duplicates.
fn has_symbol_hash(name: &str) -> bool {
    let stem = match name.rsplit_once('_') {
        Some((stem, suffix)) if suffix.bytes().all(|b| b.is_ascii_digit()) => stem,
        _ => name,
    };
    let bytes = stem.as_bytes();
    let Some(split) = bytes.len().checked_sub(17) else {
        return false;
    };
    let (head, hash) = bytes.split_at(split);
    head.ends_with(b"__") && hash[0] == b'h' && hash[1..].iter().all(u8::is_ascii_hexdigit)
}

enum Occurrences {
    ExactlyOne,
    /// Even none: wasm-bindgen exports some functions (`__wbindgen_free`) that its glue for this
    /// page happens not to call.
    Any,
}

/// Replaces `long` where it stands as a whole JS identifier (not inside a longer one).
fn replace_token(
    js: &mut String,
    long: &str,
    short: &str,
    expected: Occurrences,
) -> anyhow::Result<()> {
    let is_identifier_byte = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b == b'$';
    let bytes = js.as_bytes();
    let starts: Vec<usize> = js
        .match_indices(long)
        .map(|(start, _)| start)
        .filter(|&start| {
            let before = start.checked_sub(1).map(|i| bytes[i]);
            let after = bytes.get(start + long.len()).copied();
            !before.is_some_and(is_identifier_byte) && !after.is_some_and(is_identifier_byte)
        })
        .collect();
    match (expected, starts.len()) {
        (Occurrences::ExactlyOne, 1) | (Occurrences::Any, _) => {}
        (_, found) => bail!("found {found} times in the glue"),
    }
    let mut replaced = String::with_capacity(js.len());
    let mut copied_up_to = 0;
    for start in starts {
        replaced.push_str(&js[copied_up_to..start]);
        replaced.push_str(short);
        copied_up_to = start + long.len();
    }
    replaced.push_str(&js[copied_up_to..]);
    *js = replaced;
    Ok(())
}

struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Self { bytes }
    }

    fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    fn byte(&mut self) -> anyhow::Result<u8> {
        let (&first, rest) = self
            .bytes
            .split_first()
            .context("the wasm ends too early")?;
        self.bytes = rest;
        Ok(first)
    }

    /// An unsigned LEB128 number of at most 32 bits.
    fn u32(&mut self) -> anyhow::Result<u32> {
        let mut value: u32 = 0;
        for shift in (0..35).step_by(7) {
            let byte = self.byte()?;
            let bits = u32::from(byte & 0x7f);
            ensure!(
                shift < 28 || bits >> (32 - shift) == 0,
                "a number in the wasm is over 32 bits"
            );
            value |= bits << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        bail!("a number in the wasm is longer than 5 bytes")
    }

    fn bytes_with_length(&mut self) -> anyhow::Result<&'a [u8]> {
        let len = usize::try_from(self.u32()?)?;
        ensure!(len <= self.bytes.len(), "the wasm ends too early");
        let (taken, rest) = self.bytes.split_at(len);
        self.bytes = rest;
        Ok(taken)
    }

    fn name(&mut self) -> anyhow::Result<&'a str> {
        std::str::from_utf8(self.bytes_with_length()?).context("a name in the wasm is not UTF-8")
    }
}

fn len_u32(len: usize) -> anyhow::Result<u32> {
    u32::try_from(len).context("a section is over 4 GiB")
}

fn write_u32(out: &mut Vec<u8>, mut value: u32) {
    loop {
        let low = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(low);
            return;
        }
        out.push(low | 0x80);
    }
}

fn write_name(out: &mut Vec<u8>, name: &str) -> anyhow::Result<()> {
    write_u32(out, len_u32(name.len())?);
    out.extend_from_slice(name.as_bytes());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const GLUE: &str = "./page_bg.js";
    const SNIPPET: &str = "./snippets/page-1/inline0.js";
    const SET_ATTRIBUTE: &str = "__wbg_setAttribute_3c2d4a5b6c7d8e9f";
    const THROW: &str = "__wbg___wbindgen_throw_4c88d8bf264fd984";
    const INVOKE: &str = "wasm_bindgen__convert__closures_____invoke__h147c6f5141e38421";
    const INVOKE_AGAIN: &str = "wasm_bindgen__convert__closures_____invoke__h147c6f5141e38421_13";

    fn section(id: u8, entries: u32, body: &[u8]) -> Vec<u8> {
        let mut content = Vec::new();
        write_u32(&mut content, entries);
        content.extend_from_slice(body);
        let mut out = vec![id];
        write_u32(&mut out, len_u32(content.len()).unwrap_or(u32::MAX));
        out.extend(content);
        out
    }

    fn import(module: &str, field: &str, type_index: u32) -> anyhow::Result<Vec<u8>> {
        let mut out = Vec::new();
        write_name(&mut out, module)?;
        write_name(&mut out, field)?;
        out.push(FUNCTION_KIND);
        write_u32(&mut out, type_index);
        Ok(out)
    }

    fn export(name: &str, kind: u8, index: u32) -> anyhow::Result<Vec<u8>> {
        let mut out = Vec::new();
        write_name(&mut out, name)?;
        out.push(kind);
        write_u32(&mut out, index);
        Ok(out)
    }

    /// A module shaped like wasm-bindgen's output: a type section, imports from the glue and
    /// from a snippet, exports with and without symbol hashes, and a custom section.
    fn module() -> anyhow::Result<Vec<u8>> {
        let mut wasm = HEADER.to_vec();
        wasm.extend(section(1, 1, &[0x60, 0, 0]));
        let imports = [
            import(GLUE, SET_ATTRIBUTE, 0)?,
            import(SNIPPET, "greet", 0)?,
            import(GLUE, THROW, 0)?,
        ]
        .concat();
        wasm.extend(section(IMPORT_SECTION, 3, &imports));
        let exports = [
            export("memory", 2, 0)?,
            export(INVOKE, FUNCTION_KIND, 200)?,
            export("__wbindgen_malloc", FUNCTION_KIND, 3)?,
            export(INVOKE_AGAIN, FUNCTION_KIND, 200)?,
        ]
        .concat();
        wasm.extend(section(EXPORT_SECTION, 4, &exports));
        wasm.extend(section(0, 4, b"name"));
        Ok(wasm)
    }

    fn glue() -> String {
        format!(
            "const imports = {{ {SET_ATTRIBUTE}: function(a, b) {{ a.setAttribute(b) }}, \
             {THROW}: function(m) {{ throw new Error(m) }} }};\n\
             return {{ \"{GLUE}\": imports, \"{SNIPPET}\": snippet0 }};\n\
             wasm.{INVOKE}(1); wasm.{INVOKE_AGAIN}(2); wasm.{INVOKE}(3); wasm.__wbindgen_malloc(4);"
        )
    }

    /// "module field" of each import.
    fn imports_in(wasm: &[u8]) -> anyhow::Result<Vec<String>> {
        let mut names = Vec::new();
        for (_, body) in sections(wasm)?
            .into_iter()
            .filter(|(id, _)| *id == IMPORT_SECTION)
        {
            let mut body = Reader::new(body);
            for _ in 0..body.u32()? {
                let module = body.name()?;
                names.push(format!("{module} {}", body.name()?));
                body.byte()?;
                body.u32()?;
            }
        }
        Ok(names)
    }

    #[test]
    fn glue_imports_and_wasm_bindgen_exports_get_short_names_in_both_files() -> anyhow::Result<()> {
        let shortened = shorten(&module()?, &glue())?;
        assert_eq!((shortened.imports, shortened.exports), (2, 3));
        assert_eq!(
            imports_in(&shortened.wasm)?,
            [
                "g a".to_owned(),
                format!("{SNIPPET} greet"),
                "g b".to_owned()
            ]
        );
        assert_eq!(export_names(&shortened.wasm)?, ["memory", "a", "b", "c"]);
        assert_eq!(
            shortened.js,
            format!(
                "const imports = {{ a: function(a, b) {{ a.setAttribute(b) }}, \
                 b: function(m) {{ throw new Error(m) }} }};\n\
                 return {{ \"g\": imports, \"{SNIPPET}\": snippet0 }};\n\
                 wasm.a(1); wasm.c(2); wasm.a(3); wasm.b(4);"
            )
        );
        // Sections other than imports and exports are copied byte for byte.
        assert!(shortened.wasm.ends_with(&section(0, 4, b"name")));
        assert!(shortened.wasm.starts_with(&module()?[..14]));
        Ok(())
    }

    #[test]
    fn an_export_the_glue_never_calls_is_renamed_all_the_same() -> anyhow::Result<()> {
        let never_called = glue().replace("wasm.__wbindgen_malloc(4);", "");
        let shortened = shorten(&module()?, &never_called)?;
        assert_eq!(export_names(&shortened.wasm)?, ["memory", "a", "b", "c"]);
        assert!(!shortened.js.contains("__wbindgen"), "{}", shortened.js);
        Ok(())
    }

    #[test]
    fn refuses_what_does_not_look_like_wasm_bindgen_output() -> anyhow::Result<()> {
        let wasm = module()?;
        assert!(shorten(b"<!doctype html>", &glue()).is_err());
        assert!(shorten(&wasm[..wasm.len() - 3], &glue()).is_err());
        // The glue does not define an import the wasm asks for.
        let without_throw = glue().replace(THROW, "other");
        assert!(shorten(&wasm, &without_throw).is_err());
        // ... or defines it twice.
        let twice = format!("{} {THROW}", glue());
        assert!(shorten(&wasm, &twice).is_err());
        // An import other than a function (here a memory) is not something the hook knows.
        let mut memory_import = Vec::new();
        write_name(&mut memory_import, GLUE)?;
        write_name(&mut memory_import, "memory")?;
        memory_import.extend([2, 0, 1]);
        let mut with_memory = HEADER.to_vec();
        with_memory.extend(section(IMPORT_SECTION, 1, &memory_import));
        assert!(shorten(&with_memory, "").is_err());
        Ok(())
    }

    #[test]
    fn a_name_is_replaced_only_where_it_stands_alone() -> anyhow::Result<()> {
        let mut js = format!("x.{INVOKE}(); x.{INVOKE_AGAIN}(); let $y_{INVOKE}; \"{INVOKE}\"");
        replace_token(&mut js, INVOKE, "a", Occurrences::Any)?;
        assert_eq!(
            js,
            format!("x.a(); x.{INVOKE_AGAIN}(); let $y_{INVOKE}; \"a\"")
        );
        assert!(replace_token(&mut js, "missing", "b", Occurrences::ExactlyOne).is_err());
        assert!(replace_token(&mut js, "x", "b", Occurrences::ExactlyOne).is_err());
        let unchanged = js.clone();
        replace_token(&mut js, "missing", "b", Occurrences::Any)?;
        assert_eq!(js, unchanged);
        Ok(())
    }

    #[test]
    fn short_names_are_distinct_letters() {
        let names: Vec<String> = (0..3000).map(short_name).collect();
        assert_eq!(names[..3], ["a", "b", "c"]);
        assert_eq!((names[51].as_str(), names[52].as_str()), ("Z", "aa"));
        assert!(names
            .iter()
            .all(|n| n.bytes().all(|b| b.is_ascii_alphabetic())));
        assert!(names.iter().all(|n| n.len() <= 3));
        let distinct: BTreeSet<&String> = names.iter().collect();
        assert_eq!(distinct.len(), names.len());
    }

    #[test]
    fn symbol_hashes_are_recognised() {
        assert!(has_symbol_hash(INVOKE));
        assert!(has_symbol_hash(INVOKE_AGAIN));
        assert!(!has_symbol_hash("__wbindgen_malloc"));
        assert!(!has_symbol_hash("memory"));
        assert!(!has_symbol_hash("main"));
        // 16 hex digits, but not after `__h`: a wasm-bindgen import name, not a Rust symbol.
        assert!(!has_symbol_hash(SET_ATTRIBUTE));
        assert!(!has_symbol_hash(
            "_WASM_SPLIT_MARKER_732e786d2a082da8version"
        ));
        assert!(!has_symbol_hash("ü__h147c6f5141e3842"));
    }
}
