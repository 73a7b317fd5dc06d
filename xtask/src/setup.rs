//! `cargo xtask setup`: make this machine able to build and test, installing only what is missing.
//!
//! It has to work on a fresh Debian 12 machine that has only rustup/cargo and Node.js with npm,
//! and reaches crates.io, npm and Debian but not GitHub. So every tool comes from one of those
//! registries, at the version pinned in Trunk.toml, and is checked again after installing: a
//! wrong binary earlier on PATH would otherwise go unnoticed until the build breaks.

use std::{
    env,
    path::{Path, PathBuf},
};

use anyhow::{bail, Context};
use xshell::{cmd, Shell};

use headless_chromium::{DEFAULT_CHROMEDRIVER, DEFAULT_CHROMIUM};

use crate::pins::{self, Pins};

const WASM_TARGET: &str = "wasm32-unknown-unknown";

pub fn run(sh: &Shell) -> anyhow::Result<()> {
    let root = sh.current_dir();
    let pins = Pins::load(&root)?;
    check_cargo_lock(&root, &pins)?;

    wasm_target(sh)?;
    rust_component(sh, "rustfmt", "fmt")?;
    rust_component(sh, "clippy", "clippy")?;
    trunk(sh, &pins)?;
    wasm_bindgen(sh, &pins)?;
    wasm_opt(sh, &pins)?;
    esbuild(sh, &pins)?;
    axe_core(sh, &pins)?;
    browser(sh)?;
    nginx(sh)?;
    curl(sh)?;
    cjk_fonts(sh)?;
    Ok(())
}

fn ok(tool: &str, version: &str) {
    println!("{tool:<16} ok ({version})");
}

fn installing(tool: &str, what: &str, found: Option<&str>) {
    let found = found.unwrap_or("not installed");
    println!("{tool:<16} installing {what} (found: {found}) …");
}

/// A failing lock/pin pair would only show up as a wasm-bindgen schema error deep in trunk build.
fn check_cargo_lock(root: &Path, pins: &Pins) -> anyhow::Result<()> {
    let path = root.join("Cargo.lock");
    // A checkout without a lock file gets one from the first cargo command; the tidy test then
    // catches a mismatch.
    if let Ok(cargo_lock) = std::fs::read_to_string(&path) {
        pins::check_wasm_bindgen_lock(pins, &cargo_lock)?;
    }
    Ok(())
}

fn wasm_target(sh: &Shell) -> anyhow::Result<()> {
    let label = "rust target";
    let installed = cmd!(sh, "rustup target list --installed")
        .quiet()
        .read()
        .context("cannot list the installed Rust targets: is rustup installed and on PATH?")?;
    if installed.lines().any(|line| line.trim() == WASM_TARGET) {
        ok(label, WASM_TARGET);
        return Ok(());
    }
    installing(label, WASM_TARGET, None);
    cmd!(sh, "rustup target add {WASM_TARGET}").run()?;
    Ok(())
}

/// rustfmt and clippy: a minimal rustup profile has neither, and `test` runs both.
fn rust_component(sh: &Shell, component: &str, cargo_subcommand: &str) -> anyhow::Result<()> {
    let version = || first_line(sh, "cargo", &[cargo_subcommand, "--version"]);
    if let Some(version) = version() {
        ok(component, &version);
        return Ok(());
    }
    installing(component, &format!("rustup component {component}"), None);
    cmd!(sh, "rustup component add {component}").run()?;
    match version() {
        Some(version) => {
            ok(component, &version);
            Ok(())
        }
        None => {
            bail!("`cargo {cargo_subcommand} --version` still fails after installing {component}")
        }
    }
}

fn trunk(sh: &Shell, pins: &Pins) -> anyhow::Result<()> {
    // `trunk --version` prints "trunk 0.21.14".
    crates_io_tool(sh, "trunk", "trunk", &pins.trunk, &["--locked"])
}

