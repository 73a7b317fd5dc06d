//! `cargo xtask minify-glue`: Trunk's post_build hook (see Trunk.toml) makes the JavaScript glue of
//! release builds and its interface with the wasm smaller.
//!
//! - The names that the wasm and the glue call each other by are shortened to a letter or two in
//!   both files (see glue_names.rs): 2.7 KB less brotli.
//! - JS classes whose wasm half index.html's wasm-opt step removed lose their export (see
//!   orphan_classes.rs), so that esbuild's tree shaking drops them: 0.3 KB less brotli.
//! - esbuild minifies the glue. Trunk's own minifier cannot parse wasm-bindgen's glue and ships
//!   it as it is; esbuild makes it 55% smaller (1.7 KB less brotli).
//!
//! The hook runs in Trunk's staging directory, after Trunk has written index.html with Subresource
//! Integrity hashes of the glue and the wasm, so those are rewritten to match the new files: a
//! stale one would make the browser refuse to run the page. Debug builds (`trunk serve`) keep the
//! readable glue and names.

use std::{
    env, fs,
    path::{Path, PathBuf},
};

use anyhow::{ensure, Context};
use base64::{engine::general_purpose::STANDARD, Engine as _};
use sha2::{Digest, Sha256, Sha384, Sha512};
use xshell::{cmd, Shell};

use crate::{glue_names, orphan_classes};

pub fn run(sh: &Shell) -> anyhow::Result<()> {
    let profile = env::var("TRUNK_PROFILE").context(
        "TRUNK_PROFILE is not set: this command is Trunk's post_build hook, not for hands",
    )?;
    if profile != "release" {
        println!("minify-glue: {profile} build, the JS glue stays readable");
        return Ok(());
    }
    let staging =
        PathBuf::from(env::var_os("TRUNK_STAGING_DIR").context("TRUNK_STAGING_DIR is not set")?);
    let index_path = staging.join("index.html");
    let mut html = fs::read_to_string(&index_path)
        .with_context(|| format!("cannot read {}", index_path.display()))?;
    for script in scripts_in(&staging)? {
        let wasm_path = wasm_beside(&script)?;
        let glue = fs::read_to_string(&script)
            .with_context(|| format!("cannot read {}", script.display()))?;
        let wasm =
            fs::read(&wasm_path).with_context(|| format!("cannot read {}", wasm_path.display()))?;
        let (without_orphans, orphans) =
            orphan_classes::unexport(&glue, &glue_names::export_names(&wasm)?)
                .with_context(|| format!("cannot read the classes of {}", script.display()))?;
        let shortened = glue_names::shorten(&wasm, &without_orphans)
            .with_context(|| format!("cannot shorten the names of {}", wasm_path.display()))?;
        fs::write(&wasm_path, &shortened.wasm)?;
        fs::write(&script, &shortened.js)?;
        html = with_integrity_of(&html, &wasm, &shortened.wasm)?;

        let minified = script.with_extension("min.tmp");
        cmd!(
            sh,
            "esbuild {script} --minify --tree-shaking=true --format=esm --charset=utf8 --log-level=warning --outfile={minified}"
        )
        .run()
        .context("esbuild failed; `cargo xtask setup` installs the version pinned in Trunk.toml")?;
        let after = fs::read(&minified)?;
        let minified_text = String::from_utf8_lossy(&after);
        for class in &orphans {
            // The methods call `wasm.<class>_<method>`: property names survive minification.
            let method_call = format!("{}_", class.to_ascii_lowercase());
            ensure!(
                !minified_text.contains(&method_call),
                "esbuild kept the orphaned class {class}, which refers to wasm exports that are gone"
            );
        }
        fs::rename(&minified, &script)?;
        html = with_integrity_of(&html, glue.as_bytes(), &after)?;
        println!(
            "minify-glue: {} orphaned classes dropped ({}), {} imports and {} exports renamed; \
             wasm {} -> {} bytes, {} {} -> {} bytes",
            orphans.len(),
            orphans.join(", "),
            shortened.imports,
            shortened.exports,
            wasm.len(),
            shortened.wasm.len(),
            script.file_name().unwrap_or_default().to_string_lossy(),
            glue.len(),
            after.len()
        );
    }
    fs::write(&index_path, html).with_context(|| format!("cannot write {}", index_path.display()))
}

/// wasm-bindgen's `<name>_bg.wasm` beside its glue `<name>.js`.
fn wasm_beside(script: &Path) -> anyhow::Result<PathBuf> {
    let stem = script
        .file_stem()
        .context("a script without a name")?
        .to_string_lossy();
    let wasm = script.with_file_name(format!("{stem}_bg.wasm"));
    ensure!(
        wasm.is_file(),
        "{} has no {} beside it",
        script.display(),
        wasm.display()
    );
    Ok(wasm)
}

/// The top-level `.js` files: wasm-bindgen's glue (snippets, were there any, are imported by it
/// and carry no integrity hash).
fn scripts_in(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut scripts = Vec::new();
    for entry in fs::read_dir(dir).with_context(|| format!("cannot list {}", dir.display()))? {
        let path = entry?.path();
        if path.is_file() && path.extension().is_some_and(|ext| ext == "js") {
            scripts.push(path);
        }
    }
    Ok(scripts)
}

/// The Subresource Integrity values of `bytes`, in each algorithm a page may use.
fn integrities(bytes: &[u8]) -> [String; 3] {
    [
        format!("sha256-{}", STANDARD.encode(Sha256::digest(bytes))),
        format!("sha384-{}", STANDARD.encode(Sha384::digest(bytes))),
        format!("sha512-{}", STANDARD.encode(Sha512::digest(bytes))),
    ]
}

/// `html` with every integrity value of the file's old content replaced by the same algorithm's
/// value of its new content. Fails if an old value is still there afterwards.
fn with_integrity_of(html: &str, before: &[u8], after: &[u8]) -> anyhow::Result<String> {
    let mut html = html.to_owned();
    for (old, new) in integrities(before).iter().zip(integrities(after)) {
        html = html.replace(old.as_str(), &new);
    }
    ensure!(
        integrities(before)
            .iter()
            .all(|old| !html.contains(old.as_str())),
        "index.html still carries an old integrity hash of the JS glue or the wasm"
    );
    Ok(html)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integrity_values_are_base64_digests() {
        // `printf abc | openssl dgst -sha384 -binary | base64`
        assert_eq!(
            integrities(b"abc")[1],
            "sha384-ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn"
        );
    }

    #[test]
    fn rewrites_the_hash_of_the_minified_file_only() -> anyhow::Result<()> {
        let (glue, minified, wasm) = (
            &b"function  a ( ) { }"[..],
            &b"function a(){}"[..],
            &b"\0asm"[..],
        );
        let [_, glue_hash, _] = integrities(glue);
        let [_, wasm_hash, _] = integrities(wasm);
        let html = format!(
            "<link href=./a.js integrity={glue_hash} rel=modulepreload>\
             <link href=./a_bg.wasm integrity={wasm_hash} rel=preload>"
        );
        let rewritten = with_integrity_of(&html, glue, minified)?;
        let [_, minified_hash, _] = integrities(minified);
        assert!(rewritten.contains(&minified_hash), "{rewritten}");
        assert!(!rewritten.contains(&glue_hash), "{rewritten}");
        assert!(rewritten.contains(&wasm_hash), "{rewritten}");
        // Without any integrity attribute (Trunk's `no_sri`), there is nothing to rewrite.
        assert_eq!(with_integrity_of("<p>", glue, minified)?, "<p>");
        Ok(())
    }
}
