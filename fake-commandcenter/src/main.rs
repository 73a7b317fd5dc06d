//! `fake-commandcenter [--host 127.0.0.1] [--port 8081] [--token demo-token] [--seed PATH]
//! [--mail-server-unreachable] [--user-email admin@example.com] [--login-user admin]
//! [--login-password demo-password] [--token-lifetime-seconds 1800]`
//!
//! Serves the fake Command Center until killed. Port 0 picks a free port; the line printed once
//! listening tells which, so scripts wait for it and read the URL from it.

use std::io::Write;
use std::process::ExitCode;
use std::time::Duration;

use fake_commandcenter::{
    FakeCommandCenter, FakeConfig, API_PREFIX, DEFAULT_LOGIN_PASSWORD, DEFAULT_LOGIN_USER,
    DEFAULT_TOKEN, DEFAULT_TOKEN_LIFETIME, DEFAULT_USER_EMAIL,
};

const USAGE: &str =
    "usage: fake-commandcenter [--host HOST] [--port PORT] [--token TOKEN] [--seed PATH]\n\
    \x20                         [--mail-server-unreachable] [--user-email ADDRESS]\n\
    \x20                         [--login-user USER] [--login-password PASSWORD]\n\
    \x20                         [--token-lifetime-seconds SECONDS]\n\
    \n  --host HOST                address to listen on (default 127.0.0.1)\
    \n  --port PORT                port to listen on, 0 for any free one (default 8081)\
    \n  --token TOKEN              an Authtoken value always accepted, like an API key\
    \n                             (default demo-token); Login tokens work too\
    \n  --seed PATH                start with the settings in this JSON file, shaped like a\
    \n                             POST /V4/EmailServer body (password base64); default: none\
    \n  --mail-server-unreachable  test mails fail to connect (Action/Test answers errorCode 6)\
    \n  --user-email ADDRESS       the signed-in user's address, where test mails go\
    \n                             (default admin@example.com)\
    \n  --login-user USER          the user name POST /Login accepts (default admin)\
    \n  --login-password PASSWORD  that user's password, plain (default demo-password)\
    \n  --token-lifetime-seconds SECONDS\
    \n                             how long a Login token lives without use, at least 1\
    \n                             (default 1800); the --token one never expires";

#[derive(Debug, PartialEq)]
struct Options {
    host: String,
    port: u16,
    token: String,
    seed: Option<String>,
    mail_server_reachable: bool,
    user_email: String,
    login_user: String,
    login_password: String,
    token_lifetime: Duration,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            host: "127.0.0.1".to_owned(),
            port: 8081,
            token: DEFAULT_TOKEN.to_owned(),
            seed: None,
            mail_server_reachable: true,
            user_email: DEFAULT_USER_EMAIL.to_owned(),
            login_user: DEFAULT_LOGIN_USER.to_owned(),
            login_password: DEFAULT_LOGIN_PASSWORD.to_owned(),
            token_lifetime: DEFAULT_TOKEN_LIFETIME,
        }
    }
}

enum Command {
    Run(Options),
    Help,
}

fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Command, String> {
    let mut options = Options::default();
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        if arg == "-h" || arg == "--help" {
            return Ok(Command::Help);
        }
        if arg == "--mail-server-unreachable" {
            options.mail_server_reachable = false;
            continue;
        }
        // Both `--port 8081` and `--port=8081`.
        let (name, inline) = match arg.split_once('=') {
            Some((name, value)) => (name.to_owned(), Some(value.to_owned())),
            None => (arg.clone(), None),
        };
        if !matches!(
            name.as_str(),
            "--host"
                | "--port"
                | "--token"
                | "--seed"
                | "--user-email"
                | "--login-user"
                | "--login-password"
                | "--token-lifetime-seconds"
        ) {
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
            "--seed" => options.seed = Some(value),
            "--user-email" => options.user_email = value,
            "--login-user" => options.login_user = value,
            "--login-password" => options.login_password = value,
            "--token-lifetime-seconds" => {
                let seconds = value.parse::<u64>().ok().filter(|seconds| *seconds >= 1);
                let Some(seconds) = seconds else {
                    return Err(format!(
                        "--token-lifetime-seconds needs a whole number of seconds, at least 1, got '{value}'"
                    ));
                };
                options.token_lifetime = Duration::from_secs(seconds);
            }
            _ => options.token = value,
        }
    }
    Ok(Command::Run(options))
}

