//! Validation of what the administrator typed, judged the way Command Center and a mail server
//! would judge it, so that nothing that would be refused is ever sent.
//!
//! Each check takes the raw text and returns either the value to send or a [`FieldError`]; the
//! page runs them on every keystroke (cheap: no allocation on the happy path beyond the result)
//! and again on Save.

use std::net::{Ipv4Addr, Ipv6Addr};

use super::address::Address;
use super::saved_password::{saved_password, SavedPassword, Withheld};
use super::secret::Secret;
use super::settings::{Baseline, ConnectionForm, Encryption, Field, SettingsForm};
use super::wire::ApiConnection;

/// A DNS name is at most 253 characters in text form (RFC 1035).
pub const MAX_HOST_LEN: usize = 253;
/// The longest address an SMTP server accepts in a path (RFC 5321, 4.5.3.1.3).
pub const MAX_EMAIL_LEN: usize = 254;
/// The longest local part (before "@") an SMTP server must accept (RFC 5321, 4.5.3.1.1).
pub const MAX_EMAIL_LOCAL_LEN: usize = 64;
/// Sender names, user names and passwords: what Command Center's database columns hold.
pub const MAX_TEXT_LEN: usize = 255;
/// Far above any real token or API key, far below what would make the header a problem.
pub const MAX_TOKEN_LEN: usize = 4096;
pub const MAX_BASE_URL_LEN: usize = 2048;

/// Why a field's value cannot be sent; `crate::words` says it under the field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldError {
    Required(Field),
    TooLong {
        max: usize,
    },
    ControlCharacter,
    PortNotANumber,
    PortOutOfRange,
    HostHasScheme {
        scheme: String,
    },
    HostHasPath,
    HostHasSpace,
    HostHasPort,
    HostInvalidCharacter(char),
    HostNotAscii,
    HostEmptyLabel,
    HostLabelTooLong,
    HostLabelHyphen,
    HostBadIpv4,
    HostBracketedIpv6,
    EmailMissingAt,
    EmailSeveralAt,
    EmailHasSpace,
    EmailLocalPartInvalid,
    EmailLocalPartTooLong,
    EmailDomainInvalid,
    /// Sign-in is on, a user name is given, and there is neither a typed nor a saved password.
    PasswordMissing,
    /// Sign-in is on, the password is empty, and the saved one may not go where the page points.
    PasswordWithheld(Withheld),
    /// A test mail with a changed user name cannot use the saved password of the old one.
    PasswordNeededForTest,
    TokenInvalidCharacter,
    BaseUrlInvalid,
}

/// The errors of a whole form, at most one per field, in page order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FieldErrors(Vec<(Field, FieldError)>);

impl FieldErrors {
    pub fn get(&self, field: Field) -> Option<&FieldError> {
        self.0.iter().find(|(f, _)| *f == field).map(|(_, e)| e)
    }

    /// The field that should receive focus when Save finds errors.
    pub fn first(&self) -> Option<Field> {
        self.0.iter().map(|(f, _)| *f).min()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (Field, &FieldError)> {
        self.0.iter().map(|(f, e)| (*f, e))
    }

    /// Keeps the value when the check passed, records the error against `field` otherwise.
    pub(crate) fn keep<T>(&mut self, field: Field, checked: Result<T, FieldError>) -> Option<T> {
        match checked {
            Ok(value) => Some(value),
            Err(error) => {
                self.0.push((field, error));
                None
            }
        }
    }
}

/// Whether the mail server is signed in to, and with which password.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Authentication {
    Off,
    On {
        username: String,
        password: PasswordChoice,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PasswordChoice {
    /// Typed by the administrator, as typed (not yet encoded).
    New(Secret),
    /// Left empty while Command Center has a password saved: it stays as it is.
    KeepSaved,
}

/// The mail server settings once every field is valid, in the types the API wants.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidSettings {
    pub smtp_server_name: String,
    pub smtp_port: u16,
    pub sender_email: String,
    pub sender_name: String,
    pub encryption: Encryption,
    pub authentication: Authentication,
}

/// Everything a call needs, once every field is valid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidatedForm {
    pub connection: ApiConnection,
    pub settings: ValidSettings,
}

