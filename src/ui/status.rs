//! The outcome of the last Save. Success is polite (`role="status"`); a failure interrupts
//! (`role="alert"`), because the administrator has to act on it.

use leptos::either::Either;
use leptos::prelude::*;

use super::note::Note;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormStatus {
    Success(String),
    Failure(String),
}

#[component]
pub fn StatusArea(status: RwSignal<Option<FormStatus>>) -> impl IntoView {
    view! {
        <div id="form-status" class="form-status">
            // Either: a failure after a success is a new element, an alert that screen readers
            // announce, rather than the success paragraph with its role changed.
            {super::reactive(move || status.get().map(|status| match status {
                FormStatus::Success(text) => {
                    Either::Left(Note::new("status status-success", text).role("status").view())
                }
                FormStatus::Failure(text) => {
                    Either::Right(Note::new("status status-failure", text).role("alert").view())
                }
            }))}
        </div>
    }
}
