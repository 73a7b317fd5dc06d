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

#[component]
pub fn LoadStatus(
    state: RwSignal<LoadState>,
    on_retry: Callback<()>,
    on_start_empty: Callback<()>,
) -> impl IntoView {
    view! {
        <div id="load-status" class="load-status">
            {move || match state.get() {
                LoadState::Loading => view! {
                    <p role="status" class="load-progress">"Loading the current settings…"</p>
                }
                .into_any(),
                LoadState::Loaded { configured: true } => view! {
                    <p role="status" class="load-done">"Loaded the current settings from Command Center."</p>
                }
                .into_any(),
                LoadState::Loaded { configured: false } => view! {
                    <p role="status" class="load-done">
                        "No mail server is configured in Command Center yet: fill in the form and save."
                    </p>
                }
                .into_any(),
                LoadState::StartedEmpty => view! {
                    <p role="status" class="load-done">
                        "Starting from an empty form: saving will configure the mail server from scratch."
                    </p>
                }
                .into_any(),
                LoadState::Failed(reason) => view! {
                    <div role="alert" class="status status-failure load-failed">
                        <p>{reason}</p>
                        <div class="inline-actions">
                            <button type="button" id="load-retry" on:click=move |_| on_retry.run(())>
                                "Try again"
                            </button>
                            <button type="button" id="load-start-empty" on:click=move |_| on_start_empty.run(())>
                                "Start from an empty form"
                            </button>
                        </div>
                    </div>
                }
                .into_any(),
            }}
        </div>
    }
}