/// Checks every field against what Command Center has now (`baseline` decides whether an empty
/// password means "keep the saved one" or "missing").
pub fn validate(
    connection: &ConnectionForm,
    settings: &SettingsForm,
    baseline: &Baseline,
) -> Result<ValidatedForm, FieldErrors> {
    let mut errors = FieldErrors::default();
    let token = errors.keep(Field::AccessToken, check_token(&connection.access_token));
    let base_url = errors.keep(Field::ApiBaseUrl, check_base_url(&connection.api_base_url));
    let smtp_server = errors.keep(Field::SmtpServer, check_smtp_server(&settings.smtp_server));
    let smtp_port = errors.keep(Field::SmtpPort, check_port(&settings.smtp_port));
    let sender_email = errors.keep(
        Field::SenderEmail,
        check_sender_email(&settings.sender_email),
    );
    let sender_name = errors.keep(Field::SenderName, check_sender_name(&settings.sender_name));
    let authentication = check_authentication(settings, baseline, &mut errors);

    match (
        token,
        base_url,
        smtp_server,
        smtp_port,
        sender_email,
        sender_name,
        authentication,
    ) {
        (
            Some(token),
            Some(base_url),
            Some(smtp_server_name),
            Some(smtp_port),
            Some(sender_email),
            Some(sender_name),
            Some(authentication),
        ) => Ok(ValidatedForm {
            connection: ApiConnection { base_url, token },
            settings: ValidSettings {
                smtp_server_name,
                smtp_port,
                sender_email,
                sender_name,
                encryption: settings.encryption,
                authentication,
            },
        }),
        _ => Err(errors),
    }
}

/// Only where and as whom to call, for loading the settings before the rest is filled in.
pub fn validate_connection(connection: &ConnectionForm) -> Option<ApiConnection> {
    let token = check_token(&connection.access_token).ok()?;
    let base_url = check_base_url(&connection.api_base_url).ok()?;
    Some(ApiConnection { base_url, token })
}

impl ValidSettings {
    /// The form as Command Center holds it after these settings were saved: trimmed values,
    /// and no password (it is never read back; with sign-in on, one is saved).
    pub fn saved_form(&self) -> SettingsForm {
        let (use_authentication, username) = match &self.authentication {
            Authentication::Off => (false, String::new()),
            Authentication::On { username, .. } => (true, username.clone()),
        };
        SettingsForm {
            smtp_server: self.smtp_server_name.clone(),
            smtp_port: self.smtp_port.to_string(),
            encryption: self.encryption,
            sender_email: self.sender_email.clone(),
            sender_name: self.sender_name.clone(),
            use_authentication,
            username,
            password: String::new(),
        }
    }
}

/// The errors only, for showing them as the administrator types.
pub fn field_errors(
    connection: &ConnectionForm,
    settings: &SettingsForm,
    baseline: &Baseline,
) -> FieldErrors {
    validate(connection, settings, baseline)
        .err()
        .unwrap_or_default()
}

/// With sign-in off, the user name and password are neither checked nor sent.
fn check_authentication(
    settings: &SettingsForm,
    baseline: &Baseline,
    errors: &mut FieldErrors,
) -> Option<Authentication> {
    if !settings.use_authentication {
        return Some(Authentication::Off);
    }
    let username = errors.keep(Field::Username, check_username(&settings.username));
    let password = errors.keep(Field::Password, check_password(&settings.password));
    let (username, password) = (username?, password?);
    let password = if !password.is_empty() {
        PasswordChoice::New(password)
    } else {
        match saved_password(baseline, settings) {
            SavedPassword::Reusable => PasswordChoice::KeepSaved,
            SavedPassword::Withheld(reason) => {
                return errors.keep(Field::Password, Err(FieldError::PasswordWithheld(reason)))
            }
            SavedPassword::NotSaved => {
                return errors.keep(Field::Password, Err(FieldError::PasswordMissing))
            }
        }
    };
    Some(Authentication::On { username, password })
}

fn required(field: Field, raw: &str) -> Result<&str, FieldError> {
    let value = raw.trim();
    if value.is_empty() {
        Err(FieldError::Required(field))
    } else {
        Ok(value)
    }
}

