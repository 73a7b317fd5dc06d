//! `fake-commandcenter [--host 127.0.0.1] [--port 8081] [--token demo-token]`
//!
//! Serves the fake Command Center until killed. Port 0 picks a free port; the line printed once
//! listening tells which, so scripts wait for it and read the URL from it.

use std::io::Write;
use std::process::ExitCode;

use fake_commandcenter::{FakeCommandCenter, FakeConfig, API_PREFIX, DEFAULT_TOKEN};

const USAGE: &str = "usage: fake-commandcenter [--host HOST] [--port PORT] [--token TOKEN]\n\
    \n  --host HOST    address to listen on (default 127.0.0.1)\
    \n  --port PORT    port to listen on, 0 for any free one (default 8081)\
    \n  --token TOKEN  the Authtoken header value to accept (default demo-token)";

#[derive(Debug, PartialEq)]
struct Options {
    host: String,
    port: u16,
    token: String,
}

enum Command {
    Run(Options),
    Help,
}

fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Command, String> {
    let mut options = Options {
        host: "127.0.0.1".to_owned(),
        port: 8081,
        token: DEFAULT_TOKEN.to_owned(),
    };
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        if arg == "-h" || arg == "--help" {
            return Ok(Command::Help);
        }
        // Both `--port 8081` and `--port=8081`.
        let (name, inline) = match arg.split_once('=') {
            Some((name, value)) => (name.to_owned(), Some(value.to_owned())),
            None => (arg.clone(), None),
        };
        if !matches!(name.as_str(), "--host" | "--port" | "--token") {
            return Err(format!("unknown argument '{arg}'"));
        }
        let value = match inline.or_else(|| args.next()) {
            Some(value) => value,
            None => return Err(format!("{name} needs a value")),
        };
        match name.as_str() {
            "--host" => options.host = value,
            "--port" => {
                options.port = value
                    .parse()
                    .map_err(|_| format!("--port needs a number 0..=65535, got '{value}'"))?
            }
            _ => options.token = value,
        }
    }
    Ok(Command::Run(options))
}

/// `http://HOST:PORT/...` needs brackets around an IPv6 literal.
fn url_host(host: &str) -> String {
    if host.contains(':') && !host.starts_with('[') {
        format!("[{host}]")
    } else {
        host.to_owned()
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    let options = match parse_args(std::env::args().skip(1)) {
        Ok(Command::Run(options)) => options,
        Ok(Command::Help) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("fake-commandcenter: {message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let bind_host = options.host.trim_start_matches('[').trim_end_matches(']');
    let listener = match tokio::net::TcpListener::bind((bind_host, options.port)).await {
        Ok(listener) => listener,
        Err(error) => {
            eprintln!(
                "fake-commandcenter: cannot listen on {}:{}: {error}",
                options.host, options.port
            );
            return ExitCode::FAILURE;
        }
    };
    let port = match listener.local_addr() {
        Ok(addr) => addr.port(),
        Err(error) => {
            eprintln!("fake-commandcenter: cannot read the listening address: {error}");
            return ExitCode::FAILURE;
        }
    };
    let fake = FakeCommandCenter::new(FakeConfig {
        token: options.token.clone(),
    });
    println!(
        "fake Command Center listening on http://{}:{port}{API_PREFIX} (token: {})",
        url_host(&options.host),
        options.token
    );
    // Whoever started us waits for that line through a pipe, where stdout is block-buffered.
    if let Err(error) = std::io::stdout().flush() {
        eprintln!("fake-commandcenter: cannot write to stdout: {error}");
        return ExitCode::FAILURE;
    }
    match fake_commandcenter::serve(listener, fake.router()).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("fake-commandcenter: server failed: {error}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Options, String> {
        match parse_args(args.iter().map(|arg| (*arg).to_owned()))? {
            Command::Run(options) => Ok(options),
            Command::Help => Err("help".to_owned()),
        }
    }

    #[test]
    fn defaults() {
        assert_eq!(
            parse(&[]),
            Ok(Options {
                host: "127.0.0.1".to_owned(),
                port: 8081,
                token: "demo-token".to_owned()
            })
        );
    }

    #[test]
    fn all_flags_both_spellings() {
        assert_eq!(
            parse(&["--host", "0.0.0.0", "--port=0", "--token", "QSDK abc"]),
            Ok(Options {
                host: "0.0.0.0".to_owned(),
                port: 0,
                token: "QSDK abc".to_owned()
            })
        );
    }

    #[test]
    fn refuses_bad_arguments() {
        assert!(parse(&["--port", "70000"]).is_err());
        assert!(parse(&["--port"]).is_err());
        assert!(parse(&["--verbose"]).is_err());
        assert!(parse(&["8081"]).is_err());
        assert_eq!(parse(&["--help"]), Err("help".to_owned()));
    }

    #[test]
    fn ipv6_hosts_get_brackets() {
        assert_eq!(url_host("::1"), "[::1]");
        assert_eq!(url_host("127.0.0.1"), "127.0.0.1");
        assert_eq!(url_host("localhost"), "localhost");
    }
}
