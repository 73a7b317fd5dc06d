//! The outcome of the last Save. Success is polite (`role="status"`); a failure interrupts
//! (`role="alert"`), because the administrator has to act on it.

use leptos::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormStatus {
    Success(String),
    Failure(String),
}

#[component]
pub fn StatusArea(status: RwSignal<Option<FormStatus>>) -> impl IntoView {
    view! {
        <div id="form-status" class="form-status">
            {move || match status.get() {
                Some(FormStatus::Success(text)) => {
                    view! { <p role="status" class="status status-success">{text}</p> }.into_any()
                }
                Some(FormStatus::Failure(text)) => {
                    view! { <p role="alert" class="status status-failure">{text}</p> }.into_any()
                }
                None => ().into_any(),
            }}
        </div>
    }
}
