//! The mail services an administrator most often sends through, each with the server, port and
//! encryption its own documentation gives for sending by SMTP, and the rule by which the port
//! follows the encryption.

use super::settings::Encryption;

/// A mail service the page knows the SMTP settings of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Provider {
    Microsoft365,
    Google,
    AmazonSes {
        region: &'static str,
    },
    SendGrid,
    Mailgun {
        eu: bool,
    },
    /// A relay on the local network: the administrator names it, on port 25 without encryption.
    LocalRelay,
}

/// What choosing a provider fills in; `server` is `None` for a relay whose name only the
/// administrator knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Preset {
    pub provider: Provider,
    pub server: Option<&'static str>,
    pub port: u16,
    pub encryption: Encryption,
}

/// An AWS Region with an Amazon SES SMTP endpoint.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SesRegion {
    pub region: &'static str,
    /// As AWS names it.
    pub name: &'static str,
    pub server: &'static str,
}

/// The AWS Regions with an Amazon SES SMTP endpoint. Source: the Amazon SES Developer Guide,
/// "Obtaining Amazon SES SMTP credentials" (its list of the Regions that have an SMTP endpoint),
/// and the AWS General Reference, "Amazon Simple Email Service endpoints and quotas", SMTP
/// endpoints (`email-smtp.<region>.amazonaws.com`).
pub const SES_REGIONS: [SesRegion; 17] = [
    SesRegion {
        region: "us-east-2",
        name: "US East (Ohio)",
        server: "email-smtp.us-east-2.amazonaws.com",
    },
    SesRegion {
        region: "us-east-1",
        name: "US East (N. Virginia)",
        server: "email-smtp.us-east-1.amazonaws.com",
    },
    SesRegion {
        region: "us-west-2",
        name: "US West (Oregon)",
        server: "email-smtp.us-west-2.amazonaws.com",
    },
    SesRegion {
        region: "ap-south-1",
        name: "Asia Pacific (Mumbai)",
        server: "email-smtp.ap-south-1.amazonaws.com",
    },
    SesRegion {
        region: "ap-northeast-2",
        name: "Asia Pacific (Seoul)",
        server: "email-smtp.ap-northeast-2.amazonaws.com",
    },
    SesRegion {
        region: "ap-southeast-1",
        name: "Asia Pacific (Singapore)",
        server: "email-smtp.ap-southeast-1.amazonaws.com",
    },
    SesRegion {
        region: "ap-southeast-2",
        name: "Asia Pacific (Sydney)",
        server: "email-smtp.ap-southeast-2.amazonaws.com",
    },
    SesRegion {
        region: "ap-northeast-1",
        name: "Asia Pacific (Tokyo)",
        server: "email-smtp.ap-northeast-1.amazonaws.com",
    },
    SesRegion {
        region: "ca-central-1",
        name: "Canada (Central)",
        server: "email-smtp.ca-central-1.amazonaws.com",
    },
    SesRegion {
        region: "eu-central-1",
        name: "Europe (Frankfurt)",
        server: "email-smtp.eu-central-1.amazonaws.com",
    },
    SesRegion {
        region: "eu-west-1",
        name: "Europe (Ireland)",
        server: "email-smtp.eu-west-1.amazonaws.com",
    },
    SesRegion {
        region: "eu-west-2",
        name: "Europe (London)",
        server: "email-smtp.eu-west-2.amazonaws.com",
    },
    SesRegion {
        region: "eu-south-1",
        name: "Europe (Milan)",
        server: "email-smtp.eu-south-1.amazonaws.com",
    },
    SesRegion {
        region: "eu-north-1",
        name: "Europe (Stockholm)",
        server: "email-smtp.eu-north-1.amazonaws.com",
    },
    SesRegion {
        region: "sa-east-1",
        name: "South America (São Paulo)",
        server: "email-smtp.sa-east-1.amazonaws.com",
    },
    SesRegion {
        region: "us-gov-west-1",
        name: "AWS GovCloud (US-West)",
        server: "email-smtp.us-gov-west-1.amazonaws.com",
    },
    SesRegion {
        region: "us-gov-east-1",
        name: "AWS GovCloud (US-East)",
        server: "email-smtp.us-gov-east-1.amazonaws.com",
    },
];

impl Provider {
    /// Every provider the list offers, in its order.
    pub fn all() -> impl Iterator<Item = Provider> {
        [Provider::Microsoft365, Provider::Google]
            .into_iter()
            .chain(
                SES_REGIONS
                    .iter()
                    .map(|ses| Provider::AmazonSes { region: ses.region }),
            )
            .chain([
                Provider::SendGrid,
                Provider::Mailgun { eu: false },
                Provider::Mailgun { eu: true },
                Provider::LocalRelay,
            ])
    }

