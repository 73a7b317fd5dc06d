//! `cargo xtask minify-glue`: Trunk's post_build hook (see Trunk.toml) minifies the JavaScript glue
//! of release builds with esbuild. Trunk's own minifier cannot parse wasm-bindgen's glue and ships
//! it as it is.
//!
//! The hook runs in Trunk's staging directory, after Trunk has written index.html with a Subresource
//! Integrity hash of the glue, so that hash is rewritten to match the minified file: a stale one
//! would make the browser refuse to run the page. Debug builds (`trunk serve`) keep the readable
//! glue.

use std::{
    env, fs,
    path::{Path, PathBuf},
};

use anyhow::{ensure, Context};
use base64::{engine::general_purpose::STANDARD, Engine as _};
use sha2::{Digest, Sha256, Sha384, Sha512};
use xshell::{cmd, Shell};

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
        let glue =
            fs::read(&script).with_context(|| format!("cannot read {}", script.display()))?;
        let minified = script.with_extension("min.tmp");
        cmd!(
            sh,
            "esbuild {script} --minify --format=esm --charset=utf8 --log-level=warning --outfile={minified}"
        )
        .run()
        .context("esbuild failed; `cargo xtask setup` installs the version pinned in Trunk.toml")?;
        let after = fs::read(&minified)?;
        fs::rename(&minified, &script)?;
        html = with_integrity_of(&html, &glue, &after)?;
        println!(
            "minify-glue: {} {} -> {} bytes",
            script.file_name().unwrap_or_default().to_string_lossy(),
            glue.len(),
            after.len()
        );
    }
    fs::write(&index_path, html).with_context(|| format!("cannot write {}", index_path.display()))
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
