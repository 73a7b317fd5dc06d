//! Finding and replacing text inside text, for the core.
//!
//! std's `str::find`, `split_once` and `replace` with a string pattern bring its two-way searcher,
//! and `&text[a..b]` brings the panic message of a slice that cuts a character in two, with the
//! Unicode tables that print the character. Together that was 3.6 KB of brotli in the page for a
//! handful of searches in short texts, which these few lines do as well.
//!
//! Positions are byte offsets. A match of valid UTF-8 inside valid UTF-8 always starts and ends
//! on character boundaries, so `str::get` with them never fails; it is used because it cannot
//! panic, and so does not bring that message along.

/// Where `needle` first starts in `haystack`. The empty needle is found at 0.
pub fn find(haystack: &str, needle: &str) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    haystack
        .as_bytes()
        .windows(needle.len())
        .position(|window| window == needle.as_bytes())
}

/// The text before and after the first `separator`.
pub fn split_once<'a>(text: &'a str, separator: &str) -> Option<(&'a str, &'a str)> {
    let at = find(text, separator)?;
    Some((text.get(..at)?, text.get(at + separator.len()..)?))
}

/// `text` with every occurrence of the non-empty `needle` replaced.
pub fn replace(text: &str, needle: &str, replacement: &str) -> String {
    if needle.is_empty() {
        return text.to_owned();
    }
    let mut replaced = String::with_capacity(text.len());
    let mut rest = text;
    while let Some((before, after)) = split_once(rest, needle) {
        replaced.push_str(before);
        replaced.push_str(replacement);
        rest = after;
    }
    replaced.push_str(rest);
    replaced
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn finds_splits_and_replaces_like_std() {
        assert_eq!(find("a<title>b", "<title"), Some(1));
        assert_eq!(find("a<titl", "<title"), None);
        assert_eq!(find("", "x"), None);
        assert_eq!(find("abc", ""), Some(0));
        assert_eq!(split_once("smtp://host", "://"), Some(("smtp", "host")));
        assert_eq!(split_once("host", "://"), None);
        assert_eq!(replace("pw pw! pwpw", "pw", "•"), "• •! ••");
        assert_eq!(replace("été", "té", "x"), "éx");
        assert_eq!(replace("abc", "", "x"), "abc");
    }

    proptest! {
        #[test]
        fn agrees_with_std(haystack in "[aé<:/ ]{0,12}", needle in "[aé<:/]{1,3}") {
            prop_assert_eq!(find(&haystack, &needle), haystack.find(needle.as_str()));
            prop_assert_eq!(
                split_once(&haystack, &needle),
                haystack.split_once(needle.as_str())
            );
            prop_assert_eq!(replace(&haystack, &needle, "•"), haystack.replace(needle.as_str(), "•"));
        }
    }
}
