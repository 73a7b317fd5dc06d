//! commandcenter-email: the page with which an administrator sets up the mail server that
//! Commvault Command Center sends alerts, reports and log files through.
//!
//! - [`core`]: settings, validation, wire format, errors; no browser types, tested natively.
//! - [`api`]: the HTTP calls to Command Center, over gloo-net.
//! - [`ui`]: Leptos components that render state and forward events.
//! - [`words`]: what the page says, from the catalog `locales/en/page.ftl`.

pub mod api;
pub mod core;
pub mod ui;
pub mod words;

pub use ui::{install_panic_report, App};
