//! Where loading the current settings stands, with a way out when it failed.

use leptos::prelude::*;

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
    /// The sentence to show, and whether it is a failure to act on.
    fn report(&self) -> (String, bool) {
        let text = match self {
            LoadState::Loading => "Loading the current settings…",
            LoadState::Loaded { configured: true } => {
                "Loaded the current settings from Command Center."
            }
            LoadState::Loaded { configured: false } => {
                "No mail server is configured in Command Center yet: fill in the form and save."
            }
            LoadState::StartedEmpty => {
                "Starting from an empty form: saving will configure the mail server from scratch."
            }
            LoadState::Failed(reason) => reason,
        };
        (text.to_owned(), matches!(self, LoadState::Failed(_)))
    }
}

/// One shape for every state, the role and the look set by the state: rendering a different view
/// per state costs the wasm 1.4 KB more.
#[component]
pub fn LoadStatus(
    state: RwSignal<LoadState>,
    on_retry: Callback<()>,
    on_start_empty: Callback<()>,
) -> impl IntoView {
    view! {
        <div id="load-status" class="load-status">
            {move || {
                let (text, failed) = state.with(LoadState::report);
                let (role, class) = match (failed, state.with(|s| *s == LoadState::Loading)) {
                    (true, _) => ("alert", "status status-failure load-failed"),
                    (false, true) => ("status", "load-progress"),
                    (false, false) => ("status", "load-done"),
                };
                view! {
                    <div role=role class=class>
                        <p>{text}</p>
                        {failed.then(|| view! {
                            <div class="inline-actions">
                                <button type="button" id="load-retry" on:click=super::handler(move |_| on_retry.run(()))>
                                    "Try again"
                                </button>
                                <button
                                    type="button"
                                    id="load-start-empty"
                                    on:click=super::handler(move |_| on_start_empty.run(()))
                                >
                                    "Start from an empty form"
                                </button>
                            </div>
                        })}
                    </div>
                }
            }}
        </div>
    }
}
