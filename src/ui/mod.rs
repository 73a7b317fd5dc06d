//! The page's components. They render signals and forward events; every decision (is this
//! valid, what does this answer mean, what is the message) is the core's.
//!
//! Size: tachys compiles its machinery once per *type* of view, closure or handler, and that is
//! most of the wasm. So the components here pass event handlers through `handler` and reactive
//! attributes and texts through `reactive` (one boxed type each), render paragraphs that come
//! and go through `note::Note`, and never use `.into_any()` (its type-erased machinery alone is
//! 1.5 KB of brotli). `cargo xtask test` fails when the bundle grows past size-budget.toml.

mod connection;
mod current_call;
mod fields;
mod form_state;
mod load_status;
mod note;
mod page;
mod panic_report;
mod review;
mod sign_in;
mod status;

use leptos::either::Either;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api;

/// Event handlers and reactive values, boxed. tachys compiles its code to attach a handler, or
/// to keep an attribute or a text up to date, once per closure *type*; boxed, every handler of one
/// event and every reactive value of one type share a single copy (a closure's own body stays).
/// Measured on the whole page: 0.6 KB less brotli for the click handlers alone.
pub(crate) fn handler<E: 'static>(handler: impl FnMut(E) + 'static) -> Box<dyn FnMut(E)> {
    Box::new(handler)
}

/// See [`handler`].
pub(crate) fn reactive<T>(
    value: impl Fn() -> T + Send + Sync + 'static,
) -> Box<dyn Fn() -> T + Send + Sync> {
    Box::new(value)
}
use connection::ConnectionState;
use note::Note;
pub use page::EmailServerPage;
pub use panic_report::install_panic_report;
use sign_in::{SessionBar, SignInPanel};

/// Signed out: the sign-in panel. Signed in: who, and the settings. Signing out drops the
/// settings page with everything typed in it, secrets included.
#[component]
pub fn App() -> impl IntoView {
    let connection = ConnectionState::new();
    let config_problem = RwSignal::new(None::<String>);
    load_runtime_config(connection, config_problem);
    // A memo, so that a new session (signing in again with a fresh token) does not re-create
    // the settings page: only signing in or out switches what is shown.
    let signed_in = Memo::new(move |_| connection.session.with(Option::is_some));

    // What goes into index.html's #app, below the page's static header.
    view! {
        {reactive(move || config_problem.get().map(|problem| {
            Note::new("notice", format!("{problem} The page uses the default API base URL."))
                .view()
        }))}
        {move || if signed_in.get() {
            Either::Left(view! {
                <SessionBar connection />
                <EmailServerPage connection />
            })
        } else {
            Either::Right(view! { <SignInPanel connection /> })
        }}
    }
}

/// Takes the API base URL from `config.json` unless the administrator is already signed in.
fn load_runtime_config(connection: ConnectionState, problem: RwSignal<Option<String>>) {
    let control = connection.new_call();
    spawn_local(async move {
        match api::load_runtime_config(&control).await {
            Ok(config) => {
                connection
                    .request_timeout_seconds
                    .set(config.request_timeout_seconds);
                if connection.session.with_untracked(Option::is_none) {
                    connection.api_base_url.set(config.api_base_url);
                }
            }
            Err(reason) => problem.set(Some(reason)),
        }
    });
}
