//! Developer commands for this workspace, run as `cargo xtask <command>`.
//!
//! This follows the cargo-xtask pattern (as in rust-analyzer): the tooling is a plain Rust crate of
//! the workspace, so it needs nothing but cargo, behaves the same on every machine and in CI, and
//! is checked by the same fmt, clippy and tests as the rest of the code.
//!
//! Each command lives in its own module with a `pub fn run(sh: &Shell, ...)`; adding one means a
//! new module, one arm in `run` below and a line in `USAGE`.

mod bench;
mod dev;
mod pins;
mod post_build;
mod setup;
mod sizes;
mod test;
#[cfg(test)]
mod tidy;

use std::{
    env,
    path::{Path, PathBuf},
    process::ExitCode,
};

use anyhow::{bail, Context};
use xshell::Shell;

const USAGE: &str = "\
Usage: cargo xtask <command> [options]

Commands:
  setup   Install what building and testing need, only what is missing
          (wasm target, Trunk, wasm-bindgen, wasm-opt, esbuild, axe-core, Chromium,
          ChromeDriver, nginx with brotli_static).
  test    Run every check and test, exactly as CI does: setup, rustfmt, clippy
          (native and wasm), trunk build --release, the bundle sizes checked against
          size-budget.toml (also writes dist/'s .br/.gz siblings), cargo test incl.
          browser tests.
  size    Build the release bundle and fail when it is over size-budget.toml.
  screenshots
          Build the release bundle and write the README's screenshots (main states,
          desktop and 390 px, light and dark) into docs/screenshots/.
  dev     Serve the app with `trunk serve`, talking to the fake Command Center.
            --port <N>       port of the app               [default: 8080]
            --api-port <N>   port of the fake server       [default: 8081]
            --portal-port <N> port of examples/portal     [default: 8082]
            --token <TOKEN>  Authtoken the fake server accepts [default: demo-token]
  bench   Measure the release bundle and write target/bench/report.md (also printed):
          sizes raw/gzip/brotli against size-budget.toml; start-up in headless Chromium
          side by side with the React and plain HTML builds of ../shared/perf-reference
          (first input, first action, first paint, layout shift, repeat visit) on
          loopback, a slow VPN and that VPN with a 4x slower CPU; a build with opt-level
          \"s\" (in target/bench/opt-level-s); validation per keystroke (cargo bench
          --bench validation); input-to-frame time typing in the page.
          Reports only: no number makes it fail.
            --loads <N>       visits of each page on loopback             [default: 15]
            --keystrokes <N>  keystrokes measured in the user name        [default: 50]
            --slow-loads <N>  visits of each page on each slow link       [default: 5]
  post-build
          Trunk's post_build hook (Trunk.toml), not for hands: replaces Trunk's inline
          start script by startup/start.js; in release builds minifies the scripts with
          esbuild, updates their integrity hashes and checks that no inline code is left.
  help    Print this message.
";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err:?}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> anyhow::Result<()> {
    let mut args = env::args().skip(1);
    let Some(command) = args.next() else {
        eprint!("{USAGE}");
        bail!("no command given");
    };
    let rest: Vec<String> = args.collect();

    let sh = Shell::new()?;
    // Every command works on paths relative to the workspace, wherever it was started from.
    sh.change_dir(project_root()?);

    match command.as_str() {
        "setup" => {
            no_options(&command, &rest)?;
            setup::run(&sh)
        }
        "test" => {
            no_options(&command, &rest)?;
            test::run(&sh)
        }
        "dev" => dev::run(&sh, &parse_dev_options(&rest)?),
        "size" => {
            no_options(&command, &rest)?;
            test::trunk_build_release(&sh)?;
            sizes::run(&sh)
        }
        "bench" => bench::run(&sh, &parse_bench_options(&rest)?),
        "screenshots" => {
            no_options(&command, &rest)?;
            test::screenshots(&sh)
        }
        "post-build" => {
            no_options(&command, &rest)?;
            post_build::run(&sh)
        }
        "help" | "-h" | "--help" => {
            print!("{USAGE}");
            Ok(())
        }
        other => {
            eprint!("{USAGE}");
            bail!("unknown command `{other}`")
        }
    }
}

/// The workspace root: xtask always sits one level below it.
pub fn project_root() -> anyhow::Result<PathBuf> {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .context("xtask's manifest directory has no parent")
}

fn no_options(command: &str, rest: &[String]) -> anyhow::Result<()> {
    if let Some(first) = rest.first() {
        eprint!("{USAGE}");
        bail!("`{command}` takes no options, got `{first}`");
    }
    Ok(())
}

