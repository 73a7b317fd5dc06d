//! The page as a whole: `config.json` read and applied, index.html's sign-in form taken over, and
//! once signed in, who is signed in and the settings.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::connection::ConnectionState;
use super::language::{LanguageMenu, LanguageState};
use super::page::EmailServerPage;
use super::session_bar::SessionBar;
use super::static_sign_in;
use super::theme::OperatorTheme;
use crate::api;
use crate::core::config::{ConfigProblem, RuntimeConfig};
use crate::words;

/// Signed out: index.html's own sign-in form, which the app takes over (`static_sign_in`).
/// Signed in: who, and the settings. Signing out drops the settings page with everything typed
/// in it, secrets included.
#[component]
pub fn App() -> impl IntoView {
    api::watch_violations();
    let connection = ConnectionState::new();
    provide_context(connection);
    let config_problem = RwSignal::new(None::<ConfigProblem>);
    load_runtime_config(connection, config_problem);
    let language = LanguageState::start(connection);
    static_sign_in::take_over();
    // The document's title and index.html's heading, in the language spoken.
    Effect::new(move |_| connection.config.with(show_title));

    // What goes into index.html's #app-root, below the page's static header. `<Show>` memoises
    // its condition: a new session (signing in again with a fresh token) does not re-create the
    // settings page, only signing in or out does.
    view! {
        <LanguageMenu language connection />
        {move || config_problem.get().map(|problem| view! {
            <p class="notice">{move || words::config_problem(&problem)}</p>
        })}
        <OperatorTheme />
        <Show when=move || connection.session.with(Option::is_some)>
            <SessionBar />
            <EmailServerPage />
        </Show>
    }
}

/// Takes the settings of `config.json`; the API base URL only while nobody is signed in and the
/// administrator has not typed one.
fn load_runtime_config(connection: ConnectionState, problem: RwSignal<Option<ConfigProblem>>) {
    let control = connection.new_call();
    spawn_local(async move {
        match api::load_runtime_config(&control).await {
            Ok(config) => {
                let typed = connection.api_base_url_typed.get_value();
                if !typed && connection.session.with_untracked(Option::is_none) {
                    connection.api_base_url.set(config.api_base_url.clone());
                }
                connection.configure_portal(Some(&config));
                connection.config.set(config);
            }
            Err(reason) => {
                problem.set(Some(reason));
                connection.configure_portal(None);
            }
        }
        connection.config_settled.set(true);
    });
}

/// The heading is index.html's, painted before the wasm runs: the title replaces its words.
fn show_title(config: &RuntimeConfig) {
    let document = document();
    document.set_title(&words::document_title(config.title.as_deref()));
    if let Some(heading) = document.get_element_by_id("page-title") {
        let title = config
            .title
            .clone()
            .unwrap_or_else(words::catalog::page_title);
        heading.set_text_content(Some(&title));
    }
}