fn wasm_bindgen(sh: &Shell, pins: &Pins) -> anyhow::Result<()> {
    // `wasm-bindgen --version` prints "wasm-bindgen 0.2.130". Not --locked: the lock file it
    // ships names a dependency version that the crates.io mirror we can reach does not have, and
    // then the install fails outright.
    crates_io_tool(
        sh,
        "wasm-bindgen",
        "wasm-bindgen-cli",
        &pins.wasm_bindgen,
        &[],
    )
}

/// A tool installed with `cargo install`, whose `--version` prints "<name> <version>": skipped
/// when the pinned version is already on PATH.
fn crates_io_tool(
    sh: &Shell,
    binary: &str,
    package: &str,
    pin: &str,
    extra_args: &[&str],
) -> anyhow::Result<()> {
    let found = || first_line(sh, binary, &["--version"]).and_then(|out| word(&out, 1));
    let before = found();
    if before.as_deref() == Some(pin) {
        ok(binary, pin);
        return Ok(());
    }
    installing(
        binary,
        &format!("{package} {pin} from crates.io"),
        before.as_deref(),
    );
    let mut args = extra_args.to_vec();
    args.extend([package, "--version", pin]);
    cargo_install(sh, &args)?;
    expect_installed(binary, pin, found(), binary)
}

/// `cargo install` of a build tool, traded for speed: release LTO with a single codegen unit makes
/// these builds minutes slower for a few percent of speed in a tool that is not the bottleneck.
fn cargo_install(sh: &Shell, args: &[&str]) -> anyhow::Result<()> {
    cmd!(sh, "cargo install {args...}")
        .env("CARGO_PROFILE_RELEASE_LTO", "false")
        .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16")
        .run()?;
    Ok(())
}

/// After a `cargo install`, the binary on PATH must be the one just installed.
fn expect_installed(
    label: &str,
    pin: &str,
    found: Option<String>,
    program: &str,
) -> anyhow::Result<()> {
    if found.as_deref() == Some(pin) {
        ok(label, pin);
        return Ok(());
    }
    let on_path = match find_on_path(program) {
        Some(path) => format!("`{program}` on PATH is {}", path.display()),
        None => format!("`{program}` is not on PATH"),
    };
    bail!(
        "installed {program} {pin} with cargo, but {on_path} (version: {}). Put cargo's bin \
         directory ($CARGO_HOME/bin, usually ~/.cargo/bin) first on PATH, or remove the other one.",
        found.as_deref().unwrap_or("none")
    )
}

fn wasm_opt(sh: &Shell, pins: &Pins) -> anyhow::Result<()> {
    npm_tool(
        sh,
        &NpmTool {
            binary: "wasm-opt",
            package: &format!("binaryen@{}", pins.binaryen_major()?),
            pin: &pins.wasm_opt,
            version_of: wasm_opt_version,
            other_copy: "Debian's binaryen (`dpkg -S wasm-opt` tells; remove it with `apt-get \
                         remove binaryen`: its old wasm-opt silently breaks the wasm)",
        },
    )
}

/// The JS minifier that Trunk's post_build hook runs (`cargo xtask post-build`). npm's esbuild
/// package brings its Linux binary as a dependency from the npm registry, nothing from GitHub.
fn esbuild(sh: &Shell, pins: &Pins) -> anyhow::Result<()> {
    npm_tool(
        sh,
        &NpmTool {
            binary: "esbuild",
            package: &format!("esbuild@{}", pins.esbuild),
            pin: &pins.esbuild,
            // `esbuild --version` prints the bare version.
            version_of: |out| Some(out.to_owned()),
            other_copy: "another esbuild installed by hand",
        },
    )
}

