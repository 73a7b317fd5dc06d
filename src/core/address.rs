//! The addresses the page meets, read one way: the API base URL typed or configured, the page's
//! own origin, the portals' origins, the URL a call goes to. Only what the page needs of them:
//! relative or absolute, the scheme, the authority (host and port) and the rest.

/// The two schemes a page can call.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scheme {
    Http,
    Https,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Address<'a> {
    /// No scheme and no host, resolved against the page: "/api", "config.json", "./x".
    Relative(&'a str),
    /// `scheme://authority…`: the authority is what stands between "//" and the first `/`, `?`
    /// or `#`; the rest is everything after it.
    Absolute {
        scheme: Scheme,
        /// As written (`https`, `HTTPS`): an origin as browsers write it is in lower case.
        scheme_text: &'a str,
        authority: &'a str,
        rest: &'a str,
    },
    /// Anything else: another scheme ("ftp:"), or a host without a scheme ("//host").
    Other,
}

impl<'a> Address<'a> {
    pub fn parse(text: &'a str) -> Self {
        if text.starts_with("//") {
            return Address::Other;
        }
        let before_path = text.split(['/', '?', '#']).next().unwrap_or_default();
        let Some((scheme_text, _)) = before_path.split_once(':') else {
            return Address::Relative(text);
        };
        let scheme = match scheme_text.to_ascii_lowercase().as_str() {
            "https" => Scheme::Https,
            "http" => Scheme::Http,
            _ => return Address::Other,
        };
        let Some(after) = text[scheme_text.len() + 1..].strip_prefix("//") else {
            return Address::Other;
        };
        let end = after.find(['/', '?', '#']).unwrap_or(after.len());
        Address::Absolute {
            scheme,
            scheme_text,
            authority: &after[..end],
            rest: &after[end..],
        }
    }

    pub fn scheme(&self) -> Option<Scheme> {
        match self {
            Address::Absolute { scheme, .. } => Some(*scheme),
            Address::Relative(_) | Address::Other => None,
        }
    }

    /// `scheme://authority` in lower case, which two addresses of one origin share.
    pub fn origin(&self) -> Option<String> {
        match self {
            Address::Absolute {
                scheme_text,
                authority,
                ..
            } => Some(format!("{scheme_text}://{authority}").to_ascii_lowercase()),
            Address::Relative(_) | Address::Other => None,
        }
    }
}

/// A page on https cannot call an http API: the browser blocks it before it leaves, with no
/// more explanation than "Failed to fetch". Known in advance, it gets its own message.
pub fn is_mixed_content(page_origin: &str, url: &str) -> bool {
    Address::parse(page_origin).scheme() == Some(Scheme::Https)
        && Address::parse(url).scheme() == Some(Scheme::Http)
}

/// Whether a call goes to the page's own origin (then CORS cannot be what blocked it). A
/// relative address ("/api", "config.json") resolves against the page, so it is one.
pub fn is_same_origin(page_origin: &str, url: &str) -> bool {
    match Address::parse(url) {
        Address::Relative(_) => true,
        address => {
            address.origin().is_some() && address.origin() == Address::parse(page_origin).origin()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_relative_absolute_or_neither() {
        assert_eq!(
            Address::parse("HTTPS://cc.example.com:8443/commandcenter/api?x#y"),
            Address::Absolute {
                scheme: Scheme::Https,
                scheme_text: "HTTPS",
                authority: "cc.example.com:8443",
                rest: "/commandcenter/api?x#y",
            }
        );
        assert_eq!(
            Address::parse("http://[::1]"),
            Address::Absolute {
                scheme: Scheme::Http,
                scheme_text: "http",
                authority: "[::1]",
                rest: "",
            }
        );
        for relative in ["/commandcenter/api", "config.json", "./x", "api?u=http://y"] {
            assert_eq!(Address::parse(relative), Address::Relative(relative));
        }
        for other in ["//cc.example.com/x", "ftp://x", "mailto:a@b", "https:x"] {
            assert_eq!(Address::parse(other), Address::Other, "{other}");
        }
    }

    #[test]
    fn mixed_content_is_an_https_page_calling_http() {
        let page = "https://portal.example.com";
        assert!(is_mixed_content(
            page,
            "http://cc.example.com/commandcenter/api/V4/EmailServer"
        ));
        assert!(is_mixed_content(page, "HTTP://cc.example.com/x"));
        assert!(!is_mixed_content(page, "https://cc.example.com/x"));
        assert!(!is_mixed_content(page, "/commandcenter/api/V4/EmailServer"));
        assert!(!is_mixed_content(
            "http://portal.example.com",
            "http://cc.example.com/x"
        ));
    }

    #[test]
    fn same_origin_is_a_path_or_the_page_origin() {
        let page = "https://portal.example.com";
        assert!(is_same_origin(page, "/commandcenter/api/V4/EmailServer"));
        assert!(is_same_origin(
            page,
            "https://portal.example.com/commandcenter/api"
        ));
        assert!(is_same_origin(page, "HTTPS://Portal.example.com/x"));
        assert!(!is_same_origin(
            page,
            "https://portal.example.com.evil.test/x"
        ));
        assert!(!is_same_origin(page, "https://cc.example.com/x"));
        assert!(!is_same_origin(page, "//cc.example.com/x"));
        // Relative to the page, wherever it is served from.
        assert!(is_same_origin(page, "config.json"));
        assert!(is_same_origin(page, "./config.json"));
        assert!(is_same_origin(page, "api/V4/EmailServer?x=http://y"));
        assert!(!is_same_origin(page, "http://cc.example.com/x"));
    }
}
