//! The request the page would send, as code an administrator can keep in a runbook or run on
//! the next Command Center: a bash script with curl, PowerShell with the vendor's
//! CommvaultPowerShell module, and PowerShell's own `Invoke-RestMethod`.
//!
//! Each is written from the request the page itself sends (`crate::core::requests`), never
//! from the form. No secret becomes text: the token is an environment variable (`CV_TOKEN`),
//! the module signs in with a user, and a typed SMTP password is asked for by the script and
//! base64-encoded there, as the API wants it. A saved password that is kept is left out, as
//! the page leaves it out. The page does not offer it yet (docs/size.md, "Show as code").

pub mod quoting;

use super::wire::{
    EmailServerRequest, EmailServerUpdate, SaveRequest, TestMailRequest, EMAIL_SERVER_PATH,
    TEST_MAIL_PATH,
};

/// A call the page would make.
#[derive(Clone, Copy, Debug)]
pub enum ApiCall<'a> {
    Save(&'a SaveRequest),
    TestMail(&'a TestMailRequest),
}

/// Where the call goes, and as whom.
#[derive(Clone, Copy, Debug)]
pub struct Target<'a> {
    /// The API base URL as the browser resolves it: absolute, so that the code runs anywhere.
    pub api_base_url: &'a str,
    /// The Command Center user the page signed in as; `None` when it was given a token.
    pub user: Option<&'a str>,
}

/// The same call in each of the three forms.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scripts {
    pub curl: String,
    pub module: String,
    pub invoke_rest_method: String,
}

pub fn scripts(call: ApiCall<'_>, target: &Target<'_>) -> Scripts {
    let body = Body::of(call);
    Scripts {
        curl: curl(call, target, &body),
        module: module(call, target, &body),
        invoke_rest_method: invoke_rest_method(call, target, &body),
    }
}

/// The JSON body the page sends, with the typed password, if any, cut out: the scripts put
/// it back from what they ask for.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Body {
    /// The body without the password and without its closing brace.
    open: String,
    asks_password: bool,
}

impl Body {
    fn of(call: ApiCall<'_>) -> Body {
        // The password comes last in every body the page sends (`wire`), so cutting it out
        // and putting it back before the closing brace gives the page's body again.
        let (json, username, asks_password) = match call {
            ApiCall::Save(SaveRequest::Update(update)) => {
                let without = EmailServerUpdate {
                    password_base64: None,
                    ..update.clone()
                };
                (to_json(&without), None, update.password_base64.is_some())
            }
            ApiCall::Save(SaveRequest::Configure(configure)) => {
                let without = EmailServerRequest {
                    credentials: None,
                    ..configure.clone()
                };
                let username = configure.credentials.as_ref().map(|c| c.username.as_str());
                (to_json(&without), username, username.is_some())
            }
            ApiCall::TestMail(test) => {
                let without = TestMailRequest {
                    credentials: None,
                    ..test.clone()
                };
                let username = test.credentials.as_ref().map(|c| c.username.as_str());
                (to_json(&without), username, username.is_some())
            }
        };
        let mut open = json.strip_suffix('}').unwrap_or(&json).to_owned();
        if let Some(username) = username {
            open.push_str(",\"username\":");
            open.push_str(&to_json(&username));
        }
        Body {
            open,
            asks_password,
        }
    }

    /// The end of the body after `open`: the password's member, when there is one, and the
    /// closing brace.
    fn password_member(&self) -> Option<(&'static str, &'static str)> {
        self.asks_password.then_some((",\"password\":\"", "\"}"))
    }
}

/// The page's requests hold only strings, numbers and booleans: serialising them cannot fail.
fn to_json(value: &impl serde::Serialize) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