/// The accessibility engine the browser tests inject (`tests/browser/accessibility.rs`): a script, not a
/// program, so it is found by npm's global root rather than on PATH.
fn axe_core(sh: &Shell, pins: &Pins) -> anyhow::Result<()> {
    let pin = &pins.axe_core;
    let root = cmd!(sh, "npm root -g")
        .quiet()
        .read()
        .context("npm is needed to install axe-core; install Node.js 20 with npm")?;
    let manifest = Path::new(&root).join("axe-core").join("package.json");
    let installed = || {
        let text = std::fs::read_to_string(&manifest).ok()?;
        let value: serde_json::Value = serde_json::from_str(&text).ok()?;
        value.get("version")?.as_str().map(str::to_owned)
    };
    let before = installed();
    if before.as_deref() == Some(pin.as_str()) {
        ok("axe-core", pin);
        return Ok(());
    }
    installing(
        "axe-core",
        &format!("axe-core@{pin} from npm"),
        before.as_deref(),
    );
    let package = format!("axe-core@{pin}");
    cmd!(sh, "npm install -g {package}").run()?;
    match installed() {
        Some(version) if version == *pin => {
            ok("axe-core", pin);
            Ok(())
        }
        other => bail!(
            "installed axe-core@{pin}, but {} holds {}",
            manifest.display(),
            other.as_deref().unwrap_or("no axe-core")
        ),
    }
}

/// A tool installed globally with npm, found on PATH by Trunk and by the hook.
struct NpmTool<'a> {
    binary: &'a str,
    /// `name@version`, as npm takes it.
    package: &'a str,
    /// The version as `version_of` reads it from the first line of `binary --version`.
    pin: &'a str,
    version_of: fn(&str) -> Option<String>,
    /// What an older copy earlier on PATH most likely is, for the error messages.
    other_copy: &'a str,
}

/// Skipped when the pinned version is already on PATH. After installing, the one on PATH must be
/// the pinned one: the build would otherwise quietly run another.
fn npm_tool(sh: &Shell, tool: &NpmTool<'_>) -> anyhow::Result<()> {
    let NpmTool {
        binary,
        package,
        pin,
        version_of,
        other_copy,
    } = *tool;
    let found = || first_line(sh, binary, &["--version"]).and_then(|out| version_of(&out));
    let before = found();
    if before.as_deref() == Some(pin) {
        ok(binary, pin);
        return Ok(());
    }
    installing(binary, &format!("{package} from npm"), before.as_deref());
    let npm_prefix = cmd!(sh, "npm prefix -g").quiet().read().with_context(|| {
        format!("npm is needed to install {package}; install Node.js 20 with npm")
    })?;
    cmd!(sh, "npm install -g {package}")
        .run()
        .with_context(|| {
            format!(
                "`npm install -g {package}` failed. If npm refused to overwrite an existing \
             {binary}, that one is most likely {other_copy}."
            )
        })?;

    let after = found();
    if after.as_deref() == Some(pin) {
        ok(binary, pin);
        return Ok(());
    }
    let npm_bin = Path::new(&npm_prefix).join("bin");
    let shadow = match find_on_path(binary) {
        Some(path) => format!(
            "{} ({})",
            path.display(),
            after.as_deref().unwrap_or("no version")
        ),
        None => "nothing".to_owned(),
    };
    bail!(
        "installed {package} into {npm_bin}, but `{binary}` on PATH is {shadow}, not {pin}, and \
         the build would run that one. Remove it (most likely {other_copy}) or put {npm_bin} \
         first on PATH.",
        npm_bin = npm_bin.display()
    )
}

/// Trunk's spelling of a wasm-opt version: "wasm-opt version 132 (version_132)" -> "version_132".
fn wasm_opt_version(output: &str) -> Option<String> {
    let number = output.split_whitespace().nth(2)?;
    Some(format!("version_{number}"))
}

