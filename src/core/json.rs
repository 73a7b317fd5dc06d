//! A small, strict JSON reader and writer for the few flat objects this page exchanges with
//! Command Center. Written out rather than taken from serde_json, which costs the wasm about
//! 12 KB (brotli); the native tests check both halves against serde_json.
//!
//! The reader follows RFC 8259 to the letter (no trailing commas, no leading zeros, no lone
//! surrogates, no control characters in strings) and never panics: any input is a value or an
//! error. Nesting deeper than [`MAX_DEPTH`] is an error, as it is in serde_json.

/// How deeply arrays and objects may nest: as deeply as serde_json lets them.
pub const MAX_DEPTH: usize = 127;

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(Number),
    Str(String),
    Array(Vec<Value>),
    /// Members in document order; a repeated key is kept twice (see [`Value::field`]).
    Object(Vec<(String, Value)>),
}

/// A number as written: its value is read only when asked for, as the type the caller wants.
#[derive(Clone, Debug, PartialEq)]
pub struct Number(String);

impl Number {
    /// The value when the number is an integer (no fraction, no exponent) that fits an `i64`,
    /// which is exactly what serde_json accepts for an `i64`. serde_json reads `-0` as the
    /// float -0.0, and so does this.
    pub fn as_i64(&self) -> Option<i64> {
        if self.0 == "-0" || self.0.bytes().any(|b| matches!(b, b'.' | b'e' | b'E')) {
            return None;
        }
        self.0.parse().ok()
    }

    /// The value as the nearest `f64` (infinite when it is too large for one).
    pub fn as_f64(&self) -> Option<f64> {
        self.0.parse().ok()
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A key that appears twice in an object whose keys have meanings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DuplicateKey;

impl Value {
    /// The value of `key` when `self` is an object that has it once; a key given twice is an
    /// error (as serde's derived readers make it), and a non-object has no members.
    pub fn field(&self, key: &str) -> Result<Option<&Value>, DuplicateKey> {
        let Value::Object(members) = self else {
            return Ok(None);
        };
        let mut found = None;
        for (name, value) in members {
            if name == key {
                if found.is_some() {
                    return Err(DuplicateKey);
                }
                found = Some(value);
            }
        }
        Ok(found)
    }
}

impl Value {
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Value::Number(n) => n.as_i64(),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// A member as an answer's optional field, read the way serde's derived readers read an
    /// `Option`: absent or `null` is `Some(None)`; a value `read` refuses, or a key given
    /// twice, makes the whole answer unreadable (`None`).
    pub fn optional<'a, T>(
        &'a self,
        key: &str,
        read: impl FnOnce(&'a Value) -> Option<T>,
    ) -> Option<Option<T>> {
        match self.field(key).ok()? {
            None | Some(Value::Null) => Some(None),
            Some(value) => read(value).map(Some),
        }
    }
}

/// Where a document stops being JSON (a byte offset into it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub offset: usize,
}

/// Parses a whole document: one value, with nothing but JSON whitespace around it.
pub fn parse(text: &str) -> Result<Value, SyntaxError> {
    let mut parser = Parser { text, i: 0 };
    let value = parser.value(0);
    let value = value.ok_or(SyntaxError { offset: parser.i })?;
    parser.ws();
    if parser.i == text.len() {
        Ok(value)
    } else {
        Err(SyntaxError { offset: parser.i })
    }
}

struct Parser<'a> {
    text: &'a str,
    i: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.i).copied()
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    /// Skips whitespace, then takes `c` if it comes next.
    fn eat(&mut self, c: u8) -> bool {
        self.ws();
        let found = self.peek() == Some(c);
        if found {
            self.i += 1;
        }
        found
    }

    fn literal(&mut self, word: &str, value: Value) -> Option<Value> {
        let rest = self.text.as_bytes().get(self.i..)?;
        rest.starts_with(word.as_bytes()).then(|| {
            self.i += word.len();
            value
        })
    }

    fn value(&mut self, depth: usize) -> Option<Value> {
        self.ws();
        match self.peek()? {
            b'n' => self.literal("null", Value::Null),
            b't' => self.literal("true", Value::Bool(true)),
            b'f' => self.literal("false", Value::Bool(false)),
            b'"' => self.string().map(Value::Str),
            b'[' if depth < MAX_DEPTH => {
                self.i += 1;
                let mut items = Vec::new();
                if !self.eat(b']') {
                    loop {
                        items.push(self.value(depth + 1)?);
                        if self.eat(b']') {
                            break;
                        }
                        if !self.eat(b',') {
                            return None;
                        }
                    }
                }
                Some(Value::Array(items))
            }
            b'{' if depth < MAX_DEPTH => {
                self.i += 1;
                let mut members = Vec::new();
                if !self.eat(b'}') {
                    loop {
                        self.ws();
                        if self.peek() != Some(b'"') {
                            return None;
                        }
                        let key = self.string()?;
                        if !self.eat(b':') {
                            return None;
                        }
                        members.push((key, self.value(depth + 1)?));
                        if self.eat(b'}') {
                            break;
                        }
                        if !self.eat(b',') {
                            return None;
                        }
                    }
                }
                Some(Value::Object(members))
            }
            b'-' | b'0'..=b'9' => self.number(),
            _ => None,
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.i;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.i += 1;
        }
        self.i - start
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    fn number(&mut self) -> Option<Value> {
        let start = self.i;
        if self.peek() == Some(b'-') {
            self.i += 1;
        }
        let leading_zero = self.peek() == Some(b'0');
        let integer_digits = self.digits();
        if integer_digits == 0 || (leading_zero && integer_digits > 1) {
            return None;
        }
        if self.peek() == Some(b'.') {
            self.i += 1;
            if self.digits() == 0 {
                return None;
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.i += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.i += 1;
            }
            if self.digits() == 0 {
                return None;
            }
        }
        let text = self.text.get(start..self.i)?;
        Some(Value::Number(Number(text.to_owned())))
    }

    fn hex4(&mut self) -> Option<u32> {
        let hex = self.text.as_bytes().get(self.i..self.i + 4)?;
        self.i += 4;
        hex.iter()
            .try_fold(0, |code, &c| Some(code * 16 + char::from(c).to_digit(16)?))
    }

    /// From the opening quote to just past the closing one.
    fn string(&mut self) -> Option<String> {
        self.i += 1;
        let mut out = String::new();
        loop {
            let start = self.i;
            while !matches!(self.peek(), Some(b'"' | b'\\') | None) {
                if self.peek()? < 0x20 {
                    return None;
                }
                self.i += 1;
            }
            // Quote and backslash are ASCII, so both ends are character boundaries.
            out.push_str(self.text.get(start..self.i)?);
            let end = self.peek()?;
            self.i += 1;
            if end == b'"' {
                return Some(out);
            }
            let escape = self.peek()?;
            self.i += 1;
            out.push(match escape {
                b'"' => '"',
                b'\\' => '\\',
                b'/' => '/',
                b'b' => '\u{8}',
                b'f' => '\u{c}',
                b'n' => '\n',
                b'r' => '\r',
                b't' => '\t',
                b'u' => {
                    let mut code = self.hex4()?;
                    if (0xD800..0xDC00).contains(&code) {
                        // A leading surrogate must be followed by an escaped trailing one.
                        if self.text.as_bytes().get(self.i..self.i + 2) != Some(b"\\u") {
                            return None;
                        }
                        self.i += 2;
                        let low = self.hex4()?;
                        if !(0xDC00..0xE000).contains(&low) {
                            return None;
                        }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                    }
                    // A lone trailing surrogate is not a character: `None`.
                    char::from_u32(code)?
                }
                _ => return None,
            });
        }
    }
}

