//! `cargo xtask post-build`: Trunk's post_build hook (see Trunk.toml), run in Trunk's staging
//! directory after Trunk has written index.html.
//!
//! - Trunk writes an inline module script into index.html that starts the wasm; a
//!   Content-Security-Policy without `'unsafe-inline'` blocks it. `startup/start.js`, an external
//!   file that Trunk hashes and gives an integrity hash, does the same work, so the inline one is
//!   removed, in every profile (in `trunk serve` both would start the same module).
//! - startup/start.js fetches the wasm itself, to say how far its download is: the wasm's preload
//!   link loses its integrity value (a fetch that streams cannot carry one, and on the preload
//!   alone it would protect nothing: the browser hands its bytes to start.js's fetch, which has
//!   none) and gains the wasm's size in bytes, `data-decoded-size`, against which start.js
//!   counts what has arrived.
//! - Release builds: esbuild minifies the scripts (Trunk's own minifier cannot parse
//!   wasm-bindgen's glue and ships it as it is), and their integrity hashes in index.html are
//!   rewritten to match, since a stale one would make the browser refuse to run the page. Then the
//!   page must have no inline script and no `style` attribute left, or the build fails.
//! - The languages other than English go beside the page under hashed names, which index.html
//!   names (`crate::languages`).

use std::{
    cell::{Cell, RefCell},
    env, fs,
    path::{Path, PathBuf},
    rc::Rc,
};

use anyhow::{bail, ensure, Context};
use base64::{engine::general_purpose::STANDARD, Engine as _};
use lol_html::{element, rewrite_str, text, EndTagHandler, RewriteStrSettings};
use sha2::{Digest, Sha256, Sha384, Sha512};
use xshell::{cmd, Shell};

pub fn run(sh: &Shell) -> anyhow::Result<()> {
    let profile = env::var("TRUNK_PROFILE").context(
        "TRUNK_PROFILE is not set: this command is Trunk's post_build hook, not for hands",
    )?;
    let staging =
        PathBuf::from(env::var_os("TRUNK_STAGING_DIR").context("TRUNK_STAGING_DIR is not set")?);
    let index_path = staging.join("index.html");
    let html = fs::read_to_string(&index_path)
        .with_context(|| format!("cannot read {}", index_path.display()))?;
    let html = without_trunks_start_script(&html)?;
    let mut html = with_streamable_wasm_preload(&html, |href| {
        let path = staging.join(href.trim_start_matches("./"));
        fs::metadata(&path)
            .map(|metadata| metadata.len())
            .with_context(|| format!("cannot read the size of {}", path.display()))
    })?;
    // `cargo xtask dev` lets its example portal drive the page; a build of another kind keeps the
    // config.json of the repository.
    if let Ok(portal) = env::var(crate::dev::DEV_PORTAL_VAR) {
        let config = serde_json::json!({ "embedding": { "allowedParentOrigins": [portal] } });
        fs::write(staging.join("config.json"), format!("{config:#}\n"))
            .context("cannot write the dev build's config.json")?;
    }
    if profile == "release" {
        for script in scripts_in(&staging)? {
            let before =
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
            html = with_integrity_of(&html, &before, &after)?;
            println!(
                "post-build: {} {} -> {} bytes",
                script.file_name().unwrap_or_default().to_string_lossy(),
                before.len(),
                after.len()
            );
        }
        ensure_no_inline_code(&html)?;
    }
    let shipped = crate::languages::ship(&crate::project_root()?.join("locales"), &staging)?;
    let html = crate::languages::with_language_files(&html, &shipped)?;
    fs::write(staging.join("embed.html"), portal_entry(&html)?)
        .context("cannot write embed.html")?;
    fs::write(&index_path, html).with_context(|| format!("cannot write {}", index_path.display()))
}

/// One `<script>` element of the page: whether it has a `src`, and its text.
struct Script {
    external: bool,
    text: String,
}