/// The fake the options describe; `Err` (exit 2) when the seed file cannot be read or breaks
/// the POST contract.
fn build_fake(options: &Options) -> Result<FakeCommandCenter, String> {
    let config = FakeConfig {
        token: options.token.clone(),
        user_email: options.user_email.clone(),
        login_user: options.login_user.clone(),
        login_password: options.login_password.clone(),
        token_lifetime: options.token_lifetime,
    };
    let fake = match &options.seed {
        None => FakeCommandCenter::new(config),
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .map_err(|error| format!("cannot read seed file '{path}': {error}"))?;
            let value: serde_json::Value = serde_json::from_str(&text)
                .map_err(|error| format!("seed file '{path}' is not valid JSON: {error}"))?;
            FakeCommandCenter::with_settings(config, value).map_err(|message| {
                format!("seed file '{path}' breaks the POST /V4/EmailServer contract: {message}")
            })?
        }
    };
    fake.set_mail_server_reachable(options.mail_server_reachable);
    Ok(fake)
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
    let fake = match build_fake(&options) {
        Ok(fake) => fake,
        Err(message) => {
            eprintln!("fake-commandcenter: {message}");
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
                token: "demo-token".to_owned(),
                seed: None,
                mail_server_reachable: true,
                user_email: "admin@example.com".to_owned(),
                login_user: "admin".to_owned(),
                login_password: "demo-password".to_owned(),
                token_lifetime: Duration::from_secs(1800),
            })
        );
    }

    #[test]
    fn all_flags_both_spellings() {
        assert_eq!(
            parse(&[
                "--host",
                "0.0.0.0",
                "--port=0",
                "--token",
                "QSDK abc",
                "--seed=seeds/demo.json",
                "--mail-server-unreachable",
                "--user-email",
                "me@example.org",
                "--login-user=operator",
                "--login-password",
                "pässword with spaces",
                "--token-lifetime-seconds",
                "60",
            ]),
            Ok(Options {
                host: "0.0.0.0".to_owned(),
                port: 0,
                token: "QSDK abc".to_owned(),
                seed: Some("seeds/demo.json".to_owned()),
                mail_server_reachable: false,
                user_email: "me@example.org".to_owned(),
                login_user: "operator".to_owned(),
                login_password: "pässword with spaces".to_owned(),
                token_lifetime: Duration::from_secs(60),
            })
        );
    }

    #[test]
    fn the_demo_seed_keeps_the_post_contract() {
        let options = Options {
            seed: Some(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds/demo.json").to_owned()),
            ..Options::default()
        };
        let fake = build_fake(&options).unwrap_or_else(|message| panic!("{message}"));
        assert_eq!(fake.stored_settings()["username"], "cc-mailer");
        assert!(fake.mail_server_reachable());
    }

    #[test]
    fn a_missing_seed_file_is_an_error() {
        let options = Options {
            seed: Some("/nonexistent/seed.json".to_owned()),
            ..Options::default()
        };
        let message = build_fake(&options).err().unwrap_or_default();
        assert!(message.contains("cannot read seed file"), "{message}");
    }

    #[test]
    fn refuses_bad_arguments() {
        assert!(parse(&["--port", "70000"]).is_err());
        assert!(parse(&["--port"]).is_err());
        assert!(parse(&["--verbose"]).is_err());
        assert!(parse(&["8081"]).is_err());
        assert!(parse(&["--seed"]).is_err());
        assert!(parse(&["--mail-server-unreachable=yes"]).is_err());
        assert!(parse(&["--token-lifetime-seconds", "0"]).is_err());
        assert!(parse(&["--token-lifetime-seconds", "1.5"]).is_err());
        assert!(parse(&["--token-lifetime-seconds", "-5"]).is_err());
        assert!(parse(&["--login-user"]).is_err());
        assert_eq!(parse(&["--help"]), Err("help".to_owned()));
    }

    #[test]
    fn ipv6_hosts_get_brackets() {
        assert_eq!(url_host("::1"), "[::1]");
        assert_eq!(url_host("127.0.0.1"), "127.0.0.1");
        assert_eq!(url_host("localhost"), "localhost");
    }
}