/// Builds one JSON object, member by member.
pub struct ObjectWriter(String);

impl Default for ObjectWriter {
    fn default() -> Self {
        Self(String::from("{"))
    }
}

impl ObjectWriter {
    fn key(&mut self, key: &str) -> &mut String {
        if self.0.len() > 1 {
            self.0.push(',');
        }
        write_string(&mut self.0, key);
        self.0.push(':');
        &mut self.0
    }

    pub fn string(&mut self, key: &str, value: &str) -> &mut Self {
        write_string(self.key(key), value);
        self
    }

    pub fn integer(&mut self, key: &str, value: i64) -> &mut Self {
        let number = value.to_string();
        self.key(key).push_str(&number);
        self
    }

    pub fn boolean(&mut self, key: &str, value: bool) -> &mut Self {
        self.key(key).push_str(if value { "true" } else { "false" });
        self
    }

    pub fn finish(&mut self) -> String {
        self.0.push('}');
        std::mem::take(&mut self.0)
    }
}

/// A JSON string literal: quotes, backslashes and control characters escaped, the rest as is.
pub fn write_string(out: &mut String, text: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => {
                out.push_str("\\u00");
                out.push(char::from(HEX[usize::from(c as u8 >> 4)]));
                out.push(char::from(HEX[usize::from(c as u8 & 15)]));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn number(n: &str) -> Value {
        Value::Number(Number(n.to_owned()))
    }

    #[test]
    fn reads_every_kind_of_value() {
        let value = parse(
            " {\"a\": \"x\\\"\\u00e9\\ud83d\\ude00\\/\\b\\f\\n\\r\\t\\\\\", \"n\": -12, \
             \"f\": 1.5e-3, \"l\": [true, false, null, {}, []]} \n",
        );
        assert_eq!(
            value,
            Ok(Value::Object(vec![
                ("a".into(), Value::Str("x\"é😀/\u{8}\u{c}\n\r\t\\".into())),
                ("n".into(), number("-12")),
                ("f".into(), number("1.5e-3")),
                (
                    "l".into(),
                    Value::Array(vec![
                        Value::Bool(true),
                        Value::Bool(false),
                        Value::Null,
                        Value::Object(Vec::new()),
                        Value::Array(Vec::new()),
                    ])
                ),
            ]))
        );
        assert_eq!(parse("\"\""), Ok(Value::Str(String::new())));
        assert_eq!(parse("\"€ ünï\""), Ok(Value::Str("€ ünï".into())));
    }

    #[test]
    fn numbers_are_integers_only_when_written_as_integers_that_fit() {
        let number = |text: &str| match parse(text) {
            Ok(Value::Number(n)) => n,
            other => panic!("{text}: {other:?}"),
        };
        assert_eq!(number("0").as_i64(), Some(0));
        assert_eq!(number("-0").as_i64(), None);
        assert_eq!(number("-0").as_f64(), Some(-0.0));
        assert_eq!(number("587").as_i64(), Some(587));
        assert_eq!(number("-9223372036854775808").as_i64(), Some(i64::MIN));
        assert_eq!(number("9223372036854775808").as_i64(), None);
        assert_eq!(number("1.0").as_i64(), None);
        assert_eq!(number("1e2").as_i64(), None);
        assert_eq!(number("1e2").as_f64(), Some(100.0));
        assert_eq!(number("-2.5E+1").as_f64(), Some(-25.0));
        assert_eq!(number("1e400").as_f64(), Some(f64::INFINITY));
    }

    #[test]
    fn anything_else_is_an_error_with_its_place() {
        for bad in [
            "",
            " ",
            "<!DOCTYPE html>",
            "{\"a\":1,}",
            "[1,]",
            "[1 2]",
            "{\"a\" 1}",
            "{a:1}",
            "{\"a\":1",
            "\"open",
            "01",
            "-",
            "1.",
            ".5",
            "1e",
            "+1",
            "0x10",
            "NaN",
            "tru",
            "nul",
            "True",
            "\"\\x\"",
            "\"\\u12\"",
            "\"\\u12G4\"",
            "\"tab\there\"",
            "\"\\ud800\"",
            "\"\\ud800\\u0041\"",
            "\"\\udc00\"",
            "{} {}",
            "1 2",
            "'a'",
            "\u{feff}{}",
        ] {
            assert!(parse(bad).is_err(), "{bad:?}");
        }
        assert_eq!(parse("{\"a\":1,}"), Err(SyntaxError { offset: 7 }));
        assert_eq!(parse("[1] x"), Err(SyntaxError { offset: 4 }));
    }

    #[test]
    fn nesting_stops_at_the_depth_limit() {
        let nested = |depth: usize| "[".repeat(depth) + &"]".repeat(depth);
        assert!(parse(&nested(MAX_DEPTH)).is_ok());
        assert!(parse(&nested(MAX_DEPTH + 1)).is_err());
        assert!(parse(&"[".repeat(100_000)).is_err());
        assert!(parse(&"{\"a\":".repeat(100_000)).is_err());
    }

    #[test]
    fn a_repeated_key_is_an_error_only_when_asked_for() {
        let Ok(value) = parse(r#"{"a": 1, "b": 2, "a": 3}"#) else {
            panic!("valid JSON");
        };
        assert_eq!(value.field("a"), Err(DuplicateKey));
        assert_eq!(value.field("b"), Ok(Some(&number("2"))));
        assert_eq!(value.field("c"), Ok(None));
        assert_eq!(Value::Null.field("a"), Ok(None));
    }

    #[test]
    fn writes_escaped_strings_and_plain_values() {
        let text = ObjectWriter::default()
            .string("k\"", "a\"b\\c\n\r\t\u{1}\u{1f}\u{7f}é😀")
            .integer("p", -25)
            .boolean("t", true)
            .boolean("f", false)
            .finish();
        assert_eq!(
            text,
            "{\"k\\\"\":\"a\\\"b\\\\c\\n\\r\\t\\u0001\\u001f\u{7f}é😀\",\"p\":-25,\"t\":true,\"f\":false}"
        );
        assert_eq!(ObjectWriter::default().finish(), "{}");
    }
}

// serde_json and proptest are native-only dev-dependencies.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod serde_json_tests {
    use proptest::prelude::*;

    use super::*;

    /// The same document as serde_json's value, for comparing.
    fn to_serde(value: &Value) -> serde_json::Value {
        match value {
            Value::Null => serde_json::Value::Null,
            Value::Bool(b) => serde_json::Value::Bool(*b),
            Value::Number(n) => match (n.as_i64(), n.as_f64()) {
                (Some(i), _) => i.into(),
                (None, Some(f)) => serde_json::Number::from_f64(f)
                    .map(serde_json::Value::Number)
                    .unwrap_or(serde_json::Value::Null),
                (None, None) => serde_json::Value::Null,
            },
            Value::Str(s) => serde_json::Value::String(s.clone()),
            Value::Array(items) => items.iter().map(to_serde).collect(),
            Value::Object(members) => serde_json::Value::Object(
                members
                    .iter()
                    .map(|(k, v)| (k.clone(), to_serde(v)))
                    .collect(),
            ),
        }
    }

    /// Whether serde_json would take it as a `serde_json::Value`, which has no infinite numbers.
    fn serde_would_read(text: &str) -> bool {
        fn finite(value: &Value) -> bool {
            match value {
                Value::Number(n) => n.as_f64().is_some_and(f64::is_finite),
                Value::Array(items) => items.iter().all(finite),
                Value::Object(members) => members.iter().all(|(_, v)| finite(v)),
                _ => true,
            }
        }
        parse(text).is_ok_and(|v| finite(&v))
    }

    fn any_json() -> impl Strategy<Value = serde_json::Value> {
        let leaf = prop_oneof![
            Just(serde_json::Value::Null),
            any::<bool>().prop_map(serde_json::Value::Bool),
            any::<i64>().prop_map(serde_json::Value::from),
            any::<f64>()
                .prop_filter("finite", |f| f.is_finite())
                .prop_map(serde_json::Value::from),
            any::<String>().prop_map(serde_json::Value::String),
        ];
        leaf.prop_recursive(4, 64, 8, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..8).prop_map(serde_json::Value::Array),
                prop::collection::btree_map(any::<String>(), inner, 0..8)
                    .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
            ]
        })
    }

    #[test]
    fn agrees_with_serde_json_on_valid_and_invalid_documents() {
        for text in [
            r#"{"SMTPServerName":"smtp.example.com","SMTPPort":587,"useAuthentication":true}"#,
            r#"  [1, -0, 2.5, 1e3, -1E-2, "\u00e9\ud83d\ude00", null, {"a": [{}]}]  "#,
            "\"\\ud800\"",
            "\"\\udc00x\"",
            "01",
            "[1,]",
            "{\"a\":1,}",
            "\"a\u{1}b\"",
            "1.e3",
            "-",
            "1e400",
            &("[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH)),
            &("[".repeat(MAX_DEPTH + 1) + &"]".repeat(MAX_DEPTH + 1)),
        ] {
            let ours = parse(text)
                .ok()
                .filter(|_| serde_would_read(text))
                .map(|v| to_serde(&v));
            let theirs = serde_json::from_str::<serde_json::Value>(text).ok();
            assert_eq!(ours, theirs, "{text}");
        }
    }

    #[test]
    fn written_strings_read_back_in_serde_json() {
        for text in [
            "",
            "plain",
            "\"\\/",
            "\u{0}\u{8}\u{c}\u{1f}\u{7f}",
            "\u{2028}é😀",
        ] {
            let mut written = String::new();
            write_string(&mut written, text);
            assert_eq!(
                serde_json::from_str::<String>(&written).ok().as_deref(),
                Some(text),
                "{written}"
            );
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1024))]

        #[test]
        fn never_panics_on_any_text(text in any::<String>()) {
            let ours = serde_would_read(&text);
            let theirs = serde_json::from_str::<serde_json::Value>(&text).is_ok();
            prop_assert_eq!(ours, theirs);
        }

        #[test]
        fn never_panics_on_json_like_text(text in "[\\[\\]{}\",:0-9eE.+\\-tfrueanl\\\\u \n]{0,40}") {
            let ours = serde_would_read(&text);
            let theirs = serde_json::from_str::<serde_json::Value>(&text).is_ok();
            prop_assert_eq!(ours, theirs, "{:?}", text);
        }

        #[test]
        fn reads_any_document_serde_json_writes(value in any_json()) {
            for text in [serde_json::to_string(&value), serde_json::to_string_pretty(&value)] {
                let text = text.unwrap_or_default();
                let ours = parse(&text).map(|v| to_serde(&v));
                prop_assert_eq!(ours.as_ref(), Ok(&value), "{}", text);
            }
        }

        #[test]
        fn writes_any_string_as_serde_json_reads_it(text in any::<String>()) {
            let mut written = String::new();
            write_string(&mut written, &text);
            prop_assert_eq!(serde_json::from_str::<String>(&written).ok(), Some(text));
        }
    }
}
