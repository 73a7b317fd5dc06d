//! Over real loopback sockets, with a hand-written HTTP/1.1 client so that a dropped connection
//! is seen exactly as a browser would see it: no status line, no bytes.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::SocketAddr;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use common::{b64, demo_seed_settings, PATH};
use fake_commandcenter::{FakeCommandCenter, FakeConfig, DEFAULT_TOKEN};
use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// What the server sent on one `Connection: close` exchange; `Err` if the connection was
/// reset, which also counts as "no answer".
async fn exchange(
    addr: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> std::io::Result<Vec<u8>> {
    let mut request = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    request.push_str("\r\n");
    request.push_str(body);

    let io = async {
        let mut stream = TcpStream::connect(addr).await?;
        stream.write_all(request.as_bytes()).await?;
        let mut answer = Vec::new();
        stream.read_to_end(&mut answer).await?;
        Ok(answer)
    };
    tokio::time::timeout(Duration::from_secs(10), io)
        .await
        .expect("the fake neither answered nor closed within 10 s")
}

struct Parsed {
    status: u16,
    head: String,
    body: String,
}

impl Parsed {
    fn header(&self, name: &str) -> Option<String> {
        self.head.lines().skip(1).find_map(|line| {
            let (key, value) = line.split_once(':')?;
            key.trim()
                .eq_ignore_ascii_case(name)
                .then(|| value.trim().to_owned())
        })
    }

    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap()
    }
}

fn parse(raw: &[u8]) -> Parsed {
    let text = String::from_utf8(raw.to_vec()).unwrap();
    let (head, body) = text.split_once("\r\n\r\n").expect("no end of head");
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    Parsed {
        status,
        head: head.to_owned(),
        body: body.to_owned(),
    }
}

const JSON_API: &[(&str, &str)] = &[
    ("Authtoken", DEFAULT_TOKEN),
    ("Accept", "application/json"),
    ("Content-Type", "application/json"),
];

fn good_body() -> String {
    json!({
        "SMTPServerName": "smtp.example.com",
        "SMTPPort": 587,
        "senderEmail": "backup@example.com",
        "senderName": "Commvault",
        "username": "mailer",
        "password": "c2VjcmV0",
    })
    .to_string()
}

#[tokio::test]
async fn serve_answers_the_api_and_drops_connections_on_demand() {
    let fake = FakeCommandCenter::new(FakeConfig::default());
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(fake_commandcenter::serve(listener, fake.router()));

    // The API, preflight included.
    let preflight = parse(
        &exchange(
            addr,
            "OPTIONS",
            PATH,
            &[
                ("Origin", "http://localhost:8080"),
                ("Access-Control-Request-Method", "POST"),
                ("Access-Control-Request-Headers", "authtoken,content-type"),
            ],
            "",
        )
        .await
        .unwrap(),
    );
    assert_eq!(preflight.status, 204);
    assert_eq!(
        preflight.header("access-control-allow-origin").as_deref(),
        Some("*")
    );
    let posted = parse(
        &exchange(addr, "POST", PATH, JSON_API, &good_body())
            .await
            .unwrap(),
    );
    assert_eq!(posted.status, 200);
    assert_eq!(posted.json(), json!({"errorMessage": "", "errorCode": 0}));
    assert_eq!(
        posted.header("access-control-allow-origin").as_deref(),
        Some("*")
    );
    let got = parse(
        &exchange(
            addr,
            "GET",
            "/commandcenter/api/v4/emailserver",
            JSON_API,
            "",
        )
        .await
        .unwrap(),
    );
    assert_eq!(got.json()["username"], "mailer");

    // Control API over HTTP from a loopback peer: set the fault.
    let set = parse(
        &exchange(
            addr,
            "PUT",
            "/__fake/faults/post-email-server",
            &[],
            r#"{"kind":"drop_connection"}"#,
        )
        .await
        .unwrap(),
    );
    assert_eq!(set.status, 204, "{}", set.body);

    // No status line, no byte: the client sees the connection end (or reset) and nothing else.
    for _ in 0..2 {
        match exchange(addr, "POST", PATH, JSON_API, &good_body()).await {
            Ok(bytes) => assert!(
                bytes.is_empty(),
                "got {:?}",
                String::from_utf8_lossy(&bytes)
            ),
            Err(error) => assert_eq!(error.kind(), std::io::ErrorKind::ConnectionReset, "{error}"),
        }
    }
    // Other endpoints are unaffected.
    let got = parse(&exchange(addr, "GET", PATH, JSON_API, "").await.unwrap());
    assert_eq!(got.status, 200);

    let listed = parse(
        &exchange(addr, "GET", "/__fake/requests", &[], "")
            .await
            .unwrap(),
    );
    assert_eq!(listed.status, 200);
    let listed = listed.json();
    let statuses: Vec<(String, u64)> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["method"].as_str().unwrap().to_owned(),
                r["status"].as_u64().unwrap(),
            )
        })
        .collect();
    let expected = [
        ("OPTIONS", 204),
        ("POST", 200),
        ("GET", 200),
        ("POST", 0),
        ("POST", 0),
        ("GET", 200),
    ];
    let expected: Vec<(String, u64)> = expected
        .iter()
        .map(|(m, s)| ((*m).to_owned(), *s))
        .collect();
    assert_eq!(statuses, expected, "control API calls are not recorded");

    let cleared = parse(
        &exchange(addr, "DELETE", "/__fake/faults/post-email-server", &[], "")
            .await
            .unwrap(),
    );
    assert_eq!(cleared.status, 204);
    let posted = parse(
        &exchange(addr, "POST", PATH, JSON_API, &good_body())
            .await
            .unwrap(),
    );
    assert_eq!(posted.status, 200);

    let cleared = parse(
        &exchange(addr, "DELETE", "/__fake/requests", &[], "")
            .await
            .unwrap(),
    );
    assert_eq!(cleared.status, 204);
    assert!(fake.requests().is_empty());
}

