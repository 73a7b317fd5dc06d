//! The curl script of `core::as_code`, run by bash with the real curl against the fake Command
//! Center (the password on standard input, the token in `CV_TOKEN`): the fake gets the method,
//! path, contract headers and JSON body of the request the script was written from, as the
//! page serialises it.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write as _;
use std::process::{Command, Stdio};

use anyhow::{ensure, Context};
use commandcenter_email::core::as_code::{scripts, ApiCall, Target};
use commandcenter_email::core::secret::Secret;
use commandcenter_email::core::settings::Encryption;
use commandcenter_email::core::wire::{
    encode_password, Credentials, EmailServerRequest, EmailServerUpdate, SaveRequest,
    TestMailRequest,
};
use fake_commandcenter::{FakeCommandCenter, FakeConfig, API_PREFIX, DEFAULT_TOKEN};
use serde_json::Value;

const PASSWORD: &str = "pä$$ 'w`rd";

/// Runs `script` with bash, `PASSWORD` on its standard input.
fn run(script: &str) -> anyhow::Result<String> {
    let mut child = Command::new("bash")
        .arg("-c")
        .arg(script)
        .env("CV_TOKEN", DEFAULT_TOKEN)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .context("bash runs")?;
    if let Some(mut stdin) = child.stdin.take() {
        // A script that asks for no password may be done before it is written.
        let _ = writeln!(stdin, "{PASSWORD}");
    }
    let output = child.wait_with_output()?;
    ensure!(output.status.success(), "{script}\n{output:?}");
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

#[tokio::test(flavor = "multi_thread")]
async fn the_curl_script_makes_the_request_the_page_makes() -> anyhow::Result<()> {
    let fake = FakeCommandCenter::new(FakeConfig::default());
    let base = format!("http://{}{API_PREFIX}", fake.spawn_local().await?);
    let target = Target {
        api_base_url: &base,
        user: None,
    };
    let typed = || Some(Credentials::new("mailer".into(), &Secret::new(PASSWORD)));
    let first = SaveRequest::Configure(EmailServerRequest {
        smtp_server_name: "smtp.example.com".into(),
        smtp_port: 587,
        sender_email: "alerts@example.com".into(),
        sender_name: "Sauvegardes « Zürich » it's $HOME".into(),
        encryption_algorithm: Encryption::Tls,
        credentials: typed(),
    });
    let update = SaveRequest::Update(EmailServerUpdate {
        smtp_port: Some(2525),
        use_authentication: true,
        username: Some("mailer".into()),
        password_base64: Some(encode_password(PASSWORD)),
        ..EmailServerUpdate::default()
    });
    let test = TestMailRequest {
        smtp_server_name: "smtp.example.com".into(),
        smtp_port: 2525,
        sender_email: "alerts@example.com".into(),
        sender_name: "Backup alerts".into(),
        encryption_algorithm: Encryption::Tls,
        use_authentication: true,
        credentials: typed(),
    };
    for (call, method, path) in [
        (ApiCall::Save(&first), "POST", "V4/EmailServer"),
        (ApiCall::Save(&update), "PUT", "V4/EmailServer"),
        (
            ApiCall::TestMail(&test),
            "POST",
            "V4/EmailServer/Action/Test",
        ),
    ] {
        let script = scripts(call, &target).curl;
        let answer = run(&script)?;
        let request = fake.requests().pop().context("the fake got no request")?;
        assert_eq!(
            (
                request.method.as_str(),
                request.path.as_str(),
                request.status
            ),
            (method, format!("{API_PREFIX}/{path}").as_str(), 200),
            "{script}\nanswered: {answer}"
        );
        let header = |name: &str| {
            request
                .headers
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, value)| value.as_str())
        };
        assert_eq!(header("authtoken"), Some(DEFAULT_TOKEN));
        assert_eq!(header("accept"), Some("application/json"));
        assert_eq!(header("content-type"), Some("application/json"));
        let sent: Value = serde_json::from_str(&request.body)?;
        let page = match call {
            ApiCall::Save(request) => serde_json::to_value(request)?,
            ApiCall::TestMail(request) => serde_json::to_value(request)?,
        };
        assert_eq!(sent, page, "{script}");
    }
    let stored = fake.stored_settings();
    assert_eq!(stored["SMTPPort"], 2525, "{stored}");
    Ok(())
}
