//! Where loading the current settings stands, with a way out when it failed.

use leptos::either::Either;
use leptos::prelude::*;

use crate::core::flow::LoadState;
use crate::words::{self, catalog as t};

/// Two shapes: a polite status whose words change as the load goes on, and an alert with the
/// ways out. The alert is always a new element, which screen readers announce reliably (a role
/// changed on an element already in the page may go unannounced).
#[component]
pub fn LoadStatus(
    #[prop(into)] state: Signal<LoadState>,
    on_retry: Callback<()>,
    on_start_empty: Callback<()>,
) -> impl IntoView {
    view! {
        <div id="load-status" class="load-status">
            {move || state.with(|state| match state {
                LoadState::Failed(_) => Either::Right(view! {
                    <div role="alert" class="status status-failure load-failed">
                        <p>{words::load_state(state)}</p>
                        <div class="inline-actions">
                            <button type="button" id="load-retry" on:click=move |_| on_retry.run(())>
                                {move || t::button_load_retry()}
                            </button>
                            <button
                                type="button"
                                id="load-start-empty"
                                on:click=move |_| on_start_empty.run(())
                            >
                                {move || t::button_load_start_empty()}
                            </button>
                        </div>
                    </div>
                }),
                _ => {
                    let class = if *state == LoadState::Loading { "load-progress" } else { "load-done" };
                    Either::Left(view! { <p role="status" class=class>{words::load_state(state)}</p> })
                }
            })}
        </div>
    }
}
