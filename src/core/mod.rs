//! The pure core of the page: the settings model, validation, the wire format of the Command
//! Center API and the meaning of its answers.
//!
//! Nothing here touches the browser, so all of it is unit-tested natively with `cargo test`.
//! The HTTP client (`crate::api`) and the components (`crate::ui`) only move data in and out.
//!
//! All of it also ships in the wasm, under the page's size budget: searching text for text goes
//! through [`text`] and slices are taken with `str::get`, never `&text[a..b]` (see `text` for what
//! std's versions cost); whether text holds an ASCII character is asked of its bytes
//! (`text.as_bytes().contains(&b'/')`), since `str::contains(char)` alone costs 0.85 KB of brotli;
//! and IP addresses are checked in `validation`, not parsed by `std::net`.

pub mod changes;
pub mod config;
pub mod errors;
pub mod json;
pub mod login;
pub mod requests;
pub mod secret;
pub mod settings;
pub mod text;
pub mod validation;
pub mod wire;
