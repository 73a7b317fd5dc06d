//! Where loading the current settings stands, with a way out when it failed.

use leptos::either::Either;
use leptos::prelude::*;

use super::handler;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadState {
    Loading,
    Loaded {
        configured: bool,
    },
    /// The message says why, and what to check.
    Failed(String),
    /// Loading failed and the administrator chose to configure from scratch.
    StartedEmpty,
}

impl LoadState {
    /// How the state shows: a status (its class and its words), or why the load failed.
    fn shown(&self) -> Result<(&'static str, &'static str), String> {
        match self {
            LoadState::Loading => Ok(("load-progress", "Loading the current settings…")),
            LoadState::Loaded { configured: true } => Ok((
                "load-done",
                "Loaded the current settings from Command Center.",
            )),
            LoadState::Loaded { configured: false } => Ok((
                "load-done",
                "No mail server is configured in Command Center yet: fill in the form and save.",
            )),
            LoadState::StartedEmpty => Ok((
                "load-done",
                "Starting from an empty form: saving will configure the mail server from scratch.",
            )),
            LoadState::Failed(reason) => Err(reason.clone()),
        }
    }
}

/// Two shapes: a polite status whose words change as the load goes on, and an alert with the
/// ways out. The alert is always a new element, which screen readers announce reliably (a role
/// changed on an element already in the page may go unannounced).
#[component]
pub fn LoadStatus(
    state: RwSignal<LoadState>,
    on_retry: Callback<()>,
    on_start_empty: Callback<()>,
) -> impl IntoView {
    view! {
        <div id="load-status" class="load-status">
            {move || match state.with(LoadState::shown) {
                Err(reason) => Either::Left(view! {
                    <div role="alert" class="status status-failure load-failed">
                        <p>{reason}</p>
                        <div class="inline-actions">
                            <button
                                type="button"
                                id="load-retry"
                                on:click=handler(move |_| on_retry.run(()))
                            >
                                "Try again"
                            </button>
                            <button
                                type="button"
                                id="load-start-empty"
                                on:click=handler(move |_| on_start_empty.run(()))
                            >
                                "Start from an empty form"
                            </button>
                        </div>
                    </div>
                }),
                Ok((class, text)) => Either::Right(view! { <p role="status" class=class>{text}</p> }),
            }}
        </div>
    }
}
