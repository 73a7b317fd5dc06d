//! Is this text an IPv4 or IPv6 address? The same answer as `std::net`'s `FromStr`, which the
//! tests below check on every case and on generated text, in a fraction of the code: std's
//! parser builds the address, and it and its closures cost 1.2 KB of brotli in the page, where
//! the form only needs a yes or a no.

use crate::core::text;

/// Four decimal numbers from 0 to 255 joined by dots, without leading zeros (`010` could be
/// meant as octal, so std refuses it).
pub fn is_ipv4(text: &str) -> bool {
    let mut octets = 0;
    for octet in text.split('.') {
        octets += 1;
        let digits = octet.as_bytes();
        let canonical = digits.len() <= 3 && matches!(digits, [_] | [b'1'..=b'9', ..]);
        if octets > 4 || !canonical {
            return false;
        }
        let value = digits.iter().try_fold(0_u16, |value, &b| {
            b.is_ascii_digit().then(|| value * 10 + u16::from(b - b'0'))
        });
        if value.is_none_or(|value| value > 255) {
            return false;
        }
    }
    octets == 4
}

/// Eight groups of one to four hex digits joined by colons, where one `::` may stand for one or
/// more groups of zeros, and the last two groups may be written as an IPv4 address.
pub fn is_ipv6(text: &str) -> bool {
    match text::split_once(text, "::") {
        None => groups(text, true) == Some(8),
        // An IPv4 address may only end the whole address, so not stand before the `::`.
        Some((head, tail)) => match (groups(head, false), groups(tail, true)) {
            (Some(head), Some(tail)) => head + tail <= 7,
            _ => false,
        },
    }
}

/// How many 16-bit groups colon-separated `text` holds (an IPv4 address at its end counts two),
/// or `None` if it is not such a list. Empty text holds none.
fn groups(text: &str, ipv4_may_end: bool) -> Option<usize> {
    if text.is_empty() {
        return Some(0);
    }
    let mut count = 0;
    let mut parts = text.split(':').peekable();
    while let Some(part) = parts.next() {
        let is_last = parts.peek().is_none();
        count += if (1..=4).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_hexdigit()) {
            1
        } else if is_last && ipv4_may_end && is_ipv4(part) {
            2
        } else {
            return None;
        };
    }
    Some(count)
}

// proptest is a native-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use std::net::{Ipv4Addr, Ipv6Addr};

    use proptest::prelude::*;

    use super::*;

    fn std_ipv4(text: &str) -> bool {
        text.parse::<Ipv4Addr>().is_ok()
    }

    fn std_ipv6(text: &str) -> bool {
        text.parse::<Ipv6Addr>().is_ok()
    }

    const CASES: &[&str] = &[
        "",
        "0.0.0.0",
        "192.0.2.1",
        "255.255.255.255",
        "256.0.0.1",
        "1.2.3",
        "1.2.3.4.5",
        "1.2.3.",
        ".1.2.3",
        "01.2.3.4",
        "1.2.3.00",
        "1.2.3.0",
        "1..3.4",
        "1.2.3.4 ",
        "+1.2.3.4",
        "1.2.3.1000",
        "१.2.3.4",
        "::",
        "::1",
        "1::",
        "1::2",
        ":::",
        "1:::2",
        ":1",
        "1:",
        "::1:",
        "1:2:3:4:5:6:7:8",
        "1:2:3:4:5:6:7:8:9",
        "1:2:3:4:5:6:7",
        "1:2:3:4:5:6:7::",
        "::2:3:4:5:6:7:8",
        "1:2:3:4::5:6:7:8",
        "1:2:3:4:5:6::7:8",
        "1::2::3",
        "2001:db8::1",
        "2001:DB8::ABCD",
        "2001:0db8:0000:0000:0000:0000:0000:0001",
        "12345::",
        "g::1",
        "::ffff:192.0.2.1",
        "::192.0.2.1",
        "1:2:3:4:5:6:192.0.2.1",
        "1:2:3:4:5:6:7:192.0.2.1",
        "1:2:3:4:5::192.0.2.1",
        "1:2:3:4:5:6::192.0.2.1",
        "192.0.2.1::",
        "192.0.2.1::1",
        "::192.0.2.1:1",
        "::ffff:01.2.3.4",
        "::ffff:1.2.3",
        "[::1]",
        "fe80::1%eth0",
        "::1 ",
    ];

    #[test]
    fn agrees_with_std_on_every_kind_of_case() {
        for case in CASES {
            assert_eq!(is_ipv4(case), std_ipv4(case), "IPv4 {case:?}");
            assert_eq!(is_ipv6(case), std_ipv6(case), "IPv6 {case:?}");
        }
        // The list holds both answers for both kinds.
        assert!(CASES.iter().any(|c| std_ipv4(c)) && CASES.iter().any(|c| !std_ipv4(c)));
        assert!(CASES.iter().any(|c| std_ipv6(c)) && CASES.iter().any(|c| !std_ipv6(c)));
    }

    /// Text built from the pieces addresses are made of, so that valid and nearly valid ones
    /// both come up often.
    fn address_like() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            "[0-9a-fA-F]{1,5}",
            "(0|[1-9][0-9]{0,3})(\\.(0|[0-9]{1,4})){0,4}",
            Just(":".to_owned()),
            Just("::".to_owned()),
            Just(".".to_owned()),
            "[g-z%\\[\\] ]",
        ];
        prop::collection::vec(piece, 0..12).prop_map(|pieces| pieces.concat())
    }

    /// Groups, perhaps a `::` and more groups, perhaps an IPv4 address at the end.
    fn grouped_ipv6() -> impl Strategy<Value = String> {
        let group = "[0-9a-fA-F]{1,4}";
        (
            prop::collection::vec(group, 0..9),
            prop::option::of(prop::collection::vec(group, 0..8)),
            prop::option::of((0_u16..300, 0_u16..300, 0_u16..300, 0_u16..300)),
        )
            .prop_map(|(head, tail, ipv4)| {
                let mut text = head.join(":");
                if let Some(tail) = tail {
                    text.push_str("::");
                    text.push_str(&tail.join(":"));
                }
                if let Some((a, b, c, d)) = ipv4 {
                    if !text.is_empty() && !text.ends_with("::") {
                        text.push(':');
                    }
                    text.push_str(&format!("{a}.{b}.{c}.{d}"));
                }
                text
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4096))]

        #[test]
        fn agrees_with_std_on_address_like_text(text in address_like()) {
            prop_assert_eq!(is_ipv4(&text), std_ipv4(&text), "IPv4 {:?}", text);
            prop_assert_eq!(is_ipv6(&text), std_ipv6(&text), "IPv6 {:?}", text);
        }

        #[test]
        fn agrees_with_std_on_grouped_addresses(text in grouped_ipv6()) {
            prop_assert_eq!(is_ipv6(&text), std_ipv6(&text), "IPv6 {:?}", text);
        }

        #[test]
        fn agrees_with_std_on_any_text(text in "\\PC{0,20}") {
            prop_assert_eq!(is_ipv4(&text), std_ipv4(&text));
            prop_assert_eq!(is_ipv6(&text), std_ipv6(&text));
        }
    }
}