/// Every `<script>` of the page, in order, read by lol_html as a browser would read them.
fn scripts_of(html: &str) -> anyhow::Result<Vec<Script>> {
    let scripts = RefCell::new(Vec::new());
    // End-tag handlers outlive the element's handler, so what they count is shared.
    let closed = Rc::new(Cell::new(0_usize));
    let settings = RewriteStrSettings::new()
        .append_element_content_handler(element!("script", |script| {
            scripts.borrow_mut().push(Script {
                external: script.has_attribute("src"),
                text: String::new(),
            });
            let closed = Rc::clone(&closed);
            let count_the_end: EndTagHandler<'static> = Box::new(move |_| {
                closed.set(closed.get() + 1);
                Ok(())
            });
            script.on_end_tag(count_the_end)
        }))
        .append_element_content_handler(text!("script", |chunk| {
            if let Some(script) = scripts.borrow_mut().last_mut() {
                script.text.push_str(chunk.as_str());
            }
            Ok(())
        }));
    rewrite_str(html, settings).context("index.html could not be read as HTML")?;
    let scripts = scripts.into_inner();
    ensure!(
        closed.get() == scripts.len(),
        "index.html has a <script> without </script>"
    );
    Ok(scripts)
}

/// index.html without the inline script with which Trunk starts the wasm (it imports the glue's
/// `init` and calls it with the wasm's path). Fails unless there is exactly one such script.
fn without_trunks_start_script(html: &str) -> anyhow::Result<String> {
    let starters: Vec<usize> = scripts_of(html)?
        .iter()
        .enumerate()
        .filter(|(_, script)| {
            !script.external
                && script.text.contains("import init")
                && script.text.contains("module_or_path")
        })
        .map(|(index, _)| index)
        .collect();
    let starter = match starters.as_slice() {
        [starter] => *starter,
        [] => bail!(
            "index.html has no inline script of Trunk's that starts the wasm: has Trunk changed how \
             it starts the page? startup/start.js relies on the same preload links"
        ),
        _ => bail!("index.html has {} inline scripts that start the wasm", starters.len()),
    };
    let seen = Cell::new(0_usize);
    let settings =
        RewriteStrSettings::new().append_element_content_handler(element!("script", |script| {
            if seen.get() == starter {
                script.remove();
            }
            seen.set(seen.get() + 1);
            Ok(())
        }));
    rewrite_str(html, settings).context("index.html could not be rewritten")
}

/// index.html with the wasm's preload link as startup/start.js fetches it: no `integrity`, and
/// `data-decoded-size`, the size of the file that `size_of` gives for the link's `href`. Fails
/// unless there is exactly one such link.
fn with_streamable_wasm_preload(
    html: &str,
    size_of: impl Fn(&str) -> anyhow::Result<u64>,
) -> anyhow::Result<String> {
    let links = Cell::new(0_usize);
    let settings = RewriteStrSettings::new().append_element_content_handler(element!(
        r#"link[rel="preload"][href$="_bg.wasm"]"#,
        |link| {
            links.set(links.get() + 1);
            let href = link.get_attribute("href").unwrap_or_default();
            let size = size_of(&href)?;
            link.remove_attribute("integrity");
            link.set_attribute("data-decoded-size", &size.to_string())?;
            Ok(())
        }
    ));
    let rewritten = rewrite_str(html, settings).context("index.html could not be rewritten")?;
    ensure!(
        links.get() == 1,
        "index.html has {} preload links of the wasm, not one: startup/start.js fetches the one \
         Trunk writes",
        links.get()
    );
    Ok(rewritten)
}

/// What `trunk serve` puts into every page it serves: its live-reload script, inline. A build to
/// deploy never has it; the page served by `cargo xtask dev` has no policy to break.
const TRUNK_RELOAD_MARK: &str = "{{__TRUNK_ADDRESS__}}";

/// embed.html: index.html for a portal's frame, which shows "Connecting to the portal…" in place
/// of the sign-in form from the first paint on (style/main.css's `.embedded`), so that the form
/// does not flash before the portal's token arrives. The same assets, the same integrity.
fn portal_entry(html: &str) -> anyhow::Result<String> {
    ensure!(
        html.matches("<body>").count() == 1,
        "index.html's <body> has attributes or stands twice: embed.html marks it with a class"
    );
    Ok(html.replacen("<body>", "<body class=embedded>", 1))
}