fn browser(sh: &Shell) -> anyhow::Result<()> {
    // Check the same binaries the browser tests will start.
    let chromium_override = env::var("CHROMIUM").ok();
    let driver_override = env::var("CHROMEDRIVER").ok();
    let chromium = chromium_override.as_deref().unwrap_or(DEFAULT_CHROMIUM);
    let driver = driver_override.as_deref().unwrap_or(DEFAULT_CHROMEDRIVER);
    // "Chromium 156.0.8078.108 built on Debian ..." and "ChromeDriver 156.0.8078.108 (hash ...)".
    let versions = || {
        (
            first_line(sh, chromium, &["--version"]).and_then(|out| word(&out, 1)),
            first_line(sh, driver, &["--version"]).and_then(|out| word(&out, 1)),
        )
    };

    let (before_chromium, before_driver) = versions();
    let (chromium_version, driver_version) = if before_chromium.is_some() && before_driver.is_some()
    {
        (before_chromium, before_driver)
    } else {
        // Installing Debian's packages would not fix a binary that an env var points at.
        for (missing, var, value) in [
            (before_chromium.is_none(), "CHROMIUM", &chromium_override),
            (before_driver.is_none(), "CHROMEDRIVER", &driver_override),
        ] {
            if let (true, Some(value)) = (missing, value) {
                bail!(
                    "{var}={value} does not run (`{value} --version` failed); fix or unset {var}"
                );
            }
        }
        let found = format!(
            "chromium {}, chromedriver {}",
            before_chromium.as_deref().unwrap_or("none"),
            before_driver.as_deref().unwrap_or("none")
        );
        installing(
            "chromium",
            "Debian packages chromium and chromium-driver",
            Some(&found),
        );
        apt_install(sh, &["chromium", "chromium-driver"])?;
        versions()
    };

    let (Some(chromium_version), Some(driver_version)) = (chromium_version, driver_version) else {
        bail!(
            "after installing chromium and chromium-driver, `{chromium} --version` or \
             `{driver} --version` still fails: is another `{driver}` earlier on PATH?"
        );
    };
    ok("chromium", &chromium_version);
    ok("chromedriver", &driver_version);
    // ChromeDriver refuses to drive a browser of another major version, with an error that only
    // surfaces inside the browser tests.
    let major = |version: &str| version.split('.').next().map(str::to_owned);
    if major(&chromium_version) != major(&driver_version) {
        bail!(
            "Chromium {chromium_version} and ChromeDriver {driver_version} differ in major \
             version; ChromeDriver only drives its own. Install both from the same source."
        );
    }
    Ok(())
}

/// Where Debian's libnginx-mod-http-brotli-static puts its module.
const NGINX_BROTLI_MODULE: &str = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so";

/// tests/as_code_curl.rs runs the curl scripts the page writes, as an administrator would.
fn curl(sh: &Shell) -> anyhow::Result<()> {
    // `curl --version` starts "curl 7.88.1 (x86_64-pc-linux-gnu) …".
    debian_package(sh, "curl", "curl", "`curl --version` fails", || {
        first_line(sh, "curl", &["--version"]).and_then(|out| word(&out, 1))
    })
}

/// Fonts for Japanese and Chinese: without them Chromium draws the screenshots of those
/// languages (and the language menu's own names) as empty boxes.
fn cjk_fonts(sh: &Shell) -> anyhow::Result<()> {
    debian_package(
        sh,
        "CJK fonts",
        "fonts-noto-cjk",
        "`fc-list :lang=ja` finds no font",
        || {
            cmd!(sh, "fc-list :lang=ja family")
                .quiet()
                .read()
                .ok()
                .and_then(|out| out.lines().next().map(str::to_owned))
        },
    )
}

/// What `found` says of a tool (its version, its name), installing Debian's `package` first when
/// it says nothing.
fn debian_package(
    sh: &Shell,
    tool: &str,
    package: &str,
    still_missing: &str,
    found: impl Fn() -> Option<String>,
) -> anyhow::Result<()> {
    if let Some(found) = found() {
        ok(tool, &found);
        return Ok(());
    }
    installing(tool, &format!("Debian package {package}"), None);
    apt_install(sh, &[package])?;
    match found() {
        Some(found) => {
            ok(tool, &found);
            Ok(())
        }
        None => bail!("after installing {package}, {still_missing}"),
    }
}

