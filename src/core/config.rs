//! The runtime configuration read from `config.json` beside `index.html`, so that one build
//! serves every installation: operators edit a JSON file, not the wasm.

use serde::Deserialize;

use super::address::Address;
use super::errors::ApiError;
use super::language::Language;
use super::validation::{check_base_url, check_host, FieldError};
use super::wire::TextOrOther;

/// Where Command Center's API is when nothing else is said: the same origin, behind the path
/// Command Center itself uses, which is what a reverse proxy in front of both gives.
pub const DEFAULT_API_BASE_URL: &str = "/commandcenter/api";
/// How long a call may take before the page gives up on it. Command Center answers in well
/// under a second on a LAN; half a minute leaves room for a slow VPN and a busy server.
pub const DEFAULT_REQUEST_TIMEOUT_SECONDS: u32 = 30;
/// Beyond ten minutes a "timeout" no longer helps anyone.
pub const MAX_REQUEST_TIMEOUT_SECONDS: u32 = 600;

/// A title is a heading, not a paragraph.
pub const MAX_TITLE_CHARS: usize = 80;

/// `config.json`; every key may be left out (see `config.example.json` and the README). Unknown
/// keys are refused rather than ignored: a misspelt key silently falling back to the default is
/// the kind of mistake an operator cannot see.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct RuntimeConfig {
    pub api_base_url: String,
    /// Whether the sign-in shows the API base URL so that the administrator can change it.
    pub allow_api_base_url_change: bool,
    pub request_timeout_seconds: u32,
    pub embedding: EmbeddingConfig,
    /// The page's heading, and the first part of the document's title; without one, the
    /// page's own (`page-title` in the catalog).
    pub title: Option<String>,
    /// A stylesheet that sets the page's colours (the custom properties of style/main.css), as
    /// written: a value that cannot be one drops the theme, never the rest of the file (see
    /// [`RuntimeConfig::theme_stylesheet`]).
    pub theme_stylesheet: Option<TextOrOther>,
    /// The page's language unless the administrator chose another from the menu (a BCP 47 tag
    /// of a language the page has: `de`, `fr-CA`, `zh-Hans`).
    pub language: Option<String>,
    /// Whether the page offers its language menu (and honours a choice made with it earlier).
    pub allow_language_change: bool,
}

/// Who may frame the page and drive it (`crate::core::embedding`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct EmbeddingConfig {
    /// Exact origins, as browsers write them (`https://portal.example.com`); empty means that
    /// no parent page may drive this one.
    pub allowed_parent_origins: Vec<String>,
}

impl Default for RuntimeConfig {
    fn default() -> Self {
        Self {
            api_base_url: DEFAULT_API_BASE_URL.to_owned(),
            allow_api_base_url_change: true,
            request_timeout_seconds: DEFAULT_REQUEST_TIMEOUT_SECONDS,
            embedding: EmbeddingConfig::default(),
            title: None,
            theme_stylesheet: None,
            language: None,
            allow_language_change: true,
        }
    }
}

/// The file beside `index.html`, resolved against the page's address.
pub const CONFIG_URL: &str = "config.json";

/// Why `config.json` does not count; the page then runs on the defaults and says so.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConfigProblem {
    /// The server answered another status than 200 or 404.
    Http { status: u16 },
    /// No answer came (`crate::words` says how, from the error).
    Unavailable(ApiError),
    /// Not JSON, or not the shape of `config.json`: the JSON parser's own description.
    NotJson(String),
    /// JSON of the right shape, with a value that cannot be.
    Invalid(InvalidValue),
}

/// A value of `config.json` that JSON itself cannot refuse.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InvalidValue {
    ApiBaseUrl(FieldError),
    RequestTimeout {
        max: u32,
    },
    Origin {
        origin: String,
        problem: OriginProblem,
    },
    TitleLength {
        max: usize,
    },
    TitleNotOneLine,
    /// `language` names a language the page does not have.
    Language {
        tag: String,
    },
}

