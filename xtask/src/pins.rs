//! The build tools' pinned versions, read from Trunk.toml (Trunk's own under [tools], the one tool
//! only xtask runs under [xtask.tools], a table Trunk ignores).
//!
//! Trunk.toml is their only home: Trunk enforces them itself, so keeping a second copy here would
//! let the two drift. A few lines of parsing cover the flat `key = "string"` entries we need, which
//! saves a TOML crate for the sake of three values.

use std::path::Path;

use anyhow::{bail, ensure, Context};

pub const TRUNK_TOML: &str = "Trunk.toml";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pins {
    /// Exact Trunk version, e.g. `0.21.14`.
    pub trunk: String,
    /// Exact wasm-bindgen CLI version, e.g. `0.2.130`.
    pub wasm_bindgen: String,
    /// Binaryen release in Trunk's spelling, e.g. `version_132`.
    pub wasm_opt: String,
    /// Exact esbuild version (npm), e.g. `0.28.2`: the JS minifier of the post_build hook.
    pub esbuild: String,
    /// Exact axe-core version (npm): the accessibility audit the browser tests run.
    pub axe_core: String,
    /// Where `trunk build` writes the bundle, relative to the workspace root.
    pub dist: String,
}

impl Pins {
    pub fn load(root: &Path) -> anyhow::Result<Pins> {
        let path = root.join(TRUNK_TOML);
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        Pins::parse(&text).with_context(|| format!("in {}", path.display()))
    }

    pub fn parse(text: &str) -> anyhow::Result<Pins> {
        let entries = entries(text);
        let get = |section: &str, key: &str| {
            entries
                .iter()
                .find(|entry| entry.section == section && entry.key == key)
                .map(|entry| entry.value.clone())
        };
        let required = |section: &str, key: &str| {
            get(section, key).with_context(|| match section {
                "" => format!("missing top-level `{key} = \"...\"`"),
                _ => format!("missing `{key} = \"...\"` in [{section}]"),
            })
        };

        let trunk_requirement = required("", "trunk-version")?;
        // Setup installs one exact version, so only a requirement naming exactly one makes sense.
        let trunk = trunk_requirement
            .strip_prefix('=')
            .unwrap_or(&trunk_requirement)
            .trim()
            .to_owned();
        ensure!(
            is_exact_version(&trunk),
            "trunk-version must pin one exact version like \"=0.21.14\", got \"{trunk_requirement}\""
        );

        let wasm_bindgen = required("tools", "wasm_bindgen")?;
        ensure!(
            is_exact_version(&wasm_bindgen),
            "[tools] wasm_bindgen must be an exact version like \"0.2.130\", got \"{wasm_bindgen}\""
        );

        let wasm_opt = required("tools", "wasm_opt")?;
        let esbuild = required("xtask.tools", "esbuild")?;
        ensure!(
            is_exact_version(&esbuild),
            "[xtask.tools] esbuild must be an exact version like \"0.28.2\", got \"{esbuild}\""
        );
        let axe_core = required("xtask.tools", "axe_core")?;
        ensure!(
            is_exact_version(&axe_core),
            "[xtask.tools] axe_core must be an exact version like \"4.14.1\", got \"{axe_core}\""
        );
        let pins = Pins {
            trunk,
            wasm_bindgen,
            wasm_opt,
            esbuild,
            axe_core,
            dist: get("build", "dist").unwrap_or_else(|| "dist".to_owned()),
        };
        pins.binaryen_major()?;
        Ok(pins)
    }

    /// The binaryen release number (`132` for `version_132`): the npm package's major version.
    pub fn binaryen_major(&self) -> anyhow::Result<&str> {
        match self.wasm_opt.strip_prefix("version_") {
            Some(major) if !major.is_empty() && major.bytes().all(|b| b.is_ascii_digit()) => {
                Ok(major)
            }
            _ => bail!(
                "[tools] wasm_opt must look like \"version_132\" (Trunk's spelling), got \"{}\"",
                self.wasm_opt
            ),
        }
    }
}

/// Every version of `package` that Cargo.lock records.
pub fn locked_versions(cargo_lock: &str, package: &str) -> Vec<String> {
    let name_line = format!("name = \"{package}\"");
    let mut versions = Vec::new();
    let mut lines = cargo_lock.lines().map(str::trim);
    while let Some(line) = lines.next() {
        if line == name_line {
            // Cargo writes `version` right after `name` in every [[package]].
            if let Some(version) = lines.next().and_then(|next| string_value(next, "version")) {
                versions.push(version);
            }
        }
    }
    versions
}

