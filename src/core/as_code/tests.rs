//! Each variant in each of the three forms. The curl script is run by bash with a `curl` of the
//! test's own that prints its arguments; the Invoke-RestMethod body is read back as PowerShell
//! would read it. Both are compared with the body the page sends.

use serde_json::Value;
use std::io::Write as _;
use std::process::{Command, Stdio};

use super::*;
use crate::core::secret::Secret;
use crate::core::settings::Encryption;
use crate::core::wire::{encode_password, Credentials};

const BASE: &str = "https://cc.example.com/commandcenter/api";
const TOKEN: &str = "QSDK 0123abcd";
/// A typed SMTP password with what bash and PowerShell would expand, and a letter past ASCII.
const PASSWORD: &str = "pä$$ 'w`rd\"";
/// A sender name that needs quoting in every shell.
const AWKWARD: &str = "Backups ‘R’ Us: it's \"$HOME\" `id` – Zürich\nsecond line";

fn as_admin() -> Target<'static> {
    Target {
        api_base_url: BASE,
        user: Some("admin"),
    }
}

fn first_configuration() -> SaveRequest {
    SaveRequest::Configure(EmailServerRequest {
        smtp_server_name: "smtp.example.com".into(),
        smtp_port: 587,
        sender_email: "alerts@example.com".into(),
        sender_name: AWKWARD.into(),
        encryption_algorithm: Encryption::Tls,
        credentials: Some(Credentials::new("mailer".into(), &Secret::new(PASSWORD))),
    })
}

/// One field changed, sign-in on with the saved password kept.
fn one_field() -> SaveRequest {
    SaveRequest::Update(EmailServerUpdate {
        sender_name: Some(AWKWARD.into()),
        use_authentication: true,
        username: Some("cc-mailer".into()),
        ..EmailServerUpdate::default()
    })
}

fn authentication_off() -> SaveRequest {
    SaveRequest::Update(EmailServerUpdate {
        smtp_port: Some(25),
        encryption_algorithm: Some(Encryption::None),
        use_authentication: false,
        ..EmailServerUpdate::default()
    })
}

fn test_mail(credentials: Option<Credentials>) -> TestMailRequest {
    TestMailRequest {
        smtp_server_name: "smtp.example.com".into(),
        smtp_port: 465,
        sender_email: "alerts@example.com".into(),
        sender_name: "Backup alerts".into(),
        encryption_algorithm: Encryption::Ssl,
        use_authentication: true,
        credentials,
    }
}

fn typed() -> Option<Credentials> {
    Some(Credentials::new("mailer".into(), &Secret::new(PASSWORD)))
}

/// The body as the page sends it (serde_json, as gloo-net's `.json()`).
fn page_body(call: ApiCall<'_>) -> Value {
    match call {
        ApiCall::Save(request) => serde_json::to_value(request),
        ApiCall::TestMail(request) => serde_json::to_value(request),
    }
    .expect("the page's body")
}