#[tokio::test]
async fn control_api_is_refused_when_served_without_the_peer_address() {
    let fake = FakeCommandCenter::new(FakeConfig::default());
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    // The mistake `serve` exists to prevent.
    tokio::spawn(async move { axum::serve(listener, fake.router()).await });

    let refused = parse(
        &exchange(addr, "GET", "/__fake/requests", &[], "")
            .await
            .unwrap(),
    );
    assert_eq!(refused.status, 403);
    let got = parse(&exchange(addr, "GET", PATH, JSON_API, "").await.unwrap());
    assert_eq!(got.status, 200, "the API itself does not need the peer");
}

#[tokio::test]
async fn spawn_local_serves_on_loopback() {
    let fake = FakeCommandCenter::new(FakeConfig::default());
    let addr = fake.spawn_local().await.unwrap();
    assert!(addr.ip().is_loopback());
    let listed = parse(
        &exchange(addr, "GET", "/__fake/requests", &[], "")
            .await
            .unwrap(),
    );
    assert_eq!(listed.status, 200);
    assert_eq!(listed.json(), json!([]));
}

#[tokio::test]
async fn control_api_for_colleagues_counted_faults_and_kept_fields_over_a_socket() {
    let fake = FakeCommandCenter::new(FakeConfig::default());
    let addr = fake.spawn_local().await.unwrap();
    let call = |method: &'static str, path: &'static str, body: String| async move {
        let headers: &[(&str, &str)] = if path.starts_with("/__fake") {
            &[]
        } else {
            JSON_API
        };
        parse(&exchange(addr, method, path, headers, &body).await.unwrap())
    };
    assert_eq!(call("POST", PATH, good_body()).await.status, 200);

    let colleague = json!({"senderName": "Colleague", "useAuthentication": true, "username": "other", "password": b64("pässwörd")});
    let changed = call("PUT", "/__fake/settings", colleague.to_string()).await;
    assert_eq!(changed.status, 204, "{}", changed.body);
    let refused = call(
        "PUT",
        "/__fake/settings",
        r#"{"SMTPPort": "25"}"#.to_owned(),
    )
    .await;
    assert_eq!(refused.status, 400);
    assert_eq!(refused.json()["errorCode"], 400);
    assert!(refused.json()["errorMessage"]
        .as_str()
        .unwrap()
        .contains("field 'SMTPPort' must be a JSON integer"));

    let fault = r#"{"kind":"status","status":500,"body":"json","times":1}"#;
    let set = call("PUT", "/__fake/faults/get-email-server", fault.to_owned()).await;
    assert_eq!(set.status, 204, "{}", set.body);
    assert_eq!(call("GET", PATH, String::new()).await.status, 500);
    let got = call("GET", PATH, String::new()).await;
    assert_eq!(got.status, 200);
    assert_eq!(got.json()["senderName"], "Colleague");
    assert_eq!(got.json()["username"], "other");
    assert_eq!(fake.stored_password_base64(), Some(b64("pässwörd")));

    let keep = call(
        "PUT",
        "/__fake/put-keeps-field",
        r#"{"field": "SMTPPort"}"#.to_owned(),
    )
    .await;
    assert_eq!(keep.status, 204, "{}", keep.body);
    let kept = call("GET", "/__fake/put-keeps-field", String::new()).await;
    assert_eq!(kept.json(), json!({"field": "SMTPPort"}));
    let put = call(
        "PUT",
        PATH,
        json!({"SMTPPort": 2525, "senderName": "Ops"}).to_string(),
    )
    .await;
    assert_eq!(put.json(), json!({"errorMessage": "", "errorCode": 0}));
    let got = call("GET", PATH, String::new()).await;
    assert_eq!(got.json()["SMTPPort"], 587);
    assert_eq!(got.json()["senderName"], "Ops");

    let methods: Vec<(String, u16)> = fake
        .requests()
        .into_iter()
        .map(|request| (request.method, request.status))
        .collect();
    let expected: Vec<(String, u16)> = [
        ("POST", 200),
        ("GET", 500),
        ("GET", 200),
        ("PUT", 200),
        ("GET", 200),
    ]
    .iter()
    .map(|(method, status)| ((*method).to_owned(), *status))
    .collect();
    assert_eq!(methods, expected, "control API calls are not recorded");
}