/// Why the page goes without the theme of `themeStylesheet`; everything else of the file holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ThemeProblem {
    NotText,
    /// Not on the page's own origin: the page's Content-Security-Policy (`style-src 'self'`)
    /// would refuse it anyway, and a stylesheet from elsewhere could restyle the page to mislead.
    Elsewhere {
        url: String,
    },
    /// The browser could not load it.
    NotLoaded {
        url: String,
    },
}

/// What an origin of `embedding.allowedParentOrigins` gets wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OriginProblem {
    Scheme,
    PathOrUser,
    Wildcard,
    Port,
    DefaultPort,
    Host,
}

/// What the answer to `GET config.json` means: a missing file is normal and means the defaults;
/// any other failure is a problem the page states (and then runs on the defaults).
pub fn interpret_config_response(status: u16, body: &str) -> Result<RuntimeConfig, ConfigProblem> {
    match status {
        200 => RuntimeConfig::from_json(body),
        404 => Ok(RuntimeConfig::default()),
        status => Err(ConfigProblem::Http { status }),
    }
}

impl RuntimeConfig {
    /// The file's settings, or what is wrong with it.
    pub fn from_json(text: &str) -> Result<Self, ConfigProblem> {
        let mut config: Self = serde_json::from_str(text)
            .map_err(|error| ConfigProblem::NotJson(error.to_string()))?;
        config.check().map_err(ConfigProblem::Invalid)?;
        config.title = config.title.map(|title| title.trim().to_owned());
        Ok(config)
    }

    /// The theme's stylesheet, if there is one the page may load: a path on the page's own server
    /// (`theme.css`, `/themes/backup.css`), or an address on `page_origin`.
    pub fn theme_stylesheet(&self, page_origin: &str) -> Result<Option<String>, ThemeProblem> {
        let Some(value) = &self.theme_stylesheet else {
            return Ok(None);
        };
        let url = value.text().ok_or(ThemeProblem::NotText)?.trim();
        let own = match Address::parse(url) {
            Address::Relative(path) => !path.is_empty(),
            address @ Address::Absolute { .. } => {
                address.origin() == Address::parse(page_origin).origin()
            }
            Address::Other => false,
        };
        if own {
            Ok(Some(url.to_owned()))
        } else {
            Err(ThemeProblem::Elsewhere {
                url: url.to_owned(),
            })
        }
    }

    /// The language `config.json` sets, once checked.
    pub fn language(&self) -> Option<Language> {
        self.language.as_deref().and_then(Language::matching)
    }

    /// What JSON cannot say about the values: ranges, shapes, lengths.
    fn check(&self) -> Result<(), InvalidValue> {
        if let Some(tag) = self.language.as_deref() {
            if Language::matching(tag).is_none() {
                return Err(InvalidValue::Language {
                    tag: tag.to_owned(),
                });
            }
        }
        check_base_url(&self.api_base_url).map_err(InvalidValue::ApiBaseUrl)?;
        if !(1..=MAX_REQUEST_TIMEOUT_SECONDS).contains(&self.request_timeout_seconds) {
            return Err(InvalidValue::RequestTimeout {
                max: MAX_REQUEST_TIMEOUT_SECONDS,
            });
        }
        for origin in &self.embedding.allowed_parent_origins {
            check_origin(origin).map_err(|problem| InvalidValue::Origin {
                origin: origin.clone(),
                problem,
            })?;
        }
        if let Some(title) = self.title.as_deref().map(str::trim) {
            if title.is_empty() || title.chars().count() > MAX_TITLE_CHARS {
                return Err(InvalidValue::TitleLength {
                    max: MAX_TITLE_CHARS,
                });
            }
            if title.chars().any(char::is_control) {
                return Err(InvalidValue::TitleNotOneLine);
            }
        }
        Ok(())
    }
}

