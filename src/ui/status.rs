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
            {move || status.get().map(|status| {
                let (role, class, text) = match status {
                    FormStatus::Success(text) => ("status", "status status-success", text),
                    FormStatus::Failure(text) => ("alert", "status status-failure", text),
                };
                view! { <p role=role class=class>{text}</p> }
            })}
        </div>
    }
}
