//! JS classes of the glue whose wasm half is gone.
//!
//! wasm-bindgen writes a JS class for every Rust type that some crate exports to JS, whether or
//! not this page uses it. leptos always links server_fn, which brings wasm-streams' stream
//! adapters (`IntoUnderlyingSource` and two more); index.html's wasm-opt step removes their wasm
//! exports, since nothing here streams. Their JS classes stay behind, exported from the glue and
//! never constructed: every method would call a wasm function that no longer exists.
//!
//! Such a class loses its `export`, its `Symbol.dispose` alias and its FinalizationRegistry;
//! esbuild's tree shaking then drops the class itself (0.3 KB of brotli). A class is orphaned when
//! the wasm exports no function of it (`<class in lower case>_<method>`, or `__wbg_<class>_free`).
//! Every edit must find exactly what wasm-bindgen writes, or the build stops.

use anyhow::{ensure, Context};

/// The glue without the orphaned classes' exports, and the names of those classes.
pub fn unexport(js: &str, wasm_exports: &[String]) -> anyhow::Result<(String, Vec<String>)> {
    let mut js = js.to_owned();
    let mut orphans = Vec::new();
    for class in exported_classes(&js) {
        let lower = class.to_ascii_lowercase();
        let method_prefix = format!("{lower}_");
        let free = format!("__wbg_{lower}_free");
        let alive = wasm_exports
            .iter()
            .any(|name| name.starts_with(&method_prefix) || *name == free);
        if !alive {
            orphans.push(class);
        }
    }
    for class in &orphans {
        replace_once(
            &mut js,
            &format!("export class {class} {{"),
            &format!("class {class} {{"),
        )?;
        replace_once(
            &mut js,
            &format!(
                "if (Symbol.dispose) {class}.prototype[Symbol.dispose] = {class}.prototype.free;\n"
            ),
            "",
        )?;
        remove_finalization_registry(&mut js, class)?;
    }
    Ok((js, orphans))
}

/// The names in the glue's `export class <Name> {` lines.
fn exported_classes(js: &str) -> Vec<String> {
    js.lines()
        .filter_map(|line| line.strip_prefix("export class "))
        .filter_map(|rest| rest.strip_suffix(" {"))
        .map(str::to_owned)
        .collect()
}

fn replace_once(js: &mut String, from: &str, to: &str) -> anyhow::Result<()> {
    let found = js.matches(from).count();
    ensure!(
        found == 1,
        "expected `{}` once in the glue, found it {found} times",
        from.trim_end()
    );
    *js = js.replacen(from, to, 1);
    Ok(())
}

/// `const <Class>Finalization = ... new FinalizationRegistry(...);`, a statement of a few lines.
fn remove_finalization_registry(js: &mut String, class: &str) -> anyhow::Result<()> {
    let head = format!("const {class}Finalization = ");
    ensure!(
        js.matches(&head).count() == 1,
        "expected one `{head}` in the glue"
    );
    let start = js.find(&head).context("checked above")?;
    let length = js[start..]
        .find(";\n")
        .context("the FinalizationRegistry statement does not end")?
        + 2;
    let statement = &js[start..start + length];
    ensure!(
        statement.contains("new FinalizationRegistry(") && statement.matches("const ").count() == 1,
        "unexpected FinalizationRegistry statement in the glue: {statement}"
    );
    js.replace_range(start..start + length, "");
    ensure!(
        !js.contains(&format!("{class}Finalization.register(")),
        "{class} is orphaned but the glue still registers instances of it"
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shape of wasm-bindgen 0.2's glue around an exported class.
    fn glue() -> String {
        "export class Used {\n    free() { wasm.__wbg_used_free(this.__wbg_ptr, 0); }\n}\n\
         if (Symbol.dispose) Used.prototype[Symbol.dispose] = Used.prototype.free;\n\
         export class Gone {\n    \
             __destroy_into_raw() { GoneFinalization.unregister(this); }\n    \
             pull() { return wasm.gone_pull(this.__wbg_ptr); }\n}\n\
         if (Symbol.dispose) Gone.prototype[Symbol.dispose] = Gone.prototype.free;\n\
         const UsedFinalization = (typeof FinalizationRegistry === 'undefined')\n    \
             ? { register: () => {}, unregister: () => {} }\n    \
             : new FinalizationRegistry(ptr => wasm.__wbg_used_free(ptr, 1));\n\
         const GoneFinalization = (typeof FinalizationRegistry === 'undefined')\n    \
             ? { register: () => {}, unregister: () => {} }\n    \
             : new FinalizationRegistry(ptr => wasm.__wbg_gone_free(ptr, 1));\n\
         export { initSync, __wbg_init as default };\n"
            .to_owned()
    }

    fn exports(names: &[&str]) -> Vec<String> {
        names.iter().map(|name| (*name).to_owned()).collect()
    }

    #[test]
    fn a_class_without_wasm_functions_loses_its_export() -> anyhow::Result<()> {
        let (js, orphans) = unexport(&glue(), &exports(&["memory", "__wbg_used_free"]))?;
        assert_eq!(orphans, ["Gone"]);
        assert!(js.contains("\nclass Gone {"), "{js}");
        assert!(js.contains("export class Used {"), "{js}");
        assert!(!js.contains("Gone.prototype[Symbol.dispose]"), "{js}");
        assert!(js.contains("Used.prototype[Symbol.dispose]"), "{js}");
        assert!(!js.contains("const GoneFinalization"), "{js}");
        assert!(js.contains("const UsedFinalization"), "{js}");
        assert!(js.ends_with("export { initSync, __wbg_init as default };\n"));
        Ok(())
    }

    #[test]
    fn a_class_with_any_wasm_function_left_stays() -> anyhow::Result<()> {
        for kept in ["gone_pull", "__wbg_gone_free"] {
            let (js, orphans) = unexport(&glue(), &exports(&["__wbg_used_free", kept]))?;
            assert!(orphans.is_empty(), "{kept}");
            assert_eq!(js, glue());
        }
        Ok(())
    }

    #[test]
    fn unexpected_glue_stops_the_build() {
        let without_dispose = glue().replace(
            "if (Symbol.dispose) Gone.prototype[Symbol.dispose] = Gone.prototype.free;\n",
            "",
        );
        assert!(unexport(&without_dispose, &[]).is_err());
        let still_registered = glue().replace(
            "pull() {",
            "constructor() { GoneFinalization.register(this, 1, this); }\n    pull() {",
        );
        assert!(unexport(&still_registered, &exports(&["__wbg_used_free"])).is_err());
    }
}