/// A strict Content-Security-Policy (no `'unsafe-inline'`) would block these.
fn ensure_no_inline_code(html: &str) -> anyhow::Result<()> {
    let inline = scripts_of(html)?
        .into_iter()
        .find(|s| !s.external && !s.text.contains(TRUNK_RELOAD_MARK));
    if let Some(inline) = inline {
        bail!("index.html has an inline script: {:.80}", inline.text);
    }
    let styled = Cell::new(false);
    let settings = RewriteStrSettings::new().append_element_content_handler(element!(
        "style, [style]",
        |_| {
            styled.set(true);
            Ok(())
        }
    ));
    rewrite_str(html, settings).context("index.html could not be read as HTML")?;
    ensure!(
        !styled.get(),
        "index.html has inline style, which a strict Content-Security-Policy blocks"
    );
    Ok(())
}

/// The top-level `.js` files: wasm-bindgen's glue and the start-up scripts (the glue's snippets,
/// were there any, are imported by it and carry no integrity hash).
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

    const TRUNKS_START: &str = "<script type=module>import init, * as bindings from './a.js';\n\
        const wasm = await init({ module_or_path: './a_bg.wasm' });</script>";

    #[test]
    fn trunks_start_script_goes_and_nothing_else() -> anyhow::Result<()> {
        let html = format!(
            "<head><script src=./watchdog-1.js></script>{TRUNKS_START}\
             <script src=./start-2.js type=module></script></head>"
        );
        assert_eq!(
            without_trunks_start_script(&html)?,
            "<head><script src=./watchdog-1.js></script>\
             <script src=./start-2.js type=module></script></head>"
        );
        assert!(without_trunks_start_script("<head></head>").is_err());
        let twice = format!("{TRUNKS_START}{TRUNKS_START}");
        assert!(without_trunks_start_script(&twice).is_err());
        Ok(())
    }

    #[test]
    fn the_wasm_preload_loses_its_integrity_and_gains_its_size() -> anyhow::Result<()> {
        let html = "<link rel=modulepreload href=./a.js integrity=sha384-glue>\
            <link rel=preload href=./a_bg.wasm as=fetch type=application/wasm \
            crossorigin=anonymous integrity=sha384-wasm>";
        let rewritten = with_streamable_wasm_preload(html, |href| {
            ensure!(href == "./a_bg.wasm", "asked for the size of {href}");
            Ok(432_101)
        })?;
        assert_eq!(
            rewritten,
            "<link rel=modulepreload href=./a.js integrity=sha384-glue>\
             <link rel=preload href=./a_bg.wasm as=fetch type=application/wasm \
             crossorigin=anonymous data-decoded-size=\"432101\">"
        );
        assert!(with_streamable_wasm_preload("<p>", |_| Ok(1)).is_err());
        let twice = "<link rel=preload href=./a_bg.wasm><link rel=preload href=./b_bg.wasm>";
        assert!(with_streamable_wasm_preload(twice, |_| Ok(1)).is_err());
        Ok(())
    }

    #[test]
    fn the_portal_entry_is_index_html_with_its_body_marked() -> anyhow::Result<()> {
        assert_eq!(
            portal_entry("<head></head><body><main></main></body>")?,
            "<head></head><body class=embedded><main></main></body>"
        );
        assert!(portal_entry("<body class=x>").is_err());
        Ok(())
    }

    #[test]
    fn inline_scripts_and_styles_are_refused() {
        assert!(ensure_no_inline_code("<script src=./a.js></script><p class=x>").is_ok());
        assert!(ensure_no_inline_code("<script>alert(1)</script>").is_err());
        assert!(ensure_no_inline_code("<p style=color:red>").is_err());
        assert!(ensure_no_inline_code("<style>p{}</style>").is_err());
        assert!(ensure_no_inline_code("<script src=./a.js>").is_err());
        let reload = "<script>const a=`{{__TRUNK_ADDRESS__}}`;</script>";
        assert!(ensure_no_inline_code(reload).is_ok());
    }

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