/// Fails, saying what to change, unless Cargo.lock's wasm-bindgen crate is the pinned CLI version.
///
/// They must match exactly: the CLI refuses (or worse, miscompiles) a wasm built against another
/// version of the crate, and Trunk would try to download the matching CLI from GitHub otherwise.
pub fn check_wasm_bindgen_lock(pins: &Pins, cargo_lock: &str) -> anyhow::Result<()> {
    let locked = locked_versions(cargo_lock, "wasm-bindgen");
    let pinned = &pins.wasm_bindgen;
    match locked.as_slice() {
        [] => bail!("Cargo.lock has no wasm-bindgen package; the app depends on it"),
        [version] if version == pinned => Ok(()),
        [version] => bail!(
            "Cargo.lock has wasm-bindgen {version}, but Trunk.toml pins the wasm-bindgen CLI at \
             {pinned}. They must be the same version. Either set `wasm_bindgen = \"{version}\"` \
             under [tools] in Trunk.toml (and `wasm-bindgen = \"={version}\"` in Cargo.toml), then \
             run `cargo xtask setup`; or put the crate back with `wasm-bindgen = \"={pinned}\"` in \
             Cargo.toml and `cargo update -p wasm-bindgen`."
        ),
        several => bail!(
            "Cargo.lock has several wasm-bindgen versions ({}); a wasm build can use only one, \
             and it must be {pinned} as pinned in Trunk.toml [tools] wasm_bindgen",
            several.join(", ")
        ),
    }
}

fn is_exact_version(version: &str) -> bool {
    let parts: Vec<&str> = version.split('.').collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
}

struct Entry {
    section: String,
    key: String,
    value: String,
}

/// The `key = "string"` entries of a TOML file, with the `[section]` each sits in ("" at the top).
fn entries(text: &str) -> Vec<Entry> {
    let mut section = String::new();
    let mut entries = Vec::new();
    for line in text.lines().map(str::trim) {
        if line.starts_with('#') {
            continue;
        }
        if line.starts_with('[') {
            section = line
                .trim_matches(|c| c == '[' || c == ']')
                .trim()
                .to_owned();
        } else if let Some((key, _)) = line.split_once('=') {
            let key = key.trim();
            if let Some(value) = string_value(line, key) {
                entries.push(Entry {
                    section: section.clone(),
                    key: key.to_owned(),
                    value,
                });
            }
        }
    }
    entries
}

/// The value of a `key = "value"` line (comments after it allowed), if it is that key's line.
fn string_value(line: &str, key: &str) -> Option<String> {
    let rest = line
        .trim()
        .strip_prefix(key)?
        .trim_start()
        .strip_prefix('=')?;
    let quoted = rest.trim_start().strip_prefix('"')?;
    let end = quoted.find('"')?;
    Some(quoted[..end].to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"
# A comment with wasm_bindgen = "9.9.9" in it.
trunk-version = "=0.21.14"   # trailing comment

[build]
target = "index.html"
dist = "out"

[tools]
wasm_bindgen = "0.2.130"
wasm_opt = "version_132"

[xtask.tools]
esbuild = "0.28.2"
axe_core = "4.14.1"

[serve]
addresses = ["127.0.0.1"]
port = 8080
"#;

    #[test]
    fn parses_pins() -> anyhow::Result<()> {
        let pins = Pins::parse(SAMPLE)?;
        assert_eq!(
            pins,
            Pins {
                trunk: "0.21.14".into(),
                wasm_bindgen: "0.2.130".into(),
                wasm_opt: "version_132".into(),
                esbuild: "0.28.2".into(),
                axe_core: "4.14.1".into(),
                dist: "out".into(),
            }
        );
        assert_eq!(pins.binaryen_major()?, "132");
        Ok(())
    }

    #[test]
    fn bare_trunk_version_is_taken_as_exact() -> anyhow::Result<()> {
        let pins = Pins::parse(&SAMPLE.replace("=0.21.14", "0.21.14"))?;
        assert_eq!(pins.trunk, "0.21.14");
        Ok(())
    }

    #[test]
    fn rejects_loose_pins() {
        for (from, to) in [
            ("=0.21.14", "^0.21"),
            ("\"0.2.130\"", "\"0.2\""),
            ("version_132", "132"),
            ("wasm_bindgen", "wasm_bindgen_cli"),
            ("\"0.28.2\"", "\"latest\""),
            ("[xtask.tools]", "[tools.xtask]"),
        ] {
            assert!(
                Pins::parse(&SAMPLE.replace(from, to)).is_err(),
                "accepted {from} -> {to}"
            );
        }
    }

    const LOCK: &str = r#"
[[package]]
name = "wasm-bindgen"
version = "0.2.130"
source = "registry+https://github.com/rust-lang/crates.io-index"

[[package]]
name = "wasm-bindgen-macro"
version = "0.2.130"
"#;

    #[test]
    fn reads_lock_versions() {
        assert_eq!(locked_versions(LOCK, "wasm-bindgen"), ["0.2.130"]);
        assert!(locked_versions(LOCK, "leptos").is_empty());
    }

    #[test]
    fn lock_check_says_what_to_change() -> anyhow::Result<()> {
        let pins = Pins::parse(SAMPLE)?;
        check_wasm_bindgen_lock(&pins, LOCK)?;

        let err = check_wasm_bindgen_lock(&pins, &LOCK.replacen("0.2.130", "0.2.131", 1))
            .err()
            .context("a mismatch passed")?;
        let message = err.to_string();
        assert!(
            message.contains("wasm_bindgen = \"0.2.131\"") && message.contains("Trunk.toml"),
            "{message}"
        );
        Ok(())
    }
}