    /// A name for the list's `value` attribute.
    pub fn key(self) -> String {
        match self {
            Provider::Microsoft365 => "microsoft-365".to_owned(),
            Provider::Google => "google".to_owned(),
            Provider::AmazonSes { region } => format!("amazon-ses-{region}"),
            Provider::SendGrid => "sendgrid".to_owned(),
            Provider::Mailgun { eu: false } => "mailgun".to_owned(),
            Provider::Mailgun { eu: true } => "mailgun-eu".to_owned(),
            Provider::LocalRelay => "local-relay".to_owned(),
        }
    }

    pub fn from_key(key: &str) -> Option<Provider> {
        Provider::all().find(|provider| provider.key() == key)
    }

    /// The settings its documentation gives.
    pub fn preset(self) -> Preset {
        let (server, port, encryption) = match self {
            // Microsoft Learn, "How to set up a multifunction device or application to send
            // email using Microsoft 365 or Office 365": SMTP AUTH client submission,
            // smtp.office365.com, port 587, STARTTLS.
            Provider::Microsoft365 => (Some("smtp.office365.com"), 587, Encryption::Tls),
            // Google Workspace Admin Help, "Send email from a printer, scanner, or app":
            // smtp.gmail.com, port 587 with TLS (or 465 with SSL).
            Provider::Google => (Some("smtp.gmail.com"), 587, Encryption::Tls),
            // Amazon SES Developer Guide, "Connecting to an Amazon SES SMTP endpoint": STARTTLS
            // on 25, 587 or 2587, TLS Wrapper on 465 or 2465.
            Provider::AmazonSes { region } => {
                let server = SES_REGIONS.iter().find(|ses| ses.region == region);
                (server.map(|ses| ses.server), 587, Encryption::Tls)
            }
            // Twilio SendGrid Docs, "Integrating with the SMTP API": smtp.sendgrid.net, 587 for
            // TLS connections (465 for SSL).
            Provider::SendGrid => (Some("smtp.sendgrid.net"), 587, Encryption::Tls),
            // Mailgun Documentation, "SMTP": smtp.mailgun.org (smtp.eu.mailgun.org for the EU
            // region), STARTTLS on 25, 587 or 2525, implicit TLS on 465.
            Provider::Mailgun { eu: false } => (Some("smtp.mailgun.org"), 587, Encryption::Tls),
            Provider::Mailgun { eu: true } => (Some("smtp.eu.mailgun.org"), 587, Encryption::Tls),
            Provider::LocalRelay => (None, 25, Encryption::None),
        };
        Preset {
            provider: self,
            server,
            port,
            encryption,
        }
    }

    /// The provider whose server `server` is (case does not matter), if the page knows it.
    pub fn of_server(server: &str) -> Option<Provider> {
        let server = server.trim().to_ascii_lowercase();
        Provider::all().find(|provider| provider.preset().server == Some(server.as_str()))
    }
}

/// The port a mail server usually takes with `encryption`: 25 without, 587 with STARTTLS, 465
/// for a connection that is encrypted from the start (RFC 8314, 3.3 and 7.3).
pub fn usual_port(encryption: Encryption) -> u16 {
    match encryption {
        Encryption::None => 25,
        Encryption::Tls => 587,
        Encryption::Ssl => 465,
    }
}

/// After the encryption changed: the port to put into the field, if the page may change it.
/// It may while the field is empty or holds what the page itself last filled in (from a preset
/// or an earlier suggestion); a port the administrator typed, or one Command Center had, stays.
pub fn port_for_encryption(
    port: &str,
    filled_by_page: Option<&str>,
    encryption: Encryption,
) -> Option<String> {
    let port = port.trim();
    (port.is_empty() || filled_by_page == Some(port)).then(|| usual_port(encryption).to_string())
}