/// Kills the binary even when an assertion fails.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn binary_prints_its_url_once_listening_and_serves_with_the_given_token() {
    let (_running, line) = spawn_binary(&["--token", "QSDK 3856cafe"]);
    let rest = line
        .strip_prefix("fake Command Center listening on http://127.0.0.1:")
        .unwrap_or_else(|| panic!("unexpected line {line:?}"));
    let (port, rest) = rest.split_once('/').unwrap();
    assert_eq!(rest, "commandcenter/api (token: QSDK 3856cafe)\n");
    let port: u16 = port.parse().unwrap();
    assert_ne!(port, 0);

    let answer = blocking_request(
        port,
        &format!(
            "GET {PATH} HTTP/1.1\r\nHost: x\r\nAuthtoken: QSDK 3856cafe\r\nConnection: close\r\n\r\n"
        ),
    );
    assert_eq!(answer.status, 200);
    assert_eq!(answer.json(), json!({}));
}

#[test]
fn binary_refuses_unknown_arguments() {
    let status = Command::new(env!("CARGO_BIN_EXE_fake-commandcenter"))
        .arg("--verbose")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(2));
}

/// Starts the binary on any port with `args` and returns it with the first line it prints.
fn spawn_binary(args: &[&str]) -> (Running, String) {
    let child = Command::new(env!("CARGO_BIN_EXE_fake-commandcenter"))
        .args(["--port", "0"])
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut running = Running(child);
    let mut line = String::new();
    BufReader::new(running.0.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    (running, line)
}

/// Starts the binary with `args` and returns it with the port from its first line.
fn start_binary(args: &[&str]) -> (Running, u16) {
    let (running, line) = spawn_binary(args);
    let port = line
        .strip_prefix("fake Command Center listening on http://127.0.0.1:")
        .and_then(|rest| rest.split_once('/'))
        .and_then(|(port, _)| port.parse().ok())
        .unwrap_or_else(|| panic!("unexpected line {line:?}"));
    (running, port)
}

/// Sends `request` (all of it, head and body) to the binary and reads the answer to the end.
fn blocking_request(port: u16, request: &str) -> Parsed {
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    stream.write_all(request.as_bytes()).unwrap();
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).unwrap();
    parse(&answer)
}