fn parse_dev_options(args: &[String]) -> anyhow::Result<dev::Options> {
    let mut options = dev::Options::default();
    for_each_option("dev", args, |flag, value| {
        match flag {
            "--port" => options.port = parse_port(flag, &value()?)?,
            "--api-port" => options.api_port = parse_port(flag, &value()?)?,
            "--portal-port" => options.portal_port = parse_port(flag, &value()?)?,
            "--token" => options.token = value()?,
            _ => return Ok(false),
        }
        Ok(true)
    })?;
    let ports = [options.port, options.api_port, options.portal_port];
    if ports
        .iter()
        .enumerate()
        .any(|(i, p)| ports[i + 1..].contains(p))
    {
        bail!("--port, --api-port and --portal-port must differ (got {ports:?})");
    }
    if options.token.is_empty() {
        bail!("--token must not be empty");
    }
    Ok(options)
}

fn parse_bench_options(args: &[String]) -> anyhow::Result<bench::Options> {
    let mut options = bench::Options::default();
    for_each_option("bench", args, |flag, value| {
        match flag {
            "--loads" => options.loads = parse_count(flag, &value()?)?,
            "--keystrokes" => options.keystrokes = parse_count(flag, &value()?)?,
            "--slow-loads" => options.slow_loads = parse_count(flag, &value()?)?,
            _ => return Ok(false),
        }
        Ok(true)
    })?;
    Ok(options)
}

/// Walks the options of `command`, accepting both `--flag value` and `--flag=value`. `apply`
/// gets each flag and a way to take its value, and answers whether it knows the flag.
fn for_each_option(
    command: &str,
    args: &[String],
    mut apply: impl FnMut(&str, &mut dyn FnMut() -> anyhow::Result<String>) -> anyhow::Result<bool>,
) -> anyhow::Result<()> {
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let (flag, inline_value) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => (flag, Some(value.to_owned())),
            _ => (arg.as_str(), None),
        };
        let mut value = || {
            inline_value
                .clone()
                .or_else(|| args.next().cloned())
                .with_context(|| format!("`{flag}` needs a value"))
        };
        if !apply(flag, &mut value)? {
            eprint!("{USAGE}");
            bail!("unknown option `{arg}` for `{command}`");
        }
    }
    Ok(())
}

/// A count of repetitions: at least one, and few enough to finish today.
fn parse_count(flag: &str, value: &str) -> anyhow::Result<usize> {
    match value.parse::<usize>() {
        Ok(count @ 1..=10_000) => Ok(count),
        _ => bail!("`{flag}` needs a number from 1 to 10000, got `{value}`"),
    }
}

fn parse_port(flag: &str, value: &str) -> anyhow::Result<u16> {
    match value.parse::<u16>() {
        Ok(port) if port != 0 => Ok(port),
        _ => bail!("`{flag}` needs a port number from 1 to 65535, got `{value}`"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(args: &[&str]) -> Vec<String> {
        args.iter().map(|arg| (*arg).to_owned()).collect()
    }

    #[test]
    fn dev_options_default() -> anyhow::Result<()> {
        let options = parse_dev_options(&[])?;
        assert_eq!(
            (options.port, options.api_port, options.token.as_str()),
            (8080, 8081, "demo-token")
        );
        Ok(())
    }

    #[test]
    fn dev_options_both_spellings() -> anyhow::Result<()> {
        let options = parse_dev_options(&strings(&[
            "--port",
            "9000",
            "--api-port=9001",
            "--token",
            "t0k",
        ]))?;
        assert_eq!(
            (options.port, options.api_port, options.token.as_str()),
            (9000, 9001, "t0k")
        );
        Ok(())
    }

    #[test]
    fn bench_options() -> anyhow::Result<()> {
        let options = parse_bench_options(&[])?;
        assert_eq!((options.loads, options.keystrokes), (15, 50));
        let options = parse_bench_options(&strings(&["--loads", "3", "--keystrokes=20"]))?;
        assert_eq!((options.loads, options.keystrokes), (3, 20));
        for args in [
            &["--loads"][..],
            &["--loads", "0"],
            &["--keystrokes", "many"],
            &["--runs", "3"],
        ] {
            assert!(
                parse_bench_options(&strings(args)).is_err(),
                "accepted {args:?}"
            );
        }
        Ok(())
    }

    #[test]
    fn dev_options_rejects_nonsense() {
        for args in [
            &["--port"][..],
            &["--port", "http"],
            &["--port", "0"],
            &["--port", "8081"],
            &["--portal-port", "8080"],
            &["--token="],
            &["--verbose"],
        ] {
            assert!(
                parse_dev_options(&strings(args)).is_err(),
                "accepted {args:?}"
            );
        }
    }
}