/// What the curl script hands curl, run by bash with a `curl` that prints its arguments, the
/// password on standard input and the token in `CV_TOKEN`.
fn curl_arguments(script: &str) -> Vec<String> {
    let file = ScriptFile::new(script);
    let mut child = Command::new("bash")
        .arg("-c")
        .arg("curl() { printf '%s\\0' \"$@\"; }; . \"$0\"")
        .arg(&file.0)
        .env("CV_TOKEN", TOKEN)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("bash runs");
    let mut stdin = child.stdin.take().expect("stdin");
    // A script that asks for no password may be done before it is written.
    let _ = writeln!(stdin, "{PASSWORD}");
    drop(stdin);
    let output = child.wait_with_output().expect("bash ends");
    assert!(output.status.success(), "{script}\n{output:?}");
    String::from_utf8(output.stdout)
        .expect("UTF-8")
        .split('\0')
        .filter(|argument| !argument.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A script in a file of its own, removed when dropped.
struct ScriptFile(std::path::PathBuf);

impl ScriptFile {
    fn new(script: &str) -> Self {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let path = std::env::temp_dir().join(format!(
            "commandcenter-email-as-code-{}-{}.sh",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::write(&path, script).expect("the script is written");
        ScriptFile(path)
    }
}

impl Drop for ScriptFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

fn after<'a>(arguments: &'a [String], flag: &str) -> Vec<&'a str> {
    arguments
        .windows(2)
        .filter(|pair| pair[0] == flag)
        .map(|pair| pair[1].as_str())
        .collect()
}

/// Checks the curl script of `call`: method, URL, the contract's headers and the page's body.
fn check_curl(call: ApiCall<'_>, expected_method: &str, expected_path: &str) {
    let script = scripts(call, &as_admin()).curl;
    let arguments = curl_arguments(&script);
    assert_eq!(
        after(&arguments, "--request"),
        [expected_method],
        "{script}"
    );
    assert_eq!(
        arguments.last().map(String::as_str),
        Some(format!("{BASE}/{expected_path}").as_str())
    );
    assert_eq!(
        after(&arguments, "--header"),
        [
            format!("Authtoken: {TOKEN}").as_str(),
            "Accept: application/json",
            "Content-Type: application/json"
        ]
    );
    let sent: Value =
        serde_json::from_str(after(&arguments, "--data-binary")[0]).expect("a JSON body");
    assert_eq!(sent, page_body(call), "{script}");
}

#[test]
fn curl_sends_what_the_page_sends_in_every_variant() {
    check_curl(
        ApiCall::Save(&first_configuration()),
        "POST",
        EMAIL_SERVER_PATH,
    );
    check_curl(ApiCall::Save(&one_field()), "PUT", EMAIL_SERVER_PATH);
    check_curl(
        ApiCall::Save(&authentication_off()),
        "PUT",
        EMAIL_SERVER_PATH,
    );
    check_curl(ApiCall::TestMail(&test_mail(None)), "POST", TEST_MAIL_PATH);
    check_curl(
        ApiCall::TestMail(&test_mail(typed())),
        "POST",
        TEST_MAIL_PATH,
    );
}

#[test]
fn the_password_is_asked_for_only_when_one_was_typed() {
    fn asks(call: ApiCall<'_>) -> bool {
        scripts(call, &as_admin()).curl.contains("read -rsp")
    }
    assert!(asks(ApiCall::Save(&first_configuration())));
    assert!(!asks(ApiCall::Save(&one_field())), "the saved one is kept");
    assert!(!asks(ApiCall::Save(&authentication_off())));
    assert!(
        !asks(ApiCall::TestMail(&test_mail(None))),
        "tested with the saved one"
    );
    assert!(asks(ApiCall::TestMail(&test_mail(typed()))));
}

#[test]
fn no_secret_becomes_text() {
    let base64 = encode_password(PASSWORD);
    for call in [
        ApiCall::Save(&first_configuration()),
        ApiCall::TestMail(&test_mail(typed())),
    ] {
        let Scripts {
            curl,
            module,
            invoke_rest_method,
        } = scripts(call, &as_admin());
        for script in [curl, module, invoke_rest_method] {
            assert!(
                !script.contains(PASSWORD) && !script.contains(base64.expose()),
                "{script}"
            );
            assert!(!script.contains("QSDK"), "{script}");
        }
    }
}

/// The string a PowerShell expression of single-quoted literals and variables joined by `+`
/// makes, the variables given their values.
fn powershell_value(expression: &str, variables: &[(&str, &str)]) -> String {
    let mut value = String::new();
    let mut rest = expression.trim();
    loop {
        if let Some(quoted) = rest.strip_prefix('\'') {
            let mut chars = quoted.char_indices().peekable();
            let end = loop {
                let (at, c) = chars.next().expect("a closing quote");
                if quoting::is_powershell_single_quote(c) {
                    match chars.peek() {
                        Some(&(_, next)) if quoting::is_powershell_single_quote(next) => {
                            value.push(next);
                            chars.next();
                        }
                        _ => break at + c.len_utf8(),
                    }
                } else {
                    value.push(c);
                }
            };
            rest = quoted[end..].trim_start();
        } else {
            let name: String = rest
                .chars()
                .take_while(|c| *c == '$' || c.is_ascii_alphanumeric())
                .collect();
            let (_, known) = variables
                .iter()
                .find(|(variable, _)| *variable == name)
                .unwrap_or_else(|| panic!("an unknown term in {expression:?}"));
            value.push_str(known);
            rest = rest[name.len()..].trim_start();
        }
        match rest.strip_prefix('+') {
            Some(more) => rest = more.trim_start(),
            None => break,
        }
    }
    assert!(rest.is_empty(), "left over: {rest:?}");
    value
}

/// Checks the Invoke-RestMethod script of `call`: method, URI, headers, and a body that reads
/// back as the page's.
fn check_invoke_rest_method(call: ApiCall<'_>, expected_method: &str, expected_path: &str) {
    let script = scripts(call, &as_admin()).invoke_rest_method;
    assert!(script.is_ascii(), "{script}");
    let body_line = script
        .lines()
        .find_map(|line| line.strip_prefix("$body = "))
        .expect("a $body line");
    let base64 = encode_password(PASSWORD);
    let body = powershell_value(body_line, &[("$smtpPasswordBase64", base64.expose())]);
    let sent: Value = serde_json::from_str(&body).expect("a JSON body");
    assert_eq!(sent, page_body(call), "{script}");
    assert!(
        script.contains(&format!(
            "Invoke-RestMethod -Method {expected_method} -Uri '{BASE}/{expected_path}'"
        )),
        "{script}"
    );
    assert!(script.contains("Authtoken = $env:CV_TOKEN; Accept = 'application/json'"));
    assert!(script.contains("-ContentType 'application/json'"));
    assert!(script.contains("-Body ([Text.Encoding]::UTF8.GetBytes($body))"));
    assert_eq!(
        script.contains("Read-Host -Prompt 'SMTP password' -AsSecureString"),
        body_line.contains("$smtpPasswordBase64")
    );
}

#[test]
fn invoke_rest_method_sends_the_pages_body_as_utf8_bytes_in_every_variant() {
    check_invoke_rest_method(
        ApiCall::Save(&first_configuration()),
        "Post",
        EMAIL_SERVER_PATH,
    );
    check_invoke_rest_method(ApiCall::Save(&one_field()), "Put", EMAIL_SERVER_PATH);
    check_invoke_rest_method(
        ApiCall::Save(&authentication_off()),
        "Put",
        EMAIL_SERVER_PATH,
    );
    check_invoke_rest_method(ApiCall::TestMail(&test_mail(None)), "Post", TEST_MAIL_PATH);
    check_invoke_rest_method(
        ApiCall::TestMail(&test_mail(typed())),
        "Post",
        TEST_MAIL_PATH,
    );
}

/// The module's cmdlet and its parameters, after the sign-in.
fn cmdlet(call: ApiCall<'_>) -> String {
    let script = scripts(call, &as_admin()).module;
    assert!(
        script.contains(&format!(
            "Connect-CVServer -Server '{BASE}' -User 'admin'\n"
        )),
        "{script}"
    );
    let start = script
        .find("\nSet-CVEmailServer")
        .or_else(|| script.find("\nSend-CVTestMailReq"))
        .expect("a cmdlet");
    script[start..].trim().to_owned()
}

#[test]
fn the_module_uses_its_documented_parameter_sets() {
    let name = quoting::powershell(AWKWARD);
    assert_eq!(
        cmdlet(ApiCall::Save(&first_configuration())),
        format!(
            "Set-CVEmailServer -Body @{{ SmtpServerName = 'smtp.example.com'; SmtpPort = 587; \
             SenderEmail = 'alerts@example.com'; SenderName = {name}; EncryptionAlgorithm = \
             'TLS'; Username = 'mailer'; Password = $smtpPasswordBase64 }}"
        )
    );
    assert_eq!(
        cmdlet(ApiCall::Save(&one_field())),
        format!(
            "Set-CVEmailServer -SenderName {name} -UseAuthentication:$true -Username 'cc-mailer'"
        )
    );
    assert_eq!(
        cmdlet(ApiCall::Save(&authentication_off())),
        "Set-CVEmailServer -SmtpPort 25 -EncryptionAlgorithm 'NONE' -UseAuthentication:$false"
    );
    assert_eq!(
        cmdlet(ApiCall::TestMail(&test_mail(None))),
        "Send-CVTestMailReq -SmtpServerName 'smtp.example.com' -SmtpPort 465 -SenderEmail \
         'alerts@example.com' -SenderName 'Backup alerts' -EncryptionAlgorithm 'SSL' \
         -UseAuthentication:$true"
    );
    assert_eq!(
        cmdlet(ApiCall::TestMail(&test_mail(typed()))),
        "Send-CVTestMailReq -SmtpServerName 'smtp.example.com' -SmtpPort 465 -SenderEmail \
         'alerts@example.com' -SenderName 'Backup alerts' -EncryptionAlgorithm 'SSL' \
         -UseAuthentication:$true -Username 'mailer' -Password $smtpPasswordBase64"
    );
}

#[test]
fn the_module_reads_the_typed_password_as_a_secure_string() {
    let script = scripts(ApiCall::Save(&first_configuration()), &as_admin()).module;
    assert!(script.contains("Read-Host -Prompt 'SMTP password' -AsSecureString"));
    let kept = scripts(ApiCall::Save(&one_field()), &as_admin()).module;
    assert!(
        !kept.contains("Read-Host -Prompt 'SMTP password'"),
        "{kept}"
    );
}

#[test]
fn a_session_without_a_user_signs_the_module_in_with_one() {
    let token_only = Target {
        api_base_url: BASE,
        user: None,
    };
    let script = scripts(ApiCall::Save(&one_field()), &token_only).module;
    assert!(
        script.contains("signs in with a Command Center user"),
        "{script}"
    );
    assert!(script.contains(
        "Connect-CVServer -Server 'https://cc.example.com/commandcenter/api' -User (Read-Host \
         -Prompt 'Command Center user name')"
    ));
}

#[test]
fn powershell_reads_back_each_awkward_value() {
    for text in [AWKWARD, "it's", "‘’‚‛", "$env:CV_TOKEN", "`n"] {
        assert_eq!(powershell_value(&quoting::powershell(text), &[]), text);
    }
}