/// An origin exactly as a browser writes `event.origin`: `https://` or `http://`, a host in lower
/// case (a name, an IPv4 address or a bracketed IPv6 address), a port only when it is not the
/// scheme's default, and nothing after it. Comparing origins is then comparing strings, and a
/// wildcard cannot slip in.
pub fn check_origin(origin: &str) -> Result<(), OriginProblem> {
    let (rest, default_port) = match Address::parse(origin) {
        Address::Absolute {
            scheme_text: "https",
            authority,
            rest: "",
            ..
        } => (authority, "443"),
        Address::Absolute {
            scheme_text: "http",
            authority,
            rest: "",
            ..
        } => (authority, "80"),
        Address::Absolute { scheme_text, .. }
            if !scheme_text.bytes().all(|b| b.is_ascii_lowercase()) =>
        {
            return Err(OriginProblem::Scheme)
        }
        Address::Absolute { .. } => return Err(OriginProblem::PathOrUser),
        Address::Relative(_) | Address::Other => return Err(OriginProblem::Scheme),
    };
    if rest.contains('@') {
        return Err(OriginProblem::PathOrUser);
    }
    if rest.contains('*') {
        return Err(OriginProblem::Wildcard);
    }
    let (host, port) = match rest.rsplit_once(':') {
        Some((host, port))
            if !host.ends_with(':') && (host.starts_with('[') || !host.contains(':')) =>
        {
            (host, Some(port))
        }
        _ => (rest, None),
    };
    if let Some(port) = port {
        match port.parse::<u16>() {
            Ok(0) | Err(_) => return Err(OriginProblem::Port),
            Ok(_) if port == default_port => return Err(OriginProblem::DefaultPort),
            Ok(_) if port.starts_with('0') => return Err(OriginProblem::Port),
            Ok(_) => {}
        }
    }
    let valid_host = match host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        Some(v6) => {
            v6.parse::<std::net::Ipv6Addr>().is_ok() && !v6.bytes().any(|b| b.is_ascii_uppercase())
        }
        // The SMTP server's check: RFC 1123 names and IPv4 addresses. An IPv6 address in an
        // origin is always bracketed.
        None => {
            !host.contains(':')
                && check_host(host).is_ok()
                && !host.bytes().any(|b| b.is_ascii_uppercase())
        }
    };
    if valid_host {
        Ok(())
    } else {
        Err(OriginProblem::Host)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(text: &str) -> ConfigProblem {
        RuntimeConfig::from_json(text).unwrap_err()
    }

    #[test]
    fn a_missing_file_means_the_defaults_and_other_statuses_are_problems() {
        assert_eq!(
            interpret_config_response(404, ""),
            Ok(RuntimeConfig::default())
        );
        assert_eq!(
            interpret_config_response(200, r#"{"requestTimeoutSeconds": 5}"#)
                .map(|config| config.request_timeout_seconds),
            Ok(5)
        );
        assert_eq!(
            interpret_config_response(500, "<html>"),
            Err(ConfigProblem::Http { status: 500 })
        );
        assert!(interpret_config_response(200, "<html>").is_err());
    }

    #[test]
    fn empty_object_means_defaults() {
        assert_eq!(RuntimeConfig::from_json("{}"), Ok(RuntimeConfig::default()));
        assert_eq!(RuntimeConfig::default().api_base_url, "/commandcenter/api");
        assert_eq!(RuntimeConfig::default().title, None);
    }

    #[test]
    fn the_language_is_one_the_page_has_and_its_menu_may_be_turned_off() {
        let config =
            RuntimeConfig::from_json(r#"{"language": "de-CH", "allowLanguageChange": false}"#);
        assert_eq!(
            config.as_ref().ok().and_then(RuntimeConfig::language),
            Some(Language::German)
        );
        assert_eq!(config.map(|c| c.allow_language_change), Ok(false));
        assert!(RuntimeConfig::default().allow_language_change);
        assert_eq!(
            problem(r#"{"language": "zh-TW"}"#),
            ConfigProblem::Invalid(InvalidValue::Language {
                tag: "zh-TW".to_owned()
            })
        );
    }

    #[test]
    fn reads_the_api_base_url() {
        let config = RuntimeConfig::from_json(
            r#"{"apiBaseUrl": "https://cc.example.com/commandcenter/api"}"#,
        );
        assert_eq!(
            config.map(|c| c.api_base_url),
            Ok("https://cc.example.com/commandcenter/api".to_owned())
        );
    }

    #[test]
    fn reads_the_request_timeout_within_bounds() {
        let config = RuntimeConfig::from_json(r#"{"requestTimeoutSeconds": 90}"#);
        assert_eq!(config.map(|c| c.request_timeout_seconds), Ok(90));
        assert_eq!(RuntimeConfig::default().request_timeout_seconds, 30);
        for bad in ["0", "601", "-1", "\"30\""] {
            let text = format!(r#"{{"requestTimeoutSeconds": {bad}}}"#);
            assert!(RuntimeConfig::from_json(&text).is_err(), "{text}");
        }
    }

    #[test]
    fn misspelt_keys_duplicates_and_html_are_the_parsers_to_describe() {
        let ConfigProblem::NotJson(misspelt) = problem(r#"{"apiBaseURL": "/x"}"#) else {
            panic!("a misspelt key passed the parser");
        };
        assert!(
            misspelt.contains("unknown field `apiBaseURL`"),
            "{misspelt}"
        );
        let ConfigProblem::NotJson(twice) = problem(r#"{"apiBaseUrl": "/x", "apiBaseUrl": "/y"}"#)
        else {
            panic!("a key given twice passed the parser");
        };
        assert!(twice.contains("duplicate field `apiBaseUrl`"), "{twice}");
        assert!(matches!(
            problem("<!DOCTYPE html>"),
            ConfigProblem::NotJson(_)
        ));
    }

    #[test]
    fn every_key_is_read() {
        let config = RuntimeConfig::from_json(
            r#"{
                "apiBaseUrl": "https://cc.example.com/commandcenter/api",
                "allowApiBaseUrlChange": false,
                "requestTimeoutSeconds": 45,
                "embedding": {"allowedParentOrigins": ["https://portal.example.com", "http://127.0.0.1:8443"]},
                "title": "  Mail for backups  ",
                "language": "ja",
                "allowLanguageChange": false
            }"#,
        );
        assert_eq!(
            config,
            Ok(RuntimeConfig {
                api_base_url: "https://cc.example.com/commandcenter/api".into(),
                allow_api_base_url_change: false,
                request_timeout_seconds: 45,
                embedding: EmbeddingConfig {
                    allowed_parent_origins: vec![
                        "https://portal.example.com".into(),
                        "http://127.0.0.1:8443".into()
                    ],
                },
                title: Some("Mail for backups".into()),
                theme_stylesheet: None,
                language: Some("ja".into()),
                allow_language_change: false,
            })
        );
        let defaults = RuntimeConfig::default();
        assert!(defaults.allow_api_base_url_change);
        assert!(defaults.embedding.allowed_parent_origins.is_empty());
    }

    #[test]
    fn the_shipped_and_the_example_files_are_valid() {
        let example = RuntimeConfig::from_json(include_str!("../../config.example.json"));
        let example = example.expect("config.example.json is valid");
        assert_eq!(example.embedding.allowed_parent_origins.len(), 1);
        assert_eq!(
            example.theme_stylesheet("https://tools.example.com"),
            Ok(Some("themes/backup.css".into()))
        );
        assert_eq!(
            RuntimeConfig::from_json(include_str!("../../config.json")),
            Ok(RuntimeConfig::default())
        );
    }

    #[test]
    fn origins_are_exactly_what_browsers_write() {
        for origin in [
            "https://portal.example.com",
            "http://localhost:8080",
            "https://10.0.0.5",
            "https://[2001:db8::1]:8443",
            "https://x-y.example",
        ] {
            assert_eq!(check_origin(origin), Ok(()), "{origin}");
        }
        for (origin, problem) in [
            ("portal.example.com", OriginProblem::Scheme),
            ("https://portal.example.com/", OriginProblem::PathOrUser),
            (
                "https://portal.example.com/admin",
                OriginProblem::PathOrUser,
            ),
            ("https://*.example.com", OriginProblem::Wildcard),
            ("*", OriginProblem::Scheme),
            ("https://Portal.example.com", OriginProblem::Host),
            ("https://portal.example.com:443", OriginProblem::DefaultPort),
            ("http://portal.example.com:80", OriginProblem::DefaultPort),
            ("https://portal.example.com:0", OriginProblem::Port),
            ("https://portal.example.com:99999", OriginProblem::Port),
            ("https://portal.example.com:", OriginProblem::Port),
            ("https://user@portal.example.com", OriginProblem::PathOrUser),
            ("https://", OriginProblem::Host),
            ("https://a..b", OriginProblem::Host),
            ("ftp://portal.example.com", OriginProblem::Scheme),
            ("https://[2001:DB8::1]", OriginProblem::Host),
            ("https://2001:db8::1", OriginProblem::Host),
            ("https://-portal.example.com", OriginProblem::Host),
            ("https://10.0.0.999", OriginProblem::Host),
            ("null", OriginProblem::Scheme),
        ] {
            assert_eq!(check_origin(origin), Err(problem), "{origin}");
        }
    }

    #[test]
    fn bad_values_say_which_key() {
        assert_eq!(
            problem(r#"{"embedding": {"allowedParentOrigins": ["https://*.example.com"]}}"#),
            ConfigProblem::Invalid(InvalidValue::Origin {
                origin: "https://*.example.com".into(),
                problem: OriginProblem::Wildcard
            })
        );
        assert_eq!(
            problem(r#"{"title": " "}"#),
            ConfigProblem::Invalid(InvalidValue::TitleLength { max: 80 })
        );
        assert_eq!(
            problem(r#"{"title": "a\nb"}"#),
            ConfigProblem::Invalid(InvalidValue::TitleNotOneLine)
        );
        assert_eq!(
            problem(r#"{"apiBaseUrl": "ftp://x"}"#),
            ConfigProblem::Invalid(InvalidValue::ApiBaseUrl(FieldError::BaseUrlInvalid))
        );
        assert_eq!(
            problem(r#"{"requestTimeoutSeconds": 0}"#),
            ConfigProblem::Invalid(InvalidValue::RequestTimeout { max: 600 })
        );
    }

    #[test]
    fn a_theme_is_a_stylesheet_of_the_pages_own_server_and_never_drops_the_file() {
        let page = "https://tools.example.com";
        let theme = |json: &str| {
            RuntimeConfig::from_json(json)
                .expect("the rest of the file holds")
                .theme_stylesheet(page)
        };
        assert_eq!(theme("{}"), Ok(None));
        assert_eq!(
            theme(r#"{"themeStylesheet": "theme.css"}"#),
            Ok(Some("theme.css".into()))
        );
        assert_eq!(
            theme(r#"{"themeStylesheet": "https://TOOLS.example.com/themes/a.css"}"#),
            Ok(Some("https://TOOLS.example.com/themes/a.css".into()))
        );
        for elsewhere in [
            "https://cdn.example.net/theme.css",
            "//cdn.example.net/theme.css",
            "http://tools.example.com/theme.css",
            "data:text/css,body{}",
            "",
        ] {
            let json = format!(r#"{{"themeStylesheet": "{elsewhere}"}}"#);
            assert_eq!(
                theme(&json),
                Err(ThemeProblem::Elsewhere {
                    url: elsewhere.into()
                }),
                "{elsewhere}"
            );
        }
        let with_others = RuntimeConfig::from_json(
            r#"{"themeStylesheet": 7, "apiBaseUrl": "https://cc.example.com/commandcenter/api"}"#,
        )
        .expect("a theme that is no text does not drop the file");
        assert_eq!(
            with_others.theme_stylesheet(page),
            Err(ThemeProblem::NotText)
        );
        assert_eq!(
            with_others.api_base_url,
            "https://cc.example.com/commandcenter/api"
        );
    }
}
