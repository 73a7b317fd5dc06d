//! What a mail server's reply in a failed test mail means, and what to do about it. Command
//! Center passes the reply on in `errorMessage`; it is matched by its enhanced status code
//! (RFC 3463) or by the provider's own phrase, wherever it stands in the text and in any case
//! (ASCII: the phrases are). The server's words are always shown as well: the advice only adds
//! to them, and a reply nothing here knows is shown as the server said it.

/// A reply the page can explain.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Advice {
    /// Exchange Online refuses SMTP AUTH for the tenant or the mailbox, or Basic
    /// authentication altogether: "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication
    /// is disabled for the Tenant" (Microsoft Learn, "Enable or disable SMTP AUTH in Exchange
    /// Online"), "550 5.7.30 Basic authentication is not supported for Client Submission"
    /// (Exchange Team Blog on the deprecation of Basic authentication for SMTP AUTH).
    MicrosoftSmtpAuthOff,
    /// "530 5.7.57 Client not authenticated to send mail" (Microsoft Learn, "Fix issues with
    /// printers, scanners, and LOB applications that send email using Microsoft 365"): the
    /// sign-in did not happen.
    MicrosoftNotAuthenticated,
    /// "534-5.7.9 Application-specific password required" (Google, "Gmail SMTP errors and codes").
    GoogleAppPasswordRequired,
    /// "535-5.7.8 Username and Password not accepted" (Google, "Gmail SMTP errors and codes").
    GoogleBadCredentials,
    /// "550 5.7.1 Unable to relay", "Relay access denied": the server takes mail only from
    /// senders it knows, or for its own domains.
    RelayDenied,
    /// "530 5.7.0 Must issue a STARTTLS command first" (Google), "5.7.3 STARTTLS is required to
    /// send mail" (Microsoft).
    StartTlsRequired,
    /// A failed TLS handshake or a certificate the server's name or chain does not match.
    TlsOrCertificate,
    /// The name does not resolve.
    UnknownHost,
    /// Nothing listens on that port, or a firewall refuses it.
    Refused,
    /// No answer: a firewall that drops, or a port the network blocks.
    TimedOut,
}

/// How each advice is recognised: enhanced status codes and phrases, lower case.
const SIGNS: [(Advice, &[&str]); 10] = [
    (
        Advice::MicrosoftSmtpAuthOff,
        &[
            "5.7.139",
            "5.7.30",
            "smtpclientauthentication is disabled",
            "basic authentication is disabled",
        ],
    ),
    (
        Advice::MicrosoftNotAuthenticated,
        &["5.7.57", "client not authenticated to send"],
    ),
    (
        Advice::GoogleAppPasswordRequired,
        &["5.7.9", "application-specific password required"],
    ),
    (
        Advice::GoogleBadCredentials,
        &["5.7.8", "username and password not accepted"],
    ),
    (
        Advice::RelayDenied,
        &[
            "5.7.1",
            "unable to relay",
            "relay access denied",
            "relaying denied",
        ],
    ),
    (
        Advice::StartTlsRequired,
        &["must issue a starttls", "starttls is required"],
    ),
    (
        Advice::TlsOrCertificate,
        &[
            "certificate",
            "pkix",
            "ssl handshake",
            "tls handshake",
            "handshake_failure",
            "sslhandshakeexception",
        ],
    ),
    (
        Advice::UnknownHost,
        &[
            "unknownhostexception",
            "unknown host",
            "name or service not known",
            "no such host",
            "could not resolve",
        ],
    ),
    (Advice::Refused, &["connection refused", "connectexception"]),
    (
        Advice::TimedOut,
        &["timed out", "timeout", "sockettimeoutexception"],
    ),
];

/// What the reply in `server_words` means, if the page knows it; the first sign in the list
/// decides (the codes are the surest, and stand first).
pub fn advise(server_words: &str) -> Option<Advice> {
    let reply = server_words.to_ascii_lowercase();
    SIGNS
        .iter()
        .find(|(_, signs)| signs.iter().any(|sign| shows(&reply, sign)))
        .map(|(advice, _)| *advice)
}

/// Whether `reply` carries `sign`; an enhanced status code only as a whole one, so that 5.7.1
/// is not found in 5.7.139.
fn shows(reply: &str, sign: &str) -> bool {
    if !sign.starts_with(|c: char| c.is_ascii_digit()) {
        return reply.contains(sign);
    }
    let part_of_code = |c: char| c.is_ascii_digit() || c == '.';
    reply.match_indices(sign).any(|(at, _)| {
        let before = reply[..at].chars().next_back();
        let after = reply[at + sign.len()..].chars().next();
        !before.is_some_and(part_of_code) && !after.is_some_and(|c| c.is_ascii_digit())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_providers_documented_replies_are_recognised() {
        for (reply, advice) in [
            (
                "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled \
                 for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information.",
                Advice::MicrosoftSmtpAuthOff,
            ),
            (
                "535 5.7.139 Authentication unsuccessful, basic authentication is disabled.",
                Advice::MicrosoftSmtpAuthOff,
            ),
            (
                "550 5.7.30 Basic authentication is not supported for Client Submission.",
                Advice::MicrosoftSmtpAuthOff,
            ),
            (
                "530 5.7.57 Client not authenticated to send mail. [AM0PR01CA0001.eurprd01.prod.exchangelabs.com]",
                Advice::MicrosoftNotAuthenticated,
            ),
            (
                "534-5.7.9 Application-specific password required. Learn more at \
                 https://support.google.com/mail/?p=InvalidSecondFactor",
                Advice::GoogleAppPasswordRequired,
            ),
            (
                "535-5.7.8 Username and Password not accepted. For more information, go to \
                 https://support.google.com/mail/?p=BadCredentials",
                Advice::GoogleBadCredentials,
            ),
            ("550 5.7.1 Unable to relay for alerts@example.com", Advice::RelayDenied),
            ("554 5.7.1 <x@y>: Relay access denied", Advice::RelayDenied),
            (
                "530 5.7.0 Must issue a STARTTLS command first.",
                Advice::StartTlsRequired,
            ),
            (
                "javax.net.ssl.SSLHandshakeException: PKIX path building failed",
                Advice::TlsOrCertificate,
            ),
            (
                "java.net.UnknownHostException: smtp.exampel.com",
                Advice::UnknownHost,
            ),
            (
                "java.net.ConnectException: Connection refused (Connection refused)",
                Advice::Refused,
            ),
            (
                "Failed to connect to SMTP server smtp.example.com:587: connect timed out",
                Advice::TimedOut,
            ),
        ] {
            assert_eq!(advise(reply), Some(advice), "{reply}");
        }
    }

    #[test]
    fn the_code_counts_wherever_it_stands_and_in_any_case() {
        assert_eq!(
            advise("Sending failed: AUTH error (535 5.7.139 ...)"),
            Some(Advice::MicrosoftSmtpAuthOff)
        );
        assert_eq!(
            advise("APPLICATION-SPECIFIC PASSWORD REQUIRED"),
            Some(Advice::GoogleAppPasswordRequired)
        );
    }

    #[test]
    fn a_code_counts_only_whole() {
        assert_eq!(advise("550 5.7.1"), Some(Advice::RelayDenied));
        assert_eq!(advise("550 5.7.13 Policy"), None);
        assert_eq!(advise("535 5.7.90 nothing known"), None);
        assert_eq!(advise("build 15.7.139"), None);
    }

    #[test]
    fn a_reply_nothing_here_knows_gets_no_advice() {
        assert_eq!(advise("452 4.3.1 Insufficient system storage"), None);
        assert_eq!(advise(""), None);
    }
}
