//! Values written into a script so that its shell reads them back exactly as they were.

use std::fmt::Write as _;

/// A bash word that is `text`, byte for byte: single quotes keep everything as it is but the
/// single quote itself, which closes the quotes, is escaped outside them and reopens them.
/// Bash strings cannot hold NUL, which no value of the page contains (it is a control
/// character, refused by validation).
pub fn bash(text: &str) -> String {
    format!("'{}'", text.replace('\'', r#"'\''"#))
}

/// A PowerShell single-quoted string that is `text` (about_Quoting_Rules): nothing inside is
/// expanded, and a quote is doubled. PowerShell takes `‘ ’ ‚ ‛` for single quotes as well, so
/// each of them is doubled too.
pub fn powershell(text: &str) -> String {
    let mut quoted = String::with_capacity(text.len() + 2);
    quoted.push('\'');
    for c in text.chars() {
        if is_powershell_single_quote(c) {
            quoted.push(c);
        }
        quoted.push(c);
    }
    quoted.push('\'');
    quoted
}

pub(super) fn is_powershell_single_quote(c: char) -> bool {
    matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}')
}

/// JSON text with every character past ASCII written as a `\u` escape: the same JSON, in a
/// script that stays ASCII whatever encoding Windows PowerShell reads it with.
pub fn ascii_json(json: &str) -> String {
    let mut ascii = String::with_capacity(json.len());
    for c in json.chars() {
        if c.is_ascii() {
            ascii.push(c);
        } else {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                let _ = write!(ascii, "\\u{unit:04x}");
            }
        }
    }
    ascii
}

// Native only: they run bash, and property tests use proptest, a native dev-dependency.
#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
mod tests {
    use proptest::prelude::*;
    use std::process::Command;

    use super::*;

    /// What bash makes of `word`: printed back with printf.
    fn through_bash(word: &str) -> Vec<u8> {
        let output = Command::new("bash")
            .arg("-c")
            .arg(format!("printf '%s' {word}"))
            .output()
            .expect("bash runs");
        assert!(output.status.success(), "{word}: {output:?}");
        output.stdout
    }

    #[test]
    fn bash_keeps_what_its_shell_would_expand() {
        for text in [
            "",
            "it's",
            "\"$HOME\" `id` $(id) \\ ! * ?",
            "two\nlines",
            "Sauvegardes Zürich – 東京",
        ] {
            assert_eq!(through_bash(&bash(text)), text.as_bytes(), "{text:?}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn any_text_without_nul_survives_bash(text in "[^\u{0}]{0,40}") {
            prop_assert_eq!(through_bash(&bash(&text)), text.as_bytes());
        }
    }

    /// Cases of about_Quoting_Rules: single quotes are doubled, nothing is expanded, and the
    /// typographic single quotes count as quotes.
    #[test]
    fn powershell_doubles_every_single_quote_and_expands_nothing() {
        assert_eq!(powershell("It's"), "'It''s'");
        assert_eq!(powershell("$HOME `t \"x\""), "'$HOME `t \"x\"'");
        assert_eq!(powershell("‘a’ ‚b‛"), "'‘‘a’’ ‚‚b‛‛'");
        assert_eq!(powershell("two\nlines"), "'two\nlines'");
        assert_eq!(powershell(""), "''");
    }

    #[test]
    fn ascii_json_escapes_past_ascii_and_reads_back_the_same() {
        let json = r#"{"senderName":"Zürich 東京 😀"}"#;
        let ascii = ascii_json(json);
        assert!(ascii.is_ascii(), "{ascii}");
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&ascii).ok(),
            serde_json::from_str::<serde_json::Value>(json).ok()
        );
    }
}
