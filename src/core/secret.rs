//! A string that must never reach a log, a panic message or an error text by accident.

use std::fmt;

use serde::{Serialize, Serializer};

/// Holds a secret (the access token, a password, or its base64 form).
///
/// `Debug` prints a placeholder and there is no `Display`, so formatting a struct that holds one
/// cannot leak it; reading the value takes a deliberate call to [`Secret::expose`].
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    pub fn expose(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(<redacted>)")
    }
}

/// On the wire a secret is the plain string: that is where it has to go.
impl Serialize for Secret {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_output_never_contains_the_value() {
        let secret = Secret::new("hunter2-very-secret");
        let printed = format!("{secret:?} {:?}", Some(&secret));
        assert!(!printed.contains("hunter2"), "{printed}");
    }

    #[test]
    fn serializes_as_the_plain_string_for_the_wire() {
        let json = serde_json::to_string(&Secret::new("c2VjcmV0")).unwrap_or_default();
        assert_eq!(json, "\"c2VjcmV0\"");
    }
}
