//! The page's components. They render signals and forward events; every decision (is this
//! valid, what does this answer mean, what happens next) is the core's.

mod connection;
mod current_call;
mod fields;
mod form_state;
mod load_status;
mod page;
mod panic_report;
mod portal;
mod reauth;
mod review;
mod session_bar;
mod settings_fields;
mod sign_in;
mod static_sign_in;
mod status;

use leptos::html::Dialog;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::api;
use crate::core::config::RuntimeConfig;
use crate::core::settings::Field;
use connection::ConnectionState;
pub use page::EmailServerPage;
pub use panic_report::install_panic_report;
use session_bar::SessionBar;

/// Signed out: index.html's own sign-in form, which the app takes over (`static_sign_in`).
/// Signed in: who, and the settings. Signing out drops the settings page with everything typed
/// in it, secrets included.
#[component]
pub fn App() -> impl IntoView {
    api::watch_violations();
    let connection = ConnectionState::new();
    let config_problem = RwSignal::new(None::<String>);
    load_runtime_config(connection, config_problem);
    static_sign_in::take_over(connection);
    // A memo, so that a new session (signing in again with a fresh token) does not re-create
    // the settings page: only signing in or out switches what is shown.
    let signed_in = Memo::new(move |_| connection.session.with(Option::is_some));

    // What goes into index.html's #app-root, below the page's static header.
    view! {
        {move || config_problem.get().map(|problem| view! {
            <p class="notice">{problem} " The page uses the default API base URL."</p>
        })}
        {move || signed_in.get().then(|| view! {
            <SessionBar connection />
            <EmailServerPage connection />
        })}
    }
}

/// Takes the settings of `config.json`; the API base URL only while nobody is signed in and the
/// administrator has not typed one.
fn load_runtime_config(connection: ConnectionState, problem: RwSignal<Option<String>>) {
    let control = connection.new_call();
    spawn_local(async move {
        match api::load_runtime_config(&control).await {
            Ok(config) => {
                show_title(&config);
                let typed = connection.api_base_url_typed.get_value();
                if !typed && connection.session.with_untracked(Option::is_none) {
                    connection.api_base_url.set(config.api_base_url.clone());
                }
                connection.portal.configured(Some(&config), connection);
                connection.config.set(config);
            }
            Err(reason) => {
                problem.set(Some(reason));
                connection.portal.configured(None, connection);
            }
        }
        connection.config_settled.set(true);
    });
}

/// The heading is index.html's, painted before the wasm runs: the title replaces its words.
fn show_title(config: &RuntimeConfig) {
    let document = document();
    document.set_title(&config.document_title());
    if let Some(heading) = document.get_element_by_id("page-title") {
        heading.set_text_content(Some(&config.title));
    }
}

/// Opens a dialog as a modal: the browser keeps focus inside, closes it on Escape and makes the
/// page behind it inert.
fn show_modal(dialog: NodeRef<Dialog>) {
    if let Some(dialog) = dialog.get_untracked() {
        // Fails only if the dialog is already open, and then it is where it should be.
        let _ = dialog.show_modal();
    }
}

fn close_dialog(dialog: NodeRef<Dialog>) {
    if let Some(dialog) = dialog.get_untracked() {
        dialog.close();
    }
}

/// Waits a frame so that the field's error is in the page when focus lands and a screen reader
/// reads the field with its description.
fn focus_input(field: Field) {
    focus_element(fields::input_id(field));
}

/// Focuses the element `id` after a frame, once the view has caught up.
fn focus_element(id: &'static str) {
    request_animation_frame(move || {
        let element = document()
            .get_element_by_id(id)
            .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(element) = element {
            // Focus can only fail on a detached element; then there is nothing to move to.
            let _ = element.focus();
        }
    });
}
