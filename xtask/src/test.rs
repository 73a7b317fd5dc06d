//! `cargo xtask test`: the one command that runs every check and test; CI runs exactly this.
//!
//! Steps run in order and stop at the first failure. The cheap checks come first, so a formatting
//! slip fails in seconds rather than after the release build.

use std::time::{Duration, Instant};

use anyhow::Context;
use xshell::{cmd, Shell};

use crate::{pins::Pins, setup, sizes};

/// The browser end-to-end tests serve the built app from this directory; without it they fail.
const DIST_VAR: &str = "COMMANDCENTER_EMAIL_DIST";

type Step<'a> = (&'a str, Box<dyn Fn() -> anyhow::Result<()> + 'a>);

pub fn run(sh: &Shell) -> anyhow::Result<()> {
    let started = Instant::now();
    let result = run_steps(sh);
    let elapsed = format_duration(started.elapsed());
    match &result {
        Ok(()) => println!("\nxtask test: every step passed in {elapsed}"),
        Err(_) => eprintln!("\nxtask test: FAILED after {elapsed}"),
    }
    result
}

fn run_steps(sh: &Shell) -> anyhow::Result<()> {
    let root = sh.current_dir();
    let dist = root.join(Pins::load(&root)?.dist);

    let steps: Vec<Step<'_>> = vec![
        ("setup", Box::new(|| setup::run(sh))),
        (
            "rustfmt",
            Box::new(|| Ok(cmd!(sh, "cargo fmt --all -- --check").run()?)),
        ),
        (
            "clippy (native)",
            Box::new(|| {
                Ok(cmd!(sh, "cargo clippy --workspace --all-targets -- -D warnings").run()?)
            }),
        ),
        (
            // The app's wasm-only code paths are compiled out of the native clippy run above.
            "clippy (wasm)",
            Box::new(|| {
                Ok(cmd!(
                    sh,
                    "cargo clippy -p commandcenter-email --target wasm32-unknown-unknown --all-targets -- -D warnings"
                )
                .run()?)
            }),
        ),
        (
            "trunk build --release",
            Box::new(|| trunk_build_release(sh)),
        ),
        (
            // Writes dist/'s .br and .gz siblings too. The browser tests serve dist/ with
            // tower-http's ServeDir, which never picks those up unless told to (precompressed_*),
            // so they test the very files a server without precompression would send.
            "bundle sizes, checked against size-budget.toml",
            Box::new(|| sizes::run(sh)),
        ),
        (
            "cargo test (including the browser tests)",
            Box::new(|| {
                // The browser tests are #[ignore]d for a plain `cargo test`, which has no dist/.
                // --no-fail-fast: one CI run then reports the failures of every test target.
                Ok(cmd!(
                    sh,
                    "cargo test --workspace --no-fail-fast -- --include-ignored"
                )
                .env(DIST_VAR, &dist)
                .run()?)
            }),
        ),
    ];

    let total = steps.len();
    for (index, (name, step)) in steps.iter().enumerate() {
        println!("\n==> [{}/{total}] {name}", index + 1);
        step().with_context(|| format!("step {}/{total} `{name}` failed", index + 1))?;
    }
    Ok(())
}

/// `cargo xtask screenshots`: the browser test that takes the README's pictures, writing them
/// into docs/screenshots/ instead of target/.
pub fn screenshots(sh: &Shell) -> anyhow::Result<()> {
    let root = sh.current_dir();
    let dist = root.join(Pins::load(&root)?.dist);
    let folder = root.join("docs").join("screenshots");
    setup::run(sh)?;
    trunk_build_release(sh)?;
    cmd!(
        sh,
        "cargo test -p commandcenter-email --test browser screenshots -- --ignored"
    )
    .env(DIST_VAR, &dist)
    .env("COMMANDCENTER_EMAIL_SCREENSHOTS", &folder)
    .run()?;
    println!("screenshots written to {}", folder.display());
    Ok(())
}

/// The release bundle in dist/, as users get it; `bench` measures this same build.
pub fn trunk_build_release(sh: &Shell) -> anyhow::Result<()> {
    // The update check would only suggest leaving the version pinned in Trunk.toml.
    cmd!(sh, "trunk build --release --skip-version-check").run()?;
    Ok(())
}

fn format_duration(duration: Duration) -> String {
    let seconds = duration.as_secs();
    match seconds {
        0..=59 => format!("{seconds}s"),
        _ => format!("{}m{:02}s", seconds / 60, seconds % 60),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_durations() {
        assert_eq!(format_duration(Duration::from_millis(5_900)), "5s");
        assert_eq!(format_duration(Duration::from_secs(61)), "1m01s");
        assert_eq!(format_duration(Duration::from_secs(3_725)), "62m05s");
    }
}
