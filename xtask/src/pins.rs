//! The build tools' pinned versions, read from Trunk.toml (Trunk's own under [tools], the tools
//! only xtask runs under [xtask.tools], a table Trunk ignores).
//!
//! Trunk.toml is their only home: Trunk enforces them itself, so keeping a second copy here would
//! let the two drift.

use std::path::Path;

use anyhow::{bail, ensure, Context};
use serde::Deserialize;

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

/// The parts of Trunk.toml read here; Trunk's other settings are Trunk's.
#[derive(Deserialize)]
struct TrunkToml {
    #[serde(rename = "trunk-version")]
    trunk_version: String,
    #[serde(default)]
    build: Build,
    tools: Tools,
    xtask: Xtask,
}

#[derive(Default, Deserialize)]
struct Build {
    dist: Option<String>,
}

#[derive(Deserialize)]
struct Tools {
    wasm_bindgen: String,
    wasm_opt: String,
}

#[derive(Deserialize)]
struct Xtask {
    tools: XtaskTools,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct XtaskTools {
    esbuild: String,
    axe_core: String,
}

impl Pins {
    pub fn load(root: &Path) -> anyhow::Result<Pins> {
        let path = root.join(TRUNK_TOML);
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        Pins::parse(&text).with_context(|| format!("in {}", path.display()))
    }

    pub fn parse(text: &str) -> anyhow::Result<Pins> {
        let toml: TrunkToml = toml::from_str(text)?;
        // Setup installs one exact version, so only a requirement naming exactly one makes sense.
        let trunk = toml
            .trunk_version
            .strip_prefix('=')
            .unwrap_or(&toml.trunk_version)
            .trim()
            .to_owned();
        let exact = |what: &str, version: &str, example: &str| {
            ensure!(
                is_exact_version(version),
                "{what} must pin one exact version like \"{example}\", got \"{version}\""
            );
            Ok(())
        };
        exact("trunk-version", &trunk, "=0.21.14")?;
        exact("[tools] wasm_bindgen", &toml.tools.wasm_bindgen, "0.2.130")?;
        exact("[xtask.tools] esbuild", &toml.xtask.tools.esbuild, "0.28.2")?;
        exact(
            "[xtask.tools] axe_core",
            &toml.xtask.tools.axe_core,
            "4.14.1",
        )?;
        let pins = Pins {
            trunk,
            wasm_bindgen: toml.tools.wasm_bindgen,
            wasm_opt: toml.tools.wasm_opt,
            esbuild: toml.xtask.tools.esbuild,
            axe_core: toml.xtask.tools.axe_core,
            dist: toml.build.dist.unwrap_or_else(|| "dist".to_owned()),
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
pub fn locked_versions(cargo_lock: &str, package: &str) -> anyhow::Result<Vec<String>> {
    #[derive(Deserialize)]
    struct Lock {
        #[serde(default)]
        package: Vec<Locked>,
    }
    #[derive(Deserialize)]
    struct Locked {
        name: String,
        version: String,
    }
    let lock: Lock = toml::from_str(cargo_lock).context("Cargo.lock is not valid TOML")?;
    Ok(lock
        .package
        .into_iter()
        .filter(|locked| locked.name == package)
        .map(|locked| locked.version)
        .collect())
}

/// Fails, saying what to change, unless Cargo.lock's wasm-bindgen crate is the pinned CLI version.
///
/// They must match exactly: the CLI refuses (or worse, miscompiles) a wasm built against another
/// version of the crate, and Trunk would try to download the matching CLI from GitHub otherwise.
pub fn check_wasm_bindgen_lock(pins: &Pins, cargo_lock: &str) -> anyhow::Result<()> {
    let locked = locked_versions(cargo_lock, "wasm-bindgen")?;
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
            ("esbuild =", "esbuilt ="),
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
    fn reads_lock_versions() -> anyhow::Result<()> {
        assert_eq!(locked_versions(LOCK, "wasm-bindgen")?, ["0.2.130"]);
        assert!(locked_versions(LOCK, "leptos")?.is_empty());
        Ok(())
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