/// One blocking `Connection: close` exchange with the binary.
fn blocking_exchange(port: u16, method: &str, path: &str, body: &str) -> Parsed {
    blocking_request(
        port,
        &format!(
            "{method} {path} HTTP/1.1\r\nHost: x\r\nAuthtoken: {DEFAULT_TOKEN}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        ),
    )
}

#[test]
fn binary_starts_with_the_demo_seed() {
    let seed = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds/demo.json");
    let (_running, port) = start_binary(&["--seed", seed]);
    let got = blocking_exchange(port, "GET", PATH, "");
    assert_eq!(got.status, 200);
    assert_eq!(got.json(), demo_seed_settings());
    let settings = blocking_exchange(port, "GET", "/__fake/settings", "");
    assert_eq!(
        settings.json()["passwordBase64"],
        "ZGVtby1zbXRwLXBhc3N3b3Jk"
    );
}

#[test]
fn binary_refuses_a_seed_that_breaks_the_post_contract() {
    let dir = std::env::temp_dir().join(format!("fake-cc-seed-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let cases = [
        (
            "plain-password.json",
            r#"{"SMTPServerName":"smtp.example.com","SMTPPort":587,"senderEmail":"a@example.com","senderName":"A","username":"u","password":"demo-smtp-password"}"#,
            "'password' must be standard base64",
        ),
        (
            "no-port.json",
            r#"{"SMTPServerName":"smtp.example.com","senderEmail":"a@example.com","senderName":"A"}"#,
            "missing required field 'SMTPPort'",
        ),
        ("not-json.json", "SMTPServerName=x", "is not valid JSON"),
    ];
    for (name, content, needle) in cases {
        let path = dir.join(name);
        std::fs::write(&path, content).unwrap();
        let output = Command::new(env!("CARGO_BIN_EXE_fake-commandcenter"))
            .args(["--port", "0", "--seed"])
            .arg(&path)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{name}");
        assert!(output.stdout.is_empty(), "{name}: must not claim to listen");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(needle), "{name}: {stderr}");
        assert!(stderr.contains(name), "{name}: names the file: {stderr}");
    }
    let output = Command::new(env!("CARGO_BIN_EXE_fake-commandcenter"))
        .args(["--port", "0", "--seed"])
        .arg(dir.join("missing.json"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn binary_with_an_unreachable_mail_server_fails_test_mails() {
    let (_running, port) = start_binary(&["--mail-server-unreachable"]);
    let body = json!({
        "SMTPServerName": "mail.internal",
        "SMTPPort": 25,
        "senderEmail": "a@example.com",
        "senderName": "A",
    })
    .to_string();
    let answer = blocking_exchange(
        port,
        "POST",
        "/commandcenter/api/V4/EmailServer/Action/Test",
        &body,
    );
    assert_eq!(answer.status, 200);
    assert_eq!(answer.json()["errorCode"], 6);
    assert!(answer.json()["errorMessage"]
        .as_str()
        .unwrap()
        .contains("mail.internal:25"));
    let switch = blocking_exchange(port, "GET", "/__fake/mail-server", "");
    assert_eq!(switch.json(), json!({"reachable": false}));
}

#[test]
fn binary_takes_the_login_user_password_and_token_lifetime() {
    // The binary runs on its own real clock, which a test cannot pause, so the lifetime is read
    // back instead of waited out: it is the one the sessions are pruned by, and the library
    // tests show on a paused clock that it ends tokens.
    let (_running, port) = start_binary(&[
        "--login-user",
        "ops",
        "--login-password=s3cret pass",
        "--token-lifetime-seconds",
        "90",
    ]);
    let lifetime = blocking_exchange(port, "GET", "/__fake/token-lifetime", "");
    assert_eq!(lifetime.json()["seconds"].as_f64(), Some(90.0));

    let login = |username: &str, password: &str| {
        let body = json!({
            "username": username,
            "password": b64(password),
        });
        blocking_exchange(port, "POST", "/commandcenter/api/Login", &body.to_string())
    };
    assert_eq!(login("admin", "demo-password").status, 401);
    let answer = login("ops", "s3cret pass");
    assert_eq!(answer.status, 200, "{}", answer.body);
    assert_eq!(answer.json()["userName"], "ops");
    let token = answer.json()["token"].as_str().unwrap().to_owned();

    let with_token = |token: &str| {
        blocking_request(
            port,
            &format!(
                "GET {PATH} HTTP/1.1\r\nHost: x\r\nAuthtoken: {token}\r\nConnection: close\r\n\r\n"
            ),
        )
        .status
    };
    assert_eq!(with_token(&token), 200);
    let sessions = blocking_exchange(port, "GET", "/__fake/sessions", "");
    assert_eq!(sessions.json(), json!({"active": 1}));
    // An ended session refuses its token; the static one keeps working.
    let expired = blocking_exchange(port, "POST", "/__fake/sessions/expire", "");
    assert_eq!(expired.status, 204);
    assert_eq!(with_token(&token), 401);
    assert_eq!(with_token(DEFAULT_TOKEN), 200);
}