/// The usual port to name in the port's hint, for a port the page leaves alone (typed, or
/// Command Center's) that is not the usual one with `encryption`. A mismatch a warning names
/// already (465 with TLS, 587 with SSL) needs no hint besides.
pub fn usual_port_to_name(
    port: &str,
    filled_by_page: Option<&str>,
    encryption: Encryption,
) -> Option<u16> {
    let usual = usual_port(encryption);
    let port = port.trim();
    let left_alone = port_for_encryption(port, filled_by_page, encryption).is_none();
    let warned = matches!(
        (port, encryption),
        ("465", Encryption::Tls) | ("587", Encryption::Ssl)
    );
    (left_alone && !warned && port != usual.to_string()).then_some(usual)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn there_are_twenty_three_presets_with_distinct_keys_and_servers() {
        let all: Vec<Provider> = Provider::all().collect();
        assert_eq!(all.len(), 23);
        let mut keys: Vec<String> = all.iter().map(|p| p.key()).collect();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), 23);
        for provider in &all {
            assert_eq!(Provider::from_key(&provider.key()), Some(*provider));
        }
        let mut servers: Vec<&str> = all.iter().filter_map(|p| p.preset().server).collect();
        servers.sort_unstable();
        servers.dedup();
        assert_eq!(
            servers.len(),
            22,
            "every preset but the local relay names its own server"
        );
    }

    #[test]
    fn each_preset_is_what_its_documentation_gives() {
        let settings = |provider: Provider| {
            let preset = provider.preset();
            (preset.server, preset.port, preset.encryption)
        };
        assert_eq!(
            settings(Provider::Microsoft365),
            (Some("smtp.office365.com"), 587, Encryption::Tls)
        );
        assert_eq!(
            settings(Provider::Google),
            (Some("smtp.gmail.com"), 587, Encryption::Tls)
        );
        assert_eq!(
            settings(Provider::SendGrid),
            (Some("smtp.sendgrid.net"), 587, Encryption::Tls)
        );
        assert_eq!(
            settings(Provider::Mailgun { eu: false }),
            (Some("smtp.mailgun.org"), 587, Encryption::Tls)
        );
        assert_eq!(
            settings(Provider::Mailgun { eu: true }),
            (Some("smtp.eu.mailgun.org"), 587, Encryption::Tls)
        );
        assert_eq!(settings(Provider::LocalRelay), (None, 25, Encryption::None));
        for ses in SES_REGIONS {
            let (server, port, encryption) = settings(Provider::AmazonSes { region: ses.region });
            assert_eq!(
                (server.map(str::to_owned), port, encryption),
                (
                    Some(format!("email-smtp.{}.amazonaws.com", ses.region)),
                    587,
                    Encryption::Tls
                ),
                "{}",
                ses.region
            );
        }
    }

    #[test]
    fn a_known_server_names_its_provider() {
        assert_eq!(
            Provider::of_server(" SMTP.Office365.com "),
            Some(Provider::Microsoft365)
        );
        assert_eq!(
            Provider::of_server("email-smtp.eu-west-1.amazonaws.com"),
            Some(Provider::AmazonSes {
                region: "eu-west-1"
            })
        );
        assert_eq!(Provider::of_server("mail.example.com"), None);
        assert_eq!(Provider::of_server(""), None);
    }

    #[test]
    fn the_port_follows_the_encryption_only_where_the_page_put_it() {
        // Empty: the usual port.
        assert_eq!(
            port_for_encryption("", None, Encryption::Ssl),
            Some("465".into())
        );
        // What the page filled in (a preset's 587), then the encryption changes.
        assert_eq!(
            port_for_encryption("587", Some("587"), Encryption::None),
            Some("25".into())
        );
        // Typed or loaded: never changed.
        assert_eq!(
            port_for_encryption("2525", Some("587"), Encryption::Ssl),
            None
        );
        assert_eq!(port_for_encryption("587", None, Encryption::Ssl), None);
        for encryption in [Encryption::None, Encryption::Tls, Encryption::Ssl] {
            assert_eq!(
                port_for_encryption(" ", None, encryption),
                Some(usual_port(encryption).to_string())
            );
        }
    }

    #[test]
    fn a_port_left_alone_names_the_usual_one_in_its_hint() {
        // Typed or loaded, and not the usual one: the hint names it.
        assert_eq!(usual_port_to_name("2525", None, Encryption::Tls), Some(587));
        assert_eq!(usual_port_to_name("587", None, Encryption::None), Some(25));
        // The usual one, or one the page changes anyway: nothing to name.
        assert_eq!(usual_port_to_name("587", None, Encryption::Tls), None);
        assert_eq!(usual_port_to_name("", None, Encryption::Ssl), None);
        assert_eq!(
            usual_port_to_name("587", Some("587"), Encryption::None),
            None
        );
        // A warning says it already.
        assert_eq!(usual_port_to_name("465", None, Encryption::Tls), None);
        assert_eq!(usual_port_to_name("587", None, Encryption::Ssl), None);
    }
}
