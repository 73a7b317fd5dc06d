//! The pure core of the page: the settings model, validation, the wire format of the Command
//! Center API and the meaning of its answers.
//!
//! Nothing here touches the browser, so all of it is unit-tested natively with `cargo test`.
//! The HTTP client (`crate::api`) and the components (`crate::ui`) only move data in and out.

pub mod address;
pub mod as_code;
pub mod changes;
pub mod config;
pub mod embedding;
pub mod errors;
pub mod flow;
pub mod language;
pub mod login;
pub mod other_tabs;
pub mod providers;
pub mod recheck;
pub mod requests;
pub mod saved_password;
pub mod secret;
pub mod settings;
pub mod smtp_advice;
pub mod validation;
pub mod warnings;
pub mod wire;