/// Debian's nginx with the brotli_static module, for the browser test of the deploy recipe
/// (tests/browser/nginx.rs), which starts an nginx of its own.
fn nginx(sh: &Shell) -> anyhow::Result<()> {
    // `nginx -v` prints "nginx version: nginx/1.22.1" on stderr.
    let version = || {
        cmd!(sh, "nginx -v")
            .quiet()
            .ignore_stdout()
            .read_stderr()
            .ok()
            .and_then(|out| out.trim().rsplit('/').next().map(str::to_owned))
    };
    let module = Path::new(NGINX_BROTLI_MODULE);
    if let (Some(found), true) = (version(), module.is_file()) {
        ok("nginx", &found);
        return Ok(());
    }
    installing(
        "nginx",
        "Debian packages nginx and libnginx-mod-http-brotli-static",
        version().as_deref(),
    );
    // The package would start nginx as a service on port 80; the tests need none of that.
    with_services_held_back(sh, || {
        apt_install(sh, &["nginx", "libnginx-mod-http-brotli-static"])
    })?;
    match (version(), module.is_file()) {
        (Some(found), true) => {
            ok("nginx", &found);
            Ok(())
        }
        _ => bail!("after installing nginx, `nginx -v` fails or {NGINX_BROTLI_MODULE} is missing"),
    }
}

/// Runs `install` with Debian's policy-rc.d saying no to starting services, as root only (a
/// policy-rc.d that is already there is left alone).
fn with_services_held_back(
    sh: &Shell,
    install: impl FnOnce() -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let policy = Path::new("/usr/sbin/policy-rc.d");
    let root = cmd!(sh, "id -u").quiet().read().unwrap_or_default().trim() == "0";
    let ours = root && !policy.exists() && std::fs::write(policy, "#!/bin/sh\nexit 101\n").is_ok();
    if ours {
        cmd!(sh, "chmod +x {policy}").quiet().run()?;
    }
    let installed = install();
    if ours {
        std::fs::remove_file(policy)
            .with_context(|| format!("cannot remove {}", policy.display()))?;
    }
    installed
}

fn apt_install(sh: &Shell, packages: &[&str]) -> anyhow::Result<()> {
    let manual = format!(
        "apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y {}",
        packages.join(" ")
    );
    if find_on_path("apt-get").is_none() {
        bail!(
            "no apt-get here: install {} yourself (Debian: {manual}); for Chromium and \
             ChromeDriver, set CHROMIUM and CHROMEDRIVER to them",
            packages.join(", ")
        );
    }
    let uid = cmd!(sh, "id -u").quiet().read().unwrap_or_default();
    let use_sudo = if uid.trim() == "0" {
        false
    } else if find_on_path("sudo").is_some() {
        true
    } else {
        bail!("installing needs root and there is no sudo: as root, run\n    {manual}");
    };
    // A debconf prompt would hang CI. sudo drops the caller's environment, hence `env` under it.
    if use_sudo {
        cmd!(sh, "sudo apt-get update").run()?;
        cmd!(
            sh,
            "sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y {packages...}"
        )
        .run()?;
    } else {
        cmd!(sh, "apt-get update").run()?;
        cmd!(sh, "apt-get install -y {packages...}")
            .env("DEBIAN_FRONTEND", "noninteractive")
            .run()?;
    }
    Ok(())
}

/// First line of a program's output, or None if it is missing or fails.
fn first_line(sh: &Shell, program: &str, args: &[&str]) -> Option<String> {
    // stderr is dropped: Debian's chromium wrapper prints shell noise there on every start.
    let output = cmd!(sh, "{program} {args...}")
        .quiet()
        .ignore_stderr()
        .read()
        .ok()?;
    output.lines().next().map(|line| line.trim().to_owned())
}

fn word(text: &str, index: usize) -> Option<String> {
    text.split_whitespace().nth(index).map(str::to_owned)
}

/// Where PATH resolves `program`, as the shell would.
fn find_on_path(program: &str) -> Option<PathBuf> {
    which::which(program).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_tool_versions() {
        assert_eq!(
            wasm_opt_version("wasm-opt version 132 (version_132)").as_deref(),
            Some("version_132")
        );
        assert_eq!(wasm_opt_version("wasm-opt"), None);
        assert_eq!(word("trunk 0.21.14", 1).as_deref(), Some("0.21.14"));
        assert_eq!(word("wasm-bindgen 0.2.130", 1).as_deref(), Some("0.2.130"));
        assert_eq!(
            word("Chromium 156.0.8078.108 built on Debian GNU/Linux 12", 1).as_deref(),
            Some("156.0.8078.108")
        );
        assert_eq!(word("trunk", 1), None);
    }
}