fn at_most(value: &str, max: usize) -> Result<(), FieldError> {
    // Counted in characters: that is what the administrator sees and what the limits mean.
    if value.chars().count() > max {
        Err(FieldError::TooLong { max })
    } else {
        Ok(())
    }
}

fn no_control_characters(value: &str) -> Result<(), FieldError> {
    // A line break in a sender name would end up in a mail header: refuse it here.
    if value.chars().any(char::is_control) {
        Err(FieldError::ControlCharacter)
    } else {
        Ok(())
    }
}

pub fn check_port(raw: &str) -> Result<u16, FieldError> {
    let value = required(Field::SmtpPort, raw)?;
    if !value.bytes().all(|b| b.is_ascii_digit()) {
        return Err(FieldError::PortNotANumber);
    }
    // Digits only, so the only parse failure left is overflow: out of range as well.
    match value.parse::<u32>() {
        Ok(port @ 1..=65535) => u16::try_from(port).map_err(|_| FieldError::PortOutOfRange),
        _ => Err(FieldError::PortOutOfRange),
    }
}

pub fn check_smtp_server(raw: &str) -> Result<String, FieldError> {
    let value = required(Field::SmtpServer, raw)?;
    at_most(value, MAX_HOST_LEN)?;
    check_host(value)?;
    Ok(value.to_owned())
}

/// A host name (RFC 1123 labels), an IPv4 address or an IPv6 address, and nothing around it.
pub(crate) fn check_host(value: &str) -> Result<(), FieldError> {
    if let Some((scheme, _)) = value.split_once("://") {
        return Err(FieldError::HostHasScheme {
            scheme: scheme.chars().take(16).collect(),
        });
    }
    if value.chars().any(char::is_whitespace) {
        return Err(FieldError::HostHasSpace);
    }
    if let Some(inner) = value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) {
        return Err(if inner.parse::<Ipv6Addr>().is_ok() {
            FieldError::HostBracketedIpv6
        } else {
            FieldError::HostInvalidCharacter('[')
        });
    }
    if value.parse::<Ipv6Addr>().is_ok() {
        return Ok(());
    }
    if value.contains('/') {
        return Err(FieldError::HostHasPath);
    }
    if let Some((host, port)) = value.rsplit_once(':') {
        let looks_like_port = !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit());
        return Err(if looks_like_port && check_dns_name(host).is_ok() {
            FieldError::HostHasPort
        } else {
            FieldError::HostInvalidCharacter(':')
        });
    }
    check_dns_name(value)?;
    // RFC 1123 2.1: a name whose last label is numeric would be read as an address.
    let last_label = value
        .trim_end_matches('.')
        .rsplit('.')
        .next()
        .unwrap_or_default();
    if last_label.bytes().all(|b| b.is_ascii_digit()) && value.parse::<Ipv4Addr>().is_err() {
        return Err(FieldError::HostBadIpv4);
    }
    Ok(())
}

/// Labels of letters, digits and inner hyphens, 1 to 63 characters each; one trailing dot allowed.
fn check_dns_name(value: &str) -> Result<(), FieldError> {
    if !value.is_ascii() {
        return Err(FieldError::HostNotAscii);
    }
    let name = value.strip_suffix('.').unwrap_or(value);
    for label in name.split('.') {
        if label.is_empty() {
            return Err(FieldError::HostEmptyLabel);
        }
        if label.len() > 63 {
            return Err(FieldError::HostLabelTooLong);
        }
        if let Some(bad) = label
            .chars()
            .find(|c| !c.is_ascii_alphanumeric() && *c != '-')
        {
            return Err(FieldError::HostInvalidCharacter(bad));
        }
        if label.starts_with('-') || label.ends_with('-') {
            return Err(FieldError::HostLabelHyphen);
        }
    }
    Ok(())
}

pub fn check_sender_email(raw: &str) -> Result<String, FieldError> {
    let value = required(Field::SenderEmail, raw)?;
    at_most(value, MAX_EMAIL_LEN)?;
    if value.chars().any(char::is_whitespace) {
        return Err(FieldError::EmailHasSpace);
    }
    let (local, domain) = match value.split_once('@') {
        None => return Err(FieldError::EmailMissingAt),
        Some((_, rest)) if rest.contains('@') => return Err(FieldError::EmailSeveralAt),
        Some(parts) => parts,
    };
    check_email_local_part(local)?;
    check_email_domain(domain)?;
    Ok(value.to_owned())
}

