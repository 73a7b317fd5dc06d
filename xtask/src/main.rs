//! Developer commands for this workspace, run as `cargo xtask <command>`.
//!
//! This follows the cargo-xtask pattern (as in rust-analyzer): the tooling is a plain Rust crate of
//! the workspace, so it needs nothing but cargo, behaves the same on every machine and in CI, and
//! is checked by the same fmt, clippy and tests as the rest of the code.
//!
//! Each command lives in its own module with a `pub fn run(sh: &Shell, ...)`; adding one means a
//! new module, a variant of `Command` below (clap writes the help from its doc comment) and one
//! arm in `run`.

mod bench;
mod dev;
mod languages;
mod pins;
mod post_build;
mod setup;
mod sizes;
mod test;
#[cfg(test)]
mod tidy;

use std::{
    path::{Path, PathBuf},
    process::ExitCode,
};

use anyhow::Context;
use clap::{Parser, Subcommand};
use xshell::Shell;

/// Developer commands of the commandcenter-email workspace.
#[derive(Parser)]
#[command(name = "cargo xtask", about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Install what building and testing need, only what is missing (wasm target, Trunk,
    /// wasm-bindgen, wasm-opt, esbuild, axe-core, Chromium, ChromeDriver, nginx with
    /// brotli_static, curl, fonts for Japanese and Chinese).
    Setup,
    /// Run every check and test, exactly as CI does: setup, rustfmt, clippy (native and wasm),
    /// trunk build --release, the bundle sizes checked against size-budget.toml (also writes
    /// dist/'s .br/.gz siblings), cargo test with the browser tests.
    Test,
    /// Build the release bundle and fail when it is off size-budget.toml's guard.
    Size,
    /// Build the release bundle and write the README's screenshots (main states, desktop and
    /// 390 px, light and dark) into docs/screenshots/.
    Screenshots,
    /// Serve the app with `trunk serve`, talking to the fake Command Center.
    Dev(dev::Options),
    /// Measure the release bundle and write target/bench/report.md (also printed): sizes,
    /// start-up in headless Chromium beside the React and plain HTML builds of
    /// ../shared/perf-reference on loopback, a slow VPN and that VPN with a 4x slower CPU,
    /// validation per keystroke, input-to-frame time. Reports only: no number makes it fail.
    Bench(bench::Options),
    /// Trunk's post_build hook (Trunk.toml), not for hands: replaces Trunk's inline start script
    /// by startup/start.js, prepares the wasm's preload for streaming, and in release builds
    /// minifies the scripts with esbuild, updates their integrity hashes and checks that no
    /// inline code is left.
    PostBuild,
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err:?}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<()> {
    let sh = Shell::new()?;
    // Every command works on paths relative to the workspace, wherever it was started from.
    sh.change_dir(project_root()?);
    match cli.command {
        Command::Setup => setup::run(&sh),
        Command::Test => test::run(&sh),
        Command::Dev(options) => dev::run(&sh, &options),
        Command::Size => {
            test::trunk_build_release(&sh)?;
            sizes::run(&sh)
        }
        Command::Bench(options) => bench::run(&sh, &options),
        Command::Screenshots => test::screenshots(&sh),
        Command::PostBuild => post_build::run(&sh),
    }
}

/// The workspace root: xtask always sits one level below it.
pub fn project_root() -> anyhow::Result<PathBuf> {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .context("xtask's manifest directory has no parent")
}

/// A count of repetitions: at least one, and few enough to finish today.
pub fn parse_count(value: &str) -> Result<usize, String> {
    match value.parse::<usize>() {
        Ok(count @ 1..=10_000) => Ok(count),
        _ => Err(format!("needs a number from 1 to 10000, got `{value}`")),
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    fn parse(args: &[&str]) -> Result<Cli, clap::Error> {
        Cli::try_parse_from(std::iter::once("xtask").chain(args.iter().copied()))
    }

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn dev_options_default_and_both_spellings() -> anyhow::Result<()> {
        let Command::Dev(options) = parse(&["dev"])?.command else {
            anyhow::bail!("not dev");
        };
        assert_eq!(
            (
                options.port,
                options.api_port,
                options.portal_port,
                options.token.as_str()
            ),
            (8080, 8081, 8082, "demo-token")
        );
        let Command::Dev(options) =
            parse(&["dev", "--port", "9000", "--api-port=9001", "--token", "t0k"])?.command
        else {
            anyhow::bail!("not dev");
        };
        assert_eq!(
            (options.port, options.api_port, options.token.as_str()),
            (9000, 9001, "t0k")
        );
        options.validate()?;
        Ok(())
    }

    #[test]
    fn dev_options_reject_nonsense() -> anyhow::Result<()> {
        for args in [
            &["dev", "--port"][..],
            &["dev", "--port", "http"],
            &["dev", "--port", "0"],
            &["dev", "--token="],
            &["dev", "--verbose"],
        ] {
            assert!(parse(args).is_err(), "accepted {args:?}");
        }
        for args in [
            &["dev", "--port", "8081"][..],
            &["dev", "--portal-port", "8080"],
        ] {
            let Command::Dev(options) = parse(args)?.command else {
                anyhow::bail!("not dev");
            };
            assert!(options.validate().is_err(), "accepted {args:?}");
        }
        Ok(())
    }

    #[test]
    fn bench_options() -> anyhow::Result<()> {
        let Command::Bench(options) = parse(&["bench"])?.command else {
            anyhow::bail!("not bench");
        };
        assert_eq!(
            (options.loads, options.slow_loads, options.keystrokes),
            (15, 5, 50)
        );
        let Command::Bench(options) = parse(&["bench", "--loads", "3", "--keystrokes=20"])?.command
        else {
            anyhow::bail!("not bench");
        };
        assert_eq!((options.loads, options.keystrokes), (3, 20));
        for args in [
            &["bench", "--loads"][..],
            &["bench", "--loads", "0"],
            &["bench", "--keystrokes", "many"],
            &["bench", "--runs", "3"],
            &["test", "--fast"],
        ] {
            assert!(parse(args).is_err(), "accepted {args:?}");
        }
        Ok(())
    }
}