fn method(call: ApiCall<'_>) -> &'static str {
    match call {
        ApiCall::Save(SaveRequest::Update(_)) => "PUT",
        ApiCall::Save(SaveRequest::Configure(_)) | ApiCall::TestMail(_) => "POST",
    }
}

fn url(call: ApiCall<'_>, target: &Target<'_>) -> String {
    let path = match call {
        ApiCall::Save(_) => EMAIL_SERVER_PATH,
        ApiCall::TestMail(_) => TEST_MAIL_PATH,
    };
    format!("{}/{path}", target.api_base_url.trim_end_matches('/'))
}

/// The first comment line: what the code does.
fn purpose(call: ApiCall<'_>) -> String {
    let what = match call {
        ApiCall::Save(SaveRequest::Configure(_)) => "Configures Command Center's email server",
        ApiCall::Save(SaveRequest::Update(_)) => "Updates Command Center's email server settings",
        ApiCall::TestMail(_) => "Sends a test email with these settings, without saving them",
    };
    let path = match call {
        ApiCall::Save(_) => EMAIL_SERVER_PATH,
        ApiCall::TestMail(_) => TEST_MAIL_PATH,
    };
    format!("{what}: {} /{path}, as the page sends it.", method(call))
}

const TOKEN_COMMENT: &str = "a Command Center token: an API access token, or the \"token\" that \
                             POST /Login answers. It goes into the Authtoken header as it is.";

/// bash and curl; the token from `CV_TOKEN`, the password read from standard input.
fn curl(call: ApiCall<'_>, target: &Target<'_>, body: &Body) -> String {
    let mut script = format!(
        "#!/usr/bin/env bash\n# {}\n# CV_TOKEN is {TOKEN_COMMENT}\nset -euo pipefail\n\
         : \"${{CV_TOKEN:?Set CV_TOKEN to a Command Center token}}\"\n",
        purpose(call)
    );
    let data = match body.password_member() {
        Some((member, end)) => {
            script.push_str(
                "read -rsp 'SMTP password: ' smtp_password; echo >&2\n\
                 smtp_password_base64=$(printf '%s' \"$smtp_password\" | base64 | tr -d '\\n')\n",
            );
            format!(
                "{}\"$smtp_password_base64\"{}",
                quoting::bash(&format!("{}{member}", body.open)),
                quoting::bash(end)
            )
        }
        None => quoting::bash(&format!("{}}}", body.open)),
    };
    script.push_str(&format!(
        "curl --fail-with-body --silent --show-error --request {} \\\n  \
         --header \"Authtoken: $CV_TOKEN\" \\\n  \
         --header 'Accept: application/json' \\\n  \
         --header 'Content-Type: application/json' \\\n  \
         --data-binary {data} \\\n  {}\n",
        method(call),
        quoting::bash(&url(call, target)),
    ));
    script
}

/// PowerShell: the password read as a SecureString and base64-encoded as the API wants it.
const POWERSHELL_PASSWORD: &str =
    "$smtpPassword = Read-Host -Prompt 'SMTP password' -AsSecureString\n\
     $smtpPasswordBase64 = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes(\
     [Net.NetworkCredential]::new('', $smtpPassword).Password))\n";

/// `Invoke-RestMethod`, in any PowerShell: the body goes as UTF-8 bytes, since Windows
/// PowerShell sends a string body in another encoding and loses what is not ASCII, and the
/// script itself stays ASCII.
fn invoke_rest_method(call: ApiCall<'_>, target: &Target<'_>, body: &Body) -> String {
    let mut script = format!("# {}\n# $env:CV_TOKEN is {TOKEN_COMMENT}\n", purpose(call));
    let open = quoting::ascii_json(&body.open);
    let json = match body.password_member() {
        Some((member, end)) => {
            script.push_str(POWERSHELL_PASSWORD);
            format!(
                "{} + $smtpPasswordBase64 + {}",
                quoting::powershell(&format!("{open}{member}")),
                quoting::powershell(end)
            )
        }
        None => quoting::powershell(&format!("{open}}}")),
    };
    let method = match method(call) {
        "PUT" => "Put",
        _ => "Post",
    };
    script.push_str(&format!(
        "$body = {json}\n\
         Invoke-RestMethod -Method {method} -Uri {} `\n  \
         -Headers @{{ Authtoken = $env:CV_TOKEN; Accept = 'application/json' }} `\n  \
         -ContentType 'application/json' `\n  \
         -Body ([Text.Encoding]::UTF8.GetBytes($body))\n",
        quoting::powershell(&url(call, target)),
    ));
    script
}

/// The CommvaultPowerShell module (PowerShell 6.1 or later). The mapping follows the
/// module's own docs, `CommvaultPowerShell/docs/` in Commvault/CVPowershellSDKV2:
/// `Connect-CVServer.md` (-Server, -User; it asks for the password as a SecureString, and its
/// code takes a -Server with "http" in it as the API's URL as it is, a bare name as
/// `https://<name>/webconsole/api`), `Set-CVEmailServer.md` (ConfigureExpanded, its default
/// parameter set, and UpdateExpanded take the same named parameters; only UpdateExpanded has
/// -UseAuthentication, so giving it always picks the update, and -Body picks Configure) and
/// `Send-CVTestMailReq.md` (SendExpanded). -Password is base64, -SmtpPort an Int64, and a
/// switch is set to false as `-Switch:$false` (the repository's readme).
fn module(call: ApiCall<'_>, target: &Target<'_>, body: &Body) -> String {
    let mut script = format!(
        "# {}\n# With the CommvaultPowerShell module: Install-Module -Name CommvaultPowerShell \
         (PowerShell 6.1 or later).\n",
        purpose(call)
    );
    let server = quoting::powershell(target.api_base_url.trim_end_matches('/'));
    match target.user {
        Some(user) => script.push_str(&format!(
            "# Connect-CVServer asks for the password.\nConnect-CVServer -Server {server} -User {}\n",
            quoting::powershell(user)
        )),
        None => script.push_str(&format!(
            "# The module signs in with a Command Center user and asks for the password (this \
             page was given a token instead).\n\
             Connect-CVServer -Server {server} -User (Read-Host -Prompt 'Command Center user name')\n"
        )),
    }
    if body.asks_password {
        script.push_str(POWERSHELL_PASSWORD);
    }
    let password = body.asks_password.then_some("$smtpPasswordBase64");
    let line = match call {
        ApiCall::Save(SaveRequest::Configure(configure)) => {
            let mut members = vec![
                format!(
                    "SmtpServerName = {}",
                    quoting::powershell(&configure.smtp_server_name)
                ),
                format!("SmtpPort = {}", configure.smtp_port),
                format!(
                    "SenderEmail = {}",
                    quoting::powershell(&configure.sender_email)
                ),
                format!(
                    "SenderName = {}",
                    quoting::powershell(&configure.sender_name)
                ),
                format!(
                    "EncryptionAlgorithm = {}",
                    quoting::powershell(configure.encryption_algorithm.wire_name())
                ),
            ];
            if let Some(credentials) = &configure.credentials {
                members.push(format!(
                    "Username = {}",
                    quoting::powershell(&credentials.username)
                ));
                members.extend(password.map(|p| format!("Password = {p}")));
            }
            format!("Set-CVEmailServer -Body @{{ {} }}", members.join("; "))
        }
        ApiCall::Save(SaveRequest::Update(update)) => {
            let mut line = String::from("Set-CVEmailServer");
            push_text(
                &mut line,
                "SmtpServerName",
                update.smtp_server_name.as_deref(),
            );
            if let Some(port) = update.smtp_port {
                line.push_str(&format!(" -SmtpPort {port}"));
            }
            push_text(&mut line, "SenderEmail", update.sender_email.as_deref());
            push_text(&mut line, "SenderName", update.sender_name.as_deref());
            push_text(
                &mut line,
                "EncryptionAlgorithm",
                update.encryption_algorithm.map(|e| e.wire_name()),
            );
            push_switch(&mut line, "UseAuthentication", update.use_authentication);
            push_text(&mut line, "Username", update.username.as_deref());
            push_variable(&mut line, "Password", password);
            line
        }
        ApiCall::TestMail(test) => {
            let mut line = String::from("Send-CVTestMailReq");
            push_text(&mut line, "SmtpServerName", Some(&test.smtp_server_name));
            line.push_str(&format!(" -SmtpPort {}", test.smtp_port));
            push_text(&mut line, "SenderEmail", Some(&test.sender_email));
            push_text(&mut line, "SenderName", Some(&test.sender_name));
            push_text(
                &mut line,
                "EncryptionAlgorithm",
                Some(test.encryption_algorithm.wire_name()),
            );
            push_switch(&mut line, "UseAuthentication", test.use_authentication);
            let username = test.credentials.as_ref().map(|c| c.username.as_str());
            push_text(&mut line, "Username", username);
            push_variable(&mut line, "Password", password);
            line
        }
    };
    script.push_str(&line);
    script.push('\n');
    script
}

fn push_text(line: &mut String, parameter: &str, value: Option<&str>) {
    if let Some(value) = value {
        line.push_str(&format!(" -{parameter} {}", quoting::powershell(value)));
    }
}

fn push_switch(line: &mut String, parameter: &str, on: bool) {
    line.push_str(&format!(" -{parameter}:${on}"));
}

fn push_variable(line: &mut String, parameter: &str, variable: Option<&str>) {
    if let Some(variable) = variable {
        line.push_str(&format!(" -{parameter} {variable}"));
    }
}

// Native only: they run bash, and property tests use proptest, a native dev-dependency.
#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
mod tests;