/// The dot-atom form of RFC 5322; quoted local parts are legal but no mail relay of a backup
/// product needs one, and they are far more often a typo.
fn check_email_local_part(local: &str) -> Result<(), FieldError> {
    const ATEXT_SPECIALS: &[u8] = b"!#$%&'*+-/=?^_`{|}~";
    if local.len() > MAX_EMAIL_LOCAL_LEN {
        return Err(FieldError::EmailLocalPartTooLong);
    }
    let atom_ok = |atom: &str| {
        !atom.is_empty()
            && atom
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || ATEXT_SPECIALS.contains(&b))
    };
    if local.split('.').all(atom_ok) {
        Ok(())
    } else {
        Err(FieldError::EmailLocalPartInvalid)
    }
}

/// A DNS name, or an address literal in brackets (`[192.0.2.1]`, `[IPv6:2001:db8::1]`).
fn check_email_domain(domain: &str) -> Result<(), FieldError> {
    if let Some(literal) = domain.strip_prefix('[').and_then(|d| d.strip_suffix(']')) {
        let is_address = match literal.strip_prefix("IPv6:") {
            Some(v6) => v6.parse::<Ipv6Addr>().is_ok(),
            None => literal.parse::<Ipv4Addr>().is_ok(),
        };
        return if is_address {
            Ok(())
        } else {
            Err(FieldError::EmailDomainInvalid)
        };
    }
    let numeric_last_label = domain
        .rsplit('.')
        .next()
        .is_some_and(|l| l.bytes().all(|b| b.is_ascii_digit()));
    if domain.ends_with('.') || numeric_last_label || check_dns_name(domain).is_err() {
        return Err(FieldError::EmailDomainInvalid);
    }
    Ok(())
}

pub fn check_sender_name(raw: &str) -> Result<String, FieldError> {
    let value = required(Field::SenderName, raw)?;
    at_most(value, MAX_TEXT_LEN)?;
    no_control_characters(value)?;
    Ok(value.to_owned())
}

fn check_username(raw: &str) -> Result<String, FieldError> {
    let value = required(Field::Username, raw)?;
    at_most(value, MAX_TEXT_LEN)?;
    no_control_characters(value)?;
    Ok(value.to_owned())
}

/// Passwords are taken exactly as typed: a leading or trailing space may be part of one.
fn check_password(raw: &str) -> Result<Secret, FieldError> {
    at_most(raw, MAX_TEXT_LEN)?;
    no_control_characters(raw)?;
    Ok(Secret::new(raw))
}

/// The token goes into an HTTP header, which only carries visible ASCII and spaces; surrounding
/// white space is a copy-and-paste accident and is dropped.
pub fn check_token(raw: &str) -> Result<Secret, FieldError> {
    let value = required(Field::AccessToken, raw)?;
    at_most(value, MAX_TOKEN_LEN)?;
    if value.bytes().all(|b| (0x20..=0x7e).contains(&b)) {
        Ok(Secret::new(value))
    } else {
        Err(FieldError::TokenInvalidCharacter)
    }
}

/// An absolute http(s) URL or a path on the page's own origin; returned without a trailing slash
/// so that endpoint paths can be appended.
pub fn check_base_url(raw: &str) -> Result<String, FieldError> {
    let value = required(Field::ApiBaseUrl, raw)?;
    at_most(value, MAX_BASE_URL_LEN)?;
    let well_formed = match Address::parse(value) {
        Address::Absolute { authority, .. } => !authority.is_empty(),
        Address::Relative(path) => path.starts_with('/'),
        // "//host" would silently switch to another server: ask for the scheme instead.
        Address::Other => false,
    };
    let clean =
        !value.contains(|c: char| c.is_whitespace() || c.is_control() || c == '?' || c == '#');
    if well_formed && clean {
        Ok(value.trim_end_matches('/').to_owned())
    } else {
        Err(FieldError::BaseUrlInvalid)
    }
}

// proptest is a native-only dev-dependency (it does not build for wasm32).
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
