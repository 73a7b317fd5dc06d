//! The page's components. They render signals and forward events; every decision (is this
//! valid, what does this answer mean, what happens next) is the core's.
//!
//! The modules depend one way only, from the page down to its parts (a tidy test checks that no
//! two import each other): `app` → `page`, `session_bar`, `static_sign_in` and `theme` → the
//! forms and dialogs (the settings form with its `provider_select`) → `fields`, `current_call`,
//! `dom` and `connection` (the session, provided to every component as a context) → `portal`.

mod app;
mod connection;
mod current_call;
mod dom;
mod fields;
mod form_actions;
mod form_state;
mod language;
mod load_status;
mod next_steps;
mod other_tabs;
mod page;
mod panic_report;
mod portal;
mod provider_select;
mod reauth;
mod review;
mod session_bar;
mod settings_fields;
mod sign_in;
mod static_sign_in;
mod status;
mod theme;

pub use app::App;
pub use panic_report::install_panic_report;
